"""The self-training step of bench/train_ner.py: which unlabelled sentences it adds to the tagger's training."""

from __future__ import annotations

import argparse
import json
import sys
import zipfile
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

import train_ner  # noqa: E402

# Invented sentences: a person after "قال الرئيس" and a place after "في مدينة".
_NAMES = ["سمير ناصري", "كريم حداد", "وليد منصور", "هشام بركات", "نبيل سعدون", "فراس الحلبي"]
_PLACES = ["زحلة", "صور", "جبيل", "طبرق", "سبها", "مرسين"]


def _training_sentences() -> list[list[tuple[str, str]]]:
    out = []
    for name, place in zip(_NAMES, _PLACES, strict=True):
        first, last = name.split()
        words = ["قال", "الرئيس", first, last, "اليوم", "في", "مدينة", place, "إن", "الحوار", "مستمر"]
        tags = ["O", "O", "B-PER", "I-PER", "O", "O", "O", "B-LOC", "O", "O", "O"]
        out.append(list(zip(words, tags, strict=True)))
        out.append([(w, "O") for w in "وأضاف أن اللجنة ستعقد اجتماعها المقبل بعد أسبوعين من الآن".split()])
    return out


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("ner") / "tiny.crfsuite"
    args = argparse.Namespace(c1=0.0, c2=0.01, iterations=50)
    train_ner.train_crf(_training_sentences() * 3, path, args)
    return path


def _corpus(root: Path, contents: list[str]) -> Path:
    (root / "saudinewsnet").mkdir(parents=True)
    with zipfile.ZipFile(root / "saudinewsnet" / "part.zip", "w") as zf:
        zf.writestr("part.json", json.dumps([{"title": "", "content": c} for c in contents], ensure_ascii=False))
    return root


def test_self_training_keeps_confident_sentences_with_an_entity_only(tiny_model: Path, tmp_path: Path) -> None:
    news = ("قال الرئيس كريم حداد اليوم في مدينة صور إن الحوار مستمر.\n"
            "قال الرئيس كريم حداد.\n"  # a name, but under eight words
            "وأضاف أن اللجنة ستعقد اجتماعها المقبل بعد أسبوعين من الآن.")  # long enough, no entity
    kept = train_ner.self_tagged(tiny_model, _corpus(tmp_path, [news]), n=10, min_prob=0.5)
    assert len(kept) == 1
    words, tags = zip(*kept[0], strict=True)
    assert words[:4] == ("قال", "الرئيس", "كريم", "حداد")
    assert tags[2:4] == ("B-PER", "I-PER")


def test_self_training_drops_sentences_below_the_confidence_floor_and_stops_at_n(tiny_model: Path, tmp_path: Path) -> None:
    sentence = "قال الرئيس وليد منصور اليوم في مدينة جبيل إن الحوار مستمر."
    data = _corpus(tmp_path, [sentence, sentence, sentence])
    assert train_ner.self_tagged(tiny_model, data, n=10, min_prob=1.01) == []
    assert len(train_ner.self_tagged(tiny_model, data, n=1, min_prob=0.5)) == 1

"""The shipped entity tagger (marsad.nlp.tagger): a BiLSTM-CRF run in numpy from the package's own files."""

from pathlib import Path

import pytest

from marsad.arabic.tokens import tokenize_spans
from marsad.nlp.tagger import MAX_SEQUENCE, TAGS, allowed_transitions, sentence_bounds, sentence_ends, shipped_tagger


def _words(text: str) -> list[str]:
    return [w for w, _s, _e in tokenize_spans(text)]


def _spans(words: list[str], tags: list[str]) -> list[tuple[str, str]]:
    out, cur, kind = [], [], None
    for w, t in zip([*words, ""], [*tags, "O"], strict=True):
        if (t == "O" or t.startswith("B-")) and cur:
            out.append((" ".join(cur), kind))
            cur, kind = [], None
        if t != "O":
            cur.append(w)
            kind = t[2:]
    return out


def test_sentences_end_at_their_marks_and_a_run_on_text_is_cut_into_bounded_pieces() -> None:
    text = "وصل الوفد إلى الرياض. وبدأ الاجتماع اليوم؟ ثم انتهى\nالعنوان التالي"
    spans = tokenize_spans(text)
    words = [w for w, _s, _e in spans]
    assert "." not in words  # the tokenizer drops punctuation: the text tells where sentences end
    bounds = sentence_bounds(words, sentence_ends(spans, text))
    assert [words[b - 1] for _, b in bounds] == ["الرياض", "اليوم", "انتهى", "التالي"]
    assert [b - a for a, b in sentence_bounds([*"ab", ".", *"cd"])] == [3, 2]  # or punctuation tokens do
    for text in ("قال د. فيصل الحمدان إن المعرض مفتوح", "أكدت بي.دبليو الاستشارية أن الطلب سيتضاعف"):
        assert sentence_ends(tokenize_spans(text), text) == set()  # an initial, a dotted name
    assert bounds[0][0] == 0 and bounds[-1][1] == len(words)
    assert all(b == c for (_, b), (c, _) in zip(bounds, bounds[1:]))
    long = ["كلمة"] * (2 * MAX_SEQUENCE + 7)
    assert [b - a for a, b in sentence_bounds(long)] == [MAX_SEQUENCE, MAX_SEQUENCE, 7]


def test_the_shipped_tagger_finds_people_and_places_in_well_formed_bio() -> None:
    text = ("قال الرئيس الروسي فلاديمير بوتين في موسكو اليوم إن بلاده ستدعم الحل السياسي. "
            "وأعلنت وزارة الخارجية الأمريكية في واشنطن أن الوزير سيزور القاهرة الأسبوع المقبل.")
    spans = tokenize_spans(text)
    words = [w for w, _s, _e in spans]
    tags = shipped_tagger().tag(words, sentence_ends(spans, text))
    assert len(tags) == len(words) and set(tags) <= set(TAGS)
    for prev, cur in zip(["O", *tags], tags):  # I-X only inside an X
        assert not cur.startswith("I-") or prev[2:] == cur[2:]
    found = _spans(words, tags)
    assert ("فلاديمير بوتين", "PER") in found
    assert ("موسكو", "LOC") in found and ("واشنطن", "LOC") in found and ("القاهرة", "LOC") in found
    assert not any(name in ("قال", "اليوم", "الأسبوع") for name, _ in found)


def test_an_article_without_sentence_marks_is_tagged_token_for_token() -> None:
    words = _words("التقى الأمير محمد بن سلمان في الرياض وزير الخارجية الأمريكي جون كيري " * 40)
    tags = shipped_tagger().tag(words)
    assert len(words) > MAX_SEQUENCE and len(tags) == len(words)
    assert tags[words.index("كيري")].endswith("-PER")


def test_the_bio_constraints_forbid_an_inside_tag_after_another_type() -> None:
    allowed, first = allowed_transitions()
    index = {t: i for i, t in enumerate(TAGS)}
    assert allowed[index["B-PER"], index["I-PER"]] and allowed[index["I-PER"], index["I-PER"]]
    assert not allowed[index["O"], index["I-PER"]] and not allowed[index["B-LOC"], index["I-PER"]]
    assert first[index["B-ORG"]] and not first[index["I-ORG"]]


def test_the_model_is_a_small_file_of_the_package() -> None:
    import marsad.nlp

    path = Path(marsad.nlp.__file__).parent / "data" / "ner_bilstm.npz"
    assert path.exists() and path.stat().st_size < 20e6


@pytest.mark.parametrize("tokens", [[], ["."], ["بوتين"]])
def test_tiny_inputs_get_one_tag_each(tokens: list[str]) -> None:
    assert len(shipped_tagger().tag(tokens)) == len(tokens)


def test_a_word_tagged_as_a_person_elsewhere_is_that_person_where_it_stands_alone() -> None:
    from marsad.nlp.tagger import persons_named_elsewhere

    words = "قال الوزير موسى واتيتو إن الوفد وصل وأوضح واتيتو أن جميل محمود حضر والشعر الجميل باق".split()
    tags = ["O"] * len(words)
    tags[2:4] = ["B-PER", "I-PER"]
    tags[words.index("جميل"):words.index("جميل") + 2] = ["B-PER", "I-PER"]
    out = persons_named_elsewhere(words, tags)
    assert out[8] == "B-PER"  # the second واتيتو
    assert out[words.index("الجميل")] == "O"  # a whole other word, not the name with ال
    assert [i for i, (a, b) in enumerate(zip(tags, out, strict=True)) if a != b] == [8]
    # a word the network tagged O in most of its other mentions stays O
    words = "وصل سالم ثم غادر سالم وعاد سالم ثم سالم".split()
    tags = ["O", "B-PER", "O", "O", "O", "O", "O", "O", "O"]
    assert persons_named_elsewhere(words, tags) == tags


def test_the_word_cache_overflowing_mid_run_loses_no_token(monkeypatch: pytest.MonkeyPatch) -> None:
    import marsad.nlp.tagger as tagger_module

    tagger = shipped_tagger()
    text = "وصل وزير الخارجية الأمريكي جون كيري إلى الرياض اليوم والتقى نظيره في قصر المؤتمرات"
    words = _words(text)
    expected = tagger.tag(words)
    monkeypatch.setattr(tagger_module, "_ROW_CACHE", 3)  # the cache now holds more words than it may
    # a text of cached words and a new one: the cache is emptied, and the cached words must not be lost with it
    assert tagger.tag([*words, "جديدة"])[:len(words)] == expected

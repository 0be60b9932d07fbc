"""Event reports on the demo corpus gold: cited summaries, no repeats, planted disagreements found."""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from itertools import combinations
from pathlib import Path

import pytest

from marsad.arabic.normalize import normalize_match
from marsad.arabic.tokens import content_terms
from marsad.report.contradiction import stance
from marsad.report.event import disagreements, related_disagreements
from marsad.report.summary import split_sentences, summarize

from .conftest import article_for


def _load(db: Path) -> tuple[list[dict], dict[str, dict]]:
    con = sqlite3.connect(db)
    con.row_factory = sqlite3.Row
    arts = [dict(r) for r in con.execute("SELECT id, input_id, outlet, body, event_id, duplicate_of FROM articles")]
    events = {r["id"]: json.loads(r["record"]) for r in con.execute("SELECT id, record FROM events")}
    return arts, events


def test_every_summary_sentence_is_in_an_article_it_cites(demo_db: Path) -> None:
    arts, events = _load(demo_db)
    body = {a["id"]: normalize_match(a["body"]) for a in arts}
    for rec in events.values():
        assert rec["summary"]
        for s in rec["summary"]:
            assert s["article_ids"]
            assert any(normalize_match(s["text"]) in body[i] for i in s["article_ids"]), s["text"]


def test_no_two_summary_sentences_are_near_duplicates(demo_db: Path) -> None:
    _arts, events = _load(demo_db)
    for rec in events.values():
        terms = [set(content_terms(s["text"])) for s in rec["summary"]]
        for a, b in combinations(terms, 2):
            assert len(a & b) / max(len(a | b), 1) < 0.5


@pytest.mark.parametrize("event", [
    # E2's rewrite states its count in a paraphrase sharing 3 of 23 words with the wire's sentence, in a separate
    # event of the storyline (issue 7): the two headlines name the same happening, and the context includes them
    "E2",
    "E4",  # the wire and a reworded rewrite sit in separate events of one storyline: found across them
])
def test_planted_disagreements_are_found(demo_db: Path, gold: dict, event: str) -> None:
    arts, events = _load(demo_db)
    for planted in (d for d in gold["disagreements"] if d["event"] == event):
        pages = [p for p in gold["pages"] if p["event"] == planted["event"]]
        event_ids = Counter(article_for(arts, p)["event_id"] for p in pages if article_for(arts, p))
        found = set()
        for eid in event_ids:
            for d in events[eid]["disagreements"]:
                if d["kind"] == planted["kind"]:
                    found |= {v["value"] for v in d["values"]}
        assert set(planted["values"]) <= found, (planted, found)


def test_spelling_variants_merge_and_distinct_people_do_not(demo_db: Path, gold: dict) -> None:
    _arts, events = _load(demo_db)
    canon_of: dict[str, set[str]] = {}
    for rec in events.values():
        for e in rec["entities"]:
            for v in e["variants"]:
                canon_of.setdefault(normalize_match(v), set()).add(e["canonical"])
    for group in gold["variant_groups"]:
        canons = set().union(*(canon_of.get(normalize_match(v), set()) for v in group))
        assert len(canons) == 1, (group, canons)
    for a, b in gold["distinct_people"]:
        ca, cb = canon_of.get(normalize_match(a), set()), canon_of.get(normalize_match(b), set())
        assert not (ca & cb), (a, b)


def test_sentence_splitting_handles_missing_spaces_and_quotes() -> None:
    text = "قتل ثلاثة في المنطقة الكردية.وقال المسؤول إن «الوضع صعب. لكنه تحت السيطرة» مساء أمس. وبلغت النسبة 3.5 في المئة من الإجمالي."
    sents = split_sentences(text)
    assert sents[0] == "قتل ثلاثة في المنطقة الكردية."
    assert sents[1].startswith("وقال المسؤول") and "تحت السيطرة» مساء أمس." in sents[1]
    assert "3.5" in sents[2]


def test_contradiction_model_ranks_a_negation_above_a_paraphrase() -> None:
    a = "الحكومة تعلن رفع أسعار الوقود اعتبارا من الشهر المقبل"
    negated = "الحكومة تنفي رفع أسعار الوقود الشهر المقبل"
    paraphrase = "الحكومة تعلن زيادة أسعار الوقود بدءا من الشهر المقبل"
    p_neg, p_par = stance(a, negated), stance(a, paraphrase)
    assert abs(sum(p_neg.values()) - 1) < 1e-6
    assert p_neg["disagree"] > p_par["disagree"]


def test_disagreements_between_outlets_of_one_event() -> None:
    def art(i: str, outlet: str, body: str, ents: list[dict] | None = None, quotes: list[dict] | None = None) -> dict:
        return {"id": i, "outlet": outlet, "body": body, "entities": ents or [], "quotes": quotes or []}

    body_a = "اتفق الجانبان على تبادل 300 أسير من كل طرف، وقال الرئيس السوري أحمد الشرع إن «المرحلة صعبة»."
    body_b = "ينص الاتفاق على الإفراج عن 250 أسيرا، وقال الرئيس السوري المؤقت أحمد الشرع إن «المرحلة صعبة»."
    ent = lambda body: [{"text": "أحمد الشرع", "start": body.index("أحمد"), "end": body.index("أحمد") + 10, "type": "PER", "canonical": "أحمد الشرع"}]  # noqa: E731
    quote = lambda speaker: [{"text": "المرحلة صعبة", "kind": "direct", "speaker_canonical": speaker}]  # noqa: E731
    found = disagreements([art("a", "منفذ1", body_a, ent(body_a), quote("أحمد الشرع")),
                           art("b", "منفذ2", body_b, ent(body_b), quote("وزير الخارجية"))])
    kinds = {d["kind"]: d for d in found}
    assert {v["value"] for v in kinds["number"]["values"]} == {"300", "250"}
    assert {v["value"] for v in kinds["role"]["values"]} == {"الرئيس السوري", "الرئيس السوري المؤقت"}
    assert {v["value"] for v in kinds["attribution"]["values"]} == {"أحمد الشرع", "وزير الخارجية"}
    same = disagreements([art("a", "منفذ1", body_a), art("c", "منفذ1", body_b)])
    assert not [d for d in same if d["kind"] == "number"]  # one outlet correcting itself is not a disagreement


def test_the_summary_prefers_what_several_outlets_state() -> None:
    # one outlet's sentence is the most central (its words recur everywhere); two outlets state the other one
    shared = "أعلنت وزارة الصحة تسجيل خمس إصابات جديدة بالفيروس في مدينة الرياض خلال اليوم."
    central = "رفعت المستشفيات في الرياض جاهزيتها لاستقبال المصابين بالفيروس وتتابع الفرق الطبية حالاتهم."
    arts = [
        {"id": "a", "outlet": "منفذ1", "published": "2026-01-01", "body": shared + " وتتابع الفرق الطبية حالات المصابين في المستشفيات."},
        {"id": "b", "outlet": "منفذ2", "published": "2026-01-01", "body": shared + " وقالت مصادر إن المستشفيات رفعت جاهزيتها لاستقبال المصابين."},
        {"id": "c", "outlet": "منفذ3", "published": "2026-01-01", "body": central},
        {"id": "d", "outlet": "منفذ4", "published": "2026-01-01",
         "body": "وذكرت مصادر طبية أن المستشفيات في الرياض رفعت جاهزيتها وأن الفرق الطبية تتابع المصابين بالفيروس."},
    ]
    top = summarize(arts, budget=1)
    assert top[0]["text"] == shared and set(top[0]["article_ids"]) == {"a", "b"}
    assert central in [s["text"] for s in summarize(arts, budget=2)]


def test_counts_differing_from_a_same_day_event_of_the_storyline_are_disagreements_only_in_the_same_context() -> None:
    def art(i: str, outlet: str, body: str) -> dict:
        return {"id": i, "outlet": outlet, "body": body, "entities": [], "quotes": []}

    wire = art("w", "منفذ1", "أعلن الدفاع المدني في تبوك وفاة 3 أشخاص جراء السيول التي اجتاحت أحياء المدينة.")
    rewrite = art("r", "منفذ2", "قال الدفاع المدني إن 6 أشخاص لقوا حتفهم في السيول التي ضربت أحياء تبوك.")
    other = art("o", "منفذ3", "نقلت الفرق الطبية 9 أشخاص إلى المستشفى بعد حادث مروري على طريق الساحل.")
    found = related_disagreements([wire], [rewrite, other])
    assert [(d["slot"], [v["value"] for v in d["values"]]) for d in found] == [("اشخاص", ["3", "6"])]
    assert found[0]["related"] and found[0]["values"][1]["outlets"] == ["منفذ2"]
    assert related_disagreements([wire], [other]) == []  # another happening's count, in another context
    same_outlet = dict(rewrite, outlet="منفذ1")
    assert related_disagreements([wire], [same_outlet]) == []  # one outlet updating its own count
    known = [{"kind": "number", "slot": "اشخاص", "values": []}]
    assert related_disagreements([wire], [rewrite], known) == []  # already a disagreement inside the event

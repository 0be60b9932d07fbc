"""Event reports on the demo corpus gold: cited summaries, no repeats, planted disagreements found."""

from __future__ import annotations

import json
import re
import sqlite3
from collections import Counter
from itertools import combinations
from pathlib import Path

import pytest

from marsad.arabic.normalize import normalize_match
from marsad.arabic.tokens import content_terms
from marsad.report.contradiction import stance
from marsad.report.disagreements import count_disagreements, date_disagreements, disagreements, related_disagreements
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
            # a speaker the sentence leaves implicit is named in brackets, the only words the article lacks
            text = s["text"].replace(f" [{s['speaker']}]", "", 1) if s.get("speaker") else s["text"]
            assert "[" not in text
            assert any(normalize_match(text) in body[i] for i in s["article_ids"]), s["text"]


def test_no_two_summary_sentences_are_near_duplicates(demo_db: Path) -> None:
    _arts, events = _load(demo_db)
    for rec in events.values():
        terms = [set(content_terms(s["text"])) for s in rec["summary"]]
        for a, b in combinations(terms, 2):
            assert len(a & b) / max(len(a | b), 1) < 0.5


@pytest.mark.parametrize("event", [
    "E1",  # a copy gives the previous round's end another day than its source
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
                    found |= {v["value"] for v in d["values"]} | {v.get("date") for v in d["values"]}
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
    def art(i: str, outlet: str, body: str, quotes: list[dict] | None = None) -> dict:
        ents = [{"text": m.group(), "start": m.start(), "end": m.end(), "type": "PER", "canonical": m.group()}
                for m in re.finditer("أحمد الشرع|أسعد الشيباني", body)]
        for q in quotes or []:  # the quoted words' offsets in this body
            q["start"] = body.index(q["text"])
            q["end"] = q["start"] + len(q["text"])
        return {"id": i, "outlet": outlet, "body": body, "entities": ents, "quotes": quotes or []}

    body_a = ("اتفق الجانبان على تبادل 300 أسير من كل طرف بحضور الرئيس السوري أحمد الشرع في دمشق. "
              "وقال أحمد الشرع إن «المرحلة صعبة».")
    body_b = ("اتفق الجانبان على تبادل 250 أسيرا من كل طرف بحضور الرئيس السوري المؤقت أحمد الشرع في دمشق. "
              "وقال أسعد الشيباني إن «المرحلة صعبة».")
    quote = lambda speaker: [{"text": "المرحلة صعبة", "kind": "direct", "speaker": speaker, "speaker_canonical": speaker}]  # noqa: E731
    found = disagreements([art("a", "منفذ1", body_a, quote("أحمد الشرع")), art("b", "منفذ2", body_b, quote("أسعد الشيباني"))])
    kinds = {d["kind"]: d for d in found}
    assert {v["value"] for v in kinds["number"]["values"]} == {"300", "250"}
    assert {v["value"] for v in kinds["role"]["values"]} == {"الرئيس السوري", "الرئيس السوري المؤقت"}
    assert {v["value"] for v in kinds["attribution"]["values"]} == {"أحمد الشرع", "أسعد الشيباني"}
    same = disagreements([art("a", "منفذ1", body_a), art("c", "منفذ1", body_b)])
    assert not [d for d in same if d["kind"] in ("number", "role")]  # one outlet correcting itself is not a disagreement
    # a title written out differently ("صاحب السمو الأمير" / "الأمير") is the same title; a speaker named with and
    # without a middle name, or guessed from a pronoun ("سموه"), is no other speaker
    prince = lambda title: art("p", "منفذ1", f"واستقبل {title} أحمد الشرع الوفد في الرياض.")  # noqa: E731
    assert disagreements([prince("السمو الأمير"), dict(prince("الأمير"), id="q", outlet="منفذ2")]) == []
    fuller = art("s", "منفذ2", "وقال أحمد حسين الشرع إن «المرحلة صعبة».", quote("أحمد حسين الشرع"))
    fuller["entities"] = [{"text": "أحمد حسين الشرع", "start": 5, "end": 20, "type": "PER", "canonical": "أحمد حسين الشرع"}]
    assert [d for d in disagreements([art("a", "منفذ1", body_a, quote("أحمد الشرع")), fuller]) if d["kind"] == "attribution"] == []
    other = art("o", "منفذ2", "وقال أسعد الشيباني إن «المرحلة صعبة».", quote("أسعد الشيباني"))
    assert [d for d in disagreements([art("a", "منفذ1", body_a, quote("أحمد الشرع")), other]) if d["kind"] == "attribution"]
    # a speaker carried over from sentences before ("وأضاف") is the quote reader's guess, not the outlet's claim
    carried = art("c", "منفذ2", "قال أسعد الشيباني في مؤتمر صحفي عقده في العاصمة دمشق مساء اليوم إن المفاوضات مستمرة مع "
                  "الأطراف كافة، وإن الوفود ستلتقي مجددا الأسبوع المقبل لبحث الملفات العالقة بين الجانبين. وأضاف أن "
                  "«المرحلة صعبة».", quote("أسعد الشيباني"))
    assert [d for d in disagreements([art("a", "منفذ1", body_a, quote("أحمد الشرع")), carried]) if d["kind"] == "attribution"] == []
    guessed = art("g", "منفذ2", "وقال سموه إن «المرحلة صعبة».", quote("سموه"))
    assert [d for d in disagreements([art("a", "منفذ1", body_a, quote("أحمد الشرع")), guessed]) if d["kind"] == "attribution"] == []


def test_counts_disagree_only_between_sentences_stating_the_same_thing() -> None:
    def art(i: str, outlet: str, body: str) -> dict:
        return {"id": i, "outlet": outlet, "body": body, "entities": [], "quotes": []}

    toll = "وقال المرصد في بيان إن {} مدنيا قتلوا وأصيب العشرات جراء الغارات على المدينة خلال اليومين الماضيين."
    found = count_disagreements([art("a", "منفذ1", toll.format("173")), art("b", "منفذ2", toll.format("170"))])
    assert [(d["slot"], [v["value"] for v in d["values"]]) for d in found] == [("مدني", ["170", "173"])]
    # the same figure written three ways, and the same figure rounded, are one value
    price = "ودفع النادي {} مليون جنيه للتعاقد مع المهاجم القادم من الدوري الإيطالي بعقد يمتد أربعة مواسم."
    for one, other in (("32.5", "5ر32"), ("1.2", "1,2"), ("10.1", "10.11")):
        assert count_disagreements([art("a", "منفذ1", price.format(one)), art("b", "منفذ2", price.format(other))]) == []
    # another quantity of the same noun in another sentence of the event: a fine list, a different statement
    fines = art("c", "منفذ2", "وغرمت الوزارة 12 منشأة مخالفة في منطقة مكة المكرمة وأنذرت الباقين.")
    assert count_disagreements([art("a", "منفذ1", "وأغلقت الوزارة 30 منشأة في الرياض بسبب مخالفات صحية جسيمة."), fines]) == []
    # two figures of one slot far apart are two quantities, not two counts of one
    assert count_disagreements([art("a", "منفذ1", toll.format("17")), art("b", "منفذ2", toll.format("170"))]) == []


def test_a_toll_that_rose_over_time_is_marked_and_a_list_of_amounts_is_no_disagreement() -> None:
    def art(i: str, outlet: str, published: str, body: str) -> dict:
        return {"id": i, "outlet": outlet, "published": published, "body": body, "entities": [], "quotes": []}

    toll = "وقالت مصادر أمنية إن {} شخصا على الأقل قتلوا عندما انفجرت سيارة ملغومة في سوق بمدينة بعقوبة شرق العراق."
    evening = art("a", "منفذ1", "2026-08-10T20:56:00", toll.format("24"))
    morning = art("b", "منفذ2", "2026-08-11T14:19:00", toll.format("40"))
    [rose] = count_disagreements([evening, morning])
    assert rose.get("update") is True and [v["value"] for v in rose["values"]] == ["24", "40"]
    from marsad.report.render import TOLL_ROSE, _event_html
    assert TOLL_ROSE in _event_html({"id": "e1", "disagreements": [rose]}, {})  # the page says which came later
    # the higher count printed first: the outlets disagree
    [differ] = count_disagreements([art("a", "منفذ1", "2026-08-11T14:19:00", toll.format("24")), morning | {
        "published": "2026-08-10T20:56:00"}])
    assert "update" not in differ
    # a day's prices compared across outlets in the same words are a list of amounts, not versions of one
    price = "وبلغ سعر أوقية الذهب في تعاملات السوق الفورية {} دولار في ختام تعاملات الأسبوع وفق متعاملين."
    days = [art(str(i), f"منفذ{i}", f"2026-08-0{i}", price.format(v)) for i, v in enumerate(("1086", "1094", "1100", "1077"), 1)]
    assert count_disagreements(days) == []
    assert len(count_disagreements(days[:2])) == 1  # two versions still disagree


def test_a_statement_giving_another_day_in_another_outlet_is_a_date_disagreement() -> None:
    def art(i: str, outlet: str, body: str, published: str = "2026-03-02") -> dict:
        return {"id": i, "outlet": outlet, "body": body, "published": published, "entities": [], "quotes": []}

    said = "وحددت الهيئة يوم {} موعدا نهائيا لاستقبال طلبات التسجيل في برنامج المنح الدراسية عبر موقعها الإلكتروني."
    found = date_disagreements([art("a", "منفذ1", said.format("الأحد 15 مارس")), art("b", "منفذ2", said.format("الأحد 15 مارس")),
                                art("c", "منفذ3", said.format("الخميس 12 مارس"), "2026-03-03")])
    assert len(found) == 1 and found[0]["kind"] == "date"
    assert sorted((v["date"], v["article_ids"]) for v in found[0]["values"]) == [("2026-03-12", ["c"]), ("2026-03-15", ["a", "b"])]
    assert "موعدا نهائيا" in found[0]["slot"]
    # the same day written in the Hijri calendar (15 March 2026 = 26 Ramadan 1447) is no disagreement
    assert date_disagreements([art("a", "منفذ1", said.format("الأحد 15 مارس")), art("b", "منفذ2", said.format("26 رمضان 1447هـ"))]) == []
    # one outlet correcting itself, and a relative day resolved against two crawl times, are not disagreements
    assert date_disagreements([art("a", "منفذ1", said.format("15 مارس")), art("b", "منفذ1", said.format("12 مارس"))]) == []
    assert date_disagreements([art("a", "منفذ1", said.format("غدا")), art("b", "منفذ2", said.format("غدا"), "2026-03-05")]) == []
    # a range's first day against its last day
    assert date_disagreements([art("a", "منفذ1", said.format("من 12 إلى 15 مارس")), art("b", "منفذ2", said.format("15 مارس"))]) == []
    # a template reused for another region's announcement: the other numbers differ, so it is another statement
    toll = "أعلنت المديرية في منطقة {} أن عدد المستفيدين من الخدمة بلغ {} مستفيدا حتى مساء {}."
    assert date_disagreements([art("a", "منفذ1", toll.format("تبوك", "3400", "الأحد 15 مارس")),
                               art("b", "منفذ2", toll.format("تبوك", "2900", "الخميس 12 مارس"))]) == []


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


_ROLES = """
import json
from marsad.report.disagreements import role_disagreements
def art(i, outlet, title):
    body = f"وصرح {title} علي عبدالله صالح بأن الحرب مستمرة."
    start = body.index("علي")
    return {"id": i, "outlet": outlet, "body": body,
            "entities": [{"type": "PER", "start": start, "end": start + 15, "canonical": "علي عبدالله صالح"}]}
found = role_disagreements([art("a", "o1", "الرئيس"), art("b", "o2", "الرئيس السابق"), art("c", "o3", "الرئيس المخلوع"),
                            art("d", "o4", "الرئيس اليمني المخلوع"), art("e", "o5", "الرئيس اليمني السابق")])
print(json.dumps(found, ensure_ascii=False))
"""


def test_a_role_disagreement_lists_its_titles_in_the_same_order_in_every_run() -> None:
    # titles of equal length were ordered as a set iterates, which follows the per-process string hash, so two
    # runs over the same articles stored two different event records
    from .test_cluster import _outputs_under_hash_seeds

    runs = [json.loads(out) for out in _outputs_under_hash_seeds(_ROLES)]
    assert runs[0] == runs[1] == runs[2] == runs[3]
    [role] = runs[0]
    assert [v["value"] for v in role["values"]][0] == "الرئيس" and len(role["values"]) == 5


def test_sentence_splitting_keeps_a_straight_quoted_name_whole() -> None:
    text = 'أعلنت اللجنة المنظمة لمعرض "الرياض .. ذاكرة المدينة" برئاسة المحافظ موعد الافتتاح. وغادر الوفد إلى جدة مساء أمس.'
    assert split_sentences(text) == ['أعلنت اللجنة المنظمة لمعرض "الرياض .. ذاكرة المدينة" برئاسة المحافظ موعد الافتتاح.',
                                     "وغادر الوفد إلى جدة مساء أمس."]
    # a stray mark that never closes holds a sentence open only so long
    stray = 'قال المدير "إن العمل مستمر. ' + "وتابع الفريق عمله في الموقع طوال اليوم. " * 30
    assert max(len(s) for s in split_sentences(stray)) < 400
    assert max(len(s) for s in split_sentences(stray.replace('"', "“"))) < 400  # “ printed at both ends


def test_a_straight_quotation_closing_after_its_stop_ends_the_sentence() -> None:
    text = ('وقال المدرب للصحفيين "كان الفريق مرهقا. عندما يكون اللاعب مرهقا يغيب التركيز. " وأضاف المدرب قوله '
            '"ارتكب الحارس خطأ في الشوط الأول. وسنعالج ذلك." وأكد المدرب "أنا سعيد بالتعاقد مع الحارس الجديد."')
    assert split_sentences(text) == [
        'وقال المدرب للصحفيين "كان الفريق مرهقا. عندما يكون اللاعب مرهقا يغيب التركيز."',
        'وأضاف المدرب قوله "ارتكب الحارس خطأ في الشوط الأول. وسنعالج ذلك."',
        'وأكد المدرب "أنا سعيد بالتعاقد مع الحارس الجديد."']
    # a closing mark left at the head of a sentence after a long quotation was cut goes back to its sentence
    long_quote = "“" + "وتابع الفريق عمله في الموقع طوال اليوم. " * 10 + "” وأضاف المدير “لا توجد أي تحديات في العمل الآن."
    assert not any(s.startswith("”") for s in split_sentences(long_quote))


def test_report_headers_stand_apart_from_the_list_before_them(demo_db) -> None:
    """In Markdown a line right after a list item continues that item: an outlet's or a speaker's name printed
    there reads as the end of the previous quotation."""
    import json

    from marsad.report.render import event_markdown
    from marsad.store.sqlite import Store

    headers = 0
    with Store(demo_db) as store:
        for (record,) in store.conn.execute("SELECT record FROM events WHERE record IS NOT NULL"):
            lines = event_markdown(json.loads(record), store).split("\n")
            for i, line in enumerate(lines):
                if line.startswith("**") and line.endswith("**") and i > 0 and lines[i - 1].startswith("- "):
                    raise AssertionError(f"header glued to the list before it: {lines[i - 1][:60]} / {line}")
                headers += line.startswith("**") and line.endswith("**")
    assert headers > 0


def test_what_an_outlet_adds_is_neither_a_bare_name_line_nor_part_of_a_name_others_write_in_full() -> None:
    from marsad.report.event import outlet_additions

    def art(i: str, outlet: str, body: str, names: list[str]) -> dict:
        ents = [{"text": n, "start": body.index(n), "end": body.index(n) + len(n), "type": "PER", "canonical": n}
                for n in names]
        return {"id": i, "outlet": outlet, "body": body, "entities": ents, "quotes": []}

    shared = "التقى الرئيس اليمني عبد ربه منصور هادي المبعوث الأممي إسماعيل ولد الشيخ أحمد في الرياض لبحث الهدنة."
    a = art("a", "منفذ1", shared, ["عبد ربه منصور هادي", "إسماعيل ولد الشيخ أحمد"])
    b = art("b", "منفذ2", shared + "\nالرئيس اليمني عبد ربه منصور هادي\nوقال ولد الشيخ إن الهدنة تبدأ منتصف الليل "
            "وتستمر خمسة أيام، وأضاف سالم الرويلي أن المتمردين سيلتزمون بها.",
            ["عبد ربه منصور هادي", "ولد الشيخ", "سالم الرويلي"])
    added = {x["outlet"]: x for x in outlet_additions([a, b])}["منفذ2"]
    texts = [s["text"] for s in added["sentences"]]
    assert texts and all("الهدنة تبدأ منتصف الليل" in t for t in texts), texts  # the caption line is left out
    assert added["entities"] == ["سالم الرويلي"]  # "ولد الشيخ" is the envoy منفذ1 names in full


def test_a_speaker_is_listed_once_under_the_name_the_event_merged_their_spellings_into() -> None:
    from marsad.report.event import build_event_record

    def art(i: str, outlet: str, body: str, person: str, said: str) -> dict:
        start = body.index(person)
        ent = {"text": person, "start": start, "end": start + len(person), "type": "PER", "canonical": person}
        quote = {"text": said, "start": body.index(said), "end": body.index(said) + len(said), "kind": "indirect",
                 "speaker": person, "speaker_canonical": person, "cue": "أوضح"}
        return {"id": i, "outlet": outlet, "title": "حادث", "published": "2026-01-05T10:00:00", "body": body,
                "entities": [ent], "quotes": [quote], "reuses": []}

    full, short = "بيشي بن عيسى الصرخي", "بيشي الصرخي"
    a = art("a", "منفذ1", f"وأوضح الناطق الإعلامي {full} أن الفرق باشرت الحادث فورا.", full,
            "الفرق باشرت الحادث فورا")
    b = art("b", "منفذ2", f"وأوضح المتحدث {short} أن أربع فرق وصلت إلى الموقع.", short, "أربع فرق وصلت إلى الموقع")
    rec = build_event_record({"id": "e1"}, [a, b], [], [])
    assert [g["speaker"] for g in rec["quotes_by_speaker"]] == [full]
    assert {q["speaker_canonical"] for q in rec["quotes"]} == {full}
    assert b["quotes"][0]["speaker_canonical"] == short  # the article's own record is left as stored


def test_the_source_of_a_reuse_edge_outside_the_event_is_named_by_its_outlet_not_its_id() -> None:
    from types import SimpleNamespace

    from marsad.report.render import event_markdown

    conn = sqlite3.connect(":memory:")
    conn.row_factory = sqlite3.Row
    conn.execute("CREATE TABLE articles (id TEXT, outlet TEXT, title TEXT, url TEXT, published TEXT, duplicate_of TEXT)")
    conn.executemany("INSERT INTO articles VALUES (?, ?, ?, ?, ?, NULL)",
                     [("older", "okaz", "خبر سابق", "u1", "2026-01-01"), ("a", "sabq", "خبر", "u2", "2026-01-02")])
    rec = {"id": "e1", "title": "خبر", "article_ids": ["a"], "outlets": ["sabq"], "summary": [],
           "provenance": [{"from": "older", "to": "a", "kind": "copy", "coverage": 0.75, "external": True}]}
    text = event_markdown(rec, SimpleNamespace(conn=conn))
    line = next(x for x in text.splitlines() if "←" in x)
    assert "older" not in line and "عكاظ" in line and "خارج الحدث" in line


def test_a_name_another_outlet_spells_differently_is_not_what_an_outlet_adds() -> None:
    from marsad.report.event import outlet_additions

    def art(i: str, outlet: str, body: str, name: str) -> dict:
        ent = {"text": name, "start": body.index(name), "end": body.index(name) + len(name), "type": "PER", "canonical": name}
        return {"id": i, "outlet": outlet, "body": body, "entities": [ent], "quotes": []}

    a = art("a", "منفذ1", "شكر الدكتور خالد بن عبدالمحسن المحيسن القيادة على الأمر الصادر أمس.", "خالد بن عبدالمحسن المحيسن")
    b = art("b", "منفذ2", "وأكد الدكتور خالد بن عبد المحسن المحيسن أن الهيئة ستتابع تنفيذ الأمر بدقة.", "خالد بن عبد المحسن المحيسن")
    added = {x["outlet"]: x for x in outlet_additions([a, b])}
    assert all(not x["entities"] for x in added.values())


def test_a_list_items_marker_is_no_part_of_its_sentence() -> None:
    body = "وتقرر ما يلي:\n• استعراض الطلب المقدم من الحكم السابق بإنشاء رابطة.\n- الموافقة على تعيين المدرب مديرا فنيا للمنتخب"
    sentences = split_sentences(body)
    assert sentences == ["استعراض الطلب المقدم من الحكم السابق بإنشاء رابطة.", "الموافقة على تعيين المدرب مديرا فنيا للمنتخب"]
    assert all(s in body for s in sentences)  # still the article's own words, cited as they stand
    # a stray slash the page left before a sentence goes the same way
    assert split_sentences("وتبين احتواؤها على متفجرات. /حوالي ثلاثة وأربعين كيلوجرام من المادة المتفجرة.")[-1] == \
        "حوالي ثلاثة وأربعين كيلوجرام من المادة المتفجرة."
    # and a dash drawn with tatweels
    assert split_sentences("ويشمل البرنامج نماذج منها:\nــ نموذج تبليغ عن عنف بالتعاون مع الجهات المختصة.")[-1] == \
        "نموذج تبليغ عن عنف بالتعاون مع الجهات المختصة."


def test_a_sentence_leading_into_a_list_is_neither_summarised_nor_an_addition() -> None:
    from marsad.report.event import build_event_record

    lead = "تعتزم وزارة التعليم تطبيق برنامج رفق الإرشادي لخفض العنف في المدارس مع بداية العام الدراسي المقبل."
    intro = "ويزود البرنامج الطلاب والمجتمع المدرسي بالعديد من الأساليب الوقائية التي تسهم في منع حدوث العنف، منها:"
    items = "\n- البدائل التربوية للعقاب.\n- تطبيق قواعد السلوك بشكل متدرج."
    arts = [{"id": i, "outlet": o, "title": "برنامج رفق", "published": "2026-01-05", "body": body, "entities": [],
             "quotes": [], "reuses": []}
            for i, o, body in (("a", "منفذ1", lead + "\n" + intro + items), ("b", "منفذ2", lead + "\n" + intro + items),
                               ("c", "منفذ3", lead + " ويستمر تطبيق البرنامج طوال العام الدراسي في جميع المراحل."))]
    rec = build_event_record({"id": "e1"}, arts, [], [])
    assert lead in [s["text"] for s in rec["summary"]]
    shown = [s["text"] for s in rec["summary"]] + [s["text"] for a in rec["outlet_additions"] for s in a["sentences"]]
    assert not any(t.endswith(":") for t in shown)


def test_a_speaker_named_by_an_al_family_name_is_listed_under_the_full_name() -> None:
    from marsad.report.event import build_event_record
    full = "عبد الرحمن آل إبراهيم"
    body = f"وأوضح محافظ المؤسسة {full} أن الإنتاج ارتفع. وقال آل إبراهيم إن المحطة تعمل بكامل طاقتها."
    ent = {"text": full, "start": body.index(full), "end": body.index(full) + len(full), "type": "PER", "canonical": full}
    said = [("الإنتاج ارتفع", full), ("المحطة تعمل بكامل طاقتها", "آل إبراهيم")]
    quotes = [{"text": t, "start": body.index(t), "end": body.index(t) + len(t), "kind": "indirect", "speaker": w,
               "speaker_canonical": w, "cue": "قال"} for t, w in said]
    art = {"id": "a", "outlet": "منفذ1", "title": "المياه", "published": "2026-01-05T10:00:00", "body": body,
           "entities": [ent], "quotes": quotes, "reuses": []}
    rec = build_event_record({"id": "e1"}, [art], [], [])
    assert [g["speaker"] for g in rec["quotes_by_speaker"]] == [full]


def test_a_club_speaking_under_its_head_word_is_listed_with_the_club() -> None:
    from marsad.report.event import build_event_record

    def art(i: str, outlet: str, body: str, club: str, said: str) -> dict:
        ent = {"text": club, "start": body.index(club), "end": body.index(club) + len(club), "type": "ORG", "canonical": club}
        quote = {"text": said, "start": body.index(said), "end": body.index(said) + len(said), "kind": "indirect",
                 "speaker": club, "speaker_canonical": club, "cue": "أكد"}
        return {"id": i, "outlet": outlet, "title": "انتقال", "published": "2026-01-05T10:00:00", "body": body,
                "entities": [ent], "quotes": [quote], "reuses": []}

    a = art("a", "منفذ1", "وأكد نادي الأهلي أن المفاوضات اكتملت مع اللاعب.", "نادي الأهلي", "المفاوضات اكتملت مع اللاعب")
    b = art("b", "منفذ2", "وأكد الأهلي أن الفحص الطبي يجري غدا في جدة.", "الأهلي", "الفحص الطبي يجري غدا في جدة")
    rec = build_event_record({"id": "e1"}, [a, b], [], [])
    assert [g["speaker"] for g in rec["quotes_by_speaker"]] == ["الأهلي"]


def test_a_status_word_that_qualifies_another_word_than_the_shared_title_is_no_role_disagreement() -> None:
    from marsad.report.disagreements import role_disagreements

    def art(i: str, outlet: str, title: str) -> dict:
        body = f"وأوضح {title} سالم الحربي أن التحقيقات جارية."
        start = body.index("سالم")
        return {"id": i, "outlet": outlet, "body": body,
                "entities": [{"type": "PER", "start": start, "end": start + 10, "canonical": "سالم الحربي"}]}

    # «المكلف» belongs to the office named before the rank, «السابق» to the goalkeeper, not to the doctor
    assert role_disagreements([art("a", "o1", "النقيب"), art("b", "o2", "بشرطة المدينة المنورة المكلف النقيب")]) == []
    assert role_disagreements([art("a", "o1", "الدكتور"), art("b", "o2", "الحارس السابق الدكتور")]) == []
    # the same title with a status word after it is still a disagreement
    [role] = role_disagreements([art("a", "o1", "النقيب"), art("b", "o2", "النقيب المتقاعد السابق")])
    assert [v["value"] for v in role["values"]] == ["النقيب", "النقيب المتقاعد السابق"]


def test_provenance_lists_each_copys_source_and_counts_the_other_copy_links() -> None:
    from types import SimpleNamespace

    from marsad.report.render import _event_html, event_markdown

    outlets = {"w": "spa", "a": "okaz", "b": "sabq", "c": "alyaum"}
    conn = sqlite3.connect(":memory:")
    conn.row_factory = sqlite3.Row
    conn.execute("CREATE TABLE articles (id TEXT, outlet TEXT, title TEXT, url TEXT, published TEXT, duplicate_of TEXT)")
    conn.executemany("INSERT INTO articles VALUES (?, ?, 'خبر', ?, '2026-01-02', NULL)", [(i, o, i) for i, o in outlets.items()])
    # three outlets print the wire's text: each copies the wire, and the copies share the same text with each other
    edges = [{"from": "w", "to": x, "kind": "copy", "coverage": 0.95, "source": True} for x in "abc"]
    edges += [{"from": x, "to": y, "kind": "copy", "coverage": 0.95, "source": False} for x, y in (("a", "b"), ("a", "c"), ("b", "c"))]
    edges.append({"from": "a", "to": "c", "kind": "rewrite", "coverage": 0.4, "source": False})
    rec = {"id": "e1", "title": "خبر", "article_ids": list(outlets), "outlets": list(outlets.values()), "summary": [],
           "provenance": edges}
    lines = [x for x in event_markdown(rec, SimpleNamespace(conn=conn)).splitlines() if "←" in x or "صل" in x]
    assert len([x for x in lines if "←" in x]) == 4  # three sources and the rewrite
    assert "و3 صلات نسخ أخرى" in lines[-1]
    html = _event_html(rec, {i: {"id": i, "outlet": o} for i, o in outlets.items()})
    assert html.count("←") == 4 and "و3 صلات نسخ أخرى" in html


def test_stored_quotes_carry_the_day_they_were_said_and_event_pages_show_it(demo_db) -> None:
    import json

    from marsad.report.render import event_markdown
    from marsad.store.sqlite import Store

    with Store(demo_db) as store:
        dated = 0
        for published, quotes in store.conn.execute("SELECT published, quotes FROM articles WHERE quotes != '[]'"):
            for q in json.loads(quotes):
                assert q["date"] is None or (len(q["date"]) == 10 and q["date"] <= (published or "9999")[:10]), q
                dated += q["date"] is not None
        assert dated > 0
        shown = 0
        for (record,) in store.conn.execute("SELECT record FROM events WHERE record IS NOT NULL"):
            rec = json.loads(record)
            text = event_markdown(rec, store)
            for group in rec.get("quotes_by_speaker", [])[:8]:
                for q in group["quotes"][:3]:
                    if q.get("date"):
                        assert f"«{q['text']}» (" in text and f"، {q['date']})" in text
                        shown += 1
        assert shown > 0


def test_a_sentence_that_leaves_its_speaker_implicit_is_shown_with_the_speaker_its_article_names() -> None:
    from marsad import extract_entities, extract_quotes
    from marsad.report.event import build_event_record

    def art(i: str, outlet: str, body: str) -> dict:
        ents = extract_entities(body)
        return {"id": i, "outlet": outlet, "title": "حريق مستودع", "published": "2026-01-05T10:00:00", "body": body,
                "entities": [vars(e) for e in ents], "quotes": [vars(q) for q in extract_quotes(body, ents)],
                "reuses": []}

    spokesman = "الرائد محمد بن حسن آل صمغان"
    a = art("a", "منفذ1", "أخمدت فرق الدفاع المدني حريقا شب في مستودع للمواد الغذائية في قرية الظبية بمحافظة صبيا. "
                          f"وأوضح المتحدث الرسمي لمديرية الدفاع المدني بمنطقة جازان {spokesman} أن البلاغ ورد مساء أمس. "
                          "وأضاف أن الحريق نتج عنه إصابة أحد الإطفائيين بإصابة متوسطة ونقله إلى المستشفى.")
    b = art("b", "منفذ2", "أخمدت فرق الدفاع المدني حريقا شب في مستودع للمواد الغذائية في قرية الظبية بمحافظة صبيا. "
                          "وأشارت المديرية إلى أن التحقيقات جارية لمعرفة أسباب الحريق وحجم الخسائر في المستودع.")
    rec = build_event_record({"id": "e1"}, [a, b], [], [], summary_budget=5)
    injury = next(s for s in rec["summary"] if "الإطفائيين" in s["text"])
    assert injury["speaker"].endswith("آل صمغان")
    assert injury["text"].startswith(f"وأضاف [{injury['speaker']}] أن الحريق")
    # a sentence that names its speaker, or states no words of anyone, is shown as written
    for s in rec["summary"]:
        if s is not injury:
            assert "speaker" not in s and "[" not in s["text"]



def test_a_summary_does_not_state_one_fact_twice_in_two_outlets_words() -> None:
    from marsad.report.summary import _jaccard

    rescue = "أنقذت فرقة البحث والإنقاذ بحرس الحدود في بيش شخصين من الغرق وسط البحر."
    reworded = ("تمكنت فرقة البحث والإنقاذ التابعة لحرس الحدود في بيش أمس من إنقاذ شخصين كانا يصارعان الغرق وسط البحر "
                "في منطقة غير مخصصة للسباحة بعد بلاغ من المارة، ونقلا إلى المستشفى لتلقي العلاج اللازم.")
    warning = "ودعا حرس الحدود المتنزهين إلى الالتزام بالتعليمات وعدم السباحة في المناطق غير المخصصة لها خلال الإجازة."
    arts = [{"id": "a", "outlet": "منفذ1", "published": "2026-01-01", "body": rescue + " " + warning},
            {"id": "b", "outlet": "منفذ2", "published": "2026-01-01", "body": reworded + " " + warning},
            {"id": "c", "outlet": "منفذ3", "published": "2026-01-01", "body": reworded}]
    terms = [Counter(content_terms(t)) for t in (rescue, reworded)]
    assert _jaccard(*terms) < 0.5  # too differently worded for the word-set test alone
    texts = [s["text"] for s in summarize(arts, budget=3)]
    assert warning in texts
    assert (rescue in texts) != (reworded in texts)  # the rescue once, in one outlet's words


def test_what_another_outlet_reprints_word_for_word_is_not_one_outlets_addition() -> None:
    from marsad.report.event import build_event_record

    lead = "نجح السجل السعودي للمتبرعين بالخلايا الجذعية في استقطاب أكثر من عشرة آلاف متبرع حتى الآن."
    plan = "ويعتزم السجل تسجيل ممثلين له في منطقتي عسير وحائل بغية رفع عدد المتبرعين بالخلايا الجذعية."
    own = "وأجرى المركز أربع عمليات زراعة لخلايا جذعية خلال الشهر الماضي في مستشفى الحرس الوطني بالرياض."

    def art(i: str, outlet: str, body: str, duplicate_of: str | None = None) -> dict:
        return {"id": i, "outlet": outlet, "title": "الخلايا الجذعية", "published": "2026-01-05", "body": body,
                "entities": [], "quotes": [], "reuses": [], "duplicate_of": duplicate_of}

    arts = [art("a", "منفذ1", f"{lead} {plan}"), art("b", "منفذ2", f"{lead} {plan}", duplicate_of="a"),
            art("c", "منفذ3", f"{lead} {own}")]
    added = {a["outlet"]: [s["text"] for s in a["sentences"]] for a in build_event_record({"id": "e1"}, arts, [], [])["outlet_additions"]}
    assert plan not in added.get("منفذ1", [])  # منفذ2 prints it too, as a duplicate of منفذ1's article
    assert own in added["منفذ3"]


def test_a_sentence_another_outlet_states_in_other_words_is_not_an_addition() -> None:
    from marsad.report.event import build_event_record
    from marsad.report.summary import RESTATED, SAME_SENTENCE, _jaccard

    figures = "أظهرت بيانات رسمية اليوم أن صادرات السعودية من النفط الخام انخفضت في مايو إلى 6.9 مليون برميل يوميا."
    reworded = ("وكانت بيانات رسمية قد أظهرت، أمس، أن صادرات السعودية من النفط الخام انخفضت في مايو الماضي إلى 6.9 "
                "مليون برميل يوميا، في أدنى مستوى منذ أشهر بحسب متعاملين في السوق، مع ارتفاع الاستهلاك المحلي خلال الصيف.")
    opec = "ويبدو أن منظمة أوبك ترفض دعوات عدد من الأعضاء لتحديد سعر منطقي للنفط بين 75 و80 دولارا للبرميل."
    # the same words but for a figure: the figure is news
    services = "ورصد التقرير نمو قطاع الخدمات الاجتماعية والشخصية على أساس سنوي بنسبة قوية خلال العام الماضي."
    growth = "ونما قطاع الخدمات الاجتماعية والشخصية 8.3 في المائة على أساس سنوي بحسب التقرير."
    arts = [{"id": i, "outlet": o, "title": "صادرات النفط", "published": "2026-01-05", "body": body, "entities": [],
             "quotes": [], "reuses": []}
            for i, o, body in (("a", "منفذ1", f"{reworded} {services}"), ("b", "منفذ2", f"{figures} {opec} {growth}"))]
    terms = [Counter(content_terms(t)) for t in (figures, reworded)]
    assert _jaccard(*terms) < SAME_SENTENCE  # two sentences to the word-set test, one fact to a reader
    added = [s["text"] for a in build_event_record({"id": "e1"}, arts, [], [])["outlet_additions"] for s in a["sentences"]]
    assert opec in added
    assert figures not in added  # منفذ1 says all of it, and more
    assert reworded in added  # the low since months and the summer's demand are منفذ1's own
    words = set(content_terms(growth))
    assert len(words & set(content_terms(services))) / len(words) >= RESTATED
    assert growth in added

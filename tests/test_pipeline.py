"""The pipeline end to end: idempotent runs, resuming, exports, the store's schema, the CLI."""

from __future__ import annotations

import csv
import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from marsad import Pipeline
from marsad.cli import app
from marsad.cluster.events import override_params
from marsad.export import ARTICLE_FIELDS, EVENT_FIELDS, STORY_FIELDS
from marsad.store.sqlite import MIGRATIONS, Store
from marsad.web.app import create_app

from .conftest import DEMO


def test_demo_run_counts_and_the_corrupt_file(demo_db: Path, gold: dict) -> None:
    with Store(demo_db) as store:
        errors = [r["location"] for r in store.conn.execute("SELECT location FROM errors")]
        # every gold page is one article, plus the one glued below another page
        assert store.count("articles") == len(gold["pages"]) + 1
        assert store.count("events") >= 8 and store.count("stories") >= 3
        assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert [Path(e).name for e in errors] == ["archive.zip"]


def test_demo_copies_and_shared_sources_match_the_gold(demo_db: Path, gold: dict) -> None:
    """Every copy the demo plants is linked (a copy edge or a duplicate link), and two outlets that each rework the
    wire they both credit are linked as sharing a source, with no other pair so labelled. The direction of a
    same-day copy is not asserted: the demo pages give a date without a time, so nothing tells which came first."""
    page_of = {p["input_id"]: p["page"] for p in gold["pages"]}
    with Store(demo_db) as store:
        rows = store.conn.execute("SELECT id, input_id, duplicate_of, reuses FROM articles").fetchall()
    page_by_id = {r["id"]: page_of.get(str(Path(r["input_id"]).relative_to(DEMO)) if r["input_id"].startswith(str(DEMO))
                                       else r["input_id"]) for r in rows}
    links: dict[frozenset[str | None], set[str]] = {}
    for r in rows:
        if r["duplicate_of"]:
            links.setdefault(frozenset((page_by_id[r["id"]], page_by_id[r["duplicate_of"]])), set()).add("copy")
        for x in json.loads(r["reuses"]):
            links.setdefault(frozenset((page_by_id[r["id"]], page_by_id[x["article_id"]])), set()).add(x["kind"])
    copies = [(p["page"], p["copy_of"]) for p in gold["pages"] if p["copy_of"]]
    assert copies and all("copy" in links.get(frozenset(pair), set()) for pair in copies)
    shared = {frozenset((p["page"], o)) for p in gold["pages"] for o in p["shares_source_with"]}
    assert shared and {pair for pair, kinds in links.items() if "shared_source" in kinds} == shared


def test_demo_event_copy_groups_are_the_planted_copy_groups(demo_db: Path, gold: dict) -> None:
    """The copy groups the event records list are exactly the demo's: each planted copy with the page it
    reproduces (closed over chains), no page in two groups, nothing else grouped. The article glued below another
    page has no page of its own in the gold and is left out of the comparison."""
    page_of = {p["input_id"]: p["page"] for p in gold["pages"]}
    with Store(demo_db) as store:
        rows = store.conn.execute("SELECT id, input_id FROM articles").fetchall()
        records = [json.loads(r[0]) for r in store.conn.execute("SELECT record FROM events")]
    page_by_id = {r["id"]: page_of.get(str(Path(r["input_id"]).relative_to(DEMO)) if r["input_id"].startswith(str(DEMO))
                                       else r["input_id"]) for r in rows}
    found = [{page_by_id[a] for a in [g["origin"], *g["copies"]]} - {None} for rec in records for g in rec["copy_groups"]]
    found = [g for g in found if len(g) > 1]
    seen = [p for g in found for p in g]
    assert len(seen) == len(set(seen))
    group_of = {p["page"]: {p["page"]} for p in gold["pages"]}
    for p in gold["pages"]:
        if p["copy_of"]:
            merged = group_of[p["page"]] | group_of[p["copy_of"]]
            for member in merged:
                group_of[member] = merged
    planted = {frozenset(g) for g in group_of.values() if len(g) > 1}
    assert planted and {frozenset(g) for g in found} == planted


def test_second_run_adds_nothing(tmp_path: Path, demo_copy: Path) -> None:
    db = tmp_path / "m.db"
    first = Pipeline(db=db).run([str(demo_copy)])
    second = Pipeline(db=db).run([str(demo_copy)])
    assert first.articles_new > 40
    # every input is skipped but the corrupt archive, which is retried and reported again
    assert second.articles_new == 0 and second.inputs_skipped == second.inputs - 1
    assert [e[0].rsplit("/", 1)[1] for e in second.errors] == ["archive.zip"]
    with Store(db) as store:
        assert store.count("articles") == first.articles_total
        assert store.count("events") == first.events


def test_a_folder_that_gains_files_processes_only_the_new_ones(tmp_path: Path, demo_copy: Path) -> None:
    db = tmp_path / "m.db"
    held_back = tmp_path / "later"
    shutil.move(str(demo_copy / "assahil-press"), held_back)
    first = Pipeline(db=db).run([str(demo_copy)])
    shutil.move(str(held_back), demo_copy / "assahil-press")
    second = Pipeline(db=db).run([str(demo_copy)])
    assert second.inputs_skipped == first.inputs - 1  # all but the retried corrupt archive
    assert second.articles_new == 3
    with Store(db) as store:
        pending = store.count("articles", "WHERE event_id IS NULL")
    assert pending == 0


def test_rerun_from_another_directory_stores_nothing_twice(tmp_path: Path, demo_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "m.db"
    Pipeline(db=db).run([str(demo_copy)])
    moved = tmp_path / "elsewhere"
    shutil.copytree(demo_copy, moved)
    again = Pipeline(db=db).run([str(moved)])
    assert again.records > 0 and again.articles_new == 0


def test_interrupted_batch_resumes_without_loss_or_duplication(tmp_path: Path, demo_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Kill the run after a few committed batches; the re-run finishes and stores each article once."""
    from marsad.runners import local

    db = tmp_path / "m.db"
    calls = {"n": 0}
    real = Store.write_batch

    def dying_write(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if calls["n"] == 4:
            raise KeyboardInterrupt("simulated kill")
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Store, "write_batch", dying_write)
    from marsad.stages import Config

    with pytest.raises(KeyboardInterrupt):
        with Store(db) as store:
            local.run_local(store, [str(demo_copy)], Config(batch_size=5))
    monkeypatch.setattr(Store, "write_batch", real)
    with Store(db) as store:
        partial = store.count("articles")
    assert 0 < partial < 42
    summary = Pipeline(db=db).run([str(demo_copy)])
    reference = Pipeline(db=tmp_path / "ref.db").run([str(demo_copy)])
    with Store(db) as store, Store(tmp_path / "ref.db") as ref:
        ids = [r[0] for r in store.conn.execute("SELECT id FROM articles")]
        assert len(ids) == len(set(ids)) == ref.count("articles")
        assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert store.count("articles", "WHERE event_id IS NULL") == 0
    assert summary.articles_total == reference.articles_total


@pytest.mark.parametrize("what,fields", [("articles", ARTICLE_FIELDS), ("events", EVENT_FIELDS), ("stories", STORY_FIELDS)])
def test_export_jsonl_csv_parquet(demo_db: Path, tmp_path: Path, what: str, fields: list[str]) -> None:
    import pyarrow.parquet as pq

    runner = CliRunner()
    outputs = {}
    for fmt in ("jsonl", "csv", "parquet"):
        out = tmp_path / f"{what}.{fmt}"
        result = runner.invoke(app, ["export", "--db", str(demo_db), "--what", what, "--format", fmt, "-o", str(out)])
        assert result.exit_code == 0, result.output
        outputs[fmt] = out
    records = [json.loads(line) for line in outputs["jsonl"].read_text(encoding="utf-8").splitlines()]
    assert records and all(set(fields) <= set(r) for r in records)
    with outputs["csv"].open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == len(records) and list(rows[0]) == fields
    table = pq.read_table(outputs["parquet"])
    assert table.num_rows == len(records) and table.column_names == fields
    if what == "articles":
        assert json.loads(rows[0]["agencies"]) == records[0]["agencies"]  # lists flattened as JSON strings
        by_id = {r["id"]: r for r in records}
        dups = [r for r in records if r["duplicate_of"]]
        assert dups and all(d["duplicate_of"] in by_id for d in dups)
    if what == "events":
        assert all(r["summary"] and all(s["article_ids"] for s in r["summary"]) for r in records)


def test_export_to_stdout_and_bad_options() -> None:
    runner = CliRunner()
    result = runner.invoke(app, ["export", "--db", "/nonexistent/x.db", "--what", "articles"])
    assert result.exit_code == 1 and "no database" in result.output
    result = runner.invoke(app, ["export", "--what", "people"])
    assert result.exit_code == 2


def test_store_migrates_an_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.db"
    path.write_bytes(b"")
    with Store(path) as store:
        assert store.schema_version() == len(MIGRATIONS)
        tables = {r[0] for r in store.conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table')")}
        assert {"articles", "events", "stories", "runs", "inputs", "errors", "templates", "articles_fts"} <= tables
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    with Store(path) as store:  # reopening applies nothing twice
        assert store.schema_version() == len(MIGRATIONS)


def test_store_applies_only_newer_migrations(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from marsad.store import sqlite as mod

    path = tmp_path / "old.db"
    with Store(path):
        pass
    monkeypatch.setattr(mod, "MIGRATIONS", [*MIGRATIONS, "CREATE TABLE extra (x INTEGER);\n"])
    with Store(path) as store:
        assert store.schema_version() == len(MIGRATIONS) + 1
        assert store.conn.execute("SELECT count(*) FROM extra").fetchone()[0] == 0


def test_runs_are_recorded_with_counts_and_errors(demo_db: Path) -> None:
    con = sqlite3.connect(demo_db)
    counts, timings, finished = con.execute("SELECT counts, timings, finished FROM runs ORDER BY id LIMIT 1").fetchone()
    assert finished is not None
    counts = json.loads(counts)
    assert counts["articles_new"] > 40 and counts["errors"][0]["reason"].startswith("corrupt or truncated zip")
    assert set(json.loads(timings)) == {"ingest", "corpus"}


def test_cli_run_prints_summary_and_strict_exit(tmp_path: Path) -> None:
    runner = CliRunner()
    db = tmp_path / "c.db"
    result = runner.invoke(app, ["run", str(DEMO), "--db", str(db), "--report", str(tmp_path / "rep")])
    assert result.exit_code == 0, result.output
    for word in ("inputs", "articles", "duplicates", "events", "stories", "errors", "archive.zip"):
        assert word in result.output
    assert (tmp_path / "rep" / "index.html").exists()
    strict = runner.invoke(app, ["run", str(DEMO), "--db", str(db), "--strict"])
    assert strict.exit_code == 1  # the corrupt zip is still named as a failed input


def test_cli_version_and_help() -> None:
    runner = CliRunner()
    assert runner.invoke(app, ["--version"]).output.strip().startswith("marsad ")
    out = runner.invoke(app, ["--help"]).output
    for cmd in ("run", "export", "show", "search", "serve"):
        assert cmd in out


def test_search_is_arabic_normalised(demo_db: Path) -> None:
    with Store(demo_db) as store:
        hamza = store.search("إسطنبول")
        bare = store.search("اسطنبول")
        teh = store.search("الهيئه العامه للارصاد")
    assert hamza and {h["id"] for h in hamza} == {h["id"] for h in bare}
    assert teh
    assert any(seg["hit"] for seg in hamza[0]["snippet"])


def test_show_prints_the_event_report(demo_db: Path) -> None:
    with Store(demo_db) as store:
        event_id = store.conn.execute("SELECT id FROM events ORDER BY size DESC LIMIT 1").fetchone()[0]
    result = CliRunner().invoke(app, ["show", event_id, "--db", str(demo_db)])
    assert result.exit_code == 0 and "الملخص" in result.output
    missing = CliRunner().invoke(app, ["show", "nope", "--db", str(demo_db)])
    assert missing.exit_code == 1


def test_the_same_day_copier_is_the_later_one_by_time_of_day(tmp_path: Path) -> None:
    """Two outlets publish one text on the same day; the file lists the later one first. The copy must point
    to the article published earlier that day, not to the one that happens to come first in the input."""
    body = ("أعلنت وزارة النقل اليوم افتتاح الطريق الساحلي الجديد الذي يربط المدينتين بطول مئة وعشرين كيلومترا "
            "بعد ثلاث سنوات من العمل المتواصل. وقال وكيل الوزارة للطرق إن المشروع يخفض زمن الرحلة إلى النصف "
            "ويخدم أكثر من مليون مسافر كل عام، مضيفا أن الطريق يضم ستة جسور وأربعة أنفاق ومحطات استراحة "
            "على مسافات متقاربة. وأشار إلى أن المرحلة الثانية تبدأ مطلع العام المقبل وتشمل توسعة المداخل "
            "وربط الطريق بالميناء التجاري والمنطقة الصناعية الجديدة شمال المدينة.")
    rows = [
        {"id": "late", "outlet": "منفذ-ب", "url": "https://b.test/1", "title": "افتتاح الطريق الساحلي",
         "content": body + " تابعونا لمزيد من الأخبار.", "date_extracted": "2026-03-04 18:40:00"},
        {"id": "early", "outlet": "منفذ-أ", "url": "https://a.test/1", "title": "افتتاح الطريق الساحلي الجديد",
         "content": body, "date_extracted": "2026-03-04 09:15:00"},
    ]
    src = tmp_path / "day.jsonl"
    src.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    db = tmp_path / "t.db"
    Pipeline(db=db).run([str(src)])
    with Store(db) as store:
        got = {r["url"]: dict(r) for r in store.conn.execute("SELECT id, url, published, duplicate_of, reuses FROM articles")}
    early, late = got["https://a.test/1"], got["https://b.test/1"]
    assert early["published"] == "2026-03-04T09:15:00" and late["published"] == "2026-03-04T18:40:00"
    sources = {r["article_id"] for r in json.loads(late["reuses"])} | {late["duplicate_of"]}
    assert early["id"] in sources
    assert early["duplicate_of"] is None and json.loads(early["reuses"]) == []



def _html_page(title: str, body: str, published: str) -> str:
    paragraphs = "".join(f"<p>{s.strip()}.</p>" for s in body.split(".") if s.strip())
    return (f'<html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>{title}</title>'
            f'<meta property="article:published_time" content="{published}"></head>'
            f"<body><article><h1>{title}</h1>{paragraphs}</article></body></html>")


def test_html_pages_keep_their_time_of_day_for_who_copied_whom(tmp_path: Path) -> None:
    """HTML pages give their publication time in metadata: the page read first but published later that day is
    the copy."""
    body = ("أعلنت وزارة النقل اليوم افتتاح الطريق الساحلي الجديد الذي يربط المدينتين بطول مئة وعشرين كيلومترا "
            "بعد ثلاث سنوات من العمل المتواصل. وقال وكيل الوزارة للطرق إن المشروع يخفض زمن الرحلة إلى النصف "
            "ويخدم أكثر من مليون مسافر كل عام، مضيفا أن الطريق يضم ستة جسور وأربعة أنفاق ومحطات استراحة "
            "على مسافات متقاربة. وأشار إلى أن المرحلة الثانية تبدأ مطلع العام المقبل وتشمل توسعة المداخل "
            "وربط الطريق بالميناء التجاري والمنطقة الصناعية الجديدة شمال المدينة.")
    folder = tmp_path / "pages"
    for outlet in ("outlet-a", "outlet-b"):  # two outlets (one outlet's repeated lines are its page template)
        (folder / outlet).mkdir(parents=True)
    # read in path order: the later page first
    (folder / "outlet-a" / "late.html").write_text(
        _html_page("افتتاح الطريق الساحلي", body + " تابعونا لمزيد من الأخبار.", "2026-03-04T18:40:00+03:00"), encoding="utf-8")
    (folder / "outlet-b" / "early.html").write_text(
        _html_page("افتتاح الطريق الساحلي الجديد", body, "2026-03-04T09:15:00+03:00"), encoding="utf-8")
    db = tmp_path / "t.db"
    Pipeline(db=db).run([str(folder)])
    with Store(db) as store:
        got = {Path(r["input_id"]).name: dict(r) for r in store.conn.execute("SELECT * FROM articles")}
    late, early = got["late.html"], got["early.html"]
    assert (early["published"], late["published"]) == ("2026-03-04T09:15:00", "2026-03-04T18:40:00")
    copy, source = late, early
    assert source["id"] in {r["article_id"] for r in json.loads(copy["reuses"])} | {copy["duplicate_of"]}
    assert source["duplicate_of"] is None and json.loads(source["reuses"]) == []


_STORY_BODIES = [
    "أعلنت وزارة النقل افتتاح الطريق الساحلي الجديد الذي يربط المدينتين بطول مئة وعشرين كيلومترا بعد ثلاث سنوات "
    "من العمل المتواصل. وقال وكيل الوزارة للطرق إن المشروع يخفض زمن الرحلة إلى النصف ويخدم أكثر من مليون مسافر "
    "كل عام، مضيفا أن الطريق يضم ستة جسور وأربعة أنفاق ومحطات استراحة على مسافات متقاربة.",
    "افتتح أمير المنطقة معرض الكتاب الدولي في دورته العاشرة بمشاركة أربعمئة دار نشر من ثلاثين دولة. وقال رئيس "
    "اللجنة المنظمة إن المعرض يستمر عشرة أيام ويضم برنامجا ثقافيا من ندوات وأمسيات شعرية وورش عمل للأطفال، "
    "وإن عدد الزوار في الدورة الماضية تجاوز نصف مليون زائر من داخل المملكة وخارجها.",
    "حقق فريق النادي الأهلي فوزا كبيرا على ضيفه الاتفاق بثلاثة أهداف مقابل هدف في الجولة الخامسة من الدوري. "
    "وسجل المهاجم البرازيلي هدفين في الشوط الأول قبل أن يضيف قائد الفريق الهدف الثالث من ركلة جزاء، فيما "
    "أحرز الاتفاق هدفه الوحيد في الدقائق الأخيرة من المباراة التي حضرها أكثر من عشرين ألف متفرج.",
    "أعلنت هيئة الأرصاد توقعات بهطول أمطار رعدية غزيرة على المناطق الجنوبية والغربية خلال الأيام الثلاثة المقبلة. "
    "ودعا الدفاع المدني السكان إلى الابتعاد عن مجاري السيول والأودية وعدم المجازفة بعبورها، مؤكدا جاهزية فرقه "
    "في جميع المحافظات للتعامل مع أي طارئ على مدار الساعة.",
]


def _staggered_rows() -> list[dict[str, str]]:
    """Four stories on four days, each republished the next day by another outlet (a copy with a line added)."""
    rows = []
    for i, body in enumerate(_STORY_BODIES):
        rows.append({"outlet": "منفذ-أ", "url": f"https://a.test/{i}", "title": body.split("،")[0][:60],
                     "content": body, "date_extracted": f"2026-03-0{i + 1} 09:00:00"})
        rows.append({"outlet": "منفذ-ب", "url": f"https://b.test/{i}", "title": body.split("،")[0][:60],
                     "content": body + " تابعونا لمزيد من الأخبار على موقعنا.", "date_extracted": f"2026-03-0{i + 2} 08:00:00"})
    return rows


def _state(db: Path) -> dict[str, tuple]:
    with Store(db) as store:
        rows = store.conn.execute("SELECT id, url, event_id, duplicate_of, reuses FROM articles").fetchall()
        url_of = {r["id"]: r["url"] for r in rows}
        members: dict[str, list[str]] = {}
        for r in rows:
            members.setdefault(r["event_id"], []).append(r["url"])
        return {r["url"]: (sorted(members[r["event_id"]]), url_of.get(r["duplicate_of"]),
                           sorted((url_of[x["article_id"]], x["kind"]) for x in json.loads(r["reuses"]))) for r in rows}


@pytest.mark.parametrize("older_store", [False, True])
def test_adding_articles_later_gives_what_one_run_gives(tmp_path: Path, older_store: bool) -> None:
    """Articles added in a second run meet the stored ones through the kept signatures, 5-grams and vocabulary:
    events, duplicates and reuse edges equal those of one run over everything. A store written before the
    5-grams were kept (their columns empty) gets the same result by re-reading the bodies."""
    rows = _staggered_rows()
    early = [r for r in rows if r["date_extracted"] < "2026-03-03"]
    late = [r for r in rows if r["date_extracted"] >= "2026-03-03"]
    for name, part in (("all", rows), ("early", early), ("late", late)):
        (tmp_path / f"{name}.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in part), encoding="utf-8")
    Pipeline(db=tmp_path / "one.db").run([str(tmp_path / "all.jsonl")])
    two = tmp_path / "two.db"
    Pipeline(db=two).run([str(tmp_path / "early.jsonl")])
    with Store(two) as store, store.conn:
        stored = store.conn.execute("SELECT COUNT(*) FROM minhash WHERE grams IS NOT NULL AND exact_key IS NOT NULL").fetchone()[0]
        assert stored == len(early)
        if older_store:
            store.conn.execute("UPDATE minhash SET grams = NULL, exact_key = NULL")
    Pipeline(db=two).run([str(tmp_path / "late.jsonl")])
    with Store(two) as store:
        filled = store.conn.execute("SELECT COUNT(*) FROM minhash WHERE grams IS NOT NULL AND exact_key IS NOT NULL")
        assert filled.fetchone()[0] == len(rows)
    one_state, two_state = _state(tmp_path / "one.db"), _state(two)
    assert one_state == two_state
    # the staggered copies were found across the two runs
    assert any(kinds for _m, _d, kinds in two_state.values())
    assert len({tuple(m) for m, _d, _k in two_state.values()}) == len(_STORY_BODIES)


_ACCOUNT_A = ("اندلع حريق كبير في مستودع للأخشاب بالمنطقة الصناعية مساء اليوم وامتدت النيران إلى ثلاثة مصانع مجاورة. "
              "وقال مدير الدفاع المدني إن فرق الإطفاء سيطرت على الحريق بعد أربع ساعات من العمل وإن سبب الحريق ما زال "
              "قيد التحقيق، مضيفا أن الخسائر المادية كبيرة.")
_ACCOUNT_B = ("أصيب خمسة عمال بحروق وحالات اختناق في حريق مستودع الأخشاب ونقلوا إلى المستشفى الجامعي، بحسب بيان للهلال الأحمر. "
              "وأوضح البيان أن سيارات الإسعاف وصلت خلال دقائق وأن حالة المصابين مستقرة، فيما أغلقت الشرطة الطرق "
              "المؤدية إلى الموقع حتى صباح الغد.")


def test_events_merged_in_a_later_run_take_their_stored_articles_along(tmp_path: Path) -> None:
    """Two accounts of one fire open two events in two runs; a third article carrying both accounts joins one
    and makes the two alike, so they merge: the stored articles of the merged-away event follow, its row goes,
    and every story lists only events that exist."""
    texts = [("https://a.test/fire", _ACCOUNT_A), ("https://b.test/fire", _ACCOUNT_B),
             ("https://c.test/fire", _ACCOUNT_A + " " + _ACCOUNT_B)]
    for merge_threshold, expect_events in ((2.0, 2), (0.2, 1)):  # 2.0 switches merging off
        db = tmp_path / f"m{merge_threshold}.db"
        override_params({"merge_threshold": merge_threshold})
        try:
            for i, (url, body) in enumerate(texts):
                src = tmp_path / f"run{merge_threshold}-{i}.jsonl"
                src.write_text(json.dumps({"outlet": f"منفذ-{i}", "url": url, "title": body.split("،")[0][:60],
                                           "content": body, "date_extracted": "2026-03-05 10:00:00"}, ensure_ascii=False),
                               encoding="utf-8")
                Pipeline(db=db).run([str(src)])
        finally:
            override_params({})
        with Store(db) as store:
            conn = store.conn
            event_of = {r["url"]: r["event_id"] for r in conn.execute("SELECT url, event_id FROM articles")}
            events = {r["id"] for r in conn.execute("SELECT id FROM events")}
            assert len(set(event_of.values())) == expect_events
            assert set(event_of.values()) <= events and len(events) == expect_events
            listed = [x for r in conn.execute("SELECT event_ids FROM stories") for x in json.loads(r["event_ids"])]
            assert set(listed) == events and len(listed) == len(events)
            aliases = dict(conn.execute("SELECT id, event_id FROM event_aliases").fetchall())
        if expect_events == 1:  # the merged-away id still leads to the event, in the API and the CLI
            assert len(aliases) == 1 and set(aliases.values()) == events
            gone, keep = next(iter(aliases.items()))
            client = TestClient(create_app(str(db)))
            moved = client.get(f"/api/events/{gone}", follow_redirects=False)
            assert moved.status_code == 308 and moved.headers["location"] == f"/api/events/{keep}"
            assert client.get(f"/api/events/{gone}").json()["id"] == keep
            assert client.get(f"/events/{gone}", follow_redirects=False).headers["location"] == f"/events/{keep}"
            shown = CliRunner().invoke(app, ["show", gone, "--db", str(db)])
            assert shown.exit_code == 0 and "merged into" in shown.output


def _analysed(db: Path) -> list[tuple]:
    with Store(db) as store:
        return [tuple(r) for r in store.conn.execute(
            "SELECT id, published, entities, quotes, dates, event_id FROM articles ORDER BY id")]


def test_worker_processes_analyse_as_one_process_does(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from marsad.runners import local
    from marsad.stages import Config

    monkeypatch.setattr(local, "MIN_POOL_BATCH", 2)  # the demo's batches are small: use the pool for them too
    started = []
    real_pool = local.ProcessPoolExecutor

    def counting_pool(*args, **kwargs):  # type: ignore[no-untyped-def]
        started.append(args[0] if args else kwargs.get("max_workers"))
        return real_pool(*args, **kwargs)

    monkeypatch.setattr(local, "ProcessPoolExecutor", counting_pool)
    Pipeline(db=tmp_path / "pool.db", config=Config(workers=2)).run([str(DEMO)])
    assert started == [2]  # one pool for the run, of two workers
    Pipeline(db=tmp_path / "one.db", config=Config(workers=1)).run([str(DEMO)])
    assert started == [2]
    pooled, single = _analysed(tmp_path / "pool.db"), _analysed(tmp_path / "one.db")
    assert len(pooled) > 40 and any(row[2] != "[]" for row in pooled)
    assert pooled == single


def test_an_article_whose_analysis_fails_is_reported_and_the_others_are_stored(tmp_path: Path, demo_copy: Path,
                                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    from marsad.runners import common
    from marsad.stages import Config

    real = common.analyse_stage

    def failing(article, config):  # type: ignore[no-untyped-def]
        if "ترامب" in article.body:
            raise ValueError("a tagger fault")
        return real(article, config)

    monkeypatch.setattr(common, "analyse_stage", failing)
    summary = Pipeline(db=tmp_path / "m.db", config=Config(workers=1)).run([str(demo_copy)])
    failed = [(where, why) for where, why in summary.errors if why.startswith("analysis failed")]
    # each names its record: the file, and for a record inside a feed or an archive its place there ("feed.rss#3")
    assert failed and all("a tagger fault" in why and Path(where.split("#")[0]).is_file() for where, why in failed)
    with Store(tmp_path / "m.db") as store:
        bodies = [r[0] for r in store.conn.execute("SELECT body FROM articles")]
    assert bodies and not any("ترامب" in b for b in bodies)
    assert summary.articles_total == len(bodies) > 20

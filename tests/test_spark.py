"""The Spark engine in local mode gives what the local engine gives, on the demo corpus."""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from pathlib import Path

import pytest

from marsad.runners.spark import SparkUnavailable, check_spark, connected_components

from .conftest import DEMO

try:
    check_spark()
    SPARK_MISSING = ""
except SparkUnavailable as exc:
    SPARK_MISSING = str(exc)

needs_spark = pytest.mark.skipif(bool(SPARK_MISSING), reason=f"no Spark here: {SPARK_MISSING}")


def _state(db: Path) -> dict[str, object]:
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    articles = {r["id"]: dict(r) for r in conn.execute(
        "SELECT id, seq, outlet, title, body, published, entities, quotes, dates, duplicate_of, event_id, story_id, reuses "
        "FROM articles")}
    events = {r["id"]: (r["size"], json.loads(r["record"])) for r in conn.execute("SELECT id, size, record FROM events")}
    stories = {r["id"]: json.loads(r["event_ids"]) for r in conn.execute("SELECT id, event_ids FROM stories")}
    errors = sorted(tuple(r) for r in conn.execute("SELECT location, reason FROM errors"))
    templates = sorted(tuple(r) for r in conn.execute("SELECT outlet, line_key, pages FROM templates"))
    inputs = sorted(tuple(r) for r in conn.execute("SELECT key, status, articles FROM inputs"))
    conn.close()
    return {"articles": articles, "events": events, "stories": stories, "errors": errors, "templates": templates,
            "inputs": inputs}


@pytest.fixture(scope="module")
def both_engines(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path]:
    from marsad import Pipeline

    root = tmp_path_factory.mktemp("engines")
    local_db, spark_db, out = root / "local.db", root / "spark.db", root / "parquet"
    Pipeline(db=local_db).run([str(DEMO)])
    Pipeline(db=spark_db, engine="spark", spark_output=out).run([str(DEMO)])
    return local_db, spark_db, out


@needs_spark
def test_spark_engine_stores_what_the_local_engine_stores(both_engines: tuple[Path, Path, Path]) -> None:
    local, spark = _state(both_engines[0]), _state(both_engines[1])
    assert len(local["articles"]) >= 40
    for part in ("articles", "events", "stories", "errors", "templates", "inputs"):
        assert spark[part] == local[part], part
    # the demo corpus is built to have duplicates, several events and multi-event stories
    assert any(a["duplicate_of"] for a in local["articles"].values())
    assert any(len(ids) > 1 for ids in local["stories"].values())


@needs_spark
def test_spark_duplicate_groups_match_the_stored_ones(both_engines: tuple[Path, Path, Path]) -> None:
    from marsad.runners.spark import read_output

    local_db, _spark_db, out = both_engines
    parquet = read_output(out)
    groups: dict[int, set[str]] = defaultdict(set)
    for row in parquet["duplicate_groups"]:
        groups[row["group"]].add(row["article_id"])
    conn = sqlite3.connect(local_db)
    stored: dict[str, set[str]] = defaultdict(set)
    for article_id, canonical in conn.execute("SELECT id, duplicate_of FROM articles WHERE duplicate_of IS NOT NULL"):
        stored[canonical].update({article_id, canonical})
    assert stored
    assert {frozenset(g) for g in groups.values()} == {frozenset(g) for g in stored.values()}
    # the Parquet articles are the stored ones, readable without the store
    assert {r["id"] for r in parquet["articles"]} == {r[0] for r in conn.execute("SELECT id FROM articles")}


@needs_spark
def test_spark_rerun_skips_done_inputs_and_export_reads_the_store(both_engines: tuple[Path, Path, Path], tmp_path: Path) -> None:
    from marsad import Pipeline
    from marsad.export import export
    from marsad.store.sqlite import Store

    _local, spark_db, out = both_engines
    before = _state(spark_db)
    summary = Pipeline(db=spark_db, engine="spark", spark_output=out).run([str(DEMO)])
    # every input is skipped but the corrupt archive, which is retried and reported again (as the local engine does)
    assert summary.articles_new == 0 and summary.inputs_skipped == summary.inputs - 1
    assert [where for where, _ in summary.errors] == [str(DEMO / "broken" / "archive.zip")]
    assert _state(spark_db)["articles"] == before["articles"]
    target = tmp_path / "events.jsonl"
    with Store(spark_db) as store:
        export(store, "events", "jsonl", str(target))
    lines = target.read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(before["events"])


def test_connected_components_merge_chains_and_keep_singletons_out() -> None:
    groups = connected_components([("c", "d"), ("a", "b"), ("b", "e"), ("x", "x")])
    assert groups == [["a", "b", "e"], ["c", "d"], ["x"]]


def test_missing_java_gives_a_clear_message(monkeypatch: pytest.MonkeyPatch) -> None:
    import marsad.runners.spark as spark_runner

    monkeypatch.setattr(spark_runner.shutil, "which", lambda name: None)
    monkeypatch.delenv("JAVA_HOME", raising=False)
    try:
        import pyspark  # noqa: F401
    except ImportError:
        pytest.skip("PySpark is not installed: the PySpark message comes first")
    with pytest.raises(SparkUnavailable, match="Java runtime"):
        check_spark()

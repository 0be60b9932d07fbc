"""The Spark runner: the same stages as the local runner, run by Apache Spark.

Plan (each step names the Spark operation and why):

1. Inputs are discovered on the driver and read in parallel (``parallelize`` + ``flatMap``),
   one task per file or zip.
2. Records are keyed by outlet for pages (site templates are learned per outlet, in
   input order) and by their own position for structured records, then
   ``repartitionAndSortWithinPartitions``: each task meets an outlet's pages in the
   order the local runner does, so ``process_record`` (the very function the local
   runner calls) yields exactly the same articles.
3. MinHash signatures per partition (``mapPartitions`` over ``MinHasher``), LSH band keys
   shuffled by band (``flatMap`` + ``groupByKey``), candidate pairs verified by
   estimated Jaccard, duplicate groups by connected components (union-find over the
   verified edges on the driver; the edges are few: about one per duplicate).
4. Everything is written as Parquet under ``<db>.spark/`` (articles, signatures,
   duplicate groups, errors), then loaded into the SQLite store in input order, and the
   corpus pass (reuse, events, stories) runs over it exactly as after a local run:
   events are assigned in publication order, which is what makes both engines agree.

PySpark is an optional extra (``pip install marsad[spark]``) and needs a Java runtime.
"""

from __future__ import annotations

import copy
import os
import shutil
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import numpy as np

from ..dedup.minhash import MinHasher, band_keys, exact_key, is_empty, jaccard_estimate, long_enough_to_match, match_tokens
from ..dedup.reuse import NEAR_DUP
from ..ingest.sources import InputUnit
from ..records import IngestError
from ..stages import Config
from ..store.sqlite import Store, _dump, row_to_article
from .common import Progress, RunSummary, discover_units, finish_run, process_record

MAX_BUCKET_PAIRS = 50  # a band bucket larger than this is paired as a star (linear), not all pairs


class SparkUnavailable(RuntimeError):
    """PySpark or Java is missing; the message says what to install."""


def check_spark() -> None:
    try:
        import pyspark  # noqa: F401
    except ImportError as exc:
        raise SparkUnavailable("the Spark engine needs PySpark: pip install 'marsad[spark]'") from exc
    java = shutil.which("java") or (os.path.join(os.environ["JAVA_HOME"], "bin", "java") if os.environ.get("JAVA_HOME") else None)
    if not java or not os.path.exists(java):
        raise SparkUnavailable("the Spark engine needs a Java runtime (17 or newer): install one (e.g. apt-get install "
                               "openjdk-17-jre-headless) or set JAVA_HOME")
    try:
        subprocess.run([java, "-version"], capture_output=True, check=True, timeout=30)
    except (OSError, subprocess.SubprocessError) as exc:
        raise SparkUnavailable(f"the Java runtime at {java} does not run: {exc}") from exc


def spark_session(master: str | None = None):
    check_spark()
    from pyspark.sql import SparkSession

    # workers run this interpreter (with marsad installed) unless the user chose one
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)

    builder = (SparkSession.builder.appName("marsad")
               .config("spark.ui.enabled", "false")
               .config("spark.sql.session.timeZone", "UTC")
               .config("spark.python.worker.reuse", "true")
               .config("spark.ui.showConsoleProgress", "false"))
    if master or not os.environ.get("PYSPARK_GATEWAY_PORT"):  # under spark-submit the master comes from it
        builder = builder.master(master or "local[*]")
        if (master or "local").startswith("local"):
            # in local mode the driver JVM holds the cached partitions: give it room (spark-submit users set their own)
            builder = builder.config("spark.driver.memory", os.environ.get("MARSAD_SPARK_DRIVER_MEMORY", "4g"))
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel(os.environ.get("MARSAD_SPARK_LOG_LEVEL", "ERROR"))
    return spark


# --- functions shipped to the executors (module level: picklable) -------------------------

def _read_unit(indexed: tuple[int, InputUnit], limits: Any) -> Iterator[tuple[tuple[str, int, int], Any]]:
    """Records of one input, keyed (route, unit index, record index)."""
    unit_index, unit = indexed
    for rec_index, item in enumerate(unit.read(limits)):
        if isinstance(item, IngestError):
            route = f"#{unit_index}"
        elif item.kind != "record" and item.outlet:
            route = f"outlet:{item.outlet}"  # one task sees all of an outlet's pages, in order
        else:
            route = f"#{unit_index}:{rec_index % 64}"
        yield (route, unit_index, rec_index), item


def _process_partition(rows: Iterable[tuple[tuple[str, int, int], Any]], templates: Any, config: Config) -> Iterator[dict[str, Any]]:
    view = copy.deepcopy(templates)
    hasher = MinHasher()
    pending: list[dict[str, Any]] = []
    pages: dict[str, int] = defaultdict(int)
    lines: dict[tuple[str, str], int] = defaultdict(int)

    def flush() -> Iterator[dict[str, Any]]:
        if not pending:
            return
        toks = [match_tokens(p["body"]) for p in pending]
        # a page of a few words gets no key and an empty signature: it is never a duplicate (MIN_MATCH_TOKENS)
        sigs = hasher.signatures_from_shingles([hasher.shingles_of_tokens(t if long_enough_to_match(t) else []) for t in toks])
        for p, t, sig in zip(pending, toks, sigs):
            p["signature"] = sig.astype(np.uint32).tobytes()
            p["exact_key"] = exact_key(t) if long_enough_to_match(t) else ""
            yield p
        pending.clear()

    for (_route, unit_index, rec_index), item in rows:
        if isinstance(item, IngestError):
            yield {"kind": "error", "unit": unit_index, "record": rec_index, "where": item.where, "reason": item.reason,
                   "ingest": True}
            continue
        outcome = process_record(item, view, config)
        if item.outlet and outcome.template_keys is not None:
            pages[item.outlet] += 1
            for k in outcome.template_keys:
                lines[(item.outlet, k)] += 1
        yield {"kind": "record", "unit": unit_index, "record": rec_index, "articles": len(outcome.articles)}
        if outcome.error:
            yield {"kind": "error", "unit": unit_index, "record": rec_index, "where": item.path, "reason": outcome.error,
                   "ingest": False}
        for n, a in enumerate(outcome.articles):
            pending.append(_article_row(a, unit_index, rec_index, n))
        if len(pending) >= 500:
            yield from flush()
    yield from flush()
    if pages:
        yield {"kind": "templates", "pages": dict(pages), "lines": [[o, k, n] for (o, k), n in lines.items()]}


ARTICLE_COLUMNS = ["id", "input_id", "outlet", "url", "title", "published", "body", "credited_source", "agencies",
                   "dateline", "author", "entities", "quotes", "dates", "source_text", "dropped_lines"]


def _article_row(a: Any, unit_index: int, rec_index: int, n: int) -> dict[str, Any]:
    row = {"kind": "article", "unit": unit_index, "record": rec_index, "n": n}
    for col in ARTICLE_COLUMNS:
        value = getattr(a, col)
        row[col] = _dump(value) if col in ("agencies", "entities", "quotes", "dates", "dropped_lines") else value
    return row


def _band_rows(row: dict[str, Any]) -> Iterator[tuple[tuple[int, int], str]]:
    sig = np.frombuffer(row["signature"], dtype=np.uint32)
    if is_empty(sig):
        return
    for band, key in enumerate(band_keys(sig[None, :])[0]):
        yield (band, int(key)), row["id"]


def _bucket_pairs(members: Iterable[str]) -> Iterator[tuple[str, str]]:
    ids = sorted(set(members))
    if len(ids) < 2:
        return
    if len(ids) <= MAX_BUCKET_PAIRS:
        for i, a in enumerate(ids):
            for b in ids[i + 1:]:
                yield a, b
    else:  # a huge bucket is one template text: pairing with its first member keeps it linear
        for b in ids[1:]:
            yield ids[0], b


# --- the runner -------------------------------------------------------------------------

def run_spark(store: Store, inputs: list[str], config: Config = Config(), master: str | None = None,
              progress: Progress | None = None, output: str | Path | None = None) -> RunSummary:
    t0 = time.perf_counter()
    summary = RunSummary()
    spark = spark_session(master)
    sc = spark.sparkContext
    summary.run_id = store.start_run(inputs, "spark")
    out = str(output) if output else f"{store.path}.spark"  # a path or a URL (hdfs://, s3a://) Spark can write

    units = discover_units(inputs, summary)
    todo: list[tuple[int, InputUnit]] = []
    for i, unit in enumerate(units):
        if store.input_done(unit.key, unit.fingerprint):
            summary.inputs_skipped += 1
        else:
            todo.append((i, unit))
    if progress:
        progress("ingest", summary.inputs_skipped, len(units))

    from pyspark import StorageLevel

    t_ingest = time.perf_counter()
    limits, templates = config.limits, store.load_templates()
    b_templates = sc.broadcast(templates)
    parts = max(1, min(len(todo), sc.defaultParallelism * 4))
    rows = (sc.parallelize(todo, parts)
            .flatMap(lambda u: _read_unit(u, limits))
            .repartitionAndSortWithinPartitions(sc.defaultParallelism * 2, partitionFunc=lambda key: _portable(key[0]))
            .mapPartitions(lambda it: _process_partition(it, b_templates.value, config))
            .persist(StorageLevel.MEMORY_AND_DISK))  # read by several writers below: never extract twice
    write_parquet(spark, rows, out)
    summary.timings["spark_extract"] = time.perf_counter() - t_ingest

    t_dedup = time.perf_counter()
    groups = duplicate_groups(spark, out)
    summary.timings["spark_dedup"] = time.perf_counter() - t_dedup
    rows.unpersist()

    t_load = time.perf_counter()
    summary.articles_new, summary.records = load_parquet(spark, out, store, summary, todo)
    summary.timings["load"] = time.perf_counter() - t_load
    summary.timings["ingest"] = time.perf_counter() - t_ingest
    if progress:
        progress("ingest", len(units), len(units))

    summary.timings["spark_duplicate_groups"] = float(len(groups))
    return finish_run(store, summary, config, progress, t0)


def _portable(route: str) -> int:
    from pyspark.rdd import portable_hash

    return portable_hash(route)


def write_parquet(spark: Any, rows: Any, out: str) -> None:
    """Articles, errors, record counts and template counts as Parquet datasets under ``out``."""
    from pyspark.sql import types as T

    s = T.StringType()
    article_schema = T.StructType(
        [T.StructField("unit", T.IntegerType()), T.StructField("record", T.IntegerType()), T.StructField("n", T.IntegerType())]
        + [T.StructField(c, s) for c in ARTICLE_COLUMNS]
        + [T.StructField("signature", T.BinaryType()), T.StructField("exact_key", s)])
    names = article_schema.fieldNames()
    articles = rows.filter(lambda r: r["kind"] == "article").map(lambda r: tuple(r[k] for k in names))
    spark.createDataFrame(articles, article_schema).write.mode("overwrite").parquet(f"{out}/articles")
    errors = rows.filter(lambda r: r["kind"] == "error").map(lambda r: (r["unit"], r["record"], r["where"], r["reason"], r["ingest"]))
    spark.createDataFrame(errors, T.StructType([T.StructField("unit", T.IntegerType()), T.StructField("record", T.IntegerType()),
                                                T.StructField("where", s), T.StructField("reason", s),
                                                T.StructField("ingest", T.BooleanType())])
                          ).write.mode("overwrite").parquet(f"{out}/errors")
    produced = (rows.filter(lambda r: r["kind"] == "record").map(lambda r: (r["unit"], (r["articles"], 1)))
                .reduceByKey(lambda a, b: (a[0] + b[0], a[1] + b[1])).map(lambda kv: (kv[0], *kv[1])))
    spark.createDataFrame(produced, T.StructType([T.StructField("unit", T.IntegerType()), T.StructField("articles", T.IntegerType()),
                                                  T.StructField("records", T.IntegerType())])).write.mode("overwrite").parquet(f"{out}/units")
    template_rows = rows.filter(lambda r: r["kind"] == "templates")
    pages = template_rows.flatMap(lambda r: [(o, "", n) for o, n in r["pages"].items()])
    lines = template_rows.flatMap(lambda r: [(o, k, n) for o, k, n in r["lines"]])
    spark.createDataFrame(pages.union(lines), T.StructType([T.StructField("outlet", s), T.StructField("line_key", s),
                                                            T.StructField("pages", T.IntegerType())])
                          ).write.mode("overwrite").parquet(f"{out}/templates")


def duplicate_groups(spark: Any, out: str) -> list[list[str]]:
    """Near and exact duplicate groups over the whole run: LSH bands shuffled by band key,
    candidate pairs verified, connected components. Written to ``out/duplicate_groups``."""
    from pyspark.sql import types as T

    articles = spark.read.parquet(f"{out}/articles").select("id", "signature", "exact_key").rdd.map(lambda r: r.asDict())
    articles = articles.cache()
    sigs = articles.map(lambda r: (r["id"], r["signature"]))
    near = (articles.flatMap(_band_rows).groupByKey().flatMap(lambda kv: _bucket_pairs(kv[1])).distinct()
            .join(sigs).map(lambda kv: (kv[1][0], (kv[0], kv[1][1])))
            .join(sigs)
            .filter(lambda kv: jaccard_estimate(np.frombuffer(kv[1][0][1], dtype=np.uint32),
                                                np.frombuffer(kv[1][1], dtype=np.uint32)) >= NEAR_DUP)
            .map(lambda kv: (kv[1][0][0], kv[0])))
    exact = (articles.filter(lambda r: r["exact_key"]).map(lambda r: (r["exact_key"], r["id"])).groupByKey()
             .flatMap(lambda kv: _bucket_pairs(kv[1])))
    edges = near.union(exact).distinct().collect()
    articles.unpersist()
    groups = connected_components(edges)
    schema = T.StructType([T.StructField("group", T.IntegerType()), T.StructField("article_id", T.StringType())])
    data = [(g, a) for g, members in enumerate(groups) for a in members]
    spark.createDataFrame(data, schema).coalesce(1).write.mode("overwrite").parquet(f"{out}/duplicate_groups")
    return groups


def connected_components(edges: Iterable[tuple[str, str]]) -> list[list[str]]:
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in edges:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    members: dict[str, list[str]] = defaultdict(list)
    for x in parent:
        members[find(x)].append(x)
    return sorted(sorted(m) for m in members.values())


def load_parquet(spark: Any, out: str, store: Store, summary: RunSummary, todo: list[tuple[int, InputUnit]],
                 batch_size: int = 500) -> tuple[int, int]:
    """Load a Spark run's Parquet output into the store, in input order (the order the
    local runner stores articles in, which fixes each article's ``seq``)."""
    units = dict(todo)
    per_unit = {r["unit"]: (r["articles"], r["records"]) for r in spark.read.parquet(f"{out}/units").collect()}
    errors_by_unit: dict[int, list[tuple[str, str]]] = defaultdict(list)
    failed_units: set[int] = set()
    for r in spark.read.parquet(f"{out}/errors").orderBy("unit", "record").collect():
        errors_by_unit[r["unit"]].append((r["where"], r["reason"]))
        if r["ingest"]:
            failed_units.add(r["unit"])
    template_pages: dict[str, int] = {}
    template_lines: dict[tuple[str, str], int] = {}
    for r in spark.read.parquet(f"{out}/templates").collect():
        if r["line_key"] == "":
            template_pages[r["outlet"]] = template_pages.get(r["outlet"], 0) + r["pages"]
        else:
            template_lines[(r["outlet"], r["line_key"])] = template_lines.get((r["outlet"], r["line_key"]), 0) + r["pages"]

    added = 0
    articles = (spark.read.parquet(f"{out}/articles").drop("signature", "exact_key")
                .orderBy("unit", "record", "n").toLocalIterator())
    batch, done, errs = [], [], list(summary.errors)  # discovery errors first, as the local runner records them
    next_unit = 0
    ordered_units = sorted(units)

    def close_units(upto: int) -> None:
        nonlocal next_unit
        while next_unit < len(ordered_units) and ordered_units[next_unit] < upto:
            u = ordered_units[next_unit]
            produced, _records = per_unit.get(u, (0, 0))
            failed = u in failed_units
            done.append((units[u].key, units[u].fingerprint, produced if produced or not failed else -1))
            errs.extend(errors_by_unit.get(u, []))
            summary.errors.extend(errors_by_unit.get(u, []))
            next_unit += 1

    def flush(final: bool = False) -> None:
        nonlocal added, batch, done, errs
        added += store.write_batch(summary.run_id, batch, done, errs, template_pages if final else {},
                                   template_lines if final else {})
        batch, done, errs = [], [], []

    for row in articles:
        close_units(row["unit"])
        batch.append(row_to_article({**row.asDict(), "event_id": None, "story_id": None, "duplicate_of": None, "reuses": "[]"}))
        if len(batch) >= batch_size:
            flush()
    close_units(1 << 62)
    flush(final=True)
    records = sum(r for _a, r in per_unit.values())
    return added, records


def read_output(out: str | Path) -> dict[str, list[dict[str, Any]]]:
    """The Parquet output of a Spark run as plain records (for tests and tools)."""
    spark = spark_session()
    return {name: [r.asDict() for r in spark.read.parquet(f"{out}/{name}").collect()]
            for name in ("articles", "errors", "units", "duplicate_groups")}


"""Both engines on the SaudiNewsNet corpus: same articles, duplicates and events? How long, and where does the time go?

    python bench/engines.py --data ../shared/data [--local-db /tmp/marsad-bench.db]

With --local-db pointing at an existing store of a local run over the same corpus (the
one ``bench/run_bench.py`` leaves), the local run is not repeated.
"""

from __future__ import annotations

import argparse
import json
import resource
import sqlite3
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run(engine: str, corpus: Path, db: Path) -> tuple[float, float]:
    for suffix in ("", "-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    t = time.perf_counter()
    # a wrapper process per run, so that each run's peak memory (the JVM included) is its own
    code = ("import resource, subprocess, sys; p = subprocess.run(sys.argv[1:], capture_output=True, text=True); "
            "print(p.stdout[-1200:]); print(p.stderr[-3000:], file=sys.stderr); "
            "print('PEAK_KB', resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss); sys.exit(p.returncode)")
    proc = subprocess.run([sys.executable, "-c", code, sys.executable, "-m", "marsad", "run", str(corpus), "--db", str(db),
                           "--engine", engine], capture_output=True, text=True, cwd=ROOT)
    wall = time.perf_counter() - t
    if proc.returncode not in (0,):
        print(proc.stdout, proc.stderr)
        sys.exit(f"{engine} run failed")
    peak = [int(line.split()[1]) for line in proc.stdout.splitlines() if line.startswith("PEAK_KB")]
    return wall, (peak[0] / 1024 if peak else float("nan"))


def state(db: Path) -> tuple[dict[str, str | None], dict[str, str | None], dict[str, float]]:
    con = sqlite3.connect(db)
    events = {r[0]: r[1] for r in con.execute("SELECT id, event_id FROM articles")}
    dups = {r[0]: r[1] for r in con.execute("SELECT id, duplicate_of FROM articles")}
    timings = json.loads(con.execute("SELECT timings FROM runs ORDER BY id DESC LIMIT 1").fetchone()[0])
    return events, dups, timings


def partition(labels: dict[str, str | None]) -> dict[str, frozenset[str]]:
    groups: dict[str, set[str]] = defaultdict(set)
    for article, label in labels.items():
        groups[label or article].add(article)
    return {a: frozenset(groups[label or a]) for a, label in labels.items()}


def _groups(dups: dict[str, str | None]) -> dict[str, set[str]]:
    groups: dict[str, set[str]] = defaultdict(set)
    for article, canonical in dups.items():
        if canonical:
            groups[canonical].update({article, canonical})
    return groups


def lsh_groups(path: Path) -> set[frozenset[str]]:
    import pyarrow.parquet as pq

    groups: dict[int, set[str]] = defaultdict(set)
    for row in pq.read_table(path).to_pylist():
        groups[row["group"]].add(row["article_id"])
    return {frozenset(g) for g in groups.values()}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--local-db", type=Path, default=None, help="reuse this local-engine store of the same corpus")
    args = ap.parse_args()
    corpus = args.data / "saudinewsnet"
    if not corpus.exists():
        sys.exit(f"no corpus at {corpus}: make bench reads ../shared/data")
    print("# local engine vs Spark engine (local[*] master, 2 cores here)\n")
    if args.local_db and args.local_db.exists():
        local_db, local_wall, local_peak = args.local_db, None, None
    else:
        local_db = Path("/tmp/marsad-engines-local.db")
        local_wall, local_peak = run("local", corpus, local_db)
    spark_db = Path("/tmp/marsad-engines-spark.db")
    spark_wall, spark_peak = run("spark", corpus, spark_db)

    l_events, l_dups, l_t = state(local_db)
    s_events, s_dups, s_t = state(spark_db)
    same_articles = set(l_events) == set(s_events)
    lp, sp = partition(l_events), partition(s_events)
    agree = sum(lp[a] == sp.get(a) for a in lp) / max(len(lp), 1)
    ld, sd = partition({a: d for a, d in l_dups.items()}), partition({a: d for a, d in s_dups.items()})
    dup_agree = sum(ld[a] == sd.get(a) for a in ld) / max(len(ld), 1)
    try:
        from sklearn.metrics import adjusted_rand_score

        ids = sorted(set(l_events) & set(s_events))
        ari = adjusted_rand_score([l_events[a] or a for a in ids], [s_events[a] or a for a in ids])
    except ImportError:
        ari = float("nan")
    print(f"articles: local {len(l_events):,}, spark {len(s_events):,}, same ids: {same_articles}")
    print(f"event partition: {agree:.4f} of articles have the same event members in both (adjusted Rand {ari:.4f}); "
          f"events local {len(set(l_events.values())):,}, spark {len(set(s_events.values())):,}")
    print(f"duplicate groups: {dup_agree:.4f} of articles have the same duplicate group in both")
    spark_groups = lsh_groups(Path(f"{spark_db}.spark") / "duplicate_groups")
    stored = {frozenset(g) for g in _groups(s_dups).values() if len(g) > 1}
    print(f"Spark's global LSH components: {len(spark_groups):,} groups over {sum(map(len, spark_groups)):,} articles; "
          f"stored (7-day window, online) {len(stored):,} groups over {sum(map(len, stored)):,} articles; "
          f"{len(spark_groups & stored):,} groups identical")
    if local_wall is not None:
        print(f"local: {local_wall:.0f} s wall, peak {local_peak:.0f} MiB; ingest+extract+analyse {l_t['ingest']:.0f} s, "
              f"corpus stages {l_t['corpus']:.0f} s")
    else:
        print(f"local (store reused from {local_db}): ingest+extract+analyse {l_t['ingest']:.0f} s, corpus stages {l_t['corpus']:.0f} s")
    print(f"spark: {spark_wall:.0f} s wall, peak {spark_peak:.0f} MiB (largest process); extract+analyse+signatures in Spark "
          f"{s_t.get('spark_extract', 0):.0f} s, LSH band shuffle + components {s_t.get('spark_dedup', 0):.0f} s "
          f"({int(s_t.get('spark_duplicate_groups', 0)):,} groups), Parquet -> store {s_t.get('load', 0):.0f} s, "
          f"corpus stages on the driver {s_t['corpus']:.0f} s")
    print(f"this process: peak {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")


if __name__ == "__main__":
    main()

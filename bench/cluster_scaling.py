"""Event clustering cost as the corpus grows, and the latency of adding one article (issue 7).

    python bench/cluster_scaling.py --db /tmp/snn.db [--adds 20] [--adds-only]

1. The streaming clusterer replayed over the first 3,103 and all 31,030 articles (publication
   order, features included): wall time and peak Python memory (tracemalloc), and their ratio.
2. One new article added to a copy of the full store with `marsad run` (ingest + corpus stages):
   p50/p99 over --adds single-article runs (random articles, so random days); --adds-only skips part 1.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from marsad import Pipeline  # noqa: E402
from marsad.arabic.normalize import _normalize_short, normalize_token  # noqa: E402
from marsad.arabic.tokens import _word_tokens, split_clitics, stem  # noqa: E402
from marsad.cluster import events as ev  # noqa: E402


def replay(rows: list[tuple], *, trace_memory: bool = False, slices: int = 0) -> tuple[float, float, int, list[float]]:
    """Features + assignment over ``rows`` in order, from empty token caches. Time and memory come
    from separate passes: tracemalloc slows the run it watches by about a third."""
    # every pass starts with the token caches empty, as a `marsad run` process does: warmed by the passes before,
    # the small run found all its words cached while the large one's vocabulary outgrows the caches
    for cached in (normalize_token, _normalize_short, _word_tokens, split_clitics, stem):
        cached.cache_clear()
    if trace_memory:
        tracemalloc.start()
    t0 = t = time.perf_counter()
    dfs = ev.DocumentFrequencies()
    clusterer = ev.EventClusterer()
    today = dt.date.today()
    step = len(rows) // slices if slices else 0
    slice_times = []
    for i, (aid, title, body, published, ents) in enumerate(rows):
        f = ev.article_features(aid, title, body, published, [e["canonical"] for e in json.loads(ents) if e["type"] != "MISC"],
                                dfs, fallback_date=today)
        clusterer.assign(f)
        clusterer.prune(f.date)
        if step and (i + 1) % step == 0:
            now = time.perf_counter()
            slice_times.append(now - t)
            t = now
    el = time.perf_counter() - t0
    peak = 0.0
    if trace_memory:
        peak = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
    return el, peak, len(clusterer.all_events()), slice_times


def scaling(rows: list[tuple]) -> None:
    small = rows[: len(rows) // 10]
    # best of three: on a shared 2-core machine a single run moves the ratio by about ±0.7
    t_small, _, e_small, _ = min(replay(small) for _ in range(3))
    t_big, _, e_big, slice_times = min(replay(rows, slices=10) for _ in range(3))
    m_small = replay(small, trace_memory=True)[1]
    m_big = replay(rows, trace_memory=True)[1]
    print(f"clustering the first {len(small):,} articles: {t_small:.1f} s, peak {m_small:.0f} MiB, {e_small:,} events")
    print(f"clustering all {len(rows):,} articles: {t_big:.1f} s, peak {m_big:.0f} MiB, {e_big:,} events")
    print(f"time ratio {t_big / t_small:.2f} for {len(rows) / len(small):.1f}x the articles (goal <= 11); memory ratio {m_big / m_small:.2f}")
    print("seconds per tenth of the full run (cost follows how many articles share the same days):",
          " ".join(f"{x:.1f}" for x in slice_times))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", type=Path, required=True)
    ap.add_argument("--adds", type=int, default=20)
    ap.add_argument("--adds-only", action="store_true", help="only the latency of adding one article")
    args = ap.parse_args()
    con = sqlite3.connect(args.db)
    rows = con.execute("SELECT id, title, body, published, entities FROM articles ORDER BY COALESCE(published,'9999'), seq").fetchall()
    if not args.adds_only:
        scaling(rows)
    sample = con.execute("SELECT title, body, outlet, published FROM articles ORDER BY random() LIMIT ?", (args.adds,)).fetchall()
    con.close()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "store.db"
        shutil.copy(args.db, db)
        lat = []
        for i, (title, body, outlet, published) in enumerate(sample):
            page = Path(tmp) / f"new{i}.jsonl"
            page.write_text(json.dumps({"id": f"new-{i}", "title": title, "text": body + f"\n\nتحديث رقم {i}.",
                                        "url": f"https://example.test/new/{i}", "outlet": outlet, "date": published},
                                       ensure_ascii=False) + "\n", encoding="utf-8")
            t = time.perf_counter()
            Pipeline(db=db).run([str(page)])
            lat.append(time.perf_counter() - t)
    lat.sort()
    if lat:
        print(f"adding one article to a store of {len(rows):,} (marsad run on one JSONL line, {len(lat)} runs): "
              f"p50 {statistics.median(lat) * 1000:.0f} ms, p99 {lat[min(len(lat) - 1, int(0.99 * len(lat)))] * 1000:.0f} ms")


if __name__ == "__main__":
    main()

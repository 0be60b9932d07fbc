"""Speed figures on ../shared/data (not a test: prints numbers for docs/benchmarks.md).

    python bench/run_bench.py --data ../shared/data [--only tokens,minhash,lsh,pipeline]

- tokens: normalise + tokenise throughput over the SaudiNewsNet corpus (tokens/s)
- minhash: marsad's vectorised signatures vs datasketch on the same shingle sets (signatures/s, ratio)
- lsh: recall and precision of LSH + verification against exact Jaccard >= 0.8 on a sample
- reuse: the whole duplicate + reuse pass over the corpus in publication order, as the corpus stage runs it
- pipeline: `marsad run` on the whole corpus in a subprocess: wall time, articles/s, peak memory
"""

from __future__ import annotations

import argparse
import glob
import json
import resource
import subprocess
import sys
import time
import zipfile
from collections import defaultdict
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))


def load_corpus(data: Path) -> list[dict]:
    docs = []
    for z in sorted(glob.glob(str(data / "saudinewsnet" / "*.zip"))):
        with zipfile.ZipFile(z) as zf:
            for name in zf.namelist():
                docs.extend(json.load(zf.open(name)))
    return docs


def bench_tokens(docs: list[dict]) -> None:
    from marsad.arabic.normalize import normalize_match
    from marsad.arabic.tokens import tokenize

    texts = [d.get("content") or "" for d in docs]
    t = time.perf_counter()
    n = 0
    for text in texts:
        n += len(tokenize(text))
    el = time.perf_counter() - t
    t = time.perf_counter()
    for text in texts:
        normalize_match(text)
    el_norm = time.perf_counter() - t
    print(f"normalise+tokenise: {n:,} tokens in {el:.1f} s = {n / el:,.0f} tokens/s ({len(texts) / el:,.0f} articles/s); "
          f"normalise alone {len(texts) / el_norm:,.0f} articles/s")


def bench_minhash(docs: list[dict]) -> None:
    import numpy as np

    from marsad.dedup.minhash import MinHasher

    hasher = MinHasher()
    texts = [d.get("content") or d.get("title") or "" for d in docs]
    t = time.perf_counter()
    shingles = [hasher.shingles(x) for x in texts]
    t_sh = time.perf_counter() - t
    t = time.perf_counter()
    sigs = hasher.signatures_from_shingles(shingles)
    t_ours = time.perf_counter() - t
    print(f"shingling (tokenise + 3-gram hashes): {len(texts) / t_sh:,.0f} articles/s")
    print(f"marsad signatures from shingles: {len(texts):,} in {t_ours:.2f} s = {len(texts) / t_ours:,.0f} signatures/s")
    try:
        from datasketch import MinHash
    except ImportError:
        print("datasketch not installed (make bench installs it)")
        return
    sample = shingles[:3000]  # datasketch is slow: time a sample and scale
    t = time.perf_counter()
    for sh in sample:
        m = MinHash(num_perm=128)
        m.update_batch([int(x).to_bytes(8, "little") for x in sh])
    t_ds = time.perf_counter() - t
    rate_ds = len(sample) / t_ds
    print(f"datasketch {__import__('datasketch').__version__} MinHash(num_perm=128).update_batch on the same shingles: {rate_ds:,.0f} signatures/s (3,000-article sample)")
    print(f"ratio marsad / datasketch: {len(texts) / t_ours / rate_ds:.1f}x")
    np.save("/tmp/marsad_sigs.npy", sigs)


def bench_lsh(docs: list[dict], sample_size: int = 8000) -> None:
    from marsad.dedup.minhash import MinHasher, band_keys

    hasher = MinHasher()
    texts = [d["content"] for d in docs if (d.get("content") or "").strip()][:sample_size]  # empty texts have no shingles
    shingles = [hasher.shingles(x) for x in texts]
    sets = [set(s.tolist()) for s in shingles]
    # exact Jaccard >= 0.8 over pairs sharing a shingle (an exact inverted index, no sampling)
    index: dict[int, list[int]] = defaultdict(list)
    for i, s in enumerate(sets):
        for h in s:
            index[h].append(i)
    true_pairs = set()
    checked = set()
    for postings in index.values():
        if len(postings) > 200:
            continue  # very common shingles: pairs sharing them also share rarer ones
        for a, b in combinations(postings, 2):
            if (a, b) in checked:
                continue
            checked.add((a, b))
            inter = len(sets[a] & sets[b])
            if sets[a] and inter / len(sets[a] | sets[b]) >= 0.8:
                true_pairs.add((a, b))
    sigs = hasher.signatures_from_shingles(shingles)
    keys = band_keys(sigs)
    buckets: dict[tuple[int, int], list[int]] = defaultdict(list)
    for i in range(len(texts)):
        for band, k in enumerate(keys[i]):
            buckets[(band, int(k))].append(i)
    candidates = set()
    for members in buckets.values():
        candidates |= {(a, b) for a, b in combinations(members, 2)}
    found = {(a, b) for a, b in candidates if (sigs[a] == sigs[b]).mean() >= 0.8}
    tp = len(found & true_pairs)
    print(f"LSH (16 bands x 8 rows) on {len(texts):,} articles: {len(true_pairs)} pairs with exact Jaccard >= 0.8; "
          f"{len(candidates):,} candidate pairs; after verification recall {tp / max(len(true_pairs), 1):.3f}, precision {tp / max(len(found), 1):.3f}")


def bench_reuse(docs: list[dict]) -> None:
    """Signatures, 5-gram hashes, exact and near duplicates and reuse edges for every article, in publication
    order against all earlier ones in the window: the reuse part of the corpus stage, without the store."""
    from marsad.dedup.minhash import MinHasher
    from marsad.dedup.reuse import Doc, ReuseIndex
    from marsad.meta.agencies import find_agencies

    rows = sorted((d for d in docs if (d.get("content") or "").strip()), key=lambda d: d.get("date_extracted") or "")
    agencies = [find_agencies(d["content"]) for d in rows]  # found by the extraction stage in a run, so not timed here
    t = time.perf_counter()
    hasher = MinHasher()
    items = [Doc(f"d{i}", i, d.get("source"), (d.get("date_extracted") or "")[:10] or None, d["content"], agencies=wires)
             for i, (d, wires) in enumerate(zip(rows, agencies, strict=True))]
    sigs = hasher.signatures_from_shingles([hasher.shingles_of_tokens(x.toks()) for x in items])
    t_sig = time.perf_counter() - t
    index = ReuseIndex()
    dups = edges = copies = shared = 0
    for doc, sig in zip(items, sigs):
        doc.duplicate_of = index.duplicate_of(doc, sig)
        found = index.reuse_pairs(doc)
        index.add(doc, sig)
        dups += doc.duplicate_of is not None
        edges += len(found)
        copies += sum(1 for e in found if e["kind"] == "copy")
        shared += sum(1 for e in found if e["kind"] == "shared_source")
    el = time.perf_counter() - t
    print(f"reuse pass over {len(items):,} articles: {el:.1f} s ({len(items) / el:,.0f} articles/s; tokenising and signatures "
          f"{t_sig:.1f} s); {dups:,} duplicates, {edges:,} reuse edges of which {copies:,} copies and {shared:,} "
          f"between two outlets crediting the same wire (shared_source)")


def bench_pipeline(data: Path) -> None:
    db = Path("/tmp/marsad-bench.db")
    for suffix in ("", "-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    t = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "marsad", "run", str(data / "saudinewsnet"), "--db", str(db)],
                          capture_output=True, text=True, cwd=ROOT)
    wall = time.perf_counter() - t
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(proc.stdout[-1500:])
    import sqlite3

    con = sqlite3.connect(db)
    n = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    timings = json.loads(con.execute("SELECT timings FROM runs ORDER BY id DESC LIMIT 1").fetchone()[0])
    print(f"marsad run on the corpus: {n:,} articles in {wall:.0f} s wall ({n / wall:.0f} articles/s); "
          f"ingest+extract+analyse {timings['ingest']:.0f} s ({n / timings['ingest']:.0f} articles/s), corpus stages {timings['corpus']:.0f} s; "
          f"peak memory {peak_kb / 1024:.0f} MiB")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--only", default="tokens,minhash,lsh,reuse,pipeline")
    args = ap.parse_args()
    if not args.data.exists():
        sys.exit(f"no data at {args.data}: make bench reads ../shared/data")
    only = set(args.only.split(","))
    docs = load_corpus(args.data)
    print(f"# marsad benchmarks ({len(docs):,} SaudiNewsNet records)\n")
    if "tokens" in only:
        bench_tokens(docs)
    if "minhash" in only:
        bench_minhash(docs)
    if "lsh" in only:
        bench_lsh(docs)
    if "reuse" in only:
        bench_reuse(docs)
    if "pipeline" in only:
        bench_pipeline(args.data)


if __name__ == "__main__":
    main()

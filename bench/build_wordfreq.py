"""Word frequencies of news Arabic, for the stemmer's clitic and tanween decisions.

    python bench/build_wordfreq.py --data ../shared/data [--write]   (part of make train-ner)

A light stemmer cannot tell the preposition in لتبادل from the first letter of لبنان, nor the accusative
alef of أسيراً from the last letter of روسيا, by rule. A reader knows which words exist: تبادل and أسير are
common words, بنان and روسي-as-a-bare-form much rarer than the whole forms. The counts of matching-level word
forms over the 31k SaudiNewsNet articles stand in for that knowledge. Forms seen at least MIN_COUNT times are
written to src/marsad/arabic/data/wordfreq.tsv.gz (form, count), most frequent first.
"""

from __future__ import annotations

import argparse
import gzip
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from run_bench import load_corpus  # noqa: E402

from marsad.arabic.tokens import tokenize  # noqa: E402

MIN_COUNT = 3


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--write", action="store_true")
    args = ap.parse_args()
    t = time.perf_counter()
    counts: Counter[str] = Counter()
    n = 0
    for d in load_corpus(args.data):
        counts.update(w for w in tokenize((d.get("title") or "") + "\n" + (d.get("content") or "")) if not w.isascii())
        n += 1
    out = ROOT / "src" / "marsad" / "arabic" / "data" / "wordfreq.tsv.gz" if args.write else Path("/tmp/wordfreq.tsv.gz")
    kept = [(w, c) for w, c in counts.most_common() if c >= MIN_COUNT]
    with gzip.GzipFile(out, "wb", mtime=0) as raw:  # mtime 0: the same corpus gives the same bytes
        raw.write("".join(f"{w}\t{c}\n" for w, c in kept).encode("utf-8"))
    print(f"{n:,} articles, {sum(counts.values()):,} tokens, {len(counts):,} forms; kept {len(kept):,} "
          f"(count >= {MIN_COUNT}) -> {out} ({out.stat().st_size / 1e6:.2f} MB) in {time.perf_counter() - t:.0f} s")


if __name__ == "__main__":
    main()

"""Word clusters from unlabelled news text, for the entity tagger's features.

    python bench/train_clusters.py --data ../shared/data [--write]   (part of make train-ner)

ANERcorp has 125k training tokens; most names in news were never seen there. Words that occur in the same
contexts in 31k SaudiNewsNet articles (PPMI over a ±2 window, reduced by SVD, grouped by k-means at two sizes)
tell the CRF that an unseen word behaves like the names, places or organisations it has seen. The map covers the
60,000 most frequent clitic-split word forms and is written to src/marsad/nlp/data/clusters.tsv.gz.
--sizes tries other cluster counts (the tagger reads as many levels as the file has); 16,64,256,512,1024,2048,4096
gave +0.8 F1 on the dev sixth but -0.8 on the held-back sixth, so two levels stay (docs/benchmarks.md, issue 5,
sessions 20-21).
"""

from __future__ import annotations

import argparse
import gzip
import re
import sys
import time
from collections import Counter
from functools import lru_cache
from pathlib import Path

import numpy as np
from scipy import sparse
from sklearn.cluster import MiniBatchKMeans
from sklearn.decomposition import TruncatedSVD

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from run_bench import load_corpus  # noqa: E402

from marsad.arabic.normalize import normalize_token  # noqa: E402
from marsad.arabic.tokens import split_clitics  # noqa: E402

VOCAB = 60_000
CONTEXTS = 3_000
WINDOW = 2
DIMS = 100
SIZES = (64, 512)  # coarse and fine clusters
_WORD = re.compile(r"[\u0621-\u064a\u0640\u064b-\u0652]+|\d+")


@lru_cache(maxsize=500_000)
def core(word: str) -> str:
    return split_clitics(normalize_token(word))


def documents(data: Path):
    for d in load_corpus(data):
        yield [core(w) for w in _WORD.findall((d.get("title") or "") + "\n" + (d.get("content") or ""))]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--write", action="store_true")
    ap.add_argument("--vectors", type=Path, help="also write the word vectors here (.npz, for bench/train_ner_neural.py)")
    ap.add_argument("--sizes", default=",".join(map(str, SIZES)), help="cluster counts, coarse to fine")
    args = ap.parse_args()
    sizes = tuple(int(x) for x in args.sizes.split(","))
    t = time.perf_counter()
    docs = list(documents(args.data))
    counts = Counter(w for d in docs for w in d)
    vocab = [w for w, _ in counts.most_common(VOCAB)]
    index = {w: i for i, w in enumerate(vocab)}
    ctx_index = {w: i for i, w in enumerate(vocab[:CONTEXTS])}
    rows, cols = [], []
    for d in docs:
        ids = np.array([index.get(w, -1) for w in d], dtype=np.int64)
        ctx = np.array([ctx_index.get(w, -1) for w in d], dtype=np.int64)
        for off in range(1, WINDOW + 1):
            for a, b in ((ids[:-off], ctx[off:]), (ids[off:], ctx[:-off])):
                keep = (a >= 0) & (b >= 0)
                rows.append(a[keep])
                cols.append(b[keep])
    r, c = np.concatenate(rows), np.concatenate(cols)
    m = sparse.coo_matrix((np.ones(len(r), dtype=np.float32), (r, c)), shape=(len(vocab), CONTEXTS)).tocsr()
    print(f"{len(docs):,} articles, {sum(counts.values()):,} tokens, {m.nnz:,} co-occurrence cells ({time.perf_counter() - t:.0f} s)")
    # positive pointwise mutual information, context distribution smoothed (^0.75)
    total = m.sum()
    word_p = np.asarray(m.sum(axis=1)).ravel() / total
    ctx_p = np.asarray(m.sum(axis=0)).ravel() ** 0.75
    ctx_p /= ctx_p.sum()
    m = m.tocoo()
    pmi = np.log(m.data / total / (word_p[m.row] * ctx_p[m.col]))
    keep = pmi > 0
    ppmi = sparse.csr_matrix((pmi[keep], (m.row[keep], m.col[keep])), shape=m.shape)
    vectors = TruncatedSVD(DIMS, random_state=0).fit_transform(ppmi)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-9
    if args.vectors:
        args.vectors.parent.mkdir(parents=True, exist_ok=True)
        np.savez(args.vectors, vocab=np.array(vocab), vectors=vectors.astype(np.float32))
    labels = [MiniBatchKMeans(k, random_state=0, n_init=3, batch_size=4096).fit_predict(vectors) for k in sizes]
    out = ROOT / "src" / "marsad" / "nlp" / "data" / "clusters.tsv.gz" if args.write else Path("/tmp/clusters.tsv.gz")
    with gzip.open(out, "wt", encoding="utf-8") as f:
        for i, w in enumerate(vocab):
            f.write(w + "\t" + "\t".join(str(lab[i]) for lab in labels) + "\n")
    print(f"clusters {sizes} over {len(vocab):,} words -> {out} ({out.stat().st_size / 1e6:.2f} MB) in {time.perf_counter() - t:.0f} s")
    for probe in ("ترامب", "بوتين", "الرياض", "وزاره", "اوباما", "جده"):
        if core(probe) in index:
            i = index[core(probe)]
            same = [vocab[j] for j in np.where(labels[1] == labels[1][i])[0][:12]]
            print(f"  {probe}: {' '.join(same)}")


if __name__ == "__main__":
    main()

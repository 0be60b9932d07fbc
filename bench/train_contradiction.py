"""Train the contradiction detector on ANS (train split) and report accuracy on ANS dev.

    python bench/train_contradiction.py --data ../shared/data [--write]

Writes src/marsad/report/data/contradiction.json (sparse-friendly dense weights, rounded).
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import Counter
from pathlib import Path

import numpy as np
from scipy.sparse import csr_matrix
from sklearn.linear_model import LogisticRegression

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from marsad.report.contradiction import DIM, LABELS, pair_features  # noqa: E402


def load(path: Path) -> list[tuple[str, str, str]]:
    with path.open(encoding="utf-8") as fh:
        return [(r["s1"], r["s2"], r["stance"]) for r in csv.DictReader(fh)]


def matrix(rows: list[tuple[str, str, str]]) -> tuple[csr_matrix, np.ndarray]:
    data, ind, ptr = [], [], [0]
    for a, b, _ in rows:
        f = pair_features(a, b)
        ind.extend(f)
        data.extend(f.values())
        ptr.append(len(ind))
    y = np.array([LABELS.index(s) for _, _, s in rows])
    return csr_matrix((data, ind, ptr), shape=(len(rows), DIM)), y


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--write", action="store_true")
    args = ap.parse_args()
    train = load(args.data / "ans" / "stance" / "train.csv")
    dev = load(args.data / "ans" / "stance" / "dev.csv")
    xtr, ytr = matrix(train)
    xdv, ydv = matrix(dev)
    clf = LogisticRegression(C=2.0, max_iter=2000)
    clf.fit(xtr, ytr)
    acc = float((clf.predict(xdv) == ydv).mean())
    majority_label, majority_n = Counter(ydv.tolist()).most_common(1)[0]
    print(f"ANS stance dev: accuracy {acc:.3f} ({len(dev)} pairs); majority baseline ({LABELS[majority_label]}) {majority_n / len(dev):.3f}")
    pred = clf.predict(xdv)
    for c, label in enumerate(LABELS):
        tp = int(((pred == c) & (ydv == c)).sum())
        p = tp / max(int((pred == c).sum()), 1)
        r = tp / max(int((ydv == c).sum()), 1)
        print(f"  {label}: P {p:.3f} R {r:.3f}")
    if args.write:
        out = ROOT / "src" / "marsad" / "report" / "data" / "contradiction.json"
        out.write_text(json.dumps({"labels": list(LABELS), "dim": DIM, "trained_on": "ANS stance train",
                                   "dev_accuracy": round(acc, 4),
                                   "bias": [round(float(b), 4) for b in clf.intercept_],
                                   "weights": [[round(float(v), 3) for v in row] for row in clf.coef_]}), encoding="utf-8")
        print(f"wrote {out} ({out.stat().st_size // 1024} KiB)")


if __name__ == "__main__":
    main()

"""Train the CRF entity tagger on ANERcorp and evaluate it on a held-back last sixth.

    python bench/train_ner.py --data ../shared/data [--write]   (make train-ner)

The training file is split by words: the first five sixths train the model, the last
sixth is never trained or tuned on and gives the reported entity-level P/R/F1 (exact
span and type). With --write the model goes to src/marsad/nlp/data/ner.crfsuite.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import pycrfsuite

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from marsad.nlp.ner_features import sentence_features  # noqa: E402


def read(path: Path) -> list[list[tuple[str, str]]]:
    sents, cur = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) < 2:
            if cur:
                sents.append(cur)
                cur = []
            continue
        cur.append((parts[0], parts[1].replace("PERS", "PER")))
    if cur:
        sents.append(cur)
    return sents


def spans(tags: list[str]) -> set[tuple[int, int, str]]:
    out, start, kind = set(), None, None
    for i, t in enumerate([*tags, "O"]):
        if t.startswith("B-") or t == "O" or (t.startswith("I-") and t[2:] != kind):
            if start is not None:
                out.add((start, i, kind))
            start, kind = (i, t[2:]) if t != "O" else (None, None)
    return out


def split_sixth(sents: list[list[tuple[str, str]]]) -> tuple[list, list]:
    """The first five sixths (by words) and the last sixth."""
    total = sum(len(s) for s in sents)
    acc, cut = 0, len(sents)
    for i, s in enumerate(sents):
        acc += len(s)
        if acc >= total * 5 / 6:
            cut = i + 1
            break
    return sents[:cut], sents[cut:]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--write", action="store_true")
    ap.add_argument("--iterations", type=int, default=400)
    ap.add_argument("--c1", type=float, default=0.01)
    ap.add_argument("--c2", type=float, default=0.01)
    ap.add_argument("--dev", action="store_true",
                    help="choose settings: train on the first 5/6 of the training part, score on its last 6th "
                         "(the held-back sixth is not read)")
    args = ap.parse_args()
    sents = read(args.data / "anercorp" / "train.txt")
    train, test = split_sixth(sents)
    if args.dev:
        train, test = split_sixth(train)
        args.write = False
    print(f"{len(train)} training sentences ({sum(len(s) for s in train):,} tokens), {len(test)} held back ({sum(len(s) for s in test):,} tokens)")
    trainer = pycrfsuite.Trainer(verbose=False)
    for s in train:
        trainer.append(sentence_features([w for w, _ in s]), [t for _, t in s])
    trainer.set_params({"c1": args.c1, "c2": args.c2, "max_iterations": args.iterations, "feature.possible_transitions": True})
    model = ROOT / "src" / "marsad" / "nlp" / "data" / "ner.crfsuite" if args.write else Path(f"/tmp/ner-{args.c1}-{args.c2}-{int(args.dev)}.crfsuite")
    t = time.perf_counter()
    trainer.train(str(model))
    print(f"trained in {time.perf_counter() - t:.0f} s -> {model} ({model.stat().st_size / 1e6:.1f} MB)")
    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))
    per_type: dict[str, list[int]] = {}
    n_tokens = 0
    t = time.perf_counter()
    for s in test:
        words, gold = [w for w, _ in s], [t_ for _, t_ in s]
        pred = tagger.tag(sentence_features(words))
        n_tokens += len(words)
        g, p = spans(gold), spans(pred)
        for kind in {k for *_, k in g | p}:
            c = per_type.setdefault(kind, [0, 0, 0])
            gk, pk = {x for x in g if x[2] == kind}, {x for x in p if x[2] == kind}
            c[0] += len(gk & pk)
            c[1] += len(pk)
            c[2] += len(gk)
    speed = n_tokens / (time.perf_counter() - t)
    tp, np_, ng = (sum(c[i] for c in per_type.values()) for i in range(3))
    prec, rec = tp / max(np_, 1), tp / max(ng, 1)
    print(f"{'dev sixth of the training part' if args.dev else 'held-back sixth'}: entity P {prec:.3f} R {rec:.3f} F1 {2 * prec * rec / max(prec + rec, 1e-9):.3f}; "
          f"tagging speed {speed:,.0f} tokens/s (features included, one core)")
    for kind, (a, b, c) in sorted(per_type.items()):
        p_, r_ = a / max(b, 1), a / max(c, 1)
        print(f"  {kind}: P {p_:.3f} R {r_:.3f} F1 {2 * p_ * r_ / max(p_ + r_, 1e-9):.3f} ({c} gold)")


if __name__ == "__main__":
    main()

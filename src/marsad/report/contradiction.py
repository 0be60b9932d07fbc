"""Do two sentences about the same happening contradict each other? (agree / disagree / other)

A small linear model over hashed pair features -- what each sentence says that the
other does not, negation on one side only, numbers that differ -- trained on the ANS
headline-stance corpus by ``bench/train_contradiction.py`` and shipped as a JSON file
of weights, so no model is downloaded at run time.
"""

from __future__ import annotations

import json
import math
import re
import zlib
from functools import lru_cache
from importlib import resources

from ..arabic.tokens import content_terms, tokenize

LABELS = ("agree", "disagree", "other")
DIM = 2**14
_NEG = {"لا", "لم", "لن", "ليس", "ليست", "غير", "عدم", "ينفي", "تنفي", "نفي", "نفت", "نفى", "يرفض", "ترفض", "رفض", "دون", "بلا", "ما"}
_NUM = re.compile(r"\d+(?:[.,]\d+)?")


def pair_features(a: str, b: str) -> dict[int, float]:
    ta, tb = set(content_terms(a)), set(content_terms(b))
    ra, rb = set(tokenize(a)), set(tokenize(b))
    feats: dict[str, float] = {"bias": 1.0}
    union = ta | tb
    feats["overlap"] = len(ta & tb) / len(union) if union else 0.0
    for t in ta - tb:
        feats["a:" + t] = 1.0
    for t in tb - ta:
        feats["b:" + t] = 1.0
    for t in ta & tb:
        feats["ab:" + t] = 0.5
    na, nb = len(ra & _NEG), len(rb & _NEG)
    feats["neg_diff"] = float(na != nb)
    for t in (rb & _NEG) - (ra & _NEG):
        feats["negb:" + t] = 1.0
    numa, numb = set(_NUM.findall(a)), set(_NUM.findall(b))
    feats["num_diff"] = float(bool(numa and numb and numa != numb))
    out: dict[int, float] = {}
    for k, v in feats.items():
        h = zlib.crc32(k.encode("utf-8")) % DIM
        out[h] = out.get(h, 0.0) + v
    return out


@lru_cache(maxsize=1)
def _model() -> dict[str, list[list[float]] | list[float]]:
    text = resources.files("marsad.report").joinpath("data/contradiction.json").read_text(encoding="utf-8")
    return json.loads(text)


def stance(a: str, b: str) -> dict[str, float]:
    """Probabilities of agree / disagree / other for sentence ``b`` against ``a``."""
    model = _model()
    w, bias = model["weights"], model["bias"]
    x = pair_features(a, b)
    scores = [bias[c] + sum(w[c][i] * v for i, v in x.items()) for c in range(len(LABELS))]
    top = max(scores)
    exps = [math.exp(s - top) for s in scores]
    total = sum(exps)
    return {label: e / total for label, e in zip(LABELS, exps, strict=True)}


def contradicts(a: str, b: str, threshold: float = 0.7) -> bool:
    return stance(a, b)["disagree"] >= threshold

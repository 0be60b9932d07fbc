"""The reuse index answers the same when it indexes stored articles only under what new ones have."""

from __future__ import annotations

import random

import numpy as np

from marsad.dedup.minhash import MinHasher, band_keys
from marsad.dedup.reuse import Doc, ReuseIndex, gram_hashes, sampled_grams

LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"


def _corpus(seed: int = 3) -> list[Doc]:
    rng = random.Random(seed)
    vocab = ["".join(rng.choice(LETTERS) for _ in range(rng.randint(3, 7))) for _ in range(3000)]
    texts: list[str] = []
    for i in range(120):
        words = [rng.choice(vocab) for _ in range(rng.randint(60, 160))]
        if texts and i % 3 == 0:  # a copy of part of an earlier text, with a few words changed
            src = rng.choice(texts).split()
            start = rng.randrange(max(1, len(src) - 50))
            part = src[start:start + 60]
            for _ in range(3):
                part[rng.randrange(len(part))] = rng.choice(vocab)
            words = part + words[:rng.randint(0, 40)]
        if i % 17 == 0 and texts:  # an exact repeat
            words = texts[-1].split()
        texts.append(" ".join(words))
    return [Doc(f"d{i}", i, f"outlet{i % 5}", f"2026-01-{1 + i % 5:02d}", t) for i, t in enumerate(texts)]


def _run(stored: list[Doc], new: list[Doc], focused: bool) -> list[tuple[str | None, list[dict[str, object]]]]:
    hasher = MinHasher()
    sig = {d.id: s for d, s in zip(stored + new, hasher.signatures_from_shingles(
        [hasher.shingles_of_tokens(d.toks()) for d in stored + new]))}
    if focused:
        keys = band_keys(np.stack([sig[d.id] for d in new]))
        index = ReuseIndex(focus_grams={g for d in new for g in sampled_grams(gram_hashes(d.toks()))},
                           focus_bands=[set(keys[:, b].tolist()) for b in range(keys.shape[1])])
    else:
        index = ReuseIndex()
    for d in stored:
        index.add(d, sig[d.id])
    out = []
    for d in new:
        out.append((index.duplicate_of(d, sig[d.id]), sorted(index.reuse_pairs(d), key=str)))
        index.add(d, sig[d.id])
    return out


def test_a_focused_index_finds_the_same_duplicates_and_reuse() -> None:
    docs = _corpus()
    stored, new = docs[:100], docs[100:]
    full = _run(stored, new, focused=False)
    assert any(dup for dup, _ in full) and any(edges for _, edges in full)  # the corpus has both to find
    fresh = _corpus()  # the same texts, new Doc objects (token caches are freed as they are indexed)
    assert _run(fresh[:100], fresh[100:], focused=True) == full

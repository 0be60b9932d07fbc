"""Vectorised MinHash and LSH banding over word shingles.

Why not datasketch: it hashes every shingle of every document in Python (about 2,000
signatures/s here); this computes a whole batch of documents at once in numpy with
multiply-shift hashing, then takes per-document minima with ``np.minimum.reduceat``.
Signatures are uint32 arrays of ``num_perm`` values; two documents' estimated Jaccard
is the share of equal values.
"""

from __future__ import annotations

import hashlib
import zlib
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from ..arabic.tokens import split_clitics, tokenize

NUM_PERM = 128
BANDS, ROWS = 16, 8  # threshold ~ (1/16)^(1/8) = 0.71: high recall at Jaccard 0.8
SHINGLE = 3
_SEED = 20260722


@dataclass(frozen=True)
class MinHasher:
    num_perm: int = NUM_PERM
    shingle: int = SHINGLE

    def __post_init__(self) -> None:
        rng = np.random.default_rng(_SEED)
        object.__setattr__(self, "_a", (rng.integers(1, 2**63, size=self.num_perm, dtype=np.uint64) | np.uint64(1)))
        object.__setattr__(self, "_b", rng.integers(0, 2**63, size=self.num_perm, dtype=np.uint64))

    def shingles(self, text: str) -> np.ndarray:
        """32-bit hashes of word n-grams on matching-level, clitic-split tokens."""
        return self.shingles_of_tokens(match_tokens(text))

    def shingles_of_tokens(self, toks: list[str]) -> np.ndarray:
        if not toks:
            return np.zeros(0, dtype=np.uint64)
        h = np.fromiter((zlib.crc32(t.encode("utf-8")) for t in toks), dtype=np.uint64, count=len(toks))
        if len(h) < self.shingle:
            return np.unique(h)
        acc = h[: len(h) - self.shingle + 1].copy()
        for k in range(1, self.shingle):
            acc = acc * np.uint64(0x9E3779B1) + h[k : len(h) - self.shingle + 1 + k]
        return np.unique(acc & np.uint64(0xFFFFFFFF))

    def signatures(self, texts: Sequence[str]) -> np.ndarray:
        """Signatures for many texts at once: array (len(texts), num_perm) of uint32."""
        return self.signatures_from_shingles([self.shingles(t) for t in texts])

    def signatures_from_shingles(self, sets: Sequence[np.ndarray]) -> np.ndarray:
        """One-permutation hashing with densification (Shrivastava 2017).

        Each shingle is hashed once and falls into one of ``num_perm`` bins; a bin's value
        is its minimum. Empty bins borrow from the next non-empty bin (circularly) with
        a per-distance offset, which keeps the estimator unbiased. O(total shingles),
        against O(num_perm x shingles) for classic MinHash.
        """
        k = self.num_perm
        empty = np.uint64(2**32 - 1)
        out = np.full((len(sets), k), empty, dtype=np.uint64)
        lengths = np.fromiter((len(s) for s in sets), dtype=np.int64, count=len(sets))
        if lengths.sum() == 0:
            return out.astype(np.uint32)
        flat = np.concatenate([s for s in sets if len(s)])
        doc = np.repeat(np.arange(len(sets), dtype=np.uint64), lengths)
        h = (flat * self._a[0] + self._b[0]) & np.uint64(0xFFFFFFFFFFFFFFFF)
        h ^= h >> np.uint64(29)
        h = h * self._a[1]
        bins = (h >> np.uint64(64 - int(np.log2(k)))).astype(np.int64)
        vals = (h >> np.uint64(8)) & np.uint64(0xFFFFFFFE)  # even values; empty marker stays distinct
        flat_idx = doc.astype(np.int64) * k + bins
        mins = np.full(len(sets) * k, empty, dtype=np.uint64)
        np.minimum.at(mins, flat_idx, vals)
        out = mins.reshape(len(sets), k)
        # densify: an empty bin takes the value of the next filled bin to its right, shifted by distance
        missing = out == empty
        has_any = ~missing.all(axis=1)
        shift = 1
        while missing[has_any].any() and shift < k:
            donor = np.roll(out, -shift, axis=1)
            fill = missing & (donor != empty) & has_any[:, None]
            # only borrow from originally filled bins: mark fills with the donor value + offset
            out = np.where(fill, (donor + np.uint64(shift * 0x9E3779B1)) & np.uint64(0xFFFFFFFF), out)
            missing = missing & ~fill
            shift += 1
        return (out & np.uint64(0xFFFFFFFF)).astype(np.uint32)


def band_keys(signatures: np.ndarray, bands: int = BANDS, rows: int = ROWS) -> np.ndarray:
    """LSH bucket key of each band of each signature: array (n, bands) of int64."""
    n = signatures.shape[0]
    sig = signatures[:, : bands * rows].reshape(n, bands, rows).astype(np.uint64)
    acc = np.zeros((n, bands), dtype=np.uint64)
    for r in range(rows):
        acc = acc * np.uint64(0x100000001B3) + sig[:, :, r] + np.uint64(r + 1)
    return (acc >> np.uint64(1)).astype(np.int64)


def jaccard_estimate(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.count_nonzero(a == b)) / len(a)


def match_tokens(text: str) -> list[str]:
    """The token stream every dedup/reuse feature is built on: matching level, clitics split."""
    return [split_clitics(t) for t in tokenize(text)]


def exact_key(text: str | list[str]) -> str:
    """Exact-duplicate key: hash of the matching-level token stream."""
    toks = match_tokens(text) if isinstance(text, str) else text
    return hashlib.sha1(" ".join(toks).encode("utf-8")).hexdigest()[:20]

"""Bootstrap intervals for the evaluation figures.

The labelled sets are small (the held-out half of the events is 5 events, 35 articles), so a figure alone does not
say whether 0.907 and 0.93 differ. Resampling the units a figure is made of (events, or runs of ANERcorp
sentences) with replacement and recomputing it gives a percentile interval: how far the figure could move on
another draw of equally many units of the same kind.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from typing import TypeVar

Unit = TypeVar("Unit")


def interval(units: Sequence[Unit], statistic: Callable[[list[Unit]], float], *, rounds: int = 2000,
             level: float = 0.95, seed: int = 0) -> tuple[float, float]:
    """The percentile interval of ``statistic`` over ``rounds`` resamples of ``units`` (same size, with
    replacement). Seeded, so a run prints the same interval for the same figures."""
    if not units:
        return (0.0, 0.0)
    rng = random.Random(seed)
    values = sorted(statistic(rng.choices(units, k=len(units))) for _ in range(rounds))
    tail = (1 - level) / 2
    return values[int(tail * (rounds - 1))], values[int((1 - tail) * (rounds - 1))]


def f1_of_counts(units: list[tuple[int, int, int]]) -> float:
    """F1 from summed (true positives, predicted, gold) counts."""
    tp, pred, gold = (sum(u[i] for u in units) for i in range(3))
    p, r = tp / pred if pred else 0.0, tp / gold if gold else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def f1_of_means(units: list[list[tuple[float, float]]]) -> float:
    """B-cubed F1 from per-article (precision, recall) pairs, grouped by labelled event."""
    pairs = [pr for unit in units for pr in unit]
    if not pairs:
        return 0.0
    p, r = sum(x for x, _ in pairs) / len(pairs), sum(y for _, y in pairs) / len(pairs)
    return 2 * p * r / (p + r) if p + r else 0.0


def blocks(items: Sequence[Unit], size: int) -> list[list[Unit]]:
    """Consecutive runs of ``size`` items: neighbouring ANERcorp sentences come from one article and share its
    names, so they are resampled together rather than as if independent."""
    return [list(items[k:k + size]) for k in range(0, len(items), size)]

"""The evaluation's bootstrap intervals (bench/bootstrap.py)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

from bootstrap import blocks, f1_of_counts, f1_of_means, interval  # noqa: E402


def test_b_cubed_from_grouped_pairs_equals_the_mean_over_articles() -> None:
    # two labelled events: one split in two (recall 0.5 for its four articles), one whole
    units = [[(1.0, 0.5)] * 4, [(1.0, 1.0)] * 2]
    p, r = 1.0, (4 * 0.5 + 2 * 1.0) / 6
    assert abs(f1_of_means(units) - 2 * p * r / (p + r)) < 1e-12


def test_the_interval_holds_the_figure_narrows_with_more_units_and_is_repeatable() -> None:
    few = [(1, 1, 1)] * 3 + [(0, 1, 1)]  # 3 of 4 right
    many = few * 25  # the same rate over 100 units
    low, high = interval(few, f1_of_counts)
    assert low <= f1_of_counts(few) <= high and high - low > 0.4
    low2, high2 = interval(many, f1_of_counts)
    assert low2 <= 0.75 <= high2 and high2 - low2 < (high - low) / 2
    assert interval(few, f1_of_counts) == (low, high)  # seeded
    assert interval([(2, 2, 2)] * 5, f1_of_counts) == (1.0, 1.0)


def test_blocks_keep_neighbours_together() -> None:
    assert blocks(list(range(7)), 3) == [[0, 1, 2], [3, 4, 5], [6]]

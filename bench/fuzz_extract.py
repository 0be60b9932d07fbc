"""Bounded fuzzing of the extractor and the text functions (hypothesis), for `make bench`.

    python bench/fuzz_extract.py [--seconds 60]

Inputs are built from the demo corpus' lines (mutated: shuffled, cut, duplicated, bytes
flipped, HTML tags and control characters inserted) and from arbitrary text. Prints the
number of inputs tried and the failures found (exceptions, offsets outside the text).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
import traceback
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from marsad import extract, extract_quotes, find_dates  # noqa: E402
from marsad.ingest.decode import DecodeError, decode_bytes  # noqa: E402

LINES = [ln for p in sorted((ROOT / "examples" / "demo").rglob("*.txt")) for ln in p.read_bytes().decode("utf-8", "replace").splitlines()]
JUNK = ["<script>x</script>", "<div>", "</p>", "\u200f", "\x00", "\ufeff", "ـــ", "«", "»", ":", "GMT 10:00", "المصدر:", "\r"]

line = st.one_of(st.sampled_from(LINES), st.text(max_size=120))
mutated = st.tuples(line, st.sampled_from(JUNK), st.integers(0, 200)).map(lambda t: t[0][: t[2]] + t[1] + t[0][t[2]:])
page = st.lists(st.one_of(line, mutated), max_size=60).map("\n".join)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seconds", type=float, default=60)
    args = ap.parse_args()
    tried = 0
    failures: list[str] = []
    deadline = time.monotonic() + args.seconds

    @settings(max_examples=10**9, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(page, st.binary(max_size=400))
    def run(text: str, raw: bytes) -> None:
        nonlocal tried
        if time.monotonic() > deadline:
            raise TimeoutError
        tried += 1
        try:
            for art in extract(text, outlet="fuzz"):
                assert art.body.strip()
            for d in find_dates(text, dt.date(2026, 1, 29)):
                assert text[d.start:d.end] == d.text
            for q in extract_quotes(text):
                assert text[q.start:q.end] == q.text
            try:
                decode_bytes(raw)
            except DecodeError:
                pass
        except Exception:  # noqa: BLE001 - every failure is recorded, not raised
            failures.append(traceback.format_exc(limit=3))

    try:
        run()
    except (TimeoutError, BaseExceptionGroup):  # the deadline, as raised (or grouped) by hypothesis
        pass
    print(f"fuzzing extract/find_dates/extract_quotes/decode_bytes for {args.seconds:.0f} s: {tried:,} inputs tried, {len(failures)} failures")
    for f in failures[:5]:
        print(f)


if __name__ == "__main__":
    main()

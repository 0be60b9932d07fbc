"""Gazetteers of places, people and organisations with spelling variants.

Kept as a data file (``data/gazetteer.tsv``) so it can be extended without code.
Lookups are at matching level, so hamza/teh-marbuta spellings need not be listed.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..arabic.normalize import normalize_match


@dataclass(frozen=True)
class GazetteerEntry:
    type: str
    canonical: str


@lru_cache(maxsize=1)
def entries() -> dict[str, GazetteerEntry]:
    """Matching-level surface form -> entry (canonical names and every variant)."""
    table: dict[str, GazetteerEntry] = {}
    text = resources.files("marsad.nlp").joinpath("data/gazetteer.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        etype, canonical = parts[0].strip(), parts[1].strip()
        variants = [v.strip() for v in (parts[2] if len(parts) > 2 else "").split("|") if v.strip()]
        entry = GazetteerEntry(etype, canonical)
        for form in [canonical, *variants]:
            table.setdefault(normalize_match(form), entry)
    return table


@lru_cache(maxsize=1)
def max_words() -> int:
    return max(len(k.split()) for k in entries())


def lookup(phrase: str) -> GazetteerEntry | None:
    return entries().get(normalize_match(phrase).strip())


def is_place(word: str) -> bool:
    entry = lookup(word)
    return entry is not None and entry.type == "LOC"

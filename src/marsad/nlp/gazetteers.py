"""Gazetteers of places, people and organisations with spelling variants.

Kept as a data file (``data/gazetteer.tsv``) so it can be extended without code. News agencies come from the
one agency list (``marsad.meta.agencies``), which credits read too: each under its full name, with the spellings
that are safe as names. Lookups are at matching level, so hamza/teh-marbuta spellings need not be listed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..arabic.normalize import normalize_match
from ..arabic.tokens import split_clitics, tokenize
from ..meta.agencies import agencies


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
    for agency in agencies():
        entry = GazetteerEntry("ORG", agency.name)
        for form in [agency.name, *agency.name_spellings]:
            table.setdefault(normalize_match(form), entry)
    return table


@lru_cache(maxsize=1)
def max_words() -> int:
    return max(len(k.split()) for k in entries())


@lru_cache(maxsize=1)
def first_words() -> frozenset[str]:
    """The first word of every entry: a token that is none of these starts no gazetteer phrase."""
    return frozenset(k.split()[0] for k in entries())


@lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    """Common first names (data/first_names.txt): the word before a family name nobody listed."""
    text = resources.files("marsad.nlp").joinpath("data/first_names.txt").read_text(encoding="utf-8")
    return frozenset(w for w in text.split("\n") if w and not w.startswith("#"))


def longest_match(norms: list[str], i: int, strip: Callable[[str], str],
                  accept: Callable[[int, GazetteerEntry], bool] | None = None) -> tuple[int, GazetteerEntry] | None:
    """The longest gazetteer phrase starting at token ``i`` of matching-level tokens, as (length, entry); its
    first word may carry a proclitic, which ``strip`` removes. ``accept`` can refuse a candidate length."""
    firsts = first_words()
    if norms[i] not in firsts and strip(norms[i]) not in firsts:
        return None
    table = entries()
    for n in range(min(max_words(), len(norms) - i), 0, -1):
        words = norms[i:i + n]
        entry = table.get(" ".join(words))
        if entry is None:
            stripped = strip(words[0])
            if stripped != words[0]:
                entry = table.get(" ".join([stripped, *words[1:]]))
        if entry is not None and (accept is None or accept(n, entry)):
            return n, entry
    return None


def lookup(phrase: str) -> GazetteerEntry | None:
    return entries().get(normalize_match(phrase).strip())


def is_place(word: str) -> bool:
    entry = lookup(word)
    return entry is not None and entry.type == "LOC"


# proclitics (and the article they may carry) that a gazetteer name can be written with: لقطر، والدنمارك، بالرياض.
# Longer than entities._NAME_PROCLITICS on purpose: here a stripped form counts only if the gazetteer has it, while
# a name's canonical form there is stripped on word-count evidence, where وب/ول would eat the first letter of بندر
_PROCLITICS = (("وال", "ال"), ("فال", "ال"), ("بال", "ال"), ("كال", "ال"), ("لل", "ال"), ("وبال", "ال"), ("ولل", "ال"),
               ("وب", ""), ("ول", ""), ("فب", ""), ("فل", ""), ("و", ""), ("ف", ""), ("ب", ""), ("ل", ""), ("ك", ""))


@lru_cache(maxsize=100_000)
def gazetteer_form(word: str) -> str:
    """The form of a token that starts a gazetteer name, its proclitics off: the rule-based clitic split keeps ل and
    ب on words it does not know (لقطر، لطهران) and takes the article off others (والدنمارك → دنمارك)."""
    core = split_clitics(word)
    firsts = first_words()
    # the article goes back where the split took one off (بالرياض → الرياض, tried before the bare form, which may
    # begin another name), and never onto a bare word: خرج ("went out") is no الخرج, علا ("rose") no العلا
    removed = word[: len(word) - len(core)] if word.endswith(core) else ""
    if ("ال" in removed or removed.endswith("لل")) and "ال" + core in firsts:
        return "ال" + core
    if core in firsts:
        return core
    for pre, put in _PROCLITICS:
        if word.startswith(pre) and len(word) - len(pre) >= 3 and put + word[len(pre):] in firsts:
            return put + word[len(pre):]
    return core


@lru_cache(maxsize=200_000)
def _may_start(word: str) -> bool:
    """The word, or its form behind a proclitic, begins some gazetteer name (most words begin none)."""
    firsts = first_words()
    return word in firsts or gazetteer_form(word) in firsts


def gazetteer_spans(norms: list[str]) -> Iterator[tuple[int, int, GazetteerEntry]]:
    """(start, length, entry) of the longest gazetteer phrases in matching-level tokens, left to right, their first
    word possibly behind a proclitic (``gazetteer_form``)."""
    i = 0
    while i < len(norms):
        match = longest_match(norms, i, gazetteer_form) if _may_start(norms[i]) else None
        if match is None:
            i += 1
            continue
        n, entry = match
        yield i, n, entry
        i += n


def gazetteer_names(text: str, types: tuple[str, ...] = ("LOC", "PER"), skip_words: int = 0) -> frozenset[str]:
    """Canonical names of the gazetteer entries of these types that a text names, longest phrase first, after its
    first ``skip_words`` words. Only listed names count: a text's tagger output varies with its wording, and the
    question asked here (do two texts name the same places?) needs the same answer for the same name."""
    words = text.split()
    norms = tokenize(" ".join(words[skip_words:]))  # already at matching level
    return frozenset(entry.canonical for _i, _n, entry in gazetteer_spans(norms) if entry.type in types)

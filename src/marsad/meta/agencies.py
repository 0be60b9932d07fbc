"""News agencies: the names credits give them and the names running text gives them.

Maintained by hand in ``data/agencies.tsv``: no library lists how Arabic outlets write agency names
("أ ف ب", "فرانس برس", "(واس)"). It is the one list of agencies: credits read every spelling, and the entity
gazetteer (``marsad.nlp.gazetteers``) takes each agency's full name and the spellings that are safe as names.
Forms are matched on whole words at matching level.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..arabic.normalize import normalize_match


@dataclass(frozen=True)
class Agency:
    credit: str  # the short name credits and provenance show ("واس")
    name: str  # the full name, the agency's canonical entity ("وكالة الأنباء السعودية")
    spellings: tuple[str, ...]  # every form a credit may use
    name_spellings: tuple[str, ...]  # the Arabic forms that name the agency in running text too
    sites: tuple[str, ...] = ()  # outlet names and hosts of the agency's own pages


@lru_cache(maxsize=1)
def agencies() -> tuple[Agency, ...]:
    text = resources.files("marsad.meta").joinpath("data/agencies.tsv").read_text(encoding="utf-8")
    out = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        credit, name, forms, *sites = (part.strip() for part in line.split("\t"))
        spellings = [f.strip() for f in forms.split("|") if f.strip()]
        out.append(Agency(credit, name, tuple(f.lstrip("!") for f in spellings),
                          tuple(f for f in spellings if not f.startswith("!") and not f.isascii()),
                          tuple(h.strip().lower() for h in (sites[0] if sites else "").split("|") if h.strip())))
    return tuple(out)


@lru_cache(maxsize=1)
def _sites() -> dict[str, str]:
    return {site: agency.credit for agency in agencies() for site in agency.sites}


def agency_site(outlet: str) -> str | None:
    """The agency whose own pages an outlet is ("spa.gov.sa", "www.reuters.com" -> its credit name)."""
    key = outlet.strip().lower()
    return _sites().get(key.removeprefix("www."))


@lru_cache(maxsize=1)
def _pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    forms: dict[str, str] = {}
    for agency in agencies():
        for form in (agency.name, *agency.spellings):
            key = normalize_match(form) if not form.isascii() else form
            forms[key] = agency.credit
    alts = sorted(forms, key=len, reverse=True)
    body = "|".join(re.escape(a).replace(r"\ ", r"\s+") for a in alts)
    # whole words only; Arabic forms may carry a و/ب/ل proclitic ("وبحسب رويترز", "لرويترز")
    pat = re.compile(rf"(?<![\w\u0621-\u064a])(?:[وبل]{{0,2}})({body})(?![\w\u0621-\u064a])")
    return pat, forms


def agency_of(text: str) -> str | None:
    """The canonical agency a short string names ("وكالة الأنباء السعودية" -> "واس")."""
    found = find_agencies(text)
    return found[0] if found else None


def find_agencies(text: str) -> list[str]:
    """Canonical agencies cited in ``text``, in order of first mention."""
    pat, forms = _pattern()
    out: list[str] = []
    for m in pat.finditer(normalize_match(text)):
        surface = re.sub(r"\s+", " ", m.group(1))
        canonical = forms.get(surface)
        if canonical is None:
            continue
        # two-letter Latin and very short Arabic forms only count inside brackets or after a credit cue
        if len(surface) <= 3 and not _bracketed(text, surface):
            continue
        if canonical not in out:
            out.append(canonical)
    return out


def _bracketed(text: str, surface: str) -> bool:
    norm = normalize_match(text)
    pat = rf"[(\[\"«]\s*{re.escape(surface)}\s*[)\]\"»]|(?:وكاله|المصدر|نقلا عن|ل|بحسب|وفقا ل)\s*{re.escape(surface)}(?![\u0621-\u064a])|^\s*{re.escape(surface)}\s*$|-\s*{re.escape(surface)}\s*(?:$|:|-)"
    return re.search(pat, norm, re.M) is not None

"""Credit lines, datelines and author lines of Arabic news pages.

Hand-written patterns: these lines follow outlet conventions ("المصدر: …",
"موسكو - المغرب اليوم", "الرياض (واس) -") that no extraction library models.
"""

from __future__ import annotations

import re

from ..arabic.normalize import normalize_match
from .agencies import agency_of

_AR = "\u0621-\u064a"
_CREDIT = re.compile(
    rf"^\s*(?:المصدر|مصدر الخبر|نقلا عن|نقلاً عن|نقلا من|عن موقع|عن صحيفة|عن وكالة|بحسب|المرجع)\s*[:：\-–]?\s*(?P<src>[{_AR}A-Za-z0-9 .\"«»()'’\-]{{2,60}}?)\s*\.?\s*$"
)
_DATELINE_LINE = re.compile(
    rf"^\s*(?P<place>[{_AR} ]{{2,30}}?)\s*(?:\((?P<ag>[{_AR}A-Za-z .]{{2,25}})\)\s*)?[-–—]\s*(?P<who>[{_AR}A-Za-z .]{{2,40}}?)\s*$"
)
_DATELINE_INLINE = re.compile(
    rf"^\s*(?P<place>[{_AR}]{{2,15}}(?: [{_AR}]{{2,15}})?)\s*(?:\((?P<ag>[{_AR}A-Za-z .]{{2,25}})\)\s*)?(?:[-–—]\s*(?P<who>[{_AR}A-Za-z .]{{2,25}}?)\s*)?[-–—:]\s+"
)
_AUTHOR = re.compile(rf"^\s*(?:كتب|بقلم|كتبت|إعداد|اعداد|تقرير|متابعة|حوار)\s*[:：\-–]?\s*(?P<name>[{_AR} .]{{3,40}})$")


def parse_credit(line: str) -> str | None:
    """The credited source of a credit line ("المصدر: سبوتنيك" -> "سبوتنيك"), else None."""
    m = _CREDIT.match(line)
    if not m:
        return None
    src = m.group("src").strip(" .:-\"«»()")
    if not src or len(src.split()) > 6:
        return None
    return src


def parse_dateline_line(line: str, outlet: str | None = None) -> tuple[str, str | None] | None:
    """A standalone dateline line "موسكو - المغرب اليوم" -> (place, agency-or-outlet).

    The place must be a known place, or the line must name an agency or the outlet itself,
    so that a masthead with a slogan is not read as a dateline.
    """
    m = _DATELINE_LINE.match(line)
    if not m:
        return None
    place, who = m.group("place").strip(), m.group("who").strip()
    if len(place.split()) > 3 or len(who.split()) > 5:
        return None
    if same_outlet(place, outlet):
        return None
    if not (_is_place_like(place) or agency_of(who) or agency_of(m.group("ag") or "") or same_outlet(who, outlet)):
        return None
    return place, (m.group("ag") or who)


def split_inline_dateline(paragraph: str) -> tuple[str, str | None, str] | None:
    """"الرياض (واس) - أعلن ..." -> ("الرياض", "واس", rest of paragraph)."""
    m = _DATELINE_INLINE.match(paragraph)
    if not m:
        return None
    place = m.group("place").strip()
    who = (m.group("ag") or m.group("who") or "").strip() or None
    if who is None and not _is_place_like(place):
        return None
    # a real dateline names an agency/outlet or is followed by a sentence, not a clause
    if who is None and len(paragraph) - m.end() < 40:
        return None
    return place, who, paragraph[m.end():]


def _is_place_like(word: str) -> bool:
    from ..nlp.gazetteers import is_place

    return is_place(word)


def parse_author(line: str) -> str | None:
    m = _AUTHOR.match(line)
    return m.group("name").strip() if m else None


def credited_agency(credit: str | None) -> str | None:
    return agency_of(credit) if credit else None


def same_outlet(name: str, outlet: str | None) -> bool:
    return bool(outlet) and normalize_match(name).replace(" ", "") == normalize_match(outlet or "").replace(" ", "")

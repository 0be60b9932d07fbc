"""Credit lines, datelines and author lines of Arabic news pages.

Hand-written patterns: these lines follow outlet conventions ("المصدر: …",
"موسكو - المغرب اليوم", "الرياض (واس) -") that no extraction library models.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..arabic.normalize import normalize_match
from ..arabic.stopwords import STOPWORDS
from .agencies import agency_of
from .outlets import is_outlet_signature

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


_INLINE_BYLINE = re.compile(r"^([^:.\n]{3,80}?)\s*:\s*")


def split_inline_byline(paragraph: str, outlet: str | None = None) -> tuple[Byline, str] | None:
    """"عبدالله البرقاوي- سبق- الرياض: واصلت الوزارة …" -> (its byline, the paragraph after it). Also a byline
    that ends on the outlet's own name with no colon before the sentence: "قاسم الزرعي – عين اليوم أوضح …"."""
    signed = _signed_inline_byline(paragraph, outlet)
    if signed:
        return signed
    m = _INLINE_BYLINE.match(paragraph)
    if not m or len(paragraph) - m.end() < 20:
        return None
    byline = parse_byline(m.group(1), outlet)
    # before a colon a sentence can pass for a reporter's name ("الرياض (واس) - أكد فهد السالم:"), so the
    # inline form needs the outlet's own name or desk, or an agency and no name
    if byline is None or not (byline.signed or (byline.agency and not byline.authors)):
        return None
    return byline, paragraph[m.end():]


# reporters' names, a dash, then (checked below) the outlet's own name: "Next Previous أحمد حجازي – عين اليوم …"
_SIGNED_START = re.compile(rf"^((?:next\s+previous\s+|previous\s+next\s+)?[{_AR} ]{{3,40}}?\s*[-–—]\s*)", re.I)


_PLACE_THEN_COLON = re.compile(rf"^([{_AR} ]{{2,25}}?)\s*:\s*")


def _signed_inline_byline(paragraph: str, outlet: str | None) -> tuple[Byline, str] | None:
    m = _SIGNED_START.match(paragraph)
    if not m or not outlet:
        return None
    words = paragraph[m.end():].split(" ")
    for n in (1, 2, 3):  # the outlet's name has one to three words
        name = " ".join(words[:n]).strip()
        if "\n" in name or not is_outlet_signature(name, outlet):
            continue
        rest = " ".join(words[n:]).lstrip()
        line = m.group(1) + name
        place = _PLACE_THEN_COLON.match(rest)
        if place and _is_place_like(place.group(1)):  # "فهد العتيبي - سبق الطائف: شكا أهالي …"
            line, rest = f"{line} - {place.group(1)}", rest[place.end():]
        byline = parse_byline(line, outlet)
        if byline and byline.authors and len(rest) >= 20:
            return byline, rest
    return None


def split_inline_dateline(paragraph: str) -> tuple[str, str | None, str] | None:
    """"الرياض (واس) - أعلن ..." -> ("الرياض", "واس", rest of paragraph)."""
    m = _DATELINE_INLINE.match(paragraph)
    if not m:
        return None
    place = m.group("place").strip()
    who = (m.group("ag") or m.group("who") or "").strip() or None
    # the place must be one, unless an agency or the desk vouches for the line ("عواصم العالم - رويترز:")
    if not _is_place_like(place) and not (who and (agency_of(who) or _DESK.match(normalize_match(who)))):
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
    """Whether `name` is the outlet's own name, under any form the outlet table knows ("عين اليوم" for "3alyoum")."""
    return is_outlet_signature(name, outlet)


@dataclass(frozen=True)
class Byline:
    """What a byline line says: who wrote the article, where, and which agency it came from."""

    authors: tuple[str, ...] = ()
    place: str | None = None
    agency: str | None = None
    signed: bool = False  # the outlet's own name or its desk is on the line


# a photo gallery's arrows, flattened into the line above the byline ("… Next Previous عين اليوم – جدة")
_GALLERY_NAV = re.compile(r"^.*?\b(?:next\s+previous|previous\s+next|السابق\s+التالي|التالي\s+السابق)\b\s*", re.I | re.S)
# parts are joined by a dash (a tatweel standing in for one), or a colon; a part may list several places or names
_BYLINE_SPLIT = re.compile(r"\s*[-–—]\s*|\s+ـ\s*|\s*:\s*")
# SPA's own dateline dates itself between place and agency: "الخرج 26 شوال 1436 هـ الموافق 11 أغسطس 2015 م واس"
_DATE_BETWEEN = re.compile(rf"\s+\d{{1,2}}\s+[{_AR}]+(?:\s+[{_AR}]+)?\s+\d{{4}}\s*(?:هـ|ه|م)?"
                           rf"(?:\s+الموافق\s+\d{{1,2}}\s+[{_AR}]+\s+\d{{4}}\s*(?:م)?)?\s+(?=[{_AR}])")
# "بنغازي (ليبيا)", "الرياض (واس)": a bracketed part is one more part
_BRACKETED = re.compile(r"\s*\(([^()]{2,25})\)")
_LIST_SPLIT = re.compile(r"\s*[/،,]\s*")
_QUOTE_MARKS = re.compile(r"[\"'«»“”]")
_BYLINE_PART = re.compile(rf"[{_AR} ]{{2,40}}")
# the desk instead of a reporter: "عين اليوم – متابعات", "صنعاء - خاص بالرياض"
_DESK = re.compile(r"^(?:متابعات|متابعه|وكالات|خاص|خاص ب\S+(?: \S+)?|المحرر|محرر الشؤون \S+|فريق التحرير|مكتب \S+(?: \S+)?)$")
# a dateline of several places at once ("عواصم العالم - رويترز")
_MANY_PLACES = re.compile(r"^(?:عواصم|العواصم)(?: \S+)?$")
# role words that open a credit rather than name a person ("إعداد وترجمة - بندر الحربي")
_NOT_NAME_WORDS = frozenset(normalize_match(w) for w in (
    "إعداد وإعداد ترجمة وترجمة تقرير متابعة تصوير حوار كتب كتبت بقلم تحرير مراسل مندوب أهالي أهل سكان "
    "رئيس وزير أمير ملك الرئيس الوزير الأمير الملك مدير المدير نائب عضو").split())


def parse_byline(line: str, outlet: str | None = None) -> Byline | None:
    """A byline line -> its authors, place and agency; None when the line is no byline.

    Bylines join two to four short parts with dashes or a colon, in any order: the outlet's own name or its
    desk ("متابعات"), an agency ("عين اليوم – واس"), a place ("ناصر الطميحي - جدة", "نيويورك/لندن") and
    reporters' names ("إبراهيم الحذيفي – نايف عبدالله: عين اليوم"). It must name the outlet, a desk or an agency,
    or a reporter and a place: two names alone are a caption ("ميلوس زيمان - رئيس جمهورية التشيك"). A part that
    is both the outlet's name and a place ("الرياض", "المدينة") is the place unless another part is one. A word
    the gazetteer does not know beside a reporter or the outlet's name is a place too ("حاتم النجيمي – تربة"):
    bylines name small towns. The gallery arrows printed above a byline alone give an empty byline.
    """
    nav = _GALLERY_NAV.match(line)
    text = _BRACKETED.sub(r" - \1", _QUOTE_MARKS.sub("", line[nav.end():] if nav else line))
    text, dated = _DATE_BETWEEN.subn(" - ", text, count=1)
    text = text.strip()
    if not text:
        return Byline() if nav else None
    if len(text.split()) > 10:
        return None
    parts = [p.strip() for p in _BYLINE_SPLIT.split(text)]
    if not 2 <= len(parts) <= 4 or not all(_BYLINE_PART.fullmatch(p.replace("،", " ").replace("/", " ").replace(",", " "))
                                           for p in parts):
        return None
    authors: list[str] = []
    places: list[str] = []
    unknown: list[str] = []
    own: list[str] = []
    agency = None
    signed = False
    for part in parts:
        norm = normalize_match(part)
        if _DESK.match(norm):
            signed = True
        elif len(part.split()) <= 3 and (named := agency_of(part)):
            agency = agency or named
        elif is_outlet_signature(part, outlet):
            own.append(part)
        else:
            items = [i for i in _LIST_SPLIT.split(part) if i]
            if not items or any(len(i.split()) > 4 for i in items):
                return None
            if all(_is_place_like(i) or _MANY_PLACES.match(normalize_match(i)) for i in items):
                places.append(items[0])
            elif all(_looks_like_name(normalize_match(i)) for i in items):
                authors.extend(items)
            elif len(items) == 1 and _plain_word(norm):
                unknown.append(part)
            else:
                return None
    if own:
        if _is_place_like(own[0]) and not places and (authors or agency):
            places.append(own[0])
        else:
            signed = True
    if dated and agency and not places and len(parts) == 2 and (unknown or authors):
        # "القدس المحتلة 25 شوال … واس", "كابل 25 شوال … واس": what precedes the date is the place
        return Byline(place=parts[0], agency=agency)
    if unknown:
        if places or len(unknown) > 1 or not (signed or authors):
            return None
        places.append(unknown[0])
    if not (signed or agency or (places and authors)):
        return None  # places alone are a heading ("السعودية – الإمارات"), names alone a caption
    return Byline(authors=tuple(authors), place=places[0] if places else None, agency=agency, signed=signed)


def _plain_word(norm: str) -> bool:
    """One word that is no function word and no role: in a byline, a town the gazetteer lacks."""
    return len(norm.split()) == 1 and norm not in STOPWORDS and norm not in _NOT_NAME_WORDS


def _looks_like_name(norm: str) -> bool:
    words = norm.split()
    # «علي» folds to the preposition «على», a stopword; as a name's word it is the name
    return 2 <= len(words) <= 4 and not any((w in STOPWORDS and w != "علي") or w in _NOT_NAME_WORDS for w in words)

"""Find and resolve date expressions in Arabic news text.

Why by hand: dateparser finds nothing in "28 كانون الثاني 2026", the dual form
"كانون الثاني / يناير", "الخميس الماضي" or "ديسمبر الماضي". News prose needs both
Gregorian month-name systems (Levantine and Egyptian/Gulf, plus Maghrebi), Hijri
dates (Umm al-Qura, via hijridate), ordinal day words, and weekday/relative words
resolved against the publication date: a bare weekday is the most recent one on or
before the reference (news reports what happened), "الماضي/المقبل" move a week/unit.

Matching is done on a length-preserving fold of the text so offsets index the input.
"""

from __future__ import annotations

import datetime as dt
import re

from ..records import DateMention

# --- a length-preserving fold: one character in, one character out -------------------
_FOLD_1TO1 = str.maketrans(
    {
        "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ی": "ي", "ک": "ك",
        **{chr(0x0660 + i): str(i) for i in range(10)},
        **{chr(0x06F0 + i): str(i) for i in range(10)},
    }
)


def _fold(text: str) -> str:
    return text.translate(_FOLD_1TO1)


def _alts(words: list[str]) -> str:
    return "|".join(sorted((re.escape(_fold(w)).replace(r"\ ", r"\s+") for w in words), key=len, reverse=True))


_GREG_MONTHS: dict[str, int] = {}
for _num, _names in enumerate(
    [
        "يناير كانون الثاني جانفي",
        "فبراير شباط فيفري فبرير",
        "مارس آذار",
        "أبريل ابريل نيسان أفريل",
        "مايو أيار ماي",
        "يونيو يونيه حزيران جوان",
        "يوليو يوليه تموز جويلية يوليوز",
        "أغسطس آب أوت غشت",
        "سبتمبر أيلول شتنبر",
        "أكتوبر تشرين الأول اكتوبر",
        "نوفمبر تشرين الثاني نونبر",
        "ديسمبر كانون الأول دجنبر",
    ],
    start=1,
):
    toks = _names.split()
    i = 0
    while i < len(toks):
        if toks[i] in ("كانون", "تشرين"):
            _GREG_MONTHS[_fold(toks[i] + " " + toks[i + 1])] = _num
            i += 2
        else:
            _GREG_MONTHS[_fold(toks[i])] = _num
            i += 1

_HIJRI_MONTHS = {
    "محرم": 1, "صفر": 2, "ربيع الأول": 3, "ربيع الاول": 3, "ربيع الآخر": 4, "ربيع الثاني": 4,
    "جمادى الأولى": 5, "جمادى الاولى": 5, "جمادى الأول": 5, "جمادى الآخرة": 6, "جمادى الثانية": 6,
    "جمادى الآخر": 6, "رجب": 7, "شعبان": 8, "رمضان": 9, "شوال": 10, "ذو القعدة": 11, "ذي القعدة": 11,
    "ذو الحجة": 12, "ذي الحجة": 12,
}
_HIJRI = {_fold(k).replace("  ", " "): v for k, v in _HIJRI_MONTHS.items()}

_ORDINALS = {
    "الاول": 1, "الحادي": 1, "الثاني": 2, "الثالث": 3, "الرابع": 4, "الخامس": 5, "السادس": 6,
    "السابع": 7, "الثامن": 8, "التاسع": 9, "العاشر": 10, "الحادي عشر": 11, "الثاني عشر": 12,
    "الثالث عشر": 13, "الثالث عشره": 13, "الرابع عشر": 14, "الخامس عشر": 15, "السادس عشر": 16,
    "السابع عشر": 17, "الثامن عشر": 18, "التاسع عشر": 19, "العشرين": 20, "الحادي والعشرين": 21,
    "الثاني والعشرين": 22, "الثالث والعشرين": 23, "الرابع والعشرين": 24, "الخامس والعشرين": 25,
    "السادس والعشرين": 26, "السابع والعشرين": 27, "الثامن والعشرين": 28, "التاسع والعشرين": 29,
    "الثلاثين": 30, "الحادي والثلاثين": 31, "اول": 1,
}
_WEEKDAYS = {"الاثنين": 0, "الاتنين": 0, "الثلاثاء": 1, "الثلاثا": 1, "الاربعاء": 2, "الخميس": 3,
             "الجمعه": 4, "السبت": 5, "الاحد": 6}

_MONTH_RE = _alts(list(_GREG_MONTHS))
_HIJRI_RE = _alts(list(_HIJRI))
_ORD_RE = _alts(list(_ORDINALS))
_WD_RE = _alts(list(_WEEKDAYS))
_DAY = r"(?P<day>[0-3]?\d)"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_SEP = r"\s*(?:/|\(|-|–)\s*"

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # 12 شوال 1436 هـ  /  12 من شوال 1436هـ
    ("hijri", re.compile(rf"(?<!\d){_DAY}\s+(?:من\s+)?(?:شهر\s+)?(?P<hmonth>{_HIJRI_RE})(?:\s+(?:سنه|عام)?\s*(?P<hyear>1[34]\d\d))?\s*(?:هـ|ه\b|للهجره|هجريه)?")),
    # ISO / numeric dates
    ("iso", re.compile(r"(?<!\d)(?P<year>(?:19|20)\d\d)-(?P<month>[01]?\d)-(?P<day>[0-3]?\d)(?!\d)")),
    ("dmy", re.compile(r"(?<![\d/.-])(?P<day>[0-3]?\d)[/.-](?P<month>[01]?\d)[/.-](?P<year>(?:19|20)\d\d)(?!\d)")),
    # ticker lines print the year first: "GMT 16:34 2026 الأربعاء ,28 كانون الثاني / يناير"
    ("ticker", re.compile(
        rf"{_YEAR}\s+(?:{_WD_RE})?\s*[,،]?\s*{_DAY}\s+(?P<month>{_MONTH_RE})(?:{_SEP}(?P<month2>{_MONTH_RE})\)?)?")),
    # ranges give their start: من 1 إلى 3 أغسطس 2025
    ("range", re.compile(
        rf"من\s+{_DAY}\s*(?:الي|حتي|و?لغايه|-|–)\s*[0-3]?\d\s+(?:من\s+)?(?:شهر\s+)?(?P<month>{_MONTH_RE})(?:\s*(?:عام|سنه)?\s*{_YEAR})?")),
    # 28 كانون الثاني / يناير 2026 ; 28 يناير (كانون الثاني) 2026 ; الثامن من ديسمبر
    ("greg", re.compile(
        rf"(?:(?<!\d){_DAY}|(?P<ord>{_ORD_RE}))?\s*(?:من\s+)?(?:شهر\s+)?(?P<month>{_MONTH_RE})"
        rf"(?:{_SEP}(?P<month2>{_MONTH_RE})\)?)?(?:\s*(?:من\s+)?(?:عام|سنه|لعام)?\s*,?\s*{_YEAR})?"
        r"(?P<rel>\s+(?:الماضي|المنصرم|الفائت|المقبل|القادم|الجاري))?")),
    # English dates printed on Arabic pages: "20th, March 2025", "March 20, 2025"
    ("english", re.compile(r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<emonth>January|February|March|April|May|June|July|August|September|October|November|December),?\s+(?P<year>(?:19|20)\d\d)", re.I)),
    # relative days
    ("relday", re.compile(r"(?<![\u0621-\u064a])(?P<rel>اليوم الذي بعد الغد|بعد غد|بعد الغد|قبل امس|اول امس|اول من امس|قبل امبارح|امس|البارحه|اليوم السابق|يوم غد|غدا|غداً|في هذا اليوم|اليوم)(?![\u0621-\u064a])")),
    ("weekday", re.compile(rf"(?<![\u0621-\u064a])(?:يوم\s+)?(?P<wd>{_WD_RE})(?P<wrel>\s+(?:الماضي|المنصرم|الفائت|المقبل|القادم))?(?![\u0621-\u064a])")),
    ("relunit", re.compile(r"(?:(?<=[\s(]و)|(?<![\u0621-\u064a]))(?P<unit>الاسبوع|الشهر|العام|السنه)\s+(?P<urel>الماضي|المنصرم|الفائت|المقبل|القادم|التالي|الجاي|الحالي|الجاري)(?![\u0621-\u064a])")),
    ("thisunit", re.compile(r"(?<![\u0621-\u064a])(?:هذا|هذه)\s+(?P<unit>العام|السنه|الشهر|الاسبوع)(?![\u0621-\u064a])")),
    ("year", re.compile(r"(?<![\u0621-\u064a\d])(?:عام|سنه|العام)\s+(?P<year>(?:19|20)\d\d)(?!\d)")),
]

_EN_MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"], 1)}
_PAST = ("الماضي", "المنصرم", "الفائت")
_NEXT = ("المقبل", "القادم", "التالي", "الجاي")


def _valid(y: int, m: int, d: int) -> bool:
    try:
        dt.date(y, m, d)
        return True
    except ValueError:
        return False


def _nearest_year(month: int, day: int | None, ref: dt.date) -> int:
    """A month (and day) written without a year: the year that puts it nearest the reference,
    leaning to the past (news mostly reports what happened)."""
    best, best_gap = ref.year, None
    for y in (ref.year - 1, ref.year, ref.year + 1):
        d = day if day and _valid(y, month, day) else 1
        gap = (dt.date(y, month, d) - ref).days
        score = abs(gap) if gap <= 0 else gap * 10
        if best_gap is None or score < best_gap:
            best, best_gap = y, score
    return best


def _hijri_to_greg(y: int, m: int, d: int) -> dt.date | None:
    try:
        from hijridate import Hijri

        return Hijri(y, m, d).to_gregorian()
    except (ValueError, OverflowError, ImportError):
        return None


def _resolve(kind: str, g: dict[str, str | None], ref: dt.date) -> tuple[str, str] | None:
    if kind == "hijri":
        day, month = int(g["day"]), _HIJRI[re.sub(r"\s+", " ", g["hmonth"])]
        if g.get("hyear"):
            year = int(g["hyear"])
        else:
            from hijridate import Gregorian

            h = Gregorian(ref.year, ref.month, ref.day).to_hijri()
            year = h.year if (month, day) <= (h.month, h.day) else h.year - 1
        gd = _hijri_to_greg(year, month, day)
        return (gd.isoformat(), "hijri") if gd else None
    if kind in ("iso", "dmy"):
        y, m, d = int(g["year"]), int(g["month"]), int(g["day"])
        return (dt.date(y, m, d).isoformat(), "gregorian") if _valid(y, m, d) else None
    if kind == "english":
        y, m, d = int(g["year"]), _EN_MONTHS[g["emonth"].lower()], int(g["day"])
        return (dt.date(y, m, d).isoformat(), "gregorian") if _valid(y, m, d) else None
    if kind in ("greg", "range", "ticker"):
        month = _GREG_MONTHS[re.sub(r"\s+", " ", g["month"])]
        day = int(g["day"]) if g.get("day") else (_ORDINALS.get(re.sub(r"\s+", " ", g["ord"])) if g.get("ord") else None)
        rel = (g.get("rel") or "").strip()
        if g.get("year"):
            year = int(g["year"])
            calendar = "gregorian"
        elif kind == "range":
            year, calendar = _nearest_year(month, day, ref), "gregorian"
        elif rel in _PAST:  # ديسمبر الماضي: the most recent December before the reference
            year = ref.year if month < ref.month else ref.year - 1
            calendar = "relative"
        elif rel in _NEXT:
            year = ref.year if month > ref.month else ref.year + 1
            calendar = "relative"
        elif rel == "الجاري":
            year, calendar = ref.year, "relative"
        else:
            if day is None and not g.get("month2"):
                # a bare month name with neither day nor year is too ambiguous in prose (مارس, ماي)
                return None
            year, calendar = _nearest_year(month, day, ref), "gregorian"
        if day is None:
            return f"{year:04d}-{month:02d}", calendar
        return (dt.date(year, month, day).isoformat(), calendar) if _valid(year, month, day) else None
    if kind == "relday":
        rel = g["rel"]
        offset = {"امس": -1, "البارحه": -1, "اليوم السابق": -1, "قبل امس": -2, "اول امس": -2,
                  "اول من امس": -2, "قبل امبارح": -2, "غدا": 1, "غداً": 1, "يوم غد": 1, "بعد غد": 2,
                  "بعد الغد": 2, "اليوم الذي بعد الغد": 2}.get(rel, 0)
        return (ref + dt.timedelta(days=offset)).isoformat(), "relative"
    if kind == "weekday":
        wd = _WEEKDAYS[g["wd"]]
        rel = (g.get("wrel") or "").strip()
        back = (ref.weekday() - wd) % 7
        if rel in _PAST:
            back = back or 7
            return (ref - dt.timedelta(days=back)).isoformat(), "relative"
        if rel in _NEXT:
            fwd = (wd - ref.weekday()) % 7 or 7
            return (ref + dt.timedelta(days=fwd)).isoformat(), "relative"
        return (ref - dt.timedelta(days=back)).isoformat(), "relative"
    if kind in ("relunit", "thisunit"):
        unit = g["unit"]
        rel = (g.get("urel") or "الحالي").strip()
        step = -1 if rel in _PAST else (1 if rel in _NEXT else 0)
        if unit == "الاسبوع":
            monday = ref - dt.timedelta(days=ref.weekday()) + dt.timedelta(weeks=step)
            return monday.isoformat(), "relative"
        if unit == "الشهر":
            m0 = ref.year * 12 + (ref.month - 1) + step
            return f"{m0 // 12:04d}-{m0 % 12 + 1:02d}", "relative"
        return f"{ref.year + step:04d}", "relative"
    if kind == "year":
        return g["year"], "gregorian"
    return None


def find_dates(text: str, reference: dt.date | dt.datetime | None = None) -> list[DateMention]:
    """Every date expression in ``text``, resolved against ``reference`` (the publication date).

    Spans do not overlap; the longest, most specific match wins. Times of day and
    durations are not dates and are not returned.
    """
    if reference is None:
        reference = dt.date.today()
    if isinstance(reference, dt.datetime):
        reference = reference.date()
    folded = _fold(text)
    taken: list[tuple[int, int]] = []
    found: list[DateMention] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(folded):
            start, end = m.span()
            while start < end and folded[start].isspace():
                start += 1
            while end > start and folded[end - 1].isspace():
                end -= 1
            if end - start < 2 or any(start < e and s < end for s, e in taken):
                continue
            resolved = _resolve(kind, m.groupdict(), reference)
            if resolved is None:
                continue
            taken.append((start, end))
            found.append(DateMention(text=text[start:end], start=start, end=end, value=resolved[0], calendar=resolved[1]))
    found.sort(key=lambda d: d.start)
    return found

"""Find and resolve date expressions in Arabic news text.

Why by hand: dateparser finds nothing in "28 كانون الثاني 2026", the dual form
"كانون الثاني / يناير", "الخميس الماضي" or "ديسمبر الماضي". News prose needs both
Gregorian month-name systems (Levantine and Egyptian/Gulf, plus Maghrebi), Hijri
dates (Umm al-Qura, via hijridate), ordinal day words, and weekday/relative words
resolved against the publication date: a bare weekday is the most recent one on or
before the reference (news reports what happened) unless its clause speaks of what is
coming (سوف، من المقرر، an opening imperfect verb), "الماضي/المقبل" move a week/unit.

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
        "سبتمبر أيلول شتنبر ستمبر سيبتمبر",
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
    "غره": 1,  # "غرة شهر رمضان": the first day of the month, as Saudi announcements say it
}
_MONTH_NUMBERS = {"واحد": 1, "الاول": 1, "اثنين": 2, "الثاني": 2, "ثلاث": 3, "ثلاثه": 3, "الثالث": 3, "اربع": 4, "اربعه": 4,
                  "الرابع": 4, "خمس": 5, "خمسه": 5, "الخامس": 5, "ست": 6, "سته": 6, "السادس": 6, "سبع": 7, "سبعه": 7, "السابع": 7,
                  "ثمان": 8, "ثمانيه": 8, "الثامن": 8, "تسع": 9, "تسعه": 9, "التاسع": 9, "عشر": 10, "عشره": 10, "العاشر": 10,
                  "احدعشر": 11, "احد عشر": 11, "الحادي عشر": 11, "اثنا عشر": 12, "اثني عشر": 12, "الثاني عشر": 12}
_NTH = {"اول": 1, "الاول": 1, "الاولي": 1, "ثاني": 2, "الثاني": 2, "الثانيه": 2, "ثالث": 3, "الثالث": 3, "الثالثه": 3,
        "رابع": 4, "الرابع": 4, "الرابعه": 4, "اخر": -1, "الاخير": -1, "الاخيره": -1}
_WEEKDAYS = {"الاثنين": 0, "الاتنين": 0, "الثلاثاء": 1, "الثلاثا": 1, "الاربعاء": 2, "الخميس": 3,
             "الجمعه": 4, "السبت": 5, "الاحد": 6}

# whole words only (آب must not match inside سراب), a one-letter proclitic allowed (بمارس، وأغسطس)
_MONTH_RE = rf"(?:(?<![\u0621-\u064a])|(?<=(?<![\u0621-\u064a])[بلوف]))(?:{_alts(list(_GREG_MONTHS))})(?![\u0621-\u064a])"
_HIJRI_RE = _alts(list(_HIJRI))
_ORD_RE = _alts(list(_ORDINALS))
_ORD_LL_RE = _alts([k[2:] for k in _ORDINALS if k.startswith("ال")])  # "للعشرين": ل + العشرين
_WD_RE = _alts(list(_WEEKDAYS))
_WD_BARE = {k[2:] if k.startswith("ال") else k: v for k, v in _WEEKDAYS.items()} | {"احد": 6, "اثنين": 0, "ثلاثا": 1}
_WD_BARE_RE = _alts(list(_WD_BARE))
_MNUM_RE = _alts(list(_MONTH_NUMBERS))
_NTH_RE = _alts(list(_NTH))
# a month named or numbered: "مارس", "شهر ثلاثة", "الشهر الثامن", "تشرين الاول"
_ANY_MONTH = rf"(?:(?:ب|في\s+|من\s+)?(?:ال)?شهر\s+(?P<mnum>{_MNUM_RE})(?![\u0621-\u064a])|(?:ب|في\s+|من\s+)?(?:شهر\s+)?(?P<mname>{_MONTH_RE}))"
_YEAR_TAIL = r"(?:\s*(?:من\s+|في\s+|ب|ل)?(?:عام|سنه|لعام|العام|السنه)?\s*(?P<year>(?:19|20)\d\d)|\s+(?P<nextyear>السنه القادمه|العام القادم|العام المقبل|السنه المقبله))?"
_PAST_WORDS = "الماضي|الماضيه|المنصرم|المنصرمه|الفائت|الفائته"
_NEXT_WORDS = "المقبل|المقبله|القادم|القادمه|التالي|التاليه|الجاي|الجايه"
_DAY = r"(?P<day>[0-3]?\d)"
_YEAR_COUNTS = {"ثلاث": 3, "ثلاثه": 3, "اربع": 4, "اربعه": 4, "خمس": 5, "خمسه": 5, "ست": 6, "سته": 6, "سبع": 7, "سبعه": 7,
                "ثماني": 8, "ثمان": 8, "ثمانيه": 8, "تسع": 9, "تسعه": 9, "عشر": 10, "عشره": 10}
_YEAR_COUNT_RE = "|".join(sorted(_YEAR_COUNTS, key=len, reverse=True))
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_SEP = r"\s*(?:/|\(|-|–)\s*"
# an optional Hijri year and era mark, or a word placing the month: "5 رمضان المقبل" is next year's when Ramadan is past
_HIJRI_TAIL = (r"(?:\s+(?:سنه|عام)?\s*(?P<hyear>1[34]\d\d))?\s*(?:هـ|ه\b|للهجره|هجريه)?"
               r"(?:\s*(?<![\u0621-\u064a])(?P<hrel>المقبل|القادم|الماضي|المنصرم|الفائت)(?![\u0621-\u064a]))?")

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # the last day of a Hijri month: "اليوم الأخير من شهر رمضان", "آخر يوم من رمضان"
    ("hlast", re.compile(rf"(?:اليوم\s+الاخير|اخر\s+يوم|اخر\s+ايام)\s+(?:من|في)\s+(?:شهر\s+)?(?P<hmonth>{_HIJRI_RE}){_HIJRI_TAIL}")),
    # days of an Eid: "أول أيام العيد", "ثاني أيام عيد الفطر", "اليوم الأول للعيد", "يومي العيد"
    ("eidday", re.compile(r"(?<![\u0621-\u064a])(?:(?P<eord>اول|ثاني|ثالث|رابع)\s+ايام\s+|اليوم\s+(?P<eord2>الاول|الثاني|الثالث|الرابع)\s+(?:من\s+(?:ايام\s+)?|ل)|يومي\s+)"
                          r"(?:ال)?(?P<hol>عيد الفطر|عيد الاضحي|عيد|لعيد)(?![\u0621-\u064a])")),
    # a numbered month with its year: "نهاية شهر 5 من عام 2015م"
    ("monthnum", re.compile(r"(?<![\u0621-\u064a])[لبو]?(?:ال)?شهر\s+(?P<month>[01]?\d)(?!\d)\s*(?:من\s+)?(?:عام|سنه|العام)?\s*(?P<year>(?:19|20)\d\d)(?!\d)")),
    # Hijri ranges give their start: "من 16 إلى 30 شوال الجاري"
    # (without من only a dash joins the days: "خلال الفترة 19 – 21 شوال")
    ("hijri", re.compile(rf"(?:من\s+|(?<![\d/.\-–])(?=[0-3]?\d\s*[-–]\s*[0-3]?\d\s))(?<!\d){_DAY}\s*(?:الي|حتي|و?لغايه|-|–)\s*[0-3]?\d\s+(?:من\s+)?(?:شهر\s+)?(?P<hmonth>{_HIJRI_RE}){_HIJRI_TAIL}")),
    # 12 شوال 1436 هـ  /  12 من شوال 1436هـ
    ("hijri", re.compile(rf"(?<!\d)[«\"“]?{_DAY}[»\"”]?\s+(?:من\s+)?(?:شهر\s+)?(?P<hmonth>{_HIJRI_RE}){_HIJRI_TAIL}")),
    # السادس من شهر شوال ; الأول من رمضان 1436هـ
    ("hijri", re.compile(rf"(?:اليوم\s+)?(?P<ord>{_ORD_RE})\s+(?:من\s+)?(?:شهر\s+)?(?P<hmonth>{_HIJRI_RE}){_HIJRI_TAIL}")),
    # ISO / numeric dates
    ("iso", re.compile(r"(?<!\d)(?P<year>(?:19|20)\d\d)(?P<sep>[-/.])(?P<month>[01]?\d)(?P=sep)(?P<day>[0-3]?\d)(?!\d)")),  # 2026-02-05, 2026/02/05
    ("dmy", re.compile(r"(?<![\d/.-])(?P<day>[0-3]?\d)(?:\s?/\s?|[.-])(?P<month>[01]?\d)(?:\s?/\s?|[.-])(?P<year>(?:19|20)\d\d)(?!\d)")),
    # numeric Hijri dates, as Saudi official texts print them: 28/5/1432, 06/10/1436هـ, 1436/10/06
    # a range of days in one Hijri month gives its start: "10-28-10-1436هـ"
    ("hnum", re.compile(r"(?<![\d/.-])(?P<day>[0-3]?\d)\s?[-/]\s?[0-3]?\d\s?[-/]\s?(?P<month>[01]?\d)\s?[-/]\s?(?P<hyear>1[34]\d\d)(?![\d/])\s?(?:هـ|ه(?![\u0621-\u064a]))?")),
    ("hnum", re.compile(r"(?<![\d/.-])(?P<day>[0-3]?\d)(?:\s?/\s?|[.-])(?P<month>[01]?\d)(?:\s?/\s?|[.-])(?P<hyear>1[34]\d\d)(?![\d/])\s?(?:هـ|ه(?![\u0621-\u064a]))?")),
    ("hnum", re.compile(r"(?<![\d/.-])(?P<hyear>1[34]\d\d)[/.-](?P<month>[01]?\d)[/.-](?P<day>[0-3]?\d)(?![\d/])\s?(?:هـ|ه(?![\u0621-\u064a]))?")),
    # nth / last weekday of a month: "ثاني اربعاء من شهر اكتوبر 2014", "الاثنين الاخير من شهر ثلاثة", "الثلاثا الاول من شهر تشرين الاول"
    ("nthwd", re.compile(
        rf"(?:(?P<nth1>{_NTH_RE})\s+(?:يوم\s+)?(?P<wd1>{_WD_BARE_RE}|{_WD_RE})|(?P<wd2>{_WD_RE})\s+(?P<nth2>{_NTH_RE}))\s*{_ANY_MONTH}{_YEAR_TAIL}")),
    # first/last week, last day of a month
    ("monthpart", re.compile(rf"(?P<part>اول|اخر)\s+(?P<unit>اسبوع|يوم)\s*{_ANY_MONTH}{_YEAR_TAIL}")),
    # mid-month: "نص شهر ثلاث", "في نصف شهر مارس", "منتصف مارس"
    ("midmonth", re.compile(rf"(?:نص|نصف|منتصف)\s+{_ANY_MONTH}{_YEAR_TAIL}")),
    # "اليوم الثالث من شهر عشرة", "الاول من شهر شباط", "في اول شباط"
    ("ordmonth", re.compile(rf"(?:اليوم\s+)?(?P<ord>{_ORD_RE}|اول|لل(?:{_ORD_LL_RE}))(?:\s+و(?:{_ORD_RE}))?\s+(?:من\s+)?{_ANY_MONTH}{_YEAR_TAIL}")),
    # weekday of a named week: "احد الاسبوع الماضي", "ثلاثاء الاسبوع الفائت", "اثنين الاسبوع الحالي"
    ("wdweek", re.compile(rf"(?P<wd>{_WD_BARE_RE}|{_WD_RE})\s+الاسبوع\s+(?P<wrel>{_PAST_WORDS}|{_NEXT_WORDS}|الحالي|الجاري)")),
    # religious holidays: the next one from the reference
    ("holiday", re.compile(r"(?P<hol>عيد الاضحي|عيد الفطر|عيد الفصح|راس السنه الهجريه|المولد النبوي)")),
    # the Hijri new year: "غرة السنة الهجرية الجديدة", "رأس العام الهجري"; "الجديدة" names the coming one
    ("newhijri", re.compile(r"(?<![\u0621-\u064a])[بلو]?(?:غره|راس)\s+(?:السنه\s+الهجريه|العام\s+الهجري)(?P<hnew>\s+(?:الجديده|الجديد|المقبله|المقبل|القادمه|القادم))?(?![\u0621-\u064a])")),
    # "العيد" alone, as Saudi news says it in the days around Eid; not "العيد الوطني", "عيد ميلاده"
    # only after a word that ties it to a time ("يوم العيد", "خلال العيد", "بالعيد"); "كان العيد في الماضي" is no date
    ("holiday", re.compile(r"(?:(?<![\u0621-\u064a])(?:يوم|ايام|صباح|صبيحه|ليله|اجازه|عطله|خلال|بمناسبه|قبل|بعد|في|اجواء|فرحه|احتفالات|صلاه)\s+|(?<=[\s(]ب)|(?<=رمضان و))(?P<hol>العيد)(?![\u0621-\u064a])"
                           r"(?!\s+(?:الوطني|الذهبي|الفضي|الماسي|السنوي|الخمسين|المئوي|الوطنى))")),
    # "من اسبوع", "قبل يومين", "قبل 3 ايام"
    # "من أسبوع" is a week ago, but "في أقل من أسبوع" is a duration
    # years ago: "قبل ثماني سنوات", "قبل عامين", "قبل 5 سنوات" (the year; "منذ" is as often a duration)
    ("yearsago", re.compile(rf"(?:(?<=[\s(]و)|(?<![\u0621-\u064a]))قبل\s+(?:(?P<yn>\d{{1,2}}|{_YEAR_COUNT_RE})\s+(?:سنوات|اعوام|سنه|عاما|عام)|(?P<y1>عام|سنه|عامين|سنتين))(?![\u0621-\u064a])")),
    # a day of the month the text just named: "حتى السابع والعشرين من الشهر نفسه"
    ("samemonth", re.compile(rf"(?<![\u0621-\u064a])(?:يوم\s+)?(?:{_DAY}|(?P<ord>{_ORD_RE}))\s+من\s+(?:(?:ال)?شهر\s+(?:نفسه|ذاته)|نفس\s+الشهر|ذات\s+الشهر)(?![\u0621-\u064a])")),
    ("ago", re.compile(rf"(?<!اقل )(?<!اكثر )(?<![\u0621-\u064a])(?:من|قبل)\s+(?P<agoq>اسبوع|اسبوعين|يومين|شهر|(?P<agon>\d+)\s+(?:ايام|يوما|اسابيع))(?![\u0621-\u064a])(?!\s+(?:{_HIJRI_RE}|{_MONTH_RE}|{_MNUM_RE}))")),
    # ticker lines print the year first: "GMT 16:34 2026 الأربعاء ,28 كانون الثاني / يناير"
    ("ticker", re.compile(
        rf"{_YEAR}\s+(?:{_WD_RE})?\s*[,،]?\s*{_DAY}\s+(?P<month>{_MONTH_RE})(?:{_SEP}(?P<month2>{_MONTH_RE})\)?)?")),
    # ranges give their start: من 1 إلى 3 أغسطس 2025
    ("range", re.compile(
        rf"(?:من\s+|(?<![\d/.\-–])(?=[0-3]?\d\s*[-–]\s*[0-3]?\d\s))(?<!\d){_DAY}\s*(?:الي|حتي|و?لغايه|-|–)\s*[0-3]?\d\s+(?:من\s+)?(?:شهر\s+)?(?P<month>{_MONTH_RE})(?:\s*(?:عام|سنه)?\s*{_YEAR})?")),
    # 28 كانون الثاني / يناير 2026 ; 28 يناير (كانون الثاني) 2026 ; الثامن من ديسمبر
    ("greg", re.compile(
        # two coordinated days give the first: "1 و2 سبتمبر", "الأول والثاني من سبتمبر"
        rf"(?:(?<!\d){_DAY}(?:\s*و\s*[0-3]?\d(?!\d))?|(?P<ord>{_ORD_RE})(?:\s+و(?:{_ORD_RE}))?)?\s*(?:من\s+)?(?:شهر\s+)?(?P<month>{_MONTH_RE})"
        rf"(?:(?:{_SEP}|\s+)(?P<month2>{_MONTH_RE})\)?)?(?:\s*(?:من\s+)?(?:عام|سنه|لعام)?\s*,?\s*{_YEAR})?"
        r"(?P<rel>\s+(?:الماضي|المنصرم|الفائت|المقبل|القادم|الجاري))?"
        r"(?P<yrel>\s+(?:(?:من|في)\s+)?(?:العام|السنه)\s+(?:قبل\s+الماضيه|قبل\s+الماضي|الماضي|الماضيه|المنصرم|المنصرمه|الفائت|الفائته|المقبل|المقبله|القادم|القادمه|الحالي|الحاليه|الجاري|الجاريه))?")),
    # a range of months gives its start: "من يوليو إلى سبتمبر"
    ("monthonly", re.compile(rf"(?<![\u0621-\u064a])من\s+(?P<month>{_MONTH_RE})\s+(?:الي|حتي|و?لغايه)\s+(?:{_MONTH_RE})(?![\u0621-\u064a])")),
    # a month named after a preposition or "شهر" is a month, not the verb مارس: "في يوليو", "لشهر يوليو"
    ("monthonly", re.compile(rf"(?<![\u0621-\u064a])(?:[لبو]?شهر|في|خلال|منذ|حتي|بدايه|نهايه|مطلع|اواخر|اوائل)\s+(?P<month>{_MONTH_RE})(?!\s*\d)")),
    # English dates printed on Arabic pages: "20th, March 2025", "March 20, 2025"
    ("english", re.compile(r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<emonth>January|February|March|April|May|June|July|August|September|October|November|December),?\s+(?P<year>(?:19|20)\d\d)", re.I)),
    # the day a date before it named, or the day after: "في اليوم ذاته", "ذات اليوم", "في اليوم التالي"
    ("sameday", re.compile(r"(?<![\u0621-\u064a])(?:(?:ال)?يوم\s+(?P<same>ذاته|نفسه|التالي)|(?:ذات|نفس)\s+اليوم)(?![\u0621-\u064a])")),
    # relative days
    ("relday", re.compile(r"(?:(?<=[\s(]و)|(?<=[\s(]ف)|(?<![\u0621-\u064a]))(?P<rel>اليوم الذي بعد الغد|اليوم الي قبل امبارح|ما قبل الامس|ما قبل امس|قبل الامس|يوم قبل امس|بعد غد|بعد الغد|قبل امس|اول امس|اول من امس|امس الاول|قبل امبارح|البارحه الاولي|بالامس الاول|الامس الاول|بالامس|الليله قبل الماضيه|الليله الماضيه|ليله امس|امس|البارحه|اليوم السابق|يوم غد|غدا|غداً|غدًا|في هذا اليوم|اليوم|هذه الليله|(?<!تلك )(?<!ذلك )الليله(?!\s+ال))(?![\u0621-\u064a])"
                          # a named day is not today: اليوم الوطني، اليوم العالمي للمرأة
                          # nor a unit ("في اليوم الواحد") or a newspaper (عين اليوم، اليوم السابع)
                          r"(?<!عين اليوم)(?<!مثل هذا اليوم)(?!\s+(?:الواحد|السابع|الوطني|العالمي|الدولي|المفتوح|الاول|الثاني|الثالث|الرابع|الخامس|الاخير|الاخر|التالي|الاولي|الثانيه|الثالثه|الاخيره|الختاميه|الكبري))")),
    ("weekday", re.compile(rf"(?:(?<=[\s(]و)|(?<![\u0621-\u064a]))(?:يوم\s+)?(?P<wd>{_WD_RE})(?P<wrel>\s+(?:الماضي|المنصرم|الفائت|المقبل|القادم))?(?![\u0621-\u064a])")),
    ("relunit", re.compile(r"(?:(?<=[\s(]و)|(?<=[\s(]ب)|(?<![\u0621-\u064a]))(?:لل(?P<unit2>اسبوع|شهر|عام|سنه)|(?P<unit>الاسبوع|الشهر|العام|السنه))\s+(?P<urel>قبل الماضيه|قبل الماضي|الماضيه|المنصرمه|الفائته|السابقه|المقبله|القادمه|التاليه|الجايه|الحاليه|الماضي|المنصرم|الفائت|السابق|المقبل|القادم|التالي|الجاي|الحالي|الجاري)(?![\u0621-\u064a])"
                          r"(?!\s*(?:19|20)\d\d(?!\d))")),  # "للعام الماضي 2014": the year written out wins
    # a part of the current year: "منذ بداية العام", "مع نهاية العام"; not the school or fiscal year
    ("yearpart", re.compile(r"(?<![\u0621-\u064a])(?:بدايه|مطلع|منتصف|نهايه|اواخر|اوائل)\s+(?:هذا\s+)?العام(?![\u0621-\u064a])"
                            r"(?!\s+(?:الدراسي|المالي|الهجري|الميلادي|الجديد|القادم|المقبل|الماضي|المنصرم|الفائت|الحالي|الجاري))(?!\s*(?:19|20)\d\d)")),
    ("thisunit", re.compile(r"(?<![\u0621-\u064a])[لبو]?(?:هذا|هذه)\s+(?P<unit>العام|السنه|الشهر|الاسبوع)(?![\u0621-\u064a])")),
    # عام 2015، لسنة 2015، للعام الماضي 2014
    ("year", re.compile(r"(?<![\u0621-\u064a\d])(?:[لبو]?(?:عام|سنه|العام|السنه)|للعام|للسنه)"
                        r"(?:\s+(?:الماضي|المنصرم|الفائت|الحالي|الجاري|المقبل|القادم))?\s+(?P<year>(?:19|20)\d\d)(?!\d)")),
    # a range of years gives its start: "من 2001 إلى 2009", "بين 2010 و2014"
    ("year", re.compile(r"(?<![\u0621-\u064a])(?:من|بين)\s+(?:عام\s+)?(?P<year>(?:19|20)\d\d)\s*(?:الي|حتي|و|-|–)\s*(?:عام\s+)?(?:19|20)\d\d(?!\d)")),
    # two years: "بين عامي 2000 و2010", "سنتي 2014 و 2015"; the second after the first
    ("year", re.compile(r"(?<![\u0621-\u064a])[لبو]?(?:عامي|سنتي|العامين|السنتين)\s+(?P<year>(?:19|20)\d\d)(?!\d)")),
    ("year", re.compile(r"(?:(?<=عامي \d{4} و)|(?<=عامي \d{4} و )|(?<=سنتي \d{4} و)|(?<=سنتي \d{4} و )|(?<=العامين \d{4} و)|(?<=العامين \d{4} و ))"
                        r"(?P<year>(?:19|20)\d\d)(?!\d)")),
    # a year in brackets, as after a film or book title: "(1979)"
    ("year", re.compile(r"\(\s*(?P<year>(?:19|20)\d\d)\s*\)(?!\s*(?:الف|مليون|مليار|شخص|حاله|دولار|ريال|يورو))")),
    # a games or a cup named by its host and year: "أولمبياد ريو دي جانيرو 2016", "ألعاب ريو الأولمبية 2016"
    # ("الألعاب" alone may be counted: "الألعاب 2000 رياضي"; it needs its adjective, "الأولمبية", "الآسيوية")
    ("year", re.compile(r"(?<![\u0621-\u064a])[وبل]?(?:ال)?(?:(?:اولمبياد|مونديال|كاس العالم)(?:\s+[\u0621-\u064a]{2,}){0,3}?"
                        r"|(?:ال)?العاب(?:\s+[\u0621-\u064a]{2,}){0,2}?\s+[\u0621-\u064a]{3,}يه)"
                        r"\s+(?P<year>(?:19|20)\d\d)(?![\d%/$-]|[.,]\d|\s*(?:الف|مليون|مليار|شخص|رياضي|لاعب|دولار|ريال))")),
    # a cup, festival or season named with its year: "كأس آسيا 2019 في الإمارات", "مهرجان صيف الشرقية 2015 التي";
    # what follows the year must not be what a number counts ("بطولة الشباب 2000 مشارك")
    ("year", re.compile(r"(?<![\u0621-\u064a])[وبل]?(?:ال)?(?:كاس|بطوله|مهرجان|صيف|معرض|ملتقي|منتدي|موسم|دوري|خليجي)"
                        r"(?:\s+[\u0621-\u064a]{2,}){1,3}?\s+(?P<year>(?:19|20)\d\d)(?=\s*(?:$|[.,،:;؛)\]»\"”!؟?\n-]"
                        r"|م(?![\u0621-\u064a])|(?:في|علي|من|الي|التي|الذي|حيث|بعد|قبل|خلال|مع|عن)(?![\u0621-\u064a])|و[\u0621-\u064a]))")),
    # a title in brackets that ends with its year: "ألبوم (منوعات عراقية 2015)"
    ("year", re.compile(r"\((?=[^()\d]{2,40}\s(?:19|20)\d\d\))[^()\d]{2,40}\s(?P<year>(?:19|20)\d\d)\)")),
    # a year opening a line or sentence of a chronology: "1921- ...", "1934: ...", "… البلطيق. 1951 - وفاة …"
    ("year", re.compile(r"(?m)(?:^|(?<=[.!؟:]\s))[ \t*•-]*(?P<year>(?:19|20)\d\d)\s*[-–:]\s")),
    # an early year needs its era mark: "عام 645 ميلادية"
    ("year", re.compile(r"(?<![\u0621-\u064a\d])[لبو]?(?:عام|سنه|العام|السنه)\s+(?P<year>[1-9]\d{2,3})\s*(?:ميلاديه|ميلادي|للميلاد|م(?![\u0621-\u064a]))")),
    # 2016م ; a year after a preposition of time: في 2012، حتى 2020، منذ 2010، بداية 2010
    ("year", re.compile(r"(?<![\d.,])(?P<year>(?:19|20)\d\d)\s?م(?![\u0621-\u064a])")),
    # ... and after a part of a year, often glued to it in flattened text: "النصف الاول2015", "الربع الثالث من 2014",
    # or after a season's adjective: "البرنامج الصيفي 2015 لـ 100 طالب"
    ("year", re.compile(r"(?<![\u0621-\u064a])[وبف]?(?:(?:في|حتي|منذ|بدايه|نهايه|مطلع|اواخر|اوائل|خلال|مواليد|موسم|صيف|شتاء|خريف|ربيع|كاس العالم|مونديال|يورو|اولمبياد|الاولمبياد|اكسبو|رؤيه)\s+"
                        r"|(?:ال)?(?:صيفي|صيفيه|شتوي|شتويه|رمضاني|رمضانيه)\s+"
                        r"|(?:[وب]?ال|لل)(?:ربع|نصف)\s+(?:الاول|الثاني|الثالث|الرابع|الاخير)\s*(?:من\s+)?)(?P<year>(?:19|20)\d\d)"
                        r"(?![\d%/$-]|[.,]\d|\s*(?:الف|مليون|مليار|شخص|حاله|دولار|ريال|طالب|مشارك|متدرب|زائر))")),
]

# relative days and their offset from the reference (matching-level spellings)
_RELDAY_OFFSETS = {"امس": -1, "البارحه": -1, "اليوم السابق": -1, "قبل امس": -2, "قبل الامس": -2, "ما قبل الامس": -2, "ما قبل امس": -2, "اول امس": -2,
    "اول من امس": -2, "امس الاول": -2, "قبل امبارح": -2, "الليله الماضيه": -1, "الليله قبل الماضيه": -2, "البارحه الاولي": -2, "بالامس الاول": -2, "الامس الاول": -2,
    "بالامس": -1, "ليله امس": -1, "اليوم الي قبل امبارح": -2, "يوم قبل امس": -2, "غدا": 1, "غداً": 1, "غدًا": 1, "يوم غد": 1, "بعد غد": 2,
    "بعد الغد": 2, "اليوم الذي بعد الغد": 2}

_EN_MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"], 1)}
_PAST = ("الماضي", "المنصرم", "الفائت", "الماضيه", "المنصرمه", "الفائته")
_NEXT = ("المقبل", "القادم", "التالي", "الجاي", "المقبله", "القادمه", "التاليه", "الجايه")


def _valid(y: int, m: int, d: int) -> bool:
    try:
        dt.date(y, m, d)
        return True
    except ValueError:
        return False


def _nearest_year(month: int, day: int | None, ref: dt.date, prefer: str = "past") -> int:
    """A month (and day) written without a year: the year that puts it nearest the reference,
    leaning to the past (news mostly reports what happened) or, with prefer="future", to the
    coming one (schedules, assistants)."""
    if prefer == "future":
        d = dt.date(ref.year, month, day if day and _valid(ref.year, month, day) else 1)
        return ref.year if (d - ref).days >= -31 else ref.year + 1
    best, best_gap = ref.year, None
    for y in (ref.year - 1, ref.year, ref.year + 1):
        d = day if day and _valid(y, month, day) else 1
        gap = (dt.date(y, month, d) - ref).days
        # a future date weighs 3x: a year-less day in a news article is often a deadline or a fixture
        score = abs(gap) if gap <= 0 else gap * 3
        if best_gap is None or score < best_gap:
            best, best_gap = y, score
    return best


def _hijri_year(ref: dt.date) -> int | None:
    """The Umm al-Qura year of a Gregorian date; None outside its tables (1924-2077)."""
    from hijridate import Gregorian

    try:
        return Gregorian(ref.year, ref.month, ref.day).to_hijri().year
    except (OverflowError, ValueError):
        return None


def _nearest_hijri_year(month: int, day: int, ref: dt.date, prefer: str, rel: str | None = None) -> int | None:
    """The Hijri year that puts a year-less Hijri date nearest the reference, leaning to the past
    ("يوم 24 شوال" written on 4 Shawwal is this month's, not last year's); "المقبل" / "الماضي" (rel)
    take the first one after / the last one before the reference."""
    hy = _hijri_year(ref)
    if hy is None:
        return None
    if rel:
        upcoming = rel in _NEXT_WORDS.split("|")
        dated = [(y, d) for y in (hy - 1, hy, hy + 1) if (d := _hijri_to_greg(y, month, day))]
        fits = [(d, y) for y, d in dated if (d > ref if upcoming else d < ref)]
        return (min(fits) if upcoming else max(fits))[1] if fits else None
    best, best_score = None, None
    for y in (hy - 1, hy, hy + 1):
        gd = _hijri_to_greg(y, month, day)
        if gd is None:
            continue
        gap = (gd - ref).days
        # Hijri day-month dates in Saudi news are mostly deadlines and schedules: a future date weighs 3x, not 10x
        score = (abs(gap) if gap <= 0 else gap * 3) if prefer != "future" else (gap if gap >= -31 else 10**6)
        if best_score is None or score < best_score:
            best, best_score = y, score
    return best


def _hijri_to_greg(y: int, m: int, d: int) -> dt.date | None:
    try:
        from hijridate import Hijri

        return Hijri(y, m, d).to_gregorian()
    except (ValueError, OverflowError, ImportError):
        return None


def _month_of(g: dict[str, str | None]) -> int | None:
    if g.get("mnum"):
        return _MONTH_NUMBERS.get(re.sub(r"\s+", " ", g["mnum"]))
    if g.get("mname"):
        return _GREG_MONTHS.get(re.sub(r"\s+", " ", g["mname"]))
    return None


def _year_for_month(g: dict[str, str | None], month: int, ref: dt.date, prefer: str) -> int:
    if g.get("year"):
        return int(g["year"])
    if g.get("nextyear"):
        return ref.year + 1
    if prefer == "future":
        return ref.year if month >= ref.month else ref.year + 1
    return ref.year if month <= ref.month else ref.year - 1


def _last_day(year: int, month: int) -> dt.date:
    nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
    return nxt - dt.timedelta(days=1)


def _nth_weekday(year: int, month: int, weekday: int, nth: int) -> dt.date | None:
    if nth > 0:
        first = dt.date(year, month, 1)
        day = first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
        return day if day.month == month else None
    last = _last_day(year, month)
    return last - dt.timedelta(days=(last.weekday() - weekday) % 7)


def _easter(year: int) -> dt.date:
    """Western Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    month, day = divmod(h + el - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


_HOLIDAYS_HIJRI = {"عيد الاضحي": (12, 10), "عيد الفطر": (10, 1), "راس السنه الهجريه": (1, 1), "المولد النبوي": (3, 12)}


def _holiday(name: str, ref: dt.date, prefer: str) -> dt.date | None:
    if name == "العيد":
        # "the Eid", unqualified, means the one just past or about to come; far from both it is too vague
        near = [d for d in (_holiday("عيد الفطر", ref, p) for p in ("past", "future"))] + \
               [d for d in (_holiday("عيد الاضحي", ref, p) for p in ("past", "future"))]
        near = [d for d in near if d and -30 <= (d - ref).days <= 15]
        return min(near, key=lambda d: abs((d - ref).days)) if near else None
    if name == "عيد الفصح":
        options = [_easter(ref.year - 1), _easter(ref.year), _easter(ref.year + 1)]
    else:
        month, day = _HOLIDAYS_HIJRI[name]
        hy = _hijri_year(ref)
        if hy is None:
            return None
        options = [d for d in (_hijri_to_greg(y, month, day) for y in (hy - 1, hy, hy + 1)) if d]
    if prefer == "future":
        later = [d for d in options if d >= ref]
        return min(later) if later else None
    earlier = [d for d in options if d <= ref]
    return max(earlier) if earlier else None


def _resolve(kind: str, g: dict[str, str | None], ref: dt.date, prefer: str = "past") -> tuple[str, str] | None:
    if kind == "nthwd":
        month = _month_of(g)
        nth = _NTH.get(g.get("nth1") or g.get("nth2") or "")
        wd_word = g.get("wd1") or g.get("wd2") or ""
        wd = _WEEKDAYS.get(wd_word, _WD_BARE.get(wd_word))
        if month is None or nth is None or wd is None:
            return None
        d = _nth_weekday(_year_for_month(g, month, ref, prefer), month, wd, nth)
        return (d.isoformat(), "gregorian") if d else None
    if kind == "monthpart":
        month = _month_of(g)
        if month is None:
            return None
        year = _year_for_month(g, month, ref, prefer)
        if g["unit"] == "يوم":
            d = dt.date(year, month, 1) if g["part"] == "اول" else _last_day(year, month)
        elif g["part"] == "اول":
            d = _nth_weekday(year, month, 0, 1)
        else:  # the last Monday whose whole week lies in the month
            last = _last_day(year, month)
            d = last - dt.timedelta(days=(last.weekday() + 1) % 7 + 6)
        return (d.isoformat(), "gregorian") if d else None
    if kind == "midmonth":
        month = _month_of(g)
        return (dt.date(_year_for_month(g, month, ref, prefer), month, 15).isoformat(), "gregorian") if month else None
    if kind == "ordmonth":
        month = _month_of(g)
        day = _ORDINALS.get(re.sub(r"\s+", " ", re.sub(r"^لل", "ال", g["ord"])))
        if month is None or day is None:
            return None
        year = int(g["year"]) if g.get("year") else (ref.year + 1 if g.get("nextyear") else _nearest_year(month, day, ref, prefer))
        return (dt.date(year, month, day).isoformat(), "gregorian") if _valid(year, month, day) else None
    if kind == "wdweek":
        wd = _WEEKDAYS.get(g["wd"], _WD_BARE.get(g["wd"]))
        rel = g["wrel"]
        step = -1 if rel in _PAST else (1 if rel in _NEXT else 0)
        monday = ref - dt.timedelta(days=ref.weekday()) + dt.timedelta(weeks=step)
        # weeks run Monday to Sunday (ISO, as in Duckling): "احد الاسبوع الماضي" ends last week
        return (monday + dt.timedelta(days=wd)).isoformat(), "relative"
    if kind == "newhijri":
        d = _holiday("راس السنه الهجريه", ref, "future" if g.get("hnew") else prefer)
        return (d.isoformat(), "hijri") if d else None
    if kind == "holiday":
        d = _holiday(g["hol"], ref, prefer)
        return (d.isoformat(), "hijri" if g["hol"] != "عيد الفصح" else "gregorian") if d else None
    if kind == "yearsago":
        n = {"عام": 1, "سنه": 1, "عامين": 2, "سنتين": 2}.get(g.get("y1") or "")
        if n is None:
            n = int(g["yn"]) if (g.get("yn") or "").isdigit() else _YEAR_COUNTS[g["yn"]]
        return (f"{ref.year - n:04d}", "relative") if n else None
    if kind == "sameday":
        # a placeholder: _previous_of_the_one_named puts it on the day the text last named, or drops it
        return ref.isoformat(), "relative"
    if kind == "samemonth":
        day = int(g["day"]) if g.get("day") else _ORDINALS.get(re.sub(r"\s+", " ", g.get("ord") or ""))
        # the reference's month until the mentions before it say which month the text meant (_previous_of_the_one_named)
        return (dt.date(ref.year, ref.month, day).isoformat(), "relative") if day and _valid(ref.year, ref.month, day) else None
    if kind == "ago":
        q = g["agoq"]
        days = {"اسبوع": 7, "اسبوعين": 14, "يومين": 2, "شهر": 30}.get(q)
        if days is None and g.get("agon"):
            days = int(g["agon"]) * (7 if "اسابيع" in q else 1)
        return ((ref - dt.timedelta(days=days or 0)).isoformat(), "relative") if days else None
    return _resolve_basic(kind, g, ref, prefer)


def _resolve_basic(kind: str, g: dict[str, str | None], ref: dt.date, prefer: str) -> tuple[str, str] | None:
    if kind == "hijri":
        month = _HIJRI[re.sub(r"\s+", " ", g["hmonth"])]
        day = int(g["day"]) if g.get("day") else _ORDINALS.get(re.sub(r"\s+", " ", g.get("ord") or ""))
        if day is None:
            return None
        if g.get("hyear"):
            year = int(g["hyear"])
        else:
            year = _nearest_hijri_year(month, day, ref, prefer, g.get("hrel"))
            if year is None:
                return None
        gd = _hijri_to_greg(year, month, day)
        return (gd.isoformat(), "hijri") if gd else None
    if kind == "hlast":
        month = _HIJRI[re.sub(r"\s+", " ", g["hmonth"])]
        year = int(g["hyear"]) if g.get("hyear") else _nearest_hijri_year(month, 1, ref, prefer, g.get("hrel"))
        start = _hijri_to_greg(year, month % 12 + 1, 1) if year else None  # the day before the next month's first
        if start and month == 12:
            start = _hijri_to_greg(year + 1, 1, 1)
        return ((start - dt.timedelta(days=1)).isoformat(), "hijri") if start else None
    if kind == "eidday":
        name = {"عيد الفطر": "عيد الفطر", "عيد الاضحي": "عيد الاضحي"}.get(g["hol"], "العيد")
        first = _holiday(name, ref, prefer) if name != "العيد" else _holiday("العيد", ref, prefer)
        nth = {"اول": 0, "الاول": 0, "ثاني": 1, "الثاني": 1, "ثالث": 2, "الثالث": 2, "رابع": 3, "الرابع": 3}.get(g.get("eord") or g.get("eord2") or "اول", 0)
        return ((first + dt.timedelta(days=nth)).isoformat(), "hijri") if first else None
    if kind == "monthnum":
        month = int(g["month"])
        return (f"{int(g['year']):04d}-{month:02d}", "gregorian") if 1 <= month <= 12 else None
    if kind == "hnum":
        gd = _hijri_to_greg(int(g["hyear"]), int(g["month"]), int(g["day"]))
        return (gd.isoformat(), "hijri") if gd else None
    if kind in ("iso", "dmy"):
        y, m, d = int(g["year"]), int(g["month"]), int(g["day"])
        return (dt.date(y, m, d).isoformat(), "gregorian") if _valid(y, m, d) else None
    if kind == "english":
        y, m, d = int(g["year"]), _EN_MONTHS[g["emonth"].lower()], int(g["day"])
        return (dt.date(y, m, d).isoformat(), "gregorian") if _valid(y, m, d) else None
    if kind == "monthonly":
        month = _GREG_MONTHS[re.sub(r"\s+", " ", g["month"])]
        return f"{_nearest_year(month, None, ref, prefer):04d}-{month:02d}", "gregorian"
    if kind in ("greg", "range", "ticker"):
        month = _GREG_MONTHS[re.sub(r"\s+", " ", g["month"])]
        day = int(g["day"]) if g.get("day") else (_ORDINALS.get(re.sub(r"\s+", " ", g["ord"])) if g.get("ord") else None)
        rel = (g.get("rel") or "").strip()
        yrel = (g.get("yrel") or "").split()
        if yrel:  # أكتوبر من العام الماضي
            word = yrel[-1]
            year = ref.year - 1 if word in _PAST else (ref.year + 1 if word in _NEXT else ref.year)
            year -= 1 if "قبل" in yrel else 0  # "العام قبل الماضي": two years back
            calendar = "relative"
        elif g.get("year"):
            year = int(g["year"])
            calendar = "gregorian"
        elif kind == "range":
            year, calendar = _nearest_year(month, day, ref, prefer), "gregorian"
        elif rel in _PAST:  # ديسمبر الماضي: the most recent December before the reference
            year = ref.year if month < ref.month or (month == ref.month and day and day < ref.day) else ref.year - 1
            calendar = "relative"
        elif rel in _NEXT:  # "12 أغسطس القادم" written on 6 August is six days ahead
            year = ref.year if month > ref.month or (month == ref.month and day and day > ref.day) else ref.year + 1
            calendar = "relative"
        elif rel == "الجاري":
            year, calendar = ref.year, "relative"
        else:
            if day is None and not g.get("month2"):
                # a bare month name with neither day nor year is too ambiguous in prose (مارس, ماي)
                return None
            year, calendar = _nearest_year(month, day, ref, prefer), "gregorian"
        if day is None:
            return f"{year:04d}-{month:02d}", calendar
        return (dt.date(year, month, day).isoformat(), calendar) if _valid(year, month, day) else None
    if kind == "relday":
        offset = _RELDAY_OFFSETS.get(g["rel"], 0)
        return (ref + dt.timedelta(days=offset)).isoformat(), "relative"
    if kind == "weekday":
        wd = _WEEKDAYS[g["wd"]]
        rel = (g.get("wrel") or "").strip()
        back = (ref.weekday() - wd) % 7
        if not rel and prefer == "future":
            fwd = (wd - ref.weekday()) % 7 or 7
            return (ref + dt.timedelta(days=fwd)).isoformat(), "relative"
        if rel in _PAST:
            back = back or 7
            return (ref - dt.timedelta(days=back)).isoformat(), "relative"
        if rel in _NEXT:
            fwd = (wd - ref.weekday()) % 7 or 7
            return (ref + dt.timedelta(days=fwd)).isoformat(), "relative"
        return (ref - dt.timedelta(days=back)).isoformat(), "relative"
    if kind in ("relunit", "thisunit"):
        unit = g.get("unit") or "ال" + str(g.get("unit2"))  # "للعام الحالي": لل + عام
        rel = (g.get("urel") or "الحالي").strip()
        step = -2 if rel.startswith("قبل") else (-1 if rel in _PAST or rel.startswith("السابق") else (1 if rel in _NEXT else 0))
        if unit == "الاسبوع":
            monday = ref - dt.timedelta(days=ref.weekday()) + dt.timedelta(weeks=step)
            return monday.isoformat(), "relative"
        if unit == "الشهر":
            m0 = ref.year * 12 + (ref.month - 1) + step
            return f"{m0 // 12:04d}-{m0 % 12 + 1:02d}", "relative"
        return f"{ref.year + step:04d}", "relative"
    if kind == "year":
        return f"{int(g['year']):04d}", "gregorian"
    if kind == "yearpart":
        return f"{ref.year:04d}", "relative"
    return None


def find_dates(text: str, reference: dt.date | dt.datetime | None = None, prefer: str = "past") -> list[DateMention]:
    """Every date expression in ``text``, resolved against ``reference`` (the publication date).

    Spans do not overlap; the longest, most specific match wins. Times of day and
    durations are not dates and are not returned. ``prefer`` settles what news leaves
    open: "past" (default: a bare weekday is the most recent one on or before the
    reference, a year-less date the nearest, leaning back) or "future".
    """
    if reference is None:
        reference = dt.date.today()
    if isinstance(reference, dt.datetime):
        reference = reference.date()
    folded = _fold(text)
    taken: list[tuple[int, int]] = []
    found: list[DateMention] = []
    guessed_year: set[int] = set()  # starts of month-name dates whose year the text does not give
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(folded):
            start, end = m.span()
            while start < end and folded[start].isspace():
                start += 1
            while end > start and folded[end - 1].isspace():
                end -= 1
            if end - start < 2 or any(start < e and s < end for s, e in taken):
                continue
            groups = m.groupdict()
            if kind == "weekday" and not groups.get("wrel") and folded.startswith(groups["wd"], start) and _PLACE_BEFORE.search(folded[max(0, start - 12):start]):
                continue  # "وسط الخميس", "سوق الأحد": towns and markets named after a weekday (خميس مشيط)
            if kind == "weekday" and _TITLE_BEFORE.search(folded[max(0, start - 40):start]) and _QUOTE_CLOSE.match(folded, end):
                continue  # a programme's name: برنامج "لقاء الخميس"
            if groups.get("ord") and _WEEK_ORDINAL_BEFORE.search(folded[max(0, start - 30):start]):
                continue  # "الأسبوع الثالث أو الرابع من رمضان" counts weeks, not days
            tense = _speaks_of_the_future(folded, start) if kind == "weekday" and not groups.get("wrel") and prefer == "past" else None
            if tense:
                resolved = _nearest_weekday(_WEEKDAYS[groups["wd"]], reference, ahead_only=tense == "future")
            else:
                resolved = _resolve(kind, groups, reference, prefer)
            if resolved is None:
                continue
            taken.append((start, end))
            found.append(DateMention(text=text[start:end], start=start, end=end, value=resolved[0], calendar=resolved[1]))
            if kind in ("greg", "monthonly", "range") and not (groups.get("year") or (groups.get("rel") or "").strip() or groups.get("yrel")):
                guessed_year.add(start)
    found.sort(key=lambda d: d.start)
    found = _same_month_same_year(text, folded, found, guessed_year, taken)
    found = _merge_relative_day_with_weekday(text, _merge_weekday_with_date(text, found))
    return _previous_of_the_one_named(_anchor_today(_weekday_with_short_date(text, found, reference), reference))


_SAME_DAY = re.compile(r"(?:ال)?يوم\s+(?:ذاته|نفسه|التالي)|(?:ذات|نفس)\s+اليوم")


def _previous_of_the_one_named(found: list[DateMention]) -> list[DateMention]:
    """"الشهر السابق" / "العام السابق" is the one before the month or year the text last named ("مؤشر يوليو …
    بانخفاض عن الشهر السابق" is June), and before the reference only when none was named; "من الشهر نفسه" is
    in the month the text last named, "في اليوم ذاته / التالي" on (the day after) the day it last named."""
    out: list[DateMention] = []
    for d in found:
        folded = _fold(d.text)
        if d.calendar == "relative" and _SAME_DAY.fullmatch(folded):
            named = next((p for p in reversed(out) if len(p.value) == 10), None)
            if named is None:
                continue  # "the next day" with no day before it to count from is no date
            value = dt.date.fromisoformat(named.value) + dt.timedelta(days=1 if folded.endswith("التالي") else 0)
            d = DateMention(text=d.text, start=d.start, end=d.end, value=value.isoformat(), calendar=d.calendar)
        elif d.calendar == "relative" and re.search(r"(?:شهر\s+(?:نفسه|ذاته)|نفس\s+الشهر|ذات\s+الشهر)$", folded):
            named = next((p for p in reversed(out) if len(p.value) >= 7), None)
            if named is not None and _valid(int(named.value[:4]), int(named.value[5:7]), int(d.value[8:10])):
                d = DateMention(text=d.text, start=d.start, end=d.end, value=named.value[:8] + d.value[8:10], calendar=d.calendar)
        elif d.calendar == "relative" and re.search(r"(?:الشهر|العام|السنه)\s+السابق", folded):
            size = 7 if "الشهر" in folded else 4
            named = next((p for p in reversed(out) if len(p.value) >= size and p.calendar != "hijri"), None)
            if named is not None:
                y, m = int(named.value[:4]), int(named.value[5:7]) if size == 7 else 1
                value = f"{y - 1:04d}" if size == 4 else (f"{y:04d}-{m - 1:02d}" if m > 1 else f"{y - 1:04d}-12")
                d = DateMention(text=d.text, start=d.start, end=d.end, value=value, calendar=d.calendar)
        out.append(d)
    return out


# month names that are also common words: مارس (he practised), ماي, آب (father)
_AMBIGUOUS_MONTHS = {_fold(w) for w in ("مارس", "ماي", "آب")}
_BARE_MONTH = re.compile(rf"(?<![\u0621-\u064a])[لبو]?(?P<month>{_MONTH_RE})(?![\u0621-\u064a])")


def _same_month_same_year(text: str, folded: str, found: list[DateMention], guessed: set[int],
                          taken: list[tuple[int, int]]) -> list[DateMention]:
    """A month the text names twice is one month: "في تشرين الثاني (نوفمبر) القادم ... يوم 11 تشرين الثاني" gives the
    second the first's year, and a bare "سبتمبر" in a headline takes the year of the body's "سبتمبر أيلول". Only
    when the text gives that month a single year."""
    def years(mentions: list[DateMention]) -> dict[int, set[str]]:
        out: dict[int, set[str]] = {}
        for m in mentions:
            if m.calendar != "hijri" and len(m.value) >= 7:
                out.setdefault(int(m.value[5:7]), set()).add(m.value[:4])
        return out

    stated = years([m for m in found if m.start not in guessed])
    for m in found:
        if m.start in guessed and len(year := stated.get(int(m.value[5:7]), set())) == 1:
            m.value = next(iter(year)) + m.value[4:]
    named = years(found)
    extra = []
    for b in _BARE_MONTH.finditer(folded):
        start, end = b.span("month")
        month = _GREG_MONTHS[re.sub(r"\s+", " ", b["month"])]
        if b["month"] in _AMBIGUOUS_MONTHS or len(named.get(month, ())) != 1 or any(start < e and s < end for s, e in taken):
            continue
        extra.append(DateMention(text=text[start:end], start=start, end=end, value=f"{next(iter(named[month]))}-{month:02d}",
                                 calendar="gregorian"))
    return sorted(found + extra, key=lambda d: d.start) if extra else found


_SHORT_DATE = re.compile(r"\s*(?:الموافق\s*)?(?P<a>[0-3]?\d)\s?/\s?(?P<b>[0-3]?\d)(?![\d/])")


def _weekday_with_short_date(text: str, found: list[DateMention], ref: dt.date) -> list[DateMention]:
    """"الثلاثاء 10/12": a weekday with a day and month but no year, in either order and either calendar (Saudi
    pages print Hijri dates this way). The weekday settles it: the reading that falls on it, nearest the reference."""
    folded = _fold(text)
    out = []
    for d in found:
        wd = next((v for k, v in _WEEKDAYS.items() if k in _fold(d.text)), None)
        m = _SHORT_DATE.match(folded, d.end) if wd is not None and d.calendar == "relative" and not any(
            ch.isdigit() for ch in d.text) else None
        if m:
            a, b = int(m.group("a")), int(m.group("b"))
            hy = _hijri_year(ref)
            readings = []
            for day, month in {(a, b), (b, a)}:
                if not 1 <= month <= 12:
                    continue
                for y in (ref.year - 1, ref.year, ref.year + 1):
                    if _valid(y, month, day):
                        readings.append((dt.date(y, month, day), "gregorian"))
                for y in ((hy - 1, hy, hy + 1) if hy else ()):
                    gd = _hijri_to_greg(y, month, day)
                    if gd:
                        readings.append((gd, "hijri"))
            on_day = [r for r in readings if r[0].weekday() == wd and abs((r[0] - ref).days) <= 45]
            if on_day:
                date, calendar = min(on_day, key=lambda r: abs((r[0] - ref).days))
                d = DateMention(text=text[d.start:m.end()], start=d.start, end=m.end(), value=date.isoformat(), calendar=calendar)
        out.append(d)
    return out


def _relday_word(folded: str) -> str:
    return re.sub(r"^(?:[وف]|(?:صباح|مساء|ظهر|عصر|فجر|ليله|يوم)\s+)", "", folded)


def _anchor_today(found: list[DateMention], ref: dt.date) -> list[DateMention]:
    """A text that names its own today ("اليوم (الأربعاء)", or "غداً الخميس" meaning Wednesday) days before the
    reference (a story written the evening before the crawl or the print date, or crawled late) means that day by
    its other "اليوم", "أمس", "غدا" too."""
    offsets = _RELDAY_OFFSETS | {"اليوم": 0}
    shift = 0
    for d in found:
        folded = _fold(d.text)
        if len(d.value) != 10 or not any(w in folded for w in _WEEKDAYS):
            continue
        rel = max((k for k in offsets for w in (folded, _relday_word(folded)) if w.startswith((k + " ", k + "("))),
                  key=len, default=None)
        if rel is not None:
            anchor = d
            shift = (ref - dt.date.fromisoformat(d.value)).days + offsets[rel]
            break
    if not 1 <= shift <= 6:
        return found
    out = []
    for d in found:
        word = _relday_word(_fold(d.text))
        if d is not anchor and word in offsets:
            d = DateMention(text=d.text, start=d.start, end=d.end, calendar=d.calendar,
                            value=(dt.date.fromisoformat(d.value) - dt.timedelta(days=shift)).isoformat())
        out.append(d)
    return out


# a clause that speaks of what will happen: a future particle or phrase, or an imperfect verb among its first
# words ("موغيريني تزور المملكة الاثنين", "ويغادر الخميس إلى تركيا", "تجتمع اللجنة (الاثنين والثلاثاء)")
_FUTURE_MARK = re.compile(r"(?<![\u0621-\u064a])[وف]?(?:سوف|لن|من المقرر|من المنتظر|من المتوقع|المرتقب|المرتقبه|المزمع|المزمعه)(?![\u0621-\u064a])")
# ي + stem (ن is as often a past tense: نشر، نفى), or ت in the shapes no past tense has: تفتعل (تجتمع، تنتظر) and تستفعل (تستقبل); a bare تفعل is
# as often the past of تفعّل (تزوج، تقدم) and counts only in a headline
_IMPERFECT = re.compile(r"^[وف]?س?(?:[ي][\u0621-\u064a]{2,4}|ت[\u0621-\u064a]ت[\u0621-\u064a]{2}|تست[\u0621-\u064a]{2,3})$")
_HEADLINE_IMPERFECT = re.compile(r"^س?ت[\u0621-\u064a]{2,3}$")
# words of that shape that are not verbs: nouns and names with ي/ت/ن first, and the masdar pattern تفعيل
_NOT_IMPERFECT = re.compile(r"^[وف]?(?:يوم|يوما|يومي|يومين|يوليو|يونيو|يناير|يورو|يوسف|يحيي|يزيد|ياسر|يمن|يد|يده|تم|تمت|تلك|تحت|"
                            r"تجاه|تماما|تقريبا|تحديدا|نحو|نفس|نفسه|نفسها|نحن|نتيجه|نسبه|نهايه|نائب|تعليم|تعاون|توقيع|"
                            r"ت[\u0621-\u064a]{2}ي[\u0621-\u064a]|[\u0621-\u064a]+(?:ات|ون|ين|ه))$")


_TITLE_BEFORE = re.compile(r"(?:برنامج|مبادره|حمله|مسابقه|مسلسل|فعاليه|ملتقي|منتدي|شعار|هاشتاق|وسم|بعنوان|عنوان)\s*[«\"“][^«»\"“”\n]{0,25}$")
_QUOTE_CLOSE = re.compile(r"\s*[»\"”]")
_WEEK_ORDINAL_BEFORE = re.compile(r"(?:الاسبوع|الاسابيع|الاسبوعين)\s+[\u0621-\u064a]+\s+(?:او\s+|و)$")
_PLACE_BEFORE = re.compile(r"(?:^|\s)[وب]?(?:وسط|اهالي|سكان|سوق|مركز|محافظه|مدينه|بلده|قريه|حي)\s+$")


def _speaks_of_the_future(folded: str, start: int) -> str | None:
    """"future" when the clause says so (سوف، من المقرر، سيـ), "present" when it opens with an imperfect verb
    (news uses it for what is coming, but also for what goes on), else None (the past, as news mostly is)."""
    before = folded[max(0, start - 120):start]
    clause = re.split(r"[.!؟:\n]", before)[-1]
    words = clause.split()[-12:]
    if _FUTURE_MARK.search(" ".join(words)) or any(re.match(r"^[وف]?س[يت][\u0621-\u064a]{2,5}$", w) for w in words):
        return "future"
    head = clause.split()[:3]
    in_headline = "\n" not in folded[:start].lstrip()
    if any((_IMPERFECT.match(w) or (in_headline and _HEADLINE_IMPERFECT.match(w))) and not _NOT_IMPERFECT.match(w)
           for w in head):
        return "present"
    return None


def _nearest_weekday(wd: int, ref: dt.date, ahead_only: bool = False) -> tuple[str, str]:
    """The named weekday on or after the reference, or (present tense) the nearest one either way: an imperfect
    verb may describe what goes on, so a weekday three days back stays in the past."""
    back, ahead = (ref.weekday() - wd) % 7, (wd - ref.weekday()) % 7
    shift = ahead if ahead_only or ahead < back else -back
    return (ref + dt.timedelta(days=shift)).isoformat(), "relative"


_GLUE = re.compile(r"^[\s,،]*(?:في|الموافق)?[\s,،]*$")


def _merge_weekday_with_date(text: str, found: list[DateMention]) -> list[DateMention]:
    """"يوم الجمعة 15 شباط", "الأربعاء ,28 كانون الثاني": one mention, the explicit date's value."""
    out: list[DateMention] = []
    for d in found:
        if out and out[-1].calendar == "relative" and d.calendar != "relative" and len(d.value) == 10 \
                and _GLUE.match(text[out[-1].end : d.start]) and any(w in _fold(out[-1].text) for w in _WEEKDAYS):
            prev = out.pop()
            d = DateMention(text=text[prev.start : d.end], start=prev.start, end=d.end, value=d.value, calendar=d.calendar)
        out.append(d)
    return out


_REL_DAY_WORDS = ("امس", "اليوم", "غدا", "غد", "البارحه", "الليله")
_WD_GLUE = re.compile(r"^[\s(\u064b-\u0652]*$")  # spaces, a bracket, the tanween of غدٍ


def _merge_relative_day_with_weekday(text: str, found: list[DateMention]) -> list[DateMention]:
    """"غداً الاثنين", "أمس (الأحد)", "بعد غدٍ الاثنين": one mention, the named weekday nearest the relative day.

    The two disagree when a print edition is dated the day after it was written, or when the reference is the
    crawl time; the weekday the writer named is the more reliable of the two."""
    out: list[DateMention] = []
    for d in found:
        prev = out[-1] if out else None
        if prev is not None and prev.calendar == "relative" and d.calendar == "relative" and len(prev.value) == 10 \
                and _WD_GLUE.match(text[prev.end : d.start]) and any(w in _fold(prev.text) for w in _REL_DAY_WORDS) \
                and not any(w in _fold(prev.text) for w in _WEEKDAYS):
            wd = next((v for k, v in _WEEKDAYS.items() if _fold(d.text).endswith(k)), None)
            if wd is not None and not re.search(r"(?:الماضي|المقبل|القادم|المنصرم|الفائت)", _fold(d.text)):
                rel = dt.date.fromisoformat(prev.value)
                if "غد" in _fold(prev.text):  # ahead: the named weekday nearest the relative day, -3 … +3
                    shift = (wd - rel.weekday() + 3) % 7 - 3
                else:  # today/yesterday: the text was written on or before it (a crawl comes later), or is a print
                    shift = (wd - rel.weekday() + 6) % 7 - 6  # edition dated the next day: -6 … 0, or +1
                    shift = 1 if shift == -6 else shift
                end = d.end + (1 if text[d.end : d.end + 1] == ")" else 0)
                out[-1] = DateMention(text=text[prev.start : end], start=prev.start, end=end,
                                      value=(rel + dt.timedelta(days=shift)).isoformat(), calendar="relative")
                continue
        out.append(d)
    return out

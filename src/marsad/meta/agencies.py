"""Lexicon of news agencies with their Arabic spellings and abbreviations.

Maintained by hand: no library lists how Arabic outlets write agency names
("أ ف ب", "فرانس برس", "(واس)"). Each entry: canonical name, then its surface forms.
Forms are matched on whole words at matching level.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..arabic.normalize import normalize_match

AGENCIES: dict[str, list[str]] = {
    "واس": ["واس", "وكالة الأنباء السعودية", "وكالة الانباء السعودية", "SPA"],
    "تاس": ["تاس", "وكالة تاس", "TASS"],
    "سبوتنيك": ["سبوتنيك", "سبوتنك", "Sputnik"],
    "ريا نوفوستي": ["ريا نوفوستي", "نوفوستي", "RIA Novosti"],
    "إنترفاكس": ["إنترفاكس", "انترفاكس", "Interfax"],
    "رويترز": ["رويترز", "رويتر", "Reuters"],
    "فرانس برس": ["فرانس برس", "فرانس بريس", "أ ف ب", "أ.ف.ب", "ا ف ب", "AFP", "وكالة الصحافة الفرنسية"],
    "أسوشيتد برس": ["أسوشيتد برس", "أسوشييتد برس", "اسوشيتد برس", "أ ب", "AP", "أسوشيتيد برس"],
    "الأناضول": ["الأناضول", "وكالة الأناضول", "الاناضول", "Anadolu"],
    "سانا": ["سانا", "الوكالة العربية السورية للأنباء", "SANA"],
    "وام": ["وام", "وكالة أنباء الإمارات", "WAM"],
    "قنا": ["قنا", "وكالة الأنباء القطرية", "QNA"],
    "كونا": ["كونا", "وكالة الأنباء الكويتية", "KUNA"],
    "بترا": ["بترا", "وكالة الأنباء الأردنية", "Petra"],
    "شينخوا": ["شينخوا", "شينخوا الصينية", "Xinhua"],
    "بنا": ["بنا", "وكالة أنباء البحرين", "BNA"],
    "العمانية": ["العمانية", "وكالة الأنباء العمانية", "ONA"],
    "واع": ["واع", "وكالة الأنباء العراقية", "INA"],
    "وفا": ["وفا", "وكالة الأنباء الفلسطينية", "WAFA"],
    "سبأ": ["سبأ", "وكالة سبأ", "وكالة الأنباء اليمنية"],
    "أ ش أ": ["أ ش أ", "أ.ش.أ", "وكالة أنباء الشرق الأوسط", "MENA"],
    "وال": ["وال", "وكالة الأنباء الليبية", "LANA"],
    "سونا": ["سونا", "وكالة السودان للأنباء", "SUNA"],
    "وات": ["وات", "وكالة تونس أفريقيا للأنباء", "TAP"],
    "واج": ["واج", "وكالة الأنباء الجزائرية", "APS"],
    "لاماب": ["لاماب", "وكالة المغرب العربي للأنباء", "MAP"],
    "الوكالة الوطنية للإعلام": ["الوكالة الوطنية للإعلام", "الوكالة الوطنية", "NNA"],
    "إرنا": ["إرنا", "ارنا", "وكالة الأنباء الإيرانية", "IRNA"],
    "فارس": ["وكالة فارس", "فارس للأنباء"],
    "تسنيم": ["تسنيم", "وكالة تسنيم"],
    "مهر": ["وكالة مهر", "مهر للأنباء"],
    "د ب أ": ["د ب أ", "د.ب.أ", "الوكالة الألمانية", "DPA"],
    "إفي": ["إفي", "افي", "وكالة إفي", "EFE"],
    "أنسا": ["أنسا", "ANSA"],
    "كيودو": ["كيودو", "Kyodo"],
    "يونهاب": ["يونهاب", "Yonhap"],
    "بلومبرغ": ["بلومبرغ", "بلومبيرغ", "بلومبرج", "Bloomberg"],
    "يونايتد برس": ["يونايتد برس", "يو بي آي", "UPI"],
    "برنامة": ["برناما", "برنامة", "Bernama"],
    "أنتارا": ["أنتارا", "Antara"],
    "الأنباء الأفغانية": ["باجهواك", "Pajhwok"],
    "تي آر تي": ["تي آر تي", "TRT"],
    "إيتار تاس": ["إيتار تاس", "ايتار تاس", "ITAR-TASS"],
    "صينية شينخوا": ["وكالة أنباء الصين الجديدة"],
}


@lru_cache(maxsize=1)
def _pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    forms: dict[str, str] = {}
    for canonical, variants in AGENCIES.items():
        for form in variants:
            key = normalize_match(form) if not form.isascii() else form
            forms[key] = canonical
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

"""Names of news outlets: the Arabic names they print, the slugs and web hosts they are stored under.

Maintained by hand, like the agency lexicon: a page signs itself with its Arabic name ("فايز الحسيكي – عين
اليوم", "المدينة - جدة") while a corpus names the outlet by a slug or a host ("3alyoum", "al-madina.com"), and
nothing maps one to the other. Each entry: the Arabic name, then other forms (spellings, slugs, hosts).
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..arabic.normalize import normalize_match

OUTLETS: dict[str, list[str]] = {
    # Saudi outlets (the SaudiNewsNet corpus stores them under these slugs)
    "عين اليوم": ["3alyoum", "3alyoum.com"],
    "الشرق الأوسط": ["الشرق الاوسط", "aawsat", "aawsat.com", "aawsat.net"],
    "الاقتصادية": ["صحيفة الاقتصادية", "aleqtisadiya", "aleqt", "aleqt.com"],
    "الجزيرة": ["صحيفة الجزيرة", "aljazirah", "al-jazirah", "al-jazirah.com"],
    "المدينة": ["صحيفة المدينة", "almadina", "al-madina", "al-madina.com"],
    "الرياض": ["صحيفة الرياض", "alriyadh", "alriyadh.com"],
    "الوطن": ["صحيفة الوطن", "alwatan", "alwatan.com.sa"],
    "الوئام": ["صحيفة الوئام", "alweeam", "alweeam.com.sa"],
    "اليوم": ["صحيفة اليوم", "alyaum", "alyaum.com"],
    "الرياضي": ["arreyadi", "arreyadi.com.sa"],
    "الرياضية": ["صحيفة الرياضية", "arriyadiyah", "arriyadiyah.com"],
    "عكاظ": ["صحيفة عكاظ", "okaz", "okaz.com.sa"],
    "سبق": ["صحيفة سبق", "sabq", "sabq.org"],
    "واس": ["وكالة الأنباء السعودية", "was", "spa", "spa.gov.sa"],
    "الحياة": ["صحيفة الحياة", "alhayat", "alhayat.com"],
    "مكة": ["صحيفة مكة", "makkahnewspaper.com"],
    # pan-Arab and other Arab outlets
    "العربية": ["العربية نت", "alarabiya", "alarabiya.net"],
    "الجزيرة نت": ["aljazeera", "aljazeera.net"],
    "سكاي نيوز عربية": ["skynewsarabia", "skynewsarabia.com"],
    "روسيا اليوم": ["آر تي", "arabic.rt.com"],
    "بي بي سي عربي": ["bbc arabic"],
    "فرانس 24": ["france24"],
    "العربي الجديد": ["alaraby", "alaraby.co.uk"],
    "القدس العربي": ["alquds", "alquds.co.uk"],
    "إرم نيوز": ["ارم نيوز", "eremnews", "eremnews.com"],
    "عربي 21": ["arabi21", "arabi21.com"],
    "اليوم السابع": ["youm7", "youm7.com"],
    "المصري اليوم": ["almasryalyoum", "almasryalyoum.com"],
    "الأهرام": ["ahram", "ahram.org.eg"],
    "الشروق": ["shorouknews", "shorouknews.com"],
    "المغرب اليوم": ["almaghribtoday", "almaghribtoday.net"],
    "العرب اليوم": ["arabstoday", "arabstoday.net"],
    "الخليج": ["alkhaleej", "alkhaleej.ae"],
    "البيان": ["albayan", "albayan.ae"],
    "الاتحاد": ["alittihad", "alittihad.ae"],
    "الراي": ["alraimedia", "alraimedia.com"],
    "القبس": ["alqabas", "alqabas.com"],
    "الأنباء": ["alanba", "alanba.com.kw"],
    "النهار": ["annahar", "annahar.com"],
    "هسبريس": ["hespress", "hespress.com"],
    "الشرق": ["al-sharq", "al-sharq.com"],
}

_HOST_PREFIX = re.compile(r"^(?:https?://)?(?:www\.)?")


def _key(name: str) -> str:
    """Matching key: Arabic folded and spaces dropped; a host or slug lower-cased without www."""
    return normalize_match(_HOST_PREFIX.sub("", name.strip().lower())).replace(" ", "")


@lru_cache(maxsize=1)
def _names_by_key() -> dict[str, frozenset[str]]:
    table: dict[str, frozenset[str]] = {}
    for name, forms in OUTLETS.items():
        keys = frozenset(_key(f) for f in [name, *forms])
        for k in keys:
            table[k] = keys
    return table


@lru_cache(maxsize=4096)
def outlet_keys(outlet: str) -> frozenset[str]:
    """Every matching key the outlet may sign with: its own, and those of its table entry."""
    own = _key(outlet)
    return _names_by_key().get(own, frozenset()) | {own}


@lru_cache(maxsize=4096)  # pages call it for every outlet chip they show
def outlet_name(outlet: str | None) -> str | None:
    """The Arabic name of a stored outlet ("3alyoum" -> "عين اليوم"), or None when the table does not know it."""
    if not outlet:
        return None
    keys = _names_by_key().get(_key(outlet))
    if not keys:
        return None
    return next(name for name in OUTLETS if _key(name) in keys)


def is_outlet_signature(text: str, outlet: str | None) -> bool:
    """Whether `text` is the name the outlet signs with ("عين اليوم" for "3alyoum", "صحيفة الوئام" for "alweeam")."""
    return bool(outlet) and bool(text.strip()) and _key(text) in outlet_keys(outlet or "")

"""Spelling-variant keys for names written in Arabic script.

Foreign names are transliterated many ways (ترامب/ترمب، دميتري/ديمتري، غوتيريش/جوتيريش).
The key drops what transliterators disagree on -- long vowels inside the word, hamza
seats, the article, doubled letters -- and folds letters used interchangeably for
foreign sounds (غ/ج/ق for g, ك/ق, ت/ط, س/ص, ز/ذ, د/ض). Consonant skeletons of different
names stay different (كيم ≠ كريم: the r survives), and very short skeletons keep their
vowels so that two-letter names do not collide.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .normalize import normalize_match

_FOLD = str.maketrans({"غ": "ج", "ق": "ك", "ط": "ت", "ص": "س", "ذ": "ز", "ض": "د", "ظ": "ز", "ث": "س", "ء": ""})
_LONG_VOWELS = set("اويى")

# Native Arabic given names differ from each other exactly by a long vowel
# (حسن/حسين، محمد/محمود، سعد/سعيد): they key by their exact matching form.
_NATIVE = frozenset(
    normalize_match(w)
    for w in """
    محمد محمود أحمد حامد حمد حميد حمدان حسن حسين حسان سعد سعيد سعود مسعود سعدي علي عالي عالية
    عمر عمرو عامر عمار عماد كريم كرم كامل كمال جميل جمال رشيد راشد رشاد مجيد ماجد مجد وليد خالد خليل
    خليفة فراس فارس فهد فاهد فيصل فايز فواز فوزي زيد زياد زايد يزيد عبد عبيد عبيدة ناصر نصر نصار منصور نور نوري
    سليم سالم سلمان سليمان سلمى أمين أمينة مأمون أمن يوسف يونس إبراهيم إسماعيل عيسى موسى هادي هدى
    طارق طريف ياسر ياسين ياسمين بدر بندر بشار بشير بشرى مريم مروان مراد مرادي هاني هناء سمير سميرة
    سامي سامر منى مني ليلى ليلي فاطمة فاطم عائشة زينب نبيل نبيلة عادل عدلي عدنان عثمان عزيز عز
    """.split()
)


@lru_cache(maxsize=100_000)
def _skeleton(word: str) -> str:
    word = normalize_match(word)
    if word.startswith("ال") and len(word) > 4:
        word = word[2:]
    if word in _NATIVE or (word.startswith(("عبد", "ابو")) and len(word) > 4):
        return word  # native names, and compounds (عبدالله ≠ عبدالإله), key by their exact form
    word = word.translate(_FOLD)
    if word.endswith("ز") and len(word) > 3:
        # a final s or z is written either way: ديفيز / ديفيس، ويليامز / ويليامس، شولتز / شولتس
        word = word[:-1] + "س"
    if len(word) > 4 and "نه" in word[1:-1]:  # Portuguese nh before a vowel: مورينهو / مورينيو، رونالدينهو
        word = word[0] + re.sub(r"نه(?=[اوي])", "ن", word[1:])
    if len(word) <= 2:
        return word
    # keep the first letter (an initial و/ي/ا is a consonant or a vowel the reader hears),
    # drop internal long vowels, keep a final vowel as a marker of word shape
    inner = "".join(ch for ch in word[1:-1] if ch not in _LONG_VOWELS)
    last = word[-1]
    last = "ي" if last in "يى" else ("ا" if last in "اه" and len(word) > 3 else last)
    key = word[0] + inner + last
    # collapse doubled letters (from shadda written out or transliteration habits)
    out = []
    for ch in key:
        if not out or out[-1] != ch:
            out.append(ch)
    return "".join(out)


# compound given names are written as one word or two: عبد الرحمن / عبدالرحمن، أبو بكر / أبوبكر; joined, they key
# by their exact form, as native names do
_COMPOUND_HEADS = frozenset(normalize_match(w) for w in ("عبد", "أبو", "ابو"))
# a kunya is declined: «أبو بكر» after a preposition is «أبي بكر», as an object «أبا بكر»; one name in three cases.
# Written with madda, «آبي» is a foreign given name (آبي أحمد), not the kunya.
_KUNYA_CASES = frozenset(normalize_match(w) for w in ("أبي", "أبا"))
_ABU = normalize_match("أبو")


@lru_cache(maxsize=100_000)
def variant_key(name: str) -> str:
    """One key per name, shared by its spelling variants; multiword names key word by word, a compound given
    name as one word."""
    words = [w for w in normalize_match(name).split() if w]
    written = name.split()
    if len(written) == len(words):
        words = [_ABU if w in _KUNYA_CASES and i + 1 < len(words) and not written[i].startswith("آ") else w
                 for i, w in enumerate(words)]
    joined: list[str] = []
    for w in words:
        if joined and joined[-1] in _COMPOUND_HEADS:
            joined[-1] += w
        else:
            joined.append(w)
    return " ".join(_skeleton(w) for w in joined)


def oblique_kunya(name: str) -> bool:
    """The name opens with a kunya in the genitive or accusative («أبي بكر», «أبا الخيل»), not the nominative «أبو»."""
    words = name.split()
    return len(words) > 1 and not words[0].startswith("آ") and normalize_match(words[0]) in _KUNYA_CASES


def same_name(a: str, b: str) -> bool:
    return variant_key(a) == variant_key(b)

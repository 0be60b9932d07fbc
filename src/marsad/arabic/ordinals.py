"""Ordinals in headlines: which happening of a series an article reports.

"وصول أول طائرة إغاثة" and "وصول ثاني طائرة إغاثة" are two happenings a day apart worded
almost alike, as are the first and second friendlies of a pre-season tour. The headline's ordinal
tells them apart where the vocabulary cannot. Written by hand because no library reads Arabic
ordinal adjectives as such, and the same words occur where they are not ordinals: in names and
months (عبدالله الثاني، كانون الثاني، ربيع الأول، جمادى الأولى), in idioms (أول أمس، لأول مرة،
أول من), and in the teens (الحادي عشر، الثاني عشر), which are left out.
"""

from __future__ import annotations

import re

from .normalize import normalize_match

# first to tenth, masculine and feminine, with and without the article, as normalize_match spells them
_FORMS = ["اول اولي", "ثاني ثانيه", "ثالث ثالثه", "رابع رابعه", "خامس خامسه", "سادس سادسه", "سابع سابعه",
          "ثامن ثامنه", "تاسع تاسعه", "عاشر عاشره"]
_ORDINAL = {form: rank for rank, forms in enumerate(_FORMS, 1)
            for base in forms.split() for form in (base, "ال" + base)}
_NOT_AFTER = {"عبدالله", "عبد", "الله", "الحسين", "بن", "كانون", "تشرين", "ربيع", "جمادي"}  # a name or a month
_NOT_BEFORE = {"امس", "مره", "عشر", "عشره"}  # an idiom, or a teen
_NOT_BEFORE_FIRST = {"من", "ما"}  # "أول من" (the first who), "أول ما" (as soon as)
_WORD = re.compile(r"\w+")


def is_ordinal_word(word: str) -> bool:
    """Whether a word, at the matching level, is an ordinal from first to tenth («الخامسة», «ثاني»)."""
    return word in _ORDINAL


def headline_ordinals(title: str | None) -> frozenset[int]:
    """The ordinal ranks (1-10) a headline gives its happening, e.g. {2} for "وصول ثاني طائرة إغاثة"."""
    words = _WORD.findall(normalize_match(title or ""))
    ranks = set()
    for i, word in enumerate(words):
        rank = _ORDINAL.get(word)
        if rank is None:
            continue
        if i > 0 and words[i - 1] in _NOT_AFTER:
            continue
        after = words[i + 1] if i + 1 < len(words) else ""
        if after in _NOT_BEFORE or (rank == 1 and after in _NOT_BEFORE_FIRST):
            continue
        ranks.add(rank)
    return frozenset(ranks)

"""Headline clean-up: titles printed twice, outlet suffixes ("| المغرب اليوم", "- سكاي نيوز عربية")."""

from __future__ import annotations

import re

from ..arabic.normalize import normalize_match

_SITE_WORDS = re.compile(r"(?:نيوز|نت|اليوم|عربيه|عربي|الاخباري|الإخباري|اونلاين|أونلاين|بوابه|بوابة|موقع|صحيفه|صحيفة|جريده|جريدة|قناه|قناة|\.com|\.net|\.org|\.sa|news)", re.I)
_SPLIT = re.compile(r"\s+[|｜–—-]\s+|\s*\|\s*")


def clean_title(title: str | None, outlet: str | None = None) -> str | None:
    if not title:
        return None
    title = " ".join(title.split())
    # a title printed twice on one line
    words = title.split()
    half = len(words) // 2
    if len(words) % 2 == 0 and half >= 2 and words[:half] == words[half:]:
        title = " ".join(words[:half])
    parts = _SPLIT.split(title)
    while len(parts) > 1:
        tail = parts[-1].strip()
        if len(tail.split()) <= 4 and (_is_outlet(tail, outlet) or _SITE_WORDS.search(normalize_match(tail))):
            parts = parts[:-1]
            continue
        head = parts[0].strip()
        if len(head.split()) <= 3 and (_is_outlet(head, outlet) or _SITE_WORDS.search(normalize_match(head))):
            parts = parts[1:]
            continue
        break
    title = " - ".join(p.strip() for p in parts if p.strip())
    return title or None


def _is_outlet(text: str, outlet: str | None) -> bool:
    from ..meta.outlets import is_outlet_signature

    if not outlet:
        return False
    if is_outlet_signature(text, outlet):
        return True
    a = normalize_match(text).replace(" ", "").lower()
    b = normalize_match(outlet).replace(" ", "").lower()
    return bool(a) and (a == b or a in b or b in a)

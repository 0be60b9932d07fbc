"""Arabic normalisation at two explicit levels.

``display``: safe to show a reader (NFKC, Persian/Urdu letters, digits, controls,
whitespace) -- nothing a reader would call a spelling change.
``matching``: for search, hashing and comparison -- also strips diacritics and
tatweel, folds alef forms, ى→ي, ة→ه and punctuation variants.

Written by hand: generic Unicode normalisers do not know that ی/ي or ة/ه are the
same letter for matching Arabic news, and must not do it for display.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u08d3-\u08ff]")
_TATWEEL = "\u0640"
# zero-width, bidi controls and BOM: invisible, but break matching and tokenising
_CONTROLS = re.compile("[\u200b-\u200f\u202a-\u202e\u2066-\u2069\u061c\ufeff\u00ad]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")

_DISPLAY_MAP = str.maketrans(
    {
        "ی": "ي",  # Persian yeh
        "ې": "ي",
        "ك": "ك",
        "ک": "ك",  # Persian keheh
        "ڪ": "ك",
        "ۀ": "ه",
        "ہ": "ه",
        "ھ": "ه",
        "ە": "ه",
        "ٸ": "ئ",
        **{chr(0x0660 + i): str(i) for i in range(10)},  # Arabic-Indic digits
        **{chr(0x06F0 + i): str(i) for i in range(10)},  # Persian digits
    }
)

_MATCH_MAP = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ٲ": "ا",
        "ٳ": "ا",
        "ى": "ي",
        "ة": "ه",
        "ؤ": "و",
        "ئ": "ي",
        "،": ",",
        "؛": ";",
        "؟": "?",
        "«": '"',
        "»": '"',
        "“": '"',
        "”": '"',
        "„": '"',
        "‘": "'",
        "’": "'",
        "٪": "%",
        "٫": ".",
        "٬": ",",
    }
)


def normalize_display(text: str) -> str:
    """NFKC, Persian/Urdu letters and digits to Arabic/ASCII, controls removed, spaces folded.

    Keeps line breaks (extraction works line by line).
    """
    text = unicodedata.normalize("NFKC", text)
    text = text.translate(_DISPLAY_MAP)
    text = _CONTROLS.sub("", text)
    text = _SPACES.sub(" ", text)
    return text


def strip_diacritics(text: str) -> str:
    return _DIACRITICS.sub("", text).replace(_TATWEEL, "")


def normalize_match(text: str) -> str:
    """Matching level: display level plus diacritics, tatweel, alef/yeh/teh-marbuta and punctuation folding."""
    # most calls are for a word or a name, and news repeats them: three million calls in the corpus stage
    return _normalize_short(text) if len(text) <= _SHORT else _normalize_match(text)


_SHORT = 40


def _normalize_match(text: str) -> str:
    text = normalize_display(text)
    text = strip_diacritics(text)
    text = text.translate(_MATCH_MAP)
    return _SPACES.sub(" ", text)  # removed tatweels can leave doubled spaces


def fold_whitespace(text: str) -> str:
    return " ".join(text.split())


@lru_cache(maxsize=300_000)
def normalize_token(token: str) -> str:
    """Matching level for a single token; cached because news vocabulary repeats heavily."""
    return normalize_match(token)


_normalize_short = lru_cache(maxsize=300_000)(_normalize_match)

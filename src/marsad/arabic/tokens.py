"""Tokenisation, clitic splitting and a name-safe light stemmer for news Arabic.

Why by hand: the Snowball Arabic stemmer strips letters off proper names
(بوتين→وتين, فلاديمير→لاديمير), which ruins entity overlap and clustering. Here a
word is only stripped of a proclitic when what remains is a plausible word, and
never when it is a known name; suffix stripping is limited to frequent inflections.
Whether a lone ب/ف/ل/ك is a preposition (لتبادل) or a first letter (لبنان), and a
final alef the accusative ending (أسيراً) or part of the word (روسيا), no rule can
tell; word counts from news text can (data/wordfreq.tsv.gz, bench/build_wordfreq.py).
"""

from __future__ import annotations

import gzip
import re
from functools import lru_cache
from importlib import resources

from .normalize import normalize_match
from .stopwords import STOPWORDS

_TOKEN = re.compile(r"[\u0621-\u064a\u0671-\u06d3]+|[A-Za-z]+|\d+(?:[.,]\d+)?")

# Conjunctions/prepositions that attach to the next word (matching level, so أ→ا already).
_PROCLITICS = ("وبال", "وكال", "فبال", "وال", "فال", "بال", "كال", "لل", "ال", "و", "ف", "ب", "ل", "ك")
_SUFFIXES = ("هما", "كما", "تها", "تهم", "ها", "هم", "هن", "كم", "نا", "ات", "ون", "ين", "ان", "ه", "ي", "ة")


# A lone proclitic or a final accusative alef comes off when the rest is a word at least this many times as
# frequent as the whole form (counting the rest with the article too), and seen at least ATTESTED_MIN times.
ATTESTED_RATIO = 2
ATTESTED_MIN = 20


@lru_cache(maxsize=1)
def word_counts() -> dict[str, int]:
    """Matching-level word form -> count in 31k news articles (forms seen 3+ times)."""
    raw = resources.files("marsad.arabic").joinpath("data/wordfreq.tsv.gz").read_bytes()
    counts = {}
    for line in gzip.decompress(raw).decode("utf-8").splitlines():
        word, _, n = line.partition("\t")
        counts[word] = int(n)
    return counts


def more_common(rest: str, whole: str) -> bool:
    """Is ``rest`` (matching level) a word far more frequent in news than ``whole``?"""
    counts = word_counts()
    seen = counts.get(rest, 0) + counts.get("ال" + rest, 0)
    return seen >= ATTESTED_MIN and seen >= ATTESTED_RATIO * counts.get(whole, 0)


def _load_names() -> frozenset[str]:
    from .lexicon import NAME_WORDS

    return frozenset(normalize_match(w) for w in NAME_WORDS)


_NAMES: frozenset[str] | None = None


def names() -> frozenset[str]:
    global _NAMES
    if _NAMES is None:
        _NAMES = _load_names()
    return _NAMES


def tokenize(text: str) -> list[str]:
    """Matching-level word tokens (Arabic letters, Latin words, numbers).

    Normalised word by word through a cache: news repeats its words, and normalising whole texts (NFKC, maps,
    diacritics) was a tenth of the corpus stage. No token spans whitespace and normalising removes no whitespace,
    so the tokens are those of the normalised whole text (tests/test_arabic.py checks it on awkward input)."""
    out: list[str] = []
    for word in text.split():
        out.extend(_word_tokens(word))
    return out


@lru_cache(maxsize=200_000)
def _word_tokens(word: str) -> tuple[str, ...]:
    return tuple(_TOKEN.findall(normalize_match(word)))


def tokenize_spans(text: str) -> list[tuple[str, int, int]]:
    """Tokens of the text as written, with offsets into ``text`` (for NER and quotes)."""
    return [(m.group(), m.start(), m.end()) for m in re.finditer(r"[\u0621-\u0652\u0670-\u06d3\u0640]+|[A-Za-z]+|[0-9\u0660-\u0669]+", text)]


@lru_cache(maxsize=200_000)
def split_clitics(token: str) -> str:
    """Strip one proclitic group when the rest is long enough and not a known name.

    ``token`` is already at matching level.
    """
    if token in names() or len(token) <= 3:
        return token
    for pre in _PROCLITICS:
        if not token.startswith(pre):
            continue
        rest = token[len(pre) :]
        if len(rest) < 3:
            continue
        if len(pre) > 1 or rest in names():
            return rest
        # A lone و is a conjunction far more often than a first letter once 4+ letters remain;
        # a lone ب/ف/ل/ك is too often the first letter of a foreign name (بوتين، فلاديمير، لافروف).
        if pre == "و" and len(rest) >= 4:
            return rest
        break
    return token


@lru_cache(maxsize=200_000)
def stem(token: str) -> str:
    """Light stem: clitics off, then one frequent suffix, names untouched."""
    base = split_clitics(token)
    if base in names() or not base or not ("\u0621" <= base[0] <= "\u064a"):
        return base
    if len(base) >= 4 and base[0] in "بفلك" and more_common(base[1:], base):
        base = base[1:]
    if len(base) >= 4 and base.endswith("ا") and more_common(base[:-1], base):
        base = base[:-1]
    for suf in _SUFFIXES:
        if base.endswith(suf) and len(base) - len(suf) >= 3:
            return base[: -len(suf)]
    return base


def content_terms(text: str) -> list[str]:
    """Stemmed tokens without stopwords: the vocabulary used for similarity."""
    out = []
    for tok in tokenize(text):
        if tok in STOPWORDS:
            continue
        s = stem(tok)
        if s in STOPWORDS or len(s) < 2:
            continue
        out.append(s)
    return out

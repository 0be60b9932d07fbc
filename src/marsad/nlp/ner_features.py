"""Token features for the CRF tagger, shared by training (bench/train_ner.py) and tagging.

Arabic-specific: the matching-level form, the form with its proclitics split off, affixes
(Arabic marks gender, number and the article with them), neighbouring words, trigger
words before names (الرئيس، وزير، وكالة، مدينة، شركة), gazetteer membership, the word's
distributional clusters learned on unlabelled news (data/clusters.tsv.gz), and the entity type
a first tagger gave the word across 31k unlabelled news articles (data/ner_lexicon.tsv.gz).

Why the last one: most names in a held-back stretch of ANERcorp were never seen in its training
part, yet many of them recur in unlabelled news where some of their mentions stand in contexts the
tagger knows ("قال X", "الرئيس X"). Tagging that news once with a tagger trained without this
feature, and counting per word how often each type came out, carries what those contexts teach to
every mention of the word (self-training through a lexicon; bench/train_ner.py builds both).

A second tagger reads the first one's output over the rest of the document (``context_features``): a
name is often tagged well where a title or a speech verb stands next to it and missed further down,
where it stands alone ("قال الرئيس الإيراني حسن روحاني …" then "روحاني"). A CRF sees one sequence
position at a time; telling it how the same word was tagged nearby carries the good mention to the
others (two-stage stacking, after Krishnan and Manning 2006).
"""

from __future__ import annotations

import gzip
from collections import Counter, defaultdict
from functools import lru_cache
from pathlib import Path

from ..arabic.normalize import normalize_token
from ..arabic.tokens import split_clitics
from .gazetteers import entries, first_names, gazetteer_spans

_TRIGGERS = {normalize_token(w): tag for tag, words in {
    "PER": "الرئيس رئيس وزير الوزير وزيرة الملك الأمير الشيخ الدكتور السيد السيدة المتحدث الناطق السفير النائب المستشار الجنرال اللواء العميد المدرب اللاعب الزعيم قائد الأمين الإمام البابا المبعوث",
    "ORG": "وزارة هيئة جامعة شركة مجلس وكالة منظمة مؤسسة بنك حزب حركة جمعية اتحاد نادي محكمة صندوق مركز قوات جيش جبهة تنظيم "
           "الوزارة الهيئة الجامعة الشركة المجلس الوكالة المنظمة المؤسسة البنك الحزب الحركة الجمعية الاتحاد النادي المحكمة "
           "اللجنة لجنة صحيفة الصحيفة مجموعة المجموعة برنامج مكتب المكتب إدارة الادارة كتائب جماعة الجماعة",
    "LOC": "مدينة محافظة منطقة ولاية بلدة قرية جزيرة إقليم عاصمة دولة نهر بحر جبل مطار ميناء",
}.items() for w in words.split()}


@lru_cache(maxsize=1)
def _gazetteer_words() -> dict[str, str]:
    """Word -> the entity type of a gazetteer entry it is part of (first seen wins)."""
    out: dict[str, str] = {}
    for phrase, entry in entries().items():
        for w in phrase.split():
            out.setdefault(w, entry.type)
    return out


@lru_cache(maxsize=1)
def _clusters() -> dict[str, tuple[str, ...]]:
    """Clitic-split word -> its distributional clusters, coarse to fine, learned on unlabelled news by
    bench/train_clusters.py: a name the tagger never saw still falls in the cluster of names it saw."""
    path = Path(__file__).parent / "data" / "clusters.tsv.gz"
    if not path.exists():
        return {}
    out = {}
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            word, *ids = line.rstrip("\n").split("\t")
            out[word] = tuple(ids)
    return out


@lru_cache(maxsize=1)
def _cluster_levels() -> int:
    return max((len(v) for v in _clusters().values()), default=0)


_LEXICON_FILE = Path(__file__).parent / "data" / "ner_lexicon.tsv.gz"
_lexicon_override: dict[str, str] | None = None


def lexicon_bin(counts: dict[str, int]) -> str:
    """The lexicon features of a word from its tag counts on unlabelled news: each entity type it got in at least
    5% of its occurrences, with how often ("PER=hi ORG=lo"), or "O" for a word (almost) never tagged as an entity."""
    total = sum(counts.values())
    bins = [f"{kind}={'lo' if n / total < 0.2 else 'mid' if n / total < 0.6 else 'hi'}"
            for kind, n in sorted(counts.items()) if kind != "O" and n / total >= 0.05]
    return " ".join(bins) or "O"


def set_lexicon(lexicon: dict[str, str] | None) -> None:
    """Used by bench/train_ner.py: ``{}`` tags without the lexicon (the first tagger), a dict trains the second one
    with it, ``None`` restores the shipped file."""
    global _lexicon_override
    _lexicon_override = lexicon
    _lexicon.cache_clear()
    _word_feats.cache_clear()
    _neighbour_feats.cache_clear()
    _own_feats.cache_clear()


def read_lexicon(path: Path) -> dict[str, str]:
    """A lexicon file as written by bench/train_ner.py: word<TAB>features per line, gzipped."""
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return dict(line.rstrip("\n").split("\t") for line in f)


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, str]:
    """Clitic-split word -> its lexicon features (see ``lexicon_bin``)."""
    if _lexicon_override is not None:
        return _lexicon_override
    return read_lexicon(_LEXICON_FILE) if _LEXICON_FILE.exists() else {}


def never_an_entity(norm: str) -> bool:
    """The first tagger, over 31k news articles, tagged this word (matching level, clitics split) as part of an
    entity in under 5 % of its 3+ occurrences: a common word ("إجراء", "دعم", "رئيس"), not a name."""
    return _lexicon().get(split_clitics(norm)) == "O"


@lru_cache(maxsize=200_000)
def _word_feats(w: str) -> tuple[str, ...]:
    """Features of one word, without position prefix (cached: news repeats its words)."""
    core = split_clitics(w)
    gaz = _gazetteer_words().get(w) or _gazetteer_words().get(core)
    cl = _clusters().get(core)
    feats = [f"w={w}", f"core={core}"]
    feats += [f"c{k + 1}={cl[k]}" for k in range(len(cl))] if cl else [f"c{k + 1}=none" for k in range(_cluster_levels())]
    if gaz:
        feats.append(f"gaz={gaz}")
    if w in first_names() or core in first_names():
        feats.append("fname")
    trig = _TRIGGERS.get(w) or _TRIGGERS.get(core)
    if trig:
        feats.append(f"trig={trig}")
    lexicon = _lexicon()
    if lexicon:
        feats.extend(f"lex:{x}" for x in lexicon.get(core, "none").split())
    return tuple(feats)


def _gazetteer_tags(norm: list[str]) -> list[str]:
    """BIO tags of the longest gazetteer phrases in the sentence; word membership alone cannot tell
    "مجلس" in "مجلس الأمن" from "مجلس" in "مجلس إدارة الشركة"."""
    tags = ["O"] * len(norm)
    for i, n, entry in gazetteer_spans(norm):
        tags[i:i + n] = ["B-" + entry.type] + ["I-" + entry.type] * (n - 1)
    return tags


@lru_cache(maxsize=200_000)
def _neighbour_feats(offset: int, w: str) -> tuple[str, ...]:
    """A word's features as seen from ``offset`` tokens away (cached: formatting them was half the feature time)."""
    return tuple(f"{offset}:{x}" for x in _word_feats(w))


@lru_cache(maxsize=200_000)
def _own_feats(w: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A word's own features around the gazetteer ones (which depend on the sentence): what comes before them and
    what comes after. Cached, as the neighbours' are; the order is the one the models were trained with."""
    core = split_clitics(w)
    before = ("bias", *_word_feats(w), f"p2={w[:2]}", f"p3={w[:3]}", f"s2={w[-2:]}", f"s3={w[-3:]}",
              f"cs3={core[-3:]}", f"len={min(len(w), 8)}")
    after = []
    if w.isdigit():
        after.append("digit")
    if w.startswith("ال"):
        after.append("al")
    if not any("\u0621" <= ch <= "\u064a" for ch in w):
        after.append("nonarabic")
    return before, tuple(after)


def sentence_features(tokens: list[str]) -> list[list[str]]:
    norm = [normalize_token(t) for t in tokens]
    gaz = _gazetteer_tags(norm)
    n = len(norm)
    out = []
    for i, w in enumerate(norm):
        before, after = _own_feats(w)
        f = [*before, f"gzp={gaz[i]}", f"gzp-1={gaz[i - 1] if i else 'edge'}",
             f"gzp+1={gaz[i + 1] if i + 1 < n else 'edge'}", *after]
        for off in (-2, -1, 1, 2):
            j = i + off
            if 0 <= j < n:
                f += _neighbour_feats(off, norm[j])
            else:
                f.append(f"{off}:edge")
        if i > 0:
            f.append(f"bigram={norm[i - 1]}|{w}")
        out.append(f)
    return out


def token_features(tokens: list[str]) -> list[list[str]]:
    """Each token's own features, without its neighbours' (``sentence_features`` less the offset and bigram ones):
    what the neural tagger (marsad.nlp.tagger) reads per token, its LSTM seeing the neighbours itself. They are the
    word's alone (``word_features``) and the gazetteer's for its place in the sentence (``gazetteer_features``)."""
    norm = [normalize_token(t) for t in tokens]
    return [[*word_features(w), *g] for w, g in zip(norm, gazetteer_features(norm), strict=True)]


def word_features(norm: str) -> tuple[str, ...]:
    """The features of a normalised word that do not depend on its sentence."""
    before, after = _own_feats(norm)
    return before + after


def gazetteer_features(norm: list[str]) -> list[tuple[str, str, str]]:
    """Per normalised word of a sentence: its gazetteer tag and its neighbours'."""
    gaz = _gazetteer_tags(norm)
    n = len(norm)
    return [(f"gzp={gaz[i]}", f"gzp-1={gaz[i - 1] if i else 'edge'}", f"gzp+1={gaz[i + 1] if i + 1 < n else 'edge'}")
            for i in range(n)]


CONTEXT_WINDOW = 130  # tokens on each side: about four ANERcorp sentences (4 was chosen on the dev sixth; 2-30 all helped)


def word_cores(tokens: list[str]) -> list[str]:
    """The clitic-split matching form of each token: the key under which a word's mentions meet."""
    return [split_clitics(normalize_token(t)) for t in tokens]


def context_features(cores: list[str], first_tags: list[str], window: int = CONTEXT_WINDOW) -> list[list[str]]:
    """For each token, how the first tagger tagged the same word elsewhere within ``window`` tokens: the entity type
    it got most (``ctx=PER+`` when in at least half of those mentions, ``ctx=PER-`` otherwise), ``ctx=O`` (never an
    entity), or ``ctx=none`` (not repeated); the same for the neighbouring tokens. A sliding count per word keeps
    this linear in the text's length."""
    kinds = [t[2:] if t != "O" else "O" for t in first_tags]
    by_word: dict[str, list[int]] = defaultdict(list)
    for i, c in enumerate(cores):
        by_word[c].append(i)
    own = ["ctx=none"] * len(cores)
    for word, positions in by_word.items():
        if len(positions) < 2 or len(word) < 2:
            continue
        counts: Counter[str] = Counter()
        lo = hi = 0  # positions[lo:hi] are those within the window of the current one
        for i in positions:
            while hi < len(positions) and positions[hi] <= i + window:
                counts[kinds[positions[hi]]] += 1
                hi += 1
            while positions[lo] < i - window:
                counts[kinds[positions[lo]]] -= 1
                lo += 1
            counts[kinds[i]] -= 1  # the mention itself does not count
            others = sum(counts.values())
            entity = [(n, k) for k, n in counts.items() if k != "O" and n > 0]
            if others > 0:
                if entity:
                    n, k = max(entity)
                    own[i] = f"ctx={k}{'+' if n * 2 >= others else '-'}"
                else:
                    own[i] = "ctx=O"
            counts[kinds[i]] += 1
    return [[own[i], f"-1:{own[i - 1]}" if i else "-1:edge", f"+1:{own[i + 1]}" if i + 1 < len(own) else "+1:edge"]
            for i in range(len(own))]

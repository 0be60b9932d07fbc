"""Multi-document extractive summary of an event, every sentence credited to its articles.

Centroid scoring across outlets, near-identical sentences (from copies) merged and
credited to all their articles, MMR to avoid repeating a fact, then chronological
order. Sentence splitting is hand-written because flattened Arabic text often drops
the space after a period ("الكردية.وقال") and quotes hold their own stops.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field

from ..arabic.tokens import content_terms

_SPLIT = re.compile(r"(?<=[.!؟?])(?<!\d\.)(?:\s+|(?=[\u0621-\u064a«\"]))|\n+")
SAME_SENTENCE = 0.7  # token-set Jaccard above which two sentences say the same thing
RESTATED, RESTATED_MIN_TERMS = 0.7, 5  # share of the shorter sentence's terms in the longer: it says nothing new
W_CENTRAL, W_SUPPORT, W_EARLY = 0.4, 0.5, 0.1  # sentence score: centrality, share of outlets stating it, lead position


QUOTE_HOLD = 300  # characters a "…" or “…” quotation holds a sentence open; a longer one is cut at its stops (pages
# print a straight mark, or “ at both ends, so one stray mark would otherwise join the rest of a paragraph into one sentence)


def split_sentences(text: str) -> list[str]:
    """Sentences of a body; keeps quotations whole («…», “…”, "…": معرض "الفهد .. روح القيادة" is one name, not
    two sentences), splits "X.وقال" at the period."""
    out: list[str] = []
    for para in text.split("\n"):
        buf = ""
        depth = curly = 0  # open «…» and “…” quotations
        straight = False  # inside a "…" quotation
        start = 0
        for m in _SPLIT.finditer(para):
            segment = para[start : m.start()]
            depth += segment.count("«") - segment.count("»")
            curly += segment.count("“") - segment.count("”")
            straight = _straight_open_after(segment, straight)
            buf += segment
            start = m.end()
            if straight and (closing := re.match(r'"(?=\s|$)', para[start:])):
                # 'رد الفعل. " وأضاف': the quotation closes right after its stop; the mark ends this sentence
                buf, start, straight = buf + '"', start + closing.end(), False
            if depth > 0 or ((straight or curly > 0) and len(buf) < QUOTE_HOLD):
                buf += para[m.start() : m.end()]
                continue
            if buf.strip():
                out.append(buf.strip())
            buf = ""
        buf += para[start:]
        if buf.strip():
            out.append(buf.strip())
    # a closing mark the split left at the head of the next sentence ('" وأضاف …') ends the sentence before it
    for i in range(len(out) - 1, 0, -1):
        if (closing := _CLOSING_HEAD.match(out[i])) and out[i - 1]:
            out[i - 1] += closing.group(0).strip()
            out[i] = out[i][closing.end():]
    # a list item's own marker ("• استعراض الطلب …", "- الموافقة على …", "ــ بيان أسباب …") or a stray slash left by
    # the page ("/حوالي ثلاثة وأربعين …") is no part of the sentence a report lists
    out = [_LIST_MARKER.sub("", s) for s in out]
    return [s for s in out if len(s.split()) >= 4]


_CLOSING_HEAD = re.compile(r'^["»”]\s+')


def _straight_open_after(segment: str, open_: bool) -> bool:
    """Whether a "…" quotation is open after ``segment``. A straight mark is the same at both ends, so its side
    is read off its neighbours: followed by a word it opens, else it closes. Counting marks instead, one mark a
    page dropped turned every quotation after it inside out."""
    for m in re.finditer('"', segment):
        nxt = segment[m.end():m.end() + 1]
        open_ = bool(nxt) and (nxt.isalnum() or nxt in "«“(")
    return open_


_LIST_MARKER = re.compile(r"^(?:[•·▪●◦*\-–—/|ـ]\s*)+")  # ـ: pages draw a dash with tatweels ("ــ نموذج تبليغ …")


@dataclass
class SentenceGroup:
    text: str
    terms: Counter[str]
    article_ids: list[str] = field(default_factory=list)
    outlets: set[str] = field(default_factory=set)
    first_date: str = ""
    position: int = 0


def introduces_a_list(text: str) -> bool:
    """A sentence that ends on a colon leads into items a report does not show ("… الأساليب الوقائية، منها:")."""
    return text.rstrip().endswith(":")


def _jaccard(a: Counter[str], b: Counter[str]) -> float:
    sa, sb = set(a), set(b)
    return len(sa & sb) / len(sa | sb) if sa and sb else 0.0


def restates(a: Counter[str], b: Counter[str]) -> bool:
    """One sentence says nearly all the other says: outlets reword a statement («أنقذت فرقة البحث والإنقاذ …
    شخصين من الغرق» / «تمكنت فرقة البحث والإنقاذ … من إنقاذ شخصين كانا يصارعان الغرق»), so their word sets
    differ too much for Jaccard while the shorter one's words nearly all recur in the longer."""
    sa, sb = set(a), set(b)
    small = min(len(sa), len(sb))
    return small >= RESTATED_MIN_TERMS and len(sa & sb) / small >= RESTATED


def _cos(a: Counter[str], b: Counter[str] | dict[str, float], nb: float | None = None) -> float:
    na = math.sqrt(sum(v * v for v in a.values())) or 1.0
    if nb is None:
        nb = math.sqrt(sum(v * v for v in b.values())) or 1.0
    return sum(v * b.get(t, 0.0) for t, v in a.items()) / (na * nb)


def sentence_groups(articles: list[dict[str, object]]) -> list[SentenceGroup]:
    """Group the sentences of all articles: near-identical ones become one group with all their sources."""
    groups: list[SentenceGroup] = []
    index: dict[str, list[int]] = {}
    for art in articles:
        for pos, sent in enumerate(split_sentences(str(art["body"]))):
            terms = Counter(content_terms(sent))
            if len(terms) < 3:
                continue
            match = None
            shared: Counter[int] = Counter()
            for t in terms:
                shared.update(index.get(t, ()))
            # Jaccard >= 0.7 needs many shared terms: only the groups sharing most are compared
            candidates = [gi for gi, n in shared.most_common(20) if n >= min(3, len(terms))]
            for gi in candidates:
                if _jaccard(terms, groups[gi].terms) >= SAME_SENTENCE:
                    match = gi
                    break
            if match is None:
                groups.append(SentenceGroup(text=sent, terms=terms, first_date=str(art.get("published") or ""), position=pos))
                match = len(groups) - 1
                for t in terms:
                    index.setdefault(t, []).append(match)
            g = groups[match]
            if art["id"] not in g.article_ids:
                g.article_ids.append(str(art["id"]))
            if art.get("outlet"):
                g.outlets.add(str(art["outlet"]))
    return groups


def summarize(articles: list[dict[str, object]], budget: int = 5, lam: float = 0.7,
              groups: list[SentenceGroup] | None = None) -> list[dict[str, object]]:
    if groups is None:
        groups = sentence_groups(articles)
    if not groups:
        return []
    centroid: Counter[str] = Counter()
    for g in groups:
        centroid.update({t: len(g.outlets) or 1 for t in g.terms})
    n_outlets = max(len({o for g in groups for o in g.outlets}), 1)
    c_norm = math.sqrt(sum(v * v for v in centroid.values())) or 1.0
    scored = []
    for g in groups:
        if introduces_a_list(g.text):
            continue
        support = len(g.outlets) / n_outlets
        early = 1.0 / (1 + g.position)  # news puts the main fact first
        scored.append((W_CENTRAL * _cos(g.terms, centroid, c_norm) + W_SUPPORT * support + W_EARLY * early, g))
    chosen: list[SentenceGroup] = []
    # MMR over the strongest candidates only: the rest never wins a place in a short summary
    pool = sorted(scored, key=lambda x: -x[0])[: budget * 10]
    while pool and len(chosen) < budget:
        best_i, best_v = 0, -1e9
        for i, (s, g) in enumerate(pool):
            redundancy = max((_jaccard(g.terms, c.terms) for c in chosen), default=0.0)
            v = lam * s - (1 - lam) * redundancy
            if v > best_v:
                best_i, best_v = i, v
        _s, g = pool.pop(best_i)
        if any(_jaccard(g.terms, c.terms) >= 0.5 or restates(g.terms, c.terms) for c in chosen):
            continue
        chosen.append(g)
    chosen.sort(key=lambda g: (g.first_date, g.position))
    return [{"text": g.text, "article_ids": g.article_ids} for g in chosen]

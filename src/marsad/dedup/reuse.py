"""Duplicates, passage-level text reuse and its direction (who copied whom).

Near-duplicates come from MinHash LSH buckets; reuse below that level from an index
of sampled word 5-grams (in the spirit of passim): two articles sharing several rare
5-grams within a date window are aligned, and the shared passages give each side's
coverage. Both indexes only ever look up buckets, never all pairs.

Each pair gets a kind: ``copy`` when the copier's text lies mostly inside passages of its source
(near-verbatim, whatever the credit line says: reproductions of one wire text form one copy group),
unless both are one outlet's and either keeps less than ``SELF_COPY_COVERAGE`` of the other: an outlet's
follow-up that carries its own earlier paragraphs (yesterday's case, the statement an order answers) is a
``rewrite`` of itself, not a copy, and is never a copy source (see docs/benchmarks.md, issue 6, session 20);
below that, ``shared_source`` when two outlets credit the same wire agency and neither is that
agency's own text (two outlets each reworking the wire, not one rewriting the other), else ``rewrite``.
Whatever the share, two articles published ``TEMPLATE_DAYS`` or more days apart are ``template``: text
that recurs with new facts (the fifth relief flight's release is the fourth's with two numbers changed;
weather bulletins, market closes, congratulation cables). Labelled copies lie within three days of their
origin and are still joined when linked through closer copies; of 40 sampled pairs four to seven days apart
sharing half their text, all but three were recurring texts of another happening. A template says
where the wording came from, but it is neither a copy group nor a reason to put two articles in one event.
A text with no new facts (each side keeps ``SAME_TEXT_COVERAGE`` of the other, and no figure, ordinal or
name differs: ``same_text``) is the same text reprinted late (a paper printing the agency's story days later, a site re-posting its archive): its kind is decided as
for any other pair, so a duplicate is never called a template of its canonical.

An edge also tells whether its two texts name different places or people (``names_differ``: each names a
gazetteer place or person the other does not, the dateline aside). Such a pair is most often a formula filled in
for another happening on the same days (a congratulation cable to Tunisia and one to Egypt, an execution in
Jazan and one in al-Ahsa), sometimes one happening told with other names (Aden for Yemen). It keeps its kind,
so copy groups still show where the wording came from, but it does not pull an article into its partner's event
by itself; the similarity of the two texts decides (docs/benchmarks.md, issue 7, session 23).

A copy has one source. An article often shares half its text with several earlier ones, among them a
composite that carries the same statement inside other news (a roundup, or a follow-up decision quoting
the announcement it follows); joining copy groups through every such edge chains happenings together
(a roundup of condemnations linked each statement it reprints, and their copies, into one group).
So a copy group is the tree of each copy's single source, the partner it is closest to both ways
(``copy_source``), not the connected component of all copy edges (see docs/benchmarks.md, issue 6).
"""

from __future__ import annotations

import datetime as dt
import re
import zlib
from collections import defaultdict
from dataclasses import dataclass, field

import numpy as np

from ..arabic.normalize import normalize_match
from ..arabic.ordinals import is_ordinal_word
from ..arabic.tokens import tokenize
from ..meta.agencies import agency_of, agency_site
from ..nlp.gazetteers import gazetteer_names
from .minhash import BANDS, MinHasher, band_keys, exact_key, is_empty, jaccard_estimate, long_enough_to_match, match_tokens

NEAR_DUP = 0.8
GRAM = 5
SAMPLE_MOD = 4  # keep 1 in 4 5-grams (by hash) in the candidate index
MIN_SHARED_SAMPLES = 3
MAX_GRAM_DF = 40  # a 5-gram in more articles than this is boilerplate, not evidence
MIN_PASSAGE = 8  # tokens: a passage kept for readers is longer than one formulaic 5-gram ("في إطار الجهود المبذولة من")
MAX_GAP = 8  # tokens: two seeds this close in both texts are one passage with a small edit between them
SPAN_CACHE = 4096  # articles whose token offsets are kept (edges mostly join recent articles)
COPY_COVERAGE = 0.5  # share of the copier's text inside passages of its source (fitted on the tuning half of the labelled copy groups)
REWRITE_COVERAGE = 0.2
SELF_COPY_COVERAGE = 0.6  # both ways: an outlet's own earlier text below this in either is its follow-up, not a copy
WINDOW_DAYS = 7
TEMPLATE_DAYS = 3  # days apart from which shared text is a recurring template, not one story (see the docstring)
SAME_TEXT_COVERAGE = 0.9  # both ways: one text reprinted days later is a late copy, not a template
DATELINE_WORDS = 8  # words whose names are left out of names_differ: "الرياض - واس" names the outlet's city


@dataclass
class Doc:
    """What the reuse stage needs of an article."""

    id: str
    seq: int
    outlet: str | None
    published: str | None
    body: str
    credited_source: str | None = None
    agencies: list[str] = field(default_factory=list)
    duplicate_of: str | None = None
    tokens: list[str] | None = None  # matching-level, clitic-split; computed once
    _key: str | None = None
    _names: frozenset[str] | None = None

    def toks(self) -> list[str]:
        if self.tokens is None:
            self.tokens = match_tokens(self.body)
        return self.tokens

    def names(self) -> frozenset[str]:
        """Gazetteer places and people the body names after its dateline (computed once, for edges only)."""
        if self._names is None:
            self._names = gazetteer_names(self.body, skip_words=DATELINE_WORDS)
        return self._names

    def key(self) -> str:
        """Exact-duplicate key (kept after the token list is freed)."""
        if self._key is None:
            self._key = exact_key(self.toks())
        return self._key


def same_text(a: Doc, b: Doc, coverage_both_ways: float) -> bool:
    """The two texts tell the same facts: each keeps nearly all of the other, and no word one has and the other
    lacks is a figure or an ordinal («الرابعة» → «الخامسة», «10» → «12»: the next flight's release), nor do they
    name different places or people. Rewording (اوضح/بين, غدا/اليوم) is no new fact."""
    if coverage_both_ways < SAME_TEXT_COVERAGE:
        return False
    differing = set(a.toks()) ^ set(b.toks())
    if any(any(ch.isdigit() for ch in word) or is_ordinal_word(word) for word in differing):
        return False
    return not names_differ(a, b)


def names_differ(a: Doc, b: Doc) -> bool:
    """Each text names a listed place or person the other does not (see the module docstring)."""
    mine, theirs = a.names(), b.names()
    return bool(mine - theirs) and bool(theirs - mine)


def is_wire(outlet: str | None) -> str | None:
    """The agency an outlet is (the wire's own text), if it is one."""
    if not outlet:
        return None
    return agency_of(outlet) or agency_site(outlet)


def origin_order(a: Doc, b: Doc) -> tuple[Doc, Doc]:
    """(origin, copy): the wire's own text, else the one the other credits, else the earliest."""
    wa, wb = is_wire(a.outlet), is_wire(b.outlet)
    if wa and not wb:
        return a, b
    if wb and not wa:
        return b, a
    if _credits(b, a) and not _credits(a, b):
        return a, b
    if _credits(a, b) and not _credits(b, a):
        return b, a
    ka, kb = (a.published or "9999", a.seq), (b.published or "9999", b.seq)
    return (a, b) if ka <= kb else (b, a)


def _credits(copier: Doc, origin: Doc) -> bool:
    if not origin.outlet:
        return False
    name = normalize_match(origin.outlet)
    credit = normalize_match(copier.credited_source or "")
    if name and name in credit:
        return True
    wire = is_wire(origin.outlet)
    return bool(wire) and wire in credited_wires(copier)


def credited_wires(doc: Doc) -> set[str]:
    """The wire agencies an article names in its text or its credit line."""
    wires = set(doc.agencies)
    credited = agency_of(doc.credited_source or "")
    if credited:
        wires.add(credited)
    return wires


def shared_wire(a: Doc, b: Doc) -> str | None:
    """A wire agency two outlets both credit when neither is that agency's own text, else None. An outlet
    reusing its own earlier text (a week's market report, yesterday's background) is not two uses of a wire."""
    if a.outlet and a.outlet == b.outlet:
        return None
    for wire in sorted(credited_wires(a) & credited_wires(b)):
        if is_wire(a.outlet) != wire and is_wire(b.outlet) != wire:
            return wire
    return None


def reuse_kind(origin: Doc, copier: Doc, coverage_of_copier: float, coverage_of_origin: float) -> str:
    """copy, shared_source or rewrite (see the module docstring)."""
    if coverage_of_copier >= COPY_COVERAGE:
        own = origin.outlet is not None and origin.outlet == copier.outlet
        if not own or min(coverage_of_copier, coverage_of_origin) >= SELF_COPY_COVERAGE:
            return "copy"
        return "rewrite"
    return "shared_source" if shared_wire(origin, copier) else "rewrite"


def copy_source(reuses: list[dict[str, object]], duplicate_of: str | None = None) -> str | None:
    """The one article this one was copied from: its canonical when it is a duplicate, else the partner of
    its ``copy`` edges whose shared text is largest on the smaller side (min of both coverages: the version
    nearest to verbatim both ways, not a longer composite that merely contains it); None for an original."""
    if duplicate_of:
        return duplicate_of
    best, best_key = None, (-1.0, -1.0)
    for r in reuses:
        if r.get("kind") != "copy":
            continue
        cov, cov_src = float(r["coverage"]), float(r.get("source_coverage", r["coverage"]))  # type: ignore[arg-type]
        key = (min(cov, cov_src), cov)
        if key > best_key:
            best, best_key = str(r["article_id"]), key
    return best


def copy_sources(articles: dict[str, tuple[list[dict[str, object]], str | None]]) -> dict[str, str | None]:
    """Each article's ``copy_source``, from {id: (reuses, duplicate_of)}. A duplicate points to its canonical,
    the first printed; when that canonical's copy edge points back to the duplicate, the duplicate is the origin
    (the wire's own text, or the credited one, which another outlet printed before it) and gets no source, so a
    copy group starts at SPA's text, not at the outlet that reprinted it an hour earlier."""
    sources = {a: copy_source(reuses, dup) for a, (reuses, dup) in articles.items()}
    for article, (_reuses, dup) in articles.items():
        if dup and sources.get(dup) == article:
            sources[article] = None
    return sources


def copy_groups(sources: dict[str, str | None], order: list[str] | None = None) -> list[dict[str, object]]:
    """Copy groups from each article's ``copy_source``: [{origin, copies}], largest first. ``sources`` maps
    article id -> source id (or None); a source outside the mapping (an older article, another event) is the
    group's origin with ``external`` true. ``order`` (oldest first) settles the origin of a source cycle."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        root = x
        while parent.get(root, root) != root:
            root = parent[root]
        while x != root:
            parent[x], x = root, parent[x]
        return root

    for article, source in sources.items():
        parent.setdefault(article, article)
        if source:
            parent.setdefault(source, source)
            a, b = find(article), find(source)
            if a != b:
                parent[a] = b
    members: dict[str, list[str]] = defaultdict(list)
    for x in parent:
        members[find(x)].append(x)
    rank = {a: i for i, a in enumerate(order or [])}
    groups = []
    for group in members.values():
        if len(group) < 2:
            continue
        roots = [x for x in group if not sources.get(x)]  # a tree has one; a cycle of sources has none
        origin = roots[0] if roots else min(group, key=lambda x: (rank.get(x, len(rank)), x))
        copies = sorted((x for x in group if x != origin), key=lambda x: (rank.get(x, len(rank)), x))
        groups.append({"origin": origin, "copies": copies, "external": origin not in sources})
    groups.sort(key=lambda g: (-len(g["copies"]), rank.get(str(g["origin"]), len(rank)), g["origin"]))  # type: ignore[arg-type]
    return groups


class ReuseIndex:
    """In-memory LSH and 5-gram indexes over the articles of the current window."""

    def __init__(self, focus_grams: set[int] | None = None, focus_bands: list[set[int]] | None = None) -> None:
        # when only a few new articles will be looked up (a run adding a handful to a large store),
        # stored articles are indexed under just the 5-grams and band keys those articles have:
        # every lookup of the run gives the same answer, for a fraction of the work
        self.focus_bands = focus_bands
        self.focus_grams = np.sort(np.fromiter(focus_grams, dtype=np.int64)) if focus_grams is not None else None
        self.hasher = MinHasher()
        self.docs: dict[str, Doc] = {}
        self.sigs: dict[str, np.ndarray] = {}
        self.exact: dict[str, str] = {}
        self.buckets: list[dict[int, list[str]]] = [defaultdict(list) for _ in range(BANDS)]
        self.grams: dict[int, list[str]] = defaultdict(list)
        self.gram_cache: dict[str, np.ndarray] = {}
        self.span_cache: dict[str, np.ndarray | None] = {}

    # --- building ----------------------------------------------------------------------
    def add(self, doc: Doc, sig: np.ndarray | None = None, grams: np.ndarray | None = None,
            keys: list[int] | None = None) -> None:
        """Index one article; ``grams`` (from :func:`gram_hashes`) spares re-tokenising a stored one, ``keys``
        (its row of :func:`band_keys`) lets a caller hash many signatures in one call."""
        self.docs[doc.id] = doc
        if grams is not None:
            self.gram_cache[doc.id] = grams
        if sig is None:
            sig = self.hasher.signatures_from_shingles([self.hasher.shingles_of_tokens(doc.toks())])[0]
        self.sigs[doc.id] = sig
        self.exact.setdefault(doc.key(), doc.id)
        if is_empty(sig):
            return
        for band, key in enumerate(keys if keys is not None else band_keys(sig[None, :])[0].tolist()):
            if self.focus_bands is None or key in self.focus_bands[band]:
                self.buckets[band][key].append(doc.id)
        all_grams = self._grams(doc)
        if self.focus_grams is not None:  # the focus holds sampled grams only
            all_grams = all_grams[isin_sorted(all_grams, self.focus_grams)]
        for g in sampled_grams(all_grams):
            self.grams[g].append(doc.id)

    def _grams(self, doc: Doc) -> np.ndarray:
        cached = self.gram_cache.get(doc.id)
        if cached is None:
            doc.key()
            cached = gram_hashes(doc.toks())
            self.gram_cache[doc.id] = cached
            doc.tokens = None  # the grams and the key are what we keep; free the token list
        return cached

    # --- querying ----------------------------------------------------------------------
    def duplicate_of(self, doc: Doc, sig: np.ndarray) -> str | None:
        """The canonical article this one duplicates (exact or near), if any; never for a page of a few words."""
        if not long_enough_to_match(doc.toks()):
            return None
        exact = self.exact.get(doc.key())
        if exact and exact != doc.id:
            return self.docs[exact].duplicate_of or exact
        best, best_j = None, NEAR_DUP
        if is_empty(sig):
            return None
        for band, key in enumerate(band_keys(sig[None, :])[0]):
            for other in self.buckets[band].get(int(key), ()):
                if other == doc.id:
                    continue
                j = jaccard_estimate(sig, self.sigs[other])
                if j >= best_j:
                    best, best_j = other, j
        if best is None:
            return None
        return self.docs[best].duplicate_of or best

    def reuse_pairs(self, doc: Doc) -> list[dict[str, object]]:
        """Reuse edges between ``doc`` and indexed articles within the window, oriented."""
        mine = self._grams(doc)
        counts: dict[str, int] = defaultdict(int)
        for g in sampled_grams(mine):
            holders = self.grams.get(g, ())
            if len(holders) > MAX_GRAM_DF:
                continue
            for other in holders:
                if other != doc.id:
                    counts[other] += 1
        edges = []
        for other_id, shared in counts.items():
            if shared < MIN_SHARED_SAMPLES:
                continue
            other = self.docs[other_id]
            apart = _days_apart(doc.published, other.published)  # None: a date is missing, so no window applies
            if apart is not None and apart > WINDOW_DAYS:
                continue
            cov_doc, cov_other = coverage(mine, self._grams(other))
            if max(cov_doc, cov_other) < REWRITE_COVERAGE:
                continue
            origin, copier = origin_order(doc, other)
            cov, cov_src = (cov_doc, cov_other) if copier is doc else (cov_other, cov_doc)
            # the copier's coverage decides: a source that is longer than its copy is not less copied
            recurs = apart is not None and apart >= TEMPLATE_DAYS and not same_text(doc, other, min(cov, cov_src))
            kind = "template" if recurs else reuse_kind(origin, copier, cov, cov_src)
            edges.append({"from": origin.id, "to": copier.id, "kind": kind, "coverage": round(cov, 3),
                          "source_coverage": round(cov_src, 3), "names_differ": kind != "template" and names_differ(doc, other),
                          "passages": self.passages(copier, origin)})
        return edges

    def passages(self, copier: Doc, origin: Doc) -> list[list[int]]:
        """The passages the copier shares with its origin, as character offsets [start, end, source start,
        source end] into the two bodies; none when a body's tokens cannot be placed (see token_spans)."""
        spans_c, spans_o = self._spans(copier), self._spans(origin)
        if spans_c is None or spans_o is None:
            return []
        out = []
        for a0, a1, b0, b1 in align(self._grams(copier), self._grams(origin)):
            if a1 - a0 >= MIN_PASSAGE:
                out.append([int(spans_c[a0, 0]), int(spans_c[a1 - 1, 1]), int(spans_o[b0, 0]), int(spans_o[b1 - 1, 1])])
        return out

    def _spans(self, doc: Doc) -> np.ndarray | None:
        if doc.id not in self.span_cache:
            if len(self.span_cache) >= SPAN_CACHE:
                self.span_cache.pop(next(iter(self.span_cache)))  # the oldest entry
            n_tokens = len(self._grams(doc)) + GRAM - 1
            spans = token_spans(doc.body, n_tokens)
            self.span_cache[doc.id] = spans if len(spans) == n_tokens else None
        return self.span_cache[doc.id]


def align(copier: np.ndarray, origin: np.ndarray) -> list[tuple[int, int, int, int]]:
    """Passages two texts share, as token ranges (start, end in the copier, start, end in the origin).

    Seeds are the copier's 5-grams found in the origin (at their first place there); seeds that follow one
    another in both texts, each step at most MAX_GAP tokens and never backwards in the origin, chain into one
    passage, so a word changed or inserted inside a copied paragraph does not cut it in two."""
    order = np.argsort(origin, kind="stable")
    sorted_origin = origin[order]
    hit = np.nonzero(isin_sorted(copier, sorted_origin))[0]
    if len(hit) == 0:
        return []
    first = order[np.searchsorted(sorted_origin, copier[hit])]  # first place of each seed's gram in the origin
    step_a, step_b = np.diff(hit), np.diff(first)
    breaks = np.nonzero((step_a > MAX_GAP) | (step_b <= 0) | (step_b > MAX_GAP))[0] + 1
    out = []
    for seg in np.split(np.arange(len(hit)), breaks):
        i0, i1 = int(hit[seg[0]]), int(hit[seg[-1]])
        j0, j1 = int(first[seg[0]]), int(first[seg[-1]])
        out.append((i0, i1 + GRAM, j0, j1 + GRAM))
    return out


_CHUNK = re.compile(r"\S+")
# the tokens of arabic.tokens.tokenize, read on the text before matching-level folding: letters with the
# diacritics and tatweel that folding removes from inside words, Latin words, numbers in either digit set
_WORD_AS_WRITTEN = re.compile(r"[\u0621-\u064a\u0671-\u06d3\u064b-\u065f\u0670\u0640]+|[A-Za-z]+"
                              r"|[0-9\u0660-\u0669\u06f0-\u06f9]+(?:[.,\u066b\u066c][0-9\u0660-\u0669\u06f0-\u06f9]+)?")


def token_spans(text: str, expected: int | None = None) -> np.ndarray:
    """Character offsets (start, end) of each token of the reuse token stream (minhash.match_tokens).

    One regex pass over the text as written gives them when it finds ``expected`` tokens (the usual case);
    otherwise each token is given the whitespace-delimited chunk it comes from (tokens never cross
    whitespace, so the chunks' tokens in order are the text's tokens)."""
    if expected is not None:
        fast = [m.span() for m in _WORD_AS_WRITTEN.finditer(text)]
        if len(fast) == expected:
            return np.array(fast, dtype=np.int32).reshape(-1, 2)
    spans = []
    for m in _CHUNK.finditer(text):
        spans.extend([(m.start(), m.end())] * _tokens_in(m.group()))
    return np.array(spans, dtype=np.int32).reshape(-1, 2)


def _tokens_in(chunk: str) -> int:
    count = _chunk_counts.get(chunk)
    if count is None:
        count = len(tokenize(chunk))
        if len(_chunk_counts) < 500_000:
            _chunk_counts[chunk] = count
    return count


_chunk_counts: dict[str, int] = {}


def sampled_grams(grams: np.ndarray) -> list[int]:
    """The distinct 5-gram hashes kept in the inverted index (one in SAMPLE_MOD), selected in numpy:
    a store of 15k window articles is indexed on every run."""
    return np.unique(grams[grams % SAMPLE_MOD == 0]).tolist()


def gram_hashes(text: str | list[str]) -> np.ndarray:
    """Hashes of word 5-grams (31-bit, so they fit int32 on disk), in text order (positions matter for coverage)."""
    toks = match_tokens(text) if isinstance(text, str) else text
    if len(toks) < GRAM:
        return np.zeros(0, dtype=np.int64)
    h = np.fromiter((zlib.crc32(t.encode("utf-8")) for t in toks), dtype=np.int64, count=len(toks))
    acc = h[: len(h) - GRAM + 1].copy()
    for k in range(1, GRAM):
        acc = (acc * 1000003 + h[k : len(h) - GRAM + 1 + k]) & 0x7FFFFFFF
    return acc


def grams_to_bytes(grams: np.ndarray) -> bytes:
    return grams.astype(np.int32).tobytes()


def grams_from_bytes(blob: bytes) -> np.ndarray:
    return np.frombuffer(blob, dtype=np.int32).astype(np.int64)


def coverage(a: np.ndarray, b: np.ndarray) -> tuple[float, float]:
    """Share of each text's tokens inside passages shared with the other."""
    if len(a) == 0 or len(b) == 0:
        return 0.0, 0.0
    return _covered(a, np.sort(b)), _covered(b, np.sort(a))


def isin_sorted(a: np.ndarray, sorted_b: np.ndarray) -> np.ndarray:
    """``np.isin(a, b)`` for a sorted ``b``: a binary search per element. np.isin sorts both arrays on every call,
    and on texts of a few hundred 5-grams that overhead was a quarter of the reuse pass."""
    if len(sorted_b) == 0:
        return np.zeros(len(a), dtype=bool)
    idx = np.searchsorted(sorted_b, a)
    idx[idx == len(sorted_b)] = len(sorted_b) - 1
    return sorted_b[idx] == a


def _covered(a: np.ndarray, sorted_b: np.ndarray) -> float:
    hit = isin_sorted(a, sorted_b)
    if not hit.any():
        return 0.0
    n_tokens = len(a) + GRAM - 1
    cover = np.zeros(n_tokens, dtype=bool)
    for k in range(GRAM):  # a matching 5-gram covers its five tokens
        cover[k : k + len(a)] |= hit
    return float(cover.sum()) / n_tokens


def _days_apart(a: str | None, b: str | None) -> int | None:
    if not a or not b:
        return None
    try:
        return abs((dt.date.fromisoformat(a[:10]) - dt.date.fromisoformat(b[:10])).days)
    except ValueError:
        return None

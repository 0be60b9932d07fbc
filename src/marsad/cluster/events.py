"""Streaming, order-aware event clustering.

Articles arrive in publication order; each joins the most similar open event or
opens a new one. Similarity combines TF-IDF cosine over stemmed terms of the title (weighted) and
the lead (the body's first ``body_chars`` characters: a round-up's later paragraphs retell other
happenings), overlap of canonical entities, and a Gaussian time decay, in the
manner of Miranda et al. (2018). Candidate events come from an inverted index of
recent events' top terms, so the cost per article does not grow with the corpus.
When the event an article grew has become close to another open event of the same days,
the two merge: rewrites of one happening often each open an event before either has members.
The weights and threshold live in ``params.json`` (fitted by ``bench/fit_cluster.py``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import heapq
import json
import math
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from itertools import islice
from operator import itemgetter

from ..arabic.ordinals import headline_ordinals
from ..arabic.tokens import content_terms

TOP_TERMS = 40  # terms kept per article vector
EVENT_TERMS = 120  # terms kept per event centroid
QUERY_TERMS = 12  # terms used to look up candidate events
POST_TERMS = 20  # an article's terms filed in the index under its event: a lookup reads only the top 12, so
# filing all 40 doubled the index work for nothing (20 and 12 gave the same B-cubed on both halves of the labels)
MERGE_QUERY_TERMS = 10  # an event's top terms used to look for its twin
MAX_CANDIDATES = 12  # events scored per article (10 and 30 gave the same assignment of the 31k corpus)
MIN_WORD_TERMS = 3  # an article with fewer word terms (numbers aside) in title and body opens its own event: a cartoon
# or photo page titled "كاريكاتير" matches every other one perfectly, and daily ones chained into a three-week event


_OVERRIDE: dict[str, float] = {}


@lru_cache(maxsize=1)
def _file_params() -> dict[str, float]:
    text = resources.files("marsad.cluster").joinpath("params.json").read_text(encoding="utf-8")
    return {k: v for k, v in json.loads(text).items() if not k.startswith("_")}


def params() -> dict[str, float]:
    """Clustering parameters: the committed params.json (fitted by bench/fit_cluster.py)."""
    return {**_file_params(), **_OVERRIDE} if _OVERRIDE else _file_params()


def override_params(values: dict[str, float]) -> None:
    """Used by the fitting script to try parameter settings; empty dict restores the file."""
    _OVERRIDE.clear()
    _OVERRIDE.update(values)


@dataclass
class ArticleFeatures:
    id: str
    date: dt.date
    terms: dict[str, float]  # tf-idf, L2-normalised, highest weight first (candidates read the first few)
    title_terms: frozenset[str]
    entities: frozenset[str]
    duplicate_of: str | None = None
    outlet: str | None = None
    title: str | None = None
    ordinals: frozenset[int] = frozenset()  # the headline's ordinals: the second relief plane is not the first
    places: frozenset[str] = frozenset()  # the entities tagged as places (storylines weigh them apart)

    @property
    def content_free(self) -> bool:
        """Too few words to compare (see MIN_WORD_TERMS)."""
        return sum(1 for t in self.terms if not t.isdigit()) < MIN_WORD_TERMS


@dataclass
class Event:
    id: str
    first: dt.date
    last: dt.date
    size: int = 0
    centroid: dict[str, float] = field(default_factory=dict)  # summed member vectors (sparse)
    entities: Counter[str] = field(default_factory=Counter)
    ordinals: set[int] = field(default_factory=set)  # ordinals its members' headlines give (see ordinals_clash)
    places: set[str] = field(default_factory=set)  # entities some member tagged as a place
    members: list[str] = field(default_factory=list)
    touched: bool = False
    posted: dict[str, int] = field(default_factory=dict, repr=False)  # index term -> day it is filed under
    _norm_sq: float = -1.0  # squared L2 norm of the centroid, kept up to date by add_vector; <0: compute

    def norm(self) -> float:
        if self._norm_sq < 0:
            self._norm_sq = sum(v * v for v in self.centroid.values())
        return math.sqrt(self._norm_sq) or 1.0

    def add_vector(self, terms: dict[str, float]) -> None:
        """Add a member's vector to the centroid, updating the norm in O(len(terms)): a large
        event's centroid has thousands of terms, and recomputing its norm after every new
        member made the cost per article grow with event size."""
        if self._norm_sq < 0:
            self._norm_sq = sum(v * v for v in self.centroid.values())
        sq = self._norm_sq
        c = self.centroid
        for t, w in terms.items():
            old = c.get(t, 0.0)
            c[t] = old + w
            sq += 2 * old * w + w * w
        self._norm_sq = sq

    def to_features(self) -> dict[str, object]:
        top = dict(sorted(self.centroid.items(), key=lambda kv: -kv[1])[:EVENT_TERMS])
        entities = dict(top_counts(self.entities, 40))
        return {"centroid": top, "entities": entities, "size": self.size,
                "first": self.first.isoformat(), "last": self.last.isoformat(), "ordinals": sorted(self.ordinals),
                "places": sorted(self.places & entities.keys())}

    @classmethod
    def from_features(cls, event_id: str, feats: dict[str, object]) -> Event:
        return cls(id=event_id, first=dt.date.fromisoformat(str(feats["first"])),
                   last=dt.date.fromisoformat(str(feats["last"])), size=int(feats["size"]),  # type: ignore[call-overload]
                   centroid=dict(feats["centroid"]), entities=Counter(feats["entities"]),  # type: ignore[arg-type]
                   ordinals=set(feats.get("ordinals", [])),  # type: ignore[call-overload]
                   places=set(feats.get("places", [])))  # type: ignore[call-overload]


class DocumentFrequencies:
    """Document frequencies that grow with the corpus (kept in the store between runs).

    ``lookup`` fetches a term's stored frequency on first use, so a run that adds a few
    articles to a large store reads a few hundred vocabulary rows, not all of them.
    """

    def __init__(self, df: dict[str, int] | None = None, n_docs: int = 0,
                 lookup: Callable[[list[str]], dict[str, int]] | None = None) -> None:
        self.df: Counter[str] = Counter(df or {})
        self.n_docs = n_docs
        self.added: Counter[str] = Counter()
        self.lookup = lookup
        self._known: set[str] = set()

    def _load(self, terms: set[str]) -> None:
        if self.lookup is None:
            return
        missing = [t for t in terms if t not in self._known]
        if missing:
            self._known.update(missing)
            for t, n in self.lookup(missing).items():
                self.df[t] += n

    def add(self, terms: set[str]) -> None:
        self._load(terms)
        self.n_docs += 1
        self.df.update(terms)
        self.added.update(terms)

    def count(self, term: str) -> int:
        """How many documents seen so far hold the term."""
        if self.lookup is not None and term not in self._known:
            self._load({term})
        return self.df.get(term, 0)

    def idf(self, term: str) -> float:
        return math.log((self.n_docs + 1) / (self.count(term) + 1)) + 1.0


def article_features(article_id: str, title: str | None, body: str, published: str | None,
                     entities: list[str], dfs: DocumentFrequencies, *, fallback_date: dt.date,
                     duplicate_of: str | None = None, outlet: str | None = None,
                     places: Iterable[str] = ()) -> ArticleFeatures:
    title_terms = content_terms(title or "")
    body_terms = content_terms(body[: int(params().get("body_chars", 3000))])
    tf: Counter[str] = Counter(body_terms)
    for t in title_terms:
        tf[t] += params()["title_boost"]
    dfs.add(set(tf))
    weights = {t: (1 + math.log(c)) * dfs.idf(t) for t, c in tf.items()}
    top = dict(sorted(weights.items(), key=lambda kv: -kv[1])[:TOP_TERMS])
    norm = math.sqrt(sum(v * v for v in top.values())) or 1.0
    date = _parse_date(published) or fallback_date
    return ArticleFeatures(id=article_id, date=date, terms={t: v / norm for t, v in top.items()},
                           title_terms=frozenset(title_terms), entities=frozenset(entities),
                           duplicate_of=duplicate_of, outlet=outlet, title=title, ordinals=headline_ordinals(title),
                           places=frozenset(places))


def _parse_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def cosine(a: ArticleFeatures, e: Event) -> float:
    return sparse_dot(a.terms, e.centroid) / e.norm()


def sparse_dot(a: dict[str, float], b: dict[str, float]) -> float:
    """Dot product over the shared terms, found in C by a set intersection. The set's order follows the
    per-process string hash; fsum is exact, so that order cannot change a score between two runs."""
    return math.fsum([a[t] * b[t] for t in a.keys() & b.keys()])


def time_decay(a: ArticleFeatures, e: Event) -> float:
    gap = min(abs((a.date - e.last).days), abs((a.date - e.first).days))
    return math.exp(-(gap**2) / (2 * params()["sigma_days"] ** 2))


def reach_days() -> int:
    """The largest time gap at which the decay still lets a perfect match reach the threshold."""
    p = params()
    ratio = (p["w_cos"] + p["w_ent"]) / p["threshold"]
    return int(p["sigma_days"] * math.sqrt(2 * math.log(ratio))) if ratio > 1 else 0


def similarity(a: ArticleFeatures, e: Event, cos: float | None = None, decay: float | None = None) -> float:
    p = params()
    if cos is None:
        cos = cosine(a, e)
    # (EventClusterer.assign inlines this score; keep the two alike)
    ent = len(e.entities.keys() & a.entities) / len(a.entities) if a.entities and e.entities else 0.0
    if decay is None:
        decay = time_decay(a, e)
    return (p["w_cos"] * cos + p["w_ent"] * ent) * decay


def ordinals_clash(mine: frozenset[int] | set[int], theirs: frozenset[int] | set[int]) -> bool:
    """Both headlines number their happening and the numbers differ: the second plane, round or batch
    after the first, worded alike a day later. Only a veto: most headlines give no ordinal."""
    return bool(mine) and bool(theirs) and not (mine & theirs)


def reuse_event(article_id: str, edges: list[dict[str, object]], article_event: dict[str, str]) -> str | None:
    """The event a reuse edge pulls an article into: that of the partner it shares the
    most text with, when that share reaches ``reuse_join`` (copies always do; close
    rewrites of one wire story too, whose reworded text the term similarity misses).
    A ``template`` edge never pulls: its text recurs days later about another happening. Nor does an edge whose
    texts name different places or people (``names_differ``): mostly a formula filled in for another happening."""
    best, best_cov = None, params().get("reuse_join", 0.6)
    for e in edges:
        if e.get("kind") == "template" or e.get("names_differ"):
            continue
        other = str(e["from"] if e["to"] == article_id else e["to"])
        cov = float(e["coverage"])  # type: ignore[arg-type]
        eid = article_event.get(other)
        if eid is not None and cov >= best_cov:
            best, best_cov = eid, cov
    return best


def top_counts(counts: Counter[str], n: int) -> list[tuple[str, int]]:
    """The n largest counts, ties by key. ``Counter.most_common`` breaks ties by insertion order, and entities
    are added from sets, whose order changes with each process's string hashing: stories came out different
    from two runs over the same events (6,075 and 6,006 stories of the same 18,390 events)."""
    return heapq.nsmallest(n, counts.items(), key=lambda kv: (-kv[1], kv[0]))


def event_id_for(article_id: str) -> str:
    return "e" + hashlib.sha1(article_id.encode()).hexdigest()[:11]


class EventClusterer:
    """Holds the open events (those within the window) and assigns articles to them."""

    def __init__(self, events: list[Event] | None = None, loader: Callable[[str], Event | None] | None = None) -> None:
        # ``loader`` fetches an older event a duplicate or a reuse edge points to, so a run need not load every
        # event its reuse window reaches, only those its articles can match by similarity
        self.loader = loader
        self.events: dict[str, Event] = {}
        # term -> day -> events that last gained the term that day: a lookup counts whole days of the window at C
        # speed, so its cost grows neither with the corpus nor with how often a big event gains a term
        self.index: dict[str, dict[int, dict[str, None]]] = defaultdict(dict)
        self.article_event: dict[str, str] = {}
        self.retired: dict[str, Event] = {}  # pruned from matching, still to be written if touched
        self.merged: dict[str, str] = {}  # event id -> the event it was merged into
        for e in events or []:
            self._register(e)

    def _register(self, e: Event) -> None:
        self.events[e.id] = e
        for t, _w in sorted(e.centroid.items(), key=lambda kv: -kv[1])[:EVENT_TERMS]:
            self._post(t, e, e.last.toordinal())

    def _post(self, term: str, e: Event, day: int) -> None:
        old = e.posted.get(term)
        if old == day:
            return
        days = self.index[term]
        if old is not None:
            self._drop(days, old, e.id)
        days.setdefault(day, {})[e.id] = None
        e.posted[term] = day

    @staticmethod
    def _drop(days: dict[int, dict[str, None]], day: int, event_id: str) -> None:
        bucket = days.get(day)
        if bucket is not None:
            bucket.pop(event_id, None)
            if not bucket:
                del days[day]

    def candidates(self, a: ArticleFeatures) -> set[str]:
        window = params()["window_days"]
        oldest = a.date.toordinal() - min(window, reach_days())
        posted: list[str] = []
        index = self.index
        for t in islice(a.terms, QUERY_TERMS):
            days = index.get(t)
            if days:
                for day, bucket in days.items():
                    if day >= oldest:
                        posted.extend(bucket)
        shared = Counter(posted)  # counted in posting order, so ties in most_common break the same way every run
        # score only the events sharing most of the article's top terms; the postings bound how
        # long ago an event was last seen, an out-of-order article may still predate an event
        return {eid for eid, _n in shared.most_common(MAX_CANDIDATES)
                if eid in self.events and (self.events[eid].first - a.date).days <= window}

    def assign(self, a: ArticleFeatures, forced_event: str | None = None) -> str:
        """Put one article in an event (a duplicate goes where its canonical went)."""
        eid = self.resolve(forced_event) if forced_event else None
        if eid is not None and eid not in self.events and eid not in self.retired and self.loader is not None:
            loaded = self.loader(eid)
            if loaded is not None:
                self._register(loaded)
        scored: list[tuple[str, float]] = []
        cands: list[str] = []
        if eid is None or eid not in self.events:
            p = params()
            threshold, w_cos, w_ent = p["threshold"], p["w_cos"], p["w_ent"]
            two_sigma_sq = 2 * p["sigma_days"] ** 2
            best, best_s = None, threshold
            cands = sorted(self.candidates(a)) if not a.content_free else []
            terms, n_ent, day = a.terms, len(a.entities), a.date
            veto = a.ordinals if p.get("ordinal_veto", 1.0) else frozenset()
            for cand in cands:
                o = self.events[cand]
                if veto and ordinals_clash(veto, o.ordinals):
                    continue
                gap = min(abs((day - o.last).days), abs((day - o.first).days))
                decay = math.exp(-(gap * gap) / two_sigma_sq)  # time_decay, inlined: this loop is the clustering's hot spot
                if decay * (w_cos + w_ent) <= threshold:
                    continue  # too far in time to reach the threshold, and never a same-day twin
                cos = sparse_dot(terms, o.centroid) / o.norm()
                scored.append((cand, cos))
                ents = o.entities  # counts only grow, so a key is an entity seen in the event
                ent = len(ents.keys() & a.entities) / n_ent if n_ent and ents else 0.0
                s = (w_cos * cos + w_ent * ent) * decay  # similarity(), inlined
                if s > best_s:
                    best, best_s = cand, s
            eid = best
        if eid is None:
            e = Event(id=event_id_for(a.id), first=a.date, last=a.date)
            self.events[e.id] = e
            self._add(e, a)
            self.article_event[a.id] = e.id
            # a new event's centroid is the article's vector: its cosines to the candidates are known
            return self._merge_with_twin(e, scored)
        e = self.events[eid]
        self._add(e, a)
        self.article_event[a.id] = e.id
        # the events that shared the article's top terms are where the grown event's twin would be
        return self._merge_with_twin(e, others=[c for c in cands if c != eid] if cands else None)

    def resolve(self, event_id: str) -> str:
        """The event an id now stands for, after merges."""
        while event_id in self.merged:
            event_id = self.merged[event_id]
        return event_id

    def _merge_with_twin(self, e: Event, known: list[tuple[str, float]] | None = None,
                         others: list[str] | None = None) -> str:
        """Merge the event an article just grew with an open event of the same days whose centroid has become
        close to its own: two rewrites of one happening that each started an event (each article alone was too far
        from the other's first member) come together once both have members. Returns the surviving id."""
        p = params()
        threshold = p.get("merge_threshold", 2.0)
        if threshold > 1.0:
            return e.id
        if known is None:
            if others is None:
                top = dict(heapq.nlargest(MERGE_QUERY_TERMS, e.centroid.items(), key=itemgetter(1)))
                probe = ArticleFeatures(id="", date=e.last, terms=top, title_terms=frozenset(), entities=frozenset())
                others = sorted(self.candidates(probe))
            norm = e.norm()
            known = []
            for other_id in others:
                o = self.events[other_id]
                if other_id == e.id or abs((o.first - e.first).days) > p.get("merge_days", 1):
                    continue  # only events of the same days can be its twin: skip the dot product
                known.append((other_id, sparse_dot(e.centroid, o.centroid) / (norm * o.norm())))
        best, best_s = None, threshold
        for other_id, s in known:
            o = self.events[other_id]
            if abs((o.first - e.first).days) > p.get("merge_days", 1) or (
                    p.get("ordinal_veto", 1.0) and ordinals_clash(e.ordinals, o.ordinals)):
                continue
            if s >= best_s:
                best, best_s = o, s
        if best is None:
            return e.id
        keep, gone = (best, e) if (best.first, best.id) <= (e.first, e.id) else (e, best)
        self.events.pop(gone.id)
        keep.add_vector(gone.centroid)
        keep.entities.update(gone.entities)
        keep.ordinals |= gone.ordinals
        keep.places |= gone.places
        keep.size += gone.size
        keep.first, keep.last = min(keep.first, gone.first), max(keep.last, gone.last)
        keep.members.extend(gone.members)
        keep.touched = True
        for m in gone.members:  # articles stored by earlier runs follow through ``merged`` (see resolve)
            self.article_event[m] = keep.id
        self.merged[gone.id] = keep.id
        self._unpost(gone)
        day = keep.last.toordinal()  # the survivor is found under its new top terms from now on
        for t, _w in heapq.nlargest(MERGE_QUERY_TERMS, keep.centroid.items(), key=itemgetter(1)):
            self._post(t, keep, day)
        return keep.id

    def _add(self, e: Event, a: ArticleFeatures) -> None:
        e.size += 1
        e.first, e.last = min(e.first, a.date), max(e.last, a.date)
        e.add_vector(a.terms)
        day = a.date.toordinal()
        for t in islice(a.terms, POST_TERMS):
            self._post(t, e, day)
        e.entities.update(a.entities)
        e.ordinals |= a.ordinals
        e.places |= a.places
        e.members.append(a.id)
        e.touched = True

    def all_events(self) -> list[Event]:
        return [*self.events.values(), *self.retired.values()]

    def prune(self, before: dt.date) -> None:
        """Forget events that ended long before ``before`` (they stay in the store); once a day of input."""
        if getattr(self, "_pruned", None) == before:
            return
        self._pruned = before
        window = params()["window_days"]
        old = [eid for eid, e in self.events.items() if (before - e.last).days > 4 * window]
        for eid in old:
            e = self.events.pop(eid)
            self._unpost(e)
            if e.touched:
                self.retired[eid] = e

    def _unpost(self, e: Event) -> None:
        """Take an event out of the index."""
        for t, day in e.posted.items():
            days = self.index.get(t)
            if days is not None:
                self._drop(days, day, e.id)
                if not days:
                    del self.index[t]
        e.posted.clear()

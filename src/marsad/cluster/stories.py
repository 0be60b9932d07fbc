"""Storylines: events whose vocabulary and entities continue each other within weeks.

Each event is placed once, in the order of its first date, into the most similar
recent story or a new one, so every event belongs to exactly one story.

Saudi news names the King, the crown princes and "السعودية" in most political articles, and an
event's wording (استقبل، بحث، زيارة) is shared by every royal audience. Counted as plain overlap,
those names and words chained the deputy crown prince's visits to Egypt and to Jordan and the
King's holiday into one story of 800 articles over three weeks. So names count by how rare their
rarest word is in the corpus, and an event continues a story only if they share a specific name
(one in at most ``story_entity_share`` of the articles) or their wording is close
(``story_gate_cos``): two events of one storyline share its particular people and places.
Names alone are not enough either: an event whose wording is all but foreign to the story's
(cosine under ``story_min_cos``) does not join it, however many places they share. A video of
a girl slapping a harasser in Jeddah had joined the Souq Okaz festival's story through Jeddah and
Taif, with a cosine of 0.05. And a place is a weaker bond than a person or a body: local pages
name their town in every article, so when the only specific names in common are places the
wording must be closer (``story_place_cos``). Without that, a town's fire, its council meeting
and its governor's condolence visits made one "storyline" of a few weeks of local news.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
from collections import Counter
from dataclasses import dataclass, field

from ..arabic.tokens import content_terms
from .events import DocumentFrequencies, Event, params, top_counts


@dataclass
class Story:
    id: str
    first: dt.date
    last: dt.date
    centroid: dict[str, float] = field(default_factory=dict)
    entities: Counter[str] = field(default_factory=Counter)
    event_ids: list[str] = field(default_factory=list)
    # derived from centroid and entities, recomputed only after they change: a large story is
    # compared with many events, and re-sorting its entities for each one dominated linking time
    _norm: float = field(default=-1.0, repr=False)
    _top: frozenset[str] | None = field(default=None, repr=False)

    def norm(self) -> float:
        if self._norm < 0:
            self._norm = math.sqrt(sum(v * v for v in self.centroid.values())) or 1.0
        return self._norm

    def top_entities(self) -> frozenset[str]:
        if self._top is None:
            self._top = frozenset(k for k, _ in top_counts(self.entities, 10))
        return self._top

    def changed(self) -> None:
        self._norm, self._top = -1.0, None

    def to_features(self) -> dict[str, object]:
        top = dict(sorted(self.centroid.items(), key=lambda kv: -kv[1])[:200])
        return {"centroid": top, "entities": dict(top_counts(self.entities, 60)),
                "first": self.first.isoformat(), "last": self.last.isoformat()}

    @classmethod
    def from_features(cls, story_id: str, feats: dict[str, object], event_ids: list[str]) -> Story:
        return cls(id=story_id, first=dt.date.fromisoformat(str(feats["first"])),
                   last=dt.date.fromisoformat(str(feats["last"])), centroid=dict(feats["centroid"]),  # type: ignore[arg-type]
                   entities=Counter(feats["entities"]), event_ids=list(event_ids))  # type: ignore[arg-type]


def _cos(a: dict[str, float], na: float, b: dict[str, float], nb: float) -> float:
    small, big = (a, b) if len(a) < len(b) else (b, a)
    return sum(v * big.get(t, 0.0) for t, v in small.items()) / (na * nb)


class NameWeights:
    """How telling a name is: the idf of its rarest word in the corpus seen so far. Without
    corpus counts (``dfs`` None) every name weighs 1 and counts as specific."""

    def __init__(self, dfs: DocumentFrequencies | None = None) -> None:
        self.dfs = dfs
        self._cache: dict[str, tuple[float, bool]] = {}

    def __call__(self, name: str) -> tuple[float, bool]:
        """(weight, specific) of a name."""
        got = self._cache.get(name)
        if got is None:
            got = self._cache[name] = self._weigh(name)
        return got

    def _weigh(self, name: str) -> tuple[float, bool]:
        if self.dfs is None:
            return 1.0, True
        terms = content_terms(name)
        if not terms:
            return 0.0, False
        p, n = params(), self.dfs.n_docs
        rarest = min(self.dfs.count(t) for t in terms)
        # a small corpus has no common names yet: up to story_entity_min_docs articles is specific
        specific = rarest <= max(p["story_entity_share"] * n, p["story_entity_min_docs"])
        return math.log((n + 1) / (rarest + 1)), specific


def _entity_overlap(top_a: frozenset[str], top_b: frozenset[str], weigh: NameWeights) -> float:
    if not top_a or not top_b:
        return 0.0
    # fsum: exact whatever order the sets iterate in, which follows the per-process string hash
    total = min(math.fsum(weigh(x)[0] for x in top_a), math.fsum(weigh(x)[0] for x in top_b))
    return math.fsum(weigh(x)[0] for x in top_a & top_b) / total if total else 0.0


def story_similarity(e: Event, s: Story, weigh: NameWeights, top_e: frozenset[str] | None = None) -> float:
    if top_e is None:
        top_e = frozenset(k for k, _ in top_counts(e.entities, 10))
    p = params()
    cos = _cos(e.centroid, e.norm(), s.centroid, s.norm())
    if cos < p["story_min_cos"]:
        return 0.0  # names alone, with next to no wording in common: an op-ed on Iran is no Iran storyline
    if cos < p["story_gate_cos"]:
        specific = [x for x in top_e & s.top_entities() if weigh(x)[1]]
        if not specific:
            return 0.0  # only common names and wording in common: not the same storyline
        if cos < p.get("story_place_cos", 0.0) and all(x in e.places for x in specific):
            return 0.0  # only a town in common: its fire and its council meeting are two storylines
    return 0.6 * cos + 0.4 * _entity_overlap(top_e, s.top_entities(), weigh)


class StoryLinker:
    """Places events into stories; candidates come from an index of stories' top terms and entities."""

    def __init__(self, stories: list[Story] | None = None, dfs: DocumentFrequencies | None = None) -> None:
        self.weigh = NameWeights(dfs)
        self.stories: dict[str, Story] = {}
        self.index: dict[str, set[str]] = {}
        self.touched: set[str] = set()  # stories created or grown here: the only ones to write back
        for s in stories or []:
            self.stories[s.id] = s
            self._index(s, s.centroid, s.entities)

    def _index(self, s: Story, terms: dict[str, float], entities: Counter[str]) -> None:
        for t, _w in sorted(terms.items(), key=lambda kv: -kv[1])[:30]:
            self.index.setdefault(t, set()).add(s.id)
        for ent in entities:
            self.index.setdefault("@" + ent, set()).add(s.id)

    def candidates(self, e: Event) -> set[str]:
        keys = [t for t, _ in sorted(e.centroid.items(), key=lambda kv: -kv[1])[:20]] + ["@" + x for x, _ in top_counts(e.entities, 8)]
        shared: Counter[str] = Counter()
        for k in keys:
            shared.update(self.index.get(k, ()))
        # the stories sharing most keys; one shared generic word is not a candidate
        return {sid for sid, n in top_counts(shared, 25) if n >= 2}

    def assign(self, e: Event) -> str:
        p = params()
        best, best_s = None, p["story_threshold"]
        top_e = frozenset(k for k, _ in top_counts(e.entities, 10))
        for sid in sorted(self.candidates(e)):
            s = self.stories[sid]
            if (e.first - s.last).days > p["story_window_days"] or (s.first - e.last).days > p["story_window_days"]:
                continue
            sim = story_similarity(e, s, self.weigh, top_e)
            if sim > best_s:
                best, best_s = s, sim
        if best is None:
            best = Story(id="s" + hashlib.sha1(e.id.encode()).hexdigest()[:11], first=e.first, last=e.last)
            self.stories[best.id] = best
        best.first, best.last = min(best.first, e.first), max(best.last, e.last)
        for t, w in e.centroid.items():
            best.centroid[t] = best.centroid.get(t, 0.0) + w / max(e.size, 1)
        if len(best.centroid) > 400:  # keep stories' vectors small: their top terms carry the topic
            best.centroid = dict(sorted(best.centroid.items(), key=lambda kv: -kv[1])[:200])
        best.entities.update(e.entities)
        best.changed()
        self._index(best, e.centroid, e.entities)
        if e.id not in best.event_ids:
            best.event_ids.append(e.id)
        self.touched.add(best.id)
        return best.id

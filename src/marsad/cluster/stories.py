"""Storylines: events whose vocabulary and entities continue each other within weeks.

Each event is placed once, in the order of its first date, into the most similar
recent story or a new one, so every event belongs to exactly one story.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
from collections import Counter
from dataclasses import dataclass, field

from .events import Event, params, top_counts


@dataclass
class Story:
    id: str
    first: dt.date
    last: dt.date
    centroid: dict[str, float] = field(default_factory=dict)
    entities: Counter[str] = field(default_factory=Counter)
    event_ids: list[str] = field(default_factory=list)

    def to_features(self) -> dict[str, object]:
        top = dict(sorted(self.centroid.items(), key=lambda kv: -kv[1])[:200])
        return {"centroid": top, "entities": dict(top_counts(self.entities, 60)),
                "first": self.first.isoformat(), "last": self.last.isoformat()}

    @classmethod
    def from_features(cls, story_id: str, feats: dict[str, object], event_ids: list[str]) -> Story:
        return cls(id=story_id, first=dt.date.fromisoformat(str(feats["first"])),
                   last=dt.date.fromisoformat(str(feats["last"])), centroid=dict(feats["centroid"]),  # type: ignore[arg-type]
                   entities=Counter(feats["entities"]), event_ids=list(event_ids))  # type: ignore[arg-type]


def _cos(a: dict[str, float], b: dict[str, float]) -> float:
    na = math.sqrt(sum(v * v for v in a.values())) or 1.0
    nb = math.sqrt(sum(v * v for v in b.values())) or 1.0
    small, big = (a, b) if len(a) < len(b) else (b, a)
    return sum(v * big.get(t, 0.0) for t, v in small.items()) / (na * nb)


def _entity_overlap(a: Counter[str], b: Counter[str]) -> float:
    if not a or not b:
        return 0.0
    top_a = {k for k, _ in top_counts(a, 10)}
    top_b = {k for k, _ in top_counts(b, 10)}
    return len(top_a & top_b) / max(min(len(top_a), len(top_b)), 1)


def story_similarity(e: Event, s: Story) -> float:
    return 0.6 * _cos(e.centroid, s.centroid) + 0.4 * _entity_overlap(e.entities, s.entities)


class StoryLinker:
    """Places events into stories; candidates come from an index of stories' top terms and entities."""

    def __init__(self, stories: list[Story] | None = None) -> None:
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
        for sid in sorted(self.candidates(e)):
            s = self.stories[sid]
            if (e.first - s.last).days > p["story_window_days"] or (s.first - e.last).days > p["story_window_days"]:
                continue
            sim = story_similarity(e, s)
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
        self._index(best, e.centroid, e.entities)
        if e.id not in best.event_ids:
            best.event_ids.append(e.id)
        self.touched.add(best.id)
        return best.id

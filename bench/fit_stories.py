"""Choose the storyline parameters on the tuning half of bench/data/storylines_labels.jsonl.

    python bench/fit_stories.py --db /tmp/snn.db [--set story_gate_cos=0.4 ...] [--detail]

Replays the storyline pass (``marsad.cluster.stories.StoryLinker``) over the events of a store
built over the SaudiNewsNet corpus, in the order a run places them (first date, then id), with
the store's word counts for name weights, and prints the pairwise scores of the labelled
storylines: the tuning half (storylines at even positions), the held-out half, all, the fresh
set (bench/data/storylines_fresh_labels.jsonl) and DEV, the tuning half pooled with the fresh
set, plus how much of the corpus sits in stories of 200+ articles or spanning 14+ days. Without
--set it runs a small grid over the share of articles under which a name is specific and the
wording gate, and names the best setting on DEV (the held-out half is only reported). Events are those of the store, so a replay shows what a full run with the same events
would give (its stories also depend on the batches a run stores events in).
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import sqlite3
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from run_eval import STORYLINES, STORYLINES_FRESH, TUNE_EVENTS_MOD, _read_events, storyline_scores  # noqa: E402

from marsad.cluster.events import DocumentFrequencies, Event, override_params  # noqa: E402
from marsad.cluster.stories import StoryLinker  # noqa: E402


def load(db: Path) -> tuple[list[Event], dict[str, str], DocumentFrequencies]:
    con = sqlite3.connect(db)
    events = [Event.from_features(i, json.loads(f)) for i, f in con.execute("SELECT id, features FROM events")]
    article_event = {hashlib.sha1((url or "").encode("utf-8")).hexdigest()[:12]: eid
                     for url, eid in con.execute("SELECT url, event_id FROM articles")}
    n_docs = int(con.execute("SELECT value FROM meta WHERE key='n_docs'").fetchone()[0])
    dfs = DocumentFrequencies(dict(con.execute("SELECT term, df FROM vocab")), n_docs)
    return events, article_event, dfs


def replay(events: list[Event], dfs: DocumentFrequencies, setting: dict[str, float]) -> tuple[StoryLinker, dict[str, str]]:
    override_params(setting)
    try:
        linker = StoryLinker(dfs=dfs)
        return linker, {e.id: linker.assign(e) for e in sorted(events, key=lambda e: (e.first, e.id))}
    finally:
        override_params({})


def report(setting: dict[str, float], events: list[Event], article_event: dict[str, str], dfs: DocumentFrequencies,
           detail: bool = False) -> float:
    t = time.perf_counter()
    linker, event_story = replay(events, dfs, setting)
    sys_story = {a: event_story.get(e) for a, e in article_event.items()}
    labelled = _read_events(STORYLINES)
    tuning = [s for i, s in enumerate(labelled) if i % TUNE_EVENTS_MOD == 0]
    fresh = _read_events(STORYLINES_FRESH)
    parts = {"tuning": tuning, "held-out": [s for i, s in enumerate(labelled) if i % TUNE_EVENTS_MOD == 1],
             "all": labelled, "fresh": fresh, "DEV": tuning + fresh}
    scores = {name: storyline_scores(chosen, sys_story) for name, chosen in parts.items()}
    size: Counter[str] = Counter()
    for e in events:
        size[event_story[e.id]] += e.size
    total = sum(size.values())
    big = sum(n for n in size.values() if n >= 200) / total
    long = sum(size[s.id] for s in linker.stories.values() if (s.last - s.first).days >= 14) / total
    print(f"{setting or 'committed params'}: {len(linker.stories):,} stories, largest {max(size.values())}, "
          f"in 200+ {big:.3f}, in 14+ days {long:.3f} | "
          + " | ".join(f"{n} P {s['P']:.3f} R {s['R']:.3f} F1 {s['F1']:.3f}" for n, s in scores.items())
          + f" | {time.perf_counter() - t:.0f} s", flush=True)
    if detail:
        for s in labelled:
            print(f"  {s['storyline_id']} {s['description_en'][:70]}")
            for e in s["events"]:
                held = [event_story.get(article_event.get(a, ""), "-") for a in e["article_ids"]]
                print(f"    {e['description_en'][:50]:<50} " + " ".join(f"{x}({size.get(x, 0)})" for x in held))
    return scores["DEV"]["F1"]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", type=Path, required=True)
    ap.add_argument("--set", action="append", default=[], metavar="KEY=VALUE", help="replay one setting")
    ap.add_argument("--detail", action="store_true", help="each labelled event's stories, with --set")
    args = ap.parse_args()
    events, article_event, dfs = load(args.db)
    if args.set or args.detail:
        report({k: float(v) for k, v in (x.split("=", 1) for x in args.set)}, events, article_event, dfs, args.detail)
        return
    grid = {"story_entity_share": [1.0, 0.05, 0.04, 0.03, 0.02], "story_gate_cos": [0.4, 0.5]}
    results = [(report(setting, events, article_event, dfs), setting)
               for setting in (dict(zip(grid, values)) for values in itertools.product(*grid.values()))]
    best = max(results, key=lambda x: x[0])
    print(f"best on DEV: {best[1]} F1 {best[0]:.3f}")


if __name__ == "__main__":
    main()

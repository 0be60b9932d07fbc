"""Corpus stages over the store: duplicates, reuse, events, stories and event records.

They run over the *pending* articles (stored, not yet in an event), in publication
order, against the state kept in the store (signatures, document frequencies, open
events, stories). Everything they write goes in one transaction, so a run killed
here leaves the articles pending and the next run finishes the job.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

import numpy as np

from .cluster.events import DocumentFrequencies, Event, EventClusterer, article_features, params, reuse_event
from .cluster.stories import Story, StoryLinker
from .dedup.minhash import MinHasher, band_keys, long_enough_to_match
from .dedup.reuse import WINDOW_DAYS, Doc, ReuseIndex, gram_hashes, grams_from_bytes, grams_to_bytes, sampled_grams
from .report.disagreements import related_disagreements
from .report.event import build_event_record
from .store.sqlite import Store, row_to_article

FOCUSED_BATCH = 2000  # up to this many new articles, stored ones are indexed only under what the new ones have


@dataclass
class CorpusCounts:
    pending: int = 0
    duplicates: int = 0
    reuse_edges: int = 0
    events_touched: int = 0
    events_new: int = 0
    stories_new: int = 0


def _date(value: str | None, default: dt.date) -> dt.date:
    try:
        return dt.date.fromisoformat(value[:10]) if value else default
    except ValueError:
        return default


def _stored_dfs(conn: Any, terms: list[str]) -> dict[str, int]:
    out: dict[str, int] = {}
    for i in range(0, len(terms), 500):  # SQLite caps the number of bound parameters
        chunk = terms[i:i + 500]
        marks = ",".join("?" * len(chunk))
        out.update({r[0]: r[1] for r in conn.execute(f"SELECT term, df FROM vocab WHERE term IN ({marks})", chunk)})
    return out


def update_corpus(store: Store, summary_sentences: int = 5) -> CorpusCounts:
    conn = store.conn
    counts = CorpusCounts()
    pending_rows = conn.execute(
        "SELECT * FROM articles WHERE event_id IS NULL ORDER BY COALESCE(published, '9999'), seq"
    ).fetchall()
    if not pending_rows:
        return counts
    counts.pending = len(pending_rows)
    today = dt.date.today()
    pending = [row_to_article(r) for r in pending_rows]
    seqs = {r["id"]: r["seq"] for r in pending_rows}
    dates = [_date(a.published, today) for a in pending]
    lo, hi = min(dates), max(dates)
    window = max(WINDOW_DAYS, int(params()["window_days"]))
    # published may carry a time of day ("2015-07-27T17:02:00"): the window's end is the next day's start
    lo_s, hi_s = (lo - dt.timedelta(days=window)).isoformat(), (hi + dt.timedelta(days=window + 1)).isoformat()

    # --- state from the store ------------------------------------------------------------
    hasher = MinHasher()
    docs = [Doc(a.id, seqs[a.id], a.outlet, a.published, a.body, a.credited_source, a.agencies) for a in pending]
    # a page of a few words gets an empty signature, so no other page is found its near-duplicate (MIN_MATCH_TOKENS)
    signatures = hasher.signatures_from_shingles([hasher.shingles_of_tokens(doc.toks() if long_enough_to_match(doc.toks()) else [])
                                                  for doc in docs])
    pending_grams = {doc.id: gram_hashes(doc.toks()) for doc in docs}
    keys = band_keys(signatures) if len(docs) else np.zeros((0, 0), dtype=np.int64)
    if len(docs) <= FOCUSED_BATCH:
        index = ReuseIndex(focus_grams={g for grams in pending_grams.values() for g in sampled_grams(grams)},
                           focus_bands=[set(keys[:, b].tolist()) for b in range(keys.shape[1])])
    else:  # a large batch looks up most of the window anyway
        index = ReuseIndex()
    index.gram_cache.update(pending_grams)
    # stored articles come with their exact key and 5-gram hashes; only rows written before
    # those were kept (schema 5) need their body re-tokenised, and get them written back
    backfill: list[str] = []
    window_rows = conn.execute(
        "SELECT a.id, a.seq, a.outlet, a.published, a.credited_source, a.agencies, a.duplicate_of, m.signature, "
        "m.exact_key, m.grams, CASE WHEN m.grams IS NULL OR m.exact_key IS NULL THEN a.body END AS body "
        "FROM articles a JOIN minhash m ON m.article_id = a.id "
        "WHERE a.event_id IS NOT NULL AND a.published >= ? AND a.published < ?", (lo_s, hi_s)).fetchall()
    window_sigs = [np.frombuffer(r["signature"], dtype=np.uint32) for r in window_rows]
    window_keys = band_keys(np.stack(window_sigs)).tolist() if window_sigs else []  # one numpy call for all
    for r, sig, row_keys in zip(window_rows, window_sigs, window_keys):
        stored = r["grams"] is not None and r["exact_key"] is not None
        doc = Doc(r["id"], r["seq"], r["outlet"], r["published"], r["body"] or "", r["credited_source"],
                  json.loads(r["agencies"]), r["duplicate_of"], _key=r["exact_key"] if stored else None)
        index.add(doc, sig, grams_from_bytes(r["grams"]) if stored else None, keys=row_keys)
        if not stored:
            backfill.append(doc.id)
    article_event: dict[str, str] = {}
    for r in conn.execute("SELECT id, event_id FROM articles WHERE event_id IS NOT NULL AND published >= ? AND published < ?", (lo_s, hi_s)):
        article_event[r["id"]] = r["event_id"]
    # events the new articles can match by similarity end within window_days of them; older ones that a
    # duplicate or reuse edge points to (up to the reuse window) are loaded when asked for
    match_lo = (lo - dt.timedelta(days=int(params()["window_days"]))).isoformat()
    open_events = [Event.from_features(r["id"], json.loads(r["features"]))
                   for r in conn.execute("SELECT id, features FROM events WHERE last_date >= ?", (match_lo,))]

    def load_event(event_id: str) -> Event | None:
        row = conn.execute("SELECT id, features FROM events WHERE id=?", (event_id,)).fetchone()
        return Event.from_features(row["id"], json.loads(row["features"])) if row else None

    clusterer = EventClusterer(open_events, loader=load_event)
    clusterer.article_event.update(article_event)
    n_docs_row = conn.execute("SELECT value FROM meta WHERE key='n_docs'").fetchone()
    dfs = DocumentFrequencies(n_docs=int(n_docs_row[0]) if n_docs_row else 0,
                              lookup=lambda terms: _stored_dfs(conn, terms))
    story_window = int(params()["story_window_days"])
    story_rows = conn.execute("SELECT id, features, event_ids FROM stories WHERE last_date >= ?",
                              ((lo - dt.timedelta(days=story_window)).isoformat(),)).fetchall()
    linker = StoryLinker([Story.from_features(r["id"], json.loads(r["features"]), json.loads(r["event_ids"]))
                          for r in story_rows], dfs)
    event_story = {r["id"]: r["story_id"] for r in conn.execute("SELECT id, story_id FROM events WHERE last_date >= ?", (lo_s,))}

    # --- duplicates and reuse, then events, article by article in publication order -------
    updates: list[tuple[Any, ...]] = []
    created: set[str] = set()
    reuses_of: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for a, doc, sig, d in zip(pending, docs, signatures, dates):
        doc.duplicate_of = index.duplicate_of(doc, sig)
        edges = index.reuse_pairs(doc)
        index.add(doc, sig)
        if doc.duplicate_of:
            counts.duplicates += 1
        forced = None
        if doc.duplicate_of:
            forced = clusterer.article_event.get(doc.duplicate_of)
        if forced is None:
            forced = reuse_event(a.id, edges, clusterer.article_event)
        feats = article_features(a.id, a.title, a.body, a.published, [e.canonical for e in a.entities if e.type != "MISC"],
                                 dfs, fallback_date=d, duplicate_of=doc.duplicate_of, outlet=a.outlet,
                                 places=[e.canonical for e in a.entities if e.type == "LOC"])
        eid = clusterer.assign(feats, forced)
        if clusterer.events[eid].size == 1:
            created.add(eid)
        for e in edges:
            counts.reuse_edges += 1
            copier = e["to"]
            reuses_of[copier].append({"article_id": e["from"], "kind": e["kind"], "coverage": e["coverage"],
                                      "source_coverage": e["source_coverage"], "names_differ": e["names_differ"],
                                      "passages": e["passages"]})
        updates.append((a.id, eid, doc.duplicate_of, sig))
        clusterer.prune(d)

    # --- events merged into another: their stored articles and stories follow the survivor --
    merged = {gone: clusterer.resolve(gone) for gone in clusterer.merged}
    counts.events_new = len(created - set(merged))
    for story in linker.stories.values():
        if any(x in merged for x in story.event_ids):
            story.event_ids = [x for x in story.event_ids if x not in merged]
            linker.touched.add(story.id)

    # --- stories for events that have none yet ---------------------------------------
    touched = [e for e in clusterer.all_events() if e.touched]
    counts.events_touched = len(touched)
    for e in sorted(touched, key=lambda e: (e.first, e.id)):
        if not event_story.get(e.id):
            before = len(linker.stories)
            event_story[e.id] = linker.assign(e)
            counts.stories_new += len(linker.stories) - before

    # --- write everything in one transaction ------------------------------------------
    with conn:
        for e in touched:
            conn.execute(
                "INSERT INTO events(id, story_id, date, first_date, last_date, size, features) VALUES(?,?,?,?,?,?,?) "
                "ON CONFLICT(id) DO UPDATE SET story_id=excluded.story_id, first_date=excluded.first_date, "
                "last_date=excluded.last_date, size=excluded.size, features=excluded.features, date=excluded.date",
                (e.id, event_story.get(e.id), e.first.isoformat(), e.first.isoformat(), e.last.isoformat(), e.size,
                 json.dumps(e.to_features(), ensure_ascii=False)),
            )
        for s in (linker.stories[sid] for sid in sorted(linker.touched)):
            conn.execute(
                "INSERT INTO stories(id, first_date, last_date, event_ids, features) VALUES(?,?,?,?,?) "
                "ON CONFLICT(id) DO UPDATE SET first_date=excluded.first_date, last_date=excluded.last_date, "
                "event_ids=excluded.event_ids, features=excluded.features",
                (s.id, s.first.isoformat(), s.last.isoformat(), json.dumps(s.event_ids), json.dumps(s.to_features(), ensure_ascii=False)),
            )
        for gone, keep in merged.items():
            conn.execute("UPDATE articles SET event_id=?, story_id=? WHERE event_id=?", (keep, event_story.get(keep), gone))
            conn.execute("DELETE FROM events WHERE id=?", (gone,))
            conn.execute("UPDATE event_aliases SET event_id=? WHERE event_id=?", (keep, gone))
            conn.execute("INSERT OR REPLACE INTO event_aliases(id, event_id) VALUES(?, ?)", (gone, keep))
        if merged:  # stored stories outside the window that list a merged event: one scan, not a LIKE scan per merge
            for row in conn.execute("SELECT id, event_ids FROM stories").fetchall():
                if row["id"] in linker.stories:
                    continue  # rewritten above from memory
                listed = json.loads(row["event_ids"])
                if not merged.keys().isdisjoint(listed):
                    conn.execute("UPDATE stories SET event_ids=? WHERE id=?",
                                 (json.dumps([x for x in listed if x not in merged]), row["id"]))
        conn.execute("DELETE FROM stories WHERE event_ids = '[]'")
        for article_id, eid, dup, sig in updates:
            eid = clusterer.resolve(eid)
            conn.execute("UPDATE articles SET event_id=?, story_id=?, duplicate_of=?, reuses=? WHERE id=?",
                         (eid, event_story.get(eid), dup, json.dumps(reuses_of.get(article_id, []), ensure_ascii=False), article_id))
            conn.execute("INSERT OR REPLACE INTO minhash(article_id, signature, exact_key, grams) VALUES(?,?,?,?)",
                         (article_id, sig.astype(np.uint32).tobytes(), index.docs[article_id].key(),
                          grams_to_bytes(index.gram_cache[article_id])))
        conn.executemany("UPDATE minhash SET exact_key=?, grams=? WHERE article_id=?",
                         [(index.docs[i].key(), grams_to_bytes(index.gram_cache[i]), i) for i in backfill if i in index.gram_cache])
        # reuse edges found from a new article towards an older one make the older one's record change too
        updated = {u[0] for u in updates}
        for copier, reuses in reuses_of.items():
            if copier not in updated:
                row = conn.execute("SELECT reuses FROM articles WHERE id=?", (copier,)).fetchone()
                if row:
                    combined = json.loads(row[0]) + [r for r in reuses if r not in json.loads(row[0])]
                    conn.execute("UPDATE articles SET reuses=? WHERE id=?", (json.dumps(combined, ensure_ascii=False), copier))
        conn.executemany("INSERT INTO vocab(term, df) VALUES(?,?) ON CONFLICT(term) DO UPDATE SET df=df+excluded.df",
                         list(dfs.added.items()))
        conn.execute("INSERT INTO meta(key, value) VALUES('n_docs', ?) ON CONFLICT(key) DO UPDATE SET value=excluded.value",
                     (str(dfs.n_docs),))
        touched_stories = {event_story[e.id] for e in touched if event_story.get(e.id)}
        touched_stories |= {sid for sid in linker.touched if linker.stories[sid].event_ids}  # lost a merged event
        refresh_records(store, [e.id for e in touched], touched_stories, summary_sentences)
    return counts


MAX_TIMELINE = 100


def _originals(conn: Any, event_id: str, cache: dict[str, list[dict[str, Any]]]) -> list[dict[str, Any]]:
    """An event's articles that are not duplicates, as export records (read once per refresh)."""
    if event_id not in cache:
        cache[event_id] = [row_to_article(r).to_record() for r in conn.execute(
            "SELECT * FROM articles WHERE event_id=? AND duplicate_of IS NULL", (event_id,))]
    return cache[event_id]


def refresh_records(store: Store, event_ids: list[str], story_ids: set[str], summary_sentences: int = 5) -> None:
    """Rebuild the JSON record, title and outlets of the given events and stories (inside the caller's transaction)."""
    conn = store.conn
    records: dict[str, dict[str, Any]] = {}
    for eid in event_ids:
        ev = conn.execute("SELECT * FROM events WHERE id=?", (eid,)).fetchone()
        arts = [row_to_article(r).to_record() for r in conn.execute(
            "SELECT * FROM articles WHERE event_id=? ORDER BY COALESCE(published,'9999'), seq", (eid,))]
        ids = {a["id"] for a in arts}
        provenance = []
        for a in arts:
            for r in a["reuses"]:
                provenance.append({"from": r["article_id"], "to": a["id"], "kind": r["kind"], "coverage": r["coverage"],
                                   "external": r["article_id"] not in ids})
        rec = build_event_record({"id": eid, "story_id": ev["story_id"], "date": ev["first_date"]}, arts, [],
                                 provenance, summary_sentences)
        records[eid] = rec
        conn.execute("UPDATE events SET title=?, record=? WHERE id=?", (rec["title"], json.dumps(rec, ensure_ascii=False), eid))
    for sid in story_ids:
        evs = conn.execute("SELECT id, title, first_date, last_date, record FROM events WHERE story_id=? ORDER BY first_date, id", (sid,)).fetchall()
        timeline, outlets = [], set()
        for ev in evs:
            rec = records.get(ev["id"]) or (json.loads(ev["record"]) if ev["record"] else {})
            timeline.append({"date": ev["first_date"], "event_id": ev["id"], "text": ev["title"] or "",
                             "article_ids": rec.get("article_ids", []), "outlets": rec.get("outlets", [])})
            outlets.update(rec.get("outlets", []))
        if len(timeline) > MAX_TIMELINE:  # a very long storyline: keep its most covered events
            top = sorted(timeline, key=lambda t: -len(t["article_ids"]))[:MAX_TIMELINE]
            timeline = sorted(top, key=lambda t: (t["date"] or "", t["event_id"]))
        biggest = max(evs, key=lambda ev: len((records.get(ev["id"]) or {}).get("article_ids", [])) or 0) if evs else None
        coverage = [{"outlet": r[0], "articles": r[1]} for r in conn.execute(
            "SELECT outlet, COUNT(*) AS n FROM articles WHERE story_id=? GROUP BY outlet ORDER BY n DESC, outlet", (sid,))]
        conn.execute("UPDATE stories SET title=?, outlets=?, event_ids=?, first_date=?, last_date=?, size=?, coverage=? WHERE id=?",
                     (biggest["title"] if biggest else None, json.dumps(sorted(outlets), ensure_ascii=False),
                      json.dumps([ev["id"] for ev in evs]), evs[0]["first_date"] if evs else None,
                      evs[-1]["first_date"] if evs else None, sum(c["articles"] for c in coverage),
                      json.dumps(coverage, ensure_ascii=False), sid))
        originals: dict[str, list[dict[str, Any]]] = {}  # event id -> its non-duplicate articles, read when needed
        counted: dict[str, Any] = {}  # article id -> the counts of people it states (related_disagreements)
        for ev in evs:  # every event of the story carries the storyline timeline
            rec = records.get(ev["id"]) or (json.loads(ev["record"]) if ev["record"] else None)
            if rec is not None:
                rec["timeline"] = timeline
                rec["story_id"] = sid
                # counts that differ from those of the story's other events of the same days
                same_days = [o["id"] for o in evs if o["id"] != ev["id"] and o["first_date"] <= ev["last_date"]
                             and o["last_date"] >= ev["first_date"]]
                own_disagreements = [d for d in rec.get("disagreements", []) if not d.get("related")]
                related = [a for o in same_days for a in _originals(conn, o, originals)]
                rec["disagreements"] = own_disagreements + (
                    related_disagreements(_originals(conn, ev["id"], originals), related, own_disagreements, counted)
                    if related else [])
                conn.execute("UPDATE events SET record=? WHERE id=?", (json.dumps(rec, ensure_ascii=False), ev["id"]))

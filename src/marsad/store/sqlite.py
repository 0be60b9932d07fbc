"""The embedded store: SQLite in WAL mode, versioned schema with forward migrations, FTS5 search.

Articles are keyed by their content-addressed id, so writing the same article twice
is a no-op; inputs are recorded as done only in the transaction that stores their
articles, so an interrupted run loses at most its open batch.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Iterable, Iterator
from dataclasses import asdict
from pathlib import Path
from typing import Any

from ..arabic.normalize import normalize_match
from ..records import Article, DateMention, Entity, Quote

MIGRATIONS: list[str] = [
    # 1: the initial schema
    """
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE runs (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        started REAL NOT NULL, finished REAL,
        inputs TEXT NOT NULL, engine TEXT NOT NULL,
        counts TEXT, errors TEXT, timings TEXT
    );
    CREATE TABLE inputs (
        key TEXT PRIMARY KEY, fingerprint TEXT NOT NULL, status TEXT NOT NULL,
        articles INTEGER NOT NULL DEFAULT 0, run_id INTEGER REFERENCES runs(id), updated REAL NOT NULL
    );
    CREATE TABLE articles (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        input_id TEXT NOT NULL, outlet TEXT, url TEXT, title TEXT, published TEXT, body TEXT NOT NULL,
        credited_source TEXT, agencies TEXT NOT NULL DEFAULT '[]', dateline TEXT, author TEXT,
        event_id TEXT REFERENCES events(id) ON DELETE SET NULL,
        story_id TEXT,
        duplicate_of TEXT, reuses TEXT NOT NULL DEFAULT '[]',
        entities TEXT NOT NULL DEFAULT '[]', quotes TEXT NOT NULL DEFAULT '[]', dates TEXT NOT NULL DEFAULT '[]',
        source_text TEXT, dropped_lines TEXT NOT NULL DEFAULT '[]',
        analysed INTEGER NOT NULL DEFAULT 0, run_id INTEGER REFERENCES runs(id)
    );
    CREATE INDEX articles_event ON articles(event_id);
    CREATE INDEX articles_outlet ON articles(outlet);
    CREATE INDEX articles_published ON articles(published);
    CREATE INDEX articles_pending ON articles(event_id) WHERE event_id IS NULL;
    CREATE VIRTUAL TABLE articles_fts USING fts5(title, body, tokenize='unicode61 remove_diacritics 2');
    CREATE TABLE errors (run_id INTEGER REFERENCES runs(id), location TEXT NOT NULL, reason TEXT NOT NULL);
    CREATE TABLE templates (outlet TEXT NOT NULL, line_key TEXT NOT NULL, pages INTEGER NOT NULL, PRIMARY KEY (outlet, line_key)) WITHOUT ROWID;
    CREATE TABLE template_pages (outlet TEXT PRIMARY KEY, pages INTEGER NOT NULL);
    CREATE TABLE minhash (article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE, signature BLOB NOT NULL) WITHOUT ROWID;
    CREATE TABLE vocab (term TEXT PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID;
    CREATE TABLE events (
        id TEXT PRIMARY KEY, story_id TEXT, title TEXT, date TEXT, first_date TEXT, last_date TEXT,
        size INTEGER NOT NULL DEFAULT 0, features TEXT NOT NULL DEFAULT '{}', record TEXT
    );
    CREATE INDEX events_last ON events(last_date);
    CREATE TABLE stories (
        id TEXT PRIMARY KEY, title TEXT, first_date TEXT, last_date TEXT,
        event_ids TEXT NOT NULL DEFAULT '[]', outlets TEXT NOT NULL DEFAULT '[]', features TEXT NOT NULL DEFAULT '{}'
    );
    """,
    # 2: lookups by story (story pages, timelines, story filters)
    """
    CREATE INDEX IF NOT EXISTS events_story ON events(story_id);
    CREATE INDEX IF NOT EXISTS articles_story ON articles(story_id);
    """,
    # 3: story sizes kept on the row, so listing and sorting stories reads no articles
    """
    ALTER TABLE stories ADD COLUMN size INTEGER NOT NULL DEFAULT 0;
    UPDATE stories SET size = (SELECT COUNT(*) FROM articles a WHERE a.story_id = stories.id);
    CREATE INDEX IF NOT EXISTS stories_recent ON stories(last_date DESC, size DESC);
    CREATE INDEX IF NOT EXISTS stories_size ON stories(size DESC, last_date DESC);
    """,
    # 4: coverage by outlet kept on the story row (the stories list showed it by counting articles)
    """
    ALTER TABLE stories ADD COLUMN coverage TEXT NOT NULL DEFAULT '[]';
    UPDATE stories SET coverage = COALESCE((SELECT json_group_array(json_object('outlet', outlet, 'articles', n))
        FROM (SELECT outlet, COUNT(*) AS n FROM articles WHERE story_id = stories.id GROUP BY outlet ORDER BY n DESC)), '[]');
    """,
    # 5: each article's exact-duplicate key and 5-gram hashes kept next to its signature, so adding
    # articles to a large store looks them up instead of re-tokenising every article in the window
    """
    ALTER TABLE minhash ADD COLUMN exact_key TEXT;
    ALTER TABLE minhash ADD COLUMN grams BLOB;
    """,
    # 6: ids of events merged into another, so links and ids users kept still lead to the event
    """
    CREATE TABLE event_aliases (id TEXT PRIMARY KEY, event_id TEXT NOT NULL);
    """,
]

class Store:
    """A marsad database. One writer at a time (SQLite), readers concurrently (WAL)."""

    def __init__(self, path: str | Path = "marsad.db", *, readonly: bool = False) -> None:
        self.path = str(path)
        if readonly:
            uri = f"file:{Path(self.path).resolve()}?mode=ro"
            self.conn = sqlite3.connect(uri, uri=True, timeout=30, check_same_thread=False)
        else:
            if self.path != ":memory:":
                Path(self.path).parent.mkdir(parents=True, exist_ok=True)
            self.conn = sqlite3.connect(self.path, timeout=60, check_same_thread=False)
        self.conn.row_factory = sqlite3.Row
        self.conn.execute("PRAGMA foreign_keys = ON")
        self.conn.execute("PRAGMA busy_timeout = 60000")
        if not readonly:
            self.conn.execute("PRAGMA journal_mode = WAL")
            self.conn.execute("PRAGMA synchronous = NORMAL")
            self.migrate()

    # --- schema ---------------------------------------------------------------------
    def schema_version(self) -> int:
        try:
            row = self.conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
        except sqlite3.OperationalError:
            return 0
        return int(row[0]) if row else 0

    def migrate(self) -> None:
        current = self.schema_version()
        for version, script in enumerate(MIGRATIONS, start=1):
            if version <= current:
                continue
            with self.conn:
                for stmt in _split_sql(script):
                    self.conn.execute(stmt)
                self.conn.execute(
                    "INSERT INTO meta(key, value) VALUES('schema_version', ?) "
                    "ON CONFLICT(key) DO UPDATE SET value=excluded.value", (str(version),)
                )

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- runs and inputs ---------------------------------------------------------------
    def start_run(self, inputs: list[str], engine: str) -> int:
        with self.conn:
            cur = self.conn.execute("INSERT INTO runs(started, inputs, engine) VALUES(?,?,?)",
                                    (time.time(), json.dumps(inputs, ensure_ascii=False), engine))
        return int(cur.lastrowid)

    def finish_run(self, run_id: int, counts: dict[str, Any], timings: dict[str, float]) -> None:
        with self.conn:
            self.conn.execute("UPDATE runs SET finished=?, counts=?, timings=? WHERE id=?",
                              (time.time(), json.dumps(counts), json.dumps(timings), run_id))

    def input_done(self, key: str, fingerprint: str) -> bool:
        row = self.conn.execute("SELECT fingerprint, status FROM inputs WHERE key=?", (key,)).fetchone()
        return bool(row) and row["fingerprint"] == fingerprint and row["status"] == "done"

    def record_errors(self, run_id: int, errors: Iterable[tuple[str, str]]) -> None:
        self.conn.executemany("INSERT INTO errors(run_id, location, reason) VALUES(?,?,?)",
                              [(run_id, w, r) for w, r in errors])

    # --- articles ---------------------------------------------------------------------
    def write_batch(self, run_id: int, articles: list[Article], done_inputs: list[tuple[str, str, int]],
                    errors: list[tuple[str, str]], template_pages: dict[str, int],
                    template_lines: dict[tuple[str, str], int]) -> int:
        """One transaction: new articles, their inputs marked done, errors, template counts.

        Returns how many articles were new.
        """
        added = 0
        with self.conn:
            for a in articles:
                cur = self.conn.execute(
                    """INSERT INTO articles(id, input_id, outlet, url, title, published, body, credited_source,
                       agencies, dateline, author, entities, quotes, dates, source_text, dropped_lines, analysed, run_id)
                       VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,1,?) ON CONFLICT(id) DO NOTHING""",
                    (a.id, a.input_id, a.outlet, a.url, a.title, a.published, a.body, a.credited_source,
                     _dump(a.agencies), a.dateline, a.author, _dump(a.entities), _dump(a.quotes), _dump(a.dates),
                     a.source_text, _dump(a.dropped_lines), run_id),
                )
                if cur.rowcount:
                    added += 1
                    seq = self.conn.execute("SELECT seq FROM articles WHERE id=?", (a.id,)).fetchone()[0]
                    self.conn.execute("INSERT INTO articles_fts(rowid, title, body) VALUES(?,?,?)",
                                      (seq, fts_text(a.title or ""), fts_text(a.body)))
            for key, fp, n in done_inputs:
                self.conn.execute(
                    "INSERT INTO inputs(key, fingerprint, status, articles, run_id, updated) VALUES(?,?,?,?,?,?) "
                    "ON CONFLICT(key) DO UPDATE SET fingerprint=excluded.fingerprint, status=excluded.status, "
                    "articles=excluded.articles, run_id=excluded.run_id, updated=excluded.updated",
                    (key, fp, "done" if n >= 0 else "failed", max(n, 0), run_id, time.time()),
                )
            if errors:
                self.record_errors(run_id, errors)
            for outlet, n in template_pages.items():
                self.conn.execute("INSERT INTO template_pages(outlet, pages) VALUES(?,?) "
                                  "ON CONFLICT(outlet) DO UPDATE SET pages=pages+excluded.pages", (outlet, n))
            self.conn.executemany(
                "INSERT INTO templates(outlet, line_key, pages) VALUES(?,?,?) "
                "ON CONFLICT(outlet, line_key) DO UPDATE SET pages=pages+excluded.pages",
                [(o, k, n) for (o, k), n in template_lines.items()],
            )
        return added

    def load_templates(self):  # -> TemplateView (imported lazily: the store must not need clean/)
        from collections import Counter

        from ..clean.templates import TemplateView

        view = TemplateView()
        for row in self.conn.execute("SELECT outlet, pages FROM template_pages"):
            view.pages[row[0]] = row[1]
        for row in self.conn.execute("SELECT outlet, line_key, pages FROM templates WHERE pages >= 2"):
            view.lines.setdefault(row[0], Counter())[row[1]] = row[2]
        return view

    def count(self, table: str, where: str = "", params: tuple[Any, ...] = ()) -> int:
        assert table in {"articles", "events", "stories", "inputs", "errors", "runs"}
        return int(self.conn.execute(f"SELECT COUNT(*) FROM {table} {where}", params).fetchone()[0])

    def iter_articles(self, where: str = "", params: tuple[Any, ...] = (), order: str = "seq") -> Iterator[Article]:
        for row in self.conn.execute(f"SELECT * FROM articles {where} ORDER BY {order}", params):
            yield row_to_article(row)

    def resolve_event_id(self, event_id: str) -> str | None:
        """The id of the event ``event_id`` names now: itself, or the event it was merged into."""
        if self.conn.execute("SELECT 1 FROM events WHERE id=?", (event_id,)).fetchone():
            return event_id
        try:
            row = self.conn.execute("SELECT event_id FROM event_aliases WHERE id=?", (event_id,)).fetchone()
        except sqlite3.OperationalError:  # a store opened read-only before migration 6
            return None
        return row[0] if row else None

    def get_article(self, article_id: str) -> Article | None:
        row = self.conn.execute("SELECT * FROM articles WHERE id=?", (article_id,)).fetchone()
        return row_to_article(row) if row else None

    def search(self, query: str, limit: int = 20, offset: int = 0, order: str = "recent") -> list[dict[str, Any]]:
        """Full-text search, Arabic-normalised; each hit with a highlighted snippet of the body.

        ``order="recent"`` (newest stored first) lets FTS5 stop at the limit; "relevance" (bm25)
        scores every match, which is slow for very common words.
        """
        terms = [t for t in fts_text(query).split() if t]
        if not terms:
            return []
        match = " ".join('"' + t.replace('"', "") + '"' for t in terms)
        rows = self.conn.execute(
            "SELECT a.id, a.title, a.outlet, a.published, a.event_id, a.body, bm25(articles_fts) AS rank "
            "FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid "
            "WHERE articles_fts MATCH ? ORDER BY " + ("rank" if order == "relevance" else "articles_fts.rowid DESC")
            + " LIMIT ? OFFSET ?",
            (match, limit, offset),
        ).fetchall()
        return [
            {"id": r["id"], "title": r["title"], "outlet": r["outlet"], "published": r["published"],
             "event_id": r["event_id"], "snippet": snippet(r["body"], terms)}
            for r in rows
        ]


def _split_sql(script: str) -> list[str]:
    return [s.strip() for s in script.split(";\n") if s.strip()]


def fts_text(text: str) -> str:
    """What FTS5 indexes: matching-level text (so أ/إ/آ/ا, ة/ه, ى/ي, diacritics, tatweel all match)."""
    return normalize_match(text)


def snippet(body: str, terms: list[str], width: int = 90) -> list[dict[str, Any]]:
    """A window of the body around the first hit, as segments [{text, hit}] so renderers escape it safely."""
    norm = normalize_match(body)  # same length as body for letters we fold one-to-one
    pos = min((p for p in (norm.find(t) for t in terms) if p >= 0), default=0)
    lo, hi = max(0, pos - width // 2), min(len(body), pos + width)
    window, nwin = body[lo:hi], norm[lo:hi]
    segments, i = [], 0
    while i < len(window):
        hit = next((t for t in terms if t and nwin.startswith(t, i)), None)
        if hit:
            segments.append({"text": window[i : i + len(hit)], "hit": True})
            i += len(hit)
        else:
            j = i + 1
            while j < len(window) and not any(t and nwin.startswith(t, j) for t in terms):
                j += 1
            segments.append({"text": window[i:j], "hit": False})
            i = j
    return segments


def _dump(value: Any) -> str:
    if isinstance(value, list):
        value = [asdict(v) if hasattr(v, "__dataclass_fields__") else v for v in value]
    return json.dumps(value, ensure_ascii=False)


def row_to_article(row: sqlite3.Row) -> Article:
    keys = row.keys()
    a = Article(
        id=row["id"], input_id=row["input_id"], outlet=row["outlet"], url=row["url"], title=row["title"],
        published=row["published"], body=row["body"], credited_source=row["credited_source"],
        agencies=json.loads(row["agencies"]), dateline=row["dateline"], author=row["author"],
        event_id=row["event_id"], story_id=row["story_id"], duplicate_of=row["duplicate_of"],
        reuses=json.loads(row["reuses"]),
        entities=[Entity(**e) for e in json.loads(row["entities"])],
        quotes=[Quote(**q) for q in json.loads(row["quotes"])],
        dates=[DateMention(**d) for d in json.loads(row["dates"])],
        source_text=row["source_text"] if "source_text" in keys else None,
        dropped_lines=json.loads(row["dropped_lines"]) if "dropped_lines" in keys else [],
    )
    return a

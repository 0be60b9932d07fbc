"""``marsad serve``: a read-only JSON API (OpenAPI at /docs) and the web UI over one store.

Safe by default: every query is parameterised, the store is opened read-only, all
page text is escaped by Jinja2's autoescaping, and no request path reaches the file
system (templates and static assets are package resources).
"""


import contextlib
import json
import os
import sys
import threading
from collections import Counter
from collections.abc import AsyncIterator, Callable, Iterator
from itertools import groupby
from pathlib import Path
from typing import Annotated, Any, Literal

import anyio.to_thread
from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi import Path as PathParam
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates

from ..report.render import CSS, DISAGREE_AR, KIND_AR, TOLL_ROSE, outlet_label
from ..store.sqlite import Store
from .cache import ResponseCache

TEMPLATES = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))
TEMPLATES.env.filters["when"] = lambda value: (value or "")[:16].replace("T", " ")  # 2015-07-26T17:18:59 → 2015-07-26 17:18
TEMPLATES.env.filters["outlet"] = outlet_label  # "3alyoum" → "عين اليوم"
EDGE_COLOURS = {"copy": "#0b6e4f", "rewrite": "#c2410c", "shared_source": "#2563eb", "template": "#6b7280"}  # provenance graph, by reuse kind
COLORS = ["#0b6e4f", "#2563eb", "#9333ea", "#c2410c", "#0891b2", "#be123c", "#4d7c0f", "#a16207", "#475569", "#db2777"]


def create_app(db: str, cache_mb: int = 64, threads: int = int(os.environ.get("MARSAD_WEB_THREADS", "4"))) -> FastAPI:
    if not Path(db).exists():
        raise FileNotFoundError(db)
    @contextlib.asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        # queries and page renders are CPU work under one GIL: a few threads finish them one after another,
        # forty would share the CPU and all finish late (the default pool has 40)
        anyio.to_thread.current_default_thread_limiter().total_tokens = threads
        # a busy event loop would otherwise hold the GIL for 5 ms at a time while a search waits in a thread
        sys.setswitchinterval(0.001)
        yield

    app = FastAPI(title="marsad", description="Arabic news stories, events and articles (read-only).", version="0.1.0",
                  lifespan=lifespan)
    local = threading.local()

    def current_store() -> Store:
        # one read-only connection per server thread, reused across requests (opening one per
        # request cost more than most queries); WAL lets it read while a run writes
        s = getattr(local, "store", None)
        if s is None:
            s = local.store = Store(db, readonly=True)
        return s

    def store() -> Iterator[Store]:
        yield current_store()

    S = Annotated[Store, Depends(store)]

    async def query(fn: Callable[..., Any], *args: Any, slow: bool = False) -> Any:
        """Run ``fn(store, *args)``: inline on the event loop when it is a quick indexed lookup,
        in the thread pool (with that thread's connection) when it may scan."""
        if slow:
            return await anyio.to_thread.run_sync(lambda: fn(current_store(), *args))
        return fn(current_store(), *args)

    # --- JSON API ---------------------------------------------------------------------------
    @app.get("/api/stories", tags=["api"], response_class=JSONResponse)
    async def api_stories(page: Annotated[int, Query(ge=1, le=100_000)] = 1,
                    size: Annotated[int, Query(ge=1, le=200)] = 20,
                    sort: Literal["recent", "size"] = "recent",
                    outlet: Annotated[str | None, Query(max_length=200)] = None,
                    date_from: Annotated[str | None, Query(pattern=r"^\d{4}-\d{2}-\d{2}$")] = None,
                    date_to: Annotated[str | None, Query(pattern=r"^\d{4}-\d{2}-\d{2}$")] = None,
                    entity: Annotated[str | None, Query(max_length=200)] = None) -> Response:
        return json_response(await query(list_stories, page, size, sort, outlet, date_from, date_to, entity,
                                         slow=bool(outlet or entity)))

    # Lookups by id take a few milliseconds at most: they run on the event loop, first come first
    # served, with no thread hop; searches and listings, which can take longer, run in the thread pool.
    @app.get("/api/stories/{story_id}", tags=["api"], response_class=JSONResponse)
    async def api_story(story_id: Annotated[str, PathParam(max_length=64)]) -> Response:
        return json_response(get_story(current_store(), story_id))

    @app.get("/api/events/{event_id}", tags=["api"], response_class=JSONResponse)
    async def api_event(event_id: Annotated[str, PathParam(max_length=64)]) -> Response:
        r = current_store().conn.execute("SELECT record FROM events WHERE id=?", (event_id,)).fetchone()
        if r is None and (merged_into := current_store().resolve_event_id(event_id)):
            return RedirectResponse(f"/api/events/{merged_into}", status_code=308)  # merged into another event
        if r is None or not r["record"]:
            raise HTTPException(404, f"no event {event_id!r}")
        return Response(r["record"].encode(), media_type="application/json")  # stored as JSON: sent as is

    @app.get("/api/articles/{article_id}", tags=["api"], response_class=JSONResponse)
    async def api_article(article_id: Annotated[str, PathParam(max_length=64)]) -> Response:
        return json_response(get_article(current_store(), article_id))

    @app.get("/api/search", tags=["api"], response_class=JSONResponse)
    async def api_search(q: Annotated[str, Query(min_length=1, max_length=300)],
                         page: Annotated[int, Query(ge=1, le=10_000)] = 1,
                         size: Annotated[int, Query(ge=1, le=100)] = 20,
                         sort: Literal["recent", "relevance"] = "recent") -> Response:
        # newest-first reads the index in date order and stops early (under 10 ms on 31k articles); ranking
        # by relevance scores every match (170 ms for the commonest word), as do deep pages
        hits = await query(Store.search, q, size, (page - 1) * size, sort, slow=sort == "relevance" or page > 10)
        return json_response({"query": q, "page": page, "size": size, "sort": sort, "results": hits})

    @app.get("/api/outlets", tags=["api"], response_class=JSONResponse)
    async def api_outlets() -> Response:
        return json_response(outlet_counts(current_store()))

    @app.get("/api/entities", tags=["api"])
    def api_entities(store: S, q: Annotated[str | None, Query(max_length=200)] = None,
                     limit: Annotated[int, Query(ge=1, le=500)] = 50) -> list[dict[str, Any]]:
        return list_entities(store, q, limit)

    # --- web UI --------------------------------------------------------------------------------
    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    async def ui_index(request: Request, page: Annotated[int, Query(ge=1, le=100_000)] = 1,
                       sort: Literal["recent", "size"] = "recent") -> Response:
        store = current_store()
        data = list_stories(store, page, 20, sort, None, None, None, None)
        colors = _outlet_colors(store)
        return TEMPLATES.TemplateResponse(request, "index.html", {"data": data, "colors": colors, "css": CSS, "sort": sort})

    @app.get("/stories/{story_id}", response_class=HTMLResponse, include_in_schema=False)
    async def ui_story(request: Request, story_id: Annotated[str, PathParam(max_length=64)]) -> Response:
        story = get_story(current_store(), story_id)
        return TEMPLATES.TemplateResponse(request, "story.html", {"story": story, "css": CSS, "chart": _timeline_chart(story)})

    @app.get("/events/{event_id}", response_class=HTMLResponse, include_in_schema=False)
    async def ui_event(request: Request, event_id: Annotated[str, PathParam(max_length=64)]) -> Response:
        store = current_store()
        merged_into = store.resolve_event_id(event_id)
        if merged_into and merged_into != event_id:
            return RedirectResponse(f"/events/{merged_into}", status_code=308)
        event = get_event(store, event_id)
        arts = _article_index(store, event["article_ids"])
        # disagreements with the storyline's other events of the same days cite articles outside this event
        # (and a copy group's origin may be an older article of another event)
        outside = sorted(({i for d in event.get("disagreements", []) for v in d["values"] for i in v["article_ids"]}
                          | {g["origin"] for g in event.get("copy_groups", [])}) - set(arts))
        return TEMPLATES.TemplateResponse(request, "event.html", {
            "e": event, "arts": arts, "cited": {**arts, **_article_index(store, outside)}, "css": CSS,
            "labels": DISAGREE_AR, "toll_rose": TOLL_ROSE, "kinds": KIND_AR, "edge_colours": EDGE_COLOURS, "graph": _provenance_svg(event, arts)})

    @app.get("/articles/{article_id}", response_class=HTMLResponse, include_in_schema=False)
    async def ui_article(request: Request, article_id: Annotated[str, PathParam(max_length=64)]) -> Response:
        store = current_store()
        art = get_article(store, article_id)
        sources = _article_index(store, sorted({r["article_id"] for r in art["reuses"]}))
        return TEMPLATES.TemplateResponse(request, "article.html", {
            "a": art, "css": CSS, "lines": _source_lines(art), "kinds": KIND_AR, "sources": sources,
            "segments": _reused_segments(art["body"], art["reuses"])})

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    async def ui_search(request: Request, q: Annotated[str, Query(max_length=300)] = "") -> Response:
        hits = await query(Store.search, q, 50) if q.strip() else []
        return TEMPLATES.TemplateResponse(request, "search.html", {"q": q, "hits": hits, "css": CSS})

    if cache_mb > 0:
        app.add_middleware(ResponseCache, db=db, max_bytes=cache_mb * 1024 * 1024)
    return app


def json_response(data: Any) -> Response:
    """JSON straight from ``json.dumps``: the records are plain dicts already, and FastAPI's
    generic encoder cost more than the query on large event records."""
    return Response(json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode(), media_type="application/json")


# --- queries ------------------------------------------------------------------------------------
def outlet_counts(store: Store) -> list[dict[str, Any]]:
    """Articles per outlet, cached on the connection until another connection commits
    (SQLite's data_version changes then), so readers never see stale counts."""
    version = store.conn.execute("PRAGMA data_version").fetchone()[0]
    hit = getattr(store, "_outlets_cache", None)
    if hit and hit[0] == version:
        return hit[1]
    rows = store.conn.execute("SELECT outlet, COUNT(*) AS n FROM articles GROUP BY outlet ORDER BY n DESC, outlet")
    value = [{"outlet": r["outlet"], "name": outlet_label(r["outlet"]), "articles": r["n"]} for r in rows]
    store._outlets_cache = (version, value)  # type: ignore[attr-defined]
    return value


def list_stories(store: Store, page: int, size: int, sort: str, outlet: str | None, date_from: str | None,
                 date_to: str | None, entity: str | None) -> dict[str, Any]:
    where, params = [], []
    if outlet:
        where.append("s.id IN (SELECT story_id FROM articles WHERE outlet = ?)")
        params.append(outlet)
    if date_from:
        where.append("s.last_date >= ?")
        params.append(date_from)
    if date_to:
        where.append("s.first_date <= ?")
        params.append(date_to)
    if entity:
        where.append("s.id IN (SELECT story_id FROM articles WHERE instr(entities, ?) > 0)")
        params.append(json.dumps(entity, ensure_ascii=False)[1:-1])
    clause = ("WHERE " + " AND ".join(where)) if where else ""
    order = "s.size DESC, s.last_date DESC" if sort == "size" else "s.last_date DESC, s.size DESC"
    total = store.conn.execute(f"SELECT COUNT(*) FROM stories s {clause}", params).fetchone()[0]
    rows = store.conn.execute(
        f"SELECT s.*, s.size AS n_articles FROM stories s {clause} "
        f"ORDER BY {order}, s.id LIMIT ? OFFSET ?", [*params, size, (page - 1) * size]).fetchall()
    items = []
    for r in rows:
        coverage = json.loads(r["coverage"])
        items.append({"id": r["id"], "title": r["title"], "first_date": r["first_date"], "last_date": r["last_date"],
                      "event_ids": json.loads(r["event_ids"]), "outlets": json.loads(r["outlets"]),
                      "articles": r["n_articles"], "coverage": coverage})
    return {"page": page, "size": size, "total": total, "items": items}


def get_story(store: Store, story_id: str) -> dict[str, Any]:
    r = store.conn.execute("SELECT * FROM stories WHERE id=?", (story_id,)).fetchone()
    if r is None:
        raise HTTPException(404, f"no story {story_id!r}")
    events = []
    outlets_of: dict[str, list[str]] = {}
    for row in store.conn.execute("SELECT DISTINCT event_id, outlet FROM articles WHERE story_id=? ORDER BY outlet", (story_id,)):
        outlets_of.setdefault(row["event_id"], []).append(row["outlet"])
    # a storyline page shows at most its 300 largest events (in date order)
    for ev in store.conn.execute("SELECT * FROM (SELECT id, title, date, size FROM events WHERE story_id=? "
                                 "ORDER BY size DESC, date LIMIT 300) ORDER BY date, id", (story_id,)):
        events.append({"id": ev["id"], "title": ev["title"], "date": ev["date"], "articles": ev["size"],
                       "outlets": [o for o in outlets_of.get(ev["id"], []) if o]})
    return {"id": r["id"], "title": r["title"], "first_date": r["first_date"], "last_date": r["last_date"],
            "outlets": json.loads(r["outlets"]), "events": events,
            "timeline": [{"date": e["date"], "text": e["title"], "event_id": e["id"], "outlets": e["outlets"]} for e in events]}


def get_event(store: Store, event_id: str) -> dict[str, Any]:
    r = store.conn.execute("SELECT record FROM events WHERE id=?", (event_id,)).fetchone()
    if r is None or not r["record"]:
        raise HTTPException(404, f"no event {event_id!r}")
    return json.loads(r["record"])


def get_article(store: Store, article_id: str) -> dict[str, Any]:
    a = store.get_article(article_id)
    if a is None:
        raise HTTPException(404, f"no article {article_id!r}")
    rec = a.to_record()
    rec["source_text"] = a.source_text
    rec["dropped_lines"] = a.dropped_lines
    return rec


def list_entities(store: Store, q: str | None, limit: int) -> list[dict[str, Any]]:
    """Entities across events (largest events first), merged by canonical name; ``q`` matches any
    spelling (a query for ترمب finds ترامب)."""
    from ..arabic.normalize import normalize_match
    from ..arabic.variants import variant_key

    counts: dict[str, dict[str, Any]] = {}
    types: dict[str, Counter[str]] = {}
    for row in store.conn.execute("SELECT id, record FROM events WHERE record IS NOT NULL ORDER BY size DESC LIMIT 5000"):
        rec = json.loads(row["record"])
        for e in rec.get("entities", []):
            key = e["canonical"]  # one entry per name, typed by most of its mentions (as within an event)
            entry = counts.setdefault(key, {"canonical": e["canonical"], "type": e["type"], "variants": [], "mentions": 0, "event_ids": []})
            entry["mentions"] += e["count"]
            types.setdefault(key, Counter()).update(e.get("types") or {e["type"]: e["count"]})
            entry["event_ids"].append(row["id"])
            for v in e["variants"]:
                if v not in entry["variants"]:
                    entry["variants"].append(v)
    for key, entry in counts.items():
        entry["type"] = max(types[key], key=lambda t: types[key][t])
    found = list(counts.values())
    if q:
        needle, key = normalize_match(q), variant_key(q)
        found = [e for e in found if any(needle in normalize_match(n) or variant_key(n) == key for n in [e["canonical"], *e["variants"]])]
    return sorted(found, key=lambda x: -x["mentions"])[:limit]


# --- helpers for pages --------------------------------------------------------------------------
def _outlet_colors(store: Store) -> dict[str, str]:
    return {o["outlet"]: COLORS[i % len(COLORS)] for i, o in enumerate(outlet_counts(store))}


def _reused_segments(body: str, reuses: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The body cut at the passages it shares with its sources: [{text, source (an article id or None)}]. Where
    passages of two sources overlap, the source sharing more of this text wins."""
    owner: list[str | None] = [None] * len(body)
    for r in sorted(reuses, key=lambda r: r["coverage"]):  # the largest source last, so it wins
        for start, end, _src_start, _src_end in r.get("passages", []):
            owner[max(start, 0):min(end, len(body))] = [r["article_id"]] * (min(end, len(body)) - max(start, 0))
    segments: list[dict[str, Any]] = []
    pos = 0
    for source, run in groupby(owner):
        n = sum(1 for _ in run)
        segments.append({"text": body[pos:pos + n], "source": source})
        pos += n
    return segments


def _article_index(store: Store, ids: list[str]) -> dict[str, dict[str, Any]]:
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    return {r["id"]: dict(r) for r in store.conn.execute(
        f"SELECT id, outlet, title, published, duplicate_of FROM articles WHERE id IN ({marks})", ids)}


def _timeline_chart(story: dict[str, Any]) -> dict[str, Any]:
    """Geometry of an SVG timeline: one dot per event, x by date, radius by size."""
    import datetime as dt

    events = [e for e in story["events"] if e["date"]]
    if not events:
        return {"width": 600, "dots": []}
    dates = [dt.date.fromisoformat(e["date"][:10]) for e in events]
    lo, hi = min(dates), max(dates)
    span = max((hi - lo).days, 1)
    dots = []
    for e, d in zip(events, dates):
        x = 40 + 520 * (d - lo).days / span
        dots.append({"x": round(560 - (x - 40), 1), "r": min(6 + 2 * e["articles"], 22), "date": e["date"], "title": e["title"] or e["id"], "id": e["id"]})
    return {"width": 600, "dots": dots, "lo": lo.isoformat(), "hi": hi.isoformat()}


def _provenance_svg(event: dict[str, Any], arts: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """Layered layout: sources on the right (RTL reading start), copies to their left."""
    edges = [p for p in event.get("provenance", []) if p["from"] in arts and p["to"] in arts]
    if not edges:
        return {"nodes": [], "edges": []}
    depth: dict[str, int] = {}
    for _ in range(len(edges) + 1):
        for p in edges:
            depth.setdefault(p["from"], 0)
            depth[p["to"]] = max(depth.get(p["to"], 0), depth[p["from"]] + 1)
    layers: dict[int, list[str]] = {}
    for node, d in depth.items():
        layers.setdefault(min(d, 4), []).append(node)
    nodes = {}
    for d, members in layers.items():
        for i, node in enumerate(sorted(members)):
            nodes[node] = {"id": node, "x": 620 - d * 150, "y": 30 + i * 46, "label": (outlet_label(arts[node].get("outlet")) or node)[:18]}
    height = 60 + 46 * max(len(m) for m in layers.values())
    return {"nodes": list(nodes.values()), "height": height,
            "edges": [{"x1": nodes[p["from"]]["x"] - 60, "y1": nodes[p["from"]]["y"], "x2": nodes[p["to"]]["x"] + 60,
                       "y2": nodes[p["to"]]["y"], "kind": p["kind"], "coverage": p["coverage"],
                       "source": p.get("source", False)} for p in edges]}


def _source_lines(art: dict[str, Any]) -> list[dict[str, Any]]:
    """The page text line by line, each marked kept (in the body) or dropped."""
    from ..arabic.normalize import normalize_match

    body = {" ".join(normalize_match(p).split()) for p in art["body"].split("\n") if p.strip()}
    out = []
    for line in (art.get("source_text") or "").splitlines():
        if not line.strip():
            continue
        key = " ".join(normalize_match(line).split())
        kept = key in body or any(key and key in b for b in body)
        out.append({"text": line, "kept": kept})
    return out


def app_from_env() -> FastAPI:
    """Factory for `uvicorn --factory marsad.web.app:app_from_env` (multi-worker serving): the store from
    $MARSAD_DB, the response cache size from $MARSAD_WEB_CACHE_MB (0 turns it off)."""
    return create_app(os.environ.get("MARSAD_DB", "marsad.db"), cache_mb=int(os.environ.get("MARSAD_WEB_CACHE_MB", "64")))

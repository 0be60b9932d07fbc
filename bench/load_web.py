"""Load benchmark of `marsad serve`: 50 concurrent clients on 127.0.0.1, bounded in count and time.

    python bench/load_web.py --db /tmp/snn.db [--clients 50] [--requests 6000] [--seconds 120] [--pool 2000]

Starts the server in a subprocess on a free loopback port, replays a mix of API and page
requests (stories, a story, an event, an article, search, outlets) and prints p50/p99 latency,
for all requests and split by whether the response cache answered.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import socket
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

import httpx

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", type=Path, required=True)
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--requests", type=int, default=2000)
    ap.add_argument("--seconds", type=float, default=120)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--pool", type=int, default=2000, help="distinct stories, events and articles drawn from")
    args = ap.parse_args()
    con = sqlite3.connect(args.db)
    stories = [r[0] for r in con.execute("SELECT id FROM stories ORDER BY random() LIMIT ?", (args.pool,))]
    events = [r[0] for r in con.execute("SELECT id FROM events ORDER BY random() LIMIT ?", (args.pool,))]
    articles = [r[0] for r in con.execute("SELECT id FROM articles ORDER BY random() LIMIT ?", (args.pool,))]
    words = ["الرياض", "وزير", "الهلال", "اليمن", "مجلس الوزراء", "أمطار", "الأمير", "النفط"]
    con.close()
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "uvicorn", "--factory", "marsad.web.app:app_from_env", "--host", "127.0.0.1",
                               "--port", str(port), "--workers", str(args.workers), "--log-level", "warning"],
                              env={**__import__("os").environ, "MARSAD_DB": str(args.db)}, cwd=ROOT)
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            httpx.get(base + "/api/outlets", timeout=1)
            break
        except httpx.HTTPError:
            time.sleep(0.2)
    # warm-up, not counted: one request per page kind and worker (templates compiled, connections opened),
    # on ids the measured plan does not use, so the response cache starts empty for it
    for path in ["/api/outlets", "/", "/api/stories", f"/api/stories/{stories[-1]}", f"/api/events/{events[-1]}",
                 f"/events/{events[-2]}", f"/api/articles/{articles[-1]}", "/api/search?q=warm"] * args.workers:
        httpx.get(base + path, timeout=30)
    stories, events, articles = stories[:-2], events[:-2], articles[:-2]
    rng = random.Random(1)
    plan = []
    for _ in range(args.requests):
        kind = rng.choice(["stories", "story", "event", "article", "search", "outlets", "page_event", "page_index"])
        url = {"stories": f"/api/stories?page={rng.randint(1, 20)}", "story": f"/api/stories/{rng.choice(stories)}",
               "event": f"/api/events/{rng.choice(events)}", "article": f"/api/articles/{rng.choice(articles)}",
               "search": f"/api/search?q={rng.choice(words)}", "outlets": "/api/outlets",
               "page_event": f"/events/{rng.choice(events)}", "page_index": "/"}[kind]
        plan.append((kind, url))
    lat: dict[str, list[float]] = {}
    errors: list[tuple[str, int]] = []
    deadline = time.monotonic() + args.seconds

    async def client(i: int) -> None:
        # a minimal HTTP/1.1 keep-alive client on asyncio: a few microseconds per request, so the figures are the
        # server's, not a Python HTTP client's (50 httpx threads took about a core of the two here)
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        for k in range(i, len(plan), args.clients):
            if time.monotonic() > deadline:
                break
            kind, url = plan[k]
            t = time.perf_counter()
            writer.write(f"GET {quote(url, safe='/?=&')} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode())
            head = (await reader.readuntil(b"\r\n\r\n")).decode("latin-1").split("\r\n")
            status = int(head[0].split()[1])
            headers = dict(line.lower().split(": ", 1) for line in head[1:] if ": " in line)
            await reader.readexactly(int(headers.get("content-length", "0")))
            el = (time.perf_counter() - t) * 1000
            lat.setdefault(kind, []).append(el)
            lat.setdefault("cache " + headers.get("x-cache", "none"), []).append(el)
            if status != 200:
                errors.append((url, status))
        writer.close()

    async def run_all() -> None:
        await asyncio.gather(*(client(i) for i in range(args.clients)))

    t0 = time.perf_counter()
    asyncio.run(run_all())
    wall = time.perf_counter() - t0
    server.terminate()
    server.wait(timeout=10)
    every = sorted(x for k, v in lat.items() if not k.startswith("cache ") for x in v)

    def pct(xs: list[float], p: float) -> float:
        return xs[min(len(xs) - 1, int(p * len(xs)))]

    print(f"{len(every)} requests, {args.clients} concurrent clients, {args.workers} server workers, {wall:.1f} s, "
          f"{len(every) / wall:.0f} req/s, errors {len(errors)}")
    print(f"all: p50 {pct(every, 0.5):.1f} ms, p99 {pct(every, 0.99):.1f} ms")
    for kind, xs in sorted(lat.items()):
        xs.sort()
        print(f"  {kind}: n={len(xs)} p50 {statistics.median(xs):.1f} ms p99 {pct(xs, 0.99):.1f} ms")
    if errors:
        print("errors:", json.dumps(errors[:10]))


if __name__ == "__main__":
    main()

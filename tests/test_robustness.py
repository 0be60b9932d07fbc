"""Crash safety (SIGKILL during a run) and property-based tests of the text functions."""

from __future__ import annotations

import datetime as dt
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from marsad import extract, extract_quotes, find_dates
from marsad.arabic.normalize import normalize_display, normalize_match

from .conftest import DEMO

ROOT = Path(__file__).resolve().parent.parent


def _corpus(target: Path, copies: int = 12) -> int:
    """Many distinct pages from the demo's text pages: each copy gets its own outlet and a sentence of its own."""
    n = 0
    pages = sorted(p for p in DEMO.rglob("*.txt"))
    for k in range(copies):
        for page in pages:
            text = page.read_bytes()
            try:
                text = text.decode("utf-8")
            except UnicodeDecodeError:
                continue
            folder = target / f"{page.parent.name}-{k}"
            folder.mkdir(parents=True, exist_ok=True)
            extra = f"\nوأفادت مصادر محلية بأن عدد المتابعين بلغ {1000 + k * 37 + n} شخصا حتى ساعة إعداد هذا التقرير، بحسب الإحصاءات الأولية المتاحة.\n"
            lines = text.splitlines()
            # the unique sentence goes right after the first body paragraph so it stays in the article
            at = next((i for i, ln in enumerate(lines) if len(ln.split()) > 20), len(lines) - 1)
            lines.insert(at + 1, extra.strip())
            (folder / page.name).write_text("\n".join(lines) + "\n", encoding="utf-8")
            n += 1
    return n


def _run(args: list[str], **kw):  # type: ignore[no-untyped-def]
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.Popen([sys.executable, "-m", "marsad", "run", *args], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, **kw)


def _snapshot(db: Path) -> tuple[list[str], set[frozenset[str]], int]:
    con = sqlite3.connect(db)
    ids = [r[0] for r in con.execute("SELECT id FROM articles")]
    groups: dict[str, set[str]] = {}
    for aid, eid in con.execute("SELECT id, event_id FROM articles"):
        groups.setdefault(eid, set()).add(aid)
    stories = con.execute("SELECT COUNT(*) FROM stories").fetchone()[0]
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    con.close()
    return ids, {frozenset(g) for g in groups.values()}, stories


def test_sigkill_at_random_points_loses_and_duplicates_nothing(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    pages = _corpus(corpus)
    assert pages >= 300
    reference = tmp_path / "ref.db"
    proc = _run([str(corpus), "--db", str(reference)])
    assert proc.wait(timeout=240) == 0, proc.stderr.read().decode()[-2000:]
    ref_ids, ref_events, ref_stories = _snapshot(reference)
    assert len(ref_ids) >= pages

    db = tmp_path / "killed.db"
    rng = random.Random(7)
    kills = 0
    for _ in range(4):
        proc = _run([str(corpus), "--db", str(db)])
        time.sleep(rng.uniform(0.8, 3.0))
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            kills += 1
        proc.wait(timeout=60)
    assert kills >= 2  # the run was really interrupted, more than once
    proc = _run([str(corpus), "--db", str(db)])
    assert proc.wait(timeout=240) == 0, proc.stderr.read().decode()[-2000:]
    ids, events, stories = _snapshot(db)
    assert len(ids) == len(set(ids)) == len(ref_ids)
    assert set(ids) == set(ref_ids)
    assert events == ref_events
    assert stories == ref_stories


# --- properties ---------------------------------------------------------------------------------
ARABIC = st.text(alphabet=st.sampled_from(list("ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإؤئىةـًٌٍَُِّْ٠١٢٣٤٥٦٧٨٩ییک،؛؟«» .\n-:0123456789")), max_size=300)
ANY = st.text(max_size=300)


@settings(max_examples=150, deadline=None)
@given(ARABIC | ANY)
def test_normalisation_is_idempotent_and_total(text: str) -> None:
    once = normalize_match(text)
    assert normalize_match(once) == once
    shown = normalize_display(text)
    assert normalize_display(shown) == shown


@settings(max_examples=150, deadline=None)
@given(ARABIC | ANY, st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2090, 1, 1)))
def test_find_dates_offsets_stay_inside_the_text(text: str, ref: dt.date) -> None:
    for d in find_dates(text, ref):
        assert 0 <= d.start < d.end <= len(text)
        assert text[d.start : d.end] == d.text
        assert len(d.value) in (4, 7, 10)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(ARABIC, max_size=30))
def test_extract_never_fails_on_arbitrary_lines(lines: list[str]) -> None:
    for art in extract("\n".join(lines), outlet="x"):
        assert art.body.strip()


@settings(max_examples=150, deadline=None)
@given(ARABIC | ANY)
def test_quote_offsets_stay_inside_the_text(text: str) -> None:
    for q in extract_quotes(text):
        assert 0 <= q.start <= q.end <= len(text)
        assert text[q.start : q.end] == q.text


def test_deeply_nested_and_one_line_html_are_bounded(tmp_path: Path) -> None:
    deep = "<div>" * 100_000 + "نص" + "</div>" * 100_000
    long_line = "<html><body><p>" + ("كلمة " * 400_000) + "</p></body></html>"
    t = time.perf_counter()
    for html in (deep, long_line):
        extract(html)  # must return (possibly nothing), not crash or hang
    assert time.perf_counter() - t < 60


@pytest.mark.parametrize("raw", [b"\xff\xfe" + "نص عربي".encode("utf-16-le") + b"\x00", "خليط".encode() + "نص".encode("cp1256")])
def test_mixed_and_broken_encodings_decode_or_fail_cleanly(raw: bytes) -> None:
    from marsad.ingest.decode import DecodeError, decode_bytes

    try:
        text, _enc = decode_bytes(raw)
        assert isinstance(text, str)
    except DecodeError as exc:
        assert str(exc)


def test_a_200_mb_text_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    import resource

    from marsad.ingest.formats import Limits
    from marsad.ingest.sources import discover

    big = tmp_path / "huge.txt"
    with big.open("wb") as fh:
        fh.truncate(200 * 1024 * 1024)  # sparse: 200 MB on paper, nothing on disk
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    [unit] = list(discover([str(big)]))
    items = list(unit.read(Limits()))
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    assert len(items) == 1 and "over the" in items[0].reason
    assert (after - before) < 50 * 1024  # KiB: the file was never loaded


def _endless_server(kind: str):  # type: ignore[no-untyped-def]
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            if kind == "silent":
                time.sleep(5)
                return
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.end_headers()
            self.wfile.write(b'<?xml version="1.0"?><rss><channel>')
            try:
                for _ in range(100_000):  # "never" ends: far more than any limit
                    self.wfile.write(b"<item><title>x</title><description>" + b"y" * 1000 + b"</description></item>")
            except (BrokenPipeError, ConnectionResetError):
                pass

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.mark.parametrize("kind,expect", [("endless", "larger than"), ("silent", "timed out")])
def test_feeds_that_never_end_or_never_answer_are_cut(kind: str, expect: str) -> None:
    from marsad.ingest.formats import Limits
    from marsad.ingest.sources import fetch_feed

    server = _endless_server(kind)
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/feed"
        t = time.perf_counter()
        items = list(fetch_feed(url, Limits(max_feed_bytes=200_000, fetch_timeout_s=1.0)))
        assert time.perf_counter() - t < 10
        assert len(items) == 1 and expect in items[0].reason
    finally:
        server.shutdown()


def test_api_reads_while_a_run_writes(tmp_path: Path) -> None:
    """WAL: the server answers during a long write, with no 'database is locked' and monotone counts."""
    import warnings

    warnings.filterwarnings("ignore", category=DeprecationWarning)
    from fastapi.testclient import TestClient

    from marsad import Pipeline
    from marsad.web.app import create_app

    corpus = tmp_path / "corpus"
    _corpus(corpus, copies=12)
    db = tmp_path / "shared.db"
    Pipeline(db=db).run([str(DEMO / "sada-alkhalij")])  # the store exists before the server starts
    client = TestClient(create_app(str(db)))
    writer = _run([str(corpus), "--db", str(db)])
    statuses, totals = [], []
    try:
        while writer.poll() is None:
            r = client.get("/api/outlets")
            statuses.append(r.status_code)
            totals.append(sum(o["articles"] for o in r.json()) if r.status_code == 200 else -1)
            statuses.append(client.get("/api/stories", params={"size": 5}).status_code)
            statuses.append(client.get("/api/search", params={"q": "الرياض"}).status_code)
    finally:
        writer.wait(timeout=240)
    assert writer.returncode == 0
    assert len(statuses) > 10 and set(statuses) == {200}
    assert totals == sorted(totals)  # readers see whole batches only: counts never go back
    assert totals[-1] > totals[0]

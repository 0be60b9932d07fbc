"""The web UI in a real browser: Playwright driving Debian's Chromium against a local server.

Skipped, with the reason, where no Chromium is installed (`make test` installs it when it can).
Screenshots go to a temporary folder, or to docs/screenshots/ with MARSAD_SCREENSHOTS=1
(`make screenshots`).
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no Chromium on this machine (apt-get install chromium)")
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]
ROOT = Path(__file__).resolve().parent.parent


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _serve(db: Path) -> tuple[str, object]:
    import uvicorn

    from marsad.web.app import create_app

    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(str(db)), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    for _ in range(100):
        if server.started:
            break
        time.sleep(0.05)
    return f"http://127.0.0.1:{port}", server


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield b
        b.close()


@pytest.fixture()
def shots(tmp_path: Path) -> Path:
    if os.environ.get("MARSAD_SCREENSHOTS") == "1":
        target = ROOT / "docs" / "screenshots"
        target.mkdir(parents=True, exist_ok=True)
        return target
    return tmp_path


def test_click_through_story_event_article_search(browser, demo_db: Path, shots: Path) -> None:
    base, server = _serve(demo_db)
    try:
        page = browser.new_page(viewport={"width": 1280, "height": 1400})
        page.goto(base + "/?sort=size")
        assert page.get_attribute("html", "dir") == "rtl" and page.get_attribute("html", "lang") == "ar"
        stories = page.locator("section.story")
        assert stories.count() >= 3
        assert page.locator("section.story .bar span").count() >= 3  # coverage bars by outlet
        page.screenshot(path=str(shots / "index.png"), full_page=True)

        stories.first.locator("h2 a").click()
        page.wait_for_url("**/stories/*")
        assert page.locator("svg.timeline circle").count() >= 2  # a storyline of several events
        page.screenshot(path=str(shots / "story.png"), full_page=True)

        page.locator("ol.events a").first.click()
        page.wait_for_url("**/events/*")
        summary = page.locator("ol.summary li")
        assert summary.count() >= 2
        assert page.locator("ol.summary li a.chip").count() >= summary.count()  # every sentence cites a source
        page.screenshot(path=str(shots / "event.png"), full_page=True)

        page.locator("ol.summary li a.chip").first.click()
        page.wait_for_url("**/articles/*")
        assert page.locator(".src.body").inner_text().strip()
        assert page.locator(".src.original .dropped").count() >= 1  # furniture lines shown as dropped
        assert page.locator(".src.original .kept").count() >= 1
        page.screenshot(path=str(shots / "article.png"), full_page=True)

        page.fill("input[type=search]", "اسطنبول")
        page.keyboard.press("Enter")
        page.wait_for_url("**/search?*")
        assert page.locator("ol.results li").count() >= 1
        assert page.locator("ol.results mark").count() >= 1  # the hit is highlighted
        page.screenshot(path=str(shots / "search.png"), full_page=True)
    finally:
        server.should_exit = True


def test_script_in_a_stored_page_does_not_run(browser, tmp_path: Path) -> None:
    from marsad import Pipeline

    folder = tmp_path / "evil"
    folder.mkdir()
    (folder / "p.txt").write_text(
        "عنوان الخبر <script>window.__pwned = 1; alert(1)</script>\n"
        "قال المسؤول في بيان رسمي اليوم إن الوضع مستقر تماما <img src=x onerror=\"window.__pwned=2\"> وإن الفرق تعمل على مدار الساعة.\n"
        "وأضاف أن السلطات ستواصل متابعة التطورات عن كثب <script>window.__pwned = 3</script> حتى انتهاء الأزمة بشكل كامل ونهائي.\n",
        encoding="utf-8")
    db = tmp_path / "x.db"
    Pipeline(db=db).run([str(folder)])
    base, server = _serve(db)
    try:
        page = browser.new_page()
        dialogs: list[str] = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.goto(base + "/")
        page.locator("section.story h2 a").first.click()
        page.locator("ol.events a").first.click()
        page.locator("ul.articles a").first.click()
        page.wait_for_url("**/articles/*")
        assert "<script>" in page.locator(".src.original").inner_text()  # shown as text
        assert page.evaluate("window.__pwned === undefined")
        assert dialogs == []
    finally:
        server.should_exit = True

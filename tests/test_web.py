"""JSON API and web pages over a store built from the demo corpus; escaping of hostile page text."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

warnings.filterwarnings("ignore", category=DeprecationWarning)
from fastapi.testclient import TestClient  # noqa: E402

from marsad import Pipeline  # noqa: E402
from marsad.web.app import create_app  # noqa: E402


@pytest.fixture(scope="module")
def client(demo_db: Path) -> TestClient:
    return TestClient(create_app(str(demo_db)))


def test_stories_are_paged_sorted_and_filtered(client: TestClient) -> None:
    first = client.get("/api/stories", params={"size": 2, "sort": "size"}).json()
    assert first["total"] >= 3 and len(first["items"]) == 2
    sizes = [s["articles"] for s in first["items"]]
    assert sizes == sorted(sizes, reverse=True)
    second = client.get("/api/stories", params={"size": 2, "page": 2, "sort": "size"}).json()
    assert not {s["id"] for s in first["items"]} & {s["id"] for s in second["items"]}
    outlet = first["items"][0]["coverage"][0]["outlet"]
    filtered = client.get("/api/stories", params={"outlet": outlet}).json()
    assert filtered["items"] and all(any(c["outlet"] == outlet for c in s["coverage"]) for s in filtered["items"])
    late = client.get("/api/stories", params={"date_from": "2026-03-01"}).json()
    assert late["items"] and all(s["last_date"] >= "2026-03-01" for s in late["items"])
    by_entity = client.get("/api/stories", params={"entity": "غوتيريش"}).json()
    assert by_entity["total"] >= 1


def test_story_event_article_records(client: TestClient) -> None:
    story = client.get("/api/stories", params={"sort": "size"}).json()["items"][0]
    detail = client.get(f"/api/stories/{story['id']}").json()
    assert detail["events"] and detail["timeline"][0]["event_id"] == detail["events"][0]["id"]
    event = client.get(f"/api/events/{detail['events'][0]['id']}").json()
    for key in ("id", "story_id", "title", "date", "article_ids", "outlets", "summary", "entities", "quotes", "provenance", "copy_groups", "disagreements", "timeline"):
        assert key in event
    article = client.get(f"/api/articles/{event['article_ids'][0]}").json()
    assert article["event_id"] == event["id"] and article["body"]


def test_a_disagreement_with_another_event_names_the_other_outlet(client: TestClient, demo_db: Path) -> None:
    import json
    import sqlite3

    con = sqlite3.connect(demo_db)
    records = [json.loads(r[0]) for r in con.execute("SELECT record FROM events")]
    con.close()
    rec = next(r for r in records if any(d.get("related") for d in r["disagreements"]))
    d = next(d for d in rec["disagreements"] if d.get("related"))
    outside = [(i, v["outlets"]) for v in d["values"] for i in v["article_ids"] if i not in rec["article_ids"]]
    assert outside  # the other value comes from an article of another event
    page = client.get(f"/events/{rec['id']}").text
    assert "مع تغطية أخرى لليوم نفسه في القصة" in page
    for article_id, outlets in outside:  # its chip shows the outlet, not the bare article id
        assert f'href="/articles/{article_id}">{outlets[0]}</a>' in page


def test_an_article_shows_the_passages_it_shares_with_its_source(client: TestClient, demo_db: Path) -> None:
    """nabd-e8 keeps the wire's lead and writes the rest itself: the API gives the shared passage at its place in
    both bodies, and the page marks exactly that passage and names the source's outlet."""
    import sqlite3

    con = sqlite3.connect(demo_db)
    (article_id,) = con.execute("SELECT id FROM articles WHERE input_id LIKE '%nabd-e8'").fetchone()
    con.close()
    art = client.get(f"/api/articles/{article_id}").json()
    edge = next(r for r in art["reuses"] if r["kind"] == "shared_source")
    source = client.get(f"/api/articles/{edge['article_id']}").json()
    [(start, end, src_start, src_end)] = edge["passages"]
    lead = art["body"][start:end]
    assert lead.startswith("التقى الأمين العام") and lead == source["body"][src_start:src_end]
    assert 0 < edge["coverage"] < 0.5 and 0 < edge["source_coverage"] < 1
    page = client.get(f"/articles/{article_id}").text
    marked = page.split('<mark class="reused"')
    assert len(marked) == 1 + sum(len(r["passages"]) for r in art["reuses"])
    # both Reuters-crediting outlets share the lead alike: either may be named on it
    outlets = {client.get(f"/api/articles/{r['article_id']}").json()["outlet"] for r in art["reuses"]}
    assert any(f'title="{outlet}">{lead}</mark>' in page for outlet in outlets)
    assert "مصادر النص" in page and f'href="/articles/{edge["article_id"]}"' in page


def test_search_outlets_entities(client: TestClient) -> None:
    hits = client.get("/api/search", params={"q": "اسطنبول"}).json()["results"]
    assert hits and any(seg["hit"] for seg in hits[0]["snippet"])
    outlets = client.get("/api/outlets").json()
    assert len(outlets) >= 8 and all(o["articles"] > 0 for o in outlets)
    ents = client.get("/api/entities", params={"q": "ترمب"}).json()
    assert ents[0]["canonical"] == "دونالد ترامب" and {"ترمب", "ترامب"} <= set(ents[0]["variants"])


@pytest.mark.parametrize("url,status", [
    ("/api/stories?page=0", 422), ("/api/stories?size=1000", 422), ("/api/stories?sort=alpha", 422),
    ("/api/stories?date_from=yesterday", 422), ("/api/search", 422), ("/api/search?q=", 422),
    ("/api/events/nope", 404), ("/api/articles/nope", 404), ("/api/stories/nope", 404), ("/events/nope", 404),
])
def test_bad_parameters_give_clear_4xx(client: TestClient, url: str, status: int) -> None:
    r = client.get(url)
    assert r.status_code == status and r.json()["detail"]


def test_pages_render_right_to_left(client: TestClient) -> None:
    story = client.get("/api/stories", params={"sort": "size"}).json()["items"][0]
    event_id = story["event_ids"][0]
    article_id = client.get(f"/api/events/{event_id}").json()["article_ids"][0]
    for url in ("/", f"/stories/{story['id']}", f"/events/{event_id}", f"/articles/{article_id}", "/search?q=جدة"):
        r = client.get(url)
        assert r.status_code == 200
        assert '<html lang="ar" dir="rtl">' in r.text
        assert "http://" not in r.text.split("<main>")[0] and "https://" not in r.text.split("<main>")[0]  # no external assets


def _client_over_one_page(tmp_path: Path, folder: str, text: str) -> TestClient:
    """A store built from one flattened page in ``folder`` (the folder names the outlet), and a client over it."""
    page = tmp_path / folder / "p.txt"
    page.parent.mkdir()
    page.write_text(text, encoding="utf-8")
    db = tmp_path / "x.db"
    Pipeline(db=db).run([str(page.parent)])
    return TestClient(create_app(str(db)))


def test_hostile_page_text_is_escaped(tmp_path: Path) -> None:
    c = _client_over_one_page(
        tmp_path, "evil",
        "عنوان <script>alert(1)</script> خبير\n"
        "قال المسؤول في بيان رسمي اليوم إن الوضع مستقر تماما <img src=x onerror=alert(2)> وإن الفرق تعمل على مدار الساعة لضمان السلامة.\n"
        "وأضاف أن السلطات ستواصل متابعة التطورات عن كثب <script>document.title='x'</script> حتى انتهاء الأزمة بشكل كامل ونهائي.\n")
    event_id = c.get("/api/stories").json()["items"][0]["event_ids"][0]
    article_id = c.get(f"/api/events/{event_id}").json()["article_ids"][0]
    for url in ("/", f"/events/{event_id}", f"/articles/{article_id}", "/search?q=المسؤول"):
        html = c.get(url).text
        assert "<script>alert" not in html and "<script>document" not in html and "<img src=x" not in html
        assert "onerror=alert" not in html or "&lt;img" in html


def test_responses_are_cached_until_a_run_commits(tmp_path: Path) -> None:
    import shutil

    from marsad import Pipeline as P

    from .conftest import DEMO

    folder = tmp_path / "in"
    shutil.copytree(DEMO / "alofoq-news", folder / "alofoq-news")
    db = tmp_path / "s.db"
    P(db=db).run([str(folder)])
    app = create_app(str(db))
    c = TestClient(app)
    first = c.get("/api/outlets")
    again = c.get("/api/outlets")
    assert first.status_code == again.status_code == 200
    assert again.content == first.content and again.headers["etag"] == first.headers["etag"]
    assert c.get("/api/outlets", headers={"if-none-match": first.headers["etag"]}).status_code == 304
    assert c.get("/api/stories?page=1").content != c.get("/api/stories?page=2").content
    assert c.get("/api/events/nope").status_code == 404  # errors are answered, never cached as pages
    # another run commits: the next answer shows it, with a new ETag
    shutil.copytree(DEMO / "sada-alkhalij", folder / "sada-alkhalij")
    P(db=db).run([str(folder)])
    after = c.get("/api/outlets")
    assert after.status_code == 200 and after.content != first.content
    assert after.headers["etag"] != first.headers["etag"]
    assert sum(o["articles"] for o in after.json()) > sum(o["articles"] for o in first.json())


def test_the_entity_list_gives_a_name_once_typed_by_most_of_its_mentions(tmp_path: Path) -> None:
    import json
    import sqlite3
    from types import SimpleNamespace

    from marsad.web.app import list_entities

    conn = sqlite3.connect(tmp_path / "events.db")
    conn.row_factory = sqlite3.Row
    conn.execute("CREATE TABLE events (id TEXT, size INTEGER, record TEXT)")
    # the tagger took the town for a body in one event and for a place in two others
    for event_id, size, kind, count in [("e1", 9, "ORG", 2), ("e2", 5, "LOC", 3), ("e3", 4, "LOC", 1)]:
        record = {"entities": [{"canonical": "سينداي", "type": kind, "variants": ["سينداي", "سانداي"][: 1 + (kind == "LOC")],
                                "count": count}]}
        conn.execute("INSERT INTO events VALUES (?, ?, ?)", (event_id, size, json.dumps(record)))
    found = list_entities(SimpleNamespace(conn=conn), None, 50)
    assert len(found) == 1
    assert found[0]["type"] == "LOC" and found[0]["mentions"] == 6 and found[0]["event_ids"] == ["e1", "e2", "e3"]
    assert found[0]["variants"] == ["سينداي", "سانداي"]


def test_an_outlet_stored_under_its_slug_is_shown_by_its_arabic_name(tmp_path: Path) -> None:
    c = _client_over_one_page(  # the folder names the outlet, as a corpus slug would
        tmp_path, "3alyoum",
        "عين اليوم\nافتتاح ثلاث حدائق جديدة في الدمام\nسلمى العتيبي – عين اليوم\n"
        "أعلنت البلدية افتتاح ثلاث حدائق جديدة في الأحياء الشرقية للمدينة بعد اكتمال أعمال التشجير والإنارة فيها.\n"
        "وأوضح رئيس البلدية أن الحدائق تضم ممرات للمشي وملاعب للأطفال ومواقف للسيارات تخدم سكان الأحياء المجاورة.\n")
    assert c.get("/api/outlets").json() == [{"outlet": "3alyoum", "name": "عين اليوم", "articles": 1}]
    event_id = c.get("/api/stories").json()["items"][0]["event_ids"][0]
    article_id = c.get(f"/api/events/{event_id}").json()["article_ids"][0]
    assert c.get(f"/api/articles/{article_id}").json()["outlet"] == "3alyoum"  # the API keeps the stored key
    article = c.get(f"/articles/{article_id}").text
    assert "عين اليوم" in article and "بقلم سلمى العتيبي" in article
    for url in ("/", f"/events/{event_id}"):
        html = c.get(url).text
        assert "عين اليوم" in html and "3alyoum" not in html.replace('"3alyoum"', "")


def test_a_quote_shows_the_day_it_was_said_left_to_right_in_the_right_to_left_page(client: TestClient) -> None:
    # an ISO date inside Arabic text is reordered by the bidi algorithm ("28-01-2026") unless marked left-to-right
    shown = 0
    for story in client.get("/api/stories", params={"sort": "size"}).json()["items"][:5]:
        for event_id in story["event_ids"]:
            event = client.get(f"/api/events/{event_id}").json()
            page = client.get(f"/events/{event_id}").text
            for group in event["quotes_by_speaker"][:10]:
                for q in group["quotes"][:5]:
                    assert q["date"] and f'<span class="meta" dir="ltr">{q["date"]}</span>' in page
                    shown += 1
    assert shown > 0

"""Every input format and every bad-input case: articles come out, or one clear error per bad input."""

from __future__ import annotations

import gzip
import io
import json
import tarfile
import threading
import zipfile
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from marsad.ingest.formats import Limits
from marsad.ingest.sources import discover
from marsad.records import IngestError, RawDocument


def read_all(paths: list[str], limits: Limits = Limits()) -> tuple[list[RawDocument], list[IngestError]]:
    docs, errors = [], []
    for unit in discover(paths):
        if isinstance(unit, IngestError):
            errors.append(unit)
            continue
        for item in unit.read(limits):
            (errors if isinstance(item, IngestError) else docs).append(item)
    return docs, errors


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "cp1256"])
def test_text_encodings_decode_to_the_same_arabic(tmp_path: Path, page_text: str, encoding: str) -> None:
    path = tmp_path / "outlet" / "page.txt"
    path.parent.mkdir()
    path.write_bytes(page_text.encode(encoding))
    docs, errors = read_all([str(path)])
    assert errors == []
    assert len(docs) == 1
    assert "افتتاح معرض الكتاب الدولي" in docs[0].content
    assert docs[0].outlet == "outlet"  # no outlet field: the parent folder's name
    assert docs[0].kind == "text"


def test_persian_letters_are_folded_on_display(tmp_path: Path) -> None:
    from marsad.arabic.normalize import normalize_display

    assert normalize_display("کتاب یوم ۲۰۲۶") == "كتاب يوم 2026"


def test_html_file_keeps_url_host_as_outlet(tmp_path: Path) -> None:
    html = ('<html><head><link rel="canonical" href="https://www.example-news.test/a/1"><title>t</title></head>'
            "<body><article><h1>عنوان</h1><p>نص الخبر الأول هنا وهو طويل بما يكفي ليكون فقرة من مقال إخباري حقيقي.</p></article></body></html>")
    path = tmp_path / "folder" / "p.html"
    path.parent.mkdir()
    path.write_text(html, encoding="utf-8")
    docs, errors = read_all([str(path)])
    assert errors == []
    assert docs[0].kind == "html" and docs[0].url == "https://www.example-news.test/a/1"
    assert docs[0].outlet == "example-news.test"


def test_jsonl_key_mapping_and_malformed_lines(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "a1", "title": "عنوان", "body": "نص", "url": "https://x.test/1", "outlet": "منفذ", "published": "2026-01-02"}, ensure_ascii=False),
        "{not json",
        json.dumps([1, 2]),
        json.dumps({"text": "نص آخر", "source": "مصدر", "date_extracted": "2015-07-21 02:17:02"}, ensure_ascii=False),
        json.dumps({"title": "", "content": ""}),
    ]
    path = tmp_path / "f.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    docs, errors = read_all([str(path)])
    assert [d.input_id for d in docs] == ["a1", f"{path}#4"]
    assert docs[0].outlet == "منفذ" and docs[0].published == "2026-01-02" and docs[0].content == "نص"
    assert docs[1].outlet == "مصدر" and docs[1].published == "2015-07-21 02:17:02"
    where = [e.where for e in errors]
    assert where == [f"{path}:2", f"{path}:3", f"{path}:5"]
    assert "malformed JSON" in errors[0].reason and "object" in errors[1].reason and "empty" in errors[2].reason


def test_saudinewsnet_style_zip_of_a_json_list(tmp_path: Path) -> None:
    items = [{"source": "okaz", "url": f"http://okaz.test/{i}", "date_extracted": "2015-07-21 02:00:00",
              "title": f"عنوان {i}", "author": "", "content": f"نص المقال رقم {i}"} for i in range(3)]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("2015-07-21.json", json.dumps(items, ensure_ascii=False))
    path = tmp_path / "2015-07-21.zip"
    path.write_bytes(buf.getvalue())
    docs, errors = read_all([str(path)])
    assert errors == []
    assert [d.outlet for d in docs] == ["okaz"] * 3
    assert docs[2].input_id == f"{path}#2015-07-21.json#2"


def test_tar_gz_members_are_read(tmp_path: Path, page_text: str) -> None:
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w:gz") as tf:
        data = page_text.encode("utf-8")
        info = tarfile.TarInfo("site/page.txt")
        info.size = len(data)
        tf.addfile(info, io.BytesIO(data))
    path = tmp_path / "dump.tar.gz"
    path.write_bytes(buf.getvalue())
    docs, errors = read_all([str(path)])
    assert errors == [] and len(docs) == 1 and docs[0].input_id.endswith("#site/page.txt")


def _warc_bytes(pages: list[tuple[str, str]]) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    for url, html in pages:
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        rec = writer.create_warc_record(url, "response", payload=io.BytesIO(html.encode("utf-8")), http_headers=headers)
        writer.write_record(rec)
    return out.getvalue()


def test_warc_gz_responses_become_html_documents(tmp_path: Path) -> None:
    html = "<html><body><article><p>نص صفحة محفوظة في أرشيف الويب لاختبار القراءة من ملفات وارك.</p></article></body></html>"
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(_warc_bytes([("https://news.test/1", html), ("https://news.test/2", html)]))
    docs, errors = read_all([str(path)])
    assert errors == []
    assert [d.url for d in docs] == ["https://news.test/1", "https://news.test/2"]
    assert docs[0].outlet == "news.test" and docs[0].kind == "html"


def test_truncated_warc_reports_the_file_and_keeps_earlier_records(tmp_path: Path) -> None:
    html = "<html><body><p>" + "نص " * 200 + "</p></body></html>"
    data = _warc_bytes([("https://news.test/1", html), ("https://news.test/2", html)])
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(data[: len(data) - 300])
    docs, errors = read_all([str(path)])
    assert len(errors) == 1 and errors[0].where == str(path)
    assert "truncated or corrupt WARC" in errors[0].reason
    assert len(docs) >= 1


def test_rss_file_entries(tmp_path: Path) -> None:
    rss = ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>قناة</title>'
           "<item><title>خبر أول</title><link>https://feed.test/1</link><pubDate>Tue, 03 Feb 2026 08:00:00 GMT</pubDate>"
           "<description>نص الخبر الأول</description></item></channel></rss>")
    path = tmp_path / "feed.rss"
    path.write_text(rss, encoding="utf-8")
    docs, errors = read_all([str(path)])
    assert errors == []
    assert docs[0].title == "خبر أول" and docs[0].published == "2026-02-03" and docs[0].outlet == "feed.test"


class _FeedHandler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802
        if self.path == "/loop":
            self.send_response(302)
            self.send_header("Location", "/loop")
            self.end_headers()
            return
        if self.path == "/missing":
            self.send_response(404)
            self.end_headers()
            return
        body = ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>محلي</title>'
                "<item><title>خبر من الخادم</title><link>http://127.0.0.1/n/1</link>"
                "<description>نص الخبر من خادم محلي للاختبار</description></item></channel></rss>").encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture()
def feed_server():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _FeedHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_feed_url_over_local_http(feed_server: str) -> None:
    docs, errors = read_all([feed_server + "/feed.xml"])
    assert errors == []
    assert docs[0].title == "خبر من الخادم"


def test_feed_url_redirect_loop_and_http_error_are_named(feed_server: str) -> None:
    _docs, errors = read_all([feed_server + "/loop", feed_server + "/missing"])
    reasons = {e.where.rsplit("/", 1)[1]: e.reason for e in errors}
    assert "redirect" in reasons["loop"]
    assert reasons["missing"] == "HTTP 404"


def test_bad_inputs_each_give_one_named_error(tmp_path: Path, page_text: str) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "good.txt").write_text(page_text, encoding="utf-8")
    (tmp_path / "truncated.zip").write_bytes(b"PK\x03\x04\x14\x00\x00\x00\x08\x00broken")
    (tmp_path / "bad.json").write_text('[{"content": "x"', encoding="utf-8")
    (tmp_path / "big.txt").write_bytes(b"a" * 3000)
    (tmp_path / "notes.docx").write_bytes(b"x")
    docs, errors = read_all([str(tmp_path), str(tmp_path / "nowhere.txt")], Limits(max_file_bytes=2048))
    by_file = {Path(e.where.split("#")[0]).name: e.reason for e in errors}
    assert by_file["empty.txt"] == "empty file"
    assert "binary" in by_file["binary.txt"]
    assert "zip" in by_file["truncated.zip"]
    assert "malformed JSON" in by_file["bad.json"]
    assert "limit" in by_file["big.txt"]
    assert "unsupported" in by_file["notes.docx"]
    assert "no such file" in by_file["nowhere.txt"]
    assert len(errors) == 7
    assert [Path(d.path).name for d in docs] == ["good.txt"]


def _zip(members: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


def test_zip_bomb_and_path_traversal_members_are_refused(tmp_path: Path, page_text: str) -> None:
    path = tmp_path / "hostile.zip"
    path.write_bytes(_zip({"../../escape.txt": page_text.encode(), "bomb.txt": b"\0" * 5_000_000, "ok.txt": page_text.encode()}))
    docs, errors = read_all([str(path)])
    reasons = {e.where.split("#", 1)[1]: e.reason for e in errors}
    assert "unsafe member path" in reasons["../../escape.txt"]
    assert "zip bomb" in reasons["bomb.txt"]
    assert [d.input_id.split("#")[1] for d in docs] == ["ok.txt"]
    assert not (tmp_path.parent / "escape.txt").exists()


def test_archive_total_size_limit(tmp_path: Path, page_text: str) -> None:
    path = tmp_path / "many.zip"
    path.write_bytes(_zip({f"p{i}.txt": page_text.encode() for i in range(5)}))
    size = len(page_text.encode())
    docs, errors = read_all([str(path)], Limits(max_archive_total_bytes=size * 2 + 10))
    assert len(docs) == 2
    assert any("total" in e.reason for e in errors)


def test_gzip_text_member_in_tar_with_truncation(tmp_path: Path, page_text: str) -> None:
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w:gz") as tf:
        for i in range(3):
            data = (page_text * 20).encode()
            info = tarfile.TarInfo(f"p{i}.txt")
            info.size = len(data)
            tf.addfile(info, io.BytesIO(data))
    raw = buf.getvalue()
    path = tmp_path / "cut.tar.gz"
    path.write_bytes(raw[: len(raw) // 2])
    _docs, errors = read_all([str(path)])
    assert errors and all(e.where.startswith(str(path)) for e in errors)
    assert gzip  # the module is used by tarfile for .tar.gz

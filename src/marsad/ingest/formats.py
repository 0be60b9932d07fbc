"""Readers for each input format: bytes of one file (or archive member) -> raw documents.

Every reader yields ``RawDocument`` or ``IngestError`` and never raises for bad content,
so one broken file, member or line costs only itself.
"""

from __future__ import annotations

import io
import json
import posixpath
import tarfile
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from urllib.parse import urlparse

from ..records import IngestError, RawDocument
from .decode import DecodeError, decode_bytes

Item = RawDocument | IngestError

TEXT_KEYS = ("content", "text", "body")
OUTLET_KEYS = ("source", "outlet")
DATE_KEYS = ("published", "date", "date_extracted")


@dataclass(frozen=True)
class Limits:
    max_file_bytes: int = 50 * 1024 * 1024
    max_archive_total_bytes: int = 2 * 1024 * 1024 * 1024
    max_archive_ratio: int = 200  # a member expanding more than this is a zip bomb
    max_archive_members: int = 1_000_000
    max_feed_bytes: int = 20 * 1024 * 1024
    fetch_timeout_s: float = 20.0


def host_of(url: str | None) -> str | None:
    if not url:
        return None
    try:
        host = urlparse(url).hostname
    except ValueError:
        return None
    if not host:
        return None
    return host[4:] if host.startswith("www.") else host


def suffix_of(name: str) -> str:
    lower = name.lower()
    for compound in (".warc.gz", ".tar.gz", ".tgz", ".jsonl.gz"):
        if lower.endswith(compound):
            return compound
    return posixpath.splitext(lower)[1]


def _outlet_fallback(url: str | None, folder: str | None) -> str | None:
    return host_of(url) or folder


def read_text(data: bytes, where: str, folder: str | None) -> Iterator[Item]:
    try:
        text, _enc = decode_bytes(data)
    except DecodeError as exc:
        yield IngestError(where, str(exc))
        return
    kind = "html" if _looks_like_html(text) else "text"
    yield RawDocument(input_id=where, path=where, kind=kind, content=text, outlet=folder)


def _looks_like_html(text: str) -> bool:
    head = text[:2000].lower()
    return "<html" in head or "<!doctype html" in head or ("<body" in head and "</" in head)


def read_html(data: bytes, where: str, folder: str | None) -> Iterator[Item]:
    try:
        text, _enc = decode_bytes(data)
    except DecodeError as exc:
        yield IngestError(where, str(exc))
        return
    url = _canonical_url(text)
    yield RawDocument(input_id=where, path=where, kind="html", content=text, url=url, outlet=_outlet_fallback(url, folder))


def _canonical_url(html: str) -> str | None:
    import re

    m = re.search(r'<link[^>]+rel=["\']canonical["\'][^>]*href=["\']([^"\']+)', html[:50000], re.I) or re.search(
        r'<meta[^>]+property=["\']og:url["\'][^>]*content=["\']([^"\']+)', html[:50000], re.I
    )
    return m.group(1) if m else None


def record_to_document(obj: object, where: str, folder: str | None) -> Item:
    """One JSON object (INTERFACE.md key mapping) -> a structured raw document."""
    if not isinstance(obj, dict):
        return IngestError(where, f"expected a JSON object, got {type(obj).__name__}")
    content = next((obj[k] for k in TEXT_KEYS if isinstance(obj.get(k), str) and obj[k].strip()), None)
    if content is None:
        # some crawls keep only the headline: still an article, with the headline as its text
        if isinstance(obj.get("title"), str) and obj["title"].strip():
            content = obj["title"]
        else:
            return IngestError(where, "no text: content, text, body and title are all empty")
    url = obj.get("url") if isinstance(obj.get("url"), str) else None
    outlet = next((obj[k] for k in OUTLET_KEYS if isinstance(obj.get(k), str) and obj[k].strip()), None)
    date = next((str(obj[k]) for k in DATE_KEYS if obj.get(k)), None)
    title = obj.get("title") if isinstance(obj.get("title"), str) else None
    rid = str(obj["id"]) if obj.get("id") not in (None, "") else where
    kind = "html" if _looks_like_html(content) else "record"
    return RawDocument(
        input_id=rid, path=where, kind=kind, content=content, url=url,
        outlet=outlet or _outlet_fallback(url, folder), title=title, published=date,
        fetched=str(obj["date_extracted"]) if obj.get("date_extracted") else None,
    )


def read_json(data: bytes, where: str, folder: str | None) -> Iterator[Item]:
    try:
        text, _enc = decode_bytes(data)
    except DecodeError as exc:
        yield IngestError(where, str(exc))
        return
    stripped = text.lstrip()
    if stripped.startswith("["):
        try:
            items = json.loads(stripped)
        except json.JSONDecodeError as exc:
            yield IngestError(where, f"malformed JSON at line {exc.lineno}: {exc.msg}")
            return
        for n, obj in enumerate(items):
            yield record_to_document(obj, f"{where}#{n}", folder)
        return
    if stripped.startswith("{"):
        try:
            yield record_to_document(json.loads(stripped), where, folder)
            return
        except json.JSONDecodeError:
            pass  # not one object: read it as JSON lines
    yield from read_jsonl_text(text, where, folder)


def read_jsonl(data: bytes, where: str, folder: str | None) -> Iterator[Item]:
    try:
        text, _enc = decode_bytes(data)
    except DecodeError as exc:
        yield IngestError(where, str(exc))
        return
    yield from read_jsonl_text(text, where, folder)


def read_jsonl_text(text: str, where: str, folder: str | None) -> Iterator[Item]:
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield IngestError(f"{where}:{lineno}", f"malformed JSON line: {exc.msg}")
            continue
        item = record_to_document(obj, f"{where}#{lineno}", folder)
        if isinstance(item, IngestError):
            item = IngestError(f"{where}:{lineno}", item.reason)
        yield item


def read_warc(data: bytes, where: str, folder: str | None) -> Iterator[Item]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    n = 0
    truncated = _warc_truncation(data)
    try:
        for record in ArchiveIterator(io.BytesIO(data)):
            if record.rec_type not in ("response", "resource", "conversion"):
                continue
            url = record.rec_headers.get_header("WARC-Target-URI")
            date = record.rec_headers.get_header("WARC-Date")
            ctype = (record.http_headers.get_header("Content-Type") if record.http_headers else None) or \
                record.rec_headers.get_header("Content-Type") or ""
            payload = record.content_stream().read()
            n += 1
            member = f"{where}#{n}"
            if "html" not in ctype and "text" not in ctype:
                continue
            try:
                text, _enc = decode_bytes(payload)
            except DecodeError as exc:
                yield IngestError(member, str(exc))
                continue
            kind = "html" if "html" in ctype or _looks_like_html(text) else "text"
            yield RawDocument(input_id=url or member, path=member, kind=kind, content=text, url=url,
                              outlet=_outlet_fallback(url, folder), fetched=date)
    except (ArchiveLoadFailed, EOFError, OSError, ValueError) as exc:
        yield IngestError(where, f"truncated or corrupt WARC after {n} records ({type(exc).__name__}: {exc})")
        return
    if truncated:
        yield IngestError(where, f"truncated or corrupt WARC after {n} records ({truncated})")


def _warc_truncation(data: bytes) -> str | None:
    """warcio silently drops a cut-off last record: check the container ourselves."""
    if data[:2] == b"\x1f\x8b":
        import zlib

        pos = 0
        while pos < len(data):  # a .warc.gz is a series of gzip members, one per record
            d = zlib.decompressobj(16 + zlib.MAX_WBITS)
            try:
                d.decompress(data[pos:])
            except zlib.error as exc:
                return f"gzip error: {exc}"
            if not d.eof:
                return "gzip stream ends mid-record"
            pos = len(data) - len(d.unused_data)
        return None
    # plain WARC: the last record must hold as many bytes as its Content-Length says
    import re

    last = data.rfind(b"WARC/1.")
    if last < 0:
        return "no WARC record header"
    m = re.search(rb"Content-Length:\s*(\d+)\r?\n\r?\n", data[last : last + 4096], re.I)
    if m and last + m.end() + int(m.group(1)) > len(data):
        return "last record shorter than its Content-Length"
    return None


def read_feed(data: bytes, where: str, folder: str | None, feed_url: str | None = None) -> Iterator[Item]:
    import feedparser

    parsed = feedparser.parse(data)
    if not parsed.entries:
        reason = str(parsed.get("bozo_exception") or "no entries")
        yield IngestError(where, f"not a readable RSS/Atom feed: {reason}")
        return
    feed_title = parsed.feed.get("title") if parsed.get("feed") else None
    for n, entry in enumerate(parsed.entries, 1):
        content = ""
        if entry.get("content"):
            content = entry.content[0].get("value", "")
        content = content or entry.get("summary", "")
        if not content.strip():
            yield IngestError(f"{where}#{n}", "feed entry without text")
            continue
        url = entry.get("link")
        published = None
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        if stamp:
            published = f"{stamp.tm_year:04d}-{stamp.tm_mon:02d}-{stamp.tm_mday:02d}"
        html = content if _looks_like_html(content) or "<p" in content.lower() else None
        yield RawDocument(
            input_id=entry.get("id") or url or f"{where}#{n}", path=f"{where}#{n}",
            kind="html" if html else "record", content=content, url=url,
            outlet=host_of(url) or host_of(feed_url) or feed_title or folder,
            title=entry.get("title"), published=published,
        )


def _is_feed(data: bytes) -> bool:
    head = data[:1000].lower()
    return b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head


def read_xml(data: bytes, where: str, folder: str | None) -> Iterator[Item]:
    if _is_feed(data):
        yield from read_feed(data, where, folder)
    else:
        yield from read_html(data, where, folder)


READERS: dict[str, Callable[[bytes, str, str | None], Iterator[Item]]] = {
    ".txt": read_text,
    ".text": read_text,
    ".html": read_html,
    ".htm": read_html,
    ".xhtml": read_html,
    ".json": read_json,
    ".jsonl": read_jsonl,
    ".ndjson": read_jsonl,
    ".warc": read_warc,
    ".warc.gz": read_warc,
    ".rss": read_feed,
    ".atom": read_feed,
    ".xml": read_xml,
}
ARCHIVES = (".zip", ".tar.gz", ".tgz", ".tar")


def read_bytes(data: bytes, name: str, where: str, folder: str | None, limits: Limits) -> Iterator[Item]:
    """Dispatch on the name's suffix; archives recurse into their members."""
    suffix = suffix_of(name)
    if suffix in ARCHIVES:
        yield from read_archive(data, suffix, where, folder, limits)
        return
    reader = READERS.get(suffix)
    if reader is None:
        yield IngestError(where, f"unsupported file type '{suffix or name}'")
        return
    yield from reader(data, where, folder)


class _MemberGuard:
    """The checks every archive member passes before it is read, whatever the archive format."""

    def __init__(self, where: str, limits: Limits) -> None:
        self.where, self.limits, self.total = where, limits, 0
        self.exhausted = False

    def refuse(self, name: str, size: int, compressed: int | None = None) -> IngestError | None:
        member, limits = f"{self.where}#{name}", self.limits
        if _unsafe_member(name):
            return IngestError(member, "unsafe member path (absolute or '..'); skipped")
        if size > limits.max_file_bytes:
            return IngestError(member, f"member is {size} bytes, over the {limits.max_file_bytes}-byte limit")
        if compressed and size / compressed > limits.max_archive_ratio:
            return IngestError(member, f"compression ratio {size // compressed}:1 looks like a zip bomb; skipped")
        self.total += size
        if self.total > limits.max_archive_total_bytes:
            self.exhausted = True
            return IngestError(self.where, f"archive expands past the {limits.max_archive_total_bytes}-byte total limit; rest skipped")
        return None


def read_archive(data: bytes, suffix: str, where: str, folder: str | None, limits: Limits) -> Iterator[Item]:
    guard = _MemberGuard(where, limits)
    if suffix == ".zip":
        try:
            zf = zipfile.ZipFile(io.BytesIO(data))
            infos = zf.infolist()
        except (zipfile.BadZipFile, OSError, ValueError) as exc:
            yield IngestError(where, f"corrupt or truncated zip ({exc})")
            return
        for info in infos[: limits.max_archive_members]:
            if info.is_dir():
                continue
            refused = guard.refuse(info.filename, info.file_size, info.compress_size or None)
            if refused:
                yield refused
                if guard.exhausted:
                    return
                continue
            try:
                with zf.open(info) as fh:
                    payload = fh.read(limits.max_file_bytes + 1)
            except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError) as exc:
                yield IngestError(f"{where}#{info.filename}", f"unreadable zip member ({exc})")
                continue
            yield from read_bytes(payload, info.filename, f"{where}#{info.filename}", folder, limits)
        return
    try:
        tf = tarfile.open(fileobj=io.BytesIO(data), mode="r:*")
    except (tarfile.TarError, OSError, EOFError) as exc:
        yield IngestError(where, f"corrupt or truncated tar ({exc})")
        return
    try:
        for info in tf:
            if not info.isfile():
                continue
            refused = guard.refuse(info.name, info.size)
            if refused:
                yield refused
                if guard.exhausted:
                    return
                continue
            fh = tf.extractfile(info)
            if fh is not None:
                yield from read_bytes(fh.read(), info.name, f"{where}#{info.name}", folder, limits)
    except (tarfile.TarError, OSError, EOFError, zlib_error()) as exc:
        yield IngestError(where, f"corrupt or truncated tar ({type(exc).__name__}: {exc})")


def zlib_error() -> type[Exception]:
    import zlib

    return zlib.error


def _unsafe_member(name: str) -> bool:
    norm = posixpath.normpath(name.replace("\\", "/"))
    return norm.startswith(("/", "../")) or norm == ".." or (len(norm) > 1 and norm[1] == ":")

"""Extraction stage: a raw document -> its article(s) with title and page metadata.

Pure: the same inputs (and the same template view) always give the same articles.
"""

from __future__ import annotations

import datetime as dt
import re

from .arabic.dates import find_dates
from .arabic.normalize import normalize_display
from .clean import flattened
from .clean.html import extract_html
from .clean.lines import features, split_glued_head, split_glued_tail
from .clean.templates import TemplateView
from .clean.titles import clean_title
from .meta.agencies import find_agencies
from .meta.credits import (
    Byline,
    parse_author,
    parse_byline,
    parse_credit,
    parse_dateline_line,
    split_inline_byline,
    split_inline_dateline,
)
from .records import Article, RawDocument

_ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_ISO_TIME = re.compile(r"[T ](\d{2}):(\d{2})(?::(\d{2}))?")


def parse_date_field(value: str | None) -> str | None:
    """A record's date field ("2015-07-21 02:17:02", "2025-01-03T…", RFC 822 …) -> YYYY-MM-DD, followed by
    THH:MM:SS when the field gives the time of day: who published first on the same day decides who copied whom."""
    if not value:
        return None
    m = _ISO_DAY.search(value)
    if m:
        try:
            day = dt.date(int(m[1]), int(m[2]), int(m[3])).isoformat()
        except ValueError:
            return None
        t = _ISO_TIME.match(value, m.end())
        if t and int(t[1]) < 24 and int(t[2]) < 60 and int(t[3] or 0) < 60:
            return f"{day}T{int(t[1]):02d}:{int(t[2]):02d}:{int(t[3] or 0):02d}"
        return day
    try:
        from email.utils import parsedate_to_datetime

        stamp = parsedate_to_datetime(value)
        return stamp.replace(tzinfo=None).isoformat(timespec="seconds")
    except (TypeError, ValueError, IndexError):
        pass
    found = find_dates(value, dt.date.today())
    return found[0].value if found and len(found[0].value) == 10 else None


def extract(
    text_or_html: str,
    *,
    url: str | None = None,
    outlet: str | None = None,
    fetched: str | None = None,
    templates: TemplateView | None = None,
) -> list[Article]:
    """Public API: the article(s) in a page, flattened text or HTML."""
    head = text_or_html[:2000].lower()
    kind = "html" if ("<html" in head or "<body" in head or "<p" in head or "<div" in head) else "text"
    raw = RawDocument(input_id=url or "input", path=url or "input", kind=kind, content=text_or_html,
                      url=url, outlet=outlet, fetched=fetched)
    return extract_document(raw, templates)


def extract_document(raw: RawDocument, templates: TemplateView | None = None) -> list[Article]:
    if raw.kind == "record":
        return [_from_record(raw)]
    if raw.kind == "html":
        return _from_html(raw, templates)
    return _from_flat(raw, normalize_display(raw.content), raw.title, None, templates)


TRAILING_FURNITURE = 4  # lines at most taken off the end of a record's text


def _from_record(raw: RawDocument) -> Article:
    """Structured records (JSON, feeds) are clean text but for what scrapers left at the end: a tag line
    ("سمات الجوازات وافدون"), the agency's time stamp ("20:26 ت م"), a fax number. Those last lines go when they
    are short, furniture by their cue words, and no sentence; the rest is kept as given. Then read the metadata."""
    text = normalize_display(raw.content)
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n|\n", text) if p.strip()]
    dropped: list[str] = []
    while paragraphs and len(dropped) < TRAILING_FURNITURE:
        f = features(paragraphs[-1])
        if not (f.noise_cue and f.words <= 20 and not f.ends_sentence):
            break
        dropped.insert(0, paragraphs.pop())
    tail = _cut_glued_tail(paragraphs)
    if tail:
        dropped.insert(0, tail)
    head = _cut_glued_head(paragraphs)
    if head:
        dropped.insert(0, head)
    meta = _read_metadata(paragraphs, raw.outlet)
    published = parse_date_field(raw.published) or parse_date_field(raw.fetched)
    return Article(
        input_id=raw.input_id, outlet=raw.outlet, url=raw.url,
        title=clean_title(normalize_display(raw.title) if raw.title else None, raw.outlet),
        body="\n\n".join(meta.paragraphs), published=published, credited_source=meta.credit,
        agencies=meta.agencies, dateline=meta.dateline, author=meta.author, source_text=raw.content,
        dropped_lines=dropped,
    )


def _from_html(raw: RawDocument, templates: TemplateView | None) -> list[Article]:
    ext = extract_html(raw.content, raw.url)
    url = raw.url or ext.url
    outlet = raw.outlet
    fetched = raw.fetched or raw.published
    page_date = ext.date if ext.date and ext.date[:4].isdigit() else None
    text = normalize_display(ext.text)
    arts = _from_flat(
        RawDocument(input_id=raw.input_id, path=raw.path, kind="text", content=text, url=url, outlet=outlet,
                    published=raw.published or page_date, fetched=fetched),
        text, raw.title or ext.title, page_date, templates,
    )
    for a in arts:
        a.source_text = text
        if a.author is None and ext.author:
            a.author = ext.author
    return arts


class _Meta:
    def __init__(self) -> None:
        self.paragraphs: list[str] = []
        self.credit: str | None = None
        self.dateline: str | None = None
        self.author: str | None = None
        self.agencies: list[str] = []
        self.dateline_agency: str | None = None

    def set_dateline(self, place: str, who: str | None) -> None:
        from .meta.agencies import agency_of

        self.dateline = place
        self.dateline_agency = agency_of(who) if who else None

    def set_byline(self, byline: Byline) -> None:
        """What a byline says fills what no earlier line said; its agency counts as a dateline's does (one of
        the article's agencies, not a credit line)."""
        if byline.authors and self.author is None:
            self.author = "، ".join(byline.authors)
        if byline.place and self.dateline is None:
            self.dateline = byline.place
        if byline.agency:
            self.dateline_agency = self.dateline_agency or byline.agency


def _unglue_furniture(lines: list[str]) -> list[str]:
    """A flattened line that ends a sentence and then carries site furniture ("… المجاورة. سمات البلدية
    حدائق"), or opens with a share bar, becomes two lines, so that the line classifier keeps the sentence and
    drops the furniture."""
    out: list[str] = []
    for line in lines:
        head, line = split_glued_head(line)
        if head:
            out.append(head)
        kept, tail = split_glued_tail(line)
        if tail and kept and features(kept).ends_sentence:
            out.extend((kept, tail))
        else:
            out.append(line)
    return out


def _cut_glued_head(paragraphs: list[str]) -> str | None:
    """Take a share bar glued onto the first paragraph off it."""
    if not paragraphs:
        return None
    head, rest = split_glued_head(paragraphs[0])
    if head:
        if rest.strip():
            paragraphs[0] = rest
        else:
            paragraphs.pop(0)
    return head


def _cut_glued_tail(paragraphs: list[str]) -> str | None:
    """Take site furniture glued onto the last paragraph off it (the paragraph goes if nothing else is left)."""
    if not paragraphs:
        return None
    kept, tail = split_glued_tail(paragraphs[-1])
    if tail:
        if kept:
            paragraphs[-1] = kept
        else:
            paragraphs.pop()
    return tail


def _read_metadata(paragraphs: list[str], outlet: str | None) -> _Meta:
    """Pull credit, byline, dateline and author lines out of body paragraphs."""
    meta = _Meta()
    for i, para in enumerate(paragraphs):
        credit = parse_credit(para) if len(para) < 120 else None
        if credit:
            meta.credit = meta.credit or credit
            continue
        byline = parse_byline(para, outlet) if i <= 1 and not meta.paragraphs else None
        if byline:
            meta.set_byline(byline)
            continue
        if i <= 1 and meta.dateline is None and len(para.split()) <= 6:
            dl = parse_dateline_line(para, outlet)
            if dl:
                meta.set_dateline(*dl)
                continue
            author = parse_author(para)
            if author:
                meta.author = author
                continue
        if not meta.paragraphs and i <= 1:
            inline_byline = split_inline_byline(para, outlet)
            if inline_byline:
                meta.set_byline(inline_byline[0])
                para = inline_byline[1]
        if not meta.paragraphs and meta.dateline is None:
            inline = split_inline_dateline(para)
            if inline:
                meta.set_dateline(inline[0], inline[1])
        meta.paragraphs.append(para)
    meta.agencies = _agencies(meta)
    return meta


def _agencies(meta: _Meta) -> list[str]:
    found = find_agencies("\n".join(meta.paragraphs) + ("\n" + meta.credit if meta.credit else ""))
    if meta.dateline_agency and meta.dateline_agency not in found:
        found.insert(0, meta.dateline_agency)
    return found


def _from_flat(raw: RawDocument, text: str, given_title: str | None, page_date: str | None,
               templates: TemplateView | None) -> list[Article]:
    lines = _unglue_furniture([ln.strip() for ln in text.splitlines()])
    page = flattened.layout(lines, raw.outlet, templates)
    articles: list[Article] = []
    reference = _reference_date(raw)
    for n, block in enumerate(page.blocks):
        body_lines = [lines[i] for i in block.keep]
        title = given_title if (n == 0 and given_title) else flattened.pick_title(page, block, raw.outlet)
        title = clean_title(title, raw.outlet)
        if title and body_lines and _same_text(body_lines[0], title):
            body_lines = body_lines[1:]
        # credit lines often sit just below the body, outside the densest block
        tail = [lines[i] for i in range(block.end, min(block.end + 6, len(lines))) if lines[i]]
        meta = _read_metadata(body_lines, raw.outlet)
        if meta.credit is None:
            for ln in tail:
                credit = parse_credit(ln) if len(ln) < 120 else None
                if credit:
                    meta.credit = credit
                    break
        header = [lines[i] for i in flattened.header_lines(page, block)]
        for ln in header:
            byline = parse_byline(ln, raw.outlet)
            if byline:
                meta.set_byline(byline)
                break
        if meta.dateline is None:
            for ln in header:
                dl = parse_dateline_line(ln, raw.outlet) if len(ln.split()) <= 6 else None
                if dl:
                    meta.set_dateline(*dl)
        meta.agencies = _agencies(meta)
        if meta.author is None:
            meta.author = next((a for a in (parse_author(ln) for ln in header) if a), None)
        published = _page_date(header, reference) if n > 0 or not page_date else page_date
        if published is None and n == 0:
            published = parse_date_field(raw.published) or _page_date(header, reference) or parse_date_field(raw.fetched)
        elif published is None:
            # a glued article printing no date of its own: the page's date (its input's date, fetch
            # time, or the date the page printed above its first article), never a sidebar date
            published = parse_date_field(raw.published) or parse_date_field(raw.fetched) or (articles[0].published if articles else None)
        if not meta.paragraphs:
            continue
        kept = set(block.keep)
        dropped = [lines[i] for i in range(len(lines)) if lines[i] and i not in kept] if n == 0 else []
        input_id = raw.input_id if n == 0 else f"{raw.input_id}#{n + 1}"
        articles.append(Article(
            input_id=input_id, outlet=raw.outlet, url=raw.url if n == 0 else None, title=title,
            body="\n\n".join(meta.paragraphs), published=published, credited_source=meta.credit,
            agencies=meta.agencies, dateline=meta.dateline, author=meta.author,
            source_text=raw.content if n == 0 else None, dropped_lines=dropped,
        ))
    return articles


def _same_text(a: str, b: str) -> bool:
    from .arabic.normalize import normalize_match

    return " ".join(normalize_match(a).split()) == " ".join(normalize_match(b).split())


def _reference_date(raw: RawDocument) -> dt.date:
    for value in (raw.published, raw.fetched):
        iso = parse_date_field(value)
        if iso:
            return dt.date.fromisoformat(iso[:10])
    return dt.date.today()


def _page_date(header: list[str], reference: dt.date) -> str | None:
    """The publication date printed above the article: a full date in a date/ticker line."""
    for ln in header:
        f = features(ln)
        if f.prose:
            continue
        full = [d for d in find_dates(ln, reference) if len(d.value) == 10 and d.calendar != "relative"]
        if full:
            return full[0].value
    return None

"""HTML pages: trafilatura for the main text and metadata, then the Arabic post-filter.

trafilatura is the best general tool for HTML, but on Arabic pages it keeps tag
lines and related-article leftovers; its output is passed through the same line
classifier as flattened pages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass
class HtmlExtraction:
    text: str  # main text, one paragraph per line
    title: str | None
    date: str | None
    author: str | None
    sitename: str | None
    url: str | None


def _day_and_time(value: str | None) -> str | None:
    """htmldate's stamp as YYYY-MM-DD, with THH:MM:SS when the page gave a time: a page that gives only its day
    comes out at midnight, and a midnight stamp is read as no time (a true midnight is rare, a made-up one is not)."""
    if not value:
        return None
    return value[:10] if value.endswith("T00:00:00") else value


_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def extract_html(html: str, url: str | None = None) -> HtmlExtraction:
    import trafilatura
    from trafilatura.settings import set_date_params

    html = _XML_INVALID.sub("", html)  # lxml refuses NUL and control characters
    try:
        doc = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=False, favor_precision=False,
            # trafilatura's defaults, with the time of day: of two same-day copies the earlier is the source
            date_extraction_params={**set_date_params(), "outputformat": "%Y-%m-%dT%H:%M:%S"},
        )
    except (ValueError, TypeError, RecursionError) as exc:  # malformed beyond what lxml recovers
        doc = None
        _ = exc
    if doc is None:
        # trafilatura found no main content: fall back to the page's visible text
        return HtmlExtraction(text=_visible_text(html), title=None, date=None, author=None, sitename=None, url=url)
    return HtmlExtraction(
        text=doc.text or "",
        title=doc.title,
        date=_day_and_time(doc.date),
        author=doc.author,
        sitename=doc.sitename,
        url=doc.url or url,
    )


def _visible_text(html: str) -> str:
    import lxml.html

    try:
        tree = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError, RecursionError):
        return re.sub(r"<[^>]{0,500}>", " ", html)  # last resort: drop anything tag-shaped
    for bad in tree.xpath("//script|//style|//noscript"):
        bad.drop_tree()
    return "\n".join(t.strip() for t in tree.itertext() if t.strip())

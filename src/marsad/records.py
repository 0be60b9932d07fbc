"""Plain records that flow between pipeline stages.

raw document -> article -> analysed article -> event -> story. Records are plain
dataclasses so that every stage stays a pure function that can run in process or
inside a Spark partition (they pickle cheaply).
"""

from __future__ import annotations

import hashlib
from copy import deepcopy
from dataclasses import dataclass, field
from typing import Any


@dataclass
class RawDocument:
    """One input record before extraction: a page, or one object of a JSON file."""

    input_id: str  # the record's own id, or path[#member][#n]
    path: str  # the file the record came from (for error messages)
    kind: str  # "text" (flattened page), "html", or "record" (structured, already clean)
    content: str
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    published: str | None = None  # date string as given by the record, if any
    fetched: str | None = None


@dataclass
class IngestError:
    """A problem with one input: the file (and member/line) and the reason."""

    where: str
    reason: str


@dataclass
class DateMention:
    text: str
    start: int
    end: int
    value: str  # YYYY-MM-DD, YYYY-MM or YYYY
    calendar: str  # gregorian | hijri | relative


@dataclass
class Entity:
    text: str
    start: int
    end: int
    type: str  # PER | LOC | ORG | MISC
    canonical: str = ""


@dataclass
class Quote:
    text: str
    start: int
    end: int
    kind: str  # direct | indirect
    speaker: str | None = None
    speaker_canonical: str | None = None
    cue: str | None = None
    # the day the words were said (YYYY-MM-DD): one the cue names ("قال أمس", "في مؤتمر صحفي يوم الاثنين"), else
    # that of the same speaker's quote before it, else the day the article was published; None when none is known
    date: str | None = None


@dataclass
class Article:
    """An extracted article, and later its analysis (filled by later stages)."""

    input_id: str
    outlet: str | None
    body: str
    title: str | None = None
    url: str | None = None
    published: str | None = None  # YYYY-MM-DD, then THH:MM:SS when the source gives the time
    credited_source: str | None = None
    agencies: list[str] = field(default_factory=list)
    dateline: str | None = None
    author: str | None = None
    id: str = ""
    event_id: str | None = None
    story_id: str | None = None
    duplicate_of: str | None = None
    reuses: list[dict[str, Any]] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    source_text: str | None = None  # the page text as received, for the UI's side-by-side view
    dropped_lines: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.id:
            self.id = article_id(self.outlet, self.url, self.body)

    def to_record(self) -> dict[str, Any]:
        """The export record of INTERFACE.md (analysis fields included). Built field by field: ``asdict`` walked
        every entity, quote and date recursively and was a sixth of refreshing the 31k corpus's event records."""
        return {
            "id": self.id,
            "input_id": self.input_id,
            "outlet": self.outlet,
            "url": self.url,
            "title": self.title,
            "published": self.published,
            "body": self.body,
            "credited_source": self.credited_source,
            "agencies": list(self.agencies),
            "dateline": self.dateline,
            "author": self.author,
            "event_id": self.event_id,
            "story_id": self.story_id,
            "duplicate_of": self.duplicate_of,
            "reuses": deepcopy(self.reuses),
            "entities": [vars(e).copy() for e in self.entities],  # flat records: a shallow copy is a full one
            "quotes": [vars(q).copy() for q in self.quotes],
            "dates": [vars(d).copy() for d in self.dates],
        }


def article_id(outlet: str | None, url: str | None, body: str) -> str:
    """Content-addressed id: the same text from the same outlet and url always gets the same id.

    Outlet and url are part of the key so that two outlets printing the same wire text
    stay two articles (one becomes the other's duplicate); the file path is not, so a
    re-run from another directory stores nothing twice.
    """
    digest = hashlib.sha1(f"{outlet or ''}\x1f{url or ''}\x1f{body}".encode()).hexdigest()
    return digest[:16]

"""The per-record stages: pure functions of their input and config.

raw document -> article(s) (``extract_stage``) -> analysed article (``analyse_stage``).
Both the local runner and the Spark runner call exactly these functions.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .arabic.dates import find_dates
from .clean.templates import TemplateView
from .extract import extract_document
from .ingest.formats import Limits
from .nlp.entities import extract_entities
from .nlp.quotes import date_quotes, extract_quotes
from .records import Article, RawDocument


@dataclass(frozen=True)
class Config:
    limits: Limits = Limits()
    batch_size: int = 500
    summary_sentences: int = 5
    analyse: bool = True  # entities, quotes and dates per article
    keep_source_text: bool = True
    workers: int = 0  # processes analysing articles in the local runner; 0: one per CPU, up to 4 (see runners.local)


def extract_stage(raw: RawDocument, templates: TemplateView | None = None) -> list[Article]:
    return extract_document(raw, templates)


def analyse_stage(article: Article, config: Config = Config()) -> Article:
    """Dates, entities and quotes of the body, offsets into ``article.body``."""
    if not config.analyse:
        return article
    reference = _reference(article.published)
    article.dates = find_dates(article.body, reference)
    if article.published is None:
        # the page states no date: the first full date in the lead paragraph is the best guess
        lead = [d for d in article.dates if d.start < 400 and len(d.value) == 10 and d.calendar != "relative"]
        if lead:
            article.published = lead[0].value
    article.entities = extract_entities(article.body)
    article.quotes = extract_quotes(article.body, article.entities)
    date_quotes(article.quotes, article.dates, article.body, article.published)
    if not config.keep_source_text:
        article.source_text = None
    return article


def _reference(published: str | None) -> dt.date:
    if published:
        try:
            return dt.date.fromisoformat(published[:10])
        except ValueError:
            pass
    return dt.date.today()

"""marsad (مرصد): turn scraped Arabic news from many outlets into clean, deduplicated stories."""

from __future__ import annotations

__version__ = "0.1.0"

from .arabic.dates import find_dates
from .extract import extract
from .nlp.entities import extract_entities
from .nlp.quotes import extract_quotes
from .pipeline import Pipeline
from .records import Article, DateMention, Entity, Quote

__all__ = ["Article", "DateMention", "Entity", "Pipeline", "Quote", "__version__", "extract", "extract_entities",
           "extract_quotes", "find_dates"]

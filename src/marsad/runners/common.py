"""What both runners do with one raw record: extract, analyse, learn the outlet's template.

Template learning is the only state carried from record to record; it is per outlet,
so a runner that feeds each outlet's pages in input order (the local runner does, the
Spark runner partitions by outlet and sorts) gets exactly the same articles.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..clean.templates import TemplateView
from ..records import Article, RawDocument
from ..stages import Config, analyse_stage, extract_stage


@dataclass
class RecordOutcome:
    articles: list[Article] = field(default_factory=list)
    error: str | None = None  # why the record gave no article
    template_keys: dict[str, int] | None = None  # line keys the outlet's template observed (None: not observed)


def process_record(raw: RawDocument, templates: TemplateView, config: Config) -> RecordOutcome:
    """Extract and analyse one record, then let the outlet's template learn from its page."""
    outcome = RecordOutcome()
    try:
        articles = extract_stage(raw, templates)
        if learns_template(raw):
            outcome.template_keys = templates.observe(raw.outlet, raw.content.splitlines())
        outcome.articles = [analyse_stage(a, config) for a in articles]
        if not articles:
            outcome.error = "no article text found"
    except Exception as exc:  # one bad record must not stop the run
        outcome.articles = []
        outcome.error = f"extraction failed: {type(exc).__name__}: {exc}"
    return outcome


def learns_template(raw: RawDocument) -> bool:
    """Pages (not structured records) of a known outlet feed its template."""
    return raw.kind != "record" and bool(raw.outlet)

"""What both runners do with one raw record: extract, analyse, learn the outlet's template.

Template learning is the only state carried from record to record; it is per outlet,
so a runner that feeds each outlet's pages in input order (the local runner does, the
Spark runner partitions by outlet and sorts) gets exactly the same articles.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

from ..clean.templates import TemplateView
from ..corpus import update_corpus
from ..ingest.sources import InputUnit, discover
from ..records import Article, IngestError, RawDocument
from ..stages import Config, analyse_stage, extract_stage
from ..store.sqlite import Store

Progress = Callable[[str, int, int], None]  # (stage, done, total)


@dataclass
class RunSummary:
    run_id: int = 0
    inputs: int = 0
    inputs_skipped: int = 0
    records: int = 0
    articles_new: int = 0
    articles_total: int = 0
    duplicates: int = 0
    events: int = 0
    stories: int = 0
    errors: list[tuple[str, str]] = field(default_factory=list)
    elapsed: float = 0.0
    timings: dict[str, float] = field(default_factory=dict)

    def as_dict(self) -> dict[str, object]:
        return {"run_id": self.run_id, "inputs": self.inputs, "inputs_skipped": self.inputs_skipped,
                "records": self.records, "articles_new": self.articles_new, "articles_total": self.articles_total,
                "duplicates": self.duplicates, "events": self.events, "stories": self.stories,
                "errors": [{"where": w, "reason": r} for w, r in self.errors], "elapsed": round(self.elapsed, 3)}


def discover_units(inputs: list[str], summary: RunSummary) -> list[InputUnit]:
    """The input units to read; inputs that cannot be read at all go to the summary's errors."""
    units: list[InputUnit] = []
    for item in discover(inputs):
        if isinstance(item, IngestError):
            summary.errors.append((item.where, item.reason))
        else:
            units.append(item)
    summary.inputs = len(units)
    return units


def finish_run(store: Store, summary: RunSummary, config: Config, progress: Progress | None, t0: float) -> RunSummary:
    """The corpus stages over what the run stored, then the run's figures (both runners end here)."""
    t_corpus = time.perf_counter()
    if progress:
        progress("analyse corpus", 0, 1)
    corpus = update_corpus(store, config.summary_sentences)
    if progress:
        progress("analyse corpus", 1, 1)
    summary.timings["corpus"] = time.perf_counter() - t_corpus
    summary.duplicates = corpus.duplicates
    summary.articles_total = store.count("articles")
    summary.events = store.count("events")
    summary.stories = store.count("stories")
    summary.elapsed = time.perf_counter() - t0
    store.finish_run(summary.run_id, summary.as_dict(), summary.timings)
    return summary


@dataclass
class RecordOutcome:
    articles: list[Article] = field(default_factory=list)
    error: str | None = None  # why the record gave no article
    template_keys: dict[str, int] | None = None  # line keys the outlet's template observed (None: not observed)


def process_record(raw: RawDocument, templates: TemplateView, config: Config, analyse: bool = True) -> RecordOutcome:
    """Extract and analyse one record, then let the outlet's template learn from its page. With ``analyse`` off
    the articles come out extracted only, for a caller that analyses them elsewhere (``analyse_safely``)."""
    outcome = RecordOutcome()
    try:
        articles = extract_stage(raw, templates)
        if learns_template(raw):
            outcome.template_keys = templates.observe(raw.outlet, raw.content.splitlines())
        outcome.articles = [analyse_stage(a, config) for a in articles] if analyse else articles
        if not articles:
            outcome.error = "no article text found"
    except Exception as exc:  # one bad record must not stop the run
        outcome.articles = []
        outcome.error = f"extraction failed: {type(exc).__name__}: {exc}"
    return outcome


def analyse_safely(article: Article, config: Config) -> tuple[Article | None, str | None]:
    """``analyse_stage`` for a worker process: a failure comes back as the reason, so one bad article neither
    stops the run nor loses the rest of its batch."""
    try:
        return analyse_stage(article, config), None
    except Exception as exc:
        return None, f"analysis failed: {type(exc).__name__}: {exc}"


def learns_template(raw: RawDocument) -> bool:
    """Pages (not structured records) of a known outlet feed its template."""
    return raw.kind != "record" and bool(raw.outlet)

"""The local runner: streams records through the stages in process and commits in batches.

Progress is recorded per input unit in the same transaction as its articles, so a
killed run loses at most the open batch; a re-run skips finished units, and stores
nothing twice because article ids are content hashes.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

from ..corpus import update_corpus
from ..ingest.sources import InputUnit, discover
from ..records import Article, IngestError
from ..stages import Config
from ..store.sqlite import Store
from .common import process_record

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


class _Batch:
    def __init__(self) -> None:
        self.articles: list[Article] = []
        self.done: list[tuple[str, str, int]] = []
        self.errors: list[tuple[str, str]] = []
        self.template_pages: dict[str, int] = {}
        self.template_lines: dict[tuple[str, str], int] = {}

    def __len__(self) -> int:
        return len(self.articles) + len(self.done)


def run_local(store: Store, inputs: list[str], config: Config = Config(), progress: Progress | None = None) -> RunSummary:
    t0 = time.perf_counter()
    summary = RunSummary()
    summary.run_id = store.start_run(inputs, "local")
    templates = store.load_templates()
    units: list[InputUnit] = []
    for item in discover(inputs):
        if isinstance(item, IngestError):
            summary.errors.append((item.where, item.reason))
        else:
            units.append(item)
    summary.inputs = len(units)
    batch = _Batch()
    batch.errors.extend(summary.errors)

    def flush() -> None:
        nonlocal batch
        summary.articles_new += store.write_batch(summary.run_id, batch.articles, batch.done, batch.errors,
                                                  batch.template_pages, batch.template_lines)
        batch = _Batch()

    t_ingest = time.perf_counter()
    for n, unit in enumerate(units, 1):
        if store.input_done(unit.key, unit.fingerprint):
            summary.inputs_skipped += 1
            if progress:
                progress("ingest", n, len(units))
            continue
        produced = 0
        failed = False
        for item in unit.read(config.limits):
            if isinstance(item, IngestError):
                failed = True
                summary.errors.append((item.where, item.reason))
                batch.errors.append((item.where, item.reason))
                continue
            summary.records += 1
            outcome = process_record(item, templates, config)
            if item.outlet and outcome.template_keys is not None:
                batch.template_pages[item.outlet] = batch.template_pages.get(item.outlet, 0) + 1
                for k in outcome.template_keys:
                    batch.template_lines[(item.outlet, k)] = batch.template_lines.get((item.outlet, k), 0) + 1
            batch.articles.extend(outcome.articles)
            produced += len(outcome.articles)
            if outcome.error:
                summary.errors.append((item.path, outcome.error))
                batch.errors.append((item.path, outcome.error))
            if len(batch.articles) >= config.batch_size:
                flush()
        # an input that gave nothing but errors is retried (and reported) by the next run
        batch.done.append((unit.key, unit.fingerprint, produced if produced or not failed else -1))
        if progress:
            progress("ingest", n, len(units))
        if len(batch) >= config.batch_size:
            flush()
    flush()
    summary.timings["ingest"] = time.perf_counter() - t_ingest

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

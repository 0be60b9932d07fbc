"""The local runner: streams records through the stages in process and commits in batches.

Progress is recorded per input unit in the same transaction as its articles, so a
killed run loses at most the open batch; a re-run skips finished units, and stores
nothing twice because article ids are content hashes.
"""

from __future__ import annotations

import time

from ..records import Article, IngestError
from ..stages import Config
from ..store.sqlite import Store
from .common import Progress, RunSummary, discover_units, finish_run, process_record


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
    units = discover_units(inputs, summary)
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

    return finish_run(store, summary, config, progress, t0)

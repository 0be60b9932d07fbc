"""The local runner: streams records through the stages in process and commits in batches.

Progress is recorded per input unit in the same transaction as its articles, so a
killed run loses at most the open batch; a re-run skips finished units, and stores
nothing twice because article ids are content hashes.

Extraction stays in this process, in input order: it learns each outlet's template as it goes. Analysis
(dates, entities, quotes) is a pure function of one article and takes nine tenths of the per-article time,
so a batch of enough articles is analysed by worker processes, one per CPU (up to four) unless ``Config.workers``
says otherwise; the results, in the batch's order, are the ones one process gives.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from itertools import repeat

from ..records import Article, IngestError
from ..stages import Config
from ..store.sqlite import Store
from .common import Progress, RunSummary, analyse_safely, discover_units, finish_run, process_record

MIN_POOL_BATCH = 64  # articles: a smaller batch (a run adding a few) is analysed in process; starting workers,
# each loading the taggers, costs more than it saves there
DEFAULT_MAX_WORKERS = 4  # by default one worker per CPU up to this: each holds the taggers and word caches (up to
# 0.64 GB on the 31k corpus), so a 64-core machine would otherwise spend 40 GB on them; --workers sets any number


def _usable_cpus() -> int:
    """CPUs this process may run on (a container or taskset may allow fewer than the machine has)."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def _exit_with_parent(parent: int) -> None:
    """In a worker: leave when the runner is gone. A runner killed outright (SIGKILL, out of memory) cannot stop
    its pool, and a worker waiting for work would wait for ever."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(0)

    threading.Thread(target=watch, daemon=True).start()


class _Analyser:
    """Analyses a batch of extracted articles in process, or over worker processes started on first need."""

    def __init__(self, config: Config) -> None:
        self.config = config
        self.workers = config.workers or min(DEFAULT_MAX_WORKERS, _usable_cpus())
        self.pool: ProcessPoolExecutor | None = None

    def __call__(self, articles: list[Article]) -> list[tuple[Article | None, str | None]]:
        if self.workers < 2 or len(articles) < MIN_POOL_BATCH or not self.config.analyse:
            return [analyse_safely(a, self.config) for a in articles]
        if self.pool is None:
            # spawned, not forked: the parent may hold threads (a progress bar) whose locks a fork would copy
            self.pool = ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("spawn"),
                                            initializer=_exit_with_parent, initargs=(os.getpid(),))
        chunk = max(1, min(16, len(articles) // (4 * self.workers)))
        return list(self.pool.map(analyse_safely, articles, repeat(self.config), chunksize=chunk))

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown()
            self.pool = None


class _Batch:
    def __init__(self) -> None:
        self.articles: list[Article] = []
        self.paths: list[str] = []  # the record each article came from, for an analysis error
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
    analyse = _Analyser(config)

    def flush() -> None:
        nonlocal batch
        analysed = []
        for (article, error), path in zip(analyse(batch.articles), batch.paths, strict=True):
            if article is not None:
                analysed.append(article)
            else:
                summary.errors.append((path, str(error)))
                batch.errors.append((path, str(error)))
        summary.articles_new += store.write_batch(summary.run_id, analysed, batch.done, batch.errors,
                                                  batch.template_pages, batch.template_lines)
        batch = _Batch()

    t_ingest = time.perf_counter()
    try:
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
                outcome = process_record(item, templates, config, analyse=False)
                if item.outlet and outcome.template_keys is not None:
                    batch.template_pages[item.outlet] = batch.template_pages.get(item.outlet, 0) + 1
                    for k in outcome.template_keys:
                        batch.template_lines[(item.outlet, k)] = batch.template_lines.get((item.outlet, k), 0) + 1
                batch.articles.extend(outcome.articles)
                batch.paths.extend(item.path for _ in outcome.articles)
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
    finally:
        analyse.close()
    summary.timings["ingest"] = time.perf_counter() - t_ingest

    return finish_run(store, summary, config, progress, t0)

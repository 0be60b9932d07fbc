"""``marsad.Pipeline``: the Python face of ``marsad run``."""

from __future__ import annotations

from pathlib import Path

from .runners.common import Progress, RunSummary
from .runners.local import run_local
from .stages import Config
from .store.sqlite import Store


class Pipeline:
    """Ingest, extract, analyse and cluster inputs into a store.

    >>> Pipeline(db="marsad.db").run(["examples/demo"])  # doctest: +SKIP
    """

    def __init__(self, db: str | Path = "marsad.db", engine: str = "local", config: Config | None = None,
                 spark_master: str | None = None, spark_output: str | Path | None = None) -> None:
        if engine not in ("local", "spark"):
            raise ValueError(f"unknown engine {engine!r} (local or spark)")
        self.db = str(db)
        self.engine = engine
        self.config = config or Config()
        self.spark_master = spark_master
        self.spark_output = spark_output  # Parquet output of the Spark engine (default: <db>.spark/)

    def run(self, inputs: list[str] | str, progress: Progress | None = None) -> RunSummary:
        if isinstance(inputs, str):
            inputs = [inputs]
        with Store(self.db) as store:
            if self.engine == "spark":
                from .runners.spark import run_spark

                return run_spark(store, list(inputs), self.config, master=self.spark_master, progress=progress,
                                 output=self.spark_output)
            return run_local(store, list(inputs), self.config, progress)

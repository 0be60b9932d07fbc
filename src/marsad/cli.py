"""The ``marsad`` command line (Typer + Rich)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer
from rich.console import Console
from rich.markdown import Markdown
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from . import __version__

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="marsad (مرصد): turn scraped Arabic news into clean, deduplicated stories.")
console = Console()
err = Console(stderr=True)

DB_HELP = "SQLite database file (created if absent)."


def _version(value: bool) -> None:
    if value:
        console.print(f"marsad {__version__}")
        raise typer.Exit()


@app.callback()
def _main(version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Show the version and exit.")) -> None:
    pass


@app.command()
def run(
    inputs: list[str] = typer.Argument(..., help="Files, folders, archives (.zip, .tar.gz) or RSS/Atom feed URLs."),
    db: Path = typer.Option(Path("marsad.db"), "--db", help=DB_HELP),
    report: Path | None = typer.Option(None, "--report", help="Write the HTML/Markdown report to this folder."),
    engine: str = typer.Option("local", "--engine", help="local (in process) or spark."),
    master: str | None = typer.Option(None, "--master", help="Spark master URL (default local[*])."),
    spark_output: Path | None = typer.Option(None, "--spark-output",
                                             help="Where the Spark engine writes its Parquet output (default: DB.spark/)."),
    strict: bool = typer.Option(False, "--strict", help="Exit 1 if any input failed."),
    max_file_mb: int = typer.Option(50, "--max-file-mb", help="Skip files larger than this (MB)."),
    workers: int = typer.Option(0, "--workers", min=0,
                                help="Processes analysing articles (local engine); 0: one per CPU, up to 4; 1: in process."),
) -> None:
    """Ingest, extract, analyse and cluster INPUTS into the store. Running it twice stores nothing twice."""
    from .ingest.formats import Limits
    from .pipeline import Pipeline
    from .stages import Config

    if engine not in ("local", "spark"):
        err.print(f"[red]unknown engine {engine!r}: use local or spark[/red]")
        raise typer.Exit(2)
    config = Config(limits=Limits(max_file_bytes=max_file_mb * 1024 * 1024), workers=workers)
    pipeline = Pipeline(db=db, engine=engine, config=config, spark_master=master, spark_output=spark_output)
    if engine == "spark":
        from .runners.spark import SparkUnavailable, check_spark

        try:
            check_spark()
        except SparkUnavailable as exc:
            err.print(f"[red]{escape(str(exc))}[/red]")
            raise typer.Exit(2) from None
    if console.is_terminal:
        with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                      console=console, transient=True) as bar:
            tasks: dict[str, int] = {}

            def progress(stage: str, done: int, total: int) -> None:
                if stage not in tasks:
                    tasks[stage] = bar.add_task(stage, total=total)
                bar.update(tasks[stage], completed=done, total=total)

            summary = pipeline.run(inputs, progress=progress)
    else:
        summary = pipeline.run(inputs)
    _print_summary(summary, db)
    if report is not None:
        from .report.render import write_report
        from .store.sqlite import Store

        with Store(db) as store:
            n = write_report(store, report)
        console.print(f"report: {n} event pages in {report}/index.html (Markdown beside each page)")
    if strict and summary.errors:
        raise typer.Exit(1)


def _print_summary(summary, db: Path) -> None:  # type: ignore[no-untyped-def]
    table = Table(title="marsad run", show_header=False)
    table.add_row("inputs", f"{summary.inputs} ({summary.inputs_skipped} already done)")
    table.add_row("records read", str(summary.records))
    table.add_row("articles", f"{summary.articles_new} new, {summary.articles_total} in store")
    table.add_row("duplicates", str(summary.duplicates))
    table.add_row("events", str(summary.events))
    table.add_row("stories", str(summary.stories))
    table.add_row("errors", str(len(summary.errors)))
    table.add_row("elapsed", f"{summary.elapsed:.1f} s")
    table.add_row("store", str(db))
    console.print(table)
    if summary.errors:
        console.print(f"[bold red]errors[/bold red] ({len(summary.errors)}): the rest of the run went on")
        for where, reason in summary.errors[:50]:
            console.print(f"  {escape(where)}: {escape(reason)}", soft_wrap=True, highlight=False)
        if len(summary.errors) > 50:
            console.print(f"  … {len(summary.errors) - 50} more (in the store's errors table)")


@app.command("export")
def export_cmd(
    what: str = typer.Option(..., "--what", help="articles, events or stories."),
    db: Path = typer.Option(Path("marsad.db"), "--db", help=DB_HELP),
    fmt: str = typer.Option("jsonl", "--format", help="jsonl, csv or parquet."),
    output: str | None = typer.Option(None, "-o", "--output", help="Output file (default: standard output)."),
) -> None:
    """Export the stored analysis, one record per line."""
    from .export import export
    from .store.sqlite import Store

    if what not in ("articles", "events", "stories"):
        err.print(f"[red]--what must be articles, events or stories, not {what!r}[/red]")
        raise typer.Exit(2)
    if fmt not in ("jsonl", "csv", "parquet"):
        err.print(f"[red]--format must be jsonl, csv or parquet, not {fmt!r}[/red]")
        raise typer.Exit(2)
    _need_db(db)
    with Store(db) as store:
        try:
            n = export(store, what, fmt, output)
        except ValueError as exc:
            err.print(f"[red]{exc}[/red]")
            raise typer.Exit(2) from None
    if output:
        err.print(f"{n} {what} written to {output}")


@app.command()
def show(event_id: str = typer.Argument(..., help="Event id (see `marsad export --what events`)."),
         db: Path = typer.Option(Path("marsad.db"), "--db", help=DB_HELP)) -> None:
    """Show an event report in the terminal."""
    from .report.render import event_markdown
    from .store.sqlite import Store

    _need_db(db)
    with Store(db) as store:
        merged_into = store.resolve_event_id(event_id)
        if merged_into and merged_into != event_id:
            err.print(f"event {event_id} was merged into {merged_into}")
            event_id = merged_into
        row = store.conn.execute("SELECT record FROM events WHERE id=?", (event_id,)).fetchone()
        if row is None or not row["record"]:
            err.print(f"[red]no event {event_id!r} in {db}[/red]")
            raise typer.Exit(1)
        md = event_markdown(json.loads(row["record"]), store)
    console.print(Markdown(md))


@app.command()
def search(query: str = typer.Argument(..., help="Words to find (Arabic spelling variants match)."),
           db: Path = typer.Option(Path("marsad.db"), "--db", help=DB_HELP),
           limit: int = typer.Option(20, "--limit", min=1, max=500)) -> None:
    """Full-text search over titles and bodies, Arabic-normalised."""
    from .meta.outlets import outlet_name
    from .store.sqlite import Store

    _need_db(db)
    with Store(db) as store:
        hits = store.search(query, limit=limit)
    if not hits:
        console.print("no results")
        return
    table = Table(show_lines=True)
    for col in ("article", "outlet", "date", "title", "snippet"):
        table.add_column(col)
    for h in hits:
        snippet = "".join(f"[bold yellow]{s['text']}[/bold yellow]" if s["hit"] else s["text"].replace("[", r"\[") for s in h["snippet"])
        table.add_row(h["id"], outlet_name(h["outlet"]) or h["outlet"] or "", h["published"] or "", (h["title"] or "").replace("[", r"\["), snippet)
    console.print(table)


@app.command()
def serve(db: Path = typer.Option(Path("marsad.db"), "--db", help=DB_HELP),
          host: str = typer.Option("127.0.0.1", "--host", help="Address to bind (loopback by default)."),
          port: int = typer.Option(8000, "--port")) -> None:
    """Serve the JSON API (OpenAPI at /docs) and the web UI, read-only."""
    _need_db(db)
    try:
        from .web.app import create_app
    except ImportError as exc:  # pragma: no cover - the web extra is part of the base install
        err.print(f"[red]the web UI is not available: {exc}[/red]")
        raise typer.Exit(1) from None
    import uvicorn

    uvicorn.run(create_app(str(db)), host=host, port=port, log_level="info")


def _need_db(db: Path) -> None:
    if not db.exists():
        err.print(f"[red]no database at {db}: run `marsad run INPUT… --db {db}` first[/red]")
        raise typer.Exit(1)


def main() -> None:
    app()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

"""Export the stored analysis as JSONL, CSV or Parquet records (schemas in INTERFACE.md)."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from .store.sqlite import Store

ARTICLE_FIELDS = ["id", "input_id", "outlet", "url", "title", "published", "body", "credited_source", "agencies",
                  "dateline", "event_id", "story_id", "duplicate_of", "reuses", "entities", "quotes", "dates"]
EVENT_FIELDS = ["id", "story_id", "title", "date", "article_ids", "outlets", "summary", "entities", "quotes",
                "provenance", "copy_groups", "disagreements", "timeline"]
STORY_FIELDS = ["id", "title", "event_ids", "first_date", "last_date", "outlets"]
FIELDS = {"articles": ARTICLE_FIELDS, "events": EVENT_FIELDS, "stories": STORY_FIELDS}


def iter_records(store: Store, what: str) -> Iterator[dict[str, Any]]:
    if what == "articles":
        for a in store.iter_articles():
            yield a.to_record()
    elif what == "events":
        for row in store.conn.execute("SELECT id, story_id, title, date, record FROM events ORDER BY date, id"):
            rec = json.loads(row["record"]) if row["record"] else {}
            yield {k: rec.get(k, row[k] if k in row.keys() else None) for k in EVENT_FIELDS} | {
                "id": row["id"], "story_id": row["story_id"], "title": row["title"], "date": row["date"]}
    elif what == "stories":
        for row in store.conn.execute("SELECT * FROM stories ORDER BY first_date, id"):
            yield {"id": row["id"], "title": row["title"], "event_ids": json.loads(row["event_ids"]),
                   "first_date": row["first_date"], "last_date": row["last_date"], "outlets": json.loads(row["outlets"])}
    else:
        raise ValueError(f"unknown record kind {what!r}: articles, events or stories")


def export(store: Store, what: str, fmt: str = "jsonl", output: str | None = None) -> int:
    """Write every record of one kind; returns the number written."""
    records = iter_records(store, what)
    if fmt == "parquet":
        if not output:
            raise ValueError("parquet needs an output file (-o FILE)")
        return _parquet(records, what, output)
    fh: IO[str] = open(output, "w", encoding="utf-8", newline="") if output else sys.stdout
    try:
        n = 0
        if fmt == "jsonl":
            for rec in records:
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
                n += 1
        elif fmt == "csv":
            writer = csv.DictWriter(fh, fieldnames=FIELDS[what])
            writer.writeheader()
            for rec in records:
                writer.writerow({k: _flat(rec.get(k)) for k in FIELDS[what]})
                n += 1
        else:
            raise ValueError(f"unknown format {fmt!r}: jsonl, csv or parquet")
        return n
    finally:
        if output:
            fh.close()


def _flat(value: Any) -> Any:
    return json.dumps(value, ensure_ascii=False) if isinstance(value, (list, dict)) else value


def _parquet(records: Iterator[dict[str, Any]], what: str, output: str) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = [{k: _flat(r.get(k)) for k in FIELDS[what]} for r in records]
    # nested lists are kept as JSON strings, like CSV, so the schema is stable whatever the content
    table = pa.Table.from_pylist(rows, schema=pa.schema([(k, pa.string() if k not in ("published",) else pa.string()) for k in FIELDS[what]])) \
        if rows else pa.table({k: pa.array([], type=pa.string()) for k in FIELDS[what]})
    Path(output).parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(table, output)
    return len(rows)

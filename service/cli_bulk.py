"""`arsip ingest`, `arsip reextract` and `arsip export` (added to the group in cli.py)."""

from __future__ import annotations

import csv
import json
import os
import sys
from typing import Any, TextIO

import click


def _workers(value: int | None) -> int:
    return value if value else max(1, min(4, (os.cpu_count() or 2) - 1))


def _app():
    from . import create_app

    return create_app()


@click.command("ingest")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--workers", type=int, help="Read+extract processes (default: CPUs - 1, max 4).")
@click.option("--collection", help="Collection name stored with every report.")
@click.option("--source", help="Source stored with every report.")
@click.option("--progress/--no-progress", default=None, help="Default: on when stderr is a TTY.")
def ingest(
    paths: tuple[str, ...],
    workers: int | None,
    collection: str | None,
    source: str | None,
    progress: bool | None,
) -> None:
    """Ingest files, folders (recursive) and zip files, skipping bytes already stored.

    The same code path as POST /api/reports; rerun after an interruption to finish the rest.
    Exits 1 if any file failed (each is listed with its reason).
    """
    from . import bulk
    from .api.reports import ingester

    app = _app()
    meta = {k: v for k, v in (("collection", collection), ("source", source)) if v}
    with app.app_context():
        summary = bulk.ingest(
            ingester(),
            paths,
            workers=_workers(workers),
            meta=meta,
            max_bytes=int(app.config["MAX_UPLOAD_MB"] * 1024 * 1024),
            progress=bulk.Progress(enabled=progress),
        )
    click.echo(summary.line())
    for outcome in summary.failed:
        click.echo(f"  failed {outcome.name}: {outcome.reason}")
    if summary.interrupted:
        sys.exit(130)
    sys.exit(1 if summary.failed else 0)


@click.command("reextract")
@click.option("--all", "everything", is_flag=True, help="Every stored text, not only stale ones.")
@click.option("--workers", type=int, help="Extract processes (default: CPUs - 1, max 4).")
@click.option("--progress/--no-progress", default=None, help="Default: on when stderr is a TTY.")
def reextract(everything: bool, workers: int | None, progress: bool | None) -> None:
    """Re-run the current extractor over stored texts of another extractor_version.

    No file is read again; each report's facts are replaced in one transaction.
    """
    from . import store
    from .bulk import Progress
    from .reextract import reextract_all

    app = _app()
    db = store.connect(app.config["DATABASE"])
    try:
        summary = reextract_all(
            db,
            app.config["EXTRACTOR"],
            everything=everything,
            workers=_workers(workers),
            progress=Progress(enabled=progress),
        )
    finally:
        db.conn.close()
    click.echo(summary.line())
    for report_id, reason in summary.failed:
        click.echo(f"  failed report {report_id}: {reason}")
    if summary.interrupted:
        sys.exit(130)
    sys.exit(1 if summary.failed else 0)


def write_export(rows, fmt: str, out: TextIO, facts=None) -> int:
    """Rows of store.export_rows as csv, json or ndjson; `facts(id)` adds every fact."""
    from . import store

    count = 0
    if fmt == "csv":
        writer = csv.writer(out)
        writer.writerow([*store.EXPORT_COLUMNS, "agencies", "places"])
        for row in rows:
            writer.writerow(row.values())
            count += 1
        return count
    if fmt == "json":
        out.write("[")
    for row in rows:
        if facts is not None:
            row["facts"] = facts(row["id"])
        line = json.dumps(row, ensure_ascii=False)
        if fmt == "json":
            out.write(("," if count else "") + "\n" + line)
        else:
            out.write(line + "\n")
        count += 1
    if fmt == "json":
        out.write("\n]\n")
    return count


@click.command("export")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["csv", "json", "ndjson"]),
    default="csv",
    show_default=True,
)
@click.option("--q", help="Full text query (as the API's q).")
@click.option("--agency", multiple=True, help="Canonical agency name (repeat to AND).")
@click.option("--place", multiple=True, help="Place at any level (repeat to AND).")
@click.option("--date-from", help="Event date from (YYYY, YYYY-MM or YYYY-MM-DD).")
@click.option("--date-to", help="Event date to, inclusive.")
@click.option("--status", help="Record status (ok, failed, encrypted, no_text_layer).")
@click.option("--collection", help="Collection given at ingest.")
@click.option(
    "--hide-copies",
    is_flag=True,
    help="Leave out reports with the same words as an earlier one (same_text_as).",
)
@click.option(
    "--facts/--no-facts",
    default=True,
    show_default=True,
    help="json/ndjson: every fact with text, offsets and page (csv has the names).",
)
@click.option(
    "--output", "-o", type=click.Path(dir_okay=False), help="File to write (default: stdout)."
)
def export(fmt: str, output: str | None, facts: bool, **filters: Any) -> None:
    """Write the matching records (the API export's query) and their facts."""
    from . import store

    app = _app()
    params: dict[str, Any] = {k: v or None for k, v in filters.items()}
    params["agency"] = list(filters["agency"])
    params["place"] = list(filters["place"])
    db = store.connect(app.config["DATABASE"])
    try:
        try:
            store.build_where(db, params)  # bad filters fail before anything is written
            store.search_sort(params)
        except store.QueryError as ex:
            raise click.UsageError(str(ex)) from ex
        add = None
        if facts and fmt != "csv":
            reader = store.connect(app.config["DATABASE"])  # export_rows holds a cursor on db

            def add(report_id: int) -> dict[str, Any]:
                report = store.get_report(reader, report_id)
                return report["facts"] if report else {}

        out = open(output, "w", encoding="utf-8", newline="") if output else sys.stdout  # noqa: SIM115
        try:
            count = write_export(store.export_rows(db, params), fmt, out, add)
        finally:
            if output:
                out.close()
    finally:
        db.conn.close()
    click.echo(f"{count} records exported", err=True)

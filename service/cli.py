"""The `arsip` command line."""

from __future__ import annotations

import json
import sys
from datetime import date

import click


@click.group()
def main() -> None:
    """Arsip: searchable records from Indonesian activity reports."""


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option(
    "--reference-date",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="Day the report was written, for words like 'kemarin'.",
)
def extract(files: tuple[str, ...], reference_date) -> None:
    """Print one JSON line of extracted facts per FILE (../shared/eval/CONTRACT.md)."""
    from nlp import extract as run_extract

    from .readers import IngestError, read_path

    ref: date | None = reference_date.date() if reference_date else None
    failed = False
    for path in files:
        row: dict = {"file": path}
        try:
            document = read_path(path)
            result = run_extract(document.text, reference_date=ref).to_json()
            if document.pages:
                for field in ("dates", "places", "agencies", "participants"):
                    for fact in result[field]:
                        fact["page"] = document.page_of(fact["start"])
            row.update(result)
        except IngestError as ex:
            row["error"] = ex.reason
            failed = True
            click.echo(f"{path}: {ex.reason}", err=True)
        sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
    sys.exit(1 if failed else 0)


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--load-samples", is_flag=True, help="Load samples/ into the database first.")
def serve(host: str, port: int, load_samples: bool) -> None:
    """Serve the web API and pages."""
    from . import create_app

    create_app().run(host=host, port=port)


if __name__ == "__main__":
    main()

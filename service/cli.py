"""The `arsip` command line."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

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


ACCESS_LOG_FORMAT = '%(h)s "%(r)s" %(s)s %(b)s %(M)sms "%(a)s"'
SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def _app(**config):
    from . import create_app

    return create_app(config or None)


def ingest_samples(app, folder: Path) -> list[str]:
    """Ingest every readable sample through ingest.py (idempotent: same bytes, same record)."""
    from .api.reports import ingester
    from .readers import supported_suffixes

    lines = []
    with app.app_context():
        ingest = ingester()
        for path in sorted(folder.iterdir()):
            if path.suffix.lower() not in supported_suffixes():
                continue
            result = ingest.ingest_path(path, {"collection": "samples"})
            state = "duplicate" if result.duplicate else "new"
            lines.append(
                f"{path.name}: report {result.report['id']} ({state}, {result.report['status']})"
            )
    return lines


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--workers", type=int, help="gunicorn workers (default: ARSIP_WORKERS).")
@click.option("--load-samples", is_flag=True, help="Load samples/ into the database first.")
@click.option(
    "--samples-dir",
    type=click.Path(file_okay=False, exists=True, path_type=Path),
    default=SAMPLES,
    show_default=True,
)
def serve(host: str, port: int, workers: int | None, load_samples: bool, samples_dir: Path) -> None:
    """Serve the web API with gunicorn (data in ARSIP_DATA_DIR, default ./data)."""
    from gunicorn.app.base import BaseApplication

    from . import warm_up
    from .api.openapi import LIMIT_REQUEST_LINE

    app = _app()
    if load_samples:
        for line in ingest_samples(app, samples_dir):
            click.echo(line, err=True)
    warm_up(app.config["EXTRACTOR"])  # workers fork with the pipeline already loaded

    class Server(BaseApplication):
        def load_config(self):
            self.cfg.set("bind", f"{host}:{port}")
            self.cfg.set("workers", workers or app.config["WORKERS"])
            self.cfg.set("preload_app", True)
            self.cfg.set("timeout", 120)
            self.cfg.set("accesslog", "-")
            # gunicorn's default format logs the Basic-auth user name (%(u)s): a client that
            # sends its key that way would write it to the log. No user, no headers here.
            self.cfg.set("access_log_format", ACCESS_LOG_FORMAT)
            self.cfg.set("control_socket_disable", True)
            # Search URLs carry every chosen facet value: give them gunicorn's largest line.
            self.cfg.set("limit_request_line", LIMIT_REQUEST_LINE)

        def load(self):
            return app

    click.echo(f"Arsip on http://{host}:{port} (database {app.config['DATABASE']})", err=True)
    Server().run()


@main.command("init-db")
def init_db() -> None:
    """Create the database in ARSIP_DATA_DIR (or apply new migrations)."""
    from .db import init_db as run

    app = _app()
    applied = run(app)
    click.echo(f"{app.config['DATABASE']}: {', '.join(applied) or 'up to date'}")


@main.group()
def keys() -> None:
    """API keys for writes (stored hashed)."""


@keys.command("create")
@click.option("--name", help="Who or what the key is for.")
def keys_create(name: str | None) -> None:
    """Print a new API key once; only its sha256 is stored."""
    from .api import create_key

    click.echo(create_key(_app().config["DATABASE"], name))


@main.command("backup")
@click.argument("path", type=click.Path(dir_okay=False))
def backup(path: str) -> None:
    """Copy the database to PATH while Arsip runs (SQLite online backup, then checked).

    Uploaded files under DATA_DIR/files never change once written: copy them as they are.
    """
    from .maintenance import backup as run

    app = _app()
    reports = run(app.config["DATABASE"], path)
    click.echo(f"{path}: {reports} reports, integrity ok")


@main.command("check")
def check() -> None:
    """Check the database: integrity, the FTS index, and every record's facts."""
    import sqlite3

    from .maintenance import check as run

    app = _app()
    conn = sqlite3.connect(app.config["DATABASE"], timeout=30)
    try:
        problems = run(conn)
    finally:
        conn.close()
    for problem in problems:
        click.echo(problem)
    click.echo(f"{app.config['DATABASE']}: {'ok' if not problems else 'PROBLEMS'}")
    sys.exit(1 if problems else 0)


@main.command("settings")
def show_settings() -> None:
    """Print every setting with its environment variable, default and help."""
    from .settings import table

    click.echo(table())


from .cli_bulk import export, ingest, reextract  # noqa: E402

for _command in (ingest, reextract, export):
    main.add_command(_command)


if __name__ == "__main__":
    main()

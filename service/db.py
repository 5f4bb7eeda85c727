"""The request's database connection (flaskr's get_db on `g`) and the `init-db` command."""

from __future__ import annotations

import os
import threading

import click
import sqlite_utils
from flask import Flask, current_app, g
from flask.cli import with_appcontext

from . import store

# One connection per (process, thread, file), reused across requests: closing the last
# connection of a WAL database checkpoints it, which cost more than the whole ingest.
_local = threading.local()


def get_db() -> sqlite_utils.Database:
    if "db" not in g:
        path = current_app.config["DATABASE"]
        cache = getattr(_local, "dbs", None)
        if cache is None or _local.pid != os.getpid():  # never reuse across a fork
            cache = _local.dbs = {}
            _local.pid = os.getpid()
        if path not in cache:
            cache[path] = store.connect(path)
        g.db = cache[path]
    return g.db


def close_db(exc: BaseException | None = None) -> None:
    db = g.pop("db", None)
    if db is not None and db.conn.in_transaction:  # a request never leaves one open
        db.conn.rollback()


def init_db(app: Flask) -> list[str]:
    """Create the data directory and run pending migrations."""
    os.makedirs(app.config["DATA_DIR"], exist_ok=True)
    db = store.connect(app.config["DATABASE"])
    try:
        return store.migrate(db, lock_path=app.config["DATABASE"] + ".lock")
    finally:
        db.conn.close()


@click.command("init-db")
@with_appcontext
def init_db_command() -> None:
    """Create the database (or apply new migrations)."""
    applied = init_db(current_app)
    click.echo(f"database {current_app.config['DATABASE']}: {', '.join(applied) or 'up to date'}")


def init_app(app: Flask) -> None:
    app.teardown_appcontext(close_db)
    app.cli.add_command(init_db_command)

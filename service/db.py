"""The request's database connection (flaskr's get_db on `g`) and the `init-db` command."""

from __future__ import annotations

import os

import click
import sqlite_utils
from flask import Flask, current_app, g
from flask.cli import with_appcontext

from . import store


def get_db() -> sqlite_utils.Database:
    if "db" not in g:
        g.db = store.connect(current_app.config["DATABASE"])
    return g.db


def close_db(exc: BaseException | None = None) -> None:
    db = g.pop("db", None)
    if db is not None:
        db.conn.close()


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

"""The JSON API: one blueprint per resource, one error shape, API-key checks.

Every error leaves here as `{"ok": false, "error": "...", "status": N}`.
"""

from __future__ import annotations

import hashlib
import logging
from functools import wraps
from typing import Any

from flask import Flask, current_app, g, jsonify, request
from werkzeug.exceptions import HTTPException

from ..readers import IngestError
from ..store import QueryError

log = logging.getLogger(__name__)

# A report id in a URL: SQLite's largest rowid at most, so a larger number is a 404
# rather than an OverflowError (a 500) when it reaches the database.
REPORT_ID = "<int(max=9223372036854775807):report_id>"


class ApiError(Exception):
    def __init__(self, status: int, error: str, **extra: Any):
        super().__init__(error)
        self.status = status
        self.error = error
        self.extra = extra


def error_response(status: int, error: str, **extra: Any):
    body = {"ok": False, "error": error, "status": status, **extra}
    response = jsonify(body)
    response.status_code = status
    if status == 401:
        response.headers["WWW-Authenticate"] = 'Bearer realm="arsip"'
    return response


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def create_key(database: str, name: str | None = None) -> str:
    """A new API key, stored only as its sha256; the caller shows it once."""
    import secrets

    from .. import store

    key = secrets.token_urlsafe(32)
    db = store.connect(database)
    try:
        store.add_api_key(db, hash_key(key), name)
    finally:
        db.conn.close()
    return key


def check_key() -> None:
    """Raise 401 unless the request carries a known `Authorization: Bearer KEY`."""
    from ..db import get_db
    from ..store import find_api_key

    header = request.headers.get("Authorization", "")
    scheme, _, key = header.partition(" ")
    if scheme.lower() != "bearer" or not key.strip():
        raise ApiError(401, "an API key is needed: Authorization: Bearer KEY")
    found = find_api_key(get_db(), hash_key(key.strip()))
    if not found:
        raise ApiError(401, "unknown API key")
    g.api_key = found


def write_access(view):
    """Writes need a key unless WRITES_NEED_KEY is off."""

    @wraps(view)
    def wrapped(*args, **kwargs):
        if current_app.config["WRITES_NEED_KEY"]:
            check_key()
        return view(*args, **kwargs)

    return wrapped


def read_access() -> None:
    """before_request of read blueprints: reads are open unless READS_NEED_KEY is on."""
    if current_app.config["READS_NEED_KEY"]:
        check_key()


def register(app: Flask) -> None:
    from . import meta, reports, search

    app.register_blueprint(reports.bp)
    app.register_blueprint(search.bp)
    app.register_blueprint(meta.bp)

    @app.errorhandler(ApiError)
    def _api_error(ex: ApiError):
        return error_response(ex.status, ex.error, **ex.extra)

    @app.errorhandler(IngestError)
    def _ingest_error(ex: IngestError):
        return error_response(ex.status, ex.reason)

    @app.errorhandler(QueryError)
    def _query_error(ex: QueryError):
        return error_response(400, str(ex))

    @app.errorhandler(HTTPException)
    def _http_error(ex: HTTPException):
        messages = {
            413: f"the upload is larger than {current_app.config['MAX_UPLOAD_MB']:g} MB",
            404: "not found",
            405: f"method {request.method} not allowed here",
        }
        return error_response(ex.code or 500, messages.get(ex.code, ex.description or ex.name))

    @app.errorhandler(Exception)
    def _unexpected(ex: Exception):  # a bug: logged with its traceback, never shown
        log.exception("unexpected error on %s %s", request.method, request.path)
        return error_response(500, "internal error (logged on the server)")

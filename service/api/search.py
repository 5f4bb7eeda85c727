"""Search (GET /api/reports), entities (/api/agencies, /api/places) and export (/api/export.*)."""

from __future__ import annotations

import csv
import io
import json
import math
import re
from html import escape
from typing import Any

from flask import Blueprint, Response, current_app, jsonify, request, url_for

from .. import store
from ..db import get_db
from . import ApiError, read_access

bp = Blueprint("search", __name__, url_prefix="/api")
bp.before_request(read_access)

FILTERS = ("q", "date_from", "date_to", "status", "collection", "sort")
FREE_TEXT = ("q", "collection")  # trimmed; the others must be exactly as documented
LIST_FILTERS = ("agency", "place")
INT_FILTERS = ("min_participants", "max_participants")
BOOL_FILTERS = ("hide_copies",)
PAGING = ("page", "per_page", "facets", "cursor")


# SQLite integers are 64-bit: bounds far above any count or page keep every product
# (page * per_page as OFFSET) inside them, so no number can turn into a 500.
MAX_INT = 2**53
MAX_PAGE = 10**9


# Values are taken exactly as the OpenAPI description gives them (a client validating against
# it must never be surprised): integers in ASCII digits, booleans `true`/`false`, dates and
# names of sorts and statuses as written; an empty value means "not given". Only free text
# (q, agency, place, collection) is trimmed.
_INTEGER = re.compile(r"-?[0-9]+")


def _int(name: str, default: int | None = None, low: int | None = None, high: int | None = None):
    raw = request.args.get(name)
    if raw is None or raw == "":
        return default
    if not _INTEGER.fullmatch(raw):  # int() would also take " 5", "+5", "5_000", "٥"
        raise ApiError(400, f"{name} must be an integer")
    value = int(raw)
    high = MAX_INT if high is None else high  # SQLite integers are 64-bit: never a 500
    if (low is not None and value < low) or (high is not None and value > high):
        raise ApiError(400, f"{name} must be between {low} and {high}")
    return value


def _bool(name: str, default: bool) -> bool:
    raw = request.args.get(name, "")
    if raw in ("true", "false"):
        return raw == "true"
    if raw == "":
        return default
    raise ApiError(400, f"{name} must be true or false")


def _check_args(single: set[str], repeatable: tuple[str, ...] = ()) -> None:
    """400 for an unknown parameter, or a single-valued one given more than once."""
    unknown = sorted(set(request.args) - single - set(repeatable))
    if unknown:
        raise ApiError(400, f"unknown parameter: {', '.join(unknown)}")
    repeated = sorted(k for k in single if len(request.args.getlist(k)) > 1)
    if repeated:
        raise ApiError(400, f"given more than once: {', '.join(repeated)}")


def query_params(allowed_extra: tuple[str, ...] = ()) -> dict[str, Any]:
    """The search filters of this request, checked; unknown parameters are a 400."""
    _check_args({*FILTERS, *INT_FILTERS, *BOOL_FILTERS, *allowed_extra}, LIST_FILTERS)
    params: dict[str, Any] = {k: request.args.get(k) or None for k in FILTERS}
    for key in FREE_TEXT:
        params[key] = (params[key] or "").strip() or None
    for key in LIST_FILTERS:
        params[key] = [v.strip() for v in request.args.getlist(key) if v.strip()]
    for key in INT_FILTERS:
        params[key] = _int(key, low=0, high=MAX_INT)
    for key in BOOL_FILTERS:
        params[key] = _bool(key, False)
    return params


def _snippet(raw: str | None) -> str | None:
    """FTS5 snippet with our private markers -> HTML-escaped text with <mark>."""
    if raw is None:
        return None
    return (
        escape(raw, quote=False)
        .replace(store.SNIPPET_OPEN, "<mark>")
        .replace(store.SNIPPET_CLOSE, "</mark>")
    )


@bp.get("/reports")
def search():
    config = current_app.config
    params = query_params(PAGING)
    page = _int("page", 1, low=1, high=MAX_PAGE)
    per_page = _int("per_page", config["PAGE_SIZE"], low=1, high=config["MAX_PAGE_SIZE"])
    facets = _bool("facets", True)
    cursor = request.args.get("cursor", "").strip() or None
    if cursor and request.args.get("page"):
        raise ApiError(400, "give page or cursor, not both")
    found = store.search(
        get_db(),
        params,
        page,
        per_page,
        facets=facets,
        facet_size=config["FACET_SIZE"],
        cursor=cursor,
    )
    for row in found["results"]:
        row["snippet"] = _snippet(row["snippet"])
        row["url"] = url_for("reports.read", report_id=row["id"])
    pages = max(1, math.ceil(found["total"] / per_page))
    args = request.args.to_dict(flat=False)
    next_url = None
    if cursor:  # cursor walking: the next link carries the next cursor
        if found["next_cursor"]:
            args["cursor"] = [found["next_cursor"]]
            next_url = url_for(".search", **args)
    elif page < pages:
        args["page"] = [str(page + 1)]
        next_url = url_for(".search", **args)
    return jsonify(
        {
            "ok": True,
            "total": found["total"],
            "page": None if cursor else page,
            "per_page": per_page,
            "pages": pages,
            "next": next_url,
            "next_cursor": found["next_cursor"],
            "results": found["results"],
            "facets": found["facets"],
        }
    )


def _entities(table: str):
    _check_args({"q", "limit"})
    limit = _int("limit", 100, low=1, high=10_000)
    rows = store.entities(get_db(), table, request.args.get("q") or None, limit)
    return jsonify({"ok": True, table: rows})


@bp.get("/agencies")
def agencies():
    return _entities("agencies")


@bp.get("/places")
def places():
    return _entities("places")


EXPORT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "json": "application/json",
    "ndjson": "application/x-ndjson",
}


@bp.get("/export.<fmt>")
def export(fmt: str):
    """The search's matches, all of them, streamed (no paging, no facets)."""
    if fmt not in EXPORT_TYPES:
        raise ApiError(404, f"export formats: {', '.join(EXPORT_TYPES)}")
    params = query_params()
    db = get_db()
    store.build_where(db, params)  # bad filters fail here, before the stream starts
    store.search_sort(params)
    path = current_app.config["DATABASE"]

    def rows():
        own = store.connect(path)  # the stream outlives the request's connection
        try:
            yield from store.export_rows(own, params)
        finally:
            own.conn.close()

    def generate():
        if fmt == "csv":
            buffer = io.StringIO()
            writer = csv.writer(buffer)
            writer.writerow([*store.EXPORT_COLUMNS, "agencies", "places"])
            for row in rows():
                writer.writerow(row.values())
                if buffer.tell() > 64_000:
                    yield buffer.getvalue()
                    buffer.seek(0)
                    buffer.truncate()
            yield buffer.getvalue()
        elif fmt == "ndjson":
            for row in rows():
                yield json.dumps(row, ensure_ascii=False) + "\n"
        else:
            yield "["
            for index, row in enumerate(rows()):
                yield ("," if index else "") + json.dumps(row, ensure_ascii=False)
            yield "]\n"

    headers = {"Content-Disposition": f'attachment; filename="arsip-reports.{fmt}"'}
    return Response(generate(), content_type=EXPORT_TYPES[fmt], headers=headers)

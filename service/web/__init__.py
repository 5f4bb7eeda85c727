"""The pages for people: search (/), one record (/reports/<id>), upload (/upload).

Server-rendered Jinja (autoescape on), one CSS and one JS file, no build step. Pages read
through service/store.py directly; the upload page's script posts each file to the JSON
API (`POST /api/reports`), sending the API key the user typed as a Bearer header.

Security: document text, titles and file names are only ever escaped (see highlight.py);
every page carries a Content-Security-Policy that allows scripts and styles from this
origin only, so even a missed escape could not run a script.
"""

from __future__ import annotations

import hashlib
import math
from pathlib import Path
from typing import Any

from flask import Blueprint, abort, current_app, render_template, request, url_for
from werkzeug.datastructures import MultiDict

from .. import store
from ..api import REPORT_ID
from ..api.search import MAX_INT, MAX_PAGE
from ..db import get_db
from ..readers import supported_suffixes
from . import highlight, i18n

HERE = Path(__file__).resolve().parent
bp = Blueprint(
    "web",
    __name__,
    template_folder="templates",
    static_folder="static",
    static_url_path="/assets",
)

# Search parameters a page URL may carry (anything else is ignored, not an error).
TEXT_PARAMS = ("q", "date_from", "date_to", "sort", "hide_copies")
LIST_PARAMS = ("agency", "place")
INT_PARAMS = ("min_participants", "max_participants")
SEARCH_PARAMS = (*TEXT_PARAMS, *LIST_PARAMS, *INT_PARAMS)
SORTS = ("relevance", "-uploaded", "uploaded", "-event_date", "event_date")
# Side-table columns per fact table after the fact's text; the optional ones (not in
# ALWAYS) are shown only when some fact of the record has a value for them.
COLUMNS = {
    "dates": ("value", "time", "role", "page"),
    "places": ("name", "level", "code", "province", "page"),
    "agencies": ("name", "expansion", "parent", "kind", "page"),
    "participants": ("count", "who", "page"),
}
ALWAYS = {"value", "name", "count"}
# Participant-count ranges offered as a facet: (min, max or None).
PARTICIPANT_RANGES = ((1, 49), (50, 99), (100, 499), (500, None))
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
    "form-action 'self'"
)


def _asset_version() -> str:
    """A hash of the static files, appended to their URLs so browsers never run stale ones."""
    digest = hashlib.sha256()
    for path in sorted((HERE / "static").iterdir()):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:10]


ASSET_VERSION = _asset_version()


@bp.app_context_processor
def _globals() -> dict[str, Any]:
    return {"asset_version": ASSET_VERSION}


@bp.context_processor
def _page_globals() -> dict[str, Any]:
    return {
        "t": i18n.t,
        "lang": i18n.current(),
        "languages": i18n.LANGUAGES,
        "lang_url": lang_url,
    }


@bp.before_request
def _reads_open():
    """The pages read without a key; a server that demands keys for reads shows none."""
    if current_app.config["READS_NEED_KEY"] and request.endpoint != "web.static":
        return render_template("error.html", message=i18n.t("reads_need_key")), 401
    return None


@bp.after_request
def _headers(response):
    response.headers.setdefault("Content-Security-Policy", CSP)
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "same-origin")
    wanted = request.args.get("lang")
    if wanted in i18n.STRINGS and request.cookies.get(i18n.COOKIE) != wanted:
        response.set_cookie(
            i18n.COOKIE, wanted, max_age=365 * 24 * 3600, samesite="Lax", httponly=True
        )
    return response


@bp.errorhandler(404)
def _not_found(_error):
    return render_template("error.html", message=i18n.t("not_found")), 404


# ---------------------------------------------------------------- URLs


def search_args() -> MultiDict:
    """The current page's search parameters (page and unknown ones dropped)."""
    args = MultiDict()
    for key in SEARCH_PARAMS:
        for value in request.args.getlist(key):
            if value.strip():
                args.add(key, value.strip())
    return args


def search_url(args: MultiDict, **extra: Any) -> str:
    return url_for("web.search", **args.to_dict(flat=False), **extra)


def with_value(args: MultiDict, key: str, value: str) -> str:
    """The search URL with `value` added to the list parameter `key` (removed if present)."""
    changed = args.copy()
    values = changed.getlist(key)
    changed.setlist(key, [v for v in values if v != value] if value in values else [*values, value])
    return search_url(changed)


def with_params(args: MultiDict, **values: str | int | None) -> str:
    """The search URL with single-valued parameters set (None removes them)."""
    changed = args.copy()
    for key, value in values.items():
        changed.poplist(key)
        if value is not None:
            changed[key] = str(value)
    return search_url(changed)


def lang_url(code: str) -> str:
    args = request.args.to_dict(flat=False)
    args["lang"] = [code]
    return url_for(request.endpoint or "web.search", **(request.view_args or {}), **args)


# ---------------------------------------------------------------- search page


def _params(args: MultiDict) -> tuple[dict[str, Any], list[str]]:
    """Store search parameters from the page's arguments, and the problems found."""
    problems = []
    params: dict[str, Any] = {k: args.get(k) for k in TEXT_PARAMS}
    if params["sort"] not in SORTS:
        params["sort"] = None
    params["hide_copies"] = (params["hide_copies"] or "").lower() in ("1", "true", "on", "yes")
    for key in LIST_PARAMS:
        params[key] = args.getlist(key)
    for key in INT_PARAMS:
        raw = args.get(key)
        params[key] = None
        if raw is not None:
            # isdecimal, not isdigit: "²" is a digit int() refuses. Capped: SQLite is 64-bit.
            if raw.isdecimal() and int(raw) <= MAX_INT:
                params[key] = int(raw)
            else:
                problems.append(f"{key} must be a whole number")
    return params, problems


def _chips(args: MultiDict) -> list[dict[str, str]]:
    """The active filters, each with the URL that removes it."""
    chips = []
    for key in LIST_PARAMS:
        for value in args.getlist(key):
            chips.append({"label": value, "url": with_value(args, key, value)})
    year = _active_year(args)
    if year:
        chips.append({"label": year, "url": with_params(args, date_from=None, date_to=None)})
    else:
        for key in ("date_from", "date_to"):
            if args.get(key):
                label = f"{i18n.t(key)}: {args[key]}"
                chips.append({"label": label, "url": with_params(args, **{key: None})})
    if (args.get("hide_copies") or "").lower() in ("1", "true", "on", "yes"):
        chips.append({"label": i18n.t("copies_hidden"), "url": with_params(args, hide_copies=None)})
    low, high = args.get("min_participants"), args.get("max_participants")
    if low or high:
        label = f"{i18n.t('participants')}: {low or ''}–{high or ''}"
        url = with_params(args, min_participants=None, max_participants=None)
        chips.append({"label": label, "url": url})
    return chips


def _active_year(args: MultiDict) -> str | None:
    low, high = args.get("date_from"), args.get("date_to")
    return low if low and low == high and len(low) == 4 else None


def _facets(args: MultiDict, params: dict[str, Any], counts: dict[str, list]) -> list[dict]:
    """Facet lists for the page: each value with its count, URL and whether it is active."""
    facets = []
    for name, key in (("agency", "agency"), ("place", "place"), ("province", "place")):
        active = set(args.getlist(key))
        items = [
            {
                "label": row["value"],
                "count": row["count"],
                "url": with_value(args, key, row["value"]),
                "active": row["value"] in active,
            }
            for row in counts.get(name, [])
        ]
        facets.append({"name": name, "items": items})
    year = _active_year(args)
    years = [
        {
            "label": row["value"],
            "count": row["count"],
            "url": with_params(
                args,
                date_from=None if row["value"] == year else row["value"],
                date_to=None if row["value"] == year else row["value"],
            ),
            "active": row["value"] == year,
        }
        for row in sorted(counts.get("year", []), key=lambda r: r["value"], reverse=True)
    ]
    facets.append({"name": "year", "items": years})
    facets.append({"name": "participants", "items": _participant_ranges(args, params)})
    return facets


def _participant_ranges(args: MultiDict, params: dict[str, Any]) -> list[dict]:
    """How many matches fall in each participant-count range (one count query per range)."""
    db = get_db()
    items = []
    current = (params["min_participants"], params["max_participants"])
    for low, high in PARTICIPANT_RANGES:
        bounded = {**params, "min_participants": low, "max_participants": high}
        total = store.search(db, bounded, 1, 1, facets=False)["total"]
        active = current == (low, high)
        if not total and not active:
            continue
        items.append(
            {
                "label": f"{low}–{high}" if high else f"≥ {low}",
                "count": total,
                "url": with_params(
                    args,
                    min_participants=None if active else low,
                    max_participants=None if active else high,
                ),
                "active": active,
            }
        )
    return items


def _page_number() -> int:
    raw = request.args.get("page", "1")
    return int(raw) if raw.isdecimal() and 0 < int(raw) <= MAX_PAGE else 1


@bp.get("/")
def search():
    config = current_app.config
    args = search_args()
    params, problems = _params(args)
    page, per_page = _page_number(), config["PAGE_SIZE"]
    found: dict[str, Any] = {"total": 0, "results": [], "facets": {}}
    facets: list[dict] = []
    if not problems:
        try:
            found = store.search(get_db(), params, page, per_page, facet_size=config["FACET_SIZE"])
            facets = _facets(args, params, found["facets"])
        except store.QueryError as ex:
            problems.append(str(ex))
    for row in found["results"]:
        row["snippet"] = highlight.snippet(row["snippet"], store.SNIPPET_OPEN, store.SNIPPET_CLOSE)
    pages = max(1, math.ceil(found["total"] / per_page))
    export_args = args.to_dict(flat=False)
    return render_template(
        "search.html",
        args=args,
        found=found,
        facets=facets,
        chips=_chips(args),
        problems=problems,
        page=page,
        pages=pages,
        prev_url=search_url(args, page=page - 1) if page > 1 else None,
        next_url=search_url(args, page=page + 1) if page < pages else None,
        clear_url=url_for("web.search", q=args["q"]) if "q" in args else url_for("web.search"),
        export_urls={
            fmt: url_for("search.export", fmt=fmt, **export_args) for fmt in ("csv", "json")
        },
        sorts=SORTS,
        filtered=bool(args),
    )


# ---------------------------------------------------------------- record page


def _sharing(kind: str, name: str | None, cache: dict) -> dict[str, Any] | None:
    """The search URL of every report naming this agency/place, and how many there are."""
    if not name:
        return None
    key = "agency" if kind == "agency" else "place"
    if (key, name) not in cache:
        total = store.search(get_db(), {key: [name]}, 1, 1, facets=False)["total"]
        cache[key, name] = {"url": url_for("web.search", **{key: name}), "count": total}
    return cache[key, name]


@bp.get(f"/reports/{REPORT_ID}")
def record(report_id: int):
    report = store.get_report(get_db(), report_id) if report_id < 2**63 else None
    if report is None:
        abort(404)
    text = report.get("text") or ""
    facts = report["facts"]
    spans, broken = highlight.spans_of(text, facts)
    links: dict[str, dict | None] = {}
    cache: dict = {}
    for fact in facts["agencies"]:
        links[f"agency-{fact['id']}"] = _sharing("agency", fact.get("name"), cache)
        links[f"parent-{fact['id']}"] = _sharing("agency", fact.get("parent"), cache)
    for fact in facts["places"]:
        links[f"place-{fact['id']}"] = _sharing("place", fact.get("name"), cache)
        links[f"province-{fact['id']}"] = _sharing("place", fact.get("province"), cache)
    return render_template(
        "record.html",
        report=report,
        facts=facts,
        body=highlight.highlight(text, spans),
        broken=broken,
        links=links,
        kinds=highlight.KINDS,
        columns={
            table: [
                key
                for key in keys
                if key in ALWAYS or any(f.get(key) not in (None, "") for f in facts[table])
            ]
            for table, keys in COLUMNS.items()
        },
    )


# ---------------------------------------------------------------- upload page


@bp.get("/upload")
def upload():
    return render_template(
        "upload.html",
        need_key=current_app.config["WRITES_NEED_KEY"],
        suffixes=supported_suffixes(),
        max_mb=current_app.config["MAX_UPLOAD_MB"],
    )

"""Upload (POST /api/reports) and read one record (GET /api/reports/<id>)."""

from __future__ import annotations

import unicodedata
from typing import Any

from flask import Blueprint, current_app, jsonify, request, url_for

from ..db import get_db
from ..ingest import META_FIELDS, Ingester, Result
from ..readers import IngestError
from ..readers.limits import Limits
from ..store import get_report
from . import REPORT_ID, ApiError, error_response, read_access, write_access

bp = Blueprint("reports", __name__, url_prefix="/api/reports")
JSON_FIELDS = {"text", *META_FIELDS}


def ingester() -> Ingester:
    config = current_app.config
    return Ingester(
        db=get_db(),
        extractor=config["EXTRACTOR"],
        pdf_engine=config["PDF_READER"],
        files_dir=config["DATA_DIR"] if config["STORE_FILES"] else None,
        limits=Limits.from_settings(config),
    )


def safe_name(raw: str | None) -> str:
    """The upload's file name as a label only: its last component under / or \\ (old
    browsers send C:\\path\\x.pdf), without control or bidi-override characters (NUL,
    U+202E), at most 255 characters. The stored copy is named by its sha256 anyway."""
    name = (raw or "").replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(c for c in name if unicodedata.category(c) not in ("Cc", "Cf")).strip()
    return name[-255:] if name not in ("", ".", "..") else "upload"


def _check_fields(given: set[str], allowed: set[str], where: str) -> None:
    unknown = sorted(str(k) for k in given - allowed)  # a nameless multipart part is None
    if unknown:
        raise ApiError(
            400, f"unknown {where}: {', '.join(unknown)}; allowed: {', '.join(sorted(allowed))}"
        )


def _meta(source: dict[str, Any]) -> dict[str, Any]:
    meta = {}
    for key in META_FIELDS:
        value = source.get(key)
        if value is None or value == "":
            continue
        if not isinstance(value, str):
            raise ApiError(400, f"{key} must be a string")
        meta[key] = value.strip()
    return meta


def _item(result: Result) -> tuple[dict[str, Any], int]:
    """One upload's answer and status: 201 new, 200 duplicate, 4xx with the failed record."""
    if result.error is not None:
        body = {
            "ok": False,
            "error": result.error.reason,
            "status": result.error.status,
            "duplicate": result.duplicate,
            "report": result.report,
        }
        return body, result.error.status
    body = {"ok": True, "duplicate": result.duplicate, "report": result.report}
    return body, 200 if result.duplicate else 201


@bp.post("")
@write_access
def upload():
    """Multipart `file` (repeatable) plus metadata fields, or a JSON body with `text`."""
    if request.mimetype == "application/json":
        body = request.get_json(silent=True)
        if not isinstance(body, dict):
            raise ApiError(400, "the body is not a JSON object")
        _check_fields(set(body), JSON_FIELDS, "field")
        if not isinstance(body.get("text"), str):
            raise ApiError(400, "text is required and must be a string")
        results = [ingester().ingest_text(body["text"], _meta(body))]
    elif request.mimetype == "multipart/form-data":
        _check_fields(set(request.files), {"file"}, "file field")
        _check_fields(set(request.form), set(META_FIELDS), "form field")
        files = request.files.getlist("file")
        if not files:
            raise ApiError(400, "no file: send one or more `file` parts")
        meta = _meta(request.form.to_dict())
        ingest = ingester()
        results = []
        for upload in files:
            name = safe_name(upload.filename)
            data = upload.read()
            try:
                results.append(ingest.ingest_bytes(data, name, upload.mimetype, meta))
            except IngestError as ex:
                if len(files) == 1:
                    raise
                results.append(ex)
    else:
        raise ApiError(
            415, "send multipart/form-data (field `file`) or application/json (field `text`)"
        )
    if len(results) == 1:
        body, status = _item(results[0])
        response = jsonify(body)
        response.status_code = status
        if status == 201:
            response.headers["Location"] = url_for(".read", report_id=body["report"]["id"])
        return response
    items = []
    for result in results:
        if isinstance(result, IngestError):
            items.append({"ok": False, "error": result.reason, "status": result.status})
        else:
            items.append(_item(result)[0])
    failed = [i for i in items if not i["ok"]]
    if len(failed) == len(items):
        return error_response(failed[0]["status"], f"all {len(items)} files failed", results=items)
    created = any(i["ok"] and not i["duplicate"] for i in items)
    return jsonify({"ok": True, "results": items}), 201 if created else 200


@bp.get(f"/{REPORT_ID}")
def read(report_id: int):
    """The record, its text, its extraction and every fact with offsets and page."""
    read_access()
    report = get_report(get_db(), report_id)
    if report is None:
        raise ApiError(404, f"no report {report_id}")
    return jsonify({"ok": True, "report": report})


@bp.post(f"/{REPORT_ID}/reextract")
@write_access
def reextract(report_id: int):
    """Re-run the current extractor on the stored text (no file is read again)."""
    from ..reextract import reextract_report

    db = get_db()
    versions = reextract_report(db, report_id, current_app.config["EXTRACTOR"])
    if versions is None:
        raise ApiError(404, f"no report {report_id}")
    report = get_report(db, report_id)
    summary = {k: v for k, v in report.items() if k not in ("text", "extraction", "facts")}
    return jsonify({"ok": True, **versions, "report": summary})

"""The OpenAPI 3.1 description of every endpoint, in one place.

Schemas are plain JSON Schema (2020-12, as OpenAPI 3.1 allows), so tests validate real
responses against them with `jsonschema` (tests/test_api_openapi.py keeps this file true).
"""

from __future__ import annotations

from typing import Any

from .. import store

S = "#/components/schemas/"


def _ref(name: str) -> dict[str, str]:
    return {"$ref": S + name}


def _json(schema: dict[str, Any], description: str) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _error(description: str) -> dict[str, Any]:
    return _json(_ref("Error"), description)


def _nullable(kind: str) -> dict[str, Any]:
    return {"type": [kind, "null"]}


def _param(name: str, description: str, kind: str = "string", **extra: Any) -> dict[str, Any]:
    schema: dict[str, Any] = {"type": kind}
    if extra.pop("repeat", False):
        return {
            "name": name,
            "in": "query",
            "description": description,
            "schema": {"type": "array", "items": schema},
            "style": "form",
            "explode": True,
        }
    schema.update(extra)
    # An empty value (`?status=`, as an HTML form sends it) means "not given".
    schema = {"anyOf": [schema, {"type": "string", "maxLength": 0}]}
    return {"name": name, "in": "query", "description": description, "schema": schema}


MAX_INT = 2**63 - 1  # SQLite's INTEGER
DATE_PATTERN = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"
FILTER_PARAMS = [
    _param("q", 'Full text: words ANDed, "a phrase", prefix*; stemmed and accent-folded.'),
    _param("agency", "Canonical agency name (repeat to AND).", repeat=True),
    _param(
        "place", "Place at any level: a province finds its kabupaten (repeat to AND).", repeat=True
    ),
    _param("date_from", "Event date from (YYYY, YYYY-MM or YYYY-MM-DD).", pattern=DATE_PATTERN),
    _param("date_to", "Event date to, inclusive.", pattern=DATE_PATTERN),
    _param(
        "min_participants",
        "Largest participant count at least this.",
        "integer",
        minimum=0,
        maximum=MAX_INT,
    ),
    _param(
        "max_participants",
        "Largest participant count at most this.",
        "integer",
        minimum=0,
        maximum=MAX_INT,
    ),
    _param("status", "Record status.", enum=list(store.STATUSES)),
    _param("collection", "Collection given at upload."),
    _param(
        "hide_copies",
        "Leave out reports with the same words as an earlier report (same_text_as set).",
        "boolean",
    ),
    _param("sort", "Order of results.", enum=list(store.SORTS)),
]

FACT = {
    "type": "object",
    "required": ["text", "start", "end"],
    "properties": {
        "text": {"type": "string"},
        "start": {"type": "integer"},
        "end": {"type": "integer"},
        "page": _nullable("integer"),
    },
}

REPORT_SUMMARY = {
    "type": "object",
    "required": ["id", "sha256", "status", "uploaded_at"],
    "properties": {
        "id": {"type": "integer"},
        "sha256": {"type": "string", "pattern": "^[0-9a-f]{64}$"},
        "file_name": _nullable("string"),
        "media_type": _nullable("string"),
        "size": _nullable("integer"),
        "page_count": _nullable("integer"),
        "ocr_pages": {
            "type": "array",
            "items": {"type": "integer"},
            "description": "1-based pages whose text came from OCR (record view only).",
        },
        "title": _nullable("string"),
        "source": _nullable("string"),
        "original_url": _nullable("string"),
        "collection": _nullable("string"),
        "reference_date": _nullable("string"),
        "event_date": _nullable("string"),
        "participant_count": _nullable("integer"),
        "extractor_version": _nullable("string"),
        "status": {"type": "string", "enum": list(store.STATUSES)},
        "error": _nullable("string"),
        "uploaded_at": {"type": "string"},
        "text_sha256": {
            "type": ["string", "null"],
            "pattern": "^[0-9a-f]{64}$",
            "description": "sha256 of the text's words (case, accents, punctuation and "
            "layout left out); null without text.",
        },
        "same_text_as": {
            "type": ["integer", "null"],
            "description": "The first report with the same text_sha256: this one is a copy "
            "of it saved as another file (null if this is the first).",
        },
    },
}

SCHEMAS: dict[str, Any] = {
    "Error": {
        "type": "object",
        "required": ["ok", "error", "status"],
        "properties": {
            "ok": {"const": False},
            "error": {"type": "string"},
            "status": {"type": "integer"},
            "duplicate": {"type": "boolean"},
            "report": _ref("ReportSummary"),
            "results": {"type": "array"},
        },
    },
    "Fact": FACT,
    "ReportSummary": REPORT_SUMMARY,
    "Extraction": {
        "type": "object",
        "description": "The CONTRACT.md shape: lists of facts with text/start/end (and page).",
        "required": ["dates", "places", "agencies", "participants"],
        "properties": {
            "extractor_version": _nullable("string"),
            "event_date": _nullable("string"),
            "dates": {"type": "array", "items": _ref("Fact")},
            "places": {"type": "array", "items": _ref("Fact")},
            "agencies": {"type": "array", "items": _ref("Fact")},
            "participants": {"type": "array", "items": _ref("Fact")},
            "errors": {
                "type": "array",
                "items": {"type": "string"},
                "description": "Present only when a field's rules failed on this text (a bug): "
                "that field is empty, the others are kept.",
            },
        },
    },
    "Report": {
        "allOf": [
            _ref("ReportSummary"),
            {
                "type": "object",
                "required": ["text", "extraction", "facts", "copies", "similar"],
                "properties": {
                    "text": _nullable("string"),
                    "copies": {
                        "type": "array",
                        "items": {"type": "integer"},
                        "description": "Ids of the reports whose same_text_as is this one.",
                    },
                    "similar": {
                        "type": "array",
                        "description": "Reports with nearly the same text (a re-scan, an edited "
                        "copy): similarity is the Jaccard similarity of the two texts' word "
                        "trigrams, at least 0.5; the 20 most similar first. Exact copies are `copies`. "
                        "Nothing is hidden or merged on this basis.",
                        "items": {
                            "type": "object",
                            "required": ["id", "title", "similarity"],
                            "properties": {
                                "id": {"type": "integer"},
                                "title": _nullable("string"),
                                "similarity": {"type": "number", "minimum": 0, "maximum": 1},
                            },
                        },
                    },
                    "extraction": {"oneOf": [_ref("Extraction"), {"type": "null"}]},
                    "facts": {
                        "type": "object",
                        "required": list(store.FACT_TABLES),
                        "additionalProperties": {"type": "array", "items": _ref("Fact")},
                    },
                },
            },
        ]
    },
    "UploadResult": {
        "type": "object",
        "required": ["ok", "duplicate", "report"],
        "properties": {
            "ok": {"const": True},
            "duplicate": {"type": "boolean"},
            "report": _ref("ReportSummary"),
        },
    },
    "UploadBatch": {
        "type": "object",
        "required": ["ok", "results"],
        "properties": {
            "ok": {"const": True},
            "results": {
                "type": "array",
                "items": {"oneOf": [_ref("UploadResult"), _ref("Error")]},
            },
        },
    },
    "SearchHit": {
        "type": "object",
        "required": ["id", "title", "event_date", "status", "snippet", "agencies", "places", "url"],
        "properties": {
            "id": {"type": "integer"},
            "title": _nullable("string"),
            "file_name": _nullable("string"),
            "media_type": _nullable("string"),
            "page_count": _nullable("integer"),
            "event_date": _nullable("string"),
            "participant_count": _nullable("integer"),
            "status": {"type": "string"},
            "collection": _nullable("string"),
            "source": _nullable("string"),
            "uploaded_at": {"type": "string"},
            "snippet": {
                "type": ["string", "null"],
                "description": "HTML-escaped text around the match, matches in <mark>.",
            },
            "agencies": {"type": "array", "items": {"type": "string"}},
            "places": {"type": "array", "items": {"type": "string"}},
            "url": {"type": "string"},
        },
    },
    "FacetValue": {
        "type": "object",
        "required": ["value", "count"],
        "properties": {"value": _nullable("string"), "count": {"type": "integer"}},
    },
    "SearchPage": {
        "type": "object",
        "required": [
            "ok",
            "total",
            "page",
            "per_page",
            "pages",
            "next",
            "next_cursor",
            "results",
            "facets",
        ],
        "properties": {
            "ok": {"const": True},
            "total": {"type": "integer"},
            "page": {
                "type": ["integer", "null"],
                "description": "The page number; null when the request walked by cursor.",
            },
            "per_page": {"type": "integer"},
            "pages": {"type": "integer"},
            "next": _nullable("string"),
            "next_cursor": {
                "type": ["string", "null"],
                "description": "Pass as `cursor` for the results after this page; null on "
                "the last page.",
            },
            "results": {"type": "array", "items": _ref("SearchHit")},
            "facets": {
                "type": "object",
                "description": "agency, place, province, year (empty when facets=false).",
                "additionalProperties": {"type": "array", "items": _ref("FacetValue")},
            },
        },
    },
    "Entity": {
        "type": "object",
        "required": ["name", "reports"],
        "properties": {"name": {"type": "string"}, "reports": {"type": "integer"}},
    },
}

BEARER = [{"bearer": []}]
ENTITY_PARAMS = [
    _param("q", "Substring of the name."),
    _param("limit", "At most this many.", "integer", minimum=1, maximum=10000),
]


def _entities(name: str) -> dict[str, Any]:
    return {
        "get": {
            "summary": f"Distinct canonical {name} with report counts",
            "parameters": ENTITY_PARAMS,
            "responses": {
                "200": _json(
                    {
                        "type": "object",
                        "required": ["ok", name],
                        "properties": {
                            "ok": {"const": True},
                            name: {"type": "array", "items": _ref("Entity")},
                        },
                    },
                    f"The {name}, most reported first",
                ),
                "400": _error("Unknown parameter"),
            },
        }
    }


PATHS: dict[str, Any] = {
    "/healthz": {
        "get": {
            "summary": "200 once the extraction pipeline is loaded",
            "responses": {
                "200": _json(
                    {"type": "object", "required": ["ok"], "properties": {"ok": {"const": True}}},
                    "Ready",
                )
            },
        }
    },
    "/api/reports": {
        "post": {
            "summary": "Upload one or many reports (files or text)",
            "security": BEARER,
            "requestBody": {
                "required": True,
                "content": {
                    "multipart/form-data": {
                        "schema": {
                            "type": "object",
                            "required": ["file"],
                            "properties": {
                                "file": {
                                    "type": "array",
                                    "items": {"type": "string", "format": "binary"},
                                    "minItems": 1,
                                    "description": ".txt, .html, .docx, .pdf; repeat for many",
                                },
                                "title": {"type": "string"},
                                "source": {"type": "string"},
                                "original_url": {"type": "string"},
                                "collection": {"type": "string"},
                                "reference_date": {"type": "string", "format": "date"},
                            },
                        }
                    },
                    "application/json": {
                        "schema": {
                            "type": "object",
                            "required": ["text"],
                            "additionalProperties": False,
                            "properties": {
                                "text": {"type": "string"},
                                "title": {"type": "string"},
                                "source": {"type": "string"},
                                "original_url": {"type": "string"},
                                "collection": {"type": "string"},
                                "reference_date": {"type": "string", "format": "date"},
                            },
                        }
                    },
                },
            },
            "responses": {
                "201": _json(
                    {"oneOf": [_ref("UploadResult"), _ref("UploadBatch")]},
                    "Created (a batch: at least one file was new)",
                ),
                "200": _json(
                    {"oneOf": [_ref("UploadResult"), _ref("UploadBatch")]},
                    "The same bytes were already stored (`duplicate: true`)",
                ),
                "400": _error("Wrong or missing fields"),
                "401": _error("Missing or unknown API key"),
                "413": _error("Larger than the upload limit"),
                "415": _error("Unsupported file type or request body"),
                "422": _error("Empty, damaged or password-protected file; the failed record kept"),
            },
        },
        "get": {
            "summary": "Search reports: full text, filters, facets, snippets",
            "parameters": [
                *FILTER_PARAMS,
                _param("page", "1-based page.", "integer", minimum=1, maximum=10**9),
                _param("per_page", "Results per page.", "integer", minimum=1),
                _param("facets", "false to skip facet counts.", "boolean"),
                _param(
                    "cursor",
                    "next_cursor of the previous answer: the results after its last one "
                    "in the same sort and filters (instead of page).",
                    "string",
                ),
            ],
            "responses": {
                "200": _json(_ref("SearchPage"), "One page of matches"),
                "400": _error("A parameter that cannot be understood"),
            },
        },
    },
    "/api/reports/{report_id}": {
        "get": {
            "summary": "One record: text, extraction and every fact with offsets and page",
            "parameters": [
                {"name": "report_id", "in": "path", "required": True, "schema": {"type": "integer"}}
            ],
            "responses": {
                "200": _json(
                    {
                        "type": "object",
                        "required": ["ok", "report"],
                        "properties": {"ok": {"const": True}, "report": _ref("Report")},
                    },
                    "The record",
                ),
                "404": _error("No such report"),
            },
        }
    },
    "/api/reports/{report_id}/reextract": {
        "post": {
            "summary": "Re-run the current extractor on the stored text; facts replaced at once",
            "security": BEARER,
            "parameters": [
                {"name": "report_id", "in": "path", "required": True, "schema": {"type": "integer"}}
            ],
            "responses": {
                "200": _json(
                    {
                        "type": "object",
                        "required": ["ok", "previous_version", "extractor_version", "report"],
                        "properties": {
                            "ok": {"const": True},
                            "previous_version": _nullable("string"),
                            "extractor_version": _nullable("string"),
                            "report": _ref("ReportSummary"),
                        },
                    },
                    "Re-extracted (the same version again is allowed)",
                ),
                "401": _error("Missing or unknown API key"),
                "404": _error("No such report"),
                "422": _error("No stored text (the file was never read), or the extractor failed"),
            },
        }
    },
    "/api/export.{fmt}": {
        "get": {
            "summary": "Every match of the same query, streamed as CSV, JSON or NDJSON",
            "parameters": [
                {
                    "name": "fmt",
                    "in": "path",
                    "required": True,
                    "schema": {"type": "string", "enum": ["csv", "json", "ndjson"]},
                },
                *FILTER_PARAMS,
            ],
            "responses": {
                "200": {
                    "description": "The matches, one row each",
                    "content": {
                        "text/csv": {"schema": {"type": "string"}},
                        "application/json": {"schema": {"type": "array"}},
                        "application/x-ndjson": {"schema": {"type": "string"}},
                    },
                },
                "400": _error("A parameter that cannot be understood"),
                "404": _error("Unknown format"),
            },
        }
    },
    "/api/agencies": _entities("agencies"),
    "/api/places": _entities("places"),
    "/api/openapi.json": {
        "get": {
            "summary": "This description",
            "responses": {"200": _json({"type": "object"}, "OpenAPI 3.1 document")},
        }
    },
}


# Answered by gunicorn before the API sees the request (so not in the JSON error shape):
# a request line longer than `arsip serve` allows (8,190 bytes, gunicorn's largest).
LIMIT_REQUEST_LINE = 8190
for _item in PATHS.values():
    for _operation in _item.values():
        if _operation.get("parameters"):
            _operation["responses"]["414"] = {
                "description": f"URI too long: the request line is over {LIMIT_REQUEST_LINE:,} "
                "bytes (answered by the HTTP server, before the API, in HTML)"
            }


def spec() -> dict[str, Any]:
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Arsip",
            "version": "1",
            "description": "Searchable structured records from Indonesian activity reports. "
            "Every error is {ok: false, error, status}.",
        },
        "paths": PATHS,
        "components": {
            "schemas": SCHEMAS,
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
        },
    }

"""GET /api/openapi.json describes every endpoint, and real responses match it."""

import io
import re

import pytest
from conftest import create_key, pdf_bytes
from jsonschema import Draft202012Validator

from service import create_app


@pytest.fixture(scope="module")
def env(tmp_path_factory):
    app = create_app({"TESTING": True, "DATA_DIR": str(tmp_path_factory.mktemp("d"))})
    client = app.test_client()
    spec = client.get("/api/openapi.json").json
    return app, client, spec, {"Authorization": f"Bearer {create_key(app)}"}


def check(spec, path, method, response):
    """Validate one real response against the schema the spec gives for its status."""
    operation = spec["paths"][path][method]
    assert str(response.status_code) in operation["responses"], (path, response.status_code)
    described = operation["responses"][str(response.status_code)]
    content = described.get("content", {})
    assert response.mimetype in content, (path, response.mimetype)
    if response.mimetype != "application/json":
        return
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "components": spec["components"],
        "allOf": [content["application/json"]["schema"]],
    }
    Draft202012Validator(schema).validate(response.json)


def test_spec_is_openapi_3_and_its_schemas_are_valid(env):
    _, _, spec, _ = env
    assert spec["openapi"].startswith("3.")
    for schema in spec["components"]["schemas"].values():
        Draft202012Validator.check_schema(schema)


def test_every_route_is_described(env):
    app, _, spec, _ = env
    for rule in app.url_map.iter_rules():
        if rule.endpoint == "static" or rule.endpoint.startswith("web."):  # pages, not API
            continue
        path = re.sub(r"<(?:[^:>]+:)?(\w+)>", r"{\1}", rule.rule)
        assert path in spec["paths"], path
        for method in rule.methods - {"HEAD", "OPTIONS"}:
            assert method.lower() in spec["paths"][path], (path, method)


def test_responses_match_the_spec(env):
    _, client, spec, auth = env
    text = "Apel Siaga\nPolres Malang menggelar apel pada 4 Juni 2022 di Kabupaten Malang, 80 personel."
    r = client.post("/api/reports", json={"text": text}, headers=auth)
    check(spec, "/api/reports", "post", r)
    report_id = r.json["report"]["id"]
    check(
        spec, "/api/reports", "post", client.post("/api/reports", json={"text": text}, headers=auth)
    )
    batch = {
        "file": [(io.BytesIO(pdf_bytes(["Satu", "Dua"])), "a.pdf"), (io.BytesIO(b"x"), "b.exe")]
    }
    check(spec, "/api/reports", "post", client.post("/api/reports", data=batch, headers=auth))
    bad = {"file": (io.BytesIO(b"%PDF-1.4 rusak"), "c.pdf")}
    check(spec, "/api/reports", "post", client.post("/api/reports", data=bad, headers=auth))
    check(spec, "/api/reports", "post", client.post("/api/reports", json={"text": "x"}))
    check(spec, "/api/reports", "post", client.post("/api/reports", json={"x": 1}, headers=auth))
    for params in ({}, {"q": "apel", "agency": "Polres Malang"}, {"facets": "false"}, {"page": 0}):
        check(spec, "/api/reports", "get", client.get("/api/reports", query_string=params))
    check(spec, "/api/reports/{report_id}", "get", client.get(f"/api/reports/{report_id}"))
    check(spec, "/api/reports/{report_id}", "get", client.get("/api/reports/424242"))
    check(spec, "/api/agencies", "get", client.get("/api/agencies"))
    check(spec, "/api/places", "get", client.get("/api/places?limit=5"))
    check(spec, "/api/places", "get", client.get("/api/places?x=1"))
    check(spec, "/api/export.{fmt}", "get", client.get("/api/export.ndjson"))
    check(spec, "/api/export.{fmt}", "get", client.get("/api/export.csv?sort=x"))
    check(spec, "/healthz", "get", client.get("/healthz"))
    check(spec, "/api/openapi.json", "get", client.get("/api/openapi.json"))

"""Schemathesis against a LIVE `arsip serve`: no 5xx, every answer as /api/openapi.json says.

Every operation of the spec is tried with schema-valid and schema-invalid requests,
authenticated writes included (a key from `arsip keys create`). The default run is small;
`make stress` runs the same checks with many more examples.
"""

import pytest
import schemathesis
import test_e2e_server
from hypothesis import HealthCheck, given, settings
from schemathesis.generation import GenerationMode

from service.api.openapi import PATHS

server = test_e2e_server.server  # the real gunicorn process, started once for this module

# (path, method, mode): schema-invalid requests only where there is something to break.
CASES = [
    (path, method, mode)
    for path, item in PATHS.items()
    for method, operation in item.items()
    for mode in GenerationMode
    if mode == GenerationMode.POSITIVE or operation.get("parameters") or "requestBody" in operation
]
# Checked: no 5xx, documented status, content type and body schema, negative data rejected.
# Not checked: that every schema-valid request is accepted, since some rules are semantic
# (a `q` of punctuation only has no words; 2023-02-30 is no date) and answer a 400.
EXCLUDED = [schemathesis.checks.positive_data_acceptance]
# A multipart upload's negative cases cannot be told from valid ones at the server: every
# form field arrives as text ("a number" for `collection` is the text "6.2e-77"), and a
# dropped Authorization header is put back by this harness, which sends the key each time.
# The other checks (no 5xx, documented status, content type, body schema) still run there.
MULTIPART_EXCLUDED = [*EXCLUDED, schemathesis.checks.negative_data_rejection]


@pytest.fixture(scope="module")
def live_schema(server):
    base, _ = server
    return schemathesis.openapi.from_url(base + "/api/openapi.json")


def run_operation(
    live_schema, server, path, method, mode, examples, derandomize=True, text_only=False
):
    """text_only: also leave out the negative-data check where every value travels as text
    (query strings, form fields): there a mutated type can arrive as a valid value (an
    integer 0 for the text `agency` is the text "0"), which schemathesis's own serialisation
    heuristics do not always see. The fixed-seed run keeps the check everywhere but in
    multipart forms; tests/test_api_errors.py checks bad values one by one."""
    base, key = server
    operation = live_schema[path][method.upper()]
    headers = {"Authorization": f"Bearer {key}"}
    body = operation.definition.raw.get("requestBody", {}).get("content", {})
    negative = mode == GenerationMode.NEGATIVE
    multipart = negative and "multipart/form-data" in body
    as_text = negative and text_only and "application/json" not in body
    excluded = MULTIPART_EXCLUDED if multipart or as_text else EXCLUDED

    @settings(
        max_examples=examples,
        deadline=None,
        suppress_health_check=list(HealthCheck),
        derandomize=derandomize,  # the default run is the same every time
        database=None,
    )
    @given(case=operation.as_strategy(generation_mode=mode))
    def check(case):
        case.call_and_validate(base_url=base, headers=headers, timeout=60, excluded_checks=excluded)

    check()


@pytest.mark.parametrize(("path", "method", "mode"), CASES)
def test_api_contract(live_schema, server, path, method, mode):
    run_operation(live_schema, server, path, method, mode, examples=10)


@pytest.mark.stress
@pytest.mark.parametrize(("path", "method", "mode"), CASES)
def test_api_contract_stress(live_schema, server, path, method, mode):
    run_operation(
        live_schema, server, path, method, mode, examples=300, derandomize=False, text_only=True
    )

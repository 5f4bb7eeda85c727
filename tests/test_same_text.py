"""The same report saved as another file: same words, other bytes (store.text_fingerprint).

An archive holds the DOCX, its PDF export and a re-saved copy of one report; byte-identical
uploads are duplicates (200, nothing new stored), but these are new records that point at
the first (`same_text_as`), so a researcher can leave them out (`hide_copies`).
"""

from __future__ import annotations

import csv
import io

import pytest
import sqlite_utils
from conftest import pdf_bytes

from service import store

REPORT = (
    "Laporan Kegiatan\n\n"
    "Pada hari Kamis, 4 Juli 2024 Dinas Sosial Kabupaten Lumajang menggelar sosialisasi "
    "bantuan sosial di Desa Sukosari. Kegiatan diikuti sebanyak 45 orang warga."
)
# The same words with another layout, case, punctuation and accents.
SAME_WORDS = (
    "LAPORAN  KEGIATAN  Pada hari Kamis 4 Juli 2024 Dinas Sosial Kabupaten Lumajang "
    "menggelar sosialisasi bantuan sosial di Désa Sukosari -- Kegiatan diikuti sebanyak 45 "
    "orang warga"
)
OTHER = "Laporan Kegiatan\n\nRapat koordinasi di Kecamatan Sumbersuko diikuti 12 orang."


def upload_text(client, auth, text: str, **meta) -> dict:
    response = client.post("/api/reports", json={"text": text, **meta}, headers=auth)
    assert response.status_code in (200, 201), response.get_json()
    return response.get_json()["report"]


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Rapat di balai desa.", "RAPAT  di Balai\nDesa", True),
        ("Jum'at bersih", "Jumat, bersih!", True),
        ("Désa Sukosari", "Desa Sukosari", True),
        ("45 orang", "4 5 orang", False),  # digits are words: not joined or split
        ("Rapat desa", "Rapat di desa", False),
        ("", "  ...  ", True),  # both None: no words, no fingerprint
    ],
)
def test_fingerprint_ignores_layout_case_accents_and_punctuation(a, b, same):
    assert (store.text_fingerprint(a) == store.text_fingerprint(b)) is same
    assert store.text_fingerprint("") is None


def test_a_copy_points_at_the_first_report(client, auth):
    first = upload_text(client, auth, REPORT)
    copy = upload_text(client, auth, SAME_WORDS)
    other = upload_text(client, auth, OTHER)
    assert first["same_text_as"] is None and other["same_text_as"] is None
    assert copy["id"] != first["id"]
    assert copy["same_text_as"] == first["id"]
    assert copy["text_sha256"] == first["text_sha256"] != other["text_sha256"]
    # a third copy points at the first as well, not at the copy before it
    third = upload_text(client, auth, REPORT.upper())
    assert third["same_text_as"] == first["id"]
    record = client.get(f"/api/reports/{first['id']}").get_json()["report"]
    assert record["copies"] == [copy["id"], third["id"]]
    assert client.get(f"/api/reports/{copy['id']}").get_json()["report"]["copies"] == []


def test_the_pdf_of_a_report_is_a_copy_of_its_text(client, auth):
    first = upload_text(client, auth, REPORT)
    data = {"file": (io.BytesIO(pdf_bytes([REPORT])), "laporan.pdf")}
    response = client.post("/api/reports", data=data, headers=auth)
    assert response.status_code == 201, response.get_json()
    assert response.get_json()["report"]["same_text_as"] == first["id"]


def test_byte_identical_upload_is_still_a_duplicate_not_a_copy(client, auth):
    first = upload_text(client, auth, REPORT)
    response = client.post("/api/reports", json={"text": REPORT}, headers=auth)
    assert response.status_code == 200
    body = response.get_json()
    assert body["duplicate"] is True and body["report"]["id"] == first["id"]


def test_hide_copies_leaves_them_out_of_results_facets_and_export(client, auth):
    first = upload_text(client, auth, REPORT)
    upload_text(client, auth, SAME_WORDS)
    upload_text(client, auth, OTHER)
    every = client.get("/api/reports?facets=true").get_json()
    hidden = client.get("/api/reports?facets=true&hide_copies=true").get_json()
    assert every["total"] == 3 and hidden["total"] == 2
    assert first["id"] in [r["id"] for r in hidden["results"]]

    def agency_count(body: dict, name: str) -> int:
        return next(f["count"] for f in body["facets"]["agency"] if f["value"] == name)

    name = "Dinas Sosial Kabupaten Lumajang"
    assert agency_count(every, name) == 2 and agency_count(hidden, name) == 1
    assert client.get("/api/reports?hide_copies=false").get_json()["total"] == 3
    rows = list(csv.DictReader(io.StringIO(client.get("/api/export.csv?hide_copies=true").text)))
    assert len(rows) == 2


def test_hide_copies_must_be_a_boolean(client):
    response = client.get("/api/reports?hide_copies=maybe")
    assert response.status_code == 400
    assert response.get_json() == {
        "ok": False,
        "error": "hide_copies must be true or false",
        "status": 400,
    }


def test_pages_link_the_copy_to_its_first_report(client, auth):
    first = upload_text(client, auth, REPORT)
    copy = upload_text(client, auth, SAME_WORDS)
    page = client.get(f"/reports/{copy['id']}?lang=en").get_data(as_text=True)
    assert f'href="/reports/{first["id"]}"' in page and f"report #{first['id']}" in page
    original = client.get(f"/reports/{first['id']}?lang=en").text
    assert "Same text as" not in original
    assert "Copies (same text)" in original and f'href="/reports/{copy["id"]}"' in original
    search = client.get("/?hide_copies=1&lang=en").get_data(as_text=True)
    assert "Copies hidden" in search and 'name="hide_copies" value="1" checked' in search


def database_before(path: str, migrations: int):
    """A database that ran only the first `migrations` migrations (an older Arsip's)."""
    db = store.connect(path)
    with store.transaction(db):
        db["_migrations"].create({"name": str, "applied_at": str}, pk="name")
    for name, step in store.MIGRATIONS[:migrations]:
        with store.transaction(db):
            step(db)
            db["_migrations"].insert({"name": name, "applied_at": store.now()})
    return db


def test_migration_fills_in_reports_stored_before_it(tmp_path):
    db = database_before(str(tmp_path / "old.db"), 4)  # from before 005_same_text
    for n, text in enumerate([REPORT, OTHER, SAME_WORDS, None], start=1):
        db.execute(
            "INSERT INTO reports (id, sha256, status, uploaded_at) VALUES (?, ?, 'ok', 'x')",
            [n, f"{n:064x}"],
        )
        db.execute("INSERT INTO report_texts (id, text) VALUES (?, ?)", [n, text])
    assert store.migrate(db) == ["005_same_text", "006_near_keys"]
    rows = {r["id"]: r for r in sqlite_utils.Database(db.conn)["reports"].rows}
    assert [rows[n]["same_text_as"] for n in (1, 2, 3, 4)] == [None, None, 1, None]
    assert rows[1]["text_sha256"] == rows[3]["text_sha256"] == store.text_fingerprint(REPORT)
    assert rows[4]["text_sha256"] is None


def test_migration_fills_in_a_large_archive_batch_by_batch(tmp_path):
    db = database_before(str(tmp_path / "big.db"), 4)
    texts = [REPORT, OTHER, SAME_WORDS]
    with store.transaction(db):
        for n in range(1, 1202):  # more than two batches
            db.execute(
                "INSERT INTO reports (id, sha256, status, uploaded_at) VALUES (?, ?, 'ok', 'x')",
                [n, f"{n:064x}"],
            )
            db.execute("INSERT INTO report_texts (id, text) VALUES (?, ?)", [n, texts[n % 3]])
    store.migrate(db)
    firsts = db.execute("SELECT id FROM reports WHERE same_text_as IS NULL ORDER BY id")
    assert [r[0] for r in firsts] == [1, 2]  # OTHER; SAME_WORDS, whose words REPORT shares
    count = "SELECT count(*) FROM reports WHERE same_text_as = ?"
    assert db.execute(count, [1]).fetchone()[0] == 400
    assert db.execute(count, [2]).fetchone()[0] == 799

"""Near copies (service/similar.py): a re-scan read again by OCR, an edited copy.

A report whose word trigrams are mostly another's is listed under `similar` on both records,
with the figure; nothing is hidden or merged. Exact copies stay `copies` (test_same_text.py).
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from test_same_text import database_before, upload_text

from service import similar, store

REPORT = (
    "Laporan Kegiatan Patroli Dialogis\n\n"
    "Pada hari Selasa, 9 April 2024 sekitar pukul 19.30 WIB, personel Polsek Sumberjaya "
    "bersama perangkat Desa Karanganyar melaksanakan patroli dialogis di pos kamling dan "
    "warung kopi di sepanjang jalan desa. Dalam kegiatan tersebut petugas menyampaikan "
    "imbauan kamtibmas kepada warga agar menjaga keamanan lingkungan, mengaktifkan kembali "
    "ronda malam dan segera melapor kepada Bhabinkamtibmas apabila melihat orang asing yang "
    "mencurigakan. Kegiatan diikuti sebanyak 25 orang warga dan berjalan aman serta lancar "
    "hingga selesai pukul 21.00 WIB."
)
# The same page read again by OCR: a handful of misread words, joined lines.
RESCAN = (
    REPORT.replace("Kegiatan Patroli", "Kegiatan Patro1i")
    .replace("kamling", "kamIing")
    .replace("lingkungan", "lingkungam")
    .replace("mencurigakan", "rnencurigakan")
    .replace("\n\n", " ")
)
OTHER = (
    "Rapat koordinasi persiapan penyaluran bantuan pangan digelar di aula kantor kecamatan "
    "pada Senin pagi. Camat meminta seluruh kepala desa memutakhirkan data penerima dan "
    "memastikan beras dibagikan tepat sasaran sebelum akhir bulan, dengan pengawasan dari "
    "pendamping sosial dan tokoh masyarakat setempat."
)


def test_a_rescan_is_similar_and_shares_a_key():
    a, b = store.folded_words(REPORT), store.folded_words(RESCAN)
    score = similar.similarity(similar.shingles(a), similar.shingles(b))
    assert 0.7 < score < 1
    assert set(similar.band_keys(a)) & set(similar.band_keys(b))
    other = store.folded_words(OTHER)
    assert similar.similarity(similar.shingles(a), similar.shingles(other)) < 0.05
    assert not set(similar.band_keys(a)) & set(similar.band_keys(other))


@pytest.mark.parametrize("text", ["", "Rapat desa.", "satu dua tiga empat lima enam tujuh"])
def test_short_texts_get_no_keys(text):
    assert similar.band_keys(store.folded_words(text)) == []


def test_keys_are_the_same_in_every_process():
    """Stored keys are compared across workers and restarts: no per-process hash seed."""
    code = "from service import similar, store; import sys; print(similar.band_keys(store.folded_words(sys.argv[1])))"
    runs = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        out = subprocess.run(
            [sys.executable, "-c", code, REPORT],
            capture_output=True,
            text=True,
            env=env,
            check=True,
        )
        runs.append(out.stdout.strip())
    assert runs[0] == runs[1] == str(similar.band_keys(store.folded_words(REPORT)))


def test_records_list_each_other_as_similar(client, auth):
    first = upload_text(client, auth, REPORT)
    other = upload_text(client, auth, OTHER)
    rescan = upload_text(client, auth, RESCAN)
    copy = upload_text(client, auth, REPORT.upper())  # exact copy: `copies`, not `similar`
    got = client.get(f"/api/reports/{first['id']}").get_json()["report"]
    assert [s["id"] for s in got["similar"]] == [rescan["id"]]
    assert got["similar"][0]["title"] == rescan["title"]
    assert 0.7 < got["similar"][0]["similarity"] < 1
    assert got["copies"] == [copy["id"]]
    back = client.get(f"/api/reports/{rescan['id']}").get_json()["report"]["similar"]
    assert [s["id"] for s in back] == [first["id"], copy["id"]]
    assert back[0]["similarity"] == got["similar"][0]["similarity"]
    assert client.get(f"/api/reports/{other['id']}").get_json()["report"]["similar"] == []
    page = client.get(f"/reports/{first['id']}?lang=en").get_data(as_text=True)
    assert "Similar text" in page and f'href="/reports/{rescan["id"]}"' in page
    percent = int(got["similar"][0]["similarity"] * 100)
    assert f"({percent}%)" in page
    assert "Similar text" not in client.get(f"/reports/{other['id']}?lang=en").text


def test_migration_adds_keys_for_reports_stored_before_it(tmp_path):
    db = database_before(str(tmp_path / "old.db"), 5)  # from before 006_near_keys
    texts = [REPORT, OTHER, None] * 200 + [RESCAN]  # more than one batch
    with store.transaction(db):
        for n, text in enumerate(texts, start=1):
            db.execute(
                "INSERT INTO reports (id, sha256, status, uploaded_at, text_sha256) "
                "VALUES (?, ?, 'ok', 'x', ?)",
                [n, f"{n:064x}", store.text_fingerprint(text)],
            )
            db.execute("INSERT INTO report_texts (id, text) VALUES (?, ?)", [n, text])
    assert store.migrate(db) == ["006_near_keys"]
    keyed = db.execute("SELECT count(DISTINCT report_id) FROM near_keys").fetchone()[0]
    assert keyed == 401  # every report with words enough: 200 + 200 + the re-scan
    found = store.similar_reports(db, len(texts), RESCAN, store.text_fingerprint(RESCAN))
    assert [s["id"] for s in found][:3] == [1, 4, 7]  # REPORT's copies, same figure, by id
    assert len(found) == store.MAX_SIMILAR and len({s["similarity"] for s in found}) == 1

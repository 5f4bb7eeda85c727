"""Ingest and search speed of the service, printed (not asserted).

1. Ingest: reports/s for text and PDF through the HTTP API (the real `arsip serve`,
   one gunicorn worker, one client) against the extractor alone on the same texts in
   this process; the ratio is the API's overhead. Target: overhead <= 30%.
2. Search: p50/p95 latency of GET /api/reports with facets (Flask test client, so no
   network) on a database of N records made by recombining the samples' paragraphs.
   Target: p95 <= 50 ms at 100k records.

    python bench/ingest_speed.py [--docs 60] [--records 100000] [--db PATH] [--extractor SPEC]

The extractor defaults to nlp:extract for ingest; the 100k database is filled through the
real extractor too (nlp.extract, one process per CPU: a few minutes; reuse it with --db).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SAMPLES = ROOT / "samples"


def paragraphs() -> list[str]:
    out = []
    for path in sorted(SAMPLES.glob("*.txt")):
        out += [p.strip() for p in path.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    return out


def recombined(rng: random.Random, paras: list[str], n: int) -> list[str]:
    """n distinct report texts: a title line and 3-6 sample paragraphs in a random order."""
    texts = []
    for i in range(n):
        body = rng.sample(paras, k=min(len(paras), rng.randint(3, 6)))
        texts.append(f"Laporan kegiatan nomor {i}\n\n" + "\n\n".join(body) + "\n")
    return texts


def pdf_of(text: str) -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("helvetica", size=10)
    for chunk in text.split("\n\n"):
        pdf.add_page()
        pdf.multi_cell(0, 5, chunk.encode("latin-1", "replace").decode("latin-1"))
    return bytes(pdf.output())


# ------------------------------------------------------------------------- ingest


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def post(url: str, body: bytes, headers: dict[str, str]) -> int:
    request = urllib.request.Request(url, data=body, headers=headers)
    with urllib.request.urlopen(request, timeout=120) as r:
        r.read()
        return r.status


def multipart(name: str, data: bytes) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    body = (
        (
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{name}"\r\n'
            f"Content-Type: application/octet-stream\r\n\r\n"
        ).encode()
        + data
        + f"\r\n--{boundary}--\r\n".encode()
    )
    return body, f"multipart/form-data; boundary={boundary}"


def bench_ingest(docs: int, extractor: str) -> None:
    from nlp.pipeline import get_nlp  # noqa: F401  (load outside the timings)
    from service.ingest import load_extractor
    from service.readers import read_bytes

    rng = random.Random(1)
    texts = recombined(rng, paragraphs(), docs * 2)
    text_docs, pdf_texts = texts[:docs], texts[docs:]
    pdfs = [pdf_of(t) for t in pdf_texts]
    extract = load_extractor(extractor)
    extract("Pemanasan, Senin 1 Januari 2024.", None)

    t = time.perf_counter()
    for text in text_docs:
        extract(text, None)
    bare_text = docs / (time.perf_counter() - t)
    t = time.perf_counter()
    for data in pdfs:
        extract(read_bytes(data, "a.pdf", pdf_engine="pypdfium2").text, None)
    bare_pdf = docs / (time.perf_counter() - t)

    data_dir = tempfile.mkdtemp(prefix="arsip-bench-")
    env = {**os.environ, "ARSIP_DATA_DIR": data_dir, "ARSIP_EXTRACTOR": extractor}
    cli = [sys.executable, "-m", "service.cli"]
    key = subprocess.run(
        [*cli, "keys", "create"], env=env, cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.strip()
    port = free_port()
    server = subprocess.Popen(
        [*cli, "serve", "--port", str(port), "--workers", "1"],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                urllib.request.urlopen(base + "/healthz", timeout=5).read()
                break
            except OSError:
                time.sleep(0.3)
        auth = {"Authorization": f"Bearer {key}"}
        t = time.perf_counter()
        for text in text_docs:
            body = json.dumps({"text": text}).encode()
            post(base + "/api/reports", body, {**auth, "Content-Type": "application/json"})
        api_text = docs / (time.perf_counter() - t)
        t = time.perf_counter()
        for i, data in enumerate(pdfs):
            body, kind = multipart(f"lap-{i}.pdf", data)
            post(base + "/api/reports", body, {**auth, "Content-Type": kind})
        api_pdf = docs / (time.perf_counter() - t)
    finally:
        server.terminate()
        server.wait(timeout=30)

    print(f"ingest ({docs} docs each, extractor {extractor}, 1 worker, 1 client)")
    for label, bare, api in (("text", bare_text, api_text), ("pdf", bare_pdf, api_pdf)):
        overhead = bare / api - 1
        print(
            f"  {label:5} extractor alone {bare:8.1f}/s   HTTP API {api:8.1f}/s   "
            f"ratio {api / bare:5.2f}  overhead {overhead:+.0%} (target <= +30%)"
        )


# ------------------------------------------------------------------------- search


# Real names, so the real extractor finds many distinct agencies and places to facet.
REGIONS = (
    "Malang Demak Sleman Banyumas Gresik Bogor Bantul Kendal Jember Sidoarjo Kediri Klaten "
    "Magelang Garut Cirebon Indramayu Karawang Lamongan Tuban Blitar Pati Kudus Jepara Boyolali "
    "Sragen Tegal Brebes Pemalang Batang Cilacap Kebumen Purworejo Wonosobo Temanggung Bekasi"
).split()
UNITS = ["Polres", "Kodim", "BPBD Kabupaten", "Dinas Sosial Kabupaten"]
MONTHS = "Januari Februari Maret April Mei Juni Juli Agustus September Oktober November"


def _record(item: tuple[int, str]) -> dict:
    import nlp

    i, text = item
    extraction = nlp.extract(text).to_json()
    return {
        "sha256": f"{i:064x}",
        "file_name": f"lap-{i}.txt",
        "media_type": "text/plain",
        "status": "ok",
        "title": f"Laporan {i}",
        "text": text,
        "extraction": extraction,
        "extractor_version": extraction["extractor_version"],
    }


def build_db(path: str, records: int) -> None:
    """Fill the search database through the real extractor, one process per CPU."""
    import multiprocessing

    import nlp
    from service import store

    db = store.connect(path)
    store.migrate(db)
    have = db["reports"].count
    if have >= records:
        db.conn.close()
        return
    rng = random.Random(2)
    paras = paragraphs()

    def texts():
        for i in range(have, records):
            body = rng.sample(paras, k=min(len(paras), rng.randint(2, 4)))
            region = rng.choice(REGIONS)
            unit = f"{rng.choice(UNITS)} {region}"
            when = f"{rng.randint(1, 28)} {rng.choice(MONTHS.split())} {rng.randint(2005, 2024)}"
            lead = (
                f"{unit} bersama warga di Kabupaten {region} pada {when}, "
                f"{rng.randint(5, 900)} orang hadir."
            )
            yield i, f"Laporan {i}\n\n{lead}\n\n" + "\n\n".join(body)

    nlp.extract("Pemanasan, Senin 1 Januari 2024.")  # workers fork with the pipeline loaded
    t = time.perf_counter()
    batch = []
    with multiprocessing.get_context("fork").Pool() as pool:
        for row in pool.imap(_record, texts(), chunksize=200):
            batch.append(row)
            if len(batch) == 2000:
                store.insert_many(db, batch)
                batch = []
    if batch:
        store.insert_many(db, batch)
    db.execute("ANALYZE")
    db.conn.close()
    print(f"built {records} records in {time.perf_counter() - t:.0f}s")


QUERIES = [
    {},
    {"q": "narkoba"},
    {"q": "sosialisasi"},
    {"q": "pemeriksaan"},
    {"q": '"rapat koordinasi"'},
    {"q": "bantu*"},
    {"agency": "Polres Sleman"},
    {"place": "Jawa Timur"},
    {"place": "Kabupaten Malang"},
    {"date_from": "2019-01-01", "date_to": "2019-12-31"},
    {"min_participants": 500},
    {"q": "banjir", "place": "Jawa Tengah"},
    {"q": "personel", "date_from": "2015", "sort": "-event_date"},
    {"agency": "Kodim Bantul", "date_from": "2010"},
    {"sort": "event_date", "page": 50},
]


def bench_search(records: int, db_path: str | None) -> None:
    from service import create_app

    path = db_path or os.path.join(tempfile.mkdtemp(prefix="arsip-bench-"), "arsip.db")
    build_db(path, records)
    app = create_app({"DATABASE": path, "DATA_DIR": os.path.dirname(path)})
    client = app.test_client()
    timings: dict[str, list[float]] = {}
    for _ in range(5):
        for params in QUERIES:
            label = urllib.parse.urlencode(params) or "(everything)"
            t = time.perf_counter()
            r = client.get("/api/reports", query_string=params)
            timings.setdefault(label, []).append((time.perf_counter() - t) * 1000)
            assert r.status_code == 200, r.json
    every = sorted(x for values in timings.values() for x in values[1:])  # first run warms
    p50 = statistics.median(every)
    p95 = every[int(len(every) * 0.95) - 1]
    print(f"search with facets on {records} records ({len(every)} timed requests)")
    for label, values in timings.items():
        print(f"  {statistics.median(values[1:]):7.1f} ms  {label}")
    print(f"  p50 {p50:.1f} ms   p95 {p95:.1f} ms   (target p95 <= 50 ms)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=60)
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--db", help="Reuse (or build) the search database here.")
    parser.add_argument("--extractor", default="nlp:extract")
    parser.add_argument("--skip-ingest", action="store_true")
    parser.add_argument("--skip-search", action="store_true")
    args = parser.parse_args()
    if not args.skip_ingest:
        bench_ingest(args.docs, args.extractor)
    if not args.skip_search:
        bench_search(args.records, args.db)


if __name__ == "__main__":
    main()

import json
import subprocess
import sys

CMD = [sys.executable, "-m", "service.cli", "extract"]


def run(*files):
    return subprocess.run([*CMD, *map(str, files)], capture_output=True, text=True)


def test_extract_prints_one_json_line_per_file(samples_dir):
    files = sorted(samples_dir.glob("*.txt")) + sorted(samples_dir.glob("*.pdf"))
    proc = run(*files)
    assert proc.returncode == 0, proc.stderr
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [r["file"] for r in rows] == [str(f) for f in files]
    for row in rows:
        for key in ("extractor_version", "dates", "event_date", "places", "agencies"):
            assert key in row
        assert "participants" in row


def test_unreadable_file_gets_its_line_and_exit_1(tmp_path, samples_dir):
    bad = tmp_path / "rusak.pdf"
    bad.write_bytes(b"%PDF-1.4 this is not really a pdf")
    empty = tmp_path / "kosong.txt"
    empty.write_bytes(b"")
    good = next(samples_dir.glob("*.txt"))
    proc = run(bad, good, empty)
    assert proc.returncode == 1
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    assert len(rows) == 3
    assert "error" in rows[0] and "error" not in rows[1] and "error" in rows[2]


def test_pdf_facts_carry_their_page(samples_dir):
    proc = run(samples_dir / "sosialisasi-narkoba-malang.pdf")
    row = json.loads(proc.stdout)
    facts = [f for k in ("dates", "places", "agencies", "participants") for f in row[k]]
    assert all(f.get("page") in (1, 2) for f in facts)

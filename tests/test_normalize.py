import pytest

from nlp import extract
from nlp.normalize import normalize


@pytest.mark.parametrize(
    "raw, clean",
    [
        ("Jum\u2019at tanggal 2", "Jum'at tanggal 2"),
        ("Senin,\u00a012 Maret", "Senin, 12 Maret"),
        ("Polres¬†Malang", "Polres Malang"),
        ("tidak ada apa-apa", "tidak ada apa-apa"),
        ("â€œKami siapâ€\x9d", '"Kami siap"'),
    ],
)
def test_normalize_cleans(raw, clean):
    assert normalize(raw).text == clean


def test_offsets_map_back_through_mojibake():
    raw = "Hari¬†ini di Kota¬†Malang ada rapat"
    norm = normalize(raw)
    start = norm.text.index("Kota Malang")
    s, e = norm.to_original(start, start + len("Kota Malang"))
    assert raw[s:e] == "Kota¬†Malang"


def test_extract_offsets_index_the_callers_text():
    raw = "Polres¬†Malang menggelar rapat pada Senin (12/3/2018) di Kabupaten¬†Malang."
    result = extract(raw).to_json()
    for field in ("dates", "places", "agencies", "participants"):
        for fact in result[field]:
            assert raw[fact["start"] : fact["end"]] == fact["text"]

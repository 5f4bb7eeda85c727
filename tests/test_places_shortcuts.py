"""places: the shortcuts taken for speed give the answers of the plain rules."""

from __future__ import annotations

from pathlib import Path

from nlp import extract, places
from nlp.places import _PREFIXES, gazetteer, lokal_data


def _everyday_plain(common: frozenset[str], w: str, root: int) -> bool:
    """Gazetteer._everyday as first written: every suffix, every prefix."""
    if w in common:
        return True
    w = w[:-3] if w.endswith("nya") else w
    for suf in ("kan", "an", "i", ""):
        stem = w[: -len(suf)] if suf and w.endswith(suf) else w
        for pre in _PREFIXES:
            rest = stem[len(pre) :]
            if stem.startswith(pre) and len(rest) >= root and rest in common:
                return True
        if suf and len(stem) >= root and stem in common:
            return True
    return False


def test_everyday_tries_the_same_stems_as_the_plain_rule():
    gaz = gazetteer()
    for word in sorted(gaz.common)[::40] + ["", "nya", "i", "an", "kan", "pe", "di"]:
        for pre in ("", *_PREFIXES):
            for suf in ("", "kan", "an", "i", "nya", "kannya", "inya"):
                w = pre + word + suf
                for root in (1, 4):
                    assert gaz._everyday(w, root) == _everyday_plain(gaz.common, w, root), w


def _json(text: str) -> list:
    return [f.to_json() for f in extract(text).places]


def test_a_kept_choice_among_many_villages_changes_nothing():
    # A village name with readings in many provinces, first alone, then beside its kabupaten:
    # the choice kept from the first text must not decide the second, nor the reverse.
    codes = [x for x in gazetteer().index["sukamaju"] if isinstance(x, str)]
    assert len(codes) > 10
    kabupaten = lokal_data("wilayah")[codes[-1][:5]]
    alone = "Warga Desa Sukamaju bergotong royong membersihkan saluran air."
    placed = f"Kegiatan berlangsung di Desa Sukamaju, {kabupaten}, pada pagi hari."
    places._CHOSEN.clear()
    first = _json(placed), _json(alone)
    places._CHOSEN.clear()
    second = _json(alone), _json(placed)
    assert first == second[::-1]
    assert any(f.get("code", "").startswith(codes[-1][:5]) for f in first[0])


def test_pieces_of_an_ascii_text_are_the_word_runs():
    # An ASCII text is split with [A-Za-z0-9]+, which there matches what [^\W_]+ does.
    text = "Kab.Malang_Selatan, RT 03/RW 05 -- Desa X'ian (2024)\n\nPak_Budi  ke-2 _ __a__"
    assert text.isascii()
    parts = places._SPLIT.split(text)
    assert places._pieces(text)[2] == parts[1::2]
    assert places._pieces(text)[4] == parts[0::2]
    assert places._pieces(text + "é")[2] == places._SPLIT.split(text + "é")[1::2]


def _titled_plain(text: str) -> list[tuple[int, int]]:
    """_Scanner._titled_lines as first written: line by line, with a regex per line."""
    out, pos = [], 0
    findall = (places._WORD if "_" in text else places._WORD_W).findall
    for line in text.split("\n"):
        if not line.rstrip().endswith("."):
            ws = findall(line)
            if 3 <= len(ws) <= 25 and sum(1 for w in ws if places._capital(w)) >= 0.7 * len(ws):
                out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


class _Ctx:
    def __init__(self, text: str):
        self.text = text


def test_titled_lines_read_from_the_pieces_are_the_lines_read_one_by_one():
    texts = [
        "Bupati Resmikan Jembatan Baru\nWarga desa senang sekali.",
        "\n\nBUPATI RESMIKAN JEMBATAN  \n\nIsi berita di sini. Lalu Apa Kata Dia.\n",
        "Satu Dua Tiga.\nEmpat Lima Enam .  \nTujuh Delapan Sembilan\r\nx",
        "Rapat Koordinasi Desa Maju, 12 Maret 2024 -- Aula Kantor\n\n\n  ...  \nAa Bb Cc",
        "Kab_Bogor Jaya Raya\nSatu dua tiga empat\nA B C D E F G H I J K L M N O P Q R S T U",
        "Pasar Baru Ramai Sekali é\nÉcole Nationale Supérieure\nabc",
        "Kepala Desa",
        "",
    ]
    texts.append(" ".join(["Kata"] * 26) + "\n" + " ".join(["Kata"] * 25))
    samples = Path(__file__).parent.parent / "samples"
    texts += [f.read_text(encoding="utf-8") for f in sorted(samples.glob("*.txt"))]
    gaz = gazetteer()
    for text in texts:
        scanner = places._Scanner(_Ctx(text), gaz)  # type: ignore[arg-type]
        assert scanner._titled_lines() == _titled_plain(text), text

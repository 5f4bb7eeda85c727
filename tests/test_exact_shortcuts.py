"""The speed shortcuts of the number, date and boilerplate scans give exactly what the plain
regex scans they replace give, on random texts built from the characters and words they
care about (the dev texts cannot show every corner: line breaks, dashes, colons, odd digits)."""

from __future__ import annotations

import random
import re

from nlp import context, counts, dates

_PIECES = [
    " ", " ", " ", "\n", "\n\n", "  \n", "\t", "\x0b", "-", " - ", "–", "—", ":", " : ", ",",
    ".", "(", ")", "/", "_", "12", "3", "2024", "1.000", "٣", "１", "an", "AN", "an ", "İ",
    "ſ", "K", "Foto", "foto:", "FOTOGRAFER :", "Sumber", "baca juga", "Copyright", "Hak  Cipta",
    "JAKARTA", "KOMPAS.com", "NusaBali", "(ANTARA)", "polri.go.id", ".news", "Jakarta",
    "pukul", "Pkl.", "jam", "WIB", "13.30", "09:00", "tahun", "Th.", "thn", "Senin", "hari",
    "Tanggal", "tgl.", "Maret", "Jum'at", "dilaksanakan", "pada hari", "sejak", "s.d.", "s/d",
    "akan", "img-", "x", "warga", "orang", "\nJAKARTA, ", "\nSURABAYA ", "detik.com",
    "go.id", "\nBOGOR,\n", "pukul 10.00", "10.00 WIB", " 7:45 wita", "tahun 2020", "Th. 1999",
    "12 Maret 2024", "8/3", "(13/2)", "2024-04-08", "100an", "1.000an",
]  # fmt: skip


def _texts(n: int, seed: int) -> list[str]:
    rnd = random.Random(seed)
    return ["".join(rnd.choices(_PIECES, k=rnd.randint(0, 60))) for _ in range(n)]


TEXTS = _texts(3000, 7)


def _spans(hits) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in hits]


def test_digit_runs_are_the_regex_runs() -> None:
    for text in TEXTS:
        assert context._digit_runs(text) == [m.span() for m in re.finditer(r"\d+", text)]


def test_credit_and_outlet_spans() -> None:
    for text in TEXTS:
        _check_credit_and_outlet(text)


def _check_credit_and_outlet(text: str) -> None:
    low = context._lower(text)
    want: list[tuple[int, int]] = []
    for m in context._CREDIT.finditer(text):
        if want and m.start() < want[-1][1]:
            continue
        end = text.find("\n", m.end())
        want.append((text.rfind("\n", 0, m.start()) + 1, len(text) if end < 0 else end))
    assert context.credit_lines(text, low) == want
    assert _spans(context._matches_at(context._DATELINE, text, context._dateline_starts(text))) == (
        _spans(context._DATELINE.finditer(text))
    )
    got = context._matches_at(context._DOMAIN_DATELINE, text, context._domain_starts(text))
    assert _spans(got) == _spans(context._DOMAIN_DATELINE.finditer(text))


def test_date_scans_match_their_regexes() -> None:
    t = dates._tables()
    for text in TEXTS:
        low, runs = context._lower(text), context._digit_runs(text)
        assert _spans(dates._time_hits(text, low, runs, t)) == _spans(t.time.finditer(text))
        year = context._finditer_ci(t.year_word, text, low, dates._YEAR_WORD_HEADS)
        assert _spans(year) == _spans(t.year_word.finditer(text))
        assert dates._has_label(text) == bool(re.search(r"[^\W\d_]\s*:", text))
        assert dates._few_letters(text, 12) == (len(re.sub(r"[\W\d_]+", "", text)) <= 12)
        for key, (pat, _) in t.event_cues.items():
            starts = dates._head_starts(t.cue_heads[key], low, 0, len(text))
            assert [m.group() for m in context._matches_at(pat, text, starts)] == pat.findall(text)
        end = len(text)
        want = t.prefix.search(text, max(0, end - 80), end)
        got = next(
            (
                hit
                for at in dates._head_starts(t.prefix_heads, low, max(0, end - 80), end)
                if (hit := t.prefix.match(text, at, end))
            ),
            None,
        )
        if want is None or want.start() == want.end():
            assert got is None or got.start() == got.end()
        else:
            assert got is not None and got.span() == want.span()


def test_shape_hits_match_the_regex() -> None:
    t = dates._tables()
    for text in TEXTS:
        low, runs = context._lower(text), context._digit_runs(text)
        got = _spans(dates._shape_hits(text, low, runs, t))
        want = [
            (m.start(), m.end(), m.group())
            for m in t.shapes.finditer(text)
            # the scan visits digit runs and file names only: every other start is impossible
        ]
        assert got == want


def test_an_numbers_match_the_regex() -> None:
    for text in TEXTS:
        low, runs = context._lower(text), context._digit_runs(text)
        want = [m for m in counts._AN_RE.finditer(text) if counts._an_number(m.group())]
        got = [m for m in counts._an_hits(text, low, runs) if counts._an_number(m.group())]
        assert _spans(got) == _spans(want)


def _layout_before(text: str) -> tuple[list, list, bool]:
    """dates._Layout.of as it was written first (a regex for the blank lines)."""
    lines, para, pos, block, blank = [], [], 0, 0, False
    for line in text.split("\n"):
        if line.strip():
            block += blank and bool(lines)
            lines.append((pos, pos + len(line)))
            para.append(block)
            blank = False
        else:
            blank = True
        pos += len(line) + 1
    if "\n\n" not in text and "\n\n" not in re.sub(r"\n[^\S\n]+(?=\n)", "\n", text):
        para = list(range(len(lines)))
    first = text[lines[0][0] : lines[0][1]].strip() if lines else ""
    alone = len(para) > 1 and para[1] != para[0]
    field = dates._FIELD.match(first)
    headline = alone and len(first) < 250 and not first.endswith((".", ":", ";")) and not field
    return lines, para, headline


def test_layout_and_cues_as_before() -> None:
    t = dates._tables()
    for text in TEXTS:
        lay = dates._Layout.of(text)
        assert (lay.lines, lay.para, lay.headline) == _layout_before(text)
        for key, (pat, weights) in t.event_cues.items():
            seen = {re.sub(r"\s+", " ", w.lower()) for w in pat.findall(text)}
            scores = [weights.get(w, 0.0) for w in seen]
            want = sum(s for s in scores if s < 0), sum(s for s in scores if s > 0)
            assert dates._cue_score(text, key, t) == want


def test_outlet_name_spans_match_the_regex() -> None:
    names = ["KOMPAS", "kompas.com", "NusaBali", "Foto", "sis", "kik", "ANTARA", "go.id"]
    for text in TEXTS:
        text = text.replace("x", "Kompas.com.x ").replace("K", "\u212a")  # (Kelvin sign too)
        low = context._lower(text)
        for name in names:
            pattern = re.compile(rf"(?i)(?<!\w){re.escape(name)}(?:\.\w+)*(?!\w)")
            got = list(context._name_spans(name, text, low))
            assert got == [m.span() for m in pattern.finditer(text)]


def _qualify_before(doc, hit) -> None:
    """counts._qualify as it was written first (every window looked up)."""
    quals = counts.qualifiers()
    for _ in range(3):
        q = hit.start
        near = [doc[j] for j in range(max(q - 4, 0), q)]
        stop = [
            (
                counts._is_boundary(t)
                and not (t.text == "." and t.i > 0 and not doc[t.i - 1].whitespace_)
            )
            or t.is_space
            for t in near
        ]
        for k in (4, 3, 2, 1):
            if len(near) >= k and not any(stop[-k:]):
                flag = quals.get(counts._key([t.text for t in near[-k:]]))
                if flag is not None:
                    hit.start -= k
                    hit.approximate |= flag
                    break
        else:
            return


def test_qualify_as_before() -> None:
    from nlp.pipeline import get_nlp

    words = [*counts.qualifiers(), "kurang", "lebih", "-", ".", "lk.", "Σ", "±", "ΣΑ", "x", "\n"]
    rnd = random.Random(5)
    for _ in range(400):
        text = " ".join(rnd.choices(words, k=rnd.randint(0, 7))) + " 50 orang"
        doc = get_nlp()(text)
        i = next(t.i for t in doc if t.text == "50")
        a = counts._Hit("num_noun", i, i + 2, i, i + 1, 50, False, "orang")
        b = counts._Hit("num_noun", i, i + 2, i, i + 1, 50, False, "orang")
        counts._qualify(doc, a)
        _qualify_before(doc, b)
        assert a == b

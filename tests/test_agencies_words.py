"""agencies' fast paths read what the spaCy tokens say: the per-doc word table (texts, lower
cases, spaces, offsets), the str.find look-ups of words, the per-word caches, and the skipped
letterhead lines (a line with a small letter names no level)."""

from __future__ import annotations

from pathlib import Path

import pytest
import srsly
from spacy.language import Language
from spacy.matcher import PhraseMatcher

from nlp import agencies, letterheads
from nlp.context import _lower
from nlp.pipeline import get_nlp
from nlp.tokenizer import make_nlp

TRICKY = [
    "Dinas  Sosial\n\nKab. Bandung\tİSTANBUL Kelvin \u212aecamatan ΟΔΟΣ ſ ß straße ",
    "FKUB Kecamatan Sukajadi dan PPS DESA Baru, BPD Desa Lama;  \n  LKM (Lembaga) LKM.",
    "  12/BPBD/IX/2020 ke-7 dua Unit 29 Puskesmas No. 5 Polsek 2024 V/3 se-Kota ",
    "",
    "x",
]
SAMPLES = [p.read_text(encoding="utf-8") for p in sorted(Path("samples").glob("*.txt"))]


@pytest.mark.parametrize("text", TRICKY + SAMPLES)
def test_word_table_is_the_tokens(text: str) -> None:
    doc = get_nlp()(text)
    w = agencies.Words(doc, text, _lower(text))
    for k, tok in enumerate(doc):
        assert (w.text[k], w.low[k], w.ws[k], w.idx[k]) == (
            tok.text,
            tok.lower_,
            len(tok.whitespace_),
            tok.idx,
        )
        assert agencies._like_num(tok.text) == tok.like_num
    for a in range(len(doc)):
        for b in range(a + 1, min(a + 4, len(doc)) + 1):
            span = doc[a:b]
            assert w.span(a, b) == (span.text, span.start_char, span.end_char)
            assert w.name(list(range(a, b))) == span.text.strip()
    if len(doc) > 1:
        assert w.text[-1] == doc[-1].text and w.low[-2] == doc[-2].lower_


@pytest.mark.parametrize("text", TRICKY + SAMPLES)
def test_word_lookups_find_every_token(text: str) -> None:
    doc = get_nlp()(text)
    w = agencies.Words(doc, text, _lower(text))
    units = agencies.LOCAL_UNITS
    assert w.at(units, lower=True) == [k for k, t in enumerate(doc) if t.lower_ in units]
    titled = [k for k in w.at(units, lower=True, title=True) if doc[k].is_title]
    assert titled == [k for k, t in enumerate(doc) if t.lower_ in units and t.is_title]
    words = ("LKM", "Desa", "Kab")
    assert w.at(words, lower=False) == [k for k, t in enumerate(doc) if t.text in words]


@pytest.mark.parametrize("text", TRICKY + SAMPLES)
def test_lower_case_lines_name_no_letterhead_level(text: str) -> None:
    """_stack skips the tokens of a line with a small letter when no level is above it."""
    doc = get_nlp()(text)
    w = agencies.Words(doc, text, _lower(text))
    heads = letterheads._heads()
    for line_start, line in _lines(text):
        stripped = line.strip()
        if not stripped or stripped == stripped.upper():
            continue
        a = line_start + len(line) - len(line.lstrip())
        span = doc.char_span(a, a + len(stripped), alignment_mode="expand")
        for head in ("", "kepolisian", "pemerintah"):
            assert letterheads._line_level(w, span.start, span.end, {}, head, heads) is None


def _lines(text: str) -> list[tuple[int, str]]:
    out, pos = [], 0
    for line in text.split("\n")[: letterheads.LETTERHEAD_LINES]:
        out.append((pos, line))
        pos += len(line) + 1
    return out


@pytest.fixture(scope="module")
def reference() -> tuple[Language, PhraseMatcher, dict[int, str]]:
    """What agencies matched with before _Patterns: a SpanRuler of agency_heads.jsonl and the
    fused titles, and a PhraseMatcher of the acronyms (their forms and expansions)."""
    nlp = make_nlp()
    ruler = nlp.add_pipe(
        "span_ruler",
        config={"spans_key": "heads", "overwrite": True, "phrase_matcher_attr": "LOWER"},
    )
    patterns = list(srsly.read_jsonl(agencies.DATA / "agency_heads.jsonl"))
    patterns += [
        {"label": "FUSED", "pattern": word, "id": org}
        for word, (kind, org) in agencies.titles().items()
        if kind == "fused"
    ]
    ruler.add_patterns(patterns)  # type: ignore[attr-defined]
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    keys = {}
    for key, acr in agencies.acronyms().items():
        forms = [acr.form]
        if len(acr.expansion.split()) > 1 and "(" not in acr.expansion:
            forms.append(acr.expansion)
        matcher.add(key, [nlp.make_doc(f) for f in forms])
        keys[nlp.vocab.strings.add(key)] = key
    return nlp, matcher, keys


SHARED = (
    "DPW PKB, Fraksi PKS pkb Pkb PBB; FKUB Kecamatan Sukajadi DESA Desa desa KELURAHAN Baru "
    "Dinas Pendidikan dan Dinas Kependudukan dan Pencatatan Sipil, Kementerian Pekerjaan Umum "
    "dan Perumahan Rakyat, Korps Brigade Mobil, PEMERINTAH DAERAH Pemerintah Provinsi\n"
    "Kantor Pencarian dan Pertolongan Kapolres Polres pemerintah daerah pos pam Dinas"
)


@pytest.mark.parametrize("text", [*TRICKY, SHARED, *SAMPLES])
def test_patterns_match_as_the_span_ruler_and_phrase_matcher(
    text: str, reference: tuple[Language, PhraseMatcher, dict[int, str]]
) -> None:
    nlp, matcher, keys = reference
    doc = nlp(text)
    ours = get_nlp()(text)  # (builds agencies._PATTERNS)
    w = agencies.Words(ours, text, _lower(text))
    found = agencies._PATTERNS[0].find(w)
    spans = doc.spans.get("heads", [])
    assert found.heads == [(sp.start, sp.end, sp.label_, sp.id_) for sp in spans]
    acronyms = agencies.acronyms()
    assert [(info[0], i, j) for info, i, j in found.acronyms] == [
        (acronyms[keys[match_id]], i, j) for match_id, i, j in matcher(doc)
    ]
    # the words Words.at found by str.find before
    forms = tuple(f for f, _ in agencies.parties()["ambiguous"].values())
    assert found.parties == w.at(forms, lower=False)
    units = agencies.LOCAL_UNITS
    assert found.units == [
        k for k, t in enumerate(ours) if t.lower_ in units and t.text[0].isupper()
    ]

"""The fast tokenizer must give exactly the stock `spacy.blank("id")` tokens.

Compared per token: text, trailing whitespace, character offset, norm and a few lexical
attributes. One fast pipeline is shared by all tests on purpose, so its caches and deferred
rules build up across texts as they do in the service. No timings here (see bench/).
"""

from __future__ import annotations

import pickle
import re
from functools import lru_cache
from pathlib import Path

import pytest
import spacy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.lang.id import Indonesian
from spacy.language import Language
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

from nlp.normalize import _CHARS, normalize
from nlp.tokenizer import (
    FastTokenizer,
    _InfixFinditer,
    _needs,
    _PrefixSearch,
    _SuffixSearch,
    _top_level_branches,
    _UrlMatch,
    make_nlp,
)

ROOT = Path(__file__).resolve().parent.parent
# The shared dev set sits next to the main checkout; read at test time only, never copied.
DEV = next((p / "shared/eval/dev" for p in ROOT.parents if (p / "shared/eval/dev").is_dir()), None)


@lru_cache(maxsize=1)
def stock() -> Language:
    return spacy.blank("id")


@lru_cache(maxsize=1)
def fast() -> Language:
    return make_nlp()


def signature(nlp: Language, text: str) -> list[tuple]:
    return [
        (t.text, t.whitespace_, t.idx, t.norm_, t.like_num, t.is_punct, t.shape_)
        for t in nlp.tokenizer(text)
    ]


def assert_same(text: str, nlp: Language | None = None) -> None:
    assert signature(nlp or fast(), text) == signature(stock(), text), text


# Sentences written for these tests: exceptions (abbreviations, titles, reduplication with
# "-"), affixes, infixes, numbers, dates, URLs, e-mail, HTML, emoji and odd whitespace.
OWN_TEXTS = [
    "Kapolsek, AKP Budi S.H., M.H., memimpin apel pagi pukul 07.30 WIB di halaman Mapolsek.",
    "Anak-anak dan ibu-ibu (sekitar 40 orang) mengikuti kegiatan, dll. di Jl. Merdeka No. 5.",
    "Kegiatan berlangsung 12-14 Maret 2021 s.d. 20/3/2021; anggaran Rp 1.500.000,- (satu juta).",
    "ANAK-ANAK, Anak-Anak, anak-anaknya, (anak-anak), anak -anak, anak - anak, anak--anak.",
    "Info: https://polres.example.go.id/berita?id=12&x=3, surel humas@example.go.id!",
    'Dr. med Anton dan Prof. Dr. rer. nat. Sari berkata: "Kami siap!" 😀👍 #Polri @humas',
    "Ketua RT.05/RW.02, Kel. Sukamaju, Kec. Cibeunying; 3x seminggu, 25% peserta, 1,5 km.",
    "<b>Berita</b> <a href='x'>klik</a> pada<a b>teks</a> dan a<ab>c serta <br/> selesai.",
    "  spasi  ganda\n\nbaris baru\tdan tab \u00a0 nbsp;   akhir  ",
    "Jum'at, 5 Mei 2023 — Kades Sidomulyo (Kab. Demak) menyerahkan 150 paket sembako.",
    "tanggal 17-08-1945, pukul 10:00-12:00 WITA, kelas 7-A, RT 03/04, No.HP 0812-3456-7890",
    "sebaik-baiknya, sebesar-besarnya, kupu-kupu, gotong-royong, E-KTP, e-mail, Go-Jek.",
    "",
    " ",
    "-",
    "a.n. Kapolres, u.p. Kasat Binmas; ttd. dkk. dsb. dst. hlm. 3 a.l. (dll.)",
]


@pytest.mark.parametrize("text", OWN_TEXTS)
def test_same_tokens_as_stock_on_own_texts(text):
    assert_same(text)
    assert_same(normalize(text).text)


def test_same_tokens_as_stock_on_samples(samples_dir):
    texts = sorted(samples_dir.glob("*.txt"))
    assert texts
    for path in texts:
        text = path.read_text(encoding="utf-8")
        assert_same(text)
        assert_same(normalize(text).text)


@pytest.mark.skipif(DEV is None, reason="no shared dev set next to the checkout")
def test_same_tokens_as_stock_on_dev_texts():
    paths = sorted(DEV.glob("*.txt"))
    assert paths
    texts = [p.read_text(encoding="utf-8") for p in paths]
    for text in texts:
        assert_same(text)
        assert_same(normalize(text).text)
    # a fresh tokenizer seeing the texts in another order (different cache history)
    other = make_nlp()
    for text in reversed(texts):
        assert_same(text, other)


def test_pipeline_is_the_indonesian_language_with_the_fast_tokenizer():
    nlp = make_nlp()
    assert nlp.lang == "id"
    assert isinstance(nlp, Indonesian)
    assert isinstance(nlp.tokenizer, FastTokenizer)
    assert nlp.pipe_names == []
    # deferred rules still count as rules
    assert nlp.tokenizer.rules.keys() == stock().tokenizer.rules.keys()


@pytest.mark.parametrize(
    "text",
    ["Anak-anak (ibu-ibu) hadir, dll.", "a<ab>c <a x>y", "kupu-kupu 12-3-2021 Dr. med X"],
)
def test_explain_matches_stock(text):
    assert make_nlp().tokenizer.explain(text) == stock().tokenizer.explain(text)


def test_survives_bytes_and_pickle_round_trips():
    text = OWN_TEXTS[1] + " " + OWN_TEXTS[3]
    nlp = make_nlp()
    nlp(text)
    restored = make_nlp()
    restored.tokenizer.from_bytes(nlp.tokenizer.to_bytes())
    assert_same(text, restored)
    nlp.tokenizer = pickle.loads(pickle.dumps(nlp.tokenizer))
    assert_same(text, nlp)


def test_changing_rules_after_use_still_matches_stock():
    nlp, ref = make_nlp(), spacy.blank("id")
    text = "Anak-anak Polsek-Polsek ikut, anak-anak."
    nlp(text)
    for tok in (nlp.tokenizer, ref.tokenizer):
        tok.add_special_case("Polsek-Polsek", [{"ORTH": "Polsek"}, {"ORTH": "-Polsek"}])
        tok.add_special_case("anak-anak", [{"ORTH": "anak"}, {"ORTH": "-anak"}])
        tok.add_special_case("ibu-ibu", [{"ORTH": "ibu-"}, {"ORTH": "ibu"}])  # still deferred
    for t in (text, "Ibu-ibu dan ibu-ibu, (anak-anak)"):
        assert signature(nlp, t) == signature(ref, t)


def test_memory_zones_need_the_deferred_rules_loaded_first():
    nlp = make_nlp()
    with pytest.raises(RuntimeError), nlp.memory_zone():
        nlp("Anak-anak hadir.")
    nlp.tokenizer.load_deferred()
    assert not nlp.tokenizer._pending
    with nlp.memory_zone():
        assert signature(nlp, OWN_TEXTS[3]) == signature(stock(), OWN_TEXTS[3])
    assert_same(OWN_TEXTS[3], nlp)


@pytest.mark.parametrize(
    "pattern, branches",
    [
        ("a|b", ["a", "b"]),
        ("(a|b)|c", ["(a|b)", "c"]),
        (r"[|]|\||x", ["[|]", r"\|", "x"]),
        ("[]|]y|z", ["[]|]y", "z"]),
        ("<(b|i)\\s?/>|<a([^>]+)>", ["<(b|i)\\s?/>", "<a([^>]+)>"]),
    ],
)
def test_top_level_branches(pattern, branches):
    assert _top_level_branches(pattern) == branches


PREFIXES = Indonesian.Defaults.prefixes
STOCK_PREFIX = compile_prefix_regex(PREFIXES).search
FAST_PREFIX = _PrefixSearch(PREFIXES)


def _span(m: re.Match | None) -> tuple[int, int] | None:
    return None if m is None else m.span()


# Characters the rules care about, plus letters and digits.
PUNCT = list("()[]{}<>\"'.,;:!?-/\\%$#@&*+=_~`") + ["—", "…", "Rp", "US$", "<a x>", "<br/>", "</b>"]
WORDS = [
    "anak", "Anak", "ANAK", "ibu", "kupu", "baik", "sebaik", "baiknya", "nya", "ku", "mu",
    "E", "e", "mail", "KTP", "Go", "Jek", "Dr", "med", "S.H", "dll", "a.n", "s.d", "Jl",
    "No", "Kab", "12", "2021", "1.500", "07.30", "3x", "25%", "km", "juta", "http://a.id/x",
    "www.polri.go.id", "x@y.id", "😀", "👍🏽", "Jum'at", "RT.05", "0812-3456",
]  # fmt: skip
SEPARATORS = ["", "", "", " ", " ", "  ", "\n", "\t", "\u00a0", "-", "-", "--", " - ", "/"]
pieces = st.sampled_from(WORDS + PUNCT + SEPARATORS)
texts = st.lists(pieces, max_size=40).map("".join)
any_text = st.one_of(texts, st.text(max_size=60))


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_text)
def test_same_tokens_as_stock_on_generated_text(text):
    assert_same(text)


@settings(max_examples=400, deadline=None)
@given(st.one_of(texts, st.text(max_size=30)))
def test_prefix_search_matches_stock(text):
    assert _span(FAST_PREFIX(text)) == _span(STOCK_PREFIX(text))


SUFFIXES, INFIXES = Indonesian.Defaults.suffixes, Indonesian.Defaults.infixes
STOCK_SUFFIX, FAST_SUFFIX = compile_suffix_regex(SUFFIXES).search, _SuffixSearch(SUFFIXES)
STOCK_INFIX, FAST_INFIX = compile_infix_regex(INFIXES).finditer, _InfixFinditer(INFIXES)
# Words the suffix and infix rules care about: units after digits, "-nya", "'s", dots.
AFFIXED = ["12km", "5kg", "3m²", "20%", "10+", "°C.", "rumah-nya", "Budi's", "a..", "....",
           "1/2", "3-4", "a/b", "x,y", "N.", "a.", "Rp", "()", "«»", "2x", "tahun-Ku"]  # fmt: skip
affixed = st.lists(st.sampled_from(WORDS + PUNCT + AFFIXED), max_size=6).map("".join)


@settings(max_examples=500, deadline=None)
@given(st.one_of(affixed, st.text(max_size=12)))
def test_suffix_search_matches_stock(text):
    # every end character has its own branch subset, so also try each shorter ending
    for cut in range(len(text) + 1):
        assert _span(FAST_SUFFIX(text[:cut])) == _span(STOCK_SUFFIX(text[:cut]))


@settings(max_examples=500, deadline=None)
@given(st.one_of(affixed, st.text(max_size=20)))
def test_infix_finditer_matches_stock(text):
    assert [m.span() for m in FAST_INFIX(text)] == [m.span() for m in STOCK_INFIX(text)]


def test_suffix_and_infix_agree_with_stock_on_every_real_word(samples_dir):
    paths = sorted(samples_dir.glob("*.txt")) + (sorted(DEV.glob("*.txt")) if DEV else [])
    words = {w for p in paths for w in p.read_text(encoding="utf-8").split()}
    for word in words:
        for piece in {word[i:] for i in range(len(word))} | {word[:i] for i in range(len(word))}:
            assert _span(FAST_SUFFIX(piece)) == _span(STOCK_SUFFIX(piece)), piece
            fast = [m.span() for m in FAST_INFIX(piece)]
            assert fast == [m.span() for m in STOCK_INFIX(piece)], piece


STOCK_URL = Indonesian.Defaults.url_match
FAST_URL = _UrlMatch(STOCK_URL)
URLISH = ["http://", "https://a.id", "www.", "polri.go.id", "x@y.id", "192.168.1.1", "10.0.0.1",
          "1.2.3.4", "a.b", ".id", "go.id/berita?x=1", "localhost", ":8080", "/a", "#b", "é.ß"]  # fmt: skip
urlish = st.lists(st.sampled_from(WORDS + PUNCT + URLISH), max_size=6).map("".join)


def test_url_match_needs_a_dot():
    assert FAST_URL._needs == {"."}  # a host name or an IP address: the gate is not empty


@settings(max_examples=500, deadline=None)
@given(st.one_of(urlish, st.text(max_size=20)))
def test_url_match_matches_stock(text):
    assert _span(FAST_URL(text)) == _span(STOCK_URL(text))


def test_url_match_agrees_with_stock_on_every_real_word(samples_dir):
    paths = sorted(samples_dir.glob("*.txt")) + (sorted(DEV.glob("*.txt")) if DEV else [])
    words = {w for p in paths for w in p.read_text(encoding="utf-8").split()}
    for word in words | set(URLISH):
        assert _span(FAST_URL(word)) == _span(STOCK_URL(word)), word


@pytest.mark.parametrize(
    ("pattern", "needs"),
    [("abc", "a"), ("a|b", "ab"), ("ab|cd", "ac"), ("x?(?:yz)?", None), ("[.]q+", "."),
     ("(?<=[0-9])km", "k"), ("(?<=[0-9])(?:km|m)$", "km"), ("(?<=[ab])(?:km|mx|xy|yq|zz)$", "ab"),
     ("(?!a)b", "b"), ("a*b{0,2}c{2}", "c"), (".x", "x"), (".", None), ("\\d", None)],
)  # fmt: skip
def test_needs(pattern, needs):
    found = _needs(re._parser.parse(pattern))
    assert (None if found is None else "".join(sorted(found))) == needs


# normalize() replaces characters one `str.replace` at a time; that equals a translate only
# while no replacement is itself replaced.
@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*_CHARS, *_CHARS.values(), "a", " ", "¬", "â€"])).map("".join))
def test_normalize_chars_equal_a_translate(text):
    from nlp.normalize import normalize as norm

    assert not set(_CHARS.values()) & set(_CHARS)
    expected = text.translate(str.maketrans(_CHARS))
    if "¬" not in expected and "â€" not in expected and "Â" not in expected:
        assert norm(text).text == expected


# Suffixes are split off one at a time: each search now starts near the end of the string
# (module doc, 4); a long run of punctuation exercises exactly that.
@pytest.mark.parametrize("unit", [".,", ",", "-", "(", ")", "!?", "..,", '"', "a.", "1/", "‘’"])
def test_same_tokens_as_stock_on_punctuation_runs(unit):
    assert_same("x " + unit * (600 // len(unit)) + " y")

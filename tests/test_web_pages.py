"""The web pages through Flask's test client: rendering, escaping, language, facets, links.

Texts go through the real extractor (nlp); assertions are mostly about kinds of facts
(a place, an agency) and how the pages show them.
"""

import io
import re
from html import unescape
from html.parser import HTMLParser
from urllib.parse import parse_qs, urlsplit

import pytest
from conftest import create_key

from service import create_app
from service.web import highlight, i18n

EVIL = "<script>alert(1)</script>"
EVIL_NAME = "<img src=x onerror=alert(1)>.txt"  # no slash: file names are basenames


class Page(HTMLParser):
    """Collects marks (checking they nest), links and elements with an id."""

    def __init__(self, html: str):
        super().__init__()
        self.stack: list[str] = []
        self.marks: list[dict] = []  # each: attrs + its text
        self.links: list[dict] = []
        self.ids: set[str] = set()
        self.open_marks: list[dict] = []
        self.feed(html)
        assert not self.open_marks, "unclosed <mark>"

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "mark":
            mark = {**attrs, "text": ""}
            self.marks.append(mark)
            self.open_marks.append(mark)
        if tag == "a":
            self.links.append({**attrs, "text": ""})
            self.stack.append("a")

    def handle_endtag(self, tag):
        if tag == "mark":
            assert self.open_marks, "</mark> without <mark>"
            self.open_marks.pop()
        if tag == "a" and self.stack:
            self.stack.pop()

    def handle_data(self, data):
        for mark in self.open_marks:
            mark["text"] += data
        if self.stack and self.links:
            self.links[-1]["text"] += data

    def facet_links(self, name: str) -> list[dict]:
        return [a for a in self.links if name in parse_qs(urlsplit(a.get("href", "")).query)]


@pytest.fixture
def loaded(app, client, samples_dir):
    """The app with every text and PDF sample uploaded through the API."""
    headers = {"Authorization": f"Bearer {create_key(app)}"}
    ids = []
    for path in sorted(samples_dir.iterdir()):
        if path.suffix in (".txt", ".pdf"):
            with path.open("rb") as fh:
                answer = client.post(
                    "/api/reports", data={"file": (fh, path.name)}, headers=headers
                )
            assert answer.status_code == 201, answer.json
            ids.append(answer.json["report"]["id"])
    return client, ids, headers


def text_of(response) -> str:
    assert response.mimetype == "text/html"
    return response.get_data(as_text=True)


def test_pages_render_with_a_strict_content_security_policy(loaded):
    client, ids, _ = loaded
    for url in ("/", "/?q=narkoba", "/upload", f"/reports/{ids[0]}"):
        response = client.get(url)
        assert response.status_code == 200, url
        html = text_of(response)
        assert '<meta name="viewport"' in html
        assert "script-src 'self'" in response.headers["Content-Security-Policy"]
        assert "<script>" not in html  # no inline script anywhere: CSP forbids it


def test_static_files_are_served(client):
    html = text_of(client.get("/upload"))
    for name in ("arsip.css", "upload.js"):
        url = re.search(rf'"(/assets/{name}\?v=\w+)"', html).group(1)
        assert client.get(url).status_code == 200


def test_empty_archive_points_to_upload(client):
    html = text_of(client.get("/"))
    assert i18n.STRINGS["id"]["empty_archive"] in html
    assert 'href="/upload"' in html


def test_a_document_never_reaches_the_page_unescaped(app, client):
    headers = {"Authorization": f"Bearer {create_key(app)}"}
    text = (
        f"Laporan {EVIL} kegiatan\n"
        f"Polres Malang{EVIL} menggelar razia di Kabupaten Malang pada 4 Juni 2022, "
        f"diikuti 40 personel. <b onmouseover=alert(2)>tebal</b>"
    )
    answer = client.post(
        "/api/reports", json={"text": text, "title": f"Judul {EVIL}"}, headers=headers
    )
    assert answer.status_code == 201
    by_text = answer.json["report"]["id"]
    answer = client.post(
        "/api/reports",
        data={"file": (io.BytesIO(text.encode() + b" berkas"), EVIL_NAME)},
        headers=headers,
    )
    assert answer.status_code == 201
    by_file = answer.json["report"]["id"]
    pages = [
        f"/reports/{by_text}",
        f"/reports/{by_file}",
        "/?q=alert",
        "/?q=razia&sort=-uploaded",
        f"/?q={EVIL}",
        f"/?agency={EVIL}&place={EVIL}",
    ]
    for url in pages:
        html = text_of(client.get(url))
        assert "<script>alert" not in html, url
        assert "<b onmouseover" not in html and "<img src=x" not in html, url
    record = text_of(client.get(f"/reports/{by_text}"))
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in record
    assert f"Judul {EVIL}" in unescape(record)
    assert EVIL_NAME in unescape(text_of(client.get(f"/reports/{by_file}")))


QUOTE_EVIL = "\"'><svg onload=alert(3)>"  # breaks out of an attribute if unescaped


def test_metadata_and_entity_names_never_reach_the_page_unescaped(app, client):
    """Collection, source and URL fields, names with quotes (attribute context: facet
    links, title="" of marks), a multipart file name and a title with markup."""
    headers = {"Authorization": f"Bearer {create_key(app)}"}
    meta = {
        "title": f"Rapat {QUOTE_EVIL}",
        "collection": f"koleksi {EVIL}",
        "source": f"sumber {QUOTE_EVIL}",
        "original_url": "javascript:alert(4)",
    }
    text = (
        f"Laporan rapat {QUOTE_EVIL}\nPolres Malang menggelar rapat di Kabupaten Malang "
        "pada 4 Juni 2022, diikuti 40 personel."
    )
    answer = client.post(
        "/api/reports",
        data={"file": (io.BytesIO(text.encode()), f"rapat{QUOTE_EVIL}.txt"), **meta},
        headers=headers,
    )
    assert answer.status_code == 201, answer.json
    rid = answer.json["report"]["id"]
    for url in (
        f"/reports/{rid}",
        "/?q=rapat",
        f"/?q=rapat&agency={QUOTE_EVIL}",
        f"/?place={QUOTE_EVIL}&date_from={QUOTE_EVIL}",
        f"/reports/{rid}?lang=en",
    ):
        html = text_of(client.get(url))
        assert "<svg" not in html and "<script>alert" not in html, url
        assert 'href="javascript:' not in html, url
    record = text_of(client.get(f"/reports/{rid}"))
    assert "sumber &#34;&#39;&gt;&lt;svg" in record or "sumber &quot;&#39;&gt;&lt;svg" in record
    assert f"koleksi {EVIL}" in unescape(record)


def test_record_highlights_every_fact_by_type(loaded):
    client, ids, _ = loaded
    seen_kinds = set()
    for report_id in ids:
        stored = client.get(f"/api/reports/{report_id}").json["report"]
        page = Page(text_of(client.get(f"/reports/{report_id}")))
        for table, kind in highlight.KINDS.items():
            for fact in stored["facts"][table]:
                anchor = f"f-{kind}-{fact['id']}"
                assert anchor in page.ids, anchor
                mark = next(m for m in page.marks if m.get("id") == anchor)
                assert f"fact-{kind}" in mark["class"].split()
                assert mark["text"] == fact["text"]
                seen_kinds.add(kind)
    assert {"place", "agency"} <= seen_kinds  # the samples name places and agencies


def test_record_side_table_links_to_reports_sharing_a_fact(loaded):
    client, ids, _ = loaded
    stored = {i: client.get(f"/api/reports/{i}").json["report"] for i in ids}
    with_agency = next(i for i in ids if stored[i]["facts"]["agencies"])
    page = Page(text_of(client.get(f"/reports/{with_agency}")))
    agency = stored[with_agency]["facts"]["agencies"][0]["name"]
    link = next(a for a in page.facet_links("agency") if a["text"].startswith(agency))
    listing = text_of(client.get(link["href"]))
    assert f'href="/reports/{with_agency}"' in listing
    with_place = next(i for i in ids if stored[i]["facts"]["places"])
    page = Page(text_of(client.get(f"/reports/{with_place}")))
    assert page.facet_links("place")
    listing = text_of(client.get(page.facet_links("place")[0]["href"]))
    assert f'href="/reports/{with_place}"' in listing


def test_facet_links_filter_and_can_be_removed(loaded):
    client, ids, _ = loaded
    html = text_of(client.get("/"))
    everything = len(re.findall(r'<li class="result">', html))
    assert everything == len(ids)
    page = Page(html)
    for name in ("agency", "place"):
        section = re.search(rf'data-facet="{name}">(.*?)</section>', html, re.S).group(1)
        links = Page(section).links
        assert links, f"the {name} facet lists nothing"
        chosen = links[0]
        filtered = text_of(client.get(unescape(chosen["href"])))
        count = len(re.findall(r'<li class="result">', filtered))
        assert 0 < count <= everything
        assert int(chosen["text"].split()[-1]) == count  # the facet's count is the result count
        chip = Page(re.search(r'<ul class="chips">(.*?)</ul>', filtered, re.S).group(1)).links[0]
        back = text_of(client.get(unescape(chip["href"])))
        assert len(re.findall(r'<li class="result">', back)) == everything
    assert page.facet_links("agency")


def test_year_and_participant_facets(loaded):
    client, _, _ = loaded
    html = text_of(client.get("/"))
    for name in ("year", "participants"):
        section = re.search(rf'data-facet="{name}">(.*?)</section>', html, re.S).group(1)
        links = Page(section).links
        assert links, name
        filtered = text_of(client.get(unescape(links[0]["href"])))
        assert int(links[0]["text"].split()[-1]) == len(
            re.findall(r'<li class="result">', filtered)
        )


def test_search_query_snippet_pagination_and_export_links(app, loaded):
    client, ids, _ = loaded
    app.config["PAGE_SIZE"] = 1
    html = text_of(client.get("/?q=narkoba"))
    assert "<mark>" in html  # the matched word in the snippet
    page = Page(html)
    export = {a["href"] for a in page.links if "/api/export." in a.get("href", "")}
    assert {urlsplit(unescape(h)).path for h in export} == {"/api/export.csv", "/api/export.json"}
    assert all(parse_qs(urlsplit(unescape(h)).query)["q"] == ["narkoba"] for h in export)
    csv = client.get(unescape(sorted(export)[0]))
    assert csv.status_code == 200 and "narkoba" in csv.get_data(as_text=True).lower()
    nxt = next(a["href"] for a in page.links if a.get("rel") == "next")
    assert parse_qs(urlsplit(unescape(nxt)).query) == {"q": ["narkoba"], "page": ["2"]}
    assert 'rel="prev"' in text_of(client.get(unescape(nxt)))


def test_bad_parameters_show_a_message_not_an_error(loaded):
    client, _, _ = loaded
    for url in ("/?min_participants=banyak", "/?date_from=kemarin", "/?q=%22%22", "/?page=x"):
        response = client.get(url)
        assert response.status_code == 200, url
    assert 'class="notice error"' in text_of(client.get("/?date_from=kemarin"))


def test_unknown_record_is_an_html_404(client):
    response = client.get("/reports/999")
    assert response.status_code == 404
    assert client.get("/reports/99999999999999999999").status_code == 404
    assert i18n.STRINGS["id"]["not_found"] in text_of(response)


def test_language_default_switch_and_cookie(client):
    html = text_of(client.get("/"))
    assert '<html lang="id">' in html and ">Unggah<" in html
    response = client.get("/?lang=en")
    assert '<html lang="en">' in text_of(response) and ">Upload<" in text_of(response)
    assert "lang=en" in response.headers["Set-Cookie"]
    assert '<html lang="en">' in text_of(client.get("/upload"))  # remembered
    assert '<html lang="id">' in text_of(client.get("/upload?lang=id"))
    assert '<html lang="id">' in text_of(client.get("/?lang=xx"))


def test_language_tables_have_the_same_keys():
    assert set(i18n.STRINGS["id"]) == set(i18n.STRINGS["en"])


def test_upload_page_asks_for_a_key_only_when_writes_need_one(tmp_path):
    for need, expected in ((True, True), (False, False)):
        app = create_app({"DATA_DIR": str(tmp_path / str(need)), "WRITES_NEED_KEY": need})
        html = text_of(app.test_client().get("/upload"))
        assert ('id="api-key"' in html) is expected
        assert 'type="file" multiple' in html


def test_pages_refuse_when_reads_need_a_key(tmp_path):
    app = create_app({"DATA_DIR": str(tmp_path), "READS_NEED_KEY": True})
    client = app.test_client()
    assert client.get("/").status_code == 401
    assert client.get("/reports/1").status_code == 401


# ---------------------------------------------------------------- highlight (unit)


def span(start, end, kind, name):
    return highlight.Span(start, end, kind, name, name)


@pytest.mark.parametrize(
    "spans",
    [
        [],
        [span(0, 4, "agency", "a")],
        [span(0, 12, "agency", "a"), span(7, 12, "place", "p")],  # nested
        [span(0, 9, "agency", "a"), span(5, 14, "place", "p")],  # crossing
        [span(3, 8, "date", "d"), span(3, 8, "count", "c")],  # same span
    ],
)
def test_highlight_nests_and_keeps_the_text(spans):
    text = "Pol<res> & Malang"
    html = str(highlight.highlight(text, spans))
    page = Page(html)
    outside_marks = re.sub(r"</?mark[^>]*>", "", html)
    assert unescape(outside_marks) == text
    assert "<" not in outside_marks and ">" not in outside_marks
    for s in spans:
        assert s.anchor in page.ids
        assert next(m for m in page.marks if m.get("id") == s.anchor)["text"]


def test_facts_with_wrong_offsets_are_not_highlighted():
    text = "Polres Malang di Kabupaten Malang"
    facts = {
        "agencies": [{"id": 1, "text": "Polres Malang", "start": 0, "end": 13, "name": "x"}],
        "places": [{"id": 2, "text": "Kabupaten Malang", "start": 0, "end": 16, "name": "y"}],
    }
    spans, broken = highlight.spans_of(text, facts)
    assert [s.anchor for s in spans] == ["f-agency-1"] and broken == {"f-place-2"}


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (None, None),
        ("a <b> \x02kata\x03 c", "a &lt;b&gt; <mark>kata</mark> c"),
        ("\x02<i>\x03", "<mark>&lt;i&gt;</mark>"),
        ("x\x03 y", "x y"),
    ],
)
def test_snippet_escapes_all_but_the_match_marks(raw, expected):
    result = highlight.snippet(raw, "\x02", "\x03")
    assert (None if result is None else str(result)) == expected

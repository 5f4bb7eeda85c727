"""The web pages in a real browser: Playwright driving Debian's chromium against `arsip serve`.

Upload through the page (per-file results), search, click a facet, open a record and see a
highlighted fact; the phone-width layout never scrolls sideways. The server is the one
test_e2e_server.py starts (real gunicorn, temp ARSIP_DATA_DIR, an API key for writes).
"""

import os
import re

import pytest
from conftest import SAMPLES
from test_e2e_server import call, multipart, server  # noqa: F401  (the server fixture, reused)

CHROMIUM = "/usr/bin/chromium"
if not os.path.exists(CHROMIUM):
    pytest.skip(
        f"{CHROMIUM} is absent (apt-get install -y chromium) - browser tests skipped",
        allow_module_level=True,
    )
sync_api = pytest.importorskip("playwright.sync_api", reason="pip install playwright")

ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
FILES = [SAMPLES / "sosialisasi-narkoba-malang.txt", SAMPLES / "bakti-sosial-banjir-demak.txt"]
SHOTS = os.environ.get("ARSIP_SCREENSHOTS", "/tmp")


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(20_000)
    problems: list[str] = []  # script errors and CSP violations ("Refused to ...")

    def console(message):
        # HTTP errors are logged too ("Failed to load resource"); the failed upload is one.
        if message.type == "error" and not message.text.startswith("Failed to load resource"):
            problems.append(message.text)

    page.on("console", console)
    page.on("pageerror", lambda ex: problems.append(str(ex)))
    yield page
    context.close()
    assert not problems, problems


def results(page) -> int:
    return page.locator("li.result").count()


def test_upload_search_facet_record(server, page):  # noqa: F811
    base, key = server
    page.goto(base + "/upload")
    assert page.locator("html").get_attribute("lang") == "id"
    page.fill("#api-key", key)
    page.set_input_files("#files", [str(p) for p in FILES])
    done = page.locator(".upload-item[data-result]")
    done.nth(1).wait_for()
    assert done.count() == 2
    for index, path in enumerate(FILES):
        item = done.nth(index)
        assert item.locator(".name").inner_text() == path.name
        assert item.get_attribute("data-result") == "new"
        assert item.locator("progress").get_attribute("value") == "100"
        assert item.locator("a.open").get_attribute("href").startswith("/reports/")
    # Again the first file (duplicate) and an empty one (failed, with the server's reason).
    empty = {"name": "kosong.txt", "mimeType": "text/plain", "buffer": b"   "}
    again = {"name": FILES[0].name, "mimeType": "text/plain", "buffer": FILES[0].read_bytes()}
    page.set_input_files("#files", [again, empty])
    done.nth(3).wait_for()
    assert done.nth(2).get_attribute("data-result") == "duplicate"
    assert done.nth(3).get_attribute("data-result") == "failed"
    assert done.nth(3).locator(".reason").inner_text().strip()
    page.screenshot(path=os.path.join(SHOTS, "arsip-upload.png"), full_page=True)

    page.click("header nav >> text=Cari")
    page.fill("#q", "Kabupaten")
    page.click("form.searchbar button")
    page.wait_for_url(re.compile(r"q=Kabupaten"))
    found = results(page)
    assert found == 2
    facet = page.locator('[data-facet="agency"] a').first
    facet_count = int(facet.locator(".count").inner_text())
    facet.click()
    page.wait_for_url(re.compile(r"agency="))
    assert results(page) == facet_count and 0 < facet_count <= found
    assert page.locator(".chips a").first.is_visible()
    page.screenshot(path=os.path.join(SHOTS, "arsip-search.png"), full_page=True)

    page.locator("li.result h2 a").first.click()
    page.wait_for_url(re.compile(r"/reports/\d+$"))
    place = page.locator(".text mark.fact-place").first
    place.wait_for()
    assert place.is_visible() and place.inner_text().strip()
    assert page.locator(".text mark.fact-agency").first.is_visible()
    # The side table jumps to the fact in the text and links to reports sharing it.
    page.locator(".facts-place a.jump").first.click()
    assert page.locator(".text mark.fact-place:target").count() == 1
    page.screenshot(path=os.path.join(SHOTS, "arsip-record.png"), full_page=True)
    page.locator(".facts-agency a.share").first.click()
    page.wait_for_url(re.compile(r"/\?agency="))
    assert results(page) >= 1

    page.click(".langs a[lang=en]")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("header nav >> text=Search").is_visible()

    # The first report again in another file (same words, other bytes): new, but a copy,
    # and the search page's "hide copies" box leaves it out.
    page.goto(base + "/upload")
    page.fill("#api-key", key)
    copy = {
        "name": "salinan.txt",
        "mimeType": "text/plain",
        "buffer": FILES[0].read_bytes() + b"\n~",
    }
    page.set_input_files("#files", [copy])
    page.locator(".upload-item[data-result]").first.wait_for()
    item = page.locator(".upload-item[data-result]").first
    assert item.get_attribute("data-result") == "copy"
    assert re.search(r"#\d+", item.locator(".reason").inner_text())
    page.goto(base + "/?q=Kabupaten")
    assert results(page) == found + 1
    page.locator("details.more-filters summary").click()
    page.check("input[name=hide_copies]")
    page.locator("form.filter-form button[type=submit]").click()
    page.wait_for_url(re.compile(r"hide_copies=1"))
    assert results(page) == found


def test_phone_width_never_scrolls_sideways(server, browser):  # noqa: F811
    base, key = server
    body, kind = multipart(FILES[0].name, FILES[0].read_bytes(), {})  # duplicate if loaded
    status, _, _ = call(
        base + "/api/reports", body, {"Content-Type": kind, "Authorization": f"Bearer {key}"}
    )
    assert status in (200, 201)
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True)
    page = context.new_page()
    try:
        page.goto(base + "/?q=Kabupaten")
        record = page.locator("li.result h2 a").first.get_attribute("href")
        for url in ("/", "/?q=Kabupaten", record, "/upload"):
            page.goto(base + url)
            width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
            assert width[0] <= width[1], (url, width)
        page.goto(base + record)
        # One column: the fact tables come below the text, not beside it.
        text_box = page.locator("article.report-text").bounding_box()
        facts_box = page.locator("aside.fact-tables").bounding_box()
        assert facts_box["y"] >= text_box["y"] + text_box["height"]
        page.screenshot(path=os.path.join(SHOTS, "arsip-phone.png"), full_page=True)
    finally:
        context.close()

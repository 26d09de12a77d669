"""Browser tests of the embeddable chat widget (service/static/widget.js) in Debian chromium.

The widget talks to whatever the `service` fixture serves. Today that is a stub FastAPI app defined
here, which follows the HTTP contract (docs: /work/shared/CONTRACT.md) and records the JSON bodies it
receives; to test against the real service, make `service` start it instead and return its URL (the
tests that rely on stub-only answers say so in their docstrings).
"""

from __future__ import annotations

import asyncio
import html
import json
import socket
import threading
import time
from collections.abc import AsyncIterator, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

import pytest
import uvicorn
from fastapi import FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, StreamingResponse

pytestmark = pytest.mark.browser

STATIC = Path(__file__).resolve().parents[1] / "service" / "static"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
HOSTILE_QUOTE = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=1">'
ESSEX_QUOTE = "HM Inspectorate of Probation rated Essex Community Rehabilitation Company (CRC) as Requires improvement"

# ---------------------------------------------------------------- stub service


def _citation(n: int, body: str, report_id: str, quote: str, **extra: object) -> dict:
    title = f"An inspection of {body.replace('CRC', 'Community Rehabilitation Company')}"
    return {"n": n, "report_id": report_id, "body": body, "title": title, "published": "2018-10-10",
            "page": 1, "section": "Summary", "source": f"{report_id}.md", "quote": quote, **extra}


def stub_answer(question: str, session_id: str) -> dict:
    """A contract-shaped Answer chosen by keywords in the question."""
    q = question.lower()
    answer = {"abstained": False, "session_id": session_id, "items": [], "citations": []}
    if "hostile" in q:
        answer["answer"] = f"Quoted as text: {HOSTILE_QUOTE} [1]\n\n- <a href=\"javascript:alert(1)\">x</a> [1]"
        answer["citations"] = [_citation(1, "Essex CRC", "essex-crc-2018", HOSTILE_QUOTE,
                                         source="javascript:alert(1)")]
    elif "unpaid work" in q:
        answer["answer"] = ("One inspection raised a **risk concern** about unpaid work: Thames Valley CRC [1].\n\n"
                            "- London CRC: supervision of unpaid work was better than the year before [2]\n"
                            "- Merseyside CRC: unpaid work had improved since 2018 [3]")
        answer["citations"] = [
            _citation(1, "Thames Valley CRC", "thames-valley-crc-2018", "At Thames Valley CRC, the risk of harm was "
                      "not analysed before a person was placed on unpaid work, and individuals were sometimes not "
                      "safely placed.", published="2018", page=3, section="4. Unpaid work and Through the Gate",
                      source="https://www.justiceinspectorates.gov.uk/hmiprobation/"),
            _citation(2, "London CRC", "london-crc-2019", "The supervision of people doing unpaid work at London "
                      "CRC was better than the year before.", published="2019-08"),
            _citation(3, "Merseyside CRC", "merseyside-crc-2020", "Unpaid work at Merseyside CRC had improved "
                      "since the 2018 inspection.", published="2020-06", section="4. Unpaid work and Through the Gate"),
        ]
        answer["items"] = [{"body": "Thames Valley CRC", "report_id": "thames-valley-crc-2018", "published": "2018",
                            "verdict": "concern", "citations": [1], "finding": "risk of harm was not analysed"},
                           {"body": "London CRC", "report_id": "london-crc-2019", "verdict": "grade",
                            "published": "2019-08", "citations": [2], "finding": "rated good overall"},
                           {"body": "Merseyside CRC", "report_id": "merseyside-crc-2020", "verdict": "improved",
                            "published": "2020-06", "citations": [3]}]
    elif "compare" in q:
        answer["answer"] = ("Side by side, *as the reports grade them*:\n\n| | **Essex CRC** | **Wales CRC** |\n"
                            "|---|---|---|\n| Overall grade | requires improvement [1] | good [1] |")
        answer["citations"] = [_citation(1, "Essex CRC", "essex-crc-2018", ESSEX_QUOTE)]
    elif "formula" in q:
        answer["answer"] = "One report matches [1]."
        answer["citations"] = [_citation(1, "=HYPERLINK(\"http://x\")", "essex-crc-2018", "@SUM(1+1) said the report",
                                         url="/reports/essex-crc-2018/read?page=1#quote")]
        answer["items"] = [{"body": "=HYPERLINK(\"http://x\")", "report_id": "essex-crc-2018", "verdict": "concern",
                            "citations": [1], "finding": "-2+3", "published": "2018"}]
    elif "weather" in q:
        answer.update(answer="The reports do not say anything about the weather.", abstained=True)
    else:
        answer["answer"] = "Essex CRC was rated **Requires improvement** overall [1]."
        answer["citations"] = [_citation(1, "Essex CRC", "essex-crc-2018", ESSEX_QUOTE)]
    return answer


def _sse(event: str, data: object) -> str:
    return f"event: {event}\r\ndata: {json.dumps(data)}\r\n\r\n"


def build_stub_app(embed_origin: str) -> FastAPI:
    app = FastAPI()
    app.add_middleware(CORSMiddleware, allow_origins=[embed_origin], allow_methods=["*"], allow_headers=["*"])
    app.state.received = []

    def record(path: str, payload: dict, request: Request) -> str:
        app.state.received.append({"path": path, "origin": request.headers.get("origin"), **payload})
        return payload.get("session_id") or f"s-{len(app.state.received)}"

    @app.get("/")
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html")

    @app.get("/widget.js")
    def widget() -> FileResponse:
        return FileResponse(STATIC / "widget.js", media_type="text/javascript")

    @app.get("/about")
    def about() -> dict:
        return {"examples": ["Which CRCs had unpaid work risk concerns?", "Compare Essex CRC and Wales CRC"]}

    @app.get("/reports")
    def reports() -> dict:
        return {"reports": [{"report_id": "essex-crc-2018", "body": "Essex CRC",
                             "inspectorate": "HM Inspectorate of Probation"}]}

    @app.post("/ask")
    async def ask(request: Request) -> dict:
        payload = await request.json()
        return stub_answer(payload["question"], record("/ask", payload, request))

    @app.post("/ask/stream")
    async def ask_stream(request: Request):  # noqa: ANN202 - Response or StreamingResponse
        payload = await request.json()
        session_id = record("/ask/stream", payload, request)
        if "nostream" in payload["question"]:
            return JSONResponse({"detail": "streaming unavailable"}, status_code=503)
        answer = stub_answer(payload["question"], session_id)

        async def events() -> AsyncIterator[str]:
            yield _sse("status", {"message": "Reading the reports\u2026"})
            for i, word in enumerate(answer["answer"].split(" ")):
                await asyncio.sleep(0.2 if i == 1 else 0.002)  # a pause, so the first piece is seen alone
                yield _sse("token", {"text": word + " "})
            yield _sse("answer", answer)

        return StreamingResponse(events(), media_type="text/event-stream")

    return app


def build_host_app() -> FastAPI:
    """A third-party page (another origin) that embeds the widget with one script tag."""
    app = FastAPI()

    @app.get("/embed")
    def embed(script: str, api: str) -> HTMLResponse:
        tag = f'<script src="{html.escape(script)}" data-api="{html.escape(api)}"></script>'
        return HTMLResponse(f"<!doctype html><title>Host page</title><h1>Someone else's page</h1>{tag}")

    return app


# ---------------------------------------------------------------- servers and browser


def _bound_socket() -> socket.socket:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    return sock


@dataclass
class Running:
    url: str
    received: list[dict] | None = field(default=None)  # request bodies the stub saw (None for a real service)


def _serve(app: FastAPI, sock: socket.socket, lifespan: str = "off", wait_s: float = 10) -> Iterator[str]:
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan=lifespan))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + wait_s
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.02)
    try:
        yield "http://127.0.0.1:%d" % sock.getsockname()[1]
    finally:
        server.should_exit = True
        thread.join(5)


@pytest.fixture(scope="module")
def host_socket() -> socket.socket:
    return _bound_socket()


@pytest.fixture(scope="module")
def service(host_socket: socket.socket) -> Iterator[Running]:
    """The server under test: serves /, /widget.js, /ask and /ask/stream. Swap this for the real service."""
    host_origin = "http://127.0.0.1:%d" % host_socket.getsockname()[1]
    app = build_stub_app(embed_origin=host_origin)
    for url in _serve(app, _bound_socket()):
        yield Running(url, app.state.received)


@pytest.fixture(scope="module")
def host_page(host_socket: socket.socket) -> Iterator[str]:
    yield from _serve(build_host_app(), host_socket)


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.fail("Debian chromium is not at /usr/bin/chromium: run `make setup` (it installs it), or "
                    "`sudo apt-get install -y chromium`; the browser tests are never skipped")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@contextmanager
def checked_page(browser, width: int = 1000, timeout_ms: int = 10_000, **options):  # type: ignore[no-untyped-def]
    """A page in a fresh browser context that fails the test if any script on it throws."""
    context = browser.new_context(viewport={"width": width, "height": 900}, **options)
    page = context.new_page()
    page.set_default_timeout(timeout_ms)
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    yield page
    context.close()
    assert errors == [], f"JavaScript errors on the page: {errors}"


@pytest.fixture
def page(browser, service: Running):
    if service.received is not None:
        service.received.clear()
    with checked_page(browser) as page:
        yield page


def ask(page, question: str) -> None:
    page.locator("[data-testid=chat-input]").fill(question)
    page.locator("[data-testid=chat-input]").press("Enter")


def last_answer(page):
    """The finished answer to the latest question (waits for the final `answer` event)."""
    asked = page.locator("[data-testid=chat-question]").count()
    answer = page.locator("[data-testid=chat-answer][data-state=done]").nth(asked - 1)
    answer.wait_for()
    return answer


# ---------------------------------------------------------------- tests


def test_widget_script_is_small() -> None:
    assert (STATIC / "widget.js").stat().st_size < 50_000


def test_answer_streams_in_then_renders(page, service: Running) -> None:
    page.goto(service.url + "/")
    page.evaluate("""() => new MutationObserver(() => {
        const a = document.querySelector('[data-testid=chat-answer][data-state=streaming]');
        if (a && a.textContent.trim()) window.__streamed = a.textContent;
    }).observe(document.body, {subtree: true, childList: true, characterData: true})""")
    ask(page, "What overall rating did Essex CRC receive?")
    assert page.locator("[data-testid=chat-send]").is_disabled()
    answer = last_answer(page)
    assert page.evaluate("window.__streamed").startswith("Essex")
    assert "Requires improvement" in answer.inner_text()
    assert answer.locator("strong").first.inner_text() == "Requires improvement"
    assert page.locator("[data-testid=chat-send]").is_enabled()
    assert page.locator("[role=log][aria-live=polite]").count() == 1


def test_citation_toggles_quote_card(page, service: Running) -> None:
    page.goto(service.url + "/")
    ask(page, "What overall rating did Essex CRC receive?")
    cite = last_answer(page).locator("[data-testid=citation]").first
    assert cite.inner_text() == "[1]" and cite.get_attribute("aria-expanded") == "false"
    cite.click()
    card = page.locator("[data-testid=citation-quote]")
    assert ESSEX_QUOTE in card.inner_text()
    assert cite.get_attribute("aria-expanded") == "true"
    assert card.get_attribute("id") == cite.get_attribute("aria-controls")
    assert "10 October 2018" in card.inner_text() and "Page 1" in card.inner_text()
    assert card.locator("a").get_attribute("href") == service.url + "/essex-crc-2018.md"
    cite.click()
    assert card.count() == 0 and cite.get_attribute("aria-expanded") == "false"


def test_follow_up_sends_previous_session_id(page, service: Running) -> None:
    page.goto(service.url + "/")
    with page.expect_request("**/ask/stream") as first:
        ask(page, "What overall rating did Essex CRC receive?")
    last_answer(page)
    with page.expect_request("**/ask/stream") as second:
        ask(page, "And what about unpaid work there?")
    last_answer(page)
    assert "session_id" not in first.value.post_data_json
    assert second.value.post_data_json["session_id"] == "s-1"
    if service.received is not None:
        assert [r.get("session_id") for r in service.received] == [None, "s-1"]


def test_filters_are_sent_and_empty_ones_omitted(page, service: Running) -> None:
    page.goto(service.url + "/")
    page.get_by_label("Organisation").fill("Essex CRC")
    page.get_by_label("Published from").fill("2018")
    page.get_by_label("Published to").fill("2019")
    with page.expect_request("**/ask/stream") as sent:
        ask(page, "What overall rating did Essex CRC receive?")
    last_answer(page)
    assert sent.value.post_data_json["filters"] == {
        "body": "Essex CRC", "published_from": "2018-01-01", "published_to": "2019-12-31"}


def test_enter_sends_and_shift_enter_adds_a_line(page, service: Running) -> None:
    page.goto(service.url + "/")
    box = page.locator("[data-testid=chat-input]")
    box.fill("first line")
    box.press("Shift+Enter")
    box.type("second line")
    assert box.input_value() == "first line\nsecond line"
    assert page.locator("[data-testid=chat-question]").count() == 0
    page.locator("[data-testid=chat-send]").click()
    last_answer(page)
    assert page.locator("[data-testid=chat-question]").inner_text().endswith("first line\nsecond line")


def test_list_answer_renders_items_table(page, service: Running) -> None:
    """Stub-only: relies on the stub's three-row answer to an unpaid work question."""
    page.goto(service.url + "/")
    page.get_by_role("button", name="Which CRCs had unpaid work risk concerns?").click()
    rows = last_answer(page).locator("table tbody tr")
    assert rows.count() == 3
    assert rows.first.locator("td").first.inner_text() == "Thames Valley CRC"
    rows.nth(1).locator("[data-testid=citation]").click()
    assert "London CRC was better" in page.locator("[data-testid=citation-quote]").inner_text()


def test_abstained_answer_is_marked(page, service: Running) -> None:
    """Stub-only: the stub abstains on questions about the weather."""
    page.goto(service.url + "/")
    ask(page, "What was the weather like?")
    answer = last_answer(page)
    assert "Not in these reports" in answer.text_content()
    assert "ira-abstained" in answer.get_attribute("class")


def test_widget_embeds_on_another_origin(page, service: Running, host_page: str) -> None:
    page.goto(f"{host_page}/embed?script={quote(service.url + '/widget.js')}&api={quote(service.url)}")
    ask(page, "What overall rating did Essex CRC receive?")
    assert "Requires improvement" in last_answer(page).inner_text()
    if service.received is not None:
        assert service.received[-1]["origin"] == host_page


def test_hostile_report_text_stays_inert(page, service: Running) -> None:
    """Stub-only: the stub's 'hostile' answer carries markup and a javascript: source."""
    page.goto(service.url + "/")
    ask(page, "Show me the hostile quote")
    answer = last_answer(page)
    for cite in answer.locator("[data-testid=citation]").all():
        if cite.get_attribute("aria-expanded") == "false":
            cite.click()
    assert HOSTILE_QUOTE in page.locator("[data-testid=citation-quote]").first.inner_text()
    assert HOSTILE_QUOTE in answer.inner_text()
    page.wait_for_timeout(200)
    assert page.evaluate("typeof window.__pwned") == "undefined"
    widget = page.locator(".ira-root")
    assert widget.locator("script, img, iframe, [onerror]").count() == 0
    assert widget.locator("a[href^='javascript:' i]").count() == 0
    assert page.locator("[data-testid=citation-quote] a").count() == 0


def test_stream_failure_falls_back_to_plain_ask(page, service: Running) -> None:
    """Stub-only: the stub refuses to stream questions containing 'nostream'."""
    page.goto(service.url + "/")
    ask(page, "nostream: What overall rating did Essex CRC receive?")
    assert "Requires improvement" in last_answer(page).inner_text()
    assert [r["path"] for r in service.received] == ["/ask/stream", "/ask"]


def test_unreachable_service_shows_alert(page, host_page: str, service: Running) -> None:
    dead = _bound_socket()  # bound but never listening: connections are refused
    dead_url = "http://127.0.0.1:%d" % dead.getsockname()[1]
    try:
        page.goto(f"{host_page}/embed?script={quote(service.url + '/widget.js')}&api={quote(dead_url)}")
        ask(page, "Anything?")
        alert = page.locator("[role=alert]")
        alert.wait_for()
        assert alert.inner_text() == f"The service cannot be reached at {dead_url}. Check that it is running."
        assert page.locator("[data-testid=chat-send]").is_enabled()
    finally:
        dead.close()


def test_fits_a_narrow_screen(browser, service: Running) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 740})
    try:
        page = context.new_page()
        page.goto(service.url + "/")
        ask(page, "Which CRCs had unpaid work risk concerns?")
        last_answer(page).locator("[data-testid=citation]").first.click()
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
        box = page.locator("[data-testid=chat-send]").bounding_box()
        assert box is not None and box["x"] + box["width"] <= 360
    finally:
        context.close()


def test_examples_come_from_the_served_index(page, service: Running) -> None:
    page.goto(service.url + "/")
    chips = page.locator(".ira-chip")
    chips.first.wait_for()
    assert chips.all_inner_texts() == ["Which CRCs had unpaid work risk concerns?", "Compare Essex CRC and Wales CRC"]


def test_list_table_shows_date_and_finding_not_the_row_kind(page, service: Running) -> None:
    page.goto(service.url + "/")
    ask(page, "Which CRCs had unpaid work risk concerns?")
    rows = last_answer(page).locator("table tbody tr")
    assert rows.first.locator("td").nth(1).inner_text() == "2018"
    assert rows.nth(1).locator("td").nth(1).inner_text() == "August 2019"
    assert rows.nth(1).locator("td").nth(2).inner_text() == "rated good overall"
    assert "Concern" in rows.first.locator("td").nth(2).inner_text()
    assert "grade" not in rows.nth(1).locator("td").nth(2).inner_text().split()


def test_italics_and_markdown_tables_render_as_such(page, service: Running) -> None:
    page.goto(service.url + "/")
    ask(page, "compare Essex and Wales")
    answer = last_answer(page)
    assert answer.locator("em").inner_text() == "as the reports grade them"
    grid = answer.locator("table.ira-grid")
    assert grid.locator("th").all_inner_texts()[1:] == ["Essex CRC", "Wales CRC"]
    assert grid.locator("tr").count() == 2 and "*" not in answer.inner_text() and "|" not in answer.inner_text()


def test_a_bad_year_is_reported_and_nothing_is_sent(page, service: Running) -> None:
    page.goto(service.url + "/")
    page.get_by_label("Published from").fill("19")
    ask(page, "What overall rating did Essex CRC receive?")
    assert "not a year" in page.locator("[data-testid=filter-error]").inner_text()
    page.get_by_label("Published from").fill("2020")
    page.get_by_label("Published to").fill("2018")
    ask(page, "What overall rating did Essex CRC receive?")
    assert "swap" in page.locator("[data-testid=filter-error]").inner_text()
    assert page.locator("[data-testid=chat-question]").count() == 0 and service.received == []
    page.get_by_label("Published to").fill("2021")
    ask(page, "What overall rating did Essex CRC receive?")
    last_answer(page)
    assert page.locator("[data-testid=filter-error]").is_hidden()


def test_the_chat_survives_a_reload_until_new_chat(page, service: Running) -> None:
    page.goto(service.url + "/")
    ask(page, "What overall rating did Essex CRC receive?")
    last_answer(page)
    page.reload()
    answer = page.locator("[data-testid=chat-answer][data-state=done]")
    answer.first.wait_for()
    assert "Requires improvement" in answer.first.inner_text() and page.locator(".ira-chip").first.is_hidden()
    answer.first.locator("[data-testid=citation]").first.click()
    assert "Essex" in page.locator("[data-testid=citation-quote]").inner_text()
    with page.expect_request("**/ask/stream") as sent:
        ask(page, "And Wales?")
    assert sent.value.post_data_json["session_id"] == "s-1"  # the follow-up continues the restored conversation
    last_answer(page)
    page.get_by_role("button", name="New chat").click()
    page.reload()
    page.locator(".ira-chip").first.wait_for()
    assert page.locator("[data-testid=chat-answer]").count() == 0


def test_a_list_downloads_as_csv_with_formulas_made_inert(page, service: Running) -> None:
    """Stub-only: the stub's "formula" answer carries cells a spreadsheet would run."""
    import csv
    import io

    page.goto(service.url + "/")
    ask(page, "formula please")
    answer = last_answer(page)
    with page.expect_download() as download:
        answer.locator("[data-testid=download-csv]").click()
    rows = list(csv.DictReader(io.StringIO(open(download.value.path(), encoding="utf-8").read())))
    assert len(rows) == 1 and rows[0]["organisation"] == "'=HYPERLINK(\"http://x\")"
    assert rows[0]["finding"] == "'-2+3" and rows[0]["quote"] == "'@SUM(1+1) said the report"
    assert rows[0]["link"] == service.url + "/reports/essex-crc-2018/read?page=1#quote"

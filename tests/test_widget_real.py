"""The widget against the real service in Debian chromium: the demo corpus plus a hostile report."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import CORPUS
from tests.test_widget_browser import ask, browser, build_host_app, host_page, host_socket, last_answer  # noqa: F401
from tests.test_widget_browser import _bound_socket, _serve, checked_page

pytestmark = pytest.mark.browser

HOSTILE = """---
title: An inspection of Mallory CRC
body: Mallory CRC
inspectorate: HM Inspectorate of Probation
published: 2019-06-01
overall_rating: inadequate
---
# An inspection of Mallory CRC

## 4. Unpaid work and Through the Gate

Unpaid work at Mallory CRC was a risk concern <script>window.__pwned=1</script> because placements were unsafe.
Inspectors noted <img src=x onerror="window.__pwned=1"> unpaid work risk concerns and a [link](javascript:alert(1)).
"""


@pytest.fixture(scope="module")
def real_service(tmp_path_factory: pytest.TempPathFactory, embeddings, host_socket) -> Iterator[str]:  # noqa: F811
    from ingest.pipeline import Ingestor
    from ingest.settings import IndexSettings
    from service.app import create_app
    from service.settings import ServiceSettings

    folder = tmp_path_factory.mktemp("widget-corpus")
    shutil.copytree(CORPUS, folder / "corpus")
    (folder / "corpus" / "mallory-crc-2019.md").write_text(HOSTILE, encoding="utf-8")
    settings = IndexSettings(index_dir=folder / "index")
    Ingestor(settings, embeddings=embeddings).run([folder / "corpus"])
    host_origin = "http://127.0.0.1:%d" % host_socket.getsockname()[1]
    app = create_app(ServiceSettings(index=settings, cors_origins=[host_origin]), embeddings=embeddings)
    yield from _serve(app, _bound_socket(), lifespan="on", wait_s=60)


@pytest.fixture
def real_page(browser, real_service: str):  # noqa: F811
    with checked_page(browser, timeout_ms=20_000) as page:
        yield page


def test_real_answer_names_thames_valley_and_opens_its_quote(real_page, real_service: str) -> None:
    real_page.goto(real_service + "/")
    ask(real_page, "Which CRCs had unpaid work risk concerns?")
    answer = last_answer(real_page)
    assert "Thames Valley CRC" in answer.inner_text()
    citation = answer.locator("[data-testid=citation]").first
    citation.click()
    quote = real_page.locator("[data-testid=citation-quote]").first
    quote.wait_for()
    assert len(quote.inner_text()) > 20


def test_real_follow_up_and_hostile_report_stays_inert(real_page, real_service: str) -> None:
    real_page.goto(real_service + "/")
    ask(real_page, "What overall rating did Mallory CRC receive?")
    last_answer(real_page)
    ask(real_page, "And Essex?")
    follow_up = last_answer(real_page)
    assert "Essex" in follow_up.inner_text()
    for button in real_page.locator("[data-testid=citation]").all():
        button.click()
    assert real_page.evaluate("window.__pwned") is None
    assert real_page.locator(".ira-root script, [data-testid=chat-answer] img").count() == 0
    assert real_page.locator("a[href^='javascript:']").count() == 0


def test_real_widget_embeds_on_another_origin(real_page, real_service: str, host_page: str) -> None:  # noqa: F811
    real_page.goto(f"{host_page}/embed?script={real_service}/widget.js&api={real_service}")
    ask(real_page, "Which CRCs had unpaid work risk concerns?")
    assert "Thames Valley" in last_answer(real_page).inner_text()



def test_api_docs_render_with_no_network(real_page, real_service: str) -> None:
    """Swagger UI's assets come from this service: requests to any other host are refused and not needed."""
    elsewhere: list[str] = []

    def only_loopback(route) -> None:  # type: ignore[no-untyped-def]
        if route.request.url.startswith(real_service):
            route.continue_()
        else:
            elsewhere.append(route.request.url)
            route.abort()

    real_page.route("**/*", only_loopback)
    real_page.goto(real_service + "/docs")
    real_page.locator(".opblock-summary-path", has_text="/ask").first.wait_for()
    assert real_page.locator(".opblock").count() >= 6 and elsewhere == []
    assert "Inspection reports assistant" in real_page.locator(".title").first.inner_text()


def test_the_page_introduces_the_served_index_and_suggests_its_questions(real_page, real_service: str) -> None:
    real_page.goto(real_service + "/")
    about = real_page.locator("#index-about")
    real_page.wait_for_function("document.getElementById('index-about').textContent.includes('25 inspection')")
    assert "HM Inspectorate of Probation" in about.inner_text()
    assert "Merseyside CRC (2020)" in real_page.locator("#index-recent").inner_text()
    chips = real_page.locator(".ira-chip")
    chips.first.wait_for()
    first = chips.first.inner_text()
    chips.first.click()
    answer = last_answer(real_page)
    assert first and "Not in these reports" not in answer.inner_text()
    assert answer.locator("[data-testid=citation]").count() >= 1


def test_the_readable_source_view_keeps_hostile_text_inert(real_page, real_service: str) -> None:
    quote = "Unpaid work at Mallory CRC was a risk concern"
    real_page.goto(f"{real_service}/reports/mallory-crc-2019/read?page=1&quote={quote}#quote")
    assert real_page.locator("mark#quote").inner_text() == quote
    assert "<script>window.__pwned=1</script>" in real_page.locator(".page").inner_text()
    assert real_page.evaluate("window.__pwned") is None and real_page.locator(".page img").count() == 0


def test_a_trend_draws_bars_that_match_its_table_and_downloads_as_csv(real_page, real_service: str) -> None:
    import csv
    import io

    real_page.goto(real_service + "/")
    ask(real_page, "How have CRC ratings changed over the years?")
    answer = last_answer(real_page)
    grid = answer.locator("table.ira-grid tr")
    header = grid.first.locator("th").all_inner_texts()
    table = {cells[0]: cells for cells in (grid.nth(i).locator("td").all_inner_texts() for i in range(1, grid.count()))}
    chart = answer.locator("[data-testid=chart]")
    scale = float(chart.get_attribute("data-scale"))
    for year, cells in table.items():
        for grade in ("outstanding", "good", "requires improvement", "inadequate"):
            bar = chart.locator(f"g[data-year='{year}'] rect[data-grade='{grade}']")
            count = int(cells[header.index(grade)])
            assert int(bar.get_attribute("data-count")) == count
            assert abs(float(bar.get_attribute("height")) - count * scale) < 0.01
    with real_page.expect_download() as download:
        answer.locator("[data-testid=download-csv]").click()
    rows = list(csv.reader(io.StringIO(open(download.value.path(), encoding="utf-8").read())))
    assert rows[0] == header and [r[:6] for r in rows[1:]] == [table[y][:6] for y in table]

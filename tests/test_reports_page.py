"""The reports page (GET /reports in a browser) on the real service: the demo corpus plus a hostile report."""

from __future__ import annotations

import csv
import io
import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from service.routes.reports import prefers_html
from tests.conftest import CORPUS
from tests.test_widget_browser import _bound_socket, _serve, browser, checked_page  # noqa: F401

pytestmark = pytest.mark.browser

BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8"
HOSTILE_TITLE = '=HYPERLINK("http://x","y") @SUM(1+1)<img src=x onerror="window.__pwned=1">'
HOSTILE_BODY = '@SUM(1+1)<img src=x onerror="window.__pwned=1">'
HOSTILE = f"""---
title: '{HOSTILE_TITLE}'
body: '{HOSTILE_BODY}'
inspectorate: "+cmd|' /C calc'!A0"
published: 2019-06-01
overall_rating: inadequate
ratings:
  "-2+3<b>area</b>": good
---
# Mallory's report

Overall rating: Inadequate

The inspectors found <script>window.__pwned=1</script> nothing else of note.
"""
CSV_HEAD = ["report_id", "organisation", "title", "inspectorate", "published", "overall"]


@pytest.fixture(scope="module")
def service_url(tmp_path_factory: pytest.TempPathFactory, embeddings) -> Iterator[str]:
    """The real service over the demo corpus copied to a temporary folder, with one hostile report added."""
    from ingest.pipeline import Ingestor
    from ingest.settings import IndexSettings
    from service.app import create_app
    from service.settings import ServiceSettings

    folder = tmp_path_factory.mktemp("reports-corpus")
    shutil.copytree(CORPUS, folder / "corpus")
    (folder / "corpus" / "zz-hostile-2019.md").write_text(HOSTILE, encoding="utf-8")
    settings = IndexSettings(index_dir=folder / "index")
    Ingestor(settings, embeddings=embeddings).run([folder / "corpus"])
    app = create_app(ServiceSettings(index=settings), embeddings=embeddings)
    yield from _serve(app, _bound_socket(), lifespan="on", wait_s=60)


@pytest.fixture(scope="module")
def served(service_url: str) -> list[dict]:
    """The reports as the JSON API serves them."""
    return httpx.get(service_url + "/reports", timeout=30).json()["reports"]


@pytest.fixture
def page(browser, service_url: str):  # noqa: F811
    with checked_page(browser, width=1280, timeout_ms=20_000, accept_downloads=True) as page:
        yield page


def open_reports(page, url: str) -> None:
    page.goto(url + "/reports")
    page.locator("[data-testid=reports-table][data-state=ready]").wait_for()


def rows(page):
    return page.locator("[data-testid=reports-table] tbody tr")


def column(page, n: int) -> list[str]:
    return rows(page).locator(f"td:nth-child({n})").all_inner_texts()


def download_csv(page, tmp_path: Path) -> list[list[str]]:
    with page.expect_download() as info:
        page.locator("[data-testid=reports-csv]").click()
    download = info.value
    assert download.suggested_filename == "reports.csv"
    target = tmp_path / "reports.csv"
    download.save_as(target)
    with target.open(newline="", encoding="utf-8") as handle:
        return list(csv.reader(handle))


# ---------------------------------------------------------------- content negotiation


@pytest.mark.parametrize("accept", [None, "application/json", "*/*", "application/json, text/html",
                                    "text/html;q=0.5, application/json", "text/*", "text/html;q=0"])
def test_json_stays_json_unless_html_is_preferred(service_url: str, served: list[dict],
                                                   accept: str | None) -> None:
    headers = {"Accept": accept} if accept is not None else {}
    response = httpx.get(service_url + "/reports", headers=headers, timeout=30)
    assert response.status_code == 200 and response.headers["content-type"] == "application/json"
    assert response.json() == {"reports": served} and "Accept" in response.headers["vary"]
    assert len(served) == 25 and set(served[0]) >= {"report_id", "ratings", "provenance", "published"}


def test_a_browser_gets_the_page_under_a_strict_policy(service_url: str) -> None:
    response = httpx.get(service_url + "/reports", headers={"Accept": BROWSER_ACCEPT}, timeout=30)
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/html")
    assert 'data-testid="reports-table"' in response.text and "Accept" in response.headers["vary"]
    policy = response.headers["content-security-policy"]
    assert "script-src 'sha256-" in policy and "unsafe-inline" not in policy.split("style-src")[0]
    filtered = httpx.get(service_url + "/reports", params={"published_from": "2020-01-01",
                                                           "published_to": "2019-01-01"},
                         headers={"Accept": BROWSER_ACCEPT}, timeout=30)
    assert filtered.status_code == 422 and "swap them" in filtered.text


def test_openapi_keeps_json_and_declares_the_page(service_url: str) -> None:
    spec = httpx.get(service_url + "/openapi.json", timeout=30).json()
    content = spec["paths"]["/reports"]["get"]["responses"]["200"]["content"]
    assert content["application/json"]["schema"] == {"$ref": "#/components/schemas/ReportsResponse"}
    assert "text/html" in content


@pytest.mark.parametrize(("accept", "html"), [
    (BROWSER_ACCEPT, True), ("text/html", True), ("TEXT/HTML; q=1", True),
    ("application/json;q=0.5, text/html", True),
    (None, False), ("", False), ("*/*", False), ("application/json", False), ("text/html;q=0.8, */*", False),
    ("text/html;q=bogus, application/json;q=0.1", False), ("application/*, text/html", False)])
def test_prefers_html_reads_quality_values(accept: str | None, html: bool) -> None:
    assert prefers_html(accept) is html


# ---------------------------------------------------------------- the page in chromium


def test_the_page_lists_every_report_of_the_index(page, service_url: str, served: list[dict]) -> None:
    open_reports(page, service_url)
    total = len(served)
    assert page.locator("[data-testid=reports-count]").inner_text() == f"Showing {total} of {total} reports"
    assert rows(page).count() == total
    assert sorted(rows(page).evaluate_all("rs => rs.map(r => r.dataset.reportId)")) == sorted(
        r["report_id"] for r in served)
    dates = dict(zip(column(page, 1), column(page, 4)))
    assert dates["Essex CRC"] == "10 October 2018" and dates["Thames Valley CRC"] == "2018"
    assert page.get_by_role("table").locator("caption").count() == 1
    assert page.locator("th[scope=col]").count() == 6


def test_clicking_published_sorts_by_date(page, service_url: str) -> None:
    open_reports(page, service_url)
    header = page.locator("th[data-sort=published]")
    assert header.get_attribute("aria-sort") == "ascending"
    page.get_by_role("button", name="Published").click()
    assert header.get_attribute("aria-sort") == "descending"
    assert column(page, 4)[:2] == ["June 2020", "May 2020"]
    assert column(page, 1)[0] == "Merseyside CRC"
    page.get_by_role("button", name="Published").click()
    assert column(page, 4)[:3] == ["2018", "10 January 2018", "March 2018"]
    assert column(page, 1)[0] == "Thames Valley CRC"


def test_sorting_by_overall_grade_puts_the_best_first(page, service_url: str) -> None:
    open_reports(page, service_url)
    page.get_by_role("button", name="Overall grade").click()
    assert page.locator("th[data-sort=overall]").get_attribute("aria-sort") == "descending"
    assert page.locator("th[aria-sort]").count() == 1
    grades = column(page, 5)
    order = ["Good", "Requires improvement", "Inadequate", "—"]
    assert grades == sorted(grades, key=order.index) and grades[0] == "Good" and grades[-1] == "—"
    page.get_by_role("button", name="Organisation").click()
    assert column(page, 1)[:2] == [HOSTILE_BODY, "Bristol, Gloucestershire, Somerset and Wiltshire CRC"]
    page.get_by_role("button", name="Organisation").click()
    assert page.locator("th[data-sort=body]").get_attribute("aria-sort") == "descending"
    assert column(page, 1)[:3] == ["West Yorkshire CRC"] * 2 + ["Warwickshire and West Mercia CRC"]


def test_filters_narrow_the_rows(page, service_url: str) -> None:
    open_reports(page, service_url)
    page.locator("[data-testid=reports-filter]").fill("Merseyside")
    assert rows(page).count() == 2 and set(column(page, 1)) == {"Merseyside CRC"}
    assert page.locator("[data-testid=reports-count]").inner_text() == "Showing 2 of 25 reports"
    page.locator("[data-testid=reports-filter]").fill("")
    page.get_by_label("Overall grade").select_option("good")
    assert set(column(page, 1)) == {"Hampshire and Isle of Wight CRC", "Durham Tees Valley CRC"}
    page.get_by_label("Overall grade").select_option("")
    page.get_by_label("Published from").fill("2018-06")
    page.get_by_label("Published to").fill("2018-12")
    in_range = set(column(page, 1))
    assert "Thames Valley CRC" in in_range and "Essex CRC" in in_range  # "2018" overlaps the range
    assert "London CRC" not in in_range and "Wales CRC" not in in_range  # March 2018, 2019
    page.get_by_label("Published to").fill("2017")
    assert "swap" in page.locator("[data-testid=reports-error]").inner_text()
    page.get_by_role("button", name="Clear filters").click()  # the form resets, then the page draws again
    page.locator("[data-testid=reports-error]").wait_for(state="hidden", timeout=5000)
    assert rows(page).count() == 25


def test_a_grade_links_to_the_page_it_was_read_from(page, service_url: str) -> None:
    open_reports(page, service_url)
    essex = page.locator("tr[data-report-id=essex-crc-2018] td:nth-child(5) a")
    href = essex.get_attribute("href")
    parts = urlsplit(href)
    assert parts.path == "/reports/essex-crc-2018/read" and parts.fragment == "quote"
    assert parse_qs(parts.query) == {"page": ["1"], "quote": ["Overall rating: Requires improvement"]}
    area = page.locator("tr[data-report-id=hampshire-isle-of-wight-crc-2019] .areas a")
    assert area.inner_text() == "Outstanding"
    assert "quote=Information%20and%20facilities" in area.get_attribute("href")
    front_matter = page.locator("tr[data-report-id=thames-valley-crc-2018] td:nth-child(5)")
    assert front_matter.inner_text() == "Requires improvement" and front_matter.locator("a").count() == 0
    essex.click()
    page.wait_for_url("**/read?**")
    assert "requires improvement" in page.locator("mark#quote").inner_text().lower()


def test_csv_download_holds_the_filtered_sorted_view(page, service_url: str, tmp_path: Path) -> None:
    open_reports(page, service_url)
    page.locator("[data-testid=reports-filter]").fill("CRC")
    page.get_by_label("Published from").fill("2020")
    page.get_by_role("button", name="Published").click()
    shown = rows(page).evaluate_all("rs => rs.map(r => r.dataset.reportId)")
    table = download_csv(page, tmp_path)
    areas = ["-2+3<b>area</b>", "Assessment", "Implementation and delivery", "Information and facilities",
             "Leadership", "Planning", "Reviewing"]
    assert table[0] == CSV_HEAD + ["'" + areas[0], *areas[1:], "source"]
    assert [line[0] for line in table[1:]] == shown and len(shown) == 7
    durham = next(line for line in table if line[0] == "durham-tees-valley-crc-2020")
    title = "An inspection of Durham Tees Valley Community Rehabilitation Company"
    assert durham[1:6] == ["Durham Tees Valley CRC", title, "HM Inspectorate of Probation", "2020-04", "good"]
    assert durham[6 + areas.index("Leadership")] == "outstanding"
    assert durham[-1] == "durham-tees-valley-crc-2020.md"


def test_hostile_report_stays_text_on_the_page_and_defused_in_the_csv(page, service_url: str,
                                                                       tmp_path: Path) -> None:
    open_reports(page, service_url)
    hostile = page.locator("tr[data-report-id=zz-hostile-2019]")
    assert hostile.locator("td").nth(0).inner_text() == HOSTILE_BODY
    assert hostile.locator("td").nth(1).inner_text() == HOSTILE_TITLE
    page.wait_for_timeout(300)
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.locator("[data-testid=reports-table] :is(img, script, b, [onerror])").count() == 0
    page.locator("[data-testid=reports-filter]").fill("@sum")
    table = download_csv(page, tmp_path)
    assert len(table) == 2
    line = dict(zip(table[0], table[1]))
    assert line["title"] == "'" + HOSTILE_TITLE and line["organisation"] == "'" + HOSTILE_BODY
    assert line["inspectorate"] == "'+cmd|' /C calc'!A0" and line["'-2+3<b>area</b>"] == "good"


def test_431_reports_render_and_sort(page, service_url: str, served: list[dict]) -> None:
    """The real page with the JSON answer multiplied to the size of the Ofsted corpus (431 reports); how fast it
    renders is measured by ``python -m eval.bench_page``, not asserted here."""
    many = [dict(served[i % len(served)], report_id=f"r{i}") for i in range(431)]

    def reports_json(route) -> None:  # type: ignore[no-untyped-def]
        if route.request.resource_type == "fetch":
            route.fulfill(status=200, content_type="application/json", body=json.dumps({"reports": many}))
        else:
            route.continue_()

    page.route("**/reports", reports_json)
    open_reports(page, service_url)
    assert rows(page).count() == 431
    assert page.locator("[data-testid=reports-count]").inner_text() == "Showing 431 of 431 reports"
    assert page.evaluate("performance.getEntriesByName('reports-render').length") == 1
    page.get_by_role("button", name="Organisation").click()
    assert rows(page).count() == 431


def test_the_address_query_scopes_the_page(page, service_url: str) -> None:
    page.goto(service_url + "/reports?body=Essex%20CRC")
    page.locator("[data-testid=reports-table][data-state=ready]").wait_for()
    assert page.locator("[data-testid=reports-count]").inner_text() == "Showing 1 of 1 report"
    assert column(page, 1) == ["Essex CRC"]

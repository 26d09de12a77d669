"""``python -m eval.bench_page --index DIR``: how fast the people-facing pages are on a real index, in Debian
chromium: the reports page (``GET /reports`` in a browser: fetch, build and draw every row) and a trend answer
in the chat (question sent to chart drawn). Each is measured ``--runs`` times; medians are printed.

examples:
  python -m eval.bench_page --index .data/ofsted
  python -m eval.bench_page --index .data/index --runs 3
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from eval.bench_queries import served

TREND = "How many councils were judged inadequate each year?"


def reports_page_ms(page, base: str) -> tuple[float, float, int]:  # type: ignore[no-untyped-def]
    """(ms from navigation start to the table ready, ms the page spent building and drawing rows, rows)."""
    started = time.perf_counter()
    page.goto(base + "/reports")
    page.locator("[data-testid=reports-table][data-state=ready]").wait_for(timeout=60_000)
    total = (time.perf_counter() - started) * 1000
    render = page.evaluate("performance.getEntriesByName('reports-render')[0].duration")
    return total, render, page.locator("[data-testid=reports-table] tbody tr").count()


def trend_ms(page, base: str) -> float:  # type: ignore[no-untyped-def]
    page.goto(base + "/")
    page.evaluate("sessionStorage.clear()")
    started = time.perf_counter()
    page.locator("[data-testid=chat-input]").fill(TREND)
    page.locator("[data-testid=chat-input]").press("Enter")
    page.locator("[data-testid=chart]").wait_for(timeout=60_000)
    return (time.perf_counter() - started) * 1000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval.bench_page", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--index", type=Path, required=True, help="an index built by python -m ingest")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    with served(args.index) as (base, _), sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        page = browser.new_page()
        pages = [reports_page_ms(page, base) for _ in range(args.runs)]
        trends = [trend_ms(page, base) for _ in range(args.runs)]
        browser.close()
    print(f"reports page, {pages[0][2]} rows: ready in {statistics.median(p[0] for p in pages):.0f} ms "
          f"(building and drawing rows {statistics.median(p[1] for p in pages):.0f} ms), median of {args.runs}")
    print(f"trend question to chart drawn: {statistics.median(trends):.0f} ms, median of {args.runs}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

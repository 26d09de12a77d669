"""Counts and trends as data: the table agrees with the reports table, every counted report is cited, and the
CSV form of an answer is the same data with formulas made inert. Real HTTP through the app over the demo corpus."""

from __future__ import annotations

import csv
import io
from collections import Counter

import pytest

from ingest.models import GRADES
from service.answer_csv import inert

TREND = "How many CRCs were rated requires improvement each year?"


def grade_key(client) -> Counter:  # type: ignore[no-untyped-def]
    """(year, grade) -> reports, read independently from GET /reports."""
    reports = client.get("/reports").json()["reports"]
    return Counter((int(r["published"][:4]), r["ratings"]["overall"]) for r in reports
                   if r["published"] and r["ratings"]["overall"])


def test_a_trend_is_a_table_that_matches_the_reports_table(client) -> None:
    answer = client.post("/ask", json={"question": TREND}).json()
    table, key = answer["table"], grade_key(client)
    assert table["columns"][:6] == ["year", *GRADES, "graded reports"]
    assert [row[0] for row in table["rows"]] == sorted({year for year, _ in key})
    for row in table["rows"]:
        assert row[1:5] == [key[(row[0], g)] for g in GRADES] and row[5] == sum(row[1:5])
        assert row[-1] == round(100 * row[3] / row[5], 1)  # the share rated requires improvement
    assert [len(c) for c in table["citations"]] == [row[5] for row in table["rows"]]
    assert len(answer["items"]) == sum(row[5] for row in table["rows"])
    cited = {c["n"]: c for c in answer["citations"]}
    assert all(cited[n]["quote"].lower().startswith("overall") for ns in table["citations"] for n in ns)


def test_trend_wordings_reach_the_table_and_a_which_question_stays_a_list(client) -> None:
    for question in ("How have CRC ratings changed over the years?", "share of providers rated good by year",
                     "number of inadequate CRCs per year"):
        assert client.post("/ask", json={"question": question}).json()["table"], question
    listed = client.post("/ask", json={"question": "Which CRCs were rated inadequate?"}).json()
    assert listed["table"] is None and listed["items"]


def test_csv_is_the_table_or_the_items_with_their_quotes(client) -> None:
    answer = client.post("/ask", json={"question": TREND}).json()
    as_csv = client.post("/ask", params={"format": "csv"}, json={"question": TREND})
    assert as_csv.headers["content-type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(as_csv.text)))
    assert rows[0] == answer["table"]["columns"] and [r[0] for r in rows[1:]] == [str(r[0]) for r in
                                                                                   answer["table"]["rows"]]
    listed = client.post("/ask", headers={"Accept": "text/csv"},
                         json={"question": "Which CRCs had unpaid work risk concerns?"})
    items = list(csv.DictReader(io.StringIO(listed.text)))
    assert items and all(row["quote"] and row["link"].startswith("http") for row in items)
    assert client.post("/ask", json={"question": TREND}).headers["content-type"] == "application/json"


def test_text_that_would_start_a_formula_is_made_inert() -> None:
    assert [inert(v) for v in ("=HYPERLINK(1)", "+1", "-2", "@SUM(A1)", "\tx", "ok", 5, -5, None)] == \
        ["'=HYPERLINK(1)", "'+1", "'-2", "'@SUM(A1)", "'\tx", "ok", 5, -5, ""]


def test_counts_of_two_years_compared_are_a_table_of_those_years(client) -> None:
    question = "how many crcs were rated requires improvement in 2019 compared with 2020?"
    answer = client.post("/ask", json={"question": question}).json()
    key = grade_key(client)
    assert [row[0] for row in answer["table"]["rows"]] == [2019, 2020]
    for row in answer["table"]["rows"]:
        assert row[3] == key[(row[0], "requires improvement")]


def test_whether_a_count_has_gone_up_since_a_year_is_that_counts_trend(client) -> None:
    answer = client.post("/ask", json={"question": "has the number of crcs rated requires improvement gone up "
                                                   "since 2019?"}).json()  # (not the list of reports so rated)
    assert answer["answer"].startswith("In 2019, 6 of 8 graded reports (75.0%) were rated requires improvement; in "
                                       "2020, 6 of 7 (85.7%).\n\nGrades (overall) by year of publication, 2019–2020")
    # (the same count, a larger share: no one way)
    count = client.post("/ask", json={"question": "how many crcs were rated requires improvement since 2019?"}).json()
    assert count["answer"].startswith("**")  # (a count asked over a span is the count, not a trend)
    two = client.post("/ask", json={"question": "were more crcs rated requires improvement in 2020 than in 2019?"}).json()
    assert two["answer"].startswith("In 2019, 6 of 8 graded reports (75.0%) were rated requires improvement; in 2020")
    now = client.post("/ask", json={"question": "are fewer crcs rated requires improvement now than in 2019?"}).json()
    assert now["answer"].startswith("In 2019, 6 of 8 graded reports (75.0%) were rated requires improvement; in 2020")


def test_whether_a_share_has_grown_naming_no_year_is_its_trend_over_every_year(client) -> None:
    answer = client.post("/ask", json={"question": "has the share of crcs rated good grown?"}).json()
    assert answer["answer"].startswith("**Up**: in 2018, 0 of 6 graded reports (0.0%) were rated good; in 2020, 1 of "
                                       "7 (14.3%)."), answer["answer"]  # (not the list of reports rated good)
    rising = client.post("/ask", json={"question": "how many crcs had rising caseloads?"}).json()
    assert not rising["answer"].startswith("**Up**")  # (a count of what rose in a report, not a trend)


def test_which_year_had_the_most_of_a_grade_leads_with_that_year(client) -> None:
    fewest = client.post("/ask", json={"question": "which year had the fewest crcs rated good?"}).json()
    assert fewest["answer"].startswith("**2018**: 0 rated good, the fewest of any year in scope."), fewest["answer"]
    most = client.post("/ask", json={"question": "what year had the most reports rated good?"}).json()
    assert most["answer"].startswith("**2019** and **2020**: 1 rated good, the most"), most["answer"]
    assert most["table"]["rows"]


@pytest.mark.parametrize("question", ["what years do the reports cover?", "how far back do the reports go?"])
def test_what_years_the_reports_cover_counts_them_by_year(client, question: str) -> None:  # type: ignore[no-untyped-def]
    answer = client.post("/ask", json={"question": question}).json()
    published = Counter(int(r["published"][:4]) for r in client.get("/reports").json()["reports"] if r.get("published"))
    each = ", ".join(f"{year}: {n}" for year, n in sorted(published.items()))
    assert answer["answer"].startswith(f"The {sum(published.values())} dated reports in scope were published "
                                       f"{min(published)}\u2013{max(published)} ({each})."), answer["answer"]

"""Real HTTP through the FastAPI app over the demo corpus index."""

import html


def test_health_counts_reports_and_chunks(client) -> None:
    body = client.get("/health").json()
    assert body["status"] == "ok" and body["reports"] == 24 and body["chunks"] > 24


def test_search_finds_and_filters(client) -> None:
    results = client.get("/search", params={"q": "unpaid work placements risk", "k": 5}).json()["results"]
    assert results and results[0]["report_id"] == "thames-valley-crc-2018"
    assert set(results[0]) >= {"chunk_id", "report_id", "body", "title", "published", "page", "section", "text",
                               "score"}
    scoped = client.get("/search", params={"q": "unpaid work", "body": "Essex"}).json()["results"]
    assert scoped and {r["report_id"] for r in scoped} == {"essex-crc-2018"}


def test_search_body_aliases(client) -> None:
    for name in ("Thames Valley", "Thames Valley CRC", "Thames Valley Community Rehabilitation Company"):
        results = client.get("/search", params={"q": "victims", "body": name}).json()["results"]
        assert {r["report_id"] for r in results} == {"thames-valley-crc-2018"}, name


def test_an_alias_read_from_one_report_finds_all_of_that_bodys_reports(client) -> None:
    # "DLNR CRC" is written only in the 2019 digest; the 2020 one names the CRC in full
    results = client.get("/search", params={"q": "cases supervised", "body": "DLNR CRC", "k": 20}).json()["results"]
    assert {r["report_id"] for r in results} == {"dlnr-crc-2019", "dlnr-crc-2020"}
    london = client.get("/search", params={"q": "people supervised", "body": "London CRC", "k": 20}).json()["results"]
    assert {r["report_id"] for r in london} == {"london-crc-2018", "london-crc-2019"}  # not the London NPS division


def test_reports_and_report_by_id(client) -> None:
    reports = client.get("/reports").json()["reports"]
    assert len(reports) == 24
    one = client.get("/reports/essex-crc-2018").json()
    assert one["body"] == "Essex CRC" and set(one["ratings"]) == {"overall", "areas"}
    missing = client.get("/reports/nope")
    assert missing.status_code == 404 and "GET /reports" in missing.json()["detail"]


def test_ask_cites_thames_valley_for_unpaid_work(client) -> None:
    answer = client.post("/ask", json={"question": "Which CRCs had unpaid work risk concerns?"}).json()
    assert not answer["abstained"] and answer["session_id"]
    assert any(c["body"] == "Thames Valley CRC" for c in answer["citations"])
    referenced = {n for item in answer["items"] for n in item["citations"]}
    assert all(c["quote"] and (f"[{c['n']}]" in answer["answer"] or c["n"] in referenced)
               for c in answer["citations"])


def test_bad_input_is_4xx_with_detail(client) -> None:
    for response in (client.post("/ask", json={"question": ""}), client.post("/ask", json={}),
                     client.post("/ask", json={"question": "x" * 5000}),
                     client.post("/ask", json={"question": "ok?", "session_id": "../../etc"}),
                     client.get("/search", params={"q": "x", "k": 0}),
                     client.get("/search", params={"q": "x", "published_from": "yesterday"})):
        assert 400 <= response.status_code < 500 and "detail" in response.json()


def test_dates_in_the_wrong_order_are_refused_not_ignored(client) -> None:
    inverted = {"published_from": "2019-01-01", "published_to": "2018-01-01"}
    for response in (client.get("/search", params={"q": "unpaid work", **inverted}),
                     client.get("/reports", params=inverted),
                     client.post("/ask", json={"question": "unpaid work?", "filters": inverted})):
        assert response.status_code == 422 and "published_from" in str(response.json()["detail"])


def test_widget_and_demo_page_are_served(client) -> None:
    assert client.get("/widget.js").status_code in (200, 404)
    assert client.get("/openapi.json").json()["info"]["title"]


def test_citations_link_to_the_source_file_served_inert(client) -> None:
    answer = client.post("/ask", json={"question": "What overall rating did Essex CRC receive?"}).json()
    citation = answer["citations"][0]
    assert citation["url"].startswith(f"/reports/{citation['report_id']}/read?page={citation['page']}&quote=")
    view = client.get(citation["url"].split("#")[0])
    assert view.status_code == 200 and "default-src 'none'" in view.headers["content-security-policy"]
    marked = view.text.split('<mark id="quote">')[1].split("</mark>")[0]
    assert " ".join(html.unescape(marked).split()) == " ".join(citation["quote"].split())
    assert "<nav" in view.text and "<script" not in view.text and "Subscribe" not in view.text
    response = client.get(f"/reports/{citation['report_id']}/source")
    assert response.status_code == 200 and response.headers["content-security-policy"] == "sandbox"
    assert client.get("/reports/nope/source").status_code == 404
    assert client.get("/reports/nope/read").status_code == 404
    assert client.get(f"/reports/{citation['report_id']}/read", params={"page": 999}).status_code == 404


def test_the_readable_view_drops_front_matter_and_links_the_published_report(client) -> None:
    view = client.get("/reports/london-crc-2018/read", params={"page": 1}).text
    assert "overall_rating:" not in view and "An inspection of London Community Rehabilitation Company" in view
    assert 'href="https://www.justiceinspectorates.gov.uk/hmiprobation/media/press-releases/2018/03/londoncrc"' in view


def test_dates_are_served_as_precisely_as_the_reports_give_them(client) -> None:
    reports = {r["report_id"]: r for r in client.get("/reports").json()["reports"]}
    assert reports["thames-valley-crc-2018"]["published"] == "2018"
    assert reports["london-crc-2018"]["published"] == "2018-03"
    assert reports["essex-crc-2018"]["published"] == "2018-10-10"
    in_mid_march = client.get("/reports", params={"published_from": "2018-03-10", "published_to": "2018-03-20"})
    assert {r["report_id"] for r in in_mid_march.json()["reports"]} == {"london-crc-2018", "thames-valley-crc-2018"}
    in_2018 = {r["report_id"] for r in client.get("/reports", params={"published_from": "2018-06-01",
                                                                      "published_to": "2018-12-31"}).json()["reports"]}
    assert "thames-valley-crc-2018" in in_2018 and "london-crc-2018" not in in_2018
    hits = client.get("/search", params={"q": "unpaid work", "published_from": "2018-12-01",
                                         "published_to": "2018-12-31"}).json()["results"]
    assert {h["report_id"] for h in hits} <= {"thames-valley-crc-2018", "staffordshire-west-midlands-crc-2018"}
    assert "thames-valley-crc-2018" in {h["report_id"] for h in hits}


def test_about_describes_this_index_and_its_examples_are_answered(client) -> None:
    about = client.get("/about").json()
    assert about["reports"] == 24 and about["inspectorates"] == ["HM Inspectorate of Probation"]
    assert "24 inspection reports" in about["description"] and len(about["examples"]) == 4
    for question in about["examples"]:
        answer = client.post("/ask", json={"question": question}).json()
        assert not answer["abstained"] and answer["citations"], question

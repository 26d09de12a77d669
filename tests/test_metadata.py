"""extract_metadata on synthetic pages (no ../shared needed), plus one check on real Ofsted PDFs."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from ingest.loaders import load
from ingest.metadata import extract_metadata, normalise_body, normalise_grade
from ingest.metadata_body import defined_abbreviations
from ingest.models import Page, ParsedDocument, ReportMeta
from tests.conftest import shared_path

RI = "requires improvement"

SIF_PAGE = (
    "1\r\n"
    "Birmingham City Council\r\n"
    "Inspection of services for children in need of help and \r\n"
    "protection, children looked after and care leavers\r\n"
    "and\r\n"
    "Review of the effectiveness of the local safeguarding children \r\n"
    "board1\r\n"
    "Inspection date: 12 September 2016 to 6 October 2016\r\n"
    "Report published: 25 November 2016\r\n"
    "Children\u2019s services in Birmingham are inadequate\r\n"
    "1. Children who need help and protection Inadequate\r\n"
    "2. Children looked after and achieving \r\n"
    "permanence\r\n"
    "Requires improvement\r\n"
    "2.1 Adoption performance Requires \r\n"
    "improvement\r\n"
    "2.2 Experiences and progress of care leavers Good\r\n"
    "3. Leadership, management and governance Inadequate\r\n"
    "The effectiveness of the Local Safeguarding Children Board (LSCB) requires \r\n"
    "improvement\r\n"
    "It is Ofsted\u2019s expectation that all children receive good help.\r\n"
)

ILACS_PAGE = (
    "Inspection of Bournemouth, \n"
    "Christchurch and Poole local authority \n"
    "children\u2019s services \n"
    "Inspection dates: 2 to 13 December 2024\n"
    "Lead inspector: John Roughton, His Majesty\u2019s Inspector\n"
    "Judgement Grade\n"
    "The impact of leaders on social work \n"
    "practice with children and families\n"
    "Good\n"
    "The experiences and progress of \n"
    "children who need help and protection\n"
    "Requires improvement to be good\n"
    "The experiences and progress of \n"
    "children in care\n"
    "Outstanding\n"
    "The experiences and progress of care \n"
    "leavers\n"
    "Requires improvement\n"
    "to be good\n"
    "Overall effectiveness Good\n"
    "Following the last inspection in 2018, when the local authority was judged good \n"
    "overall, services have improved.\n"
)
ILACS_SOURCE = ("/data/2532287_bournemouth, christchurch & poole/"
                "children's services inspection - 29 january 2025.pdf")

DIGEST_TEXT = (
    "# An inspection of Thames Valley Community Rehabilitation Company\n\n"
    "Inspected body: Thames Valley CRC\n"
    "Owner: MTCnovo\n\n"
    "HM Inspectorate of Probation rated Thames Valley CRC as Requires improvement.\n"
)
DIGEST_MATTER: dict[str, object] = {
    "title": "An inspection of Thames Valley Community Rehabilitation Company",
    "body": "Thames Valley CRC",
    "aliases": ["Thames Valley Community Rehabilitation Company", "Thames Valley"],
    "inspectorate": "HM Inspectorate of Probation",
    "owner": "MTCnovo",
    "published": "2018-09",
    "overall_rating": "Requires improvement",
    "ratings": {"Leadership": "Good", "Assessment": "Requires improvement to be good", "Staff": "n/a"},
    "fieldwork": "June to August 2018",
    "lead_inspector": None,
}

UNGRADED_PAGE = (
    "Focused visit to Anytown local authority children\u2019s services\n"
    "Published: March 2020\n"
    "This letter summarises the findings of a focused visit. Inspectors looked at the local\n"
    "authority\u2019s arrangements for care leavers.\n"
    "The quality of practice for care leavers is good.\n"
    "Leaders know their services well and the response to most young people is good\n"
    "because personal advisers keep in touch.\n"
    "Most plans are good\n"
)


def pdf_doc(text: str, source: str = "/data/report.pdf") -> ParsedDocument:
    return ParsedDocument(source=source, format="pdf", pages=[Page(number=1, text=text)])


def digest_doc() -> ParsedDocument:
    return ParsedDocument(source="/corpus/thames-valley-crc-2018.md", format="markdown",
                          pages=[Page(number=1, text=DIGEST_TEXT)], front_matter=DIGEST_MATTER)


def assert_quotes_verbatim(doc: ParsedDocument, meta: ReportMeta) -> None:
    """Every quote is a verbatim span of its page; page 0 quotes front matter or the file path."""
    assert meta.provenance
    for name, found in meta.provenance.items():
        if found.page == 0:
            assert found.quote.startswith("front matter ") or found.quote in doc.source, name
        else:
            assert found.quote in doc.pages[found.page - 1].text, name


def test_sif_table_with_wrapped_rows_and_overall_sentence() -> None:
    meta = extract_metadata(pdf_doc(SIF_PAGE), "r1")
    assert (meta.body, meta.published, meta.overall) == ("Birmingham", date(2016, 11, 25), "inadequate")
    assert "Birmingham City Council" in meta.body_aliases
    assert meta.areas == {
        "Children who need help and protection": "inadequate",
        "Children looked after and achieving permanence": RI,
        "Adoption performance": RI,
        "Experiences and progress of care leavers": "good",
        "Leadership, management and governance": "inadequate",
    }  # the LSCB statement below the numbered table is no area of it
    assert meta.provenance["overall"].quote == "Children\u2019s services in Birmingham are inadequate"
    assert meta.inspection_dates == "12 September 2016 to 6 October 2016"
    assert meta.inspectorate == "Ofsted"


def test_ilacs_table_with_wrapped_area_names() -> None:
    meta = extract_metadata(pdf_doc(ILACS_PAGE, ILACS_SOURCE), "r2")
    assert meta.body == "Bournemouth, Christchurch and Poole"
    assert meta.overall == "good"
    assert meta.areas == {
        "The impact of leaders on social work practice with children and families": "good",
        "The experiences and progress of children who need help and protection": RI,
        "The experiences and progress of children in care": "outstanding",
        "The experiences and progress of care leavers": RI,
    }  # "...was judged good / overall, ..." is wrapped prose, not a row
    assert meta.lead_inspector == "John Roughton"
    assert meta.report_type == "Inspection of local authority children's services"


def test_published_falls_back_on_the_file_name_and_says_so() -> None:
    meta = extract_metadata(pdf_doc(ILACS_PAGE, ILACS_SOURCE), "r2")
    assert meta.published == date(2025, 1, 29)
    assert meta.provenance["published"].page == 0
    assert meta.provenance["published"].quote == "29 january 2025"


def test_probation_digest_front_matter() -> None:
    meta = extract_metadata(digest_doc(), "tv")
    assert (meta.body, meta.owner) == ("Thames Valley CRC", "MTCnovo")
    assert meta.inspectorate == "HM Inspectorate of Probation"
    assert meta.body_aliases == ["Thames Valley Community Rehabilitation Company", "Thames Valley"]
    assert meta.overall == RI
    assert meta.areas == {"Leadership": "good", "Assessment": RI}  # "n/a" is no grade
    assert meta.inspection_dates == "June to August 2018"
    assert meta.lead_inspector is None


def test_a_date_keeps_the_precision_the_report_gives() -> None:
    meta = extract_metadata(digest_doc(), "tv")  # front matter: published "2018-09"
    assert (meta.published_iso(), meta.published_words()) == ("2018-09", "September 2018")
    assert meta.published_period() == (date(2018, 9, 1), date(2018, 9, 30))
    assert meta.provenance["published"].page == 0 and "2018-09" in meta.provenance["published"].quote
    year_only = extract_metadata(pdf_doc("Inspection of Anytown\nPublished: 2018\nThe service is good."), "a")
    assert (year_only.published_iso(), year_only.published_words()) == ("2018", "2018")
    assert year_only.published_period() == (date(2018, 1, 1), date(2018, 12, 31))
    december = ReportMeta(report_id="d", source="d", title="d", published=date(2019, 12, 1),
                          published_precision="month")
    assert december.published_period() == (date(2019, 12, 1), date(2019, 12, 31))


def test_page_without_grades_gives_none() -> None:
    meta = extract_metadata(pdf_doc(UNGRADED_PAGE), "fv")
    assert meta.overall is None
    assert meta.areas == {}
    assert "overall" not in meta.provenance
    assert meta.published == date(2020, 3, 1)
    assert meta.provenance["published"].quote == "Published: March 2020"


def test_labelled_grades_of_a_new_layout() -> None:
    page = "An inspection of Example CRC\nInspected body: Example CRC\nOverall rating: Inadequate\n" \
           "Ratings:\nAssessment: Good\nPlanning: Requires improvement\n"
    meta = extract_metadata(pdf_doc(page), "x")
    assert (meta.body, meta.overall) == ("Example CRC", "inadequate")
    assert meta.areas == {"Assessment": "good", "Planning": RI}


def test_markdown_table_of_grades() -> None:
    page = "| Standard | Rating |\n|---|---|\n| Overall rating | Requires improvement |\n" \
           "| 1.1 Leadership | Good |\n| 2.1 Assessment | Inadequate |\n"
    meta = extract_metadata(pdf_doc(page), "x")
    assert meta.overall == RI
    assert meta.areas == {"Leadership": "good", "Assessment": "inadequate"}


@pytest.mark.parametrize(
    "doc",
    [pdf_doc(SIF_PAGE), pdf_doc(ILACS_PAGE, ILACS_SOURCE), digest_doc(), pdf_doc(UNGRADED_PAGE)],
    ids=["sif", "ilacs", "digest", "ungraded"],
)
def test_every_quote_is_verbatim(doc: ParsedDocument) -> None:
    assert_quotes_verbatim(doc, extract_metadata(doc, "q"))


@pytest.mark.parametrize(
    ("text", "grade"),
    [("Requires improvement to be good", RI), ("Require \nimprovement", RI), ("GOOD", "good"),
     ("Outstanding.", "outstanding"), ("Adequate", None), ("Not judged", None)],
)
def test_grades_are_validated_against_the_scale(text: str, grade: str | None) -> None:
    assert normalise_grade(text) == grade


@pytest.mark.parametrize(
    ("full", "plain"),
    [
        ("Birmingham City Council", "Birmingham"),
        ("London Borough of Barking and \nDagenham", "Barking and Dagenham"),
        ("Royal Borough of Kingston upon Thames Council", "Kingston upon Thames"),
        ("Metropolitan Borough of Barnsley Council", "Barnsley"),
        ("Telford & Wrekin Council", "Telford and Wrekin"),
        ("Council of the Isles of Scilly", "Isles of Scilly"),
        ("Cheshire East Unitary Authority", "Cheshire East"),
        ("City of Bradford Metropolitan District Council", "Bradford"),
        ("City of London", "City of London"),  # a name that is "City of X" alone is kept whole
    ],
)
def test_body_names_are_normalised(full: str, plain: str) -> None:
    assert normalise_body(full) == plain


@pytest.mark.shared
def test_real_ofsted_reports() -> None:
    corpus = shared_path("corpora", "ofsted-ilacs")
    expected = {
        "80429_birmingham/children's services inspection - 23 may 2014.pdf": ("Birmingham", "inadequate", 5),
        "80535_oldham/children's services inspection - 03 august 2015.pdf": ("Oldham", RI, 5),
        "80575_warrington/children's services inspection - 30 july 2024.pdf": ("Warrington", "good", 4),
    }
    for name, (body, overall, areas) in expected.items():
        doc = load(Path(corpus, name))
        meta = extract_metadata(doc, name)
        assert (meta.body, meta.overall, len(meta.areas)) == (body, overall, areas), name
        assert meta.published is not None
        assert_quotes_verbatim(doc, meta)


def test_a_short_name_the_report_defines_becomes_an_alias() -> None:
    names = ["Humberside, Lincolnshire and North Yorkshire CRC",
             "Humberside, Lincolnshire and North Yorkshire Community Rehabilitation Company"]
    page = Page(number=1, text="HM Inspectorate of Probation rated Humberside, Lincolnshire and North Yorkshire "
                               "Community Rehabilitation\nCompany (HLNY CRC) as Requires improvement.")
    assert defined_abbreviations([page], names) == ["HLNY CRC", "HLNY"]
    generic = Page(number=1, text="Essex Community Rehabilitation Company (CRC) supervised over 4,000 people. "
                                  "It works with Together for Children (TfC).")
    assert defined_abbreviations([generic], ["Essex CRC", "Essex Community Rehabilitation Company"]) == []


def test_a_title_that_names_no_one_gains_the_body_and_a_sentence_is_no_heading() -> None:
    text = ("1\nMedway Children's Services\nInspection of children's social care services\n"
            "Inspection dates: 15 July 2019 to 26 July 2019\nThe services were inadequate.\n")
    meta = extract_metadata(pdf_doc(text, "/data/children's services inspection - 27 august 2019.pdf"), "x")
    assert meta.title == "Medway: Inspection of children's social care services"
    prose = extract_metadata(pdf_doc("The inspection found Thames Valley CRC to be well led.\nMore text."), "y")
    assert prose.report_type is None

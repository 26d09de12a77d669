"""A report type nobody tuned for: area SEND inspections state their outcome as a sentence, not a grade.
The three reports in tests/data/send are written in that framework's words (outcome sentences as Ofsted and
CQC print them); the answers must give each area's outcome, cited, and list and compare areas by it."""

from __future__ import annotations

from pathlib import Path

import pytest

from service.answering.engine import Answerer
from service.schemas import AskRequest
from tests.conftest import answerer_over

SEND = Path(__file__).parent / "data" / "send"


@pytest.fixture(scope="module")
def areas(tmp_path_factory: pytest.TempPathFactory, embeddings) -> Answerer:
    return answerer_over(SEND, tmp_path_factory.mktemp("areas"), embeddings)


def ask(answerer: Answerer, question: str):  # noqa: ANN201
    return answerer.ask(AskRequest(question=question))


@pytest.mark.parametrize("question", ["how did medway do in its send inspection",
                                      "What was the outcome of Medway's SEND inspection?", "summarise the medway report"])
def test_one_areas_outcome_in_its_own_words(areas: Answerer, question: str) -> None:
    answer = ask(areas, question)
    assert not answer.abstained and "widespread and/or systemic failings" in answer.answer
    assert {c.report_id for c in answer.citations} == {"medway-send-2024"}


def test_the_body_is_the_area_not_the_title(areas: Answerer) -> None:
    assert [b.body for b in areas.names.find("what did inspectors find in wigan")] == ["Wigan Local Area Partnership"]


def test_areas_listed_and_compared_by_outcome(areas: Answerer) -> None:
    listed = ask(areas, "which areas had widespread or systemic failings?")
    assert [item.report_id for item in listed.items] == ["medway-send-2024"]
    compared = ask(areas, "compare wigan and medway")
    assert "| Outcome |" in compared.answer and "typically lead to positive experiences" in compared.answer
    fact = ask(areas, "what percentage of EHC plans did Oldham issue on time in 2023")
    assert "38%" in fact.answer and fact.citations[0].report_id == "oldham-send-2024"


def test_a_word_every_report_uses_names_them_all_not_a_topic(areas: Answerer) -> None:
    listed = ask(areas, "list all the SEND inspections")
    assert {item.report_id for item in listed.items} == {"medway-send-2024", "oldham-send-2024", "wigan-send-2023"}


def test_a_kind_of_council_named_as_a_group_chooses_the_reports(areas: Answerer) -> None:
    listed = ask(areas, "list the SEND inspections of metropolitan boroughs")  # Oldham and Wigan, not Medway
    assert {item.report_id for item in listed.items} == {"oldham-send-2024", "wigan-send-2023"}
    assert not ask(areas, "which london boroughs had SEND inspections?").items  # none of the three is one


def test_a_side_asked_of_ungraded_reports_is_read_from_their_outcome(areas: Answerer) -> None:
    weak = ask(areas, "which local areas need to improve?")
    assert {item.report_id for item in weak.items} == {"medway-send-2024", "oldham-send-2024"}
    strong = ask(areas, "which areas were doing well?")
    assert {item.report_id for item in strong.items} == {"wigan-send-2023"}


def test_a_region_named_chooses_its_councils_and_a_nation_with_none_is_said_to_have_none(areas: Answerer) -> None:
    listed = ask(areas, "list the SEND inspections in the north west")  # Oldham and Wigan, not Medway (south east)
    assert {item.report_id for item in listed.items} == {"oldham-send-2024", "wigan-send-2023"}
    welsh = ask(areas, "which welsh councils had SEND inspections?")
    assert welsh.abstained and "a council in Wales" in welsh.answer

"""What a term means ("what does inadequate mean?", "what is a MASH?"): the reports' own words for it; and a nation
no report is about. Four small council reports, each printing the grade descriptions older Ofsted reports print
word for word."""

from __future__ import annotations

from pathlib import Path

import pytest

from service.answering.engine import Answerer
from service.schemas import AskRequest
from tests.conftest import answerer_over

COUNCILS = {"Ashford": "Inadequate", "Bexton": "Good", "Corby Vale": "Requires improvement", "Dunmore": "Good"}
REPORT = """---
title: "{name}: inspection of services for children in need of help and protection"
body: "{name}"
inspectorate: "Ofsted"
published: "2016-0{month}"
overall_rating: "{grade}"
---

# {name}: inspection of services for children in need of help and protection

## Summary

Children's services in {name} are {grade_lower}.

The multi-agency safeguarding hub (MASH) in {name} deals with {contacts} contacts a month.

## Judgement descriptions

A local authority that is inadequate is providing services where there are widespread or serious failures that
leave children being harmed or at risk of harm.

In a local authority that requires improvement, there are no widespread or serious failures that leave children
being harmed or at risk of harm.
"""


@pytest.fixture(scope="module")
def councils(tmp_path_factory: pytest.TempPathFactory, embeddings) -> Answerer:
    folder = tmp_path_factory.mktemp("councils-src")
    for month, (name, grade) in enumerate(COUNCILS.items(), start=1):
        text = REPORT.format(name=name, grade=grade, grade_lower=grade.lower(), month=month, contacts=100 * month)
        (folder / f"{name.lower().replace(' ', '-')}-2016.md").write_text(text)
    return answerer_over(folder, tmp_path_factory.mktemp("councils"), embeddings)


def test_what_a_grade_means_is_the_description_the_reports_print(councils: Answerer) -> None:
    answer = councils.ask(AskRequest(question="what does inadequate mean?"))
    assert answer.answer.startswith("- A local authority that is inadequate is providing services where"), answer.answer
    assert len(answer.citations) == 1  # (printed by all four: said once)
    ri = councils.ask(AskRequest(question="What does requires improvement mean"))
    assert "In a local authority that requires improvement, there are no widespread" in ri.answer, ri.answer


def test_a_grade_the_reports_do_not_describe_is_said_to_be_undescribed(councils: Answerer) -> None:
    answer = councils.ask(AskRequest(question="what does outstanding mean?"))
    assert answer.abstained and "do not say what it means" in answer.answer, answer.answer


def test_an_acronym_is_spelled_out_from_the_reports(councils: Answerer) -> None:
    answer = councils.ask(AskRequest(question="what's a MASH?"))
    assert answer.answer.startswith("**MASH** stands for *multi-agency safeguarding hub*"), answer.answer


@pytest.mark.parametrize("question", ["did ofsted inspect scotland?", "any reports on northern ireland?",
                                      "how is wales doing"])
def test_a_nation_no_council_of_the_index_lies_in_is_said_to_be_absent(councils: Answerer, question: str) -> None:
    answer = councils.ask(AskRequest(question=question))
    assert answer.abstained and "no report in this index is about" in answer.answer, answer.answer
    england = councils.ask(AskRequest(question="how many contacts did the MASH in Ashford deal with in England and "
                                               "Wales?"))
    assert "100" in england.answer, england.answer  # ("England and Wales" says where a figure is from)

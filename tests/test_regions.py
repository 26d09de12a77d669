"""Regions and nations a question names, and the region of a council."""

from __future__ import annotations

import pytest

from service.answering.regions import ENGLISH_REGIONS, region_of, regions_named, without_regions


@pytest.mark.parametrize(("question", "regions"), [
    ("which councils in the north east had problems with turnover", {"North East"}),
    ("best rated councils in yorkshire", {"Yorkshire and the Humber"}),
    ("North-West councils judged inadequate", {"North West"}),
    ("councils in the midlands", {"East Midlands", "West Midlands"}),
    ("Which councils in the West Midlands were rated inadequate?", {"West Midlands"}),
    ("which west midlands councils were rated inadequate", {"West Midlands"}),   # not the East Midlands too
    ("east midlands councils", {"East Midlands"}),
    ("what did staffordshire and west midlands crc do", set()),            # a body's name
    ("how did councils in the west midlands police area do", set()),
    ("which welsh councils were rated inadequate", {"Wales"}),
    ("english councils", {*ENGLISH_REGIONS, "London"}),
    ("how did north east lincolnshire do", set()),       # a council, not the region
    ("west yorkshire councils", set()),                  # a county (places), not the region
    ("bath and north east somerset 2019", set()),
])
def test_regions_named(question: str, regions: set[str]) -> None:
    assert regions_named(question) == regions


def test_a_region_is_taken_out_of_the_topic() -> None:
    assert without_regions("which councils in the north east had high turnover").split() == \
        ["which", "councils", "in", "the", "had", "high", "turnover"]


@pytest.mark.parametrize(("body", "region"), [
    ("Wigan Local Area Partnership", "North West"), ("Hackney", "London"), ("North East Lincolnshire",
     "Yorkshire and the Humber"), ("Cardiff", "Wales"), ("Cumberland", "North West"), ("Hull", "Yorkshire and the Humber"),
    ("Bournemouth, Christchurch and Poole", "South West"), ("Northshire", None)])
def test_the_region_of_a_council(body: str, region: str | None) -> None:
    assert region_of(body) == region


def test_what_about_another_region_asks_the_same_of_it() -> None:
    from service.answering.context import Context
    from service.answering.followup import resolve
    from service.answering.mentions import BodyNames

    previous = Context(resolved="which councils in the north east are currently rated outstanding?")
    assert resolve("what about the north west?", previous, BodyNames([])).text == \
        "which councils in the north west are currently rated outstanding?"
    assert resolve("and in yorkshire?", previous, BodyNames([])).text == \
        "which councils in yorkshire are currently rated outstanding?"
    assert "north east" not in resolve("what about the north west's care leavers?", previous, BodyNames([])).text


@pytest.mark.parametrize(("question", "grouped"), [("worst london council", True), ("best council in london?", True),
                                                   ("what did the london council say about care leavers", False)])
def test_the_best_or_worst_london_council_is_one_of_the_boroughs(question: str, grouped: bool) -> None:
    from service.answering.places import council_groups

    ends = [question.lower().index("london") + len("london")]  # (where a body named London would end)
    assert bool(council_groups(question, ends)) is grouped

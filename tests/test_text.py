"""The small text tests the answerer shares: which figures are quantities."""

from __future__ import annotations

import pytest

from service.answering.places import council_areas, places_named
from service.answering.text import has_number, quantities


@pytest.mark.parametrize(("text", "figures"), [
    ("There were 591 children looked after in 2019.", ["591"]),
    ("Children in the current key stage 4 cohort remain more likely to be absent.", []),
    ("Section 20 agreements were used for 12% of children.", ["12%"]),
    ("3,456 referrals in 2018/19", ["3,456"]),
])
def test_quantities_are_not_years_or_labels(text: str, figures: list[str]) -> None:
    assert quantities(text) == figures
    assert has_number(text) == bool(figures)


def test_council_areas_are_read_as_people_write_them() -> None:
    areas = set(council_areas())
    assert {"Glasgow", "Glasgow City", "Edinburgh", "Cardiff", "Hull", "St Helens", "Vale of Glamorgan"} <= areas
    assert not areas & {"England", "Scotland", "Wales", "Northern Ireland"}
    assert places_named("how did glasgow do, and what about Vale of Glamorgan?") == ["glasgow", "Vale of Glamorgan"]
    assert places_named("children's reading improved") == [] and places_named("reading's 2016 report") == ["reading"]


def test_everyday_words_are_read_with_the_reports_terms() -> None:
    from service.answering.thesaurus import reports_words

    assert reports_words("problems with partner-violence work") == "domestic abuse"
    assert reports_words("how many kids in care") == "children looked after in care"
    assert reports_words("domestic abuse work") == ""  # the reports' own words need nothing beside them

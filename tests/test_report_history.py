"""Councils inspected more than once (tests/data/history: Northshire 2014, 2017, 2022, improving; Southvale 2016,
2021, declining): a comparison across one body's inspections sets side by side the reports of the years asked,
or the nearest to them when a year has none; a change at the latest inspection is read from the grades."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from service.answering.engine import Answerer
from service.schemas import AskRequest
from service.sessions import Sessions
from tests.conftest import answerer_over

HISTORY = Path(__file__).parent / "data" / "history"


@pytest.fixture(scope="module")
def history(tmp_path_factory: pytest.TempPathFactory, embeddings) -> Answerer:
    return answerer_over(HISTORY, tmp_path_factory.mktemp("history"), embeddings)


def write_report(folder: Path, body: str, published: str, body_text: str, grade: str = "") -> None:
    """A council's report in ``folder``: its header (body, date, overall grade) and ``body_text``; named for the
    body and the year ("eastvale-2022.md")."""
    rated = f"\nOverall effectiveness: {grade}" if grade else ""
    year = re.search(r"(?:19|20)\d\d", published).group(0)
    (folder / f"{body.lower()}-{year}.md").write_text(
        f"# Inspection of {body} local authority children's services\n\nInspected body: {body}\nPublished: "
        f"{published}{rated}\n\n{body_text}", encoding="utf-8")


def one_report(tmp_path: Path, embeddings, body: str, published: str, body_text: str, grade: str = "") -> Answerer:
    """An answerer over one council's report: its header (body, date, overall grade) and ``body_text``."""
    folder = tmp_path / "reports"
    folder.mkdir()
    write_report(folder, body, published, body_text, grade)
    return answerer_over(folder, tmp_path, embeddings)


def reports_over(tmp_path: Path, embeddings, reports: list[tuple[str, str, str, str]]) -> Answerer:
    """An answerer over one report per (body, published, body text, overall grade)."""
    folder = tmp_path / "reports"
    folder.mkdir()
    for body, published, text, grade in reports:
        write_report(folder, body, published, text, grade)
    return answerer_over(folder, tmp_path, embeddings)


def councils_over(tmp_path: Path, embeddings, reports: list[tuple[str, int, str]]) -> Answerer:
    """An answerer over one good report per (council, year, the text of its help and protection section)."""
    folder = tmp_path / "reports"
    folder.mkdir()
    for town, year, text in reports:
        write_report(folder, town, f"1 March {year}", f"## Help and protection\n\n{text}\n", "Good")
    return answerer_over(folder, tmp_path, embeddings)


TOWNS = ["Eastvale", "Westmoor", "Northby", "Southam", "Upton", "Downley", "Midhurst", "Farley"]


@pytest.mark.parametrize(("question", "years", "change"), [
    ("how did Northshire do in 2022 compared with 2018", [2017, 2022], "from requires improvement (2017) to good (2022)"),
    ("compare northshire 2014 and 2022", [2014, 2022], "from inadequate (2014) to good (2022)"),
    ("has northshire got better since its last inspection", [2017, 2022], "from requires improvement (2017) to good"),
])
def test_a_bodys_inspections_compared_by_the_years_asked(history: Answerer, question: str, years: list[int],
                                                         change: str) -> None:
    answer = history.ask(AskRequest(question=question))
    assert [item.report_id for item in answer.items] == [f"northshire-{year}" for year in years]
    assert f"**Improved**: {change}" in answer.answer


@pytest.mark.parametrize("question", ["which councils have declined since their last inspection",
                                      "which councils got worse at their latest inspection"])
def test_a_decline_at_the_latest_inspection_is_read_from_the_grades(history: Answerer, question: str) -> None:
    answer = history.ask(AskRequest(question=question))
    assert [(item.report_id, item.verdict) for item in answer.items] == [("southvale-2021", "declined")]
    assert "**good** (2016) to **requires improvement** (2021)" in answer.answer


def test_what_needs_to_improve_is_a_concern_whatever_its_words(history: Answerer) -> None:
    answer = history.ask(AskRequest(question="summarise northshire's 2022 inspection"))
    item = "The progress made by leaders in improving the timeliness of plans for care leavers."
    assert item in answer.answer.split("**Concerns**")[1] and item not in answer.answer.split("**Concerns**")[0]
    assert "highly effective" not in answer.answer.split("**Concerns**")[1]  # (praise run on after the list)
    assert "Social work capacity, so that" in answer.answer.split("**Concerns**")[1]  # (an item: "can" is in a
    # clause of its own)


def test_a_judgement_named_in_another_frameworks_words_is_found(history: Answerer) -> None:
    answer = history.ask(AskRequest(question="what grade did Northshire get for its leadership in 2022?"))
    assert "**Northshire (2022)** was rated **good** for *The impact of leaders" in answer.answer


def test_a_grade_asked_without_a_year_is_given_for_every_report_newest_first(history: Answerer) -> None:
    answer = history.ask(AskRequest(question="what grade did northshire get for leadership"))
    assert [c.report_id for c in answer.citations] == ["northshire-2022", "northshire-2017", "northshire-2014"]
    assert "**Northshire (2014)** was rated **inadequate** for *Leadership, management and governance*" in answer.answer


@pytest.mark.parametrize("question", ["how has northshire changed over time", "northshire's ratings over the years",
                                      "northshire history", "northshire's inspection history"])
def test_a_body_over_time_sets_all_its_reports_side_by_side(history: Answerer, question: str) -> None:
    answer = history.ask(AskRequest(question=question))
    assert [item.report_id for item in answer.items] == ["northshire-2014", "northshire-2017", "northshire-2022"]
    assert "**Improved**: from inadequate (2014) to good (2022)." in answer.answer
    care_leavers = next(line for line in answer.answer.splitlines() if "care leavers" in line)
    assert care_leavers.count("**requires improvement**") == 3  # one row, though the frameworks name it apart


def test_a_history_of_something_else_is_no_body_over_time(history: Answerer) -> None:
    """"... to help them understand their health history?" asks about health histories, not all of the body's
    reports side by side (s41 Ofsted probe f17 got Darlington's grades over time)."""
    answer = history.ask(AskRequest(question="northshire care leavers - what do they get at 18 to help them "
                                             "understand their health history?"))
    assert "| Overall grade |" not in answer.answer


def test_the_largest_change_of_grade_is_ranked_in_grade_steps(history: Answerer) -> None:
    improved = history.ask(AskRequest(question="which council has improved the most?"))
    assert {item.body for item in improved.items} == {"Northshire"} and len(improved.items) == 1
    declined = history.ask(AskRequest(question="Which local authority had the biggest decline in its grade?"))
    assert [item.report_id for item in declined.items] == ["southvale-2021"]
    assert "**good** (2016) to **requires improvement** (2021)" in declined.answer


def test_one_bodys_inspections_compared_without_years(history: Answerer) -> None:
    answer = history.ask(AskRequest(question="compare the last two inspections of Northshire"))
    assert [item.report_id for item in answer.items] == ["northshire-2017", "northshire-2022"]


@pytest.mark.parametrize("follow_up", ["compare them", "which was better?", "what changed between them?"])
def test_them_after_two_years_of_one_body_compares_those_two_reports(history: Answerer, follow_up: str) -> None:
    first = history.ask(AskRequest(question="what did ofsted find in northshire in 2022?"))
    second = history.ask(AskRequest(question="what about 2017?", session_id=first.session_id))
    assert {c.report_id for c in second.citations} == {"northshire-2017"}
    compared = history.ask(AskRequest(question=follow_up, session_id=first.session_id))
    assert [item.report_id for item in compared.items] == ["northshire-2017", "northshire-2022"]  # not 2014


def test_how_good_a_council_is_at_a_judgement_area_gives_that_grade_in_each_report(history: Answerer) -> None:
    answer = history.ask(AskRequest(question="how good is northshire at helping care leavers?"))
    lines = answer.answer.splitlines()
    assert lines[0].startswith("**Northshire (2022)** was rated **requires improvement** for *The experiences and "
                               "progress of care leavers*")
    assert len(lines) == 3 and all("care leavers" in line for line in lines)


@pytest.mark.parametrize(("question", "area"), [
    ("was northshire any good at looking after kids in care?", "children in care"),  # (the area by meaning)
    ("northshire care leavers - good or bad?", "care leavers")])
def test_a_judgement_area_asked_in_other_words_gives_that_grade(history: Answerer, question: str, area: str) -> None:
    lines = history.ask(AskRequest(question=question)).answer.splitlines()
    assert f"{area}*" in lines[0] and len(lines) == 3 and all(" for *" in line for line in lines), lines


@pytest.mark.parametrize("question", ["which councils are requires improvement right now?",
                                      "which councils are rated requires improvement at the moment?"])
def test_a_grade_held_right_now_is_a_grade_list_of_the_latest(history: Answerer, question: str) -> None:
    assert [item.report_id for item in history.ask(AskRequest(question=question)).items] == ["southvale-2021"]


@pytest.mark.parametrize("question", ["name two councils rated requires improvement",
                                      "list three councils that were rated requires improvement"])
def test_how_many_to_name_is_no_topic_of_a_grade_list(history: Answerer, question: str) -> None:
    answer = history.ask(AskRequest(question=question))
    assert answer.answer.startswith("Reports with that grade") and len(answer.items) == 2, answer.answer


@pytest.mark.parametrize("follow_up", ["what about neighbouring southvale?", "and nearby southvale?"])
def test_a_word_said_of_the_next_body_asks_the_same_of_it(history: Answerer, follow_up: str) -> None:
    first = history.ask(AskRequest(question="how was northshire rated in 2022?"))
    answer = history.ask(AskRequest(question=follow_up, session_id=first.session_id))
    assert answer.answer.startswith("**Southvale (2021)** was rated **requires improvement** overall."), answer.answer


@pytest.mark.parametrize("question", ["where is northshire falling down?", "what is going wrong at northshire?"])
def test_a_weak_side_asked_in_an_idiom_gives_the_latest_reports_concerns(history: Answerer, question: str) -> None:
    answer = history.ask(AskRequest(question=question))
    assert answer.answer.startswith("**Northshire (2022)**") and "**Concerns**" in answer.answer, answer.answer


def test_a_grade_held_now_is_each_bodys_latest(history: Answerer) -> None:
    ever = history.ask(AskRequest(question="which councils were rated requires improvement?"))
    assert {item.report_id for item in ever.items} == {"northshire-2017", "southvale-2021"}
    now = history.ask(AskRequest(question="which councils are currently rated requires improvement?"))
    assert [item.report_id for item in now.items] == ["southvale-2021"]


def test_a_fact_asked_with_no_year_is_answered_first_from_the_latest_report(history: Answerer) -> None:
    answer = history.ask(AskRequest(question="who places adopted children for northshire"))
    assert answer.citations[0].report_id == "northshire-2022" and "Adopt North" in answer.answer
    dated = history.ask(AskRequest(question="who placed adopted children for northshire in 2014"))
    assert dated.citations[0].report_id == "northshire-2014"


@pytest.mark.parametrize(("question", "years"), [
    ("did the problems with care leavers at northshire ease between the 2017 and 2022 inspections?", [2017, 2022]),
    ("how has northshire changed since its first inspection?", [2014, 2017, 2022]),
    ("northshire children's services - how did things change between the 2014 inspection and the most recent one?",
     [2014, 2022]),  # (a year and "the most recent one": that year's report and the latest)
    ("how did northshire's 2022 inspection compare with last time?", [2017, 2022]),  # (the one before that year's)
])
def test_one_body_asked_of_two_inspections_is_set_side_by_side(history: Answerer, question: str,
                                                                years: list[int]) -> None:
    answer = history.ask(AskRequest(question=question))
    assert [item.report_id for item in answer.items] == [f"northshire-{year}" for year in years]


@pytest.mark.parametrize(("question", "grade", "area"), [
    ("what grade did northshire get in 2022 for youngsters requiring support and safeguarding from harm?", "good",
     "help and protection"),
    ("how was northshire rated in 2022 for young adults who have left care?", "requires improvement", "care leavers"),
    ("How did Ofsted rate Northshire's support for young people who have left care in its 2022 inspection?",
     "requires improvement", "care leavers"),  # (a rating asked by "rate": the grade, not an overview)
    ("northshire 2022: what grade did its support for young adults who had grown out of its foster and residential "
     "system get?", "requires improvement", "care leavers"),  # (the reports' term for the words names the area)
])
def test_a_judgement_area_asked_in_other_words_is_found_by_meaning(history: Answerer, question: str, grade: str,
                                                                    area: str) -> None:
    answer = history.ask(AskRequest(question=question))
    assert answer.answer.startswith(f"**Northshire (2022)** was rated **{grade}** for *") and area in answer.answer


def test_the_inspection_before_a_years_one_is_an_earlier_report(history: Answerer) -> None:
    answer = history.ask(AskRequest(question="what was northshire rated at its inspection before the 2022 one?"))
    assert answer.answer.startswith("**Northshire (2017)** was rated **requires improvement** overall")
    assert "northshire-2022" not in {c.report_id for c in answer.citations}


def test_the_grade_before_one_a_year_brought_is_the_report_before_that_years(history: Answerer) -> None:
    answer = history.ask(AskRequest(question="What grade did Northshire have before it got good in 2022?"))
    assert answer.answer.startswith("**Northshire (2017)** was rated **requires improvement** overall"), answer.answer


def test_rated_overall_is_the_overall_grade_whatever_else_the_question_says(history: Answerer) -> None:
    answer = history.ask(AskRequest(question="How was Northshire's children's social care rated overall in the 2022 "
                                             "inspection?"))
    assert answer.answer.startswith("**Northshire (2022)** was rated **good** overall")


@pytest.mark.parametrize(("question", "grade", "area"), [
    ("northshire 2022 what did they get for help and protection", "good", "help and protection"),
    ("northshire 2022 - care leavers grade? was that good too", "requires improvement", "care leavers"),
    ("How did Ofsted grade Northshire's work with youngsters who have grown up and left its care in 2022?",
     "requires improvement", "care leavers"),  # (no area named by its words: every grade, the nearest first)
])
def test_a_judgement_asked_without_a_rating_word_or_area_name_leads_with_that_area(
        history: Answerer, question: str, grade: str, area: str) -> None:
    answer = history.ask(AskRequest(question=question))
    first = answer.answer.splitlines()[0]
    assert first.startswith(f"**Northshire (2022)** was rated **{grade}** for *") and area in first


def test_which_area_was_graded_lower_gives_every_grade_the_different_one_first(history: Answerer) -> None:
    answer = history.ask(AskRequest(question="In Northshire's 2022 inspection, which judgement area fell below "
                                             "the others?"))
    lines = answer.answer.splitlines()
    assert lines[0].startswith("**Northshire (2022)** was rated **good** overall")
    assert lines[1].startswith("**Northshire (2022)** was rated **requires improvement** for *The experiences and "
                               "progress of care leavers*")
    assert len(lines) == 5 and {c.report_id for c in answer.citations} == {"northshire-2022"}


@pytest.mark.parametrize("question", [
    "In Northshire's 2022 report, which part got the second-best possible grade?",
    "which area of northshire's services received good in 2022",
])
def test_which_area_got_a_grade_leads_with_the_areas_given_it(history: Answerer, question: str) -> None:
    """"Which part got the top grade?" asks which judgement: those given that grade first, then the rest."""
    lines = history.ask(AskRequest(question=question)).answer.splitlines()
    assert lines[0].startswith("**Northshire (2022)** was rated **good** for *")
    assert any("overall" in line for line in lines[1:])


@pytest.mark.parametrize(("question", "reports", "intro"), [
    ("Which inspection had the most areas rated requires improvement?", ["northshire-2017"],
     "The most judgements rated **requires improvement** in one report (4)"),
    ("which report got the fewest good grades", ["northshire-2014", "northshire-2017"],
     "The fewest judgements rated **good** in one report (1)"),
])
def test_the_most_areas_given_a_grade_counts_each_reports_judgements(history: Answerer, question: str,
                                                                     reports: list[str], intro: str) -> None:
    answer = history.ask(AskRequest(question=question))
    assert answer.answer.startswith(intro)
    assert sorted({c.report_id for c in answer.citations}) == reports


def test_a_rating_asked_years_before_a_report_is_the_earlier_reports_overall_grade(history: Answerer) -> None:
    answer = history.ask(AskRequest(question="What had Northshire's children's social care been rated five years "
                                             "before its 2022 Ofsted report?"))
    assert answer.answer.startswith("**Northshire (2017)** was rated **requires improvement** overall")
    assert "for *" not in answer.answer


def test_a_figure_that_counts_something_else_is_not_the_answers_headline(history: Answerer) -> None:
    other = history.ask(AskRequest(question="how many children in care did northshire have in 2022?"))
    assert other.abstained  # (41 counts occasions, not children: the report gives no count of children in care)
    asked = history.ask(AskRequest(question="how many times did children go missing from care in northshire in 2022?"))
    assert asked.answer.startswith("**41** — ")


def test_a_figure_of_those_who_left_a_state_is_not_how_many_are_in_it(tmp_path, embeddings) -> None:
    answerer = one_report(tmp_path, embeddings, "Eastfield", "2017-04", (
        "## Information about this local authority area\n\n"
        "105 children ceased to be looked after, of whom 11% subsequently returned to be looked after.\n\n"
        "At 28 February 2017, 294 children are being looked after by the local authority (a rate of 91 per 10,000 "
        "children).\n"), "Good")  # (Knowsley 2017's words)
    answer = answerer.ask(AskRequest(question="how many children were in care in eastfield in 2017"))
    assert answer.answer.startswith("**294** — ")
    left = answerer.ask(AskRequest(question="how many children ceased to be looked after in eastfield in 2017?"))
    assert left.answer.startswith("**105** — ")


@pytest.mark.parametrize(("body", "published", "text", "grade", "question", "lead"), [
    ("Westford", "2017-09", "## Information about this local authority area\n\n"
     "Westford has a high number of unaccompanied asylum-seeking children (364 as at 19 June 2017), which is 48% "
     "of the total children looked after population.\n\n"
     "Almost half of Westford's 760 children looked after cohort are unaccompanied asylum-seeking children.\n",
     "Good", "how many kids who arrived in the UK alone without parents was westford looking after in 2017?",
     "**364** — "),  # (a bracketed figure counts the words before it, told by a relative clause: Croydon 2017's)
    ("Westisle", "2019-01", "## Leadership\n\n"
     "Social workers are supported by personal assistants who take on administrative tasks.\n\n"
     "An externally commissioned analysis of this personal assistant role has shown a 20% increase in social "
     "work time being spent with families.\n", "Good",
     "how much did the admin assistants for social workers increase the time spent with families in westisle?",
     "**20%** — "),  # (how much of the time spent is no sum of money: the Isle of Wight 2019's)
    ("Westpool", "2019-01", "## Children in care\n\n"
     "A year ago, only 14% of children looked after had a personal education plan (PEP).\n\n"
     "Leaders have prioritised education for children in care.\n\n"
     "This situation is improving and at the time of the inspection, 68% of children looked after had a PEP.\n",
     "Requires improvement", "In Westpool's 2019 report, what share of looked after children had a personal "
     "education plan at the time of the inspection?",
     "**68%** — "),  # (a figure asked at the inspection is not what it was a year before: Blackpool 2019's)
    ("Eastvale", "12 July 2024", "## Help and protection\n\nToo few children at risk of exploitation get help "
     "quickly. Leaders recognise this and have recently appointed two exploitation workers to provide targeted "
     "support.\n", "Good", "How many exploitation workers had Eastvale recently appointed when it was inspected "
     "in 2024?",
     "**two**"),  # (a count of workers in words: it had said the report gives no number, reading figures only)
])
def test_the_figure_asked_leads_the_answer(tmp_path: Path, embeddings, body: str, published: str, text: str,
                                           grade: str, question: str, lead: str) -> None:
    answerer = one_report(tmp_path, embeddings, body, published, text, grade)
    answer = answerer.ask(AskRequest(question=question))
    assert answer.answer.startswith(lead), answer.answer


def test_what_social_work_practice_framework_asks_its_name(tmp_path, embeddings) -> None:
    answerer = one_report(tmp_path, embeddings, "Westbay", "2018-08", (
        "## Help and protection\n\n"
        "In stronger cases, inspectors found examples of good child-centred practice, using the local authority’s "
        "model of social work, leading to more effective and robust analysis.\n\n"
        "The quality of social work practice is adversely affected by frequent changes of social workers.\n\n"
        "The local authority uses the ‘Signs of Safety’ model of social work.\n"), "Inadequate")  # (Torbay 2018's)
    answer = answerer.ask(AskRequest(question="What social work practice framework was Westbay using in 2018?"))
    assert "Signs of Safety" in answer.citations[0].quote, answer.answer


def test_a_count_sharing_only_a_modifier_with_what_is_asked_does_not_count_it(tmp_path, embeddings) -> None:
    answerer = one_report(tmp_path, embeddings, "Eastfolk", "2024-05", (
        "## Children in care\n\n"
        "Foster carers receive very good support, including through three hub foster homes which support a group "
        "of foster carers as an extended family model, with a fourth planned.\n"), "Good")  # (Suffolk 2024's)
    answer = answerer.ask(AskRequest(question="How many foster carers does Eastfolk have?"))
    assert not answer.answer.startswith("**three**"), answer.answer


def test_a_phrase_asked_to_be_mentioned_is_found_by_the_name_it_gives(tmp_path, embeddings) -> None:
    answerer = councils_over(tmp_path, embeddings, [
        ("Northgate", 2025, "Foster carers benefit from the support provided by the mockingbird hubs, buddies and "
                            "community foster carers."),
        ("Southmoor", 2023, "The Mockingbird fostering programme supports a group of foster carers."),
        ("Westdale", 2023, "Foster carers are well supported by their supervising social workers.")])
    answer = answerer.ask(AskRequest(question="Out of Northgate, Southmoor and Westdale, which mention the Mockingbird "
                                              "fostering programme in their latest inspection report?"))
    assert {item.body for item in answer.items} == {"Northgate", "Southmoor"}, answer.answer


def test_a_grade_list_by_year_also_tells_the_reports_inspected_that_year_and_published_later(tmp_path,
                                                                                          embeddings) -> None:
    answerer = reports_over(tmp_path, embeddings, [
        ("Eastvale", "17 December 2021", "Inspection dates: 1 to 12 November 2021\n\nHelp is slow.\n", "Inadequate"),
        ("Westvale", "11 February 2022", "Inspection dates: 6 to 17 December 2021\n\nPlans are weak.\n",
         "Inadequate"),
        ("Northvale", "1 March 2021", "Inspection dates: 1 to 12 February 2021\n\nHelp is swift.\n", "Good")])
    answer = answerer.ask(AskRequest(question="Which councils were rated inadequate in 2021?"))
    assert {item.body for item in answer.items} == {"Eastvale"}, answer.answer
    assert "also: **Westvale** (inspected 6 to 17 December 2021, published 11 February 2022)" in answer.answer, \
        answer.answer
    assert {c.report_id for c in answer.citations} == {"eastvale-2021", "westvale-2022"}


def test_according_to_it_after_a_summary_asks_that_report_whatever_year_its_figures_start(history: Answerer) -> None:
    first = history.ask(AskRequest(question="tell me about northshire's 2017 inspection"))
    second = history.ask(AskRequest(question="how many children had gone missing since jan 2015 according to it?",
                                    session_id=first.session_id))
    assert {c.report_id for c in second.citations} == {"northshire-2017"}, second.answer


def test_the_reports_inspected_that_year_are_told_only_of_the_place_asked(tmp_path, embeddings) -> None:
    answerer = reports_over(tmp_path, embeddings, [
        ("Barnsley", "1 June 2023", "Inspection dates: 1 to 12 May 2023\n\nHelp is swift.\n", "Good"),
        ("Sheffield", "12 January 2024", "Inspection dates: 4 to 15 December 2023\n\nPlans are clear.\n", "Good"),
        ("Derbyshire", "12 January 2024", "Inspection dates: 30 October to 10 November 2023\n\nHelp is swift.\n",
         "Good")])
    answer = answerer.ask(AskRequest(question="which councils in yorkshire were rated good in 2023?"))
    assert {item.body for item in answer.items} == {"Barnsley"}, answer.answer
    assert "**Sheffield** (inspected" in answer.answer and "Derbyshire" not in answer.answer, answer.answer


def test_the_inspections_a_person_led_are_read_from_the_lead_inspector_lines(tmp_path, embeddings) -> None:
    answerer = reports_over(tmp_path, embeddings, [
        ("Eastvale", "1 June 2023", "Lead inspector: Amanda Maxwell, His Majesty’s Inspector\n\nHelp is swift.\n",
         "Good"),
        ("Westvale", "29 July 2022", "Inspection dates: 13 to 17 June 2022\nLead inspector: Amanda Maxwell, Her "
                                     "Majesty’s Inspector\nJudgement Grade\n\nPlans are clear.\n", "Outstanding"),
        ("Northvale", "1 March 2023", "Lead inspector: Jo Smith, His Majesty’s Inspector\n\nHelp is slow.\n",
         "Good")])
    answer = answerer.ask(AskRequest(question="Which inspections was Amanda Maxwell the lead inspector for?"))
    assert {item.body for item in answer.items} == {"Eastvale", "Westvale"}, answer.answer
    assert "led by **Amanda Maxwell**" in answer.answer  # (from the lines read at ingest, however they go on)


def test_an_age_is_no_count_of_those_asked(tmp_path, embeddings) -> None:
    answerer = one_report(tmp_path, embeddings, "Westdale", "2018-03", (
        "## Care leavers\n\n"
        "More than double the number of young people aged between 19 and 21 attend higher education in Westdale "
        "compared to care leavers nationally.\n"), "Good")  # (Rochdale 2018's words)
    answer = answerer.ask(AskRequest(question="how many kids in care did westdale have in 2018"))
    assert answer.abstained, answer.answer


def test_how_often_is_answered_by_a_frequency(history: Answerer) -> None:
    answer = history.ask(AskRequest(question="how often does northshire's exploitation group get together?"))
    assert answer.answer.startswith("**monthly** — ") and "meets monthly" in answer.citations[0].quote


def test_why_after_who_led_it_explains_the_grade_of_the_inspection_discussed(history: Answerer) -> None:
    first = history.ask(AskRequest(question="how was northshire rated in 2022?"))
    led = history.ask(AskRequest(question="who led that inspection?", session_id=first.session_id))
    assert "Jane Ash" in led.answer
    why = history.ask(AskRequest(question="why?", session_id=led.session_id))
    assert why.answer.startswith("**Northshire (2022)**") and "rated **good** overall" in why.answer
    assert {c.report_id for c in why.citations} == {"northshire-2022"}


def test_the_lead_inspector_after_one_inspection_is_that_inspections(history: Answerer) -> None:
    first = history.ask(AskRequest(question="How did Northshire do in its 2022 inspection?"))
    led = history.ask(AskRequest(question="who was the lead inspector?", session_id=first.session_id))
    assert "Jane Ash" in led.answer and "Tom Birch" not in led.answer
    before = history.ask(AskRequest(question="and what about the inspection before that?", session_id=led.session_id))
    assert "Tom Birch" in before.answer and not before.abstained


def test_a_question_of_its_own_about_the_time_before_asks_it_of_that_report(history: Answerer) -> None:
    led = history.ask(AskRequest(question="who led northshire's 2022 inspection?"))
    grade = history.ask(AskRequest(question="and what overall grade did northshire get the time before that?",
                                   session_id=led.session_id))
    assert grade.answer == "**Northshire (2017)** was rated **requires improvement** overall. [1]", grade.answer


@pytest.mark.parametrize("follow_up", ["And how did its adoption work do?", "how did its adoption do?"])
def test_how_a_judgement_area_did_after_a_grade_is_that_areas_grade(history: Answerer, follow_up: str) -> None:
    first = history.ask(AskRequest(question="What was Northshire's overall result in its 2017 inspection?"))
    answer = history.ask(AskRequest(question=follow_up, session_id=first.session_id))
    assert answer.answer.startswith("**Northshire (2017)** was rated") and "Adoption" in answer.answer.split("\n")[0]


def test_an_overview_asking_where_they_were_strong_and_where_they_fell_short_is_one_overview(history: Answerer) -> None:
    answer = history.ask(AskRequest(question="Give me an overview of northshire's 2022 inspection - where were they "
                                             "strong and where did they fall short?"))
    assert answer.answer.startswith("**Northshire (2022)**\n- **Northshire (2022)** was rated **good** overall."), \
        answer.answer  # (not split into two garbled questions)


def test_a_bodys_first_inspection_is_its_earliest_report(history: Answerer) -> None:
    answer = history.ask(AskRequest(question="tell me about northshire's first inspection"))
    assert {c.report_id for c in answer.citations} == {"northshire-2014"}
    for asked in ("the first time northshire was looked at, how was it rated?",
                  "what did inspectors make of northshire the first time round?"):
        assert {c.report_id for c in history.ask(AskRequest(question=asked)).citations} == {"northshire-2014"}
    after = history.ask(AskRequest(question="and what about the next time they were inspected?",
                                   session_id=answer.session_id))
    assert {c.report_id for c in after.citations} == {"northshire-2017"}


@pytest.mark.parametrize("question", ["what was northshire's previous grade?", "what was Northshire rated previously",
                                      "what grade did northshire get at its previous inspection?"])
def test_a_previous_grade_is_the_report_before_the_latest(history: Answerer, question: str) -> None:
    answer = history.ask(AskRequest(question=question))
    assert answer.answer.startswith("**Northshire (2017)** was rated **requires improvement** overall")
    assert {c.report_id for c in answer.citations} == {"northshire-2017"}


def test_a_sentence_saying_it_happened_to_no_child_is_no_instance_of_it(history: Answerer) -> None:
    had = history.ask(AskRequest(question="which councils had children living in unregistered homes?"))
    assert [item.report_id for item in had.items] == ["southvale-2021"]  # (not "no children ... live in")
    none = history.ask(AskRequest(question="which councils had no children in unregistered homes?"))
    assert [item.report_id for item in none.items] == ["northshire-2022"]


def test_a_grade_and_why_asked_of_a_year_with_no_report_says_which_years_have_one(history: Answerer) -> None:
    answer = history.ask(AskRequest(question="how was northshire rated in 2019, and why?"))
    assert answer.abstained and "Northshire's reports are of 2014, 2017 and 2022" in answer.answer


def test_a_subject_in_words_only_the_thesaurus_knows_is_no_overview(history: Answerer) -> None:
    answer = history.ask(AskRequest(question="why so many uasc in northshire"))
    assert "**Strengths**" not in answer.answer and "asylum-seeking" in answer.citations[0].quote


def test_why_did_it_improve_compares_the_two_inspections_just_asked_about(history: Answerer) -> None:
    first = history.ask(AskRequest(question="What was Northshire's overall grade in 2014?"))
    then = history.ask(AskRequest(question="and in 2017?", session_id=first.session_id))
    why = history.ask(AskRequest(question="why did it improve?", session_id=then.session_id))
    assert [item.report_id for item in why.items] == ["northshire-2014", "northshire-2017"]


def test_an_abbreviation_the_thesaurus_knows_names_the_judgement_area(history: Answerer) -> None:
    answer = history.ask(AskRequest(question="northshire 2022 cla grade"))
    assert answer.answer.startswith("**Northshire (2022)** was rated **good** for *The experiences and progress of "
                                    "children in care*")


def test_the_inspection_before_that_after_every_grade_listed_is_the_one_before_the_latest(history: Answerer) -> None:
    now = history.ask(AskRequest(question="how is northshire rated now?"))
    assert now.citations[0].report_id == "northshire-2022"
    before = history.ask(AskRequest(question="what about the inspection before that?", session_id=now.session_id))
    assert not before.abstained and {c.report_id for c in before.citations} == {"northshire-2017"}


def test_better_than_before_compares_the_report_discussed_with_the_one_before_it(history: Answerer) -> None:
    latest = history.ask(AskRequest(question="what did ofsted say about northshire most recently"))
    better = history.ask(AskRequest(question="was that better than before?", session_id=latest.session_id))
    assert [item.report_id for item in better.items] == ["northshire-2017", "northshire-2022"]


@pytest.mark.parametrize("question", ["what does northshire need to fix?", "what did ofsted want improved at northshire?",
                                      "what were the main worries about northshire?",
                                      "anything northshire needs to sort out?"])
def test_what_needs_improving_in_other_words_is_the_latest_reports_concerns(history: Answerer, question: str) -> None:
    answer = history.ask(AskRequest(question=question))
    assert answer.answer.startswith("**Northshire (2022)**") and "**Strengths**" not in answer.answer
    concerns = answer.answer.split("**Concerns**")[1]
    assert "timeliness of plans for care leavers" in concerns and "highly effective" not in concerns


@pytest.mark.parametrize("question", ["northshire 2022 lead inspector", "northshire 2022 ofsted, who was lead inspector",
                                      "which HMI was in charge of northshire's 2022 inspection?",
                                      "Who headed the 2022 Ofsted team for Northshire?",
                                      "Which HMI was in charge of the June 2022 Ofsted visit to Northshire?"])
def test_a_role_named_without_a_question_word_asks_for_its_holder(history: Answerer, question: str) -> None:
    answer = history.ask(AskRequest(question=question))
    assert answer.answer.startswith("The **Northshire (2022)** inspection was led by **Jane Ash**")


@pytest.mark.parametrize("asked", ["does southvale run the mockingbird fostering model?",
                                   "how many mockingbird hubs does southvale run", "southvale mockingbird hubs"])
def test_a_name_other_reports_use_but_the_bodys_do_not_is_not_mentioned(history: Answerer, asked: str) -> None:
    absent = history.ask(AskRequest(question=asked))
    assert absent.abstained and absent.answer == "The reports in this index on Southvale do not mention Mockingbird."
    for asked in ("Does Southvale offer Family Group Conferences?",
                  "What did inspectors say about Southvale's Family Group Conferences?"):  # (the body's own
        assert history.ask(AskRequest(question=asked)).answer.endswith(  # words are no part of the name)
            "do not mention Family Group Conferences.")
    present = history.ask(AskRequest(question="does northshire run the mockingbird fostering model?"))
    assert not present.abstained and "Mockingbird" in present.citations[0].quote


def test_a_phrase_other_reports_use_in_lower_case_is_no_name_the_body_leaves_unsaid(history: Answerer) -> None:
    """"How heavy were caseloads": other reports write "heavy caseloads", the body's say "caseloads have risen";
    the words are a description, not a programme's name, and the body's sentence on caseloads answers."""
    answer = history.ask(AskRequest(question="how heavy were caseloads in southvale?"))
    assert not answer.abstained and "caseloads have risen" in answer.citations[0].quote


def test_one_word_of_a_subject_names_no_judgement_area(history: Answerer) -> None:
    """"Life story work" shares "work" with "... social work practice ...": the subject, not that grade."""
    answer = history.ask(AskRequest(question="how good is northshire at life story work?"))
    assert not answer.abstained and "Life story work is thoughtful" in answer.citations[0].quote


def test_the_story_with_a_body_is_an_overview_not_life_story_work(history: Answerer) -> None:
    answer = history.ask(AskRequest(question="what's the story with northshire?"))
    assert answer.answer.startswith("**Northshire (2022)**") and "**Strengths**" in answer.answer


@pytest.mark.parametrize(("question", "years"), [
    ("compare northshire's 2022 inspection with the previous one", [2017, 2022]),
    ("compare northshire's 2022 inspection with the one before", [2017, 2022]),
    ("how did northshire's 2014 inspection compare with the next one?", [2014, 2017]),
])
def test_a_years_inspection_compared_with_the_one_before_is_the_report_just_before_it(
        history: Answerer, question: str, years: list[int]) -> None:
    answer = history.ask(AskRequest(question=question))
    assert [item.report_id for item in answer.items] == [f"northshire-{year}" for year in years]


def test_how_that_compared_with_the_time_before_sets_the_report_discussed_beside_the_one_before(
        history: Answerer) -> None:
    did = history.ask(AskRequest(question="How did Northshire do in its 2022 inspection?"))
    leavers = history.ask(AskRequest(question="and what about their care leavers?", session_id=did.session_id))
    before = history.ask(AskRequest(question="how did that compare with the time before?",
                                    session_id=leavers.session_id))
    assert [item.report_id for item in before.items] == ["northshire-2017", "northshire-2022"]


def test_what_was_found_when_they_looked_is_an_overview_and_what_they_were_told_to_fix_its_concerns(
        history: Answerer) -> None:
    found = history.ask(AskRequest(question="What did Ofsted find when they looked at Northshire's children's "
                                            "services in 2022?"))
    assert found.answer.startswith("**Northshire (2022)**") and "**Strengths**" in found.answer
    fix = history.ask(AskRequest(question="what were the main things they were told to fix?",
                                 session_id=found.session_id))
    assert "**Concerns**" in fix.answer and "**Strengths**" not in fix.answer


def test_how_a_body_is_doing_is_asked_of_its_latest_report(history: Answerer) -> None:
    answer = history.ask(AskRequest(question="how is northshire doing with adopted children?"))
    assert {c.report_id for c in answer.citations} == {"northshire-2022"}


@pytest.mark.parametrize("question", ["overview of northshire's last inspection please",
                                      "overview of northshire's last inspection pls", "northshire summary, thanks"])
def test_please_and_thanks_ask_for_nothing(history: Answerer, question: str) -> None:
    from service.answering.scope import SCAFFOLD
    from service.answering.text import stem

    assert {stem("please"), stem("thanks")} <= SCAFFOLD  # (the Ofsted reports print "please": no subject asked)
    answer = history.ask(AskRequest(question=question))
    assert answer.answer.startswith("**Northshire (2022)**") and "**Strengths**" in answer.answer


def test_how_a_body_is_doing_these_days_is_an_overview_of_its_latest_report(history: Answerer) -> None:
    from service.answering.intent import OVERVIEW_WORDS
    from service.answering.text import stem

    assert {stem("days"), stem("nowadays"), stem("moment")} <= OVERVIEW_WORDS  # (when, not what about)
    answer = history.ask(AskRequest(question="how is northshire doing these days?"))
    assert answer.answer.startswith("**Northshire (2022)**") and "**Strengths**" in answer.answer


@pytest.mark.parametrize(("first", "follow_up", "opening"), [
    ("how did northshire do last time?", "who led it?", "The **Northshire (2022)** inspection was led by **Jane Ash**"),
    ("how did southvale do in 2021?", "what was the previous grade?",  # (the grade of the report before: it had
     "**Southvale (2016)** was rated **good** overall")])  # been what the 2021 report says of an earlier one)
def test_a_follow_up_on_one_inspection_is_answered_of_that_inspection(history: Answerer, first: str, follow_up: str,
                                                                      opening: str) -> None:
    did = history.ask(AskRequest(question=first))
    assert history.ask(AskRequest(question=follow_up, session_id=did.session_id)).answer.startswith(opening)


def test_what_did_they_need_to_improve_after_the_time_before_is_of_that_inspection(history: Answerer) -> None:
    did = history.ask(AskRequest(question="how did northshire do last time?"))
    before = history.ask(AskRequest(question="and the time before?", session_id=did.session_id))
    assert before.answer.startswith("**Northshire (2017)**")
    improve = history.ask(AskRequest(question="what did they need to improve?", session_id=before.session_id))
    assert improve.answer.startswith("**Northshire (2017)**")


def test_a_follow_up_naming_no_year_stays_with_the_year_just_asked_about(history: Answerer) -> None:
    first = history.ask(AskRequest(question="how did northshire do in 2017?"))
    worries = history.ask(AskRequest(question="what were the main worries?", session_id=first.session_id))
    assert worries.citations and {c.report_id for c in worries.citations} == {"northshire-2017"}  # (not 2022's)


@pytest.mark.parametrize("follow_up", ["did they keep that up next time round?", "was that sustained next time?"])
def test_keeping_it_up_next_time_round_sets_the_next_inspection_beside(history: Answerer, follow_up: str) -> None:
    first = history.ask(AskRequest(question="how did northshire do in 2017?"))
    kept = history.ask(AskRequest(question=follow_up, session_id=first.session_id))
    assert [item.report_id for item in kept.items] == ["northshire-2017", "northshire-2022"]


@pytest.mark.parametrize("follow_up", ["did they keep it up at the next one?",
                                       "did it get better at the following inspection?"])
def test_the_words_that_pick_the_next_inspection_are_not_an_aspect_to_compare(history: Answerer,
                                                                             follow_up: str) -> None:
    first = history.ask(AskRequest(question="how did northshire do in 2017?"))
    kept = history.ask(AskRequest(question=follow_up, session_id=first.session_id))
    rows = [line.split("|")[1].strip().lower() for line in kept.answer.splitlines() if line.startswith("| ")]
    assert rows and not [row for row in rows if {"keep", "next", "same", "both", "following"} & set(row.split())]


def test_a_comparison_across_two_frameworks_sets_each_judgement_beside_its_new_name(history: Answerer) -> None:
    answer = history.ask(AskRequest(question="compare northshire 2017 and 2022"))
    rows = {line.split("|")[1].strip(): line.split("|")[2:4] for line in answer.answer.splitlines()
            if line.startswith("| ")}  # (rows named as the newer report names them; cells 2017, 2022)
    assert [c.split("[")[0].strip() for c in rows["The experiences and progress of children in care"]] == [
        "**requires improvement**", "**good**"]  # (2017: children looked after and achieving permanence)
    assert "(as *" in rows["The experiences and progress of children in care"][0]  # (says the judgement it was)
    assert "(as *" not in rows["The experiences and progress of children in care"][1]
    assert [c.split("[")[0].strip() for c in rows["The experiences and progress of care leavers"]] == [
        "**requires improvement**", "**requires improvement**"]
    assert "**good**" in rows["The impact of leaders on social work practice with children and families"][1]
    assert "not graded" in rows["Adoption performance"][1]  # (no such judgement since 2018)


def test_what_was_it_like_the_time_before_gives_that_inspections_overview(history: Answerer) -> None:
    first = history.ask(AskRequest(question="how did northshire do in 2022?"))
    before = history.ask(AskRequest(question="what was it like the time before that?", session_id=first.session_id))
    assert before.answer.startswith("**Northshire (2017)**") and "rated **requires improvement** overall" in before.answer


def test_an_earlier_combined_judgement_fills_both_rows_a_later_report_splits_it_into() -> None:
    from datetime import date
    from types import SimpleNamespace

    from ingest.models import ReportMeta
    from service.answering.areas import AreaNames
    from service.answering.intents.changes import graded_areas

    both, care, leavers = ("The experiences and progress of children in care and care leavers",
                           "The experiences and progress of children in care", "The experiences and progress of care leavers")
    early = ReportMeta(report_id="h-2019", source="h/2019.pdf", title="H", body="H", published=date(2019, 5, 1),
                       areas={both: "outstanding"})
    late = ReportMeta(report_id="h-2024", source="h/2024.pdf", title="H", body="H", published=date(2024, 5, 1),
                      areas={care: "outstanding", leavers: "good"})
    rows = graded_areas(SimpleNamespace(areas=AreaNames([early, late])), [early, late])
    assert [name for name, _ in rows] == [care, leavers]  # (the later report's two judgements, each its own row)
    assert rows[0][1] == {"h-2024": care, "h-2019": both}  # (the earlier combined one beside the first; the
    assert rows[1][1] == {"h-2024": leavers}  # second finds it too when its cell is read: area_key)


@pytest.mark.parametrize("question", ["How many DCSs has Eastvale been through since the 2019 inspection?",
                                      "how many directors of children's services has eastvale had since 2019"])
def test_how_many_since_an_inspection_counts_from_the_reports_after_it(tmp_path: Path, embeddings,
                                                                         question: str) -> None:
    """A count of what happened since a time is read from the reports after it, not a comparison of the two
    (s54 Ofsted probe round 2 F12, a false abstention: the 2019 report alone was read)."""
    answerer = reports_over(tmp_path, embeddings, [
        ("Eastvale", "1 May 2019", "## Leadership\n\nThe director of children's services has been in post since "
                                   "2016.\n", "Good"),
        ("Eastvale", "1 May 2024", "## Leadership\n\nSince the previous inspection, there have been three directors "
                                   "of children's services, including an interim director.\n", "Requires improvement")])
    answer = answerer.ask(AskRequest(question=question))
    assert answer.answer.startswith("**three**"), answer.answer


def test_the_report_a_question_reads_from_is_no_part_of_what_it_asks(tmp_path: Path, embeddings) -> None:
    """"..., according to the 2022 inspection?" says which report to read, not what to find: sentences about an
    inspection do not outrank the one that answers (s54 Ofsted probe round 2 F4, Merton's director)."""
    answerer = one_report(tmp_path, embeddings, "Eastvale", "1 May 2022", (
        "Inspection dates: 28 February to 4 March 2022\n\n## Leadership\n\nLeaders have built on the impressive "
        "work seen at the previous inspection in 2017. The director of children's services was previously the "
        "assistant director for early help. She has taken a measured approach since her promotion to the role in "
        "April 2021. Children are seen regularly. Plans are clear and reviewed often. Foster carers are well "
        "supported. Care leavers have good advice. Managers oversee work closely. Staff feel valued.\n"), "Good")
    answer = answerer.ask(AskRequest(question="When was Eastvale's director of children's services promoted into the "
                                              "post, according to the 2022 inspection?"))
    assert "April 2021" in answer.answer.split("[2]")[0], answer.answer


def test_a_framework_named_keeps_the_reports_made_under_it(tmp_path: Path, embeddings) -> None:
    """"Outstanding under the old single inspection framework (SIF)": the reports titled as the SIF titled them
    (s54 Ofsted probe round 2 L3 listed every outstanding council of either framework)."""
    folder = tmp_path / "reports"
    folder.mkdir()
    sif = "Inspection of services for children in need of help and protection, children looked after and care leavers"
    for body, year, title in [("Eastvale", 2016, sif), ("Westmoor", 2021, "Inspection of Westmoor local authority "
                                                                          "children's services")]:
        (folder / f"{body.lower()}-{year}.md").write_text(
            f"# {title}\n\nInspected body: {body}\nPublished: 1 May {year}\nOverall effectiveness: Outstanding\n\n"
            "## Summary\n\nChildren are safe.\n", encoding="utf-8")
    answerer = answerer_over(folder, tmp_path, embeddings)
    for question, body in [("Which councils were judged outstanding overall under the old single inspection "
                            "framework (SIF)?", "Eastvale"), ("which councils got outstanding in ILACS inspections?",
                                                              "Westmoor")]:
        assert {item.body for item in answerer.ask(AskRequest(question=question)).items} == {body}


def test_a_name_after_a_bodys_possessive_is_the_programme_not_the_body_and_no_side(history: Answerer) -> None:
    """"North Yorkshire's No Wrong Door": the name is "No Wrong Door" (not "Yorkshire's No", which no report of the
    body writes: a false "do not mention"), and "Wrong" in it asks no concern (s54 Ofsted probe round 3 F17)."""
    from service.answering.asks import sides_named
    from service.answering.scope import proper_names

    question = "What age range does North Yorkshire's No Wrong Door service cover?"
    assert "Yorkshire's No" not in " ".join(proper_names(question)) and not sides_named(question)
    assert sides_named("what went wrong at north yorkshire?") == {"concern"}


def test_the_next_inspection_under_a_framework_named_is_not_in_the_reports(history: Answerer) -> None:
    """"When is X's next ILACS inspection scheduled?": the framework's name does not take "inspection" with it, so
    the question still asks for a date no report gives (s54 Ofsted probe round 3 U5 answered a past date)."""
    answer = history.ask(AskRequest(question="When is Northshire's next ILACS inspection scheduled?"))
    assert answer.abstained and "not when the next will be" in answer.answer, answer.answer


@pytest.mark.parametrize("vague", ["The majority of children in care are making progress and are settled where "
                                   "they live.",
                                   "While most children are well supported, the support for the small minority of "
                                   "children aged 16 and 17 who are homeless is not effective."])
def test_a_vague_share_is_no_count(tmp_path: Path, embeddings, vague: str) -> None:
    """"The majority of children in care are settled" gives no number of children in care: the report is said not
    to give it (Hull 2023 gave such sentences, saying nothing of the count); nor do ages (Wiltshire 2023: "the
    small number of vulnerable children aged 16 and 17", s55b Ofsted probe N05)."""
    answerer = one_report(tmp_path, embeddings, "Eastvale", "1 May 2023", (
        f"## Children in care\n\n{vague} Children in care live with their brothers or sisters when this is in their "
        "best interests. Most decisions for children to come into care are timely.\n"), "Good")
    answer = answerer.ask(AskRequest(question="how many children in care did eastvale have in 2023"))
    assert answer.abstained and "does not give the number of children" in answer.answer, answer.answer


def test_one_judgement_named_in_its_two_parts_is_given_once(tmp_path: Path, embeddings) -> None:
    """"What grade did X get for children in care and care leavers?" names one judgement in two parts; its grade
    is said once (s54 Ofsted probe FU1 said it twice)."""
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "eastvale-2019.md").write_text(
        '---\ntitle: "Inspection of Eastvale local authority children\'s services"\nbody: "Eastvale"\n'
        'inspectorate: "Ofsted"\npublished: "2019-05"\noverall_rating: "good"\nratings:\n'
        '  "The experiences and progress of children in care and care leavers": "outstanding"\n---\n\n'
        "# Inspection of Eastvale\n\nInspected body: Eastvale\nOverall effectiveness: Good\n\nRatings stated in "
        "the sources:\nThe experiences and progress of children in care and care leavers: Outstanding\n\n"
        "## Summary\n\nChildren in care are visited often.\n", encoding="utf-8")
    write_report(folder, "Westmoor", "1 May 2024", "Ratings stated in the sources:\nThe experiences and progress of "
                 "children in care: Good\nThe experiences and progress of care leavers: Good\n", "Good")
    answerer = answerer_over(folder, tmp_path, embeddings)
    answer = answerer.ask(AskRequest(question="what grade did eastvale get for children in care and care leavers?"))
    assert answer.answer.count("**outstanding**") == 1, answer.answer


@pytest.mark.parametrize("follow_up", ["what was it like before?", "how did they do before?"])
def test_before_at_the_end_of_a_follow_up_is_the_inspection_before(history: Answerer, follow_up: str) -> None:
    first = history.ask(AskRequest(question="how did northshire do in 2022?"))
    before = history.ask(AskRequest(question=follow_up, session_id=first.session_id))
    assert before.answer.startswith("**Northshire (2017)**")


def test_why_was_it_struggling_after_how_it_did_gives_its_concerns_not_the_same_overview(history: Answerer) -> None:
    first = history.ask(AskRequest(question="how did northshire do in 2017?"))
    why = history.ask(AskRequest(question="why was it struggling?", session_id=first.session_id))
    assert "**Concerns**" in why.answer and "**Strengths**" not in why.answer and why.answer != first.answer


@pytest.mark.parametrize("question", ["how was northshire rated in 2017?", "what grades did northshire get in 2017"])
def test_how_one_report_was_rated_gives_its_grade_for_each_judgement_after_the_overall(history: Answerer,
                                                                                     question: str) -> None:
    answer = history.ask(AskRequest(question=question))
    lines = answer.answer.splitlines()
    assert "**requires improvement** overall" in lines[0] and len(lines) > 2
    assert {c.report_id for c in answer.citations} == {"northshire-2017"}


@pytest.mark.parametrize("question", ["was northshire rated requires improvement in 2017?",
                                      "what was northshire's overall grade in 2017?",
                                      "What overall effectiveness grade did Northshire receive in 2017?"])
def test_a_yes_or_no_or_overall_grade_question_gives_the_overall_grade_alone(history: Answerer,
                                                                            question: str) -> None:
    answer = history.ask(AskRequest(question=question))
    assert len(answer.answer.splitlines()) == 1 and "overall" in answer.answer


def test_next_time_of_a_bodys_latest_report_says_there_is_none_and_the_talk_stays_there(history: Answerer) -> None:
    first = history.ask(AskRequest(question="how did northshire do in 2022?"))
    later = history.ask(AskRequest(question="did they improve next time?", session_id=first.session_id))
    assert later.abstained and "no later report" in later.answer
    before = history.ask(AskRequest(question="what was it like the time before?", session_id=later.session_id))
    assert before.answer.startswith("**Northshire (2017)**")


def test_why_after_how_a_body_did_gives_the_findings_on_its_grades_side(history: Answerer) -> None:
    first = history.ask(AskRequest(question="how did northshire do in 2017?"))
    why = history.ask(AskRequest(question="why?", session_id=first.session_id))
    assert "**Concerns**" in why.answer and "**Strengths**" not in why.answer and why.answer != first.answer


def test_every_judgement_of_a_grade_asked_is_given_however_many_sentences_rank_above_it(tmp_path, embeddings) -> None:
    from tests.conftest import answerer_over

    folder = tmp_path / "reports"
    folder.mkdir()
    source = (Path(__file__).parent / "data" / "history" / "northshire-2022.md").read_text(encoding="utf-8")
    padding = " ".join(f"Ofsted saw Northshire children's services get help from partner {n} for children."
                       for n in range(40))
    (folder / "northshire-2022.md").write_text(source + f"\n\n## Partners\n\n{padding}\n", encoding="utf-8")
    answer = answerer_over(folder, tmp_path, embeddings).ask(AskRequest(
        question="What grade did Northshire children's services get from Ofsted in 2022?"))
    assert answer.answer.count("**Northshire (2022)** was rated") == 5  # (overall and each of four areas)


def test_what_happened_at_the_next_full_inspection_is_the_next_reports_overview(history: Answerer) -> None:
    first = history.ask(AskRequest(question="how was northshire rated in 2017?"))
    second = history.ask(AskRequest(question="who led the inspection?", session_id=first.session_id))
    answer = history.ask(AskRequest(question="what happened at the next full inspection?",
                                    session_id=second.session_id))
    assert answer.answer.startswith("**Northshire (2022)**") and "**Northshire (2022)** was rated **good** overall" \
        in answer.answer and {c.report_id for c in answer.citations} == {"northshire-2022"}


def test_strong_praise_under_what_needs_to_improve_is_no_concern(tmp_path, embeddings) -> None:
    answerer = one_report(tmp_path, embeddings, "Eastmoor", "2018-06", (
        "## What needs to improve\n\nThe quality of written plans.\n\n"
        "Highly committed partner agencies work together well to deliver effective help to families.\n\n"
        "Strategy meetings do not record how enquiries should be undertaken.\n"), "Good")
    answer = answerer.ask(AskRequest(question="eastmoor 2018 in a nutshell"))
    concerns = answer.answer.split("**Concerns**")[1] if "**Concerns**" in answer.answer else ""
    assert "Strategy meetings" in concerns and "Highly committed" not in concerns


def test_the_short_lines_of_what_needs_to_improve_are_its_first_concerns(tmp_path, embeddings) -> None:
    answerer = one_report(tmp_path, embeddings, "Westmoor", "2022-05", (
        "Children are well supported by skilled social workers who know them well.\n\n## What needs to improve?\n\n"
        "Contingency planning in written plans.\n\nConsistent decisions after strategy discussions.\n\n"
        "## Help and protection\n\nThe pandemic caused a worrying rise in referrals and poor, delayed responses for "
        "some families.\n\nSome children wait too long for a weak and inconsistent assessment of their needs.\n"),
        "Good")  # (five words a line: not a sentence of prose)
    answer = answerer.ask(AskRequest(question="what did westmoor need to improve?"))
    assert "- Contingency planning in written plans." in answer.answer
    assert "- Consistent decisions after strategy discussions." in answer.answer


def test_what_a_report_says_of_other_inspections_is_no_finding_of_its_own(tmp_path, embeddings) -> None:
    answerer = one_report(tmp_path, embeddings, "Northmoor", "2014-05", (
        "## Summary\n\nThe workforce strategy is good and staff are well trained and supported.\n\nToo many "
        "children wait too long for a weak assessment of their needs.\n\n## Other Ofsted inspections\n\nThe "
        "fostering service was judged to be good for overall effectiveness in 2012.\n\nThe adoption agency was "
        "judged to be outstanding and highly effective.\n"), "Requires improvement")
    answer = answerer.ask(AskRequest(question="northmoor 2014 overall result?"))
    assert "workforce strategy" in answer.answer and "judged to be" not in answer.answer


def test_why_of_a_good_grade_with_a_weaker_judgement_gives_both_sides(history: Answerer) -> None:
    answer = history.ask(AskRequest(question="how did northshire do in 2022, and why?"))
    assert "**Strengths**" in answer.answer and "**Concerns**" in answer.answer  # (care leavers: requires improvement)


@pytest.mark.parametrize("question", ["what held northshire back in 2017?",
                                      "where did northshire let them down in 2017"])
def test_what_held_a_body_back_is_its_concerns(history: Answerer, question: str) -> None:
    answer = history.ask(AskRequest(question=question))
    assert answer.answer.startswith("**Northshire (2017)**") and "**Concerns**" in answer.answer
    assert "**Strengths**" not in answer.answer


def test_a_finding_in_the_summary_ranks_before_one_as_strong_in_another_section(tmp_path, embeddings) -> None:
    from service.answering.intents.overview import findings

    answerer = one_report(tmp_path, embeddings, "Westfold", "2019-06", (
        "## Case work\n\nThe written plans for children in Westfold were weak and out of date.\n\n"
        "## Summary\n\nRisk assessments for children in Westfold were poor and often late.\n"))
    meta = next(iter(answerer.library.reports.values()))
    assert findings(answerer.tools, meta, "concern", 1)[0].quote == \
        "Risk assessments for children in Westfold were poor and often late."


@pytest.mark.parametrize("question", ["northshire vs southvale which did better in 2019?",
                                      "compare Northshire and Southvale in 2019"])
def test_two_bodies_compared_in_a_year_neither_has_a_report_of_are_their_nearest(history: Answerer,
                                                                                 question: str) -> None:
    answer = history.ask(AskRequest(question=question))
    assert answer.answer.startswith("No report on Northshire or Southvale in this index is dated 2019; their other")
    assert sorted(item.report_id for item in answer.items) == ["northshire-2017", "southvale-2021"]


def test_two_bodies_compared_in_a_year_only_one_has_a_report_of_are_that_and_the_others_nearest(
        history: Answerer) -> None:
    answer = history.ask(AskRequest(question="how did northshire compare with southvale in 2021?"))
    assert sorted(item.report_id for item in answer.items) == ["northshire-2022", "southvale-2021"]  # (it had
    # abstained: Northshire has no report of 2021)


def test_what_happened_before_an_inspection_no_earlier_report_covers_is_asked_of_its_report(history: Answerer) -> None:
    answer = history.ask(AskRequest(question="what were caseloads like before the 2014 inspection at northshire?"))
    assert answer.answer.startswith("No report on Northshire in this index is dated before 2014")
    assert {c.report_id for c in answer.citations} == {"northshire-2014"} and "caseloads" in answer.answer
    earlier = history.ask(AskRequest(question="how was northshire rated at the inspection before the 2014 one?"))
    assert earlier.abstained  # (the inspection before it is asked for: no report of it)


def test_the_grades_and_main_points_of_an_overview_are_its_overview(history: Answerer) -> None:
    answer = history.ask(AskRequest(question="northshire 2014 inspection overview - what were the grades and main "
                                             "points"))
    assert answer.answer.startswith("**Northshire (2014)**") and "**Grades by area**" in answer.answer


def test_a_word_a_grade_in_brackets_glosses_is_that_grade_and_the_latest_report_no_superlative(
        history: Answerer) -> None:
    """"Among A, B and C, where did inspectors rate support for care leavers as exceptional (outstanding) in the
    latest report?" set six reports side by side (s55b Ofsted probe T03): the grade glossed, each one's latest."""
    from service.answering.grades import plain_grades

    assert plain_grades("rate support as exceptional (outstanding)")[0] == "rate support as outstanding"
    assert plain_grades("which were judged good (and why)?")[0] == "which were judged good (and why)?"
    answer = history.ask(AskRequest(question="Among Northshire and Southvale, where did inspectors rate support for "
                                             "care leavers as middling (requires improvement) in the latest report?"))
    assert [item.report_id for item in answer.items] == ["northshire-2022"], answer.answer


def test_the_inspection_framework_named_is_no_topic(history: Answerer) -> None:
    from service.answering.grades import plain_grades

    assert plain_grades("councils found inadequate in 2016 (single inspection framework)") == \
        ("councils found inadequate in 2016", False)
    assert plain_grades("which councils were rated outstanding under ILACS in 2019?")[0] == \
        "which councils were rated outstanding in 2019?"
    assert plain_grades("what is the SIF?")[0] == "what is the SIF?"
    answer = history.ask(AskRequest(question="councils found inadequate in 2014 (single inspection framework)"))
    assert answer.answer.startswith("Reports with that grade") and [i.body for i in answer.items] == ["Northshire"]


def test_when_the_next_inspection_will_be_is_not_in_the_reports(history: Answerer) -> None:
    from service.answering.dates import future_asked

    assert future_asked("when will merseyside next be inspected") and future_asked("when's the next inspection of X")
    assert not future_asked("when was halton's next inspection after 2015?")
    assert not future_asked("what did the next inspection of halton find?")
    assert future_asked("what is it expected to get (Plymouth)?") and future_asked("what grade will northshire get next")
    assert not future_asked("what did northshire get?") and not future_asked("what was it expected to improve?")
    answer = history.ask(AskRequest(question="When is Northshire's next Ofsted inspection scheduled?"))
    assert answer.abstained and "not when the next will be" in answer.answer  # (not the last one's dates)
    did = history.ask(AskRequest(question="how did northshire do in 2017?"))
    assert history.ask(AskRequest(question="when was the next inspection?", session_id=did.session_id)
                       ).citations[0].report_id == "northshire-2022"


def test_how_that_compares_after_a_side_asked_sets_the_latest_reports_side_by_side(history: Answerer) -> None:
    first = history.ask(AskRequest(question="tell me about northshire's latest inspection"))
    concerns = history.ask(AskRequest(question="what were the main concerns?", session_id=first.session_id))
    compared = history.ask(AskRequest(question="how does that compare with southvale?", session_id=concerns.session_id))
    assert {i.report_id for i in compared.items} == {"northshire-2022", "southvale-2021"}  # (their latest reports)


def test_a_second_part_is_asked_of_the_report_the_first_part_chose(history: Answerer) -> None:
    answer = history.ask(AskRequest(question="when was northshire last inspected and what grade did it get?"))
    assert {c.report_id for c in answer.citations} == {"northshire-2022"}  # (not its earlier reports' grades)


def test_the_most_recent_time_after_an_earlier_report_is_the_latest(history: Answerer) -> None:
    first = history.ask(AskRequest(question="how did northshire do in 2014?"))
    latest = history.ask(AskRequest(question="and how did they do the most recent time?", session_id=first.session_id))
    assert latest.answer.startswith("**Northshire (2022)**")


def test_a_change_of_grade_at_a_later_inspection_is_any_later_one(history: Answerer) -> None:
    answer = history.ask(AskRequest(question="which councils went from being rated inadequate to good at a later "
                                             "inspection?"))  # (northshire: 2014 inadequate, 2017 RI, 2022 good)
    assert [item.report_id for item in answer.items] == ["northshire-2022"]


def test_he_or_she_after_a_lead_inspector_named_is_that_inspector(history: Answerer) -> None:
    from service.answering.context import Context
    from service.answering.followup import resolve

    named = Context(resolved="who led northshire's 2022 inspection?", report_ids=["northshire-2022"],
                    bodies=["Northshire"], entities=["Jane Ash"])  # (what that answer leaves)
    assert resolve("did she lead any other inspections?", named, history.names).text.startswith("did Jane Ash lead")


def test_a_bodys_two_inspections_compared_say_which_areas_went_up_or_down(history: Answerer) -> None:
    first = history.ask(AskRequest(question="how did northshire's 2022 inspection compare with last time?")).answer
    first = first.split("\n\n")[0]
    assert "**Went up**: " in first and \
        "*The experiences and progress of children in care* (from requires improvement to good)" in first, first
    assert "**Went down**" not in first and "care leavers" not in first  # (requires improvement both times)


def test_each_part_of_a_follow_up_refers_back_on_its_own(history: Answerer) -> None:
    first = history.ask(AskRequest(question="What was Northshire's overall grade in its 2022 inspection?"))
    both = history.ask(AskRequest(question="which bit wasn't good, and what had they got the time before?",
                                  session_id=first.session_id))
    now, before = both.answer.split("\n\n", 1)
    assert "**Northshire (2022)**" in now and "Northshire (2017)" not in now, both.answer  # (this time's)
    assert "**Northshire (2017)** was rated **requires improvement** overall" in before, both.answer


@pytest.mark.parametrize(("question", "areas"), [
    ("which parts of northshire's services were not good in 2022", ["care leavers"]),
    ("which area of northshire's 2022 inspection wasn't rated good?", ["care leavers"]),
    ("which areas of northshire's 2022 inspection were rated good?", ["leaders", "help and protection",
                                                                      "children in care"]),
])
def test_which_area_had_a_grade_or_not_leads_with_those_areas(history: Answerer, question: str,
                                                              areas: list[str]) -> None:
    lines = history.ask(AskRequest(question=question)).answer.splitlines()[:len(areas)]
    assert all(" for *" in line for line in lines) and all(any(a in line for line in lines) for a in areas), lines


def test_what_still_needed_to_improve_lists_every_point_up_to_six(tmp_path, embeddings) -> None:
    answerer = one_report(tmp_path, embeddings, "Southmoor", "2018-06", (
        "## What needs to improve\n\nThe recording of return home interviews for children who go missing.\n\n"
        "The tracking of the timeliness of work in pre-proceedings.\n\n"
        "The quality of supervision records for newly qualified social workers.\n\n"
        "The health histories and pathway plans of care leavers.\n\n"
        "## Help and protection\n\nChildren are well supported by skilled social workers who know them well.\n"),
        "Good")
    answer = answerer.ask(AskRequest(question="what did southmoor still need to improve?"))
    assert "pathway plans of care leavers" in answer.answer and "return home interviews" in answer.answer, answer.answer


def test_an_overview_of_a_weak_report_gives_its_concerns_before_its_strengths(tmp_path, embeddings) -> None:
    answerer = one_report(tmp_path, embeddings, "Westvale", "2019-03", (
        "## Summary\n\nServices for children have seriously declined since the last inspection.\n\n"
        "Leaders did not know that the quality of social work had deteriorated.\n\n"
        "Care leavers are well supported by committed personal advisers who know them well.\n\n"
        "Too many children wait too long for help, and risks to them are not recognised.\n"), "Inadequate")
    answer = answerer.ask(AskRequest(question="summarise westvale's 2019 inspection")).answer
    assert answer.index("**Concerns**") < answer.index("**Strengths**"), answer
    numbers = [int(n) for n in re.findall(r"\[(\d+)\]", answer)]
    assert numbers == sorted(numbers)  # (cited in the order shown)


@pytest.mark.parametrize("question", ["What's the one improvement point Ofsted gave Northshire in 2022?",
                                      "northshire 2022 improvement areas"])
def test_improvement_points_are_what_needs_to_improve(history: Answerer, question: str) -> None:
    answer = history.ask(AskRequest(question=question)).answer
    assert "**Concerns**" in answer and "timeliness of plans for care leavers" in answer, answer


@pytest.mark.parametrize("question", [
    "Which local authorities have set up fostering networks where an experienced hub carer supports a cluster of "
    "foster families?",
    "which councils use hub carers to support foster families",
])
def test_a_programme_described_in_everyday_words_lists_the_reports_naming_it(history: Answerer, question: str) -> None:
    from service.answering.followup import Resolved
    from service.answering.programmes import programmes_described

    assert programmes_described(question) == ["Mockingbird"]
    assert not programmes_described("which councils use the Mockingbird model?")  # (named: read as it is)
    scope = history.scope(Resolved(question), None)
    assert scope.names == ["Mockingbird"] and scope.topic_words == ["Mockingbird"] and not scope.wanted
    answer = history.ask(AskRequest(question=question))
    assert [item.report_id for item in answer.items] == ["northshire-2017"], answer.answer  # (its Mockingbird)


@pytest.mark.parametrize(("question", "named"), [
    ("which councils help care leavers, as a group, move into their own tenancies?", "House Project"),
    ("Which councils run programmes for mothers who've had several children taken into care?", "Pause"),
    ("which councils reconnect children in care with relatives they lost touch with", "Lifelong Links"),
    ("which councils have a problem-solving court for parents who misuse drugs", "Family Drug and Alcohol Court"),
    ("which councils help care leavers move into their own homes", None),  # (no programme: care leavers' homes)
    ("Which councils let young people leaving residential children's homes live nearby?", "Staying Close"),
    ("foster families supported by an experienced 'hub' carer", "Mockingbird"),
    ("which LAs use lifelong links to help kids in care reconnect with family?", "Lifelong Links"),  # (named
    # and described: the name alone is what is asked about)
])
def test_programmes_are_read_from_their_descriptions(question: str, named: str | None) -> None:
    from service.answering.programmes import programmes_described

    assert programmes_described(question) == ([named] if named else [])


def test_which_part_wasnt_good_after_a_report_gives_its_weaker_judgements(history: Answerer) -> None:
    first = history.ask(AskRequest(question="What did Ofsted say about Northshire's children's services in 2022?"))
    part = history.ask(AskRequest(question="and which part wasn't good?", session_id=first.session_id))
    assert part.answer.startswith("**Northshire (2022)** was rated **requires improvement** for *The experiences "
                                  "and progress of care leavers*"), part.answer


@pytest.mark.parametrize(("question", "first_line"), [
    ("which part of the service was the weakest?", "was rated **requires improvement** for *The experiences and "
                                                   "progress of care leavers*"),
    ("what was its strongest area?", "was rated **good** for *"),
])
def test_the_weakest_or_strongest_part_of_a_report_is_its_lowest_or_highest_judgement(
        history: Answerer, question: str, first_line: str) -> None:
    first = history.ask(AskRequest(question="What overall grade did Northshire get in 2022?"))
    part = history.ask(AskRequest(question=question, session_id=first.session_id))
    assert part.answer.startswith("**Northshire (2022)** " + first_line), part.answer


def test_and_what_had_it_been_rated_the_time_before_asks_that_grade_not_the_last_question(
        history: Answerer) -> None:
    first = history.ask(AskRequest(question="How did Northshire do in its 2022 Ofsted inspection?"))
    second = history.ask(AskRequest(question="what did it need to improve?", session_id=first.session_id))
    before = history.ask(AskRequest(question="and what had it been rated the time before?",
                                    session_id=second.session_id))
    assert before.answer.startswith("**Northshire (2017)** was rated **requires improvement** overall"), before.answer


def test_what_ofsted_rated_a_body_is_its_grade(history: Answerer) -> None:
    answer = history.ask(AskRequest(question="what did ofsted rate northshire childrens services in their most "
                                             "recent inspection?"))  # ("rate" as the verb: a grade asked)
    assert answer.answer.startswith("**Northshire (2022)** was rated **good**")


def test_the_most_recent_inspection_after_a_years_report_is_the_latest(history: Answerer) -> None:
    first = history.ask(AskRequest(question="what overall grade did northshire get in 2014?"))
    latest = history.ask(AskRequest(question="and what about the most recent inspection?",
                                    session_id=first.session_id))
    assert latest.answer.startswith("**Northshire (2022)**")


def test_next_time_after_a_years_grade_is_the_next_report(history: Answerer) -> None:
    answer = history.ask(AskRequest(question="northshire was inadequate in 2014 - what did ofsted find next time?"))
    assert {c.report_id for c in answer.citations} == {"northshire-2017"}


def test_whether_a_body_kept_its_grade_compares_its_latest_two(history: Answerer) -> None:
    answer = history.ask(AskRequest(question="southvale was good before - did it keep that in the most recent "
                                             "inspection?"))
    assert "southvale-2021" in {c.report_id for c in answer.citations} and "good" in answer.answer


@pytest.mark.parametrize("question", ["how are social workers getting on in northshire these days?",
                                      "are family group conferences used in northshire nowadays"])
def test_these_days_asks_of_the_latest_report(history: Answerer, question: str) -> None:
    answer = history.ask(AskRequest(question=question))
    assert {c.report_id for c in answer.citations} == {"northshire-2022"}


def test_a_latest_report_silent_on_what_is_asked_says_so_then_what_the_others_say(history: Answerer) -> None:
    answer = history.ask(AskRequest(question="what do inspectors say about caseloads in northshire at the moment?"))
    assert answer.answer.startswith("The Northshire (2022) report does not mention caseloads. The other reports of "
                                    "Northshire say:"), answer.answer
    assert {c.report_id for c in answer.citations} == {"northshire-2014"}  # (the one that speaks of caseloads)
    silent = history.ask(AskRequest(question="what do inspectors say about drones in northshire at the moment?"))
    assert silent.abstained and silent.answer == "The Northshire (2022) report does not mention drones."


def test_the_most_recent_inspection_after_that_time_is_the_latest(history: Answerer) -> None:
    first = history.ask(AskRequest(question="how many children were in care in northshire in 2014?"))
    then = history.ask(AskRequest(question="what overall grade did they get that time?", session_id=first.session_id))
    latest = history.ask(AskRequest(question="and what about the most recent inspection?", session_id=then.session_id))
    assert {c.report_id for c in latest.citations} == {"northshire-2022"}


def test_a_programme_is_listed_however_each_report_writes_its_name(tmp_path: Path, embeddings) -> None:
    from service.answering.followup import Resolved

    folder = tmp_path / "reports"
    folder.mkdir()
    said = {"Eastmoor": "The House Project helps care leavers into their first homes. Leaders value the House "
                        "Project. The House Project has grown this year. Young people join the House Project at 16. The House "
                        "Project works well.",
            "Ashdale": "Care leavers are prepared for independence, as seen in the ‘House’ project.",
            "Northby": "The lifelong links service helps children in care find relatives. Staff use lifelong links "
                       "well. Children value lifelong links.",
            "Southby": "Children in care see their social workers often.", "Midby": "Care leavers have personal "
            "advisers who visit often.", "Upton": "Managers know their services well.",
            "Downton": "Foster carers are well supported.", "Kirkby": "Children in care are visited often."}
    for body, text in said.items():
        write_report(folder, body, "May 2022", f"## Care leavers\n\n{text}\n")
    answerer = answerer_over(folder, tmp_path, embeddings)
    asked = "which councils have the 'house project' for care leavers?"
    assert answerer.scope(Resolved(asked), None).names == ["House Project"]  # (as most write it)
    listed = answerer.ask(AskRequest(question=asked))
    assert {item.report_id for item in listed.items} == {"eastmoor-2022", "ashdale-2022"}  # (either way written)
    asked = "which councils offer the lifelong links service for kids in care"
    assert answerer.scope(Resolved(asked), None).names == ["lifelong links"]  # ("kids in care" beside it)
    listed = answerer.ask(AskRequest(question=asked))
    assert {item.report_id for item in listed.items} == {"northby-2022"}


def test_who_runs_a_councils_childrens_services_is_whoever_delivers_them(tmp_path: Path, embeddings) -> None:
    answerer = one_report(tmp_path, embeddings, "Eastvale", "2022-05", "## Leadership\n\nThe director of children's "
                          "services meets the leader of the council every month. Since April 2018, children's services "
                          "have been delivered by Eastvale Children's Trust on behalf of the council. Managers run "
                          "a weekly panel. The council's early help service is well run. Help for children includes "
                          "a scheme run by the NSPCC. The family group conferencing service for children is effective "
                          "and well run. Senior managers have plans to improve services for children. The "
                          "children in care council has run an awards evening.\n")
    answer = answerer.ask(AskRequest(question="who runs children's services in eastvale?"))
    assert answer.answer.startswith("**Eastvale (2022)**: Since April 2018, children's services have been delivered by "
                                    "Eastvale Children's Trust"), answer.answer


def test_what_happened_before_an_inspection_is_also_asked_of_its_own_report(history: Answerer) -> None:
    answer = history.ask(AskRequest(question="how many times did children go missing from care in northshire "
                                             "before the 2022 inspection?"))  # (its report tells the year before)
    assert "northshire-2022" in {c.report_id for c in answer.citations} and "41" in answer.answer


def test_what_a_body_did_after_a_years_inspection_is_asked_of_its_next_report(history: Answerer) -> None:
    answer = history.ask(AskRequest(question="what did northshire set up for families after the 2017 inspection?"))
    assert {c.report_id for c in answer.citations} == {"northshire-2022"}  # (Family Group Conferences)


def test_a_sentence_that_says_what_is_not_done_is_no_strength(tmp_path: Path, embeddings) -> None:
    answerer = one_report(tmp_path, embeddings, "Eastvale", "2021-05", "## Help and protection\n\nReview and "
                          "tracking mechanisms are not regular enough, lack rigour and do not challenge delays in "
                          "completing actions. Social workers know their children well. Leadership is strong and effective. "
                          "Managers use audits well to improve practice.\n", grade="Requires improvement")
    answer = answerer.ask(AskRequest(question="how is eastvale doing?"))
    strengths = answer.answer.split("**Strengths**")[1].split("**")[0] if "**Strengths**" in answer.answer else ""
    assert "Review and tracking" in answer.answer and "Review and tracking" not in strengths, answer.answer


@pytest.mark.parametrize(("question", "report"), [
    ("what did northshire get last year?", "northshire-2022"),
    ("how was southvale rated two years ago", "southvale-2021"),
    ("what was northshire's grade at last year's inspection", "northshire-2022"),
])
def test_years_counted_from_today_are_the_calendar_years_meant(tmp_path: Path, history: Answerer, question: str,
                                                              report: str) -> None:
    in_2023 = Answerer(history.library, Sessions(tmp_path / "sessions.sqlite"), today=lambda: date(2023, 3, 1))
    answer = in_2023.ask(AskRequest(question=question))
    assert {c.report_id for c in answer.citations} == {report}, answer.answer


def test_a_year_with_no_report_says_which_years_the_reports_cover(tmp_path: Path, history: Answerer) -> None:
    in_2030 = Answerer(history.library, Sessions(tmp_path / "sessions.sqlite"), today=lambda: date(2030, 1, 9))
    answer = in_2030.ask(AskRequest(question="which councils were rated good this year?"))
    assert answer.abstained and "2030" not in answer.answer and "they run from 2014 to 2022" in answer.answer


def test_an_office_or_a_quotation_names_no_person(tmp_path: Path, embeddings) -> None:
    answerer = one_report(tmp_path, embeddings, "Eastvale", "2023-01", "## Leadership\n\nDuring this inspection, the "
                          "DfE issued a statutory notice of improvement, and the Secretary of State appointed a "
                          "commissioner. The Chair’s final letter to the Under Secretary of State said that Eastvale "
                          "has placed children ‘right at the top of its priorities’. The director of children’s "
                          "services, Amara Okonkwo, has been in post since 2021.\n", grade="Inadequate")
    for question, role in [("who is the commissioner the government sent in to eastvale?", "commissioner"),
                           ("who was the chair of the safeguarding board in eastvale", "chair")]:
        answer = answerer.ask(AskRequest(question=question))
        assert answer.abstained and f"do not name the {role}" in answer.answer, answer.answer
    answer = answerer.ask(AskRequest(question="who is eastvale's director of children's services?"))
    assert "Amara Okonkwo" in answer.answer


def test_of_two_figures_in_a_sentence_the_one_counting_what_is_asked_leads(tmp_path: Path, embeddings) -> None:
    answerer = one_report(tmp_path, embeddings, "Eastvale", "2017-06", "## Safeguarding\n\nIn the two years before "
                          "inspection, 19 serious incident notifications were submitted to Ofsted and five serious "
                          "case reviews were completed.\n", grade="Good")
    for question, figure in [("how many serious case reviews were completed in eastvale?", "five"),
                             ("how many serious incident notifications did eastvale make?", "19")]:
        answer = answerer.ask(AskRequest(question=question))
        assert answer.answer.startswith(f"**{figure}** — "), answer.answer


def test_a_word_the_bodys_reports_use_is_a_subject_however_few_others_do(tmp_path: Path, embeddings,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    from service.answering.intents import overview

    monkeypatch.setattr(overview, "SUBJECT_SHARE", 1.0)  # (as in a large index, where few sentences say "deprived")
    answerer = one_report(tmp_path, embeddings, "Eastvale", "2017-06", "## Context\n\nEastvale is ranked as the "
                          "49th most deprived area out of 326 local authority areas. Social workers know children "
                          "well. Leaders are ambitious.\n", grade="Good")
    answer = answerer.ask(AskRequest(question="how deprived is eastvale?"))
    assert answer.answer.startswith("**Eastvale (2017)**: Eastvale is ranked as the 49th most deprived"), answer.answer
    overview_asked = answerer.ask(AskRequest(question="eastvale 2017 in a nutshell"))  # (no subject: an overview)
    assert "rated **good** overall" in overview_asked.answer, overview_asked.answer


@pytest.mark.parametrize(("question", "said"), [
    ("what was eastvale's social worker vacancy rate in 2023?",  # (not any figure of workers)
     "The Eastvale (2023) report does not give the worker vacancy rate."),
    ("what's the average caseload per social worker in eastvale in 2023?",
     "The Eastvale (2023) report does not give the average caseload."),
    ("What was the average social worker caseload number in Eastvale at the 2023 inspection?",  # (what is
     "The Eastvale (2023) report does not give the average social worker caseload."),  # averaged: s42 Ofsted U02)
    ("whats the name of eastvale's new director of children's services?",  # (no year: every report of theirs)
     "The reports in this index on Eastvale do not name the new director."),
])
def test_a_figure_or_name_the_report_does_not_give_is_said_to_be_missing(tmp_path: Path, embeddings, question: str,
                                                                         said: str) -> None:
    answerer = one_report(tmp_path, embeddings, "Eastvale", "2023-11", "## Workforce\n\nLeaders have reduced "
                          "caseloads. 42 social workers joined the service this year. The very recent appointment of "
                          "a new corporate director has been a catalyst for change.\n", grade="Requires improvement")
    answer = answerer.ask(AskRequest(question=question))
    assert answer.abstained and answer.answer == said, answer.answer


def test_a_figure_ending_a_range_is_given_as_the_range(tmp_path: Path, embeddings) -> None:
    answerer = one_report(tmp_path, embeddings, "Eastvale", "2015-06", "## The front door\n\nThe local authority's "
                          "own audits consistently identified 20–25% of decisions made as requiring a higher-level "
                          "response.\n", grade="Inadequate")
    answer = answerer.ask(AskRequest(question="what share of eastvale's threshold decisions did their own audits say "
                                              "needed a higher level response?"))
    assert answer.answer.startswith("**20–25%** — "), answer.answer


def test_what_changed_since_the_inspection_before_a_years_is_asked_of_that_years_report(history: Answerer) -> None:
    answer = history.ask(AskRequest(question="what did northshire set up for families since the inspection before "
                                             "the 2022 one?"))
    assert {c.report_id for c in answer.citations} == {"northshire-2022"}, answer.answer


@pytest.mark.parametrize("question", [
    "what did ofsted say about northshire's caseloads when they were rated inadequate?",
    "going by the report that rated them inadequate, what were northshire's caseloads like?",
])
def test_the_grade_that_dates_a_question_chooses_that_grades_report(history: Answerer, question: str) -> None:
    answer = history.ask(AskRequest(question=question))
    assert {c.report_id for c in answer.citations} == {"northshire-2014"}, answer.answer
    assert "heavy caseloads" in answer.answer.lower() and "was rated" not in answer.answer  # (a finding, no grade)


def test_a_line_naming_what_needs_to_improve_is_no_strength(tmp_path: Path, embeddings) -> None:
    answerer = one_report(tmp_path, embeddings, "Eastvale", "2023-09", "## Summary\n\nThere are pockets of strong "
                          "practice with disabled children.\n\n## What needs to improve?\n\nThe number and range of "
                          "foster homes and other placements the local authority has available, to help ensure that "
                          "children live in stable homes that are well matched to their needs.\n\n## Help and "
                          "protection\n\nMost children in care make good progress at school.\n", grade="Inadequate")
    answer = answerer.ask(AskRequest(question="quick rundown of eastvale's inspection"))
    strengths = answer.answer.split("**Strengths**")[1] if "**Strengths**" in answer.answer else ""
    assert "pockets of strong practice" in strengths and "foster homes" not in strengths, answer.answer


def test_what_was_said_of_leadership_is_its_grade_and_findings_not_the_lead_inspector(history: Answerer) -> None:
    answer = history.ask(AskRequest(question="what did ofsted say about leadership in northshire in 2017?"))
    assert answer.answer.startswith("**Northshire (2017)** was rated **requires improvement** for *Leadership, "
                                    "management and governance*."), answer.answer
    assert "was led by" not in answer.answer and "Leaders had begun to improve the front door" in answer.answer


@pytest.mark.parametrize("question", ["what should eastvale fix?", "what does eastvale have to work on?"])
def test_what_a_body_should_fix_is_what_needs_to_improve(tmp_path: Path, embeddings, question: str) -> None:
    answerer = one_report(tmp_path, embeddings, "Eastvale", "2023-05", "## Summary\n\nLeaders are ambitious for "
                          "children. Fixed-term exclusions of children in care are reducing.\n\n## What needs to "
                          "improve?\n\nThe quality and timeliness of assessments of risk and need.\n",
                          grade="Requires improvement")
    answer = answerer.ask(AskRequest(question=question))
    assert "**Concerns**" in answer.answer and "The quality and timeliness of assessments" in answer.answer
    assert "Fixed-term" not in answer.answer, answer.answer


@pytest.mark.parametrize(("question", "body"), [
    ("which councils improved to requires improvement?", "northshire-2017"),  # (from inadequate)
    ("which councils dropped to requires improvement?", "southvale-2021"),  # (from good)
])
def test_a_grade_reached_by_improving_or_dropping_comes_from_the_side_said(history: Answerer, question: str,
                                                                          body: str) -> None:
    answer = history.ask(AskRequest(question=question))
    assert [i.report_id for i in answer.items] == [body], answer.answer


def test_which_reports_mention_a_phrase_of_common_words_asks_for_the_phrase_as_written(tmp_path: Path, embeddings) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    for i, town in enumerate(TOWNS):
        model = (f"{town} uses the family safeguarding model with partners. Workers trained in the family "
                 "safeguarding model visit promptly. ") if i < 2 else ""
        write_report(folder, town, f"2022-0{i + 1}", f"## Help and protection\n\n{model}The safeguarding model "
                     "used for each family is reviewed by managers. Every family gets a safeguarding plan when "
                     f"needed. Safeguarding leads meet the family weekly. Children in {town} are seen alone.\n")
    tools = answerer_over(folder, tmp_path, embeddings).tools  # (its words, together, in every report: no name
    assert tools.written_as_names(["family", "safeguarding", "model"]) == []  # of a topic, as written
    assert tools.written_as_names(["family", "safeguarding", "model"], "which mention it") == ["family safeguarding"]
    used = "which councils use the family safeguarding model"  # (put before a kind of thing: a name too)
    assert tools.written_as_names(["use", "family", "safeguarding", "model"], used) == ["family safeguarding"]
    assert tools.written_as_names(["use", "family", "safeguarding", "model"], "who uses family safeguarding") == []


def test_a_phrase_put_in_quotes_is_asked_as_written_and_list_them_asks_a_list(tmp_path: Path, embeddings) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    for i, town in enumerate(TOWNS):
        close = f"Care leavers in {town} benefit from ‘staying close’ arrangements. " if i < 2 else ""
        write_report(folder, town, f"2022-0{i + 1}", f"## Care leavers\n\n{close}Care leavers staying in {town} "
                     "keep close links with their personal advisers. Young people staying put with foster carers "
                     "are close to them.\n")
    from service.answering.followup import Resolved

    answerer = answerer_over(folder, tmp_path, embeddings)
    scope = answerer.scope(Resolved("any councils doing 'staying close' for care leavers? list them"), None)
    assert scope.kind == "list" and scope.names == ["staying close"]  # (its words are everyone's: no name by them)


def test_what_a_name_the_bodys_report_uses_is_asks_for_it_not_an_overview(tmp_path: Path, embeddings,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    from service.answering.intents import overview

    monkeypatch.setattr(overview, "SUBJECT_SHARE", 1.0)  # (as in a large index, where few sentences say "RAFT")
    answerer = one_report(tmp_path, embeddings, "Eastvale", "2023-12", "## Help and protection\n\nThe resilience "
                          "around the family team (RAFT) works intensively with families so that children can stay "
                          "at home. Leaders are ambitious. Social workers know children well. Inspectors mentioned delays to "
                          "leaders.\n", grade="Good")
    answer = answerer.ask(AskRequest(question="what is RAFT in eastvale? the latest report mentioned it"))
    assert "The resilience around the family team (RAFT)" in answer.answer and "was rated" not in answer.answer


def test_who_led_the_most_inspections_counts_the_lead_inspectors(tmp_path: Path, embeddings) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    for town, year, lead in (("Eastvale", 2019, "Jane Carter"), ("Westmoor", 2020, "Jane Carter"),
                             ("Northby", 2021, "Sam Patel")):
        write_report(folder, town, f"1 March {year}", f"Lead inspector: {lead}, His Majesty's Inspector\n\n"
                     f"## Help and protection\n\nChildren in {town} are seen promptly.\n", "Good")
    asked = AskRequest(question="which inspector led the most inspections?")
    answer = answerer_over(folder, tmp_path, embeddings).ask(asked)
    assert answer.answer.startswith("The most inspections led by one lead inspector, 2: **Jane Carter**")
    assert {c.report_id for c in answer.citations} == {"eastvale-2019", "westmoor-2020"}
    assert all("Jane Carter" in c.quote for c in answer.citations)


def test_which_were_inspected_more_than_once_counts_each_bodys_reports(tmp_path: Path, embeddings) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    for town, year in (("Eastvale", 2018), ("Eastvale", 2022), ("Westmoor", 2020), ("Northby", 2021)):
        write_report(folder, town, f"1 March {year}", f"## Help and protection\n\nChildren in {town} are seen.\n",
                     "Good")
    answerer = answerer_over(folder, tmp_path, embeddings)
    twice = answerer.ask(AskRequest(question="which councils have been inspected more than once?"))
    assert {c.report_id for c in twice.citations} == {"eastvale-2018", "eastvale-2022"}
    once = answerer.ask(AskRequest(question="how many councils were inspected only once?"))
    assert "2 organisations" in once.answer and {i.report_id for i in once.items} == {"westmoor-2020", "northby-2021"}
    assert answerer.ask(AskRequest(question="which councils were inspected 3 times?")).abstained


def test_a_year_of_something_a_later_report_tells_of_is_asked_of_that_report(tmp_path: Path, embeddings) -> None:
    """"What panel did X set up after the focused visit in January 2022?": no report of X is of 2022, and its
    2024 report tells of that visit, so that report answers, under a note that none is of 2022 (s41 Ofsted probe
    f12); a grade asked of a year with no report is still not given from another year's report."""
    folder = tmp_path / "reports"
    folder.mkdir()
    write_report(folder, "Eastvale", "1 March 2019", "## Help and protection\n\nChildren are seen promptly.\n", "Good")
    write_report(folder, "Eastvale", "1 August 2024", "## Children in care\n\nThe introduction of the Better Homes "
                 "panel, created since Ofsted's last focused visit in January 2022, ensures a strong focus on "
                 "children's permanence needs.\n", "Good")
    answerer = answerer_over(folder, tmp_path, embeddings)
    answer = answerer.ask(AskRequest(question="What panel did Eastvale set up after Ofsted's focused visit in "
                                              "January 2022 to keep attention on kids' long-term homes?"))
    assert not answer.abstained and "Better Homes panel" in answer.answer
    assert answer.answer.startswith("No report on Eastvale in this index is dated 2022")
    assert answerer.ask(AskRequest(question="what was eastvale rated in 2022?")).abstained
    assert answerer.ask(AskRequest(question="what did the 2026 report on eastvale say about permanence?")).abstained


def test_a_count_asked_of_the_year_a_report_was_inspected_is_that_reports_own(tmp_path: Path, embeddings) -> None:
    """Inspected in November 2015, published in January 2016: asked "in 2015", its own count of what is asked
    leads, not a count it dates "at 31 March 2015" (the report is of 2015 already); and "children (137)" counts
    children (s41 Ofsted probe f05, Torbay)."""
    answerer = one_report(tmp_path, embeddings, "Eastvale", "5 January 2016", (
        "Inspection dates: 2 November 2015 to 13 November 2015\n\n## Information about this local authority area\n\n"
        "This is an increase from 132 at 13 October 2014. At 31 March 2015, 58 children lived in a privately "
        "arranged fostering placement.\n\nA high number of children (137) receive elective home education.\n"),
        "Requires improvement")
    answer = answerer.ask(AskRequest(question="how many kids were home educated in eastvale when it was inspected "
                                              "in 2015?"))
    assert answer.answer.startswith("**137** — ")


@pytest.mark.parametrize("question", ["which councils have copied eastvale's open door approach?",
                                      "Which areas use Eastvale's 'Open Door' model?"])
def test_a_body_named_as_the_owner_of_a_thing_others_have_is_no_scope(tmp_path: Path, embeddings,
                                                                       question: str) -> None:
    """"Which councils have copied X's approach?" asks who has the approach, X among them, not about X alone (s41
    Ofsted probe t04: "North Yorkshire's 'No Wrong Door' approach" had given North Yorkshire only)."""
    answerer = councils_over(tmp_path, embeddings, [
        ("Eastvale", 2018, "The Open Door approach helps teenagers on the edge of care."),
        ("Westmoor", 2021, "Its programme, based on Eastvale's 'Open Door' model, helps children."),
        ("Northby", 2022, "Children in Northby are seen promptly.")])
    answer = answerer.ask(AskRequest(question=question))
    assert {item.report_id for item in answer.items} == {"eastvale-2018", "westmoor-2021"}


def test_a_topic_list_over_bodies_named_in_lower_case_is_not_a_list_of_their_names(tmp_path: Path,
                                                                                   embeddings) -> None:
    """"which of north moor, south vale and eastvale had problems with private fostering?": the reports write
    "North Moor" capitalised, but the lower-case name is a body asked about, not a name a sentence must hold
    (s54 Ofsted probe T2 abstained)."""
    answerer = councils_over(tmp_path, embeddings, [
        ("North Moor", 2023, "In North Moor, children in private fostering arrangements are not visited quickly "
                             "enough. Leaders in North Moor know their services well."),
        ("South Vale", 2023, "Private fostering arrangements are assessed promptly and well. South Vale "
                             "leaders are ambitious. Children in South Vale are safe."),
        ("Eastvale", 2022, "Private fostering arrangements are not always identified, and assessments of "
                           "them are too slow.")])
    for question in ["which of north moor, south vale and eastvale had problems with private fostering?",
                     "Which of North Moor, South Vale and Eastvale had problems with private fostering?"]:
        answer = answerer.ask(AskRequest(question=question))
        assert {item.body for item in answer.items} == {"North Moor", "Eastvale"}, answer.answer


def test_whose_reports_among_bodies_named_asks_for_a_list(tmp_path: Path, embeddings) -> None:
    """"Among A, B and C, whose latest reports raised concerns about X?" lists those whose reports did, as "which
    of" does; it is no comparison of all of them (s54 Ofsted probe T3)."""
    answerer = councils_over(tmp_path, embeddings, [
        ("Eastvale", 2023, "Too many children live in unregistered children's homes."),
        ("Westmoor", 2023, "Leaders are ambitious for children. Caseloads are manageable."),
        ("Northby", 2022, "Some children are placed in unregistered children's homes that do not meet their needs.")])
    answer = answerer.ask(AskRequest(question="Among Eastvale, Westmoor and Northby, whose latest reports raised "
                                              "concerns about kids placed in unregistered children's homes?"))
    assert {item.body for item in answer.items} == {"Eastvale", "Northby"}, answer.answer


def test_an_aspect_no_compared_report_says_a_word_of_is_no_row(tmp_path: Path, embeddings) -> None:
    """"A and B were both inspected the same week. How did their grades compare?": "same week" is no aspect
    either report speaks of, so no "Same week" row of unrelated sentences (s41 Ofsted probe c01); their main
    strength and concern instead. An aspect one of them speaks of keeps its row."""
    answerer = councils_over(tmp_path, embeddings, [
        ("Eastvale", 2023, "Leaders know their services well. Caseloads are too high."),
        ("Westmoor", 2023, "Leaders are ambitious for children. Caseloads are manageable."),
        ("Northby", 2022, "Visits happen every week.")])
    answer = answerer.ask(AskRequest(question="Eastvale and Westmoor were both inspected the same week. How did "
                                              "their grades compare?"))
    assert "| Same week |" not in answer.answer and "| Main strength |" in answer.answer
    assert "| Caseloads |" in answerer.ask(AskRequest(question="compare eastvale and westmoor on caseloads")).answer


def test_looked_at_is_inspected(tmp_path: Path, embeddings) -> None:
    """"When was X last looked at?": when it was inspected (s42 Ofsted probe F01, "the Ofsted team that looked at
    Camden", got Ofsted's standard paragraph on what it inspects, not the lead inspector)."""
    answerer = one_report(tmp_path, embeddings, "Eastvale", "1 June 2022", (
        "Inspection dates: 25 to 29 April 2022\n\n## Help and protection\n\nChildren in Eastvale are seen "
        "promptly.\n"), "Good")
    when = answerer.ask(AskRequest(question="when was eastvale last looked at?"))
    assert when.answer.startswith("**Eastvale (2022)** was inspected on 25 to 29 April 2022")


def test_an_acronym_the_report_spells_out_is_read_for_its_words(tmp_path: Path, embeddings) -> None:
    """The report says who the DCS is once, then writes "the DCS": a question in the spelled-out words finds the
    later sentence that answers it."""
    text = ("## Leadership\n\nThe director of children's services (DCS) and the leadership team understand the "
            "service well. Leaders have a clear plan for improving services to children and families. The "
            "council has invested in more social workers and in reducing caseloads across the teams. Partners "
            "trust the leadership team and share its ambitions for children in the borough.\n\n## Practice\n\n"
            "Social workers visit children regularly and know them well. The DCS took up post in May 2021 after "
            "a period of interim arrangements. Managers oversee work with families closely.\n")
    answerer = one_report(tmp_path, embeddings, "Eastvale", "1 March 2023", text, "Good")
    answer = answerer.ask(AskRequest(question="when did eastvale's director of children's services start?"))
    assert any("May 2021" in c.quote for c in answer.citations)


def test_a_count_no_figure_of_the_report_counts_is_not_answered_with_another(tmp_path: Path, embeddings) -> None:
    text = ("## Care leavers\n\nNot all young people are ready to live independently at 18; there are currently 24 "
            "care leavers who continue to receive the support of foster carers through staying-put arrangements. "
            "Recruitment of new foster carers is a challenge for the local authority. Most children live with "
            "local foster carers in stable homes.\n")
    answerer = one_report(tmp_path, embeddings, "Eastvale", "1 March 2018", text, "Good")
    answer = answerer.ask(AskRequest(question="how many new foster carers did eastvale approve?"))
    assert answer.abstained  # (24 counts care leavers, the foster carers only told of them)
    counted = answerer.ask(AskRequest(question="how many care leavers were in staying put arrangements?"))
    assert "24" in counted.answer and not counted.abstained


def test_a_publication_date_read_from_the_file_name_is_told_as_such(tmp_path: Path, embeddings) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "eastvale children's services inspection - 18 april 2023.md").write_text(
        "# Inspection of Eastvale local authority children's services\n\nInspected body: Eastvale\nInspection "
        "dates: 20 February to 3 March 2023\nOverall effectiveness: Good\n\n## Help and protection\n\nChildren "
        "who need help are seen quickly by social workers who know them well.\n", encoding="utf-8")
    answerer = answerer_over(folder, tmp_path, embeddings)
    answer = answerer.ask(AskRequest(question="when was the eastvale report published?"))
    assert "published on 18 April 2023, as its file is named" in answer.answer
    assert answer.citations[0].quote == "Inspection dates: 20 February to 3 March 2023"



def test_two_bodies_compared_on_a_judgement_area_set_the_latest_report_that_grades_it(
        history: Answerer, monkeypatch: pytest.MonkeyPatch) -> None:
    """Of a body whose latest report grades the area asked, that report, however much an older one says on it;
    of a body none of whose reports grade it, the report that says most."""
    from service.answering.followup import Resolved
    from service.answering.intents import compare

    monkeypatch.setattr(compare, "_strength_on", lambda tools, meta, scope: -meta.published.year)  # (older: more)
    scope = history.scopes(Resolved("compare northshire and southvale on care leavers"), None)[0]
    assert scope.area == "The experiences and progress of care leavers"
    chosen = compare.compared(history.tools, scope, aspect=True)
    assert sorted(m.report_id for m in chosen) == ["northshire-2022", "southvale-2016"]


def test_a_name_written_with_a_curly_apostrophe_is_the_name_typed_with_a_straight_one(tmp_path: Path,
                                                                                     embeddings) -> None:
    answerer = councils_over(tmp_path, embeddings, [
        ("Eastvale", 2022, "The council transferred its children’s social care services to Eastvale Children’s "
                           "Trust on 1 November 2020."),
        ("Westmoor", 2022, "Westmoor Children's Trust runs the council's social care services for children."),
        *((town, 2022, "Social workers visit children regularly and know them well.") for town in TOWNS[2:]),
    ])
    answer = answerer.ask(AskRequest(question="When did Eastvale Children's Trust take over children's social care?"))
    assert not answer.abstained and answer.answer.startswith("**1 November 2020**")


def test_two_bodies_asked_of_a_years_inspections_include_a_report_published_the_year_after(
        tmp_path: Path, embeddings) -> None:
    answer = reports_over(tmp_path, embeddings, [
        ("Eastvale", "9 January 2020", "Inspection dates: 11 November 2019 to 22 November 2019\n\n## Summary\n\n"
                                       "Social workers know children well.\n", "Good"),
        ("Westmoor", "12 August 2019", "Inspection dates: 3 June 2019 to 14 June 2019\n\n## Summary\n\nPlans for "
                                       "children are not reviewed on time.\n", "Requires improvement")]).ask(
        AskRequest(question="Which did better in their 2019 inspections, Eastvale or Westmoor?"))
    assert {item.report_id for item in answer.items} == {"eastvale-2020", "westmoor-2019"}


def test_the_rating_at_the_previous_inspection_asked_after_a_turn_is_that_reports_grade(history: Answerer) -> None:
    first = history.ask(AskRequest(question="Who was the lead inspector for Northshire's 2022 inspection?"))
    answer = history.ask(AskRequest(question="What had they been rated at the previous inspection?",
                                    session_id=first.session_id))
    assert answer.answer.startswith("**Northshire (2017)** was rated **requires improvement** overall")


def test_the_size_of_a_change_is_not_the_count_asked(tmp_path: Path, embeddings) -> None:
    text = ("## Children in care\n\nThe rise in the number of children looked after mirrors the region, with 445 "
            "children looked after at the point of inspection, an increase of 30 children since March 2015. Most "
            "children live in stable homes close to their families.\n")
    answerer = one_report(tmp_path, embeddings, "Eastvale", "1 March 2016", text, "Good")
    answer = answerer.ask(AskRequest(question="how many children were in care in eastvale?"))
    assert answer.answer.startswith("**445** — ")  # (not the 30 by which it rose)


def test_a_report_that_says_a_thing_is_lacking_is_not_listed_as_having_it(tmp_path: Path, embeddings) -> None:
    answerer = councils_over(tmp_path, embeddings, [
        ("Eastvale", 2019, "Care leavers in a crisis can stay in emergency accommodation, a crash pad run by the "
                           "council."),
        ("Westmoor", 2019, "There is no specific provision for emergency accommodation for care leavers."),
        ("Northby", 2019, "Social workers visit children regularly and know them well."),
    ])
    answer = answerer.ask(AskRequest(question="which councils have emergency accommodation for care leavers?"))
    assert {item.body for item in answer.items} == {"Eastvale"}


def test_a_body_named_again_in_the_past_tense_keeps_the_year_just_asked(history: Answerer) -> None:
    first = history.ask(AskRequest(question="What did the 2017 report say about care leavers in Northshire?"))
    again = history.ask(AskRequest(question="And what were the things Northshire needed to improve?",
                                   session_id=first.session_id))
    now = history.ask(AskRequest(question="what does Northshire need to improve now?", session_id=again.session_id))
    assert again.answer.startswith("**Northshire (2017)**"), again.answer
    assert now.answer.startswith("**Northshire (2022)**"), now.answer


@pytest.mark.parametrize("question", ["did northshire get worse at its 2022 inspection compared to before?",
                                      "was northshire's 2022 report better than last time?"])
def test_one_year_compared_to_before_is_set_beside_the_report_just_before_it(history: Answerer,
                                                                            question: str) -> None:
    answer = history.ask(AskRequest(question=question)).answer
    assert answer.startswith(("**No.** **Northshire (2017)**", "**Yes.** **Northshire (2017)**")), answer
    assert "Northshire (2014)" not in answer, answer


def test_an_overview_with_an_aspect_asked_besides_gives_both(history: Answerer) -> None:
    answer = history.ask(AskRequest(question="Overview of Northshire's 2021/22 inspection, especially how they "
                                             "support care leavers")).answer
    overview, aspect = answer.split("\n\n**On how they support care leavers**\n")
    assert overview.startswith("**Northshire (2022)**") and "was rated **good** overall" in overview, answer
    assert "care leavers" in aspect.lower(), answer


def test_a_grade_list_asked_after_a_clause_that_says_why_is_still_a_grade_list(history: Answerer) -> None:
    answer = history.ask(AskRequest(question="Since Ofsted started giving care leavers their own separate grade "
                                             "(2022 on), which councils got requires improvement for care leavers?"))
    assert answer.answer.startswith("Reports with that grade") and "**Northshire** (2022)" in answer.answer, \
        answer.answer


def test_the_inspection_before_a_year_is_the_latest_report_before_it_and_its_grade_then(history: Answerer) -> None:
    answer = history.ask(AskRequest(question="When was Northshire previously inspected before its 2022 inspection "
                                             "and what was it judged then?")).answer
    first, second = answer.split("\n\n**what was it judged then")
    assert "**When was Northshire inspected before its 2022 inspection?**" in first, answer
    assert "Northshire (2017)" in first and "Northshire (2014)" not in first, answer
    assert "**Northshire (2017)** was rated **requires improvement** overall" in second, answer


def test_a_name_written_in_lower_case_lists_only_the_reports_that_name_it(tmp_path, embeddings) -> None:
    answerer = councils_over(tmp_path, embeddings, [
        ("Eastvale", 2022, "Parents are supported through the Family Drug and Alcohol Court, which is effective."),
        ("Westmoor", 2022, "The family drug and alcohol court (FDAC) helps parents to overcome addiction."),
        ("Northby", 2022, "The Family Drug and Alcohol Court has helped several parents keep their children."),
        ("Southam", 2022, "Relationships with the family court are strong and proceedings are timely."),
        ("Upton", 2022, "Drug and alcohol services work well with social workers, and the family court is positive."),
    ])
    answer = answerer.ask(AskRequest(question="which councils are involved with a family drug and alcohol court?"))
    listed = {item.body for item in answer.items}
    assert listed == {"Eastvale", "Westmoor", "Northby"}, answer.answer



def test_a_change_asked_of_one_year_sets_that_report_beside_the_one_before_it(history: Answerer) -> None:
    answer = history.ask(AskRequest(question="did northshire get better or worse in 2022?")).answer
    assert answer.startswith("**Northshire (2017)**") and "Northshire (2014)" not in answer, answer


@pytest.mark.parametrize(("question", "lead"), [
    ("has ofsted ever rated northshire good?", "**Yes**: Northshire was rated **good** overall in 2022."),
    ("was northshire ever rated outstanding?", "**No**: no report rates Northshire **outstanding** overall."),
])
def test_ever_rated_a_grade_is_answered_yes_or_no_first(history: Answerer, question: str, lead: str) -> None:
    answer = history.ask(AskRequest(question=question)).answer
    assert answer.startswith(lead), answer


def test_what_is_the_worst_council_asks_of_each_ones_latest_report(history: Answerer) -> None:
    now = history.ask(AskRequest(question="what is the worst council?"))
    assert [(i.body, i.published[:4]) for i in now.items] == [("Southvale", "2021")], now.answer


def test_a_recommendation_is_never_told_as_a_strength(tmp_path, embeddings) -> None:
    answerer = one_report(tmp_path, embeddings, "Southmoor", "2022-06", (
        "## Summary\n\nSenior leaders should ensure that they effectively discharge their role as corporate parents "
        "and that improvements are sustained.\n\nChildren in care are visited regularly by social workers who know "
        "them well and are highly effective.\n\nThe front door is strong and decisions are timely.\n"), "Inadequate")
    answer = answerer.ask(AskRequest(question="what were the strengths of southmoor?")).answer
    assert "should ensure" not in answer.split("**Concerns**")[0], answer


def test_why_a_grade_was_given_quotes_what_was_found_before_what_needs_to_improve(tmp_path: Path, embeddings) -> None:
    answerer = one_report(tmp_path, embeddings, "Eastvale", "2024-03", (
        "## What needs to improve\n\n- The quality of plans for children in need.\n"
        "- Management oversight of casework and supervision.\n- The response to children who go missing.\n\n"
        "## Help and protection\n\nChildren wait too long for assessments, and their plans are weak.\n"
        "Managers do not check casework often enough, so drift is not noticed.\n"), grade="Inadequate")
    answer = answerer.ask(AskRequest(question="which councils were judged inadequate, and why?"))
    found = [c.quote for c in answer.citations[1:]]
    assert found and all("wait too long" in q or "do not check" in q for q in found), answer.answer


def test_a_sum_asked_that_the_report_gives_none_of_is_unsaid_though_other_sums_are(tmp_path: Path, embeddings) -> None:
    answerer = one_report(tmp_path, embeddings, "Eastvale", "2023-05", (
        "## Leadership\n\nThe council invested £2 million in early help services this year.\n"
        "The director of children's services has been in post since 2021.\n"), grade="Good")
    salary = answerer.ask(AskRequest(question="what is the salary of the director of children's services in Eastvale?"))
    assert salary.abstained and salary.answer.endswith("do not give the salary."), salary.answer
    invested = answerer.ask(AskRequest(question="how much did Eastvale invest in early help?"))
    assert invested.answer.startswith("**£2 million**"), invested.answer


def test_a_count_many_reports_print_alike_still_answers_of_one(tmp_path: Path, embeddings) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    for town in TOWNS[:4]:  # (every council prints the same line: a standard sentence by its words alone)
        write_report(folder, town, "1 March 2016", "## Information about this local authority area\n\n"
                     "The local authority operates no children's homes.\n\n## Help and protection\n\n"
                     f"Social workers in {town} visit children regularly and plans are reviewed on time.\n", "Good")
    answerer = answerer_over(folder, tmp_path, embeddings)
    answer = answerer.ask(AskRequest(question="how many children's homes did Eastvale operate in 2016?"))
    assert answer.answer.startswith("**None** — ") and "operates no children's homes" in answer.answer, answer.answer


def test_what_they_were_told_to_improve_is_the_reports_own_list(tmp_path: Path, embeddings) -> None:
    answerer = one_report(tmp_path, embeddings, "Eastvale", "2019-10", (
        "## What needs to improve\n\n- The formal matching of adolescents in long-term foster homes.\n\n"
        "## Help and protection\n\nA high number of child protection enquiries do not lead to a conference.\n"
        "Some plans are not reviewed on time.\n"), grade="Good")
    answer = answerer.ask(AskRequest(question="what was the only thing eastvale was told to improve?"))
    assert [c.quote for c in answer.citations] == ["The formal matching of adolescents in long-term foster homes."], \
        answer.answer


@pytest.mark.parametrize("question", ["In the 2016 Southvale report, how many kids were in care?",
                                      "how many children were in care in southvale at its 2016 inspection?",
                                      "how many children were looked after by southvale council in 2016?"])
def test_a_count_asked_leads_with_the_figure_whose_own_words_say_it(history: Answerer, question: str) -> None:
    answer = history.ask(AskRequest(question=question))  # (not "two groups of children", nor "1,120 children ...
    assert answer.answer.startswith("**188**")            # in need"; the report's year does not date its figures)


@pytest.mark.parametrize("question", ["how big was southvale's overspend in 2016?",
                                      "how many pounds did southvale put into children's social care?"])
def test_a_sum_of_money_asked_in_other_words_is_unsaid_when_no_sum_is_given(history: Answerer, question: str) -> None:
    answer = history.ask(AskRequest(question=question))  # (not "16" of "16- and 17-year-olds", nor any count)
    assert answer.abstained and "give any sums of money" in answer.answer


@pytest.mark.parametrize("question", [
    "Which councils use an app so children in care can tell their social worker their views digitally (Mind of My "
    "Own)?", "which councils use Mind of My Own?"])
def test_a_programme_named_after_its_description_lists_the_reports_naming_it(history: Answerer, question: str) -> None:
    from service.answering.followup import Resolved

    assert history.scope(Resolved(question), None).names == ["Mind of My Own"]  # (its small words within it)
    answer = history.ask(AskRequest(question=question))  # (not a sentence on children's views without it)
    assert [item.report_id for item in answer.items] == ["southvale-2021"], answer.answer


def test_how_many_times_it_was_visited_to_monitor_counts_the_visits_not_the_reports(history: Answerer) -> None:
    answer = history.ask(AskRequest(question="how many times had ofsted visited to monitor northshire before its "
                                             "2017 inspection?"))
    assert answer.answer.startswith("**five**"), answer.answer
    first = history.ask(AskRequest(question="tell me about northshire's 2017 inspection"))
    then = history.ask(AskRequest(question="how many times had ofsted visited to monitor them since the last one?",
                                  session_id=first.session_id))  # ("the last one": a time, not a body listed)
    assert then.answer.startswith("**five**"), then.answer


def test_a_rate_compared_between_two_councils_is_each_ones_rate(history: Answerer) -> None:
    answer = history.ask(AskRequest(question="Which had more children in care per 10,000 at inspection: Southvale "
                                             "(2016) or Northshire (2017)?"))  # (58 and 41.2, not 412 and 188)
    assert answer.answer.startswith("The largest figure stated is **58**, by **Northshire**"), answer.answer
    assert [item.body for item in answer.items] == ["Northshire", "Southvale"]


def test_outside_help_is_the_reports_peer_review(history: Answerer) -> None:
    answer = history.ask(AskRequest(question="what did southvale do about leadership after getting outside help?"))
    assert "peer review" in answer.citations[0].quote, answer.answer


def test_when_inspectors_carried_out_the_inspection_is_its_dates(tmp_path: Path, embeddings) -> None:
    text = ("Inspectorate: Ofsted\nInspection dates: 23 July 2018 to 27 July 2018\n\n## Help and protection\n\nSocial workers carry out "
            "visits to children regularly. Life-story work is carried out sensitively and is timely. Managers carry "
            "out audits of practice each month.\n")
    answerer = one_report(tmp_path, embeddings, "Eastvale", "28 August 2018", text, "Good")
    answer = answerer.ask(AskRequest(question="When exactly did Ofsted's inspectors carry out the Eastvale children's "
                                              "services inspection that was published in August 2018?"))
    assert answer.answer.startswith("**Eastvale (2018)** was inspected on 23 July 2018"), answer.answer


@pytest.mark.parametrize(("one", "other", "question"), [  # (two reports naming it, each its own way)
    ("Children share their views through the Mind of My Own app, which leaders introduced.",
     "Children in care use the MOMO app to tell social workers their wishes and feelings.",
     "Which councils let children give their views through the Mind of My Own (MOMO) app?"),  # (either form)
    ("The Mockingbird Model links foster carers to a hub home. The Mockingbird Model has grown.",
     "Foster carers are well supported through the Mockingbird programme and its hubs.",
     "Which councils use the Mockingbird model (hub homes / constellations)?"),  # (not only "Mockingbird Model")
    ("The Lifelong Links service helps children in care to reconnect with relatives.",
     "The Lifelong Links programme has helped ten children find family members.",
     "which LAs use lifelong links to help kids in care reconnect with family and other important people?"),
])
def test_a_programme_named_or_described_lists_the_reports_naming_it(tmp_path: Path, embeddings, one: str,
                                                                    other: str, question: str) -> None:
    answerer = councils_over(tmp_path, embeddings, [
        ("Eastvale", 2019, one), ("Westmoor", 2019, other),
        ("Northby", 2019, "Children in care meet their social workers often and their views shape their plans.")])
    answer = answerer.ask(AskRequest(question=question))
    assert {item.body for item in answer.items} == {"Eastvale", "Westmoor"}, answer.answer


def test_a_plural_abbreviation_asked_is_read_as_the_words_the_report_spells_it_in(tmp_path: Path, embeddings) -> None:
    text = ("## Leadership\n\nSince the previous inspection, there have been four directors of children's services, "
            "including an interim director. Leaders know their services well.\n")
    answerer = one_report(tmp_path, embeddings, "Eastvale", "1 March 2024", text, "Good")
    answer = answerer.ask(AskRequest(question="how many DCSs had Eastvale had since the previous inspection?"))
    assert answer.answer.startswith("**four**"), answer.answer  # (not "does not mention DCSs")


def test_since_then_compares_the_year_just_asked_with_what_came_after(history: Answerer) -> None:
    first = history.ask(AskRequest(question="What overall grade did Northshire get in 2017?"))
    since = history.ask(AskRequest(question="Has it improved since then?", session_id=first.session_id))
    assert "from requires improvement (2017) to good (2022)" in since.answer, since.answer  # (not 2014 to 2017)


def test_what_it_had_been_rated_at_the_previous_inspection_is_that_reports_grade(history: Answerer) -> None:
    first = history.ask(AskRequest(question="How did Northshire do in its 2022 children's services inspection?"))
    before = history.ask(AskRequest(question="What had it been rated at the previous full inspection?",
                                    session_id=first.session_id))
    assert "**Northshire (2017)** was rated **requires improvement** overall" in before.answer, before.answer


@pytest.mark.parametrize("question", ["In 2022, where was the support for young people leaving care judged requires "
                                      "improvement?", "where was support for care leavers judged requires improvement "
                                      "in 2022"])
def test_an_area_asked_in_everyday_words_after_where_is_a_grade_list(history: Answerer, question: str) -> None:
    answer = history.ask(AskRequest(question=question))
    assert answer.answer.startswith("Reports with that grade") and "**Northshire** (2022)" in answer.answer, \
        answer.answer


def test_evidence_nearly_every_report_holds_singles_out_only_the_strongest(tmp_path: Path, embeddings) -> None:
    """"Which councils had their IT systems knocked out?" listed 151 of 153 councils on "systems" (s52 Ofsted probe
    T01): a topic that more than half the bodies in scope qualify for tells them apart by its strongest few."""
    systems = ["There are effective systems in place to track children missing from education.",
               "Leaders have strengthened the systems for personal education plans.", "Pressures on the system are "
               "understood.", "The new recording system is not yet embedded.", "Systems to track pupils meet "
               "statutory requirements.", "Clear systems support the designated officer.", "The case management "
               "system is cumbersome.", "Performance systems are well used."]
    rest = ("Children are seen promptly. Leaders know the area well. Foster carers are well supported. Care leavers "
            "have good advice. Plans are reviewed on time. Managers oversee practice closely.")
    answerer = councils_over(tmp_path, embeddings, [(town, 2022, f"{said} {rest}") for town, said in zip(TOWNS, systems)])
    answer = answerer.ask(AskRequest(question="Which councils had their IT systems knocked out?"))
    assert len(answer.items) <= 5, answer.answer


def test_hackers_are_a_cyber_attack(tmp_path: Path, embeddings) -> None:
    answerer = councils_over(tmp_path, embeddings, [
        ("Eastvale", 2022, "A criminal cyber-attack in 2020 had a huge impact on the council's ability to manage its "
                           "services. Children are seen promptly."),
        ("Westmoor", 2022, "Early help is insufficiently targeted to meet the needs of children. Children are seen "
                           "promptly."),
        ("Northby", 2022, "The council has responded well to the risks of radicalisation. Cyber safety is taught.")])
    for question in ("which councils got hacked?", "which councils were targeted by ransomware"):
        answer = answerer.ask(AskRequest(question=question))
        assert {item.body for item in answer.items} == {"Eastvale"}, answer.answer


@pytest.mark.parametrize("question", ["How do Northshire's 2022 grades stack up against Southvale's 2021 grades?",
                                      "how did northshire measure up against southvale"])
def test_stacking_up_against_another_body_compares_them(history: Answerer, question: str) -> None:
    answer = history.ask(AskRequest(question=question)).answer
    assert "| Overall grade |" in answer and "**Northshire (2022)**" in answer and "**Southvale (2021)**" in answer
    assert "| Measure |" not in answer and "| Stack |" not in answer, answer


@pytest.mark.parametrize(("question", "side"), [("What were Northshire and Southvale told to improve?", "Concerns"),
                                                ("Northshire and Southvale - what did each of them do well? Anything "
                                                 "in common?", "Strengths")])
def test_a_side_asked_of_two_bodies_is_each_ones_side(history: Answerer, question: str, side: str) -> None:
    """"Coventry and Bedford ... what were each of them told to improve? Any overlap?" abstained (s52 Ofsted probe
    C01): what one body's report says on that side, for each body named, under its name."""
    answer = history.ask(AskRequest(question=question))
    northshire, southvale = answer.answer.split("\n\n**Southvale (2021)**")
    assert northshire.startswith("**Northshire (2022)**") and f"**{side}**" in northshire and f"**{side}**" in southvale
    assert {c.report_id for c in answer.citations} == {"northshire-2022", "southvale-2021"}


def test_a_side_asked_of_each_body_after_a_comparison_is_each_ones_side(history: Answerer) -> None:
    """"How do Oxfordshire and Derbyshire compare in their latest inspections, and what was each told to improve?"
    listed one body's single line (s55a Ofsted probe C03): after the comparison, each one's side under its name."""
    answer = history.ask(AskRequest(question="How do Northshire and Southvale compare in their latest inspections, "
                                             "and what was each told to improve?"))
    compared, each = answer.answer.split("\n\n**Northshire (2022)**\n**Concerns**\n")
    assert "| Overall grade |" in compared and "\n\n**Southvale (2021)**\n" in each, answer.answer
    assert "Social work capacity, so that social workers can respond" in each  # (its second line too)


@pytest.mark.parametrize("question", ["What grade did the Local Safeguarding Children Board in Eastvale get in the "
                                      "2014 review?", "how was eastvale's lscb rated"])
def test_a_grade_a_sentence_gives_something_besides_the_areas_is_that_sentence(tmp_path: Path, embeddings,
                                                                                 question: str) -> None:
    """The LSCB's grade is a sentence of the report, not one of its judgement areas (s52 Ofsted probe F12 got
    the council's six grades)."""
    answerer = one_report(tmp_path, embeddings, "Eastvale", "23 May 2014", (
        "Ratings stated in the sources:\nLeadership, management and governance: Inadequate\nChildren who need help "
        "and protection: Inadequate\nChildren looked after and achieving permanence: Requires improvement\n\n"
        "## Summary\n\nThe effectiveness of the Local Safeguarding Children Board (LSCB) is good.\n\nChildren wait "
        "too long for help.\n"), "Inadequate")
    answer = answerer.ask(AskRequest(question=question))
    assert "(LSCB) is good" in answer.citations[0].quote and "**inadequate**" not in answer.answer, answer.answer


def test_which_single_area_is_an_area_asked(history: Answerer) -> None:
    answer = history.ask(AskRequest(question="Which single area got the lowest grade in Northshire's 2014 "
                                             "inspection?")).answer
    assert answer.startswith("**Northshire (2014)** was rated **inadequate** for *Leadership, management and "
                             "governance*"), answer


def test_a_sentence_a_few_reports_print_alike_still_answers_of_a_body_named(tmp_path: Path, embeddings) -> None:
    """"The local authority uses the 'Signs of Safety' model of social work." is printed by a few reports word for
    word, so it was taken for an inspectorate's standard paragraph and never given of a body named (s52 Ofsted probe
    F05); a paragraph a twentieth of the reports print still is."""
    towns = [f"{a}{b}" for a in ("North", "South", "East", "West", "Upper", "Lower", "Great", "Little")
             for b in ("vale", "moor", "by", "ham", "ton", "ley", "hurst", "field")]
    model = "The local authority uses the Signs of Safety model of social work."
    answerer = councils_over(tmp_path, embeddings, [
        (town, 2017, f"{model if i < 3 else 'Social workers visit children regularly.'} Ofsted inspects services for "
                     f"children and their families. Plans for {town}'s children are reviewed on time.")
        for i, town in enumerate(towns)])
    answer = answerer.ask(AskRequest(question="which social work practice model did Northvale use?"))
    assert answer.citations and answer.citations[0].quote == model, answer.answer
    assert not any("Ofsted inspects" in c.quote for c in answer.citations)


def test_a_line_of_what_needs_to_improve_is_a_concern_whatever_its_words(tmp_path: Path, embeddings) -> None:
    """Lines of "What needs to improve?" with a praise word and a verb late in them were read as strengths (s52
    Ofsted probe O04, O05: "Consistent threshold decision-making, particularly when ...", "That ... plans have clear
    timescales ...")."""
    answerer = one_report(tmp_path, embeddings, "Eastvale", "5 July 2022", (
        "## Summary\n\nStronger strategic leadership has led to improvements in much of the service.\n\nMany "
        "children's needs are well met by social workers.\n\n## What needs to improve?\n\nConsistent threshold "
        "decision-making, particularly when escalating statutory involvement when the criteria are met for child "
        "protection enquiries.\n\nThat child protection plans have clear timescales for progress to be made.\n\n"
        "## Help and protection\n\nChildren benefit from effective early help.\n"), "Requires improvement")
    answer = answerer.ask(AskRequest(question="summarise the eastvale inspection")).answer
    strengths = answer.split("**Strengths**")[1].split("**Concerns**")[0]
    assert "Consistent threshold" not in strengths and "clear timescales" not in strengths, answer
    assert "Consistent threshold" in answer.split("**Concerns**")[1].split("**Strengths**")[0], answer


def test_when_last_inspected_before_that_is_the_report_before_not_the_one_before_it(history: Answerer) -> None:
    """"how did york do in 2022" then "when had it last been inspected before that, and how had things changed?"
    gave the inspection before the 2017 report and both years to the first part (s52 Ofsted probe FU3)."""
    first = history.ask(AskRequest(question="how did northshire do in 2022"))
    answer = history.ask(AskRequest(question="when had it last been inspected before that, and how had things "
                                             "changed?", session_id=first.session_id))
    when, change = answer.answer.split("\n\n**how had things changed")
    assert "(Northshire, 2017)?**" in when and "Northshire (2022)" not in when, answer.answer
    assert "**Improved**: from requires improvement (2017) to good (2022)" in change, answer.answer


def test_keywords_with_a_month_range_ask_the_lead_inspector(history: Answerer) -> None:
    answer = history.ask(AskRequest(question="Northshire children's social care inspection May-Jun 2017 lead "
                                             "inspector")).answer
    assert "led by **Tom Birch**" in answer, answer


def test_whats_a_budget_asks_for_a_sum_of_money(history: Answerer) -> None:
    answer = history.ask(AskRequest(question="whats northshire's annual childrens services budget in the 2022 report"))
    assert answer.answer == "The Northshire (2022) report does not give any sums of money.", answer.answer


def test_for_each_after_two_reports_asks_of_both(history: Answerer) -> None:
    """"who were the lead inspectors for each?" after comparing a body's two inspections (s52b Ofsted probe fu2
    got one unrelated sentence of the earlier report)."""
    first = history.ask(AskRequest(question="compare northshire 2017 and 2022"))
    answer = history.ask(AskRequest(question="who were the lead inspectors for each?", session_id=first.session_id))
    assert "led by **Tom Birch**" in answer.answer and "led by **Jane Ash**" in answer.answer, answer.answer


def test_any_area_weaker_than_the_rest_gives_the_areas_grades_lowest_first(history: Answerer) -> None:
    first = history.ask(AskRequest(question="How did Northshire do in its 2014 Ofsted inspection?"))
    answer = history.ask(AskRequest(question="Was any area weaker than the rest?", session_id=first.session_id))
    assert answer.answer.startswith("**Northshire (2014)** was rated **inadequate** for *Leadership, management and "
                                    "governance*"), answer.answer


def test_how_long_in_post_is_answered_by_since_when(tmp_path: Path, embeddings) -> None:
    answerer = one_report(tmp_path, embeddings, "Eastvale", "27 June 2016", (
        "## Summary\n\nA stable senior team is led by an experienced director of children's services (DCS).\n\n"
        "Children's services in Eastvale are good.\n\n## Leadership\n\nThe DCS has been in post since June 2010.\n\n"
        "Caseloads are manageable.\n"), "Good")
    answer = answerer.ask(AskRequest(question="How long had Eastvale's DCS been in post in 2016?"))
    assert answer.citations[0].quote == "The DCS has been in post since June 2010.", answer.answer


def test_a_report_year_beside_a_figures_span_of_years_picks_the_report(tmp_path: Path, embeddings) -> None:
    """"Torbay 2018 report - what was average school attendance for looked after children in 2016/17?" read only
    2016/17 and answered from the 2016 report (s52b Ofsted probe f14)."""
    answerer = councils_over(tmp_path, embeddings, [
        ("Eastvale", 2016, "The average attendance of children looked after was 95.7% in 2014-15."),
        ("Eastvale", 2018, "In 2016/17, the average school attendance for children looked after was 96%.")])
    answer = answerer.ask(AskRequest(question="Eastvale 2018 report - what was average school attendance for looked "
                                              "after children in 2016/17?"))
    assert answer.citations[0].report_id == "eastvale-2018" and "96%" in answer.answer, answer.answer


def test_a_share_asked_leads_with_the_share_whose_clause_says_it(tmp_path: Path, embeddings) -> None:
    """"what share of kids in care were living over 20 miles from home?" led with "93%" of a sentence on homes
    outside the area (s52b Ofsted probe f03)."""
    answerer = one_report(tmp_path, embeddings, "Eastvale", "24 August 2018", (
        "## Children in care\n\nOf the kids in care living in residential children's homes, 93% live far from "
        "home, outside the authority area.\n\nIn May 2018, 27% of children looked after were placed more than 20 "
        "miles away.\n"), "Good")
    answer = answerer.ask(AskRequest(question="In Eastvale's 2018 inspection, what share of kids in care were living "
                                              "over 20 miles from home?"))
    assert answer.answer.startswith("**27%**"), answer.answer


@pytest.mark.parametrize("question", ["which other councils have copied eastvale's open door approach?",
                                      "eastvale's open door model - which other councils have picked it up or based "
                                      "services on it?"])
def test_which_other_councils_have_a_bodys_thing_leaves_that_body_out(tmp_path: Path, embeddings,
                                                                       question: str) -> None:
    """"X's model - which other councils have picked it up?" gave X's own report alone (s52c Ofsted probe T03)."""
    answerer = councils_over(tmp_path, embeddings, [
        ("Eastvale", 2018, "The Open Door approach helps teenagers on the edge of care."),
        ("Westmoor", 2021, "Its programme, based on Eastvale's 'Open Door' model, helps children."),
        ("Northby", 2022, "Children in Northby are seen promptly.")])
    answer = answerer.ask(AskRequest(question=question))
    assert {item.report_id for item in answer.items} == {"westmoor-2021"}, answer.answer


def test_a_count_compared_is_each_reports_count_of_it(tmp_path: Path, embeddings) -> None:
    """"How did they compare on overall grade and number of children in care?" filled the row with GCSE results
    (s52c Ofsted probe C01)."""
    answerer = councils_over(tmp_path, embeddings, [
        ("Eastvale", 2016, "The proportion of children looked after who gain five GCSEs is low. Eastvale currently "
                           "has 290 children looked after; this figure is high."),
        ("Westmoor", 2016, "Half of the small number of children at this level achieved at least five GCSEs. At 12 "
                           "October 2015, 69 children were being looked after by the local authority.")])
    answer = answerer.ask(AskRequest(question="Eastvale and Westmoor both had reports out in 2016. How did they "
                                              "compare on overall grade and number of children in care?")).answer
    row = next(line for line in answer.splitlines() if line.startswith("| Number"))
    assert "290 children looked after" in row and "69 children were being looked after" in row, answer


def test_a_self_introduction_before_the_ask_is_not_its_topic(history: Answerer) -> None:
    """"I'm a councillor in Knowsley and want the gist of what Ofsted said about us ... - strengths, weaknesses,
    what we need to fix." got three sentences on councillors (s52c Ofsted probe O03): the whole overview."""
    answer = history.ask(AskRequest(question="I'm a councillor in Northshire and want the gist of what Ofsted said "
                                             "about us in the 2022 inspection - strengths, weaknesses, what we need "
                                             "to fix.")).answer
    assert answer.startswith("**Northshire (2022)**") and "**Strengths**" in answer and "**Concerns**" in answer, \
        answer


def test_a_rate_whose_staff_the_sentence_leaves_unsaid_is_still_given(tmp_path: Path, embeddings) -> None:
    """"what was the staff retention rate?" was said unstated though "retention rates have increased to 89%" (s52d
    Ofsted probe FU4): whose rate it is, the sentence need not say."""
    answerer = one_report(tmp_path, embeddings, "Eastvale", "5 July 2022", (
        "## Leadership\n\nWorkforce stability has improved more recently and retention rates have increased to 89%."
        "\n\nChildren are seen promptly.\n"), "Good")
    answer = answerer.ask(AskRequest(question="what was Eastvale's staff retention rate in 2022?"))
    assert answer.answer.startswith("**89%**"), answer.answer


def test_a_long_chatty_grade_list_is_still_a_grade_list(history: Answerer) -> None:
    """"I'm looking for the councils whose children's services were judged outstanding overall in reports published
    during 2023 - can you list them?" fell through to sentences (s52d Ofsted probe G04)."""
    answer = history.ask(AskRequest(question="I'm looking for the councils whose children's services were judged good "
                                             "overall in reports published during 2022 - can you list them?")).answer
    assert answer.startswith("Reports with that grade") and "**Northshire** (2022)" in answer, answer


def test_any_differences_between_two_bodies_compares_them(history: Answerer) -> None:
    """"Both Cornwall and Kensington and Chelsea got top marks in 2019 - were there any differences in their grades?"
    gave sentences of one of them (s52d Ofsted probe C03)."""
    answer = history.ask(AskRequest(question="Northshire and Southvale were both inspected - were there any "
                                             "differences in their grades?")).answer
    assert "| Overall grade |" in answer and "**Northshire (2022)**" in answer and "**Southvale (2021)**" in answer, \
        answer


def test_a_count_asked_leads_with_the_count_not_a_line_holding_none(tmp_path, embeddings) -> None:
    answerer = one_report(tmp_path, embeddings, "Rothby", "2018-01", (
        "Re-inspection of services for children in need of help and protection, children looked after and care "
        "leavers\n\n2.2 Experiences and progress of care leavers Outstanding\n\n"
        "The experiences and progress of children looked after and achieving permanence 16\n\n"
        "## Children looked after\n\nAt 30 September 2017, the local authority was looking after 518 "
        "children (a rate of 92 per 10,000 children).\n\nManagers know that too many children live outside Rothby, "
        "and that the needs of children in care have grown more complex.\n"), "Good")
    answer = answerer.ask(AskRequest(question="how many kids in care did rothby have in 2018"))
    assert answer.answer.startswith("**518**"), answer.answer


@pytest.mark.parametrize("question", ["northshire 2022: overall grade and lead inspector?",
                                      "Northshire inspection 2022 lead inspector and overall rating",
                                      "who was the lead inspector and what was the overall grade of northshire "
                                      "in 2022"])
def test_two_things_a_report_records_asked_together_are_both_answered(history: Answerer, question: str) -> None:
    answer = history.ask(AskRequest(question=question)).answer
    assert "Jane Ash" in answer and "**good**" in answer, answer


def test_a_first_part_naming_no_body_is_asked_of_the_body_the_second_names(history: Answerer) -> None:
    answer = history.ask(AskRequest(question="who was the lead inspector and when was the inspection of northshire "
                                             "in 2022")).answer
    assert "Jane Ash" in answer and "Northshire (2022)" in answer and "Tom Birch" not in answer, answer


def test_a_grade_given_after_a_dated_visit_is_that_inspections_grade(history: Answerer) -> None:
    answer = history.ask(AskRequest(question="what did ofsted rate northshire childrens services after the spring "
                                             "2022 visit")).answer
    assert answer.startswith("**Northshire (2022)** was rated **good** overall"), answer


def test_a_year_just_after_the_name_dates_the_report_not_its_figures(tmp_path, embeddings) -> None:
    answerer = one_report(tmp_path, embeddings, "Rothby", "2016-05", (
        "## Help and protection\n\nIn 2014–15, only 52% of initial conferences were held within 15 days, which was "
        "well below the national level of 75%.\n\nVisits to children and young people on child protection plans are "
        "timely, with 96% in time in the last three months.\n"), "Good")
    answer = answerer.ask(AskRequest(question="rothby 2016 initial child protection conferences within 15 days "
                                              "percentage"))
    assert "52%" in answer.citations[0].quote, answer.answer


def test_a_line_of_what_needs_to_improve_is_a_concern_in_a_topic_list(tmp_path, embeddings) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    write_report(folder, "Eastvale", "2021-12", (
        "## What needs to improve\n\nThe recruitment and retention of social workers, to stabilise the workforce and "
        "reduce multiple changes in social worker for children.\n\n## Help and protection\n\nChildren are seen "
        "quickly and their needs are assessed well.\n"), "Inadequate")
    for town, text in [("Westmoor", "Social workers have manageable caseloads and stay with the council for years."),
                       ("Northby", "Early help is well coordinated across the partnership.")]:
        write_report(folder, town, "2022-03", f"## Help and protection\n\n{text}\n", "Good")
    answerer = answerer_over(folder, tmp_path, embeddings)
    answer = answerer.ask(AskRequest(question="which councils were struggling with social worker turnover?"))
    assert {item.body for item in answer.items} == {"Eastvale"}, answer.answer



def test_what_about_a_year_then_a_question_asks_it_of_that_years_report(history: Answerer) -> None:
    from service.answering.context import Context
    from service.answering.followup import resolve

    led = Context(resolved="Who led the Northshire inspection in 2022?", report_ids=["northshire-2022"],
                  bodies=["Northshire"], mentions=["Northshire"], years=[2022])
    asked = resolve("what about the 2017 one - how was the leadership rated?", led, history.names).text
    assert asked == "how was the leadership rated (Northshire; 2017)?", asked


@pytest.mark.parametrize("follow_up", ["was that a problem last time they were inspected too?",
                                       "was it like that at the previous inspection as well?"])
def test_the_same_asked_again_of_last_time_is_asked_of_the_report_before(history: Answerer, follow_up: str) -> None:
    latest = history.ask(AskRequest(question="how were care leavers doing in northshire's 2022 report?"))
    assert {c.report_id for c in latest.citations} == {"northshire-2022"}
    again = history.ask(AskRequest(question=follow_up, session_id=latest.session_id))
    assert {c.report_id for c in again.citations} == {"northshire-2017"}, again.answer


def test_a_sentence_going_on_from_the_best_answers_the_kind_asked_that_it_alone_holds(tmp_path: Path,
                                                                                        embeddings) -> None:
    """"She has ... since her promotion to the role in April 2021", after the sentence on the director: it names
    no director, but it tells when the one just described got the job."""
    answerer = one_report(tmp_path, embeddings, "Eastvale", "1 May 2022", (
        "## Leadership\n\nThe director of children's services, who was previously the assistant director for early "
        "help, brings a wealth of experience to the role. She has taken a measured approach to development since "
        "her promotion to the role in April 2021. Foster carers said they felt valued.\n\n## Help and protection\n\n"
        "Early help services were expanded in March 2020 to cover every school.\n"), "Good")
    answer = answerer.ask(AskRequest(question="When did Eastvale's director of children's services get the job?"))
    assert answer.answer.startswith("**April 2021**"), answer.answer



def test_a_summary_leads_with_the_headline_concern_before_the_list_of_what_needs_to_improve(
        tmp_path: Path, embeddings) -> None:
    """Devon 2020's summary gave three lines of its "What needs to improve" list and left out its headline,
    care leavers left in unsuitable accommodation (s55a and s55b Ofsted probes); asked what it was told to
    improve, the list is the answer."""
    answerer = one_report(tmp_path, embeddings, "Eastvale", "1 March 2020", (
        "## The impact of leaders on social work practice\n\nCare leavers with the greatest needs are left in "
        "unsuitable accommodation for too long because leaders do not step in and act. Early help for families is "
        "effective and well led.\n\n## What needs to improve\n\nPermanence planning for children.\n\nThe quality and "
        "timeliness of life-story work.\n\nThe assessment of children looked after placed with parents.\n"),
        "Inadequate")
    summary = answerer.ask(AskRequest(question="summarise eastvale's inspection"))
    assert "left in unsuitable accommodation for too long" in summary.answer.split("**Concerns**")[1], summary.answer
    told = answerer.ask(AskRequest(question="what was eastvale told to improve?"))
    assert "Permanence planning for children." in told.answer and "unsuitable accommodation" not in told.answer


def test_when_other_visits_happened_is_not_when_the_inspection_was(tmp_path: Path, embeddings) -> None:
    """"When did Ofsted carry out focused visits to North East Lincolnshire before its 2021 inspection?" gave the
    inspections' dates (s55b Ofsted probe F09): a focused or monitoring visit is not the inspection."""
    answerer = one_report(tmp_path, embeddings, "Eastvale", "26 November 2021", (
        "Inspection dates: 4 October to 15 October 2021\n\n## Summary\n\nTwo focused visits in March 2019 and "
        "October 2019 identified significant weaknesses in practice. Leaders have since strengthened the front door. "
        "Social workers know their children well.\n"), "Requires improvement")
    answer = answerer.ask(AskRequest(question="When were the focused visits to Eastvale carried out?"))
    assert "March 2019" in answer.answer and "was inspected on" not in answer.answer, answer.answer


def test_children_services_without_its_apostrophe_is_the_body_not_a_topic(history: Answerer) -> None:
    """"what did the 2017 inspection say about north east lincolnshire children services" read "children" as
    its topic and gave three stray sentences (s55b Ofsted probe S05): it is the body's service, a summary asked."""
    answer = history.ask(AskRequest(question="what did the 2017 inspection say about northshire children services"))
    assert answer.answer.startswith("**Northshire (2017)**\n") and "**Grades by area**" in answer.answer, answer.answer


@pytest.mark.parametrize("follow_up", ["is anything being done to sort it out?", "how are they tackling that?"])
def test_doing_something_about_it_asks_about_the_topic_just_asked(history: Answerer, follow_up: str) -> None:
    """"is anything being done to sort it out?" after Trafford's out-of-hours service gave Trafford's whole summary
    (s55c Ofsted probe FU2b): "it" is the topic just asked about, of the same body."""
    from service.answering.parts import on_that

    assert on_that(follow_up, "What did inspectors say about Northshire's foster carers?") == \
        follow_up.replace(" it ", " Northshire's foster carers ").replace(" that?", " Northshire's foster carers?")
    first = history.ask(AskRequest(question="What did inspectors say about Northshire's foster carers?"))
    answer = history.ask(AskRequest(question=follow_up, session_id=first.session_id))
    assert "Mockingbird" in answer.answer and "**Strengths**" not in answer.answer, answer.answer


def test_a_side_asked_of_named_bodies_on_a_topic_is_judged_by_their_latest_reports(history: Answerer) -> None:
    """"Among Norfolk, City of London, Solihull, ... which get real praise for how they support young people leaving
    care?" listed Solihull and Trafford for their 2015-16 reports, whose latest criticise it (s55c Ofsted probe T03):
    each body as it is now."""
    answer = history.ask(AskRequest(question="Among Northshire and Southvale, which have problems with heavy "
                                             "caseloads?"))
    assert [item.report_id for item in answer.items] == ["southvale-2021"], answer.answer  # (not Northshire 2014;
    # which mention a thing is test_a_list_of_what_mentions_a_phrase_holds_the_phrase, over every report)


def test_should_they_wish_is_no_recommendation(tmp_path: Path, embeddings) -> None:
    """"... to trace their families should they wish" was listed as a concern of the City of London's outstanding
    report (s55c Ofsted probe S06): "should they" is "if they", not what the council should do."""
    answerer = one_report(tmp_path, embeddings, "Eastvale", "1 May 2024", (
        "## Children in care\n\nSocial workers refer unaccompanied asylum-seeking children to the Red Cross and other "
        "agencies, for support to trace their families should they wish. Too many children wait too long for an "
        "assessment of their needs. Children in care live in stable homes and make good progress.\n"), "Outstanding")
    answer = answerer.ask(AskRequest(question="summarise eastvale's inspection"))
    assert "Red Cross" not in answer.answer.split("**Concerns**")[1], answer.answer


def test_how_many_in_a_second_part_counts_what_the_first_part_counted(tmp_path: Path, embeddings) -> None:
    """"How many multi-agency family hubs does Hillingdon plan to have, and how many were actually up and running?"
    said the reports do not say for its second part (s55d Ofsted probe F05): "how many were" counts the hubs."""
    answerer = one_report(tmp_path, embeddings, "Eastvale", "20 November 2023", (
        "## Help and protection\n\nOne of six planned multi-agency family hubs is operational and providing a range "
        "of co-located services. Social workers visit children regularly. Leaders know their services well.\n"),
        "Good")
    answer = answerer.ask(AskRequest(question="How many multi-agency family hubs does Eastvale plan to have, and how "
                                              "many were actually up and running?"))
    second = answer.answer.split("\n\n**how many")[1]
    assert "One of six planned multi-agency family hubs is operational" in second, answer.answer


@pytest.mark.parametrize(("question", "first"), [
    ("was there any part of northshire's 2022 inspection they didn't get good for?", "Yes: "),
    ("did northshire get good for every area in 2022?", "No: "),
])
def test_a_yes_no_question_over_every_area_answers_with_the_areas_graded_otherwise(history: Answerer, question: str,
                                                                                  first: str) -> None:
    """"Any part they didn't get good for?" and "good for every area?" are answered by the judgements not rated
    good (care leavers, 2022), not by the overall grade ("Yes: ... was rated good overall" had answered the
    first)."""
    answer = history.ask(AskRequest(question=question)).answer
    assert answer.startswith(f"{first}**Northshire (2022)** was rated **requires improvement** for *The experiences "
                             "and progress of care leavers*"), answer


def test_a_things_name_asked_in_the_reports_own_words_finds_the_name_set_beside_them(tmp_path: Path,
                                                                                   embeddings) -> None:
    """"What is Eastvale's front door service called?": the report writes "front door" itself, with its name beside
    it ("Eastvale’s ‘front door’, Customer First"); the reports' usual term for it (the safeguarding hub, MASH)
    must not outrank the report's own words (it had answered with the MASH sentences)."""
    answerer = one_report(tmp_path, embeddings, "Eastvale", "21 August 2024", (
        "## Help and protection\n\nThe multi-agency safeguarding hub (MASH) is well established. Partner agencies "
        "are positive about the prompt advice available through the MASH professional telephone contact line. "
        "There is a timely response to contacts within Eastvale’s ‘front door’, Customer First. Thresholds for "
        "referrals to the MASH are applied consistently.\n"), "Good")
    answer = answerer.ask(AskRequest(question="what is eastvale's front door service called"))
    assert "Customer First" in answer.answer.split("\n")[0] and "MASH" not in answer.answer.split("[1]")[0], \
        answer.answer


def test_a_grade_a_future_inspection_will_give_is_not_in_any_report(history: Answerer) -> None:
    """"What will Northshire be rated at its next inspection?": no report can say; its past grades are no answer
    (they had been listed)."""
    answer = history.ask(AskRequest(question="What will Northshire's children's services be rated at their next "
                                             "inspection?"))
    assert answer.abstained and "future inspection" in answer.answer, answer.answer


def test_an_overall_grade_kept_with_an_area_moved_the_way_asked_is_partly() -> None:
    """"Did Sunderland get better?": outstanding in 2021 and 2025, help and protection from good to outstanding:
    partly (it had said No)."""
    import datetime

    from ingest.models import ReportMeta
    from service.answering.intents.changes import yes_or_no

    def report(year: int, area_grade: str) -> ReportMeta:
        return ReportMeta(report_id=f"sunderland-{year}", source=f"s{year}.pdf", title="Sunderland", body="Sunderland",
                          published=datetime.date(year, 1, 1), overall="outstanding",
                          areas={"Help and protection": area_grade})
    both = [report(2021, "good"), report(2025, "outstanding")]
    assert yes_or_no(both, "did sunderland get better?") == "**Partly.** "
    assert yes_or_no(both, "did sunderland get worse?") == "**No.** "

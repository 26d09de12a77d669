"""The small text tests the answerer shares: which figures are quantities."""

from __future__ import annotations

import pytest

from service.answering.places import council_areas, places_named
from service.answering.text import contents_line, has_number, no_finding, quantities
from service.answering.thing_names import names_a_thing
from service.terms import Vocabulary


@pytest.mark.parametrize(("text", "figures"), [
    ("There were 591 children looked after in 2019.", ["591"]),
    ("Children in the current key stage 4 cohort remain more likely to be absent.", []),
    ("Section 20 agreements were used for 12% of children.", ["12%"]),
    ("3,456 referrals in 2018/19", ["3,456"]),
    ("despite the impact of COVID-19 on the workforce, 2-3 visits a week", ["2", "3"]),
    ("Progress measures for Key Stages 2 to 4 show looked after children below national figures", []),
    ("services for homeless 16- and 17-year-olds are well coordinated", []),
    ("in year 11, 40 pupils sat exams; in recent years 300 children were adopted", ["40", "300"]),
])
def test_quantities_are_not_years_or_labels(text: str, figures: list[str]) -> None:
    assert quantities(text) == figures
    assert has_number(text) == bool(figures)


@pytest.mark.parametrize(("text", "kind", "counts"), [
    ("each CRC was graded on a four-point scale", "count", False),  # a kind of scale, no quantity
    ("a three-year plan was agreed", None, False),
    ("twenty-five children were placed out of area", "count", True),
    ("two-thirds of care leavers were in suitable accommodation", "share", True),
    ("four children were adopted", "count", True),
])
def test_a_number_word_joined_to_a_noun_is_no_quantity(text: str, kind: str | None, counts: bool) -> None:
    assert has_number(text, kind) == counts


@pytest.mark.parametrize(("text", "contents"), [
    ("Inspection findings – the Local Safeguarding Children Board 35 Information about this inspection 40", True),
    ("Outcomes for looked after children and young people 9 Quality of provision 15", True),
    ("At 14 November 2016, 495 children were being looked after by the local authority.", False),
    ("The board met 12 times. Members attended 9 of them", False),
    ("Staff caseloads were between 20 and 25", False),
])
def test_a_line_of_a_table_of_contents_is_told_from_a_sentence(text: str, contents: bool) -> None:
    assert contents_line(text) == contents  # (its page numbers are no figures, its headings no finding)


@pytest.mark.parametrize(("text", "none"), [
    ("Unpaid work and Through the Gate", True),                 # a heading
    ("Shropshire Star (shropshirestar.com), 17 July 2019: article reporting that an inspection found concerns", True),
    ("Sources", True),
    ("Owner: MTCnovo", False),                                  # a label and its value
    ("Unpaid work at Essex CRC was delivered well and singled out for praise.", False),
    ("Children are seen regularly", False),                     # a finding without its full stop
    ("Number of children looked after 495", False),
])
def test_a_heading_or_a_source_states_no_finding(text: str, none: bool) -> None:
    assert no_finding(text) == none


def test_per_is_no_topic_word() -> None:
    from service.answering.text import content_words

    assert content_words("how much extra money did Dudley put in, per Ofsted's 2016 report?") == [
        "extra", "money", "dudley", "put", "ofsted", "2016", "report"]  # (not "per": "per 10,000" was ranked first)


def test_council_areas_are_read_as_people_write_them() -> None:
    areas = set(council_areas())
    assert {"Glasgow", "Glasgow City", "Edinburgh", "Cardiff", "Hull", "St Helens", "Vale of Glamorgan"} <= areas
    assert not areas & {"England", "Scotland", "Wales", "Northern Ireland"}
    assert places_named("how did glasgow do, and what about Vale of Glamorgan?") == ["glasgow", "Vale of Glamorgan"]
    assert places_named("children's reading improved") == [] and places_named("reading's 2016 report") == ["reading"]
    assert places_named("how many kids were in care in bury in 2016") == ["bury"]  # a year after it: the place
    assert places_named("where did they bury it?") == []
    assert {"Brighton", "Hove", "Blackburn", "Kensington", "Newcastle", "Stockton", "Stoke"} <= areas  # one of two
    assert not areas & {"Down", "Mid", "Tower", "Forest"}  # places joined in a name, but not everyday words
    assert places_named("children's bath time in brighton?") == ["brighton"]  # "bath" only as a name


def test_everyday_words_are_read_with_the_reports_terms() -> None:
    from service.answering.thesaurus import reports_words

    assert reports_words("problems with partner-violence work") == "domestic abuse"
    assert reports_words("who did well at getting prisoners ready for release") == "Through the Gate resettlement"
    assert reports_words("which weren't doing enough to keep kids safe?") == "child safeguarding children's services"
    for asked in ("how many children were in 's care in 2017", "children in care in torbay", "in its care"):
        assert reports_words(asked) == "children looked after in care"  # (the body's name is taken out first)
    assert reports_words("delays in care proceedings") == ""  # (court, not children in care)
    assert reports_words("how many kids in care") == "children looked after in care"
    assert reports_words("domestic abuse work") == ""  # the reports' own words need nothing beside them
    assert reports_words("sefton jtai date") == "joint targeted area inspection"  # the field's abbreviations
    assert "apprenticeships" in reports_words("trainee jobs at the council for young people")
    assert reports_words("social workers' evaluations of children's needs") == "assessments"
    assert reports_words("children living in homes that aren't registered with Ofsted") == \
        "unregistered children's homes"
    assert "personal advisers" in reports_words("what are the workers who support young people after they leave care "
                                                "called?")  # (s55b Ofsted probe F02: Calderdale's "pathway advisers")
    assert reports_words("whats greenwich's RAA called") == "regional adoption agency"
    assert reports_words("how many nqsws did hampshire recruit") == "newly qualified social workers"
    assert reports_words("what was the caseload of west yorkshire crc") == "people supervised"  # a provider's
    assert reports_words("which crcs had IT problems") == "ICT systems"  # "IT" in capitals: not the pronoun
    assert reports_words("was it a problem") == ""
    assert reports_words("who runs children's services in sandwell") == "delegated delivered by trust company on behalf of"
    assert reports_words("childrens services are run by some company - what's it called?") != ""
    assert reports_words("who actually delivers its children's services?") == reports_words(
        "who runs children's services in sandwell")  # (a verb of the same frame)
    assert reports_words("who runs the service there?") == reports_words("who runs children's services in sandwell")
    assert reports_words("who runs the fostering service in leeds?") == ""  # (one service: its own words)
    assert reports_words("who ran wales crc") == ""  # (a provider's owner: read from the reports' metadata)
    assert reports_words("which crcs had poor it systems") == "ICT systems"  # lower case, before a system word
    assert reports_words("did it equipment hold staff back") == "ICT systems"
    assert reports_words("was it systematic") == ""
    assert reports_words("checks with the cops and social services") == "police; children's services"
    assert reports_words("criticised for not liaising with police") == \
        "coordination checks with other agencies information sharing"
    assert reports_words("the highest average caseload per officer") == "caseloads workloads cases"  # an officer's
    assert reports_words("the service for keeping kids out of care") == "edge of care"
    assert reports_words("work to keep struggling families together") == "edge of care"
    assert reports_words("staff swamped with too much work") == "staff morale workloads stress"
    assert reports_words("young people carrying blades or caught up in stabbings") == "knife crime"
    assert reports_words("how far had it cut its unfilled social work posts") == "staff shortages vacancies recruitment"


def _councils(*names: str) -> "BodyNames":
    from ingest.models import ReportMeta
    from service.answering.mentions import BodyNames

    return BodyNames(ReportMeta(report_id=n.lower().replace(" ", "-"), source=f"{n}.pdf", title=f"{n} inspection",
                                body=n, inspectorate="Ofsted") for n in names)


def test_a_name_given_in_part_before_or_and_is_the_other_body() -> None:
    names = _councils("North Tyneside", "South Tyneside", "East Sussex", "West Sussex", "Leeds")
    assert [b.body for b in names.find("north or south tyneside - which did better?")] == ["North Tyneside",
                                                                                         "South Tyneside"]
    assert [b.body for b in names.find("compare East & West Sussex")] == ["East Sussex", "West Sussex"]
    assert [b.body for b in names.find("Leeds and west sussex")] == ["Leeds", "West Sussex"]


def test_a_body_is_named_by_its_initials_a_county_of_it_or_the_counties_short_forms() -> None:
    from ingest.models import ReportMeta
    from service.answering.mentions import BodyNames

    names = BodyNames(ReportMeta(report_id=n.lower().replace(" ", "-"), source=f"{n}.md", title=n, body=n,
                                 inspectorate="HM Inspectorate of Probation") for n in (
        "Dorset, Devon and Cornwall CRC", "Cheshire and Greater Manchester CRC", "Hampshire and Isle of Wight CRC",
        "Staffordshire and West Midlands CRC", "West Yorkshire CRC", "Wales CRC"))
    bodies = {q: [b.body for b in names.find(q)] for q in (
        "what was the biggest worry at DDC?", "how did cheshire do", "any worries about staffs and west mids?",
        "hiow crc grades", "Notts and West Yorks", "how did kent do", "the ddc in wales")}
    assert bodies["what was the biggest worry at DDC?"] == ["Dorset, Devon and Cornwall CRC"]
    assert bodies["how did cheshire do"] == ["Cheshire and Greater Manchester CRC"]
    assert bodies["any worries about staffs and west mids?"] == ["Staffordshire and West Midlands CRC"]
    assert bodies["hiow crc grades"] == ["Hampshire and Isle of Wight CRC"]
    assert bodies["Notts and West Yorks"] == ["West Yorkshire CRC"]  # no body of Nottinghamshire here
    assert bodies["how did kent do"] == [] and names.unknown("how did kent do") == ["kent"]
    assert bodies["the ddc in wales"] == ["Dorset, Devon and Cornwall CRC", "Wales CRC"]


def test_a_name_two_kinds_of_body_share_is_the_kind_named_after_it() -> None:
    from ingest.models import ReportMeta
    from service.answering.mentions import BodyNames

    names = BodyNames(ReportMeta(report_id=i, source=f"{i}.md", title=b, body=b, inspectorate="HMI Probation")
                      for i, b in (("crc-18", "London CRC"), ("crc-19", "London CRC"), ("nps-18", "London NPS division")))
    assert [(b.body, b.report_ids) for b in names.find("how was london crc rated in 2018")] == \
        [("London CRC", ["crc-18", "crc-19"])]
    assert [(b.body, b.report_ids) for b in names.find("what did they find at the London NPS?")] == \
        [("London NPS division", ["nps-18"])]
    assert [b.report_ids for b in names.find("london")] == [["crc-18", "crc-19", "nps-18"]]  # either, unsaid


def test_a_name_misspelt_by_a_letter_is_read_when_no_report_uses_the_word() -> None:
    from ingest.models import ReportMeta
    from service.answering.mentions import BodyNames

    reports = [ReportMeta(report_id=b.lower().replace(" ", "-"), source=f"{b}.md", title=b, body=b,
                          inspectorate="Ofsted") for b in ("Thames Valley CRC", "Merseyside CRC", "Leeds", "Hull")]
    words_of_reports = {"leads", "risk", "grade", "who"}
    names = BodyNames(reports, unknown_word=lambda w: w not in words_of_reports)
    assert [b.body for b in names.find("thames vally risk")] == ["Thames Valley CRC"]
    assert [b.body for b in names.find("who leads merseysid in 2020")] == ["Merseyside CRC"]  # "leads" is a word
    assert [b.body for b in names.find("hall grade")] == []  # under five letters: too many names are that near
    shire = BodyNames([ReportMeta(report_id="h", source="h.pdf", title="Herefordshire", body="Herefordshire")])
    assert [b.body for b in shire.find("how did hereford do in 2022")] == ["Herefordshire"]  # the county town
    assert [b.body for b in BodyNames(reports).find("thames vally risk")] == []  # every word known: none corrected


def test_everyday_words_before_school_are_no_school_a_capitalised_name_is() -> None:
    names = _councils("Leeds", "Hackney")
    assert names.unknown("how do councils reach families of kids missing school who don't speak English?") == []
    assert names.unknown("which councils had problems with young people dropping out of college?") == []
    assert names.unknown("How did Harris Academy do?") == ["Harris"]
    assert names.unknown("how did kent police do?") == ["kent police"]
    names.unknown_word = lambda word: word == "mossbourne"  # in no report
    assert names.unknown("what ofsted grade did mossbourne community academy get?") == ["mossbourne community"]


def test_a_second_part_takes_the_first_parts_subject_and_topic() -> None:
    from service.answering.parts import two_parts

    assert two_parts("Which CRCs had unpaid work risk concerns, and which ones were praised for it?") == \
        ["Which CRCs had unpaid work risk concerns?", "which CRCs were praised for unpaid work?"]
    assert two_parts("which councils had problems with care leavers, and which were praised for that?") == \
        ["which councils had problems with care leavers?", "which councils were praised for care leavers?"]
    assert two_parts("were any crcs praised for through the gate and which ones were criticised") == \
        ["were any crcs praised for through the gate?", "which crcs were criticised for through the gate?"]
    assert two_parts("which crcs were rated good, and who owned them") == ["which crcs were rated good?", "who owned them"]
    assert two_parts("who owned wales crc, and when was the fieldwork done?") == \
        ["who owned wales crc?", "when was the fieldwork done?"]  # ("when" opens a second part too)
    assert two_parts("what happened at essex and when") == ["what happened at essex and when"]
    completed = "It mentions a partnership ending - with who and when? (Isle of Wight)"
    assert two_parts(completed) == [completed]  # (the bodies a follow-up was completed with are no part's words)
    pointing = "How many of Durham Tees Valley's standards were judged outstanding in 2020, and which one is named?"
    assert two_parts(pointing) == [pointing]  # (a second part with nothing of its own asks of the first's answer)
    assert len(two_parts("difference between london nps and london crc - who they supervised and how many")) == 1
    assert two_parts("bromley MEGA panel - what is it and what ages does it look at") == \
        ["bromley MEGA panel - what is it?", "what ages does bromley MEGA panel look at"]  # (what "it" is, said first)


def test_the_bodies_a_follow_up_was_completed_with_are_of_both_its_parts() -> None:
    from service.answering.parts import two_parts

    assert two_parts("What about the previous inspection - when was it and how did they do? (Dudley)") == \
        ["What about the previous inspection - when was it (Dudley)?", "how did they do (Dudley)?"]


def test_a_figure_leads_an_answer_only_when_it_is_the_only_count_in_the_quote() -> None:
    import numpy as np

    from ingest.models import ReportMeta
    from service.answering.evidence import Evidence
    from service.answering.intents.fact import lead
    from service.answering.rank import Question

    meta = ReportMeta(report_id="bolton-2014", source="bolton.pdf", title="Bolton")
    question = Question("how many of bolton's children's centres were any good", np.zeros(3), [], "number")
    mixed = Evidence(meta, 1, None, "Only two of the ten children's centres are rated good, compared with 68% nationally.")
    plain = Evidence(meta, 1, None, "There are 18 children's centres in Bolton.")
    assert lead(mixed, question) is None and lead(plain, question) == "18"


def test_an_abbreviation_joined_by_an_ampersand_is_one_term_and_one_word() -> None:
    from ingest.terms import terms
    from service.answering.text import content_words

    assert terms("put up in B&Bs") == terms("put up in a B&B") == ["put", "up", "b&b"]
    assert "b&b" in terms("A very small number live in a B&B.") and "a&e" in terms("seen in A&E")
    assert "b&bs" in content_words("Which councils put young people up in B&Bs?")


def test_kinds_of_council_follow_the_standard_and_are_named_as_groups() -> None:
    from service.answering.places import council_kind, council_kinds_named

    assert council_kind("Hackney") == council_kind("City of London") == "London borough"
    assert council_kind("Kingston Upon Hull") == "Unitary authority" and council_kind("Kent") == "Two-tier county"
    assert council_kind("Wigan Local Area Partnership") == "Metropolitan district"
    assert council_kind("Northshire") is None
    assert council_kinds_named("which London boroughs were rated outstanding?") == {"London borough"}
    assert council_kinds_named("councils in london judged inadequate") == {"London borough"}
    assert council_kinds_named("how did Kent County Council do?") == set()  # one council, not the group
    assert council_kinds_named("worst rated london borough 2023") == {"London borough"}  # (one of them; it had
    assert council_kinds_named("how did the London Borough of Hackney do?") == set()  # been the City of London)
    assert council_kinds_named("which county council was rated inadequate in 2018") == {"Two-tier county"}
    assert council_kinds_named("which metropolitan borough got outstanding") == {"Metropolitan district"}
    assert council_kinds_named("was any unitary authority rated inadequate?") == {"Unitary authority"}
    assert council_kinds_named("how did durham county council do in 2019") == set()  # (one council's name)


def test_which_with_one_word_before_a_kind_of_organisation_asks_for_a_list() -> None:
    from service.answering.asks import kind_of

    assert kind_of("which london borough was rated inadequate in 2019", []) == "list"  # (it had been a fact)
    assert kind_of("community payback - where did inspectors find problems", []) == "list"  # (after its topic)
    assert kind_of("which local authority got outstanding in 2022", []) == "list"


def test_a_day_of_a_month_is_no_quantity() -> None:
    assert quantities("HM Inspectorate of Probation published its report on 10 January 2018.") == []
    assert quantities("inspected 2 to 13 December 2024, on the 3rd of March") == []
    assert quantities("At 22 February 2016, 300 children were looked after; 20 to 25 cases each") == ["300", "20", "25"]


def test_a_ship_term_counts_its_holder_but_not_the_other_way_round() -> None:
    vocabulary = Vocabulary()
    vocabulary.counts(["Leadership was strong.", "The leaders and partners.", "A partnership.", "Hardship."])
    ids = vocabulary.ids
    assert vocabulary.groups("strong leadership") == [[ids["strong"]], [ids["leadership"], ids["leader"]]]
    assert vocabulary.groups("partners partnership") == [[ids["partner"]], [ids["partnership"], ids["partner"]]]
    assert vocabulary.groups("hardship") == [[ids["hardship"]]]
    assert vocabulary.groups("leadership", width=ids["leader"]) == [[ids["leadership"]]]


def test_a_figure_leads_and_fits_only_when_it_is_the_kind_of_figure_asked_for() -> None:
    import numpy as np

    from ingest.models import ReportMeta
    from service.answering.evidence import Evidence
    from service.answering.intents.fact import lead
    from service.answering.rank import Question, fits

    meta = ReportMeta(report_id="sefton-2016", source="sefton.pdf", title="Sefton")
    how_many = Question("how many looked after children did sefton have", np.zeros(3), [], "number")
    share = Evidence(meta, 1, None, "A high proportion (21%) of children looked after in Sefton are placed with parents.")
    count = Evidence(meta, 1, None, "The number of children looked after was 473, a rate of 88 per 10,000 population.")
    months = Evidence(meta, 1, None, "Against the backdrop of four people in the role in the past 12 months, the director...")
    assert lead(share, how_many) is None and lead(count, how_many) == "473" and lead(months, how_many) is None
    assert fits(count, how_many) == 1.0 and fits(share, how_many) == 0.5
    how_long = Question("how many hours of unpaid work were done", np.zeros(3), [], "number")
    assert fits(share, how_long) == 0.0  # (a share is no span of time, as nothing but money is a sum of money)
    what_share = Question("what percentage of children looked after live with parents", np.zeros(3), [], "number")
    assert lead(share, what_share) == "21%" and fits(count, what_share) == 0.5


def test_what_a_figure_measures_and_what_a_question_asks_for() -> None:
    from service.answering.asks import figure_asked

    assert quantities("In 2014-15 there were 30 children, 11.5% of them unborn, 75 per cent seen within two weeks",
                      "count") == ["30"]
    assert quantities("a wait of up to 6 weeks and 12-month plans for 40 children", "duration") == ["6", "12"]
    assert quantities("It was 1,164, up from 1,100,") == ["1,164", "1,100"]
    assert [figure_asked(q) for q in ("how many children", "what share of plans", "how long do they wait",
                                      "how many weeks", "how much was it worth", "how much does it matter")] == \
        ["count", "share", "duration", "duration", "money", None]
    assert figure_asked("how much more time did social workers spend with families?") is None  # (time, not money)
    assert quantities("a base budget of £24m, £ 3.2 million and 40 staff", "money") == ["£24m", "£ 3.2 million"]
    assert has_number("The council also committed an additional four million pounds to children’s services.", "money")
    assert not has_number("Four families were seen.", "money")


def test_a_grade_claim_is_not_led_by_a_grade_word_of_a_sentence_ranked_above_it() -> None:
    import numpy as np

    from ingest.models import ReportMeta
    from service.answering.compose import CitationBook
    from service.answering.evidence import Evidence
    from service.answering.intents.fact import fact_answer
    from service.answering.rank import Question

    meta = ReportMeta(report_id="gateshead-2016", source="gateshead.pdf", title="Gateshead")
    sentence = "The council are very good at recognising the achievements of care leavers."
    claim_line = "Experiences and progress of care leavers: Requires improvement"

    class OnePage:
        def page_text(self, report_id: str, page: int) -> str:
            return f"{sentence}\n{claim_line}"

    question = Question("how was gateshead graded for care leavers", np.zeros(3), [], "grade")
    claim = Evidence(meta, 1, None, claim_line, claim="Gateshead was rated requires improvement for care leavers.")
    answer = fact_answer([Evidence(meta, 1, None, sentence), claim], question, CitationBook(OnePage()), "s")
    assert not answer.answer.startswith("**good**") and answer.answer.startswith("Gateshead was rated")


def test_a_fact_cites_no_sentence_whose_every_word_another_cited_sentence_says() -> None:
    from ingest.models import ReportMeta
    from service.answering.evidence import Evidence
    from service.answering.intents.fact import supporting

    meta = ReportMeta(report_id="hiow-2019", source="hiow.md", title="Hampshire and Isle of Wight CRC")
    texts = ["Hampshire CRC had strong leaders.", "Hampshire CRC had strong leaders, and its facilities were rated "
             "Outstanding.", "Facilities at Hampshire CRC were rated Outstanding.", "Staff at Hampshire CRC were keen."]
    ranked = [Evidence(meta, 1, None, text, score=5.0 - i * 0.1) for i, text in enumerate(texts)]
    assert [ev.quote for ev in supporting(ranked)] == texts[:2] + texts[3:]  # (the first, less said, ranks above)
    assert [ev.quote for ev in supporting(ranked[1:])] == [texts[1], texts[3]]


def test_a_sum_of_money_asked_for_is_answered_by_a_sum_of_money_or_not_at_all() -> None:
    import numpy as np

    from ingest.models import ReportMeta
    from service.answering.evidence import Evidence
    from service.answering.intents.fact import lead
    from service.answering.rank import Question, fits

    meta = ReportMeta(report_id="wigan-2022", source="wigan.pdf", title="Wigan")
    spend = Question("how much extra money has wigan put into its budget", np.zeros(3), [], "number")
    money = Evidence(meta, 1, None, "This has led to an increase in the base budget to £24m over four years.")
    staff = Evidence(meta, 1, None, "More than 80% of social workers have been in post for more than one year.")
    assert lead(money, spend) == "£24m" and fits(money, spend) == 1.0 and fits(staff, spend) == 0.0


@pytest.mark.parametrize(("question", "asks"), [
    ("cheshire west and chester adoption grade 2016", True),         # keyword style, a year after the grade word
    ("richmond upon thames ilacs 2022 overall effectiveness", True),
    ("haringey LSCB effectiveness judgement 2014", True),
    ("ofsted rating for wigan in 2019", True),
    ("What was Birmingham's overall effectiveness rating in the inspection published January 2019?", True),
    ("is hackney any good for care leavers?", True),
    ("are they any good?", True),
    ("how effective was the early help offer in leeds", False),   # effectiveness of a service, not the grade
    ("wigan social worker retention 2022", False),
    ("how did leaders improve the overall effectiveness of early help in kent", False),
])
def test_a_grade_asked_in_keywords(question: str, asks: bool) -> None:
    from service.answering.grades import asks_for_grade
    assert asks_for_grade(question) is asks


@pytest.mark.parametrize(("sentence", "stated"), [
    ("They have made good use of monitoring visits since the 2016 inspection.", set()),   # an adjective
    ("The council are very good at recognising the achievements of care leavers.", set()),
    ("An LSCB that is good co-ordinates the activity of statutory partners.", set()),  # what a grade means
    ("An LSCB requires improvement if it does not yet demonstrate the characteristics of good.", set()),
    ("Overall effectiveness Good", {"good"}),
    ("The effectiveness of the LSCB requires improvement", {"requires improvement"}),
    ("Adoption performance was judged to be outstanding in 2016, as before.", {"outstanding"}),
    ("Services for care leavers are good, and improving.", {"good"}),
    ("It is rated Requires improvement to be good.", {"requires improvement"}),
])
def test_a_grade_is_stated_only_as_a_judgement(sentence: str, stated: set[str]) -> None:
    from service.answering.grades import stated_grades
    assert stated_grades(sentence) == stated


def test_a_sentence_dated_only_to_other_years_than_asked_ranks_lower() -> None:
    from ingest.models import ReportMeta
    from service.answering.evidence import Evidence
    from service.answering.when import dated_as_asked

    meta = ReportMeta(report_id="newham-2014", source="newham.pdf", title="Newham")
    older = Evidence(meta, 1, None, "In 2013, 33% of care leavers were not in education, employment or training.",
                     score=5.9)
    current = Evidence(meta, 1, None, "The proportion of care leavers (58%) in education, employment or training "
                                      "matches performance nationally.", score=5.8)
    span = Evidence(meta, 1, None, "In 2013-14, 60 care leavers went to university.", score=5.7)
    assert [ev.score for ev in dated_as_asked([older, current, span], [(2014, 2014)])][:2] == [5.8, 5.7]
    assert dated_as_asked([older, current], [])[0] is older  # no year asked: the ranking as it was
    since = Evidence(meta, 1, None, "Since the inspection in 2012, support for care leavers has deteriorated.", score=6.0)
    assert dated_as_asked([since, current], [(2014, 2014)])[0] is since  # a change up to now is of now too


def test_a_nations_people_name_no_body() -> None:
    names = _councils("Leeds", "Hackney")
    assert names.unknown("a briefing for a Welsh police and crime commissioner on Leeds") == []
    assert names.unknown("what do Scottish councils do about this in Leeds?") == []
    assert names.unknown("how did Gwent police do?") == ["Gwent"]


@pytest.mark.parametrize(("question", "kind"), [
    ("when did inspectors visit wales crc", "date"),
    ("According to Reading's 2024 Ofsted report, when did the council hand over its duties?", "date"),
    ("Since when have Reading's functions been delegated?", "date"),
    ("can you tell me when Essex CRC was inspected", "date"),
    ("Essex CRC was inspected when?", "date"),
    ("what date was the Essex report published", "date"),
    ("give me an overview of what the inspectors found when they looked at Wales CRC", None),  # when: a clause
    ("what vetting was Bristol missing when youngsters were living with non-relatives?", None),
])
def test_when_asks_for_a_date_only_as_the_question(question: str, kind: str | None) -> None:
    from service.answering.asks import answer_type
    assert answer_type(question) == kind


def test_a_town_upon_a_river_goes_by_the_towns_name() -> None:
    names = _councils("Kingston upon Thames", "Kingston Upon Hull", "Newcastle upon Tyne", "Leeds")
    assert [b.body for b in names.find("What share of Kingston's social workers were temporary in 2015?")] == \
        ["Kingston upon Thames"]  # (Kingston upon Hull goes by Hull)
    assert [b.body for b in names.find("how did newcastle do")] == ["Newcastle upon Tyne"]
    assert [b.body for b in names.find("how did hull do")] == ["Kingston Upon Hull"]


def test_a_month_may_be_abbreviated() -> None:
    import datetime

    from ingest.models import ReportMeta
    from service.answering.dates import in_months
    from service.answering.grades import asks_for_grade

    assert asks_for_grade("knowsley children in care grade jan 2025")
    meta = ReportMeta(report_id="k", source="k.pdf", title="K", published=datetime.date(2025, 1, 20),
                      inspection_dates="2 to 13 December 2024")
    assert in_months(meta, [("jan", "2025")]) and in_months(meta, [("Dec", "2024")], "inspected")
    assert not in_months(meta, [("feb", "2025")])


def test_an_age_is_no_count() -> None:
    assert quantities("Care leavers get a good number of offers when they turn 18.", "count") == []
    assert quantities("There were 44 children aged 16 and 17 in care.", "count") == ["44"]
    assert quantities("Most 16- and 17-year-olds were seen.", "count") == []
    assert quantities("Staying put until the age of 21 is offered to 30 young people.", "count") == ["30"]
    assert quantities("Personal advisers attend 16-year-old children in care reviews.") == []  # (an age)
    assert quantities("At 16, the proportion of children who progress to college has improved.", "count") == []
    assert quantities("The number of children on plans stood at 16, lower than last year.", "count") == ["16"]
    assert quantities("Their work often starts after the care leavers are 18.", "count") == []  # (said of people)
    assert quantities("Support lasts until they reach 21 or 25, for 30 care leavers.", "count") == ["30"]
    assert quantities("There were 18.", "count") == ["18"] and quantities("Workloads are 20.", "count") == ["20"]
    assert quantities("Care leavers aged over 21 do not consistently receive ongoing support.", "count") == []
    assert quantities("PAs hold high caseloads, sometimes over 40.", "count") == ["40"]


def test_a_workers_caseload_is_caseloads_and_a_providers_the_people_it_supervises() -> None:
    from service.answering.thesaurus import reports_words
    assert reports_words("liverpool care leavers personal advisers caseload numbers 2023") == \
        "caseloads workloads cases"
    assert reports_words("what was essex crc caseload") == "people supervised"



def test_a_way_of_working_is_read_as_the_reports_model_and_brought_in_as_introduced() -> None:
    """"What way of working do H&F social workers use?" is their practice model ("adopted a systemic practice model
    in 2014"); "what had Leicestershire just brought in" asks what was introduced."""
    from service.answering.thesaurus import reports_words
    assert reports_words("what way of working do hammersmith & fulham social workers use and since when") == \
        "model approach practice framework"
    assert "introduced" in reports_words("What new way of working had Leicestershire just brought in by 2024?")


@pytest.mark.parametrize(("question", "kind"), [
    ("Which regional adoption agency works with Hartlepool?", "name"),
    ("which domestic abuse charity is based in the MASH?", "name"),
    ("what uni is milton keynes in a teaching partnership with", "name"),
    ("What are care leavers' pathway plans known as on the Isle of Wight?", "name"),
    ("Which children's services does Cumberland still run jointly?", None),   # services, not a name
    ("what did the team find about neglect?", None),
    ("Which Brent respite facility for disabled young people had been rated top grade?", "name"),  # (not a grade:
    ("which short breaks centre in brent was rated outstanding in 2015", "name"),  # which place had it)
    ("which judgement was rated outstanding in brent in 2015", "grade"),
])
def test_a_kind_of_organisation_asked_for_is_a_name(question: str, kind: str | None) -> None:
    from service.answering.asks import answer_type
    assert answer_type(question) == kind


@pytest.mark.parametrize("question", [
    "Which part of Stockport's services got the very top grade in Ofsted's 2017 inspection?",
    "In Ofsted's 2018 report on Herefordshire, which area received the lowest possible grade?",
    "what bit of brent's work got requires improvement",
    "which area of the service was good in north somerset 2020",
])
def test_which_area_got_a_grade_asks_for_a_grade_whatever_the_verb(question: str) -> None:
    from service.answering.asks import answer_type
    from service.answering.grades import plain_grades
    assert answer_type(plain_grades(question)[0], named=True) == "grade"


@pytest.mark.parametrize("question", ["n somerset 2020 what bit of the front door was actually good",
                                      "which part of the fostering service was good in kent?"])
def test_which_part_of_one_service_was_good_asks_for_a_finding_not_a_grade(question: str) -> None:
    from service.answering.asks import answer_type
    assert answer_type(question, named=True) != "grade"


@pytest.mark.parametrize(("question", "grade"), [
    ("which councils got the worst possible overall rating in 2019?", "inadequate"),
    ("which councils got the best possible overall grade in 2019?", "outstanding"),
    ("which councils' services were found to be failing overall in 2016?", "inadequate"),
])
def test_an_everyday_name_of_a_grade_with_overall_in_it_is_the_grade(question: str, grade: str) -> None:
    from service.answering.grades import plain_grades
    assert grade in plain_grades(question)[0] and "overall" in plain_grades(question)[0]  # (said of the body)


@pytest.mark.parametrize("question", ["which councils weren't good yet in 2022?",
                                      "which councils were not yet good in 2023?"])
def test_not_yet_good_is_requires_improvement(question: str) -> None:
    from service.answering.grades import plain_grades
    assert "rated requires improvement" in plain_grades(question)[0]


def test_a_way_to_judge_something_asks_for_no_grade() -> None:
    from service.answering.grades import asks_for_grade
    assert not asks_for_grade("What method did X use across the county to judge and manage risks to children?")
    assert asks_for_grade("what did ofsted judge X in 2014?")


def test_needed_to_improve_names_no_children_in_need() -> None:
    from ingest.models import ReportMeta
    from service.answering.areas import AreaNames

    meta = ReportMeta(report_id="a", source="a.pdf", title="A", body="A", areas={
        "Children who need help and protection": "good", "Children in care": "good", "Care leavers": "good",
        "Adoption performance": "good", "Leadership, management and governance": "good"})
    areas = AreaNames([meta])
    assert areas.best("their services needed to improve") is None
    assert areas.best("children who need help") == "Children who need help and protection"


def test_when_an_inspection_was_carried_out_is_no_topic() -> None:
    from service.answering.dates import PART_OF_YEAR
    assert "carried" not in PART_OF_YEAR.sub(" ", "the worst rating in inspections carried out in 2019")


def test_a_year_said_of_the_inspection_itself_is_its_fieldworks() -> None:
    """"Inspected in 2019" is the visit's year: a report published in January 2020 on a visit of December 2019
    is of it, and one published in January 2019 on a visit of December 2018 is not."""
    from datetime import date

    from ingest.models import ReportMeta
    from service.answering.dates import of_fieldwork_asked, parse_years

    def meta(report_id: str, published: date, dates: str) -> ReportMeta:
        return ReportMeta(report_id=report_id, source=f"{report_id}.pdf", title=report_id, published=published,
                          inspection_dates=dates, overall="inadequate")

    late = meta("late", date(2020, 1, 20), "2 December to 13 December 2019")
    early = meta("early", date(2019, 1, 21), "26 November to 7 December 2018")
    question = "which councils were judged inadequate in inspections carried out in 2019?"
    assert of_fieldwork_asked(question, [late, early], parse_years(question)) == [late]
    done = "which councils were rated inadequate in inspections done in 2019?"
    assert of_fieldwork_asked(done, [late, early], parse_years(done)) == [late]
    during = "which councils were judged inadequate in inspections during 2019?"  # (the visits' time)
    assert of_fieldwork_asked(during, [late, early], parse_years(during)) == [late]
    happened = "Which councils got an inadequate overall judgement from inspections that happened during 2019?"
    assert of_fieldwork_asked(happened, [late, early], parse_years(happened)) == [late]
    plain = "which councils were judged inadequate in 2019?"  # (the report's year: its publication's)
    assert of_fieldwork_asked(plain, [late, early], parse_years(plain)) == [late, early]


@pytest.mark.parametrize(("question", "counted"), [
    ("how many children in care did kingston upon thames have in 2015", "children"),
    ("how many care leavers over 21 did harrow stop supporting?", "care leavers"),
    ("What was the average caseload per social worker in Harrow?", "caseload"),
    ("how many more days on average did adoptions take", "days"),
    ("What was the average number of cases held by officers?", "cases held"),
    ("what did inspectors find about caseloads", ""),
])
def test_what_a_count_question_counts(question: str, counted: str) -> None:
    from service.answering.text import counted_asked

    assert counted_asked(question) == counted


@pytest.mark.parametrize(("quote", "figure", "unit"), [
    ("eight children went missing from care on a total of 23 occasions; three more", "23", "occasions"),
    ("support between 21 and 25 is only available", "25", "is only available"),
    ("support stops at the age of 25.", "25", "at the age of"),
    ("281 children ceased to be looked after, of whom 4% (12) subsequently returned to care", "12",
     "subsequently returned to care"),
    ("West Yorkshire CRC supervised 8,136 people in July 2018.", "8,136", "people"),
    ("we saw 40 cases during the inspection", "40", "cases"),
    ("A high number of children (137) receive elective home education.", "137", "children"),  # (a noun, its count)
    ("137 out of 398 (38%) of all looked after children and young people were placed outside", "398",
     "looked after children and"),  # (the whole, its share in brackets, "of all")
    ("There are two vocal, inclusive and influential groups for children in care.", "two",
     "vocal influential groups for"),  # (a list of what they are like, then what they are)
])
def test_what_a_figure_counts(quote: str, figure: str, unit: str) -> None:
    from service.answering.text import unit_of

    assert unit_of(quote, figure) == unit


def test_a_share_asked_of_a_body_is_a_number_whatever_grade_its_words_name() -> None:
    from service.answering.asks import answer_type

    asked = "What percentage of Solihull's children in care went to schools rated at least good in 2016?"
    assert answer_type(asked, named=True) == "number"
    assert answer_type("what proportion of councils were rated good in 2019?") == "grade"  # (a share of grades)


@pytest.mark.parametrize(("question", "years"), [
    ("was london crc better or worse in 2019 than the year before?", [(2019, 2019), (2018, 2018)]),
    ("how did X do in 2019 and the year after?", [(2019, 2019), (2020, 2020)]),
    ("what was X rated the year before 2019?", [(0, 2018)]),
])
def test_a_year_beside_the_year_asked(question: str, years: list[tuple[int, int]]) -> None:
    from service.answering.dates import parse_years

    assert parse_years(question) == years


def test_a_grade_keyword_before_the_inspectorate_and_year_asks_a_grade() -> None:
    from service.answering.grades import asks_for_grade

    assert asks_for_grade("peterborough care leavers grade ofsted 2024?")
    assert not asks_for_grade("peterborough care leavers ofsted 2024?")


def test_a_name_split_in_two_is_rejoined_only_when_the_whole_is_a_name_word() -> None:
    from service.answering.places import rejoined

    words = {"leicestershire", "southend", "blackpool", "yorkshire"}
    assert rejoined("leicester shire 2017 lead inspector", words) == "leicestershire 2017 lead inspector"
    assert rejoined("how did South end do?", words) == "how did Southend do?"
    assert rejoined("who owned west york shire crc?", words) == "who owned west yorkshire crc?"
    assert rejoined("the south east of the county", words) == "the south east of the county"
    assert rejoined("how was dlnr crc rated?", words | {"dlnrcrc"}) == "how was dlnr crc rated?"  # (its initials)


RARE_NAMES = lambda word: word.lower() in {"funwork", "sunrise", "shield", "adepitan", "roughton", "edt", "uz"}  # noqa: E731


@pytest.mark.parametrize("sentence", [
    "Children benefit enormously from The Funwork Club, where much more than just homework takes place.",
    "Children at risk of exploitation receive an effective response from the dedicated Sunrise team.",
    "Shield, the multi-agency specialist team, uses available intelligence to target offenders.",
    "Just Uz, the children in care council, has got off to a good start.",  # (four words and "the" after a name)
    "Engagement with young people in the Care Leaders Forum is a strength.",
    "The Brent Children in Care council, Care in Action (CIA), regularly meets with senior managers.",
    "Specialist workers known as ‘opportunity brokers’ are skilled at finding pathways into work.",
    "The local authority has introduced the 123 Programme for care leavers.",
    "Adopters benefit from good training through the regional adoption agency (Adopt London West).",
    "Children and young people have been influential in the ‘Language That Cares’ campaign.",
    "Children benefit from advocates and ‘grand mentors’ (an inter-generational mentoring scheme for care leavers).",
    "The targeted Family Solutions service is highly effective.",  # (common words in capitals before its kind)
    "The ‘Hampshire Approach’, permeates the work with children and families.",  # (quoted, its kind the last word)
    "Thresholds in the integrated contact and referral team (iCART) are applied well.",  # (the question's words, its
    # initials after them)
    "There is an enthusiastic care leavers’ forum who call themselves the ‘Darlo Crew’.",  # (what they call themselves)
    "Aspire (Haringey Children in Care Council) is consulted on developing service provision.",  # (a name, then
    "Members of ASPIRE (the children in care council) attend formal committee meetings.",  # what it is in brackets)
    "Leaders are dedicated to the delivery of the Walsall Right 4 Children transformation programme.",  # (a name of
    # three words or more, a word between it and its kind)
    "There is a timely response to contacts within Suffolk’s ‘front door’, Customer First.",  # (the thing asked,
    # its name set beside it)
])
def test_a_sentence_naming_a_thing(sentence: str) -> None:
    assert names_a_thing(sentence, {"club", "team", "group", "name", "contact", "referral", "front", "door"},
                         RARE_NAMES)


@pytest.mark.parametrize("sentence", [
    "This means some young people are not getting the support they are entitled to.",
    "Team inspectors: Peter Roughton, Tracey Metcalfe and Jansy Kelly.",  # (a team before names: no team's name)
    "Good practice was seen in the emergency duty team (EDT) and at the PLO stage.",  # (an abbreviation)
    "The chief executive, Jane Roughton, chairs the board.",  # (a person)
    "Inspectors met Leaders (the senior team) and Staff (the team).",  # (brackets saying little: no name's kind)
])
def test_a_sentence_naming_no_thing(sentence: str) -> None:
    assert not names_a_thing(sentence, {"club", "team", "group", "name"}, RARE_NAMES)


def test_a_figure_for_each_one_asked_is_not_headed_by_a_total() -> None:
    """"How many children was each officer responsible for?": a total ("275 children were the subject of a plan")
    heads no answer; a figure said of each one does."""
    import numpy as np

    from ingest.models import ReportMeta
    from service.answering.evidence import Evidence
    from service.answering.intents.fact import lead
    from service.answering.rank import Question

    meta = ReportMeta(report_id="s", source="s.pdf", title="S")
    asked = Question("Roughly how many children was each of Stockport's officers responsible for?", np.zeros(3), [],
                     "number")
    total = Evidence(meta, 6, None, "At 21 June 2017, 275 children were the subject of a child protection plan "
                                    "(a rate of 45 per 10,000 children).")
    each = Evidence(meta, 19, None, "Officers had high caseloads of around 125 children each.")
    assert lead(total, asked) is None and lead(each, asked) == "around 125"  # (how near, as the report says)
    said_first = Evidence(meta, 20, None, "Caseloads for social workers are manageable, at 18 children.")
    assert lead(said_first, asked) == "18"  # (a caseload is a figure for one, at a sentence's start too)
    largest = Question("Which probation company had the largest caseload?", np.zeros(3), [], "number")
    assert lead(Evidence(meta, 1, None, "London CRC supervised about 30,000 people."), largest) == "about 30,000"


def test_the_day_a_figure_was_counted_is_no_date_asked_for() -> None:
    """"When did Wigan start its plan?": "At 16 January 2017, 224 children were ..." dates a statistic."""
    import numpy as np

    from ingest.models import ReportMeta
    from service.answering.evidence import Evidence
    from service.answering.intents.fact import lead
    from service.answering.rank import Question
    from service.answering.text import has_date

    assert not has_date("At 16 January 2017, 224 children were the subject of a child protection plan.")
    assert not has_date("At 31 March 2017, there were 333 children in care.")
    assert has_date("The Deal for children was launched in 2015.") and has_date("As at March 2019, hubs opened.")
    meta = ReportMeta(report_id="w", source="w.pdf", title="W")
    asked = Question("When did Wigan start the plan?", np.zeros(3), [], "date")
    assert lead(Evidence(meta, 6, None, "At 16 January 2017, 224 children were the subject of a plan."), asked) is None
    assert lead(Evidence(meta, 2, None, "The plan began on 3 March 2015."), asked) == "3 March 2015"


def test_what_a_count_question_counts_is_read_as_far_as_a_figures_unit() -> None:
    from service.answering.text import counted_asked

    assert counted_asked("How many new local support centres for families did Oldham open?") == \
        "new local support centres"  # (three words stopped at "support": no centres counted, a false abstention)
    assert counted_asked("how many children in care did X have") == "children"


def test_a_negation_typed_without_its_apostrophe_is_a_negation() -> None:
    from service.answering.text import with_apostrophes

    assert with_apostrophes("which crcs werent doing proper checks") == "which crcs weren't doing proper checks"
    assert with_apostrophes("Didnt they improve?") == "Didn't they improve?"
    assert with_apostrophes("the dentists were fine") == "the dentists were fine"


def test_a_name_whose_words_are_joined_by_for_or_of_is_one_name() -> None:
    from service.answering.scope import proper_names

    assert proper_names("which councils handed their children's care to Achieving for Children?") == \
        ["Achieving for Children"]  # ("Achieving" alone is a word of rating, and "Children" is everywhere)
    assert proper_names("which councils use Signs of Safety") == ["Signs of Safety"]
    assert proper_names("how did Leeds and Bradford do") == ["Leeds", "Bradford"]  # (two names, not one)
    assert proper_names("does Leeds run Mockingbird, rated Good for Children") == ["Leeds", "Mockingbird", "Children"]
    # (a word not kept, a grade here, joins nothing: not "Mockingbird for Children")


def test_a_name_described_by_another_hyphenated_before_it_is_the_name_after() -> None:
    from service.answering.scope import proper_names

    assert proper_names("Which of the CRCs were run by the Interserve-led Purple Futures group?") == \
        ["Purple", "Futures"]  # ("Interserve-led" says who led it: not a name the sentences must hold)


@pytest.mark.parametrize("question", ["which councils failed their ofsted in 2023",
                                      "which councils failed their ofsted (inadequate) in 2023",
                                      "list the councils that flunked their last ofsted inspection",
                                      "which las failed (inadequate) there ofsted inspection in 2022"])  # (typed)
def test_failing_an_ofsted_is_being_rated_inadequate(question: str) -> None:
    from service.answering.grades import plain_grades
    assert "rated inadequate" in plain_grades(question)[0]


def test_a_sentence_giving_the_year_asked_in_a_report_of_another_year_ranks_higher() -> None:
    from datetime import date

    from ingest.models import ReportMeta
    from service.answering.evidence import Evidence
    from service.answering.when import dated_as_asked

    later = ReportMeta(report_id="dtv-2020", source="dtv-2020.md", title="DTV", published=date(2020, 3, 1))
    next_one = ReportMeta(report_id="dtv-2019", source="dtv-2019.md", title="DTV", published=date(2019, 4, 1))
    undated = Evidence(later, 1, None, "Durham Tees Valley CRC supervised over 3,600 people.", score=3.42)
    dated = Evidence(next_one, 1, None, "Durham Tees Valley CRC supervised 3,729 people in November 2018.", score=3.36)
    assert dated_as_asked([undated, dated], [(2018, 2018)])[0] is dated  # (asked of the end of 2018)
    assert dated_as_asked([undated, dated], [(2019, 2019)])[0] is undated  # (its own report's year: no raise)


@pytest.mark.parametrize(("sentence", "concern"), [
    ("Recruitment and retention of foster carers remains a challenge.", True),
    ("Sufficiency continues to be a significant challenge for the council.", True),
    ("Recruiting experienced social workers is challenging.", True),
    ("Leaders challenge partners well.", False),  # (to challenge is no concern)
])
def test_what_remains_a_challenge_is_a_concern(sentence: str, concern: bool) -> None:
    from service.answering.verdict import sentence_polarity

    assert (sentence_polarity(sentence).concern > 0) is concern


def test_a_name_given_as_two_words_is_found_written_as_one() -> None:
    from service.answering.thing_names import names_in

    assert names_in("The Mockingbird model of intervention is well established.", ["Mocking", "Bird"])
    assert names_in("A bid known as ‘life-long links’.", ["Life Long Links"])
    assert names_in("the ‘House’ project", ["House", "Project"])  # (a few words may still lie between names)
    assert not names_in("A mocking tone about a bird.", ["Mocking", "Bird"])


def test_a_councils_own_name_is_no_group_of_councils() -> None:
    from service.answering.places import council_groups

    asked = "What was Kent County Council's budget in 2022?"
    assert council_groups(asked, [asked.index(" County")]) == []  # (Kent's, not "what ... county council")
    assert council_groups("which county council was rated outstanding in 2019", []) == [(0, 20)]
    assert council_groups("which London boroughs were rated good", []) == [(6, 21)]


@pytest.mark.parametrize(("quote", "name", "named"), [
    ("The council has sought to challenge the pause in provision of apprenticeships.", "Pause", False),
    ("Changes include the introduction of a ‘pause and reflect day’ in all training.", "Pause", False),
    ("Examples of this include working with the PAUSE project.", "Pause", True),
    ("Recent innovations, such as the ‘mockingbird’ model of support for foster carers.", "Mockingbird", True),
    ("Foster carers benefit from the support provided by the mockingbird hubs.", "Mockingbird", True),
    ("The council has started its lifelong links work.", "Lifelong Links", True),  # (two words: as they are)
])
def test_a_one_word_name_in_lower_case_is_the_name_only_quoted_or_before_its_kind(quote: str, name: str,
                                                                                  named: bool) -> None:
    """"Pause" the programme, not "a pause in provision" (s42 Ofsted probe T04 listed four councils so)."""
    from service.answering.thing_names import names_in

    assert names_in(quote, [name]) is named


def test_the_acronyms_a_report_spells_out_and_the_other_form_a_question_uses() -> None:
    from service.acronyms import other_forms, spelled_out

    defined = spelled_out("The director of children’s services (DCS) met the multi-agency safeguarding hub (MASH). "
                          "Children use Mind of My Own (MOMO). Independent reviewing officers (IROs) visit. The "
                          "family intervention team (FIT) works with (some) families.")
    assert defined == {"DCS": "director of children's services", "MASH": "multi-agency safeguarding hub",
                       "MOMO": "mind of my own", "IRO": "independent reviewing officers",
                       "FIT": "family intervention team"}
    assert other_forms("when did the director of children's services start?", defined) == ["DCS"]
    assert other_forms("which councils use MOMO", defined) == ["mind of my own"]
    assert other_forms("what do iros do", defined) == ["independent reviewing officers"]  # (typed in lower case)
    assert other_forms("did it fit the plan?", defined) == []  # (a word, not the acronym)
    board = spelled_out("The Local Safeguarding Children Board (LSCB) is shared.")
    assert other_forms("who did X share its safeguarding children board with?", board) == ["LSCB"]  # (a long
    # name said without its first word)


def test_a_figure_of_which_counts_the_noun_before_it() -> None:
    from service.answering.text import unit_of

    quote = "Leaders secured funding to develop family hubs, three of which they launched in 2023."
    assert unit_of(quote, "three") == "to develop family hubs"  # (the four words before it)


def test_a_body_s_latest_report_leads_a_kind_of_answer_only_when_it_gives_one() -> None:
    from datetime import date

    from ingest.models import ReportMeta
    from service.answering.evidence import Evidence
    from service.answering.when import latest_first

    old, new = (ReportMeta(report_id=f"haringey-{year}", source=f"h{year}.pdf", title="Haringey", body="Haringey",
                           published=date(year, 4, 1)) for year in (2018, 2023))
    named = Evidence(old, 9, None, "Members of ASPIRE (the children in care council) attend.", score=2.9, fit=1.0)
    unnamed = Evidence(new, 3, None, "Most children in care live in homes which meet their needs.", score=2.6)
    assert latest_first([named, unnamed], [old, new], typed=True)[0] is named  # ("what is their council called?")
    assert latest_first([named, unnamed], [old, new])[0] is unnamed  # (a finding asked: the present's, near enough)


@pytest.mark.parametrize("question", ["and how had they done the time before? (North Tyneside, 2020)?",
                                      "how has leeds performed?", "how have they fared since (Kent)?"])
def test_how_a_body_had_done_or_performed_asks_for_its_overview(question: str) -> None:
    from service.answering.intent import OVERVIEW_CUE, OVERVIEW_WORDS
    from service.answering.text import content_words, stem

    assert OVERVIEW_CUE.search(question), question
    assert {stem(w) for w in content_words(question)} & {stem(w) for w in "done performed fared".split()} \
        <= OVERVIEW_WORDS


@pytest.mark.parametrize(("text", "span"), [("(2023 on)", (2023, 9999)), ("2023 onwards", (2023, 9999)),
                                            ("reports in 2023 on fostering", (2023, 2023))])
def test_a_year_on_or_onwards_is_that_year_or_later(text: str, span: tuple[int, int]) -> None:
    from service.answering.dates import parse_years

    assert parse_years(text) == [span]


@pytest.mark.parametrize("question", ["Oxfordshire 2018 social worker turnover rate",
                                      "what was oxfordshire's turnover rate in 2018",
                                      "What was North Tyneside's social worker turnover percentage at its 2024 inspection?"])
def test_a_rate_or_percentage_asked_in_any_wording_is_a_number(question: str) -> None:
    from service.answering.asks import answer_type

    assert answer_type(question, named=True) == "number"


@pytest.mark.parametrize(("sentence", "kinds"), [
    ("There is an absence of robust senior management oversight to review these unlawful placements.", {"concern"}),
    ("The ability of managers to improve the quality of practice is impacted on greatly by the constant churn in "
     "the workforce.", {"concern"}),
    ("Leaders have worked hard to improve services, and practice has improved.", {"improved"}),
])
def test_an_absence_of_praise_an_aim_and_churn_are_read_the_right_way(sentence: str, kinds: set[str]) -> None:
    from service.answering.verdict import sentence_polarity

    polarity = sentence_polarity(sentence)
    assert {k for k in ("concern", "improved") if getattr(polarity, k)} == kinds, polarity


def test_an_age_band_is_no_quantity() -> None:
    assert quantities("A dedicated 18+ virtual school officer supports care leavers.") == []
    assert quantities("The 16+ team supports 120 young people.") == ["120"]
    assert quantities("Over 100+ children were seen.") == ["100"]


@pytest.mark.parametrize(("text", "word", "everyday"), [
    ("which was better, bury or durham?", "bury", False), ("durham vs bury", "bury", False),
    ("reading and durham: which did better?", "reading", False), ("children's reading and writing", "reading", True),
    ("where do children bury their worries", "bury", True)])
def test_an_everyday_word_listed_beside_a_place_is_a_place(text: str, word: str, everyday: bool) -> None:
    from service.answering.places import everyday_word

    start = text.index(word)
    assert everyday_word(text, start, start + len(word)) is everyday


@pytest.mark.parametrize("sentence", [
    "The management of the risk of harm at HLNY CRC was satisfactory in fewer than half of cases.",
    "Plans were good in under half of the cases."])
def test_done_well_in_too_few_cases_is_a_concern(sentence: str) -> None:
    from service.answering.verdict import sentence_polarity

    polarity = sentence_polarity(sentence)
    assert polarity.concern > 0 and polarity.positive == 0, polarity

"""One body's reports under one name, however each report's title gave it."""

from __future__ import annotations

from ingest.models import ReportMeta
from service.names import shared_aliases


def _meta(source: str, body: str) -> ReportMeta:
    return ReportMeta(report_id=source.replace("/", "-"), source=source, title=body, body=body)


def test_a_folder_of_one_bodys_reports_gives_them_one_name() -> None:
    reports = shared_aliases([_meta("80466_east riding/2017.pdf", "East Riding of Yorkshire"),
                              _meta("80466_east riding/2020.pdf", "East Riding of Yorkshire"),
                              _meta("80466_east riding/2023.pdf", "East Riding"),
                              _meta("80477_hull/2019.pdf", "Hull"), _meta("80477_hull/2022.pdf", "Kingston upon Hull")])
    assert [m.body for m in reports] == ["East Riding of Yorkshire"] * 3 + ["Kingston upon Hull"] * 2
    assert "East Riding" in reports[2].body_aliases and "East Riding" in reports[0].body_aliases


def test_a_folder_of_several_bodies_keeps_their_names() -> None:
    reports = shared_aliases([_meta("reports/durham.md", "Durham"), _meta("reports/dtv.md", "Durham Tees Valley CRC"),
                              _meta("reports/essex.md", "Essex CRC")])
    assert [m.body for m in reports] == ["Durham", "Durham Tees Valley CRC", "Essex CRC"]


def test_a_councils_customary_initials_name_it_and_all_its_reports() -> None:
    from service.answering.mentions import BodyNames

    reports = [_meta("kc/2016.pdf", "Kensington and Chelsea"),
               ReportMeta(report_id="kc-2025", source="kc/2025.pdf", title="K", body="Kensington and Chelsea",
                          body_aliases=["Royal Borough of Kensington and Chelsea"]),
               _meta("banes/2022.pdf", "Bath and North East Somerset"), _meta("bd/2023.pdf", "Barking and Dagenham"),
               _meta("bh/2024.pdf", "Brighton and Hove City Council")]
    names = BodyNames(reports)
    assert [(b.body, len(b.report_ids)) for b in names.find("what pilot was RBKC part of?")] == \
        [("Kensington and Chelsea", 2)]
    assert [b.body for b in names.find("the banes team for care leavers")] == ["Bath and North East Somerset"]
    assert [b.body for b in names.find("how did BHCC do")] == ["Brighton and Hove City Council"]
    assert names.find("which councils did bad work") == []  # "Barking and Dagenham": no initials of two words
    wandsworth = BodyNames([ReportMeta(report_id="w-2018", source="w/2018.pdf", title="W", body="Wandsworth",
                                       body_aliases=["London Borough of Wandsworth"])])
    assert wandsworth.find("why was it rated so low?") == []  # (three letters with "of" are too often a word)


def test_two_words_initials_about_an_ampersand_name_the_body() -> None:
    from service.answering.mentions import BodyNames

    names = BodyNames([_meta("hf/2024.pdf", "Hammersmith and Fulham"), _meta("kc/2016.pdf", "Kensington and Chelsea"),
                       _meta("h/2020.pdf", "Hackney")])
    assert [b.body for b in names.find("h&f got outstanding in 2024 but was one bit only good?")] == \
        ["Hammersmith and Fulham"]
    assert [b.body for b in names.find("how is K & C doing")] == ["Kensington and Chelsea"]


def test_a_crown_dependency_is_a_place_no_report_covers() -> None:
    from service.answering.mentions import BodyNames

    names = BodyNames([_meta("iow/2019.pdf", "Isle of Wight")])
    assert names.unknown("isle of man childrens services ofsted judgement?") == ["isle of man"]
    assert names.unknown("which councils gave children a new jersey") == []


def test_a_former_council_a_report_mentions_is_no_missing_body() -> None:
    from service.answering.mentions import BodyNames

    said = "Children's services in the predecessor local authority, Cumbria County Council, were judged"
    names = BodyNames([_meta("cumberland/2024.pdf", "Cumberland")],
                      mentioned=lambda text: all(w.lower() in said.lower() for w in text.split()))
    asked = "which services does cumberland still run jointly after Cumbria County Council was split up"
    assert names.unknown(asked) == []
    assert "Lakeland" in names.unknown("how did Lakeland County Council do")


def test_a_place_in_a_nation_no_body_lies_in_is_missing_though_a_report_mentions_it() -> None:
    from service.answering.mentions import BodyNames

    said = "young people took part in the Duke of Edinburgh award and visited Liverpool"
    names = BodyNames([_meta("leeds/2019.pdf", "Leeds"), _meta("wigan/2019.pdf", "Wigan")],
                      mentioned=lambda text: text.lower() in said.lower())
    assert names.unknown("how many children were in care in Edinburgh?") == ["Edinburgh"]  # (Scotland)
    assert names.unknown("how many children were in care in Liverpool?") == []  # (England: a body may serve it)


def test_a_council_area_asked_of_an_index_of_councils_is_missing_though_a_neighbour_mentions_it() -> None:
    from service.answering.mentions import BodyNames

    councils = [_meta(f"{c.lower()}/2024.pdf", c).model_copy(update={"inspectorate": "Ofsted"})
                for c in ("Cumberland", "Lancashire")]
    names = BodyNames(councils, mentioned=lambda text: text.lower() == "cumbria")  # (the former county council)
    assert names.unknown("what worried inspectors about private fostering in cumbria") == ["cumbria"]
    assert names.unknown("private fostering in lancashire") == []


def test_a_grade_asked_of_a_body_the_reports_only_mention_is_not_theirs_to_give() -> None:
    from service.answering.mentions import BodyNames

    names = BodyNames([_meta("reading/2016.pdf", "Reading")], mentioned=lambda text: "valley police" in text.lower())
    assert "Thames Valley" in names.unknown("What grade did inspectors give Thames Valley Police?", graded=True)
    assert names.unknown("what did the reports say about Thames Valley Police?") == []  # mentioned: asked of them


def test_a_police_force_named_for_a_place_is_not_the_council_or_crc_of_that_place() -> None:
    from service.answering.mentions import BodyNames

    names = BodyNames([_meta("kent/2022.pdf", "Kent"), _meta("dtv/2019.pdf", "Durham Tees Valley CRC")],
                      mentioned=lambda text: "kent police" in text.lower())
    assert names.unknown("how was kent police rated?", graded=True) == ["kent police"]
    assert names.unknown("how did durham constabulary do?", graded=True) == ["durham constabulary"]
    assert names.unknown("what did ofsted say about kent police?") == []  # (mentioned: what the reports say)
    assert names.unknown("what did kent's report say about kent police?", graded=True) == []  # (Kent is asked)
    assert names.unknown("how did kent work with the police?", graded=True) == []



def test_a_youth_offending_teams_grade_is_no_councils_but_its_work_is_told_by_the_councils_report() -> None:
    from service.answering.mentions import BodyNames

    names = BodyNames([_meta("kent/2022.pdf", "Kent"), _meta("leeds/2015.pdf", "Leeds")], mentioned=lambda text: False)
    assert names.unknown("how did kent youth offending team do?", graded=True) == ["kent youth offending team"]
    assert names.unknown("what grade did the Leeds YOT get", graded=True) == ["Leeds YOT"]
    assert names.unknown("what did inspectors say about Leeds YOT") == []
    assert names.unknown("how did kent work with the youth offending service?", graded=True) == []

def test_a_dictionary_word_written_as_a_name_is_that_name_not_a_body_a_letter_away() -> None:
    from service.answering.mentions import BodyNames

    names = BodyNames([_meta("essex/2019.pdf", "Essex")], unknown_word=lambda word: word in {"wessex", "borsetshire"})
    assert names.find("What did inspectors say about care leavers in Wessex County Council in 2019?") == []
    assert names.unknown("What did inspectors say about care leavers in Wessex County Council?")[0] == "Wessex County"
    assert names.unknown("how did Wessex do?", graded=True) == ["Wessex"]  # (its grade asked: a name no report uses)
    assert names.unknown("how did Borsetshire do?", graded=True) == ["Borsetshire"]
    assert names.unknown("how did Wessex do?") == []  # (not asked how it did: a word, maybe a topic)


def test_a_hospital_no_report_is_about_is_missing() -> None:
    from service.answering.mentions import BodyNames

    names = BodyNames([_meta("kent/2022.pdf", "Kent")])
    assert names.unknown("What did Ofsted say about Great Ormond Street Hospital's safeguarding?") == \
        ["Great Ormond Street"]
    assert names.unknown("what did ofsted say about great ormond street hospital?") == ["great ormond street"]
    assert names.unknown("how did kent work with the local hospital?") == []


def test_police_as_a_topic_beside_a_council_named_restricts_no_body() -> None:
    from service.answering.mentions import BodyNames

    names = BodyNames([_meta("cw/2024.pdf", "Cheshire West and Chester"), _meta("k/2022.pdf", "Kent")])
    asked = "cheshire west 2024 why delays getting police info at the front door"
    assert [b.body for b in names.find(asked)] == ["Cheshire West and Chester"] and names.unknown(asked) == []


def test_a_direction_by_its_letter_and_a_name_cut_short_name_the_body() -> None:
    from service.answering.mentions import BodyNames

    names = BodyNames([_meta("sg/2019.pdf", "South Gloucestershire"), _meta("g/2019.pdf", "Gloucestershire"),
                       _meta("m/2023.pdf", "Middlesbrough")], unknown_word=lambda word: word == "middlesbro")
    assert [b.body for b in names.find("s glos ofsted 2019 - what % of contacts took longer than 24hrs")] == \
        ["South Gloucestershire"]
    assert [b.body for b in names.find("work experience for care leavers in middlesbro?")] == ["Middlesbrough"]
    assert names.find("what did s say about it") == [] and names.find("the middle of it") == []


def test_two_compass_letters_and_three_initials_that_are_no_word_name_the_body() -> None:
    from service.answering.mentions import BodyNames

    names = BodyNames([_meta("banes/2022.pdf", "Bath and North East Somerset"), _meta("s/2022.pdf", "Somerset"),
                       _meta("nel/2021.pdf", "North East Lincolnshire"), _meta("l/2019.pdf", "Lincolnshire"),
                       _meta("iow/2023.pdf", "Isle of Wight"), _meta("h/2024.pdf", "Hampshire")])
    assert [b.body for b in names.find("bath ne somerset care leavers team 2022")] == ["Bath and North East Somerset"]
    assert [b.body for b in names.find("how was ne lincs rated")] == ["North East Lincolnshire"]
    assert [b.body for b in names.find("iow hampshire partnership end date")] == ["Isle of Wight", "Hampshire"]
    assert [b.body for b in names.find("somerset 2022, was it any good?")] == ["Somerset"]


def test_a_town_is_the_body_of_its_county_or_area_of_the_kind_asked() -> None:
    from service.answering.mentions import BodyNames

    councils = BodyNames([_meta("g/2019.pdf", "Gloucestershire"), _meta("sg/2019.pdf", "South Gloucestershire")])
    assert [b.body for b in councils.find("how did cheltenham do")] == ["Gloucestershire"]  # its county, exactly
    crcs = BodyNames([_meta("n/2018.md", "Northumbria CRC"), _meta("t/2018.md", "Thames Valley CRC")])
    assert [b.body for b in crcs.find("newcastle probation 2018")] == ["Northumbria CRC"]  # its police area
    assert crcs.find("who runs newcastle's children's services") == []  # a council asked for, not the CRC


def test_a_direction_letter_joined_to_a_county_short_form_names_the_county() -> None:
    from service.answering.mentions import BodyNames
    from service.answering.tools import SHORT_NAMES

    names = BodyNames([_meta("ny/2023.pdf", "North Yorkshire"), _meta("sg/2019.pdf", "South Gloucestershire")])
    assert [b.body for b in names.find("nyorks care leavers jobs training workers called")] == ["North Yorkshire"]
    assert [b.body for b in names.find("sglos 2019")] == ["South Gloucestershire"]
    assert {"nyorks", "sglos"} <= SHORT_NAMES  # (not respelt as a typo first: "nyorks" was read as "yorks")


def test_every_council_names_no_council() -> None:
    from service.answering.mentions import BodyNames

    names = BodyNames([_meta("w/2019.pdf", "Westminster")])
    assert names.unknown("According to Ofsted's 2019 report on Westminster, what nickname casts every council "
                         "department as jointly accountable for the kids?") == []
    assert names.unknown("What grade did inspectors give the Barsetshire council?", graded=True) == ["Barsetshire"]


def test_a_word_only_one_bodys_name_holds_names_that_body_alone() -> None:
    """"What service did scilly set up?": no other body's name, and no English word, holds "scilly"."""
    from service.answering.mentions import BodyNames

    names = BodyNames([_meta("ios/2016.pdf", "Isles of Scilly"), _meta("iow/2019.pdf", "Isle of Wight"),
                       _meta("nt/2019.pdf", "North Tyneside"), _meta("st/2019.pdf", "South Tyneside")])
    assert [b.body for b in names.find("what mental health service did scilly set up?")] == ["Isles of Scilly"]
    assert names.find("how many children in tyneside were in care?") == []  # (two bodies' names hold it)
    assert names.find("which islands had good services?") == []  # (an English word)


def test_a_county_two_councils_are_named_for_names_both() -> None:
    """"How did northamptonshire do?": its two unitary councils (no report is about the county council)."""
    from service.answering.mentions import BodyNames

    names = BodyNames([_meta("nn/2023.pdf", "North Northamptonshire"), _meta("wn/2023.pdf", "West Northamptonshire"),
                       _meta("leeds/2019.pdf", "Leeds")])
    assert sorted(b.body for b in names.find("how did northamptonshire do?")) == \
        ["North Northamptonshire", "West Northamptonshire"]
    assert [b.body for b in names.find("how did north northamptonshire do?")] == ["North Northamptonshire"]


def test_a_name_two_kinds_of_body_share_beside_bodies_of_one_kind_is_that_kind() -> None:
    from service.answering.mentions import BodyNames

    names = BodyNames([_meta("london-crc/2019.md", "London CRC"), _meta("london-nps/2018.md", "London NPS division"),
                       _meta("essex-crc/2018.md", "Essex CRC")])
    compared = names.find("how did essex compare to london on staff workloads")
    assert compared[1].report_ids == ["london-crc-2019.md"]  # (as Essex is: a CRC)
    assert len(names.find("how did london do")[0].report_ids) == 2  # (alone: both)
    assert [m.report_ids for m in names.find("london crc vs london nps")] == [["london-crc-2019.md"],
                                                                             ["london-nps-2018.md"]]


def test_a_long_name_two_letters_out_names_its_body() -> None:
    from service.answering.mentions import BodyNames

    names = BodyNames([_meta("l/2024.pdf", "Leicestershire"), _meta("g/2024.pdf", "Gloucestershire"),
                       _meta("c/2024.pdf", "Cambridgeshire")], unknown_word=lambda word: word == "leicestshire")
    assert [b.body for b in names.find("what overall grade did leicestshire get in 2024")] == ["Leicestershire"]


def test_a_short_word_a_letter_from_a_names_first_word_names_the_body_before_the_rest_of_it() -> None:
    from service.answering.mentions import BodyNames

    names = BodyNames([_meta("wy/2020.md", "West Yorkshire CRC"), _meta("ny/2019.pdf", "North Yorkshire"),
                       _meta("ws/2019.pdf", "West Sussex")], unknown_word=lambda word: word in {"wst", "nrth", "est"})
    assert [b.body for b in names.find("wst yorkshire crc caseload size 2020")] == ["West Yorkshire CRC"]
    assert [b.body for b in names.find("how did nrth yorkshire do")] == ["North Yorkshire"]
    assert names.find("est yorkshire caseloads") == []  # (an English word is not read as a name misspelt)
    assert names.find("wst caseloads") == []  # (no name's next word after it)

"""What a question is about: the reports in scope (bodies, organisation type, inspectorate, years), one answer or
a row per report, the kind of answer asked (``asks``) and its topic. Which composer answers it: ``intent``."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ingest.models import ReportMeta
from service.acronyms import spelled_out
from service.answering import grades
from service.answering.areas import AreaNames
from service.answering.asks import AREA_COVERED, NUMERIC, PLURAL_ORGS, WHO, answer_type, kind_of, numeric
from service.answering.mentions import BodyMatch, BodyNames
from service.answering.name_spans import OTHER_ASKED, without_owners
from service.answering.parts import without_preamble
from service.answering.organisations import (DESCRIBED, INSPECTORATE_NAMES, KIND_NOUNS, ORG_TYPES, body_label,
                                             councils_placed, inspectorates_named, kind_listed, latest_per_body,
                                             metadata_names, nth_per_body, org_type, org_types_named,
                                             previous_per_body)
from service.answering.places import COUNCIL_KINDS, council_groups, council_kind, council_kinds_named
from service.answering.regions import region_of, regions_named, without_regions
from service.answering.dates import (BEFORE_LATEST, FIELDWORK_YEAR, KEPT, LATEST_ONLY, PART_OF_YEAR, YEAR_BESIDE,
                                     YEAR_PHRASE, around_events, before_latest_blanked, dates_every_body, future_asked,
                                     in_years, of_fieldwork_asked, of_month_asked, ordinal_asked, other_years_note,
                                     parse_years, years_held)
from service.answering.frameworks import CALLED, framework_named, under
from service.answering.graded_when import told_later
from service.answering.text import MONTH, content_words, stem, stems
from service.answering.thesaurus import in_reports_words, reports_words
from service.terms import STOPWORDS
from service.answering.verdict import cue_words, negates, wanted_verdicts

SCAFFOLD = {stem(w) for w in """
    which what where who whom when how why whose list name named one ones also other others either instead index us
    collection collections corpus database dataset archive
    inspection inspections inspected inspecting reinspection reinspections report reports reported reporting digest
    re-inspection re-inspections published dated
    digests find found finding findings say says said describe described according record recorded
    give gave given get got receive received raise raised raising highlight highlighted identify identified note noted
    provider providers crc crcs community rehabilitation company companies nps national probation service local la las
    authority authorities council councils borough boroughs division divisions organisation organisations ofsted hm
    inspector inspectors anybody anyone anything please thanks thank cheers like
    time times often actually exactly approximately roughly around currently main key principal major
    take took taken place begin began begun start started happen happened occur occurred make made go went come came
    put become became cover covers covered include includes included contain contains comprise comprises
    every each area areas place places back ago then recently currently ever lot bunch among amongst
    kind kinds type types sort sorts
    think thought view views opinion judge judged conclude concluded show showed shown
    especially particularly extremely notably truly quite specifically exceptionally""".split()}  # (how much, not
# what: "what was especially good about X?")
LIST_SCAFFOLD = {stem(w) for w in "publish published publication complain complained complaining complains "
                                  "grumble grumbled grumbling moan moaned moaning "
                                  "outfit outfits".split()}  # (who says it: "staff
# complaining about workloads" is about workloads; "complaints", a noun, stays a topic; "which outfits ...": the
# list's members, not its topic)
RATING = {stem(w) for w in "rated rating ratings rate grade grades graded judged judgement judgment judgements "
                           "judgments overall effectiveness mark marks score scored performing performance "
                           "call called deem deemed consider considered label labelled labeled class classed "
                           "classified regard regarded assess assessed achieve achieved attain attained earn earned "
                           "award awarded receive received obtain obtained secure secured score scored hit land landed "
                           "status verdict verdicts category categories end ended wound".split()}  # ("ended up with")
COUNTED = {stem(w) for w in "number numbers proportion percentage share fraction count total".split()} | {
    stem(w) for w in grades.NUMBERS}  # of reports ("number of good councils"; "name three councils rated ...")
TOPIC_SUPERLATIVES = re.compile(r"\b(best|worst|weakest|strongest|poorest)\b", re.I)
JOINED = re.compile(r"\s+(?:for|of)\s+(?=[A-Z])")  # a name's words joined ("Achieving for Children")
LIST_ASKED = re.compile(r"^\s*(which|who|where|what)\b", re.I)
RANKED = stems("lowest highest top bottom best worst poorest weakest strongest")  # which grade: not what it is for
COMMON = {stem(w) for w in "common usual typical frequent".split()}  # "the most common grade": the tally says
GRADES_FRAME = stems("publish published publication why reasons never once")  # (of a grade list, besides grades)
BODY_FRAME = stems("children's children services service")  # (the body's whole service: "whose children's
# services were judged outstanding overall")
AREA_FRAME = stems("support services service provision work practice quality help")  # (of an area named: "support
# for care leavers judged inadequate" is that judgement)
RECENCY = {stem(w) for w in "latest last recent newest current nowadays".split()}
NOW_SAID = re.compile(r"\b(?:currently|presently|at present|(?:right\s+)?now|as things stand|at the moment|these days|"
                      r"today|nowadays)\b", re.I)  # (when, not what: "which councils are outstanding right now?")
THEN_SAID = re.compile(r"\b(?:back then|at that time|at the time)\W*$", re.I)  # (its report's time, said last:
# "who was running X back then?")
AS_THINGS_STAND = re.compile(rf"{NOW_SAID.pattern}|"
                             r"\b(?:their|its|the)\s+(?:latest|most recent|last|newest|current)\s+(?:inspections?|"
                             r"reports?|grades?|ratings?|judge?ments?|visits?)\b|"
                             r"^\W*(?:what|which|who)\s+(?:is|are)\s+(?:the\s+)?(?:best|worst|top|bottom|strongest|"
                             r"weakest|highest[- ]rated|lowest[- ]rated)\b", re.I)  # (of many bodies: each one's;
# "what is the worst council?" asks of each one's latest, as it is)
PREDICATIVE_GRADE = re.compile(  # "were good in 2019", "found to be inadequate?", "got a Good from the inspectors"
    rf"\b(was|were|is|are|be|been|as|got|get|received|achieved|awarded|given)\s+(?:\w+\s+){{0,2}}?{grades.GRADE_NAME}(?=\s*(?:[?.!,]|$|\s+(?:in|during|for|"
    r"overall|by|from|back|then|last|when|at\s+(?:their|its|the)\s+(?:last|latest|most|previous|next))\b))", re.I)
ATTRIBUTIVE_GRADE = re.compile(rf"{grades.GRADE_NAME}\s+(?:councils?|crcs?|(?:local\s+)?authorities|las|providers|"
                               r"divisions|companies|areas)\b", re.I)  # "the inadequate councils"


@dataclass
class Scope:
    question: str
    kind: str                                  # "fact" or "list": one answer, or a row per report
    intent: str                                # fact | overview | compare | list | rank
    bodies: list[BodyMatch]
    report_ids: list[str]                      # the reports that may answer
    missing: str | None = None                 # why no report can answer, when that is known up front
    years: list[tuple[int, int]] = field(default_factory=list)
    wanted: set[str] = field(default_factory=set)   # concern / positive / improved / not stated (lists)
    topic: str = ""                            # the question without its frame: what it is about
    topic_words: list[str] = field(default_factory=list)
    names: list[str] = field(default_factory=list)  # names the question gives that are not bodies ("Mockingbird")
    numeric: tuple[str, float] | None = None
    conditions: list[grades.Condition] = field(default_factory=list)
    answer_type: str | None = None             # number | date | name | grade
    area: str | None = None                    # the judgement area named (None: overall, or none named)
    jargon: str = ""                           # the reports' terms for its everyday words ("domestic abuse")
    note: str | None = None                    # said before the answer ("No Devon report is dated 2024 ...")
    heading: str | None = None                 # of its part of an answer in parts (else its question)
    undated: bool = False                      # no report of a body named is of the years asked (the note says so)
    kinds: set[str] | None = None              # kinds of organisation the named bodies are (none named: the index's)


def parse(question: str, reports: list[ReportMeta], areas: AreaNames, names: BodyNames) -> Scope:
    """Read a (stand-alone) question against the index's reports."""
    framework = framework_named(question)  # ("outstanding under the old SIF": its reports only)
    question, graded = grades.plain_grades(question)
    question = THEN_SAID.sub("?", question)  # ("who was running X back then?": of its report, as asked without it)
    found = names.find(question)
    owners: set[str] = set()  # ("which other councils copied X's 'No Wrong Door'?": X's reports left out)
    if (unowned := without_owners(question, found)) != question:  # ("which councils copied X's 'No Wrong Door'?")
        owners = {r for b in found for r in b.report_ids} if OTHER_ASKED.search(question) else set()
        question, found = unowned, names.find(unowned)
    groups = council_groups(question, [b.end for b in found])  # ("London boroughs"; not "Kent County Council")
    bodies = [b for b in found if not any(a < b.end and b.start < z for a, z in groups)]
    kind = kind_of(question, bodies)
    scope = Scope(question, kind, "fact", bodies, [], years=(years := parse_years(question)))
    by_id = {m.report_id: m for m in reports}
    scope.kinds = {org_type(by_id[r]) or "" for b in bodies for r in b.report_ids if r in by_id} if bodies \
        else {org_type(m) or "" for m in reports}  # (a kind no report is of is a topic: "work with the police")
    scope.report_ids, scope.missing = _reports_in_scope(question, reports, bodies, years, kind)
    scope.report_ids = [r for r in scope.report_ids if r not in owners]
    if framework and scope.report_ids:
        scope.report_ids = [r for r in scope.report_ids if under(by_id[r], framework)]
        scope.missing = scope.missing or (None if scope.report_ids else f"no report in this index was made under "
                                                                          f"{CALLED[framework]}")
    scope.missing = future_asked(question) or scope.missing  # ("when is X's next inspection due?")
    if bodies and not years and kind == "fact":  # (the report before the latest chosen: "previous" asks no more)
        question = scope.question = before_latest_blanked(question)
    elif bodies and kind == "fact" and len(years) == 1 and years[0][0] == 0:  # (nor "previously ... before 2024")
        question = scope.question = LAST_BEFORE.sub(lambda w: " " * len(w.group(0)), question)
    if unknown := names.unknown(question, bodies, graded=grades.asks_for_grade(question)):
        scope.missing = f"no report in this index is about {unknown[0]}"
    _read_wants(scope, areas, graded)
    if (side := _side_of_topic_superlative(scope)) is not None:  # "which CRC was worst at unpaid work?": the
        scope.kind = "list"                                      # reports that lean that way on the topic
        _read_wants(scope, areas, graded)
        scope.wanted = {side}
        scope.topic_words = [w for w in scope.topic_words if not TOPIC_SUPERLATIVES.fullmatch(w)]  # (the side only)
        scope.topic = " ".join(w for w in scope.topic.split() if not TOPIC_SUPERLATIVES.fullmatch(w))
    scope.names += [n for n in metadata_names(reports) if not set(n.split()) <= set(scope.names) and re.search(
        rf"\b{re.escape(n)}\b", question, re.I)]  # ("what happened to working links?": the owner, in lower case)
    scope.note = other_years_note(list(dict.fromkeys(b.body for b in bodies)), years,
                                  [by_id[r] for r in scope.report_ids])
    scope.undated = scope.note is not None
    if kind == "fact" and not bodies and ((scope.answer_type == "number" or WHO.match(question) or
                                           PLURAL_ORGS.search(question)) and about_grades_only(scope)
                                          or grades.FROM_TO.search(question)
                                          or grades_of_all(scope) and len(scope.report_ids) > 1):
        scope.kind = "list"  # "how many / who were rated outstanding in 2023", "2022 inadequate councils",
        # "did any go from good to inadequate", "how did councils do in 2023?"
    return scope


def _side_of_topic_superlative(scope: Scope) -> str | None:
    """"Which CRC was worst at unpaid work?", "who was strongest on care leavers?": no body named, a best or worst
    asked of a topic (not of grades alone: "which CRC was worst?" ranks by grade): the side it asks for."""
    said = {stem(w) for w in TOPIC_SUPERLATIVES.findall(scope.question)}
    topic = {stem(w) for w in scope.topic_words} - RATING - said - COMMON
    if scope.kind != "fact" or scope.bodies or len(said) != 1 or not topic or scope.answer_type not in (None, "name") \
            or not LIST_ASKED.match(scope.question):
        return None
    return "concern" if said & stems("worst weakest poorest") else "positive"


def grades_of_all(scope: Scope) -> bool:
    """True when a question about no one body asks for grades and names none ("how did councils do in 2023?",
    "what grades did the county councils get?"): each report's grade answers it."""
    return (scope.answer_type == "grade" and not scope.bodies and not scope.conditions and not scope.numeric
            and {stem(w) for w in scope.topic_words} <= RATING | COMMON)


def undated_ids(scope: Scope, reports: list[ReportMeta]) -> set[str]:
    """The reports the question's scope holds but for the years it names (its place, kind and inspectorate)."""
    return set(_reports_in_scope(scope.question, reports, scope.bodies, [], scope.kind)[0])


def _reports_in_scope(question: str, reports: list[ReportMeta], bodies: list[BodyMatch], years: list[tuple[int, int]],
                      kind: str) -> tuple[list[str], str | None]:
    present, absent = inspectorates_named(question, {m.inspectorate or "" for m in reports})
    if absent and not present:
        return [], f"this index holds no reports by {absent[0]}"
    chosen = [m for m in reports if not present or m.inspectorate in present]
    types = {t for t in org_types_named(question) if any(org_type(m) == t for m in chosen)}
    listed = kind_listed(question)
    kind_absent = listed and any(org_type(m) for m in chosen) and not any(org_type(m) == listed for m in chosen)
    if kind_absent and (not bodies or grades.GRADE_MENTION.search(question) or grades.asks_for_grade(question)):
        return [], f"no report in this index is about a {KIND_NOUNS[listed]}"  # "which police forces ...", "which
    if bodies:  # primary school in Bradford was rated inadequate?": none here (not "which police forces did X ...")
        chosen = [m for m in chosen if m.report_id in {rid for b in bodies for rid in b.report_ids}]
        typed = {body_label(m) for m in chosen if org_type(m) in types}  # (the bodies of a kind named: its reports)
        if types and not typed:  # "the national probation service in Wales": the index has Wales CRC only
            kinds = " or ".join(sorted(k.upper() if len(k) == 3 else k for k in types))
            return [], f"no {kinds} report in this index is about {question[bodies[0].start:bodies[0].end]}"
        chosen = [m for m in chosen if org_type(m) in types or body_label(m) not in typed]  # ("BGSW ... the NPS")
    elif types:
        chosen = [m for m in chosen if org_type(m) in types | {None}]  # (an area's SEND report: kind unread)
    for wanted, place_of, what in ((not bodies and council_kinds_named(question), council_kind, "a {}"),
                                   (not bodies and regions_named(question), region_of, "a council in {}")):
        placed = councils_placed(chosen, place_of, wanted) if wanted else None  # ("which London boroughs ...",
        if placed is not None and not placed:  # "county councils", "councils in the north east", "welsh LAs")
            return [], f"no report in this index is about {what.format(' or '.join(sorted(wanted)))}"
        chosen = chosen if placed is None else placed
    fieldwork = bool(bodies) or bool(FIELDWORK_YEAR.search(question))  # ("inspected in 2019"; of bodies named, any)
    dated = [m for m in chosen if in_years(m, years, with_fieldwork=fieldwork)]
    undated = {b.body for b in bodies} - {body_label(m) for m in dated}  # "supervised in November 2018" may be told
    if undated and (kind == "fact" and not dated or len({b.body for b in bodies}) > 1) and (not dates_every_body(
            question, [b.end for b in bodies]) or not dated and told_later(question, chosen, years)):  # of 2019: the
        dated += [m for m in chosen if body_label(m) in undated]  # text decides; "A vs B in 2023", one inspected
        # then: each one's report nearest that year; "after the focused visit in 2022": a later report tells
    dated = around_events(question, chosen, dated, fieldwork) if bodies else dated
    if chosen and not dated:
        return [], f"no report in this index matches that {'organisation and ' * bool(bodies)}date" + years_held(
            chosen, [b.body for b in bodies])
    monthly = dated if bodies else of_month_asked(question, of_fieldwork_asked(question, dated, years))
    if dated and not monthly:
        return [], "no report in this index was published or inspected in that month"
    dated = monthly
    if bodies and kind == "fact" and len(years) == 1 and years[0][0] == 0 and LAST_BEFORE.search(question):
        before = latest_per_body([m for m in dated if in_years(m, years, with_fieldwork=True)])
        return sorted(m.report_id for m in before or dated), None  # ("when was X previously inspected
        # before its 2024 inspection?": the one just before)
    if bodies and not years and kind == "fact" and BEFORE_LATEST.search(question):
        earlier = previous_per_body(dated)
        return sorted(m.report_id for m in earlier), None if earlier else "no earlier report of that body in this index"
    nth = ordinal_asked(without_names(question, bodies, True)) if bodies else None  # ("the first X inspection")
    if not years and (nth or (LATEST_ONLY.search(question) if bodies else AS_THINGS_STAND.search(question))):
        kept = previous_per_body(dated) if bodies and KEPT.search(question) else []  # (and the one before)
        dated = (nth_per_body(dated, nth) if nth else latest_per_body(dated)) + kept  # ("currently": the latest)
    return sorted(m.report_id for m in dated), None


def _read_wants(scope: Scope, areas: AreaNames, graded: bool = False) -> None:
    blanked = PART_OF_YEAR.sub(lambda m: " " * len(m.group(0)), question := scope.question)
    rest = NOW_SAID.sub(" ", without_names(blanked, scope.bodies, kinds=scope.kinds))
    scope.numeric = numeric(rest)
    scope.wanted = wanted_verdicts(rest) if scope.kind == "list" else set()
    rest = NUMERIC.sub(" ", rest) if scope.numeric else rest
    scope.answer_type = answer_type(question, bool(scope.bodies))
    frame = SCAFFOLD | (LIST_SCAFFOLD if scope.kind == "list" else set())
    if scope.bodies and not scope.years and LATEST_ONLY.search(question):
        frame |= RECENCY  # "the latest on X", "X's latest rating": they chose the report, they are not the topic
    if scope.bodies and AREA_COVERED.search(question):
        frame -= {stem(w) for w in "cover covers covered serve serves served".split()}  # what it covers, asked
    rest = in_reports_words(without_preamble(rest), lambda w: stem(w) in frame)  # ("about community service at X":
    # unpaid work; "I'm reading up on X — what were ...?": what follows the dash)
    scope.topic_words = [w for w in content_words(rest) if stem(w) not in frame and not w.isdigit()
                         and not all(MONTH.fullmatch(part) for part in w.split("-"))]  # ("Oct-Nov 2018": when)
    scope.names = proper_names(rest)
    cues = cue_words(rest) if scope.kind == "list" else set()
    scope.topic = " ".join(w for w in scope.topic_words if w not in cues) or " ".join(scope.topic_words)
    rating_asked = RATING & {stem(w) for w in content_words(question)}
    only_grades = scope.topic_words and not [w for w in grades.besides_grades(scope.topic_words) if stem(w)
                                             not in COUNTED]  # ("outstanding ... list", "number of good councils")
    unnamed = without_names(question, scope.bodies, True, scope.kinds)
    framed = any(p.search(question) for p in (PREDICATIVE_GRADE, ATTRIBUTIVE_GRADE, grades.ALL_AREAS,
                                              grades.ANY_AREA))  # ("for any area")
    scope.conditions = grades.conditions(unnamed, areas) if graded or rating_asked or only_grades or framed else []
    if side := grades.side_of_graded_topic(unnamed, scope.conditions):  # ("good marks for community payback")
        scope.conditions, scope.wanted = [], {side}
    scope.jargon = reports_words(without_names(blanked, scope.bodies, kinds=set()))  # ("people leaving prison")
    scope.area = None if re.search(r"\boverall\b", rest, re.I) else areas.of_subject(  # (the reports' words
        (scope.jargon, rest), {stem(w) for w in grades.besides_grades(scope.topic_words)} - RATING - RANKED)  # first)


def without_names(question: str, bodies: list[BodyMatch], years: bool = False, kinds: set[str] | None = None) -> str:
    """The question without the bodies it names, kinds of organisation (only ``kinds``, the named bodies' own,
    when given: "Thames Valley's prison release work" is about prisons) and (unless ``years``) years."""
    for start, end in sorted({(b.start, b.end) for b in bodies}, reverse=True):  # (an owner's bodies share one span)
        question = question[:start] + " " + question[end:]
    for pattern in COUNCIL_KINDS.values() if not bodies else ():  # ("London boroughs": a group, before its nouns)
        question = pattern.sub(" ", question)
    question = without_regions(question) if not bodies else question  # ("the north east": a group of councils)
    for kind, pattern in ORG_TYPES.items():
        if kinds is None or kind in kinds:
            question = pattern.sub(" ", question)
    question = INSPECTORATE_NAMES.sub(" ", question)
    return question if years else YEAR_PHRASE.sub(" ", YEAR_BESIDE.sub(" ", question))  # ("the year before": when)


def proper_names(text: str) -> list[str]:
    """Capitalised words that are not the first of the question, nor grades, months or framing words: the names
    of programmes, models and services it asks about ("the Mockingbird model", "a 'Staying Close' offer")."""
    found: list[str] = []
    joined, kept_to = None, -1  # ("for"/"of" after the last name kept, before a capital; where that name ends)
    for match in re.finditer(r"(?:(?<=[\w,;:'‘\"(] )|(?<=\())['‘\"]?([A-Z][A-Za-z'’-]*)", text):
        word = match.group(1).strip("'’")
        lower = word.lower()
        ahead = JOINED.match(text, match.end())
        if joined is not None and joined.end() == match.start(1) or found and kept_to == match.start(1) - 1 \
                and lower in STOPWORDS and not found[-1].endswith(("'s", "’s")):  # ("Achieving for Children",
            # "Mind of My Own": one name; not "North Yorkshire's No Wrong Door": a name ends at its owner's "'s")
            found[-1] = f"{found[-1]}{text[kept_to:match.start(1)] if joined is None else joined.group(0)}{word}"
        elif len(word) > 1 and not MONTH.fullmatch(lower) and not grades.grade_of(lower) and not DESCRIBED.search(
                lower) and (
                ahead or stem(lower) not in SCAFFOLD | RATING and lower not in STOPWORDS):
            found.append(word)
        else:
            ahead = None
        joined, kept_to = ahead, match.end() if ahead is not None or found and found[-1].endswith(word) else -1
    initials = spelled_out(text)  # ("Mind of My Own (MOMO)": one name, its initials another form of it)
    return [n for n in found if not (n in initials and any(initials[n] == f.lower() for f in found))]


BRACKETED = re.compile(r"\([^()]*\)")
LAST_BEFORE = re.compile(r"\b(?:previous(?:ly)?|prior|preceding|last|latest|most recent)\b", re.I)  # (before a year)
PREAMBLE = re.compile(r"^\W*(?:since|as|given(?: that)?|now that|seeing (?:as|that)|because|knowing(?: that)?)\b[^?,]*,"
                      r"\s*(?=(?:which|what|who|how|where|when|list|name|tell)\b)", re.I)  # ("Since Ofsted started
# giving care leavers their own grade (2023 on), which councils got inadequate for it?": said, not asked)


def about_grades_only(scope: Scope) -> bool:
    """True when every grade the question names is said of the organisations themselves or of a judgement
    area ("which councils were judged inadequate", "had the impact of leaders judged outstanding"), not of a
    topic ("where was Through the Gate work judged good"): then the grades read at ingest answer it."""
    if not scope.conditions:
        return False
    text = without_names(scope.question, scope.bodies, kinds=scope.kinds)
    text = " " * len(preamble.group(0)) + text[preamble.end():] if (preamble := PREAMBLE.match(text)) else text
    text = in_reports_words(without_preamble(text), lambda _: True)  # ("young people leaving care": care leavers;
    # "I'm looking for ...": who asks)
    for frame in (grades.ALL_AREAS, grades.ANY_AREA, grades.REPEATED, BRACKETED):  # (of every area, some area; how
        text = frame.sub(" ", text)  # often; the areas listed in brackets: "all four standards (assessment, ...)")
    areas = {stem(w) for c in scope.conditions if c.area for w in content_words(c.area)}
    framing = SCAFFOLD | RATING | COUNTED | areas | GRADES_FRAME | (AREA_FRAME if areas else BODY_FRAME) | (
        LIST_SCAFFOLD if scope.kind == "list" else set())
    mentions = list(grades.GRADE_MENTION.finditer(text)) or [re.search(r"$", text)]
    start = 0
    for mention in mentions:
        before = re.split(r"\b(?:but|and|while|whereas|or)\b", text[start:mention.start()])[-1]
        residue = [w for w in content_words(before) if stem(w) not in framing and not grades.grade_of(w)
                   and not w.isdigit() and not negates(w.lower())]  # ("weren't rated good": a grade denied)
        if residue:
            return False
        start = mention.end()
    return True

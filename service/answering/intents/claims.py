"""Which of the grades, dates and names read at ingest (metadata claims) a question asks for: for a grade, the
judgement area asked about (named, or meant in other words), else the overall grade; none when the question names
something no grade is given for."""

from __future__ import annotations

import re

from ingest.models import GRADES, ReportMeta
from service.answering import grades
from service.answering.areas import area_key
from service.answering.asks import AREA_ASKED, EXTREME_AREA, WHO, areas_yes_no, grades_wanted
from service.answering.compose import NOT_IN_REPORTS, CitationBook
from service.answering.evidence import LEAD_ASKED, SOURCE, Claim, Evidence, label
from service.answering.intents.reading import rating_told
from service.answering.scope import RATING, Scope
from service.answering.text import stem, words
from service.answering.tools import Tools
from service.answering.verdict import is_absence
from service.schemas import Answer

NEAR_AREA = 0.35       # (cosine) an area this near the words a grade is asked for leads before the overall grade
AREA_WORDS = {stem(w) for w in "area areas aspect aspects part parts bit bits section sections".split()}  # no topic
BODY_KIND = re.compile(r"(?:['’]s)?\s+(?:probation\s+|children['’]?s\s+)?(?:compan(?:y|ies)|providers?|crcs?|"
                       r"councils?|services?|trusts?|divisions?|social\s+(?:care|services))\b", re.I)  # what it is
OVERALL_ASKED = re.compile(r"\b(?:rated|graded|judged|rating|grade)\s+overall\b|"  # (not "apart from overall
                           r"\boverall\s+(?:effectiveness\s+)?(?:grade|rating|judge?ment)\b", re.I)  # ..., which area")
LISTED = re.compile(r"\s*(?:,|&|\band\b|\bplus\b|\bas well as\b)\s*", re.I)  # areas listed
ABOVE = {"higher", "better", "above", "stronger"}
BESIDE_OVERALL = re.compile(r"\b(higher|better|above|stronger|lower|worse|below|weaker)\s+(?:than\s+)?(?:the\s+|its\s+|"
                            r"their\s+)?overall\b", re.I)  # an area graded otherwise than overall
GRADE_STATED = re.compile(r"\b(?:is|was|are|were|been|be|remains?|judged|rated|graded)\s+(?:(?:to\s+be|as)\s+)?"
                          r"(?:good|outstanding|inadequate|requires?\s+improvement)\b", re.I)  # a sentence's grade
ANY_GOOD_OF = re.compile(r"^\W*(?:is|are|was|were)\s+(.+?)\s+any\s+good\b", re.I)  # ("were the bosses any good?")
GRADED_FOR = re.compile(r"\b(?:for|on|in terms of)\s+((?:[\w'’-]+\s+){0,11}[\w'’-]+)\W*$", re.I)  # what a grade is for


def area_graded(tools: Tools, scope: Scope) -> list[Evidence]:
    """The grade of the judgement area a finding is asked about in one report ("what did they say about care
    leavers there?": its care leavers grade first), else none."""
    if scope.area is None or len(scope.report_ids) != 1:
        return []
    return [c.evidence for c in tools.claims(scope.report_ids) if c.answers == "grade" and c.area is not None
            and area_key(c.evidence.meta, scope.area, tools.areas) == c.area][:1]


def no_grade(tools: Tools, scope: Scope) -> str:
    """Why a grade asked of a body's reports is not given, when none of them gives one (else that they are silent)."""
    metas = _ungraded_asked(tools, scope)
    return _none_given(metas, [rating_told(tools, m) for m in metas]) if metas else NOT_IN_REPORTS


def _ungraded_asked(tools: Tools, scope: Scope) -> list[ReportMeta]:
    """The reports in scope when their overall grade is asked of a body named and none of them gives one."""
    metas = [tools.library.reports[r] for r in scope.report_ids]
    asked = scope.answer_type == "grade" and scope.area is None and scope.bodies
    return metas if asked and not any(m.overall for m in metas) else []


def _none_given(metas: list[ReportMeta], told: list[Evidence | None]) -> str:
    """That the reports give no overall grade, or (one says its sources do not state it) that they do not state
    one: not given none, not told."""
    several, named = len(metas) > 1, f"The {' and '.join(map(label, metas))} report"
    if any(ev and is_absence(ev.quote) for ev in told):
        return f"{named}{'s do' if several else ' does'} not state an overall grade."
    return f"{named}{'s give' if several else ' gives'} no overall grade."


def graded_none(tools: Tools, scope: Scope, book: CitationBook, session_id: str) -> Answer | None:
    """"london crc 2018 rating?" of a report given no grade that says so ("London CRC was not given an overall
    rating, because it was inspected before ..."): that answer, citing it; None when a report in scope is graded
    or does not say why (the sources "do not state the overall rating": nothing is answered)."""
    if not (metas := _ungraded_asked(tools, scope)):
        return None
    told = [rating_told(tools, m) for m in metas]  # (each read once)
    if not all(ev and not is_absence(ev.quote) for ev in told) or None in (cited := [book.cite(ev) for ev in told]):
        return None
    said = " ".join(f"{ev.quote} [{n}]" for ev, n in zip(told, cited))
    unrated = _none_given(metas, told)
    return Answer(answer=f"{unrated} {said}", abstained=False, session_id=session_id, citations=book.citations)


OTHER_VISIT = re.compile(r"\b(?:focused|monitoring|assurance|home|statutory)\s+(?:assurance\s+)?visits?\b", re.I)
THE_VISIT = re.compile(r"\b(?:the|its|their|this|that|last|latest|recent|(?:19|20)\d\d|autumn|spring|summer|winter)\s+"
                       r"(?:[\w-]+\s+){0,2}?visit\b", re.I)  # a visit that is the inspection, by when it was


def area_asked(tools: Tools, scope: Scope) -> tuple[list[str], dict[str, float], str | None]:
    """The words a grade question asks of besides its frame, each judgement area's nearness to them, and the area
    they mean: by meaning before a name sharing one word ("young adults who have left care" is care leavers, not
    "Outcomes for looked after children and young people"), else the one the question names."""
    the_visit = {"visit"} if THE_VISIT.search(scope.question) else set()  # ("after the autumn 2021 visit": the
    other = [w for w in grades.besides_grades(scope.topic_words) if stem(w) not in RATING | grades.NOT_A_TOPIC
             | AREA_WORDS | the_visit and w.lower() not in grades.NUMBERS]  # inspection; "rated two years before":
    # when, not what; "requires improvement": a grade)
    said_for = GRADED_FOR.findall(SOURCE.sub(" ", scope.question))  # ("rated for young people who left care")
    near = tools.area_nearness([" ".join(other), *said_for, *filter(None, [scope.jargon])]) if other else {}
    return other, near, tools.area_meant(near) or scope.area


def ungraded_quality(tools: Tools, scope: Scope, other: list[str], area: str | None) -> bool:
    """"Were the bosses any good at X?": how good something no report in scope grades is, asked as a finding (its
    leaders were strong), not a grade; "is X any good?" asks how X was rated (``other``, ``area``: what
    ``area_asked`` read of the question)."""
    if not (said := ANY_GOOD_OF.match(scope.question)):
        return False
    if not {stem(w) for w in words(said.group(1))} & {stem(w) for w in other}:
        return False  # (the body itself, or its grade: "was X's rating any good?")
    return not area or not any(area_key(tools.library.reports[r], area, tools.areas) for r in scope.report_ids)


def claims_asked(tools: Tools, scope: Scope) -> list[Claim]:
    """The metadata claims that can answer: of the kind asked; for a grade, only the judgement asked about
    (the area named, else the overall grade; none when the question names something no grade is given for)."""
    if scope.answer_type == "date" and OTHER_VISIT.search(scope.question):
        return []  # ("when were the focused visits before its 2021 inspection?": not when it was inspected)
    said = words(SOURCE.sub(" ", _unnamed(scope)))  # ("according to the 2019 inspection": not asked)
    asked = {stem(w) for w in said} | set(said)
    if WHO.match(scope.question) and "inspect" in asked:  # "who inspected X", "who did the inspection": its lead
        asked |= {"lead"} | (set() if asked & LEAD_ASKED else {"inspectorate"})  # inspector (or, when
        # none is named, its inspectorate; not when a lead is asked for: "who was the lead inspector?")
    only = {stem(w) for w in scope.topic_words}  # "who led it?": nothing asked but the role (it: the inspection)
    claims = [c for c in tools.claims(scope.report_ids) if c.answers == scope.answer_type
              and (not c.asked_by or c.asked_by & asked)
              and (not c.also_by or c.also_by & asked or bool(only) and only <= c.asked_by)]
    if scope.answer_type != "grade":
        return claims
    if len(listed := areas_listed(tools, scope.question)) >= 2:  # ("what grades did adoption and leadership get?")
        chosen = [c for a in listed for c in claims if c.area is not None
                  and area_key(c.evidence.meta, a, tools.areas) == c.area]
        return list({id(c): c for c in chosen}.values())  # (once each: "children in care and care leavers" name
        # one judgement in its two parts)
    if beside := BESIDE_OVERALL.search(scope.question):  # ("which area was rated higher than the overall grade?")
        return [c for c in claims if c.area is not None and _beside_overall(c, beside.group(1).lower())]
    other, near, area = area_asked(tools, scope)
    named = [c for c in claims if c.area is not None and area_key(c.evidence.meta, area, tools.areas) == c.area]
    if named or area is not None and not other:
        return named
    which_area = AREA_ASKED.search(scope.question) or EXTREME_AREA.search(scope.question)
    if other and not which_area and _graded_in_text(tools, scope, other):
        return []  # ("what grade did the safeguarding board get?": "The effectiveness of the LSCB is good")
    overall = [c for c in claims if c.area is None]
    if (over := areas_yes_no(scope.question)) and (areas := [c for c in claims if c.area is not None]):
        return _areas_answering(areas, grades.asks_yes_no_grade(scope.question), over)
    if OVERALL_ASKED.search(scope.question) or grades.asks_yes_no_grade(scope.question):
        return overall  # ("rated overall": asked, whatever else is said; "was it rated good?": overall)
    if not (other or which_area):  # "how was X rated in 2019": of one report, its overall grade, then the others
        return overall + [c for c in claims if c.area is not None] * (len(scope.report_ids) == 1)
    given = [grades.grade_for(c.evidence.meta, c.area) for c in claims if c.area is not None]
    wanted = grades_wanted(scope.question, scope.conditions, given) if which_area else set()  # "which area was
    if which_area or any(near.get(c.area or "", 0.0) >= NEAR_AREA for c in claims):  # inadequate?" (or "not good"):
        return sorted(claims, key=lambda c: (grades.grade_for(c.evidence.meta, c.area) not in wanted,  # it first
                                             bool(wanted) and c.area is None, _breakdown_order(c, near)))
    return []  # a grade for what no judgement is near ("for Through the Gate", "at their next inspection")


def _areas_answering(areas: list[Claim], asked: str | None, over: str) -> list[Claim]:
    """The judgements that answer a yes/no question over a report's areas: those graded as asked ("did X get
    outstanding for anything?"), or those not ("any part they didn't get good for?"; "good for every area?":
    the exceptions); every judgement when none is."""
    matching = [c for c in areas if grades.grade_for(c.evidence.meta, c.area) == asked]
    return (matching if over == "any" else [c for c in areas if c not in matching]) or areas


def areas_listed(tools: Tools, question: str) -> list[str]:
    """The judgement areas a question lists ("adoption and leadership", "help and protection, care leavers"), in
    its order; one or none when it lists no more."""
    pieces = LISTED.split(SOURCE.sub(" ", question))
    found = [tools.areas.best(piece) for piece in pieces]
    return list(dict.fromkeys(a for a in found if a))


def _beside_overall(claim: Claim, side: str) -> bool:
    """True when the judgement's grade is above (or, asked, below) the report's overall grade."""
    meta, given = claim.evidence.meta, grades.grade_for(claim.evidence.meta, claim.area)
    if given is None or meta.overall is None:
        return False
    above = GRADES.index(given) < GRADES.index(meta.overall)  # (GRADES runs from outstanding down)
    return above if side in ABOVE else GRADES.index(given) > GRADES.index(meta.overall)


def _breakdown_order(claim: Claim, near: dict[str, float]) -> tuple[int, float]:
    """Every grade, when a judgement is asked in words that name no area ("how was X graded for its work with
    youngsters", "which area was not outstanding"): the areas near the words asked (nearest first), the overall
    grade, the areas graded otherwise than overall, the rest."""
    if claim.area is None:
        return 1, 0.0
    if near.get(claim.area, 0.0) >= NEAR_AREA:
        return 0, -near[claim.area]
    meta = claim.evidence.meta
    return 2 + (grades.grade_for(meta, claim.area) == meta.overall), 0.0


def _unnamed(scope: Scope) -> str:
    """The question without the bodies it names and the kind of body each is said to be ("who was the chief
    executive of Merseyside probation company": "company" names Merseyside CRC, it does not ask for an owner)."""
    text = scope.question
    for start, end in sorted({(b.start, b.end) for b in scope.bodies}, reverse=True):  # (an owner's share a span)
        kind = BODY_KIND.match(text, end)
        text = text[:start] + " " + text[kind.end() if kind else end:]
    return text


def _graded_in_text(tools: Tools, scope: Scope, other: list[str]) -> bool:
    """True when a sentence of the reports in scope holds every word a grade is asked for (not those saying which
    report: "in the 2014 review") and states a grade: what the report grades besides its judgement areas ("The
    effectiveness of the Local Safeguarding Children Board (LSCB) is good")."""
    corpus, said = tools.library.text, set(words(SOURCE.sub(" ", scope.question)))
    columns = corpus.columns(" ".join(w for w in other if w in said))
    if not columns:
        return False
    rows = tools.rows(scope.report_ids)
    held = rows[corpus.holding(columns, rows) == len(columns)]
    return any(GRADE_STATED.search(corpus.sentence(int(row))[4]) for row in held)

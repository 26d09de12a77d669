"""What one turn of a conversation leaves for the next: the reports and bodies it answered about, its year and
grade, and the names its quotes give that are not bodies of the index ("that company" in the next turn)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from service.answering.dates import GRADE_BEFORE, YEAR
from service.answering.mentions import BodyMatch, BodyNames
from service.answering.organisations import body_label, org_types_named
from service.answering.parts import APPENDIX
from service.answering.text import ENTITY, MONTH

THAT_COMPARED = re.compile(r"^\W*(?:and\s+|so\s+)?(?:how\s+(?:does|did|do|is|was)\s+(?:that|this|it|those|these)\s+"
                           r"(?:compare|stack up|measure up)|compare\s+(?:that|this|it|those|these)|"
                           r"(?:is|was|are|were)\s+(?:that|this|it|those|these)\s+(?:any\s+|much\s+)?(?:more|less|"
                           r"higher|lower|bigger|smaller|larger|fewer|better|worse)\s+than)\b", re.I)  # ("was that
# more than essex?" of the figure just given)
CHANGE_ASKED = re.compile(r"\b(better|worse|compar\w*|improv\w*|declin\w*|chang\w*|differ\w*|progress\w*|same|"
                          r"sorted|fixed|resolved|addressed|tackled|sustain\w*|maintain\w*|"
                          r"(keep|kept) (it|that|this|those) up)\b", re.I)
LAST_DONE = re.compile(r"\b(?:last|previously|prior)\b(?=\s+(?:been\s+)?(?:inspected|visited|looked at|checked|"
                       r"rated|judged|graded)\b)", re.I)  # ("when had it last been inspected before that?")
SOME_YEARS = r"(?:a (?:couple|few) of|two|three|four|five|six|\d) years"  # ("and two years later?": the next report)
EARLIER_REPORT = re.compile(GRADE_BEFORE + r"|"  # ("what was the previous grade?")
                            r"\b(previous|earlier|prior|preceding|former|last)\s+(full\s+)?(inspection|report|visit)\b|"
                            r"\b(previous|earlier|prior|preceding|former)\s+one\b|"
                            r"\b(one|inspection|report|time) before( that| it| this)?\b|\bbefore that\b|"
                            r"(?<!in the )(?<!during the )(?<!over the )(?<!within the )\byear before( that| it| this)?\b|"
                            r"\b(a|the) (year|time) (earlier|previously)\b|\bthe (previous|prior) (year|time)\b|"
                            rf"\b{SOME_YEARS} (earlier|before)\b|\bthan (before|previously|last time)\b|"
                            r"\b(with|to|against|from) (the )?last (time|one)\b|"
                            r"\b(like|do|did|doing|rated|go|get on) before\W*$", re.I)  # ("what was it like before?")
LATER_REPORT = re.compile(r"\b(next|following|subsequent|later)\s+(full\s+)?(inspection|report|visit|one)\b|"
                          r"\b(one|inspection|report|year|time) after( that| it| this)?\b|\bafter that\b|"
                          r"\b(a|the) (year|time) later\b|\bthe (next|following) (year|time)\b|\bnext time( round)?\b|"
                          rf"\b{SOME_YEARS} (later|after|on)\b|\b(went|came|go|going|come|coming) back\b|"
                          r"\b(returned|revisited|re-?inspected|re-?visited)\b|\bsecond (time|inspection|visit)\b",
                          re.I)  # ("and when they went back?", "when inspectors returned")
BOTH_TIMES = re.compile(r"\b(both|each|the two) (times|inspections|reports|visits|years)\b|\bboth of (them|those)\b|"
                        r"\b(each|both) time\b", re.I)
ORDINALS = {"first": 0, "second": 1, "third": 2, "fourth": 3, "fifth": 4, "last": -1, "1st": 0, "2nd": 1, "3rd": 2}
NTH = re.compile(r"(?<!since )(?<!before )(?<!after )(?<!than )(?<!from )"  # ("since the last one": a time)
                 r"\bthe (first|second|third|fourth|fifth|last|1st|2nd|3rd) (?:one|council|crc|provider|authority|"
                 r"organisation|company|area|body)\b(?!\s+(?:to|that|which|who|with|in|of|ever)\b|"
                 r"\s+(?:rated|judged)\b(?!\s+(?:that|so|this|like\s+that)\b))", re.I)
# (not "the first CRC to get that rating", "the first one rated good": a superlative; "why was the first one rated
# that?" picks it)
NOT_ENTITIES = re.compile(r"^(HM|His|Her|The|CRC|NPS|Ofsted|Inspectorate|Probation|Overall|Owner|Published|Page|Requires|"
                          r"Good|Outstanding|Inadequate|Summary|Lead|Inspected|Fieldwork|Like)\b")


@dataclass
class Context:
    """What one turn leaves for the next."""

    resolved: str = ""
    report_ids: list[str] = field(default_factory=list)
    bodies: list[str] = field(default_factory=list)
    mentions: list[str] = field(default_factory=list)
    years: list[int] = field(default_factory=list)
    grade: str | None = None
    entities: list[str] = field(default_factory=list)
    earlier: list[str] = field(default_factory=list)  # the bodies this turn put another in place of ("and Surrey?")
    before: list[str] = field(default_factory=list)   # the reports the turn before this one answered about
    listed: list[str] = field(default_factory=list)   # the list this turn picked its body from ("the second one")


def entities_in(quotes: list[str], names: BodyNames) -> list[str]:
    """Names of organisations or people in an answer's quotes that are not report bodies (for "that company")."""
    found: dict[str, None] = {}
    for quote in quotes:
        for body in reversed(names.find(quote)):
            quote = quote[:body.start] + " " * (body.end - body.start) + quote[body.end:]
        for match in ENTITY.finditer(quote):
            name = match.group(0)
            opens = match.start() == 0 and match.end() < len(quote.rstrip(" ."))  # (not a quote that is only the
            if opens or NOT_ENTITIES.match(name) or MONTH.fullmatch(name) or names.find(name):  # name: "MTCnovo")
                continue
            found.setdefault(name, None)
    return list(found)[:3]


# --- the reports of the conversation ---
def bodies_reports(report_ids: set[str], names: BodyNames) -> set[str]:
    """All the reports of the bodies ``report_ids`` are of (what "it" is after an answer citing one body's report:
    "what other CRC did MTCnovo run, and how was it rated in 2019?")."""
    bodies = {body_label(m) for m in names.reports if m.report_id in report_ids}
    return {m.report_id for m in names.reports if body_label(m) in bodies}


def two_turns_reports(previous: Context, names: BodyNames) -> set[str]:
    """The reports of one body the last two turns answered about ("X in 2024?", "what about 2020?"), when they
    differ: what "compare them" compares (else empty)."""
    body = {m.report_id: body_label(m) for m in names.reports}
    both = set(previous.before) | set(previous.report_ids)
    same = len(previous.bodies) == 1 and all(body.get(r) == previous.bodies[0] for r in both)
    return both if same and set(previous.before) - set(previous.report_ids) else set()


def both_times(text: str, previous: Context, names: BodyNames) -> set[str]:
    """The reports of one body the last two turns answered about, when a follow-up asks of "both times" ("what
    rating did it get both times?" after "X in 2018?" "and in 2020?"); else empty."""
    return two_turns_reports(previous, names) if BOTH_TIMES.search(text) else set()


def report_beside(previous: Context, names: BodyNames, later: bool):  # noqa: ANN202 (ReportMeta | None)
    """The report published just before (``later``: just after) the report the previous answer led with, of the
    first of its bodies that has one (an answer citing London CRC and the London NPS division, 2018: "the year
    after" is London CRC's 2019 report, the division having none; "how is X rated now?" lists every inspection,
    the latest first: "the one before that" is the one before the latest)."""
    for lead in led_with(previous, names):
        body = body_label(lead)
        same = [m for m in names.reports if body_label(m) == body and m.published]
        if later and (after := [m for m in same if m.published > lead.published]):
            return min(after, key=lambda m: m.published)
        if not later and (before := [m for m in same if m.published < lead.published]):
            return max(before, key=lambda m: m.published)
    return None


def led_with(previous: Context, names: BodyNames) -> list:  # list[ReportMeta]
    """Of each body the previous answer cited (in the order cited), the dated report it cited first."""
    order = {report_id: i for i, report_id in enumerate(previous.report_ids)}
    cited = sorted((m for m in names.reports if m.report_id in order and m.published), key=lambda m: order[m.report_id])
    return list({body_label(m): m for m in reversed(cited)}.values())[::-1]


def asked_beside(text: str, previous: Context, names: BodyNames) -> tuple[str, set[str]] | None:
    """The question and reports a follow-up asks of the report after (before) the one just cited, of one body,
    naming no body or year ("did things get better the next time they looked?": that report, with the one
    before it when a change is asked); when there is none, why not, and no reports."""
    later = bool(LATER_REPORT.search(text))
    if not (later or EARLIER_REPORT.search(text)) or YEAR.search(text) or len(set(previous.bodies)) != 1 \
            or {b.body for b in names.find(text)} - set(previous.bodies):  # ("which of them were still RI at their
        # next inspection?": a list; "did Bolton do better the time before?" after Leeds; not Islington after Islington)
        return None
    if (other := report_beside(previous, names, later)) is None:
        if not later and CHANGE_ASKED.search(text):  # ("better than the time before?" of its only report)
            return f"{text.rstrip(' ?')} ({previous.bodies[0]})?", set(previous.report_ids)
        return f"no {'later' if later else 'earlier'} report of that body in this index", set()
    if that := THAT_COMPARED.match(text):  # ("how does that compare with the previous inspection?": what was
        text = f"{APPENDIX.sub('', previous.resolved).rstrip(' ?.')} compared{text[that.end():]}"  # asked then)
    before = [m for m in led_with(previous, names) if body_label(m) == body_label(other)]
    both = [*before, other] if CHANGE_ASKED.search(text) else [other]
    years = " and ".join(sorted({str(m.published.year) for m in both}))
    text = re.sub(GRADE_BEFORE, r"\1", text, flags=re.I)  # ("the previous grade" is that report's grade)
    if len(both) == 1 and not later:  # ("what had it been rated at the previous full inspection?": that report
        text = LAST_DONE.sub(" ", EARLIER_REPORT.sub(" ", text))  # is chosen; its words ask no grade before it,
        # nor "when had it last been inspected before that?" the inspection before that report)
    return f"{text.rstrip(' ?')} ({body_label(other)}, {years})?", {m.report_id for m in both}


def change_of(previous: Context, names: BodyNames) -> str:
    """The question "what changed?" asks of one body: between the reports the last two turns (or the last one)
    answered about, else over all its reports."""
    body = previous.bodies[0]
    asked = two_turns_reports(previous, names) or set(previous.report_ids)  # ("... and in 2016?" "what changed?")
    years = sorted({m.published.year for m in names.reports if m.report_id in asked and m.published})
    if len(years) >= 2:
        return f"how did {body} change between {years[0]} and {years[-1]}?"
    return f"how has {body} changed over time?"


def picked_again(asked: str | None, previous: Context) -> str | None:
    """The body "the second one", "the last one" picks from the list the previous turn picked its body from ("what
    about the second one?" after "why was the first one rated that?"); None when it picks none."""
    nth = NTH.fullmatch((asked or "").strip(" ?")) if previous.listed else None
    pick = ORDINALS[nth.group(1).lower()] if nth else len(previous.listed)
    return previous.listed[pick] if pick < len(previous.listed) else None


TRAILING = re.compile(r"\s*\([^()]*\)\s*$")  # what a follow-up was completed with: "(Dudley)"


def as_question(rest: str) -> str:
    """A fragment ("care leavers in Leeds") as a question of its own."""
    asked = re.match(r"^(what|how|who|which|where|when|why|did|does|do|is|was|were)\b", rest, re.I)
    return rest.rstrip("?") + "?" if asked else f"What did the reports say about {rest.rstrip('?')}?"


def strip_appendix(text: str) -> str:
    return TRAILING.sub("", text)


def swap_bodies(text: str, mentions: list[str], new: str) -> str:
    """The question with the first body it mentions replaced by ``new`` (or asked "for" it)."""
    for mention in sorted(mentions, key=len, reverse=True):
        if mention and mention in text:
            return text.replace(mention, new, 1)
    return f"{text.rstrip(' ?')} for {new}?"


def swap_years(text: str, years: list[str]) -> str:
    """The question with its year replaced by ``years[0]`` (or asked "in" it)."""
    return YEAR.sub(years[0], text, count=1) if YEAR.search(text) else f"{text.rstrip(' ?')} in {years[0]}?"


def there_named(text: str, bodies: list[str]) -> str:
    """"There" after a kind of body ("what about the nps there?" after London CRC) as the place the body just
    asked about is named for: "the nps in London"."""
    there = THERE_LAST.search(text)
    if not (bodies and there and org_types_named(text[:there.start()])):
        return text
    return f"{text[:there.start()]}in {BODY_KIND_WORDS.sub('', bodies[0]).strip()}{text[there.end():]}"


THERE_LAST = re.compile(r"\bthere\b(?=\W*$)", re.I)  # (not "is there a report on ...")
BODY_KIND_WORDS = re.compile(r"\b(?:CRC|NPS|division|Community Rehabilitation Company|National Probation Service)\b",
                             re.I)  # (the kind in a body's name: "London CRC" is London's)


HOW_MANY_THAT = re.compile(r"^\s*(and\s+)?(so\s+)?how many (is|are|was|were) (that|those|these|there|they)"
                           r"( in (total|all))?\s*\??\s*$", re.I)
WHICH_ONES = re.compile(r"^\s*(and\s+)?(so\s+)?(which|what|who)(\s+(ones?|were|are|was|is)(\s+(they|those|these|"
                        r"it|them))?|\s+(of\s+them|ones))?\s*\??\s*$|^\s*(name|list)\s+(them|those|these)\b",
                        re.I)  # ("were any rated good?" "which ones?": the same, listed)
SOME_ASKED = re.compile(r"^\s*(how many|(were|are|was|is|did|do|does|have|has|had)\s+(there\s+)?any)\b", re.I)


def compared_with(asked: str, body: BodyMatch, text: str) -> str:
    """The question just asked, of the body named beside the ones it was asked of ("How many cases were officers
    carrying in 2020 (DLNR CRC) compared with Staffordshire and West Midlands?")."""
    tail = f" {appendix.group(0).strip()}" if (appendix := TRAILING.search(asked)) else ""
    return f"{strip_appendix(asked).rstrip(' ?.')} compared with {text[body.start:body.end]}{tail}?"


def as_named(text: str, body: BodyMatch) -> str:
    """The body as ``text`` names it; by its label when the kind that chose it is not beside its name ("the NPS in
    london": London NPS division)."""
    named = text[body.start:body.end]
    return body.body if org_types_named(body.body) - org_types_named(named) and org_types_named(text) else named

"""How well a sentence fits the kind of answer asked: a number for "how many", a date for "when", a grade for
"how was it rated", a name for "who" or "which team", a sentence saying which is most for "the most"; and, a thing's
name asked, the sentence that names one first ("the club's name": the ranking found the passage, the name is a few
sentences on)."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from service.answering import grades
from service.answering.asks import WHO
from service.answering.evidence import Evidence
from service.answering.places import places_matched
from service.answering.text import (CLAUSE_WORDS, FREQUENCY, IN_BRACKETS_AFTER, KIND_WORDS, MONTH, NONE_OF,
                                   counted_asked, has_date, has_number, quantities, stems, unit_of, words)
from service.answering.thing_names import UNIT, names_a_thing
from service.answering.verdict import leaning
from service.terms import STOPWORDS

if TYPE_CHECKING:
    from service.answering.rank import Question
    from service.answering.tools import Tools

TYPED_READ = 5        # the best sentences of which one must hold the kind of answer asked (a number, a date ...)
MOST = re.compile(r"\b(highest|largest|biggest|greatest|heaviest|worst|best|lowest|fewest|poorest|weakest|"
                  r"strongest)\b|\bthe (most|least)\b(?!\s+(recent|recently|latest)\b)", re.I)  # which is most
MOST_WITHIN = 0.5     # (z-score units) below the best, a sentence saying which is most that still leads
KINDS_ASKED = re.compile(r"\b(?:what|which)\s+(?:kinds?|types?|sorts?|range|forms?)\s+of\b|\bwhat\s+(?:[\w-]+\s+)?"
                         r"(?:support|services|help|provision|interventions|programmes|courses|activities)\s+"
                         r"(?:did|does|do|was|were|is|are|had|has|have)\b", re.I)  # ("what specialist support did
# X offer?": what it lists)
ENUMERATION = re.compile(r",\s+[^,]+,\s+[^,]+?,?\s+(?:and|or)\s+\w")  # ("housing, substance misuse, women and
# veterans")
NAME_READ = 10        # a name asked: the sentences read for one that names a thing
OTHER_QUANTITY = 0.5  # the fit of a figure of another kind than asked (a share for "how many")
UNSUBSTITUTED = ("money", "duration")  # ... but no other figure is a sum of money or a span of time ("how many
# hours of unpaid work": not "69% of the staff")
COMMON_NAME = 0.5     # the fit of a name many sentences use ("Police", "University") when a name is asked
PLACES = 2            # the places a sentence names to tell those a body covers
SIDE_READ = 30        # (the sentences read for their side: those the answer may tell)
SIDE_NEAR = 1.0       # (z) how near the best a sentence not leaning from the side asked leaves out the other side
A_NAME = 0.5          # ... and of any name that names no thing, when a thing's name is asked ("the team called?")
W_TYPE = 1.0          # the ranking's weight for a sentence holding the kind of answer asked (a number, a name ...)
COUNTS_READ = 6       # a count asked: the best sentences whose counts are checked for counting what is asked
CLAUSE_READ = 10      # a count asked: the best sentences read for the one whose figure's own words say it best
CLAUSE_LEADS = 0.1    # ... by this cosine more than the best's ("235 children are being looked after" for "kids in
                      # care", before "2,343 children had been identified ... as in need")
AT_INSPECTION = re.compile(r"\bat the time of (?:the |this |its )?inspection\b|\bcurrently\b|\bat present\b", re.I)
PAST_FRAMED = re.compile(r"^\W*(?:a year ago|last year|previously|formerly|(?:a|one|two|three|\d+) years? (?:ago|"
                         r"earlier)|at the (?:last|previous) inspection)\b", re.I)  # (what a figure was)
NOW_WITHIN = 2.0       # a figure asked as at the inspection: ranked within this of a best that tells what it was
CLAUSE_WITHIN = 0.8   # ... and ranked within this (z-score units) of the best
NAME_RUN = re.compile(r"\b[A-Z][\w&-]*(?:\s+(?:and\s+|of\s+)?[A-Z][\w&-]*)+(?:['’]s)?\s*")  # ("Tees Valley CRC's")
CLAUSE_ALONE = 0.5    # (the nearness a best that states no such count is taken to have)
DESCRIBED = re.compile(rf"\b((?:[a-z][\w'’-]*\s+){{1,3}})({UNIT})\b")  # "the complex safeguarding team"
THING_ASKED = re.compile(rf"\b{UNIT}\b", re.I)  # a thing's name asked: a club's, a team's, a scheme's
NAME = re.compile(r"\b[A-Z][\w'’-]*")
PERSON_NAME = re.compile(r"\b[A-Z][a-z][\w'’-]*\s+(?:[A-Z]\.\s*)?[A-Z][a-z][\w'’-]*")  # a forename and surname,
# not an office ("the Secretary of State appointed a commissioner") nor a body's initials ("DfE")
PERSON_ROLES = (r"inspector|executive|director|chair|chairman|chairwoman|chairperson|leader|manager|head|minister|"
                r"secretary|officer|member|commissioner|mayor|councillor|worker|coordinator|consultant|advis[eo]r|"
                r"practitioner|president|principal|headteacher|governor|trustee|champion|dcs")  # a person's role
PERSON_ASKED = re.compile(rf"\b(?:{PERSON_ROLES})s?\b", re.I)  # ("who is the chief executive?", not "who runs it?")
OFFICES = set("""secretary state minister lord chair chief director executive inspector member lead officer head
    commissioner mayor councillor principal assistant deputy corporate strategic senior service services council
    board trust partnership court department""".split())  # ("the Under Secretary": words few sentences use)
LEADING_MARKS = re.compile(r"^[^\w‘“'\"]+")  # a bullet or space before the first word: the first word opens it
CEASED = re.compile(r"\b(?:ceased to be|no longer|stopped being|left care)\b", re.I)  # a figure of those who left
NAMING = re.compile(r"\b(?:known as|called|named|entitled|branded)\b|[‘“\"'][^‘’“”\"']{3,60}[’”\"']")


def fits(ev: Evidence, question: Question, rare: Callable[[str], bool] = lambda w: True) -> float:
    """1 when the evidence holds the kind of thing asked for (0 when it does not, or nothing is asked; a figure
    of another kind than the one asked, ``OTHER_QUANTITY``); a name asked for is one few sentences use
    ("Shield", "KRATOS"; a common one, "Police", ``COMMON_NAME``), and a person ("who is ...") only such a name,
    not a title ("the Chief Executive", "Lead Member")."""
    kind, text = question.answer_type, LEADING_MARKS.sub("", ev.quote)
    if kind is None:  # (a finding: when the most is asked, one that says which is most: "the highest ... seen")
        return float(question.superlative and ev.kind == "sentence" and bool(MOST.search(text)))
    if ev.kind == "absence":
        return 0.0
    if ev.kind != "sentence":
        return float(ev.kind == kind)
    if kind == "number":
        if CEASED.search(text) and not CEASED.search(question.text):
            return OTHER_QUANTITY * has_number(text)  # ("105 children ceased to be looked after": not how many
            # were in care; "could no longer be run by the council" holds no figure at all)
        kind = question.figure  # "how many children": a count, more than "21%" or "a quarter"
        if kind in (None, "count") and NONE_OF.search(text):
            return 1.0  # ("operates no children's homes": none)
        return 1.0 if has_number(text, kind) else OTHER_QUANTITY * (kind not in UNSUBSTITUTED and has_number(text))
    if kind == "date":
        return float(has_date(text))
    if kind == "grade":
        return float(bool(grades.GRADE_MENTION.search(text)))
    if kind == "frequency":
        return float(bool(FREQUENCY.search(text)))
    if kind == "place":  # (besides the places in the body's own name: "Durham Tees Valley CRC")
        own = re.compile("|".join(map(re.escape, filter(None, [ev.meta.body, *ev.meta.body_aliases]))) or "$^")
        return float(len(places_matched(own.sub(" ", text))) >= PLACES)
    asked, who, thing = {w.removesuffix("'s") for w in words(question.text)}, bool(WHO.match(question.text)), \
        asks_thing(question)
    if names_a_thing(text, asked, rare) if thing else not who and NAMING.search(text):  # "the Sunrise team",
        # "known as ..." (a quotation names no person: "said that Leeds has placed it 'right at the top'")
        return 1.0
    if who and PERSON_ASKED.search(question.text):
        return float(any(_a_person(words(m.group(0)), asked, rare) for m in PERSON_NAME.finditer(text)
                         if m.start() > 0))
    names = [w for m in NAME.finditer(text) if m.start() > 0 for w in words(m.group(0))[:1]]
    names = [w for w in names if w not in asked and not MONTH.fullmatch(w) and not grades.grade_of(w)]
    if any(rare(w) for w in names) or thing and _described(text, question.text, asked):
        return A_NAME if thing else 1.0
    return COMMON_NAME * bool(names) * (A_NAME if thing else 1.0)


def _a_person(name: list[str], asked: set[str], rare: Callable[[str], bool]) -> bool:
    """True when a forename and surname name someone the question does not: a surname few sentences use, and
    neither word an office's ("Robert Henderson", not "Under Secretary", "Chief Executive")."""
    return not set(name) & (asked | OFFICES) and rare(name[-1].removesuffix("'s"))


def _described(text: str, question: str, asked: set[str]) -> bool:
    """True when the sentence gives the kind of thing asked with words of its own before it ("which team ...?":
    "the complex safeguarding team provides ..."): a description, if no name."""
    kinds = {m.group(0).lower() for m in THING_ASKED.finditer(question)}
    return any(m.group(2).lower() in kinds and set(m.group(1).lower().split()) - asked - STOPWORDS
               for m in DESCRIBED.finditer(text))


def asks_thing(question: Question) -> bool:
    """True when a thing's name is asked ("the club's name", "which scheme"), not a person's ("who ...")."""
    return question.answer_type == "name" and not WHO.match(question.text) and bool(THING_ASKED.search(question.text))


def named_first(ranked: list[Evidence], question: Question) -> list[Evidence]:
    """For a thing's name asked ("the club's name"), when the best sentence names no thing, the best of the first
    ``NAME_READ`` that does first: the ranking found the passage, the name is a few sentences on. (The same for the
    most asked, of a sentence saying which is most; for a person asked, of one naming someone; and for a figure
    asked, of one stating a figure of its kind, when it ranks near the best.)"""
    sentences = [ev for ev in ranked[:NAME_READ] if ev.kind == "sentence"]
    named = next((ev for ev in sentences if ev.fit >= 1.0), None)
    if named is None and sentences and asks_thing(question) and not ranked[0].fit:  # (none named; one described:
        named = next((ev for ev in sentences if ev.fit >= A_NAME), None)         # "the complex safeguarding team")
    near = named is not None and named.score >= ranked[0].score - MOST_WITHIN
    most = question.superlative and near  # ("the most overloaded": "the highest workloads the inspectorate had
    # seen", first, when near the best; so a person's name, "who was the director ...", near a title alone)
    person = near and not ranked[0].fit and bool(WHO.match(question.text)) and question.answer_type == "name"
    figure = near and ranked[0].fit < 1 and question.answer_type == "number"  # (of the kind asked: a count)
    if named is None or not (most or person or figure) and (not asks_thing(question) or ranked[0].fit >= 1):
        return ranked
    return _led_by(named, ranked)


def listed_first(ranked: list[Evidence], question: Question) -> list[Evidence]:
    """For kinds of a thing asked ("what kinds of specialist support did X offer?"), when the best sentence lists
    none, the best of the first ``NAME_READ`` that lists some and says as much of the topic first ("... offered a
    broad range of specialist services, covering housing, substance misuse, women and veterans")."""
    if not KINDS_ASKED.search(question.text) or not ranked or ENUMERATION.search(ranked[0].quote):
        return ranked
    listing = next((ev for ev in ranked[:NAME_READ] if ev.kind == "sentence" and ev.covered > 0
                    and ev.covered >= ranked[0].covered and ENUMERATION.search(ev.quote)), None)
    if listing is None:
        return ranked
    return _led_by(listing, ranked)


def with_kind_asked(chosen: list[Evidence], ranked: list[Evidence], question: Question) -> list[Evidence]:
    """The ``chosen`` evidence; when a date or a figure is asked and none of it gives one, the best of the next
    few (``TYPED_READ``) on the topic that does first, so that what it gives leads ("when did X's permanent director start?":
    "**November 2023** — The current permanent DCS took up post in November 2023 ...", then "The newly appointed
    permanent director ...")."""
    if question.answer_type not in ("date", "number") or any(ev.fit >= 1 for ev in chosen):
        return chosen
    return [ev for ev in ranked[1:TYPED_READ] if ev.fit >= 1 and ev.covered > 0 and ev not in chosen][:1] + chosen


def on_side(ranked: list[Evidence], side: str | None) -> list[Evidence]:
    """The evidence less what leans away from the side asked ("what went wrong with staffing?": not the praise
    beside it), when evidence not leaning away ranks near the best; else all of it ("any problems with Through the
    Gate?" of a report that praised it: that praise answers)."""
    if side is None:
        return ranked
    kept = [ev for ev in ranked[:SIDE_READ] if leaning(ev.quote, side) >= 0]  # (the best: what is told)
    return kept + ranked[SIDE_READ:] if kept and kept[0].score >= ranked[0].score - SIDE_NEAR else ranked


def counts_checked(tools: Tools, question: Question, ranked: list[Evidence]) -> list[Evidence]:
    """The ranking, each of its best sentences whose counts all count something other than a count question
    asks ("how many people ...": "one of the three strong areas"; "how many new foster carers": "24 care leavers
    who ... foster carers") holding no answer (its fit 0) and ranked so."""
    if question.answer_type != "number" or question.figure != "count":
        return ranked
    for ev in ranked[:COUNTS_READ]:
        said = quantities(ev.quote, "count") + [m.group(0) for m in KIND_WORDS["count"].finditer(ev.quote)]  # (in
        # figures and in words: "19 serious incident notifications ... and five serious case reviews")
        if ev.kind == "sentence" and ev.fit and said and \
                not any(tools.counts_asked(question.text, ev.quote, figure) for figure in said):
            ev.fit, ev.score = 0.0, ev.score - W_TYPE  # (ranked as holding no answer)
    return sorted(ranked, key=lambda ev: -ev.score)


def counts_said(quote: str, counted: str = "") -> list[str]:
    """The counts a sentence states in figures, else in words ("one of three standards"); with ``counted``, what
    a count question counts, only those in words that count it by name ("how many standards": "three of its
    standards", not "all four case supervision standards" for "how many offenders")."""
    return quantities(quote, "count") or [m.group(0) for m in KIND_WORDS["count"].finditer(quote)
                                          if not counted or stems(counted) & stems(unit_of(quote, m.group(0)))]


def own_words(quote: str, figure: str) -> tuple[str, str]:
    """What a figure counts, told two ways: the ``CLAUSE_WORDS`` after it ("157 care leavers"), and its whole
    clause, with its words before it back to a comma or colon ("Durham Tees Valley CRC improved in 5 of its 10
    standards": how the five are told apart), less the names in it, which every sentence of a report shares."""
    at = max(0, quote.find(figure))
    if "%" not in figure and (noun := IN_BRACKETS_AFTER.search(quote[:at])):  # ("unaccompanied children (364 as at
        before = re.split(r"[,;:()\[\]]", quote[:noun.end()].rstrip(" ("))[-1]  # June 2017)": of the words
        # before the bracket; not a share's: "a significant proportion (42% ...) of young people")
        return unit_of(quote, figure), f"{NAME_RUN.sub('', before)} {figure}"
    before, after = re.split(r"[,;:()\[\]]", quote[:at])[-1], quote[at + len(figure):]
    counted = unit_of(figure + NAME_RUN.sub(" ", after), figure, CLAUSE_WORDS)
    return counted, f"{NAME_RUN.sub('', before)}{figure} {counted}"


def count_told_first(tools: Tools, question: Question, ranked: list[Evidence], about: str) -> list[Evidence]:
    """A count asked ("how many kids were in care?"): of the best sentences stating a count of what is asked, the
    one whose figure's own clause is nearest in meaning to what is asked (``about``) first, when clearly nearer
    than the best's: "235 children are being looked after by the local authority", not "2,343 children had been
    identified ... as being in need", both counts of children."""
    share = question.figure == "share"  # (a share asked alike: "27% ... placed more than 20 miles from home", not
    if question.answer_type != "number" or not share and (  # "30 live in ... homes, of whom 93% live outside")
            question.figure not in (None, "count") or not counted_asked(question.text)):
        return ranked
    asked, counted = tools.vectors(about), counted_asked(question.text)
    given = set(quantities(question.text))  # (not a figure the question gives: "over 21")
    def nearness(ev: Evidence) -> float:
        counting = [f for f in (quantities(ev.quote, "share") if share else counts_said(ev.quote, counted))
                    if f not in given
                    and (share or tools.counts_asked(question.text, ev.quote, f))]
        return max((float(asked @ tools.vectors(said)) for f in counting for said in own_words(ev.quote, f)),
                   default=-1.0)
    read = {id(ev): (nearness(ev), ev) for ev in ranked[:CLAUSE_READ] if ev.kind == "sentence" and ev.fit >= 1
            and ev.score >= ranked[0].score - CLAUSE_WITHIN}
    if not read:
        return ranked
    near, best = max(read.values(), key=lambda pair: pair[0])
    alone = -1.0 if ranked[0].kind == "sentence" and not ranked[0].fit else CLAUSE_ALONE  # (a best holding no
    if best is ranked[0] or near < read.get(id(ranked[0]), (alone,))[0] + CLAUSE_LEADS:  # figure: any count leads)
        return ranked
    return _led_by(best, ranked)


def now_first(question: Question, ranked: list[Evidence], asked: str) -> list[Evidence]:
    """A figure asked "at the time of the inspection": when the best sentence tells what it was before ("A year
    ago, only 14% ... had a PEP"), one of the next that states it at the inspection ("at the time of the
    inspection, 68% ...") first (``asked``: the question as written; its ranked text is without when)."""
    if question.answer_type != "number" or not ranked or not AT_INSPECTION.search(asked) \
            or not PAST_FRAMED.match(ranked[0].quote):
        return ranked
    now = next((ev for ev in ranked[1:CLAUSE_READ] if ev.fit >= 1 and AT_INSPECTION.search(ev.quote)
                and ev.score >= ranked[0].score - NOW_WITHIN), None)
    if now is None:
        return ranked
    return _led_by(now, ranked)


def _led_by(first: Evidence, ranked: list[Evidence]) -> list[Evidence]:
    """The ranking with ``first`` moved to its head, ranked as high as the best was."""
    first.score = ranked[0].score
    return [first, *(ev for ev in ranked if ev is not first)]

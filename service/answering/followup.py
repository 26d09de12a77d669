"""Follow-up questions resolved against the conversation so far, by rewriting them into stand-alone questions.

- "And Essex?", "What about X in 2020?", "and at the 2018 inspection?": the previous question again, with X's
  body (and year) put in; "what about care leavers?" after a body: care leavers at that body (in that year).
- "Compare with Bradford": the previous answer's bodies beside Bradford; "How did Hampshire do?" "And Surrey?"
  "Which was better?": the last two bodies asked about, compared.
- A question naming no body after one that did ("who owned it?") is of the same bodies (and year), unless it
  asks across organisations; when their reports do not say, of every report ("what is Through the Gate?").
- "It" of a topic: "which were good at it?" after "which CRCs had problems with unpaid work?"; "why was it a
  problem?" after "what did X find about unpaid work?" (at X).
- "then" is the previous turn's year; "that company" the organisations the previous answer named; "that
  rating" the grade asked about; "other" leaves the previous bodies out; "the first one" the first body asked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from service.answering.areas import AreaNames, other_area
from service.answering.followup_cues import (ABOUT, ACROSS_TIME, AND, ASKS_ANEW, ASKS_WHY, CHANGED_ONLY, COMPARE,
                                             COMPARE_BOTH, DASH_ASKS, DID_THEY, EACH_OF, ELLIPSIS, ELSE_HERE,
                                             ELSE_THEY, FRAMING, GRADED, HOW_MANY_BARE, IT, LAST_TIME, LIST_ASKED,
                                             NO_NOUN, OF_THEM, ONE_ASKED, OWN_QUESTION, PAST, RECENT, REFERS_BACK,
                                             SAME_THEN, THAT_GRADE, THAT_ORG, THAT_REPORT, THAT_THING, THAT_TIME,
                                             THAT_TOO, THEN, THEY, THEY_OR_IT, THE_INSPECTION, TOPIC_BACK, WHICH_MORE,
                                             WHY_ONLY, YEAR_PHRASE)
from service.answering.grades import GRADE_WORD
from service.answering.mentions import BodyNames
from service.answering.organisations import body_label
from service.answering.dates import YEAR, in_years, parse_years
from service.answering.asks import NUMBER_Q, OTHER, PLURALS, answer_type
from service.answering.context import (CHANGE_ASKED, EARLIER_REPORT, HOW_MANY_THAT, LATER_REPORT, NTH, ORDINALS,
                                       SOME_ASKED, THAT_COMPARED, WHICH_ONES, Context, as_named, as_question,
                                       asked_beside, both_times, change_of, compared_with, picked_again,
                                       report_beside, strip_appendix, swap_bodies, swap_years, there_named,
                                       two_turns_reports)
from service.answering.intent import IMPROVE_ASKED
from service.answering.parts import on_that, two_parts
from service.answering.regions import region_swapped
from service.answering.text import content_words, stem, stems
from service.answering.verdict import CUE_STEMS


@dataclass
class Resolved:
    text: str
    exclude: set[str] = field(default_factory=set)
    inherited: bool = False
    only: set[str] = field(default_factory=set)   # "that inspection": the previous answer's reports
    missing: str | None = None                     # why no report can answer ("the one before" the first)
    standalone: str | None = None                  # the question as asked, when the bodies were only assumed
    earlier: list[str] = field(default_factory=list)  # the previous bodies, when another was put in their place
    assumed_report: bool = False                   # ``only`` is the report "it" seemed to mean, not one named
    listed: list[str] = field(default_factory=list)  # the list a body was picked from ("the second one")
    parts: list[Resolved] = field(default_factory=list)  # each part of a question in two, resolved on its own


def resolve(question: str, previous: Context | None, names: BodyNames, areas: AreaNames | None = None) -> Resolved:
    if previous is None or not previous.resolved:
        return Resolved(question)
    text, inherited = question.strip(), False
    if len(previous.report_ids) > 1:  # "how many were good?" after a list or a count: how many of those
        question = text = HOW_MANY_BARE.sub(r"\1 of them ", text, count=1)
    about = names.find(text) or previous.mentions or previous.bodies and THEY.search(text)  # ("any better on that?";
    text = on_that(text, previous.resolved) if about else text  # "what did they do about it?" of those just listed)
    chosen = LIST_ASKED.match(previous.resolved) and len(previous.report_ids) == 1  # ("which was worst?" "why?")
    metadata = ASKS_WHY.match(text) and answer_type(previous.resolved) in ("name", "date")  # ("why?" after "who
    if WHY_ONLY.match(text) and (chosen or previous.bodies and (GRADED.search(text) or metadata)  # led it?")
                                 and not GRADED.search(previous.resolved)):  # why the report just discussed was rated
        years = f" in {previous.years[0]}" if previous.years else ""
        return Resolved(f"how was {previous.bodies[0]} rated{years}, and why?", only=set(previous.report_ids))
    own_side = ASKS_WHY.match(text) and stems(text) & CUE_STEMS  # ("why was it struggling?": its concerns)
    if WHY_ONLY.match(text) and (ASKS_WHY.match(text) and not own_side or GRADED.search(previous.resolved)):
        # "Why?" (or, of a grade, "what were the main problems?"): the previous question, its reasons asked for
        return Resolved(f"{strip_appendix(previous.resolved).rstrip(' ?.')}, and why?")
    if CHANGED_ONLY.match(text) and len(previous.bodies) == 1:  # "what changed?" of the body just asked about
        return Resolved(change_of(previous, names))
    if WHICH_ONES.match(text) and previous.report_ids and (len(previous.report_ids) > 1 or LIST_ASKED.match(
            previous.resolved) or SOME_ASKED.match(previous.resolved)):  # "which ones?" after "were any rated good?"
        return Resolved(re.sub(r"^\s*how many\b", "which", strip_appendix(previous.resolved), flags=re.I))
    cited = sorted({m.published.year for m in names.reports if m.report_id in previous.report_ids and m.published})
    if EACH_OF.search(text) and len(set(previous.bodies)) == 1 and len(cited) > 1 and not names.find(text) \
            and not YEAR.search(text):  # ("who were the lead inspectors for each?" after two of its reports)
        return Resolved(f"{text.rstrip(' ?')} ({previous.bodies[0]}, {' and '.join(map(str, cited))})?",
                        inherited=True, only=set(previous.report_ids))
    if HOW_MANY_THAT.match(text) and LIST_ASKED.match(previous.resolved):  # "how many is that?" after a list
        return Resolved(LIST_ASKED.sub("how many ", strip_appendix(previous.resolved), count=1))
    if not previous.mentions and TOPIC_BACK.match(text) and not OF_THEM.search(text) and not THEY.search(text) \
            and not names.find(text):  # "which were good at it?" after a list on a topic: that topic, across reports
        asked = two_parts(f"{strip_appendix(previous.resolved).rstrip(' ?')}, and {AND.sub('', text)}")
        if len(asked) == 2 and not TOPIC_BACK.match(asked[1]):
            return Resolved(asked[1])
    ellipsis, changed = ELLIPSIS.match(text), CHANGE_ASKED.search(text)  # ("and were those sorted by the next one?")
    if ellipsis and OWN_QUESTION.match(ellipsis.group(1)):  # ("and what had it been ...", "what about when was it
        text = f"{ellipsis.group(1).rstrip(' ?')}?" if ABOUT.match(AND.sub("", text)) else text  # published?": that
        ellipsis = None  # question, of what was asked)
    if ellipsis and (again := picked_again(ellipsis.group(1), previous)):  # "what about the second one?" after
        asked = swap_bodies(strip_appendix(previous.resolved), previous.mentions, again)  # one picked from a list:
        return Resolved(swap_years(asked, list(map(str, previous.years))) if previous.years and not YEAR.search(
            asked) else asked, listed=previous.listed)  # the same question of that one (in the year it was of)
    same_then = bool(SAME_THEN.match(text) or THAT_TOO.match(text))  # ("what had it been at the inspection before
    later = bool((ellipsis or same_then) and LATER_REPORT.search(text))  # that?": the same asked)
    earlier = EARLIER_REPORT.search(text) or same_then and LAST_TIME.search(text)
    if (ellipsis or same_then) and not changed and (earlier or later) and not YEAR.search(text) \
            and not (ellipsis and ASKS_ANEW.match(ellipsis.group(1))):  # ("and what grade did it get the time
        # before?": asked anew)
        other = report_beside(previous, names, later)  # "and the next one?": the same question of the next report
        if other is None:
            return Resolved(previous.resolved, missing=f"no {'later' if later else 'earlier'} report of that body "
                                                        "in this index")
        asked = RECENT.sub("", strip_appendix(previous.resolved))  # ("rated last time", of the report before)
        text = swap_years(asked, [str(other.published.year)])
        named = names.find(text) or not previous.bodies
        return Resolved(text if named else f"{text} ({'; '.join(previous.bodies)})", only={other.report_id})
    anew = not ellipsis or changed or ASKS_ANEW.match(ellipsis.group(1))  # ("and what grade did it get ...?")
    if anew and (beside := asked_beside(text, previous, names)):  # "did it get better the next time?": that report
        return Resolved(beside[0], only=beside[1]) if beside[1] else Resolved(previous.resolved, missing=beside[0])
        # (and, for a change, the one before); none: that there is none
    earlier: list[str] = []
    if ellipsis and ellipsis.group(1):
        text, inherited = _ellipsis(ellipsis.group(1), previous, names, areas)
        earlier = previous.bodies if names.find(ellipsis.group(1)) else []  # "And Surrey?" after Hampshire
    elif (COMPARE_BOTH.search(text) or WHICH_MORE.match(text) and NUMBER_Q.search(previous.resolved)) \
            and previous.earlier and not names.find(text):  # "which was better?", "which is bigger?" after two
        asked = strip_appendix(previous.resolved).rstrip(" ?")  # bodies: both, on what was asked of them
        both = "; ".join(previous.earlier + previous.bodies)
        return Resolved(f"{text.rstrip(' ?')}: {asked}? ({both})", inherited=True)
    elif COMPARE_BOTH.search(text) and not names.find(text) and (both := two_turns_reports(previous, names)):
        return Resolved(f"{text.rstrip()} ({previous.bodies[0]})", inherited=True, only=both)  # "compare them"
    picked: set[str] = set()
    again = False
    listing = previous.listed or (previous.bodies if len(previous.bodies) > 1 else previous.earlier + previous.bodies)
    picked_from: list[str] = []
    if (nth := NTH.search(text)) and previous.bodies:  # "tell me about the second one": that body of the list
        pick = ORDINALS[nth.group(1).lower()]  # (or of "X?" "and Y?"), in the report the list gave
        if pick < len(listing):
            text, picked_from = NTH.sub(listing[pick], text, count=1), listing
            picked = {m.report_id for m in names.reports
                      if m.report_id in previous.report_ids and body_label(m) == listing[pick]}
    if THAT_ORG.search(text) and previous.entities:
        text = THAT_ORG.sub(" and ".join(previous.entities), text)
        inherited = bool(OTHER.search(text))  # ("what other CRC did that company run?": not the one just asked of)
    elif (they := ELSE_THEY.search(text) or DID_THEY.search(text)) and (entity := _the_entity(previous)) \
            and previous.bodies:
        text = text[:they.start(2)] + entity + text[they.end(2):]  # "who owned X?" "MTCnovo"
        inherited = True  # "what else did they run?": the name just given, not the body asked about
        again = bool(OTHER.search(previous.resolved)) and entity.lower() in previous.resolved.lower()  # (asked
        # again: "did that company run any other CRC?" "which other crcs did they own?": other than the first)
    text = THAT_GRADE.sub(f"{previous.grade} rating", text) if previous.grade else text  # ("that rating")
    if (at_the_time := THEN.search(text) and previous.years and not parse_years(text)):  # ("at the time": then,
        text = THEN.sub(lambda m: str(previous.years[0]) if re.search(r"\bsince\s+$", text[:m.start()], re.I)
                        else f"in {previous.years[0]}", text)  # and of the body asked about; "since then":
        # "since 2019")
    found = {b.body for b in names.find(text)}
    beside = bool(COMPARE.search(text)) and len(found) == 1 and not found & set(previous.bodies)  # "compare with X"
    if beside and THAT_COMPARED.match(text) and previous.bodies and not inherited:  # "how does that compare with
        return Resolved(compared_with(previous.resolved, names.find(text)[0], text))  # X?": the same question of X
    still = previous.mentions and not found and not PLURALS.search(text) \
        and not any(m.lower() in text.lower() for m in previous.mentions)  # "what were the main problems?"
    alone = None
    elsewhere = not found and names.places_absent(text, [])  # ("did they run kent too?": no report is about Kent)
    if previous.bodies and not inherited and not elsewhere and (beside or still or (
            (_refers_back(text) or at_the_time) and not found)):
        # "who owned it?"; "how does that compare with Bradford?": the previous bodies too
        then = [str(y) for y in previous.years if str(y) not in text] if COMPARE.search(text) and not found else []
        alone = text if still and not beside and not _refers_back(text) else None
        meant = previous.bodies[:1] if IT.search(question) and ONE_ASKED.match(previous.resolved) else previous.bodies
        text, inherited = f"{text.rstrip()} ({'; '.join(meant + then)})", True  # ("it" after "which CRC ...?":
        # the one the answer led with)
    elif len(previous.bodies) > 1 and THEY.search(question) and not found and not inherited and (
            years := {int(y) for y in YEAR.findall(question)}) and not years & set(previous.years):
        then = [b for b in previous.bodies if _has_reports_in(text, names.find(b), names)] or previous.bodies
        text, inherited = f"{text.rstrip()} ({'; '.join(then)})", True  # "how did those do in 2020?" (of them)
    exclude = set(previous.before if again else previous.report_ids) if OTHER.search(question) and not \
        ELSE_HERE.search(question) and not THAT_REPORT.search(question) else set()  # ("what other projects did
    # that report praise?": its own)
    now = (not ACROSS_TIME.search(question) or bool(IMPROVE_ASKED.search(question))) and not found - set(
        previous.bodies)  # ("compare it with Wales CRC"; "what did it need to improve?" asks of one inspection)
    past = bool(PAST.search(question)) and len(set(previous.bodies)) == 1  # "what did they need to improve?": of
    renamed = past and found == set(previous.bodies) and previous.years and not YEAR.search(question) \
        and not RECENT.search(question)  # ("what were the things Dudley needed to improve?" after its 2018 report)
    one_report = (len(previous.report_ids) == 1 or past) and now and bool(THEY_OR_IT.search(question) or  # the one
        THE_INSPECTION.search(question) or still and previous.years and not YEAR.search(question) or renamed)
    # the answer led with ("they" is an organisation too; "the main worries?" after X in 2018: in 2018)
    listed = len(previous.report_ids) > 1 and len(previous.bodies) > 1 and THEY.search(question) and now \
        and not COMPARE.search(question)  # ("what went wrong there?" after a list: in the reports listed)
    only = both_times(question, previous, names) or (set(previous.report_ids[:1] if past else previous.report_ids)
                                                     if THAT_REPORT.search(question) or one_report or listed else picked)
    assumed = bool(one_report) and not THAT_REPORT.search(question) and not listed and not picked
    return Resolved(text, exclude, inherited, only, standalone=alone, earlier=earlier, assumed_report=assumed,
                    listed=picked_from)


def _the_entity(previous: Context) -> str | None:
    """The one name, not a body's, that the previous answer gave, or of several the one its question was about
    ("did that company run any other CRC?" of Purple Futures: not Interserve, which a quote named beside it)."""
    asked = [e for e in previous.entities if e.lower() in previous.resolved.lower()]
    return previous.entities[0] if len(previous.entities) == 1 else asked[0] if len(asked) == 1 else None


def _refers_back(text: str) -> bool:
    if OF_THEM.search(text) or (COMPARE.search(text) and re.search(r"\b(that|this|those|these)\b", text, re.I)):
        return True
    is_list = re.search(r"(?i)\bwhich\s+(\w+\s+){0,2}(crcs|providers|inspections|authorities|councils|reports)\b", text)
    return bool(REFERS_BACK.search(text) or THAT_REPORT.search(text) or THAT_THING.search(text)) and not is_list


def _ellipsis(rest: str, previous: Context, names: BodyNames, areas: AreaNames | None) -> tuple[str, bool]:
    """"And X?": the previous question about X (a body, a year, a judgement area, or both); else X of them."""
    bodies, years = names.find(rest := there_named(rest, previous.bodies)), YEAR.findall(rest)  # ("the nps there")
    if not bodies and (swapped := region_swapped(strip_appendix(previous.resolved), rest)):
        return swapped, False  # "what about the north west?" after a question about the north east
    if areas and not bodies and not years and (area := other_area(rest, strip_appendix(previous.resolved), areas)):
        return area, False  # "which CRCs were rated inadequate for assessment?" "and for planning?"
    if not bodies and not years and previous.years and RECENT.fullmatch(when := ABOUT.sub("", rest).rstrip(" ?")):
        return _latest_instead(when, previous, names), False  # "and what about the most recent inspection?"
    grade = GRADE_WORD.search(rest)
    if grade and not bodies and GRADE_WORD.search(previous.resolved):  # "And which were outstanding?"
        swapped = GRADE_WORD.sub(grade.group(0), strip_appendix(previous.resolved), count=1)
        return (swap_years(swapped, years) if years else swapped), False
    if grade and not bodies and LIST_ASKED.match(rest):  # "which were inadequate?" after a question of no grade:
        # a list of its own (of "organisations"), not of the bodies just discussed
        return NO_NOUN.sub(r"\1 organisations \2", as_question(rest), count=1), True
    if not bodies and names.unknown(rest, bodies):  # "what about kent?": a place no report is about, asked alone
        return as_question(rest), False
    if not bodies and not years and previous.mentions and not REFERS_BACK.search(rest):
        when = f" in {previous.years[0]}" if previous.years and YEAR.search(previous.resolved) else ""  # ("what
        # about care leavers?" after a question of Leeds in 2022: in 2022; after one of Leeds: in any of its years)
        return f"{as_question(rest).rstrip('?')} for {' and '.join(previous.bodies)}{when}?", True
    if years and not bodies and previous.bodies and len(said := DASH_ASKS.split(rest, maxsplit=1)) == 2 and \
            YEAR.search(said[0]):  # ("what about the 2017 one - how was the safeguarding board rated?": of them, then)
        return f"{said[1].rstrip(' ?')} ({'; '.join(previous.bodies)}; {years[0]})?", True
    if (not bodies and not years) or _says_more(rest, bodies):
        return as_question(rest), False
    text = strip_appendix(previous.resolved)
    if bodies:
        text = swap_bodies(text, previous.mentions, " and ".join(as_named(rest, b) for b in bodies))
    if years:
        text = swap_years(text, years)
    elif bodies and not _has_reports_in(text, bodies, names):
        text = YEAR_PHRASE.sub("", text, count=1)  # "And Wales?" asks about Wales, whatever its year
    return text, False


def _latest_instead(rest: str, previous: Context, names: BodyNames) -> str:
    """The previous question asked of the latest report in place of the year it was asked of."""
    when = rest.strip() if re.match(r"(at|in|from|on)\b", rest.strip()) else f"in {rest.strip()}"
    text = THAT_TIME.sub("", strip_appendix(previous.resolved))  # ("what grade did they get that time?")
    text = YEAR_PHRASE.sub(f" {when}", text, count=1) if YEAR_PHRASE.search(text) else f"{text.rstrip(' ?')} {when}?"
    return text if names.find(text) else f"{text} ({'; '.join(previous.bodies)})"


MODIFIERS = re.compile(r"(?:^|(?<=\babout)|(?<=\band))\s*(?:the\s+)?(?!(?:at|in|for|of|on|with|from|by)\b)"
                       r"[a-z][\w'’-]*(?:\s+(?!(?:at|in|for|of|on|with|from|by)\b)[a-z][\w'’-]*)?\s*$")  # ("neighbouring")


def _says_more(rest: str, bodies: list) -> bool:
    """"What about Merseyside's unpaid work?" asks something new of a body, not the previous question again (nor
    does a word or two said of the body just before its name, "what about neighbouring Dudley?")."""
    for body in sorted(bodies, key=lambda b: -b.start):
        before = rest[:body.start]
        said_of_it = MODIFIERS.search(before) if body is bodies[0] else None
        rest = (before[:said_of_it.start()] if said_of_it else before) + " " + rest[body.end:]
    return bool([w for w in content_words(YEAR.sub(" ", rest)) if stem(w) not in FRAMING])


def _has_reports_in(text: str, bodies: list, names: BodyNames) -> bool:
    spans = parse_years(text)
    metas = [m for m in names.reports if any(m.report_id in b.report_ids for b in bodies)]
    return not spans or any(in_years(m, spans, with_fieldwork=True) for m in metas)

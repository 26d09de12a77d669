"""What the reports of the bodies asked about do not name, said plainly instead of answering with whatever ranks
best: a programme no report of theirs mentions ("does middlesbrough run mockingbird?"), an inspection's lead
when none of their reports names one ("who was the lead inspector for the wales crc inspection?")."""

from __future__ import annotations

import itertools
import re
from typing import TYPE_CHECKING

import numpy as np

from service.answering import grades
from service.answering.asks import figure_asked
from service.answering.evidence import (BODY_LEADERS, INSPECTION, INSPECTORATE_ROLE, LEAD_ASKED, LEAD_ROLE,
                                        OWNER_KIND, OWNER_ROLE, WHEN_INSPECTED, Evidence, label, role_asked)
from service.answering.fit import PERSON_ROLES, counts_said, fits
from service.answering.rank import Question
from service.answering.scope import RATING, Scope, proper_names
from service.answering.text import (KIND_WORDS, STOPWORDS, content_words, counted_asked, has_number, stems,
                                    unit_of, words)
from service.answering.tools import NAME_REPORTS, Tools
from service.terms import stem

if TYPE_CHECKING:
    from service.corpus import Corpus

ROLE_ASKED = re.compile(r"^\W*(?:who(?:\s+(?:was|is|were|are)|['’]s)|"
                        r"what(?:\s+(?:was|is)|['’]?s)\s+the\s+names?\s+of)\s+(?:the\s+|its\s+|their\s+)?"
                        r"((?:[a-z'’-]+\s+){0,3}?[a-z'’-]+)"
                        r"(?:\s+(?:of|at|for|in|on|who|whom|that|the|they|ofsted)\b|\W*$)", re.I)
# ("who was the chief executive of X?", "what was the name of the chief inspector who ...", "who is X's principal
# social worker?", its body's name taken out: a person's role, at the end; "the commissioner the government sent")
PERSON = re.compile(rf"\b({PERSON_ROLES})$", re.I)  # (a person's role, by its last word: not "who was responsible")
ROLE_SHORT = {"exec": "executive", "execs": "executives", "ceo": "chief executive", "md": "managing director"}
POSSESSIVE = re.compile(r"['’]s?$")  # ("Sheffield's principal social worker", "Leeds' director")
MARK = re.compile(r"['’]s?(?=\s)")
RATE_ASKED = re.compile(r"\b(?:what|how\s+(?:high|low|big|bad|good))\b[^?]*?\b((?:[a-z][\w'’-]*\s+){1,2}?)rates?\b",
                        re.I)  # ("what was the reoffending rate at X?", "what is X's staff turnover rate?")
AVERAGE_ASKED = re.compile(r"\b(?:average|mean|typical)\s+((?:(?!(?:number|figure|size|level|in|at|of|for|across|per|"
                           r"was|is|were|are|when|during|by|on|did|does|do|has|have|had)\b)[a-z][\w'’-]*\s*){1,4})",
                           re.I)  # ("the average social worker caseload number in X": "social worker caseload")
AVERAGE_SAID = re.compile(r"\b(?:average|averaged|averaging|mean|each)\b", re.I)
RATE_WORDS = stems("the its their a an overall average annual current")
STAFF = stems("staff employees employee workers officers practitioners managers personnel workforce headcount "
              "caseworkers")  # (those counted as a body's staff, not the people it serves)
HEADCOUNT = re.compile(r"\b(?:have|has|had|employ\w*|work(?:s|ed|ing)?\s+(?:at|for|in)|(?:are|were|is|was)\s+there|"
                       r"on\s+(?:the|its|their)\s+payroll)\b", re.I)  # how many staff a body has (not "... said")
EMPLOYED = re.compile(r"\bemploy(?:s|ed|ing|ment of)?\b|\bon (?:the|its) payroll\b", re.I)
SUM_ASKED = re.compile(r"\bwhat\s+(?:was|is|were|are)\s+(?:[\w'’-]+\s+){0,4}?(?:annual\s+|total\s+)?"
                       r"(budgets?|salar(?:y|ies)|wages?|funding|income|spend|costs?)\b(?!\s+(?:pressures?|cuts?))",
                       re.I)  # ("what was X's budget?", "what was the annual budget of X?")
LEAD_NAMED = re.compile(r"\blead (inspector|hmi)\b|\binspection was led by\b", re.I)


SAID_ABOUT = re.compile(r"\b(?:(?:say|said|says|saying|anything|something|write|wrote|written)\s+(?:about|on|regarding|"
                        r"concerning)|mention(?:ed|s)?(?:\s+(?:of|about))?)\s+(?:the\s+)?((?:[\w'’-]+\s*){1,5})", re.I)
SUBJECT_MEANT = 0.5  # cosine of a subject asked and the nearest sentence that still speaks of it in other words
# ("youngsters leaving care": 0.67; "knife crime" of Croydon 0.28, "ransomware" 0.30)
OWNERS = frozenset(stem(w) for w in "own owned owner owners company firm contractor parent".split()) | OWNER_KIND
# (an organisation that owns: its lead is no inspection's; "who ran the inspection" still asks for one)


def not_named(tools: Tools, scope: Scope) -> str | None:
    """What the question asks of the bodies' reports in scope that they do not name ("mention Mockingbird",
    "name the lead inspector"), or None."""
    if name := unmentioned(tools, scope) or subject_unsaid(tools, scope):
        return f"mention {name}"
    if lead_unnamed(tools, scope):
        return "name the lead inspector"
    if figure := figure_unstated(tools, scope):
        return f"give {figure}"
    return f"name the {role}" if (role := role_unnamed(tools, scope)) else None


def role_unnamed(tools: Tools, scope: Scope) -> str | None:
    """A person's role asked of the bodies ("who was the chief executive of X?") that no sentence of their
    reports in scope names, as a phrase; not a role the reports' metadata may answer (lead inspector, owner)."""
    asked = ROLE_ASKED.match(_of_the_body(scope))
    named = _body_words(scope)  # ("who is the Sheffield principal social worker": not "sheffield")
    role = " ".join(ROLE_SHORT.get(w, w) for w in asked.group(1).lower().split() if w not in named) if asked else ""
    if not PERSON.search(role) or stems(role) & (LEAD_ROLE | OWNER_ROLE | INSPECTION) and "chief" not in role.split() \
            or role in INSPECTORATE_ROLE:  # (no person's role: "who is in charge?", "who was responsible for ...";
        return None  # a chief inspector heads the inspectorate, not the inspection)
    corpus = tools.library.text
    columns = corpus.columns(role)
    rows = _phrase_rows(corpus, role, columns, tools.rows(scope.report_ids)) if columns else []
    who = Question(f"who is the {role}? {scope.question}", np.zeros(1), [], "name")  # (its own words: no name)
    return None if any(_names_a_person(tools, int(row), who) for row in rows) else role  # (a title alone: no one)


def said_about(question: str) -> str:
    """The subject a question asks what was said about ("what did X's report say about knife crime in 2024?":
    "knife crime"; "anything on county lines?"), its words up to the next function word; "" when none."""
    return (subjects_said_about(question) or [""])[0]


def subjects_said_about(question: str) -> list[str]:
    """The subjects a question asks what was said about, each up to the next function word, the one after "and"
    or "or" too ("staff morale and sickness": both)."""
    if not (asked := SAID_ABOUT.search(question)):
        return []
    out: list[list[str]] = [[]]
    for word in words(asked.group(1)):
        if word.lower() in {"and", "or"} and out[-1] and len(out) < 2:
            out.append([])
        elif word.lower() in STOPWORDS:
            break
        else:
            out[-1].append(word)
    return [" ".join(part) for part in out if part]


def subject_unsaid(tools: Tools, scope: Scope) -> str | None:
    """The subject asked what the bodies' reports said about, when a word of it is in none of their sentences
    in scope and none of those sentences is near it in meaning ("knife crime" of Croydon's reports), or None."""
    subjects, rows = subjects_said_about(scope.question), tools.rows(scope.report_ids)
    if not subjects or scope.jargon or not len(rows) or any(_said(tools, subject, rows) for subject in subjects):
        return None  # ("staff morale and sickness": said, when either is)
    return " or ".join(subjects)


def _said(tools: Tools, subject: str, rows: np.ndarray) -> bool:
    """True when every word of the subject is in a sentence of the rows, or a sentence is near it in meaning."""
    said = [w for w in content_words(subject) if stem(w) not in RATING]  # ("the leadership judgement": its grade)
    if all(tools.library.text.holding(tools.library.text.columns(w), rows).any() for w in said):
        return True
    nearest = tools.ranker.features(tools.question(subject, None, [], ""), rows, [], chunk_words=False)["dense"]
    return float(nearest.max()) >= SUBJECT_MEANT


def _body_words(scope: Scope) -> set[str]:
    """The words of the bodies the question names, as the index names them and as the question typed them."""
    return {w.lower() for b in scope.bodies for w in f"{b.body} {scope.question[b.start:b.end]}".split()}


def _of_the_body(scope: Scope) -> str:
    """The question with a body named as the role's holder read as "the" ("who is Sheffield's principal social
    worker?": "who is the principal social worker?")."""
    question = scope.question
    for body in sorted(scope.bodies, key=lambda b: -b.start):
        end = body.end + len(mark.group(0)) if (mark := MARK.match(question, body.end)) else body.end
        said = question[body.start:end]  # (a match may hold a word before the name: "of Sheffield's")
        if POSSESSIVE.search(said) and question[end:end + 1].isspace():
            kept = lead.group(0) if (lead := re.match(r"(?:of|in|at|for)\s+", said, re.I)) else ""
            the = "" if re.search(r"\bthe\s*$", question[:body.start], re.I) else "the "
            return f"{question[:body.start]}{kept}{the}{question[end:].lstrip()}"
    return question


def _names_a_person(tools: Tools, row: int, who: Question) -> bool:
    """True when the sentence holding the role names someone ("The chief executive, Jane Roughton, ...")."""
    report_id, page, _, _, quote = tools.library.text.sentence(row)
    sentence = Evidence(tools.library.reports[report_id], page, None, quote, row=row)
    return fits(sentence, who, tools.library.text.rare) == 1.0


def unmentioned(tools: Tools, scope: Scope) -> str | None:
    """A name the question gives ("does X run Mockingbird?", "how many Mockingbird hubs ...", "the Staying Close
    scheme", "family drug and alcohol court": the reports write it as a name) that some report in the index uses
    but no sentence of the named bodies' reports in scope does. Only a name few reports use (``NAME_REPORTS``): an
    abbreviation ("UASC") may be spelt out, and a name of common words ("Youth Voice") said in others."""
    if scope.answer_type == "grade":  # ("was X rated inadequate?": no name)
        return None
    corpus, rows, every = tools.library.text, tools.rows(scope.report_ids), list(tools.library.reports)
    body_words = _body_words(scope) | {"of", "for"}
    said = _runs([n for n in proper_names(scope.question)
                  if not set(re.sub(r"['’]s$", "", n.lower()).split()) <= body_words],
                 scope.question)  # (as typed, the bodies' own words left out: "Northumberland's Lifelong Links",
    # "City of Westminster")
    for name in said or tools.written_as_names(grades.besides_grades(scope.topic_words)):
        columns = corpus.columns(name)
        if not columns or not name[:1].isupper() or name.rstrip("s").isupper() or len(_phrase_rows(corpus, name,
                                                                                                  columns, rows)):
            continue  # (an abbreviation, "DCSs", may be spelt out; the body's reports name it: first, cheap)
        using = np.unique(corpus.report_of[_phrase_rows(corpus, name, columns)])
        rare = said or min(corpus.reports_using(w, every) for w in content_words(name)) <= NAME_REPORTS  # (a
        if rare and 0 < len(using) <= NAME_REPORTS * len(every):  # name typed lower-case needs a rare word)
            return name
    return None


def _phrase_rows(corpus: Corpus, name: str, columns: list[int], rows: np.ndarray | None = None) -> np.ndarray:
    """The sentences (of ``rows``, else every one) that hold the name, its words in order when it has several."""
    everywhere = np.arange(corpus.sentence_counts.shape[0]) if rows is None else rows
    held = everywhere[corpus.holding(columns, rows) == len(columns)]
    if len(columns) == 1:
        return held
    phrase = re.compile(r"\W+".join(re.sub(r"['’]", "['’]", re.escape(w)) for w in name.split()), re.I)  # (either
    return np.array([r for r in held if phrase.search(corpus.sentence(int(r))[4])], dtype=int)


def _runs(names: list[str], question: str) -> list[str]:
    """The names, each run of them the question writes one after another joined ("Lifelong Links")."""
    runs: list[str] = []
    for name in names:
        if runs and f"{runs[-1]} {name}" in question:
            runs[-1] = f"{runs[-1]} {name}"
        else:
            runs.append(name)
    return runs


def lead_unnamed(tools: Tools, scope: Scope) -> bool:
    """True when an inspection's lead is asked for ("who led the inspection", "the lead inspector") and no report
    in scope names one, in its metadata or in a sentence ("Lead inspector: ...")."""
    asked = stems(" ".join(w for w in content_words(WHEN_INSPECTED.sub(" ", scope.question))
                           if w not in BODY_LEADERS | INSPECTORATE_ROLE))
    if not (asked & LEAD_ASKED and asked & INSPECTION) or asked & OWNERS or \
            grades.asks_for_grade(scope.question) or \
            scope.answer_type != "name" and not role_asked(scope.topic_words) or \
            any(tools.library.reports[r].lead_inspector for r in scope.report_ids):
        return False  # (not "what grade did X get for its leadership in the 2020 inspection": a grade; not "what
    # did the lead inspector say about X": what, not who; not "the head of the inspectorate": its chief inspector;
    # not "which firm led the group that owned X at its 2018 inspection": an owner's lead)
    corpus = tools.library.text
    return not any(LEAD_NAMED.search(corpus.sentence(int(row))[4]) for row in tools.rows(scope.report_ids))


def figure_unstated(tools: Tools, scope: Scope) -> str | None:
    """A figure asked of the bodies that no sentence of their reports in scope gives: a rate ("the reoffending
    rate": no figure beside "reoffending"), an average ("the average caseload": no figure beside "caseload" or
    an average), a count of staff ("how many employees": no count of staff, however many people they
    supervised), a sum of money (none at all); or None."""
    question, sentences = scope.question, lambda: _sentences(tools, scope)
    if scope.answer_type != "grade" and (rate := RATE_ASKED.search(question)) and \
            (said := _rate_words(rate.group(1), scope)):  # (not "what did ofsted rate X?")
        needed = stems(said) - STAFF or stems(said)  # (its words but whose: "staff retention" is stated by
        stated = any(has_number(s) and needed <= stems(s) for s in sentences())  # "retention rates have increased
        return None if stated else f"the {said.lower()} rate"  # to 89%"; "worker vacancy", not any worker figure)
    if scope.answer_type == "number" and (average := AVERAGE_ASKED.search(question)):
        said = average.group(1).split()  # (its last word, what is averaged: "caseload")
        stated = any(has_number(s) and (stems(said[-1]) <= stems(s) or AVERAGE_SAID.search(s))
                     for s in sentences())  # ("held an average of 58 cases each": a caseload)
        return None if stated else f"the average {' '.join(said).lower()}"
    counted = counted_asked(question) if scope.answer_type == "number" and HEADCOUNT.search(question) else ""
    if stems(counted) & STAFF:
        return None if any(_counts_staff(s) for s in sentences()) else f"the number of {counted.lower()}"
    summed = SUM_ASKED.search(question)
    if figure_asked(question) == "money" or summed:
        money = [s for s in sentences() if KIND_WORDS["money"].search(s)]
        noun = summed.group(1).lower() if summed else ""  # ("what is the salary of X's director?": a salary)
        return "any sums of money" if not money else None if not noun or any(stems(noun) & stems(s) for s in money) \
            else f"the {noun}"
    return None


def _sentences(tools: Tools, scope: Scope) -> list[str]:
    corpus = tools.library.text
    return [corpus.sentence(int(row))[4] for row in tools.rows(scope.report_ids)]


def _rate_words(said: str, scope: Scope) -> str:
    """The words that say what a rate is of ("staff turnover"), not the bodies' own words."""
    named = _body_words(scope)
    return " ".join(w for w in content_words(said) if w.lower() not in named and not stems(w) <= RATE_WORDS)


def _counts_staff(sentence: str) -> bool:
    """True when a count in the sentence counts staff ("320 staff", "employed 350 people", "appointed two
    exploitation workers")."""
    figures = counts_said(sentence)
    return bool(figures) and (bool(EMPLOYED.search(sentence))
                              or any(stems(unit_of(sentence, figure)) & STAFF for figure in figures))


def label_of(scope: Scope) -> str:
    return " and ".join(dict.fromkeys(b.body for b in scope.bodies))


def unsaid_by(tools: Tools, scope: Scope, unsaid: str) -> str:
    """What the reports in scope do not say, naming the one report a year (or "now") chose of the body's several
    ("The Havering (2024) report")."""
    if len(scope.report_ids) == 1 and (scope.years or sum(len(b.report_ids) for b in scope.bodies) > 1):
        return f"The {label(tools.library.reports[scope.report_ids[0]])} report does not {unsaid}."
    return f"The reports in this index on {label_of(scope)} do not {unsaid}."

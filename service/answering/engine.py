"""The answerer: follow-up -> scope -> ranked evidence composed by intent -> verified citations -> Answer.

No LLM is needed; an optional prose writer may reword the answer from the same verified evidence."""

from __future__ import annotations

import re
from collections.abc import Callable, Generator
from dataclasses import asdict, dataclass, replace
from datetime import date

from service.answering.areas import AreaNames
from service.answering.asks import AREA_ASKED, EXTREME_AREA, answer_type
from service.answering.compose import CitationBook, abstain
from service.answering.context import CHANGE_ASKED, Context, bodies_reports
from service.answering.dates import YEAR, in_calendar_years
from service.answering.coverage import covered_places
from service.answering.evidence import label
from service.answering.grades import GOT_FOR, asks_yes_no_grade, besides_grades
from service.answering.followup import Resolved, resolve
from service.answering.followup_cues import HOW_MANY_BARE, REFERS_BACK
from service.answering.intents.claims import area_asked
from service.answering.intents.composers import COMPOSERS
from service.answering.intents.overview import asks_for_overview, names_subject
from service.answering.llm import Draft, ProseWriter
from service.answering.mentions import BodyNames
from service.answering.organisations import KIND_NOUNS, body_label, org_type, org_types_named
from service.answering.programmes import programmes_described
from service.answering.parts import one_body_each, same_comparison, two_parts
from service.answering.places import rejoined
from service.answering.intent import intent_of
from service.answering.scope import Scope, parse, without_names
from service.answering.text import counted_asked
from service.answering.thesaurus import besides_everyday
from service.answering.tools import Tools, VectorCache
from service.answering.turns import RATING_ASKED, context_of
from service.library import Library
from service.retrieval import HybridSearch, scope_ids
from service.schemas import Answer, AskRequest, Filters
from service.sessions import Sessions, Turn

ON_A_SUBJECT = re.compile(r"^\s*how good\b|\bany good\b|\bgood or (?:bad|not|poor)\b|"
                          r"\bdo(?:ing)?\s+(?:on|with|at|for)\b", re.I)  # how good at,
# how it did on, any good (for): of a subject, when the question names one ("was through the gate any good in london?")


@dataclass
class Event:
    """One step of a streamed answer: ``status`` and ``token`` events, then the final ``answer``."""

    name: str
    data: dict[str, object] | Answer


WEAK_ASSUMED = 0.55  # a follow-up's answer from the report "it" seemed to mean, so weak that its body's other
STRONGER_BY = 0.15   # reports are read too, and answer instead when their best is stronger by this much
NONE_LISTED = "The first part of the question found none to ask this of."
ELSE_ASKED = re.compile(r"^\s*(?:and\s+)?(?:who|which)\s+else\b(?:\s+(?:is|are|was|were|has|have|had|does|do|did))?|"
                        r"^\s*(?:and\s+)?(?:anyone|anybody)\s+else\b", re.I)  # ("who else uses X's model?")
PHRASE_MENTIONED = re.compile(r"\bmention(?:s|ed|ing)?\s+(?:of\s+)?(?:the\s+|a\s+|an\s+|any\s+)?"
                              r"([\w'’ -]{3,40}?)(?=\s+(?:in|at|by|within|from|during|across)\b|\s*[?,:.;]|\s*$)",
                              re.I)  # a phrase a list asks the reports to mention ("which mention family hubs")
QUOTED = re.compile(r"(?<!\w)['‘\"“]([^'‘’\"“”]{3,60}?)['’\"”](?!\w)")  # a phrase the question puts in quotes
LISTED_BACK = re.compile(REFERS_BACK.pattern + r"|\b(those|these|each(?: one)?|ones)\b|"
                         r"\b(?:does|do|did|would)\s+(?:that|this)\b", re.I)  # ("how did each do?", "which providers
# does that cover?")


class Answerer:
    """Answers questions over one view of the index (a new Answerer is built for each new view)."""

    def __init__(self, library: Library, sessions: Sessions, prose: ProseWriter | None = None,
                 vectors: VectorCache | None = None, today: Callable[[], date] = date.today) -> None:
        self.library, self.sessions, self.prose, self.today = library, sessions, prose, today
        reports = list(library.reports.values())
        self.names = BodyNames(reports, library.text.mentions, lambda word: library.text.unknown(word) > 0,
                               covered_places(library.text, library.reports))
        self.search = HybridSearch(library)
        self.tools = Tools(library, AreaNames(reports), vectors or VectorCache(library.embeddings))

    def ask(self, request: AskRequest) -> Answer:
        events = list(self.stream(request, live=False))
        answer = events[-1].data
        assert isinstance(answer, Answer)
        return answer

    def stream(self, request: AskRequest, live: bool = True) -> Generator[Event, None, None]:
        """Answer a request step by step; the last event carries the whole Answer (``live``: the optional LLM
        streams its sentences as they are written)."""
        session_id = request.session_id or self.sessions.new_id()
        previous = self.sessions.last(session_id)
        context = Context(**previous.context) if previous and previous.context else None
        asked = rejoined(self.tools.spelt(request.question), self.names.name_words)  # ("leicester shire")
        asked = in_calendar_years(asked, self.today().year)  # ("last year": 2025)
        resolved = self.resolve_parts(asked, context)
        yield Event("status", {"stage": "retrieving", "question": resolved.text})
        scopes, answer, book, subject = self.answered(resolved, request.filters, session_id)
        if len(scopes) == 1 and scopes[0].undated and not years_quoted(answer.citations, scopes[0].years):
            answer.abstained = True  # (the year asked has no report: other years' findings are offered instead)
        if self.prose is not None and (book.citations or book.offered) and not any(s.missing for s in scopes):
            yield Event("status", {"stage": "writing"})
            draft = Draft(resolved.text, answer, book.pool())
            answer = yield from self._prose(draft, live)
            notes = [s.note for s in scopes if s.note]
            if draft.kept and notes:  # the model's prose, under what the answer must say first
                answer.answer = "\n\n".join([*notes, answer.answer])
        else:
            yield from (Event("token", {"text": piece}) for piece in pieces(answer.answer))
        told = answer if subject is None else Answer(answer="", abstained=True, session_id=session_id)
        # (of the bodies assumed, the next turn keeps their reports, not those the answer across reports cited)
        if resolved.missing and previous is not None:  # ("next time?" of a body's latest report: none; the
            self.sessions.add(session_id, replace(previous, question=request.question))  # talk stays where it was)
        else:
            self.remember(session_id, request.question, subject or scopes[0], told, resolved.earlier,
                          context.report_ids if context else [], resolved.listed)
        yield Event("answer", answer)

    def resolve_parts(self, asked: str, context: Context | None) -> Resolved:
        """The question completed from the conversation; a question in two parts whose parts refer back to
        different reports, each part on its own."""
        resolved = resolve(asked, context, self.names, self.tools.areas)
        if context is None or len(parts := two_parts(asked)) != 2:
            return resolved
        each = [resolve(part, context, self.names, self.tools.areas) for part in parts]
        changed = not each[1].only and CHANGE_ASKED.search(parts[1])  # ("when was it inspected before that, and
        # how had things changed?": that report, then its body's change)
        return replace(resolved, parts=each) if each[0].only and (each[1].only or changed) and \
            each[0].only != each[1].only else resolved

    def answered(self, resolved: Resolved, filters: Filters | None,
                 session_id: str) -> tuple[list[Scope], Answer, CitationBook, Scope | None]:
        """The scopes, the answer and its evidence; when the bodies were only assumed from the conversation and
        their reports do not say, the question as asked, of every report, saying so (and, last, the scope of the
        bodies assumed: the conversation stays with them)."""
        scopes = self.scopes(resolved, filters)
        answer, book = self.answer(scopes, session_id)
        if resolved.assumed_report and not scopes[0].missing and (wider := self.other_reports(
                resolved, filters, answer, session_id)):
            return wider
        if not (answer.abstained and resolved.standalone):
            return scopes, answer, book, None
        subject = scopes[0]
        assumed = "; ".join(dict.fromkeys(b.body for s in scopes for b in s.bodies))
        read = any(s.report_ids for s in scopes)  # ("what else did that company run?": their reports left out,
        scopes = self.scopes(Resolved(resolved.standalone), filters)  # the conversation goes on with the answer's)
        for scope in scopes:
            scope.note = f"The reports on {assumed} do not say. Across all the reports:" if read else None
        answer, book = self.answer(scopes, session_id)
        return scopes, answer, book, subject if read else None

    def other_reports(self, resolved: Resolved, filters: Filters | None, answer: Answer,
                      session_id: str) -> tuple[list[Scope], Answer, CitationBook, None] | None:
        """"Who owned it?" of the 2018 report just discussed, which does not say (or barely: "what share was
        women?", its best sentence far weaker than another report's): the body's other reports."""
        if not answer.abstained and (answer.strength is None or answer.strength >= WEAK_ASSUMED):
            return None
        wider = self.scopes(replace(resolved, only=set(), assumed_report=False), filters)
        meta = self.library.reports[next(iter(resolved.only))]
        for scope in wider:
            scope.note = f"The {label(meta)} report does not say. From the other reports of {body_label(meta)}:"
        retried, book = self.answer(wider, session_id)
        if retried.abstained or not answer.abstained and (retried.strength or 0) < answer.strength + STRONGER_BY:
            return None
        return wider, retried, book, None

    def scopes(self, resolved: Resolved, filters: Filters | None) -> list[Scope]:
        """One scope per part of the question; a second part that says "it", or asks one thing and names no body, is
        about the first part's bodies (and years: "X in 2018 - how were the leaders, and what took a back seat?")."""
        if resolved.parts:  # ("which bit wasn't good, and what had they got the time before?": now, then before)
            return [self.scope(part, filters) for part in resolved.parts]
        parts = two_parts(resolved.text)
        if len(parts) == 2 and HOW_MANY_BARE.match(parts[1]) and (counted := counted_asked(parts[0])):
            parts[1] = HOW_MANY_BARE.sub(rf"\1 {counted} ", parts[1], count=1)  # ("how many hubs does X plan, and
            # how many were up and running?": hubs, again)
        scopes = [self.scope(replace(resolved, text=part), filters) for part in parts]
        if len(scopes) == 2 and not scopes[1].bodies and scopes[0].bodies and (
                REFERS_BACK.search(parts[1]) or scopes[1].kind == "fact"):
            scopes[1] = self.of_bodies(replace(resolved, text=parts[1]), filters, scopes[0])
            if not scopes[1].years and (same := [r for r in scopes[1].report_ids if r in scopes[0].report_ids]):
                scopes[1].report_ids = same  # ("when was X last inspected and what grade did it get?": that one)
        elif len(scopes) == 2 and not scopes[0].bodies and scopes[1].bodies and scopes[0].kind == "fact":
            scopes[0] = self.of_bodies(replace(resolved, text=parts[0]), filters, scopes[1])  # ("who was the lead
            # inspector and when was the inspection of X in 2019?", "what was good and what needs work at X?")
        if same_comparison(scopes):
            return [self.scope(resolved, filters)]
        return [one for scope in scopes  # ("compare A and B, and what was each told to improve?": that, of each)
                for one in self.each_body(replace(resolved, text=scope.question), filters, scope) or [scope]]

    def of_bodies(self, part: Resolved, filters: Filters | None, other: Scope) -> Scope:
        """A part of a question that names no body asked of the bodies (and single years) the other part names."""
        years = [str(lo) for lo, hi in other.years if lo == hi]
        named = "; ".join([*dict.fromkeys(b.body for b in other.bodies), *years])
        return self.scope(replace(part, text=f"{part.text.rstrip(' ?')} ({named})?"), filters)

    def each_body(self, resolved: Resolved, filters: Filters | None, scope: Scope) -> list[Scope]:
        """"What were A and B each told to improve?": a list over the bodies named of what, of one body, would
        be its report's side (an overview): each body's answer under its name. Empty when not so asked."""
        if resolved.inherited or scope.intent != "list" or scope.conditions or scope.answer_type or \
                len({b.body for b in scope.bodies}) < 2:  # ("what did they do well?" of a list: a list)
            return []
        each = {body: self.scope(replace(resolved, text=text), filters)
                for body, text in one_body_each(resolved.text, scope.bodies).items()}
        for one in each.values():
            one.heading = ""  # (each answer names its body first)
        return list(each.values()) if all(one.intent == "overview" for one in each.values()) else []

    def answer(self, scopes: list[Scope], session_id: str) -> tuple[Answer, CitationBook]:
        """One answer (and the evidence behind it); a question in two parts gets both, each under its own
        heading, numbered as one."""
        book = CitationBook(self.library)
        answers: list[Answer] = []
        for scope in scopes:
            if answers and self.refers_to_list(scopes[0], scope):
                if answers[0].abstained:  # "which were run by G4S, and how were they rated?": none were listed
                    answers.append(abstain(session_id, NONE_LISTED))
                    continue
                if listed := {item.report_id for item in answers[0].items} or bodies_reports(  # "rated good, who
                        {c.report_id for c in answers[0].citations}, self.names):  # owned them?"; "... it"
                    scope.report_ids = [r for r in scope.report_ids if r in listed]
            answers.append(COMPOSERS[scope.intent](self.tools, scope, book, session_id))
        for scope, answer in zip(scopes, answers):
            if scope.note and not answer.abstained:
                answer.answer = f"{scope.note}\n\n{answer.answer}"
        if len(answers) == 1:
            return answers[0], book
        text = "\n\n".join(("" if scope.heading == "" else f"**{scope.heading or ' '.join(scope.question.split())}**\n")
                           + a.answer for scope, a in zip(scopes, answers))
        return Answer(answer=text, abstained=all(a.abstained for a in answers), session_id=session_id,
                      citations=book.citations, items=[item for a in answers for item in a.items]), book

    @staticmethod
    def refers_to_list(first: Scope, second: Scope) -> bool:
        """Whether the second part of a question asks about what the first part lists ("and who owned them?")."""
        return not first.bodies and not second.bodies and bool(LISTED_BACK.search(second.question))

    def _prose(self, draft: Draft, live: bool) -> Generator[Event, None, Answer]:
        """The model's checked sentences as token events; the extractive text when it kept none."""
        assert self.prose is not None
        writer = self.prose.stream(draft, streaming=live)
        while True:
            try:
                piece = next(writer)
            except StopIteration as done:
                answer = done.value
                break
            yield Event("token", {"text": piece})
        if not draft.kept:
            yield from (Event("token", {"text": piece}) for piece in pieces(answer.answer))
        return answer

    def scope(self, resolved: Resolved, filters: Filters | None) -> Scope:
        scope = parse(resolved.text, list(self.library.reports.values()), self.tools.areas, self.names)
        if scope.bodies and ELSE_ASKED.match(resolved.text):
            scope = self.others(resolved.text, scope)
        scope.intent = intent_of(scope)
        if not scope.bodies and (described := [n for n in programmes_described(scope.question)
                                               if self.library.text.mentions(n)]):  # ("hub carers": Mockingbird, the
            scope.names = described  # topic; named as well, its description still ranks: "lifelong links to help
            if not all(n.lower() in scope.question.lower() for n in described):  # kids reconnect with family")
                scope.topic_words, scope.wanted = " ".join(described).split(), set()
                scope.topic = " ".join(scope.topic_words)
        elif not scope.bodies and not scope.names:  # "which councils use lifelong links": the reports' "Lifelong
            asked = besides_everyday(besides_grades(scope.topic_words), scope.question, scope.jargon)  # Links"
            scope.names = self.tools.written_as_names(asked, scope.question) or [
                q for q in QUOTED.findall(scope.question) if self.library.text.mentions(q)]  # (not counting "kids
            # in care" beside it; else a phrase put in quotes, as written: "any councils doing 'staying close'?")
        if scope.intent == "list" and (said := PHRASE_MENTIONED.search(scope.question)) and \
                self.library.text.mentions(said.group(1)) and not (scope.names and all(
                    n.lower() in said.group(1).lower() for n in scope.names)):
            scope.names = [said.group(1)]  # ("which of these mention family hubs: A, B, C?": the phrase, as said;
            # the name in it when it gives one: "the Mockingbird fostering programme" is Mockingbird)
        if filters is not None and filters.model_dump(exclude_none=True):
            allowed = set(scope_ids(self.library, filters) or self.library.reports)
            scope.report_ids = [rid for rid in scope.report_ids if rid in allowed]
            scope.bodies = [replace(b, report_ids=[r for r in b.report_ids if r in allowed]) for b in scope.bodies]
            if filters.body and not scope.bodies:
                scope.bodies = BodyNames(self.library.reports[r] for r in scope.report_ids).find(filters.body)
        scope.report_ids = [rid for rid in scope.report_ids if rid not in resolved.exclude]
        if named := [rid for rid in scope.report_ids if rid in resolved.only]:
            scope.report_ids = named  # (a report just discussed: asked as of a body named, "which part wasn't good?")
            scope.answer_type = scope.answer_type or answer_type(scope.question, named=True)
        scope.missing = resolved.missing or scope.missing
        if scope.intent == "compare" and scope.bodies and not scope.missing and \
                (absent := self.names.places_absent(scope.question, scope.bodies)):  # (not one side left out)
            scope.missing = f"no report in this index is about {absent[0]}"
        on_subject = scope.intent == "fact" and scope.answer_type == "grade" and bool(
            ON_A_SUBJECT.search(scope.question)) and names_subject(self.tools, scope)  # "how good is X at unpaid work"
        how_it_did = not on_subject and scope.area is None and self.how_it_did(scope)  # (an area named: its grade)
        if scope.intent == "fact" and not scope.missing and (asks_for_overview(self.tools, scope) or how_it_did):
            several = len({body_label(self.library.reports[r]) for r in scope.report_ids}) > 1
            scope.intent = "compare" if several else "overview"  # ("how did A and B do in 2020?": side by side)
        if scope.intent == "fact" and on_subject and area_asked(self.tools, scope)[2] is None:
            scope.answer_type = None  # "how did X do on unpaid work": what it says on that (no grade is given for it)
        return scope

    def others(self, question: str, named: Scope) -> Scope:
        """"Who else is using North Yorkshire's No Wrong Door model?": the other bodies of its kind whose reports
        say so (the question after "who else", its bodies' names left out; "what else" asks more of the same)."""
        kinds = {KIND_NOUNS.get(org_type(self.library.reports[r]) or "", "organisation") for r in named.report_ids}
        noun = f"{kinds.pop()}s" if len(kinds) == 1 else "organisations"
        rest = ELSE_ASKED.sub(" ", without_names(question, named.bodies, kinds=set()), count=1)
        scope = parse(f"which {noun} {rest}", list(self.library.reports.values()), self.tools.areas, self.names)
        scope.report_ids = [r for r in scope.report_ids if r not in named.report_ids]  # (a body's few reports)
        return scope

    def how_it_did(self, scope: Scope) -> bool:
        """How one body did, without naming a rating ("how did Northumbria do in 2018", "how did Medway do in its
        SEND inspection"): its overview gives the grade (or, for an ungraded report, the outcome in the report's
        words) and the findings behind it. ("What rating did X get" stays a grade: of an ungraded report,
        unanswered.)"""
        reports = [self.library.reports[r] for r in scope.report_ids]
        asked = RATING_ASKED.search(scope.question) or AREA_ASKED.search(scope.question) or EXTREME_AREA.search(
            scope.question) and any(m.areas for m in reports)  # ("which part got ...", "its weakest area")
        if scope.answer_type != "grade" or not scope.bodies or not reports or asked or GOT_FOR.search(scope.question) \
                or asks_yes_no_grade(scope.question):
            return False  # ("is Liverpool inadequate?": yes or no, first; "what did X get for Y": Y's grade)
        types = org_types_named(scope.question)  # "greater manchester police": not the CRC's report
        return not types or any(org_type(m) in types for m in reports)

    def remember(self, session_id: str, question: str, scope: Scope, answer: Answer, earlier: list[str] | None = None,
                 before: list[str] | None = None, listed: list[str] | None = None) -> None:
        context = replace(context_of(self.library, self.names, scope, answer), earlier=earlier or [],
                          before=before or [], listed=listed or [])
        self.sessions.add(session_id, Turn(question, scope.question, context.bodies, answer.answer, asdict(context)))


def pieces(text: str) -> list[str]:
    """The answer split into streamable pieces (lines, with their line breaks)."""
    return text.splitlines(keepends=True) or [text]


def years_quoted(citations: list, spans: list[tuple[int, int]]) -> bool:
    """Whether a quote cited names a year asked ("On 30 November 2018 ..." of a report dated 2019)."""
    return any(lo <= int(y) <= hi for c in citations for y in YEAR.findall(c.quote) for lo, hi in spans)

"""The default answerer: no LLM, deterministic. Resolves follow-ups, reads the question's scope, answers a fact
or a list from verified evidence, and records the turn. An optional prose writer may reword the answer."""

from __future__ import annotations

from collections.abc import Generator
from dataclasses import asdict, dataclass

from service.answering.compose import CitationBook
from service.answering.evidence import Tools
from service.answering.facts import answer_fact
from service.answering.followup import Context, Resolved, entities_in, resolve
from service.answering.areas import AreaNames
from service.answering.lists import answer_list
from service.answering.llm import ProseWriter
from service.answering.mentions import BodyNames, body_label
from service.answering.scope import Scope, parse
from service.answering.topic import TermStats
from service.library import Library
from service.retrieval import HybridSearch, scope_ids
from service.schemas import Answer, AskRequest, Filters
from service.sessions import Sessions, Turn


@dataclass
class Event:
    """One step of a streamed answer: ``status`` and ``token`` events, then the final ``answer``."""

    name: str
    data: dict[str, object] | Answer


@dataclass
class Vocabulary:
    """The index's body names and judgement areas, rebuilt when its reports table is re-read."""

    key: int
    names: BodyNames
    areas: AreaNames


class Answerer:
    def __init__(self, library: Library, sessions: Sessions, prose: ProseWriter | None = None) -> None:
        self.library = library
        self.sessions = sessions
        self.prose = prose
        self.search = HybridSearch(library)
        self._vocabulary = self._read_vocabulary()
        self.tools = Tools(library, self.search, TermStats(library.catalog), self._vocabulary.areas)

    def ask(self, request: AskRequest) -> Answer:
        events = list(self.stream(request))
        answer = events[-1].data
        assert isinstance(answer, Answer)
        return answer

    def stream(self, request: AskRequest) -> Generator[Event, None, None]:
        """Answer a request step by step; the last event carries the whole Answer."""
        session_id = request.session_id or self.sessions.new_id()
        vocabulary = self.vocabulary()
        previous = self.sessions.last(session_id)
        context = Context(**previous.context) if previous and previous.context else None
        resolved = resolve(request.question, context, vocabulary.names)
        yield Event("status", {"stage": "retrieving", "question": resolved.text})
        scope = self.scope(resolved, request.filters, vocabulary)
        answer = self.answer(scope, resolved, session_id)
        if self.prose is not None and not answer.abstained:
            yield Event("status", {"stage": "writing"})
            answer = yield from self._prose(resolved.text, answer)
        else:
            yield from (Event("token", {"text": piece}) for piece in pieces(answer.answer))
        self.remember(session_id, request.question, scope, answer, vocabulary.names)
        yield Event("answer", answer)

    def _prose(self, question: str, answer: Answer) -> Generator[Event, None, Answer]:
        assert self.prose is not None
        writer = self.prose.stream(question, answer)
        while True:
            try:
                piece = next(writer)
            except StopIteration as done:
                return done.value
            yield Event("token", {"text": piece})

    def scope(self, resolved: Resolved, filters: Filters | None, vocabulary: Vocabulary) -> Scope:
        scope = parse(resolved.text, self.library, vocabulary.areas, vocabulary.names)
        if filters is not None and filters.model_dump(exclude_none=True):
            allowed = set(scope_ids(self.library, filters) or self.library.reports)
            scope.report_ids = [rid for rid in scope.report_ids if rid in allowed]
            if filters.body and not scope.bodies:
                scope.bodies = BodyNames(self.library.reports[r] for r in scope.report_ids).find(filters.body)
        scope.report_ids = [rid for rid in scope.report_ids if rid not in resolved.exclude]
        if named := [rid for rid in scope.report_ids if rid in resolved.only]:
            scope.report_ids = named
        scope.missing = resolved.missing or scope.missing
        return scope

    def answer(self, scope: Scope, resolved: Resolved, session_id: str) -> Answer:
        book = CitationBook(self.library.catalog)
        if scope.kind == "list":
            return answer_list(self.tools, scope, book, session_id, resolved.exclude)
        return answer_fact(self.tools, scope, book, session_id)

    def vocabulary(self) -> Vocabulary:
        if self._vocabulary.key != id(self.library.reports):
            self._vocabulary = self._read_vocabulary()
            self.tools.areas = self._vocabulary.areas
        return self._vocabulary

    def _read_vocabulary(self) -> Vocabulary:
        reports = list(self.library.reports.values())
        return Vocabulary(id(self.library.reports), BodyNames(reports), AreaNames(reports))

    def remember(self, session_id: str, question: str, scope: Scope, answer: Answer, names: BodyNames) -> None:
        context = self.context_of(scope, answer, names)
        self.sessions.add(session_id, Turn(question, scope.question, context.bodies, answer.answer, asdict(context)))

    def context_of(self, scope: Scope, answer: Answer, names: BodyNames) -> Context:
        """What the next turn may refer back to: the reports answered about, their bodies, the year, the
        grade asked about, and the organisations the quotes name."""
        cited = [item.report_id for item in answer.items] or [c.report_id for c in answer.citations]
        cited = list(dict.fromkeys(cited)) or ([] if answer.items else [r for b in scope.bodies for r in b.report_ids])
        metas = [self.library.reports[r] for r in cited if r in self.library.reports]
        years = [lo for lo, hi in scope.years if lo == hi] or sorted({m.published.year for m in metas if m.published})
        return Context(
            resolved=scope.question, report_ids=cited, bodies=list(dict.fromkeys(body_label(m) for m in metas)),
            mentions=[scope.question[b.start:b.end] for b in scope.bodies], years=years[:1] if len(years) == 1 else [],
            grade=next((c.grade for c in scope.conditions if c.grade), None),
            entities=entities_in([c.quote for c in answer.citations[:10]], names))


def pieces(text: str) -> list[str]:
    """The answer split into streamable pieces (lines, with their line breaks)."""
    return text.splitlines(keepends=True) or [text]

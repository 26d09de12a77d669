"""The default answerer: no LLM, deterministic. Retrieves, picks sentences, verifies, composes."""

from __future__ import annotations

from service.answering.compose import CitationBook, abstain, passages_answer
from service.answering.evidence import best_sentences
from service.library import Library
from service.retrieval import HybridSearch
from service.schemas import Answer, AskRequest
from service.sessions import Sessions, Turn


class Answerer:
    def __init__(self, library: Library, sessions: Sessions) -> None:
        self.library = library
        self.sessions = sessions
        self.search = HybridSearch(library)

    def ask(self, request: AskRequest) -> Answer:
        session_id = request.session_id or self.sessions.new_id()
        question = request.question.strip()
        hits = self.search.search(question, k=8, filters=request.filters)
        evidence = best_sentences(question, hits)
        answer = passages_answer(evidence, CitationBook(self.library.catalog), session_id) if evidence \
            else abstain(session_id)
        bodies = sorted({c.body for c in answer.citations if c.body})
        self.sessions.add(session_id, Turn(question, question, bodies, answer.answer))
        return answer

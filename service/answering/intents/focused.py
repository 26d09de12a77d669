"""An overview with one aspect asked besides ("overview of Bedford's 2021/22 inspection, especially how they coped
with covid"): the report's overview, then what it says on that aspect under its own heading, numbered as one."""

from __future__ import annotations

from dataclasses import replace

from service.answering.compose import CitationBook
from service.answering.intent import FOCUS, OVERVIEW_WORDS, SIDES
from service.answering.intents.fact import answer_fact
from service.answering.intents.overview import answer_overview
from service.answering.scope import RATING, Scope
from service.answering.text import content_words, stem
from service.answering.tools import Tools
from service.schemas import Answer

ASKED_OF = "what does the report on "


def answer_focused(tools: Tools, scope: Scope, book: CitationBook, session_id: str) -> Answer:
    framing = [w for w in scope.topic_words if stem(w) in OVERVIEW_WORDS | RATING | SIDES]
    whole = answer_overview(tools, replace(scope, topic_words=framing), book, session_id)
    focus = FOCUS.search(scope.question)
    if focus is None or whole.abstained:
        return answer_fact(tools, scope, book, session_id)
    aspect = focus.group(1).strip(" ,.?")
    on = answer_fact(tools, aspect_scope(scope, aspect), book, session_id)
    if on.abstained:
        return whole
    text = f"{whole.answer}\n\n**On {aspect}**\n{on.answer}"
    return whole.model_copy(update={"answer": text, "citations": book.citations})


def aspect_scope(scope: Scope, aspect: str) -> Scope:
    """The question of the aspect alone, of the body named ("what does the report on Bedford say about how they
    coped with covid?")."""
    body = scope.bodies[0]
    name = scope.question[body.start:body.end]
    question = f"{ASKED_OF}{name} say about {aspect}?"
    at = replace(body, start=len(ASKED_OF), end=len(ASKED_OF) + len(name))
    return replace(scope, question=question, bodies=[at], topic=aspect, topic_words=content_words(aspect),
                   intent="fact")

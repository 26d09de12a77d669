"""Each intent's composer, by the name ``intent.intent_of`` gives it: the one place a new intent is added."""

from __future__ import annotations

from collections.abc import Callable

from service.answering.compose import CitationBook
from service.answering.intents.chat import answer_chat
from service.answering.intents.compare import answer_compare
from service.answering.intents.define import answer_definition
from service.answering.intents.fact import answer_fact
from service.answering.intents.focused import answer_focused
from service.answering.intents.lists import answer_list
from service.answering.intents.overview import answer_overview
from service.answering.intents.owners import answer_owners
from service.answering.intents.ranking import answer_rank
from service.answering.intents.themes import answer_themes
from service.answering.intents.trends import answer_trend
from service.answering.scope import Scope
from service.answering.tools import Tools
from service.schemas import Answer

Composer = Callable[[Tools, Scope, CitationBook, str], Answer]
COMPOSERS: dict[str, Composer] = {"fact": answer_fact, "define": answer_definition, "overview": answer_overview,
                                  "compare": answer_compare, "list": answer_list, "rank": answer_rank,
                                  "owners": answer_owners, "trend": answer_trend, "themes": answer_themes,
                                  "chat": answer_chat, "focused": answer_focused}

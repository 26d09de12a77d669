"""What is not a question about the reports ("hi", "thanks!", "help", "what can you do?"): what the assistant
does, with examples made from the index's own bodies and years, so a first-time user knows what to ask."""

from __future__ import annotations

from collections import Counter

from service.answering.compose import CitationBook
from service.answering.organisations import body_label
from service.answering.scope import Scope
from service.answering.tools import Tools
from service.schemas import Answer

THANKED = ("thank", "cheers", "ta")


def answer_chat(tools: Tools, scope: Scope, book: CitationBook, session_id: str) -> Answer:
    metas = tools.newest_first(list(tools.library.reports))
    if scope.question.strip().lower().startswith(THANKED):
        return Answer(answer="You're welcome. Ask another question about the reports whenever you like.",
                      abstained=True, session_id=session_id)
    years = sorted(m.published.year for m in metas if m.published)
    span = f", {years[0]}\u2013{years[-1]}" if years else ""
    body = body_label(metas[0]) if metas else "an organisation"
    year = years[-1] if years else ""
    graded = Counter(m.overall for m in metas if m.overall and m.published and m.published.year == year)
    grade = graded.most_common(1)[0][0] if graded else "good"  # (an example that finds some)
    text = (f"I answer questions about the {len(metas)} inspection reports in this index{span}. Every answer is "
            "cited to a report, a page and a quote from it; when the reports do not say, I say so. For example:\n"
            f"- How was {body} rated?\n- Summarise the latest {body} inspection.\n"
            f"- Which were rated {grade} in {year}?\n- What did inspectors say about staffing at {body}?\n"
            "- Compare two organisations, or ask what the reports say about a topic across all of them.")
    return Answer(answer=text, abstained=True, session_id=session_id)

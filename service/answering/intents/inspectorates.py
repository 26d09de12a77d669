"""Who inspects the reports in scope ("who inspects probation services?"): each inspectorate, how many of the
reports it wrote, cited to the line of its latest report that names it."""

from __future__ import annotations

import re

from service.answering.compose import NOTHING_ASKED, CitationBook, abstain
from service.answering.evidence import provenance_evidence
from service.answering.scope import Scope
from service.answering.tools import Tools
from service.schemas import Answer

WHO_INSPECTS = re.compile(r"^\W*who\s+(?:inspects?|inspected|checks?|regulates?|oversees?)\b", re.I)


def inspected_by(tools: Tools, scope: Scope, book: CitationBook, session_id: str) -> Answer:
    """"Who inspects probation services?": each inspectorate of the reports in scope, how many it wrote, cited to
    the line of its latest report that names it."""
    by: dict[str, list] = {}
    for meta in tools.newest_first(scope.report_ids):
        by.setdefault(meta.inspectorate or "", []).append(meta)
    total = len(scope.report_ids)
    lines = [f"**{name}** inspected {'all' if len(metas) == total else f'{len(metas)} of the'} {total} reports in scope "
             f"[{n}]." for name, metas in by.items()
             if name and (ev := provenance_evidence(tools.library, metas[0], "inspectorate"))
             and (n := book.cite(ev)) is not None]
    return Answer(answer="\n".join(lines), abstained=False, session_id=session_id, citations=book.citations) \
        if lines else abstain(session_id, NOTHING_ASKED)

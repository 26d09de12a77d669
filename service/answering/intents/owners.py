"""Owners counted ("who owned the most CRCs?", "which companies ran more than one CRC?"): each owner the reports
in scope name, with the bodies it owned, most first; each body cited to the line of its newest report that names
the owner."""

from __future__ import annotations

import re

from ingest.models import ReportMeta
from service.answering.compose import CitationBook, abstain
from service.answering.evidence import provenance_evidence
from service.answering.name_spans import owners
from service.answering.scope import Scope
from service.answering.text import MONTH
from service.answering.tools import Tools
from service.schemas import Answer, Item

MORE_THAN_ONE = re.compile(r"\b(?:more\s+than\s+one|several|multiple|two\s+or\s+more)\b", re.I)


def answer_owners(tools: Tools, scope: Scope, book: CitationBook, session_id: str) -> Answer:
    metas = tools.newest_first(scope.report_ids)
    owned = sorted(((name, bodies) for name, bodies in owners(metas).items() if not MONTH.fullmatch(name)),
                   key=lambda kv: (-len(kv[1]), kv[0]))  # ("Working Links, then Seetec (from February 2019)")
    if not owned:
        return abstain(session_id)
    several = bool(MORE_THAN_ONE.search(scope.question))
    most = len(owned[0][1])
    chosen = [(name, bodies) for name, bodies in owned if (len(bodies) > 1 if several else len(bodies) == most)]
    lines, items = [], []
    for name, bodies in chosen:
        cited = [(body, newest, n) for body, reports in bodies.items()
                 if (n := _cite(tools, book, newest := reports[0])) is not None]
        lines.append(f"- **{name}**: {len(bodies)} — " + ", ".join(f"{body} [{n}]" for body, _, n in cited))
        items += [Item(body=body, report_id=m.report_id, verdict="mentioned", citations=[n], published=m.published_iso(),
                       finding=f"owned by {name}") for body, m, n in cited]
    if not chosen:
        return abstain(session_id, "No owner named in the reports in scope owned more than one of them.")
    lead = "Owners of more than one organisation in scope, most first:" if several else \
        f"The most organisations owned by one owner in scope: {most}."
    return Answer(answer="\n".join([lead, *lines]), abstained=False, session_id=session_id,
                  citations=book.citations, items=items)


def _cite(tools: Tools, book: CitationBook, meta: ReportMeta) -> int | None:
    ev = provenance_evidence(tools.library, meta, "owner")
    return book.cite(ev) if ev is not None else None

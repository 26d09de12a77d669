"""What a term of the reports means ("what is a CRC?", "what does ILACS stand for?", "define the NPS"): the words
a report spells it out with, then the sentences in scope that say most about it by meaning, each said once."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from service.acronyms import spelled_out
from service.answering.asks import term_asked
from service.answering.compose import CitationBook, abstain
from service.answering.evidence import Evidence
from service.answering.grades import besides_grades, grade_of
from service.answering.organisations import body_label
from service.answering.scope import Scope
from service.answering.text import no_finding, stems, words
from service.answering.tools import Tools
from service.answering.verdict import is_absence
from service.schemas import Answer

SPELLING_READ = 200   # sentences that put the term in brackets, read for the words it stands for
SHOWN = 3             # sentences about it
SAID_SHARE = 0.75     # a sentence whose words, its body's name aside, are this much another's says it again
RANKED = 40
KEEP_WITHIN = 1.5     # ... ranking within this of the best (z-score units)


def spelled_as(tools: Tools, scope: Scope, term: str) -> tuple[str, str, Evidence] | None:
    """The acronym, the words the reports in scope spell it out with most often ("CRC", "Community
    Rehabilitation Company"), and the first sentence that does."""
    corpus, key = tools.library.text, term.strip().upper()
    rows = tools.rows(scope.report_ids)
    if len(term.split()) != 1:
        return None
    singular = term[:-1] if term[-1:] in "sS" else ""  # ("crcs": "crc")
    held = rows[corpus.holding(corpus.columns(f"{term} {singular}"), rows) > 0][:SPELLING_READ]
    found = [(said, int(row), acronym) for row in held
             for acronym, said in spelled_out(corpus.sentence(int(row))[4]).items() if key in (acronym.upper(),
                                                                                              f"{acronym.upper()}S")]
    if not found:
        return None
    said = Counter(s for s, _, _ in found).most_common(1)[0][0]
    row, acronym = next((r, a) for s, r, a in found if s == said)
    report_id, page, _, _, quote = corpus.sentence(row)
    said = next((m[0] for m in re.finditer(r"\s+".join(map(re.escape, said.split())), quote.replace("’", "'"), re.I)),
                said)  # (as the report writes it)
    return acronym, said, Evidence(tools.library.reports[report_id], page, corpus.section(row), quote, row=row)


def answer_definition(tools: Tools, scope: Scope, book: CitationBook, session_id: str) -> Answer:
    term = term_asked(scope.question) or scope.topic
    if (grade := grade_of(term)) and not besides_grades(words(term)):  # ("what does requires improvement mean?")
        return grade_meant(tools, scope, grade, book, session_id)
    spelled = spelled_as(tools, scope, term)
    topic = " ".join(filter(None, [term, spelled[1] if spelled else ""]))
    question = tools.of_scope(replace(scope, topic_words=words(topic), topic=topic))
    ranked = tools.ranker.rank(question, tools.rows(scope.report_ids), [], limit=RANKED)
    lines, spelling = [], [spelled[2]] if spelled else []
    if spelled and (n := book.cite(spelled[2])) is not None:
        lines.append(f"**{spelled[0]}** stands for *{spelled[1]}* [{n}].")
    ranked = [ev for ev in ranked if ev.score >= ranked[0].score - KEEP_WITHIN and ev.kind == "sentence"
              and not is_absence(ev.quote) and not no_finding(ev.quote)] if ranked else []
    names = sorted({n for ev in ranked for n in [ev.meta.body or "", *ev.meta.body_aliases] if n}, key=len,
                   reverse=True)  # (a sentence may name another body: "... which also ran London CRC")
    said = [ev for ev in ranked if generic(ev.quote, names, [term, *(spelled[:2] if spelled else [])])]
    for ev in distinct(said or ranked, SHOWN, spelling):
        if (n := book.cite(ev)) is not None:
            lines.append(f"- {ev.quote} [{n}]")
    if not lines:
        return abstain(session_id)
    return Answer(answer="\n".join(lines), abstained=False, session_id=session_id, citations=book.citations)


def grade_meant(tools: Tools, scope: Scope, grade: str, book: CitationBook, session_id: str) -> Answer:
    """What a grade means, as the reports that print their grades' meanings word for word say ("A local
    authority that is inadequate is providing services where ..."), the most printed first; else that they give
    the grade but do not say."""
    corpus = tools.library.text
    rows = tools.rows(scope.report_ids)
    columns = corpus.columns(grade)
    rows = rows[corpus.boilerplate[rows] & (corpus.holding(columns, rows) == len(columns))]
    defines = re.compile(rf"\b(?:that|which)\s+(?:is|are|requires?)\s+(?:rated\s+|judged\s+)?"
                         rf"{grade.replace('requires ', '(?:requires? )?')}\b", re.I)
    found = Counter(quote.lower() for row in rows if defines.search(quote := corpus.sentence(int(row))[4]))
    lines = []
    for said, _ in found.most_common(SHOWN):  # (each wording once, whatever its capitals)
        row = next(int(r) for r in rows[::-1] if corpus.sentence(int(r))[4].lower() == said)  # (the last report's)
        report_id, page, _, _, quote = corpus.sentence(row)
        ev = Evidence(tools.library.reports[report_id], page, corpus.section(row), quote, row=row)
        if (n := book.cite(ev)) is not None:
            lines.append(f"- {quote} [{n}]")
    if lines:
        return Answer(answer="\n".join(lines), abstained=False, session_id=session_id, citations=book.citations)
    given = sum(tools.library.reports[r].overall == grade for r in scope.report_ids)
    return abstain(session_id, f"The reports in this index give the grade *{grade.capitalize()}* (overall, to "
                               f"{given} of the {len(scope.report_ids)} in scope) but do not say what it means.")


def generic(text: str, names: list[str], forms: list[str]) -> bool:
    """True when the sentence uses the term (in one of its ``forms``) besides in a body's name: "Like other
    CRCs, Wales CRC supervised ..." speaks of CRCs, "Wales CRC was owned by ..." of one."""
    for name in names:
        text = re.sub(re.escape(name), " ", text, flags=re.I)
    return any(re.search(rf"\b{re.escape(form)}s?\b", text, re.I) for form in forms)


def distinct(ranked: list[Evidence], limit: int, shown: list[Evidence]) -> list[Evidence]:
    """The best sentences, less those another chosen one says again with another body's name ("Like other CRCs,
    Wales CRC supervised ...", "Like other CRCs, DLNR CRC supervised ...")."""
    chosen = list(shown)
    for ev in ranked:
        said = stems(ev.quote) - stems(body_label(ev.meta))
        if not any(len(said & (other := stems(c.quote) - stems(body_label(c.meta))))
                   >= SAID_SHARE * max(1, min(len(said), len(other))) for c in chosen):
            chosen.append(ev)
        if len(chosen) == limit + len(shown):
            break
    return chosen[len(shown):]

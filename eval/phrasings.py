"""``python -m eval phrasings``: the same facts asked in many wordings, scored by wording.

Users do not word questions the way a question set does. For reports sampled from the index, the overall grade,
one area grade and the lead inspector are asked in each of 12 wordings ("Was X rated inadequate in 2019?", "X 2019
overall grade", "Who led the 2016 inspection of X?" ...: OVERALL, AREA and LEAD in this module), and every year's
grade lists in 4 (LISTS), all through ``POST /ask`` (the app in-process, or ``--url``). An answer passes when it states the value read at
ingest and cites that report (lists: exactly the reports with that grade that year). The figures show how well
questions are *read*; whether the values were read right from the reports is eval.metadata_check's job.

Examples:
    python -m eval phrasings --index .data/index
    python -m eval phrasings --index .data/ofsted --sample 40 --seed 1 --out phrasings.json
"""

from __future__ import annotations

import argparse
import json
import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from eval.run import Asker, check_index, project_asker
from ingest.models import ReportMeta
from ingest.settings import catalog_path
from service.answering.organisations import body_label

OVERALL = ["What overall effectiveness grade did {b} get in {y}?", "How was {b} rated overall in its {y} inspection?",
           "What was {b}'s overall rating in {y}?", "Was {b} rated inadequate in {y}?", "{b} {y} overall grade",
           "What did the inspectorate judge {b}'s overall effectiveness to be in {y}?"]
AREA = ["What grade did {b} get for {a} in {y}?", "How did the inspectors rate {a} at {b} in {y}?",
        "In {y}, how was {a} judged at {b}?"]
LEAD = ["Who was the lead inspector for {b} in {y}?", "Who led the {y} inspection of {b}?",
        "Which inspector led the {y} inspection of {b}?"]
LISTS = ["Which {o} were judged {g} in {y}?", "Which {o} were {g} in {y}?", "Name the {o} rated {g} overall in {y}.",
         "How many {o} got an overall grade of {g} in {y}?"]


@dataclass
class Probe:
    wording: str
    question: str
    expected: str | set[str]      # a value the answer must state, or the exact report ids a list must hold
    report_id: str | None = None  # the report a single answer must cite


def single_probes(metas: list[ReportMeta]) -> Iterator[Probe]:
    for meta in metas:
        body, year = body_label(meta), meta.published.year if meta.published else ""
        if meta.overall:
            yield from (Probe(t, t.format(b=body, y=year), meta.overall, meta.report_id) for t in OVERALL)
        if meta.areas:
            area, grade = sorted(meta.areas.items())[0]
            yield from (Probe(t, t.format(b=body, y=year, a=area.lower()), grade, meta.report_id) for t in AREA)
        if meta.lead_inspector:
            surname = meta.lead_inspector.split()[-1]
            yield from (Probe(t, t.format(b=body, y=year), surname, meta.report_id) for t in LEAD)


def list_probes(reports: list[ReportMeta], noun: str) -> Iterator[Probe]:
    """Grade lists by year; a report's year is its publication year (its fieldwork's when it gives no date)."""
    from service.answering.dates import report_years

    years = {m.report_id: report_years(m, with_fieldwork=False) for m in reports if m.overall}
    for year in sorted(set().union(*years.values())):
        for grade in ("outstanding", "good", "requires improvement", "inadequate"):
            want = {m.report_id for m in reports if year in years.get(m.report_id, ()) and m.overall == grade}
            yield from (Probe(t, t.format(o=noun, g=grade, y=year), want) for t in LISTS)


def unique_in_year(reports: list[ReportMeta]) -> list[ReportMeta]:
    """Reports that are their body's only one in their year (so "X in 2019" names one report)."""
    seen: dict[tuple[str, int], list[ReportMeta]] = {}
    for meta in reports:
        if meta.published:
            seen.setdefault((body_label(meta), meta.published.year), []).append(meta)
    return [metas[0] for metas in seen.values() if len(metas) == 1]


def passes(asker: Asker, probe: Probe) -> bool:
    answer = asker.ask(probe.question, None)
    if isinstance(probe.expected, set):
        return {item.report_id for item in answer.items} == probe.expected
    text = answer.answer.lower().replace("requires improvement to be good", "requires improvement")
    return probe.expected.lower() in text and any(c.report_id == probe.report_id for c in answer.citations)


def score(asker: Asker, probes: Sequence[Probe]) -> dict[str, dict[str, object]]:
    """Per wording: questions asked, passed, and up to three failing questions."""
    out: dict[str, dict[str, object]] = {}
    for probe in probes:
        row = out.setdefault(probe.wording, {"asked": 0, "passed": 0, "failing": []})
        row["asked"] = int(row["asked"]) + 1  # type: ignore[call-overload]
        if passes(asker, probe):
            row["passed"] = int(row["passed"]) + 1  # type: ignore[call-overload]
        elif len(row["failing"]) < 3:  # type: ignore[arg-type]
            row["failing"].append(probe.question)  # type: ignore[union-attr]
    return out


def probes_for(index: Path, sample: int, seed: int, noun: str) -> list[Probe]:
    from ingest.catalog import Catalog

    reports = Catalog(catalog_path(index)).reports()
    chosen = unique_in_year(reports)
    chosen = random.Random(seed).sample(chosen, min(sample, len(chosen)))
    return list(single_probes(chosen)) + list(list_probes(reports, noun))


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m eval phrasings", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--index", type=Path, default=Path(".data/index"), help="index folder (default: .data/index)")
    ap.add_argument("--url", default=None, help="a running service instead of the app in-process")
    ap.add_argument("--sample", type=int, default=30, help="reports sampled for single-answer questions")
    ap.add_argument("--seed", type=int, default=0, help="which reports are sampled (default 0)")
    ap.add_argument("--organisations", default="organisations", help='plural used in list questions ("councils")')
    ap.add_argument("--out", type=Path, default=None, help="write the table as JSON here")
    args = ap.parse_args(argv)
    check_index(ap, args.index)
    probes = probes_for(args.index, args.sample, args.seed, args.organisations)
    with project_asker(args.index, args.url) as asker:
        table = score(asker, probes)
    print(f"{'wording':70s} {'passed':>12s}")
    for wording, row in table.items():
        print(f"{wording:70s} {row['passed']:>5}/{row['asked']:<5}")
        for question in row["failing"]:  # type: ignore[union-attr]
            print(f"    failed: {question}")
    total = sum(int(r["passed"]) for r in table.values()), sum(int(r["asked"]) for r in table.values())
    print(f"{'all':70s} {total[0]:>5}/{total[1]:<5}")
    if args.out:
        args.out.write_text(json.dumps({"passed": total[0], "asked": total[1], "wordings": table}, indent=2))
    return 0

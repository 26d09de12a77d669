"""The inspection framework a question names ("under the old single inspection framework", "ILACS inspections"),
and the reports made under it, read from each report's own title line (its report type): Ofsted's single inspection
framework (SIF, 2014-2018) titled its reports "Inspection of services for children in need of help and protection,
children looked after and care leavers"; its ILACS reports (from 2018) are "Inspection of (local authority)
children's (social care) services"."""

from __future__ import annotations

import re

from ingest.models import ReportMeta

NAMED = {"sif": re.compile(r"\bsingle inspection framework\b|\bsif\b", re.I),
         "ilacs": re.compile(r"\bilacs\b|\binspections? of local authority children['’]?s services\b", re.I)}
TITLED = {"sif": re.compile(r"services for children in need of help and protection", re.I),
          "ilacs": re.compile(r"^inspection of (?:local authority )?children['’]?s (?:social care )?services\b",
                              re.I)}
YEARS = {"sif": (2013, 2018), "ilacs": (2018, 9999)}
CALLED = {"sif": "the single inspection framework (SIF)", "ilacs": "the ILACS framework"}


def framework_named(question: str) -> str | None:
    """"sif" or "ilacs" when the question names that framework (one only), else None."""
    named = [name for name, pattern in NAMED.items() if pattern.search(question)]
    return named[0] if len(named) == 1 else None


def under(meta: ReportMeta, framework: str) -> bool:
    """True when the report's type says it was made under ``framework``; a report of no type read (a digest), when
    it was published in the framework's years (the SIF to 2018, ILACS from 2018), or its date is unknown."""
    if meta.report_type:
        return bool(TITLED[framework].search(meta.report_type))
    years = YEARS[framework]
    return meta.published is None or years[0] <= meta.published.year <= years[1]

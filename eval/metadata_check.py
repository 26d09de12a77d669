"""Measure ``extract_metadata`` against a hand-checked answer key, and survey a whole corpus.

Answer key: JSON Lines, one report a line:
``{"source": "<folder>/<file>", "body", "published": "YYYY-MM-DD", "overall": grade|null,
"areas": {area: grade}, "checked": "how it was read"}``. An area counts as right when the extractor
gives the same grade under the same name (compared without case, numbering or spacing); an area
the key lacks but the extractor reports counts as wrong, as does one it misses.

    .venv/bin/python -m eval.metadata_check                 # accuracy on eval/checks/ofsted_metadata.jsonl
    .venv/bin/python -m eval.metadata_check --all           # also every PDF in the corpus: grades by year
    .venv/bin/python -m eval.metadata_check --check FILE --corpus DIR

PDFs are read by the project's own loader (``ingest.loaders.load``: pypdfium2, one Page per PDF
page), so the measure covers the path ingest takes. The corpus lives outside the project
(``../shared/corpora/ofsted-ilacs``); when it is absent the command says so and exits 0.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from ingest.loaders import load
from ingest.metadata import extract_metadata
from ingest.metadata_text import fold, squash
from ingest.models import GRADES, ReportMeta

DEFAULT_CHECK = Path(__file__).resolve().parent / "checks" / "ofsted_metadata.jsonl"
DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "ofsted-ilacs"
FIELDS = ("body", "published", "overall", "areas")


def area_key(name: str) -> str:
    """Area names compared without case, numbering, quote style or spacing differences."""
    text = squash(fold(name)).lower()
    return re.sub(r"^\d+(?:\.\d+)*\.?\s+", "", text).strip(" .:")


def check_metadata(check_file: Path | str, corpus_root: Path | str) -> dict[str, Any]:
    """Field accuracy of ``extract_metadata`` on the answer key: body, published, overall, each area grade.

    Returns ``{"reports": int, "fields": {field: {"correct", "total", "accuracy"}}, "grades": {...},
    "failures": [{"source", "field", "expected", "got"}]}``; ``grades`` pools overall and area grades.
    """
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    failures: list[dict[str, Any]] = []
    rows = [json.loads(line) for line in Path(check_file).read_text().splitlines() if line.strip()]
    for row in rows:
        meta = extract_metadata(load(Path(corpus_root) / row["source"]), row["source"])
        for field, expected, got in _comparisons(row, meta):
            counts[field].update(total=1, correct=int(expected == got))
            if expected != got:
                failures.append({"source": row["source"], "field": field, "expected": expected, "got": got})
    return {
        "reports": len(rows),
        "fields": {field: _rate(counts[field]) for field in FIELDS},
        "grades": _rate(counts["overall"] + counts["areas"]),
        "failures": failures,
    }


def _comparisons(row: dict[str, Any], meta: ReportMeta) -> list[tuple[str, Any, Any]]:
    published = meta.published_iso()
    found: list[tuple[str, Any, Any]] = [
        ("body", row["body"], meta.body),
        ("published", row["published"], published),
        ("overall", row["overall"], meta.overall),
    ]
    expected = {area_key(name): grade for name, grade in row["areas"].items()}
    got = {area_key(name): grade for name, grade in meta.areas.items()}
    for key in sorted(expected.keys() | got.keys()):
        found.append(("areas", (key, expected.get(key)), (key, got.get(key))))
    return found


def _rate(counter: Counter[str]) -> dict[str, Any]:
    total = counter["total"]
    accuracy = round(counter["correct"] / total, 4) if total else 0.0
    return {"correct": counter["correct"], "total": total, "accuracy": accuracy}


def survey(corpus_root: Path | str) -> dict[str, Any]:
    """Every PDF under ``corpus_root``: how often body/published/overall are found, and grades by year.

    ``by_year`` counts overall grades ("none" where absent) and, as ``area:<grade>``, area grades.
    """
    by_year: dict[int, Counter[str]] = defaultdict(Counter)
    coverage: Counter[str] = Counter()
    for path in sorted(Path(corpus_root).rglob("*.pdf")):
        meta = extract_metadata(load(path), str(path.relative_to(corpus_root)))
        year = meta.published.year if meta.published else 0
        era = "2018+" if year >= 2018 else "before 2018"
        found = [field for field in ("body", "published", "overall") if getattr(meta, field)]
        coverage.update([f"{era}:reports"] + [f"{era}:{field}" for field in found])
        by_year[year].update([meta.overall or "none"] + [f"area:{grade}" for grade in meta.areas.values()])
    return {"coverage": dict(coverage), "by_year": {year: dict(c) for year, c in sorted(by_year.items())}}


def _print_check(result: dict[str, Any]) -> None:
    print(f"answer key: {result['reports']} reports")
    for name, rate in [*result["fields"].items(), ("all grades", result["grades"])]:
        print(f"  {name:<11} {rate['correct']:>4}/{rate['total']:<4} {rate['accuracy']:.1%}")
    for miss in result["failures"]:
        print(f"  MISS {miss['field']}: {miss['source']}: expected {miss['expected']!r}, got {miss['got']!r}")


def _print_survey(result: dict[str, Any]) -> None:
    coverage = result["coverage"]
    for era in ("before 2018", "2018+"):
        total = coverage.get(f"{era}:reports", 0)
        found = [f"{field} {coverage.get(f'{era}:{field}', 0)}/{total}"
                 for field in ("body", "published", "overall")]
        print(f"{era}: {total} reports; found " + ", ".join(found))
    names = (*GRADES, "none")
    print("year  overall " + "/".join(names) + "  |  area grades " + "/".join(GRADES))
    for year, counts in result["by_year"].items():
        overall = "/".join(str(counts.get(name, 0)) for name in names)
        areas = "/".join(str(counts.get(f"area:{grade}", 0)) for grade in GRADES)
        print(f"{year}  {overall:<16}  |  {areas}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval.metadata_check",
                                     description="Metadata and grade extraction accuracy on an answer key.")
    parser.add_argument("--check", type=Path, default=DEFAULT_CHECK, help="answer key (JSON Lines)")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="folder of the key's sources")
    parser.add_argument("--all", action="store_true", help="also survey every PDF in the corpus")
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"skipped: corpus not found at {args.corpus} (it lives in ../shared, outside the project)")
        return 0
    _print_check(check_metadata(args.check, args.corpus))
    if args.all:
        _print_survey(survey(args.corpus))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

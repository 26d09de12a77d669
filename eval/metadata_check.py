"""Measure ``extract_metadata`` against a hand-checked answer key, and survey a whole corpus.

Answer key: JSON Lines, one report a line:
``{"source": "<folder>/<file>", "body", "published": "YYYY-MM-DD", "overall": grade|null,
"areas": {area: grade}, "checked": "how it was read"}``.

    .venv/bin/python -m eval.metadata_check                 # accuracy on eval/checks/ofsted_metadata.jsonl
    .venv/bin/python -m eval.metadata_check --all           # also: every PDF in the corpus, grades by year
    .venv/bin/python -m eval.metadata_check --check FILE --corpus DIR

The corpus lives outside the project (``../shared/corpora/ofsted-ilacs``); when it is absent the
command says so and exits 0 without measuring anything.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter, defaultdict
from pathlib import Path

import pypdfium2 as pdfium

from ingest.metadata import extract_metadata
from ingest.metadata_text import fold, squash
from ingest.models import Page, ParsedDocument, ReportMeta

DEFAULT_CHECK = Path(__file__).resolve().parent / "checks" / "ofsted_metadata.jsonl"
DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "ofsted-ilacs"
FIELDS = ("body", "published", "overall", "areas")


def load_pdf(path: Path) -> ParsedDocument:
    """The PDF's text, one Page per PDF page (pypdfium2 text layer)."""
    pdf = pdfium.PdfDocument(str(path))
    try:
        pages = [Page(number=i + 1, text=pdf[i].get_textpage().get_text_range()) for i in range(len(pdf))]
    finally:
        pdf.close()
    return ParsedDocument(source=str(path), format="pdf", pages=pages)


def area_key(name: str) -> str:
    """Area names compared without case, numbering, quote style or spacing differences."""
    text = squash(fold(name)).lower()
    return re.sub(r"^\d+(?:\.\d+)*\.?\s+", "", text).strip(" .:")


def check_metadata(check_file: Path | str, corpus_root: Path | str) -> dict[str, object]:
    """Field accuracy of ``extract_metadata`` on the answer key: body, published, overall, each area grade.

    Returns ``{"reports", "fields": {field: {"correct", "total", "accuracy"}}, "grades": {...},
    "failures": [{"source", "field", "expected", "got"}]}``; ``grades`` pools overall and area grades.
    """
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    failures: list[dict[str, object]] = []
    rows = [json.loads(line) for line in Path(check_file).read_text().splitlines() if line.strip()]
    for row in rows:
        meta = extract_metadata(load_pdf(Path(corpus_root) / row["source"]), row["source"])
        for field, expected, got in _comparisons(row, meta):
            counts[field]["total"] += 1
            counts[field]["correct"] += expected == got
            if expected != got:
                failures.append({"source": row["source"], "field": field, "expected": expected, "got": got})
    grades = counts["overall"] + counts["areas"]
    return {
        "reports": len(rows),
        "fields": {field: _rate(counts[field]) for field in FIELDS},
        "grades": _rate(grades),
        "failures": failures,
    }


def _comparisons(row: dict[str, object], meta: ReportMeta) -> list[tuple[str, object, object]]:
    published = meta.published.isoformat() if meta.published else None
    found = [("body", row["body"], meta.body), ("published", row["published"], published),
             ("overall", row["overall"], meta.overall)]
    expected_areas = {area_key(name): grade for name, grade in dict(row["areas"]).items()}  # type: ignore[call-overload]
    got_areas = {area_key(name): grade for name, grade in meta.areas.items()}
    for key in sorted(expected_areas.keys() | got_areas.keys()):
        found.append(("areas", (key, expected_areas.get(key)), (key, got_areas.get(key))))
    return found


def _rate(counter: Counter[str]) -> dict[str, float | int]:
    total = counter["total"]
    return {"correct": counter["correct"], "total": total,
            "accuracy": round(counter["correct"] / total, 4) if total else 0.0}


def survey(corpus_root: Path | str) -> dict[str, object]:
    """Every PDF under ``corpus_root``: coverage of body/published/overall and grades by publication year."""
    by_year: dict[int, Counter[str]] = defaultdict(Counter)
    coverage: Counter[str] = Counter()
    for path in sorted(Path(corpus_root).rglob("*.pdf")):
        meta = extract_metadata(load_pdf(path), str(path.relative_to(corpus_root)))
        year = meta.published.year if meta.published else 0
        era = "2018+" if year >= 2018 else "before 2018"
        coverage.update([f"{era}:reports"] + [f"{era}:{field}" for field in ("body", "published", "overall")
                                               if getattr(meta, field)])
        by_year[year].update([meta.overall or "none"] + [f"area:{grade}" for grade in meta.areas.values()])
    return {"coverage": dict(coverage), "by_year": {year: dict(c) for year, c in sorted(by_year.items())}}


def _print_check(result: dict[str, object]) -> None:
    print(f"answer key: {result['reports']} reports")
    for field, rate in dict(result["fields"]).items():  # type: ignore[call-overload]
        print(f"  {field:<10} {rate['correct']:>4}/{rate['total']:<4} {rate['accuracy']:.1%}")
    grades = dict(result["grades"])  # type: ignore[call-overload]
    print(f"  {'grades':<10} {grades['correct']:>4}/{grades['total']:<4} {grades['accuracy']:.1%}")
    for failure in list(result["failures"]):  # type: ignore[call-overload]
        print(f"  MISS {failure['field']}: {failure['source']}: expected {failure['expected']!r}, got {failure['got']!r}")


def _print_survey(result: dict[str, object]) -> None:
    coverage = dict(result["coverage"])  # type: ignore[call-overload]
    for era in ("before 2018", "2018+"):
        total = coverage.get(f"{era}:reports", 0)
        shares = ", ".join(f"{field} {coverage.get(f'{era}:{field}', 0)}/{total}" for field in ("body", "published", "overall"))
        print(f"{era}: {total} reports; {shares}")
    grades = ("outstanding", "good", "requires improvement", "inadequate", "none")
    print("year  overall: " + " / ".join(grades) + "   | area grades: O/G/RI/I")
    for year, counts in dict(result["by_year"]).items():  # type: ignore[call-overload]
        overall = " / ".join(str(counts.get(g, 0)) for g in grades)
        areas = "/".join(str(counts.get(f"area:{g}", 0)) for g in grades[:4])
        print(f"{year}  {overall:<24} | {areas}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval.metadata_check", description=__doc__.split("\n")[0])
    parser.add_argument("--check", type=Path, default=DEFAULT_CHECK, help="answer key (JSON Lines)")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="folder the key's sources are under")
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

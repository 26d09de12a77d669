"""``python -m ingest.export --index DIR --out reports.csv|reports.json``: the reports table for spreadsheets.

One row per report: id, source, title, body, aliases, inspectorate, report type, dates, lead inspector, overall
grade, and one column per judgement area (named as the reports word them); JSON keeps the provenance too.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

from ingest.catalog import Catalog
from ingest.models import ReportMeta
from ingest.settings import catalog_path

FIELDS = ["report_id", "source", "title", "body", "body_aliases", "inspectorate", "report_type", "owner",
          "published", "inspection_dates", "lead_inspector", "overall"]


def flat_row(meta: ReportMeta) -> dict[str, str]:
    data = meta.model_dump(mode="json")
    row = {name: data[name] for name in FIELDS}
    row["body_aliases"] = "; ".join(meta.body_aliases)
    row["published"] = meta.published_iso()
    row.update({f"area: {area}": grade for area, grade in meta.areas.items()})
    return {k: "" if v is None else str(v) for k, v in row.items()}


def write_csv(reports: list[ReportMeta], out) -> None:  # type: ignore[no-untyped-def]
    rows = [flat_row(m) for m in reports]
    areas = sorted({k for row in rows for k in row if k.startswith("area: ")})
    writer = csv.DictWriter(out, fieldnames=FIELDS + areas, restval="")
    writer.writeheader()
    writer.writerows(rows)


def write_json(reports: list[ReportMeta], out) -> None:  # type: ignore[no-untyped-def]
    rows = [m.model_dump(mode="json", exclude={"published_precision"}) | {"published": m.published_iso()}
            for m in reports]
    json.dump({"reports": rows}, out, indent=2, ensure_ascii=False)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ingest.export", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter,
                                     epilog="examples:\n  python -m ingest.export --out reports.csv\n"
                                            "  python -m ingest.export --index .data/ofsted --format json > r.json")
    parser.add_argument("--index", type=Path, default=Path(".data/index"))
    parser.add_argument("--out", type=Path, default=None, help="file to write (default: standard output)")
    parser.add_argument("--format", choices=["csv", "json"], default=None, help="default: from --out, else csv")
    args = parser.parse_args(argv)
    catalog_file = catalog_path(args.index)
    if not catalog_file.exists():
        print(f"error: no index at {args.index}; run `python -m ingest PATH --index {args.index}` first",
              file=sys.stderr)
        return 2
    fmt = args.format or (args.out.suffix.lstrip(".") if args.out and args.out.suffix in (".csv", ".json") else "csv")
    reports = Catalog(catalog_file).reports()
    writer = write_csv if fmt == "csv" else write_json
    if args.out:
        with args.out.open("w", newline="", encoding="utf-8") as out:
            writer(reports, out)
    else:
        writer(reports, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())

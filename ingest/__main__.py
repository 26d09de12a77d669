"""``python -m ingest PATH [PATH ...] --index DIR``: add or update reports in an index."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ingest.pipeline import Summary
from ingest.settings import IndexSettings, catalog_path, chroma_path

EXAMPLES = """examples:
  python -m ingest corpus                          # the demo corpus into .data/index
  python -m ingest ~/reports/ofsted --index .data/ofsted
  python -m ingest report.pdf notes.md --index .data/index
  INSPECT_CHROMA_URL=http://127.0.0.1:8001 python -m ingest corpus   # vectors on a `chroma run` server
  python -m ingest ~/reports --catalog-url postgresql://inspect@db/inspect --chroma-url http://chroma:8001
                                                   # for replicas on several machines (README: Scaling out)
  python -m ingest corpus --rebuild                # rebuild an index made by an older version
  python -m ingest --remove corpus/essex-crc-2018.html --index .data/index   # take a report out (file or report id)
  python -m ingest --remove essex-crc-2018 wales-crc-2019                   # by report id (GET /reports lists them)
  python -m ingest ~/reports --prune               # also drop reports whose files under ~/reports were deleted

Files are found recursively: .pdf, .html/.htm, .md, .txt (hidden folders and README files are left out).
Re-running skips unchanged files without parsing them; a changed file replaces its old chunks.
A running service (python -m service) sees every added, changed or removed report within seconds, no restart.
Exit status: 0 all ingested, unchanged or removed; 1 some files failed or a --remove target was not in the
index (listed, the rest still done); 2 bad usage."""


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m ingest", description="Add or update inspection reports in a searchable index.",
        epilog=EXAMPLES, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="*", type=Path, metavar="PATH", help="report files or folders to add or update")
    parser.add_argument("--index", type=Path, default=None, help="index folder (default: .data/index)")
    parser.add_argument("--chroma-url", default=None, help="use a Chroma server instead of the embedded store")
    parser.add_argument("--catalog-url", default=None, help="postgresql://... : keep the catalog (and "
                        "conversations) in PostgreSQL instead of SQLite files in the index folder")
    parser.add_argument("--quiet", action="store_true", help="no progress bar")
    parser.add_argument("--rebuild", action="store_true",
                        help="if the index was built with another model, backend or chunker, delete its catalog "
                             "and local vectors and rebuild it from PATH (report files are never touched)")
    parser.add_argument("--remove", nargs="+", default=[], metavar="PATH_OR_REPORT_ID",
                        help="take reports out of the index: a report id, an ingested file, or a folder (every "
                             "report ingested from under it); the files themselves are not touched")
    parser.add_argument("--prune", action="store_true",
                        help="remove the reports whose files were ingested from under PATH and are gone now")
    args = parser.parse_args(argv)
    if not args.paths and not args.remove:
        parser.error("name report files or folders to ingest, or --remove PATH_OR_REPORT_ID")
    if args.prune and not args.paths:
        parser.error("--prune needs the folder(s) to check, e.g. python -m ingest ~/reports --prune")
    if missing := [str(p) for p in args.paths if not p.exists() and not p.is_symlink()]:
        parser.error(f"no such file or folder: {', '.join(missing)}")
    return args


def print_summary(summary: Summary) -> None:
    failed = [o for o in summary.outcomes if o.status == "failed"]
    removed = f"removed {summary.count('removed')}, " if summary.count("removed") else ""
    removed += f"{summary.count('skipped')} of other file types left out, " if summary.count("skipped") else ""
    print(f"\ningested {summary.count('ingested')} files, skipped {summary.count('unchanged')} unchanged, "
          f"{summary.count('duplicate')} duplicates, {removed}failed {len(failed)}; "
          f"{summary.pages} pages, {summary.chunks} chunks in {summary.seconds:.1f} s")
    for o in summary.outcomes:
        if o.status in ("duplicate", "removed", "skipped"):
            print(f"  {o.status}  {o.path}: {o.reason}")
    for o in failed:
        print(f"  FAILED  {o.path}: {o.reason}")


def discard_derived_data(settings: IndexSettings) -> None:
    """Delete what ingest derived from the reports (catalog, embedded Chroma); conversations are kept. On a Chroma
    server the old vectors stay in their own collection (named after the old fingerprint) until deleted there."""
    import shutil

    from ingest.catalog import Catalog

    index_dir = settings.index_dir
    if settings.catalog_url:
        Catalog(settings.catalog_url).discard()
    catalog = catalog_path(index_dir)
    for path in (catalog, catalog.with_name(catalog.name + "-wal"), catalog.with_name(catalog.name + "-shm")):
        path.unlink(missing_ok=True)
    shutil.rmtree(chroma_path(index_dir), ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    from tqdm import tqdm

    from ingest.catalog import IndexMismatch
    from ingest.pipeline import Ingestor

    overrides = {k: v for k, v in {"index_dir": args.index, "chroma_url": args.chroma_url,
                                   "catalog_url": args.catalog_url}.items() if v}
    settings = IndexSettings(**overrides)
    try:
        ingestor = Ingestor(settings)
    except IndexMismatch as exc:
        if not args.rebuild:
            print(f"error: {exc} (or pass --rebuild)", file=sys.stderr)
            return 2
        print(f"rebuilding: {exc}", file=sys.stderr)
        discard_derived_data(settings)
        ingestor = Ingestor(settings)
    bar = tqdm(total=0, unit="file", disable=args.quiet, file=sys.stderr)

    def on_total(total: int) -> None:
        bar.total = total
        bar.refresh()

    def on_outcome(outcome) -> None:  # type: ignore[no-untyped-def]
        bar.set_postfix_str(f"{outcome.status}: {Path(outcome.path).name[:40]}")
        bar.update(1)

    summary = ingestor.run(args.paths, on_total=on_total, on_outcome=on_outcome, remove=args.remove,
                           prune=args.prune)
    bar.close()
    print_summary(summary)
    return 1 if summary.count("failed") else 0


if __name__ == "__main__":
    sys.exit(main())

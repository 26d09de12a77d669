"""``python -m eval bench`` / ``python -m eval.bench``: ingest speed, memory and query latency, side by side.

In one run, each workload in its own process (so peak memory is its own; ``eval.bench_runs``):
  project   the project's ingest into a fresh index (the index the query benchmarks then use)
  reingest  the same command again over the unchanged corpus
  ceiling   embedding only: exactly the texts the project embedded, one model call (plus a batch/thread sweep)
  anchor    the LangChain tutorial pipeline on the same files with the same model
  queries   /search and /ask in-process and over HTTP, a loopback load test, service memory (--queries)
Prints a table with ratios and README-ready Markdown; ``--out`` writes every figure as JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

from eval.bench_report import markdown, table

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpora" / "ofsted-ilacs"
INDEX = Path("/tmp/ofsted-bench-index")
QUESTIONS = ROOT / "eval" / "questions" / "ofsted.jsonl"
INGEST_STAGES = ("project", "reingest", "ceiling", "anchor")
EXAMPLES = """examples:
  python -m eval.bench --limit 20 --out /tmp/bench-20.json          # a quick run on 20 files
  python -m eval.bench --queries --out eval/out/bench.json            # the whole Ofsted corpus, then queries
  python -m eval.bench --stages queries --index /tmp/ofsted-bench-index   # queries on an index built before"""


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="python -m eval bench", description=__doc__.split("\n\n")[0],
                                epilog=EXAMPLES, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--corpus", type=Path, default=CORPUS, help=f"report folder (default {CORPUS})")
    p.add_argument("--index", type=Path, default=None, help=f"index built by the bench (default {INDEX}[-limitN])")
    p.add_argument("--limit", type=int, default=0, help="only N files, spread evenly over the corpus")
    p.add_argument("--out", type=Path, default=None, help="write all figures as JSON")
    p.add_argument("--queries", action="store_true", help="also run the query benchmarks")
    p.add_argument("--stages", default=None, help=f"comma-separated subset of {','.join(INGEST_STAGES)},queries")
    p.add_argument("--questions", type=Path, default=QUESTIONS)
    p.add_argument("--clients", type=int, default=20, help="load test: concurrent clients (0 = no load test)")
    p.add_argument("--seconds", type=float, default=60.0, help="load test: duration")
    p.add_argument("--sweep-texts", type=int, default=512, help="texts in the batch-size/threads sweep (0 = none)")
    return p.parse_args(argv)


def limited_corpus(corpus: Path, limit: int) -> Path:
    """A folder of links to ``limit`` files spread over the corpus, keeping their relative paths (and ids)."""
    from ingest.discover import discover

    files, _ = discover([corpus])
    step = max(1, len(files) // limit)
    folder = Path(tempfile.gettempdir()) / f"ofsted-bench-corpus-{limit}"
    shutil.rmtree(folder, ignore_errors=True)
    for f in files[::step][:limit]:
        link = folder / f.relative
        link.parent.mkdir(parents=True, exist_ok=True)
        link.symlink_to(f.path.resolve())
    return folder


def fresh_index(index: Path) -> None:
    """Remove an index the bench built before; refuse to touch a folder that holds anything else."""
    if not index.exists():
        return
    from ingest.settings import CATALOG_FILE, CHROMA_DIR

    databases = (CATALOG_FILE, "sessions.sqlite")
    known = {CHROMA_DIR, "index-id", *databases, *(f"{db}-{end}" for db in databases for end in ("wal", "shm"))}
    others = {p.name for p in index.iterdir()} - known
    if others:
        raise SystemExit(f"refusing to delete {index}: it holds {sorted(others)[:5]}, not only an index")
    shutil.rmtree(index)


def run_child(cmd: list[str], result: Path) -> dict[str, Any]:
    """Run a measured workload in its own process; its progress lines go to our stderr, its figures to ``result``."""
    tail: list[str] = []
    with subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True) as child:
        for line in child.stderr or []:
            if line.startswith("  "):
                print(line, end="", file=sys.stderr, flush=True)
            tail = (tail + [line])[-40:]
    if child.returncode != 0 or not result.exists():
        return {"error": "".join(tail)[-2000:] or f"exit status {child.returncode}"}
    return json.loads(result.read_text())


def run_stage(kind: str, corpus: Path, index: Path, sweep_texts: int) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        result = Path(tmp) / "result.json"
        return run_child([sys.executable, "-m", "eval.bench_runs", kind, "--corpus", str(corpus), "--index",
                          str(index), "--result", str(result), "--sweep-texts", str(sweep_texts)], result)


def run_queries(index: Path, args: argparse.Namespace) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        result = Path(tmp) / "queries.json"
        return run_child([sys.executable, "-m", "eval.bench_queries", str(index), str(args.questions), str(result),
                          str(args.clients), str(args.seconds)], result)


def machine() -> dict[str, Any]:
    model = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                  if line.startswith("model name")), platform.processor())
    mem_kb = next(int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines()
                  if line.startswith("MemTotal"))
    return {"date": date.today().isoformat(), "cores": os.cpu_count(), "cpu": model,
            "memory_gb": round(mem_kb / 1024 / 1024), "python": platform.python_version(),
            "load_average_start": os.getloadavg()[0]}


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    stages = args.stages.split(",") if args.stages else [*INGEST_STAGES, *(["queries"] if args.queries else [])]
    unknown = set(stages) - {*INGEST_STAGES, "queries"}
    if unknown or not args.corpus.is_dir():
        print(f"error: unknown stages {sorted(unknown)}" if unknown else f"error: no folder {args.corpus}",
              file=sys.stderr)
        return 2
    corpus = limited_corpus(args.corpus, args.limit) if args.limit else args.corpus
    index = args.index or (INDEX if not args.limit else INDEX.with_name(f"{INDEX.name}-limit{args.limit}"))
    report: dict[str, Any] = {"machine": machine(), "corpus": str(args.corpus), "limit": args.limit,
                              "index": str(index), "stages": {}}
    for stage in stages:
        print(f"[bench] {stage} ...", file=sys.stderr, flush=True)
        started = time.perf_counter()
        if stage == "project":
            fresh_index(index)
        result = (run_queries(index, args) if stage == "queries"
                  else run_stage(stage, corpus, index, args.sweep_texts if stage == "ceiling" else 0))
        report["stages"][stage] = result
        print(f"[bench] {stage} done in {time.perf_counter() - started:.0f} s", file=sys.stderr, flush=True)
        report["machine"]["load_average_end"] = os.getloadavg()[0]
        if args.out:
            args.out.parent.mkdir(parents=True, exist_ok=True)
            args.out.write_text(json.dumps(report, indent=1))
    print(table(report))
    print(markdown(report))
    failed = [s for s, r in report["stages"].items() if "error" in r]
    for stage in failed:
        print(f"stage {stage} failed:\n{report['stages'][stage]['error']}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

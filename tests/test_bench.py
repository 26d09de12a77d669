"""The benchmark harness: its tables, its safety with folders, and a tiny end-to-end run."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from eval.bench import fresh_index, limited_corpus, main
from eval.bench_queries import percentiles
from eval.bench_report import markdown, ratios, table
from tests.fixtures import make_reports

ROOT = Path(__file__).resolve().parents[1]

REPORT = {
    "machine": {"date": "2025-01-01", "cores": 2, "cpu": "Test CPU", "memory_gb": 24, "load_average_start": 1.0,
                "load_average_end": 1.5},
    "corpus": "/corpus", "limit": 0, "index": "/tmp/x",
    "stages": {
        "project": {"wall_s": 100.0, "cpu_s": 190.0, "peak_rss_mb": 1200.0, "children_peak_rss_mb": 300.0,
                    "files": 10, "pages": 200, "chunks": 1000, "model_loaded": True,
                    "timings": {"parse": 8.0, "chunk": 2.0, "embed": 90.0, "store": 5.0}},
        "reingest": {"wall_s": 2.0, "cpu_s": 1.5, "peak_rss_mb": 150.0, "children_peak_rss_mb": 0.0,
                     "model_loaded": False, "timings": {}},
        "ceiling": {"embed_s": 90.0, "embed_cpu_s": 178.0, "wall_s": 95.0, "cpu_s": 180.0, "peak_rss_mb": 900.0,
                    "chunks": 1000, "sweep": {"texts": 64, "st_default_s": 3.0, "project_encode_s": 2.5}},
        "anchor": {"wall_s": 150.0, "cpu_s": 240.0, "peak_rss_mb": 1500.0, "pages": 200, "chunks": 1200,
                   "timings": {"parse": 40.0, "chunk": 0.5, "embed": 100.0, "store": 9.5}},
        "queries": {"in_process": {"search": {"n": 10, "p50_ms": 12.0, "p95_ms": 20.0, "errors": 0}},
                    "http": {"search": {"n": 10, "p50_ms": 15.0, "p95_ms": 25.0, "errors": 0},
                             "memory_after_warmup": {"rss_mb": 700.0, "peak_rss_mb": 720.0}}},
    },
}


def test_ratios_are_computed_against_the_project_run() -> None:
    found = {what: measured for what, measured, _ in ratios(REPORT)}
    assert found["tutorial time / project time (wall; CPU)"] == "1.50x; 1.26x"
    assert found["project throughput / embedding-only ceiling (wall; CPU)"] == "0.90; 0.94"
    assert found["re-ingest unchanged / first ingest"].startswith("0.020")
    assert found["ingest peak memory (process + parse worker)"] == "1.46 GB"
    assert found["/search p50 (http)"] == "15.0 ms"


def test_table_and_markdown_carry_date_machine_and_every_pipeline() -> None:
    text, md = table(REPORT), markdown(REPORT)
    for label in ("project ingest (first)", "re-ingest", "embedding only", "LangChain tutorial"):
        assert label in text and label in md
    assert "2025-01-01" in md and "2 cores" in md and md.count("|---|") >= 2


def test_percentiles() -> None:
    assert percentiles([float(x) for x in range(1, 101)])["p95_ms"] == 96.0
    assert percentiles([]) == {"n": 0}


def test_fresh_index_refuses_a_folder_that_is_not_an_index(tmp_path: Path) -> None:
    (tmp_path / "thesis.docx").write_text("precious")
    with pytest.raises(SystemExit):
        fresh_index(tmp_path)
    assert (tmp_path / "thesis.docx").exists()


def test_limited_corpus_links_files_under_their_relative_paths(tmp_path: Path) -> None:
    folder = make_reports(tmp_path / "reports")
    limited = limited_corpus(folder, 2)
    links = sorted(p for p in limited.rglob("*") if p.is_file())
    assert len(links) == 2 and all(p.is_symlink() for p in links)


def test_bad_stage_is_a_usage_error(tmp_path: Path) -> None:
    assert main(["--corpus", str(tmp_path), "--stages", "nonsense"]) == 2


def test_end_to_end_project_and_reingest(tmp_path: Path) -> None:
    folder = make_reports(tmp_path / "reports")
    out = tmp_path / "bench.json"
    done = subprocess.run([sys.executable, "-m", "eval.bench", "--corpus", str(folder), "--index",
                           str(tmp_path / "index"), "--stages", "project,reingest", "--out", str(out)],
                          cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    stages = json.loads(out.read_text())["stages"]
    assert stages["project"]["ingested"] == 4 and stages["project"]["chunks"] > 0
    assert stages["reingest"]["unchanged"] == 4 and stages["reingest"]["model_loaded"] is False
    assert "project ingest (first)" in done.stdout and "### Speed and scale" in done.stdout

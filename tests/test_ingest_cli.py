"""The ingest CLI end to end: real files, real model, real Chroma on a temporary folder."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ingest.catalog import Catalog, IndexMismatch
from ingest.pipeline import Ingestor
from ingest.settings import IndexSettings
from ingest.store import VectorStore
from tests.fixtures import make_reports

ROOT = Path(__file__).resolve().parents[1]


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "ingest", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=300)


def test_cli_ingests_reports_and_skips_unchanged(tmp_path: Path) -> None:
    folder = make_reports(tmp_path / "reports")
    index = tmp_path / "index"
    first = run_cli(str(folder), "--index", str(index), "--quiet")
    assert first.returncode == 0, first.stdout + first.stderr
    assert "ingested 4 files" in first.stdout
    second = run_cli(str(folder), "--index", str(index), "--quiet")
    assert second.returncode == 0 and "skipped 4 unchanged" in second.stdout and "0 chunks" in second.stdout


def test_cli_lists_failures_and_still_ingests_the_rest(tmp_path: Path) -> None:
    folder = make_reports(tmp_path / "reports")
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4 not really")
    (folder / "minutes.docx").write_bytes(b"PK not a report type")
    result = run_cli(str(folder), "--index", str(tmp_path / "index"), "--quiet")
    assert result.returncode == 1
    assert "ingested 4 files" in result.stdout and "1 of other file types left out" in result.stdout
    assert "FAILED" in result.stdout and "broken.pdf" in result.stdout
    assert "skipped" in result.stdout and "minutes.docx: not a report file type" in result.stdout


def test_cli_usage_errors_exit_2(tmp_path: Path) -> None:
    assert run_cli().returncode == 2
    mistyped = run_cli(str(tmp_path / "reprots"), "--index", str(tmp_path / "index"))
    assert mistyped.returncode == 2 and "no such file or folder" in mistyped.stderr and "reprots" in mistyped.stderr
    assert not (tmp_path / "index").exists()
    help_text = run_cli("--help")
    assert help_text.returncode == 0 and "examples:" in help_text.stdout


def test_changed_file_replaces_its_chunks(tmp_path: Path, embeddings) -> None:
    folder = make_reports(tmp_path / "reports")
    settings = IndexSettings(index_dir=tmp_path / "index")
    ingestor = Ingestor(settings, embeddings=embeddings)
    ingestor.run([folder])
    md = folder / "riverside.md"
    md.write_text(md.read_text().replace("lighthouse keeper", "harbour pilot"))
    summary = ingestor.run([folder])
    assert summary.count("ingested") == 1 and summary.count("unchanged") == 3
    texts = " ".join(c.text for c in ingestor.catalog.report_chunks("riverside"))
    assert "harbour pilot" in texts and "lighthouse" not in texts
    assert ingestor.store.ids() == ingestor.catalog.chunk_ids()


def test_duplicate_files_are_reported_not_indexed_twice(tmp_path: Path, embeddings) -> None:
    folder = make_reports(tmp_path / "reports")
    shutil.copy(folder / "riverside.md", folder / "riverside-copy.md")
    summary = Ingestor(IndexSettings(index_dir=tmp_path / "index"), embeddings=embeddings).run([folder])
    assert summary.count("duplicate") == 1 and summary.count("ingested") == 4


def test_chunks_carry_report_page_section_and_span(tmp_path: Path, embeddings) -> None:
    folder = make_reports(tmp_path / "reports")
    ingestor = Ingestor(IndexSettings(index_dir=tmp_path / "index"), embeddings=embeddings)
    ingestor.run([folder])
    chunks = ingestor.catalog.report_chunks("meadow")
    page2 = [c for c in chunks if c.page == 2]
    assert page2 and page2[0].section == "Case supervision"
    for c in chunks:
        assert ingestor.catalog.page_text("meadow", c.page)[c.start:c.end] == c.text
    stored = ingestor.store.collection.get(ids=[page2[0].chunk_id], include=["metadatas"])["metadatas"][0]
    assert stored["report_id"] == "meadow" and stored["page"] == 2


def test_index_refuses_another_chunker(tmp_path: Path) -> None:
    Catalog(tmp_path / "catalog.sqlite").ensure_fingerprint(IndexSettings(index_dir=tmp_path).fingerprint())
    other = IndexSettings(index_dir=tmp_path, chunk_tokens=120)
    with pytest.raises(IndexMismatch, match="another --index"):
        Catalog(tmp_path / "catalog.sqlite").ensure_fingerprint(other.fingerprint())


def test_rebuild_replaces_an_index_of_another_version(tmp_path: Path, capsys) -> None:
    from ingest.__main__ import main

    index, reports = tmp_path / "index", make_reports(tmp_path / "reports")
    old = IndexSettings(index_dir=index, chunk_tokens=120)  # as if built by an older chunker
    Catalog(index / "catalog.sqlite").ensure_fingerprint(old.fingerprint())
    (index / "sessions.sqlite").write_text("kept")
    assert main([str(reports), "--index", str(index), "--quiet"]) == 2
    assert "--rebuild" in capsys.readouterr().err
    assert main([str(reports), "--index", str(index), "--quiet", "--rebuild"]) == 0
    catalog = Catalog(index / "catalog.sqlite")
    catalog.ensure_fingerprint(IndexSettings(index_dir=index).fingerprint())  # the current version now
    assert len(catalog.reports()) == 4 and (index / "sessions.sqlite").read_text() == "kept"
    assert len(list(reports.iterdir())) == 4  # the reports themselves are untouched


def test_reconcile_removes_orphan_vectors(tmp_path: Path, embeddings) -> None:
    settings = IndexSettings(index_dir=tmp_path / "index")
    ingestor = Ingestor(settings, embeddings=embeddings)
    ingestor.run([make_reports(tmp_path / "reports")])
    VectorStore(settings, embeddings).upsert(["ghost:1"], embeddings.encode(["orphan"]), ["orphan"],
                                             [{"report_id": "ghost"}])
    assert ingestor.reconcile() == 1
    assert "ghost:1" not in ingestor.store.ids()

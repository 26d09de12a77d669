"""An ingest killed with SIGKILL at any point and then re-run ends with exactly the chunks of a clean ingest:
no duplicates, no orphans, in the catalog and in Chroma alike."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from ingest.catalog import Catalog
from ingest.pipeline import Ingestor
from ingest.settings import IndexSettings
from ingest.store import VectorStore
from tests.fixtures import make_reports

ROOT = Path(__file__).resolve().parents[1]
BODIES = ["Ash", "Birch", "Cedar", "Elm", "Fir", "Hazel"]
WORDS = ("inspectors found case supervision risk assessment victims unpaid work resettlement staff caseloads "
         "management oversight quality partnership court reports accommodation education training").split()


def make_corpus(folder: Path) -> Path:
    """Ten reports: the four fixture files and six generated Markdown reports of about 60 chunks each (enough
    work that each moment below falls inside the run, with the int8 model embedding ~100 chunks/s)."""
    make_reports(folder)
    rng = random.Random(7)
    for body in BODIES:
        sentences = [" ".join(rng.choice(WORDS) for _ in range(14)).capitalize() + "." for _ in range(600)]
        paragraphs = [" ".join(sentences[i:i + 6]) for i in range(0, 600, 6)]
        head = f"# An inspection of {body} CRC\n\nInspected body: {body} CRC\n\n## Findings\n\n"
        (folder / f"{body.lower()}.md").write_text(head + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
    return folder


def start_ingest(folder: Path, index: Path) -> subprocess.Popen[str]:
    command = [sys.executable, "-m", "ingest", str(folder), "--index", str(index), "--quiet"]
    return subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def run_ingest(folder: Path, index: Path) -> str:
    process = start_ingest(folder, index)
    out, _ = process.communicate(timeout=900)
    assert process.returncode == 0, out
    return out


def committed_files(index: Path) -> int:
    path = index / "catalog.sqlite"
    if not path.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=1) as db:
            return db.execute("SELECT count(*) FROM files").fetchone()[0]
    except sqlite3.Error:  # not created yet
        return 0


def state(index: Path) -> dict[str, object]:
    """What a re-run must get right: chunk ids per report in the catalog, its full-text rows, the vectors."""
    catalog = Catalog(index / "catalog.sqlite")
    db = catalog.db
    chunks = sorted(tuple(row) for row in db.execute("SELECT report_id, chunk_id FROM chunks"))
    files = sorted(row[0] for row in db.execute("SELECT report_id FROM files"))
    reports = sorted(row[0] for row in db.execute("SELECT report_id FROM reports"))
    return {"chunks": chunks, "files": files, "reports": reports,
            "vectors": sorted(VectorStore(IndexSettings(index_dir=index)).ids())}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_corpus(tmp_path_factory.mktemp("crash") / "reports")


@pytest.fixture(scope="module")
def clean_state(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    index = tmp_path_factory.mktemp("clean") / "index"
    run_ingest(corpus, index)
    result = state(index)
    assert len(result["reports"]) == 10 and result["vectors"] == [cid for _, cid in result["chunks"]]
    return result


def after_seconds(seconds: float) -> Callable[[Path, float], bool]:
    return lambda index, started: time.monotonic() - started >= seconds


def after_files(count: int, extra_s: float = 0.0) -> Callable[[Path, float], bool]:
    seen: dict[str, float] = {}

    def ready(index: Path, started: float) -> bool:
        if "at" not in seen and committed_files(index) >= count:
            seen["at"] = time.monotonic()
        return "at" in seen and time.monotonic() - seen["at"] >= extra_s

    return ready


MOMENTS = {
    "while starting up": after_seconds(1.0),
    "right after the first report": after_files(1),
    "inside a report's writes": after_files(6),  # reports are written one after another once a group is embedded
    "near the end": after_files(9),
}


def kill_when(process: subprocess.Popen[str], index: Path, ready: Callable[[Path, float], bool]) -> bool:
    """SIGKILL ``process`` once ``ready`` holds; False when it finished first."""
    started = time.monotonic()
    while process.poll() is None:
        if ready(index, started):
            os.kill(process.pid, signal.SIGKILL)
            process.wait(timeout=60)
            return True
        if time.monotonic() - started > 600:
            process.kill()
            pytest.fail("the ingest made no progress in 10 minutes")
        time.sleep(0.02)
    return False


@pytest.mark.parametrize("moment", list(MOMENTS))
def test_kill_9_then_rerun_equals_a_clean_ingest(corpus: Path, clean_state, tmp_path: Path,
                                                  moment: str) -> None:
    index = tmp_path / "index"
    process = start_ingest(corpus, index)
    killed = kill_when(process, index, MOMENTS[moment])
    assert killed, f"the ingest finished before the moment {moment!r}: {process.stdout.read()}"
    process.stdout.close()
    run_ingest(corpus, index)
    assert state(index) == clean_state


class Crash(BaseException):
    """Stands in for SIGKILL at an exact point: nothing in the pipeline catches it."""


def test_crash_between_vector_and_catalog_writes_leaves_no_orphans(corpus: Path, clean_state, tmp_path: Path,
                                                                   embeddings, monkeypatch) -> None:
    index = tmp_path / "index"
    first = Ingestor(IndexSettings(index_dir=index), embeddings=embeddings)
    commits = {"n": 0}
    real_replace = first.catalog.replace_report

    def replace_then_crash(*args, **kwargs):  # type: ignore[no-untyped-def]
        commits["n"] += 1
        if commits["n"] == 5:  # the fifth report's vectors are written; its catalog commit never happens
            raise Crash
        return real_replace(*args, **kwargs)

    monkeypatch.setattr(first.catalog, "replace_report", replace_then_crash)
    with pytest.raises(Crash):
        first.run([corpus])
    assert first.store.ids() - first.catalog.chunk_ids(), "the crash should have left orphan vectors"
    Ingestor(IndexSettings(index_dir=index), embeddings=embeddings).run([corpus])
    assert state(index) == clean_state


@pytest.mark.parametrize("crash_at", ["remove_report", "delete_ids"])
def test_crash_during_a_removal_then_rerun_equals_a_clean_removal(corpus: Path, tmp_path: Path, embeddings,
                                                                  monkeypatch, crash_at: str) -> None:
    """A removal stopped before the catalog commit (nothing changed) or between the commit and the vector
    delete (orphan vectors) ends, once run again, as a removal that never crashed."""
    removed = ["ash", "birch"]
    clean = tmp_path / "clean"
    Ingestor(IndexSettings(index_dir=clean), embeddings=embeddings).run([corpus], remove=[])
    Ingestor(IndexSettings(index_dir=clean), embeddings=embeddings).run([], remove=removed)
    index = tmp_path / "index"
    first = Ingestor(IndexSettings(index_dir=index), embeddings=embeddings)
    first.run([corpus])
    target = first.catalog if crash_at == "remove_report" else first.store
    real = getattr(target, crash_at)

    def crash_on_second(*args, **kwargs):  # type: ignore[no-untyped-def]
        crash_on_second.calls += 1  # type: ignore[attr-defined]
        if crash_on_second.calls == 2:  # type: ignore[attr-defined]
            raise Crash
        return real(*args, **kwargs)

    crash_on_second.calls = 0  # type: ignore[attr-defined]
    monkeypatch.setattr(target, crash_at, crash_on_second)
    with pytest.raises(Crash):
        first.run([], remove=removed)
    done = Ingestor(IndexSettings(index_dir=index), embeddings=embeddings).run([], remove=removed)
    assert done.count("removed") + done.count("failed") == 2
    assert {k: v for k, v in state(index).items()} == state(clean)
    assert not {cid for _, cid in state(index)["chunks"] if cid.split(":")[0] in removed}


def test_prune_drops_reports_whose_files_are_gone(tmp_path: Path, embeddings) -> None:
    folder = make_reports(tmp_path / "reports")
    settings = IndexSettings(index_dir=tmp_path / "index")
    Ingestor(settings, embeddings=embeddings).run([folder])
    gone = sorted(folder.glob("*"))[0]
    gone.unlink()
    summary = Ingestor(settings, embeddings=embeddings).run([folder], prune=True)
    assert [o.path for o in summary.outcomes if o.status == "removed"] == [str(gone.resolve())]
    result = state(tmp_path / "index")
    assert result["vectors"] == sorted(cid for _, cid in result["chunks"]) and len(result["reports"]) == 3

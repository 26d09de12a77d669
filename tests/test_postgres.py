"""The catalog and the conversations on both backends (an SQLite file, a real PostgreSQL server on loopback), and
replicas on several machines: one ingest process and two service processes with separate, empty index folders,
sharing a PostgreSQL catalog and a `chroma run` server."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from contextlib import ExitStack
from pathlib import Path

import httpx
import pytest

from eval.bench_queries import served
from ingest.catalog import Catalog, IndexMismatch
from ingest.models import Chunk, Page, ReportMeta
from ingest.pipeline import Ingestor
from ingest.settings import IndexSettings
from ingest.store import VectorStore
from service.sessions import Sessions, Turn
from tests.conftest import CORPUS, ROOT
from tests.postgres import new_database
from tests.test_crash_safety import make_corpus
from tests.test_live_index import KESTREL, LIVE_ENV, answers, wait_for


@pytest.fixture(params=["sqlite", "postgres"])
def location(request: pytest.FixtureRequest, tmp_path: Path) -> Path | str:
    if request.param == "sqlite":
        return tmp_path / "catalog.sqlite"
    return request.getfixturevalue("catalog_url")


def report(report_id: str, text: str) -> tuple[ReportMeta, list[Page], list[Chunk]]:
    meta = ReportMeta(report_id=report_id, source=f"{report_id}.md", title=report_id, body=report_id.title())
    chunk = Chunk(chunk_id=f"{report_id}:0", report_id=report_id, page=1, section=None, start=0, end=len(text),
                  text=text)
    return meta, [Page(number=1, text=text)], [chunk]


def test_reports_are_replaced_and_removed_whole_and_each_change_raises_the_generation(location) -> None:
    catalog = Catalog(location)
    catalog.ensure_fingerprint({"model": "m"})
    catalog.replace_report("a.md", "1", *report("a", "first text"))
    catalog.replace_report("a.md", "2", *report("a", "second text, with 'quotes' and 100% of a ? mark"))
    assert catalog.generation() == 2 and catalog.counts() == (1, 1)
    assert catalog.page_text("a", 1) == "second text, with 'quotes' and 100% of a ? mark"
    assert catalog.report_chunks("a")[0].end == 47 and catalog.file_hash("a.md") == ("a", "2")
    catalog.remove_report("a")
    assert catalog.generation() == 3 and catalog.counts() == (0, 0) and catalog.files() == {}
    with pytest.raises(IndexMismatch):
        Catalog(location).ensure_fingerprint({"model": "other"})


def test_a_failed_write_leaves_the_old_report(location) -> None:
    catalog = Catalog(location)
    catalog.replace_report("a.md", "1", *report("a", "kept"))
    meta, pages, chunks = report("a", "lost")
    with pytest.raises(Exception):
        catalog.replace_report("a.md", "2", meta, pages, chunks + chunks)  # a duplicate chunk id: the write fails
    assert catalog.page_text("a", 1) == "kept" and catalog.generation() == 1


def test_a_snapshot_does_not_see_a_write_made_during_it(location) -> None:
    catalog, writer = Catalog(location), Catalog(location)
    catalog.replace_report("a.md", "1", *report("a", "before"))
    with catalog.snapshot() as generation:
        thread = threading.Thread(target=writer.replace_report, args=("b.md", "1", *report("b", "during")))
        thread.start()
        thread.join(30)
        assert generation == 1 and catalog.counts() == (1, 1)
    assert catalog.counts() == (2, 2) and catalog.generation() == 2


def test_conversations_keep_their_turns_in_order(location) -> None:
    sessions = Sessions(location, keep_turns=2)
    for n in range(3):
        sessions.add("s1", Turn(f"q{n}", f"r{n}", ["Essex CRC"], f"a{n}", {"years": [2018 + n]}))
    assert [t.question for t in Sessions(location).history("s1")] == ["q0", "q1", "q2"]
    assert [t.question for t in sessions.history("s1")] == ["q1", "q2"] and sessions.last("s1").context == {
        "years": [2020]}
    assert sessions.history("unknown") == []


def test_ingest_into_postgres_is_incremental_and_rebuilds_on_request(catalog_url: str, tmp_path: Path,
                                                                     embeddings) -> None:
    folder = tmp_path / "reports"
    shutil.copytree(CORPUS, folder)
    settings = IndexSettings(index_dir=tmp_path / "index", catalog_url=catalog_url)
    first = Ingestor(settings, embeddings=embeddings).run([folder])
    again = Ingestor(settings, embeddings=embeddings).run([folder])
    assert first.count("ingested") == 24 and again.count("unchanged") == 24
    assert not (tmp_path / "index" / "catalog.sqlite").exists()
    done = subprocess.run([sys.executable, "-m", "ingest", str(folder), "--index", str(settings.index_dir),
                           "--catalog-url", catalog_url, "--quiet"], cwd=ROOT, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0 and "skipped 24 unchanged" in done.stdout


def test_replicas_on_two_machines_share_answers_conversations_and_new_reports(
        catalog_url: str, chroma_url: str, tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    shutil.copytree(CORPUS, folder)
    urls = ["--catalog-url", catalog_url, "--chroma-url", chroma_url]
    ingest = [sys.executable, "-m", "ingest", str(folder), "--index", str(tmp_path / "ingest-host"), "--quiet", *urls]
    subprocess.run(ingest, cwd=ROOT, check=True, capture_output=True, timeout=600)
    env = {**LIVE_ENV, "INSPECT_CATALOG_URL": catalog_url, "INSPECT_CHROMA_URL": chroma_url}
    with ExitStack() as stack:
        bases = [stack.enter_context(served(tmp_path / f"replica-{n}", env=env))[0] for n in (1, 2)]
        one, two = (stack.enter_context(httpx.Client(base_url=b, timeout=60)) for b in bases)
        assert one.get("/health").json()["reports"] == two.get("/health").json()["reports"] == 24
        assert answers(one) == answers(two)
        first = one.post("/ask", json={"question": "What overall rating did Essex CRC receive?"}).json()
        follow = two.post("/ask", json={"question": "And Wales?", "session_id": first["session_id"]}).json()
        assert {c["report_id"] for c in follow["citations"]} == {"wales-crc-2019"}
        (folder / "kestrel-crc-2019.md").write_text(KESTREL, encoding="utf-8")
        subprocess.run(ingest, cwd=ROOT, check=True, capture_output=True, timeout=600)
        for client in (one, two):
            wait_for(client, lambda h: h["reports"] == 25, "the new report on every replica")
            assert "kestrel-crc-2019" in {r["report_id"] for r in client.get("/reports").json()["reports"]}
            hits = client.get("/search", params={"q": "kingfisher yard unpaid work"}).json()["results"]
            assert hits[0]["report_id"] == "kestrel-crc-2019"
    assert not (tmp_path / "replica-1" / "catalog.sqlite").exists()


def catalog_state(catalog: Catalog, index: Path, catalog_url: str) -> dict[str, object]:
    chunks = sorted((row["report_id"], row["chunk_id"]) for row in catalog.db.execute(
        "SELECT report_id, chunk_id FROM chunks"))
    vectors = VectorStore(IndexSettings(index_dir=index, catalog_url=catalog_url)).ids()
    return {"chunks": chunks, "files": sorted(catalog.files().values()), "vectors": sorted(vectors)}


def test_an_ingest_killed_mid_write_then_rerun_equals_a_clean_one(postgres: str, tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "reports")
    clean_url, killed_url = new_database(postgres), new_database(postgres)
    command = [sys.executable, "-m", "ingest", str(corpus), "--quiet", "--catalog-url"]
    subprocess.run([*command, clean_url, "--index", str(tmp_path / "clean")], cwd=ROOT, check=True, timeout=900)
    process = subprocess.Popen([*command, killed_url, "--index", str(tmp_path / "killed")], cwd=ROOT)
    catalog = Catalog(killed_url)
    while len(catalog.files()) < 6:  # reports are written one after another once a group is embedded
        assert process.poll() is None, "the ingest finished before it could be killed"
        time.sleep(0.02)
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=60)
    subprocess.run([*command, killed_url, "--index", str(tmp_path / "killed")], cwd=ROOT, check=True, timeout=900)
    clean = catalog_state(Catalog(clean_url), tmp_path / "clean", clean_url)
    assert catalog_state(catalog, tmp_path / "killed", killed_url) == clean and len(clean["files"]) == 10

"""Server mode: ingest and the service against a real `chroma run` server on loopback (no embedded Chroma)."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from ingest.pipeline import Ingestor
from ingest.settings import IndexSettings
from ingest.store import VectorStore
from service.app import create_app
from service.settings import ServiceSettings
from tests.fixtures import make_reports


@pytest.fixture(scope="module")
def server_index(chroma_url: str, tmp_path_factory: pytest.TempPathFactory, embeddings) -> IndexSettings:
    folder = make_reports(tmp_path_factory.mktemp("server-mode") / "reports")
    settings = IndexSettings(index_dir=folder.parent / "index", chroma_url=chroma_url)
    summary = Ingestor(settings, embeddings=embeddings).run([folder])
    assert summary.count("ingested") == 4 and summary.count("failed") == 0
    return settings


def test_ingest_writes_vectors_to_the_server_not_the_index_folder(server_index: IndexSettings, embeddings) -> None:
    assert not (server_index.index_dir / "chroma").exists()
    store = VectorStore(server_index, embeddings)
    assert store.count() > 0 and store.ids() == Ingestor(server_index, embeddings=embeddings).catalog.chunk_ids()


def test_reingest_against_the_server_skips_unchanged(server_index: IndexSettings, embeddings) -> None:
    summary = Ingestor(server_index, embeddings=embeddings).run([server_index.index_dir.parent / "reports"])
    assert summary.count("unchanged") == 4 and summary.chunks == 0


def test_search_and_ask_through_the_app(server_index: IndexSettings, embeddings) -> None:
    with TestClient(create_app(ServiceSettings(index=server_index), embeddings=embeddings)) as client:
        assert client.get("/health").json()["reports"] == 4
        results = client.get("/search", params={"q": "unpaid work risk of harm"}).json()["results"]
        assert results and results[0]["report_id"] == "riverside"
        answer = client.post("/ask", json={"question": "How were unpaid work placements allocated at Riverside CRC?"})
        assert answer.status_code == 200
        body = answer.json()
        assert not body["abstained"] and body["citations"][0]["report_id"] == "riverside"


QUESTIONS = ["What was the quality of risk assessments at Meadow CRC?",
             "Which CRCs had problems with unpaid work?",
             "When did the orchard visit take place?"]


def test_two_service_instances_answer_identically(server_index: IndexSettings, embeddings) -> None:
    """Stateless replicas: two apps over the same server and index folder give the same answers."""
    apps = [create_app(ServiceSettings(index=server_index), embeddings=embeddings) for _ in range(2)]
    with TestClient(apps[0]) as first, TestClient(apps[1]) as second:
        for question in QUESTIONS:
            a, b = (c.post("/ask", json={"question": question}).json() for c in (first, second))
            assert {k: v for k, v in a.items() if k != "session_id"} == \
                {k: v for k, v in b.items() if k != "session_id"}
            hits_a, hits_b = (c.get("/search", params={"q": question}).json() for c in (first, second))
            assert hits_a == hits_b


def test_two_indexes_on_one_server_keep_their_vectors_apart(server_index: IndexSettings, embeddings,
                                                             tmp_path: Path) -> None:
    other = IndexSettings(index_dir=tmp_path / "other-index", chroma_url=server_index.chroma_url)
    (tmp_path / "one").mkdir()
    (tmp_path / "one" / "note.md").write_text("# Note\n\nThe harbour inspection found tidy ledgers.\n")
    Ingestor(other, embeddings=embeddings).run([tmp_path / "one"])  # its reconcile must not touch the first index
    first, second = VectorStore(server_index, embeddings), VectorStore(other, embeddings)
    assert first.name != second.name
    assert first.ids() == Ingestor(server_index, embeddings=embeddings).catalog.chunk_ids()
    assert all(cid.startswith("note:") for cid in second.ids())

"""``python -m eval scale``: a synthetic index N times larger, written through ingest's own stores, that the
service opens and answers from; re-running resumes instead of duplicating."""

from __future__ import annotations

from pathlib import Path

from eval.scale import main
from ingest.catalog import Catalog
from ingest.store import VectorStore
from tests.conftest import make_settings


def test_three_copies_of_the_demo_index_are_served_like_ingested_reports(corpus_index: Path, tmp_path: Path,
                                                                         embeddings) -> None:
    from fastapi.testclient import TestClient

    from service.app import create_app
    from service.settings import ServiceSettings

    target = tmp_path / "x3"
    assert main([str(corpus_index), str(target), "--copies", "3"]) == 0
    reports, chunks = Catalog(make_settings(corpus_index).catalog_path).counts()
    assert Catalog(make_settings(target).catalog_path).counts() == (3 * reports, 3 * chunks)
    assert VectorStore(make_settings(target)).count() == 3 * chunks
    assert main([str(corpus_index), str(target), "--copies", "3"]) == 0  # resumed: nothing written twice
    assert VectorStore(make_settings(target)).count() == 3 * chunks

    app = create_app(ServiceSettings(index=make_settings(target)), embeddings=embeddings)
    with TestClient(app) as client:
        listed = client.get("/reports").json()
        ids = {r["report_id"] for r in listed["reports"]}
        assert len(ids) == 3 * reports and any(i.endswith("~2") for i in ids)
        hits = client.get("/search", params={"q": "unpaid work", "k": 30}).json()["results"]
        assert {h["report_id"].split("~")[0] for h in hits} and any("~" in h["report_id"] for h in hits)


def test_a_missing_source_index_is_named(tmp_path: Path, capsys) -> None:
    assert main([str(tmp_path / "nowhere"), str(tmp_path / "target")]) == 2
    assert "no index at" in capsys.readouterr().err

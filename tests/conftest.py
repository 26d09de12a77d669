"""Shared fixtures: the real model (loaded once), real Chroma on temporary folders, and a guard that fails
any test opening a network connection beyond loopback."""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

import ingest  # noqa: F401  (offline switches first)

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
SHARED = ROOT.parent / "shared"
_real_connect = socket.socket.connect


def _is_local(address: object) -> bool:
    if not isinstance(address, tuple):
        return True  # AF_UNIX paths
    host = str(address[0])
    if host in ("localhost", ""):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _guarded_connect(self: socket.socket, address: object) -> None:
    if not _is_local(address):
        raise RuntimeError(f"test tried to reach {address!r}: only loopback connections are allowed")
    return _real_connect(self, address)


def pytest_configure(config: pytest.Config) -> None:
    socket.socket.connect = _guarded_connect  # type: ignore[method-assign]


def pytest_report_header(config: pytest.Config) -> str:
    found = "found" if SHARED.is_dir() else "ABSENT: suites marked 'shared' are skipped with that reason"
    return f"../shared: {SHARED} ({found})"


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or a skip that says clearly that ../shared is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent (a fresh clone has no ../shared); this suite needs it")
    return path


@pytest.fixture(scope="session")
def embeddings():
    from ingest.embedding import MiniLMEmbeddings

    return MiniLMEmbeddings()


def make_settings(index_dir: Path):
    from ingest.settings import IndexSettings

    return IndexSettings(index_dir=index_dir)


def answerer_over(folder: Path, root: Path, embeddings):  # noqa: ANN201 (an Answerer)
    """An answerer over ``folder`` ingested into a fresh index under ``root`` (for report types of their own)."""
    from ingest.pipeline import Ingestor
    from service.answering.engine import Answerer
    from service.library import Library
    from service.sessions import Sessions

    Ingestor(make_settings(root / "index"), embeddings=embeddings).run([folder])
    return Answerer(Library.open(make_settings(root / "index"), embeddings), Sessions(root / "sessions.sqlite"))


@pytest.fixture(scope="session")
def corpus_index(tmp_path_factory: pytest.TempPathFactory, embeddings) -> Path:
    """The bundled demo corpus ingested once into a temporary index (shared, read-only for tests)."""
    from ingest.pipeline import Ingestor

    index_dir = tmp_path_factory.mktemp("corpus-index")
    summary = Ingestor(make_settings(index_dir), embeddings=embeddings).run([CORPUS])
    assert summary.count("failed") == 0, [o for o in summary.outcomes if o.status == "failed"]
    return index_dir


@pytest.fixture(scope="session")
def client(corpus_index: Path, embeddings) -> Iterator:
    """Real HTTP through the FastAPI app over the demo corpus index."""
    from fastapi.testclient import TestClient

    from service.app import create_app
    from service.settings import ServiceSettings

    app = create_app(ServiceSettings(index=make_settings(corpus_index)), embeddings=embeddings)
    with TestClient(app) as test_client:
        yield test_client




@pytest.fixture(scope="session")
def chroma_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real `chroma run` server on a free loopback port, for the whole session."""
    import subprocess
    import sys

    import httpx

    from eval.bench_queries import free_port, stop, wait_until

    chroma = Path(sys.executable).with_name("chroma")  # installed with chromadb, a dependency
    port = free_port()
    command = [str(chroma), "run", "--path",
               str(tmp_path_factory.mktemp("chroma-server")), "--host", "127.0.0.1", "--port", str(port)]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until(lambda: httpx.get(f"{url}/api/v2/heartbeat", timeout=2).status_code == 200, 60,
                   "`chroma run`", process)
        yield url
    finally:
        stop(process, timeout_s=20)


@pytest.fixture(scope="session")
def postgres() -> Iterator[str]:
    """A real PostgreSQL server on a free loopback port for the whole session (tests/postgres.py)."""
    from tests.postgres import postgres_server

    with postgres_server() as base:
        yield base


@pytest.fixture
def catalog_url(postgres: str) -> str:
    """A fresh database on that server, for one test."""
    from tests.postgres import new_database

    return new_database(postgres)

"""A running service follows the index as ingest changes it: real service processes, a real ingest process and
clients asking all the while. Adding, changing and removing a report shows in /health, /search, /reports and
/ask within seconds, with no 5xx, and the answers then equal those of a freshly started service."""

from __future__ import annotations

import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path

import httpx
import pytest

from eval.bench_queries import served
from ingest.pipeline import Ingestor
from ingest.settings import IndexSettings
from tests.conftest import CORPUS, ROOT

LIVE_ENV = {"INSPECT_INDEX_POLL_S": "0.2"}
QUESTIONS = ["Which CRCs had unpaid work risk concerns?", "What overall rating did Kestrel CRC receive?",
             "What did inspectors find about unpaid work at Kestrel CRC?"]
KESTREL = """---
title: "An inspection of Kestrel Community Rehabilitation Company"
body: "Kestrel CRC"
inspectorate: "HM Inspectorate of Probation"
published: "2019-05-02"
overall_rating: "inadequate"
---
# An inspection of Kestrel Community Rehabilitation Company

## Summary

Kestrel CRC was rated Inadequate.

## 4. Unpaid work and Through the Gate

Unpaid work at Kestrel CRC was a risk concern: people were placed on unpaid work at the kingfisher yard without
any assessment of the risk of harm they posed.
"""
KESTREL_CHANGED = KESTREL.replace("Unpaid work at Kestrel CRC was a risk concern: people were placed on unpaid work "
                                  "at the kingfisher yard without\nany assessment of the risk of harm they posed.",
                                  "Unpaid work at Kestrel CRC was well organised, and placements at the heron "
                                  "gardens were safe and purposeful.")
DEADLINE_S = 10


def ingest(*args: str) -> None:
    done = subprocess.run([sys.executable, "-m", "ingest", *args, "--quiet"], cwd=ROOT, capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr


def wait_for(client: httpx.Client, test, what: str) -> dict:  # type: ignore[no-untyped-def]
    """Poll /health until ``test(health)`` holds; fail after DEADLINE_S seconds."""
    deadline = time.monotonic() + DEADLINE_S
    while time.monotonic() < deadline:
        health = client.get("/health").json()
        if test(health):
            return health
        time.sleep(0.1)
    raise AssertionError(f"the running service did not show {what} within {DEADLINE_S} s")


class Askers:
    """Clients asking and searching in a loop while ingest runs; every status and cited report is kept."""

    def __init__(self, base: str, count: int = 3) -> None:
        self.base, self.stop = base, threading.Event()
        self.seen: list[tuple[float, int, set[str]]] = []  # (request start, status, report ids cited)
        self.threads = [threading.Thread(target=self._loop, args=(i,), daemon=True) for i in range(count)]
        for thread in self.threads:
            thread.start()

    def _loop(self, offset: int) -> None:
        with httpx.Client(base_url=self.base, timeout=60) as client:
            i = offset
            while not self.stop.is_set():
                started = time.monotonic()
                question = QUESTIONS[i % len(QUESTIONS)]
                if i % 2:
                    response = client.get("/search", params={"q": question})
                    cited = {r["report_id"] for r in response.json().get("results", [])} if response.is_success else set()
                else:
                    response = client.post("/ask", json={"question": question})
                    cited = {c["report_id"] for c in response.json().get("citations", [])} if response.is_success else set()
                self.seen.append((started, response.status_code, cited))
                i += 1

    def finish(self) -> list[tuple[float, int, set[str]]]:
        self.stop.set()
        for thread in self.threads:
            thread.join(timeout=60)
        return self.seen


def answers(client: httpx.Client) -> list[dict]:
    out = []
    for question in QUESTIONS:
        body = client.post("/ask", json={"question": question}).json()
        out.append({k: v for k, v in body.items() if k != "session_id"})
        out.append(client.get("/search", params={"q": question}).json())
    return out


@pytest.fixture(scope="module")
def live_folder(tmp_path_factory: pytest.TempPathFactory, embeddings) -> Path:
    root = tmp_path_factory.mktemp("live")
    shutil.copytree(CORPUS, root / "reports")
    Ingestor(IndexSettings(index_dir=root / "index"), embeddings=embeddings).run([root / "reports"])
    return root


@pytest.fixture(scope="module")
def live_service(live_folder: Path) -> Iterator[str]:
    with served(live_folder / "index", env=LIVE_ENV) as (base, _):
        yield base


def test_add_change_remove_while_clients_ask(live_folder: Path, live_service: str) -> None:
    index, new_file = live_folder / "index", live_folder / "reports" / "kestrel-crc-2019.md"
    with httpx.Client(base_url=live_service, timeout=60) as client:
        start = client.get("/health").json()
        askers = Askers(live_service)
        try:
            new_file.write_text(KESTREL, encoding="utf-8")
            ingest(str(new_file), "--index", str(index))
            wait_for(client, lambda h: h["reports"] == start["reports"] + 1, "the added report")
            assert any(r["report_id"] == "kestrel-crc-2019" for r in client.get("/reports").json()["reports"])
            hits = client.get("/search", params={"q": "kingfisher yard unpaid work"}).json()["results"]
            assert hits[0]["report_id"] == "kestrel-crc-2019"
            listed = client.post("/ask", json={"question": QUESTIONS[0]}).json()
            assert "kestrel-crc-2019" in {item["report_id"] for item in listed["items"]}

            added = client.get("/health").json()
            new_file.write_text(KESTREL_CHANGED, encoding="utf-8")
            ingest(str(new_file), "--index", str(index))
            wait_for(client, lambda h: h["generation"] > added["generation"], "the changed report")
            texts = [r["text"] for r in client.get("/search", params={"q": "kingfisher yard heron gardens"}).json()
                     ["results"] if r["report_id"] == "kestrel-crc-2019"]
            assert texts and all("kingfisher" not in t for t in texts) and any("heron" in t for t in texts)
            listed = client.post("/ask", json={"question": QUESTIONS[0]}).json()
            assert "kestrel-crc-2019" not in {item["report_id"] for item in listed["items"]}

            ingest("--remove", "kestrel-crc-2019", "--index", str(index))
            gone = wait_for(client, lambda h: h["reports"] == start["reports"], "the removal")
            removed_at = time.monotonic()
            assert gone["chunks"] == start["chunks"]
            assert all(r["report_id"] != "kestrel-crc-2019" for r in client.get("/reports").json()["reports"])
            time.sleep(1.0)  # the clients keep asking after the removal was seen
        finally:
            seen = askers.finish()
        assert seen and all(status < 500 for _, status, _ in seen), sorted({s for _, s, _ in seen})
        assert not [cited for started, _, cited in seen if started > removed_at and "kestrel-crc-2019" in cited]
        live = answers(client)
    with served(index) as (fresh_base, _), httpx.Client(base_url=fresh_base, timeout=60) as fresh:
        assert answers(fresh) == live


def test_replicas_on_one_chroma_server_follow_ingest(chroma_url: str, tmp_path: Path, embeddings) -> None:
    """Two service processes over one index folder and one `chroma run` server both see a report ingested by a
    third process."""
    folder = tmp_path / "reports"
    shutil.copytree(CORPUS, folder)
    settings = IndexSettings(index_dir=tmp_path / "index", chroma_url=chroma_url)
    Ingestor(settings, embeddings=embeddings).run([folder])
    env = {**LIVE_ENV, "INSPECT_CHROMA_URL": chroma_url}
    with ExitStack() as stack:
        bases = [stack.enter_context(served(settings.index_dir, env=env))[0] for _ in range(2)]
        clients = [stack.enter_context(httpx.Client(base_url=b, timeout=60)) for b in bases]
        before = clients[0].get("/health").json()["reports"]
        (folder / "kestrel-crc-2019.md").write_text(KESTREL, encoding="utf-8")
        subprocess.run([sys.executable, "-m", "ingest", str(folder), "--index", str(settings.index_dir), "--quiet",
                        "--chroma-url", chroma_url], cwd=ROOT, check=True, capture_output=True, timeout=300)
        for client in clients:
            wait_for(client, lambda h: h["reports"] == before + 1, "the added report on every replica")
            hits = client.get("/search", params={"q": "kingfisher yard unpaid work"}).json()["results"]
            assert hits[0]["report_id"] == "kestrel-crc-2019"
        assert answers(clients[0]) == answers(clients[1])

"""Query latency and load on a built index: ``/search`` and ``/ask`` in-process (FastAPI TestClient) and over
HTTP (``python -m service`` with uvicorn on loopback), a loopback load test, and the service's memory.

Questions come from a question set (JSON Lines): ``fact`` questions are about one report, ``list`` questions
across reports; every question's text is also used as a ``/search`` query.
"""

from __future__ import annotations

import json
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

Result = dict[str, Any]
ROOT = Path(__file__).resolve().parents[1]


def percentiles(ms: list[float]) -> Result:
    if not ms:
        return {"n": 0}
    ordered = sorted(ms)
    at = lambda q: ordered[min(len(ordered) - 1, int(q * len(ordered)))]  # noqa: E731
    return {"n": len(ms), "p50_ms": round(statistics.median(ms), 1), "p95_ms": round(at(0.95), 1),
            "max_ms": round(ordered[-1], 1)}


def load_questions(path: Path) -> dict[str, list[str]]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return {"one_report": [r["question"] for r in rows if r["kind"] == "fact"],
            "across_reports": [r["question"] for r in rows if r["kind"] == "list"],
            "all": [r["question"] for r in rows]}


def latencies(call: Callable[[str], Any], texts: list[str], repeat: int = 1) -> Result:
    """Per-call milliseconds; a call that raises or returns a non-200 counts as an error."""
    ms, errors = [], 0
    for _ in range(repeat):
        for text in texts:
            started = time.perf_counter()
            try:
                ok = call(text).status_code == 200
            except Exception:
                ok = False
            ms.append((time.perf_counter() - started) * 1000)
            errors += not ok
    return {**percentiles(ms), "errors": errors}


WARM_UP = ["children in care placement stability", "Which councils were judged good for leadership?",
           "care leavers accommodation", "What did inspectors say about social worker caseloads in Leeds?"]


TRENDS = ["How many councils were judged inadequate each year?", "How have grades changed since 2018?",
          "What share of councils were rated good or better by year?", "number of outstanding councils per year",
          "How have care leavers grades changed over time?"]  # counted over every report in the index


def measure(client: Any, questions: dict[str, list[str]], repeat: int = 1) -> Result:
    """Each question once (its embedding is not cached yet), after a warm-up on other texts."""
    search = lambda q: client.get("/search", params={"q": q, "k": 10})  # noqa: E731
    ask = lambda q: client.post("/ask", json={"question": q})  # noqa: E731
    for q in WARM_UP:  # the model's first calls, SQLite pages, Chroma's index into memory
        search(q), ask(q)
    return {"search": latencies(search, questions["all"], repeat),
            "ask_one_report": latencies(ask, questions["one_report"]),
            "ask_across_reports": latencies(ask, questions["across_reports"]),
            "ask_trend": latencies(ask, TRENDS)}


def in_process(index: Path, questions: dict[str, list[str]], repeat: int = 1) -> Result:
    from fastapi.testclient import TestClient

    from ingest.settings import IndexSettings
    from service.app import create_app
    from service.settings import ServiceSettings

    with TestClient(create_app(ServiceSettings(index=IndexSettings(index_dir=index)))) as client:
        return measure(client, questions, repeat)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_until(check: Callable[[], bool], timeout_s: float, what: str,
               process: subprocess.Popen | None = None) -> None:
    """Poll ``check`` until it holds; fail at once if ``process`` (the thing started) has exited."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"{what} exited with status {process.returncode}")
        try:
            if check():
                return
        except Exception:
            pass
        time.sleep(0.25)
    raise TimeoutError(f"{what} did not come up within {timeout_s:.0f} s")


def stop(process: subprocess.Popen, timeout_s: float = 30) -> None:
    """Terminate ``process``; kill it if it has not exited within ``timeout_s``."""
    process.terminate()
    try:
        process.wait(timeout=timeout_s)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@contextmanager
def served(index: Path, timeout_s: float = 300, env: dict[str, str] | None = None) -> Iterator[tuple[str, int]]:
    """``python -m service --index INDEX`` on a free loopback port (``env`` added to its environment); yields
    (base URL, pid)."""
    import httpx

    port = free_port()
    env = {**{k: v for k, v in os.environ.items() if not k.startswith("INSPECT_LLM_")}, **(env or {})}  # no LLM
    process = subprocess.Popen([sys.executable, "-m", "service", "--index", str(index), "--port", str(port)],
                               cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until(lambda: httpx.get(f"{base}/health", timeout=5).status_code == 200, timeout_s, "the service",
                   process)
        yield base, process.pid
    finally:
        stop(process)


def rss_mb(pid: int) -> Result:
    fields = dict(line.split(":", 1) for line in Path(f"/proc/{pid}/status").read_text().splitlines() if ":" in line)
    kb = lambda name: int(fields[name].split()[0])  # noqa: E731
    return {"rss_mb": round(kb("VmRSS") / 1024, 1), "peak_rss_mb": round(kb("VmHWM") / 1024, 1)}


def load_test(base: str, questions: dict[str, list[str]], clients: int, seconds: float) -> Result:
    """``clients`` threads, each with its own connection, alternating /search and /ask for ``seconds``.
    Each request's text is made unique (a tag in brackets), so no query embedding comes from the cache."""
    import httpx

    samples: dict[str, list[float]] = {"search": [], "ask": []}
    errors: list[str] = []
    lock = threading.Lock()
    deadline = time.monotonic() + seconds
    texts = questions["all"]

    def client_loop(n: int) -> None:
        with httpx.Client(base_url=base, timeout=60) as client:
            i = n
            while time.monotonic() < deadline:
                kind, q = ("search", "ask")[i % 2], f"{texts[i % len(texts)]} (r{n}x{i})"
                started = time.perf_counter()
                try:
                    r = (client.get("/search", params={"q": q}) if kind == "search"
                         else client.post("/ask", json={"question": q}))
                    error = None if r.status_code == 200 else f"{kind}: HTTP {r.status_code}"
                except Exception as exc:
                    error = f"{kind}: {type(exc).__name__}"
                with lock:
                    samples[kind].append((time.perf_counter() - started) * 1000)
                    if error:
                        errors.append(error)
                i += 1

    threads = [threading.Thread(target=client_loop, args=(n,)) for n in range(clients)]
    started = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.monotonic() - started
    total = sum(len(v) for v in samples.values())
    return {"clients": clients, "seconds": round(elapsed, 1), "requests": total, "errors": len(errors),
            "error_kinds": sorted(set(errors))[:10], "requests_per_s": round(total / elapsed, 1),
            "all": percentiles(samples["search"] + samples["ask"]),
            "search": percentiles(samples["search"]), "ask": percentiles(samples["ask"])}


def over_http(index: Path, questions: dict[str, list[str]], clients: int, seconds: float, repeat: int = 1) -> Result:
    import httpx

    started = time.perf_counter()
    with served(index) as (base, pid):
        start_s = time.perf_counter() - started  # process start to /health answering (the index loaded)
        with httpx.Client(base_url=base, timeout=60) as client:
            result = {"start_s": round(start_s, 1), "memory_at_start": rss_mb(pid),
                      **measure(client, questions, repeat)}
        result["memory_after_warmup"] = rss_mb(pid)
        if clients and seconds:
            result["load"] = load_test(base, questions, clients, seconds)
            result["memory_after_load"] = rss_mb(pid)
    return result


def main(argv: list[str] | None = None) -> int:
    """``python -m eval.bench_queries INDEX QUESTIONS RESULT [CLIENTS SECONDS]`` (used by eval.bench)."""
    args = list(sys.argv[1:] if argv is None else argv)
    index, questions_path, result_path = Path(args[0]), Path(args[1]), Path(args[2])
    clients, seconds = (int(args[3]), float(args[4])) if len(args) > 4 else (20, 60.0)
    questions = load_questions(questions_path)
    result = {"in_process": in_process(index, questions)}
    result["http"] = over_http(index, questions, clients, seconds)
    result_path.write_text(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    import ingest  # noqa: F401  (offline switches)

    sys.exit(main())

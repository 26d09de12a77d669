"""``python -m eval run``: every question through ``POST /ask``, scored, written as JSON, printed as tables.

By default the app is built in-process (``service.app.create_app``) and called through FastAPI's TestClient,
so the request goes through the same routing, validation and serialisation as over the network; ``--url``
calls a running service instead; ``--baseline`` answers with the LangChain tutorial pipeline (eval.baseline).

Examples:
    python -m eval run --questions eval/questions/corpus.jsonl --index .data/index --out eval/out/corpus.json
    python -m eval run --conversations eval/questions/corpus_followups.jsonl --index .data/index --out f.json
    python -m eval run --baseline --corpus corpus/ --questions eval/questions/corpus.jsonl \\
        --index .data/index --out eval/out/baseline.json
    python -m eval run --questions q.jsonl --index .data/index --out p.json --against eval/out/baseline.json
    INSPECT_LLM_MODEL=llama3.1 python -m eval run --questions q.jsonl --llm http://127.0.0.1:11434/v1 --out l.json
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import httpx
from pydantic import BaseModel

from eval.citations import BodyNames, SourcePages, check_citations, report_bodies
from eval.aggregate import compute_metrics
from eval.metrics import Metrics, Question, QuestionResult, half_of, score_question
from eval.question_files import load_conversations, load_questions
from ingest.settings import catalog_path
from service.schemas import Answer, Citation

if TYPE_CHECKING:
    from ingest.embedding import MiniLMEmbeddings


class AskError(Exception):
    """The service answered a question with an error status."""


class Asker(Protocol):
    label: str

    def ask(self, question: str, session_id: str | None) -> Answer: ...


class HttpAsker:
    """``POST /ask`` through any httpx client: a TestClient (in-process) or a client with a base_url."""

    def __init__(self, client: httpx.Client, label: str = "project") -> None:
        self.client = client
        self.label = label

    def ask(self, question: str, session_id: str | None) -> Answer:
        body: dict[str, str] = {"question": question}
        if session_id:
            body["session_id"] = session_id
        response = self.client.post("/ask", json=body)
        if response.status_code != 200:
            raise AskError(f"HTTP {response.status_code}: {response.text[:200]}")
        return Answer.model_validate(response.json())


class SearchAsker(HttpAsker):
    """A yardstick: the top ``k`` passages of ``GET /search`` as the answer, each cited (never abstains)."""

    def __init__(self, client: httpx.Client, k: int) -> None:
        super().__init__(client, f"search-top{k}")
        self.k = k

    def ask(self, question: str, session_id: str | None) -> Answer:
        response = self.client.get("/search", params={"q": question, "k": self.k})
        if response.status_code != 200:
            raise AskError(f"HTTP {response.status_code}: {response.text[:200]}")
        passages = response.json()["results"]
        citations = [Citation(n=i, report_id=p["report_id"], body=p["body"], title=p["title"],
                              published=p["published"], page=p["page"], section=p["section"],
                              source=p.get("source") or "", quote=p["text"]) for i, p in enumerate(passages, 1)]
        text = "\n".join(f"- {p['text']} [{i}]" for i, p in enumerate(passages, 1))
        return Answer(answer=text, abstained=not passages, session_id=session_id or "-", citations=citations)


class RunResult(BaseModel):
    config: str
    created: str
    index: str
    questions_file: str | None = None
    conversations_file: str | None = None
    metrics: Metrics
    halves: dict[str, Metrics] = {}
    questions: list[QuestionResult]


# --- running ---
class Evaluator:
    """Asks, times, re-reads the cited pages and scores; one per run."""

    def __init__(self, asker: Asker, index_dir: Path) -> None:
        self.asker = asker
        self.pages = SourcePages(index_dir)
        self.names = BodyNames(report_bodies(index_dir))

    def run_one(self, q: Question, session_id: str | None = None) -> tuple[QuestionResult, Answer]:
        started = time.perf_counter()
        error = None
        try:
            answer = self.asker.ask(q.question, session_id)
        except AskError as exc:
            error, answer = str(exc), Answer(answer="", abstained=False, session_id=session_id or "")
        latency_ms = (time.perf_counter() - started) * 1000
        checks = check_citations(answer.citations, self.pages)
        result = score_question(q, answer, latency_ms, checks, self.names)
        return result.model_copy(update={"error": error}) if error else result, answer

    def run_questions(self, questions: Sequence[Question]) -> list[QuestionResult]:
        return [self.run_one(q)[0] for q in questions]

    def run_conversation(self, cid: str, turns: Sequence[Question]) -> list[QuestionResult]:
        """Each turn asked with the session_id of the previous answer."""
        results, session_id = [], None
        for number, q in enumerate(turns, start=1):
            result, answer = self.run_one(q, session_id)
            session_id = answer.session_id or session_id
            results.append(result.model_copy(update={"conversation": cid, "turn": number, "half": half_of(cid)}))
        return results


def evaluate(asker: Asker, index_dir: Path, questions: Sequence[Question] = (),
             conversations: Sequence[tuple[str, list[Question]]] = ()) -> tuple[Metrics, list[QuestionResult]]:
    evaluator = Evaluator(asker, index_dir)
    results = evaluator.run_questions(questions)
    for cid, turns in conversations:
        results += evaluator.run_conversation(cid, turns)
    return compute_metrics(results), results


@contextmanager
def project_asker(index_dir: Path, url: str | None = None, embeddings: MiniLMEmbeddings | None = None,
                  llm: str | None = None) -> Iterator[HttpAsker]:
    """The project's ``POST /ask``: a running service at ``url``, else the app built in-process (with ``llm``,
    writing prose with the model at that OpenAI-compatible endpoint; its name from INSPECT_LLM_MODEL)."""
    if url:
        with httpx.Client(base_url=url, timeout=120) as client:
            yield HttpAsker(client)
        return
    from fastapi.testclient import TestClient

    from ingest.settings import IndexSettings
    from service.app import create_app
    from service.settings import LLMSettings, ServiceSettings

    settings = ServiceSettings(index=IndexSettings(index_dir=index_dir))
    if llm:
        settings.llm = LLMSettings(base_url=llm)
    app = create_app(settings, embeddings=embeddings)
    with TestClient(app, raise_server_exceptions=False) as client:  # an error is scored, not fatal
        yield HttpAsker(client)


@contextmanager
def open_asker(args: argparse.Namespace) -> Iterator[Asker]:
    if not args.baseline:
        with project_asker(args.index, args.url, llm=args.llm) as asker:
            yield SearchAsker(asker.client, args.search_top) if args.search_top else asker
        return
    from eval.baseline import baseline_asker

    with baseline_asker(args.corpus, args.index) as baseline:
        yield baseline


# --- command line ---
def parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="python -m eval run", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--questions", type=Path, help="question set (JSON Lines, CONTRACT.md)")
    ap.add_argument("--conversations", type=Path, help="conversations: {id, turns: [question, ...]} per line")
    ap.add_argument("--index", type=Path, default=Path(".data/index"), help="index folder (default .data/index)")
    ap.add_argument("--out", type=Path, required=True, help="where to write the results JSON")
    ap.add_argument("--report", type=Path, help="Markdown report (default: --out with .md); a PNG goes beside it")
    ap.add_argument("--url", help="http://host:port of a running service (default: the app in-process)")
    ap.add_argument("--baseline", action="store_true", help="answer with the LangChain tutorial pipeline")
    ap.add_argument("--corpus", type=Path, help="the folder of report files (needed by --baseline)")
    ap.add_argument("--search-top", type=int, metavar="K", help="a yardstick: answer with the top K passages of "
                    "GET /search instead of POST /ask")
    ap.add_argument("--against", type=Path, action="append", default=[],
                    help="earlier results JSON to chart beside this run (repeatable)")
    ap.add_argument("--label", help="name of this configuration (default: project or baseline)")
    ap.add_argument("--llm", metavar="URL", help="answer in LLM mode with the OpenAI-compatible endpoint at URL "
                    "(e.g. http://127.0.0.1:11434/v1 for Ollama; model from INSPECT_LLM_MODEL); the report adds the "
                    "share of model sentences dropped by verification")
    ap.add_argument("--half", choices=("all", "dev", "test"), default="all",
                    help="only the development or the test half of the set (split by a hash of each question's "
                         "family, eval.metrics.half_of); with all, both halves are scored apart as well")
    return ap


def check_args(ap: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    if not args.questions and not args.conversations:
        ap.error("give --questions FILE and/or --conversations FILE")
    if args.baseline and (not args.corpus or args.url):
        ap.error("--baseline needs --corpus DIR (the report files) and cannot use --url")
    if args.llm and (args.baseline or args.url):
        ap.error("--llm configures the in-process service: not with --baseline or --url")
    for path in (args.questions, args.conversations, *args.against):
        if path and not path.is_file():
            ap.error(f"no such file: {path}")
    check_index(ap, args.index)


def check_index(ap: argparse.ArgumentParser, index: Path) -> None:
    """Stop with a usage error, not an empty index made on the fly, when ``index`` holds no index."""
    if not catalog_path(index).is_file():
        ap.error(f"no index at {index}: run `python -m ingest PATH --index {index}` first")


def run_from_args(args: argparse.Namespace) -> RunResult:
    questions = load_questions(args.questions) if args.questions else []
    conversations = load_conversations(args.conversations) if args.conversations else []
    if args.half != "all":
        questions = [q for q in questions if q.half == args.half]
        conversations = [(cid, turns) for cid, turns in conversations if half_of(cid) == args.half]
    with open_asker(args) as asker:
        metrics, results = evaluate(asker, args.index, questions, conversations)
        label = args.label or asker.label
    halves = {half: compute_metrics([r for r in results if r.half == half]) for half in ("test", "dev")
              if any(r.half == half for r in results)}
    return RunResult(config=label, created=datetime.now(timezone.utc).isoformat(timespec="seconds"),
                     index=str(args.index), questions_file=_str(args.questions),
                     conversations_file=_str(args.conversations), metrics=metrics, halves=halves,
                     questions=results)


def _str(path: Path | None) -> str | None:
    return str(path) if path else None


def load_run(path: Path) -> RunResult:
    return RunResult.model_validate_json(path.read_text(encoding="utf-8"))


def main(argv: Sequence[str] | None = None) -> int:
    from eval import report

    ap = parser()
    args = ap.parse_args(argv)
    check_args(ap, args)
    try:
        run = run_from_args(args)
    except httpx.TransportError as exc:
        print(f"cannot reach the service at {args.url}: {exc}", file=sys.stderr)
        return 1
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(run.model_dump_json(indent=2), encoding="utf-8")
    report.print_run(run)
    from eval.abstention import print_curves
    from service.answering.rank import ABSTAIN_BELOW

    print_curves(run.questions, ABSTAIN_BELOW)
    md = report.write_report(run, [load_run(p) for p in args.against], args.report or args.out.with_suffix(".md"))
    print(f"\nwrote {args.out} and {md}")
    return 0

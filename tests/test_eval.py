"""The evaluation's scoring: names, answers, lists, abstention, citations re-read from a real file. No model,
no network: answers are built by hand and the index is a catalog file written by the test."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest

from eval.citations import BodyNames, SourcePages, check_citation, report_bodies, source_paths
from eval.aggregate import compute_metrics, percentile
from eval.metrics import Question, contains_answer, list_counts, predicted_bodies, score_question
from eval.run import AskError, HttpAsker, evaluate, load_conversations
from ingest.catalog import Catalog
from service.schemas import Answer, Citation, Item

PAGE = "Unpaid work at Thames Valley CRC was a risk concern:\nthe arrangements   were ineffective."


def cite(n: int, report_id: str, quote: str, page: int = 1, body: str | None = None) -> Citation:
    return Citation(n=n, report_id=report_id, body=body, title="t", published=None, page=page, section=None,
                    source="x.md", quote=quote)


def answer(text: str = "", abstained: bool = False, citations: list[Citation] | None = None,
           items: list[Item] | None = None) -> Answer:
    return Answer(answer=text, abstained=abstained, session_id="s", citations=citations or [], items=items or [])


@pytest.fixture
def index_dir(tmp_path: Path) -> Path:
    """A catalog whose files table points at a real Markdown file, and whose report has a body."""
    source = tmp_path / "tv.md"
    source.write_text(f"# Thames Valley\n\n{PAGE}\n", encoding="utf-8")
    catalog = Catalog(tmp_path / "index" / "catalog.sqlite")
    catalog.db.execute("INSERT INTO files(path, report_id, sha256) VALUES(?,?,?)", (str(source), "tv", "0"))
    catalog.db.execute("INSERT INTO reports VALUES(?,?)", ("tv", json.dumps({"body": "Thames Valley CRC"})))
    return tmp_path / "index"


def names(report_id: str, stated: str | None) -> str:
    return stated or report_id


# --- names and text ---
def test_organisation_names_match_after_normalisation() -> None:
    predicted = ["Thames Valley Community Rehabilitation Company", "Birmingham City Council", "Bristol & Bath"]
    expected = ["Thames Valley CRC", "Birmingham", "Bristol and Bath", "Essex CRC"]
    assert list_counts(predicted, expected) == (3, 3, 4)


def test_answer_found_ignoring_case_whitespace_and_bold() -> None:
    assert contains_answer("It was rated **Requires\n  improvement**.", ["requires improvement"])
    assert contains_answer("It supervised 4750 people", ["4,750", "4750"])
    assert not contains_answer("Derbyshire was rated good", ["RI"])  # whole words only


def test_fact_needs_answer_and_expected_body_cited() -> None:
    q = Question(id="f", kind="fact", question="?", answer="Seetec", expected_bodies=["Dorset, Devon and Cornwall CRC"])
    right = answer("Seetec took over [1]", citations=[cite(1, "ddc", "q", body="Dorset, Devon & Cornwall CRC")])
    wrong_body = answer("Seetec took over [1]", citations=[cite(1, "ess", "q", body="Essex CRC")])
    assert score_question(q, right, 1.0, [], names).passed
    result = score_question(q, wrong_body, 1.0, [], names)
    assert result.answer_found and not result.body_cited and not result.passed


# --- lists ---
def test_list_bodies_come_from_items_before_citations() -> None:
    cites = [cite(1, "a", "q", body="Essex CRC"), cite(2, "b", "q", body="Wales CRC")]
    with_items = answer(citations=cites, items=[Item(body="Wales", report_id="b", verdict="concern")])
    assert predicted_bodies(with_items, names) == ["Wales"]
    assert predicted_bodies(answer(citations=cites + cites), names) == ["Essex CRC", "Wales CRC"]
    assert predicted_bodies(answer(abstained=True, citations=cites), names) == []


def test_list_precision_recall_micro_and_macro() -> None:
    q1 = Question(id="l1", kind="list", question="?", expected_bodies=["Essex CRC", "Wales CRC"])
    q2 = Question(id="l2", kind="list", question="?", expected_bodies=["London CRC"])
    a1 = answer(citations=[cite(1, "e", "q", body="Essex"), cite(2, "n", "q", body="Northumbria CRC")])
    a2 = answer(citations=[cite(1, "l", "q", body="London Community Rehabilitation Company")])
    r1, r2 = score_question(q1, a1, 1, [], names), score_question(q2, a2, 1, [], names)
    assert (r1.precision, r1.recall, r1.passed) == (0.5, 0.5, False)
    assert (r2.precision, r2.recall, r2.passed) == (1.0, 1.0, True)
    m = compute_metrics([r1, r2])
    assert (m.list_precision, m.list_recall) == (2 / 3, 2 / 3)
    assert (m.list_precision_macro, m.list_recall_macro) == (0.75, 0.75)


# --- abstention and latency ---
def test_abstention_accuracy_and_false_abstentions() -> None:
    unanswerable = Question(id="u", kind="unanswerable", question="?")
    fact = Question(id="f", kind="fact", question="?", answer="good")
    results = [score_question(unanswerable, answer(abstained=True), 10, [], names),
               score_question(fact, answer(abstained=True), 20, [], names),
               score_question(unanswerable, answer("it was good"), 30, [], names)]
    assert [r.passed for r in results] == [True, False, False]
    m = compute_metrics(results)
    assert m.abstention_accuracy == pytest.approx(1 / 3)
    assert m.false_abstentions == 1
    assert m.fact_accuracy == 0.0
    assert (m.p50_ms, percentile([1, 2, 3, 4, 5], 95)) == (20.0, 4.8)


# --- citations, re-read from the source file ---
def test_quote_checked_against_the_source_file(index_dir: Path) -> None:
    pages = SourcePages(index_dir)
    assert check_citation(cite(1, "tv", "the arrangements were\nineffective."), pages).valid
    assert not check_citation(cite(2, "tv", "the arrangements were effective"), pages).valid
    assert "page 2" in check_citation(cite(3, "tv", "Unpaid work", page=2), pages).reason
    assert "files table" in check_citation(cite(4, "nope", "Unpaid work"), pages).reason


def test_source_edited_after_ingest_invalidates_quote(index_dir: Path) -> None:
    source = source_paths(index_dir)["tv"]
    source.write_text("Something else entirely.\n", encoding="utf-8")
    assert not check_citation(cite(1, "tv", "Unpaid work at Thames Valley CRC"), SourcePages(index_dir)).valid


def test_body_names_prefer_the_catalog(index_dir: Path) -> None:
    body_of = BodyNames(report_bodies(index_dir))
    assert body_of("tv", "tv-stem") == "Thames Valley CRC"
    assert body_of("other", "stem") == "stem"


# --- the runner ---
class ScriptedAsker:
    label = "scripted"

    def __init__(self) -> None:
        self.sessions: list[str | None] = []

    def ask(self, question: str, session_id: str | None) -> Answer:
        self.sessions.append(session_id)
        quote = "Unpaid work at Thames Valley CRC was a risk concern"
        return Answer(answer=f"A risk concern at Thames Valley [1] ({question})", abstained=False,
                      session_id="conv-1", citations=[cite(1, "tv", quote)])


def test_conversation_turns_carry_the_session(index_dir: Path, tmp_path: Path) -> None:
    turn = {"kind": "fact", "question": "q", "answer": "risk concern", "expected_bodies": ["Thames Valley"]}
    path = tmp_path / "conv.jsonl"
    path.write_text(json.dumps({"id": "c1", "turns": [turn, {**turn, "question": "and then?"}]}) + "\n")
    asker = ScriptedAsker()
    metrics, results = evaluate(asker, index_dir, conversations=load_conversations(path))
    assert asker.sessions == [None, "conv-1"]
    assert [r.id for r in results] == ["c1#1", "c1#2"]
    assert (metrics.follow_up_accuracy, metrics.citation_validity, metrics.fact_accuracy) == (1.0, 1.0, 1.0)


def test_http_asker_posts_to_ask() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        body = json.loads(request.content)
        assert request.url.path == "/ask" and body == {"question": "q", "session_id": "abc"}
        return httpx.Response(200, json=answer("ok").model_dump(mode="json"))

    client = httpx.Client(transport=httpx.MockTransport(handler), base_url="http://test")
    assert HttpAsker(client).ask("q", "abc").answer == "ok"
    failing = httpx.Client(transport=httpx.MockTransport(lambda r: httpx.Response(422, json={})),
                           base_url="http://test")
    with pytest.raises(AskError):
        HttpAsker(failing).ask("q", None)


def test_report_writes_markdown_and_chart(index_dir: Path, tmp_path: Path) -> None:
    from eval.report import write_report
    from eval.run import RunResult

    q = Question(id="f", kind="fact", question="q", answer="nothing like it")
    metrics, results = evaluate(ScriptedAsker(), index_dir, questions=[q])
    run = RunResult(config="project", created="now", index=str(index_dir), metrics=metrics, questions=results)
    md = write_report(run, [run.model_copy(update={"config": "baseline"})], tmp_path / "out" / "r.md")
    text = md.read_text()
    assert "| fact_accuracy | 0.000 | 0.000 |" in text and "answer not in text" in text
    assert md.with_suffix(".png").stat().st_size > 1000


def test_cli_rejects_unknown_command() -> None:
    from eval.__main__ import main

    assert main(["nonsense"]) == 2


def test_a_malformed_question_file_names_its_line_and_the_fix(tmp_path: Path) -> None:
    from eval.run import load_questions

    good = {"id": "q1", "kind": "fact", "question": "Who?", "answer": "X"}
    path = tmp_path / "q.jsonl"
    path.write_text(json.dumps(good) + "\n\n" + json.dumps({"id": "c1", "turns": [good]}) + "\n")
    with pytest.raises(SystemExit, match=r"q\.jsonl:3: .*kind: Field required.*use --conversations"):
        load_questions(path)
    path.write_text(json.dumps(good) + "\n{not json\n")
    with pytest.raises(SystemExit, match=r"q\.jsonl:2: JSONDecodeError"):
        load_questions(path)
    path.write_text(json.dumps(good) + "\n")
    with pytest.raises(SystemExit, match=r"q\.jsonl:1: KeyError.*use --questions"):
        load_conversations(tmp_path / "q.jsonl")


def test_phrasings_score_every_wording_against_the_reports_table(corpus_index: Path, embeddings) -> None:
    from eval.phrasings import Probe, probes_for, score
    from eval.run import project_asker

    probes = probes_for(corpus_index, sample=4, seed=0, noun="CRCs")
    wrong = Probe("deliberately wrong", "Which CRCs were judged good in 2019?", {"essex-crc-2018"})
    with project_asker(corpus_index, embeddings=embeddings) as asker:
        table = score(asker, [*probes, wrong])
    assert {p.wording for p in probes} <= set(table) and len(table) > 10
    assert all(row["passed"] == row["asked"] for wording, row in table.items() if wording != wrong.wording), table
    assert table[wrong.wording] == {"asked": 1, "passed": 0, "failing": [wrong.question]}


def test_eval_commands_refuse_a_missing_index_instead_of_making_one(tmp_path: Path) -> None:
    from eval.phrasings import main as phrasings
    from eval.retrieval import main as retrieval

    missing = tmp_path / "no-index"
    for command, extra in ((phrasings, []), (retrieval, ["--questions", str(tmp_path / "q.jsonl")])):
        with pytest.raises(SystemExit) as stopped:
            command(["--index", str(missing), *extra])
        assert stopped.value.code == 2 and not missing.exists()

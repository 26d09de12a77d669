"""`python -m eval beir` on a tiny BEIR-format dataset written by the test (the real SciFact run is a benchmark)."""

import json
from pathlib import Path

import pytest

DOCS = {
    "d1": ("Unpaid work", "Unpaid work placements were allocated without assessing the risk of harm."),
    "d2": ("Resettlement", "Through the Gate resettlement planning was sufficient before release from prison."),
    "d3": ("Workloads", "Two thirds of staff said their workload was unmanageable and caseloads were high."),
    "d4": ("Leadership", "Leaders were energetic and the organisation was well led."),
}
QUERIES = {"q1": "risk of harm in unpaid work placements", "q2": "staff workloads were too high"}
QRELS = [("q1", "d1", 1), ("q2", "d3", 1)]


def write_dataset(folder: Path) -> Path:
    (folder / "qrels").mkdir(parents=True)
    (folder / "corpus.jsonl").write_text("\n".join(
        json.dumps({"_id": i, "title": t, "text": x}) for i, (t, x) in DOCS.items()))
    (folder / "queries.jsonl").write_text("\n".join(json.dumps({"_id": i, "text": q}) for i, q in QUERIES.items()))
    (folder / "qrels" / "test.tsv").write_text("query-id\tcorpus-id\tscore\n" + "\n".join(
        f"{q}\t{d}\t{s}" for q, d, s in QRELS))
    return folder


def test_beir_writes_the_contract_shape(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from eval import beir, beir_index

    monkeypatch.setattr(beir_index, "CACHE_DIR", tmp_path / "cache")
    data = write_dataset(tmp_path / "tiny")
    out = tmp_path / "out.json"
    assert beir.main([str(data), "--out", str(out), "--only", "bm25", "dense", beir.DEFAULT]) == 0
    result = json.loads(out.read_text())
    assert result["dataset"] == "tiny" and result["queries"] == 2 and result["default"] == beir.DEFAULT
    assert set(result["retrievers"]) == {"bm25", "dense", beir.DEFAULT}
    assert result["retrievers"][beir.DEFAULT]["ndcg_at_10"] == pytest.approx(1.0)


def test_ndcg_uses_graded_gains() -> None:
    from eval.beir import ndcg_at_k

    qrels = {"q": {"a": 2, "b": 1}}
    assert ndcg_at_k({"q": {"a": 2.0, "b": 1.0}}, qrels) == pytest.approx(1.0)
    assert ndcg_at_k({"q": {"b": 2.0, "a": 1.0}}, qrels) < 1.0


def test_halves_split_sorted_ids_by_position() -> None:
    from eval.beir import halves

    a, b = halves(["10", "2", "1", "3"])
    assert a == {"1", "3"} and b == {"2", "10"}

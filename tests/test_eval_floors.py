"""CI floors: the demo corpus questions through the real ``POST /ask`` (in-process), every metric at or above
its floor in eval/floors.json. Raise a floor when the system improves; never set one above what it achieves."""

from __future__ import annotations

import json
from pathlib import Path

from eval.metrics import Metrics
from eval.run import evaluate, load_questions, project_asker

ROOT = Path(__file__).resolve().parents[1]
FLOORS = ROOT / "eval" / "floors.json"


def below_floor(metrics: Metrics, floors: dict[str, float], ceilings: dict[str, float]) -> list[str]:
    values = metrics.model_dump()
    low = [f"{k} = {values[k]} < floor {v}" for k, v in floors.items() if values[k] is None or values[k] < v]
    high = [f"{k} = {values[k]} > ceiling {v}" for k, v in ceilings.items() if values[k] is None or values[k] > v]
    return low + high


def test_corpus_metrics_hold_their_floors(corpus_index: Path, embeddings) -> None:
    spec = json.loads(FLOORS.read_text(encoding="utf-8"))
    questions = load_questions(ROOT / spec["questions"])
    with project_asker(corpus_index, embeddings=embeddings) as asker:
        metrics, results = evaluate(asker, corpus_index, questions)
    print("\n" + json.dumps(metrics.model_dump(), indent=2))
    assert metrics.questions == len(questions)
    assert not below_floor(metrics, spec["floors"], spec.get("ceilings", {}))

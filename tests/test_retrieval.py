from service.retrieval import fts_query, fuse, fuse_z


def test_rank_fusion_rewards_agreement() -> None:
    fused = dict(fuse([["a", "b", "c"], ["b", "a", "d"]]))
    assert fused["a"] == fused["b"] > fused["c"] == fused["d"]


def test_zscore_fusion_keeps_margins_and_floors_missing_items() -> None:
    lexical = [("a", 30.0), ("b", 10.0), ("c", 9.0)]
    dense = [("b", 0.80), ("c", 0.79), ("d", 0.10)]
    ranked = [item for item, _ in fuse_z([lexical, dense])]
    assert ranked[0] in ("a", "b") and ranked[-1] == "d"
    assert dict(fuse_z([lexical, dense]))["c"] > dict(fuse_z([lexical, dense]))["d"]


def test_fts_query_quotes_terms_and_drops_stopwords() -> None:
    assert fts_query('Which CRCs had "unpaid" work?') == '"crcs" OR "unpaid" OR "work"'
    assert fts_query("the and of") is None


def test_fusion_sensitivity_ends_at_each_side_alone(corpus_index) -> None:
    import json
    from pathlib import Path

    from eval.retrieval import recall_at_k, sensitivity

    lines = (Path(__file__).resolve().parents[1] / "eval" / "questions" / "corpus.jsonl").read_text().splitlines()
    questions = [json.loads(line) for line in lines[:20]]
    alone = recall_at_k(corpus_index, questions, 10)
    sweep = sensitivity(corpus_index, questions, 10)
    weights = sweep["zscore_lexical_weight"]
    assert len(weights) == 11 and weights["0.0"] == alone["dense"] and weights["1.0"] == alone["lexical"]
    assert weights["0.5"] == alone["zscore"] and sweep["rrf_k"]["60"] == alone["rrf"]

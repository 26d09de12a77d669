from service.retrieval import fuse, fuse_z
from service.terms import Vocabulary, bm25, stack, terms


def test_rank_fusion_rewards_agreement() -> None:
    fused = dict(fuse([["a", "b", "c"], ["b", "a", "d"]]))
    assert fused["a"] == fused["b"] > fused["c"] == fused["d"]


def test_zscore_fusion_keeps_margins_and_floors_missing_items() -> None:
    lexical = [("a", 30.0), ("b", 10.0), ("c", 9.0)]
    dense = [("b", 0.80), ("c", 0.79), ("d", 0.10)]
    ranked = [item for item, _ in fuse_z([lexical, dense])]
    assert ranked[0] in ("a", "b") and ranked[-1] == "d"
    assert dict(fuse_z([lexical, dense]))["c"] > dict(fuse_z([lexical, dense]))["d"]


def test_index_terms_are_lucene_style() -> None:
    assert terms('Which CRCs had "unpaid" work?') == ["which", "crcs", "had", "unpaid", "work"]
    assert terms("the and of") == []
    assert terms("caseloads") == ["caseload"]


def test_bm25_prefers_the_rarer_term_and_takes_idf_from_the_rows_given() -> None:
    vocabulary = Vocabulary()
    counts = stack([vocabulary.counts(["unpaid work was weak", "work was good", "the work of the board"])],
                   len(vocabulary))
    lengths = __import__("numpy").asarray(counts.sum(axis=1)).ravel()
    scores = bm25(counts, lengths, vocabulary.query("unpaid work"))
    assert scores[0] > scores[1] > 0
    assert bm25(counts, lengths, vocabulary.query("unpaid"), rows=__import__("numpy").array([1, 2])).tolist() == [0, 0]


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

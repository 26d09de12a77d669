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

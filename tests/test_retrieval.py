from pathlib import Path

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


def test_two_words_the_reports_write_as_one_count_as_that_word() -> None:
    vocabulary = Vocabulary()
    vocabulary.counts(["The Mockingbird model supports foster carers.", "A mocking tone; a bird.", "Caseloads are high."])
    mockingbird, caseload = vocabulary.ids["mockingbird"], vocabulary.ids["caseload"]
    assert [mockingbird in group for group in vocabulary.groups("the mocking bird model")] == [True, True, False]
    assert all(caseload in group for group in vocabulary.groups("case loads"))
    assert vocabulary.groups("foster carers") == [[vocabulary.ids["foster"]], [vocabulary.ids["carer"]]]  # (none)
    assert vocabulary.groups("problems wi th carers") == [[vocabulary.ids["carer"]]]  # ("with": a stopword, no term)


def test_a_verbs_irregular_forms_count_as_the_verb() -> None:
    vocabulary = Vocabulary()
    vocabulary.counts(["The CRC was well led.", "Seetec ran it.", "Leadership was strong.", "It runs a workshop."])
    led, ran, leader = (vocabulary.ids[t] for t in ("led", "ran", "leadership"))
    assert vocabulary.groups("strong leadership")[1] == [leader, led]
    assert vocabulary.groups("who runs it") == [[vocabulary.ids["run"], ran]]


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


def test_term_counts_stored_at_ingest_equal_those_counted_from_the_text(corpus_index) -> None:
    """The service loads each report's stored counts instead of tokenising it again: same terms, same counts."""
    from ingest.catalog import Catalog
    from ingest.metadata_text import squash
    from tests.conftest import make_settings

    catalog = Catalog(make_settings(corpus_index).catalog_path)
    for report_id in catalog.versions():
        block, pages = catalog.sentence_block(report_id), catalog.pages(report_id)
        chunks = catalog.report_chunks(report_id)
        assert block is not None and block.counts is not None, report_id
        loaded, counted = Vocabulary(), Vocabulary()
        sentences, chunk_counts = loaded.adopt(block.counts)
        texts = [squash(pages[p][s:e]) for p, s, e, _ in block.spans]
        expected = counted.counts(texts), counted.counts([f"{c.section or ''}\n{c.text}" for c in chunks])
        for got, want in zip((sentences, chunk_counts), expected):
            assert got.shape[0] == want.shape[0] and got.nnz == want.nnz > 0
            named = lambda m, v: [{t: m[i, c] for t, c in v.ids.items() if c < m.shape[1] and m[i, c]}  # noqa: E731
                                  for i in range(0, m.shape[0], max(1, m.shape[0] // 7))]
            assert named(got, loaded) == named(want, counted)


def aged_copy(corpus_index, folder, *statements: tuple[str, tuple]):  # noqa: ANN001, ANN201
    """A copy of the demo index with ``statements`` run on its catalog (as an older version left it), and that
    catalog."""
    import shutil

    from ingest.catalog import Catalog
    from tests.conftest import make_settings

    shutil.copytree(corpus_index, folder)
    catalog = Catalog(make_settings(folder).catalog_path)
    with catalog.db.transaction() as db:
        for sql, params in statements:
            db.execute(sql, params)
    return catalog


def ingest_again(index, embeddings):  # noqa: ANN001, ANN201
    from ingest.pipeline import Ingestor
    from tests.conftest import CORPUS, make_settings

    return Ingestor(make_settings(index), embeddings=embeddings).run([CORPUS])


def test_an_index_made_before_counts_were_stored_gets_them_on_the_next_ingest(corpus_index, tmp_path,
                                                                              embeddings) -> None:
    from service.corpus import Corpus

    catalog = aged_copy(corpus_index, tmp_path / "old", ("UPDATE sentences SET counts=NULL", ()))
    with catalog.snapshot():
        before = Corpus.read(catalog)  # no stored counts: counted from the text at load
    summary = ingest_again(tmp_path / "old", embeddings)
    assert summary.count("unchanged") == len(catalog.versions())
    assert all(catalog.sentence_block(r).counts is not None for r in catalog.versions())
    with catalog.snapshot():
        after = Corpus.read(catalog)
    assert (before.sentence_counts != after.sentence_counts).nnz == 0
    assert (before.chunk_counts != after.chunk_counts).nnz == 0


def test_counts_stored_by_an_older_tokeniser_are_recomputed_by_the_next_ingest(corpus_index, tmp_path,
                                                                               embeddings) -> None:
    from ingest.terms import TERMS_VERSION

    catalog = aged_copy(corpus_index, tmp_path / "older",
                        ("UPDATE sentences SET counts=?", (b"PK\x03\x04 an old zip layout",)),
                        ("UPDATE info SET value='1' WHERE key='terms_version'", ()))
    some = next(iter(catalog.versions()))
    assert catalog.sentence_block(some).counts is None  # unreadable: the service counts from the text instead
    ingest_again(tmp_path / "older", embeddings)
    assert all(catalog.sentence_block(r).counts is not None for r in catalog.versions())
    assert catalog.db.execute("SELECT value FROM info WHERE key='terms_version'").fetchone()["value"] == \
        str(TERMS_VERSION)


def test_a_standard_paragraph_is_boilerplate_whatever_its_punctuation(tmp_path: Path, embeddings) -> None:
    from tests.conftest import answerer_over

    standard = ["It regulates and inspects children's social care, and inspects schools and colleges.",
                "It regulates and inspects children’s social care and inspects schools and colleges."]
    folder = tmp_path / "reports"
    folder.mkdir()
    for n, town in enumerate(["Ashby", "Bexford", "Cranmoor", "Dunholt"]):
        (folder / f"{town.lower()}.md").write_text(
            f"# Inspection of {town} children's services\n\n{town} had {n + 12} social workers. "
            f"Leaders in {town} know their services well.\n\n## About Ofsted\n\n{standard[n % 2]}\n")
    answerer = answerer_over(folder, tmp_path, embeddings)
    corpus = answerer.library.text
    flagged = {corpus.sentence(r)[4] for r in range(len(corpus.report_of)) if corpus.boilerplate[r]}
    assert flagged == set(standard)


def test_a_standard_paragraph_answers_nothing_about_the_body_a_question_names(tmp_path: Path, embeddings) -> None:
    from service.answering.followup import Resolved
    from service.schemas import AskRequest
    from tests.conftest import answerer_over

    standard = ("The Office for Standards in Education, Children's Services and Skills (Ofsted) regulates and inspects "
                "to achieve excellence in the care of children and young people.")
    folder = tmp_path / "reports"
    folder.mkdir()
    for n, town in enumerate(["Ashby", "Bexford", "Cranmoor", "Dunholt"]):
        (folder / f"{town.lower()}.md").write_text(
            f"# Inspection of {town} children's services\n\n{town} had {n + 12} social workers. "
            f"Leaders in {town} know their services well. Children in care in {town} are heard through the "
            f"Speak Up Now groups run by the participation team.\n\n## About Ofsted\n\n{standard}\n")
    answerer = answerer_over(folder, tmp_path, embeddings)
    asked = "In Ashby, what is the name of the forum through which looked-after youngsters get their opinions across?"
    answer = answerer.ask(AskRequest(question=asked))
    assert "Speak Up Now" in answer.answer and not any("Ofsted" in c.quote for c in answer.citations)
    scope = answerer.scope(Resolved(asked), None)
    ranked = answerer.tools.ranker.rank(answerer.tools.of_scope(scope), answerer.tools.rows(scope.report_ids))
    assert ranked and not any("Ofsted" in ev.quote for ev in ranked)  # (not a candidate at all)


def test_a_sentence_a_page_break_cut_short_ranks_below_a_whole_one(tmp_path: Path, embeddings) -> None:
    from service.answering.followup import Resolved
    from tests.conftest import answerer_over
    from tests.fixtures import write_pdf

    folder = tmp_path / "reports"
    folder.mkdir()
    write_pdf(folder / "ashby.pdf", [
        "Inspection of Ashby children's services\nInspected body: Ashby\nPublished: 2 May 2019",
        "Leaders know their services well. The focused visit in February found that some children were left in "
        "harm for too long. A review of cases following the focused visit found that",
        "the focused visit had led to changes. Social workers visit children often.",
    ])
    answerer = answerer_over(folder, tmp_path, embeddings)
    scope = answerer.scope(Resolved("ashby focused visit what did it find"), None)
    ranked = answerer.tools.ranker.rank(answerer.tools.of_scope(scope), answerer.tools.rows(scope.report_ids))
    quotes = [ev.quote for ev in ranked]
    cut = next(q for q in quotes if q.endswith("focused visit found that"))
    assert quotes.index(cut) > quotes.index(next(q for q in quotes if q.startswith("The focused visit in February")))


def test_a_misspelt_word_the_models_vocabulary_lacks_is_respelt_when_many_sentences_use_it(tmp_path: Path,
                                                                                          embeddings) -> None:
    from service.spelling import english
    from tests.conftest import answerer_over

    folder = tmp_path / "reports"
    folder.mkdir()
    for town in ["Ashby", "Bexford", "Cranmoor"]:
        lines = " ".join(f"In {town}, {n} questionnaires were returned by carers who know child {n}."
                         for n in range(20))
        (folder / f"{town.lower()}.md").write_text(f"# Inspection of {town}\n\n{lines}\n", encoding="utf-8")
    tools = answerer_over(folder, tmp_path, embeddings).tools
    assert not english("questionnaires")  # (not a whole word of the model's vocabulary)
    assert tools.spelt("ashby questionaires returned") == "ashby questionnaires returned"
    assert tools.spelt("knowsely carers") == "knowsely carers"  # (not "knowely": its stem, "know", is the word used)


def test_a_sentence_that_refers_back_comes_with_the_sentence_it_refers_to(tmp_path: Path, embeddings) -> None:
    from service.schemas import AskRequest
    from tests.conftest import answerer_over

    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "ashby.md").write_text(
        "# Inspection of Ashby children's services\n\nLeaders in Ashby know their services well. Wellbeing forms "
        "are filled in for some children but are not used beyond a score. This is a missed opportunity to "
        "understand children's emotional needs. Social workers visit children often.\n", encoding="utf-8")
    answer = answerer_over(folder, tmp_path, embeddings).ask(AskRequest(
        question="what missed opportunity did inspectors find in ashby?"))
    said = answer.answer
    assert "not used beyond a score" in said and said.index("not used beyond") < said.index("This is a missed")


def test_a_finding_asked_for_one_side_ranks_sentences_leaning_that_way_first(tmp_path: Path, embeddings) -> None:
    import numpy as np

    from service.answering.rank import Question
    from service.answering.verdict import leaning
    from service.schemas import AskRequest
    from tests.conftest import answerer_over

    assert Question("What shortcoming did Ofsted identify in Ashby?", np.zeros(3), []).side == "concern"
    assert Question("was ashby any good at checking with other agencies", np.zeros(3), []).side is None
    assert leaning("Adopters are positive about their experience.", "concern") == -1
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "ashby.md").write_text(
        "# Inspection of Ashby children's services\n\nLeaders in Ashby know their services well. Inspectors found "
        "that adopters in Ashby are positive about the support they receive. A small number of adoptive families "
        "felt insufficiently prepared for contested hearings. Social workers visit children often.\n",
        encoding="utf-8")
    answer = answerer_over(folder, tmp_path, embeddings).ask(AskRequest(
        question="What concern did the inspectors raise about Ashby's adopters?"))
    assert answer.citations[0].quote.startswith("A small number of adoptive families")


def test_a_sentence_every_report_prints_lists_no_report_on_a_topic(tmp_path: Path, embeddings) -> None:
    from service.schemas import AskRequest
    from tests.conftest import answerer_over

    folder = tmp_path / "reports"
    folder.mkdir()
    said = {"Ashby": "Care leavers in Ashby do not pay council tax until they are 25.",
            "Bexford": "Foster carers in Bexford are well trained.", "Cranmoor": "Cranmoor's leaders know their services.",
            "Dunwich": "Dunwich has too few social workers.", "Elmford": "Elmford's plans are clear.",
            "Fenwick": "Fenwick's children see their social workers often."}
    for town, finding in said.items():
        filler = " ".join(f"Inspectors read {n} case files about {topic}." for n, topic in enumerate(
            ["adoption", "fostering", "early help", "schools", "health visits", "youth justice", "advocacy"]))
        (folder / f"{town.lower()}.md").write_text(
            f"# Inspection of {town} children's services\n\n{filler} Councils can let care leavers off paying "
            f"council tax. {finding}\n", encoding="utf-8")
    answerer = answerer_over(folder, tmp_path, embeddings)
    answer = answerer.ask(AskRequest(question="which councils let care leavers off paying council tax?"))
    assert [item.body for item in answer.items] == ["Ashby"]

"""Pages and vectors kept in the spill file read back as they went in, and a corpus read again after reports
change (with its spill file rewritten) holds the same text, vectors and counts as one read afresh."""

from dataclasses import replace
from pathlib import Path

import numpy as np

from service.spill import Int8Rows, Pages, Spill


def test_pages_read_back_exactly_and_a_missing_page_is_none(tmp_path: Path) -> None:
    spill = Spill(tmp_path)
    first = Pages.of({1: "plain", 3: "Café – “quoted” \U0001f600 and a lone \ud800 surrogate", 2: ""}, spill)
    other = Pages.of({7: "another report"}, spill)
    assert first.get(1) == "plain" and first.get(2) == "" and first.get(4) is None and 4 not in first
    assert first.get(3) == "Café – “quoted” \U0001f600 and a lone \ud800 surrogate"
    assert other.get(7) == "another report" and other.get(1) is None
    assert list(tmp_path.iterdir()) == []  # the file has no name: nothing is left behind, even after kill -9


def test_an_index_folder_that_cannot_take_the_file_falls_back_to_the_temporary_folder(tmp_path: Path,
                                                                                     caplog) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    pages = Pages.of({1: "still served"}, Spill(blocked / "index"))
    assert pages.get(1) == "still served"
    assert "cannot keep the service's spill file" in caplog.text and blocked.read_text() == "not a folder"


def test_recent_pages_stay_within_their_bound(tmp_path: Path) -> None:
    spill = Spill(tmp_path)
    spill.RECENT_CHARS = 25
    pages = Pages.of({n: f"page {n} " + "x" * 10 for n in range(1, 9)}, spill)
    for n in [1, 2, 3, 1, 4, 5, 6, 7, 8, 1]:
        assert pages.get(n) == f"page {n} " + "x" * 10
    assert 0 < spill._recent_chars <= 25 and len(spill._recent) == 1


def test_int8_rows_keep_cosines_within_a_hundredth(tmp_path: Path) -> None:
    rng = np.random.default_rng(0)
    vectors = rng.normal(size=(50, 384)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    rows = Int8Rows.of(vectors, Spill(tmp_path))
    picked = np.array([40, 3, 3, 17])
    assert np.abs(rows.rows(picked) @ vectors[0] - vectors[picked] @ vectors[0]).max() < 0.01
    assert rows.rows(np.zeros(0, np.int64)).shape == (0, 384)
    moved = rows.moved(Spill(tmp_path))
    assert np.array_equal(moved.rows(picked), rows.rows(picked))


def test_a_corpus_read_again_after_changes_equals_the_one_it_replaced(corpus_index, monkeypatch,
                                                                     tmp_path: Path) -> None:
    from ingest.catalog import Catalog
    from service import corpus as corpus_module
    from tests.conftest import make_settings

    catalog = Catalog(make_settings(corpus_index).catalog_path)
    with catalog.snapshot():
        before = corpus_module.Corpus.read(catalog, spill_folder=tmp_path)
    changed = before.report_ids[2:]  # as if ingest had replaced all but two reports
    before.segments.update({rid: replace(before.segments[rid], version="older") for rid in changed})
    monkeypatch.setattr(corpus_module, "WASTE", 0)  # so the replaced bytes are enough to rewrite the file
    with catalog.snapshot():
        after = corpus_module.Corpus.read(catalog, before, tmp_path)
    assert after.spill is not before.spill and after.spill.size == before.spill.size
    assert after.report_ids == before.report_ids
    assert (after.sentence_counts != before.sentence_counts).nnz == 0
    assert (after.chunk_counts != before.chunk_counts).nnz == 0
    rows = np.arange(0, len(after.report_of), 7)
    assert [after.sentence(int(r)) for r in rows] == [before.sentence(int(r)) for r in rows]
    assert np.array_equal(after.vectors(rows), before.vectors(rows))
    chunk_rows = np.arange(after.chunk_count())
    vector = after.vectors(rows[:1])[0]
    assert np.array_equal(after.chunk_cosines(vector, chunk_rows), before.chunk_cosines(vector, chunk_rows))

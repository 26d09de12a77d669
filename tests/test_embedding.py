"""The embedding backends: int8 ONNX against the fp32 reference, caller order, the exported-model cache."""

from __future__ import annotations

import numpy as np
import pytest

from ingest.embedding import MiniLMEmbeddings
from ingest.settings import IndexSettings

SENTENCES = [
    "Unpaid work was not delivered safely: risk assessments were missing for most placements.",
    "Caseloads were unmanageable for probation officers, with some holding more than 70 cases.",
    "Children in care told inspectors that their social workers visit them regularly.",
    "The leadership team has a clear understanding of the quality of practice.",
    "Arrangements to protect victims of domestic abuse were inadequate.",
]
QUERIES = ["unpaid work risk", "high caseloads", "children's views of social workers", "domestic abuse victims"]


@pytest.fixture(scope="module")
def reference() -> MiniLMEmbeddings:
    return MiniLMEmbeddings(backend="torch")


def test_int8_vectors_stay_close_to_the_fp32_reference(embeddings, reference) -> None:
    assert embeddings.backend == "onnx-int8"
    fast, exact = embeddings.encode(SENTENCES), reference.encode(SENTENCES)
    assert np.allclose(np.linalg.norm(fast, axis=1), 1.0, atol=1e-4)
    assert (fast * exact).sum(axis=1).min() > 0.97


def test_int8_ranks_passages_like_the_reference(embeddings, reference) -> None:
    def nearest(model: MiniLMEmbeddings) -> list[int]:
        docs = model.encode(SENTENCES)
        return [int(np.argmax(docs @ np.array(model.embed_query(q)))) for q in QUERIES]

    assert nearest(embeddings) == nearest(reference) == [0, 1, 2, 4]


def test_encode_keeps_the_callers_order_and_repeats(embeddings) -> None:
    texts = [SENTENCES[2], SENTENCES[0], SENTENCES[2], "", SENTENCES[0]]
    vectors = embeddings.encode(texts)
    one_by_one = np.array([embeddings.encode([t])[0] for t in texts])
    assert vectors.shape == (5, 384)
    assert np.array_equal(vectors, one_by_one)  # a text's vector does not depend on its batch-mates
    assert embeddings.encode([]).shape == (0, 384)


def test_the_exported_model_is_cached_and_reused(tmp_path) -> None:
    first = MiniLMEmbeddings(cache_dir=tmp_path)
    files = list(tmp_path.rglob("*.onnx"))
    assert len(files) == 1, files  # the fp32 intermediate is not left behind
    stamp = files[0].stat().st_mtime_ns
    second = MiniLMEmbeddings(cache_dir=tmp_path)
    assert files[0].stat().st_mtime_ns == stamp
    assert np.allclose(first.encode(SENTENCES[:2]), second.encode(SENTENCES[:2]))


def test_an_unknown_backend_is_refused_with_the_choices() -> None:
    with pytest.raises(ValueError, match="onnx-int8"):
        MiniLMEmbeddings(backend="gpu")


def test_the_backend_is_part_of_the_index_fingerprint(tmp_path) -> None:
    fast = IndexSettings(index_dir=tmp_path).fingerprint()
    exact = IndexSettings(index_dir=tmp_path, embed_backend="torch").fingerprint()
    assert fast != exact and fast["backend"] == "onnx-int8"

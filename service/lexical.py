"""BM25 over every chunk, held in memory (bm25s) and built from the catalog when the service opens the index.

The catalog's FTS5 table is the persistent lexical index that ingest keeps up to date; this is a fast read
replica of it for queries (FTS5 ranks an OR query by scoring every match, which is slow when the terms are
common: about 36 ms against 1.5 ms here on the 431-report Ofsted index). Each service process builds its own,
so replicas share nothing but the catalog file.
"""

from __future__ import annotations

import numpy as np

from ingest.catalog import Catalog


class LexicalIndex:
    def __init__(self, catalog: Catalog) -> None:
        import bm25s
        import Stemmer

        self._bm25s = bm25s
        self.stemmer = Stemmer.Stemmer("english")
        rows = catalog.db.execute("SELECT chunk_id, report_id, coalesce(section, ''), text FROM chunks").fetchall()
        self.chunk_ids = [row[0] for row in rows]
        self.known = frozenset(self.chunk_ids)  # this snapshot's chunks: vectors of others are not yet, or no longer, in it
        self.report_ids = np.array([row[1] for row in rows], dtype=object)
        self.model = bm25s.BM25()  # k1=1.5, b=0.75: the settings that reproduce published BM25 figures
        if rows:
            tokens = bm25s.tokenize([f"{row[2]}\n{row[3]}" for row in rows], stopwords="en",
                                    stemmer=self.stemmer, show_progress=False)
            self.model.index(tokens, show_progress=False)

    def search(self, query: str, k: int, report_ids: list[str] | None = None) -> list[tuple[str, float]]:
        """(chunk id, BM25 score) best first, only among chunks of ``report_ids`` when given."""
        if not self.chunk_ids:
            return []
        tokens = self._bm25s.tokenize([query], stopwords="en", stemmer=self.stemmer, show_progress=False)
        if not tokens.ids or not tokens.ids[0]:
            return []
        mask = None if report_ids is None else np.isin(self.report_ids, report_ids).astype(np.float32)
        k = min(k, len(self.chunk_ids) if mask is None else int(mask.sum()))
        if k <= 0:
            return []
        docs, scores = self.model.retrieve(tokens, k=k, show_progress=False, weight_mask=mask, n_threads=1)
        return [(self.chunk_ids[d], float(s)) for d, s in zip(docs[0], scores[0]) if s > 0]

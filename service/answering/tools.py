"""What every intent's composer needs from one view of the index: the reports, the ranker, the judgement areas,
the question as a vector and terms, and the reports' metadata as claims."""

from __future__ import annotations

import re
from collections import OrderedDict
from dataclasses import dataclass, field
from threading import Lock

import numpy as np

from service.answering.areas import AreaNames
from service.answering.evidence import Claim, metadata_claims
from service.answering.grades import grade_claims
from service.answering.rank import Question, Ranker
from service.answering.scope import SCAFFOLD, Scope, without_names
from service.answering.text import content_words, stem
from service.library import Library
from service.answering.places import SHORT_FORMS
from service.spelling import respell, respelt


@dataclass
class VectorCache:
    """Vectors of texts the service words itself (claims), each computed once per process."""

    embed: object
    size: int = 4096
    _cache: OrderedDict[str, np.ndarray] = field(default_factory=OrderedDict)
    _lock: Lock = field(default_factory=Lock)

    def __call__(self, text: str) -> np.ndarray:
        with self._lock:
            if (hit := self._cache.get(text)) is not None:
                return hit
        vector = np.asarray(self.embed.embed_documents([text])[0], dtype=np.float32)  # type: ignore[attr-defined]
        with self._lock:
            self._cache[text] = vector
            while len(self._cache) > self.size:
                self._cache.popitem(last=False)
        return vector


SHORT_NAMES = frozenset(SHORT_FORMS)  # places' short forms: no misspellings


class Tools:
    def __init__(self, library: Library, areas: AreaNames, vectors: VectorCache) -> None:
        self.library, self.areas, self.vectors = library, areas, vectors
        self.ranker = Ranker(library.text, library.reports, vectors)

    def question(self, text: str, answer_type: str | None = None, topic: list[str] | None = None,
                 jargon: str = "") -> Question:
        """The question as the ranker reads it: the vector of its whole text, and the columns of its topic's
        terms (by default its words other than those that frame a question: "which", "report" ...); with
        ``jargon``, the reports' terms for its everyday words are read beside them."""
        vector = self._vector(text, jargon)
        topical = " ".join(topic if topic is not None else [w for w in content_words(text) if stem(w) not in SCAFFOLD])
        corpus = self.library.text
        return Question(text, vector, corpus.groups(f"{topical} {jargon}"), answer_type, corpus.unknown(topical))

    def spelt(self, question: str) -> str:
        """The question with the words it misspells as the reports spell them ("negelct": "neglect")."""
        fixed = respelt(re.findall(r"[A-Za-z]+", question), self.library.text, SHORT_NAMES)  # ("berks": Berkshire)
        return respell(question, fixed) if fixed else question

    def of_scope(self, scope: Scope) -> Question:
        """The scoped question: its whole text ranks by meaning (sentence vectors carry their report's body too);
        its topic alone ranks by words and measures strength: the bodies, years and kinds of organisation it
        names chose the reports."""
        question = self.question(scope.question, scope.answer_type, scope.topic_words, scope.jargon)
        if scope.bodies:
            unnamed = without_names(scope.question, scope.bodies, kinds=scope.kinds)
            question.topic_vector = self._vector(unnamed, scope.jargon)
        return question

    def _vector(self, text: str, jargon: str) -> np.ndarray:
        return np.asarray(self.library.embeddings.embed_query(f"{text} ({jargon})" if jargon else text),
                          dtype=np.float32)

    def rows(self, report_ids: list[str]) -> np.ndarray:
        return self.library.text.rows(report_ids)

    def claims(self, report_ids: list[str]) -> list[Claim]:
        """Grades, dates, lead inspector and owner of each report, as claims on the lines they were read from."""
        out = []
        for report_id in report_ids:
            meta = self.library.reports[report_id]
            out += grade_claims(self.library, meta) + metadata_claims(self.library, meta)
        return out

    def newest_first(self, report_ids: list[str]) -> list:  # list[ReportMeta]
        """The reports, the latest published first (undated ones last; equal dates keep their order)."""
        metas = [self.library.reports[r] for r in report_ids]
        return sorted(metas, key=lambda m: str(m.published or ""), reverse=True)

"""What every intent's composer needs from one view of the index: the reports, the ranker, the judgement areas,
the question as a vector and terms, and the reports' metadata as claims."""

from __future__ import annotations

import re
from collections import OrderedDict
from functools import reduce
from dataclasses import dataclass, field
from threading import Lock

import numpy as np

from service.acronyms import other_forms, spelled_out
from service.answering.areas import AreaNames
from service.answering.counting import counting_figure, counts_asked
from service.answering.evidence import SOURCE, Claim, Evidence, metadata_claims
from service.answering.grades import grade_claims
from service.answering.rank import Question, Ranker
from service.answering.scope import SCAFFOLD, Scope, without_names
from service.answering.text import content_words, stem, with_apostrophes, words
from service.answering.thing_names import UNIT, UNIT_WORD
from service.answering.thesaurus import besides_everyday, written_as_asked
from service.library import Library
from service.answering.places import DIRECTIONS, SHORT_FORMS
from service.spelling import respell, respelt
from service.answering.verdict import cue_words


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


REFERS_BACK_START = re.compile(r"^\W*(?:this|these|that|those|it|they|such)\b", re.I)
SHORT_NAMES = frozenset(SHORT_FORMS) | {d + s for d in DIRECTIONS for s in SHORT_FORMS}  # places' short forms
# ("n yorks", "nyorks"): no misspellings
REHAB = re.compile(r"(?<=\bcommunity )rehab\b", re.I)  # (the everyday shortening of a CRC's name)
MENTIONED = re.compile(r"\b(?:mention(?:s|ed|ing)?|refer(?:s|red)? to)\b", re.I)  # a phrase itself asked for
NAME_WORDS = 5          # a programme's name, read from lower case: at most this many words
NAME_SENTENCES = 80     # ... judged on at most this many sentences that hold its words
NAME_SEEN = 3           # ... written mid-sentence at least this often
NAME_SHARE = 0.8        # ... and capitalised in at least this share of those
NAME_BEFORE = re.compile(r"(?<![.!?]\s)\b[A-Z][\w'’&-]*\s+$")  # a one-word name's word led by a capitalised one
PHRASE_SHARE = 0.6      # or (two words or more) written as one phrase in this share of the sentences holding them
NAME_REPORTS = 0.25     # ... and in at most this share of the reports
AREA_MEANT = 0.65       # cosine of a question's topic and the judgement area it means (set on a dozen paraphrases
                        # of the areas and of topics no area is named for: 0.71-0.83 and at most 0.64)


SPELLED_READ = 3        # reports in scope read for the acronyms they spell out (a question of one body's few)


class Tools:
    def __init__(self, library: Library, areas: AreaNames, vectors: VectorCache) -> None:
        self.library, self.areas, self.vectors = library, areas, vectors
        self.ranker = Ranker(library.text, library.reports, vectors)
        self._spelled: dict[str, dict[str, str]] = {}  # per report, the acronyms it spells out

    def question(self, text: str, answer_type: str | None = None, topic: list[str] | None = None,
                 jargon: str = "", unnamed: str | None = None) -> Question:
        """The question as the ranker reads it: the vector of its whole text (and of it ``unnamed``, without the
        bodies it names, when given), and the columns of its topic's terms (by default its words other than those
        that frame a question: "which", "report" ...); with ``jargon``, the reports' terms for its everyday words
        are read beside them."""
        vector = self._vector(text, jargon)
        topical = " ".join(topic if topic is not None else [w for w in content_words(text) if stem(w) not in SCAFFOLD])
        corpus = self.library.text
        return Question(text, vector, corpus.groups(f"{topical} {jargon}"), answer_type, corpus.unknown(topical),
                        None if unnamed is None else self._vector(unnamed, jargon))

    def spelt(self, question: str) -> str:
        """The question with the words it misspells as the reports spell them ("negelct": "neglect")."""
        question = REHAB.sub("rehabilitation", with_apostrophes(question))  # ("werent": a negation, not a word to
        # respell; "community rehab companies": the CRCs)
        fixed = respelt(re.findall(r"[A-Za-z]+", question), self.library.text, SHORT_NAMES)  # ("berks": Berkshire)
        return respell(question, fixed) if fixed else question

    def of_scope(self, scope: Scope) -> Question:
        """The scoped question: its whole text ranks by meaning (sentence vectors carry their report's body too);
        its topic alone ranks by words and measures strength: the bodies, years and kinds of organisation it
        names chose the reports. The other form of an acronym its reports spell out is read beside it."""
        topic = besides_everyday(scope.topic_words, scope.question, scope.jargon,  # (their term stands for them)
                                 self.library.text.share)
        terms = scope.jargon
        if len(topic) < len(scope.topic_words) and len(scope.report_ids) <= SPELLED_READ:  # (unless its few
            written = written_as_asked(scope.question, self._text_of(scope.report_ids),  # reports write them
                                       self.library.text.share)
            kept = {w for said in written.values() for w in said}  # too: "front door", not "MASH" for it)
            topic = [w for w in scope.topic_words if w in topic or w.lower() in kept]
            terms = "; ".join(t for t in scope.jargon.split("; ") if t not in written)
        jargon = "; ".join(filter(None, [terms, *self.acronym_forms(scope)]))
        said = SOURCE.sub(" ", scope.question)  # ("according to the 2022 inspection": which report, not what)
        unnamed = without_names(said, scope.bodies, kinds=scope.kinds) if scope.bodies else None
        return self.question(said, scope.answer_type, topic, jargon, unnamed)

    def _text_of(self, report_ids: list[str]) -> str:
        text = self.library.text
        return "\n".join(text.page_text(r, n) or "" for r in report_ids for n in text.page_numbers(r))

    def acronym_forms(self, scope: Scope) -> list[str]:
        """The other form of each acronym or spelled-out phrase the question uses that its few reports spell
        out ("when did the director of children's services start?": "DCS", which the answer's sentence says)."""
        if len(scope.report_ids) > SPELLED_READ:
            return []
        defined: dict[str, str] = {}
        for report_id in scope.report_ids:
            if report_id not in self._spelled:
                self._spelled[report_id] = spelled_out(self._text_of([report_id]))
            defined |= self._spelled[report_id]
        return other_forms(without_names(scope.question, scope.bodies, kinds=scope.kinds), defined)  # (of the
        # topic: not "CRC" for "Essex CRC")

    def _vector(self, text: str, jargon: str) -> np.ndarray:
        return np.asarray(self.library.embeddings.embed_query(f"{text} ({jargon})" if jargon else text),
                          dtype=np.float32)

    @staticmethod
    def area_meant(near: dict[str, float]) -> str | None:
        """The judgement area words mean when they name none ("youngsters requiring support and safeguarding
        from harm"), of their ``area_nearness``: the nearest area, when it is near (``AREA_MEANT``)."""
        cosine, name = max(((c, n) for n, c in near.items()), default=(0.0, None))
        return name if cosine >= AREA_MEANT else None

    def area_nearness(self, texts: list[str]) -> dict[str, float]:
        """Each judgement area's name and its best cosine with one of ``texts`` ({} for ungraded reports)."""
        names = self.areas.names
        if not names or not texts:
            return {}
        areas = np.stack([self.vectors(name) for name in names])  # (each text read once, not once per area)
        cosines = np.max([areas @ self.vectors(text) for text in texts], axis=0)
        return {name: float(cosine) for name, cosine in zip(names, cosines)}

    def counts_asked(self, question: str, quote: str, figure: str) -> bool:
        return counts_asked(self.vectors, question, quote, figure)

    def counting_figure(self, question: str, quote: str, figures: set[str]) -> str | None:
        return counting_figure(self.vectors, question, quote, figures)

    def with_antecedents(self, chosen: list[Evidence]) -> list[Evidence]:
        """The sentences, each that opens referring back ("This is a missed opportunity ...") after the sentence
        before it on its page (what "this" is)."""
        out: dict[int | None, Evidence] = {}
        for ev in chosen:
            if ev.row and REFERS_BACK_START.match(ev.quote) and ev.row - 1 not in out:
                report_id, page, _, _, quote = self.library.text.sentence(ev.row - 1)
                if report_id == ev.meta.report_id and page == ev.page:
                    section = self.library.text.section(ev.row - 1)
                    out[ev.row - 1] = Evidence(ev.meta, page, section, quote, row=ev.row - 1)
            out.setdefault(ev.row if ev.row is not None else -id(ev), ev)
        return list(out.values())

    def rows(self, report_ids: list[str]) -> np.ndarray:
        return self.library.text.rows(report_ids)

    def claims(self, report_ids: list[str]) -> list[Claim]:
        """Grades, dates, lead inspector and owner of each report, as claims on the lines they were read from."""
        out = []
        for report_id in report_ids:
            meta = self.library.reports[report_id]
            out += grade_claims(self.library, meta) + metadata_claims(self.library, meta)
        return out

    def written_as_names(self, words: list[str], question: str = "") -> list[str]:
        """The longest run of the question's ``words`` (in order) that the reports write as a name: capitalised
        mid-sentence ("family drug and alcohol court": "Family Drug and Alcohol Court"), else, of two words or
        more and at least half the words, as one phrase in most sentences that hold its words and in few reports
        ("lifelong links"; not "lost touch" of a long question: a turn of phrase among its words; any share when
        the ``question`` asks which mention it, "which councils mention the family safeguarding model", or puts it
        before a kind of thing, "use the family safeguarding model"); []."""
        corpus, mentioned = self.library.text, bool(MENTIONED.search(question))
        columns = [corpus.columns(w) if stem(w) not in SCAFFOLD else [] for w in words]
        held = (corpus.sentence_counts[:, [c[0] for c in columns if len(c) == 1]] > 0).tocsc()
        rows_of = iter(held.indices[held.indptr[i]:held.indptr[i + 1]] for i in range(held.shape[1]))
        rows = [next(rows_of) if len(c) == 1 else None for c in columns]  # per word, the sentences holding it
        runs = [(capitals, start, size) for capitals in (True, False)
                for size in range(min(len(words), NAME_WORDS), 0 if capitals else max(1, (len(words) - 1) // 2), -1)
                for start in range(len(words) - size + 1) if all(r is not None for r in rows[start:start + size])]
        if mentioned:  # ("the family safeguarding model": the reports mention "family safeguarding", with or
            runs.sort(key=lambda run: bool(UNIT_WORD.fullmatch(words[run[1] + run[2] - 1])))  # without it: last)
        for capitals, start, size in runs:
            both = _holding_all(rows[start:start + size])
            if name := self._written_as_name(words[start:start + size], both, capitals, mentioned):
                return [name]
        return self._before_unit(words, rows, question) if not mentioned else []

    def _before_unit(self, words: list[str], rows: list, question: str) -> list[str]:
        """Two or three of the words that the question puts before a kind of thing ("the family safeguarding
        model", "a staying close service"; not "a strong early help service": how it did) and the reports write as
        one phrase in few reports: a name, as when it is asked mentioned."""
        for size, start in ((size, start) for size in (2, 3) for start in range(len(words) - size + 1)):
            run = words[start:start + size]
            if all(r is not None for r in rows[start:start + size]) and not cue_words(" ".join(run)) and re.search(
                    r"\b" + r"\W+".join(map(re.escape, run)) + rf"\s+{UNIT}\b", question, re.I):
                held = _holding_all(rows[start:start + size])
                if len(held) >= NAME_SEEN and (name := self._mentioned(_phrase(run), held)):
                    return [name]
        return []

    def _written_as_name(self, run: list[str], held: np.ndarray, capitals: bool, mentioned: bool) -> str | None:
        corpus = self.library.text
        if len(held) < NAME_SEEN:
            return None
        if mentioned and not capitals:
            return self._mentioned(_phrase(run), held)
        few = len(np.unique(corpus.report_of[held])) <= NAME_REPORTS * max(1, len(corpus.report_ids))
        if not capitals and not few:
            return None
        phrase = _phrase(run)
        texts = [corpus.sentence(int(row))[4] for row in held[:NAME_SENTENCES]]
        found = [m for text in texts for m in phrase.finditer(text)]
        if capitals and len(run) == 1 and sum(bool(NAME_BEFORE.search(m.string[:m.start(2)])) for m in found) \
                >= NAME_SHARE * max(1, len(found)):
            return None  # (a word of a longer name: "links" is the common word, not "Working Links")
        if not capitals:  # (as written mid-sentence: a capital at a sentence's start says nothing)
            inside = [m.group(2) for m in found if m.group(1)] or [m.group(2) for m in found[:1]]
            common = max(inside, key=inside.count, default=None)  # (the form most sentences write)
            return common if len(found) >= max(NAME_SEEN, PHRASE_SHARE * min(len(held), NAME_SENTENCES)) else None
        inside = [m.group(2) for m in found if m.group(1)]  # (mid-sentence: a capital there is a name's)
        capitalised = [w for w in inside if all(t[:1].isupper() for t in re.findall(r"[\w'’-]+", w)
                                                if t.lower() not in {"and", "of", "the"})]
        common = max(capitalised, key=capitalised.count, default=None)  # ("House Project", not one "House’ project")
        return common if len(inside) >= NAME_SEEN and len(capitalised) >= NAME_SHARE * len(inside) else None

    def _mentioned(self, phrase: re.Pattern[str], held: np.ndarray) -> str | None:
        """The phrase as most sentences write it, when a question asks which reports mention it: written in at
        least ``NAME_SEEN`` of the sentences that hold its words, in few reports ("family safeguarding")."""
        corpus = self.library.text
        found = [(int(row), m) for row in held if (m := phrase.search(corpus.sentence(int(row))[4]))]
        reports = np.unique(corpus.report_of[[row for row, _ in found]]) if found else []
        if len(found) < NAME_SEEN or len(reports) > NAME_REPORTS * max(1, len(corpus.report_ids)):
            return None
        forms = [m.group(2) for _, m in found]
        return max(forms, key=forms.count)

    def newest_first(self, report_ids: list[str]) -> list:  # list[ReportMeta]
        """The reports, the latest published first (undated ones last; equal dates keep their order)."""
        metas = [self.library.reports[r] for r in report_ids]
        return sorted(metas, key=lambda m: str(m.published or ""), reverse=True)


def _holding_all(rows: list[np.ndarray]) -> np.ndarray:
    """The sentences that hold every one of a run's words (``rows``: per word, the sentences holding it)."""
    return reduce(lambda a, b: np.intersect1d(a, b, assume_unique=True), rows)


def _phrase(run: list[str]) -> re.Pattern[str]:
    """The words in order as one phrase, joined by spaces, punctuation or "and", "of", "the" (group 2: as written;
    group 1: what precedes it mid-sentence)."""
    return re.compile(r"(?:^|(?<=\w)([\s,;:(‘'\"-]))?\s*[‘'\"]?(" + r"(?:\W+(?:and|of|the|&)\W+|\W+)".join(
        re.escape(w) for w in run) + r")\w{0,2}\b", re.I)

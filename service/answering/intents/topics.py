"""Topics across reports ("which CRCs had staffing problems?", "who was praised for unpaid work?"): each report's
sentences (not its headings or sources) are ranked by meaning and words against the topic; a report qualifies
when its best evidence stands out among every sentence in scope, is strong enough, and leans the way asked
(concern, praise)."""

from __future__ import annotations

import math
from dataclasses import replace
import operator
import re
from collections.abc import Callable

import numpy as np

from service.acronyms import spelled_out
from service.answering.compose import Row
from service.answering.evidence import Evidence
from service.answering.intents.overview import to_improve_listed
from service.answering.organisations import body_label
from service.answering.rank import W_CHUNK, W_COVERAGE, W_DENSE, W_WORDS, Question, zscores
from service.answering.scope import Scope, without_names
from service.answering.titled import titled_phrases
from service.answering.text import NUMBER, YEAR, content_words, no_finding, stem, stems, words
from service.answering.thing_names import names_in
from service.answering.thesaurus import besides_everyday
from service.answering.tools import Tools
from service.answering.verdict import (ABSENT, CONCERN, ENOUGH, IMPROVED, POSITIVE, Polarity, cue_words,
                                      happened_to_none, is_absence, negates, phrase_cues, sentence_polarity)

RELEVANT = 0.30        # strength (cosine + covered term weight) a report's evidence needs to be on the topic,
MARGIN = 0.30          # and within this of the strongest report's evidence (set on the dev lists),
STANDS_OUT = 2.5       # and its rank score (z-score units over every sentence in scope; more in larger scopes:
                       # ``stands_out_at``); set on the dev lists
NAMED_EASED = 1.0      # ... less this, when the sentence holds a name the question gives
EASED = 1.0            # ... less this, when no report's evidence stands out (the nearest, not silence)
NEAREST = 5            # ... and then the strongest this many at most (not every report's stray sentence)
BELOW_BEST = 1.0       # ... or only within this of the best, when less (the question's words are not the reports')
PRINTED_BY = 0.2       # a sentence this share of the reports in scope print word for word judges none of them
PRINTED_LEAST = 5      # ... and at least this many
COMPARED = {">": operator.gt, ">=": operator.ge, "<": operator.lt, "<=": operator.le, "==": operator.eq}
DENIAL = re.compile(r"(?<![‘'\"“])\b(?:no|lacks?|lack of|lacking|without|shortage of|shortages of|insufficient|"
                    r"absence of)\b", re.I)  # (a thing said to be missing; not a name's word: "‘No wrong door’")
DENIED_WITHIN = 4      # ... in the words after the denial
GENERIC_SHARE = 0.1    # a compound's head this share of the sentences use is generic ("work" of "unpaid work")
TOO_BROAD = 0.5        # a share of the bodies in scope that a topic cannot single out (above it, the strongest few)
MEANING_ALONE = 0.55   # the cosine at which a sentence is on the topic by meaning, whatever its words
CONSIDERED = 6         # the report's best-ranked sentences that may decide its verdict
OUTWEIGHED = 0.5       # ... ranked within this (z) of its best, when that one leans only the other way
VERDICT_NAMED = {stem(w) for w in """praise praised commended complimented criticised criticized criticism concern
concerns concerned problem problems issue issues""".split()}  # (words that name a verdict, describing nothing: not
# "strong" of "strong leadership", "well" of "well led", "high" of "high caseloads", "not" of "not checking")


def topical_rows(tools: Tools, scope: Scope, ids: list[str], ease: bool = False,
                 listed_only: set[str] | None = None) -> list[Row]:
    """Each report judged on its own best evidence for the topic (ranked by meaning and words): it qualifies
    when that evidence leans the way asked (concern, praise) and is nearly as strong as the best in scope. With
    ``listed_only``, only those reports are listed (each body's latest), ranked among all of ``ids``."""
    cues = cue_words(scope.topic) | phrase_cues(scope.question)  # ("good feedback on": the side, not the topic)
    side = {w for w in scope.topic_words if negates(w.lower()) or w.lower() in ENOUGH} if scope.jargon else set()
    topic = besides_everyday([w for w in scope.topic_words if w not in cues | side], scope.question, scope.jargon,
                             tools.library.text.share)
    # ("weren't visiting people at home enough": home visits, the way asked aside)
    unnamed = without_names(scope.question, scope.bodies, kinds=scope.kinds) if scope.bodies else None
    question = tools.question(scope.question, None, topic, scope.jargon, unnamed)  # (an everyday phrase: the
    # reports' term; read without the bodies named too: "which of A, B and C ..." judges each by what it says)
    rows = tools.rows(ids)
    if not len(rows):
        return []
    asked = without_names(scope.question, scope.bodies, years=True, kinds=set())  # (not "east sussex": a body)
    if (named := titled_phrases(tools.library.text, asked, rows)) and all(
            any(set(words(n.lower())) <= set(words(t.lower())) for t in named) for n in scope.names):
        scope = replace(scope, names=named)  # ("the no wrong door thing": the reports' No Wrong Door; "a family
        # drug and alcohol court": that, not any "Family Court")
    f = tools.ranker.features(question, rows, [], chunk_words=False)  # a report qualifies by what a sentence says
    score = W_DENSE * zscores(f["dense"]) + W_WORDS * zscores(f["words"]) + W_CHUNK * zscores(f["chunk"])
    relevance = f["dense"] + W_COVERAGE * _topic_covered(tools, question, rows, f["coverage"])
    side_only = _side_only(scope, topic, tools.library.text.share)
    forms = name_forms(scope)  # a name the question gives must be in the sentence (in either form it gives)
    score[~np.any([names_all(tools, rows, names) for names in forms], axis=0)] = -np.inf
    if ABSENT not in scope.wanted:  # (what most reports print word for word tells none of them apart)
        score[printed_by_many(tools, rows, len(ids))] = -np.inf
    report_of = tools.library.text.report_of[rows]
    generic = only_generic(tools, rows, " ".join(topic), scope.jargon)
    score[generic & (f["dense"] < MEANING_ALONE)] = -np.inf  # ("Through the Gate work ..." is not on "unpaid work")
    def qualified(stands_out: float, at_most: int | None = None, side_seen: bool = True) -> list[Row]:
        judged = []
        for index in np.unique(report_of):
            if listed_only is not None and tools.library.text.report_ids[index] not in listed_only:
                continue
            mine = np.flatnonzero(report_of == index)
            best = [i for i in mine[np.argsort(-score[mine])][:CONSIDERED] if score[i] >= stands_out]
            seen = [(i, ev, side_seen and side_only(ev.quote)) for i in best
                    if (ev := evidence_at(tools, int(rows[i]))) and any(names_in(ev.quote, n) for n in forms)]
            seen = [(i, ev, only) for i, ev, only in seen if not (only and f["dense"][i] < MEANING_ALONE)]
            if not all(only for _, _, only in seen):  # (its sentences on the topic judge it: "women's services ...
                seen = [(i, ev, only) for i, ev, only in seen if not only]  # were weak", not "public-protection
                # work ... was good", which shares only "good" with the question)
            found = [(float(f["dense"][i] if only else relevance[i]), replace(ev, score=float(score[i])))
                     for i, ev, only in seen]
            if (row := decide(found, scope)) is not None:
                judged.append(row)
        top = max((strength for strength, _ in judged), default=0.0)
        floor = RELEVANT if scope.names else max(RELEVANT, top - MARGIN)  # a named programme: its mention is enough
        rows_ = [row for strength, row in sorted(judged, key=lambda j: -j[0])[:at_most] if strength >= floor]
        return _silent_everywhere(rows_, tools, question, rows, score) if ABSENT in scope.wanted else rows_
    stands_out = stands_out_at(len(rows)) - NAMED_EASED * bool(scope.names)  # (a name given is itself a filter)
    def chosen(side_seen: bool) -> list[Row]:
        if not ease:
            return qualified(stands_out, None, side_seen)
        if not (first := qualified(stands_out, None, side_seen)):
            return qualified(stands_out - EASED, NEAREST, side_seen)  # (``ease``: none stands out, the nearest few)
        within_best = max(stands_out - EASED, float(score.max()) - BELOW_BEST)  # (some do: asked in other words
        return qualified(within_best, None, side_seen) if within_best < stands_out else first  # than the reports')
    listed = chosen(True) or chosen(False)  # (only sentences that share just the side asked: the nearest there are)
    return listed if scope.names or ABSENT in scope.wanted else discerning(listed, tools, ids)


def _topic_covered(tools: Tools, question: Question, rows: np.ndarray, coverage: np.ndarray) -> np.ndarray:
    """The share of the topic's term weight each sentence holds, the words that only name the verdict asked
    counted as held by all ("praised" of "who was praised for unpaid work"): a report's strength is how much
    its evidence is on the topic ("unpaid work ... well established"), not whether it uses the question's word
    for the side (its lean is judged apart, by ``decide``)."""
    named = [w for w in words(question.text) if stem(w) in VERDICT_NAMED]
    granted = tools.library.text.groups(" ".join(named)) if named else []
    return tools.ranker.coverage(question, rows, granted) if granted else coverage


def discerning(listed: list[Row], tools: Tools, ids: list[str]) -> list[Row]:
    """The rows, or only the strongest few when more than ``TOO_BROAD`` of the bodies in scope qualify: evidence
    that nearly every report holds ("pressures on the system", for "IT systems knocked out") tells none apart."""
    bodies = {body_label(tools.library.reports[i]) for i in ids}
    if len({body_label(row.meta) for row in listed}) <= TOO_BROAD * len(bodies):
        return listed
    return listed[:NEAREST]


def _side_only(scope: Scope, topic: list[str], share: Callable[[str], float]) -> Callable[[str], bool]:
    """Whether a sentence shares only the words that say which way the list leans ("weak", "strong") with the
    question, none of what it is about: "Case reviews were weak" is not, by its words, about weak computer
    systems (its meaning may still make it so)."""
    cues = cue_words(" ".join(scope.topic_words))
    said_about = [w for w in [*topic, *words(scope.jargon)] if w not in cues]
    rare = [w for w in said_about if share(w) < GENERIC_SHARE] or said_about  # ("work" of "through-the-gate
    side, about = stems(" ".join(cues)), stems(" ".join(rare))  # work": too common to say what it is about)
    return lambda quote: bool(about and side & (said := stems(quote))) and not about & said


def only_generic(tools: Tools, rows: np.ndarray, topic: str, jargon: str = "") -> np.ndarray:
    """True for the rows whose only words of the topic are the common heads of its compounds ("work" of "unpaid
    work", which many sentences use, with none of "unpaid"): the head alone does not put a sentence on the topic
    (its meaning still may, or the reports' own term for it: "domestic abuse" of "partner-violence work")."""
    corpus, said = tools.library.text, content_words(topic)
    share = {w: corpus.share(w) for w in said}  # (each word's share of the sentences, read once)
    heads = {head for modifier, head in zip(said, said[1:]) if share[head] >= GENERIC_SHARE
             and 0 < share[modifier] < share[head]}
    if not heads:
        return np.zeros(len(rows), dtype=bool)
    rest = [c for w in said + content_words(jargon) if w not in heads for c in corpus.columns(w)]
    held = corpus.holding([c for w in heads for c in corpus.columns(w)], rows) > 0
    return held & (corpus.holding(rest, rows) == 0) if rest else held


def stands_out_at(rows: int) -> float:
    """The rank score a report's evidence needs among ``rows`` sentences: the z-score the best of that many
    unrelated sentences would reach by chance (sqrt(2 ln n)), less a margin; 2.5 for the demo's ~700."""
    return max(STANDS_OUT, math.sqrt(2 * math.log(max(rows, 2))) - 1.1)


def printed_by_many(tools: Tools, rows: np.ndarray, reports: int) -> np.ndarray:
    """True for the rows whose sentence ``PRINTED_BY`` of the reports in scope print word for word ("It assesses
    council children's services ..."), not one a few share ("The local authority uses the Signs of Safety model")."""
    corpus = tools.library.text
    shared = np.flatnonzero(corpus.boilerplate[rows])
    _, quote, counts = np.unique(corpus.quote_keys[rows[shared]], return_inverse=True, return_counts=True)
    out = np.zeros(len(rows), dtype=bool)  # (each quote's key, as ingest hashed it: the sentences are not read)
    out[shared] = counts[quote] >= max(PRINTED_LEAST, PRINTED_BY * reports)
    return out


def name_forms(scope: Scope) -> list[list[str]]:
    """The names the question gives, and its initials when it spells a name out with them ("the Mind of My Own
    (MOMO) app": a report may write either)."""
    said = " ".join(scope.names).lower()
    return [scope.names, *([acronym] for acronym, words in spelled_out(scope.question).items()
                           if said and said in words)]


def names_all(tools: Tools, rows: np.ndarray, names: list[str]) -> np.ndarray:
    """True for the rows whose sentence holds every name the question gives ("Mockingbird", "Staying Close")
    that some report uses; all True when it gives none."""
    groups = tools.library.text.groups(" ".join(names))  # (each term, or a word it makes with the next: "Mocking
    if not groups:                                          # Bird" is "Mockingbird")
        return np.ones(len(rows), dtype=bool)
    return np.all([tools.library.text.holding(group, rows) > 0 for group in groups], axis=0)


def evidence_at(tools: Tools, row: int) -> Evidence | None:
    report_id, page, _, _, quote = tools.library.text.sentence(row)  # (a heading, a source: no report is listed
    return None if no_finding(quote) else Evidence(  # for naming a topic in one)
        tools.library.reports[report_id], page, tools.library.text.section(row), quote, row=row)


def decide(found: list[tuple[float, Evidence]], scope: Scope) -> tuple[float, Row] | None:
    """(how strongly, the row) for one report from its best sentences on the topic: the strongest that leans
    the way asked (any, when nothing is asked); None when none does."""
    if not found:
        return None
    meta = found[0][1].meta
    if ABSENT in scope.wanted:
        silent = [(r, ev) for r, ev in found if is_absence(ev.quote)]
        return (silent[0][0], Row(meta, ABSENT, [silent[0][1]])) if silent else None
    none_asked = happened_to_none(scope.question)  # ("which councils had no children in unregistered homes?")
    found = [(r, ev) for r, ev in found if not is_absence(ev.quote) and happened_to_none(ev.quote) == none_asked
             and (not scope.numeric or _meets_number(ev.quote, scope.numeric))]
    if not scope.wanted:  # (what a report says it lacks it does not have: "There is no specific provision for
        found = [(r, ev) for r, ev in found if not _denied(ev.quote, scope) or none_asked]  # emergency accommodation")
        return (found[0][0], Row(meta, "mentioned", [ev for _, ev in found[:2]])) if found else None
    topic = {stem(w) for w in scope.topic_words} - {stem(w) for w in cue_words(scope.topic)}
    wanted = scope.wanted | {IMPROVED} if {CONCERN, POSITIVE} <= scope.wanted else scope.wanted  # (either way)
    leaning, read, listed = [], [(strength, ev, sentence_polarity(ev.quote, topic)) for strength, ev in found], set()
    for strength, ev, polarity in read:
        if CONCERN in wanted and to_improve_listed(ev, polarity):  # (a line of "What needs to improve"; it
            polarity = Polarity(concern=max(polarity.concern, 1.0))  # outweighs praise when it names the topic
            listed |= {id(ev)} if topic & stems(ev.quote) else set()  # in the question's words: "homeless",
            # not only "accommodation")
        kinds = polarity.kinds()
        against = _against(polarity, wanted)
        if kinds & wanted and sum(getattr(polarity, k) for k in kinds & wanted) > against:
            leaning.append((strength, ev, max(kinds & wanted, key=lambda k: getattr(polarity, k))))
    if leaning and (countered := _countered(read[0][1], read[0][2], wanted)) is not None:
        leaning = [item for item in leaning if item[1].score >= countered - OUTWEIGHED  # (its best on the topic
                   or id(item[1]) in listed]  # leans the other way: nearly as high; or the report lists it as
    if not leaning:                           # what needs to improve, whatever it praised on the way)
        return None
    leaning.sort(key=lambda item: -item[1].score)  # (its best ranked first; its strength, the strongest)
    return max(strength for strength, _, _ in leaning), Row(meta, leaning[0][2], [ev for _, ev, _ in leaning[:2]])


def _denied(quote: str, scope: Scope) -> bool:
    """True when the sentence says what the question asks about is lacking ("no specific provision for emergency
    accommodation", "lacks sufficient short-term emergency accommodation", "a shortage of emergency accommodation")."""
    asked = {stem(w) for w in scope.topic_words}
    return any(asked & stems(" ".join(words(quote[m.end():])[:DENIED_WITHIN])) for m in DENIAL.finditer(quote))


def _countered(best: Evidence, polarity: Polarity, wanted: set[str]) -> float | None:
    """The rank of a report's best sentence on the topic when it leans (``polarity``, as its words say) only the
    other way than asked ("16- and 17-year-olds who present as homeless receive an effective, rapid response", for
    homelessness as a weakness); None otherwise."""
    return best.score if _against(polarity, wanted) and not polarity.kinds() & wanted else None


def _against(polarity: Polarity, wanted: set[str]) -> int:
    """How much of a sentence leans the other way than asked (nothing, when either way is asked: "good or bad")."""
    if CONCERN not in wanted:
        return polarity.concern
    return 0 if wanted - {CONCERN} else polarity.positive + polarity.improved


def _meets_number(sentence: str, numeric: tuple[str, float]) -> bool:
    direction, limit = numeric
    for match in NUMBER.finditer(sentence):
        text = match.group(0).replace(",", "").replace("%", "").strip()
        if YEAR.match(text) and not match.group(2):
            continue
        if COMPARED[direction](float(text), limit):  # (above the limit for ">", at least it for ">=" ...)
            return True
    return False


def _silent_everywhere(silent: list[Row], tools: Tools, question, rows: np.ndarray,  # noqa: ANN001
                       score: np.ndarray) -> list[Row]:
    """For "which ... do the reports not state X": the bodies none of whose reports states it (one row each)."""
    corpus = tools.library.text
    stated = {body_label(tools.library.reports[corpus.report_ids[corpus.report_of[r]]])
              for r, s in zip(rows, score) if s >= STANDS_OUT and not is_absence(corpus.sentence(int(r))[4])}
    return list({body_label(row.meta): row for row in silent if body_label(row.meta) not in stated}.values())

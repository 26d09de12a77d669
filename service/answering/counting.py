"""Whether a figure counts what a count question asks ("how many children in care": not "a total of 23
occasions", nor "an average of 58 cases each"), and which of a sentence's figures does."""

from __future__ import annotations

import re
from collections.abc import Callable

import numpy as np

from service.answering.text import (AGE_BEFORE, CLAUSE_WORDS, WHEN_WHERE, counted_asked, counted_described, stem, stems,
                                    unit_of, without_possessives, words)
from service.answering.thesaurus import reports_words

Vectors = Callable[[str], np.ndarray]  # a text's unit vector

COUNT_LEADS = 0.2       # cosine by which one of a sentence's figures counts what is asked better than the others
RELATIVE = re.compile(r"\b(?:who|whom|whose|which|that)\b", re.I)  # a figure's own noun, then what tells of it
HEADS_ALIKE = 0.4       # cosine of two counted nouns' heads for them to count the same ("kids", "children")
COUNT_FITS = 0.25       # cosine of what a count question counts and what a figure counts, for the figure to lead
                        # (set on the dev halves and the probes: cases/children 0.28, ICPCs/initial child
                        # protection conferences 0.28, youngsters/children looked after 0.41; children/occasions
                        # 0.22, caseload/care leavers 0.18, children/subsequently returned 0.13)
QUALIFIERS = {"of", "in", "for", "with", "at", "on", "from", "to", "by", "who", "that", "which", "whose", "whom",
              "aged", "living", "placed", "being"}  # (words after a noun phrase's head: "children living in care")
PEOPLE_UNIT = {"people", "persons", "individuals"}  # a figure counting people of no kind said ("4,750 people")
SAMPLE_BEFORE = re.compile(r"\bof\s+the\s+(?:last|first|latest|most recent|previous)\s+$", re.I)  # a sample's size
GROUPS_OF = re.compile(r"^(?:groups?|cohorts?|teams?|sets?|batches|clusters?|panels?|pairs?|types?|kinds?|"
                       r"categories|sorts?)\s+of\b", re.I)  # a figure counting collections ("two groups of children")
PART_OF = re.compile(r"\s+of\s+(?:its|their|the|all)\s+(?:\d[\d,]*|[a-z]+)\s+((?:[a-z'’-]+\s*){1,3})", re.I)
A_PART = re.compile(r"(?:\s*\(\s*\d[\d.]*\s*%\s*\))?\s+of\s+(?:its|their|the|all|"
                    r"(?:[A-Z][\w&-]*\s+){0,6}[A-Z][\w&-]*['’]s)\s", re.I)  # ("three of Essex CRC's standards", "5
# of its 10 standards", "89 (97%) of its current care leavers": a part of what is counted)
WHOLE_OF = re.compile(r"\b\d[\d,]*\s+of\s+(?:its|their|the|all)\s+$", re.I)  # (the whole a part is of)
TOTAL_ASKED = re.compile(r"\b(?:in total|altogether|overall|total|are there|(?:does|did|do) (?:it|they|[\w'’-]+"
                         r"(?: [\w'’-]+){0,3}?) have)\b", re.I)  # ("did thurrock have")
EACH = re.compile(r"\s+(?:[\w-]+\s+){0,2}(?:each|apiece|per\s+\w+)\b", re.I)  # a figure per one ("58 cases each")
AVERAGE_OF = re.compile(r"\baverage\s+(?:of\s+)?$", re.I)
PER_ONE_ASKED = re.compile(r"\b(average|typical\w*|each|per|apiece|mean|usual\w*|caseloads?)\b", re.I)
CHANGE_SIZE = re.compile(r"\b(?:increase|rise|reduction|decrease|fall|drop|growth|up|down)\s+(?:of|by)\s+$|"
                         r"\b(?:increased|decreased|rose|fell|reduced|grew|dropped)\s+by\s+$", re.I)  # a change's size
CHANGE_ASKED = re.compile(r"\b(?:increase\w*|rises?|rose|more|fewer|less|grow\w*|grew|falls?|fell|drop\w*|chang\w*|"
                          r"reduc\w*|decreas\w*|up|down|differen\w*)\b", re.I)
FROM_THEN_TO = re.compile(r"\bfrom\s+(?:about\s+|around\s+|approximately\s+)?$")  # "a reduction from 38 ... to only five":
TO_AFTER = re.compile(r"[\d,.]*%?\s+(?:[\w'’-]+\s+){0,5}?to\s+(?:only\s+|just\s+|about\s+)?(?:\d|one|two|three|four|five|"
                      r"six|seven|eight|nine|ten)", re.I)  # (38 was, five is)
THEN_ASKED = re.compile(r"\b(?:before|previous\w*|earlier|originally|used to|from)\b", re.I)


def counts_asked(vectors: Vectors, question: str, quote: str, figure: str) -> bool:
    """False when a count question asks for one thing ("how many children in care") and the figure counts
    another, in words and in meaning ("a total of 23 occasions"): that figure does not answer it."""
    at = quote.find(figure)
    if at >= 0 and CHANGE_SIZE.search(quote[max(0, at - 30):at]) and not CHANGE_ASKED.search(question):
        return False  # ("an increase of 30 children since March 2015": by how much, not how many)
    if at >= 0 and FROM_THEN_TO.search(quote[max(0, at - 20):at]) and TO_AFTER.match(quote, at) \
            and not THEN_ASKED.search(question):
        return False  # (what it was, not what it is)
    if at >= 0 and AGE_BEFORE.search(quote[max(0, at - 30):at]):
        return False  # ("young people aged between 19 and 21": their ages, not how many)
    if at >= 0 and SAMPLE_BEFORE.search(quote[max(0, at - 30):at]):
        return False  # ("Of the last 10 children to become looked after, four ...": a sample, not how many)
    if at >= 0 and WHOLE_OF.search(quote[max(0, at - 20):at]) and not TOTAL_ASKED.search(question):
        return False  # ("how many standards got better": not the 10 of "improved in 5 of its 10 standards")
    if at >= 0 and A_PART.match(quote, at + len(figure)) and TOTAL_ASKED.search(question):
        return False  # ("how many standards in total": not "three of its standards" nor "5 of its 10 standards")
    part = PART_OF.match(quote, at + len(figure)) if at >= 0 else None  # (5 of them: five standards)
    counted, unit = counted_asked(question), without_possessives(part.group(1) if part else unit_of(quote, figure))
    if unit and unit.split()[0].lower() in WHEN_WHERE and stems(counted) & stems(quote[:at]):
        return True  # (of what the sentence named before: "numbers of children in care, from ... to 850 at
        # the time")
    if counted and GROUPS_OF.match(unit) and not GROUPS_OF.match(counted):
        return False  # ("how many kids in care": not "two groups of children", which counts the groups)
    if not counted or not unit:
        return True
    if stems(counted) & stems(unit):  # (what is counted, by the head of either, or heads alike in meaning: "how
        heads = _head(counted), _head(unit)  # many foster carers" is not answered by "three hub foster homes",
        return stem(heads[1]) in stems(counted) or stem(heads[0]) in stems(unit) or float(  # which share only
            vectors(heads[0]) @ vectors(heads[1])) >= HEADS_ALIKE  # "foster"; "asylum-seeking kids" is by
    # "asylum-seeking children")
    clause = unit_of(quote, figure, CLAUSE_WORDS)
    if len(stems(reports_words(counted)) & stems(clause)) >= 2:  # ("how many DCS": "four people holding the role
        return True  # of the director of children's services")
    if (told := RELATIVE.search(clause)) and stems(counted) & stems(clause[told.end():]):  # ("24 care leavers
        return False  # who receive the support of foster carers": the asked is what the figure's own is told by)
    if at >= 0 and (EACH.match(quote, at + len(figure)) or AVERAGE_OF.search(quote[max(0, at - 20):at])) \
            and not PER_ONE_ASKED.search(question):
        return False  # ("how many offenders": not "an average of 58 cases each", what one officer holds)
    fits = max(float(vectors(asked) @ vectors(unit)) for asked in {counted, counted_described(question)})
    if set(words(unit.lower())) <= PEOPLE_UNIT and fits < float(vectors(counted) @ vectors("places")):
        return False  # ("how many prisons": not "4,750 people", however near "prisons" and "people" are)
    return fits >= COUNT_FITS


def _head(phrase: str) -> str:
    """A noun phrase's head: its last word before any that begins what qualifies it ("directors of children's
    services": directors; "hub foster homes": homes)."""
    said = words(phrase)
    before = next((i for i, w in enumerate(said) if i and w.lower() in QUALIFIERS), len(said))
    return said[before - 1] if said else ""


def counting_figure(vectors: Vectors, question: str, quote: str, figures: set[str]) -> str | None:
    """Of the ``figures`` a quote states, the one that counts what the question asks: the only one that
    does, or of several the one whose words are nearest what is counted, by ``COUNT_LEADS`` ("how many
    serious case reviews": "19 serious incident notifications ... and five serious case reviews": five)."""
    counting = [f for f in figures if counts_asked(vectors, question, quote, f)]
    if len(counting) < 2:
        return counting[0] if counting else None
    counted = vectors(counted_asked(question))
    near = sorted(((float(counted @ vectors(unit_of(quote, f))), f) for f in counting), reverse=True)
    return near[0][1] if near[0][0] - near[1][0] >= COUNT_LEADS else None

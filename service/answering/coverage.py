"""The places a report says its body covers ("Merseyside CRC, owned by Purple Futures, covers Liverpool, Knowsley,
St Helens, Sefton and Wirral"), so that a question naming a town ("the liverpool area crc", "who ran probation
that covered the wirral") is about the body that covers it. Read once per view of the index, from the sentences
that say "covers" (or "serves") and name the body."""

from __future__ import annotations

import re

import numpy as np

from ingest.models import ReportMeta
from service.answering.organisations import body_label
from service.answering.places import counties_matched, place_key, places_matched
from service.corpus import Corpus
from service.names import normalise

COVERS = re.compile(r"\b(covers|covered|covering|serves|served|serving)\b", re.I)


def covered_places(corpus: Corpus, reports: dict[str, ReportMeta]) -> dict[str, str]:
    """Place (``place_key``) -> the one body whose reports say it covers that place (places two bodies cover
    are left out: they choose neither)."""
    bodies: dict[str, set[str]] = {}
    for row in np.flatnonzero(corpus.holding(corpus.columns("covers serves"))):
        report_id, *_, quote = corpus.sentence(int(row))
        meta = reports.get(report_id)
        if meta is None or not (verb := COVERS.search(quote)) or not _names_body(quote, meta):
            continue
        said = quote[verb.end():]
        for place in [m.group(0) for m in places_matched(said)] + [c[0] for c in counties_matched(said)]:
            bodies.setdefault(place_key(place), set()).add(body_label(meta))
    return {place: next(iter(names)) for place, names in bodies.items() if len(names) == 1}


def _names_body(quote: str, meta: ReportMeta) -> bool:
    """True when the sentence names the report's body (all the words of its name)."""
    return set(normalise(body_label(meta)).split()) <= set(normalise(quote).split())

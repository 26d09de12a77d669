"""Typed records passed between the ingest stages.

Flow: ``load(path) -> ParsedDocument`` -> ``extract_metadata(doc) -> ReportMeta`` ->
``split_sections(doc) -> list[Section]`` -> ``chunk_sections(...) -> list[Chunk]``.
Pages are numbered from 1; for formats without pages (HTML, Markdown, text) all text is page 1.
Character spans (``start``, ``end``) index into ``Page.text`` of the page named, so a quote can be
checked against the stored page text later.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, Field

Grade = Literal["outstanding", "good", "requires improvement", "inadequate"]
GRADES: tuple[Grade, ...] = ("outstanding", "good", "requires improvement", "inadequate")
Precision = Literal["year", "month", "day"]


class Page(BaseModel):
    number: int = Field(ge=1)
    text: str


class ParsedDocument(BaseModel):
    """A file's text, page by page, before any interpretation."""

    source: str = Field(description="path of the file as given to ingest")
    format: Literal["pdf", "html", "markdown", "text"]
    title: str | None = None
    pages: list[Page]
    front_matter: dict[str, object] = Field(default_factory=dict)


class Evidence(BaseModel):
    """Where a value was read: a page and a verbatim span of that page's text."""

    page: int
    quote: str


class ReportMeta(BaseModel):
    """What a report says about itself. A value the report does not give is None, never a guess."""

    report_id: str
    source: str
    title: str
    body: str | None = None
    body_aliases: list[str] = Field(default_factory=list)
    inspectorate: str | None = None
    report_type: str | None = None
    owner: str | None = None
    published: date | None = Field(None, description="the first day of the period the report gives as its date")
    published_precision: Precision = Field("day", description="how much of the date the report gives")
    inspection_dates: str | None = None
    lead_inspector: str | None = None
    overall: Grade | None = None
    areas: dict[str, Grade] = Field(default_factory=dict)
    links: list[str] = Field(default_factory=list, description="public web addresses of the report that the file "
                             "names (Markdown front matter `sources:`)")
    provenance: dict[str, Evidence] = Field(
        default_factory=dict,
        description="field name (or 'area:<name>') -> where the value was read",
    )

    def published_iso(self) -> str | None:
        """The date as precisely as the report gives it: "2018", "2018-03" or "2018-03-14"."""
        width = {"year": 4, "month": 7, "day": 10}[self.published_precision]
        return self.published.isoformat()[:width] if self.published else None

    def published_words(self) -> str:
        """"14 March 2018", "March 2018" or "2018"; "" when the report gives no date."""
        if self.published is None:
            return ""
        form = {"year": "%Y", "month": "%B %Y", "day": "%-d %B %Y"}[self.published_precision]
        return self.published.strftime(form)

    def published_period(self) -> tuple[date, date] | None:
        """First and last day the stated date can mean (a year, a month or a day)."""
        start = self.published
        if start is None:
            return None
        if self.published_precision == "year":
            return start, date(start.year, 12, 31)
        if self.published_precision == "month":
            following = date(start.year + start.month // 12, start.month % 12 + 1, 1)
            return start, date.fromordinal(following.toordinal() - 1)
        return start, start


class Section(BaseModel):
    """A structural unit of a page: heading text, a paragraph or numbered paragraph."""

    page: int
    heading: str | None
    start: int
    end: int
    text: str


class Chunk(BaseModel):
    chunk_id: str
    report_id: str
    page: int
    section: str | None
    start: int
    end: int
    text: str

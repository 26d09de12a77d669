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
    published: date | None = None
    inspection_dates: str | None = None
    lead_inspector: str | None = None
    overall: Grade | None = None
    areas: dict[str, Grade] = Field(default_factory=dict)
    provenance: dict[str, Evidence] = Field(
        default_factory=dict,
        description="field name (or 'area:<name>') -> where the value was read",
    )


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

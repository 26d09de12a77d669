"""Request and response models of the HTTP API (shapes fixed by CONTRACT.md; fields may be added)."""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Literal

from urllib.parse import quote as quote_path
from urllib.parse import urlencode

from pydantic import BaseModel, BeforeValidator, Field, ValidationError, computed_field, field_validator, model_validator

from ingest.models import Grade

SESSION_ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
NOT_BLANK = re.compile(r"[^ \t\n\r\f\v]")  # the same set in Python and ECMAScript (JSON Schema) regexes
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def iso_date(value: object) -> object:
    """Only ``YYYY-MM-DD`` (or a date): the lax default would read ``0`` or ``1e9`` as a Unix time."""
    if isinstance(value, date) or (isinstance(value, str) and ISO_DATE.fullmatch(value)):
        return value
    raise ValueError("dates are written YYYY-MM-DD, e.g. 2019-03-14")


IsoDate = Annotated[date, BeforeValidator(iso_date)]
Verdict = Literal["concern", "positive", "improved", "declined", "mentioned", "grade", "not stated"]


class Filters(BaseModel):
    model_config = {"extra": "forbid"}

    body: str | None = Field(None, max_length=200, description="inspected organisation; aliases accepted")
    inspectorate: str | None = Field(None, max_length=200)
    published_from: IsoDate | None = None
    published_to: IsoDate | None = None
    grade: Grade | None = Field(None, description="overall grade of the report")
    section: str | None = Field(None, max_length=200, description="words of the section heading")

    @model_validator(mode="after")
    def dates_in_order(self) -> Filters:
        if self.published_from and self.published_to and self.published_from > self.published_to:
            raise ValueError(f"published_from ({self.published_from}) is after published_to ({self.published_to}): "
                             "swap them")
        return self


def filters_or_422(**values: object) -> Filters:
    """Filters from query parameters; a combination that is wrong together (dates in the wrong order) is a 422
    naming the fields, as a wrong single value is."""
    from fastapi import HTTPException

    try:
        return Filters(**values)
    except ValidationError as exc:
        raise HTTPException(422, [{"loc": ["query", *map(str, e["loc"])], "msg": e["msg"], "type": e["type"]}
                                  for e in exc.errors()]) from None


class AskRequest(BaseModel):
    model_config = {"extra": "forbid"}

    question: str = Field(min_length=1, max_length=1000, json_schema_extra={"pattern": NOT_BLANK.pattern},
                          description="at most 1000 characters, not all blank")
    session_id: str | None = Field(None, max_length=64, description="from an earlier answer: ask a follow-up",
                                   json_schema_extra={"pattern": SESSION_ID.pattern})
    filters: Filters | None = None

    @field_validator("question")
    @classmethod
    def not_blank(cls, value: str) -> str:
        if not NOT_BLANK.search(value):  # the published pattern, so schema and check agree on "blank"
            raise ValueError("the question is empty")
        return value

    @field_validator("session_id")
    @classmethod
    def session_format(cls, value: str | None) -> str | None:
        if value is not None and not SESSION_ID.match(value):
            raise ValueError("session_id holds letters, digits, '-' and '_' only (1-64 characters)")
        return value


class Ratings(BaseModel):
    overall: Grade | None = None
    areas: dict[str, Grade] = Field(default_factory=dict)


class EvidenceOut(BaseModel):
    page: int
    quote: str


ReportId = Annotated[str, Field(description="the report's id in this index (GET /reports/{report_id})")]
Body = Annotated[str | None, Field(description="the inspected organisation (\"Thames Valley CRC\", \"Warrington\"); "
                                               "null where the report names none")]
Title = Annotated[str, Field(description="the report's title (with the organisation's name where the title lacks it)")]
PageNumber = Annotated[int, Field(description="page in the file: 1 for HTML, Markdown and text; 0 for a value read "
                                              "from Markdown front matter")]
SectionHeading = Annotated[str | None, Field(description="heading of the section the text stands in")]
Published = Annotated[str | None, Field(
    description="as precisely as the report states it: YYYY, YYYY-MM or YYYY-MM-DD; null where it states none",
    examples=["2019-03-14", "2018-09", "2018"])]


class Report(BaseModel):
    report_id: ReportId
    title: Title
    body: Body
    inspectorate: str | None = Field(description="the inspectorate that wrote the report")
    published: Published
    source: str
    ratings: Ratings
    body_aliases: list[str] = Field(default_factory=list)
    report_type: str | None = None
    owner: str | None = None
    inspection_dates: str | None = None
    lead_inspector: str | None = None
    provenance: dict[str, EvidenceOut] = Field(default_factory=dict)


class ReportsResponse(BaseModel):
    reports: list[Report]


class Place(BaseModel):
    """Where a passage or a quote stands: the report and the page."""

    report_id: ReportId
    body: Body
    title: Title
    published: Published
    page: PageNumber
    section: SectionHeading


class Passage(Place):
    chunk_id: str
    text: str = Field(description="the passage's text")
    score: float = Field(description="relevance: higher is better (fused lexical and dense ranks)")
    source: str | None = None


class SearchResponse(BaseModel):
    results: list[Passage]


class LLMHealth(BaseModel):
    url: str
    answered_last_call: bool | None = Field(description="null until the first call")
    last_error: str | None = None


class Health(BaseModel):
    status: Literal["ok"] = "ok"
    reports: int
    chunks: int
    answer_mode: Literal["extractive", "llm"] = Field("extractive", description="llm when INSPECT_LLM_BASE_URL "
                                                     "is set: prose from a model, every sentence checked")
    llm: LLMHealth | None = None
    generation: int = Field(0, description="the index generation being served: it rises with every report that "
                                           "ingest adds, changes or removes, and the service follows within seconds")


class Citation(Place):
    n: int
    source: str = Field(description="the file the report was read from, relative to the folder ingested")
    quote: str = Field(description="a verbatim span of the report's text on that page")
    claim: str | None = Field(None, exclude=True)  # the project's wording of a metadata value (for the LLM)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def url(self) -> str:
        """Where the service shows the cited page as readable text with the quote highlighted (that view links
        the original file, opened at the page, and the published report where the file names it)."""
        query = urlencode({"page": max(self.page, 1), "quote": self.quote})
        return f"/reports/{quote_path(self.report_id)}/read?{query}#quote"


class Item(BaseModel):
    body: str | None
    report_id: str
    verdict: Verdict = Field(description="what kind of row this is: the report's grade (grade), a finding that "
                             "counts against (concern) or for (positive), a change between two reports (improved, "
                             "declined), the topic raised (mentioned) or the report silent on it (not stated)")
    citations: list[int] = Field(default_factory=list)
    published: Published = None
    finding: str | None = Field(None, description="the row's finding in plain words: the grade (\"rated good "
                                "overall\"), the change, or the start of the quote it rests on")


class Prose(BaseModel):
    """What an LLM wrote for this answer: sentences kept (each checked against the quotes it cites) and dropped."""

    kept: int
    dropped: int


class Table(BaseModel):
    """Counts and trends as data: a header row and rows of cells; ``citations`` lists, row by row, the citation
    numbers of every report counted in that row."""

    columns: list[str]
    rows: list[list[str | int | float]]
    citations: list[list[int]] = Field(default_factory=list, description="per row: the citations of the reports "
                                       "counted in it (each the line its grade was read from)")


class Answer(BaseModel):
    answer: str
    abstained: bool
    session_id: str
    citations: list[Citation] = Field(default_factory=list)
    items: list[Item] = Field(default_factory=list)
    table: Table | None = Field(None, description="counts and trends (\"how many ... each year\"), also drawn "
                                "as a chart by the widget; POST /ask?format=csv returns it as CSV")
    strength: float | None = Field(None, description="how well the best evidence answers a fact question (its "
                                   "cosine with the question plus the share of the question's terms it holds); "
                                   "below the service's threshold the answer is an abstention")
    prose: Prose | None = Field(None, description="present when an LLM wrote the answer's prose")

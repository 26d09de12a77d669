"""One body's reports under one name, however each report's title gave it."""

from __future__ import annotations

from ingest.models import ReportMeta
from service.names import shared_aliases


def _meta(source: str, body: str) -> ReportMeta:
    return ReportMeta(report_id=source.replace("/", "-"), source=source, title=body, body=body)


def test_a_folder_of_one_bodys_reports_gives_them_one_name() -> None:
    reports = shared_aliases([_meta("80466_east riding/2017.pdf", "East Riding of Yorkshire"),
                              _meta("80466_east riding/2020.pdf", "East Riding of Yorkshire"),
                              _meta("80466_east riding/2023.pdf", "East Riding"),
                              _meta("80477_hull/2019.pdf", "Hull"), _meta("80477_hull/2022.pdf", "Kingston upon Hull")])
    assert [m.body for m in reports] == ["East Riding of Yorkshire"] * 3 + ["Kingston upon Hull"] * 2
    assert "East Riding" in reports[2].body_aliases and "East Riding" in reports[0].body_aliases


def test_a_folder_of_several_bodies_keeps_their_names() -> None:
    reports = shared_aliases([_meta("reports/durham.md", "Durham"), _meta("reports/dtv.md", "Durham Tees Valley CRC"),
                              _meta("reports/essex.md", "Essex CRC")])
    assert [m.body for m in reports] == ["Durham", "Durham Tees Valley CRC", "Essex CRC"]

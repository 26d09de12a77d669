import csv
import json
from pathlib import Path

from ingest.export import main


def test_export_csv_and_json(corpus_index: Path, tmp_path: Path) -> None:
    assert main(["--index", str(corpus_index), "--out", str(tmp_path / "r.csv")]) == 0
    rows = list(csv.DictReader((tmp_path / "r.csv").open(encoding="utf-8")))
    assert len(rows) == 24
    essex = next(r for r in rows if r["report_id"] == "essex-crc-2018")
    assert essex["body"] == "Essex CRC" and essex["overall"] == "requires improvement"
    assert essex["published"] == "2018-10-10"
    assert next(r for r in rows if r["report_id"] == "london-crc-2018")["published"] == "2018-03"
    assert main(["--index", str(corpus_index), "--out", str(tmp_path / "r.json")]) == 0
    data = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    by_id = {r["report_id"]: r for r in data["reports"]}
    assert by_id["thames-valley-crc-2018"]["published"] == "2018" and "provenance" in by_id["thames-valley-crc-2018"]


def test_export_without_index_says_what_to_do(tmp_path: Path, capsys) -> None:
    assert main(["--index", str(tmp_path / "none")]) == 2
    assert "python -m ingest" in capsys.readouterr().err

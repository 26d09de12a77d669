"""`python -m service` refuses what it cannot serve instead of serving an empty index."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_a_mistyped_index_folder_is_an_error_not_an_empty_service(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "service", "--index", str(tmp_path / "ofstd")], cwd=ROOT,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 2
    assert "no index at" in result.stderr and "ofstd" in result.stderr and "python -m ingest" in result.stderr
    assert not (tmp_path / "ofstd").exists()


def test_help_explains_every_option_with_examples() -> None:
    result = subprocess.run([sys.executable, "-m", "service", "--help"], cwd=ROOT, capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0 and "examples:" in result.stdout
    assert "address to listen on" in result.stdout and "port to listen on" in result.stdout


def test_an_index_built_by_another_chunker_is_refused_with_what_to_do(tmp_path: Path) -> None:
    import json
    import sqlite3

    from ingest.catalog import Catalog
    from ingest.settings import IndexSettings

    index = IndexSettings(index_dir=tmp_path / "old")
    older = {**index.fingerprint(), "chunker": "sentence-pack-v1"}
    Catalog(index.catalog_path).ensure_fingerprint(older)
    result = subprocess.run([sys.executable, "-m", "service", "--index", str(tmp_path / "old")], cwd=ROOT,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr
    assert "sentence-pack-v1" in result.stderr and "--rebuild" in result.stderr, result.stderr
    with sqlite3.connect(index.catalog_path) as db:  # (the index is left as it was)
        assert json.loads(db.execute("SELECT value FROM info WHERE key='fingerprint'").fetchone()[0]) == older

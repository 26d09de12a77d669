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

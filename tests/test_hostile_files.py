"""Hostile files beside good ones: each bad file is reported with its reason, every good file is ingested,
and the exit status follows the contract (1 when any file failed). Checked through the real CLI and the
catalog."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ingest.catalog import Catalog
from ingest.loaders import MAX_TEXT_CHARS, LoadError, load
from ingest.settings import IndexSettings
from ingest.store import VectorStore
from tests.fixtures import make_reports, write_pdf

ROOT = Path(__file__).resolve().parents[1]
GOOD = {"riverside", "hilltop", "meadow", "notes"}
MISLABELLED = """<!doctype html><html><head><title>Birch CRC</title></head><body><main>
<h1>Birch CRC inspection</h1><p>Inspectors found that Birch CRC kept thorough records of home visits.</p>
</main></body></html>"""
CP1252 = "Oak CRC inspection\n\nThe café at Oak CRC was run by service users – a “good” idea.\n"
UTF16 = "# Willow CRC inspection\n\nWillow CRC’s naïve risk plans were rewritten after the inspection.\n"


def encrypted_pdf(path: Path, source: Path) -> None:
    from pypdf import PdfWriter

    writer = PdfWriter(clone_from=str(source))
    writer.encrypt(user_password="secret", owner_password="owner")
    with path.open("wb") as fh:
        writer.write(fh)


def build_hostile_folder(tmp: Path) -> Path:
    folder = make_reports(tmp / "reports")
    good_pdf = (folder / "meadow.pdf").read_bytes()
    (folder / "corrupt.pdf").write_bytes(good_pdf[: len(good_pdf) // 2])
    (folder / "empty.txt").write_bytes(b"")
    encrypted_pdf(folder / "encrypted.pdf", write_pdf(tmp / "locked.pdf", ["A locked report on Ash CRC."]))
    (folder / "mislabelled.pdf").write_text(MISLABELLED, encoding="utf-8")
    (folder / "huge.txt").write_text("Huge line " + "word " * (MAX_TEXT_CHARS // 5 + 1000), encoding="utf-8")
    (folder / "long-line.txt").write_text("Long line notes " + "inspectors visited the site and " * 2000)
    (folder / "oak.txt").write_bytes(CP1252.encode("cp1252"))
    (folder / "willow.md").write_bytes(UTF16.encode("utf-16"))
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 64)
    (folder / "bad-front-matter.md").write_text("---\ntitle: [unclosed\n---\n# Title\n\nSome text here.\n")
    shutil.copy(folder / "riverside.md", folder / "riverside-copy.md")
    (folder / "a-link-to-riverside.md").symlink_to("riverside.md")
    outside = tmp / "elsewhere"
    outside.mkdir()
    (outside / "elm.md").write_text("# Elm CRC inspection\n\nElm CRC ran a strong victim liaison service.\n")
    (folder / "elm-link.md").symlink_to(outside / "elm.md")
    (folder / "loop.md").symlink_to("loop.md")
    (folder / "dangling.txt").symlink_to("no-such-file.txt")
    (folder / "sub").mkdir()
    (folder / "sub" / "back-up").symlink_to("..")  # a folder loop: walked once, never again
    return folder


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "ingest", *args, "--quiet"], cwd=ROOT, capture_output=True,
                          text=True, timeout=900)


def failures(stdout: str) -> dict[str, str]:
    """{file name: reason} from the CLI's FAILED lines."""
    return {Path(m[1]).name: m[2] for m in re.finditer(r"^\s+FAILED\s+(.+?): (.+)$", stdout, re.M)}


@pytest.fixture(scope="module")
def hostile_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[subprocess.CompletedProcess[str], Path]:
    tmp = tmp_path_factory.mktemp("hostile")
    folder = build_hostile_folder(tmp)
    index = tmp / "index"
    return run_cli(str(folder), "--index", str(index)), index


def test_exit_status_is_1_and_each_failure_has_its_reason(hostile_run) -> None:
    result, _ = hostile_run
    assert result.returncode == 1, result.stdout + result.stderr
    failed = failures(result.stdout)
    expected = {"corrupt.pdf": "not a readable PDF", "empty.txt": "empty", "encrypted.pdf": "encrypted",
                "huge.txt": "over the", "binary.txt": "binary", "bad-front-matter.md": "not valid YAML",
                "loop.md": "symlink loop", "dangling.txt": "broken symlink"}
    assert set(failed) == set(expected), result.stdout
    for name, reason in expected.items():
        assert reason in failed[name], (name, failed[name])


def test_every_good_file_is_ingested_once(hostile_run) -> None:
    result, index = hostile_run
    ids = {meta.report_id for meta in Catalog(index / "catalog.sqlite").reports()}
    twins = {"riverside", "riverside-copy"}
    assert len(ids & twins) == 1, ids  # one copy indexed, the other reported as its duplicate
    others = {"mislabelled", "long-line", "oak", "willow", "elm-link"}
    assert ids - twins == GOOD - twins | others, result.stdout
    assert re.search(r"^\s+duplicate\s+.*riverside(-copy)?\.md: same content as .*riverside(-copy)?\.md$",
                     result.stdout, re.M)
    assert "ingested 9 files" in result.stdout and "1 duplicates" in result.stdout


def test_encodings_and_mislabelled_files_are_read_correctly(hostile_run) -> None:
    _, index = hostile_run
    catalog = Catalog(index / "catalog.sqlite")
    assert "The café at Oak CRC" in catalog.page_text("oak", 1) and "“good”" in catalog.page_text("oak", 1)
    assert "Willow CRC’s naïve risk plans" in catalog.page_text("willow", 1)
    assert "orchard visit" in catalog.page_text("notes", 1)
    assert "thorough records of home visits" in catalog.page_text("mislabelled", 1)
    assert len(catalog.report_chunks("long-line")) > 10


def test_vectors_match_the_catalog(hostile_run) -> None:
    _, index = hostile_run
    catalog_ids = Catalog(index / "catalog.sqlite").chunk_ids()
    assert catalog_ids and VectorStore(IndexSettings(index_dir=index)).ids() == catalog_ids


def test_rerun_skips_good_files_and_reports_the_bad_ones_again(hostile_run) -> None:
    result, index = hostile_run
    folder = Path(result.args[3])
    again = run_cli(str(folder), "--index", str(index))
    assert again.returncode == 1 and set(failures(again.stdout)) == set(failures(result.stdout))
    assert "ingested 0 files" in again.stdout and "skipped 9 unchanged" in again.stdout


def vanishing_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, embeddings, stage: str) -> int:
    """Run the CLI in this process with ``riverside.md`` deleted after discovery (``stage='hash'``: before
    it is hashed; ``stage='load'``: after hashing, before it is parsed)."""
    import ingest.pipeline as pipeline
    from ingest.__main__ import main

    folder = make_reports(tmp_path / "reports")
    victim = folder / "riverside.md"
    real_discover, real_hash = pipeline.discover, pipeline.file_sha256

    def discover_then_delete(paths, unsupported=None):  # type: ignore[no-untyped-def]
        found = real_discover(paths, unsupported)
        if stage == "hash":
            victim.unlink()
        return found

    def hash_then_delete(path: Path) -> str:
        digest = real_hash(path)
        if path == victim and stage == "load":
            victim.unlink()
        return digest

    monkeypatch.setattr(pipeline, "discover", discover_then_delete)
    monkeypatch.setattr(pipeline, "file_sha256", hash_then_delete)
    monkeypatch.setattr(pipeline.MiniLMEmbeddings, "from_settings", classmethod(lambda cls, _: embeddings))
    return main([str(folder), "--index", str(tmp_path / "index"), "--quiet"])


@pytest.mark.parametrize("stage", ["hash", "load"])
def test_a_file_that_vanishes_mid_run_is_reported(tmp_path: Path, monkeypatch, capsys, embeddings,
                                                  stage: str) -> None:
    status = vanishing_run(tmp_path, monkeypatch, embeddings, stage)
    out = capsys.readouterr().out
    failed = failures(out)
    assert status == 1 and set(failed) == {"riverside.md"}, out
    assert re.search(r"No such file|disappeared", failed["riverside.md"])
    assert "ingested 3 files" in out
    catalog = Catalog(tmp_path / "index" / "catalog.sqlite")
    assert {m.report_id for m in catalog.reports()} == GOOD - {"riverside"}


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1", "utf-8-sig", "utf-16", "utf-16-le", "utf-32"])
def test_text_encodings_decode_exactly(tmp_path: Path, encoding: str) -> None:
    text = "Field notes\n\nThe orchard visit at Café Señor took place in spring; façade repaired.\n"
    path = tmp_path / "notes.txt"
    path.write_bytes(text.encode(encoding))
    assert load(path).pages[0].text == text


def test_html_without_a_declared_charset_is_decoded_like_text(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_bytes("<html><body><p>Café señor – “good”.</p></body></html>".encode("cp1252"))
    assert load(path).pages[0].text == "Café señor – “good”."


@pytest.mark.parametrize("content, reason", [
    ("---\npublished: 2019-13-45\n---\nbody text", "impossible value"),
    ("---\na: &a [1, *a]\nb: &b [*a, *a]\n---\nbody text", "refers to itself"),
    ("---\nx: !!python/object/apply:os.system ['echo hi']\n---\nbody", "not valid YAML"),
])
def test_hostile_front_matter_is_refused_with_a_reason(tmp_path: Path, content: str, reason: str) -> None:
    path = tmp_path / "report.md"
    path.write_text(content)
    with pytest.raises(LoadError, match=reason):
        load(path)


def test_special_files_and_link_loops_are_reported_not_opened(tmp_path: Path) -> None:
    from ingest.discover import discover

    (tmp_path / "good.md").write_text("# Good\n\ntext")
    os.mkfifo(tmp_path / "pipe.txt")  # reading it would block forever
    (tmp_path / "a.md").symlink_to("b.md")
    (tmp_path / "b.md").symlink_to("a.md")
    files, problems = discover([tmp_path])
    assert [f.relative for f in files] == ["good.md"]
    reasons = {p.name: reason for p, reason in problems}
    assert "not a regular file" in reasons["pipe.txt"] and "symlink loop" in reasons["a.md"]


def test_linked_folders_are_walked_once_under_their_real_path(tmp_path: Path) -> None:
    from ingest.discover import discover

    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "r.md").write_text("# R\n\ntext")
    (tmp_path / "a-link").symlink_to("real")
    (tmp_path / "real" / "loop").symlink_to("..")
    files, problems = discover([tmp_path])
    assert [f.relative for f in files] == ["real/r.md"] and problems == []

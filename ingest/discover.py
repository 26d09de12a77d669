"""Find the report files under the paths a user gave, and give each a stable, readable report id."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ingest.loaders import SUFFIXES


@dataclass(frozen=True)
class SourceFile:
    path: Path          # as found on disk
    relative: str       # path below the folder the user named (the file name for a file argument)
    report_id: str


def slugify(text: str) -> str:
    text = text.lower().replace("&", " and ").replace("'", "").replace("’", "")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or "report"


def _is_hidden(relative: Path) -> bool:
    return any(part.startswith((".", "_")) for part in relative.parts)


def _in_folder(root: Path) -> list[Path]:
    """Report files under ``root``: known suffixes, hidden folders and README files left out."""
    found = []
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root)
        if path.suffix.lower() in SUFFIXES and not _is_hidden(rel) and not path.stem.upper() == "README":
            if path.is_file():
                found.append(path)
    return found


def discover(paths: list[Path]) -> tuple[list[SourceFile], list[tuple[Path, str]]]:
    """(files to ingest, [(path, reason)] for arguments that are not usable)."""
    files: list[SourceFile] = []
    missing: list[tuple[Path, str]] = []
    for arg in paths:
        if arg.is_dir():
            files += [_source(p, p.relative_to(arg)) for p in _in_folder(arg)]
        elif arg.is_file():
            files.append(_source(arg, Path(arg.name)))
        else:
            missing.append((arg, "no such file or folder"))
    return _unique_ids(files), missing


def _source(path: Path, relative: Path) -> SourceFile:
    return SourceFile(path=path, relative=relative.as_posix(), report_id=slugify(relative.with_suffix("").as_posix()))


def _unique_ids(files: list[SourceFile]) -> list[SourceFile]:
    seen: dict[str, int] = {}
    out = []
    for f in files:
        n = seen.get(f.report_id, 0)
        seen[f.report_id] = n + 1
        out.append(f if n == 0 else SourceFile(f.path, f.relative, f"{f.report_id}-{n + 1}"))
    return out

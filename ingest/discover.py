"""Find the report files under the paths a user gave, and give each a stable, readable report id.

Symbolic links: a link to a file is followed and the file is read under the link's name; a link to a folder
is walked like a folder. Each real file is found once: when a link and the file it points to (or two links
to one file) are both in the walk, the path without links is kept and the others are left out. A folder
reached a second time (a link back to a parent folder, a link loop) is not walked again. A link with a
report suffix that leads nowhere (dangling, or a loop of links) and a pipe or device with a report suffix
are reported with the reason, never opened. Identical copies are a separate matter: the pipeline finds
them by content hash and reports them as duplicates.
"""

from __future__ import annotations

import errno
import os
import re
from dataclasses import dataclass
from pathlib import Path

from ingest.loaders import SUFFIXES

Problem = tuple[Path, str]


@dataclass(frozen=True)
class SourceFile:
    path: Path          # as found on disk
    relative: str       # path below the folder the user named (the file name for a file argument)
    report_id: str


def slugify(text: str) -> str:
    text = text.lower().replace("&", " and ").replace("'", "").replace("’", "")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or "report"


def _wanted(name: str) -> bool:
    """A report file by its name: known suffix, not hidden, not a README."""
    path = Path(name)
    hidden = name.startswith((".", "_"))
    return path.suffix.lower() in SUFFIXES and not hidden and path.stem.upper() != "README"


def _link_problem(path: Path) -> str:
    """Why a link with a report suffix cannot be read."""
    try:
        path.resolve(strict=True)
    except RuntimeError:
        return "symlink loop: the link leads back to itself and never reaches a file"
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "symlink loop: the link leads back to itself and never reaches a file"
        return f"broken symlink: its target {os.readlink(path)!r} does not exist"
    return "the link does not lead to a regular file"


class _Walk:
    """A walk of one folder that visits each real folder once: real folders first, then linked ones, so a
    folder reachable both ways is read through its real path."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.files: list[tuple[Path, bool]] = []   # (path, reached through a link)
        self.problems: list[Problem] = []
        self.unsupported: list[Path] = []           # files of other types (a .docx): listed, not read
        self._seen_dirs: set[Path] = set()
        self._linked_dirs: list[Path] = []

    def run(self) -> _Walk:
        self._visit(self.root, via_link=False)
        while self._linked_dirs:
            self._visit(self._linked_dirs.pop(0), via_link=True)
        self.files.sort()
        return self

    def _visit(self, folder: Path, via_link: bool) -> None:
        real = folder.resolve()
        if real in self._seen_dirs:
            return
        self._seen_dirs.add(real)
        try:
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=lambda e: e.name)
        except OSError as exc:
            self.problems.append((folder, f"cannot list the folder: {exc.strerror or exc}"))
            return
        for entry in entries:
            if not entry.name.startswith((".", "_")):
                self._entry(entry, via_link or entry.is_symlink())

    def _entry(self, entry: os.DirEntry[str], via_link: bool) -> None:
        path = Path(entry.path)
        try:
            is_dir, is_file = entry.is_dir(), entry.is_file()
        except OSError:  # a link loop: neither a folder nor a file
            is_dir = is_file = False
        if is_dir and via_link:
            self._linked_dirs.append(path)
        elif is_dir:
            self._visit(path, via_link=False)
        elif is_file and not _wanted(entry.name) and Path(entry.name).stem.upper() != "README":
            self.unsupported.append(path)
        elif _wanted(entry.name):
            if is_file:
                self.files.append((path, via_link))
            elif entry.is_symlink():
                self.problems.append((path, _link_problem(path)))
            else:
                self.problems.append((path, "not a regular file (a pipe, socket or device): not read"))


def discover(paths: list[Path], unsupported: list[Path] | None = None) -> tuple[list[SourceFile], list[Problem]]:
    """(files to ingest, [(path, reason)] for arguments and entries that are not usable); files of other types
    found in folders are added to ``unsupported`` when it is given."""
    found: list[tuple[SourceFile, bool]] = []
    problems: list[Problem] = []
    for arg in paths:
        if arg.is_dir():
            walk = _Walk(arg).run()
            found += [(_source(p, p.relative_to(arg)), link) for p, link in walk.files]
            problems += walk.problems
            if unsupported is not None:
                unsupported += walk.unsupported
        elif arg.is_file():
            found.append((_source(arg, Path(arg.name)), arg.is_symlink()))
        elif arg.is_symlink():
            problems.append((arg, _link_problem(arg)))
        elif arg.exists():
            problems.append((arg, "not a regular file or folder (a pipe, socket or device): not read"))
        else:
            problems.append((arg, "no such file or folder"))
    return _unique_ids(_one_path_per_file(found)), list(dict.fromkeys(problems))


def _one_path_per_file(found: list[tuple[SourceFile, bool]]) -> list[SourceFile]:
    """Drop second paths to one real file, keeping the first path reached without a link."""
    best: dict[Path, tuple[SourceFile, bool]] = {}
    for source, via_link in found:
        real = source.path.resolve()
        if real not in best or (best[real][1] and not via_link):
            best[real] = (source, via_link)
    kept = {id(source) for source, _ in best.values()}
    return [source for source, _ in found if id(source) in kept]


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

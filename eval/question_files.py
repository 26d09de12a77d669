"""Question sets and conversations read from JSON Lines files, one message naming the file, the line and what is
wrong when a line is malformed (``python -m eval run --questions`` / ``--conversations``)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from pydantic import ValidationError

from eval.metrics import Question

__all__ = ["load_conversations", "load_questions", "read_jsonl"]


def read_jsonl(path: Path) -> list[tuple[int, dict[str, object]]]:
    """(line number, object) for each non-blank line."""
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip():
            with _bad_line(path, number):
                rows.append((number, json.loads(line)))
    return rows


def load_questions(path: Path) -> list[Question]:
    questions = []
    for number, row in read_jsonl(path):
        with _bad_line(path, number, "a conversations file? use --conversations" if "turns" in row else ""):
            questions.append(Question.model_validate(row))
    return questions


def load_conversations(path: Path) -> list[tuple[str, list[Question]]]:
    """[(conversation id, its turns as questions with ids "<conversation>#<turn>")]."""
    conversations = []
    for number, row in read_jsonl(path):
        with _bad_line(path, number, "a question set? use --questions" if "turns" not in row else ""):
            cid = str(row["id"])
            turns = [Question.model_validate({**turn, "id": f"{cid}#{i}"})
                     for i, turn in enumerate(row["turns"], start=1)]  # type: ignore[arg-type]
        conversations.append((cid, turns))
    return conversations


@contextmanager
def _bad_line(path: Path, number: int, hint: str = "") -> Iterator[None]:
    """Turn a malformed line into one message naming the file, the line and what is wrong (and a hint)."""
    try:
        yield
    except (ValueError, KeyError, TypeError) as error:  # json and pydantic errors are ValueErrors
        what = "; ".join(f"{'.'.join(map(str, e['loc'])) or 'line'}: {e['msg']}" for e in error.errors()) \
            if isinstance(error, ValidationError) else f"{type(error).__name__}: {error}"
        raise SystemExit(f"{path}:{number}: {what}" + (f" ({hint})" if hint else "")) from None

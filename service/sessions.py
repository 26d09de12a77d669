"""Conversations: each turn's question (as asked and as understood), its answer and the context a follow-up
needs (reports, bodies, years, names), kept in SQLite beside the index (sessions survive a restart and are
shared by service processes on one host) or in PostgreSQL with the catalog (shared by replicas on any host)."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from ingest.sqldb import Database, open_database

SCHEMA = """CREATE TABLE IF NOT EXISTS turns(session_id TEXT, seq INTEGER, question TEXT, resolved TEXT, bodies TEXT,
            answer TEXT, context TEXT NOT NULL DEFAULT '{}', PRIMARY KEY(session_id, seq))"""


@dataclass
class Turn:
    question: str
    resolved: str
    bodies: list[str]
    answer: str
    context: dict[str, object] = field(default_factory=dict)


class Sessions:
    def __init__(self, location: Path | str, keep_turns: int = 10) -> None:
        self.keep_turns = keep_turns
        self.db: Database = open_database(location)
        self.db.script(SCHEMA)
        if "context" not in self.db.columns("turns"):  # a sessions file written before turns kept their context
            self.db.execute("ALTER TABLE turns ADD COLUMN context TEXT NOT NULL DEFAULT '{}'")

    @staticmethod
    def new_id() -> str:
        return uuid.uuid4().hex

    def history(self, session_id: str) -> list[Turn]:
        """The session's last ``keep_turns`` turns, oldest first (empty for an unknown session)."""
        rows = self.db.execute(
            "SELECT question, resolved, bodies, answer, context FROM turns WHERE session_id=? ORDER BY seq DESC "
            "LIMIT ?", (session_id, self.keep_turns)).fetchall()
        return [Turn(row["question"], row["resolved"], json.loads(row["bodies"]), row["answer"],
                     json.loads(row["context"] or "{}")) for row in reversed(rows)]

    def last(self, session_id: str) -> Turn | None:
        turns = self.history(session_id)
        return turns[-1] if turns else None

    def add(self, session_id: str, turn: Turn) -> None:
        self.db.execute(
            "INSERT INTO turns SELECT ?, coalesce(max(seq), 0) + 1, ?, ?, ?, ?, ? FROM turns WHERE session_id=?",
            (session_id, turn.question, turn.resolved, json.dumps(turn.bodies), turn.answer,
             json.dumps(turn.context), session_id))

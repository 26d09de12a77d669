"""What kind of thing a question asks for: a number, a date, a name or a grade (``answer_type``), and a figure it
sets as a threshold ("more than 60 cases", ``numeric``)."""

from __future__ import annotations

import re

from service.answering import grades

NUMERIC = re.compile(r"\b(more than|over|above|at least|greater than|exceeding|fewer than|less than|under|below|"
                     r"at most)\s+(?:about\s+)?(\d[\d,]*(?:\.\d+)?)\s*(%|per ?cent)?", re.I)
NUMBER_Q = re.compile(r"\bhow (many|much|big|large|high)\b|\bnumbers?\b(?!\s+of\s+(?:ways|reasons|areas|issues))|\bwhat (\w+ ){0,2}(percentage|proportion|share|number|fraction|"
                      r"average|per ?cent|size|rate)\b|\b(number|percentage|proportion|share) of\b|\baverage\b", re.I)
DATE_Q = re.compile(r"\b(when|what date|which date|what day|what year|which year|which month)\b|\bdates?\b", re.I)
NAME_Q = re.compile(r"^\s*(who|whom)\b|\bwhich (company|organisation|organization|firm|person|partner|charity|college|"
                    r"provider|contractor|group|body)\b|\b(what|which)\b[^?]*\b(call|called|named|name|title|titled)\b|"
                    r"\b(what|which)(\s+\w+)?\s+(scheme|programme|program|project|model|initiative|service|team|tool|"
                    r"system|campaign|approach|framework|app|platform|partner|partnership|pilot|strategy|"
                    r"forum|group|panel|hub|award|charter|title|job title)\b|\bname\b|\bcalled\b", re.I)


def answer_type(question: str) -> str | None:
    """The kind of thing that answers the question: a number, a date, a name or a grade (None: a finding)."""
    if grades.asks_for_grade(question):
        return "grade"
    if NUMBER_Q.search(question):
        return "number"
    if DATE_Q.search(question):
        return "date"
    if NAME_Q.search(question):
        return "name"
    return None


def numeric(question: str) -> tuple[str, float] | None:
    match = NUMERIC.search(question)
    if not match:
        return None
    direction = "<" if match.group(1).lower() in {"fewer than", "less than", "under", "below", "at most"} else ">"
    return direction, float(match.group(2).replace(",", ""))

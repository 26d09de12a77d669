"""Markdown with optional YAML front matter (report metadata); the body text is kept as written."""

from __future__ import annotations

import re

import frontmatter
import yaml

from ingest.loaders.encoding import clean_text, decode
from ingest.loaders.errors import LoadError
from ingest.models import Page, ParsedDocument

H1 = re.compile(r"^#\s+(.+?)\s*#*\s*$", re.M)
MAX_MATTER_NODES = 5_000


def _nodes(value: object, budget: int) -> int:
    """Values in ``value`` counted as YAML aliases expand them, stopping once past ``budget``."""
    count, stack = 0, [value]
    while stack and count <= budget:
        item = stack.pop()
        count += 1
        if isinstance(item, dict):
            stack += [*item.keys(), *item.values()]
        elif isinstance(item, (list, tuple, set)):
            stack += list(item)
    return count


def _parse(raw: str) -> tuple[dict[str, object], str]:
    try:
        meta, body = frontmatter.parse(raw)
    except yaml.YAMLError as exc:
        raise LoadError(f"the front matter is not valid YAML: {' '.join(str(exc).split())}") from exc
    except ValueError as exc:  # e.g. a date that YAML reads as a timestamp but is not one: 2019-13-45
        raise LoadError(f"the front matter holds an impossible value: {exc}") from exc
    if _nodes(meta, MAX_MATTER_NODES) > MAX_MATTER_NODES:
        raise LoadError("the front matter is too large or refers to itself (YAML aliases without end)")
    return {str(k): v for k, v in meta.items()}, body


def read_markdown(data: bytes, source: str) -> ParsedDocument:
    meta, body = _parse(clean_text(decode(data)))
    heading = H1.search(body)
    title = str(meta.get("title") or (heading.group(1) if heading else "")) or None
    return ParsedDocument(source=source, format="markdown", title=title, pages=[Page(number=1, text=body)],
                          front_matter=meta)

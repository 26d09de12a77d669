"""Markdown with optional YAML front matter (report metadata); the body text is kept as written."""

from __future__ import annotations

import re

import frontmatter
import yaml

from ingest.loaders.encoding import clean_text, decode
from ingest.loaders.errors import LoadError
from ingest.models import Page, ParsedDocument

H1 = re.compile(r"^#\s+(.+?)\s*#*\s*$", re.M)


def read_markdown(data: bytes, source: str) -> ParsedDocument:
    raw = clean_text(decode(data))
    try:
        meta, body = frontmatter.parse(raw)
    except yaml.YAMLError as exc:
        raise LoadError(f"the front matter is not valid YAML: {exc}") from exc
    heading = H1.search(body)
    title = str(meta.get("title") or (heading.group(1) if heading else "")) or None
    safe_meta = {str(k): v for k, v in meta.items()}
    return ParsedDocument(source=source, format="markdown", title=title, pages=[Page(number=1, text=body)],
                          front_matter=safe_meta)

"""The main text of a web page: article body with its headings; menus, share bars, forms, comments,
newsletter boxes and footers dropped. Headings are written as Markdown ``#`` lines so the structure
finder treats every format alike."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, Tag
from bs4.dammit import EncodingDetector

from ingest.loaders.encoding import bom_encoding, clean_text, decode
from ingest.models import Page, ParsedDocument

DROP_TAGS = ["script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "iframe",
             "svg", "button", "input", "select", "textarea", "dialog", "menu", "figure"]
BOILERPLATE = re.compile(
    r"(^|[-_ ])(nav|menu|share|sharing|social|newsletter|subscribe|signup|sign-up|comment|comments|respond|reply|"
    r"sidebar|widget|cookie|banner|breadcrumb|related|footer|header|masthead|skip|popup|modal|advert|promo)"
    r"([-_ ]|$)",
    re.I,
)
BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "blockquote", "pre", "tr", "caption"}


def _is_boilerplate(tag: Tag) -> bool:
    if tag.name in ("html", "body", "main", "article") or tag.attrs is None:
        return False
    names = " ".join([*tag.get("class", []), tag.get("id", "") or "", tag.get("role", "") or ""])
    return bool(BOILERPLATE.search(names)) or tag.get("role") in ("navigation", "banner", "contentinfo")


def _main_element(soup: BeautifulSoup) -> Tag:
    for tag in soup.find_all(DROP_TAGS):
        tag.decompose()
    for tag in [t for t in soup.find_all(True) if _is_boilerplate(t)]:
        if not tag.decomposed:
            tag.decompose()
    return soup.find("article") or soup.find("main") or soup.body or soup


def _block_text(tag: Tag) -> str:
    text = " ".join(tag.get_text(" ", strip=True).split())
    if tag.name and tag.name[0] == "h" and tag.name[1:].isdigit():
        return "#" * int(tag.name[1:]) + " " + text
    if tag.name == "li":
        return "- " + text
    return text


def _blocks(root: Tag) -> list[str]:
    """Text of the innermost block elements, in document order; loose text becomes its own block."""
    out: list[str] = []
    for tag in root.find_all(BLOCKS):
        if tag.find_parent(BLOCKS) is None or tag.name in ("li", "tr"):
            if tag.name in ("li", "tr") or not tag.find(BLOCKS):
                text = _block_text(tag)
                if text.strip("#- "):
                    out.append(text)
    if not out:
        out = [line for line in root.get_text("\n", strip=True).splitlines() if line.strip()]
    return out


def _markup(data: bytes) -> bytes | str:
    """The page as the parser should get it: bytes when the page declares its charset (the parser honours
    the declaration), else text decoded as every other text file is (BOM, UTF-8, Windows-1252, detection)."""
    if bom_encoding(data) is None and EncodingDetector.find_declared_encoding(data[:8192], is_html=True):
        return data
    return decode(data)


def read_html(data: bytes, source: str) -> ParsedDocument:
    soup = BeautifulSoup(_markup(data), "lxml")
    title_tag = soup.find("title")
    h1 = soup.find("h1")
    title = (h1 or title_tag).get_text(" ", strip=True) if (h1 or title_tag) else None
    text = clean_text("\n\n".join(_blocks(_main_element(soup))))
    return ParsedDocument(source=source, format="html", title=title, pages=[Page(number=1, text=text)])

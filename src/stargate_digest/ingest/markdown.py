"""Markdown articles read by a Markdown parser (markdown-it-py), not by regular expressions.

Reference links and their definitions, tables, HTML blocks, code and front matter are
what a Markdown parser understands and a pattern does not: read by markdown-it-py (with
GFM tables and the front-matter plugin), none of them leaks into the article text. The
text keeps the words: a paragraph per block, the items of a tight list or the rows of a
table one per line, link and emphasis text without their markup.

Front matter may give ``title``, ``date`` (or ``published``), ``url`` (or ``link``,
``canonical_url``) and ``lang`` (or ``language``). A date that is not ISO 8601
("23 January 2025", "23. Januar 2025") is read by dateparser, imported only then.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from functools import cache
from typing import TYPE_CHECKING

from stargate_digest.ingest.draft import Draft
from stargate_digest.ingest.markup import fragment_to_text, parse_timestamp

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

_FIELD = re.compile(r"^([\w-]+)[ \t]*:[ \t]*(.*?)[ \t]*$", re.MULTILINE)
_CELL_SEPARATOR = " · "
# Block tokens whose text is not article prose.
_SKIPPED = {"fence", "code_block", "front_matter", "hr"}


@cache
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt
    from mdit_py_plugins.front_matter import front_matter_plugin

    # Raw HTML is parsed as HTML (and reduced to its text below), never kept as markup.
    return MarkdownIt("commonmark", {"html": True}).enable("table").use(front_matter_plugin)


def _inline_text(token: Token) -> str:
    """The words of an inline token: text, code and line breaks; markup and images dropped."""
    parts: list[str] = []
    for child in token.children or []:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type == "softbreak":
            parts.append(" ")
        elif child.type == "hardbreak":
            parts.append("\n")
        elif child.type == "html_inline":
            continue  # a tag; the words around it are text tokens of their own
    return "".join(parts).strip()


def _front_matter(content: str) -> dict[str, str]:
    """Simple ``key: value`` YAML (Jekyll, Hugo); nested values are not article metadata."""
    return {key.lower(): value.strip("\"'") for key, value in _FIELD.findall(content)}


def _blocks(tokens: list[Token]) -> tuple[dict[str, str], list[tuple[str, str, str]]]:
    """Front matter, and every block as (kind, text, separator before it)."""
    fields: dict[str, str] = {}
    blocks: list[tuple[str, str, str]] = []
    row: list[str] = []
    for index, token in enumerate(tokens):
        if token.type == "front_matter":
            fields = _front_matter(token.content)
        elif token.type in _SKIPPED:
            continue
        elif token.type == "html_block":
            text = fragment_to_text(token.content).strip()
            if text:
                blocks.append(("html", text, "\n\n"))
        elif token.type == "tr_open":
            row = []
        elif token.type == "tr_close":
            if any(row):
                blocks.append(("row", _CELL_SEPARATOR.join(filter(None, row)), "\n"))
        elif token.type == "inline":
            parent = tokens[index - 1] if index else None
            text = _inline_text(token)
            if parent is not None and parent.type in ("th_open", "td_open"):
                row.append(text)
            elif text:
                kind = parent.tag if parent is not None and parent.type == "heading_open" else "p"
                tight = parent is not None and parent.hidden  # a tight list's items
                blocks.append((kind, text, "\n" if tight else "\n\n"))
    return fields, blocks


def _published(value: str | None) -> datetime | None:
    parsed = parse_timestamp(value)
    if parsed is not None or not value:
        return parsed
    import dateparser

    found = dateparser.parse(value, settings={"RETURN_AS_TIMEZONE_AWARE": True})
    if not isinstance(found, datetime):
        return None
    return found if found.tzinfo else found.replace(tzinfo=UTC)


def read_markdown(markdown: str) -> list[Draft]:
    """A Markdown document is one article.

    The title is the front matter's ``title`` or else a heading that opens the document.
    """
    fields, blocks = _blocks(_parser().parse(markdown))
    title = fields.get("title") or None
    if title is None and blocks and blocks[0][0].startswith("h"):
        title = blocks.pop(0)[1]
    body = "".join(
        (separator if number else "") + text for number, (_, text, separator) in enumerate(blocks)
    )
    return [
        Draft(
            body=body,
            format="markdown",
            title=title,
            url=fields.get("url") or fields.get("link") or fields.get("canonical_url") or None,
            published=_published(fields.get("date") or fields.get("published")),
            declared_language=fields.get("lang") or fields.get("language"),
            detect_title=title is None,
        )
    ]

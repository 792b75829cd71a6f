"""Plain text and Markdown: the title is the first line (or ``# heading``) when it reads as one."""

from __future__ import annotations

import re

from stargate_digest.ingest.draft import Draft
from stargate_digest.ingest.markup import parse_timestamp

_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$", re.MULTILINE)
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
# `*`/`**`/backticks around words; `_`/`__` only at word edges, so snake_case survives.
_EMPHASIS = re.compile(
    r"(\*\*|\*|`)(?=\S)(.+?)(?<=\S)\1|(?<![\w\\])(__|_)(?=\S)(.+?)(?<=\S)\3(?!\w)"
)
_LIST_OR_QUOTE = re.compile(r"^\s*(?:[-*+]|\d+[.)]|>)\s+", re.MULTILINE)
_RULE = re.compile(r"^\s*(?:[-*_]\s*){3,}$", re.MULTILINE)
_FRONT_MATTER = re.compile(r"\A\s*---[ \t]*\n((?:[\w-]+[ \t]*:.*\n)+)---[ \t]*(?:\n|\Z)")
_FIELD = re.compile(r"^([\w-]+)[ \t]*:[ \t]*(.*?)[ \t]*$", re.MULTILINE)
_BLANK_LINES = re.compile(r"\n[ \t]*\n")
# Lines that start a block of their own in Markdown rather than continue a paragraph.
_BLOCK_START = re.compile(r"^\s{0,3}(?:#{1,6}\s|[-*+]\s|\d+[.)]\s|>|```|~~~|\||<)")
_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
# Plain text counts as hard-wrapped when its lines all stay within an e-mail-like width.
_WRAP_MAX_CHARS = 100
_WRAP_MIN_CHARS = 40


def _join_wrapped(block: str, starts_block: re.Pattern[str] | None) -> str:
    """Join the lines of one paragraph block with spaces; keep block starts and hard breaks."""
    merged: list[str] = []
    in_fence = False
    for line in block.split("\n"):
        fence = _FENCE.match(line) is not None
        hard_break = bool(merged) and merged[-1].endswith(("  ", "\\"))
        new_line = (
            not merged
            or in_fence
            or fence
            or hard_break
            or (starts_block is not None and starts_block.match(line) is not None)
        )
        if fence:
            in_fence = not in_fence
        if new_line:
            merged.append(line)
        else:
            merged[-1] = f"{merged[-1].rstrip()} {line.strip()}"
    return "\n".join(merged)


def unwrap_markdown(markdown: str) -> str:
    """Markdown paragraphs are one line each: soft line breaks become spaces."""
    blocks = _BLANK_LINES.split(markdown.replace("\r\n", "\n"))
    return "\n\n".join(_join_wrapped(block, _BLOCK_START) for block in blocks)


def _is_hard_wrapped(text: str) -> bool:
    """Blank-line paragraphs made of several lines, each cut near a fixed width (mail-style).

    Text with one paragraph per line (every seed) has long lines or no blank lines, and
    is left as it is.
    """
    blocks = [block for block in _BLANK_LINES.split(text.strip()) if block.strip()]
    lines = [line for block in blocks for line in block.split("\n")]
    if len(blocks) < 2 or any(len(line) > _WRAP_MAX_CHARS for line in lines):
        return False
    inner = [line for block in blocks for line in block.split("\n")[:-1]]
    return len(inner) >= 2 and sum(len(line) >= _WRAP_MIN_CHARS for line in inner) >= 0.8 * len(
        inner
    )


def read_text(text: str) -> list[Draft]:
    """A plain-text document is one article; mail-style hard wrapping is undone."""
    text = text.replace("\r\n", "\n")
    if _is_hard_wrapped(text):
        text = "\n\n".join(_join_wrapped(block, None) for block in _BLANK_LINES.split(text))
    return [Draft(body=text, format="text", detect_title=True)]


def _unemphasize(match: re.Match[str]) -> str:
    return match.group(2) if match.group(2) is not None else match.group(4)


def markdown_to_text(markdown: str) -> str:
    """Markdown to readable text: markup removed, words kept."""
    text = _IMAGE.sub("", markdown)
    text = _LINK.sub(r"\1", text)
    text = _RULE.sub("", text)
    text = _HEADING.sub(r"\1", text)
    text = _LIST_OR_QUOTE.sub("", text)
    return _EMPHASIS.sub(_unemphasize, text)


def _front_matter(markdown: str) -> tuple[dict[str, str], str]:
    """Simple ``key: value`` YAML front matter (Jekyll, Hugo) and the document after it."""
    match = _FRONT_MATTER.match(markdown)
    if match is None:
        return {}, markdown
    fields = {key.lower(): value.strip("\"'") for key, value in _FIELD.findall(match.group(1))}
    return fields, markdown[match.end() :]


def read_markdown(markdown: str) -> list[Draft]:
    """A Markdown document is one article.

    The title is the front matter's ``title`` or else a ``#`` heading that opens the
    document; front matter may also give ``date``, ``url`` and ``lang``.
    """
    fields, markdown = _front_matter(markdown)
    title = fields.get("title") or None
    heading = _HEADING.search(markdown)
    if title is None and heading and not markdown[: heading.start()].strip():
        title = markdown_to_text(heading.group(1)).strip() or None
        markdown = markdown[heading.end() :]
    return [
        Draft(
            body=markdown_to_text(unwrap_markdown(markdown)),
            format="markdown",
            title=title,
            url=fields.get("url") or fields.get("link") or fields.get("canonical_url") or None,
            published=parse_timestamp(fields.get("date") or fields.get("published")),
            declared_language=fields.get("lang") or fields.get("language"),
            detect_title=title is None,
        )
    ]

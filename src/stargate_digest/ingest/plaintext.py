"""Plain text: the title is the first line when it reads as one; Markdown goes to markdown.py."""

from __future__ import annotations

import re

from stargate_digest.ingest.draft import Draft

_BLANK_LINES = re.compile(r"\n[ \t]*\n")
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


def read_markdown(markdown: str) -> list[Draft]:
    """A Markdown document is one article (read by markdown-it-py: ingest/markdown.py)."""
    from stargate_digest.ingest.markdown import read_markdown as parse

    return parse(markdown)

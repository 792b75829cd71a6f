"""Trim page furniture from plain text: repeated titles, labels, disclaimers, trailing blocks.

The patterns live in ``data/boilerplate.toml`` so that a new outlet's furniture is a data
change. Every dropped line is logged at debug level and counted, so nothing vanishes
unseen.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from stargate_digest.data_tables import bundled_toml

log = logging.getLogger(__name__)

_TITLE_MAX_CHARS = 200
_TITLE_MAX_WORDS = 30
_SENTENCE_END = (".", "!", "?", "。", "！", "？", ":")
# Page furniture only ever trails real content: a marker in the first few hundred
# characters is far more likely to be part of the article.
_MIN_BODY_BEFORE_MARKER = 300
_MAX_MARKER_CHARS = 60


@dataclass(frozen=True)
class CleanText:
    """Cleaned text and what was taken out of it."""

    title: str | None
    text: str
    dropped: tuple[str, ...]

    @property
    def chars_dropped(self) -> int:
        return sum(len(line) for line in self.dropped)


@dataclass(frozen=True)
class _Patterns:
    trailing: re.Pattern[str]
    drop: re.Pattern[str]


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    config = bundled_toml("boilerplate.toml")

    def union(key: str) -> re.Pattern[str]:
        return re.compile("|".join(f"(?:{p})" for p in config[key]), re.IGNORECASE)

    return _Patterns(trailing=union("trailing_markers"), drop=union("drop_lines"))


# Prepended concatenation marks (Arabic number signs and the like) are category Cf but
# visible; every other format character is invisible and is removed.
_VISIBLE_FORMAT = frozenset("\u0600\u0601\u0602\u0603\u0604\u0605\u06dd\u070f\u08e2")


def strip_format_chars(text: str) -> str:
    """``text`` without invisible format characters (Unicode category Cf).

    Zero-width spaces and joiners, soft hyphens, BOMs, tag characters and bidi controls
    (embeddings, overrides, isolates, marks) carry no words; left in, they split or hide
    a number ("$5\u200b00 billion" read as $5) and reverse the rest of a line in every
    output that copies a title or quote. Removed before anything reads the text.
    """
    if text.isascii():
        return text
    return "".join(c for c in text if c in _VISIBLE_FORMAT or unicodedata.category(c) != "Cf")


def normalize_text(text: str) -> str:
    """NFC, no format characters, Unix newlines, no trailing spaces: the form every
    offset refers to."""
    text = unicodedata.normalize("NFC", strip_format_chars(text))
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(line.rstrip() for line in text.split("\n"))


def reads_as_title(line: str) -> bool:
    """A short line that does not end like a sentence."""
    stripped = line.strip()
    return (
        0 < len(stripped) <= _TITLE_MAX_CHARS
        and len(stripped.split()) <= _TITLE_MAX_WORDS
        and not stripped.endswith(_SENTENCE_END)
    )


def clean_text(
    text: str,
    title: str | None = None,
    *,
    detect_title: bool = True,
    source: str = "-",
) -> CleanText:
    """Split off a title line and drop furniture; paragraphs come back separated by blank lines.

    ``title`` is a title known from metadata; otherwise the first line becomes the title
    when it reads as one and ``detect_title`` is set. ``source`` names the input in the
    log: the count of dropped lines at info level, each dropped line at debug level.
    """
    lines = [line.strip() for line in normalize_text(text).split("\n")]
    if title is not None:
        title = strip_format_chars(title)
    body = [line for line in lines if line]
    dropped: list[str] = []
    if title is None and detect_title and len(body) > 1 and reads_as_title(body[0]):
        title = body.pop(0)
    if title:
        body = _drop_title_echoes(body, title, dropped)
    body = _drop_labels(body, dropped)
    body = _cut_trailing_furniture(body, dropped)
    if dropped:
        log.info("%s: dropped %d lines of boilerplate", source, len(dropped))
    for line in dropped:
        log.debug("%s: dropped: %s", source, line)
    return CleanText(title=title, text="\n\n".join(body), dropped=tuple(dropped))


def _drop_title_echoes(body: list[str], title: str, dropped: list[str]) -> list[str]:
    """Drop repeats of the title, and title-prefixed teasers whose rest recurs later."""
    kept: list[str] = []
    for index, line in enumerate(body):
        rest = line[len(title) :].strip() if line.startswith(title) else None
        later = body[index + 1 :]
        if rest == "" or (rest and any(rest in other for other in later)):
            dropped.append(line)
        else:
            kept.append(line)
    return kept


def _drop_labels(body: list[str], dropped: list[str]) -> list[str]:
    pattern = _patterns().drop
    kept: list[str] = []
    for line in body:
        (dropped if pattern.fullmatch(line) else kept).append(line)
    return kept


def _cut_trailing_furniture(body: list[str], dropped: list[str]) -> list[str]:
    pattern = _patterns().trailing
    seen = 0
    for index, line in enumerate(body):
        is_marker = len(line) <= _MAX_MARKER_CHARS and pattern.fullmatch(line)
        if is_marker and seen >= _MIN_BODY_BEFORE_MARKER:
            dropped.extend(body[index:])
            return body[:index]
        seen += len(line)
    return body

"""Sentence and clause boundaries as offsets, so every piece still points into the article."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

# A sentence ends at . ! ? (or their CJK forms) followed by a space and a capital, digit
# or opening quote, or at a paragraph break. "U.S. government" and "5.94" do not end one.
_SENTENCE_END = re.compile(
    r"(?<=[.!?])[\"'”’»)]*\s+(?=[\"“‘«(¿¡]?[A-ZÀ-ÖØ-Þ0-9$€£¥])"
    r"|(?<=[。！？])"
    r"|\n\s*\n|\n"
)
# Clauses: commas, semicolons, colons and dashes outside parentheses; a separator
# between digits ("18,25", "1,000") is part of a number unless a space follows it.
_CLAUSE_TOKEN = re.compile(r"[()\[\]]|[,;:](?=\s)|(?<!\d)[,;:](?!\d)|[，；：、]|\s[–—-]\s")


@dataclass(frozen=True)
class Span:
    """Half-open [start, end) offsets into a text."""

    start: int
    end: int

    def __len__(self) -> int:
        return self.end - self.start

    def text(self, source: str) -> str:
        return source[self.start : self.end]


def _trimmed(text: str, start: int, end: int) -> Span | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end) if end > start else None


# No real sentence is this long; a text with no sentence punctuation at all (a scraped
# list, a megabyte on one line) is cut into pieces of at most this many characters at
# a space, so that every step that works sentence by sentence stays linear in the text.
MAX_SENTENCE_CHARS = 2000
_SPACE = re.compile(r"\s")


def split_sentences(text: str) -> list[Span]:
    """Sentences in order, whitespace trimmed, covering every non-space character; none
    longer than MAX_SENTENCE_CHARS."""
    spans: list[Span] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        spans += _bounded(text, start, match.start())
        start = match.end()
    spans += _bounded(text, start, len(text))
    return spans


def _bounded(text: str, start: int, end: int) -> list[Span]:
    """[start, end) trimmed, cut at spaces into pieces of at most MAX_SENTENCE_CHARS."""
    pieces: list[Span] = []
    while end - start > MAX_SENTENCE_CHARS:
        limit = start + MAX_SENTENCE_CHARS
        spaces = [m.start() for m in _SPACE.finditer(text, limit - MAX_SENTENCE_CHARS // 4, limit)]
        cut = spaces[-1] if spaces else limit
        span = _trimmed(text, start, cut)
        if span:
            pieces.append(span)
        start = cut
    span = _trimmed(text, start, end)
    if span:
        pieces.append(span)
    return pieces


class Sentences:
    """Sentence lookup by offset for one text."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.spans = split_sentences(text)
        self._starts = [span.start for span in self.spans]

    def containing(self, position: int) -> Span:
        """The sentence around ``position`` (the whole text if it falls between sentences)."""
        index = bisect_right(self._starts, position) - 1
        if index >= 0 and position < self.spans[index].end:
            return self.spans[index]
        return Span(0, len(self.text))


def clause_around(text: str, sentence: Span, start: int, end: int) -> Span:
    """The clause of ``sentence`` holding [start, end); parentheses do not split it."""
    depth = 0
    before, after = sentence.start, sentence.end
    for match in _CLAUSE_TOKEN.finditer(text, sentence.start, sentence.end):
        char = match.group()
        if char in "([":
            depth += 1
        elif char in ")]":
            depth = max(0, depth - 1)
        elif depth == 0:
            if match.start() < start:
                before = match.start() + 1
            elif match.start() >= end:
                after = match.start()
                break
    return _trimmed(text, before, after) or sentence

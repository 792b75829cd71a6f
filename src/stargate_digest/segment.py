"""Sentence and clause boundaries as offsets, so every piece still points into the article.

A dot after an abbreviation of the text's language ("Jan. 21, 2025", "Corp.", "z. B.",
"M. Macron") does not end a sentence; the abbreviations are data
(``data/abbreviations.toml``), plus two rules: a single letter and dotted initials
("U.S.", "S.A.") never end one.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache, lru_cache

from stargate_digest.data_tables import bundled_toml
from stargate_digest.frozen import quick_init

# A sentence ends at . ! ? (or their CJK forms) followed by a space and a capital, digit
# or opening quote, or at a paragraph break. "U.S. government" and "5.94" do not end one.
# Hangul, kana and Han have no capitals: a word in them after ". " starts a sentence
# (Korean ends sentences with "다." and a space).
_SENTENCE_END = re.compile(
    r"(?P<stop>[.!?])[\"'”’»)]*\s+"
    r"(?=[\"“‘«(¿¡「『]?[A-ZÀ-ÖØ-Þ0-9$€£¥\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af])"
    r"|(?P<cjk>[。！？])"
    r"|\n\s*\n|\n"
)
"""A sentence ends after the stop (kept in it) or before the line break (dropped). Each
branch starts with a literal character class, which the regex engine can scan for much
faster than for the lookbehinds this used to be written with."""
# Clauses: commas, semicolons, colons and dashes outside parentheses; a separator
# between digits ("18,25", "1,000") is part of a number unless a space follows it.
# Chinese and Japanese write no space inside a phrase: a space between two of their
# characters separates two phrases (a headline's "沃特拉市值蒸发近400亿美元 创美股历史记录").
_CLAUSE_TOKEN = re.compile(
    r"[()\[\]]|[,;:](?=\s)|(?<!\d)[,;:](?!\d)|[，；：、]|\s[–—-]\s"
    r"|(?<=[\u3040-\u30ff\u3400-\u9fff])[ \u3000](?=[\u3040-\u30ff\u3400-\u9fff])"
)
# _CLAUSE_TOKEN with its first character read by one class (as _SENTENCE_END_AT_STOP
# below): the regex engine scans for the class in C instead of trying the whole
# alternation at every position; each branch looks back at the character it opened
# with. The same matches (tests/test_speed_equivalence_passes.py).
_CLAUSE_TOKEN_AT_MARK = re.compile(
    r"[()\[\],;:，；：、\s](?:"
    r"(?<=[()\[\]，；：、])"
    r"|(?<=[,;:])(?=\s)|(?<=[,;:])(?<!\d[,;:])(?!\d)"
    r"|(?<=\s)[–—-]\s"
    r"|(?<=[\u3040-\u30ff\u3400-\u9fff][ \u3000])(?=[\u3040-\u30ff\u3400-\u9fff]))"
)
# _CLAUSE_TOKEN_AT_MARK without its two branches that open at a space, for a sentence
# with no dash and no kana or Han (_SPACED_MARK): neither branch can match there, and
# stopping at every space of the sentence to try them was most of the search's work.
_CLAUSE_MARK_ONLY = re.compile(
    r"[()\[\],;:，；：、](?:"
    r"(?<=[()\[\]，；：、])"
    r"|(?<=[,;:])(?=\s)|(?<=[,;:])(?<!\d[,;:])(?!\d))"
)
_SPACED_MARK = re.compile(r"[–—\-\u3040-\u30ff\u3400-\u9fff]")


@quick_init  # frozen.py: made by the hundred per article
@dataclass(frozen=True, slots=True)
class Span:
    """Half-open [start, end) offsets into a text."""

    start: int
    end: int

    def __len__(self) -> int:
        return self.end - self.start

    def text(self, source: str) -> str:
        return source[self.start : self.end]


def _trimmed(text: str, start: int, end: int) -> Span | None:
    # str.strip() drops exactly the characters str.isspace() accepts, in C.
    piece = text[start:end]
    kept = piece.lstrip()
    if not kept:
        return None
    start += len(piece) - len(kept)
    return Span(start, start + len(kept.rstrip()))


# No real sentence is this long; a text with no sentence punctuation at all (a scraped
# list, a megabyte on one line) is cut into pieces of at most this many characters at
# a space, so that every step that works sentence by sentence stays linear in the text.
MAX_SENTENCE_CHARS = 2000
_SPACE = re.compile(r"\s")


_LANGUAGE_ALIASES = {"no": "nb", "nn": "nb"}
_ORDINAL = "<ordinal>"
"""Marks a language whose numbers take an ordinal dot (see abbreviations.toml)."""
_INITIALS = re.compile(r"(?:\w\.)*\w\Z")
"""'U.S' before its last dot, or one letter ('J', 'M'): initials, never a sentence end."""
_WORD_BEFORE_DOT = re.compile(r"[^\s(\[\"'“‘«]+\Z")


@cache
def abbreviations(language: str | None) -> frozenset[str]:
    """Casefolded words (without their final dot) that do not end a sentence."""
    table = bundled_toml("abbreviations.toml")
    primary = (language or "en").replace("_", "-").split("-", 1)[0].lower()
    primary = _LANGUAGE_ALIASES.get(primary, primary)
    words = [*table["any"], *table.get(primary, table["en"])]
    if primary in table["ordinal_dot"]:
        words.append(_ORDINAL)
    return frozenset(word.casefold() for word in words)


def _after_abbreviation(text: str, dot: int, known: frozenset[str]) -> bool:
    """Whether the '.' at ``dot`` closes an abbreviation rather than a sentence."""
    written = _word_before(text, dot)
    if not written:
        return False
    if written.isdigit():
        return len(written) <= 3 and _ORDINAL in known
    if len(written) <= 4 and _INITIALS.match(written):
        return written[-1].isalpha()
    return written.casefold() in known


# The run of characters other than spaces and openers at the start of a text: read on
# the reversed window before a dot, it is the word that ends at the dot.
_WORD_FROM_END = re.compile(r"[^\s(\[\"'“‘«]*")


def _word_before(text: str, dot: int) -> str:
    r"""What ``_WORD_BEFORE_DOT.search(text, max(0, dot - 20), dot)`` finds ('' for none):
    the run of characters other than spaces and openers that ends at ``dot``. The 20
    characters before the dot are taken reversed (one slice in C) and the run is matched
    at their start: one match, where the regex searched from each of the 20 positions
    and str.rsplit with a str.rfind of each opener made about three times the steps.
    (``\s`` is what str.isspace() accepts: the regex engine asks the same table.)"""
    if dot <= 0:
        return ""
    backwards = text[dot - 1 : dot - 21 if dot > 20 else None : -1]
    found = _WORD_FROM_END.match(backwards)
    return backwards[: found.end()][::-1] if found is not None else ""


# _SENTENCE_END with its first character read by one class: a pattern that opens with a
# class is searched by the regex engine scanning for that class in C, one that opens with
# an alternation is tried whole at every position. Each branch then checks, looking
# back, which character it opened with, so the matches are _SENTENCE_END's
# (tests/test_speed_equivalence.py compares the two splits).
_SENTENCE_END_AT_STOP = re.compile(
    r"[.!?。！？\n](?:"
    r"(?<=[.!?])[\"'”’»)]*\s+"
    r"(?=[\"“‘«(¿¡「『]?[A-ZÀ-ÖØ-Þ0-9$€£¥\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af])"
    r"|(?<=[。！？])"
    r"|(?<=\n)\s*\n|(?<=\n))"
)


def split_sentences(text: str, language: str | None = None) -> list[Span]:
    """Sentences in order, whitespace trimmed, covering every non-space character; none
    longer than MAX_SENTENCE_CHARS.

    ``language`` (ISO 639-1) chooses the abbreviations that do not end a sentence;
    English when not given.
    """
    known = abbreviations(language)
    spans: list[Span] = []
    start = 0
    # One loop of its own: it runs once per sentence of every article.
    for match in _SENTENCE_END_AT_STOP.finditer(text):
        at = match.start()
        # The branch of _SENTENCE_END is told by its first character (a group lookup by
        # name costs more): a Latin stop is kept, a CJK one too, a line break dropped.
        char = text[at]
        if char == "\n":
            end = at
        elif char == "." and _after_abbreviation(text, at, known):
            continue
        else:
            end = at + 1
        if start < end <= start + MAX_SENTENCE_CHARS and not (
            text[start].isspace() or text[end - 1].isspace()
        ):
            spans.append(Span(start, end))  # the usual piece: nothing to trim or cut
        else:
            spans += _bounded(text, start, end)
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

    def __init__(self, text: str, language: str | None = None) -> None:
        self.text = text
        self.spans = split_sentences(text, language)
        # Each sentence's start, in order: ``bisect_left(sentences.starts, offset)`` finds a
        # sentence's index with no Python call per step (a ``key=lambda`` on the spans
        # made several per look-up, some thousands per article).
        self.starts = [span.start for span in self.spans]

    def containing(self, position: int) -> Span:
        """The sentence around ``position`` (the whole text if it falls between sentences)."""
        index = bisect_right(self.starts, position) - 1
        if index >= 0 and position < self.spans[index].end:
            return self.spans[index]
        return Span(0, len(self.text))


def clause_around(text: str, sentence: Span, start: int, end: int) -> Span:
    """The clause of ``sentence`` holding [start, end); parentheses do not split it."""
    before, after = sentence.start, sentence.end
    for position in _separators(text, sentence.start, sentence.end):
        if position < start:
            before = position + 1
        elif position >= end:
            after = position
            break
    return _trimmed(text, before, after) or sentence


@lru_cache(maxsize=32)
def _separators(text: str, start: int, end: int) -> tuple[int, ...]:
    """Where clause separators outside parentheses stand in text[start:end] (a sentence's
    figures share them: the sentence is scanned once, not once per figure)."""
    depth = 0
    found: list[int] = []
    spaced = _SPACED_MARK.search(text, start, end) is not None
    for match in (_CLAUSE_TOKEN_AT_MARK if spaced else _CLAUSE_MARK_ONLY).finditer(
        text, start, end
    ):
        char = match.group()
        if char in "([":
            depth += 1
        elif char in ")]":
            depth = max(0, depth - 1)
        elif depth == 0:
            found.append(match.start())
    return tuple(found)

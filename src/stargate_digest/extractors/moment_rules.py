"""When a figure held: the date of a figure whose clause states none, and changes.

Rules of news pages and languages, not of a story:

- a timeline entry ("2020年5月：...", "March 2021: ...") dates every figure of its line
  (``as_of``). A deadline, "by 2029", is left as the figure's ``as_of``: the data
  contract reads it as the date the figure refers to;
- two figures of one kind and unit joined by a range word and not read as a range
  ("passe de 6,8 milliards à 9,9 milliards", "went from 5 billion to 6.5 billion") are
  one figure before and after a change: the later measures what the earlier does.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache

from stargate_digest.quantities import Mention
from stargate_digest.quantities.lexicon import RANGE_DASHES, RANGE_WORDS
from stargate_digest.segment import Span

# A timeline entry: the line opens with the date (maybe after a bullet), then a colon.
_ENTRY_START = re.compile(r"\s*(?:[-–•*·]\s*)?\Z")
_ENTRY_COLON = re.compile(r"\s*[:：]")


def opens_entry(text: str, line_start: int, start: int, end: int) -> bool:
    """Whether the date at [start, end) opens a timeline entry that starts at line_start."""
    return (
        _ENTRY_START.match(text[line_start:start]) is not None
        and _ENTRY_COLON.match(text, end) is not None
    )


@cache
def _joiner(language: str) -> re.Pattern[str]:
    words = "|".join(map(re.escape, (*RANGE_WORDS.get(language, ()), *RANGE_DASHES)))
    return re.compile(rf"[\s\u00a0]*(?i:{words})[\s\u00a0]*")


def joined_as_change(text: str, earlier: Mention, later: Mention, language: str) -> bool:
    """Whether two figures are the ends of a change ("from X to Y"), not two figures."""
    return (
        earlier.kind == later.kind
        and earlier.unit == later.unit
        and earlier.end <= later.start
        and _joiner(language).fullmatch(text, earlier.end, later.start) is not None
    )


def as_of(
    mentions: list[Mention],
    figure: Mention,
    clause: Span,
    sentence: Span,
    text: str,
    *,
    starts: list[int] | None = None,
) -> str | None:
    """A date the figure's clause states (not the figure itself; "by 2026" too: the
    contract's as_of is the date the figure refers to), else the date that opens its
    timeline entry ("2020年5月：..."), at its precision. ``starts``: each mention's start
    (a bisection on them makes no Python call per step, as a ``key`` would)."""
    if figure.kind == "date":
        return None
    if starts is None:
        starts = [m.start for m in mentions]
    for span in (clause, sentence):
        first = bisect_left(starts, span.start)
        for mention in mentions[first:]:
            if mention.start >= span.end:
                break
            if mention.kind != "date" or mention.end > span.end:
                continue
            if span is sentence and not opens_entry(text, span.start, mention.start, mention.end):
                break  # only the date that opens the sentence's line dates all of it
            value = str(mention.value)
            return None if value.startswith("--") else value
    return None

"""Patterns of the scope rules' word tables that say what a name or a figure is not
about: a company's seat, the larger whole after "part of", a Japanese topic marker
(extractors/scope_rules.py uses them; the words are in extractors/scope_words.py)."""

from __future__ import annotations

import re
from functools import cache

from stargate_digest.extractors.scope_words import PART_OF, SEAT_AFTER, SEAT_BEFORE, TOPIC_MARKERS
from stargate_digest.quantities.locale_facts import word_language
from stargate_digest.quantities.patterns import alternation

_UNSPACED = frozenset({"zh", "ja"})
_SEAT_REACH = 25  # the longest seat word before a place, with its spaces


@cache
def _seat(language: str) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    before, after = SEAT_BEFORE.get(language), SEAT_AFTER.get(language)
    edge = "" if language in _UNSPACED else r"(?<!\w)"
    return (
        re.compile(rf"{edge}(?:{alternation(before)})\s*$", re.I) if before else None,
        re.compile(rf"\s*(?:{alternation(after)})", re.I) if after else None,
    )


def is_seat(text: str, start: int, end: int, language: str) -> bool:
    """Whether the place named at ``start:end`` is given as a company's seat ("based in
    Boise", "Boise-based", "总部位于博伊西")."""
    before, after = _seat(word_language(language))
    if before is not None and before.search(text, max(0, start - _SEAT_REACH), start):
        return True
    return after is not None and after.match(text, end) is not None


@cache
def _part_of(language: str) -> re.Pattern[str] | None:
    words = PART_OF.get(language)
    return re.compile(rf"(?<!\w)(?:{alternation(words)})(?!\w)", re.I) if words else None


def part_of_end(text: str, start: int, end: int, language: str) -> int | None:
    """Where the last "part of" in ``text[start:end]`` ends, if one is there."""
    pattern = _part_of(word_language(language))
    if pattern is None:
        return None
    ends = [m.end() for m in pattern.finditer(text, start, end)]
    return ends[-1] if ends else None


@cache
def topic_marker(language: str) -> re.Pattern[str] | None:
    """What marks a name as its sentence's topic or frame ("では", "は"), if the language
    has such a marker in TOPIC_MARKERS."""
    marker = TOPIC_MARKERS.get(language)
    return re.compile(marker) if marker else None

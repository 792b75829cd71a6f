"""When a figure held: which dates of its sentence are its moment (``as_of``).

Rules of languages and of news pages, not of a story:

- a date after a word of deadline ("by 2029", "hasta 2030", "2029年までに", "2029년까지")
  is when a plan ends, not when the figure was given or held;
- a timeline entry ("2020年5月：...", "March 2021: ...") dates every figure of its line.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from typing import Final

DEADLINE_BEFORE: Final[Mapping[str, tuple[str, ...]]] = {
    "en": ("by", "until", "till", "through", "before"),
    "de": ("bis", "bis zum Jahr", "bis Ende", "vor"),
    "fr": ("d'ici", "d’ici", "d'ici à", "d’ici à", "jusqu'en", "jusqu’en", "avant"),
    "es": ("hasta", "para", "antes de", "para el año"),
    "it": ("entro", "entro il", "fino al", "prima del"),
    "pt": ("até", "antes de", "até o fim de"),
    "nb": ("innen", "til", "før"),
}

DEADLINE_AFTER: Final[Mapping[str, tuple[str, ...]]] = {
    "ja": ("までに", "まで"),
    "zh": ("前", "之前", "以前"),
    "ko": ("까지",),
}

# A timeline entry: the line opens with the date (maybe after a bullet), then a colon.
_ENTRY_START = re.compile(r"\s*(?:[-–•*·]\s*)?\Z")
_ENTRY_COLON = re.compile(r"\s*[:：]")


@cache
def _before(language: str) -> re.Pattern[str] | None:
    words = DEADLINE_BEFORE.get(language)
    if not words:
        return None
    alternatives = "|".join(map(re.escape, sorted(words, key=len, reverse=True)))
    return re.compile(rf"(?<!\w)(?i:{alternatives})[\s\u00a0]+(?:(?i:the|el|la|le|der)\s+)?\Z")


def is_deadline(text: str, start: int, end: int, language: str) -> bool:
    """Whether the date at [start, end) is introduced as a deadline."""
    before = _before(language)
    if before is not None and before.search(text, max(0, start - 24), start):
        return True
    return any(text.startswith(word, end) for word in DEADLINE_AFTER.get(language, ()))


def opens_entry(text: str, line_start: int, start: int, end: int) -> bool:
    """Whether the date at [start, end) opens a timeline entry that starts at line_start."""
    return (
        _ENTRY_START.match(text[line_start:start]) is not None
        and _ENTRY_COLON.match(text, end) is not None
    )

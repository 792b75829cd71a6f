"""Calendar dates in running text: CLDR month names (babel) inside a few regexes.

A date without a year is '--MM-DD' (ISO 8601 truncated form), never a guessed year;
a bare year or a month without a day is not a date the contract can hold, so it is
not reported. Every date holds a digit, so the scan jumps from digit run to digit run
and tries the patterns there (much faster than running them at every character).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache

from stargate_digest.quantities.lexicon import CJK_LANGUAGES, MONTH_FIRST_LANGUAGES
from stargate_digest.quantities.locale_facts import month_numbers, primary_subtag
from stargate_digest.quantities.patterns import LETTER, SPACE

_LEAP_YEAR = 2000
"""Validates day and month of a date with no year (so 29 February is allowed)."""
_MONTH_WINDOW = 16
"""How far before a day number a month name may start ("September 5")."""

_DIGITS = re.compile(r"\d+")
_ISO = (
    r"(?<![\d.,/-])(?P<iso_y>\d{4})(?P<iso_sep>[-/])(?P<iso_m>[01]?\d)(?P=iso_sep)"
    r"(?P<iso_d>[0-3]?\d)(?![\d/-])"
)
_CJK = (
    r"(?:(?P<cjk_y>\d{4})\s?[年년]\s?|(?<!\d))"
    r"(?P<cjk_m>[01]?\d)\s?[月월]\s?(?P<cjk_d>[0-3]?\d)\s?[日일]"
)
_DAY_FIRST_NUMERIC = (
    r"(?<![\d.,/])(?P<num_d>[0-3]?\d)(?P<num_sep>[./])(?P<num_m>[01]?\d)(?P=num_sep)"
    r"(?P<num_y>\d{4})(?!\d)"
)
_BRANCHES = ("iso", "cjk", "num", "dmy", "mdy")


@dataclass(frozen=True)
class DateHit:
    """A date found in text: its span and its value ('YYYY-MM-DD' or '--MM-DD')."""

    start: int
    end: int
    value: str


@dataclass(frozen=True)
class _Patterns:
    """Dates that start with a number, and (month-first languages) dates that do not."""

    number_first: re.Pattern[str]
    month_first: re.Pattern[str] | None
    month_before: re.Pattern[str] | None


def _year(group: str) -> str:
    """An optional year after day and month: ', 2025', ' 2025', ' de 2025'."""
    return rf"(?:,?{SPACE}+(?:(?i:de|del){SPACE}+)?(?P<{group}>\d{{4}})(?!\d))?"


@cache
def _patterns(language: str) -> _Patterns:
    primary = primary_subtag(language)
    names = sorted(month_numbers(language), key=lambda name: (-len(name), name))
    alternation = "|".join(map(re.escape, names)) or "(?!)"  # CJK months are digits: "1月"
    months = rf"(?<!{LETTER})(?i:{alternation})(?!{LETTER})\.?"
    day_first = (
        rf"(?<![\d.,])(?P<dmy_d>[0-3]?\d)(?:\.|er|º|ª|°|st|nd|rd|th)?{SPACE}+"
        rf"(?:(?i:de|of){SPACE}+)?(?P<dmy_m>{months}){_year('dmy_y')}"
    )
    branches = [_ISO, _CJK, day_first]
    if primary not in MONTH_FIRST_LANGUAGES | CJK_LANGUAGES:
        branches.append(_DAY_FIRST_NUMERIC)
    number_first = re.compile("|".join(f"(?:{branch})" for branch in branches))
    if primary not in MONTH_FIRST_LANGUAGES:
        return _Patterns(number_first, None, None)
    month_first = re.compile(
        rf"(?P<mdy_m>{months}){SPACE}+(?P<mdy_d>[0-3]?\d)(?:st|nd|rd|th)?(?!\d)(?!{LETTER})"
        + _year("mdy_y")
    )
    return _Patterns(number_first, month_first, re.compile(rf"{months}{SPACE}+\Z"))


def _match_at(text: str, start: int, floor: int, patterns: _Patterns) -> re.Match[str] | None:
    """A date whose first number starts at ``start`` (its month name may come before)."""
    match = patterns.number_first.match(text, start)
    if match is not None or patterns.month_before is None or patterns.month_first is None:
        return match
    month = patterns.month_before.search(text, max(floor, start - _MONTH_WINDOW), start)
    return None if month is None else patterns.month_first.match(text, month.start())


def _month(written: str, language: str) -> int:
    written = written.rstrip(".")
    return int(written) if written.isdigit() else month_numbers(language)[written.casefold()]


def _value(match: re.Match[str], language: str) -> str | None:
    groups = match.groupdict()
    branch = next(name for name in _BRANCHES if groups.get(f"{name}_m") is not None)
    year = int(groups[f"{branch}_y"]) if groups.get(f"{branch}_y") else None
    month = _month(groups[f"{branch}_m"], language)
    try:
        day = date(year or _LEAP_YEAR, month, int(groups[f"{branch}_d"]))
    except ValueError:
        return None
    return day.isoformat() if year else day.strftime("--%m-%d")


def find_dates(text: str, language: str) -> list[DateHit]:
    """Every calendar date in ``text`` with at least a month and a day, in order."""
    patterns = _patterns(language)
    hits: list[DateHit] = []
    floor = 0
    for digits in _DIGITS.finditer(text):
        if digits.start() < floor:
            continue
        match = _match_at(text, digits.start(), floor, patterns)
        value = None if match is None else _value(match, language)
        if match is not None and value is not None:
            hits.append(DateHit(match.start(), match.end(), value))
            floor = match.end()
    return hits

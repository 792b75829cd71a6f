"""Calendar dates in running text: CLDR month names (babel) inside a few regexes.

A date without a year is '--MM-DD' (ISO 8601 truncated form), never a guessed year;
a bare year or a month without a day is not a date the contract can hold, so it is
not reported.
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


def _year(group: str) -> str:
    """An optional year after day and month: ', 2025', ' 2025', ' de 2025'."""
    return rf"(?:,?{SPACE}+(?:(?i:de|del){SPACE}+)?(?P<{group}>\d{{4}})(?!\d))?"


@cache
def _pattern(language: str) -> re.Pattern[str]:
    primary = primary_subtag(language)
    names = sorted(month_numbers(language), key=lambda name: (-len(name), name))
    months = rf"(?<!{LETTER})(?i:{'|'.join(map(re.escape, names))})(?!{LETTER})"
    day_first = (
        rf"(?<![\d.,])(?P<dmy_d>[0-3]?\d)(?:\.|er|º|ª|°|st|nd|rd|th)?{SPACE}+"
        rf"(?:(?i:de|of){SPACE}+)?(?P<dmy_m>{months})\.?{_year('dmy_y')}"
    )
    branches = [_ISO, _CJK, day_first]
    if primary in MONTH_FIRST_LANGUAGES:
        branches.append(
            rf"(?P<mdy_m>{months})\.?{SPACE}+(?P<mdy_d>[0-3]?\d)(?:st|nd|rd|th)?(?![\d])"
            rf"(?!{LETTER}){_year('mdy_y')}"
        )
    elif primary not in CJK_LANGUAGES:
        branches.append(_DAY_FIRST_NUMERIC)
    return re.compile("|".join(f"(?:{branch})" for branch in branches))


def _month(written: str, language: str) -> int:
    return int(written) if written.isdigit() else month_numbers(language)[written.casefold()]


def _value(match: re.Match[str], language: str) -> str | None:
    branch = next(name for name in _BRANCHES if match.groupdict().get(f"{name}_m") is not None)
    year_text = match[f"{branch}_y"]
    year = int(year_text) if year_text else None
    try:
        day = date(
            year or _LEAP_YEAR, _month(match[f"{branch}_m"], language), int(match[f"{branch}_d"])
        )
    except ValueError:
        return None
    return day.isoformat() if year else day.strftime("--%m-%d")


def find_dates(text: str, language: str) -> list[DateHit]:
    """Every calendar date in ``text`` with at least a month and a day, in order."""
    hits = []
    for match in _pattern(language).finditer(text):
        value = _value(match, language)
        if value is not None:
            hits.append(DateHit(match.start(), match.end(), value))
    return hits

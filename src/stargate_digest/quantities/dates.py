"""Calendar dates in running text: CLDR month names (babel) inside a few regexes.

A date is reported at the precision the text gives (contract 1.2): 'YYYY-MM-DD',
'--MM-DD' when no year is given (never a guessed year), 'YYYY-MM' for a month
("June 2024", "2024年6月") and 'YYYY' for a year a time word ties to the text ("by
2026", "mid-2026", "Ende 2025", "d'ici 2029", "2026年"; see lexicon.YEAR_PREPOSITIONS).
A bare year with no such word is not reported: four digits alone are too often names
or page furniture. Every date holds a digit, so the scan jumps from digit run to digit
run and tries the patterns there (much faster than running them at every character).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache

from stargate_digest.quantities.lexicon import (
    CJK_LANGUAGES,
    MONTH_FIRST_LANGUAGES,
    MONTH_YEAR_CONNECTORS,
    YEAR_EVENT_NOUN_ENDINGS,
    YEAR_MODIFIERS,
    YEAR_PREPOSITIONS,
)
from stargate_digest.quantities.locale_facts import month_numbers, primary_subtag, word_language
from stargate_digest.quantities.patterns import LETTER, SPACE, digit_runs

_LEAP_YEAR = 2000
"""Validates day and month of a date with no year (so 29 February is allowed)."""
_MONTH_WINDOW = 16
"""How far before a day number a month name may start ("September 5")."""

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


@dataclass(frozen=True)
class _PeriodPatterns:
    """What may stand right before a year: a month name, a modifier, a preposition."""

    month: re.Pattern[str]
    modifier: re.Pattern[str]
    preposition: re.Pattern[str]
    alternative: re.Pattern[str]
    event: re.Pattern[str] | None = None


# "im März oder April 2026", "in March or April 2026": the year dates both months, and
# the figure is the window from the first (the month "or" offers before the dated one).
_OR_WORDS = ("or", "oder", "ou", "o", "y", "lub", "albo", "eller", "of")


# Not inside a longer number ("1,2025", "3.2025", "12/2025", "10-2025"); a comma with no
# digit before it is punctuation, which Chinese copy often writes with no space after
# ("2025 年开始建设,2028 年上线").
_YEAR = re.compile(r"(?<![\d./])(?<!\d,)(?<!\d-)(?:19|20)\d\d(?![\d%])(?![.,]\d)")
_CJK_YEAR_AFTER = re.compile(r"\s?[年년](?:\s?(?P<m>[01]?\d)\s?[月월])?(?!代|間|间|대|度)")
# "2028~29年", "2024-2025年": a span of years, dated from its first year (as a range of
# amounts is valued at its low end); the CJK year sign after the second year ties it to time.
_CJK_SPAN_AFTER = re.compile(r"\s?[-–~～〜]\s?(?:\d{4}|\d{2})\s?[年년](?!代|間|间|대|度)")
# "2030和2033年", "2030、2033年": years joined by "and" or a list comma share the year
# sign after the last; each is a year of its own (the join ends at the first one).
_CJK_LIST_AFTER = re.compile(r"\s?[和与與及或、]\s?\d{4}\s?[年년](?!代|間|间|대|度)")
# Japanese news writes the year of this century in two digits before a month ("22年3月":
# March 2022); with no month, "22年" is as often a duration or an age, so it is left alone.
_SHORT_YEAR_MONTH = re.compile(
    r"(?<![\d.,])(?P<y>\d{2})年(?P<m>[01]?\d)月(?:(?P<d>[0-3]?\d)日)?(?!\d)"
)
# Nor are two digits before 年 and a part of the year ("29年初め", early 2029; "33年末",
# the end of 2033; "25年度", fiscal 2025): a duration has no beginning or end of its own.
_SHORT_YEAR_PART = re.compile(
    r"(?<![\d.,])(?P<y>\d{2})年(?=初め|初頭|前半|後半|半ば|末|度|春|夏|秋|冬)"
)
_SHORT_YEAR_LANGUAGES = frozenset({"ja"})
_CENTURY = 2000
_PERIOD_WINDOW = 40
"""How far before a year its month, modifier or preposition may start."""


def _ending_with(words: list[str], gap: str) -> re.Pattern[str]:
    """Any of ``words`` right before the end of the searched window, then ``gap``."""
    ordered = sorted(set(words), key=lambda word: (-len(word), word))
    alternation = "|".join(map(re.escape, ordered)) or "(?!)"
    return re.compile(rf"(?<!\w)(?i:{alternation}){gap}\Z")


@cache
def _period_patterns(language: str) -> _PeriodPatterns:
    words = word_language(language)
    months = list(month_numbers(language))
    connectors = "|".join(MONTH_YEAR_CONNECTORS)
    month_gap = rf"\.?,?{SPACE}+(?:(?i:{connectors}){SPACE}+)?"
    modifiers = list(YEAR_MODIFIERS.get(words, ()))
    return _PeriodPatterns(
        month=_ending_with(months, month_gap),
        modifier=_ending_with([m.rstrip("-") for m in modifiers], f"(?:-|{SPACE}+)"),
        preposition=_ending_with(list(YEAR_PREPOSITIONS.get(words, ())), f"{SPACE}+"),
        alternative=_ending_with(months, rf"{SPACE}+(?i:{'|'.join(_OR_WORDS)}){SPACE}+"),
        event=_event_noun(words),
    )


def _first_of_two(text: str, hit: DateHit, language: str) -> DateHit:
    """A month and year (``hit``), or from the month "or" offers before it."""
    start = hit.start
    other = _period_patterns(language).alternative.search(text, max(0, start - 20), start)
    first = other and month_numbers(language).get(other[0].split()[0].rstrip(".,").casefold())
    if other is None or first is None or first >= int(hit.value[-2:]):
        return hit
    return DateHit(other.start(), hit.end, f"{hit.value[:4]}-{first:02d}")


def _event_noun(language: str) -> re.Pattern[str] | None:
    """A noun that names what the year dates, written as one compound ("Produktionsbeginn")."""
    endings = YEAR_EVENT_NOUN_ENDINGS.get(language)
    if not endings:
        return None
    alternation = "|".join(map(re.escape, endings))
    return re.compile(rf"(?<!\w)\w*(?i:{alternation}){SPACE}+\Z")


def _period_at(text: str, year: re.Match[str], floor: int, language: str) -> DateHit | None:
    """The month or year that the year at ``year`` completes, if a word ties it to time."""
    start, end = year.start(), year.end()
    span = _CJK_SPAN_AFTER.match(text, end)
    if span is not None:
        return DateHit(start, span.end(), year[0])
    if _CJK_LIST_AFTER.match(text, end) is not None:
        return DateHit(start, end, year[0])
    cjk = _CJK_YEAR_AFTER.match(text, end)
    if cjk is not None:
        month = cjk.group("m")
        if month is None:
            return DateHit(start, cjk.end(), year[0])
        if 1 <= int(month) <= 12:
            return DateHit(start, cjk.end(), f"{year[0]}-{int(month):02d}")
        return None
    patterns = _period_patterns(language)
    window = max(floor, start - _PERIOD_WINDOW)
    named = patterns.month.search(text, window, start)
    if named is not None:
        written = named[0].split()[0].rstrip(".,")
        number = month_numbers(language).get(written.casefold())
        if number is not None:
            hit = DateHit(named.start(), end, f"{year[0]}-{number:02d}")
            return _first_of_two(text, hit, language)
    modifier = patterns.modifier.search(text, window, start)
    if modifier is not None:
        return DateHit(modifier.start(), end, year[0])
    if patterns.preposition.search(text, window, start) is not None:
        return DateHit(start, end, year[0])
    if patterns.event is not None and patterns.event.search(text, window, start) is not None:
        return DateHit(start, end, year[0])
    if (
        primary_subtag(language) in _YEAR_BEFORE_NAME_LANGUAGES
        and _THE_BEFORE.search(text, window, start) is not None
        and _NAME_AFTER.match(text, end) is not None
    ):
        return DateHit(start, end, year[0])
    return None


# English dates a named thing with its year before the name ("the 2022 CHIPS Act", "the
# 2024 Summer Olympics"): after "the" and before a capitalised word, a year is a date.
_YEAR_BEFORE_NAME_LANGUAGES = frozenset({"en"})
_THE_BEFORE = re.compile(rf"(?<![^\W\d_])[Tt]he{SPACE}+\Z")
_NAME_AFTER = re.compile(rf"{SPACE}+[A-Z][\w&-]")


def _short_year(text: str, start: int) -> DateHit | None:
    """A two-digit year with its month ("22年3月" -> 2022-03, "22年3月5日" -> 2022-03-05)
    or a part of the year ("33年末" -> 2033)."""
    found = _SHORT_YEAR_MONTH.match(text, start)
    if found is None:
        part = _SHORT_YEAR_PART.match(text, start)
        return None if part is None else DateHit(start, part.end(), str(_CENTURY + int(part["y"])))
    year, month, day = _CENTURY + int(found["y"]), int(found["m"]), found["d"]
    try:
        value = date(year, month, int(day) if day else 1).isoformat()
    except ValueError:
        return None
    return DateHit(start, found.end(), value if day else value[:7])


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


def find_dates(
    text: str, language: str, runs: list[tuple[int, int]] | None = None
) -> list[DateHit]:
    """Every date in ``text`` at its precision (day, month, or a year tied to time), in order.

    ``runs``: ``digit_runs(text)``, when the caller has them already.
    """
    patterns = _patterns(language)
    hits: list[DateHit] = []
    floor = 0
    for start, end in digit_runs(text) if runs is None else runs:
        if start < floor:
            continue
        match = _match_at(text, start, floor, patterns)
        value = None if match is None else _value(match, language)
        if match is not None and value is not None:
            hits.append(DateHit(match.start(), match.end(), value))
            floor = match.end()
            continue
        year = _YEAR.fullmatch(text, start, end)
        period = None if year is None else _period_at(text, year, floor, language)
        if period is None and primary_subtag(language) in _SHORT_YEAR_LANGUAGES:
            period = _short_year(text, start)
        if period is not None:
            hits.append(period)
            floor = period.end
    return hits

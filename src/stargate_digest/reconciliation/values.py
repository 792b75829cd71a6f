"""A claim's value on a common scale: what "the same figure" means before any comparison.

Money is compared in USD at each source's rate date, power in MW, energy in MWh, areas in square
metres, durations in months (days too); a range is an interval, a hedged figure ("about", "at
least") gets a wider tolerance. Dates are intervals at the precision the text gives: a
month agrees with every day in it, a year with every month, and a date with no year
("January 22") with that day in any year.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from stargate_digest.models import Claim, Qualifier
from stargate_digest.reconciliation.money import is_money

EXACT_TOLERANCE = 0.02
APPROX_TOLERANCE = 0.10
ROUND_DIGITS = 2  # significant digits of a round figure ("$52 billion", "€6.1 billion")

# unit -> (dimension, factor to the dimension's base unit); other units compare as they are.
_UNITS: dict[str, tuple[str, float]] = {
    "GW": ("power", 1e3),
    "MW": ("power", 1.0),
    "kW": ("power", 1e-3),
    "TWh": ("energy", 1e6),
    "GWh": ("energy", 1e3),
    "MWh": ("energy", 1.0),
    "kWh": ("energy", 1e-3),
    "sqm": ("area", 1.0),
    "sqft": ("area", 0.09290304),
    "acre": ("area", 4046.8564224),
    "pyeong": ("area", 400 / 121),  # the Korean 평: 400/121 m² by its legal definition
    "ha": ("area", 1e4),
    "km2": ("area", 1e6),
    "years": ("duration", 12.0),
    "months": ("duration", 1.0),
    # a mean month of the Gregorian year: 365 days are 12.0 months, so "364 days" and
    # "12 months" of one permit are a figure rounded, not two figures
    "days": ("duration", 12 / 365.2425),
}


def dimension(claim: Claim) -> str | None:
    """What the value measures ("money", "date", "power", a unit), or None if not comparable."""
    if claim.value is None or claim.unit is None:
        return None
    if is_money(claim):
        return "money" if claim.value_usd is not None else None
    if claim.unit == "date":
        return "date" if isinstance(claim.value, str) and parse_date(claim.value) else None
    if isinstance(claim.value, str):
        return None
    return _UNITS.get(claim.unit, (claim.unit, 1.0))[0]


def unit_factor(unit: str) -> float:
    """The factor from a unit to its dimension's base unit (1.0 for a unit without one)."""
    return _UNITS.get(unit, ("", 1.0))[1]


def interval(claim: Claim) -> tuple[float, float]:
    """A numeric claim's (low, high) on the common scale of its dimension."""
    value = float(claim.value if isinstance(claim.value, int | float) else 0.0)
    if is_money(claim) and claim.value_usd is not None:
        factor = claim.value_usd / value if value else 1.0
    else:
        factor = unit_factor(claim.unit or "")
    high = claim.value_max if claim.value_max is not None else value
    low, high = sorted((value * factor, high * factor))
    return low, high


def cut_short(a: float, b: float) -> bool:
    """Whether one figure is the other with its last digits dropped rather than rounded
    ("$52 billion" for $52.7 billion), the two within the exact tolerance of each other.
    Only a round figure (one or two significant digits) is written so: $118 and $118.58
    are two precise figures, not one cut short."""
    if abs(a - b) > EXACT_TOLERANCE * max(a, b):
        return False
    # within 2 % of each other, a figure's digits start the other's only at one power of
    # ten; a prefix sorts first
    short, full = sorted(map(_digits, (a, b)))
    return len(short) <= ROUND_DIGITS and len(short) < len(full) and full.startswith(short)


def _digits(value: float) -> str:
    """A figure's significant digits (52.7e9: "527")."""
    return f"{value:.6e}".split("e")[0].replace(".", "").rstrip("0")


def tolerance(claim: Claim) -> float:
    """How far a value may lie from another and still be the same figure, rounded."""
    return EXACT_TOLERANCE if claim.qualifier is Qualifier.EXACT else APPROX_TOLERANCE


def ratio(a: tuple[float, float], b: tuple[float, float]) -> float:
    """How many times apart two intervals are (1.0 when they overlap); inf across zero."""
    (a_low, a_high), (b_low, b_high) = a, b
    if a_high >= b_low and b_high >= a_low:
        return 1.0
    low, high = (a_high, b_low) if a_high < b_low else (b_high, a_low)
    if low <= 0:
        return float("inf") if high > 0 else abs(low / high) if high else 1.0
    return high / low


@dataclass(frozen=True, order=True)
class DateValue:
    """A date at its precision: the days it covers, and whether the year is known."""

    start: date
    end: date
    precision: int  # 3 day, 2 month, 1 year; a year-less day is 3 with no year
    has_year: bool

    def contains(self, other: DateValue) -> bool:
        """Whether every day ``other`` can mean lies inside this date."""
        if not self.has_year or not other.has_year:
            # a year-less day agrees with the same month and day in any year; being one
            # day, it contains no month or year
            if not self.has_year and other.precision < 3:
                return False
            return self.has_year != other.has_year and _month_day_within(self, other)
        return self.start <= other.start and other.end <= self.end


def _month_day_within(a: DateValue, b: DateValue) -> bool:
    dated, yearless = (a, b) if a.has_year else (b, a)
    if dated.precision == 3:
        return (dated.start.month, dated.start.day) == (yearless.start.month, yearless.start.day)
    if dated.precision == 2:
        return dated.start.month == yearless.start.month
    return True


@lru_cache(maxsize=4096)  # coverage of one story repeats the same few dates
def parse_date(value: str) -> DateValue | None:
    """'2025-01-23', '2025-01', '2025' or '--01-22' as the days it covers; None if malformed."""
    try:
        if value.startswith("--") and len(value) == 7:
            day = date.fromisoformat(f"2000{value[1:]}")
            return DateValue(day, day, 3, False)
        if len(value) == 10:
            day = date.fromisoformat(value)
            return DateValue(day, day, 3, True)
        if len(value) == 7:
            first = date.fromisoformat(f"{value}-01")
            following = date(first.year + first.month // 12, first.month % 12 + 1, 1)
            return DateValue(first, following - timedelta(days=1), 2, True)
        if len(value) == 4 and value.isdigit():
            return DateValue(date(int(value), 1, 1), date(int(value), 12, 31), 1, True)
    except ValueError:
        return None
    return None


def days_apart(a: DateValue, b: DateValue) -> int:
    """Days between two days (a year-less date takes the other's year); between the starts
    when either is a month or a year."""
    if not (a.has_year and b.has_year):
        year = a.start.year if a.has_year else b.start.year if b.has_year else 2000
        a, b = _with_year(a, year), _with_year(b, year)
    if a.precision < 3 or b.precision < 3:  # 2022 and 2023 are a year apart, not a day
        return abs((a.start - b.start).days)
    if a.end < b.start:
        return (b.start - a.end).days
    if b.end < a.start:
        return (a.start - b.end).days
    return 0


def _with_year(value: DateValue, year: int) -> DateValue:
    if value.has_year:
        return value
    try:
        day = value.start.replace(year=year)
    except ValueError:  # February 29 in a common year
        day = value.start
    return DateValue(day, day, 3, True)


def midpoint(value: DateValue) -> date:
    """The middle day of a dated interval (for ordering figures in time)."""
    return value.start + (value.end - value.start) / 2

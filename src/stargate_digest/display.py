"""How figures read in sentences and tables: $38 billion, 40 %, 100,000 GPUs, January 22.

One formatter for every output (Markdown, HTML, explanations, summaries), so a figure
reads the same wherever a reader meets it. Numbers go through babel (CLDR), so grouping,
decimal separators and scale words follow the reader's locale, and no number is ever
written in exponent form (Python's ``%g`` writes 100000 as ``1e+05``).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from stargate_digest.models import Claim

UNRESOLVED_CURRENCY = "XXX"
DEFAULT_LOCALE = "en"
_SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£"}
_SIGNIFICANT = 4
_COMPACT_FROM = 1e6  # below a million, people write the number out: 100,000 GPUs
# What a count counts, by metric (singular, plural). The topic's own count metrics; a
# count of anything else reads as a bare number, or with the claim's ``detail``.
_COUNT_NOUNS = {
    "gpu_count": ("GPU", "GPUs"),
    "jobs": ("job", "jobs"),
    "data_center_count": ("data center", "data centers"),
    "building_count": ("building", "buildings"),
}

__all__ = ["describe", "describe_date", "describe_money", "format_number"]


def _rounded(value: float) -> Decimal:
    """``value`` at four significant digits, as a Decimal babel writes without exponent."""
    return Decimal(f"{value:.{_SIGNIFICANT}g}")


def format_number(value: float, locale: str = DEFAULT_LOCALE) -> str:
    """100000 -> '100,000'; 5.94e12 -> '5.94 trillion'; 1.234e-05 -> '0.00001234'.

    Four significant digits; from a million up, the locale's own scale word (CLDR's long
    compact form: 'billion', 'Milliarden', 'milliards').
    """
    rounded = _rounded(value)
    if locale == DEFAULT_LOCALE:
        english = _english_number(rounded, compact=abs(value) >= _COMPACT_FROM)
        if english is not None:
            return english
    return _cldr_number(rounded, locale, compact=abs(value) >= _COMPACT_FROM)


# CLDR's English long compact forms up to "000 trillion" (babel's own table, the same
# words for one and many); a number at or above 10^15 goes to babel.
_ENGLISH_SCALES = (
    (Decimal(10) ** 12, "trillion"),
    (Decimal(10) ** 9, "billion"),
    (Decimal(10) ** 6, "million"),
)
_ENGLISH_LIMIT = Decimal(10) ** 15


def _english_number(rounded: Decimal, *, compact: bool) -> str | None:
    """What babel writes for ``rounded`` in English, without importing babel and loading
    CLDR's English data (~30 ms of a `summarize` process, most of it in babel.dates
    and its time-zone set-up, which unpickling the locale data imports). ``rounded``
    has four significant digits, so no digit is ever rounded away here; the output is
    its digits in full, grouped by three (tests/test_display.py compares with babel)."""
    if not rounded.is_finite() or abs(rounded) >= _ENGLISH_LIMIT:
        return None
    if compact:
        for scale, word in _ENGLISH_SCALES:
            if abs(rounded) >= scale:
                return f"{(rounded / scale).normalize():,f} {word}"
    return f"{rounded.normalize():,f}"


def _cldr_number(rounded: Decimal, locale: str, *, compact: bool) -> str:
    from babel.numbers import format_compact_decimal, format_decimal

    if compact:
        text: str = format_compact_decimal(
            rounded, format_type="long", locale=locale, fraction_digits=_SIGNIFICANT - 1
        )
        return text
    number: str = format_decimal(rounded, locale=locale, decimal_quantization=False)
    return number


def describe_money(value: float, currency: str, locale: str = DEFAULT_LOCALE) -> str:
    """38e9 USD -> '$38 billion'; 5.94e12 JPY -> '5.94 trillion JPY' (four significant digits)."""
    number = format_number(value, locale)
    symbol = _SYMBOLS.get(currency)
    if symbol:
        return f"{symbol}{number}"
    return f"{number} {currency}".strip()


def month_day(value: str, year: int = 2000) -> date:
    """'2025-01-23' or '--01-22' as a date (a year-less date takes ``year``); a month or a
    year ('2026-06', '2026', contract 1.2) as its first day."""
    if value.startswith("--"):
        return date.fromisoformat(f"{year}{value[1:]}")
    if len(value) == 4:
        return date(int(value), 1, 1)
    if len(value) == 7:
        return date.fromisoformat(f"{value}-01")
    return date.fromisoformat(value)


def describe_date(value: str) -> str:
    """'2025-01-23' -> 'January 23, 2025'; '--01-22' -> 'January 22 (no year given)';
    '2026-06' -> 'June 2026'; '2028' -> '2028' (a date at the precision the text gave)."""
    if len(value) == 4 and value.isdigit():
        return value
    if len(value) == 7 and value[:4].isdigit() and value[4] == "-":
        return f"{date.fromisoformat(value + '-01'):%B %Y}"
    try:
        parsed = month_day(value)
    except ValueError:  # not a date this formatter knows: show it as given
        return value
    text = f"{parsed:%B} {parsed.day}"
    return f"{text} (no year given)" if value.startswith("--") else f"{text}, {parsed.year}"


def _count(value: float, metric: str, detail: str | None, locale: str) -> str:
    number = format_number(value, locale)
    singular, plural = _COUNT_NOUNS.get(metric, (detail or "", detail or ""))
    noun = singular if value == 1 else plural
    return f"{number} {noun}".strip()


def _amount(claim: Claim, value: float, locale: str) -> str:
    unit = claim.unit or ""
    if unit == "percent":
        return f"{format_number(value, locale)} %"
    if unit == "count":
        return _count(value, claim.metric, claim.detail, locale)
    if unit == UNRESOLVED_CURRENCY:
        return format_number(value, locale)
    if len(unit) == 3 and unit.isalpha() and unit.isupper():
        return describe_money(value, unit, locale)
    return f"{format_number(value, locale)} {unit}".strip()


def describe(claim: Claim, locale: str = DEFAULT_LOCALE) -> str:
    """A claim's value as a reader expects it; empty for a claim without a value.

    A range reads '$15 billion to $25 billion'.
    """
    value, unit = claim.value, claim.unit or ""
    if value is None:
        return ""
    if isinstance(value, str):
        return describe_date(value) if unit == "date" else value
    text = _amount(claim, float(value), locale)
    if claim.value_max is not None and claim.value_max != value:
        text += f" to {_amount(claim, float(claim.value_max), locale)}"
    if unit == UNRESOLVED_CURRENCY:
        options = " or ".join(claim.currency_candidates)
        note = f"currency unresolved: {options}" if options else "currency unresolved"
        text += f" ({note})"
    return text

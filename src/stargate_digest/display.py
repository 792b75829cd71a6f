"""How figures read in sentences and tables: $38 billion, 40 %, January 22 (no year given).

One formatter for every output (Markdown, HTML, explanations, summaries), so a figure
reads the same wherever a reader meets it.
"""

from __future__ import annotations

from datetime import date

from stargate_digest.models import Claim

UNRESOLVED_CURRENCY = "XXX"
_SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£"}
_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))


def describe_money(value: float, currency: str) -> str:
    """38e9 USD -> '$38 billion'; 5.94e12 JPY -> '5.94 trillion JPY' (four significant digits)."""
    for size, word in _SCALES:
        if abs(value) >= size:
            number = f"{value / size:,.4g} {word}"
            break
    else:
        number = f"{value:,.4g}"
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
    parsed = month_day(value)
    text = f"{parsed:%B} {parsed.day}"
    return f"{text} (no year given)" if value.startswith("--") else f"{text}, {parsed.year}"


def describe(claim: Claim) -> str:
    """A claim's value as a reader expects it; empty for a claim without a value."""
    value, unit = claim.value, claim.unit or ""
    if value is None:
        return ""
    if isinstance(value, str):
        return describe_date(value) if unit == "date" else value
    if unit == "percent":
        return f"{value:,.4g} %"
    if unit == UNRESOLVED_CURRENCY:
        options = " or ".join(claim.currency_candidates)
        note = f"currency unresolved: {options}" if options else "currency unresolved"
        return f"{describe_money(float(value), '')} ({note})"
    if len(unit) == 3 and unit.isalpha() and unit.isupper():
        return describe_money(float(value), unit)
    return f"{describe_money(float(value), '')} {unit}".strip()

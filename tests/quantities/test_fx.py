"""ECB conversion: the rate of the day, the nearest business day otherwise, and said so."""

from __future__ import annotations

from datetime import date

import pytest

from stargate_digest.quantities.fx import convert


def test_rate_of_a_business_day() -> None:
    result = convert(38e9, "USD", "JPY", date(2025, 1, 23))
    assert 155 < result.rate < 157
    assert result.rate_date == date(2025, 1, 23)
    assert result.amount == pytest.approx(38e9 * result.rate)
    assert (result.source_currency, result.target_currency) == ("USD", "JPY")


def test_weekend_uses_the_nearest_published_rate_and_names_its_day() -> None:
    saturday = date(2025, 1, 25)
    result = convert(1.0, "USD", "JPY", saturday)
    assert result.rate_date == date(2025, 1, 24)
    assert result.rate == convert(1.0, "USD", "JPY", date(2025, 1, 24)).rate
    sunday = convert(1.0, "USD", "JPY", date(2025, 1, 26))
    assert sunday.rate_date == date(2025, 1, 27)


def test_dates_outside_the_history_use_its_edge() -> None:
    result = convert(1.0, "EUR", "USD", date(1990, 6, 1))
    assert result.rate_date == date(1999, 1, 4)


def test_same_currency_is_identity() -> None:
    result = convert(5.0, "EUR", "EUR", date(2025, 1, 25))
    assert (result.amount, result.rate, result.rate_date) == (5.0, 1.0, date(2025, 1, 25))


@pytest.mark.parametrize("currency", ["XYZ", "XXX", "usd"])
def test_unknown_currency(currency: str) -> None:
    with pytest.raises(ValueError, match="unknown currency"):
        convert(1.0, currency, "EUR", date(2025, 1, 23))

"""The reconciler's common scale, rate dates and USD conversion, pinned case by case.

Each test names what a reader would see go wrong if the rule broke: two figures taken as
one (or one split in two), a date read as the wrong days, money converted at the wrong
day's rate or not at all. Written so that a mutation run of values.py, dating.py and
money.py (docs/testing.md) has a failing test for every change that matters.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from test_reconciliation import article

from stargate_digest.models import Claim, Qualifier
from stargate_digest.reconciliation.dating import RateDate, rate_dates
from stargate_digest.reconciliation.money import is_money, to_usd
from stargate_digest.reconciliation.values import (
    APPROX_TOLERANCE,
    EXACT_TOLERANCE,
    DateValue,
    days_apart,
    dimension,
    interval,
    midpoint,
    parse_date,
    ratio,
    tolerance,
)


def claim(value: float | str | None, unit: str | None, **extra: object) -> Claim:
    return Claim.model_validate(
        {
            "id": "a#1",
            "source_id": "a",
            "subject": "Stargate",
            "metric": "total_investment",
            "value": value,
            "unit": unit,
            "quote": "x",
            "start": 0,
            "end": 1,
            **extra,
        }
    )


def day(value: str) -> DateValue:
    parsed = parse_date(value)
    assert parsed is not None, value
    return parsed


# --- what a value measures -------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "unit", "extra", "expected"),
    [
        (500e9, "USD", {"value_usd": 500e9}, "money"),
        (480e9, "EUR", {"value_usd": 499e9}, "money"),
        (500e9, "XXX", {}, None),  # an open currency has no USD value: compared with nothing
        (500e9, "EUR", {}, None),
        ("2025-01-23", "date", {}, "date"),
        ("--01-22", "date", {}, "date"),
        ("January", "date", {}, None),
        (2025.0, "date", {}, None),
        (1.2, "GW", {}, "power"),
        (900.0, "MW", {}, "power"),
        (50.0, "kW", {}, "power"),
        (1e6, "sqft", {}, "area"),
        (875.0, "acre", {}, "area"),
        (4.0, "years", {}, "duration"),
        (100_000.0, "count", {}, "count"),
        (40.0, "percent", {}, "percent"),
        ("many", "count", {}, None),
        (None, "count", {}, None),
        (5.0, None, {}, None),
    ],
)
def test_a_value_is_compared_only_within_what_it_measures(
    value: float | str | None, unit: str | None, extra: dict[str, object], expected: str | None
) -> None:
    assert dimension(claim(value, unit, **extra)) == expected


@pytest.mark.parametrize(
    ("value", "unit", "expected"),
    [
        (1.2, "GW", 1200.0),
        (1200.0, "MW", 1200.0),
        (500.0, "kW", 0.5),
        (100.0, "sqm", 100.0),
        (1000.0, "sqft", 92.90304),
        (1.0, "acre", 4046.8564224),
        (121.0, "pyeong", 400.0),
        (2.0, "ha", 20_000.0),
        (3.0, "km2", 3e6),
        (2.0, "years", 24.0),
        (18.0, "months", 18.0),
        (365.2425, "days", 12.0),
        (100_000.0, "count", 100_000.0),
    ],
)
def test_units_of_one_dimension_share_a_scale(value: float, unit: str, expected: float) -> None:
    assert interval(claim(value, unit)) == pytest.approx((expected, expected))


def test_money_is_placed_at_its_usd_value_and_a_range_spans_both_ends() -> None:
    assert interval(claim(480e9, "EUR", value_usd=499.4e9)) == pytest.approx((499.4e9, 499.4e9))
    ranged = claim(15e9, "EUR", value_max=25e9, value_usd=15.6e9)
    assert interval(ranged) == pytest.approx((15.6e9, 26e9)), "both ends at the same rate"
    assert interval(claim(1.0, "GW", value_max=1.5)) == pytest.approx((1000.0, 1500.0))


def test_a_usd_value_on_a_figure_that_is_not_money_is_ignored() -> None:
    # claims come from a model's answer: a stray value_usd must not rescale 1.2 GW
    assert interval(claim(1.2, "GW", value_usd=5.0)) == pytest.approx((1200.0, 1200.0))


def test_a_range_written_high_to_low_is_still_low_to_high() -> None:
    assert interval(claim(25.0, "MW", value_max=15.0)) == (15.0, 25.0)


def test_zero_money_stays_zero_and_a_date_string_has_no_number() -> None:
    assert interval(claim(0.0, "EUR", value_usd=0.0)) == (0.0, 0.0)
    assert interval(claim(0.0, "EUR", value_usd=0.0, value_max=10.0)) == (0.0, 10.0)
    assert interval(claim("2025-01-23", "date")) == (0.0, 0.0)


def test_an_exact_figure_is_allowed_less_rounding_than_a_hedged_one() -> None:
    assert tolerance(claim(1.0, "GW")) == EXACT_TOLERANCE
    for hedge in (Qualifier.APPROX, Qualifier.AT_LEAST, Qualifier.AT_MOST, Qualifier.UP_TO):
        assert tolerance(claim(1.0, "GW", qualifier=hedge)) == APPROX_TOLERANCE
    assert EXACT_TOLERANCE < APPROX_TOLERANCE


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ((10.0, 20.0), (15.0, 30.0), 1.0),  # overlapping
        ((10.0, 20.0), (20.0, 30.0), 1.0),  # touching at one end
        ((20.0, 30.0), (10.0, 20.0), 1.0),
        ((10.0, 10.0), (40.0, 40.0), 4.0),
        ((40.0, 40.0), (10.0, 10.0), 4.0),  # the same either way round
        ((10.0, 20.0), (50.0, 60.0), 2.5),  # from the nearer ends
        ((50.0, 60.0), (10.0, 20.0), 2.5),
        ((0.0, 0.0), (5.0, 5.0), float("inf")),  # across zero
        ((-5.0, -5.0), (5.0, 5.0), float("inf")),
        ((5.0, 5.0), (-5.0, -5.0), float("inf")),
        ((-10.0, -10.0), (-2.0, -2.0), 5.0),  # both negative
        ((-10.0, -10.0), (0.0, 0.0), 1.0),
        ((0.5, 0.5), (2.0, 2.0), 4.0),  # below one is no different from above it
        ((0.0, 0.0), (0.5, 0.5), float("inf")),
        ((-5.0, -5.0), (1.0, 1.0), float("inf")),
    ],
)
def test_how_many_times_apart_two_values_are(
    a: tuple[float, float], b: tuple[float, float], expected: float
) -> None:
    assert ratio(a, b) == expected


# --- dates at their precision ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "start", "end", "precision", "has_year"),
    [
        ("2025-01-23", date(2025, 1, 23), date(2025, 1, 23), 3, True),
        ("2025-01", date(2025, 1, 1), date(2025, 1, 31), 2, True),
        ("2024-02", date(2024, 2, 1), date(2024, 2, 29), 2, True),
        ("2025-11", date(2025, 11, 1), date(2025, 11, 30), 2, True),
        ("2025-12", date(2025, 12, 1), date(2025, 12, 31), 2, True),
        ("2025", date(2025, 1, 1), date(2025, 12, 31), 1, True),
        ("--01-22", date(2000, 1, 22), date(2000, 1, 22), 3, False),
        ("--02-29", date(2000, 2, 29), date(2000, 2, 29), 3, False),
    ],
)
def test_a_date_covers_the_days_its_precision_allows(
    text: str, start: date, end: date, precision: int, has_year: bool
) -> None:
    assert parse_date(text) == DateValue(start, end, precision, has_year)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "January",
        "25",
        "202",
        "20250",
        "2025-13",
        "2025-02-30",
        "--13-01",
        "--1-22",
        "---01-22",
        "2025/01/23",
        "abcd",
        "2025-1-23",
    ],
)
def test_a_malformed_date_is_no_date(text: str) -> None:
    assert parse_date(text) is None


@pytest.mark.parametrize(
    ("wide", "narrow", "expected"),
    [
        ("2025-01", "2025-01-23", True),
        ("2025-01", "2025-01-01", True),
        ("2025-01", "2025-01-31", True),
        ("2025-01", "2025-02-01", False),
        ("2024-12", "2025-01-01", False),
        ("2025", "2025-12", True),
        ("2025", "2026-01", False),
        ("2025-01-23", "2025-01", False),  # a day does not contain its month
        ("2025-01-23", "2025-01-23", True),
        ("--01-22", "2025-01-22", True),  # a year-less day agrees with that day in any year
        ("2025-01-22", "--01-22", True),
        ("--01-22", "2025-01-23", False),
        ("--01-22", "2025-02-22", False),
        ("2025-01", "--01-22", True),  # January of a year contains "January 22"
        ("2025-02", "--01-22", False),
        ("2025", "--01-22", True),
        ("--01-22", "--01-22", False),  # two year-less days are placed by value, not contained
        ("--01-22", "2025-01", False),  # a day contains no month, with or without its year
        ("--01-22", "2025", False),
    ],
)
def test_which_dates_lie_inside_which(wide: str, narrow: str, expected: bool) -> None:
    assert day(wide).contains(day(narrow)) is expected


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("2025-01-22", "2025-01-23", 1),
        ("2025-01-23", "2025-01-22", 1),
        ("2025-01-23", "2025-01-23", 0),
        ("2025-01-01", "2025-03-01", 59),
        ("--01-22", "2025-01-23", 1),  # the year-less date takes the other's year
        ("2025-01-23", "--01-22", 1),
        ("--12-31", "2025-01-01", 364),
        ("--01-22", "--01-25", 3),
        ("2022", "2023", 365),  # a year apart, not a day
        ("2024-01", "2024-03", 60),
        ("2025-01", "2025-01-20", 19),  # from the month's start
        ("2025-01-20", "2025-01", 19),
        ("--02-29", "2024-02-29", 0),
        ("--02-29", "--03-01", 1),  # two year-less dates: in a leap year, so February 29 exists
    ],
)
def test_how_many_days_apart_two_dates_are(a: str, b: str, expected: int) -> None:
    assert days_apart(day(a), day(b)) == expected


def test_february_29_with_no_year_against_a_common_year_keeps_its_own_day() -> None:
    # 2025 has no February 29: the year-less date stays on 2000-02-29 instead of failing
    assert (
        days_apart(day("--02-29"), day("2025-03-01")) == (date(2025, 3, 1) - date(2000, 2, 29)).days
    )


@pytest.mark.parametrize(
    ("text", "middle"),
    [
        ("2025-01-23", date(2025, 1, 23)),
        ("2025-01", date(2025, 1, 16)),
        ("2025", date(2025, 7, 2)),
    ],
)
def test_a_period_is_placed_in_time_at_its_middle(text: str, middle: date) -> None:
    assert midpoint(day(text)) == middle


# --- which day's rate, and money in USD --------------------------------------------------


def test_each_dated_source_uses_its_own_publication_date() -> None:
    chosen = rate_dates(
        [
            article("a", datetime(2025, 1, 23, 22, 30, tzinfo=UTC)),
            article("b", datetime(2022, 9, 27, tzinfo=UTC)),
        ],
        date(2026, 11, 22),
    )
    assert chosen["a"] == RateDate(date(2025, 1, 23), "the publication date 2025-01-23")
    assert chosen["b"] == RateDate(date(2022, 9, 27), "the publication date 2022-09-27")


def test_an_undated_source_uses_the_storys_middle_date_and_says_so() -> None:
    dated = [
        article(name, datetime(2025, 1, d, tzinfo=UTC))
        for name, d in (("d", 28), ("a", 21), ("c", 25), ("b", 23))
    ]
    chosen = rate_dates([*dated, article("x", None)], date(2026, 11, 22))
    # four dates: the lower middle one (23), never the run date nor the first or last
    assert chosen["x"] == RateDate(
        date(2025, 1, 23),
        "2025-01-23, the story's middle publication date (this source has no date)",
    )
    assert chosen["d"].day == date(2025, 1, 28)


def test_with_no_dated_source_the_run_date_is_used_and_said() -> None:
    chosen = rate_dates([article("x", None), article("y", None)], date(2026, 11, 22))
    expected = RateDate(date(2026, 11, 22), "the run date 2026-11-22 (no source has a date)")
    assert chosen == {"x": expected, "y": expected}


@pytest.mark.parametrize(
    ("value", "unit", "expected"),
    [
        (500e9, "USD", True),
        (3, "JPY", True),  # an integer amount
        (500e9, "XXX", True),  # still money, with its currency open
        (500e9, "usd", False),
        (500e9, "US$", False),
        (500e9, "USDT", False),
        (500e9, "US", False),
        (40.0, "percent", False),
        (1.2, "GW", False),
        ("500", "USD", False),
        (None, "USD", False),
        (500e9, None, False),
    ],
)
def test_money_is_an_amount_with_a_currency_code(
    value: float | str | None, unit: str | None, expected: bool
) -> None:
    assert is_money(claim(value, unit)) is expected


def test_money_converts_at_the_rate_of_its_rate_date() -> None:
    january = RateDate(date(2025, 1, 23), "")
    september = RateDate(date(2022, 9, 27), "")
    euros = to_usd(claim(480e9, "EUR"), january)
    assert euros is not None and euros.amount == pytest.approx(480e9 * 1.0404)
    assert euros.rate_date == date(2025, 1, 23)
    earlier = to_usd(claim(480e9, "EUR"), september)
    assert earlier is not None and earlier.amount < 480e9, "the euro was below the dollar then"
    dollars = to_usd(claim(500e9, "USD"), january)
    assert dollars is not None and dollars.amount == 500e9
    nothing = to_usd(claim(0.0, "EUR"), january)
    assert nothing is not None and nothing.amount == 0.0
    yen = to_usd(claim(3, "JPY"), january)
    assert yen is not None and yen.amount == pytest.approx(3 * 0.006399311108377413)


@pytest.mark.parametrize(
    ("value", "unit"),
    [(500e9, "XXX"), (500e9, "ABC"), (40.0, "percent"), ("500", "USD"), (None, "USD")],
)
def test_money_with_an_open_or_unknown_currency_has_no_usd_value(
    value: float | str | None, unit: str | None
) -> None:
    assert to_usd(claim(value, unit), RateDate(date(2025, 1, 23), "")) is None

"""Dates across sources: which dates are one date, and how far apart the others are.

Pinned case by case for the mutation run of clusters.py and compare.py (docs/testing.md).
"""

from __future__ import annotations

import pytest
from test_reconcile_pinned import one_each, only
from test_reconciliation import claim

from stargate_digest.models import Claim, DisagreementKind, Qualifier, Severity


def target(source: str, value: str, **extra: object) -> Claim:
    return claim(source, 1, value, "date", metric="target_date", **extra)


def test_sources_giving_the_same_date_without_a_year_agree() -> None:
    assert one_each(target("a", "--01-22"), target("b", "--01-22")).disagreements == []
    found = only(one_each(target("a", "--01-22"), target("b", "--01-22"), target("c", "--02-22")))
    assert [(v.value, v.source_ids) for v in found.values] == [
        ("--01-22", ["a", "b"]),
        ("--02-22", ["c"]),
    ]
    assert found.severity is Severity.MEDIUM and "up to 31 days apart" in found.explanation


def test_a_month_joins_the_day_inside_it_that_most_sources_give() -> None:
    found = only(
        one_each(
            target("a", "2025-01-10"),
            target("b", "2025-01-10"),
            target("c", "2025-01-20"),
            target("e", "2025-01"),
            target("f", "2025-03-01"),
        )
    )
    assert [(v.value, v.source_ids) for v in found.values] == [
        ("2025-01-10", ["a", "b", "e"]),
        ("2025-01-20", ["c"]),
        ("2025-03-01", ["f"]),
    ]


def test_a_month_joins_the_earliest_of_equally_supported_days_inside_it() -> None:
    found = only(
        one_each(
            target("a", "2025-01-20"),
            target("b", "2025-01-10"),
            target("e", "2025-01"),
            target("f", "2025-03-01"),
        )
    )
    assert [(v.value, v.source_ids) for v in found.values][:2] == [
        ("2025-01-10", ["b", "e"]),
        ("2025-01-20", ["a"]),
    ]


def test_a_date_without_a_year_joins_its_dated_twin_which_keeps_its_place_in_time() -> None:
    # March 1 (two sources, one giving no year) and January 10 (two sources): equally
    # supported, so the earlier is shown first; "March 1" is placed in 2025, not year 2000
    found = only(
        one_each(
            target("a", "--03-01"),
            target("b", "2025-03-01"),
            target("c", "2025-01-10"),
            target("e", "2025-01-10"),
        )
    )
    assert [(v.value, v.source_ids) for v in found.values] == [
        ("2025-01-10", ["c", "e"]),
        ("2025-03-01", ["a", "b"]),
    ]
    assert found.severity is Severity.HIGH and "up to 50 days apart" in found.explanation


@pytest.mark.parametrize(
    ("bound", "qualifier", "other"),
    [
        ("2026", Qualifier.AT_MOST, "2028"),
        ("2026", Qualifier.UP_TO, "2028"),
        ("2028", Qualifier.AT_LEAST, "2026"),
    ],
)
def test_a_hedged_date_two_years_off_is_still_a_high_conflict(
    bound: str, qualifier: Qualifier, other: str
) -> None:
    # "by 2026" against "2028": dates are graded by days apart, never read as bounds
    found = only(one_each(target("a", bound, qualifier=qualifier), target("b", other)))
    assert (found.kind, found.severity) == (DisagreementKind.CONFLICT, Severity.HIGH)
    assert "up to 730 days apart" in found.explanation

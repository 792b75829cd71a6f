"""A planned date that moved (explain.py's ``postponed``), asked directly as ``explain``
asks it, each condition just either side (issue 16): the later date must be given by
dated pages only, each written once the earlier date had begun and before the later one
came; the earlier date's pages are undated; the two dates are 45 days apart or more.
"""

from __future__ import annotations

from datetime import date

from test_reconcile_explain_pinned_b import cluster, context, money
from test_reconciliation import claim

from stargate_digest.models import Claim, DisagreementKind
from stargate_digest.reconciliation.clusters import Cluster
from stargate_digest.reconciliation.explain import postponed
from stargate_digest.reconciliation.explanation import Explanation
from stargate_digest.reconciliation.values import parse_date


def day(source: str, value: str) -> Claim:
    return claim(source, 1, value, "date", metric="production_start")


def plan(value: str, sources: str) -> Cluster:
    """The date ``value`` as its pages give it: a cluster stands for its date (``day``)."""
    return Cluster(claims=[day(s, value) for s in sources], day=parse_date(value))


def moved(
    early: tuple[str, str], late: tuple[str, str], **published: date | None
) -> Explanation | None:
    """``postponed`` of the later date (value, its pages) against the earlier one, and then
    of the earlier against the later: which of the two is the outlier must not matter."""
    found = postponed(plan(*late), context(plan(*early), dimension="date", published=published))
    again = postponed(plan(*early), context(plan(*late), dimension="date", published=published))
    assert again == found
    return found


def test_a_later_date_given_once_the_earlier_had_come_is_a_moved_plan() -> None:
    found = moved(("2024", "ab"), ("2026", "d"), d=date(2024, 4, 16))
    assert found == Explanation(
        DisagreementKind.UPDATE,
        "By Apr 2024, when 2024 had come, sources give 2026: the planned date moved.",
    )


def test_a_page_of_the_first_day_of_the_earlier_date_already_sees_it_come() -> None:
    assert moved(("2024", "a"), ("2026", "d"), d=date(2024, 1, 1)) is not None
    assert moved(("2024", "a"), ("2026", "d"), d=date(2023, 12, 31)) is None


def test_a_page_written_once_the_later_date_had_come_states_no_plan() -> None:
    assert moved(("2024", "a"), ("2026", "d"), d=date(2025, 12, 31)) is not None
    assert moved(("2024", "a"), ("2026", "d"), d=date(2026, 1, 1)) is None


def test_one_dated_page_is_enough_and_every_page_of_the_later_date_counts() -> None:
    assert moved(("2024", "a"), ("2026", "d"), d=date(2024, 6, 1)) is not None
    late = ("2026", "de")
    assert moved(("2024", "a"), late, d=date(2024, 6, 1), e=date(2024, 9, 1)) is not None
    assert moved(("2024", "a"), late, d=date(2024, 6, 1), e=date(2026, 2, 1)) is None
    assert moved(("2024", "a"), late) is None  # no page of the later date is dated


def test_a_dated_page_of_the_earlier_date_leaves_the_order_to_the_pages() -> None:
    assert moved(("2024", "a"), ("2026", "d"), a=date(2024, 3, 1), d=date(2024, 6, 1)) is None


def test_forty_five_days_apart_is_a_moved_plan_and_forty_four_is_not() -> None:
    assert moved(("2024-03-01", "a"), ("2024-04-15", "d"), d=date(2024, 3, 10)) is not None
    assert moved(("2024-03-01", "a"), ("2024-04-14", "d"), d=date(2024, 3, 10)) is None


def test_only_dates_with_a_year_and_only_dates_at_all() -> None:
    assert moved(("--09-04", "a"), ("2026-03-04", "d"), d=date(2024, 4, 16)) is None
    assert moved(("2024-03-04", "a"), ("--09-04", "d"), d=date(2024, 4, 16)) is None
    late = plan("2026-03-04", "d")
    assert postponed(cluster(money("d", 5e9)), context(late, dimension="date")) is None
    assert postponed(late, context(cluster(money("d", 5e9)), dimension="date")) is None


def test_one_date_given_twice_is_no_moved_plan() -> None:
    assert moved(("2024", "a"), ("2024", "d"), d=date(2024, 4, 16)) is None

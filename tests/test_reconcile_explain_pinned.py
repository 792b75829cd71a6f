"""Why an outlier differs (explain.py), pinned by the explanation a reader sees.

Only part of explain.py is covered here (see docs/testing.md, issue 16): dates a day
apart. Invented dates (no corpus text).
"""

from __future__ import annotations

from test_reconciliation import claim
from test_reconciliation_kinds import sources

from stargate_digest.models import Disagreement, Severity
from stargate_digest.reconciliation import Reconciliation

ANNOUNCED = {"metric": "announcement_date"}


def dates(consensus: str, outlier: str) -> Reconciliation:
    """Three pages give ``consensus``, one page ``outlier``."""
    return sources(
        *((s, None, [claim(s, 1, consensus, "date", **ANNOUNCED)]) for s in "abc"),
        ("d", None, [claim("d", 1, outlier, "date", **ANNOUNCED)]),
    )


def only(found: Reconciliation) -> Disagreement:
    assert len(found.disagreements) == 1, [d.explanation for d in found.disagreements]
    return found.disagreements[0]


def test_a_date_a_day_from_the_consensus_is_explained_by_time_zones() -> None:
    found = only(dates("2025-01-23", "2025-01-22"))
    assert found.severity is Severity.LOW
    assert found.values[1].explanation == (
        "January 22, 2025 is a day from January 23, 2025: time zones (an evening "
        "announcement in the US is already the next day in Asia) or the gap between an "
        "event and its report may explain it."
    )


def test_a_date_two_days_from_the_consensus_is_not_a_time_zone_matter() -> None:
    found = only(dates("2025-01-23", "2025-01-21"))
    assert found.values[1].explanation is None


def test_a_month_beside_the_last_day_of_the_one_before_is_not_a_day_apart() -> None:
    found = only(dates("2025-01-31", "2025-02"))
    assert found.values[1].explanation is None


# --- a figure that changed over time (_in_time_order) --------------------------------------

GPUS = {"metric": "gpu_count"}


def counts(*specs: tuple[str, str, float]) -> Reconciliation:
    return sources(*((s, day, [claim(s, 1, value, "count", **GPUS)]) for s, day, value in specs))


def test_a_value_its_sources_give_months_later_is_the_later_figure() -> None:
    found = only(
        counts(*((s, "2023-06-10", 10_000.0) for s in "abc"),
               *((s, "2024-06-10", 20_000.0) for s in "de"))
    )  # fmt: skip
    assert found.values[1].explanation == (
        "20,000 GPUs is the later figure: 10,000 GPUs (Jun 2023), then 20,000 GPUs (Jun 2024)."
    )


def test_a_value_its_sources_give_months_earlier_is_the_earlier_figure() -> None:
    found = only(
        counts(*((s, "2024-06-10", 10_000.0) for s in "abc"),
               *((s, "2023-06-10", 20_000.0) for s in "de"))
    )  # fmt: skip
    assert found.values[1].explanation == (
        "20,000 GPUs is the earlier figure: 20,000 GPUs (Jun 2023), then 10,000 GPUs (Jun 2024)."
    )


def test_values_45_days_apart_are_an_update_and_44_days_a_conflict() -> None:
    later = counts(*((s, "2024-01-01", 10_000.0) for s in "abc"),
                   *((s, "2024-02-15", 20_000.0) for s in "de"))  # fmt: skip
    assert "is the later figure" in (only(later).values[1].explanation or "")
    close = counts(*((s, "2024-01-01", 10_000.0) for s in "abc"),
                   *((s, "2024-02-14", 20_000.0) for s in "de"))  # fmt: skip
    assert only(close).values[1].explanation is None


def test_four_of_five_sources_in_time_order_are_consistent_enough() -> None:
    # the fifth page gives the old value after the new one: 4 of 5 pairs in order (0.8)
    found = counts(*((s, "2023-06-10", 10_000.0) for s in "abcd"),
                   ("e", "2024-07-01", 10_000.0), ("f", "2024-06-10", 20_000.0))  # fmt: skip
    assert "is the later figure" in (only(found).values[1].explanation or "")


def test_values_whose_sources_are_not_in_time_order_are_no_update() -> None:
    # the median pages are a year apart, but one page gives the new value a year early:
    # 6 of 9 pairs in order (0.67), under 0.8
    found = counts(*((s, "2023-06-10", 10_000.0) for s in "abc"),
                   ("d", "2022-06-10", 20_000.0), ("e", "2024-06-10", 20_000.0),
                   ("f", "2024-06-11", 20_000.0))  # fmt: skip
    assert "figure:" not in (only(found).values[1].explanation or "")

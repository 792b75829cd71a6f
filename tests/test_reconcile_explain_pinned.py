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

"""Issue 16: what a reader sees of compare.py's code merged after f47477c (a part compared
with the whole of its own moment, the whole shown as it stood when the parts were given,
a lone value another measure explains).

Invented coverage (no corpus text); each test sits just either side of a rule.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from test_reconciliation import article, claim
from test_reconciliation_kinds import on

from stargate_digest.models import ArticleClaims, Claim, DisagreementKind, Severity
from stargate_digest.reconciliation import Reconciliation, reconcile
from stargate_digest.topic import ScopeSpec, load_topic

JOBS = {"metric": "jobs"}
MONEY = {"metric": "total_investment"}
PART_DAY = date(2025, 3, 3)


def pages(*specs: tuple[str, date | None, list[Claim]], kind: str = "phase") -> Reconciliation:
    """Articles by id with an optional publication day and their claims; "Part X" is a
    scope of the given kind."""
    topic = load_topic().model_copy(update={"scopes": {"Part X": ScopeSpec(kind=kind)}})
    results = [
        ArticleClaims(
            article=article(sid, on(day.isoformat()) if day else None), claims=cs, backend="t"
        )
        for sid, day, cs in specs
    ]
    return reconcile(results, topic=topic, today=date(2026, 11, 22))


def scope_of(found: Reconciliation, claim_id: str) -> str | None:
    return {c.id: c.scope for c in found.claims}[claim_id]


def _part_against_whole_days_apart(days: int) -> str | None:
    """A phase of 5,000 jobs given on PART_DAY; the whole (1,000 jobs, two pages) given
    ``days`` later (earlier when negative). Returns the phase's scope after reconciling."""
    whole_day = PART_DAY + timedelta(days=days)
    found = pages(
        *((s, whole_day, [claim(s, 1, 1_000.0, "count", **JOBS)]) for s in "ab"),
        ("c", PART_DAY, [claim("c", 1, 5_000.0, "count", scope="Part X", **JOBS)]),
    )
    return scope_of(found, "c#1")


@pytest.mark.parametrize("days", [-44, 44, 0])
def test_a_whole_within_44_days_is_of_the_parts_moment(days: int) -> None:
    # the phase exceeds the whole of its moment: its scope came from a word nearby
    assert _part_against_whole_days_apart(days) is None


@pytest.mark.parametrize("days", [-45, 45, -46, 46])
def test_a_whole_45_days_or_more_apart_is_of_another_moment(days: int) -> None:
    # MONTHS_APART = 45: a whole given that far away says nothing of the phase's moment
    assert _part_against_whole_days_apart(days) == "Part X"


def test_an_undated_whole_is_compared_with_a_dated_part() -> None:
    # no moment of the whole is known: its consensus is the whole at every moment
    found = pages(
        *((s, None, [claim(s, 1, 1_000.0, "count", **JOBS)]) for s in "ab"),
        ("c", PART_DAY, [claim("c", 1, 5_000.0, "count", scope="Part X", **JOBS)]),
    )
    assert scope_of(found, "c#1") is None


def _breakdown_whole(consensus_days_after: int) -> list[tuple[float | str, str | None]]:
    """Parts (two pages) and a $40 billion whole (two pages) on one day; the whole's
    consensus, $65 billion (three pages), ``consensus_days_after`` days later."""
    parts_day = date(2024, 2, 1)
    later = parts_day + timedelta(days=consensus_days_after)
    found = pages(
        *((s, parts_day, [claim(s, 1, 40e9, "USD", **MONEY)]) for s in "ab"),
        *((s, later, [claim(s, 1, 65e9, "USD", **MONEY)]) for s in "cde"),
        *((s, parts_day, [claim(s, 1, 12e9, "USD", scope="Part X", **MONEY)]) for s in "fg"),
        kind="component",
    )
    (breakdown,) = [d for d in found.disagreements if d.kind is DisagreementKind.SCOPE]
    return [(v.value, v.scope) for v in breakdown.values]


def test_a_breakdown_shows_a_consensus_44_days_from_the_parts() -> None:
    assert _breakdown_whole(44) == [(65e9, None), (12e9, "Part X")]


def test_a_breakdown_shows_the_whole_of_the_parts_day_when_the_consensus_is_45_days_off() -> None:
    assert _breakdown_whole(45) == [(40e9, None), (12e9, "Part X")]


def test_a_parts_lone_value_its_page_gives_for_the_whole_still_conflicts() -> None:
    # the same metric for another scope is not another measure: page f's $500 billion for
    # Part X is a rival of the $100 billion two pages give for it
    day = date(2025, 1, 23)
    found = pages(
        *((s, day, [claim(s, 1, 500e9, "USD", **MONEY)]) for s in "abc"),
        *((s, day, [claim(s, 1, 100e9, "USD", scope="Part X", **MONEY)]) for s in "de"),
        (
            "f",
            day,
            [
                claim("f", 1, 500e9, "USD", **MONEY),
                claim("f", 2, 500e9, "USD", scope="Part X", **MONEY),
            ],
        ),
        kind="other",
    )
    part = [
        (d.kind, d.severity)
        for d in found.disagreements
        if d.scope == "Part X" and d.kind is DisagreementKind.CONFLICT
    ]
    assert part == [(DisagreementKind.CONFLICT, Severity.MEDIUM)]


def test_a_figure_written_two_ways_dates_each_form_by_its_page() -> None:
    # $500 billion and $505 billion are one figure rounded differently: each form is shown
    # as of the day its page was published
    found = pages(
        ("a", date(2025, 1, 22), [claim("a", 1, 500e9, "USD", **MONEY)]),
        ("b", date(2025, 1, 23), [claim("b", 1, 505e9, "USD", **MONEY)]),
    )
    (rounding,) = found.disagreements
    assert rounding.kind is DisagreementKind.ROUNDING
    assert [(v.value, v.as_of) for v in rounding.values] == [
        (500e9, "2025-01-22"),
        (505e9, "2025-01-23"),
    ]


def test_parts_that_differ_only_by_float_noise_are_no_breakdown() -> None:
    # 3.0000001 and 3.0000002 are one number (the breakdown compares six decimals);
    # 3.00001 and 3.00002 are told apart
    def breakdowns(whole: float, part: float) -> int:
        found = pages(
            ("a", None, [claim("a", 1, whole, "count", **JOBS)]),
            ("b", None, [claim("b", 1, part, "count", scope="Part X", **JOBS)]),
        )
        return sum(d.kind is DisagreementKind.SCOPE for d in found.disagreements)

    assert breakdowns(3.0000001, 3.0000002) == 0
    assert breakdowns(3.00001, 3.00002) == 1

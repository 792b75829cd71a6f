"""Which figures are one figure (issue 11, seventh turn): hedges that bridge two exact
figures, and two ceilings of one thing.

Invented coverage only (no corpus text): each test builds the few claims a rule is about.
"""

from __future__ import annotations

from datetime import date

import pytest
from test_reconciliation import article, claim

from stargate_digest.models import ArticleClaims, Claim, Disagreement, DisagreementKind, Qualifier
from stargate_digest.reconciliation import Reconciliation, reconcile
from stargate_digest.reconciliation.clusters import cluster_numbers, one_number_rounds_to
from stargate_digest.topic import load_topic

AREA: dict[str, object] = {"metric": "site_area"}
TERM: dict[str, object] = {"metric": "construction_period"}


def run(*pages: tuple[str, list[Claim]]) -> Reconciliation:
    """Undated pages, the default profile."""
    results = [
        ArticleClaims(article=article(source), claims=claims, backend="t")
        for source, claims in pages
    ]
    return reconcile(results, topic=load_topic(), today=date(2026, 11, 22))


def holding(found: Reconciliation, *values: float) -> list[Disagreement]:
    """The findings that list every one of ``values``."""
    return [
        d
        for d in found.disagreements
        if all(any(v.value == value for v in d.values) for value in values)
    ]


# --- two exact figures a hedged one bridges ----------------------------------------------


def test_two_exact_figures_a_hedged_one_bridges_are_still_two_figures() -> None:
    # 810 acres (3.28 km²) on one page, 870 acres (3.52 km²) on two, and "about 3.5 km²"
    # on a fourth: the hedge reaches both, but 810 and 870 are no one figure rounded
    found = run(
        ("a", [claim("a", 1, 810.0, "acre", **AREA)]),
        ("b", [claim("b", 1, 870.0, "acre", **AREA)]),
        ("c", [claim("c", 1, 870.0, "acre", **AREA)]),
        ("d", [claim("d", 1, 3.5, "km2", qualifier=Qualifier.APPROX, **AREA)]),
    )
    differ = holding(found, 870.0, 810.0)
    assert [d.kind for d in differ] == [DisagreementKind.CONFLICT]
    # the hedged figure goes with the exact figure it is nearer to
    by_value = {v.value: v.claim_ids for v in differ[0].values}
    assert "d#1" in by_value[870.0]
    assert by_value[810.0] == ["a#1"]


def test_the_hedged_figure_nearer_the_lower_exact_one_stays_with_it() -> None:
    claims = [
        claim("a", 1, 810.0, "acre", **AREA),
        claim("b", 1, 3.3, "km2", qualifier=Qualifier.APPROX, **AREA),
        claim("c", 1, 870.0, "acre", **AREA),
    ]
    found = cluster_numbers(claims)
    assert [sorted(c.id for c in cluster.claims) for cluster in found] == [
        ["a#1", "b#1"],
        ["c#1"],
    ]
    # the cluster left behind spans what it still holds
    assert found[0].low == pytest.approx(810.0 * 4046.8564224)
    assert found[0].high == pytest.approx(3.3e6)


def test_exact_figures_one_number_rounds_to_stay_one_figure_through_a_hedge() -> None:
    # "$30 billion" may be $29 billion rounded: the hedge between them changes nothing
    claims = [
        claim("a", 1, 29e9, "USD", value_usd=29e9),
        claim("b", 1, 29.2e9, "USD", value_usd=29.2e9, qualifier=Qualifier.APPROX),
        claim("c", 1, 30e9, "USD", value_usd=30e9),
    ]
    assert one_number_rounds_to(29e9, Qualifier.EXACT, 30e9, Qualifier.EXACT)
    assert [len(c.claims) for c in cluster_numbers(claims)] == [3]


def test_exact_figures_within_the_exact_tolerance_are_no_bridge() -> None:
    claims = [
        claim("a", 1, 1000.0, "acre", **AREA),
        claim("b", 1, 4.1, "km2", qualifier=Qualifier.APPROX, **AREA),
        claim("c", 1, 1015.0, "acre", **AREA),
    ]
    assert [len(c.claims) for c in cluster_numbers(claims)] == [3]


# --- two ceilings of one thing -------------------------------------------------------------


def test_two_deadlines_of_one_work_are_two_figures() -> None:
    # "within 40 months" on one page, "within 42 months" on another: two deadlines
    found = run(
        ("a", [claim("a", 1, 40.0, "months", qualifier=Qualifier.AT_MOST, **TERM)]),
        ("b", [claim("b", 1, 42.0, "months", qualifier=Qualifier.UP_TO, **TERM)]),
    )
    assert [d.kind for d in holding(found, 40.0, 42.0)] == [DisagreementKind.CONFLICT]


def test_a_ceiling_still_stands_for_a_value_under_it() -> None:
    # "up to 42 months" and "40 months": the value lies under the ceiling
    claims = [
        claim("a", 1, 40.0, "months", **TERM),
        claim("b", 1, 42.0, "months", qualifier=Qualifier.UP_TO, **TERM),
    ]
    assert [len(c.claims) for c in cluster_numbers(claims)] == [2]
    # and "about 40 months" under "at most 42 months"
    hedged = [
        claim("a", 1, 40.0, "months", qualifier=Qualifier.APPROX, **TERM),
        claim("b", 1, 42.0, "months", qualifier=Qualifier.AT_MOST, **TERM),
    ]
    assert [len(c.claims) for c in cluster_numbers(hedged)] == [2]


def test_two_floors_may_still_be_one_figure() -> None:
    # "more than 40" and "more than 42": estimates from below, not limits someone set
    claims = [
        claim("a", 1, 40.0, "months", qualifier=Qualifier.AT_LEAST, **TERM),
        claim("b", 1, 42.0, "months", qualifier=Qualifier.AT_LEAST, **TERM),
    ]
    assert [len(c.claims) for c in cluster_numbers(claims)] == [2]

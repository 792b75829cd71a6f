"""Totals a page builds from its own figures (sums.py), pinned case by case.

Invented figures (no corpus text), in US dollars so each value is its own common-scale
amount. The index is asked what an explainer asks it: which two figures of a total's page
add up to it, and in which direction in time the parts of two such totals moved. The
findings these answers lead to are in test_reconciliation_parts.py and below.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from test_reconciliation import claim
from test_reconciliation_kinds import sources

from stargate_digest.models import Claim, DisagreementKind
from stargate_digest.reconciliation.clusters import Cluster
from stargate_digest.reconciliation.sums import SumIndex

SUBJECT, SCOPE = "Acme", "lyon plant"
COST = (SUBJECT, SCOPE, "project_cost")


def figure(source: str, n: int, metric: str, value: float, **extra: object) -> Claim:
    return claim(source, n, value, "USD", subject=SUBJECT, metric=metric, value_usd=value, **extra)


def index(*claims: Claim) -> tuple[SumIndex, dict[str, Cluster]]:
    """Each claim in a cluster of its own, grouped by metric; and the clusters by claim id."""
    clusters = {c.id: Cluster(claims=[c], low=float(c.value_usd or 0), high=0.0) for c in claims}
    metrics = sorted({c.metric for c in claims})
    groups = [
        (SUBJECT, SCOPE, m, [clusters[c.id] for c in claims if c.metric == m]) for m in metrics
    ]
    return SumIndex(groups), clusters


def pairs_of(total: Claim, *others: Claim) -> dict[tuple[str, str], tuple[str, str]]:
    found = index(total, *others)[0].pairs(total, *COST)
    return {metrics: (a.id, b.id) for metrics, (a, b) in found.items()}


# --- which figures add up to a total ------------------------------------------------------


def test_two_figures_of_other_metrics_that_add_up_are_the_totals_parts_by_metric() -> None:
    total = figure("a", 1, "project_cost", 15e9)
    found = pairs_of(
        total,
        figure("a", 2, "total_investment", 12e9),
        figure("a", 3, "subsidy", 3e9),
        figure("a", 4, "jobs_fund", 1e9),
        figure("b", 1, "project_cost", 2e9),  # another page's figure is never a part
    )
    assert found == {("subsidy", "total_investment"): ("a#3", "a#2")}


def test_each_two_metrics_are_tried_once_in_metric_order() -> None:
    # the pair is the first two figures of three; the third adds up with neither
    total = figure("a", 1, "project_cost", 15e9)
    found = pairs_of(
        total,
        figure("a", 2, "debt", 12e9),
        figure("a", 3, "equity", 3e9),
        figure("a", 4, "subsidy", 1e9),
    )
    assert found == {("debt", "equity"): ("a#2", "a#3")}


def test_a_second_figure_of_one_metric_does_not_end_the_search() -> None:
    total = figure("a", 1, "project_cost", 15e9)
    found = pairs_of(
        total,
        figure("a", 2, "debt", 12e9),
        figure("a", 3, "debt", 13e9),
        figure("a", 4, "subsidy", 3e9),
    )
    assert found == {("debt", "subsidy"): ("a#2", "a#4")}


@pytest.mark.parametrize(
    ("first", "second", "adds_up"),
    [
        (25.5e9, 25.5e9, True),  # 51 against 50: 2 %, the rounding tolerance
        (25.6e9, 25.5e9, False),  # 2.2 %
        (24.5e9, 25e9, True),  # 49.5: 1 % under
        (24.5e9, 24.5e9, True),  # 49: 2 % under
        (24.4e9, 24.5e9, False),
    ],
)
def test_parts_add_up_within_two_percent_of_the_total(
    first: float, second: float, adds_up: bool
) -> None:
    total = figure("a", 1, "project_cost", 50e9)
    found = pairs_of(total, figure("a", 2, "debt", first), figure("a", 3, "equity", second))
    assert bool(found) is adds_up


@pytest.mark.parametrize(("last", "found"), [(12, True), (13, False)])
def test_a_pages_first_twelve_other_figures_are_searched(last: int, found: bool) -> None:
    # thirteen figures m01..m13 of a dollar each, but $12 billion (m01) and $3 billion
    # (m12 or m13) that add up to the total
    total = figure("a", 1, "project_cost", 15e9)
    others = [figure("a", n + 1, f"m{n:02}", 1.0) for n in range(1, 14)]
    others[0] = figure("a", 2, "m01", 12e9)
    others[last - 1] = figure("a", last + 1, f"m{last:02}", 3e9)
    assert bool(pairs_of(total, *others)) is found


def test_a_range_is_never_a_part() -> None:
    total = figure("a", 1, "project_cost", 15e9)
    found = pairs_of(
        total, figure("a", 2, "debt", 12e9), figure("a", 3, "subsidy", 3e9, value_max=4e9)
    )
    assert found == {}


def test_a_total_of_zero_has_no_parts() -> None:
    total = figure("a", 1, "project_cost", 0.0)
    found = pairs_of(
        total,
        figure("a", 2, "debt", 0.0),
        figure("a", 3, "equity", 0.0),
        figure("a", 4, "loan", 0.6),
        figure("a", 5, "subsidy", 0.4),
    )
    assert found == {}


@pytest.mark.parametrize("zero", ["a_grant", "z_grant"])  # before or after the other part
def test_small_totals_have_parts_and_a_zero_part_adds_nothing(zero: str) -> None:
    assert pairs_of(
        figure("a", 1, "project_cost", 1.0),
        figure("a", 2, "debt", 0.6),
        figure("a", 3, "loan", 0.4),
    ) == {("debt", "loan"): ("a#2", "a#3")}
    found = pairs_of(
        figure("a", 1, "project_cost", 1.0), figure("a", 2, "debt", 1.0), figure("a", 3, zero, 0.0)
    )
    assert list(found.values()) == [("a#2", "a#3") if zero > "debt" else ("a#3", "a#2")]


# --- how two totals' parts moved ----------------------------------------------------------


def timed(clusters: dict[str, Cluster], earlier: set[str]) -> Callable[[Cluster, Cluster], int]:
    """-1 when the first cluster's claim is one of ``earlier`` and the second's is not, 1
    the other way round, 0 when both or neither are."""

    def order(a: Cluster, b: Cluster) -> int:
        first, second = a.claims[0].id in earlier, b.claims[0].id in earlier
        return 0 if first == second else -1 if first else 1

    return order


def moved(
    mine: list[tuple[str, float]], theirs: list[tuple[str, float]], earlier: set[str]
) -> tuple[list[str], list[str], int] | None:
    """Page a's total and figures against page b's: the parts (largest first) and the move."""
    a = [figure("a", i, m, v) for i, (m, v) in enumerate(mine, 1)]
    b = [figure("b", i, m, v) for i, (m, v) in enumerate(theirs, 1)]
    sums, clusters = index(*a, *b)
    found = sums.changed(a[0], b[0], COST, timed(clusters, earlier))
    if found is None:
        return None
    parts, other, direction = found
    return [c.id for c in parts], [c.id for c in other], direction


def test_parts_that_moved_one_way_give_the_direction_and_are_listed_largest_first() -> None:
    found = moved(
        [("project_cost", 15e9), ("debt", 12e9), ("subsidy", 3e9)],
        [("project_cost", 25e9), ("debt", 5e9), ("subsidy", 20e9)],
        earlier={"a#2", "a#3"},
    )
    assert found == (["a#2", "a#3"], ["b#3", "b#2"], -1)


def test_equal_parts_keep_their_metric_order() -> None:
    found = moved(
        [("project_cost", 20e9), ("debt", 10e9), ("subsidy", 10e9)],
        [("project_cost", 30e9), ("debt", 15e9), ("subsidy", 15e9)],
        earlier={"b#2", "b#3"},
    )
    assert found == (["a#2", "a#3"], ["b#2", "b#3"], 1)


def test_a_zero_part_is_listed_last() -> None:
    earlier = {"a#3"}
    zero_first = moved(
        [("project_cost", 0.5), ("debt", 0.0), ("subsidy", 0.5)],
        [("project_cost", 0.8), ("debt", 0.0), ("subsidy", 0.8)],
        earlier,
    )
    assert zero_first == (["a#3", "a#2"], ["b#3", "b#2"], -1)
    zero_last = moved(
        [("project_cost", 0.5), ("debt", 0.5), ("subsidy", 0.0)],
        [("project_cost", 0.8), ("debt", 0.8), ("subsidy", 0.0)],
        {"a#2"},
    )
    assert zero_last == (["a#2", "a#3"], ["b#2", "b#3"], -1)


def test_parts_that_moved_both_ways_or_not_at_all_give_no_direction() -> None:
    both_ways = moved(
        [("project_cost", 15e9), ("debt", 12e9), ("subsidy", 3e9)],
        [("project_cost", 25e9), ("debt", 20e9), ("subsidy", 5e9)],
        earlier={"a#2", "b#3"},
    )
    assert both_ways is None
    unordered = moved(
        [("project_cost", 15e9), ("debt", 12e9), ("subsidy", 3e9)],
        [("project_cost", 25e9), ("debt", 20e9), ("subsidy", 5e9)],
        earlier=set(),
    )
    assert unordered is None


def test_a_pair_of_metrics_the_other_page_lacks_does_not_end_the_search() -> None:
    # page a adds debt + subsidy and equity + subsidy; page b only equity + subsidy
    found = moved(
        [("project_cost", 15e9), ("debt", 12e9), ("equity", 12e9), ("subsidy", 3e9)],
        [("project_cost", 25e9), ("equity", 20e9), ("subsidy", 5e9)],
        earlier={"a#3", "a#4"},
    )
    assert found == (["a#3", "a#4"], ["b#2", "b#3"], -1)


# --- what a reader sees -------------------------------------------------------------------


def test_an_update_of_totals_names_each_pages_parts_largest_first() -> None:
    # the larger part's metric sorts first here ("debt_financing" before "subsidy")
    plant = {"subject": "Acme", "scope": "Lyon plant"}
    debt, grant, cost = (
        {"metric": "debt_financing", **plant},
        {"metric": "subsidy", **plant},
        {"metric": "project_cost", **plant},
    )
    found = sources(
        ("a", None, [claim("a", 1, 15e9, "EUR", **cost), claim("a", 2, 12e9, "EUR", **debt),
                     claim("a", 3, 3e9, "EUR", **grant)]),
        ("b", None, [claim("b", 1, 25e9, "EUR", **cost), claim("b", 2, 20e9, "EUR", **debt),
                     claim("b", 3, 5e9, "EUR", **grant)]),
        *((s, "2022-03-15", [claim(s, 1, 12e9, "EUR", **debt)]) for s in "cd"),
        *((s, "2023-06-20", [claim(s, 1, 20e9, "EUR", **debt)]) for s in "ef"),
    )  # fmt: skip
    (costs,) = [d for d in found.disagreements if d.metric == "project_cost"]
    assert costs.kind is DisagreementKind.UPDATE, costs.explanation
    texts = " ".join(v.explanation or "" for v in costs.values)
    assert "€12 billion + €3 billion" in texts and "€20 billion + €5 billion" in texts


def test_a_total_whose_part_is_a_range_is_no_update() -> None:
    plant = {"subject": "Acme", "scope": "Lyon plant"}
    invest, grant, cost = (
        {"metric": "total_investment", **plant},
        {"metric": "subsidy", **plant},
        {"metric": "project_cost", **plant},
    )
    found = sources(
        ("a", None, [claim("a", 1, 15e9, "EUR", **cost), claim("a", 2, 12e9, "EUR", **invest),
                     claim("a", 3, 3e9, "EUR", value_max=4e9, **grant)]),
        ("b", None, [claim("b", 1, 25e9, "EUR", **cost), claim("b", 2, 20e9, "EUR", **invest),
                     claim("b", 3, 5e9, "EUR", **grant)]),
        *((s, "2022-03-15", [claim(s, 1, 12e9, "EUR", **invest)]) for s in "cd"),
        *((s, "2023-06-20", [claim(s, 1, 20e9, "EUR", **invest)]) for s in "ef"),
    )  # fmt: skip
    (costs,) = [d for d in found.disagreements if d.metric == "project_cost"]
    assert costs.kind is DisagreementKind.CONFLICT, "€3-4 billion adds up to no one total"

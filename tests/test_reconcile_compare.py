"""Which figures the reconciler compares, and the order a reader meets its findings in.

Pinned case by case so that a mutation run of compare.py (docs/testing.md) fails on each
change that matters: a part's scope kept or cleared, the most severe finding first, the
prose listing every value or counting the rest.
"""

from __future__ import annotations

from datetime import date

import pytest
from test_reconciliation import article, claim

from stargate_digest.models import (
    ArticleClaims,
    Claim,
    Disagreement,
    DisagreementKind,
    Severity,
)
from stargate_digest.reconciliation import Reconciliation, reconcile
from stargate_digest.topic import ScopeSpec, TopicProfile, load_topic

CONFLICT, SCOPE = DisagreementKind.CONFLICT, DisagreementKind.SCOPE
UPDATE, ROUNDING = DisagreementKind.UPDATE, DisagreementKind.ROUNDING


def one_each(*claims: Claim, topic: TopicProfile | None = None) -> Reconciliation:
    """Each claim from its own undated source (its source id)."""
    results = [
        ArticleClaims(article=article(c.source_id), claims=[c], backend="test") for c in claims
    ]
    return reconcile(results, topic=topic, today=date(2026, 11, 22))


def with_part(kind: str) -> TopicProfile:
    return load_topic().model_copy(update={"scopes": {"Part X": ScopeSpec(kind=kind)}})


FIGURES = {  # dimension: (unit, metric, the whole's value, a part's value far larger)
    "money": ("USD", "total_investment", 500e9, 4e12),
    "count": ("count", "jobs", 1_000.0, 5_000.0),
    "power": ("GW", "power_capacity", 1.0, 5.0),
    "area": ("acre", "site_area", 100.0, 900.0),
}


@pytest.mark.parametrize("kind", ["site", "country", "phase", "partner", "component"])
@pytest.mark.parametrize("dimension", sorted(FIGURES))
def test_a_part_larger_than_its_whole_is_compared_as_the_whole(kind: str, dimension: str) -> None:
    unit, metric, whole, part = FIGURES[dimension]
    found = one_each(
        claim("a", 1, whole, unit, metric=metric),
        claim("b", 1, whole, unit, metric=metric),
        claim("c", 1, part, unit, metric=metric, scope="Part X"),
        topic=with_part(kind),
    )
    assert {c.id: c.scope for c in found.claims}["c#1"] is None, "a part cannot exceed its whole"
    assert [d.kind for d in found.disagreements] == [CONFLICT]
    assert [v.value for v in found.disagreements[0].values] == [whole, part]


@pytest.mark.parametrize(
    ("kind", "unit", "metric", "whole", "part"),
    [
        ("other", "USD", "total_investment", 500e9, 4e12),  # not a part of the subject
        ("period", "count", "jobs", 1_000.0, 5_000.0),
        ("site", "percent", "equity_stake", 40.0, 60.0),  # shares do not add up to a whole
        ("site", "years", "timeline", 4.0, 10.0),
        ("site", "date", "target_date", "2026", "2027"),
    ],
)
def test_a_figure_that_is_no_additive_part_keeps_its_scope(
    kind: str, unit: str, metric: str, whole: float | str, part: float | str
) -> None:
    found = one_each(
        claim("a", 1, whole, unit, metric=metric),
        claim("b", 1, whole, unit, metric=metric),
        claim("c", 1, part, unit, metric=metric, scope="Part X"),
        topic=with_part(kind),
    )
    assert {c.id: c.scope for c in found.claims}["c#1"] == "Part X"
    assert [(d.kind, d.severity) for d in found.disagreements] == [(SCOPE, Severity.LOW)]


@pytest.mark.parametrize(("part", "cleared"), [(1_090.0, False), (1_110.0, True)])
def test_a_part_is_taken_for_the_whole_only_past_ten_percent_above_it(
    part: float, cleared: bool
) -> None:
    found = one_each(
        claim("a", 1, 1_000.0, "count", metric="jobs"),
        claim("b", 1, 1_000.0, "count", metric="jobs"),
        claim("c", 1, part, "count", metric="jobs", scope="Part X"),
        topic=with_part("site"),
    )
    assert ({c.id: c.scope for c in found.claims}["c#1"] is None) is cleared
    assert [d.kind for d in found.disagreements] == [CONFLICT if cleared else SCOPE]


def test_the_most_severe_finding_comes_first_then_conflicts_before_context() -> None:
    dates = {"metric": "announcement_date"}
    power = {"metric": "power_capacity"}
    found = one_each(
        # rounding (low): 1.2 GW and 1.23 GW
        claim("a", 1, 1.2, "GW", **power),
        claim("b", 1, 1.23, "GW", **power),
        # conflict (low): a day apart
        claim("c", 1, "2025-01-22", "date", **dates),
        claim("d", 1, "2025-01-23", "date", **dates),
        # conflict (medium): 1.3 times
        claim("e", 1, 5_000.0, "count", metric="jobs"),
        claim("f", 1, 6_500.0, "count", metric="jobs"),
        # update (low): the figure changed between two moments
        claim("j", 1, 100_000.0, "count", metric="gpu_count", as_of="2024-03"),
        claim("k", 1, 400_000.0, "count", metric="gpu_count", as_of="2025-09"),
        # conflict (high): ten times
        claim("g", 1, 500e9, "USD"),
        claim("h", 1, 500e9, "USD"),
        claim("i", 1, 50e9, "USD"),
    )
    order = [(d.metric, d.kind, d.severity) for d in found.disagreements]
    assert order == [
        ("total_investment", CONFLICT, Severity.HIGH),
        ("jobs", CONFLICT, Severity.MEDIUM),
        ("announcement_date", CONFLICT, Severity.LOW),
        ("gpu_count", UPDATE, Severity.LOW),
        ("power_capacity", ROUNDING, Severity.LOW),
    ]
    assert [d.id for d in found.disagreements] == ["d1", "d2", "d3", "d4", "d5"]


def test_a_breakdown_by_part_comes_after_a_conflict_and_before_a_rounding() -> None:
    power = {"metric": "power_capacity"}
    dates = {"metric": "announcement_date"}
    topic = load_topic().model_copy(update={"scopes": {"Part X": ScopeSpec(kind="other")}})
    found = one_each(
        claim("e", 1, "2025-01-22", "date", **dates),
        claim("f", 1, "2025-01-23", "date", **dates),
        claim("a", 1, 1.2, "GW", **power),
        claim("b", 1, 1.23, "GW", **power),
        claim("c", 1, 50.0, "count", metric="jobs"),
        claim("g", 1, 50.0, "count", metric="jobs"),  # more sources than the conflict
        claim("d", 1, 20.0, "count", metric="jobs", scope="Part X"),
        topic=topic,
    )
    assert [(d.kind, d.severity) for d in found.disagreements] == [
        (CONFLICT, Severity.LOW),
        (SCOPE, Severity.LOW),
        (ROUNDING, Severity.LOW),
    ]


def listed(found: Reconciliation) -> Disagreement:
    assert len(found.disagreements) == 1, [d.explanation for d in found.disagreements]
    return found.disagreements[0]


def test_four_values_are_each_named_in_the_prose() -> None:
    found = listed(
        one_each(
            claim("a", 1, 500e9, "USD"),
            claim("b", 1, 500e9, "USD"),
            claim("c", 1, 38e9, "USD"),
            claim("d", 1, 100e9, "USD"),
            claim("e", 1, 4e12, "USD"),
        )
    )
    assert found.explanation.startswith(
        "The sources disagree on Stargate's total investment: $500 billion (2 sources) vs "
    )
    for value in ("$38 billion (1 source)", "$100 billion (1 source)", "$4 trillion (1 source)"):
        assert value in found.explanation


def test_an_update_is_told_as_its_steps_with_nothing_else_added() -> None:
    found = listed(
        one_each(
            claim("j", 1, 100_000.0, "count", metric="gpu_count", as_of="2024-03"),
            claim("k", 1, 400_000.0, "count", metric="gpu_count", as_of="2025-09"),
        )
    )
    assert (found.kind, found.severity) == (UPDATE, Severity.LOW)
    assert found.explanation == (
        "Stargate's gpu count changed over time: "
        "100,000 GPUs (March 2024) -> 400,000 GPUs (September 2025)."
    )


def test_five_values_with_no_majority_say_so() -> None:
    # $100 billion and $400 billion have two sources each: neither is "most sources"
    found = listed(
        one_each(
            *(claim(s, 1, 100e9, "USD") for s in "ab"),
            *(claim(s, 1, 400e9, "USD") for s in "cd"),
            claim("e", 1, 1.6e12, "USD"),
            claim("f", 1, 6.4e12, "USD"),
            claim("g", 1, 25.6e12, "USD"),
        )
    )
    assert found.explanation.startswith(
        "The sources give 5 different values for Stargate's total investment, none stated "
        "by more sources than $100 billion (2 sources). "
    )


def test_a_scope_is_shown_by_its_profile_name_not_the_alias_a_source_used() -> None:
    found = one_each(
        *(claim(s, 1, 100e9, "USD", scope="Abilene, Texas") for s in "ab"),
        claim("c", 1, 300e9, "USD", scope="Abilene"),
    )
    (figure,) = found.key_figures
    assert (figure.scope, figure.value) == ("Abilene campus", 100e9)
    conflict = listed(found)
    assert [v.scope for v in conflict.values] == ["Abilene campus", "Abilene campus"]


def test_of_equally_severe_conflicts_the_one_more_sources_state_comes_first() -> None:
    found = one_each(
        claim("a", 1, 500e9, "USD", subject="Alpha"),
        claim("b", 1, 700e9, "USD", subject="Alpha"),
        *(claim(s, 1, 500e9, "USD", subject="Zeta") for s in "cd"),
        claim("e", 1, 700e9, "USD", subject="Zeta"),
    )
    assert [(d.subject, d.severity) for d in found.disagreements] == [
        ("Zeta", Severity.MEDIUM),
        ("Alpha", Severity.MEDIUM),
    ]


def test_of_equal_conflicts_the_whole_comes_before_a_part() -> None:
    found = one_each(
        claim("a", 1, 500e9, "USD"),
        claim("b", 1, 700e9, "USD"),
        claim("c", 1, 50e9, "USD", scope="Abilene"),
        claim("d", 1, 70e9, "USD", scope="Abilene"),
    )
    conflicts = [d.scope for d in found.disagreements if d.kind is CONFLICT]
    assert conflicts == [None, "Abilene campus"]


def test_find_disagreements_names_a_scope_as_the_profile_does() -> None:
    # called on its own (reconcile() names scopes first), it names them itself
    from stargate_digest.reconciliation.compare import find_disagreements

    jobs = {"metric": "jobs"}
    claims = [
        *(claim(s, 1, 100.0, "count", scope="Abilene, Texas", **jobs) for s in "ab"),
        claim("c", 1, 300.0, "count", scope="Abilene", **jobs),
    ]
    found, figures = find_disagreements(claims, topic=load_topic())
    assert [f.scope for f in figures] == ["Abilene campus"]
    assert [[v.scope for v in d.values] for d in found] == [["Abilene campus"] * 2]


BREAKDOWN = [
    *(claim(s, 1, 500e9, "USD") for s in "ab"),
    claim("c", 1, 40e9, "USD", scope="Abilene"),
    *(claim(s, 1, 30e9, "USD", scope="Shackelford County") for s in "de"),
    claim("f", 1, 20e9, "USD", scope="Doña Ana County"),
    claim("g", 1, 10e9, "USD", scope="Milam County"),
]


@pytest.mark.parametrize(
    ("parts", "rest"),
    [(3, "."), (4, " and 1 more parts.")],
)
def test_a_breakdown_lists_the_whole_then_the_parts_most_sources_give(
    parts: int, rest: str
) -> None:
    found = listed(one_each(*BREAKDOWN[: 3 + parts]))
    assert found.kind is SCOPE
    assert found.explanation == (
        "Stargate's total investment is given for different parts, not as competing values: "
        "$500 billion for the whole, $30 billion for Shackelford County, $40 billion for "
        "Abilene campus, $20 billion for Doña Ana County" + rest
    )
    assert [v.scope for v in found.values][:4] == [
        None,
        "Shackelford County",
        "Abilene campus",
        "Doña Ana County",
    ]


def test_a_breakdown_tells_apart_parts_below_one() -> None:
    stake = {"metric": "stake"}
    found = listed(
        one_each(
            claim("a", 1, 0.3, "percent", **stake),
            claim("b", 1, 0.4, "percent", scope="Abilene", **stake),
        )
    )
    assert found.explanation.endswith(": 0.3 % for the whole, 0.4 % for Abilene campus.")


def test_ranges_from_one_value_for_the_whole_and_a_part_are_no_breakdown() -> None:
    # a breakdown compares where the parts' values start: both start at $10 billion
    found = one_each(
        claim("a", 1, 10e9, "USD", value_max=20e9),
        claim("b", 1, 10e9, "USD", value_max=30e9, scope="Abilene"),
    )
    assert found.disagreements == []


@pytest.mark.parametrize(("low", "kept"), [(100e9, True), (170e9, False)])
def test_a_part_given_as_a_range_is_the_whole_only_when_its_low_end_exceeds_it(
    low: float, kept: bool
) -> None:
    # the whole is $150 billion: $100-200 billion may be a part of it, $170-200 billion not
    found = one_each(
        claim("a", 1, 150e9, "USD"),
        claim("b", 1, 150e9, "USD"),
        claim("c", 1, low, "USD", value_max=200e9, scope="Part X"),
        topic=with_part("site"),
    )
    scope = {c.id: c.scope for c in found.claims}["c#1"]
    assert (scope == "Part X") is kept


def test_a_breakdown_names_the_whole_first_even_when_a_part_has_more_sources() -> None:
    found = listed(
        one_each(
            claim("a", 1, 500e9, "USD"),
            *(claim(s, 1, 40e9, "USD", scope="Abilene") for s in "bc"),
        )
    )
    assert found.explanation.endswith(
        ": $500 billion for the whole, $40 billion for Abilene campus."
    )


def test_a_high_conflict_comes_before_a_medium_one_that_more_sources_state() -> None:
    found = one_each(
        claim("a", 1, 500e9, "USD", subject="Alpha"),
        claim("b", 1, 6e12, "USD", subject="Alpha"),  # 12 times: high
        *(claim(s, 1, 500e9, "USD", subject="Beta") for s in "cde"),
        *(claim(s, 1, 700e9, "USD", subject="Beta") for s in "fg"),  # 1.4 times: medium
    )
    assert [(d.subject, d.severity) for d in found.disagreements] == [
        ("Alpha", Severity.HIGH),
        ("Beta", Severity.MEDIUM),
    ]


def test_a_breakdown_comes_before_a_rounding_that_more_sources_state() -> None:
    loss = {"subject": "Nvidia", "metric": "valuation"}
    found = one_each(
        *(claim(s, 1, 600e9, "USD", **loss) for s in "abcdefg"),
        claim("h", 1, 575.3e9, "USD", **loss),
        claim("i", 1, 500e9, "USD", subject="Zeta"),
        claim("j", 1, 50e9, "USD", subject="Zeta", scope="Abilene"),
    )
    assert [d.kind for d in found.disagreements] == [SCOPE, ROUNDING]

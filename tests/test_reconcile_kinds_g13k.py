"""Kinds of difference (issue 11, fifth turn): general rules of reconciliation.

Invented coverage only (no corpus text): each test builds the few claims a rule is about.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from test_reconciliation import article, claim

from stargate_digest.models import Article, ArticleClaims, Claim, DisagreementKind
from stargate_digest.reconciliation import Reconciliation, reconcile
from stargate_digest.topic import ScopeSpec, load_topic


def run(*pages: tuple[str, list[Claim]]) -> Reconciliation:
    """Undated pages, the default profile."""
    results = [
        ArticleClaims(article=article(source), claims=claims, backend="t")
        for source, claims in pages
    ]
    return reconcile(results, topic=load_topic(), today=date(2026, 11, 22))


def kinds(found: Reconciliation) -> list[DisagreementKind]:
    return sorted(d.kind for d in found.disagreements)


# --- a bound and a value outside it --------------------------------------------------------


def test_a_value_below_a_lower_bound_is_no_rounding_of_it() -> None:
    # "more than $33 billion" on one page, $32 billion on another: the bound says the
    # figure is above 33, so the two are not one figure rounded but a contradiction
    found = run(
        ("a", [claim("a", 1, 33e9, "USD", qualifier="at_least")]),
        ("b", [claim("b", 1, 32e9, "USD")]),
    )
    assert kinds(found) == [DisagreementKind.CONFLICT]


def test_a_value_above_an_upper_bound_is_no_rounding_of_it() -> None:
    found = run(
        ("a", [claim("a", 1, 32e9, "USD", qualifier="up_to")]),
        ("b", [claim("b", 1, 33e9, "USD")]),
    )
    assert kinds(found) == [DisagreementKind.CONFLICT]


def test_a_value_on_the_side_of_its_bound_still_agrees_with_it() -> None:
    # "more than $32 billion" and $33 billion: one figure, no conflict
    found = run(
        ("a", [claim("a", 1, 32e9, "USD", qualifier="at_least")]),
        ("b", [claim("b", 1, 33e9, "USD")]),
    )
    assert DisagreementKind.CONFLICT not in kinds(found)


def test_about_a_figure_still_joins_a_value_a_little_below_it() -> None:
    # "about $33 billion" stands for values on both sides
    found = run(
        ("a", [claim("a", 1, 33e9, "USD", qualifier="approx")]),
        ("b", [claim("b", 1, 32e9, "USD")]),
    )
    assert DisagreementKind.CONFLICT not in kinds(found)


# --- a page that gives a whole and the part it adds ------------------------------------------


def with_part(*pages: tuple[str, list[Claim]]) -> Reconciliation:
    """Undated pages; "Part X" is a site of the subject."""
    topic = load_topic().model_copy(update={"scopes": {"Part X": ScopeSpec(kind="site")}})
    results = [
        ArticleClaims(article=article(source), claims=claims, backend="t")
        for source, claims in pages
    ]
    return reconcile(results, topic=topic, today=date(2026, 11, 22))


def grown(part_quote: str) -> Reconciliation:
    # two pages give the whole as $3 billion; a third gives $10 billion and, for a part,
    # $7 billion (quoted as ``part_quote``)
    return with_part(
        ("a", [
            claim("a", 1, 10e9, "USD", quote="$10 billion in all"),
            claim("a", 2, 7e9, "USD", scope="Part X", quote=part_quote),
        ]),
        ("b", [claim("b", 1, 3e9, "USD")]),
        ("c", [claim("c", 1, 3e9, "USD")]),
    )  # fmt: skip


def test_a_part_its_own_page_places_inside_its_whole_keeps_its_scope() -> None:
    # $7 billion for Part X is more than the $3 billion other pages give the whole, but
    # its own page gives the whole as $10 billion: a part of that, not a whole mislabelled
    found = grown("$7 billion of additional spending at the site")
    (breakdown,) = [d for d in found.disagreements if d.kind is DisagreementKind.SCOPE]
    assert [(v.value, v.scope) for v in breakdown.values][1] == (7e9, "Part X")
    assert all(
        7e9 not in [v.value for v in d.values] for d in found.disagreements if d is not breakdown
    )


def test_a_breakdown_shows_the_whole_its_parts_page_gives() -> None:
    # the parts' page gives $10 billion for the whole; the other pages' $3 billion is none
    # of its figures: the part is a share of $10 billion
    found = grown("$7 billion of additional spending at the site")
    (breakdown,) = [d for d in found.disagreements if d.kind is DisagreementKind.SCOPE]
    assert [v.value for v in breakdown.values] == [10e9, 7e9]


def test_a_whole_that_is_another_whole_and_an_added_part_is_an_update() -> None:
    # $10 billion = the $3 billion other pages give + the $7 billion its page adds
    found = grown("$7 billion of additional spending at the site")
    (change,) = [
        d for d in found.disagreements if d.scope is None and d.kind is not DisagreementKind.SCOPE
    ]
    assert change.kind is DisagreementKind.UPDATE
    assert "grew" in (change.values[1].explanation or "")


def test_a_part_not_written_as_added_is_no_growth() -> None:
    # "$7 billion at the site": the other pages may simply leave the site out
    found = grown("$7 billion at the site")
    assert all(
        d.kind is not DisagreementKind.UPDATE for d in found.disagreements if d.scope is None
    )


def test_an_added_part_written_in_chinese_counts_too() -> None:
    found = grown("新增70亿美元")
    assert any(d.kind is DisagreementKind.UPDATE for d in found.disagreements)


# --- a cost given as the money raised for it -------------------------------------------------


def test_a_cost_equal_to_the_financing_raised_is_a_part_of_it() -> None:
    # two pages give the project's cost as $10 billion; a third gives "$26 billion", the
    # loan a fourth page says was raised for it: the money raised, not the whole cost
    found = run(
        ("a", [claim("a", 1, 10e9, "USD")]),
        ("b", [claim("b", 1, 10e9, "USD")]),
        ("c", [claim("c", 1, 26e9, "USD")]),
        ("d", [claim("d", 1, 26e9, "USD", metric="debt_financing")]),
    )
    (finding,) = [d for d in found.disagreements if d.metric == "total_investment"]
    assert finding.kind is DisagreementKind.SCOPE
    assert "debt financing" in (finding.values[1].explanation or "")


def test_a_cost_equal_to_another_measure_is_no_financing() -> None:
    found = run(
        ("a", [claim("a", 1, 10e9, "USD")]),
        ("b", [claim("b", 1, 10e9, "USD")]),
        ("c", [claim("c", 1, 26e9, "USD")]),
        ("d", [claim("d", 1, 26e9, "USD", metric="subsidy")]),
    )
    (finding,) = [d for d in found.disagreements if d.metric == "total_investment"]
    assert finding.kind is DisagreementKind.CONFLICT


# --- a page's date counts once ---------------------------------------------------------------


def dated(source: str, day: date) -> Article:
    return article(source, datetime(day.year, day.month, day.day, tzinfo=UTC))


@pytest.mark.parametrize("recalls", [True, False])
def test_a_page_that_writes_its_figure_twice_is_one_witness_of_its_moment(recalls: bool) -> None:
    # $10 billion in December 2024 (page a) and on August 25 (page b, written twice, with
    # its conversion); page c, three days later, gives $50 billion (and, or not, recalls
    # $10 billion). Counted per claim, b's two claims made August the moment of $10
    # billion, three days from $50 billion: no order. Per page, $10 billion held from
    # December: an update.
    recalled = [
        claim("c", 2, 10e9, "USD", qualifier="at_least", quote="more than $10 billion",
              start=400, end=421)
    ] if recalls else []  # fmt: skip
    pages = [
        (dated("a", date(2024, 12, 4)), [claim("a", 1, 10e9, "USD")]),
        (dated("b", date(2025, 8, 25)), [claim("b", 1, 10e9, "USD"), claim("b", 2, 10e9, "USD")]),
        (dated("c", date(2025, 8, 28)), [claim("c", 1, 50e9, "USD", quote="$50"), *recalled]),
    ]  # fmt: skip
    results = [ArticleClaims(article=a, claims=cs, backend="t") for a, cs in pages]
    found = reconcile(results, topic=load_topic(), today=date(2026, 11, 22))
    assert [d.kind for d in found.disagreements] == [DisagreementKind.UPDATE]


# --- a page's figure of another measure, given under this one ------------------------------


def measure_pages(subsidy: float) -> Reconciliation:
    # $17 billion of investment in 2021 (two pages); in 2025 one page gives "$4.8 billion"
    # of investment and, on the same page, up to ``subsidy`` of subsidy
    pages = [
        (dated("a", date(2021, 11, 24)), [claim("a", 1, 17e9, "USD")]),
        (dated("b", date(2021, 11, 25)), [claim("b", 1, 17e9, "USD")]),
        (dated("c", date(2025, 9, 19)), [
            claim("c", 1, 4.8e9, "USD"),
            claim("c", 2, subsidy, "USD", metric="subsidy", qualifier="up_to"),
        ]),
    ]  # fmt: skip
    results = [ArticleClaims(article=a, claims=cs, backend="t") for a, cs in pages]
    return reconcile(results, topic=load_topic(), today=date(2026, 11, 22))


def test_a_value_its_page_gives_for_another_measure_is_no_later_figure() -> None:
    found = measure_pages(4.85e9)
    (finding,) = [d for d in found.disagreements if d.metric == "total_investment"]
    assert finding.kind is DisagreementKind.CONFLICT
    assert (
        finding.likely_error is not None and "of subsidy its source gives" in finding.likely_error
    )


def test_a_value_apart_from_its_pages_other_measures_stays_a_later_figure() -> None:
    found = measure_pages(6.4e9)
    (finding,) = [d for d in found.disagreements if d.metric == "total_investment"]
    assert finding.kind is DisagreementKind.UPDATE


# --- each step of an update dated by its own pages -----------------------------------------


def test_a_step_is_dated_by_the_pages_that_give_only_it() -> None:
    # $10 billion in December 2024 (a) and August 25 (b); page c of August 28 gives $50
    # billion and recalls $10 billion: c's date is $50 billion's, not also $10 billion's.
    # Dated by all their pages, both steps read "Aug 2025"
    pages = [
        (dated("a", date(2024, 12, 4)), [claim("a", 1, 10e9, "USD")]),
        (dated("b", date(2025, 8, 25)), [claim("b", 1, 10e9, "USD")]),
        (dated("c", date(2025, 8, 28)), [
            claim("c", 1, 50e9, "USD", quote="$50"),
            claim("c", 2, 10e9, "USD", quote="$10", start=400, end=403),
        ]),
    ]  # fmt: skip
    results = [ArticleClaims(article=a, claims=cs, backend="t") for a, cs in pages]
    found = reconcile(results, topic=load_topic(), today=date(2026, 11, 22))
    (update,) = found.disagreements
    assert "$10 billion (Dec 2024) -> $50 billion (Aug 2025)" in update.explanation

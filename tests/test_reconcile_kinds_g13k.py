"""Kinds of difference (issue 11, fifth turn): general rules of reconciliation.

Invented coverage only (no corpus text): each test builds the few claims a rule is about.
"""

from __future__ import annotations

from datetime import date

from test_reconciliation import article, claim

from stargate_digest.models import ArticleClaims, Claim, DisagreementKind
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

"""Kinds of difference (issue 11, fifth turn): general rules of reconciliation.

Invented coverage only (no corpus text): each test builds the few claims a rule is about.
"""

from __future__ import annotations

from datetime import date

from test_reconciliation import article, claim

from stargate_digest.models import ArticleClaims, Claim, DisagreementKind
from stargate_digest.reconciliation import Reconciliation, reconcile
from stargate_digest.topic import load_topic


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

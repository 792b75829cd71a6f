"""Kinds of difference (issue 11, fourth turn): general rules of reconciliation.

Invented coverage only (no corpus text): each test builds the few claims a rule is about.
"""

from __future__ import annotations

from datetime import date

from test_reconciliation import article, claim

from stargate_digest.models import ArticleClaims, Claim, DisagreementKind, KeyFigure
from stargate_digest.reconciliation import Reconciliation, reconcile
from stargate_digest.topic import ScopeSpec, load_topic


def run(*pages: tuple[str, list[Claim]]) -> Reconciliation:
    """Undated pages; "Part X" is a site of the subject."""
    topic = load_topic().model_copy(update={"scopes": {"Part X": ScopeSpec(kind="site")}})
    results = [
        ArticleClaims(article=article(source), claims=claims, backend="t")
        for source, claims in pages
    ]
    return reconcile(results, topic=topic, today=date(2026, 11, 22))


def quoted(source: str, n: int, value: float, text: str, start: int, **extra: object) -> Claim:
    """A claim whose quote sits at ``start`` in its page (for statements the quotes share)."""
    return claim(source, n, value, "USD", quote=text, start=start, end=start + len(text), **extra)


def key_figure(found: Reconciliation, scope: str | None) -> KeyFigure:
    (figure,) = [
        f for f in found.key_figures if f.metric == "total_investment" and f.scope == scope
    ]
    return figure


# --- a change one page states, beside another part's figure ------------------------------


def test_a_change_one_page_states_is_an_update_even_when_a_value_equals_another_part() -> None:
    # "raised the site's budget from $12 billion to $17 billion": the page reports the
    # change itself, although $17 billion is also the figure another page gives the whole
    found = run(
        ("a", [
            quoted("a", 1, 12e9, "$12 billion", 40, scope="Part X"),
            quoted("a", 2, 17e9, "$17 billion", 55, scope="Part X"),
        ]),
        ("b", [claim("b", 1, 17e9, "USD")]),
    )  # fmt: skip
    (update,) = [d for d in found.disagreements if d.scope == "Part X"]
    assert update.kind is DisagreementKind.UPDATE
    assert [v.value for v in update.values] == [12e9, 17e9]


def test_two_values_one_page_gives_apart_still_read_as_another_parts_figure() -> None:
    # the same two values written far apart on the page: no stated change, and the value
    # equal to the whole's figure is explained by that figure, not as an update
    found = run(
        ("a", [
            quoted("a", 1, 12e9, "$12 billion", 40, scope="Part X"),
            quoted("a", 2, 17e9, "$17 billion", 400, scope="Part X"),
        ]),
        ("b", [claim("b", 1, 17e9, "USD")]),
    )  # fmt: skip
    (outlier,) = key_figure(found, "Part X").outliers
    assert outlier.value == 17e9
    assert outlier.explanation is not None
    assert "the figure given for the whole of Stargate" in outlier.explanation

"""One figure in one currency across years of exchange rates (issue 11, seventh turn).

Invented coverage only (no corpus text): each test builds the few claims a rule is about.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from test_reconciliation import article, claim

from stargate_digest.models import ArticleClaims, Claim, Disagreement, DisagreementKind, Qualifier
from stargate_digest.reconciliation import Reconciliation, reconcile
from stargate_digest.reconciliation.clusters import cluster_numbers
from stargate_digest.reconciliation.money import one_rate
from stargate_digest.topic import load_topic


def on(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 12, tzinfo=UTC)


def run(*pages: tuple[str, date | None, list[Claim]]) -> Reconciliation:
    """Pages with their publication days, the default profile."""
    results = [
        ArticleClaims(article=article(source, on(day) if day else None), claims=claims, backend="t")
        for source, day, claims in pages
    ]
    return reconcile(results, topic=load_topic(), today=date(2026, 11, 22))


def holding(found: Reconciliation, *values: float) -> list[Disagreement]:
    """The findings that list every one of ``values``."""
    return [
        d
        for d in found.disagreements
        if all(any(v.value == value for v in d.values) for value in values)
    ]


EARLY, LATE = date(2022, 9, 6), date(2025, 9, 8)  # about 1.00 and 1.17 dollars per euro


# --- one_rate ------------------------------------------------------------------------------


def test_one_figure_in_euros_years_apart_is_one_value() -> None:
    # €7.3 billion in 2022 and in 2025 is the same figure, though the dollar moved 17 %;
    # €7.6 billion on a third page is another figure
    found = run(
        ("a", EARLY, [claim("a", 1, 7.3e9, "EUR")]),
        ("b", EARLY, [claim("b", 1, 7.3e9, "EUR")]),
        ("c", LATE, [claim("c", 1, 7.3e9, "EUR")]),
        ("d", LATE, [claim("d", 1, 7.6e9, "EUR")]),
    )
    differ = holding(found, 7.3e9, 7.6e9)
    assert [d.kind for d in differ] == [DisagreementKind.CONFLICT]
    assert differ[0].values[0].source_ids == ["a", "b", "c"]
    # the same figure on pages of two years is no update
    assert not any(d.kind is DisagreementKind.UPDATE for d in found.disagreements)


def test_the_group_s_main_currency_takes_the_middle_of_its_own_rates() -> None:
    claims = [
        claim("a", 1, 10.0, "EUR", value_usd=10.0),
        claim("b", 1, 10.0, "EUR", value_usd=11.0),
        claim("c", 1, 10.0, "EUR", value_usd=12.0),
        claim("d", 1, 12.0, "USD", value_usd=12.0),
    ]
    assert [c.value_usd for c in one_rate(claims)] == [11.0, 11.0, 11.0, 12.0]


def test_a_group_mostly_in_dollars_keeps_each_day_s_rate() -> None:
    claims = [
        claim("a", 1, 10.0, "USD", value_usd=10.0),
        claim("b", 1, 10.0, "EUR", value_usd=11.0),
        claim("c", 1, 10.0, "EUR", value_usd=12.0),
        claim("d", 1, 10.0, "USD", value_usd=10.0),
    ]
    # two sources each: the dollar wins the tie, and nothing is rewritten
    assert one_rate(claims) == claims


# --- an exact figure joins the exact figure of its own unit ---------------------------------


def test_an_exact_figure_joins_its_own_unit_s_figure_past_a_conversion_below() -> None:
    # "about $100" (a page's conversion), €109 and €110 on the common scale 100, 109.5
    # and 110.5: €110 is within 2 % of €109, though 10.5 % above the cluster's low end
    claims = [
        claim("a", 1, 100.0, "USD", value_usd=100.0, qualifier=Qualifier.APPROX),
        claim("b", 1, 109.0, "EUR", value_usd=109.5),
        claim("c", 1, 110.0, "EUR", value_usd=110.5),
    ]
    assert [len(c.claims) for c in cluster_numbers(claims)] == [3]


# --- a value in the consensus's own currency is no conversion of another value -------------


def test_a_value_in_the_consensus_currency_is_no_conversion_of_the_consensus_s_own() -> None:
    # most pages give €47 billion, two give $50 billion (€47 billion converted at the
    # day's rate, 1.04 dollars per euro), one page €50.3 billion: near $50 billion
    # converted back, but $50 billion is already €47 billion's conversion, and a page
    # writing euros like most contradicts €47 billion
    day = date(2025, 1, 23)
    found = run(
        *((s, day, [claim(s, 1, 47e9, "EUR")]) for s in "abc"),
        *((s, day, [claim(s, 1, 50e9, "USD")]) for s in "de"),
        ("f", day, [claim("f", 1, 50.3e9, "EUR")]),
    )
    assert [d.kind for d in holding(found, 47e9, 50.3e9)] == [DisagreementKind.CONFLICT]
    assert not holding(found, 50e9, 50.3e9)


def test_a_value_beside_a_value_no_conversion_of_the_consensus_may_be_its_conversion() -> None:
    # $5.3 billion is no conversion of the consensus €7.5 billion: €5 billion on another
    # page is read as that figure converted (a rounding), not as a rival of €7.5 billion
    day = date(2023, 6, 20)  # 0.915 euros per dollar: $5.3 billion is €4.85 billion
    found = run(
        *((s, day, [claim(s, 1, 7.5e9, "EUR")]) for s in "abc"),
        *((s, day, [claim(s, 1, 5.3e9, "USD")]) for s in "de"),
        ("f", day, [claim("f", 1, 5e9, "EUR")]),
    )
    assert [d.kind for d in holding(found, 5.3e9, 5e9)] == [DisagreementKind.ROUNDING]


# --- a conversion made on any of its pages' days -------------------------------------------


def test_a_conversion_is_read_at_the_day_of_any_page_that_gives_it() -> None:
    # €7.3 billion in 2022 on three pages; "$8.55 billion" on an undated page and on a
    # page of September 2025, when €7.3 billion was $8.55 billion: a conversion
    found = run(
        ("a", None, [claim("a", 1, 8.55e9, "USD")]),
        ("b", LATE, [claim("b", 1, 8.55e9, "USD")]),
        ("c", EARLY, [claim("c", 1, 7.3e9, "EUR")]),
        ("d", EARLY, [claim("d", 1, 7.3e9, "EUR")]),
        ("e", EARLY, [claim("e", 1, 7.3e9, "EUR")]),
    )
    differ = holding(found, 7.3e9, 8.55e9)
    assert [d.kind for d in differ] == [DisagreementKind.ROUNDING]
    assert "2025-09-08" in str(differ[0].values[1].explanation)


# --- two pages' conversions of one figure on different days are no rivals ---------------


def test_two_conversions_of_one_figure_on_different_days_are_no_conflict() -> None:
    # €10 billion everywhere; a page of 2022 adds "($9.95 billion)", two pages of 2025
    # add "($11.7 billion)": two days' rates, not two readings of a dollar figure
    found = run(
        *((s, EARLY, [claim(s, 1, 10e9, "EUR")]) for s in "ab"),
        ("c", EARLY, [claim("c", 1, 10e9, "EUR"), claim("c", 2, 9.95e9, "USD")]),
        *((s, LATE, [claim(s, 1, 10e9, "EUR"), claim(s, 2, 11.7e9, "USD")]) for s in "de"),
    )
    assert not [d for d in found.disagreements if d.kind is DisagreementKind.CONFLICT]

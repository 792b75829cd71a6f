"""Kinds of difference over nine stories (issue 11, eighth turn): figures of one currency
compared as written.

Invented coverage only (no corpus text): each test builds the few claims a rule is about.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from test_reconciliation import article, claim

from stargate_digest.models import (
    Article,
    ArticleClaims,
    Claim,
    Disagreement,
    DisagreementKind,
    Qualifier,
)
from stargate_digest.reconciliation import Reconciliation, reconcile
from stargate_digest.reconciliation.clusters import cluster_numbers
from stargate_digest.topic import ScopeSpec, load_topic

ABOUT = Qualifier.APPROX


def run(*pages: tuple[Article, list[Claim]]) -> Reconciliation:
    results = [ArticleClaims(article=page, claims=claims, backend="t") for page, claims in pages]
    return reconcile(results, topic=load_topic(), today=date(2026, 11, 22))


def on(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 9, tzinfo=UTC)


def holding(found: Reconciliation, *values: float) -> list[Disagreement]:
    """The findings that list every one of ``values``, each as a value of its own."""
    return [
        d
        for d in found.disagreements
        if all(any(v.value == value for v in d.values) for value in values)
    ]


# --- figures of one currency, compared as written ------------------------------------------


def test_two_yen_figures_no_rounding_joins_are_two_figures_whatever_their_dollars() -> None:
    # 600 billion yen on a page of a year when the dollar bought 110 yen, "about 750 billion
    # yen" on a page converted at 150 yen: 5.45 and 5.0 billion dollars, one figure on the
    # common scale; in yen, two estimates
    claims = [
        claim("a", 1, 600e9, "JPY", value_usd=5.45e9),
        claim("b", 1, 750e9, "JPY", value_usd=5.0e9, qualifier=ABOUT),
    ]
    assert [[c.id for c in cluster.claims] for cluster in cluster_numbers(claims)] == [
        ["b#1"],
        ["a#1"],
    ]


def test_a_hedged_figure_of_another_currency_goes_with_the_nearer_of_the_two() -> None:
    claims = [
        claim("a", 1, 600e9, "JPY", value_usd=5.45e9),
        claim("b", 1, 750e9, "JPY", value_usd=5.0e9, qualifier=ABOUT),
        claim("c", 1, 5.4e9, "USD", value_usd=5.4e9, qualifier=ABOUT),
    ]
    assert [sorted(c.id for c in cluster.claims) for cluster in cluster_numbers(claims)] == [
        ["b#1"],
        ["a#1", "c#1"],
    ]


def test_yen_figures_one_rounding_joins_stay_one_figure_at_any_rates() -> None:
    # "about 1 trillion yen" and 1.05 trillion yen are one figure as written
    claims = [
        claim("a", 1, 1.05e12, "JPY", value_usd=7.0e9),
        claim("b", 1, 1e12, "JPY", value_usd=6.65e9, qualifier=ABOUT),
    ]
    assert [len(cluster.claims) for cluster in cluster_numbers(claims)] == [2]
    # and two exact figures one number rounds to ("¥29 billion" and "¥30 billion")
    exact = [
        claim("a", 1, 29e9, "JPY", value_usd=0.254e9),
        claim("b", 1, 30e9, "JPY", value_usd=0.25e9),
    ]
    assert [len(cluster.claims) for cluster in cluster_numbers(exact)] == [2]


def test_two_estimates_in_yen_years_apart_in_their_rates_are_two_values() -> None:
    # most pages give dollars; the undated yen page is converted at the story's middle
    # date (2024, about 150 yen to the dollar), the dated one at 2021's (about 114): on
    # the common scale the two yen figures meet, as written they are two
    found = run(
        (article("a", on(date(2021, 12, 15))), [claim("a", 1, 600e9, "JPY")]),
        (article("b"), [claim("b", 1, 750e9, "JPY", qualifier=ABOUT)]),
        (article("c", on(date(2024, 2, 20))), [claim("c", 1, 9e9, "USD")]),
        (article("d", on(date(2024, 3, 20))), [claim("d", 1, 9e9, "USD")]),
        (article("e"), [claim("e", 1, 9e9, "USD")]),
    )
    shown = {(v.value, v.unit) for d in found.disagreements for v in d.values}
    assert {(600e9, "JPY"), (750e9, "JPY")} <= shown
    # the dated one is read against the dollars in time, the undated one contradicts them
    (earlier,) = holding(found, 600e9)
    assert earlier.kind is DisagreementKind.UPDATE
    (rival,) = holding(found, 750e9)
    assert rival.kind is DisagreementKind.CONFLICT


@pytest.mark.parametrize(
    ("first", "second", "one"),
    [
        ((730e9, Qualifier.EXACT), (744e9, Qualifier.EXACT), True),  # within 2 %
        ((730e9, Qualifier.EXACT), (750e9, Qualifier.EXACT), False),  # no one number
        ((29e9, Qualifier.EXACT), (30e9, Qualifier.EXACT), True),  # one number rounds to both
        ((730e9, Qualifier.EXACT), (750e9, ABOUT), True),  # "about" reaches down
        ((730e9, Qualifier.AT_LEAST), (790e9, Qualifier.EXACT), True),  # a floor reaches up
        ((730e9, Qualifier.EXACT), (790e9, Qualifier.UP_TO), True),  # a ceiling over a value
        ((730e9, Qualifier.UP_TO), (790e9, Qualifier.UP_TO), False),  # two ceilings
        ((730e9, ABOUT), (810e9, ABOUT), False),  # past the hedge's 10 %
    ],
)
def test_figures_of_one_currency_are_one_figure_as_their_numbers_say(
    first: tuple[float, Qualifier], second: tuple[float, Qualifier], one: bool
) -> None:
    # the same dollars for both (rates that happen to meet): only the yen decide
    claims = [
        claim("a", 1, first[0], "JPY", value_usd=5e9, qualifier=first[1]),
        claim("b", 1, second[0], "JPY", value_usd=5e9, qualifier=second[1]),
    ]
    assert (len(cluster_numbers(claims)) == 1) is one


# --- a floor the consensus meets -------------------------------------------------------------


def floors(low: float, qualifier: Qualifier = Qualifier.AT_LEAST) -> Reconciliation:
    """$8.4 billion on three undated pages, ``low`` with ``qualifier`` on two."""
    metric = {"metric": "public_investment"}
    return run(
        *((article(s), [claim(s, 1, 8.4e9, "USD", **metric)]) for s in "abc"),
        *((article(s), [claim(s, 1, low, "USD", qualifier=qualifier, **metric)]) for s in "de"),
    )


def test_more_than_a_round_figure_beside_the_figure_is_the_figure_written_from_below() -> None:
    # "more than $7 billion" beside $8.4 billion: no one number rounds to both, but the
    # figure meets the floor, 1.2 times above it
    (found,) = holding(floors(7e9), 8.4e9, 7e9)
    assert found.kind is DisagreementKind.ROUNDING
    assert "given as a floor" in found.explanation


def test_a_floor_far_below_the_figure_or_a_ceiling_above_it_is_no_rounding() -> None:
    # past 1.25 times, "more than $6 billion" is no way of writing $8.4 billion
    (far,) = holding(floors(6e9), 8.4e9, 6e9)
    assert far.kind is DisagreementKind.CONFLICT
    (past,) = holding(floors(6.5e9), 8.4e9, 6.5e9)  # 1.29 times
    assert past.kind is DisagreementKind.CONFLICT
    # "more than $9 billion" is a floor $8.4 billion does not meet: a contradiction
    (unmet,) = holding(floors(9e9), 8.4e9, 9e9)
    assert unmet.kind is DisagreementKind.CONFLICT


def test_a_value_some_page_gives_exactly_is_no_floor() -> None:
    metric = {"metric": "public_investment"}
    found = run(
        *((article(s), [claim(s, 1, 8.4e9, "USD", **metric)]) for s in "abc"),
        (article("d"), [claim("d", 1, 7e9, "USD", qualifier=Qualifier.AT_LEAST, **metric)]),
        (article("e"), [claim("e", 1, 7e9, "USD", **metric)]),
    )
    (differ,) = holding(found, 8.4e9, 7e9)
    assert differ.kind is DisagreementKind.CONFLICT
    # "up to $10 billion" caps what was granted: $8.4 billion beside it is another figure
    (cap,) = holding(floors(10e9, Qualifier.UP_TO), 8.4e9, 10e9)
    assert cap.kind is not DisagreementKind.ROUNDING


# --- an open sign, read from the page's own equivalence ----------------------------------------


def yen_page(*claims: Claim) -> Reconciliation:
    """One page dated 2024-02-20 (about 150 yen to the dollar)."""
    return run((article("p", on(date(2024, 2, 20))), list(claims)))


def test_an_open_figure_is_read_from_the_equivalent_stated_after_it() -> None:
    # "¥600 billion ($4 billion)": the dollars fit 600 billion yen, not yuan
    found = yen_page(
        claim("p", 1, 600e9, "XXX", currency_candidates=["JPY", "CNY"]),
        claim("p", 2, 4e9, "USD", equivalent_of="p#1"),
    )
    read = {c.id: c for c in found.claims}["p#1"]
    assert read.unit == "JPY"
    assert "read as JPY" in (read.currency_resolution or "")
    (check,) = found.consistency_checks
    assert check.status == "consistent"


def test_the_page_s_other_figures_of_the_same_sign_are_read_alike() -> None:
    found = yen_page(
        claim("p", 1, 600e9, "XXX", currency_candidates=["JPY", "CNY"]),
        claim("p", 2, 4e9, "USD", equivalent_of="p#1"),
        claim("p", 3, 3e12, "XXX", currency_candidates=["JPY", "CNY"], metric="jobs"),
        # no sign at all: nothing on the page says which currency it is
        claim("p", 4, 5e9, "XXX", metric="public_investment"),
    )
    by_id = {c.id: c for c in found.claims}
    assert by_id["p#3"].unit == "JPY" and by_id["p#3"].value_usd is not None
    assert "same sign" in (by_id["p#3"].currency_resolution or "")
    assert by_id["p#4"].unit == "XXX"


def test_a_sign_the_page_reads_two_ways_stays_open() -> None:
    # one equivalence fits yen, another yuan: the page's sign settles nothing for a third
    found = yen_page(
        claim("p", 1, 600e9, "XXX", currency_candidates=["JPY", "CNY"]),
        claim("p", 2, 4e9, "USD", equivalent_of="p#1"),
        claim("p", 3, 72e9, "XXX", currency_candidates=["JPY", "CNY"], metric="jobs"),
        claim("p", 4, 10e9, "USD", equivalent_of="p#3", metric="jobs"),
        claim("p", 5, 3e12, "XXX", currency_candidates=["JPY", "CNY"], metric="valuation"),
    )
    by_id = {c.id: c for c in found.claims}
    assert (by_id["p#1"].unit, by_id["p#3"].unit) == ("JPY", "CNY")
    assert by_id["p#5"].unit == "XXX"


# --- a part other pages put above the whole too ------------------------------------------------


# (source, jobs, the part or None for the whole[, the top of a range])
Page = tuple[str, float, str | None] | tuple[str, float, str | None, float]


def parts(*pages: Page, named: tuple[str, ...] = ("Part X",)) -> Reconciliation:
    """Undated pages, each with one count of jobs, for the whole or for a part ``named``."""
    topic = load_topic().model_copy(
        update={"scopes": {name: ScopeSpec(kind="site") for name in named}}
    )
    results = [
        ArticleClaims(
            article=article(page[0]),
            claims=[
                claim(
                    page[0],
                    1,
                    page[1],
                    "count",
                    metric="jobs",
                    scope=page[2],
                    value_max=page[3] if len(page) == 4 else None,
                )
            ],
            backend="t",
        )
        for page in pages
    ]
    return reconcile(results, topic=topic, today=date(2026, 11, 22))


def test_a_part_two_other_pages_also_put_above_the_whole_keeps_its_scope() -> None:
    found = parts(
        ("a", 1_000.0, None),
        ("b", 1_000.0, None),
        ("c", 3_000.0, "Part X"),
        ("d", 3_000.0, "Part X"),
        ("e", 2_000.0, "Part X"),
    )
    scopes = {c.id: c.scope for c in found.claims}
    assert scopes["e#1"] == "Part X"
    # it is read against what the other pages give that part
    (differ,) = holding(found, 3_000.0, 2_000.0)
    assert differ.scope == "Part X"


def test_a_part_one_other_page_puts_above_the_whole_is_still_taken_for_the_whole() -> None:
    found = parts(
        ("a", 1_000.0, None),
        ("b", 1_000.0, None),
        ("c", 3_000.0, "Part X"),
        ("e", 2_000.0, "Part X"),
    )
    assert {c.id: c.scope for c in found.claims}["e#1"] is None

"""The eighth turn's reconciliation rules (branch g16r1), held to their own behaviour
(mutation run, g16n).

Invented claims only (no corpus text). Each test pins one thing a surviving mutant of
the functions g16r1 changed or added let pass: figures of one unit compared as written
(``_note_written``, ``_apart_as_written``, ``_one_as_written`` and ``cluster_numbers``),
a floor the consensus meets (``moments.floor_met``) and a part other pages back
(``wholes._backed``).
"""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from test_reconcile_kinds_g16r import parts
from test_reconciliation import article, claim

from stargate_digest.models import ArticleClaims, Claim, Qualifier
from stargate_digest.reconciliation import moments, reconcile
from stargate_digest.reconciliation.clusters import (
    Cluster,
    Written,
    _apart_as_written,
    _note_written,
    _one_as_written,
    cluster_numbers,
)
from stargate_digest.reconciliation.explanation import Context
from stargate_digest.topic import load_topic

ABOUT = Qualifier.APPROX
FLOOR = Qualifier.AT_LEAST
EXACT = Qualifier.EXACT


def yen(source: str, value: float, qualifier: Qualifier = EXACT) -> Claim:
    """A yen figure whose dollars are those of every other: only the yen decide."""
    return claim(source, 1, value, "JPY", value_usd=5e9, qualifier=qualifier)


def grouped(claims: list[Claim]) -> list[list[str]]:
    return [[c.id for c in cluster.claims] for cluster in cluster_numbers(claims)]


# --- _note_written: the lowest and highest figure of each unit, as written ------------------


def test_the_lowest_and_highest_figure_of_a_unit_are_kept_as_written() -> None:
    written: Written = {}
    first, lower, higher, between = (
        yen("a", 100.0), yen("b", 90.0), yen("c", 120.0), yen("d", 110.0)
    )  # fmt: skip
    for noted in (first, lower, higher, between):
        _note_written(written, noted)
    assert written == {"JPY": (lower, higher)}


def test_of_equal_figures_the_first_noted_stays_the_lowest_and_the_highest() -> None:
    written: Written = {}
    first, again = yen("a", 100.0), yen("b", 100.0)
    _note_written(written, first)
    _note_written(written, again)
    assert written["JPY"] == (first, first)


def test_a_zero_figure_is_a_figure_like_any_other() -> None:
    written: Written = {}
    zero, half = claim("a", 1, 0.0, "count"), claim("b", 1, 0.5, "count")
    _note_written(written, zero)
    _note_written(written, half)
    assert written["count"] == (zero, half)


def test_a_figure_without_a_unit_is_noted_under_no_unit() -> None:
    written: Written = {}
    bare = claim("a", 1, 7.0, None)  # type: ignore[arg-type]
    _note_written(written, bare)
    assert written == {"": (bare, bare)}


# --- _apart_as_written: asked against the farthest figure of its unit -------------------------


def seen(low: float, high: float) -> tuple[Claim, Claim]:
    return claim("a", 1, low, "count"), claim("b", 1, high, "count")


def test_a_figure_nearer_the_lowest_is_asked_against_the_highest() -> None:
    assert _apart_as_written(seen(100.0, 200.0), claim("c", 1, 110.0, "count")) == 200.0


def test_a_figure_nearer_the_highest_is_asked_against_the_lowest() -> None:
    assert _apart_as_written(seen(100.0, 200.0), claim("c", 1, 190.0, "count")) == 100.0


def test_a_figure_halfway_is_asked_against_the_lowest() -> None:
    assert _apart_as_written(seen(100.0, 200.0), claim("c", 1, 150.0, "count")) == 100.0


def test_a_zero_lowest_or_highest_figure_is_measured_from_zero() -> None:
    # 5.2 is farther from 0 than from 10: asked against 0
    assert _apart_as_written(seen(0.0, 10.0), claim("c", 1, 5.2, "count")) == 0.0
    # a net change of -4.6 beside -10 and 0 is farther from -10
    assert _apart_as_written(seen(-10.0, 0.0), claim("c", 1, -4.6, "count")) == -10.0


# --- _one_as_written: the ends of each tolerance ------------------------------------------------


@pytest.mark.parametrize(
    ("first", "second", "one"),
    [
        ((1250.0, EXACT), (1275.0, EXACT), True),  # exactly 2 % apart, no one number
        ((1250.0, ABOUT), (1375.0, EXACT), True),  # exactly the hedge's 10 % above "about"
        ((600.0, EXACT), (620.0, FLOOR), False),  # one number rounds to both, one is a floor
        ((1200.0, EXACT), (1230.0, EXACT), False),  # 1,200 has two digits: no round figure
        ((1260.0, EXACT), (1300.0, EXACT), False),  # and 1,300 neither
    ],
)
def test_figures_are_one_as_written_up_to_each_tolerance_s_end(
    first: tuple[float, Qualifier], second: tuple[float, Qualifier], one: bool
) -> None:
    a, b = yen("a", *first), yen("b", *second)
    assert _one_as_written(a, b) is one
    assert _one_as_written(b, a) is one


# --- cluster_numbers: the as-written rule for figures with no unit, and beside a bridge ---------


@pytest.mark.parametrize("unit", [None, "count"])
def test_a_floor_no_hedge_joins_to_the_lowest_figure_starts_its_own_cluster(
    unit: str | None,
) -> None:
    # 1,234 and "more than 1,250" are one figure; "more than 1,300" is 5.3 % above 1,234,
    # which no floor reaches down to, whatever "more than 1,250" lets the cluster reach
    claims = [
        claim("a", 1, 1234.0, unit),  # type: ignore[arg-type]
        claim("b", 1, 1250.0, unit, qualifier=FLOOR),  # type: ignore[arg-type]
        claim("c", 1, 1300.0, unit, qualifier=FLOOR),  # type: ignore[arg-type]
    ]
    assert grouped(claims) == [["a#1", "b#1"], ["c#1"]]


def test_an_exact_figure_bridged_to_the_lowest_exact_one_takes_the_hedged_ones_near_it() -> None:
    # "about 1,200" reaches 1,300 as written, but 1,234 and 1,300 are two exact figures no
    # one number rounds to: they met only through the hedges, and "about 1,290" goes
    # with the exact figure it is nearer to
    claims = [
        claim("a", 1, 1200.0, "count", qualifier=ABOUT),
        claim("b", 1, 1234.0, "count"),
        claim("c", 1, 1290.0, "count", qualifier=ABOUT),
        claim("d", 1, 1300.0, "count"),
    ]
    assert grouped(claims) == [["a#1", "b#1"], ["c#1", "d#1"]]


def test_a_hedged_figure_moved_keeps_its_currency_for_the_relabelling_test() -> None:
    # as above in euros; "about 1,290 euros" again on a page of another day's rate
    # (1,320 dollars) is the same figure in the same currency, not one relabelled
    def eur(source: str, value: float, usd: float, qualifier: Qualifier = EXACT) -> Claim:
        return claim(source, 1, value, "EUR", value_usd=usd, qualifier=qualifier)

    claims = [
        eur("a", 1200.0, 1200.0, ABOUT),
        eur("b", 1234.0, 1234.0),
        eur("c", 1290.0, 1290.0, ABOUT),
        eur("d", 1300.0, 1300.0),
        eur("e", 1290.0, 1320.0, ABOUT),
    ]
    assert grouped(claims) == [["a#1", "b#1"], ["c#1", "d#1", "e#1"]]


def test_two_currencies_exactly_two_percent_apart_are_one_figure() -> None:
    claims = [
        claim("a", 1, 100.0, "USD", value_usd=100.0),
        claim("b", 1, 102.0, "EUR", value_usd=102.0),
    ]
    assert grouped(claims) == [["a#1", "b#1"]]


# --- moments.floor_met --------------------------------------------------------------------------


def one(value: float, qualifier: Qualifier = EXACT, **extra: object) -> Cluster:
    (found,) = cluster_numbers([claim("a", 1, value, "count", qualifier=qualifier, **extra)])
    return found


def context(consensus: Cluster, dimension: str = "count") -> Context:
    return Context(
        subject="Stargate", metric="total_investment", dimension=dimension,
        consensus=consensus, time_of=lambda c: None, rate_dates={},
    )  # fmt: skip


def test_a_floor_the_consensus_meets_is_the_figure_written_from_below() -> None:
    found = moments.floor_met(one(8.0, FLOOR), context(one(9.0)))
    assert found is not None and found.text.endswith("written from below as a round number.")


def test_a_floor_met_exactly_at_either_end_is_a_rounding() -> None:
    # the consensus at the floor itself, at 2 % under it, at 1.25 times it
    for value in (100.0, 98.0, 125.0):
        assert moments.floor_met(one(100.0, FLOOR), context(one(value))) is not None
    assert moments.floor_met(one(8.0, FLOOR), context(one(10.0))) is not None
    # past either end, no rounding
    assert moments.floor_met(one(100.0, FLOOR), context(one(97.9))) is None
    assert moments.floor_met(one(100.0, FLOOR), context(one(125.1))) is None


def test_a_floor_of_one_is_a_floor() -> None:
    assert moments.floor_met(one(1.0, FLOOR), context(one(1.2))) is not None


def test_a_floor_of_nothing_is_no_floor() -> None:
    assert moments.floor_met(one(0.0, FLOOR), context(one(0.0))) is None


def test_a_floor_given_as_a_range_is_read_from_its_low_end() -> None:
    # "at least 7 to 7.5": 8.8 is more than 1.25 times 7
    assert moments.floor_met(one(7.0, FLOOR, value_max=7.5), context(one(8.8))) is None


def test_a_consensus_given_as_a_range_is_read_from_its_low_end() -> None:
    # 8 to 9 beside "more than 7": 8 is within 1.25 times 7
    assert moments.floor_met(one(7.0, FLOOR), context(one(8.0, value_max=9.0))) is not None


def test_a_date_floor_is_no_rounding() -> None:
    assert moments.floor_met(one(100.0, FLOOR), context(one(110.0), "date")) is None


# --- wholes._backed ------------------------------------------------------------------------------


def test_parts_within_the_hedge_above_the_whole_back_nothing() -> None:
    # 1,050 on two pages is within 10 % of the whole's 1,000: no part above it backs 2,000
    found = parts(
        ("a", 1_000.0, None),
        ("b", 1_000.0, None),
        ("c", 1_050.0, "Part X"),
        ("d", 1_050.0, "Part X"),
        ("e", 2_000.0, "Part X"),
    )
    assert {c.id: c.scope for c in found.claims}["e#1"] is None


def test_a_part_exactly_ten_percent_above_the_whole_backs_nothing() -> None:
    found = parts(
        ("a", 1_000.0, None),
        ("b", 1_000.0, None),
        ("c", 1_100.0, "Part X"),
        ("d", 1_100.0, "Part X"),
        ("e", 2_000.0, "Part X"),
    )
    assert {c.id: c.scope for c in found.claims}["e#1"] is None


def test_a_part_given_as_a_range_is_above_the_whole_only_from_its_low_end() -> None:
    # 900 to 3,000 for the part starts within the whole's 1,000: with 3,000 on one other
    # page, one page only puts the part above the whole, and 2,000 is taken for the whole
    found = parts(
        ("a", 1_000.0, None),
        ("b", 1_000.0, None),
        ("c", 3_000.0, "Part X"),
        ("d", 900.0, "Part X", 3_000.0),
        ("e", 2_000.0, "Part X"),
    )
    assert {c.id: c.scope for c in found.claims}["e#1"] is None


def test_a_part_other_pages_back_does_not_stop_the_next_part_s_rescoping() -> None:
    # Part X is backed by three pages; Part Y, which one page puts above the whole,
    # is still taken for the whole
    found = parts(
        ("a", 1_000.0, None),
        ("b", 1_000.0, None),
        ("c", 3_000.0, "Part X"),
        ("d", 3_000.0, "Part X"),
        ("e", 2_000.0, "Part X"),
        ("f", 5_000.0, "Part Y"),
        named=("Part X", "Part Y"),
    )
    scopes = {c.id: c.scope for c in found.claims}
    assert (scopes["e#1"], scopes["f#1"]) == ("Part X", None)


# --- _read_as_resolved ---------------------------------------------------------------------------


def test_a_sign_the_page_never_resolves_does_not_stop_the_next_one_s_reading() -> None:
    yen_or_yuan = ["JPY", "CNY"]
    found = reconcile(
        [
            ArticleClaims(
                article=article("p", datetime(2024, 2, 20, 9, tzinfo=UTC)),
                claims=[
                    claim("p", 1, 600e9, "XXX", currency_candidates=yen_or_yuan),
                    claim("p", 2, 4e9, "USD", equivalent_of="p#1"),
                    # "$" with no equivalent on the page: read neither way
                    claim("p", 3, 2e9, "XXX", currency_candidates=["AUD", "NZD"], metric="jobs"),
                    claim("p", 4, 3e12, "XXX", currency_candidates=yen_or_yuan, metric="valuation"),
                ],
                backend="t",
            )
        ],
        topic=load_topic(),
        today=date(2026, 11, 22),
    )
    by_id = {c.id: c for c in found.claims}
    assert by_id["p#3"].unit == "XXX"
    assert by_id["p#4"].unit == "JPY"
    assert (by_id["p#4"].currency_resolution or "").startswith(
        "The currency is open (JPY or CNY); the page writes the same sign for JPY"
    )

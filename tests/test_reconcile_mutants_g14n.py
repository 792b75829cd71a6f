"""The sixth turn's explainers of moments.py, held to their own behaviour (mutation run,
g14n).

Invented claims only (no corpus text). Each test pins one thing a surviving mutant of
``moments`` changed without a test noticing (a bound's end, a range's low end, the
earlier or later side, the date guard); the explainers are called directly.
"""

from __future__ import annotations

from test_reconciliation import claim

from stargate_digest.models import Claim, Qualifier
from stargate_digest.reconciliation import moments
from stargate_digest.reconciliation.clusters import Cluster, cluster_numbers
from stargate_digest.reconciliation.explanation import Context


def one(value: float, quote: str = "x", **extra: object) -> Cluster:
    (found,) = cluster_numbers([said(value, quote, **extra)])
    return found


def said(value: float, quote: str, **extra: object) -> Claim:
    return claim("a", 1, value, "count", quote=quote, start=0, end=len(quote), **extra)


def context(consensus: Cluster, dimension: str = "count") -> Context:
    return Context(
        subject="Stargate", metric="total_investment", dimension=dimension,
        consensus=consensus, time_of=lambda c: None, rate_dates={},
    )  # fmt: skip


# --- running_count ----------------------------------------------------------------------------


def test_a_count_so_far_exactly_five_percent_under_is_the_earlier_figure() -> None:
    found = moments.running_count(one(100.0, "100 so far"), context(one(105.0)))
    assert found is not None and "is the earlier figure" in found.text


def test_a_consensus_given_so_far_makes_the_outlier_the_later_figure() -> None:
    found = moments.running_count(one(120.0), context(one(100.0, "100 so far")))
    assert found is not None and "is the later figure" in found.text


def test_a_range_reaching_past_a_count_so_far_from_below_it_is_no_later_count() -> None:
    # the other value's low end decides: 90 to 200 does not start above 100
    other = one(90.0, value_max=200.0)
    assert moments.running_count(one(100.0, "100 so far"), context(other)) is None


def test_a_date_is_no_running_count() -> None:
    found = moments.running_count(one(100.0, "100 so far"), context(one(200.0), "date"))
    assert found is None


# --- added_increment and part_named: the same 5 % gap ----------------------------------------


def test_an_increment_exactly_five_percent_under_is_no_earlier_figure() -> None:
    added = one(100.0, "an additional 100")
    assert moments.added_increment(added, context(one(105.0))) is None
    assert moments.added_increment(added, context(one(103.0))) is None
    assert moments.added_increment(added, context(one(90.0, value_max=200.0))) is None


def test_an_increment_a_little_more_than_five_percent_under_is_the_earlier_figure() -> None:
    found = moments.added_increment(one(100.0, "an additional 100"), context(one(106.0)))
    assert found is not None and "is the earlier figure" in found.text


def test_a_consensus_given_as_added_makes_the_outlier_the_later_figure() -> None:
    found = moments.added_increment(one(120.0), context(one(100.0, "an additional 100")))
    assert found is not None and "is the later figure" in found.text


def test_a_date_is_no_increment() -> None:
    added = one(100.0, "an additional 100")
    assert moments.added_increment(added, context(one(200.0), "date")) is None


def test_a_part_exactly_five_percent_under_is_no_part() -> None:
    part = one(100.0, "of which 100")
    assert moments.part_named(part, context(one(105.0))) is None
    assert moments.part_named(part, context(one(103.0))) is None
    assert moments.part_named(part, context(one(90.0, value_max=200.0))) is None
    assert moments.part_named(part, context(one(200.0), "date")) is None
    assert moments.part_named(part, context(one(106.0))) is not None


# --- ceiling_passed ---------------------------------------------------------------------------


def test_a_ceiling_passed_by_exactly_ten_percent_is_no_plan_grown() -> None:
    ceiling = one(100.0, "up to 100", qualifier=Qualifier.UP_TO)
    assert moments.ceiling_passed(ceiling, context(one(110.0))) is None
    assert moments.ceiling_passed(ceiling, context(one(105.0, value_max=150.0))) is None
    assert moments.ceiling_passed(ceiling, context(one(150.0), "date")) is None
    # 100 * 1.1 is a float past 110, so the bound's own end needs a ceiling whose tenth
    # is exact in binary: 10 * 1.1 == 11.0, and 11 is still only a rounding away
    small = one(10.0, "up to 10", qualifier=Qualifier.UP_TO)
    assert moments.ceiling_passed(small, context(one(11.0))) is None


def test_a_ceiling_passed_by_exactly_twice_is_a_plan_grown() -> None:
    ceiling = one(100.0, "up to 100", qualifier=Qualifier.UP_TO)
    found = moments.ceiling_passed(ceiling, context(one(200.0)))
    assert found is not None and "is the earlier figure" in found.text


def test_a_consensus_given_as_a_ceiling_makes_the_outlier_the_later_figure() -> None:
    ceiling = one(100.0, "up to 100", qualifier=Qualifier.UP_TO)
    found = moments.ceiling_passed(one(150.0), context(ceiling))
    assert found is not None and "is the later figure" in found.text


# --- first_figure -----------------------------------------------------------------------------


def test_a_consensus_given_as_the_first_one_makes_the_outlier_the_later_figure() -> None:
    found = moments.first_figure(one(150.0), context(one(100.0, "initially 100")))
    assert found is not None and "is the later figure" in found.text
    assert "100 is given as the first one, since changed to 150" in found.text


def test_no_first_figure_when_both_values_are_given_as_the_first_one() -> None:
    first = one(100.0, "initially 100")
    assert moments.first_figure(one(150.0, "initially 150"), context(first)) is None


# --- level_claims -----------------------------------------------------------------------------


def test_the_levels_of_a_value_leave_its_increments_out() -> None:
    # two claims of one page, with ids of their own (cluster_numbers orders by them)
    level = said(100.0, "100 in all")
    added = said(100.0, "an additional 100").model_copy(update={"id": "a#2"})
    (cluster,) = cluster_numbers([level, added])
    assert moments.level_claims(cluster) == [level]
    assert moments.level_claims(cluster) == [level]  # the second time, from the cache


def test_a_value_given_only_as_an_increment_is_dated_by_all_its_claims() -> None:
    (cluster,) = cluster_numbers([said(100.0, "an additional 100")])
    assert moments.level_claims(cluster) == cluster.claims


# --- _marks: the word before the figure -------------------------------------------------------


def marked(quote: str, figure: int, start: int = 0) -> bool:
    found = claim(
        "a", 1, 100.0, "count", quote=quote, start=start, end=start + len(quote),
        figure_start=start + figure,
    )  # fmt: skip
    return moments._first_word(found)


def test_the_word_just_before_the_figure_marks_it_in_a_quote_placed_anywhere() -> None:
    quote = "7 plants, initially 100 units"
    assert marked(quote, quote.index("100"), start=40)
    assert not marked(quote, 0, start=40)  # the figure at the quote's start: no word before


def test_a_figure_at_the_quote_end_is_still_placed() -> None:
    quote = "initially 5 then 100"
    assert not marked(quote, len(quote))  # the word is before it, but 5 and 100 between


def test_a_word_after_a_figure_at_the_quote_start_does_not_mark_it() -> None:
    # the figure's place is known (the quote's first character): the word after it counts
    # for nothing, though the quote holds one number
    assert not marked("100 units, initially planned", 0)


def test_a_figure_placed_at_the_quote_end_is_read_by_its_place() -> None:
    # "5" lies between the word and the figure's place: not the one-number fallback
    assert not marked("initially 5 units", len("initially 5 units"))


def test_a_word_that_ends_where_the_figure_starts_marks_it() -> None:
    # a Japanese word runs into its figure with no space ("当初120億ドル")
    assert marked("計画は当初120億ドルだった", len("計画は当初"))

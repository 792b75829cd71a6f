"""The fifth turn's new explainers, held to their own behaviour (mutation run, g13n).

Invented claims only (no corpus text). Each test pins one thing a surviving mutant of
``PageFigures.added``, ``PageFigures.another_measure``, ``page_explain.grown_by_part`` or
``page_explain.another_measure`` changed without a test noticing; the readers are called
directly, so the tests hold while the rules around them change.
"""

from __future__ import annotations

from test_reconciliation import claim

from stargate_digest.cue_words import added_words
from stargate_digest.models import Claim, DisagreementKind
from stargate_digest.reconciliation import page_explain
from stargate_digest.reconciliation.clusters import Cluster, cluster_numbers
from stargate_digest.reconciliation.explanation import Context
from stargate_digest.reconciliation.partners import PartIndex, is_financing
from stargate_digest.reconciliation.sums import PageFigures
from stargate_digest.reconciliation.wholes import rescope_parts
from stargate_digest.topic import ScopeSpec, TopicProfile, load_topic

# a page's whole (no scope) in MW, whose common scale is the MW itself
WHOLE = ("Stargate", "", "total_investment", "power")


def pages(*claims: Claim) -> PageFigures:
    """Each claim its own group (one per scope and metric), power in MW."""
    return PageFigures(
        (c.subject, (c.scope or "").casefold(), c.metric, "power", cluster_numbers([c]))
        for c in claims
    )


def total(value: float, **extra: object) -> Claim:
    return claim("a", 1, value, "MW", quote=f"{value} MW in all", **extra)


def added_part(value: float) -> Claim:
    return claim("a", 2, value, "MW", scope="Part X", quote=f"{value} MW of additional capacity")


def added(whole: Claim, before: float, part: float) -> Claim | None:
    return pages(whole, added_part(part)).added(whole, before, WHOLE)


# --- PageFigures.added: which sums make the total ------------------------------------------


def test_a_sum_within_two_percent_of_the_total_fits() -> None:
    assert added(total(10.0), 3.0, 7.0) is not None
    assert added(total(10.0), 3.0, 7.1) is not None  # 10.1: rounding


def test_a_sum_exactly_two_percent_off_still_fits() -> None:
    assert added(total(100.0), 30.0, 72.0) is not None


def test_a_range_total_is_made_from_its_low_end() -> None:
    # "10 to 12 MW in all": 3 + 7 makes its low end
    assert added(total(10.0, value_max=12.0), 3.0, 7.0) is not None


def test_a_sum_five_percent_above_an_exact_total_does_not_fit() -> None:
    assert added(total(10.0), 3.0, 7.5) is None


def test_a_sum_a_little_above_a_lower_bound_fits() -> None:
    # "more than 10 MW": 3 + 7.03 is just past the rounding tolerance, on the bound's side
    assert added(total(10.0, qualifier="at_least"), 3.0, 7.203) is not None
    assert added(total(10.0, qualifier="at_least"), 3.0, 7.5) is not None


def test_a_sum_up_to_ten_percent_above_a_lower_bound_fits_and_no_further() -> None:
    assert added(total(10.0, qualifier="at_least"), 4.0, 7.0) is not None  # 11: 10 % above
    assert added(total(10.0, qualifier="at_least"), 3.0, 8.5) is None  # 11.5


def test_a_sum_two_percent_under_a_lower_bound_fits() -> None:
    # 1 + 2.92 = 3.92, 2 % under "more than 4 MW": the bound's side starts there too
    assert added(total(4.0, qualifier="at_least"), 1.0, 2.92) is not None


def test_small_figures_add_up_too() -> None:
    # the tests on the total and on what was there before are about zero, not one
    assert added(total(1.0), 0.4, 0.6) is not None
    assert added(total(2.0), 1.0, 1.0) is not None


def test_nothing_before_is_no_growth() -> None:
    # a part as large as the total, added to nothing: the page gives no earlier whole
    assert added(total(10.0), 0.0, 10.0) is None


def test_a_total_of_nothing_is_no_whole() -> None:
    assert added(total(0.0), 3.0, -3.0) is None


def test_a_scoped_figure_is_no_whole() -> None:
    figures = pages(total(10.0), added_part(7.0))
    assert figures.added(total(10.0), 3.0, WHOLE) is not None
    scoped = ("Stargate", "part y", "total_investment", "power")
    assert figures.added(total(10.0), 3.0, scoped) is None


# --- PageFigures.another_measure: the rounding tolerance is inclusive ------------------------


def test_a_figure_two_percent_from_another_measure_of_its_page_is_that_figure() -> None:
    mine = claim("a", 1, 100.0, "MW")
    other = claim("a", 2, 102.0, "MW", metric="grid_capacity")
    assert pages(mine, other).another_measure(mine, WHOLE) == other


# --- the explainers --------------------------------------------------------------------------


def context(consensus: Cluster, figures: PageFigures) -> Context:
    return Context(
        subject="Stargate", metric="total_investment", dimension="power",
        consensus=consensus, time_of=lambda c: None, rate_dates={}, pages=figures,
    )  # fmt: skip


def test_a_whole_grown_from_a_range_is_read_from_its_low_end() -> None:
    # other pages: "3 to 4 MW"; page a: 10 MW, 7 MW of them added (3 + 7)
    (before,) = cluster_numbers([claim("b", 1, 3.0, "MW", value_max=4.0)])
    (grown,) = cluster_numbers([total(10.0)])
    found = page_explain.grown_by_part(grown, context(before, pages(total(10.0), added_part(7.0))))
    assert found is not None and found.kind is DisagreementKind.UPDATE


def test_a_figure_of_another_measure_is_named_by_its_measure() -> None:
    mine = claim("a", 1, 100.0, "MW")
    other = claim("a", 2, 100.0, "MW", metric="grid_capacity")
    (outlier,) = cluster_numbers([mine])
    (consensus,) = cluster_numbers([claim("b", 1, 300.0, "MW")])
    found = page_explain.another_measure(outlier, context(consensus, pages(mine, other)))
    note = (
        "100 MW is the 100 MW of grid capacity its source gives: that figure under another "
        "measure, not a value of this one."
    )
    assert found is not None
    assert (found.kind, found.text, found.likely_error) == (DisagreementKind.CONFLICT, note, note)


# --- financing: the word itself, and the note -----------------------------------------------


def test_money_raised_named_financing_alone_is_financing() -> None:
    assert is_financing("financing")
    assert is_financing("debt_financing")
    assert not is_financing("financing_cost")


def test_a_cost_equal_to_the_financing_raised_says_so() -> None:
    (outlier,) = cluster_numbers([claim("a", 1, 26e9, "USD")])
    (consensus,) = cluster_numbers([claim("b", 1, 10e9, "USD")])
    raised = PartIndex([claim("c", 1, 26e9, "USD", metric="financing", value_usd=26e9)])
    found = page_explain.financing_given(
        outlier,
        Context(
            subject="Stargate", metric="total_investment", dimension="money",
            consensus=consensus, time_of=lambda c: None, rate_dates={}, partners=raised,
        ),
    )  # fmt: skip
    assert found is not None
    assert found.text == (
        "$26 billion is the $26 billion of financing given for it: the money raised, which "
        "pays for a part of what it costs, not the whole of it."
    )


# --- ranges that meet at one value ---------------------------------------------------------


def test_two_ranges_that_meet_at_one_value_are_one_cluster() -> None:
    found = cluster_numbers(
        [claim("a", 1, 10.0, "MW", value_max=20.0), claim("b", 1, 20.0, "MW", value_max=30.0)]
    )
    assert [(c.low, c.high) for c in found] == [(10.0, 30.0)]


# --- rescope_parts: a part inside the whole its own page gives ------------------------------


def site_topic() -> TopicProfile:
    return load_topic().model_copy(update={"scopes": {"Part X": ScopeSpec(kind="site")}})


def part_scope(page: list[Claim], others: float) -> str | None:
    """The scope ``rescope_parts`` leaves the part (page a's last claim) with, pages b and
    c giving the whole as ``others`` MW."""
    claims = [*page, claim("b", 1, others, "MW"), claim("c", 1, others, "MW")]
    return rescope_parts(claims, site_topic())[len(page) - 1].scope


def mw_part(value: float) -> Claim:
    return claim("a", 9, value, "MW", scope="Part X")


def test_a_part_inside_the_largest_whole_its_page_gives_keeps_its_scope() -> None:
    # page a: 10 MW, then 3 MW (an earlier whole), and 8 MW at the site
    page = [claim("a", 1, 10.0, "MW"), claim("a", 2, 3.0, "MW"), mw_part(8.0)]
    assert part_scope(page, 3.0) == "Part X"


def test_a_part_up_to_ten_percent_above_its_pages_whole_keeps_its_scope() -> None:
    assert part_scope([claim("a", 1, 20.0, "MW"), mw_part(22.0)], 3.0) == "Part X"
    assert part_scope([claim("a", 1, 10.0, "MW"), mw_part(10.5)], 3.0) == "Part X"


def test_a_part_far_above_its_pages_whole_is_the_whole() -> None:
    assert part_scope([claim("a", 1, 10.0, "MW"), mw_part(15.0)], 10.0) is None


def test_a_small_part_above_a_small_whole_is_the_whole() -> None:
    # below one unit: no page's whole is taken as one
    assert part_scope([claim("a", 1, 0.5, "MW"), mw_part(1.0)], 0.5) is None
    assert part_scope([mw_part(1.0)], 0.5) is None


def test_a_part_inside_its_pages_whole_leaves_the_next_part_to_be_read() -> None:
    # page a's 8 MW lies inside its own 10 MW; page d gives only its part, 15 MW, above the
    # 10 MW pages b and c give the whole: that one is the whole
    claims = [
        claim("a", 1, 10.0, "MW"), mw_part(8.0),
        claim("d", 1, 15.0, "MW", scope="Part X"),
        claim("b", 1, 10.0, "MW"), claim("c", 1, 10.0, "MW"),
    ]  # fmt: skip
    assert [c.scope for c in rescope_parts(claims, site_topic())][1:3] == ["Part X", None]


# --- the words that mark a part as added (cue_words.added_words; mutmut leaves a cached
# function alone, so these were checked against hand-made mutants) -------------------------


def test_an_added_word_is_found_as_a_whole_word_in_any_case() -> None:
    words = added_words()
    assert words.search("7 MW of NEW capacity")
    assert words.search("Zusätzliche 7 MW")
    assert not words.search("7 MW renewed")  # "new" inside a word
    assert not words.search("7 MW in the news")
    assert not words.search("7 MW built anew")  # ... or at its end


def test_an_added_word_in_chinese_is_found_inside_the_run_of_characters() -> None:
    assert added_words().search("公司新增7兆瓦")
    assert not added_words().search("公司原有7兆瓦")

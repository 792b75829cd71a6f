"""Kinds of difference (issue 11, fourth turn): general rules of reconciliation.

Invented coverage only (no corpus text): each test builds the few claims a rule is about.
"""

from __future__ import annotations

from datetime import date

from test_reconciliation import article, claim

from stargate_digest.models import ArticleClaims, Claim, DisagreementKind, KeyFigure, Severity
from stargate_digest.reconciliation import Reconciliation, reconcile
from stargate_digest.reconciliation.values import cut_short
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


# --- a part of what another value counts ---------------------------------------------------


def jobs(source: str, n: int, value: float, metric: str = "jobs", unit: str = "count") -> Claim:
    return claim(source, n, value, unit, metric=metric)


def kinds(found: Reconciliation, metric: str = "jobs") -> list[DisagreementKind]:
    return [d.kind for d in found.disagreements if d.metric == metric]


def test_a_value_and_a_kind_of_it_its_page_gives_add_up_to_the_other_value() -> None:
    # "11,000 company jobs and 9,000 construction jobs" on one page, "20,000 jobs" on two
    found = run(
        ("a", [jobs("a", 1, 11_000.0), jobs("a", 2, 9_000.0, "construction_jobs")]),
        ("b", [jobs("b", 1, 20_000.0)]),
        ("c", [jobs("c", 1, 20_000.0)]),
    )
    (finding,) = [d for d in found.disagreements if d.metric == "jobs"]
    assert finding.kind is DisagreementKind.SCOPE
    assert "the 9,000 of construction jobs its source gives add up to 20,000" in (
        finding.explanation
    )


def test_the_consensus_can_be_the_part_of_the_other_value() -> None:
    found = run(
        ("a", [jobs("a", 1, 11_000.0), jobs("a", 2, 9_000.0, "construction_jobs")]),
        ("c", [jobs("c", 1, 11_000.0)]),
        ("b", [jobs("b", 1, 20_000.0)]),
    )
    assert kinds(found) == [DisagreementKind.SCOPE]


def test_parts_that_do_not_add_up_within_two_percent_stay_a_conflict() -> None:
    found = run(
        ("a", [jobs("a", 1, 11_000.0), jobs("a", 2, 9_000.0, "construction_jobs")]),
        ("b", [jobs("b", 1, 21_000.0)]),
        ("c", [jobs("c", 1, 21_000.0)]),
    )
    assert kinds(found) == [DisagreementKind.CONFLICT]


def test_a_figure_of_another_measure_that_happens_to_add_up_is_no_part() -> None:
    # an investment and a subsidy of one page add up to some other figure by chance
    found = run(
        ("a", [claim("a", 1, 37e9, "USD"), claim("a", 2, 7e9, "USD", metric="subsidy")]),
        ("b", [claim("b", 1, 44e9, "USD")]),
        ("c", [claim("c", 1, 44e9, "USD")]),
    )
    assert kinds(found, "total_investment") == [DisagreementKind.CONFLICT]


def test_a_negative_figure_is_no_part() -> None:
    found = run(
        ("a", [jobs("a", 1, 29_000.0), jobs("a", 2, -9_000.0, "construction_jobs")]),
        ("b", [jobs("b", 1, 20_000.0)]),
        ("c", [jobs("c", 1, 20_000.0)]),
    )
    assert kinds(found) == [DisagreementKind.CONFLICT]


def test_shares_do_not_add_up_to_a_whole_the_way_counts_do() -> None:
    # 40 % and a 20 % "public share" are no parts of a 60 % share: percentages of
    # different bases do not add up
    found = run(
        ("a", [jobs("a", 1, 40.0, "share", "percent"),
               jobs("a", 2, 20.0, "public_share", "percent")]),
        ("b", [jobs("b", 1, 60.0, "share", "percent")]),
        ("c", [jobs("c", 1, 60.0, "share", "percent")]),
    )  # fmt: skip
    assert kinds(found, "share") == [DisagreementKind.CONFLICT]


# --- a round figure cut short ---------------------------------------------------------------


def test_a_round_figure_is_a_figure_with_its_last_digits_dropped() -> None:
    assert cut_short(52e9, 52.7e9) and cut_short(52.7e9, 52e9)
    assert cut_short(6.1e9, 6.165e9)  # 6.165 rounds to 6.2, yet "6.1" is it cut short
    assert cut_short(5e6, 5.08e6)


def test_what_is_not_a_figure_cut_short() -> None:
    assert not cut_short(118.0, 118.58)  # three digits: two precise figures
    assert not cut_short(6e9, 6.9e9)  # more than 2 % apart
    assert not cut_short(52e9, 51.4e9)  # 51.4 does not start with 52
    assert not cut_short(52e9, 52e9)  # the same figure: nothing dropped
    assert not cut_short(-52e9, -52.7e9)


def test_two_pages_one_cutting_the_figure_short_are_one_rounding_finding() -> None:
    # "the $52 billion programme" beside "$52.7 billion": one figure, written short
    found = run(("a", [claim("a", 1, 52e9, "USD")]), ("b", [claim("b", 1, 52.7e9, "USD")]))
    (finding,) = found.disagreements
    assert finding.kind is DisagreementKind.ROUNDING
    assert sorted(v.value for v in finding.values) == [52e9, 52.7e9]


def test_two_figures_within_two_percent_neither_rounding_nor_cut_short_are_no_finding() -> None:
    found = run(("a", [claim("a", 1, 52e9, "USD")]), ("b", [claim("b", 1, 51.4e9, "USD")]))
    assert found.disagreements == []


# --- a round figure its source hedges -------------------------------------------------------


def money_kinds(first: Claim, second: Claim) -> list[DisagreementKind]:
    return [d.kind for d in run(("a", [first]), ("b", [second])).disagreements]


def test_a_hedged_round_figure_stands_for_values_up_to_fifteen_percent_from_it() -> None:
    # "roughly $2 billion" is written for $2.3 billion (15 % off), not for $2.4 billion
    about = claim("a", 1, 2e9, "USD", qualifier="approx")
    assert money_kinds(about, claim("b", 1, 2.3e9, "USD")) == [DisagreementKind.ROUNDING]
    assert money_kinds(about, claim("b", 1, 2.4e9, "USD")) == [DisagreementKind.CONFLICT]


def test_an_exact_round_figure_still_stands_for_values_within_ten_percent_only() -> None:
    exact = claim("a", 1, 2e9, "USD")
    assert money_kinds(exact, claim("b", 1, 2.3e9, "USD")) == [DisagreementKind.CONFLICT]
    assert money_kinds(exact, claim("b", 1, 2.15e9, "USD")) == [DisagreementKind.ROUNDING]


# --- the same number under another unit ------------------------------------------------------


def area(source: str, value: float, unit: str) -> Claim:
    return claim(source, 1, value, unit, metric="site_area")


def test_the_same_number_under_another_unit_is_a_misread_label_that_sets_no_severity() -> None:
    # 2.4 million square feet on two pages, "2.4 million" square metres on a third: the
    # unit was misread (36 times apart as written), not a rival area
    found = run(
        ("a", [area("a", 2.4e6, "sqft")]),
        ("b", [area("b", 2.4e6, "sqft")]),
        ("c", [area("c", 2.4e6, "pyeong")]),
    )
    (finding,) = found.disagreements
    assert finding.kind is DisagreementKind.CONFLICT
    assert finding.severity is Severity.LOW
    assert finding.likely_error is not None and "under another unit" in finding.likely_error


def test_another_number_under_another_unit_is_still_a_rival_figure() -> None:
    found = run(
        ("a", [area("a", 2.4e6, "sqft")]),
        ("b", [area("b", 2.4e6, "sqft")]),
        ("c", [area("c", 2.0e6, "pyeong")]),
    )
    (finding,) = found.disagreements
    assert finding.severity is Severity.HIGH
    assert finding.likely_error is None


def test_a_close_number_in_the_same_unit_is_no_relabelling() -> None:
    # two precise figures no one number rounds to are two values even 1 % apart: in one
    # unit they are rivals, not a label misread
    found = run(
        ("a", [area("a", 2.41e6, "sqft")]),
        ("b", [area("b", 2.41e6, "sqft")]),
        ("c", [area("c", 2.43e6, "sqft")]),
    )
    (finding,) = found.disagreements
    assert finding.kind is DisagreementKind.CONFLICT and finding.likely_error is None


# --- pinned: the edges of the rules above ---------------------------------------------------


def test_a_part_and_a_kind_of_it_may_add_up_to_the_whole_within_two_percent() -> None:
    # 11,000 + 9,400 is 20,400, exactly 2 % from 20,000; 11,000 + 9,100 is 0.5 % off
    for rest in (9_400.0, 9_100.0):
        found = run(
            ("a", [jobs("a", 1, 11_000.0), jobs("a", 2, rest, "construction_jobs")]),
            ("b", [jobs("b", 1, 20_000.0)]),
            ("c", [jobs("c", 1, 20_000.0)]),
        )
        assert kinds(found) == [DisagreementKind.SCOPE], rest


def test_one_more_fab_is_a_part_of_the_whole_count() -> None:
    # "four fabs in New York" and "one in Idaho" on one page, five fabs on two others
    found = run(
        ("a", [jobs("a", 1, 4.0, "fab_count"), jobs("a", 2, 1.0, "idaho_fab_count")]),
        ("b", [jobs("b", 1, 5.0, "fab_count")]),
        ("c", [jobs("c", 1, 5.0, "fab_count")]),
    )
    assert kinds(found, "fab_count") == [DisagreementKind.SCOPE]


def test_a_zero_figure_makes_no_part() -> None:
    # 1,234 and 1,245 jobs are two precise figures (0.9 % apart, no one number rounds to
    # both); a page's "0 construction jobs" does not make the first a part of the second
    found = run(
        ("a", [jobs("a", 1, 1_234.0), jobs("a", 2, 0.0, "construction_jobs")]),
        ("b", [jobs("b", 1, 1_245.0)]),
        ("c", [jobs("c", 1, 1_245.0)]),
    )
    assert kinds(found) == [DisagreementKind.CONFLICT]


def test_a_range_part_counts_from_its_low_end_and_a_range_whole_too() -> None:
    range_part = run(
        ("a", [claim("a", 1, 11_000.0, "count", metric="jobs", value_max=13_000.0),
               jobs("a", 2, 9_000.0, "construction_jobs")]),
        ("b", [jobs("b", 1, 20_000.0)]),
        ("c", [jobs("c", 1, 20_000.0)]),
    )  # fmt: skip
    assert kinds(range_part) == [DisagreementKind.SCOPE]
    range_whole = run(
        ("a", [jobs("a", 1, 11_000.0), jobs("a", 2, 9_000.0, "construction_jobs")]),
        ("b", [claim("b", 1, 20_000.0, "count", metric="jobs", value_max=22_000.0)]),
        ("c", [claim("c", 1, 20_000.0, "count", metric="jobs", value_max=22_000.0)]),
    )
    assert kinds(range_whole) == [DisagreementKind.SCOPE]


def test_a_page_figure_of_a_dimension_that_does_not_add_up_hides_no_later_figure() -> None:
    # the page's percentage (its group sorts first) is left out, its counts still read
    found = run(
        ("a", [jobs("a", 1, 11_000.0), jobs("a", 2, 9_000.0, "construction_jobs"),
               jobs("a", 3, 30.0, "approval", "percent")]),
        ("b", [jobs("b", 1, 20_000.0)]),
        ("c", [jobs("c", 1, 20_000.0)]),
    )  # fmt: skip
    assert kinds(found) == [DisagreementKind.SCOPE]


def test_a_relabelled_unit_is_the_same_number_within_two_percent_and_says_so() -> None:
    for misread in (2.448e6, 2.41e6):  # 2 % above, and 0.4 % above
        found = run(
            ("a", [area("a", 2.4e6, "sqft")]),
            ("b", [area("b", 2.4e6, "sqft")]),
            ("c", [area("c", misread, "pyeong")]),
        )
        (finding,) = found.disagreements
        assert finding.severity is Severity.LOW, misread
        (outlier,) = [v for v in finding.values if v.unit == "pyeong"]
        assert outlier.explanation == finding.likely_error
        assert finding.likely_error is not None
        assert finding.likely_error.endswith(
            "under another unit: a unit label misread, or a conversion left out."
        )


def test_zero_and_one_are_no_relabelling_of_each_other() -> None:
    for stated, misread in ((0.0, 1.0), (1.0, 0.0)):
        found = run(
            ("a", [area("a", stated, "sqft")]),
            ("b", [area("b", stated, "sqft")]),
            ("c", [area("c", misread, "pyeong")]),
        )
        (finding,) = found.disagreements
        assert finding.likely_error is None, (stated, misread)


def test_a_form_cut_short_says_so() -> None:
    found = run(("a", [claim("a", 1, 52e9, "USD")]), ("b", [claim("b", 1, 52.7e9, "USD")]))
    (finding,) = found.disagreements
    assert "with its last digits dropped: the same figure written short." in (finding.explanation)

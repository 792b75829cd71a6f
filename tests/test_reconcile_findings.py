"""What a reader sees of each finding and key figure: its context, wording and dates.

Pinned case by case for the mutation run of compare.py (docs/testing.md): when a value
held, why an outlier differs (in the key figure too), the part a finding is about, an
update whose values are not all dated, which value is the consensus, which findings the
subject and metric allow, and the order of the key figures.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from test_reconcile_compare import one_each
from test_reconciliation import article, claim, run

from stargate_digest.models import Claim, Disagreement, DisagreementKind, Severity
from stargate_digest.reconciliation import Reconciliation
from stargate_digest.reconciliation.wholes import rescope_parts
from stargate_digest.topic import load_topic

CONFLICT, SCOPE, UPDATE = DisagreementKind.CONFLICT, DisagreementKind.SCOPE, DisagreementKind.UPDATE


def on(day: int, month: int = 1) -> datetime:
    return datetime(2025, month, day, 12, tzinfo=UTC)


def only(found: Reconciliation) -> Disagreement:
    assert len(found.disagreements) == 1, [d.explanation for d in found.disagreements]
    return found.disagreements[0]


def quoted(source: str, n: int, value: float, quote: str, start: int = 0, **extra: object) -> Claim:
    return claim(source, n, value, "USD", quote=quote, start=start, end=start + len(quote), **extra)


# --- when a value held --------------------------------------------------------------------


def test_a_key_figure_and_its_outliers_held_when_their_first_source_published() -> None:
    found = run(
        (article("a", on(25)), [claim("a", 1, 500e9, "USD")]),
        (article("b", on(23)), [claim("b", 1, 500e9, "USD")]),
        (article("c", on(30)), [claim("c", 1, 50e9, "USD")]),
    )
    (figure,) = found.key_figures
    assert figure.as_of == "2025-01-23", "the earliest of the consensus's sources"
    assert [o.as_of for o in figure.outliers] == ["2025-01-30"]
    assert [v.as_of for v in only(found).values] == ["2025-01-23", "2025-01-30"]


def test_a_breakdown_gives_each_part_when_its_source_published() -> None:
    found = run(
        (article("a", on(23)), [claim("a", 1, 500e9, "USD")]),
        (article("b", on(24)), [claim("b", 1, 40e9, "USD", scope="Abilene")]),
    )
    breakdown = only(found)
    assert breakdown.kind is SCOPE
    assert [(v.scope, v.as_of) for v in breakdown.values] == [
        (None, "2025-01-23"),
        ("Abilene campus", "2025-01-24"),
    ]


# --- why an outlier differs ---------------------------------------------------------------


def test_a_key_figure_says_why_an_outlier_differs_as_the_finding_does() -> None:
    power = {"metric": "power_capacity"}
    found = one_each(claim("a", 1, 1.2, "GW", **power), claim("b", 1, 1.23, "GW", **power))
    (figure,) = found.key_figures
    (outlier,) = figure.outliers
    assert outlier.value == 1.23
    assert outlier.explanation is not None
    assert outlier.explanation == only(found).values[1].explanation


def test_close_precise_figures_are_not_read_as_the_figure_of_another_part() -> None:
    # the group's own consensus is no "other part" the outlier could be about
    found = one_each(
        claim("a", 1, 500.1e9, "USD"), claim("b", 1, 500.1e9, "USD"), claim("c", 1, 503.7e9, "USD")
    )
    conflict = only(found)
    assert conflict.explanation == (
        "The sources disagree on Stargate's total investment: $500.1 billion (2 sources) vs "
        "$503.7 billion (1 source). The values are close; rounding or conversion may explain "
        "the gap."
    )
    assert conflict.values[1].explanation is None


PARTNER = {"subject": "Oracle", "metric": "equity_contribution"}


def test_a_figure_for_the_whole_equal_to_a_partners_money_names_the_whole() -> None:
    found = one_each(
        claim("a", 1, 500e9, "USD"),
        claim("b", 1, 500e9, "USD"),
        claim("c", 1, 19e9, "USD"),
        claim("e", 1, 19e9, "USD", **PARTNER),
    )
    conflict = next(d for d in found.disagreements if d.metric == "total_investment")
    assert conflict.values[1].explanation == (
        "$19 billion equals Oracle's $19 billion (equity contribution): it may count only "
        "that money, not the whole of Stargate."
    )


@pytest.mark.parametrize(
    "fields",
    [
        {"subject": "SoftBank", "metric": "total_investment"},  # a partner is no whole
        {"subject": "Stargate", "metric": "equity_contribution"},  # a partner's figure
    ],
)
def test_a_partners_money_explains_only_a_figure_for_a_whole(fields: dict[str, str]) -> None:
    found = one_each(
        claim("a", 1, 100e9, "USD", **fields),
        claim("b", 1, 100e9, "USD", **fields),
        claim("c", 1, 19e9, "USD", **fields),
        claim("e", 1, 19e9, "USD", **PARTNER),
    )
    conflict = next(d for d in found.disagreements if d.subject == fields["subject"])
    assert conflict.kind is CONFLICT
    assert [v.explanation for v in conflict.values] == [None, None]
    assert "equals" not in conflict.explanation


# --- the part, the consensus, the sources -------------------------------------------------


def test_a_conflict_about_one_part_names_the_part() -> None:
    found = one_each(
        *(claim(s, 1, 40e9, "USD", scope="Abilene") for s in "ab"),
        claim("c", 1, 60e9, "USD", scope="Abilene"),
    )
    assert only(found).explanation.startswith(
        "The sources disagree on Stargate's total investment (Abilene campus): "
        "$40 billion (2 sources) vs $60 billion (1 source)."
    )


def test_of_values_with_as_many_sources_the_one_stated_more_often_is_the_consensus() -> None:
    found = run(
        (article("a"), [claim("a", 1, 700e9, "USD"), claim("a", 2, 700e9, "USD")]),
        (article("b"), [claim("b", 1, 500e9, "USD")]),
    )
    assert [v.value for v in only(found).values] == [700e9, 500e9]
    assert [f.value for f in found.key_figures] == [700e9]


def test_one_source_giving_two_values_of_a_figure_disagrees_with_nobody() -> None:
    found = run(
        (
            article("a"),
            [
                quoted("a", 1, 500e9, "$500 billion", start=0),
                quoted("a", 2, 100e9, "$100 billion", start=200),
            ],
        ),
    )
    assert found.disagreements == []
    (figure,) = found.key_figures
    assert [o.value for o in figure.outliers] == [500e9]  # shown as a value, not a finding


# --- an update whose values are not all dated ---------------------------------------------


def test_an_update_with_an_undated_value_names_each_value_dated_ones_first_in_time() -> None:
    # one source reports a change in one statement and gives no date; two others are
    # dated by publication: no order is made up for the undated value, the dated values
    # come first, in time order (not by size)
    statement = "$6.8 billion, now $9.9 billion"
    found = run(
        (
            article("a"),
            [
                quoted("a", 1, 6.8e9, statement[:12]),
                quoted("a", 2, 9.9e9, statement),
            ],
        ),
        (article("b", on(10, 9)), [quoted("b", 1, 9.9e9, "$9.9 billion")]),
        (article("c", on(10, 1)), [quoted("c", 1, 20e9, "$20 billion")]),
    )
    update = only(found)
    assert (update.kind, update.severity) == (UPDATE, Severity.LOW)
    assert update.explanation == (
        "Stargate's total investment changed; the sources' dates do not order every value: "
        "$20 billion (Jan 2025), $9.9 billion (Sep 2025), $6.8 billion (undated)."
    )


# --- which claims rescope_parts takes for the whole ---------------------------------------


def test_a_whole_with_a_blank_scope_still_bounds_its_parts() -> None:
    # rescope_parts called on claims whose scopes are not yet named by the profile: a
    # blank scope is no part, so its figure is the whole's (two pages give it: one
    # page's whole bounds no part, MIN_WHOLE_SOURCES)
    jobs = {"metric": "jobs"}
    claims = [
        claim("a", 1, 100.0, "count", scope=" ", **jobs),
        claim("b", 1, 100.0, "count", scope=" ", **jobs),
        claim("c", 1, 5_000.0, "count", scope="Abilene", **jobs),
    ]
    assert [c.scope for c in rescope_parts(claims, load_topic())] == [" ", " ", None]


def test_an_unverified_figure_beside_a_part_changes_nothing() -> None:
    jobs = {"metric": "jobs"}
    found = one_each(
        claim("a", 1, 1_000.0, "count", **jobs),
        claim("b", 1, 1_000.0, "count", **jobs),
        claim("u", 1, 9.0, "count", verified=False, **jobs),
        claim("c", 1, 5_000.0, "count", scope="Abilene", **jobs),
    )
    assert {c.id: c.scope for c in found.claims}["c#1"] is None
    assert [(d.kind, [v.value for v in d.values]) for d in found.disagreements] == [
        (CONFLICT, [1_000.0, 5_000.0])
    ]


def test_a_part_exactly_ten_percent_above_its_whole_may_still_be_a_part() -> None:
    # the whole on two pages (one page's whole bounds no part, MIN_WHOLE_SOURCES), so it
    # is the 10 % alone that keeps the 11 a part; 10 * 1.1 is exactly 11.0 in floats
    jobs = {"metric": "jobs"}
    found = one_each(
        claim("a", 1, 10.0, "count", **jobs),
        claim("b", 1, 10.0, "count", **jobs),
        claim("c", 1, 11.0, "count", scope="Abilene", **jobs),
    )
    assert {c.id: c.scope for c in found.claims}["c#1"] == "Abilene campus"
    assert only(found).kind is SCOPE
    past = one_each(
        claim("a", 1, 10.0, "count", **jobs),
        claim("b", 1, 10.0, "count", **jobs),
        claim("c", 1, 11.5, "count", scope="Abilene", **jobs),
    )
    assert {c.id: c.scope for c in past.claims}["c#1"] is None


def test_a_part_given_in_another_unit_at_the_wholes_value_is_no_breakdown() -> None:
    power = {"metric": "power_capacity"}
    found = one_each(
        claim("a", 1, 1.1, "GW", **power),
        claim("b", 1, 1_100.0, "MW", scope="Abilene", **power),
    )
    assert found.disagreements == []


# --- values a single source gives that name another measure -------------------------------


def test_two_sources_witness_a_value_even_when_their_quotes_name_another_measure() -> None:
    found = one_each(
        *(quoted(s, 1, 500e9, "$500 billion") for s in "abc"),
        *(quoted(s, 1, 50e9, "shares jumped by $50 billion") for s in "de"),
    )
    assert only(found).severity is Severity.HIGH


def test_one_source_naming_another_measure_in_any_of_its_quotes_sets_no_severity() -> None:
    found = run(
        *((article(s), [quoted(s, 1, 500e9, "$500 billion")]) for s in "abc"),
        (
            article("d"),
            [
                quoted("d", 1, 50e9, "shares jumped by $50 billion"),
                quoted("d", 2, 50e9, "$50 billion", start=100),
            ],
        ),
    )
    conflict = only(found)
    assert conflict.kind is CONFLICT
    assert conflict.severity is Severity.LOW, "the value looks like a figure of another thing"


# --- key figures --------------------------------------------------------------------------


def test_key_figures_come_by_sources_then_subject_and_the_whole_before_its_parts() -> None:
    found = one_each(
        claim("a", 1, 3.0, "count", subject="Alpha", metric="jobs"),
        *(claim(s, 1, 2.0, "count", subject="Zeta", metric="jobs") for s in "bc"),
        claim("d", 1, 1.0, "count", subject="Alpha", metric="jobs", scope="Abilene"),
    )
    assert [(f.subject, f.scope) for f in found.key_figures] == [
        ("Zeta", None),
        ("Alpha", None),
        ("Alpha", "Abilene campus"),
    ]


# --- clusters.py: which value a claim joins, which claim shows it, when it held ------------


def test_a_stated_as_of_is_when_a_value_held_not_the_publication() -> None:
    found = run((article("a", on(23)), [claim("a", 1, 500e9, "USD", as_of="2024-03")]))
    assert [f.as_of for f in found.key_figures] == ["2024-03"]


def test_a_year_less_as_of_does_not_date_a_figure_its_publication_does() -> None:
    # "on 10 September" without a year: the figure is dated by its article, so two
    # articles of one day contradict each other rather than report a change
    found = run(
        (article("a", on(23)), [claim("a", 1, 500e9, "USD")]),
        (article("b", on(23)), [claim("b", 1, 50e9, "USD", as_of="--09-10")]),
    )
    assert [(d.kind, d.severity) for d in found.disagreements] == [(CONFLICT, Severity.HIGH)]


def test_the_range_most_sources_state_is_the_one_shown() -> None:
    found = one_each(
        claim("a", 1, 10e9, "USD", value_max=20e9),
        *(claim(s, 1, 10e9, "USD", value_max=30e9) for s in "bc"),
    )
    assert [(f.value, f.value_max) for f in found.key_figures] == [(10e9, 30e9)]


def test_the_claims_stating_the_value_as_shown_come_first() -> None:
    # at EUR/USD parity, 17 billion euros and 17 billion dollars are one value, shown in
    # dollars (two sources): the dollar claims are listed before the euro one
    from stargate_digest.reconciliation.compare import find_disagreements

    claims = [
        claim("a", 1, 17e9, "EUR", value_usd=17e9),
        *(claim(s, 1, 17e9, "USD", value_usd=17e9) for s in "bc"),
    ]
    _, figures = find_disagreements(claims, topic=load_topic())
    assert [(f.unit, f.claim_ids) for f in figures] == [("USD", ["b#1", "c#1", "a#1"])]


def test_a_coarser_date_joins_the_earliest_equally_supported_value_inside_it() -> None:
    dates = {"metric": "target_date"}
    found = one_each(
        claim("a", 1, "2025-06-10", "date", **dates),
        claim("b", 1, "2025-03", "date", **dates),
        claim("c", 1, "2025", "date", **dates),  # March starts before 10 June
    )
    assert [(v.value, v.source_ids) for v in only(found).values] == [
        ("2025-03", ["b", "c"]),
        ("2025-06-10", ["a"]),
    ]


def test_a_range_joins_the_lower_of_two_values_inside_it_as_many_sources_give() -> None:
    found = one_each(
        claim("a", 1, 15e9, "USD"),
        claim("b", 1, 25e9, "USD"),
        claim("r", 1, 10e9, "USD", value_max=30e9),
    )
    (figure,) = found.key_figures
    assert figure.source_ids == ["a", "r"]

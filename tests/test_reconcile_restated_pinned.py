"""Issue 16: what a reader sees of restated.py (a value restating another shares its
reading; a lone value several sources give for another metric witnesses nothing).

Invented coverage (no corpus text), built on tests/test_reconciliation_restated.py: a grant
changed from €5 billion to €7.5 billion, one page gives the earlier grant in dollars; and a
first tranche that one page gives as the project's total too.
"""

from __future__ import annotations

import pytest
from test_reconciliation import claim
from test_reconciliation_kinds import sources
from test_reconciliation_restated import grant

from stargate_digest.models import Claim, Disagreement, DisagreementKind, Severity
from stargate_digest.reconciliation.clusters import cluster_numbers
from stargate_digest.reconciliation.explanation import Context, Explanation
from stargate_digest.reconciliation.restated import OtherMeasures, share_readings

CONFLICT, UPDATE = DisagreementKind.CONFLICT, DisagreementKind.UPDATE
DAY = "2023-06-20"  # 0.915 EUR per USD: $5.3 billion is €4.85 billion, 3 % off €5 billion
SAID = "the grant goes from 5 billion to 7.5 billion euros"


def _grant_coverage(*more: tuple[str, str, list[Claim]]) -> list[Disagreement]:
    """€5 billion -> €7.5 billion on page a, $5.3 billion on b, €7.5 billion on c and d."""
    found = sources(
        (
            "a",
            DAY,
            [
                grant("a", 1, 5e9, "EUR", start=40, quote=SAID),
                grant("a", 2, 7.5e9, "EUR", start=40, quote=SAID),
            ],
        ),
        ("b", DAY, [grant("b", 1, 5.3e9, "USD", start=0, quote="$5.3 billion")]),
        *((s, DAY, [grant(s, 1, 7.5e9, "EUR", start=0, quote="7.5 billion")]) for s in "cd"),
        *more,
    )
    return found.disagreements


def _dollars(found: list[Disagreement]) -> list[Disagreement]:
    return [d for d in found if any(v.unit == "USD" for v in d.values)]


def test_a_restated_value_says_which_value_it_restates_before_the_update() -> None:
    update = next(d for d in _dollars(_grant_coverage()) if d.kind is UPDATE)
    shown = next(v for v in update.values if v.unit == "USD")
    assert (shown.explanation or "").startswith(
        "$5.3 billion is €5 billion converted or rounded. One source gives €5 billion and "
        "€7.5 billion in one statement"
    )


def test_an_explained_value_ranked_first_does_not_stop_a_later_one_sharing_its_reading() -> None:
    # €7.5 million (two sources, so ranked before the dollars) is a misread scale word:
    # explained on its own; the dollars after it still take the update reading
    misread = [(s, DAY, [grant(s, 1, 7.5e6, "EUR", start=0, quote="7.5 million")]) for s in "ef"]
    found = _grant_coverage(*misread)
    assert any("'million' written for 'billion'" in d.explanation for d in found)
    dollars = _dollars(found)
    assert dollars and all(d.kind is not CONFLICT for d in dollars), [
        (d.kind, d.explanation) for d in dollars
    ]


def test_an_unrelated_lone_value_beside_a_restatement_stays_a_conflict() -> None:
    # €2 billion is no restatement of anything: the €5 billion read against the dollars
    # (a rounding of them) says nothing about it
    found = _grant_coverage(("e", DAY, [grant("e", 1, 2e9, "EUR", start=0, quote="2 billion")]))
    two = [d for d in found if any(v.value == 2e9 for v in d.values)]
    assert [(d.kind, d.severity) for d in two] == [(CONFLICT, Severity.MEDIUM)]
    (value,) = (v for v in two[0].values if v.value == 2e9)
    assert value.explanation is None


def test_a_misreading_of_a_value_does_not_stop_its_restatement_being_found() -> None:
    # $5.3 million (a misread scale word of page b's $5.3 billion) is read against the
    # dollars before €5 billion is: the dollars still share the update reading of €5 billion
    twice = [
        grant("b", n, 5.3e9, "USD", start=20 * n, quote="$5.3 billion") for n in (1, 2)
    ]  # two claims: ranked before the one-claim values
    found = sources(
        (
            "a",
            DAY,
            [
                grant("a", 1, 5e9, "EUR", start=40, quote=SAID),
                grant("a", 2, 7.5e9, "EUR", start=40, quote=SAID),
            ],
        ),
        ("b", DAY, twice),
        *((s, DAY, [grant(s, 1, 7.5e9, "EUR", start=0, quote="7.5 billion")]) for s in "cd"),
        ("e", DAY, [grant("e", 1, 5.3e6, "USD", start=0, quote="$5.3 million")]),
    )
    against_consensus = [d for d in found.disagreements if d.values[0].value == 7.5e9]
    assert [(d.kind, d.severity) for d in against_consensus] == [(UPDATE, Severity.LOW)]
    shown = next(v for v in against_consensus[0].values if v.unit == "USD")
    assert (shown.explanation or "").startswith("$5.3 billion is €5 billion converted")


def test_a_value_its_own_page_explains_keeps_its_own_reading() -> None:
    # page b says "from $5.3 billion to 7.5 billion euros" itself: its own update, not
    # the €5 billion's restated
    said = "the grant rose from $5.3 billion to 7.5 billion euros"
    found = sources(
        (
            "a",
            DAY,
            [
                grant("a", 1, 5e9, "EUR", start=40, quote=SAID),
                grant("a", 2, 7.5e9, "EUR", start=40, quote=SAID),
            ],
        ),
        (
            "b",
            DAY,
            [
                grant("b", 1, 5.3e9, "USD", start=0, quote=said),
                grant("b", 2, 7.5e9, "EUR", start=0, quote=said),
            ],
        ),
        *((s, DAY, [grant(s, 1, 7.5e9, "EUR", start=0, quote="7.5 billion")]) for s in "cd"),
    )
    update = next(d for d in found.disagreements if d.kind is UPDATE)
    shown = next(v for v in update.values if v.unit == "USD")
    assert shown.explanation == (
        "One source gives $5.3 billion and €7.5 billion in one statement: the figure "
        "changed, as the source itself reports."
    )


def test_readings_must_come_one_per_outlier() -> None:
    # a reading attached to the wrong value would be reported as that value's: refused
    consensus, *outliers = cluster_numbers(
        [claim(s, 1, v, "USD") for s, v in zip("pqr", (500e9, 100e9, 38e9), strict=True)]
    )
    context = Context("Stargate", "total_investment", "money", consensus, lambda c: None, {})
    reading = (consensus, Explanation(CONFLICT, "a reading"))
    share_readings(outliers, [reading, reading], context)  # one each: fine
    with pytest.raises(ValueError):
        share_readings(outliers, [reading, reading, reading], context)
    with pytest.raises(ValueError):
        share_readings(outliers, [reading], context)


# --- a lone value several sources give for another metric ------------------------------------


def _tranche(source: str, value: float) -> Claim:
    return claim(source, 2, value, "USD", metric="initial_investment")


def _first_tranche(
    lone: float,
    *,
    total: float = 500e9,
    total_sources: str = "abc",
    first: tuple[tuple[str, str | None, list[Claim]], ...] = (),
) -> list[tuple[DisagreementKind, Severity]]:
    """Several sources give the total, d and e the first tranche ($100 billion), and f
    gives ``total`` as the total and ``lone`` as the first tranche."""
    day = "2025-01-23"
    found = sources(
        *first,
        *((s, day, [claim(s, 1, total, "USD")]) for s in total_sources),
        *((s, day, [_tranche(s, 100e9)]) for s in "de"),
        ("f", day, [claim("f", 1, total, "USD"), _tranche("f", lone)]),
    )
    return [(d.kind, d.severity) for d in found.disagreements if d.metric == "initial_investment"]


def test_a_total_two_sources_give_is_enough_to_take_a_lone_tranche_for_it() -> None:
    # the total on page f and one other page: "several" starts at two
    assert _first_tranche(500e9, total_sources="a") == [(CONFLICT, Severity.LOW)]


def test_a_total_only_the_same_page_gives_does_not_explain_its_tranche() -> None:
    # no other page gives $500 billion as the total: the page's two figures are its own,
    # so the tranche it gives stays a conflict with the tranche others give
    found = _first_tranche(500e9, total=500e9, total_sources="")
    assert found == [(CONFLICT, Severity.MEDIUM)]


def test_a_tranche_exactly_two_percent_off_the_total_is_still_the_total_read_again() -> None:
    # $510 billion against the $500 billion total: within the clusters' 2 % (510/500 = 1.02)
    assert 510e9 / 500e9 == 1.02
    assert _first_tranche(510e9, total=500e9, total_sources="ab") == [(CONFLICT, Severity.LOW)]


def test_a_tranche_just_past_two_percent_off_the_total_is_a_rival_value() -> None:
    assert _first_tranche(511e9, total=500e9, total_sources="ab") == [(CONFLICT, Severity.MEDIUM)]


def test_dates_of_the_story_before_the_money_do_not_hide_other_measures() -> None:
    # a date figure first in the coverage: the money figures after it are still indexed
    dated = {"metric": "announcement_date"}
    first = tuple(
        (s, "2025-01-23", [claim(s, 9, "2025-01-21", "date", **dated)]) for s in ("x", "y")
    )
    assert _first_tranche(500e9, first=first) == [(CONFLICT, Severity.LOW)]


def test_a_lone_date_another_date_metric_has_still_conflicts() -> None:
    # dates carry no scale of their own, so one date never stands for another measure's
    announced, target = {"metric": "announcement_date"}, {"metric": "target_date"}
    day = "2025-01-23"
    found = sources(
        *((s, day, [claim(s, 1, "2025-01-21", "date", **announced)]) for s in "abc"),
        *((s, day, [claim(s, 2, "2029-06-30", "date", **target)]) for s in "de"),
        (
            "f",
            day,
            [
                claim("f", 1, "2029-06-30", "date", **announced),
                claim("f", 2, "2029-06-30", "date", **target),
            ],
        ),
    )
    dates = [(d.kind, d.severity) for d in found.disagreements if d.metric == "announcement_date"]
    assert dates == [(CONFLICT, Severity.HIGH)]


def test_a_value_two_sources_give_is_never_taken_for_another_measure() -> None:
    # the contract of given_for_another: only one source's value can be a misreading
    total = cluster_numbers([claim(s, 1, 500e9, "USD") for s in "abc"])
    measures = OtherMeasures([("Stargate", "money", "total_investment", total)])
    (two,) = cluster_numbers([_tranche(s, 500e9) for s in "ab"])
    (one,) = cluster_numbers([_tranche("a", 500e9)])
    assert measures.given_for_another("Stargate", "money", "initial_investment", one)
    assert not measures.given_for_another("Stargate", "money", "initial_investment", two)

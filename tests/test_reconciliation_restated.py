"""Issue 11 with the rules backend's claims: a value another value restates.

Invented coverage (no corpus text): a grant changed from €5 billion to €7.5 billion, as
one page says in one sentence; another page gives the earlier grant in dollars.
"""

from __future__ import annotations

from test_reconciliation import claim
from test_reconciliation_kinds import sources

from stargate_digest.models import Claim, DisagreementKind, Severity

CONFLICT, UPDATE = DisagreementKind.CONFLICT, DisagreementKind.UPDATE


def grant(source: str, n: int, value: float, unit: str, *, start: int, quote: str) -> Claim:
    fields = {"subject": "Intel", "metric": "subsidy", "quote": quote, "start": start}
    return claim(source, n, value, unit, end=start + len(quote), **fields)


def test_a_value_restated_in_another_currency_shares_that_values_reading() -> None:
    said = "the grant goes from 5 billion to 7.5 billion euros"
    day = "2023-06-20"  # 0.915 EUR per USD: $5.3 billion is €4.85 billion, 3 % off
    found = sources(
        (
            "a",
            day,
            [
                grant("a", 1, 5e9, "EUR", start=40, quote=said),
                grant("a", 2, 7.5e9, "EUR", start=40, quote=said),
            ],
        ),
        ("b", day, [grant("b", 1, 5.3e9, "USD", start=0, quote="$5.3 billion")]),
        *((s, day, [grant(s, 1, 7.5e9, "EUR", start=0, quote="7.5 billion")]) for s in "cd"),
    )
    # $5.3 billion is the earlier €5 billion converted: an earlier figure, not a rival
    # of €7.5 billion, so nothing is flagged high or medium
    assert all(d.severity is Severity.LOW for d in found.disagreements), [
        (d.kind, d.severity, d.explanation) for d in found.disagreements
    ]
    dollars = [d for d in found.disagreements if any(v.unit == "USD" for v in d.values)]
    assert dollars and all(d.kind is not CONFLICT for d in dollars)
    update = next(d for d in dollars if d.kind is UPDATE)
    shown = next(v for v in update.values if v.unit == "USD")
    assert "€5 billion" in (shown.explanation or "")


def test_an_unexplained_value_stays_a_conflict_when_its_restatement_is_one_too() -> None:
    day = "2023-06-20"
    found = sources(
        ("a", day, [grant("a", 1, 5e9, "EUR", start=0, quote="5 billion")]),
        ("b", day, [grant("b", 1, 5.3e9, "USD", start=0, quote="$5.3 billion")]),
        *((s, day, [grant(s, 1, 7.5e9, "EUR", start=0, quote="7.5 billion")]) for s in "cd"),
    )
    assert any(d.kind is CONFLICT and d.severity is Severity.MEDIUM for d in found.disagreements)


def _tranche(source: str, value: float) -> Claim:
    return claim(source, 2, value, "USD", metric="initial_investment")


def _first_tranche(
    lone: float, *, page_total: bool = True
) -> list[tuple[DisagreementKind, Severity]]:
    day = "2025-01-23"
    own_total = [claim("f", 1, 500e9, "USD")] if page_total else []
    found = sources(
        *((s, day, [claim(s, 1, 500e9, "USD")]) for s in "abc"),  # the total, three sources
        *((s, day, [_tranche(s, 100e9)]) for s in "de"),
        ("f", day, [*own_total, _tranche("f", lone)]),
    )
    return [(d.kind, d.severity) for d in found.disagreements if d.metric == "initial_investment"]


def test_a_lone_value_its_page_gives_for_another_measure_witnesses_nothing() -> None:
    # "$500 billion" as the first tranche on a page that gives it as the total too: the
    # total, read a second time under the wrong measure
    assert _first_tranche(500e9) == [(CONFLICT, Severity.LOW)]


def test_a_lone_value_that_only_matches_another_measure_elsewhere_still_conflicts() -> None:
    # on large coverage many values of other measures exist: a match by chance is no sign
    assert _first_tranche(500e9, page_total=False) == [(CONFLICT, Severity.MEDIUM)]


def test_a_lone_value_no_other_measure_has_still_makes_a_conflict() -> None:
    assert _first_tranche(300e9) == [(CONFLICT, Severity.MEDIUM)]

"""Several findings in one group: each value read against the value of its own moment.

Invented coverage (no corpus text): a figure that changed over time and was also
misreported at one of its moments; a round figure beside precise ones; a number given
under the wrong currency; a lone figure whose quote speaks of another measure.
"""

from __future__ import annotations

from test_reconciliation import claim
from test_reconciliation_kinds import sources

from stargate_digest.models import Claim, Disagreement, DisagreementKind, Qualifier, Severity
from stargate_digest.reconciliation import Reconciliation

CONFLICT, SCOPE = DisagreementKind.CONFLICT, DisagreementKind.SCOPE
UPDATE, ROUNDING = DisagreementKind.UPDATE, DisagreementKind.ROUNDING


def valuation(source: str, value: float, **extra: object) -> Claim:
    return claim(source, 1, value, "USD", subject="OpenAI", metric="valuation", **extra)


def kinds(found: Reconciliation) -> dict[DisagreementKind, Disagreement]:
    by_kind = {d.kind: d for d in found.disagreements}
    assert len(by_kind) == len(found.disagreements), [d.explanation for d in found.disagreements]
    return by_kind


def shown(found: Disagreement) -> list[tuple[float | str, int]]:
    return [(v.value, len(v.source_ids)) for v in found.values]


def test_an_update_and_a_conflict_of_one_moment_are_two_findings() -> None:
    found = kinds(
        sources(
            ("a", "2024-10-03", [valuation("a", 157e9)]),
            ("b", "2024-10-20", [valuation("b", 157e9)]),
            ("c", "2025-03-31", [valuation("c", 300e9)]),
            ("d", "2025-04-02", [valuation("d", 300e9)]),
            ("e", "2025-04-03", [valuation("e", 300e9)]),
            ("f", "2025-04-04", [valuation("f", 340e9)]),  # the same moment, another value
        )
    )
    assert set(found) == {UPDATE, CONFLICT}
    assert shown(found[UPDATE]) == [(300e9, 3), (157e9, 2)]
    assert found[UPDATE].severity is Severity.LOW
    assert shown(found[CONFLICT]) == [(300e9, 3), (340e9, 1)]
    assert found[CONFLICT].severity is Severity.LOW


def test_a_step_of_an_update_is_compared_with_the_value_of_its_own_moment() -> None:
    found = kinds(
        sources(
            *((s, "2024-04-10", [valuation(s, 65e9)]) for s in "abcd"),
            *((s, "2025-03-05", [valuation(s, 165e9)]) for s in "efg"),
            ("h", "2025-03-20", [valuation("h", 200e9)]),  # a month later: the same moment
        )
    )
    assert set(found) == {UPDATE, CONFLICT}
    assert shown(found[UPDATE]) == [(65e9, 4), (165e9, 3)], "the chain leaves the odd value out"
    conflict = found[CONFLICT]
    assert shown(conflict) == [(165e9, 3), (200e9, 1)], "read against its moment's value"
    assert conflict.severity is Severity.LOW, "$200 billion is 1.2 times $165 billion"


def test_the_same_number_under_another_currency_is_read_against_that_value() -> None:
    plant = {"subject": "Intel", "metric": "total_investment", "scope": "Magdeburg fab"}
    day = "2022-03-15"  # 1.10 USD per EUR: €17 billion is $18.7 billion, 9 % from $17 billion
    found = sources(
        *((s, day, [claim(s, 1, 30e9, "EUR", **plant)]) for s in "abc"),
        *((s, day, [claim(s, 1, 17e9, "EUR", **plant)]) for s in "de"),
        ("f", day, [claim("f", 1, 17e9, "USD", qualifier=Qualifier.APPROX, **plant)]),
    )
    relabelled = [d for d in found.disagreements if d.values[0].unit == "EUR" == d.values[0].unit
                  and d.values[0].value == 17e9]  # fmt: skip
    assert len(relabelled) == 1, "not one figure within the 10 % of 'about'"
    conflict = relabelled[0]
    assert conflict.kind is CONFLICT
    assert [(v.value, v.unit) for v in conflict.values] == [(17e9, "EUR"), (17e9, "USD")]
    assert "currency label" in (conflict.likely_error or "")
    assert "rounding or conversion may explain" not in conflict.explanation, "it is an error"


def test_a_round_figure_rounds_a_precise_one_and_two_precise_ones_still_conflict() -> None:
    loss = {"subject": "Nvidia", "metric": "valuation"}
    found = kinds(
        sources(
            *((s, None, [claim(s, 1, 600e9, "USD", **loss)]) for s in "abc"),
            *((s, None, [claim(s, 1, 575.3e9, "USD", **loss)]) for s in "de"),
            ("f", None, [claim("f", 1, 571.8e9, "USD", **loss)]),
        )
    )
    assert set(found) == {ROUNDING, CONFLICT}
    assert shown(found[ROUNDING]) == [(600e9, 3), (575.3e9, 2), (571.8e9, 1)]
    assert shown(found[CONFLICT]) == [(575.3e9, 2), (571.8e9, 1)], "and they conflict"
    assert found[CONFLICT].severity is Severity.LOW


def test_a_round_figure_stands_for_values_within_ten_percent_at_most() -> None:
    found = sources(
        *((s, None, [valuation(s, 165e9)]) for s in "abc"),
        ("d", None, [valuation("d", 200e9)]),  # one digit, but not 165 rounded
        *((s, None, [claim(s, 1, 1.2, "GW", metric="power_capacity")]) for s in "ef"),
        ("g", None, [claim("g", 1, 1.0, "GW", metric="power_capacity")]),
    )
    assert [d.kind for d in found.disagreements] == [CONFLICT, CONFLICT]
    two_round = sources(
        *((s, None, [valuation(s, 500e9)]) for s in "abc"), ("d", None, [valuation("d", 600e9)])
    )
    assert [d.kind for d in two_round.disagreements] == [CONFLICT], "no number rounds to both"


def test_a_lone_figure_whose_quote_names_another_measure_is_no_high_conflict() -> None:
    def loss(source: str, value: float, quote: str) -> Claim:
        return claim(source, 1, value, "USD", metric="total_investment", quote=quote)

    said = "will invest $500 billion"
    firm = [(s, None, [loss(s, 500e9, said)]) for s in "abc"]
    other = sources(*firm, ("d", None, [loss("d", 12.9e9, "shares valued at $12.9 billion")]))
    assert [d.severity for d in other.disagreements] == [Severity.LOW]
    assert other.disagreements[0].kind is CONFLICT, "still shown, as what it is"
    named = sources(*firm, ("d", None, [loss("d", 12.9e9, "an investment of $12.9 billion")]))
    assert [d.severity for d in named.disagreements] == [Severity.HIGH]
    unknown = sources(*firm, ("d", None, [loss("d", 12.9e9, "$12.9 billion")]))
    assert [d.severity for d in unknown.disagreements] == [Severity.HIGH], "no evidence either way"


def test_a_value_restated_later_still_belongs_to_its_own_moment() -> None:
    found = kinds(
        sources(
            *((s, "2025-03-05", [valuation(s, 165e9)]) for s in "abcd"),
            ("e", "2022-12-06", [valuation("e", 40e9)]),
            ("f", "2022-12-07", [valuation("f", 40e9)]),
            ("g", "2024-05-02", [valuation("g", 40e9)]),  # recalls the first plan
            *((s, "2024-04-09", [valuation(s, 65e9)]) for s in "hi"),
        )
    )
    assert set(found) == {UPDATE}, "$65 billion is a step of its own, not a rival of $40 billion"
    assert "$40 billion (Dec 2022) -> $65 billion (Apr 2024) -> $165 billion (Mar 2025)" in (
        found[UPDATE].explanation
    )


def test_a_source_giving_two_values_of_one_figure_is_no_witness_for_either() -> None:
    total = [(s, None, [claim(s, 1, 500e9, "USD")]) for s in "abc"]
    two = [claim("d", 1, 20e9, "USD"), claim("d", 2, 35e9, "USD")]
    found = sources(*total, ("d", None, two))
    assert [(d.kind, d.severity) for d in found.disagreements] == [(CONFLICT, Severity.LOW)]
    one = sources(*total, ("d", None, two[:1]))
    assert [(d.kind, d.severity) for d in one.disagreements] == [(CONFLICT, Severity.HIGH)]


def test_a_lone_value_orders_of_magnitude_off_with_nothing_to_explain_it_is_no_witness() -> None:
    total = [(s, None, [claim(s, 1, 500e9, "USD")]) for s in "abc"]
    price = sources(*total, ("d", None, [claim("d", 1, 12.93, "USD")]))
    assert [(d.kind, d.severity) for d in price.disagreements] == [(CONFLICT, Severity.LOW)]
    twice = sources(*total, *((s, None, [claim(s, 1, 12.93, "USD")]) for s in "de"))
    assert [d.severity for d in twice.disagreements] == [Severity.HIGH], "two sources say it"


def test_a_thousandfold_gap_from_an_ambiguous_separator_is_a_reading_not_a_conflict() -> None:
    grant = {"subject": "CHIPS Act", "metric": "public_investment"}
    found = sources(
        *((s, None, [claim(s, 1, 6.6e9, "USD", **grant)]) for s in "ab"),
        ("c", None, [claim("c", 1, 6.6e6, "USD", quote="recibió 6,600 millones", **grant)]),
    )
    read = only_one(found)
    assert (read.kind, read.severity) == (ROUNDING, Severity.LOW)
    assert "'6,600'" in (read.likely_error or "")
    typo = sources(
        *((s, None, [claim(s, 1, 6.6e9, "USD", **grant)]) for s in "ab"),
        ("c", None, [claim("c", 1, 6.6e6, "USD", quote="recibió 6,6 millones", **grant)]),
    )
    assert only_one(typo).kind is CONFLICT, "one digit after the comma: no thousands separator"


def test_a_lower_bound_agrees_with_every_value_above_it() -> None:
    drop = {"subject": "Nvidia", "metric": "stock_price_change"}
    found = sources(
        ("a", None, [claim("a", 1, 16.0, "percent", **drop)]),
        ("b", None, [claim("b", 1, 10.0, "percent", qualifier=Qualifier.AT_LEAST, **drop)]),
    )
    assert [d.severity for d in found.disagreements] == [Severity.LOW]
    below = sources(
        ("a", None, [claim("a", 1, 6.0, "percent", **drop)]),
        ("b", None, [claim("b", 1, 10.0, "percent", qualifier=Qualifier.AT_LEAST, **drop)]),
    )
    assert [d.severity for d in below.disagreements] == [Severity.MEDIUM]


def only_one(found: Reconciliation) -> Disagreement:
    assert len(found.disagreements) == 1, [d.explanation for d in found.disagreements]
    return found.disagreements[0]


def test_a_precise_figure_inside_the_round_consensus_still_conflicts_with_another() -> None:
    loss = {"subject": "Nvidia", "metric": "valuation"}
    found = sources(
        *((s, None, [claim(s, 1, 600e9, "USD", **loss)]) for s in "abc"),
        *((s, None, [claim(s, 1, 589e9, "USD", **loss)]) for s in "de"),
        ("f", None, [claim("f", 1, 592.7e9, "USD", **loss)]),  # one figure with the $600 billion
    )
    both = kinds(found)
    assert set(both) == {ROUNDING, CONFLICT}, "589 rounds to 600, and contradicts 592.7"
    conflict = both[CONFLICT]
    assert conflict.severity is Severity.LOW
    assert [(v.value, len(v.source_ids)) for v in conflict.values] == [(600e9, 4), (589e9, 2)]
    assert "$592.7 billion" in (conflict.values[1].explanation or "")
    # the rounding finding lists each form once: $592.7 billion rounds to $600 billion too
    assert shown(both[ROUNDING]) == [(600e9, 3), (589e9, 2), (592.7e9, 1)]


def test_the_size_said_is_that_of_the_values_that_set_the_severity() -> None:
    found = sources(
        *((s, None, [claim(s, 1, 500e9, "USD")]) for s in "abc"),
        ("d", None, [claim("d", 1, 12.93, "USD")]),
        ("e", None, [claim("e", 1, 4e12, "USD")]),
    )
    total = only_one(found)
    assert total.severity is Severity.MEDIUM
    assert "The largest is 8 times the smallest." in total.explanation


def test_a_separator_reading_of_a_precise_consensus_stays_a_reading() -> None:
    found = sources(
        *((s, None, [valuation(s, 165e9)]) for s in "abc"),
        ("d", None, [valuation("d", 165e6, quote="ascenderá a 165,000 millones")]),
    )
    read = only_one(found)
    assert (read.kind, read.severity) == (ROUNDING, Severity.LOW), read.explanation
    assert "both round" not in read.explanation


def test_values_on_the_side_of_a_bound_consensus_are_read_against_each_other() -> None:
    spend = {"subject": "DeepSeek", "metric": "hardware_spend"}

    def floor(source: str) -> Claim:
        return claim(source, 1, 500e6, "USD", qualifier=Qualifier.AT_LEAST, **spend)

    found = sources(
        ("a", None, [floor("a")]),
        ("b", None, [floor("b"), claim("b", 2, 1.6e9, "USD", **spend)]),
        ("c", None, [floor("c"), claim("c", 2, 1.3e9, "USD", **spend)]),
    )
    conflict = only_one(found)
    assert conflict.kind is CONFLICT, "more than $500 million settles neither"
    assert shown(conflict) == [(1.3e9, 1), (1.6e9, 1)]


def grant(source: str, n: int, value: float, start: int, quote: str) -> Claim:
    fields = {"subject": "Intel", "metric": "subsidy", "quote": quote, "start": start}
    return claim(source, n, value, "EUR", end=start + len(quote), **fields)


def test_two_values_one_statement_gives_are_the_change_it_reports() -> None:
    said = "a grant of 7.5 instead of 5 billion"  # one sentence, both figures: a change
    found = sources(
        ("a", None, [grant("a", 1, 7.5e9, 40, said), grant("a", 2, 5e9, 40, said)]),
        ("b", None, [grant("b", 1, 5e9, 0, "5 billion")]),
        *((s, None, [grant(s, 1, 7.5e9, 0, "7.5 billion")]) for s in "cd"),
    )
    change = only_one(found)
    assert (change.kind, change.severity) == (UPDATE, Severity.LOW)
    assert shown(change) == [(7.5e9, 3), (5e9, 2)]
    assert "in one statement" in (change.values[1].explanation or "")
    assert "->" not in change.explanation, "no order in time is made up for undated values"
    assert "€5 billion (undated)" in change.explanation


def test_two_values_one_source_gives_in_separate_statements_stay_parts_or_moments() -> None:
    found = sources(
        ("a", None, [grant("a", 1, 7.5e9, 0, "7.5 billion"), grant("a", 2, 5e9, 400, "5 billion")]),
        ("b", None, [grant("b", 1, 5e9, 0, "5 billion")]),
        *((s, None, [grant(s, 1, 7.5e9, 0, "7.5 billion")]) for s in "cd"),
    )
    assert only_one(found).kind is SCOPE

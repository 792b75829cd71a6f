"""One figure written differently (variants.py), pinned by what a reader sees.

Invented coverage (no corpus text). Each case states one rule of how the forms of one
figure are listed: which forms, in which order, against which value, and when a form in
another currency is a rival of a value given in that currency rather than a conversion.
The values are literal (1.093 USD per EUR on 2023-06-20, the ECB reference rate).
"""

from __future__ import annotations

from test_reconciliation import claim
from test_reconciliation_kinds import sources

from stargate_digest.models import Claim, Disagreement, DisagreementKind, Qualifier
from stargate_digest.reconciliation import Reconciliation

ROUNDING, CONFLICT = DisagreementKind.ROUNDING, DisagreementKind.CONFLICT
GRANT = {"subject": "Acme", "metric": "subsidy", "scope": "Lyon plant"}
DAY = "2023-06-20"  # 1.093 USD per EUR


def grant(source: str, value: float, unit: str = "EUR", n: int = 1, **extra: object) -> Claim:
    return claim(source, n, value, unit, **GRANT, **extra)


def each(value: float, unit: str, ids: str) -> list[tuple[str, str, list[Claim]]]:
    """One page per letter of ``ids``, each giving the value, on DAY."""
    return [(s, DAY, [grant(s, value, unit)]) for s in ids]


def shown(found: Disagreement) -> list[tuple[float | str, str, int]]:
    return [(v.value, v.unit, len(v.source_ids)) for v in found.values]


def roundings(found: Reconciliation) -> list[Disagreement]:
    return [d for d in found.disagreements if d.kind is ROUNDING]


def mentions(found: Reconciliation, text: str) -> list[Disagreement]:
    """The findings whose prose or values' explanations contain ``text``."""
    return [
        d
        for d in found.disagreements
        if text in d.explanation or any(text in (v.explanation or "") for v in d.values)
    ]


# --- which forms are listed, and in which order -------------------------------------------


def test_forms_are_listed_most_sources_first() -> None:
    # €9.9 billion (two pages) before $11 billion (€10 billion converted, one page),
    # although "11..." sorts first as text and its page comes first by name
    found = sources(*each(10e9, "EUR", "abcd"), *each(11e9, "USD", "e"), *each(9.9e9, "EUR", "fg"))
    (rounding,) = roundings(found)
    assert shown(rounding) == [(10e9, "EUR", 4), (9.9e9, "EUR", 2), (11e9, "USD", 1)]


def test_forms_with_as_many_sources_are_listed_by_value_as_written() -> None:
    found = sources(*each(10e9, "EUR", "abc"), *each(9.9e9, "EUR", "d"), *each(11e9, "USD", "e"))
    (rounding,) = roundings(found)
    assert shown(rounding) == [(10e9, "EUR", 3), (11e9, "USD", 1), (9.9e9, "EUR", 1)]


def test_only_the_eight_best_supported_forms_are_listed() -> None:
    # hedged figures are one figure within 10 %: nine forms of "€10 billion" in one value
    forms = [9.1e9, 9.2e9, 9.3e9, 9.4e9, 9.5e9, 9.6e9, 9.7e9, 9.8e9, 9.9e9]
    found = sources(
        *each(10e9, "EUR", "ab"),
        *(
            (f"p{i}", DAY, [grant(f"p{i}", value, qualifier=Qualifier.APPROX)])
            for i, value in enumerate(forms)
        ),
    )
    (rounding,) = roundings(found)
    assert [v.value for v in rounding.values] == [10e9, *forms[:8]], "9.9 is the ninth"


def test_a_form_only_restating_pages_give_does_not_hide_the_forms_after_it() -> None:
    # €9.9 billion (page a, which gives €10 billion too) sorts before €9.95 billion
    found = sources(
        ("a", DAY, [grant("a", 10e9), grant("a", 9.9e9, n=2)]),
        *each(10e9, "EUR", "bc"),
        *each(9.95e9, "EUR", "d"),
    )
    (rounding,) = roundings(found)
    assert shown(rounding) == [(10e9, "EUR", 3), (9.95e9, "EUR", 1)]


def test_pages_that_each_write_the_figure_both_ways_disagree_with_nobody() -> None:
    found = sources(*((s, DAY, [grant(s, 10e9), grant(s, 9.9e9, n=2)]) for s in "ab"))
    assert found.disagreements == []


def test_a_range_in_a_cluster_is_no_form_but_the_other_forms_are_listed() -> None:
    # "€10-11 billion" agrees with every form inside it: it rounds nothing and is not
    # listed; €10.4 billion beside €10.5 billion still is (the range changed nothing)
    found = sources(
        *each(10.5e9, "EUR", "ab"),
        *each(10.4e9, "EUR", "c"),
        ("d", DAY, [grant("d", 10e9, value_max=11e9)]),
    )
    (rounding,) = roundings(found)
    assert shown(rounding) == [(10.5e9, "EUR", 2), (10.4e9, "EUR", 1)]
    assert "d#1" not in [cid for v in rounding.values for cid in v.claim_ids]


def test_a_cluster_shown_by_a_range_lists_no_forms() -> None:
    found = sources(
        *((s, DAY, [grant(s, 10e9, value_max=11e9)]) for s in "abc"),
        *each(10.5e9, "EUR", "d"),
        *each(10.4e9, "EUR", "e"),
    )
    assert roundings(found) == [], [d.explanation for d in found.disagreements]


def test_the_forms_of_an_outlying_value_are_read_against_its_own_main_form() -> None:
    # the consensus is €30 billion; €10 billion and €9.9 billion are one other value,
    # written two ways: a rounding of that value, not of €30 billion
    found = sources(*each(30e9, "EUR", "abcd"), *each(10e9, "EUR", "ef"), *each(9.9e9, "EUR", "g"))
    assert [shown(d) for d in roundings(found)] == [[(10e9, "EUR", 2), (9.9e9, "EUR", 1)]]


def test_a_value_with_a_restated_form_shows_all_its_claims_in_a_rounding_across_values() -> None:
    # page a writes $21.5 billion and $21.4 billion; "about $20 billion" rounds $21.5 billion
    found = sources(
        ("a", DAY, [grant("a", 21.5e9, "USD"), grant("a", 21.4e9, "USD", n=2)]),
        *each(21.5e9, "USD", "bc"),
        *each(20e9, "USD", "d"),
    )
    (rounding,) = roundings(found)
    assert shown(rounding) == [(21.5e9, "USD", 3), (20e9, "USD", 1)]
    assert rounding.values[0].claim_ids == ["a#1", "b#1", "c#1", "a#2"]


# --- a form in another currency: a conversion, or a rival of a value in that currency -----


def test_a_conversion_is_not_read_against_values_in_a_third_currency() -> None:
    # $22 billion is €20 billion converted ($21.86 billion); €23 billion is near it in USD
    # but given in euros, so it says nothing about a dollar figure
    found = sources(*each(20e9, "EUR", "abcd"), *each(22e9, "USD", "e"), *each(23e9, "EUR", "fg"))
    assert mentions(found, "$22 billion is €20 billion converted at the ECB rate of 2023-06-20")
    assert mentions(found, "$22 billion and") == []


def test_a_conversion_is_a_rival_of_a_value_in_its_currency_up_to_1_25_times_away() -> None:
    # $27.5 billion is exactly 1.25 times $22 billion: a reading of one figure
    found = sources(*each(20e9, "EUR", "abcd"), *each(22e9, "USD", "e"), *each(27.5e9, "USD", "fg"))
    assert mentions(
        found,
        "$22 billion and $27.5 billion are given in one currency and no rounding joins "
        "them; only converted at a day's rate did $22 billion look like €20 billion.",
    )
    assert not mentions(found, "$22 billion is €20 billion converted")


def test_a_conversion_is_no_rival_of_a_value_in_its_currency_past_1_25_times() -> None:
    found = sources(*each(20e9, "EUR", "abcd"), *each(22e9, "USD", "e"), *each(27.6e9, "USD", "fg"))
    assert mentions(found, "$22 billion is €20 billion converted at the ECB rate of 2023-06-20")
    assert mentions(found, "$22 billion and") == []


def test_a_rival_is_read_against_the_nearest_value_in_its_currency() -> None:
    # €6.6 billion ($7.21 billion) sits with $7.2 billion; €6.2 billion (better supported)
    # and €6.8 billion are given in euros: €6.8 billion is the nearer
    found = sources(
        *each(12e9, "EUR", "abcde"),
        *each(6.2e9, "EUR", "fgh"),
        *each(6.8e9, "EUR", "ij"),
        *each(7.2e9, "USD", "k"),
        *each(6.6e9, "EUR", "l"),
    )
    assert mentions(found, "€6.6 billion and €6.8 billion are given in one currency")
    assert mentions(found, "€6.6 billion and €6.2 billion") == []


def test_a_form_that_rounds_to_a_value_in_its_currency_is_no_rival() -> None:
    # €6.6 billion rounds to "€7 billion" (given in euros): no contradiction to report,
    # so it stays the conversion of $7.2 billion it looks like
    found = sources(
        *each(12e9, "EUR", "abcde"),
        *each(7e9, "EUR", "fgh"),
        *each(7.2e9, "USD", "k"),
        *each(6.6e9, "EUR", "l"),
    )
    assert mentions(found, "are given in one currency") == []
    assert mentions(found, "€6.6 billion is $7.2 billion converted at the ECB rate")


def test_a_rival_form_does_not_hide_the_forms_after_it() -> None:
    # $22 billion (two pages) contradicts $27.5 billion; $21.9 billion (one page) after it
    # is still €20 billion converted
    found = sources(
        *each(20e9, "EUR", "abcd"),
        *each(22e9, "USD", "ef"),
        *each(21.9e9, "USD", "g"),
        *each(27.5e9, "USD", "hij"),
    )
    assert mentions(found, "$22 billion and $27.5 billion are given in one currency")
    assert mentions(found, "$21.9 billion is €20 billion converted at the ECB rate")

"""Consistency checks inside one source (checks.py), pinned by the check a reader sees.

Invented figures (no corpus text), published on 2025-01-23: 0.9612 EUR, 156.3 JPY,
7.288 CNY, 7.79 HKD per USD (ECB reference rates). Each case asserts a check's status,
its claims and its sentence in full: the sentence is what a reader checks by hand.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from test_reconciliation import article, claim, run

from stargate_digest.models import CheckStatus, Claim, ConsistencyCheck
from stargate_digest.reconciliation import Reconciliation

CONSISTENT, INCONSISTENT = CheckStatus.CONSISTENT, CheckStatus.INCONSISTENT
UNRESOLVED = CheckStatus.UNRESOLVED
DAY = datetime(2025, 1, 23, tzinfo=UTC)
AT = "at the ECB rate of the publication date 2025-01-23"


def page(*claims: Claim) -> Reconciliation:
    return run((article("a", DAY), list(claims)))


def equivalent(stated: float, unit: str, anchor: float = 1e9, **extra: object) -> Reconciliation:
    """$``anchor`` and a stated equivalent of it on one page."""
    return page(
        claim("a", 1, anchor, "USD"),
        claim("a", 2, stated, unit, equivalent_of="a#1", **extra),
    )


def only(found: Reconciliation) -> ConsistencyCheck:
    assert len(found.consistency_checks) == 1, found.consistency_checks
    return found.consistency_checks[0]


def seen(check: ConsistencyCheck) -> tuple[str, CheckStatus, list[str], str, str]:
    return check.source_id, check.status, check.claim_ids, check.kind, check.detail


# --- a stated equivalent in a known currency ----------------------------------------------


def test_an_equivalent_within_five_percent_is_consistent_and_says_the_rate() -> None:
    assert seen(only(equivalent(0.96e9, "EUR"))) == (
        "a",
        CONSISTENT,
        ["a#1", "a#2"],
        "equivalence",
        f"$1 billion {AT} (0.9612 EUR per USD) is €961.2 million; the source says "
        "€960 million (0.1% apart): consistent.",
    )


def test_an_equivalent_past_five_percent_is_inconsistent_and_says_the_gap() -> None:
    assert seen(only(equivalent(0.8e9, "EUR"))) == (
        "a",
        INCONSISTENT,
        ["a#1", "a#2"],
        "equivalence",
        f"$1 billion {AT} (0.9612 EUR per USD) is €961.2 million; the source says "
        "€800 million (16.8% apart): not consistent.",
    )


@pytest.mark.parametrize(
    ("stated", "status"),
    [
        (1.009e9, CONSISTENT),  # 4.98 % above €961.17 million
        (1.0097e9, INCONSISTENT),  # 5.05 %
        (0.9137e9, CONSISTENT),  # 4.94 % below
        (0.913e9, INCONSISTENT),  # 5.01 %
    ],
)
def test_an_equivalent_is_consistent_up_to_five_percent_either_way(
    stated: float, status: CheckStatus
) -> None:
    assert only(equivalent(stated, "EUR")).status is status


def test_an_equivalent_exactly_five_percent_off_is_consistent() -> None:
    # one currency on both sides: the rate is 1 and the gap exactly 5 %
    assert only(equivalent(1.05e9, "USD")).detail == (
        f"$1 billion {AT} (1 USD per USD) is $1 billion; the source says $1.05 billion "
        "(5.0% apart): consistent."
    )


def test_an_equivalent_of_zero_is_inconsistent_with_a_figure() -> None:
    assert only(equivalent(0.0, "EUR")).detail == (
        f"$1 billion {AT} (0.9612 EUR per USD) is €961.2 million; the source says "
        "€0 (100.0% apart): not consistent."
    )


def test_a_zero_anchor_is_unresolved_not_a_crash() -> None:
    # found by the mutation run: the gap was divided by the converted zero
    check = only(equivalent(5.0, "EUR", anchor=0.0))
    assert (check.status, check.detail) == (
        UNRESOLVED,
        f"$0 cannot be converted to EUR {AT}.",
    )


def test_a_currency_without_a_rate_is_unresolved() -> None:
    assert seen(only(equivalent(5e9, "ZZZ"))) == (
        "a",
        UNRESOLVED,
        ["a#1", "a#2"],
        "equivalence",
        f"$1 billion cannot be converted to ZZZ {AT}.",
    )


# --- an open currency ---------------------------------------------------------------------


def test_an_open_currency_that_one_candidate_fits_is_read_as_it() -> None:
    found = equivalent(156e9, "XXX", currency_candidates=["JPY", "CNY"])
    detail = (
        f"The currency is open (JPY or CNY); $1 billion {AT} (156.3 JPY per USD) is "
        "156.3 billion JPY, 0.2% from the stated 156 billion, so it is read as JPY "
        "(other readings: 7.288 billion CNY)."
    )
    assert seen(only(found)) == ("a", CONSISTENT, ["a#1", "a#2"], "equivalence", detail)
    assert (found.claims[1].unit, found.claims[1].currency_resolution) == ("JPY", detail)


def test_an_open_currency_with_one_candidate_names_no_other_reading() -> None:
    found = equivalent(156e9, "XXX", currency_candidates=["JPY"])
    assert only(found).detail == (
        f"The currency is open (JPY); $1 billion {AT} (156.3 JPY per USD) is 156.3 billion "
        "JPY, 0.2% from the stated 156 billion, so it is read as JPY."
    )


def test_a_candidate_without_a_rate_is_passed_over() -> None:
    found = equivalent(156e9, "XXX", currency_candidates=["ZZZ", "JPY"])
    assert (only(found).status, found.claims[1].unit) == (CONSISTENT, "JPY")


def test_an_unstated_currency_is_read_among_the_topics_currencies_naming_two_others() -> None:
    found = equivalent(7.3e9, "XXX")
    assert only(found).detail == (
        f"The currency is not stated; $1 billion {AT} (7.288 CNY per USD) is 7.288 billion "
        "CNY, 0.2% from the stated 7.3 billion, so it is read as CNY (other readings: "
        "7.79 billion HKD, 86.44 billion INR)."
    )
    assert found.claims[1].unit == "CNY"


def test_open_candidates_without_a_rate_are_all_named() -> None:
    found = equivalent(5e9, "XXX", currency_candidates=["ZZZ", "ZZY"])
    assert only(found).detail == f"$1 billion cannot be converted to ZZZ, ZZY {AT}."


def test_an_open_currency_that_no_candidate_fits_is_said_in_the_nearest() -> None:
    found = equivalent(9e12, "XXX", currency_candidates=["JPY", "CNY"])
    assert (only(found).status, only(found).detail) == (
        INCONSISTENT,
        f"$1 billion {AT} (156.3 JPY per USD) is 156.3 billion JPY; the source says "
        "9 trillion JPY (5659.4% apart): not consistent.",
    )
    assert found.claims[1].unit == "XXX", "still open"


def test_an_open_currency_that_two_candidates_fit_stays_unresolved() -> None:
    found = equivalent(7.5e9, "XXX", currency_candidates=["CNY", "HKD"])
    assert seen(only(found)) == (
        "a",
        UNRESOLVED,
        ["a#1", "a#2"],
        "equivalence",
        f"$1 billion {AT} fits CNY (2.9% off) or HKD (3.7% off); the currency stays unresolved.",
    )
    assert found.claims[1].unit == "XXX"


# --- parts against their total ------------------------------------------------------------


def parts(total: float, first: float, second: float, **extra: object) -> list[Claim]:
    return [
        claim("a", 1, total, "USD", **extra),
        claim("a", 2, first, "USD", metric="initial_investment", **extra),
        claim("a", 3, second, "USD", metric="remaining_investment", **extra),
    ]


def test_parts_within_one_percent_of_their_total_match_it() -> None:
    assert seen(only(page(*parts(500e9, 100e9, 405e9)))) == (
        "a",
        CONSISTENT,
        ["a#1", "a#2", "a#3"],
        "parts_total",
        "Stargate: $100 billion + $405 billion = $505 billion, matching the stated total "
        "of $500 billion.",
    )


def test_parts_past_one_percent_of_their_total_do_not_match_it() -> None:
    assert seen(only(page(*parts(500e9, 100e9, 406e9)))) == (
        "a",
        INCONSISTENT,
        ["a#1", "a#2", "a#3"],
        "parts_total",
        "Stargate: $100 billion + $406 billion = $506 billion, not matching the stated "
        "total of $500 billion.",
    )


@pytest.mark.parametrize(
    ("second", "status"),
    [(405e9, CONSISTENT), (405.25e9, INCONSISTENT), (395e9, CONSISTENT), (394.7e9, INCONSISTENT)],
)
def test_parts_match_their_total_up_to_one_percent_either_way(
    second: float, status: CheckStatus
) -> None:
    # 505 is 1 % over 500, 505.25 1.05 %; 495 is 1 % under, 494.7 1.06 %
    assert only(page(*parts(500e9, 100e9, second))).status is status


def test_a_zero_part_adds_nothing() -> None:
    check = only(page(*parts(1.0, 1.0, 0.0)))
    assert (check.status, check.detail) == (
        CONSISTENT,
        "Stargate: $1 + $0 = $1, matching the stated total of $1.",
    )


def test_zero_parts_match_a_zero_total() -> None:
    check = only(page(*parts(0.0, 0.0, 0.0)))
    assert (check.status, check.detail) == (
        CONSISTENT,
        "Stargate: $0 + $0 = $0, matching the stated total of $0.",
    )


def test_a_percent_of_a_part_is_not_money_and_is_left_out() -> None:
    share = claim("a", 4, 20.0, "percent", metric="initial_investment")
    check = only(page(share, *parts(500e9, 100e9, 400e9)))
    assert (check.status, check.claim_ids) == (CONSISTENT, ["a#1", "a#2", "a#3"])


def test_a_subject_without_every_part_does_not_stop_the_next_subjects_check() -> None:
    lone = claim("a", 4, 70e9, "USD", subject="Acme", metric="initial_investment")
    found = page(lone, *parts(500e9, 100e9, 400e9))
    assert [(c.kind, c.claim_ids) for c in found.consistency_checks] == [
        ("parts_total", ["a#1", "a#2", "a#3"])
    ]


def test_a_subject_with_parts_in_another_currency_does_not_stop_the_next_ones() -> None:
    euros = [c.model_copy(update={"id": f"e{c.id}"}) for c in parts(50e9, 10e9, 40e9)]
    euros[2] = euros[2].model_copy(update={"unit": "EUR"})
    other = [c.model_copy(update={"subject": "Acme"}) for c in euros]
    found = page(*other, *parts(500e9, 100e9, 400e9))
    assert [(c.kind, c.claim_ids) for c in found.consistency_checks] == [
        ("parts_total", ["a#1", "a#2", "a#3"])
    ]


# --- stakes against 100 % -----------------------------------------------------------------


def stakes(*values: tuple[str, float]) -> Reconciliation:
    return page(
        *(
            claim("a", n, value, "percent", subject=subject, metric="equity_stake")
            for n, (subject, value) in enumerate(values, 1)
        )
    )


def test_stakes_adding_up_to_100_percent_leave_nothing_for_others() -> None:
    assert seen(only(stakes(("OpenAI", 60.0), ("SoftBank", 40.0)))) == (
        "a",
        CONSISTENT,
        ["a#1", "a#2"],
        "shares_total",
        "OpenAI 60 % + SoftBank 40 % = 100 %, leaving 0 % for others.",
    )


def test_stakes_past_100_percent_are_inconsistent() -> None:
    assert seen(only(stakes(("OpenAI", 60.0), ("SoftBank", 40.1)))) == (
        "a",
        INCONSISTENT,
        ["a#1", "a#2"],
        "shares_total",
        "OpenAI 60 % + SoftBank 40.1 % = 100.1 %, more than 100 %.",
    )


def test_a_zero_stake_counts_as_zero_and_100_percent_is_not_past_100() -> None:
    # 0 + 100.000000001 is 100 plus the float noise the check allows, exactly
    check = only(stakes(("OpenAI", 0.0), ("SoftBank", 100.000000001)))
    assert check.status is CONSISTENT
    assert check.detail == "OpenAI 0 % + SoftBank 100 % = 100 %, leaving 0 % for others."


def test_what_stakes_leave_for_others_is_shown_to_the_millionth_of_a_percent() -> None:
    check = only(stakes(("OpenAI", 60.0), ("SoftBank", 39.999999)))
    assert check.detail.endswith("leaving 1e-06 % for others.")
    finer = only(stakes(("OpenAI", 60.0), ("SoftBank", 39.9999996)))
    assert finer.detail.endswith("leaving 0 % for others.")


def test_only_the_stake_metric_in_percent_counts() -> None:
    found = page(
        claim("a", 1, 40.0, "percent", subject="OpenAI", metric="equity_stake"),
        claim("a", 2, 40.5, "percent", subject="SoftBank", metric="equity_stake"),
        claim("a", 3, 30.0, "percent", subject="MGX", metric="revenue_share"),
        claim("a", 4, 30.0, "count", subject="Oracle", metric="equity_stake"),
    )
    assert (
        only(found).detail == "OpenAI 40 % + SoftBank 40.5 % = 80.5 %, leaving 19.5 % for others."
    )


def test_one_stake_alone_is_not_checked() -> None:
    assert stakes(("OpenAI", 40.0)).consistency_checks == []

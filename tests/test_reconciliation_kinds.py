"""Reconciliation by scope and time: the four kinds of difference and each explainer."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

from hypothesis import given, settings
from hypothesis import strategies as st
from test_reconciliation import article, claim, run, seeds

from stargate_digest.models import (
    Article,
    ArticleClaims,
    Claim,
    Digest,
    Disagreement,
    DisagreementKind,
    Qualifier,
    Severity,
)
from stargate_digest.reconciliation import Reconciliation, reconcile
from stargate_digest.topic import ScopeSpec, load_topic

CONFLICT, SCOPE = DisagreementKind.CONFLICT, DisagreementKind.SCOPE
UPDATE, ROUNDING = DisagreementKind.UPDATE, DisagreementKind.ROUNDING


def on(day: str) -> datetime:
    return datetime.fromisoformat(day).replace(tzinfo=UTC)


def sources(*specs: tuple[str, str | None, list[Claim]]) -> Reconciliation:
    """Articles by id with an optional publication date, and their claims."""
    return run(*((article(sid, on(day) if day else None), claims) for sid, day, claims in specs))


def only(found: Reconciliation) -> Disagreement:
    assert len(found.disagreements) == 1, [d.explanation for d in found.disagreements]
    return found.disagreements[0]


# --- the seeds ---------------------------------------------------------------------------


def test_seed_total_stays_a_high_conflict_with_the_partners_sum_on_the_38_billion() -> None:
    total = next(d for d in seeds().disagreements if d.metric == "total_investment")
    assert total.kind is CONFLICT and total.severity is Severity.HIGH
    assert [v.value for v in total.values] == [500e9, 38e9, 4e12], "consensus first"
    thirty_eight = total.values[1]
    assert thirty_eight.explanation is not None
    assert "OpenAI $19 billion and SoftBank $19 billion combined" in thirty_eight.explanation
    assert total.values[2].explanation is None, "nothing explains US$4 trillion"


def test_seed_announcement_dates_stay_low() -> None:
    dates = next(d for d in seeds().disagreements if d.metric == "announcement_date")
    assert dates.severity is Severity.LOW
    assert "time zones" in (dates.values[1].explanation or "")


def test_explanations_speak_about_values_never_source_ids() -> None:
    ids = {c.source_id for c in seeds().claims}
    for found in seeds().disagreements:
        texts = [found.explanation, found.likely_error, *(v.explanation for v in found.values)]
        for text in filter(None, texts):
            assert not any(i in text or i[:3] in text.split() for i in ids), text


# --- compare like with like --------------------------------------------------------------


def test_figures_of_different_scopes_are_a_low_breakdown_never_a_conflict() -> None:
    power = {"metric": "power_capacity"}
    found = sources(
        ("a", None, [claim("a", 1, 1.2, "GW", scope="Abilene campus", **power)]),
        ("b", None, [claim("b", 1, 1200.0, "MW", scope="Abilene campus", **power)]),
        ("c", None, [claim("c", 1, 1.0, "GW", scope="UAE", **power)]),
        ("d", None, [claim("d", 1, 230.0, "MW", scope="Norway", **power)]),
        ("e", None, [claim("e", 1, 1.2, "GW", scope="Abilene campus", **power)]),
    )
    breakdown = only(found)
    assert breakdown.kind is SCOPE and breakdown.severity is Severity.LOW
    assert [(v.scope, v.value, v.unit) for v in breakdown.values] == [
        ("Abilene campus", 1.2, "GW"),  # 1.2 GW and 1,200 MW are one figure
        ("Stargate Norway", 230.0, "MW"),  # the profile's names for "Norway" and "UAE"
        ("Stargate UAE", 1.0, "GW"),
    ]
    assert {f.scope for f in found.key_figures} == {
        "Abilene campus",
        "Stargate UAE",
        "Stargate Norway",
    }


def test_scope_aliases_are_one_scope_and_the_claims_carry_the_canonical_name() -> None:
    topic = load_topic().model_copy(
        update={"scopes": {"Abilene campus": ScopeSpec(kind="site", aliases=["Abilene, Texas"])}}
    )
    results = [
        ArticleClaims(article=article(s), claims=[claim(s, 1, 1.2, "GW", scope=name,
                      metric="power_capacity")], backend="test")
        for s, name in (("a", "Abilene, Texas"), ("b", "abilene campus"), ("c", "Abilene campus"))
    ]  # fmt: skip
    found = reconcile(results, topic=topic, today=date(2026, 11, 22))
    assert found.disagreements == []
    assert {c.scope for c in found.claims} == {"Abilene campus"}
    assert [(f.scope, len(f.source_ids)) for f in found.key_figures] == [("Abilene campus", 3)]


def test_other_figures_meet_only_when_they_name_the_same_thing() -> None:
    other = {"metric": "other"}
    found = sources(
        ("a", None, [claim("a", 1, 10.0, "count", detail="Cooling towers", **other)]),
        ("b", None, [claim("b", 1, 20.0, "count", detail=" cooling  towers", **other)]),
        ("c", None, [claim("c", 1, 30.0, "count", detail="substations", **other)]),
        ("d", None, [claim("d", 1, 40.0, "count", **other)]),  # names nothing: compared to nothing
    )
    found_one = only(found)
    assert {v.value for v in found_one.values} == {10.0, 20.0}
    assert "cooling towers" in found_one.explanation


def test_a_range_agrees_with_every_value_inside_it() -> None:
    inside = sources(
        ("a", None, [claim("a", 1, 15e9, "USD", value_max=25e9)]),
        ("b", None, [claim("b", 1, 20e9, "USD")]),
        ("c", None, [claim("c", 1, 20.2e9, "USD", qualifier=Qualifier.APPROX)]),
        ("d", None, [claim("d", 1, 18e9, "USD", value_max=22e9)]),
    )
    assert inside.disagreements == []
    outside = sources(
        ("a", None, [claim("a", 1, 15e9, "USD", value_max=25e9)]),
        ("b", None, [claim("b", 1, 40e9, "USD")]),
    )
    assert [v.value_max for v in only(outside).values] in ([None, 25e9], [25e9, None])


def test_dates_compare_at_their_precision() -> None:
    metric = {"metric": "target_date"}
    agree = sources(
        ("a", None, [claim("a", 1, "2026-06", "date", **metric)]),
        ("b", None, [claim("b", 1, "2026-06-30", "date", **metric)]),
        ("c", None, [claim("c", 1, "2026", "date", **metric)]),
    )
    assert agree.disagreements == [], "a month agrees with its days, a year with its months"
    differ = sources(
        ("a", None, [claim("a", 1, "2026", "date", **metric)]),
        ("b", None, [claim("b", 1, "2028", "date", **metric)]),
    )
    assert only(differ).kind is CONFLICT and only(differ).severity is Severity.HIGH


def test_a_cluster_is_shown_in_the_unit_most_of_its_sources_state() -> None:
    day = "2025-01-23"
    found = sources(
        ("a", day, [claim("a", 1, 78.2e12, "JPY")]),
        *((s, day, [claim(s, 1, 500e9, "USD")]) for s in ("b", "c", "d")),
        ("e", day, [claim("e", 1, 38e9, "USD")]),
    )
    conflict = next(d for d in found.disagreements if d.kind is CONFLICT)
    consensus = conflict.values[0]
    assert (consensus.value, consensus.unit) == (500e9, "USD")
    assert consensus.source_ids == ["a", "b", "c", "d"]
    assert consensus.claim_ids[0] != "a#1", "the first claim states the value shown"


# --- time ----------------------------------------------------------------------------------


def valuation(source: str, value: float, **extra: object) -> Claim:
    return claim(source, 1, value, "USD", subject="OpenAI", metric="valuation", **extra)


def test_later_sources_giving_the_later_value_are_an_update_with_its_sequence() -> None:
    found = sources(
        ("a", "2024-10-03", [valuation("a", 157e9)]),
        ("b", "2024-10-20", [valuation("b", 157e9)]),
        ("c", "2025-03-31", [valuation("c", 300e9)]),
        ("d", "2025-04-02", [valuation("d", 300e9)]),
        ("e", "2025-10-02", [valuation("e", 500e9)]),
    )
    update = only(found)
    assert update.kind is UPDATE and update.severity is Severity.LOW
    assert "$157 billion (Oct 2024) -> $300 billion (Mar 2025) -> $500 billion (Oct 2025)" in (
        update.explanation
    )
    assert {v.value: v.as_of for v in update.values} == {
        157e9: "2024-10-03",
        300e9: "2025-03-31",
        500e9: "2025-10-02",
    }


def test_as_of_stands_for_the_publication_date() -> None:
    found = sources(
        ("a", "2025-06-01", [valuation("a", 157e9, as_of="2024-10")]),
        ("b", "2025-06-01", [valuation("b", 300e9, as_of="2025-03")]),
    )
    assert only(found).kind is UPDATE
    assert "(October 2024) -> $300 billion (March 2025)" in only(found).explanation


def test_sources_about_the_same_moment_that_differ_are_a_conflict() -> None:
    found = sources(
        ("a", "2025-03-01", [valuation("a", 157e9)]),
        ("b", "2025-03-08", [valuation("b", 300e9)]),
        ("c", "2025-06-01", [valuation("c", 157e9)]),
    )
    assert only(found).kind is CONFLICT and only(found).severity is Severity.MEDIUM


def test_an_old_value_that_later_sources_still_give_is_no_update() -> None:
    found = sources(
        ("a", "2024-10-03", [valuation("a", 157e9)]),
        ("b", "2025-03-31", [valuation("b", 300e9)]),
        ("c", "2025-04-30", [valuation("c", 157e9)]),
        ("d", "2025-05-30", [valuation("d", 157e9)]),
    )
    assert only(found).kind is CONFLICT


# --- explainers ---------------------------------------------------------------------------


def test_rounding_is_low_and_says_so() -> None:
    power = {"metric": "power_capacity"}
    found = sources(
        ("a", None, [claim("a", 1, 1.2, "GW", **power)]),
        ("b", None, [claim("b", 1, 1.2, "GW", **power)]),
        ("c", None, [claim("c", 1, 1.25, "GW", **power)]),
    )
    assert (only(found).kind, only(found).severity) == (ROUNDING, Severity.LOW)
    assert "rounded differently" in (only(found).values[1].explanation or "")


def test_a_conversion_at_the_ecb_rate_is_rounding() -> None:
    day = "2025-01-23"
    found = sources(
        ("a", day, [claim("a", 1, 500e9, "EUR")]),
        ("b", day, [claim("b", 1, 540e9, "USD")]),
        ("c", day, [claim("c", 1, 540e9, "USD")]),
    )
    assert only(found).kind is ROUNDING
    assert "converted at the ECB rate of 2025-01-23" in (only(found).values[1].explanation or "")


def test_the_same_number_in_another_currency_is_a_likely_error() -> None:
    day = "2025-01-23"
    found = sources(
        ("a", day, [claim("a", 1, 500e9, "JPY")]),
        ("b", day, [claim("b", 1, 500e9, "USD")]),
        ("c", day, [claim("c", 1, 500e9, "USD")]),
    )
    assert only(found).kind is CONFLICT and only(found).severity is Severity.HIGH
    assert "currency label" in (only(found).likely_error or "")


def test_a_false_friend_scale_word_is_named_as_the_likely_error() -> None:
    found = sources(
        ("a", None, [claim("a", 1, 500e9, "USD")]),
        ("b", None, [claim("b", 1, 500e9, "USD")]),
        ("c", None, [claim("c", 1, 500e12, "USD", quote="500 billions de dollars")]),
    )
    disagreement = only(found)
    assert disagreement.kind is CONFLICT and disagreement.severity is Severity.HIGH
    assert "'billions' means 10^9 in en, 10^12 in fr" in (disagreement.likely_error or "")


def test_a_misread_scale_word_is_named() -> None:
    found = sources(
        ("a", None, [claim("a", 1, 500e9, "USD")]),
        ("b", None, [claim("b", 1, 500e9, "USD")]),
        ("c", None, [claim("c", 1, 500e12, "USD", quote="a $500 trillion plan")]),
    )
    assert "'trillion' written for 'billion'" in (only(found).likely_error or "")


def test_a_thousandfold_gap_without_a_scale_word_is_a_typo() -> None:
    found = sources(
        ("a", None, [claim("a", 1, 500e9, "USD")]),
        ("b", None, [claim("b", 1, 500e9, "USD")]),
        ("c", None, [claim("c", 1, 500e6, "USD", quote="USD 500,000,000")]),
    )
    assert "x1,000 typo" in (only(found).likely_error or "")
    assert "1,000 times less than $500 billion" in (only(found).values[1].explanation or "")


def test_one_partners_share_given_as_the_total_is_a_conflict_with_its_likely_error() -> None:
    found = sources(
        ("a", None, [claim("a", 1, 500e9, "USD")]),
        ("b", None, [claim("b", 1, 500e9, "USD")]),
        ("c", None, [claim("c", 1, 19e9, "USD")]),
        ("d", None, [claim("d", 1, 19e9, "USD", subject="SoftBank", metric="equity_contribution")]),
    )
    total = next(d for d in found.disagreements if d.metric == "total_investment")
    assert (total.kind, total.severity) == (CONFLICT, Severity.HIGH)
    assert "SoftBank's $19 billion (equity contribution)" in (total.values[1].explanation or "")
    assert total.likely_error == total.values[1].explanation


def test_a_part_larger_than_the_whole_is_compared_as_the_whole() -> None:
    found = sources(
        *((s, None, [claim(s, 1, 500e9, "USD")]) for s in ("a", "b")),
        ("c", None, [claim("c", 1, 4e12, "USD", scope="UAE")]),  # "UAE" named nearby
        ("d", None, [claim("d", 1, 100e9, "USD", scope="phase 1")]),  # a real part
    )
    conflict = next(d for d in found.disagreements if d.kind is CONFLICT)
    assert [v.value for v in conflict.values] == [500e9, 4e12]
    assert {c.id: c.scope for c in found.claims}["c#1"] is None
    assert {c.id: c.scope for c in found.claims}["d#1"] == "phase 1"


def test_a_whole_that_equals_one_parts_figure_is_a_conflict_explained_by_that_part() -> None:
    found = sources(
        ("a", None, [claim("a", 1, 500e9, "USD")]),
        ("b", None, [claim("b", 1, 500e9, "USD")]),
        ("c", None, [claim("c", 1, 100e9, "USD")]),
        ("d", None, [claim("d", 1, 100e9, "USD", scope="phase 1")]),
    )
    kinds = sorted((d.kind.value, d.scope or "") for d in found.disagreements)
    assert kinds == [("conflict", ""), ("scope", "")], "the whole's conflict and the breakdown"
    within = next(d for d in found.disagreements if {v.scope for v in d.values} == {None})
    assert "the figure given for phase 1" in (within.values[1].explanation or "")


def test_more_than_four_values_name_the_consensus_and_count_the_rest() -> None:
    found = sources(
        *((s, None, [claim(s, 1, 500e9, "USD")]) for s in ("a", "b", "c")),
        *(
            (s, None, [claim(s, 1, v, "USD")])
            for s, v in (("d", 7e9), ("e", 70e9), ("f", 900e9), ("g", 3e12))
        ),
    )
    found_one = only(found)
    assert found_one.explanation.startswith(
        "Most sources give Stargate's total investment as $500 billion (3 sources); 4 other"
    )


# --- properties ----------------------------------------------------------------------------

_VALUES = [19e9, 38e9, 100e9, 101e9, 500e9, 505e9, 500e12, 4e12]
_SCOPES = [None, "phase 1", "Abilene campus"]


@st.composite
def coverage(draw: st.DrawFn) -> list[tuple[Article, list[Claim]]]:
    """Up to six sources, each with up to five claims on two subjects, three scopes."""
    count = draw(st.integers(1, 6))
    days = ["2024-10-01", "2025-01-23", "2025-06-30", None]
    found = []
    for index in range(count):
        sid = f"s{index}"
        day = draw(st.sampled_from(days))
        claims = []
        for n in range(1, draw(st.integers(1, 5)) + 1):
            subject = draw(st.sampled_from(["Stargate", "SoftBank"]))
            metric = "total_investment" if subject == "Stargate" else "equity_contribution"
            extra = {"scope": draw(st.sampled_from(_SCOPES)), "subject": subject, "metric": metric}
            if draw(st.booleans()) and n == 1:
                value = draw(st.sampled_from(["2025-01-22", "--01-22", "2025-01", "2025-01-23"]))
                extra["metric"] = "announcement_date"
                claims.append(claim(sid, n, value, "date", **extra))
            else:
                value_max = draw(st.sampled_from([None, None, 120e9]))
                claims.append(
                    claim(sid, n, draw(st.sampled_from(_VALUES)), "USD", value_max=value_max,
                          qualifier=draw(st.sampled_from(list(Qualifier))), **extra)
                )  # fmt: skip
        found.append((article(sid, on(day) if day else None), claims))
    return found


def _findings(pairs: list[tuple[Article, list[Claim]]]) -> str:
    found = run(*pairs)
    return json.dumps(
        [
            [d.model_dump(mode="json") for d in found.disagreements],
            [f.model_dump(mode="json") for f in found.key_figures],
        ],
        sort_keys=True,
    )


@settings(max_examples=60, deadline=None)
@given(coverage(), st.randoms(use_true_random=False))
def test_reordering_the_input_changes_nothing(
    pairs: list[tuple[Article, list[Claim]]], rng: object
) -> None:
    import random

    assert isinstance(rng, random.Random)
    shuffled = [(a, rng.sample(cs, len(cs))) for a, cs in pairs]
    rng.shuffle(shuffled)
    assert _findings(shuffled) == _findings(pairs)


@settings(max_examples=60, deadline=None)
@given(coverage())
def test_a_claim_never_meets_a_claim_of_another_scope(
    pairs: list[tuple[Article, list[Claim]]],
) -> None:
    found = run(*pairs)
    scope_of = {c.id: c.scope for c in found.claims}
    for disagreement in found.disagreements:
        for value in disagreement.values:
            assert {scope_of[i] for i in value.claim_ids} == {value.scope}
        scopes = {v.scope for v in disagreement.values}
        if len(scopes) > 1:  # only a breakdown shows several parts, and never as a conflict
            assert disagreement.kind is SCOPE and disagreement.severity is Severity.LOW
        else:
            assert scopes == {disagreement.scope}
    for figure in found.key_figures:
        for value in [figure, *figure.outliers]:
            assert {scope_of[i] for i in value.claim_ids} == {figure.scope}


def test_the_summary_headline_names_a_conflict_and_calls_the_rest_by_their_kind() -> None:
    from stargate_digest.digest.build import build_digest

    pairs = [
        ("a", "2024-10-03", [valuation("a", 157e9)]),
        ("b", "2025-03-31", [valuation("b", 300e9)]),
    ]
    results = [
        ArticleClaims(article=article(s, on(d)), claims=cs, backend="test") for s, d, cs in pairs
    ]
    digest = build_digest(results, backend="test", generated_at=on("2026-11-22"))
    assert digest.summary.startswith("The sources do not contradict each other")
    other = ArticleClaims(article=article("c"), claims=[claim("c", 1, 1e9, "USD")], backend="t")
    mixed = build_digest(
        [other, *results],
        backend="test",
        generated_at=on("2026-11-22"),
    )
    assert "OpenAI's valuation (update, low)" in mixed.summary


def test_a_source_restating_the_consensus_in_another_currency_disagrees_with_nobody() -> None:
    day = "2025-09-24"
    contract = {"subject": "Oracle", "metric": "contract_value"}
    both = [claim("a", 1, 30e9, "USD", **contract), claim("a", 2, 226e9, "CNY", **contract)]
    found = sources(("a", day, both), ("b", day, [claim("b", 1, 30e9, "USD", **contract)]))
    assert found.disagreements == []
    assert [len(f.outliers) for f in found.key_figures] == [1], "the key figure still shows it"


def test_a_partners_share_explains_only_a_figure_for_a_whole() -> None:
    stake = {"subject": "SoftBank", "metric": "equity_contribution"}
    found = sources(
        ("a", None, [claim("a", 1, 19e9, "USD", **stake)]),
        ("b", None, [claim("b", 1, 19e9, "USD", **stake)]),
        ("c", None, [claim("c", 1, 3.5e9, "USD", **stake)]),
        ("d", None, [claim("d", 1, 3.5e9, "USD", subject="MGX", metric="equity_contribution")]),
    )
    softbank = next(d for d in found.disagreements if d.subject == "SoftBank")
    assert softbank.kind is CONFLICT and softbank.values[1].explanation is None


def test_whole_numbers_below_a_million_read_in_full() -> None:
    jobs = {"metric": "jobs"}
    found = sources(
        *((s, None, [claim(s, 1, 100_000.0, "count", **jobs)]) for s in ("a", "b")),
        ("c", None, [claim("c", 1, 1_500.0, "count", **jobs)]),
    )
    assert "100,000 jobs (2 sources) vs 1,500 jobs (1 source)" in only(found).explanation


def test_two_values_one_source_states_are_parts_or_moments_not_a_conflict() -> None:
    power = {"metric": "power_capacity"}
    found = sources(
        ("a", None, [claim("a", 1, 1.2, "GW", **power), claim("a", 2, 4.5, "GW", **power)]),
        ("b", None, [claim("b", 1, 1.2, "GW", **power)]),
        ("c", None, [claim("c", 1, 4.5, "GW", **power)]),
    )
    assert (only(found).kind, only(found).severity) == (SCOPE, Severity.LOW)
    assert "One source gives both 4.5 GW and 1.2 GW" in (only(found).values[1].explanation or "")


def test_a_breakdown_and_the_disagreement_about_the_whole_are_two_findings_for_changes() -> None:
    from stargate_digest.digest.build import build_digest
    from stargate_digest.schedule.changes import compare_digests

    whole = [(s, None, [claim(s, 1, 500e9, "USD")]) for s in ("a", "b")]
    conflict = [("c", None, [claim("c", 1, 38e9, "USD")])]
    part = [("d", None, [claim("d", 1, 100e9, "USD", scope="phase 1")])]

    def digest(*specs: tuple[str, str | None, list[Claim]]) -> object:
        results = [ArticleClaims(article=article(s), claims=cs, backend="t") for s, _, cs in specs]
        return build_digest(results, backend="t", generated_at=on("2026-11-22"))

    before, after = digest(*whole, *part), digest(*whole, *part, *conflict)
    assert isinstance(before, Digest) and isinstance(after, Digest)
    assert [d.kind for d in before.disagreements] == [SCOPE]
    changes = compare_digests(before, after)
    new = [d for d in after.disagreements if d.id in changes.new_disagreements]
    assert [d.kind for d in new] == [CONFLICT] and changes.resolved_disagreements == []


def test_years_a_year_apart_are_no_day_apart_and_can_be_an_update() -> None:
    start = {"metric": "target_date"}
    both = [claim("c", 1, "2025", "date", **start), claim("c", 2, "2023", "date", **start)]
    found = sources(
        ("a", "2022-03-15", [claim("a", 1, "2023", "date", **start)]),
        ("b", "2022-04-01", [claim("b", 1, "2023", "date", **start)]),
        ("c", "2024-09-17", both),  # a later source that gives the old and the new target
        ("d", "2024-10-01", [claim("d", 1, "2025", "date", **start)]),
    )
    moved = only(found)
    assert moved.kind is UPDATE, moved.explanation
    assert "a day" not in moved.explanation
    same_time = sources(
        ("a", "2022-03-15", [claim("a", 1, "2023", "date", **start)]),
        ("b", "2022-03-16", [claim("b", 1, "2024", "date", **start)]),
    )
    assert only(same_time).severity is Severity.HIGH, "a year apart at the same moment"


def test_precise_figures_that_no_one_number_rounds_to_are_different_figures() -> None:
    loss = {"subject": "Nvidia", "metric": "valuation"}
    found = sources(
        *((s, None, [claim(s, 1, 589e9, "USD", **loss)]) for s in ("a", "b")),
        ("c", None, [claim("c", 1, 592.7e9, "USD", **loss)]),
        ("d", None, [claim("d", 1, 590e9, "USD", **loss)]),  # "590": two digits, a rounding
    )
    differ, rounding = found.disagreements
    assert (differ.kind, differ.severity) == (CONFLICT, Severity.LOW)
    assert [(v.value, len(v.source_ids)) for v in differ.values] == [(589e9, 3), (592.7e9, 1)]
    assert rounding.kind is ROUNDING, "590 is 589 rounded: one figure, written two ways"
    assert [(v.value, len(v.source_ids)) for v in rounding.values] == [(589e9, 2), (590e9, 1)]

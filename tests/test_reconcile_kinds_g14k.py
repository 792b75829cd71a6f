"""Kinds of difference (issue 11, sixth turn): general rules of reconciliation.

Invented coverage only (no corpus text): each test builds the few claims a rule is about.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from test_reconciliation import article, claim

from stargate_digest.cue_words import initial_words
from stargate_digest.models import ArticleClaims, Claim, Disagreement, DisagreementKind, Severity
from stargate_digest.reconciliation import Reconciliation, reconcile
from stargate_digest.reconciliation.moments import _first_word
from stargate_digest.topic import ScopeSpec, load_topic


def run(*pages: tuple[str, list[Claim]]) -> Reconciliation:
    """Undated pages, the default profile."""
    results = [
        ArticleClaims(article=article(source), claims=claims, backend="t")
        for source, claims in pages
    ]
    return reconcile(results, topic=load_topic(), today=date(2026, 11, 22))


def said(
    source: str, n: int, value: float, unit: str, quote: str, *, at: int = 0, **extra: object
) -> Claim:
    """A claim whose quote starts at ``at`` in its page."""
    return claim(source, n, value, unit, quote=quote, start=at, end=at + len(quote), **extra)


def holding(found: Reconciliation, *values: float) -> list[Disagreement]:
    """The findings that list every one of ``values``."""
    return [
        d
        for d in found.disagreements
        if all(any(v.value == value for v in d.values) for value in values)
    ]


GPUS: dict[str, object] = {"metric": "gpu_count"}


# --- a change one page states between two values, neither of them the consensus ------------


def test_a_change_a_page_states_between_two_other_values_is_an_update() -> None:
    # three pages give 50 machines; one page writes "first 30 machines, later 60" and
    # another page gives 60: the 30 is the start of the change the page reports, not a
    # rival of the 50
    found = run(
        ("a", [claim("a", 1, 50.0, "count", **GPUS)]),
        ("b", [claim("b", 1, 50.0, "count", **GPUS)]),
        ("c", [claim("c", 1, 50.0, "count", **GPUS)]),
        (
            "d",
            [
                said("d", 1, 30.0, "count", "first 30 machines", at=100, **GPUS),
                said("d", 2, 60.0, "count", "later 60", at=119, **GPUS),
            ],
        ),
        ("e", [claim("e", 1, 60.0, "count", **GPUS)]),
    )
    change = holding(found, 30.0, 60.0)
    assert [d.kind for d in change] == [DisagreementKind.UPDATE]
    assert "in one statement" in str(change[0].values[1].explanation)
    # 60 against 50 is still what it was: two pages against three, nothing explains it
    assert [d.kind for d in holding(found, 50.0, 60.0)] == [DisagreementKind.CONFLICT]


def test_two_values_of_one_page_far_apart_in_it_are_no_stated_change() -> None:
    found = run(
        ("a", [claim("a", 1, 50.0, "count", **GPUS)]),
        ("b", [claim("b", 1, 50.0, "count", **GPUS)]),
        ("c", [claim("c", 1, 50.0, "count", **GPUS)]),
        (
            "d",
            [
                said("d", 1, 30.0, "count", "first 30 machines", at=100, **GPUS),
                said("d", 2, 60.0, "count", "later 60", at=400, **GPUS),
            ],
        ),
        ("e", [claim("e", 1, 60.0, "count", **GPUS)]),
    )
    assert DisagreementKind.UPDATE not in [d.kind for d in holding(found, 30.0)]


# --- a figure its page gives as the first one -------------------------------------------------


def test_a_value_its_page_gives_as_the_first_one_is_an_earlier_figure() -> None:
    found = run(
        ("a", [claim("a", 1, 50.0, "count", **GPUS)]),
        ("b", [claim("b", 1, 50.0, "count", **GPUS)]),
        ("c", [said("c", 1, 20.0, "count", "the lab initially ran 20 machines", at=0, **GPUS)]),
    )
    assert [(d.kind, d.severity) for d in found.disagreements] == [
        (DisagreementKind.UPDATE, Severity.LOW)
    ]
    why = str(found.disagreements[0].values[1].explanation)
    assert why.startswith("20 GPUs is the earlier figure: 20 GPUs is given as the first one")


def test_a_first_figure_beside_another_first_figure_is_still_a_conflict() -> None:
    # both values given as the first: the word dates neither against the other
    found = run(
        ("a", [said("a", 1, 50.0, "count", "at first 50 machines", at=0, **GPUS)]),
        ("b", [claim("b", 1, 50.0, "count", **GPUS)]),
        ("c", [said("c", 1, 20.0, "count", "the lab initially ran 20 machines", at=0, **GPUS)]),
    )
    assert [d.kind for d in found.disagreements] == [DisagreementKind.CONFLICT]


def test_the_first_word_marks_the_figure_right_after_it_only() -> None:
    # "originally 12, then 20": the word marks 12; the 20 after 12 is not given as first
    quote = "originally 12 billion, then 20 billion"
    first = said("a", 1, 12e9, "USD", quote, figure_start=11, figure_end=21)
    then = said("a", 2, 20e9, "USD", quote, figure_start=28, figure_end=38)
    assert _first_word(first) and not _first_word(then)
    # the figure's place unknown: the word and a single number in the quote
    assert _first_word(said("a", 3, 14.0, "count", "zunächst 14 Turbinen", at=0))
    assert not _first_word(said("a", 4, 14.0, "count", quote, at=0))
    assert not _first_word(said("a", 5, 14.0, "count", "14 Turbinen", at=0))


def test_first_words_are_whole_words_in_any_case_and_found_inside_cjk() -> None:
    words = initial_words()
    assert words.search("Initially, the fund") and words.search("当初は120億ドル")
    assert words.search("이 공장은 당초 2024년")
    assert not words.search("uninitially") and not words.search("originality")


# --- a figure of another measure, a hundred times off ---------------------------------------


def test_a_lone_figure_of_another_measure_far_off_does_not_make_a_conflict_high() -> None:
    # page b gives $8 billion of investment and, beside it, $8 billion raised: against the
    # $60 million page a gives, that is a figure of the other measure, two orders away
    found = run(
        ("a", [claim("a", 1, 60e6, "USD")]),
        (
            "b",
            [
                claim("b", 1, 8e9, "USD"),
                claim("b", 2, 8e9, "USD", metric="funding_round"),
            ],
        ),
    )
    invest = [d for d in found.disagreements if d.metric == "total_investment"]
    assert [(d.kind, d.severity) for d in invest] == [(DisagreementKind.CONFLICT, Severity.LOW)]
    assert "under another measure" in invest[0].explanation


def test_a_figure_of_another_measure_near_the_other_value_still_witnesses() -> None:
    # $2 billion against $600 million (3.3 times): the other measure's match is no proof
    found = run(
        ("a", [claim("a", 1, 600e6, "USD")]),
        (
            "b",
            [
                claim("b", 1, 2e9, "USD"),
                claim("b", 2, 2e9, "USD", metric="funding_round"),
            ],
        ),
    )
    invest = [d for d in found.disagreements if d.metric == "total_investment"]
    assert [d.severity for d in invest] == [Severity.MEDIUM]


# --- one figure in another unit, rounded --------------------------------------------------------

AREA = {"metric": "site_area"}


def test_a_page_giving_a_figure_converted_to_another_unit_and_rounded_is_a_rounding() -> None:
    # 2 million sq ft is 185,806 m²; a page that writes "186,000 m²" rounds a conversion
    found = run(
        ("a", [claim("a", 1, 2e6, "sqft", **AREA)]),
        ("b", [claim("b", 1, 2e6, "sqft", **AREA)]),
        ("c", [claim("c", 1, 186_000.0, "sqm", **AREA)]),
    )
    assert [(d.kind, d.severity) for d in found.disagreements] == [
        (DisagreementKind.ROUNDING, Severity.LOW)
    ]
    assert "converted (185,800 sqm) and rounded" in found.disagreements[0].explanation


def test_the_very_figure_in_another_unit_is_no_finding() -> None:
    found = run(
        ("a", [claim("a", 1, 2e6, "sqft", **AREA)]),
        ("b", [claim("b", 1, 2e6, "sqft", **AREA)]),
        ("c", [claim("c", 1, 185_806.08, "sqm", **AREA)]),
    )
    assert found.disagreements == []


# --- a count still running ---------------------------------------------------------------------

RAISED: dict[str, object] = {"metric": "funding_round"}


def test_a_count_given_as_reached_so_far_beside_a_larger_value_is_an_earlier_figure() -> None:
    # "$7 billion raised so far this year" against $8 billion for the year: no rounding of
    # one figure (they are 14 % apart, two significant digits each), the count went on
    found = run(
        ("a", [claim("a", 1, 8e9, "USD", **RAISED)]),
        ("b", [claim("b", 1, 8e9, "USD", **RAISED)]),
        ("c", [said("c", 1, 7e9, "USD", "raised $7 billion this year so far", at=0, **RAISED)]),
    )
    assert [d.kind for d in found.disagreements] == [DisagreementKind.UPDATE]
    why = str(found.disagreements[0].values[1].explanation)
    assert why == (
        "$7 billion is the earlier figure: $7 billion is given as the count so far, and the "
        "count went on to $8 billion."
    )


def test_a_count_so_far_above_the_other_value_is_no_earlier_figure() -> None:
    found = run(
        ("a", [claim("a", 1, 8e9, "USD", **RAISED)]),
        ("b", [claim("b", 1, 8e9, "USD", **RAISED)]),
        ("c", [said("c", 1, 9.5e9, "USD", "raised $9.5 billion so far", at=0, **RAISED)]),
    )
    assert DisagreementKind.UPDATE not in [d.kind for d in found.disagreements]


def test_a_count_so_far_within_a_rounding_of_the_other_value_stays_a_rounding() -> None:
    # 4 % apart: the running count and the figure are one figure rounded
    found = run(
        ("a", [claim("a", 1, 7.28e9, "USD", **RAISED)]),
        ("b", [claim("b", 1, 7.28e9, "USD", **RAISED)]),
        ("c", [said("c", 1, 7e9, "USD", "raised $7 billion so far", at=0, **RAISED)]),
    )
    assert [d.kind for d in found.disagreements] == [DisagreementKind.ROUNDING]


# --- a consensus that is only a bound --------------------------------------------------------


def test_a_value_far_above_a_bound_consensus_is_the_figure_the_bound_came_to() -> None:
    # "more than $20 billion" on two pages (an estimate), "$30-35 billion" on a third: no
    # rival value on the bound's side, nothing else explains it: the figure came to it
    found = run(
        ("a", [claim("a", 1, 20e9, "USD", qualifier="at_least")]),
        ("b", [claim("b", 1, 20e9, "USD", qualifier="at_least")]),
        ("c", [claim("c", 1, 30e9, "USD", value_max=35e9)]),
    )
    assert [(d.kind, d.severity) for d in found.disagreements] == [
        (DisagreementKind.UPDATE, Severity.LOW)
    ]
    assert "given as a bound" in str(found.disagreements[0].values[1].explanation)


def test_two_values_above_a_bound_consensus_still_contradict_each_other() -> None:
    found = run(
        ("a", [claim("a", 1, 20e9, "USD", qualifier="at_least")]),
        ("b", [claim("b", 1, 20e9, "USD", qualifier="at_least")]),
        ("c", [claim("c", 1, 30e9, "USD")]),
        ("d", [claim("d", 1, 45e9, "USD")]),
    )
    assert DisagreementKind.CONFLICT in [d.kind for d in found.disagreements]


def test_a_value_below_a_lower_bound_consensus_is_not_within_it() -> None:
    found = run(
        ("a", [claim("a", 1, 20e9, "USD", qualifier="at_least")]),
        ("b", [claim("b", 1, 20e9, "USD", qualifier="at_least")]),
        ("c", [claim("c", 1, 12e9, "USD")]),
    )
    assert [d.kind for d in found.disagreements] == [DisagreementKind.CONFLICT]


# --- durations in days ---------------------------------------------------------------------------

TERM = {"metric": "timeline"}


def test_days_and_months_of_two_parts_are_one_breakdown() -> None:
    # "364 days" for one site and "12 months" for another: one length of time, two parts
    topic = load_topic().model_copy(
        update={"scopes": {"Site A": ScopeSpec(kind="site"), "Site B": ScopeSpec(kind="site")}}
    )
    results = [
        ArticleClaims(
            article=article("a"),
            claims=[claim("a", 1, 364.0, "days", scope="Site A", **TERM)],
            backend="t",
        ),
        ArticleClaims(
            article=article("b"),
            claims=[claim("b", 1, 12.0, "months", scope="Site B", **TERM)],
            backend="t",
        ),
    ]
    found = reconcile(results, topic=topic, today=date(2026, 11, 22))
    assert [(d.kind, d.scope) for d in found.disagreements] == [(DisagreementKind.SCOPE, None)]


# --- a plan's ceiling outgrown ------------------------------------------------------------------


def test_a_plan_s_ceiling_a_larger_value_passes_is_an_earlier_figure() -> None:
    # "room for up to 300 racks" on one page, 450 racks on two others: the plan grew
    found = run(
        ("a", [claim("a", 1, 450.0, "count", **GPUS)]),
        ("b", [claim("b", 1, 450.0, "count", **GPUS)]),
        ("c", [claim("c", 1, 300.0, "count", qualifier="up_to", **GPUS)]),
    )
    assert [d.kind for d in found.disagreements] == [DisagreementKind.UPDATE]
    assert "given as a ceiling" in str(found.disagreements[0].values[1].explanation)


def test_a_ceiling_passed_by_little_or_by_far_or_in_money_is_still_a_conflict() -> None:
    def kinds_of(value: float, unit: str = "count", metric: str = "gpu_count") -> list[str]:
        ceiling = 300e6 if unit == "USD" else 300.0
        found = run(
            ("a", [claim("a", 1, value, unit, metric=metric)]),
            ("b", [claim("b", 1, value, unit, metric=metric)]),
            ("c", [claim("c", 1, ceiling, unit, qualifier="up_to", metric=metric)]),
        )
        return [str(d.kind) for d in found.disagreements]

    assert kinds_of(320.0) == ["conflict"]  # within a rounding: past the ceiling, a rival
    assert kinds_of(700.0) == ["conflict"]  # past twice the ceiling: no plan grows so
    assert kinds_of(450e6, "USD", "total_investment") == ["conflict"]  # "as much as $300m"


# --- a value written as an increment ------------------------------------------------------------


def test_a_value_written_as_an_increment_beside_a_larger_one_is_an_earlier_figure() -> None:
    power = {"metric": "power_capacity"}
    found = run(
        ("a", [claim("a", 1, 700.0, "MW", **power)]),
        ("b", [claim("b", 1, 700.0, "MW", **power)]),
        ("c", [said("c", 1, 300.0, "MW", "is building an additional 300 MW", at=0, **power)]),
    )
    assert [d.kind for d in found.disagreements] == [DisagreementKind.UPDATE]
    assert "given as added" in str(found.disagreements[0].values[1].explanation)


def test_new_things_counted_whole_are_no_increment() -> None:
    # "three new plants" counts the plants, it adds them to no level the others give
    found = run(
        ("a", [claim("a", 1, 5.0, "count", **GPUS)]),
        ("b", [claim("b", 1, 5.0, "count", **GPUS)]),
        ("c", [said("c", 1, 3.0, "count", "three new plants, 3 in all", at=0, **GPUS)]),
    )
    assert [d.kind for d in found.disagreements] == [DisagreementKind.CONFLICT]


# --- an increment does not date a level ---------------------------------------------------------


def dated(source: str, day: date, *claims: Claim) -> ArticleClaims:
    when = datetime(day.year, day.month, day.day, tzinfo=UTC)
    return ArticleClaims(article=article(source, when), claims=list(claims), backend="t")


def test_a_page_that_gives_a_value_as_an_increment_does_not_date_that_level() -> None:
    # two fabs in all in 2021, three from 2023 on; a 2023 page writes "2 additional fabs"
    # (two besides the first): it says when two were added, not when there were two
    fabs: dict[str, object] = {"metric": "building_count"}
    found = reconcile(
        [
            dated("a", date(2021, 3, 1), claim("a", 1, 2.0, "count", **fabs)),
            dated("b", date(2021, 4, 1), claim("b", 1, 2.0, "count", **fabs)),
            dated(
                "c",
                date(2023, 9, 1),
                said("c", 1, 2.0, "count", "plans 2 additional fabs by 2030", at=0, **fabs),
            ),
            dated("d", date(2023, 5, 1), claim("d", 1, 3.0, "count", **fabs)),
            dated("e", date(2023, 6, 1), claim("e", 1, 3.0, "count", **fabs)),
            dated("f", date(2024, 6, 1), claim("f", 1, 3.0, "count", **fabs)),
        ],
        topic=load_topic(),
        today=date(2026, 11, 22),
    )
    assert [d.kind for d in found.disagreements] == [DisagreementKind.UPDATE]


# --- a part named as such ------------------------------------------------------------------------


def test_a_value_given_as_a_part_of_a_larger_one_is_a_part_of_it() -> None:
    # "a $200 billion programme, of which $40 billion for factories" against $200 billion
    grants: dict[str, object] = {"metric": "public_investment"}
    found = run(
        ("a", [said("a", 1, 40e9, "USD", "dont 40 milliards pour les usines", at=0, **grants)]),
        ("b", [claim("b", 1, 200e9, "USD", qualifier="at_least", **grants)]),
    )
    assert [d.kind for d in found.disagreements] == [DisagreementKind.SCOPE]
    assert "given as a part of a larger figure" in found.disagreements[0].explanation


def test_of_which_before_another_number_marks_that_one_only() -> None:
    grants: dict[str, object] = {"metric": "public_investment"}
    found = run(
        (
            "a",
            [
                said(
                    "a",
                    1,
                    40e9,
                    "USD",
                    "of which 10 for chips and 40 billion more",
                    at=0,
                    figure_start=27,
                    figure_end=37,
                    **grants,
                )
            ],
        ),
        ("b", [claim("b", 1, 200e9, "USD", qualifier="at_least", **grants)]),
    )
    assert [d.kind for d in found.disagreements] == [DisagreementKind.CONFLICT]

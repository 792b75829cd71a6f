"""Kinds of difference (issue 11, fourth turn, branch g11n): two pages' conversions of one
figure that differ are a rounding finding.

Invented coverage only (no corpus text): each test builds the few claims a rule is about.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from test_reconciliation import article, claim

from stargate_digest.display import describe
from stargate_digest.models import ArticleClaims, Claim, DisagreementKind, Severity
from stargate_digest.reconciliation import Reconciliation, reconcile
from stargate_digest.topic import ScopeSpec, load_topic

# TWD has no reference rate: a figure in it is compared with nothing on its own
STATEMENT = "a plan of US$80 billion (about NT$2.5 trillion)"


def run(*pages: tuple[str, list[Claim]]) -> Reconciliation:
    results = [
        ArticleClaims(article=article(source), claims=claims, backend="t")
        for source, claims in pages
    ]
    return reconcile(results, today=date(2026, 11, 22))


def stated(source: str, local: float, *, quote: str = STATEMENT, **extra: object) -> list[Claim]:
    """A page's dollar figure and its own conversion, quoted as one statement."""
    return [
        claim(source, 1, 80e9, "USD", quote=quote, **extra),
        claim(source, 2, local, "TWD", quote=quote, **extra),
    ]


def conversions(found: Reconciliation) -> list[list[tuple[object, list[str]]]]:
    return [
        [(v.value, v.source_ids) for v in d.values]
        for d in found.disagreements
        if any(v.unit == "TWD" for v in d.values)
    ]


def test_two_pages_converting_one_figure_differently_are_a_rounding() -> None:
    found = run(("a", stated("a", 2.5e12)), ("b", stated("b", 2.6e12)), ("c", stated("c", 2.5e12)))
    (finding,) = [d for d in found.disagreements if d.values[0].unit == "TWD"]
    assert finding.kind is DisagreementKind.ROUNDING
    assert finding.severity is Severity.LOW  # one figure: never an alarm
    # the number most pages write first
    assert [(v.value, v.source_ids) for v in finding.values] == [
        (2.5e12, ["a", "c"]),
        (2.6e12, ["b"]),
    ]
    assert "US$80 billion" in finding.explanation or "$80 billion" in finding.explanation
    assert finding.subject == "Stargate" and finding.metric == "total_investment"


def test_pages_converting_one_figure_alike_are_no_finding() -> None:
    assert conversions(run(("a", stated("a", 2.5e12)), ("b", stated("b", 2.5e12)))) == []


def test_a_page_restating_its_own_figure_alone_is_no_finding() -> None:
    # the reader sees one conversion, beside the figure it converts: nobody disagrees
    found = run(("a", stated("a", 2.5e12)), ("b", [claim("b", 1, 80e9, "USD")]))
    assert conversions(found) == []
    assert found.disagreements == []


def test_one_page_converting_one_figure_twice_is_no_finding() -> None:
    # two statements of one page: no two pages differ
    twice = [*stated("a", 2.5e12), claim("a", 3, 2.6e12, "TWD", quote="NT$2.6 trillion")]
    twice.append(claim("a", 4, 80e9, "USD", quote="NT$2.6 trillion"))
    assert conversions(run(("a", twice))) == []


def test_conversions_of_different_figures_are_no_finding() -> None:
    # each page converts its own amount: the amounts differ, not the conversions
    other = "a plan of US$90 billion (about NT$2.8 trillion)"
    found = run(
        ("a", stated("a", 2.5e12)),
        ("b", [claim("b", 1, 90e9, "USD", quote=other), claim("b", 2, 2.8e12, "TWD", quote=other)]),
    )
    assert conversions(found) == []


def test_a_figure_in_another_statement_is_not_restated() -> None:
    # the local figure is quoted apart from the dollar figure: no sign it converts it
    apart = [claim("b", 1, 80e9, "USD", quote=STATEMENT), claim("b", 2, 2.6e12, "TWD")]
    assert conversions(run(("a", stated("a", 2.5e12)), ("b", apart))) == []


def test_a_statement_with_two_other_figures_names_no_anchor() -> None:
    # "US$80 billion or €75 billion (NT$2.6 trillion)": which one it converts is unknown
    both = [*stated("b", 2.6e12), claim("b", 3, 75e9, "EUR", quote=STATEMENT)]
    assert conversions(run(("a", stated("a", 2.5e12)), ("b", both))) == []


def test_a_conversion_of_another_subject_or_part_is_not_restated() -> None:
    for change in ({"scope": "Part X"}, {"metric": "subsidy"}):
        other = stated("b", 2.6e12)
        other[1] = other[1].model_copy(update=change)
        assert conversions(run(("a", stated("a", 2.5e12)), ("b", other))) == []


def test_a_figure_in_a_currency_with_a_rate_is_compared_as_a_value() -> None:
    # €74 billion has a rate: it is a value of the group, not a restatement, even in the
    # dollar figure's statement (rounding or conflict is for the group to say)
    quote = "US$80 billion (about €74 billion)"
    found = run(
        ("a", [claim("a", 1, 80e9, "USD", quote=quote), claim("a", 2, 74e9, "EUR", quote=quote)]),
        ("b", [claim("b", 1, 80e9, "USD", quote=quote), claim("b", 2, 70e9, "EUR", quote=quote)]),
    )
    assert not any(
        "convert US$80 billion differently" in d.explanation
        or "convert $80 billion differently" in d.explanation
        for d in found.disagreements
    )


def test_a_named_equivalent_is_a_restatement_wherever_it_is_quoted() -> None:
    # the extractor names the figure a conversion restates: no shared statement needed
    def page(source: str, local: float) -> list[Claim]:
        return [
            claim(source, 1, 80e9, "USD"),
            claim(source, 2, local, "TWD", equivalent_of=f"{source}#1", quote="other words"),
        ]

    found = run(("a", page("a", 2.5e12)), ("b", page("b", 2.6e12)))
    (finding,) = [d for d in found.disagreements if d.values[0].unit == "TWD"]
    assert finding.kind is DisagreementKind.ROUNDING
    assert {v.value for v in finding.values} == {2.5e12, 2.6e12}


def test_named_equivalents_at_a_reference_rate_are_no_finding() -> None:
    # ¥12.0 and ¥12.4 trillion: each page's conversion is checked against the day's rate
    # in its page; pages' rates drift, so the two numbers are no finding
    def page(source: str, yen: float) -> list[Claim]:
        return [
            claim(source, 1, 80e9, "USD"),
            claim(source, 2, yen, "JPY", equivalent_of=f"{source}#1", quote="other words"),
        ]

    found = run(("a", page("a", 12.0e12)), ("b", page("b", 12.4e12)))
    assert not any(d.values[0].unit == "JPY" for d in found.disagreements)


def test_an_equivalent_naming_another_pages_figure_is_not_restated() -> None:
    found = run(
        ("a", [claim("a", 1, 80e9, "USD"), claim("a", 2, 2.5e12, "TWD", equivalent_of="a#1")]),
        ("b", [claim("b", 1, 80e9, "USD"), claim("b", 2, 2.6e12, "TWD", equivalent_of="a#1")]),
    )
    assert conversions(found) == []


def test_reordering_the_pages_changes_no_conversion_finding() -> None:
    pages = [("a", stated("a", 2.5e12)), ("b", stated("b", 2.6e12)), ("c", stated("c", 2.7e12))]
    first = run(*pages).disagreements
    again = run(*reversed(pages)).disagreements
    assert [d.model_dump() for d in first] == [d.model_dump() for d in again]


# --- what a conversion finding shows, and what keeps two figures apart ---------------------


def test_the_finding_names_each_number_with_its_pages_and_tie_breaks_by_number() -> None:
    # one page each: the lower number first, whatever the order of the pages
    found = run(("a", stated("a", 2.6e12)), ("b", stated("b", 2.5e12)))
    (finding,) = [d for d in found.disagreements if d.values[0].unit == "TWD"]
    assert [v.value for v in finding.values] == [2.5e12, 2.6e12]
    low, high = (claim("x", 1, n, "TWD") for n in (2.5e12, 2.6e12))
    assert f"{describe(low)} (b) vs {describe(high)} (a)." in finding.explanation
    many = run(("a", stated("a", 2.6e12)), ("b", stated("b", 2.5e12)), ("c", stated("c", 2.5e12)))
    (finding,) = [d for d in many.disagreements if d.values[0].unit == "TWD"]
    assert f"{describe(low)} (b, c) vs" in finding.explanation


def test_the_finding_keeps_the_part_and_the_moment_of_its_pages() -> None:
    topic = load_topic().model_copy(update={"scopes": {"Part X": ScopeSpec(kind="site")}})
    when = datetime(2025, 3, 4, tzinfo=UTC)
    results = [
        ArticleClaims(
            article=article(source, when), claims=stated(source, n, scope="Part X"), backend="t"
        )
        for source, n in (("a", 2.5e12), ("b", 2.6e12))
    ]
    found = reconcile(results, topic=topic, today=date(2026, 11, 22))
    (finding,) = [d for d in found.disagreements if d.values[0].unit == "TWD"]
    assert finding.scope == "Part X"
    assert [v.as_of for v in finding.values] == ["2025-03-04", "2025-03-04"]


def test_another_unrated_figure_of_the_statement_does_not_hide_the_figure_it_converts() -> None:
    # "US$80 billion (about NT$2.6 trillion, or ZZ$9 trillion)": the two local figures are
    # both restatements; only the dollar figure is compared with anything
    other = [*stated("b", 2.6e12), claim("b", 3, 9e12, "XXX", quote=STATEMENT)]
    found = run(("a", stated("a", 2.5e12)), ("b", other))
    assert [v.value for d in found.disagreements for v in d.values if v.unit == "TWD"] == [
        2.5e12,
        2.6e12,
    ]


def test_a_conversion_whose_figure_is_compared_with_nothing_is_skipped_not_the_end() -> None:
    # page "a" comes first: the dollar figure its conversion names is unverified, so that
    # conversion is nobody's; the other pages' still differ
    def page(source: str, local: float, verified: bool = True) -> list[Claim]:
        return [
            claim(source, 1, 80e9, "USD", verified=verified),
            claim(source, 2, local, "TWD", equivalent_of=f"{source}#1", quote="other words"),
        ]

    found = run(("a", page("a", 2.4e12, False)), ("b", page("b", 2.5e12)), ("c", page("c", 2.6e12)))
    (finding,) = [d for d in found.disagreements if d.values[0].unit == "TWD"]
    assert [v.source_ids for v in finding.values] == [["b"], ["c"]]


def test_a_figure_converted_alike_does_not_end_the_search_for_another() -> None:
    # both pages convert the total alike, and the subsidy differently
    said = "a grant of US$6 billion (about NT$190 billion)"

    def page(source: str, grant: float) -> list[Claim]:
        return [
            *stated(source, 2.5e12),
            claim(source, 3, 6e9, "USD", quote=said, metric="subsidy"),
            claim(source, 4, grant, "TWD", quote=said, metric="subsidy"),
        ]

    (finding,) = [
        d for d in run(("a", page("a", 190e9)), ("b", page("b", 195e9))).disagreements
        if d.values[0].unit == "TWD"
    ]  # fmt: skip
    assert finding.metric == "subsidy"


def test_the_same_number_of_another_currency_is_another_figure() -> None:
    # €80 billion and US$80 billion are two figures: their conversions do not meet
    euro = "a plan of €80 billion (about NT$2.8 trillion)"
    found = run(
        ("a", stated("a", 2.5e12)),
        ("b", [claim("b", 1, 80e9, "EUR", quote=euro), claim("b", 2, 2.8e12, "TWD", quote=euro)]),
    )
    assert conversions(found) == []


def test_conversions_into_two_currencies_do_not_meet() -> None:
    def page(source: str, value: float, unit: str) -> list[Claim]:
        return [
            claim(source, 1, 80e9, "USD"),
            claim(source, 2, value, unit, equivalent_of=f"{source}#1", quote="other words"),
        ]

    # (two currencies without a reference rate: NT$ and the Saudi riyal)
    # (numbers close on purpose: only the currency keeps them apart)
    found = run(("a", page("a", 2.5e12, "TWD")), ("b", page("b", 2.6e12, "SAR")))
    assert not any(d.values[0].unit in ("TWD", "SAR") for d in found.disagreements)


def test_conversions_too_far_apart_for_one_figure_are_no_finding() -> None:
    # NT$2.5 and NT$3.5 trillion for one US$80 billion: no rate or rounding joins them
    # (1.4 times), a misreading the rounding finding would hide; 1.25 times still joins
    assert conversions(run(("a", stated("a", 2.5e12)), ("b", stated("b", 3.5e12)))) == []
    assert len(conversions(run(("a", stated("a", 2.5e12)), ("b", stated("b", 3.125e12))))) == 1


def test_a_zero_conversion_is_no_finding_and_small_numbers_still_are() -> None:
    # the rule reads only the pages' numbers: 0 converts nothing; 1.0 and 1.1 are close
    assert conversions(run(("a", stated("a", 0.0)), ("b", stated("b", 1.0)))) == []
    assert len(conversions(run(("a", stated("a", 1.0)), ("b", stated("b", 1.1))))) == 1


def test_conversions_too_far_apart_do_not_end_the_search_for_another() -> None:
    said = "a grant of US$6 billion (about NT$190 billion)"

    def page(source: str, total: float, grant: float) -> list[Claim]:
        return [
            *stated(source, total),
            claim(source, 3, 6e9, "USD", quote=said, metric="subsidy"),
            claim(source, 4, grant, "TWD", quote=said, metric="subsidy"),
        ]

    found = run(("a", page("a", 2.5e12, 190e9)), ("b", page("b", 3.5e12, 195e9)))
    assert [d.metric for d in found.disagreements if d.values[0].unit == "TWD"] == ["subsidy"]


def test_figures_in_an_open_currency_are_no_conversions() -> None:
    # "24 trillion" and "34 trillion" (yen or yuan): no currency to compare them in
    def page(source: str, local: float) -> list[Claim]:
        return [
            claim(source, 1, 80e9, "USD"),
            claim(source, 2, local, "XXX", equivalent_of=f"{source}#1"),
        ]

    assert not any(
        v.unit == "XXX"
        for d in run(("a", page("a", 24e12)), ("b", page("b", 25e12))).disagreements
        for v in d.values
    )

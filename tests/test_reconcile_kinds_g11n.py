"""Kinds of difference (issue 11, fourth turn, branch g11n): two pages' conversions of one
figure that differ are a rounding finding.

Invented coverage only (no corpus text): each test builds the few claims a rule is about.
"""

from __future__ import annotations

from datetime import date

from test_reconciliation import article, claim

from stargate_digest.models import ArticleClaims, Claim, DisagreementKind, Severity
from stargate_digest.reconciliation import Reconciliation, reconcile

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


def test_a_named_equivalent_is_a_restatement_in_any_currency() -> None:
    # the extractor names the figure a conversion restates: that is enough, rate or not
    def page(source: str, yen: float) -> list[Claim]:
        return [
            claim(source, 1, 80e9, "USD"),
            claim(source, 2, yen, "JPY", equivalent_of=f"{source}#1", quote="other words"),
        ]

    found = run(("a", page("a", 12.0e12)), ("b", page("b", 12.4e12)))
    (finding,) = [d for d in found.disagreements if d.values[0].unit == "JPY"]
    assert finding.kind is DisagreementKind.ROUNDING
    assert {v.value for v in finding.values} == {12.0e12, 12.4e12}


def test_an_equivalent_naming_another_pages_figure_is_not_restated() -> None:
    found = run(
        ("a", [claim("a", 1, 80e9, "USD"), claim("a", 2, 12.0e12, "JPY", equivalent_of="a#1")]),
        ("b", [claim("b", 1, 80e9, "USD"), claim("b", 2, 12.4e12, "JPY", equivalent_of="a#1")]),
    )
    assert not any(d.values[0].unit == "JPY" for d in found.disagreements)


def test_reordering_the_pages_changes_no_conversion_finding() -> None:
    pages = [("a", stated("a", 2.5e12)), ("b", stated("b", 2.6e12)), ("c", stated("c", 2.7e12))]
    first = run(*pages).disagreements
    again = run(*reversed(pages)).disagreements
    assert [d.model_dump() for d in first] == [d.model_dump() for d in again]

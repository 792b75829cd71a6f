"""One figure written differently: rounded or converted within a cluster of agreeing values.

Invented coverage (no corpus text): a grant that some pages give precisely and others
round; an investment some pages give in euros and one page converts to dollars; a page
that restates its own figure; values that agree but that no rounding or conversion joins.
"""

from __future__ import annotations

from test_reconciliation import claim
from test_reconciliation_kinds import sources

from stargate_digest.models import Disagreement, DisagreementKind, Qualifier, Severity
from stargate_digest.reconciliation import Reconciliation

ROUNDING = DisagreementKind.ROUNDING
GRANT = {"subject": "Acme", "metric": "subsidy", "scope": "Lyon plant"}


def only_one(found: Reconciliation) -> Disagreement:
    assert len(found.disagreements) == 1, [d.explanation for d in found.disagreements]
    return found.disagreements[0]


def shown(found: Disagreement) -> list[tuple[float | str, str, int]]:
    return [(v.value, v.unit, len(v.source_ids)) for v in found.values]


def test_a_figure_some_sources_round_is_a_rounding_finding() -> None:
    found = sources(
        *((s, "2024-05-02", [claim(s, 1, 9.9e9, "EUR", **GRANT)]) for s in "ab"),
        *((s, "2024-05-03", [claim(s, 1, 10e9, "EUR", **GRANT)]) for s in "cde"),
    )
    rounding = only_one(found)
    assert (rounding.kind, rounding.severity) == (ROUNDING, Severity.LOW)
    assert shown(rounding) == [(10e9, "EUR", 3), (9.9e9, "EUR", 2)], "the consensus first"
    assert rounding.values[0].claim_ids == ["c#1", "d#1", "e#1"], "each value its own claims"
    assert "rounded differently" in (rounding.values[1].explanation or "")
    assert found.key_figures[0].value == 10e9, "still one figure"


def test_a_figure_one_source_converts_is_a_rounding_finding() -> None:
    day = "2023-06-20"  # 1.093 USD per EUR: €24 billion is $26.2 billion
    found = sources(
        *((s, day, [claim(s, 1, 24e9, "EUR", **GRANT)]) for s in "abc"),
        ("d", day, [claim("d", 1, 26e9, "USD", qualifier=Qualifier.AT_LEAST, **GRANT)]),
    )
    rounding = only_one(found)
    assert rounding.kind is ROUNDING
    assert shown(rounding) == [(24e9, "EUR", 3), (26e9, "USD", 1)]
    assert "converted at the ECB rate of 2023-06-20" in (rounding.values[1].explanation or "")


def test_a_page_that_restates_its_own_figure_is_no_finding() -> None:
    found = sources(
        (
            "a",
            "2024-05-02",
            [claim("a", 1, 10e9, "EUR", **GRANT), claim("a", 2, 9.9e9, "EUR", **GRANT)],
        ),
        *((s, "2024-05-03", [claim(s, 1, 10e9, "EUR", **GRANT)]) for s in "bc"),
    )
    assert found.disagreements == [], "a page disagrees with nobody"


def test_a_hedged_figure_beside_a_precise_one_is_a_rounding_finding() -> None:
    found = sources(
        *((s, "2024-05-02", [claim(s, 1, 5.4e9, "EUR", **GRANT)]) for s in "ab"),
        ("c", "2024-05-03", [claim("c", 1, 5e9, "EUR", qualifier=Qualifier.APPROX, **GRANT)]),
    )
    rounding = only_one(found)
    assert shown(rounding) == [(5.4e9, "EUR", 2), (5e9, "EUR", 1)]
    assert rounding.kind is ROUNDING

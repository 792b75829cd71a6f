"""What kind of difference: rules added for issue 11 (reconciliation by scope and time).

Invented coverage (no corpus text): a grant some pages reported before its announcement
as "$6 billion" or "$6-7 billion" and most pages give as announced, "up to $6.4 billion";
a plant whose start of production dated pages give later than undated pages do, once the
earlier date had come.
"""

from __future__ import annotations

from test_reconciliation import claim
from test_reconciliation_kinds import sources

from stargate_digest.models import Claim, Disagreement, DisagreementKind, Qualifier, Severity
from stargate_digest.reconciliation import Reconciliation

ROUNDING, UPDATE, CONFLICT = (
    DisagreementKind.ROUNDING,
    DisagreementKind.UPDATE,
    DisagreementKind.CONFLICT,
)
GRANT = {"subject": "Acme", "metric": "subsidy", "scope": "Lyon plant"}
START = {"subject": "Acme", "metric": "production_start", "scope": "Lyon plant"}


def grant(source: str, value: float, **extra: object) -> Claim:
    return claim(source, 1, value, "USD", **GRANT, **extra)


def start(source: str, value: str) -> Claim:
    return claim(source, 1, value, "date", **START)


def of_kind(found: Reconciliation, kind: DisagreementKind) -> list[Disagreement]:
    return [d for d in found.disagreements if d.kind is kind]


def shown(found: Disagreement) -> list[tuple[float | str, str, int]]:
    return [(v.value, v.unit, len(v.source_ids)) for v in found.values]


# --- a range among the forms of one figure ------------------------------------------------


def test_a_figure_rounded_beside_a_range_is_still_a_rounding_finding() -> None:
    day = "2024-04-16"
    found = sources(
        ("a", day, [grant("a", 6e9)]),  # "$6 billion", before the announcement
        ("b", day, [grant("b", 6e9, value_max=7e9)]),  # "$6-7 billion"
        *((s, day, [grant(s, 6.4e9, qualifier=Qualifier.UP_TO)]) for s in "cde"),
    )
    (rounding,) = of_kind(found, ROUNDING)
    assert shown(rounding) == [(6.4e9, "USD", 3), (6e9, "USD", 1)], "the range is no form"
    assert rounding.severity is Severity.LOW
    assert "same figure rounded differently" in (rounding.values[1].explanation or "")
    assert found.key_figures[0].value == 6.4e9, "one figure all the same"

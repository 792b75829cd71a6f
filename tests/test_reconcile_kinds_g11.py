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


# --- a planned date that moved --------------------------------------------------------------


def test_a_later_date_dated_pages_give_once_the_earlier_had_come_is_an_update() -> None:
    # undated pages say production starts in 2024; pages of April and December 2024 say
    # 2026: by then 2024 had come, so 2024 is the earlier plan, not a rival reading
    found = sources(
        *((s, None, [start(s, "2024")]) for s in "abc"),
        ("d", "2024-04-16", [start("d", "2026")]),
        ("e", "2024-12-21", [start("e", "2026")]),
    )
    assert of_kind(found, CONFLICT) == [], [d.explanation for d in found.disagreements]
    (moved,) = of_kind(found, UPDATE)
    assert [v.value for v in moved.values] == ["2024", "2026"]
    assert moved.severity is Severity.LOW
    assert "2026 (Apr 2024), 2024 (undated)" in moved.explanation
    assert moved.values[1].explanation == (
        "By Apr 2024, when 2024 had come, sources give 2026: the planned date moved."
    )


def test_a_later_date_given_before_the_earlier_one_had_come_stays_a_conflict() -> None:
    # written in 2023, "2026" is no later plan of a 2024 start: 2024 still lay ahead, and
    # pages of one moment may simply disagree
    found = sources(
        *((s, None, [start(s, "2024")]) for s in "abc"),
        ("d", "2023-10-02", [start("d", "2026")]),
    )
    (clash,) = found.disagreements
    assert clash.kind is CONFLICT


def test_a_later_date_its_own_page_had_already_reached_is_no_plan() -> None:
    # a page of 2027 giving 2026 reports what happened (or a slip of the pen), not a plan
    found = sources(
        *((s, None, [start(s, "2024")]) for s in "abc"),
        ("d", "2027-03-01", [start("d", "2026")]),
    )
    assert [d.kind for d in found.disagreements] == [CONFLICT]


def test_a_dated_earlier_date_leaves_the_order_to_the_sources_dates() -> None:
    # the page giving 2024 is dated a week before the page giving 2026: one moment, two
    # readings, whatever the calendar says of 2024
    found = sources(
        ("a", "2024-04-09", [start("a", "2024")]),
        ("b", None, [start("b", "2024")]),
        ("c", "2024-04-16", [start("c", "2026")]),
    )
    assert [d.kind for d in found.disagreements] == [CONFLICT]


def test_dates_less_than_months_apart_are_not_a_moved_plan() -> None:
    found = sources(
        *((s, None, [start(s, "2024-03")]) for s in "abc"),
        ("d", "2024-03-20", [start("d", "2024-04")]),
    )
    assert [d.kind for d in found.disagreements] == [CONFLICT]

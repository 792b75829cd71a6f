"""A part compared with the whole of its own moment.

Invented coverage (no corpus text): a programme whose whole was given years before an
expansion phase was announced; the phase's figure exceeds the whole's old figure, yet it
is the part it says it is (the whole has grown since), while a part larger than the whole
of its own moment is still taken for the whole.
"""

from __future__ import annotations

from datetime import date

from test_reconciliation import article, claim
from test_reconciliation_kinds import on, sources

from stargate_digest.models import ArticleClaims, Claim, DisagreementKind
from stargate_digest.reconciliation import Reconciliation, reconcile
from stargate_digest.topic import ScopeSpec, load_topic

JOBS = {"metric": "jobs"}


def dated(*specs: tuple[str, str | None, Claim], kind: str = "phase") -> Reconciliation:
    topic = load_topic().model_copy(update={"scopes": {"Part X": ScopeSpec(kind=kind)}})
    results = [
        ArticleClaims(article=article(sid, on(day) if day else None), claims=[c], backend="t")
        for sid, day, c in specs
    ]
    return reconcile(results, topic=topic, today=date(2026, 11, 22))


def scope_of(found: Reconciliation, claim_id: str) -> str | None:
    return {c.id: c.scope for c in found.claims}[claim_id]


def test_a_later_phase_larger_than_the_whole_of_an_earlier_moment_stays_a_part() -> None:
    found = dated(
        ("a", "2022-12-01", claim("a", 1, 1_000.0, "count", **JOBS)),
        ("b", "2022-12-05", claim("b", 1, 1_000.0, "count", **JOBS)),
        ("c", "2025-03-03", claim("c", 1, 5_000.0, "count", scope="Part X", **JOBS)),
    )
    assert scope_of(found, "c#1") == "Part X", "the whole of 2022 says nothing of 2025"
    assert [d.kind for d in found.disagreements] == [DisagreementKind.SCOPE]


def test_a_part_larger_than_the_whole_of_its_own_moment_is_taken_for_the_whole() -> None:
    found = dated(
        ("a", "2025-03-01", claim("a", 1, 1_000.0, "count", **JOBS)),
        ("b", "2025-03-02", claim("b", 1, 1_000.0, "count", **JOBS)),
        ("c", "2025-03-03", claim("c", 1, 5_000.0, "count", scope="Part X", **JOBS)),
    )
    assert scope_of(found, "c#1") is None
    assert [d.kind for d in found.disagreements] == [DisagreementKind.CONFLICT]


def test_an_undated_part_is_compared_with_the_whole_of_every_moment() -> None:
    found = dated(
        ("a", "2022-12-01", claim("a", 1, 1_000.0, "count", **JOBS)),
        ("b", "2022-12-05", claim("b", 1, 1_000.0, "count", **JOBS)),
        ("c", None, claim("c", 1, 5_000.0, "count", scope="Part X", **JOBS)),
    )
    assert scope_of(found, "c#1") is None, "no moment of its own: the whole's consensus"


def test_a_breakdown_shows_the_whole_as_it_stood_when_the_parts_were_given() -> None:
    money = {"metric": "total_investment"}
    found = dated(
        *((s, "2022-12-01", claim(s, 1, 40e9, "USD", **money)) for s in "ab"),
        *((s, "2024-04-10", claim(s, 1, 65e9, "USD", **money)) for s in "cde"),
        *((s, "2022-12-02", claim(s, 1, 12e9, "USD", scope="Part X", **money)) for s in "fg"),
        kind="component",
    )
    (breakdown,) = [d for d in found.disagreements if d.kind is DisagreementKind.SCOPE]
    assert [(v.value, v.scope) for v in breakdown.values] == [(40e9, None), (12e9, "Part X")]
    assert "$40 billion for the whole" in breakdown.explanation


def test_a_breakdown_of_parts_of_the_consensus_moment_shows_the_consensus() -> None:
    money = {"metric": "total_investment"}
    found = dated(
        *((s, "2022-12-01", claim(s, 1, 40e9, "USD", **money)) for s in "ab"),
        *((s, "2024-04-10", claim(s, 1, 65e9, "USD", **money)) for s in "cde"),
        *((s, "2024-04-12", claim(s, 1, 12e9, "USD", scope="Part X", **money)) for s in "fg"),
        kind="component",
    )
    (breakdown,) = [d for d in found.disagreements if d.kind is DisagreementKind.SCOPE]
    assert [(v.value, v.scope) for v in breakdown.values] == [(65e9, None), (12e9, "Part X")]


def test_a_total_built_from_figures_that_changed_is_an_update() -> None:
    # two undated pages each give a plant's cost as its investment plus its subsidy:
    # 12 + 3 = 15 on one, 20 + 5 = 25 on the other; the investment went from 12 to 20
    # (dated pages order it), so the totals are an earlier and a later figure, not rivals
    plant = {"subject": "Acme", "scope": "Lyon plant"}
    invest, grant, cost = (
        {"metric": "total_investment", **plant},
        {"metric": "subsidy", **plant},
        {"metric": "project_cost", **plant},
    )
    specs: list[tuple[str, str | None, list[Claim]]] = [
        ("a", None, [claim("a", 1, 15e9, "EUR", **cost), claim("a", 2, 12e9, "EUR", **invest),
                     claim("a", 3, 3e9, "EUR", **grant)]),
        ("b", None, [claim("b", 1, 25e9, "EUR", **cost), claim("b", 2, 20e9, "EUR", **invest),
                     claim("b", 3, 5e9, "EUR", **grant)]),
        *((s, "2022-03-15", [claim(s, 1, 12e9, "EUR", **invest)]) for s in "cd"),
        *((s, "2023-06-20", [claim(s, 1, 20e9, "EUR", **invest)]) for s in "ef"),
    ]  # fmt: skip
    found = sources(*specs)
    (costs,) = [d for d in found.disagreements if d.metric == "project_cost"]
    assert costs.kind is DisagreementKind.UPDATE, costs.explanation
    assert "€20 billion + €5 billion" in (costs.values[1].explanation or "")


def test_totals_whose_parts_are_not_ordered_in_time_stay_a_conflict() -> None:
    plant = {"subject": "Acme", "scope": "Lyon plant"}
    invest, grant, cost = (
        {"metric": "total_investment", **plant},
        {"metric": "subsidy", **plant},
        {"metric": "project_cost", **plant},
    )
    found = sources(
        ("a", None, [claim("a", 1, 15e9, "EUR", **cost), claim("a", 2, 12e9, "EUR", **invest),
                     claim("a", 3, 3e9, "EUR", **grant)]),
        ("b", None, [claim("b", 1, 25e9, "EUR", **cost), claim("b", 2, 20e9, "EUR", **invest),
                     claim("b", 3, 5e9, "EUR", **grant)]),
    )  # fmt: skip
    (costs,) = [d for d in found.disagreements if d.metric == "project_cost"]
    assert costs.kind is DisagreementKind.CONFLICT

"""A scheduled digest's changes: each finding of the previous digest is matched once."""

from __future__ import annotations

from datetime import UTC, datetime

from test_reconciliation import article, claim

from stargate_digest.digest.build import build_digest
from stargate_digest.models import (
    ArticleClaims,
    Digest,
    Disagreement,
    DisagreementKind,
    Severity,
    ValueSupport,
)
from stargate_digest.schedule.changes import compare_digests


def _digest(findings: list[Disagreement]) -> Digest:
    results = [
        ArticleClaims(article=article(s), claims=[claim(s, 1, 1e9, "USD")], backend="t")
        for s in ("a", "b", "c", "d", "e", "f")
    ]
    built = build_digest(results, backend="t", generated_at=datetime(2026, 11, 22, tzinfo=UTC))
    return built.model_copy(update={"disagreements": findings})


def _conflict(ident: str, *values: tuple[float, list[str]]) -> Disagreement:
    return Disagreement(
        id=ident,
        subject="Stargate",
        metric="total_investment",
        kind=DisagreementKind.CONFLICT,
        severity=Severity.HIGH,
        values=[
            ValueSupport(value=v, unit="USD", source_ids=ids, claim_ids=[f"{i}-1" for i in ids])
            for v, ids in values
        ],
        explanation="",
    )


# Two conflicts of one figure (at two moments of an update, say) share subject, metric,
# scope and kind; each must still be matched to its own earlier finding.
EARLY = _conflict("d1", (500e9, ["a"]), (38e9, ["b"]))
LATE = _conflict("d2", (400e9, ["c"]), (4e12, ["d"]))


def test_two_conflicts_of_one_figure_that_did_not_change_are_not_reported_as_changed() -> None:
    changes = compare_digests(_digest([EARLY, LATE]), _digest([EARLY, LATE]))
    assert changes.new_disagreements == []
    assert changes.changed_disagreements == []
    assert changes.resolved_disagreements == []


def test_one_of_two_conflicts_of_one_figure_resolved_is_reported_as_resolved() -> None:
    changes = compare_digests(_digest([EARLY, LATE]), _digest([LATE]))
    assert changes.new_disagreements == [] and changes.changed_disagreements == []
    assert [d.id for d in changes.resolved_disagreements] == ["d1"]


def test_a_second_conflict_of_one_figure_is_new_and_the_first_unchanged() -> None:
    changes = compare_digests(_digest([EARLY]), _digest([EARLY, LATE]))
    assert changes.new_disagreements == ["d2"]
    assert changes.changed_disagreements == [] and changes.resolved_disagreements == []


def test_a_conflict_that_gained_a_source_is_changed_not_new() -> None:
    grown = _conflict("d1", (500e9, ["a", "e"]), (38e9, ["b"]))
    changes = compare_digests(_digest([EARLY, LATE]), _digest([grown, LATE]))
    assert changes.changed_disagreements == ["d1"]
    assert changes.new_disagreements == [] and changes.resolved_disagreements == []

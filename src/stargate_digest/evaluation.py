"""Score extracted claims against a hand-annotated gold set.

Precision and recall are over distinct (source, value, unit) triples, so an extractor is
neither rewarded for repeating a figure nor punished for finding it in another sentence.
Label accuracy (metric, subject, scope) is measured on the gold entries whose triple was
found; scopes are compared after the topic profile's ``canonical_scope`` (when given).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

Triple = tuple[str, str, str]


class GoldClaim(BaseModel):
    """One entry of a gold file (tests/gold/README.md describes the conventions)."""

    model_config = ConfigDict(extra="allow")

    source_id: str
    subject: str
    metric: str
    value: float | str
    unit: str
    quote: str
    subject_alternatives: list[str] = []
    scope: str | None = None
    value_max: float | str | None = Field(
        None, description="High end of a range; for a range of dates ('2028'-'2029') a date"
    )
    qualifier: str = "exact"
    as_of: str | None = None
    detail: str | None = None
    currency_candidates: list[str] = []


@dataclass(frozen=True)
class Predicted:
    """The parts of a claim the scores look at (any extractor can produce these)."""

    source_id: str
    value: float | str
    unit: str
    metric: str | None = None
    subject: str | None = None
    scope: str | None = None


@dataclass(frozen=True)
class Score:
    """Precision, recall and label accuracy of one extractor on one gold set."""

    true_positives: int
    predicted: int
    gold: int
    metric_correct: int
    subject_correct: int
    labelled: int
    scope_correct: int = 0

    @property
    def precision(self) -> float:
        return self.true_positives / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.true_positives / self.gold if self.gold else 0.0

    @property
    def metric_accuracy(self) -> float:
        return self.metric_correct / self.labelled if self.labelled else 0.0

    @property
    def subject_accuracy(self) -> float:
        return self.subject_correct / self.labelled if self.labelled else 0.0

    @property
    def scope_accuracy(self) -> float:
        return self.scope_correct / self.labelled if self.labelled else 0.0

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


def load_gold(path: Path) -> list[GoldClaim]:
    """Read a gold file: a JSON list of entries."""
    return [GoldClaim.model_validate(entry) for entry in json.loads(path.read_text("utf-8"))]


def value_key(value: float | str) -> str:
    """Values compare at nine significant digits: 38e9 == 38000000000.0."""
    if isinstance(value, str):
        return value
    return f"{float(value):.9g}"


def triple(source_id: str, value: float | str, unit: str) -> Triple:
    """The identity a figure is scored by."""
    return (source_id, value_key(value), unit)


def _same(scope: str | None) -> str | None:
    return scope


def score(
    gold: Iterable[GoldClaim],
    predicted: Iterable[Predicted],
    canonical_scope: Callable[[str | None], str | None] = _same,
) -> Score:
    """Compare one extractor's output with the gold set."""
    gold = list(gold)
    predicted = list(predicted)
    gold_triples = {triple(g.source_id, g.value, g.unit) for g in gold}
    predicted_triples = {triple(p.source_id, p.value, p.unit) for p in predicted}
    by_triple: dict[Triple, list[Predicted]] = {}
    for p in predicted:
        by_triple.setdefault(triple(p.source_id, p.value, p.unit), []).append(p)
    labelled = metric_correct = subject_correct = scope_correct = 0
    for entry in gold:
        found = by_triple.get(triple(entry.source_id, entry.value, entry.unit), [])
        if not found:
            continue
        labelled += 1
        metric_correct += any(p.metric == entry.metric for p in found)
        subjects = {entry.subject, *entry.subject_alternatives}
        subject_correct += any(p.subject in subjects and p.metric == entry.metric for p in found)
        wanted = canonical_scope(entry.scope)
        scope_correct += any(canonical_scope(p.scope) == wanted for p in found)
    return Score(
        true_positives=len(gold_triples & predicted_triples),
        predicted=len(predicted_triples),
        gold=len(gold_triples),
        metric_correct=metric_correct,
        subject_correct=subject_correct,
        labelled=labelled,
        scope_correct=scope_correct,
    )


def misses(
    gold: Iterable[GoldClaim], predicted: Iterable[Predicted]
) -> tuple[list[Triple], list[Triple]]:
    """(gold triples not found, predicted triples not in the gold): what to look at."""
    gold_triples = {triple(g.source_id, g.value, g.unit) for g in gold}
    predicted_triples = {triple(p.source_id, p.value, p.unit) for p in predicted}
    return sorted(gold_triples - predicted_triples), sorted(predicted_triples - gold_triples)

"""Figures given for one part of a subject, or by one partner, indexed by amount.

The explainers (explain.py) ask two questions of them: does an outlier equal a
partner's contribution, or several partners' together, that one source gives (the
partners' money taken for the whole), and does it equal the figure another scope of the
subject has. ``PartIndex`` answers the first for every outlier of a run in the time of
a lookup near one value, so explaining stays linear in the number of claims.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from stargate_digest.display import describe
from stargate_digest.models import Claim
from stargate_digest.reconciliation.values import EXACT_TOLERANCE

CONTRIBUTION_METRICS = ("equity_contribution", "partner_investment")


def is_financing(metric: str) -> bool:
    """Money raised for a project ("financing", "debt_financing"): it pays for part of the
    cost, so a page that gives it as the cost counts a part of what the others count."""
    return metric == "financing" or metric.endswith("_financing")


@dataclass(frozen=True)
class Part:
    """A figure given for one part of a subject (or one partner), indexed for explainers."""

    label: str
    low: float
    high: float
    source_ids: frozenset[str]
    subject: str = ""
    financing: bool = False  # money raised for the subject (a loan, an equity round)


class PartIndex:
    """Partners' contributions (one partner, and per source two or more together) by amount.

    Built once per run; a lookup reads only the buckets near a value, so explaining an
    outlier costs the same however many sources give per-partner figures.
    """

    _PER_DECADE = 100  # 2.3 % wide buckets: the 2 % tolerance reaches the neighbours only

    def __init__(self, claims: Sequence[Claim]) -> None:
        by_source: dict[tuple[str, str], dict[str, Claim]] = {}
        for claim in sorted(claims, key=lambda c: (c.source_id, c.id)):
            if (
                claim.metric in CONTRIBUTION_METRICS
                and claim.verified
                and claim.equivalent_of is None
                and claim.value_usd
                and claim.value_usd > 0
            ):
                by_source.setdefault((claim.source_id, claim.metric), {}).setdefault(
                    claim.subject, claim
                )
        self._buckets: dict[int, list[Part]] = {}
        for (source, metric), by_subject in sorted(by_source.items()):
            what = metric.replace("_", " ")
            found = [c for _, c in sorted(by_subject.items())]
            for claim in found:
                self._add(Part(f"{claim.subject}'s {describe(claim)} ({what})",
                               float(claim.value_usd or 0.0), float(claim.value_usd or 0.0),
                               frozenset({source}), claim.subject))  # fmt: skip
            if len(found) > 1:
                total = sum(float(c.value_usd or 0.0) for c in found)
                parts = " and ".join(f"{c.subject} {describe(c)}" for c in found)
                self._add(Part(f"{parts} combined ({what})", total, total, frozenset({source})))
        for claim in claims:
            if is_financing(claim.metric) and claim.verified and claim.value_usd:
                amount = float(claim.value_usd)
                label = f"the {describe(claim)} of {claim.metric.replace('_', ' ')} given for it"
                pages = frozenset({claim.source_id})
                self._add(Part(label, amount, amount, pages, claim.subject, financing=True))

    def _bucket(self, amount: float) -> int:
        return round(math.log10(amount) * self._PER_DECADE)

    def _add(self, part: Part) -> None:
        self._buckets.setdefault(self._bucket(part.low), []).append(part)

    def near(self, low: float, high: float) -> list[Part]:
        """Parts within the rounding tolerance of ``low`` (or inside a range low..high)."""
        if low <= 0:
            return []
        first, last = self._bucket(low) - 1, self._bucket(max(high, low)) + 1
        if last - first > 3 * self._PER_DECADE:
            return []  # an open-ended range says nothing about a part
        return [
            part
            for bucket in range(first, last + 1)
            for part in self._buckets.get(bucket, [])
            if abs(part.low - low) <= EXACT_TOLERANCE * part.low or low <= part.low <= high
        ]

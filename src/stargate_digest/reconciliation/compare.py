"""Across sources: group claims about the same thing, cluster their values, find disagreements.

Claims are grouped by (subject, metric, dimension): the three "$100 billion" figures of
the seeds have three different subjects or metrics, so they never meet. Within a group,
values are clustered in a common unit (USD for money) with a tolerance for rounding;
more than one cluster is a disagreement. Work is per group, so the cost grows with the
number of claims, not with the square of it.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from stargate_digest.display import describe, month_day
from stargate_digest.models import (
    Claim,
    Disagreement,
    KeyFigure,
    Qualifier,
    Severity,
    ValueSupport,
)
from stargate_digest.reconciliation.money import is_money

EXACT_TOLERANCE = 0.02
APPROX_TOLERANCE = 0.10
ORDER_OF_MAGNITUDE = 10.0
MATERIAL_RATIO = 1.25
CONTRIBUTION_METRICS = ("equity_contribution", "partner_investment")


@dataclass
class Cluster:
    """Claims whose values agree within the tolerance."""

    claims: list[Claim] = field(default_factory=list)
    low: float | None = None
    hedged: bool = False

    def add(self, claim: Claim) -> None:
        self.claims.append(claim)
        self.hedged = self.hedged or claim.qualifier is not Qualifier.EXACT

    @property
    def sources(self) -> list[str]:
        return list(dict.fromkeys(claim.source_id for claim in self.claims))

    def support(self) -> ValueSupport:
        first = self.claims[0]
        return ValueSupport(
            value=first.value if first.value is not None else "",
            unit=first.unit or "",
            value_usd=first.value_usd,
            source_ids=self.sources,
            claim_ids=[claim.id for claim in self.claims],
        )


def group_key(claim: Claim) -> tuple[str, str, str] | None:
    """What a claim is about, or None when it cannot be compared (no value, open currency)."""
    if claim.value is None or claim.unit is None:
        return None
    if claim.metric == "other":
        return None  # figures no metric labels ("25,000 onsite roles") are not one quantity
    if is_money(claim):
        return (claim.subject, claim.metric, "money") if claim.value_usd is not None else None
    return claim.subject, claim.metric, claim.unit


def cluster_numbers(claims: Sequence[Claim]) -> list[Cluster]:
    """Sort by value (USD for money) and start a new cluster past the tolerance."""

    def number(claim: Claim) -> float:
        return float(claim.value_usd if claim.value_usd is not None else claim.value or 0.0)

    clusters: list[Cluster] = []
    for claim in sorted(claims, key=number):
        value = number(claim)
        current = clusters[-1] if clusters else None
        hedged = claim.qualifier is not Qualifier.EXACT or (current is not None and current.hedged)
        tolerance = APPROX_TOLERANCE if hedged else EXACT_TOLERANCE
        if current is None or current.low is None or value > current.low * (1 + tolerance):
            current = Cluster(low=value)
            clusters.append(current)
        current.add(claim)
    return clusters


def _month_day(value: str) -> str:
    return value[-5:]


def cluster_dates(claims: Sequence[Claim]) -> list[Cluster]:
    """Dates agree when they name the same day; a date without a year agrees on month-day."""
    clusters: dict[str, Cluster] = {}
    for claim in sorted(claims, key=lambda c: _month_day(str(c.value))):
        clusters.setdefault(_month_day(str(claim.value)), Cluster()).add(claim)
    return list(clusters.values())


def _date_gap_days(clusters: Sequence[Cluster]) -> int:
    values = [str(c.claims[0].value) for c in clusters]
    years = [int(v[:4]) for v in values if not v.startswith("--")]
    year = years[0] if years else 2000
    days = sorted(month_day(v, year) for v in values)
    return (days[-1] - days[0]).days


def _severity(clusters: Sequence[Cluster], dimension: str) -> tuple[Severity, str]:
    if dimension == "date":
        gap = _date_gap_days(clusters)
        if gap <= 1:
            return Severity.LOW, (
                "They are a day apart: time zones (an evening announcement in the US is "
                "already the next day in Asia) or the gap between an event and its report "
                "may explain it."
            )
        return (Severity.MEDIUM if gap <= 31 else Severity.HIGH), f"They are {gap} days apart."
    lows = [c.low for c in clusters if c.low is not None and c.low > 0]
    if len(lows) < 2:
        return Severity.MEDIUM, ""
    ratio = max(lows) / min(lows)
    if ratio >= ORDER_OF_MAGNITUDE:
        return Severity.HIGH, f"The largest is {ratio:,.0f} times the smallest."
    if ratio >= MATERIAL_RATIO:
        return Severity.MEDIUM, f"The largest is {ratio:.2g} times the smallest."
    return Severity.LOW, "The values are close; rounding or conversion may explain the gap."


def _sources_text(cluster: Cluster) -> str:
    count = len(cluster.sources)
    noun = "source" if count == 1 else "sources"
    return f"{count} {noun}: {', '.join(cluster.sources)}"


@dataclass(frozen=True)
class _PartnerSum:
    """Per-partner figures one source gives for one metric, and their total in USD."""

    source_id: str
    metric: str
    claims: tuple[Claim, ...]
    total_usd: float


class PartnerSums:
    """Per-partner contributions by source (two partners or more), indexed by amount.

    Built once per run; a lookup checks only the buckets near a value, so hints cost
    the same however many sources report per-partner figures.
    """

    _BUCKETS_PER_DECADE = 100  # 2.3 % wide, so the 2 % tolerance spans neighbours only

    def __init__(self, claims: Sequence[Claim]) -> None:
        grouped: dict[tuple[str, str], dict[str, Claim]] = {}
        for claim in claims:
            if claim.metric in CONTRIBUTION_METRICS and claim.value_usd is not None:
                grouped.setdefault((claim.source_id, claim.metric), {}).setdefault(
                    claim.subject, claim
                )
        self._buckets: dict[int, list[_PartnerSum]] = {}
        for (source, metric), by_subject in grouped.items():
            if len(by_subject) < 2:
                continue
            total = sum(float(c.value_usd or 0.0) for c in by_subject.values())
            if total > 0:
                found = _PartnerSum(source, metric, tuple(by_subject.values()), total)
                self._buckets.setdefault(self._bucket(total), []).append(found)

    def _bucket(self, amount: float) -> int:
        return round(math.log10(amount) * self._BUCKETS_PER_DECADE)

    def near(self, amount: float) -> list[_PartnerSum]:
        """Sums within the tolerance of ``amount``."""
        if amount <= 0:
            return []
        middle = self._bucket(amount)
        return [
            found
            for bucket in (middle - 1, middle, middle + 1)
            for found in self._buckets.get(bucket, [])
            if abs(found.total_usd - amount) <= EXACT_TOLERANCE * amount
        ]


def contribution_hint(cluster: Cluster, sums: PartnerSums) -> str | None:
    """A total that equals the sum of per-partner figures another source reports."""
    if cluster.low is None:
        return None
    sources = cluster.sources
    for found in sums.near(cluster.low):
        if found.source_id in sources:
            continue
        parts = " and ".join(f"{c.subject} {describe(c)}" for c in found.claims)
        return (
            f"{describe(cluster.claims[0])} ({', '.join(sources)}) equals {parts} "
            f"combined in {found.source_id} ({found.metric.replace('_', ' ')}): it may "
            "count only those partners' money, not the whole programme."
        )
    return None


def find_disagreements(claims: Sequence[Claim]) -> tuple[list[Disagreement], list[KeyFigure]]:
    """Disagreements (two or more value clusters) and the key figure of every group."""
    groups: dict[tuple[str, str, str], list[Claim]] = {}
    for claim in claims:
        key = group_key(claim)
        if key is not None and claim.verified and claim.equivalent_of is None:
            groups.setdefault(key, []).append(claim)
    disagreements: list[Disagreement] = []
    figures: list[KeyFigure] = []
    sums = PartnerSums(claims)
    for (subject, metric, dimension), members in groups.items():
        clusters = cluster_dates(members) if dimension == "date" else cluster_numbers(members)
        clusters.sort(key=lambda c: (-len(c.sources), -len(c.claims)))
        figures.append(_key_figure(subject, metric, clusters))
        if len(clusters) < 2:
            continue
        severity, comparison = _severity(clusters, dimension)
        values = " vs ".join(f"{describe(c.claims[0])} ({_sources_text(c)})" for c in clusters)
        hints = filter(None, (contribution_hint(c, sums) for c in clusters))
        explanation = " ".join(
            filter(None, [
                f"The sources disagree on {subject}'s {metric.replace('_', ' ')}: {values}.",
                comparison,
                *hints,
            ])
        )  # fmt: skip
        disagreements.append(
            Disagreement(
                id="",
                subject=subject,
                metric=metric,
                severity=severity,
                values=[c.support() for c in clusters],
                explanation=explanation,
            )
        )
    order = {Severity.HIGH: 0, Severity.MEDIUM: 1, Severity.LOW: 2}
    disagreements.sort(key=lambda d: (order[d.severity], -sum(len(v.source_ids) for v in d.values)))
    numbered = [d.model_copy(update={"id": f"d{i}"}) for i, d in enumerate(disagreements, 1)]
    figures.sort(key=lambda f: (-len(f.source_ids), f.subject, f.metric))
    return numbered, figures


def _key_figure(subject: str, metric: str, clusters: Sequence[Cluster]) -> KeyFigure:
    consensus = clusters[0].support()
    return KeyFigure(
        subject=subject,
        metric=metric,
        value=consensus.value,
        unit=consensus.unit,
        value_usd=consensus.value_usd,
        source_ids=consensus.source_ids,
        claim_ids=consensus.claim_ids,
        outliers=[c.support() for c in clusters[1:]],
    )

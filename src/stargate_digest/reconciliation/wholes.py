"""A part larger than its whole: a figure whose scope came from a word nearby.

A site, a country programme or a phase cannot cost (count, draw, cover) more than the
whole it is part of. Before any comparison, ``rescope_parts`` clears the scope of such a
figure so that it is compared with the whole's figures (compare.py), against the whole
of the part's own moment and only a whole two pages or more agree on.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Mapping, Sequence
from datetime import date

from stargate_digest.models import Claim
from stargate_digest.reconciliation.clusters import TimeOf, cluster_numbers, time_of_claims
from stargate_digest.reconciliation.compare import Figure, _consensus_order, figure_of
from stargate_digest.reconciliation.explain import MONTHS_APART
from stargate_digest.reconciliation.sums import ADDITIVE
from stargate_digest.reconciliation.values import APPROX_TOLERANCE, interval
from stargate_digest.topic import TopicProfile

PART_KINDS = ("site", "country", "phase", "partner", "component")
MIN_WHOLE_SOURCES = 2  # pages that must agree on the whole a part is measured against


def rescope_parts(
    claims: Sequence[Claim],
    topic: TopicProfile,
    published: Mapping[str, date | None] | None = None,
) -> list[Claim]:
    """Claims with a part's scope whose value is larger than the whole's: taken as the whole.

    A site, a country programme or a phase cannot cost (count, draw, cover) more than the
    whole it is part of; such a figure's scope came from a word nearby, not from what it
    measures, so it is compared with the whole's figures (its scope is cleared). Only the
    wholes of subjects and metrics that have such parts are clustered here. A dated part
    is compared with the whole of its own moment (``published``, or its ``as_of``): a
    whole given years before an expansion was announced says nothing of what the whole
    became, so a part with no whole of its moment keeps its scope; so does a part whose
    whole (of its moment) only one page gives (``MIN_WHOLE_SOURCES``).
    """
    parts: list[tuple[int, Figure]] = []
    for index, claim in enumerate(claims):
        spec = topic.scopes.get(topic.canonical_scope(claim.scope) or "") if claim.scope else None
        if spec is not None and spec.kind in PART_KINDS:
            figure = figure_of(claim, topic)
            if figure is not None and figure.dimension in ADDITIVE:
                parts.append((index, figure))
    if not parts:
        return list(claims)
    families = {figure.family for _, figure in parts}
    by_family: dict[tuple[str, str, str, str], list[Claim]] = {}
    for claim in claims:
        if not claim.scope or topic.canonical_scope(claim.scope) is None:
            figure = figure_of(claim, topic)
            if figure is not None and not figure.scope and figure.family in families:
                by_family.setdefault(figure.family, []).append(claim)
    wholes = {
        family: _Wholes(members, time_of_claims(published or {}))
        for family, members in by_family.items()
    }
    # the largest whole each page gives itself: a page that writes "10 plants, 7 of them
    # new" places its part inside its own whole, whatever other pages give the whole
    own: dict[tuple[tuple[str, str, str, str], str], float] = {}
    for family, members in by_family.items():
        for claim in members:
            key = (family, claim.source_id)
            own[key] = max(own.get(key, 0.0), interval(claim)[1])
    fixed = list(claims)
    backed = _backed(claims, parts, wholes)
    for index, figure in parts:
        low = interval(claims[index])[0]
        if low <= own.get((figure.family, claims[index].source_id), -1.0) * (1 + APPROX_TOLERANCE):
            continue
        if index in backed:
            continue
        found = wholes.get(figure.family)
        whole = found.at(claims[index]) if found is not None else None
        if whole is not None and low > whole[1] * (1 + APPROX_TOLERANCE):
            fixed[index] = claims[index].model_copy(update={"scope": None})
    return fixed


def _backed(
    claims: Sequence[Claim],
    parts: Sequence[tuple[int, Figure]],
    wholes: Mapping[tuple[str, str, str, str], _Wholes],
) -> set[int]:
    """The parts' claims that other pages back: two or more other pages give the same part
    a figure past the whole's consensus too.

    A scope from a word nearby is one page's accident; pages that each put one part above
    the figure given for the whole ("more than $20 billion in the two fabs" on two pages,
    "¥2 trillion" for them on a third, beside "$8.6 billion" given without its part) say
    the part is that large, and that figure is likelier a part's given without its part.
    """
    above: dict[tuple[tuple[str, str, str, str], str], set[str]] = {}
    for index, figure in parts:
        found = wholes.get(figure.family)
        whole = found.overall() if found is not None else None
        if whole is not None and interval(claims[index])[0] > whole[1] * (1 + APPROX_TOLERANCE):
            above.setdefault((figure.family, figure.scope), set()).add(claims[index].source_id)
    return {
        index
        for index, figure in parts
        if len(above.get((figure.family, figure.scope), set()) - {claims[index].source_id})
        >= MIN_WHOLE_SOURCES
    }


class _Wholes:
    """The whole's figure a part is compared with: its consensus, or for a dated part the
    consensus of the whole's claims of the part's moment (within ``MONTHS_APART`` days).

    The whole's claims are sorted by date once and each moment is clustered once, so the
    cost stays linear in the claims (times the few days parts are dated on).
    """

    def __init__(self, members: Sequence[Claim], time_of: TimeOf) -> None:
        self._members = members
        self._time_of = time_of
        dated = sorted(
            ((day, claim.source_id, claim.id, claim) for claim in members
             if (day := time_of(claim)) is not None),
            key=lambda row: row[:3],
        )  # fmt: skip
        self._days = [row[0].toordinal() for row in dated]
        self._dated = [row[3] for row in dated]
        self._spans: dict[date | None, tuple[float, float] | None] = {}

    def at(self, part: Claim) -> tuple[float, float] | None:
        """The span of the whole's consensus for this part; None when no whole of its moment."""
        return self._span(self._time_of(part) if self._dated else None)

    def overall(self) -> tuple[float, float] | None:
        """The span of the whole's consensus over all its claims (an undated part's)."""
        return self._span(None)

    def _span(self, day: date | None) -> tuple[float, float] | None:
        if day not in self._spans:
            pool: Sequence[Claim] = self._members
            if day is not None:
                first = bisect_left(self._days, day.toordinal() - MONTHS_APART + 1)
                last = bisect_right(self._days, day.toordinal() + MONTHS_APART - 1)
                pool = self._dated[first:last]
            clusters = sorted(cluster_numbers(pool), key=_consensus_order) if pool else []
            # one page's whole may be a part's figure given without its part ("the plant
            # will create 6,500 jobs"): only a whole pages agree on shows a part too large
            agreed = clusters and len(clusters[0].sources) >= MIN_WHOLE_SOURCES
            self._spans[day] = clusters[0].span if agreed else None
        return self._spans[day]

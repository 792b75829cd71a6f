"""Across sources: compare like with like, and say what kind of difference each one is.

Claims are grouped by (subject, scope, metric, dimension, and for ``other`` what the
figure counts): only claims about the same part of the same thing are one figure, so the
seeds' three "$100 billion" figures (three subjects or metrics) never meet. Within a
group, values are clustered (clusters.py); the cluster with the most sources is the
consensus, and each other cluster is explained against it (explain.py). The kind of the
difference follows from the explanations: any value left unexplained or best explained
as an error makes a conflict; otherwise the values are an update, a scope difference or
rounding. Figures of one subject and metric for different scopes are a breakdown (kind
scope), never a conflict. Work is per group and per cluster, so the cost grows with the
number of claims, not with its square.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from statistics import median_low

from stargate_digest.display import describe
from stargate_digest.models import (
    Claim,
    Disagreement,
    DisagreementKind,
    KeyFigure,
    Severity,
    ValueSupport,
)
from stargate_digest.reconciliation.clusters import (
    Cluster,
    TimeOf,
    cluster_dates,
    cluster_numbers,
    cluster_time,
    time_of_claims,
)
from stargate_digest.reconciliation.conversions import differing_conversions
from stargate_digest.reconciliation.dating import RateDate
from stargate_digest.reconciliation.explain import (
    MONTHS_APART,
    REFERENCES,
    bound_holds,
    explain,
    read_against,
    time_label,
)
from stargate_digest.reconciliation.explanation import Context, Explanation
from stargate_digest.reconciliation.money import one_rate
from stargate_digest.reconciliation.partners import Part, PartIndex
from stargate_digest.reconciliation.restated import OtherMeasures, share_readings
from stargate_digest.reconciliation.rivals import rival_reading
from stargate_digest.reconciliation.sums import PageFigures, SumIndex
from stargate_digest.reconciliation.values import (
    DateValue,
    days_apart,
    dimension,
    ratio,
)
from stargate_digest.reconciliation.variants import written_differently
from stargate_digest.topic import TopicProfile, metric_label

ORDER_OF_MAGNITUDE = 10.0
MATERIAL_RATIO = 1.25
LONE_OUTLIER_RATIO = 100.0  # one source this far off, unexplained: another measure
MAX_LISTED = 4  # past this many values, the prose names the consensus and counts the rest
_SEVERITY_ORDER = {Severity.HIGH: 0, Severity.MEDIUM: 1, Severity.LOW: 2}
_KIND_ORDER = {
    DisagreementKind.CONFLICT: 0,
    DisagreementKind.UPDATE: 1,
    DisagreementKind.SCOPE: 2,
    DisagreementKind.ROUNDING: 3,
}


@dataclass(frozen=True, order=True)
class Figure:
    """What a group of claims is about: one figure of one part of one subject."""

    subject: str
    metric: str
    dimension: str
    detail: str  # what an ``other`` figure counts, casefolded; empty otherwise
    scope: str  # the canonical scope casefolded; empty for the whole

    @property
    def family(self) -> tuple[str, str, str, str]:
        """The figure for every part: the key of a breakdown by scope."""
        return self.subject, self.metric, self.dimension, self.detail


def figure_of(claim: Claim, topic: TopicProfile) -> Figure | None:
    """What a claim is a figure of, or None when it cannot be compared with anything."""
    if not claim.verified or claim.equivalent_of is not None:
        return None  # a restated equivalent is checked in its source, not counted twice
    dim = dimension(claim)
    if dim is None:
        return None
    detail = ""
    if claim.metric == "other":
        if not claim.detail or not claim.detail.strip():
            return None  # "other" figures meet only when they name the same thing
        detail = " ".join(claim.detail.casefold().split())
    scope = topic.canonical_scope(claim.scope) or ""
    return Figure(claim.subject, claim.metric, dim, detail, scope.casefold())


@dataclass
class _Group:
    figure: Figure
    claims: list[Claim] = field(default_factory=list)
    clusters: list[Cluster] = field(default_factory=list)

    @property
    def scope_label(self) -> str | None:
        """The scope as the profile names it (the consensus's spelling), None for the whole."""
        if not self.figure.scope:
            return None
        return self.clusters[0].representative.scope if self.clusters else None


def find_disagreements(
    claims: Sequence[Claim],
    *,
    topic: TopicProfile,
    published: Mapping[str, date | None] | None = None,
    rate_dates: Mapping[str, RateDate] | None = None,
) -> tuple[list[Disagreement], list[KeyFigure]]:
    """Disagreements of every kind, and the key figure of every group (subject, scope, metric).

    ``published`` gives each source's publication date (for updates over time);
    ``rate_dates`` the day whose exchange rate applies to each source (for conversions).
    """
    time_of = time_of_claims(published or {})
    groups: dict[Figure, _Group] = {}
    for claim in claims:
        figure = figure_of(claim, topic)
        if figure is not None:
            scope = topic.canonical_scope(claim.scope)
            named = claim if scope == claim.scope else claim.model_copy(update={"scope": scope})
            groups.setdefault(figure, _Group(figure)).claims.append(named)
    for group in groups.values():
        dated = group.figure.dimension == "date"
        if group.figure.dimension == "money":
            group.claims = one_rate(group.claims)
        group.clusters = (cluster_dates if dated else cluster_numbers)(group.claims)
        group.clusters.sort(key=_consensus_order)
    families: dict[tuple[str, str, str, str], list[_Group]] = {}
    for figure in sorted(groups):
        families.setdefault(figure.family, []).append(groups[figure])
    partners = PartIndex(claims)
    sums = SumIndex(
        (figure.subject, figure.scope, figure.metric, group.clusters)
        for figure, group in sorted(groups.items(), key=lambda item: item[0])
        if figure.dimension == "money"
    )
    pages = PageFigures(
        (f.subject, f.scope, f.metric, f.dimension, g.clusters) for f, g in sorted(groups.items())
    )
    measures = OtherMeasures(
        (g.figure.subject, g.figure.dimension, g.figure.metric, g.clusters) for g in groups.values()
    )
    disagreements: list[Disagreement] = []
    figures: list[KeyFigure] = []
    for family in families.values():
        parts = [_part(group) for group in family]  # once per family, not per group
        for group, own in zip(family, parts, strict=True):
            context = Context(
                subject=group.figure.subject,
                metric=group.figure.metric,
                dimension=group.figure.dimension,
                consensus=group.clusters[0],
                time_of=time_of,
                rate_dates=rate_dates or {},
                partners=partners,
                scopes=parts,
                own_scope=own,
                whole=_is_whole(group.figure.subject, topic),
                sums=sums,
                pages=pages,
                scope=group.figure.scope,
            )
            explained = [
                read_against(c, explain(c, context), group.clusters, context)
                for c in group.clusters[1:]
            ]
            explained = share_readings(group.clusters[1:], explained, context)
            outliers = [
                (c, found) for c, (_, found) in zip(group.clusters[1:], explained, strict=True)
            ]
            figures.append(_key_figure(group, outliers, time_of))
            rivals = [
                (c, rival)
                for c, (_, found) in zip(group.clusters[1:], explained, strict=True)
                if found is not None and found.kind is DisagreementKind.ROUNDING
                and (rival := rival_reading(c, group.clusters, context)) is not None
            ]  # fmt: skip
            weak = _NoWitness(group, topic, measures)
            written = {
                id(c): forms
                for c in group.clusters[:REFERENCES]
                if (forms := written_differently(c, context, group.clusters)) is not None
            }
            rivals += [rival for forms in written.values() for rival in forms.rivals]
            for reference, pairs in _findings(group, explained, rivals):
                across = [pair for pair in pairs if _across_sources(pair, reference)]
                forms = written.get(id(reference))
                shown = reference
                if forms is not None and across and _kind(across) is DisagreementKind.ROUNDING:
                    # one rounding finding per value: its other forms join the values
                    # rounded or converted from it, each form listed once
                    del written[id(reference)]
                    shown, across = forms.base, across + list(forms.rounded)
                if across:
                    disagreements.append(_disagreement(group, shown, across, time_of, weak))
            for forms in written.values():
                if forms.rounded:
                    disagreements.append(
                        _disagreement(group, forms.base, forms.rounded, time_of, weak)
                    )
        breakdown = _breakdown(family, time_of)
        if breakdown is not None:
            disagreements.append(breakdown)
    disagreements += differing_conversions(claims, lambda c: figure_of(c, topic), time_of)
    disagreements.sort(key=_disagreement_order)
    numbered = [d.model_copy(update={"id": f"d{i}"}) for i, d in enumerate(disagreements, 1)]
    figures.sort(key=lambda f: (-len(f.source_ids), f.subject, f.scope or "", f.metric))
    return numbered, figures


def _findings(
    group: _Group,
    explained: Sequence[tuple[Cluster, Explanation | None]],
    rivals: Sequence[tuple[Cluster, tuple[Cluster, Explanation]]] = (),
) -> list[tuple[Cluster, list[tuple[Cluster, Explanation | None]]]]:
    """The group's findings: one per kind and value read against, that value first.

    A group can hold several: the steps of an update, a conflict between sources of one
    moment, values rounded or converted. ``explained`` gives, per outlier (in the order of
    ``group.clusters[1:]``), the value it is read against and how it differs from it;
    ``rivals`` the rounded values that also contradict a precise value (rival_reading),
    which are in both findings.
    """
    buckets: dict[tuple[int, int], list[tuple[Cluster, Explanation | None]]] = {}
    position = {id(c): i for i, c in enumerate(group.clusters)}
    readings = [
        (outlier, reference, found)
        for outlier, (reference, found) in zip(group.clusters[1:], explained, strict=True)
    ]
    readings += [(outlier, reference, found) for outlier, (reference, found) in rivals]
    for outlier, reference, found in readings:
        kind = found.kind if found is not None else DisagreementKind.CONFLICT
        key = (_KIND_ORDER[kind], position[id(reference)])
        buckets.setdefault(key, []).append((outlier, found))
    return [(group.clusters[key[1]], buckets[key]) for key in sorted(buckets)]


class _NoWitness:
    """Whether a value cannot make a conflict high or medium on its own.

    Extraction errors (a figure read for the wrong measure, two things of one page taken
    for one figure) look like conflicts; these values are still shown, as conflicts, but
    only values that witness a contradiction set its severity:

    - one source's figure whose quote names a cue word of another metric of the profile
      and none of this one's: more likely read for the wrong measure (a share price taken
      for a loss of market value) than a competing value. A quote that names no metric at
      all is no evidence either way;
    - a value whose sources all give another value of the same figure too: a page does
      not contradict itself, so it is likely about two things the extraction did not
      tell apart;
    - one source's figure that several sources give for another metric of the subject
      (restated.OtherMeasures): that figure under the wrong measure.
    """

    def __init__(
        self, group: _Group, topic: TopicProfile, measures: OtherMeasures | None = None
    ) -> None:
        self._figure = group.figure
        self._measures = measures
        self._own = metric_label(group.figure.metric)
        self._metrics = {metric_label(name) for name in topic.metrics}
        self._topic = topic
        seen: dict[str, int] = {}
        for cluster in group.clusters:
            for source in cluster.sources:
                seen[source] = seen.get(source, 0) + 1
        self._several = {source for source, count in seen.items() if count > 1}

    def __call__(self, cluster: Cluster) -> bool:
        if all(source in self._several for source in cluster.sources):
            return True
        if len(cluster.sources) > 1:
            return False
        figure = self._figure
        if self._measures and self._measures.given_for_another(
            figure.subject, figure.dimension, figure.metric, cluster
        ):
            return True
        named: set[str] = set()
        for claim in cluster.claims:
            labels = {hit.label for hit in self._topic.matcher.find(claim.quote)}
            if self._own in labels:
                return False
            named |= labels
        return bool(named & self._metrics)


def _consensus_order(cluster: Cluster) -> tuple[int, int, float, int, str]:
    """Most sources first, then most claims, then the smallest value (the earliest date)."""
    day = cluster.day.start.toordinal() if cluster.day else 0
    return -len(cluster.sources), -len(cluster.claims), cluster.low, day, cluster.representative.id


def _is_whole(subject: str, topic: TopicProfile) -> bool:
    """Whether partners' money goes into this subject (a project, or one the profile lacks)."""
    spec = topic.subjects.get(subject)
    return spec is None or spec.kind == "project"


def _across_sources(pair: tuple[Cluster, Explanation | None], consensus: Cluster) -> bool:
    """Whether a value differs across sources, not only within the sources of the consensus.

    A source that states the consensus and another value (a restatement in another
    currency, a rounder figure in its headline) disagrees with nobody; it still counts
    when its two values are an earlier and a later figure (an update it reports itself).
    """
    outlier, found = pair
    if found is not None and found.kind is DisagreementKind.UPDATE:
        return True
    return not set(outlier.sources) <= set(consensus.sources)


def _part(group: _Group) -> Part:
    consensus = group.clusters[0]
    low, high = consensus.span if group.figure.dimension != "date" else (0.0, 0.0)
    label = group.scope_label or f"the whole of {group.figure.subject}"
    return Part(label, low, high, frozenset(consensus.sources))


def _what(figure: Figure, scope: str | None) -> str:
    """'Stargate's total investment', 'Stargate's power capacity (Abilene campus)'."""
    metric = figure.detail if figure.metric == "other" else figure.metric.replace("_", " ")
    where = f" ({scope})" if scope else ""
    return f"{figure.subject}'s {metric}{where}"


def _sources(cluster: Cluster) -> str:
    count = len(cluster.sources)
    return f"{count} source" + ("" if count == 1 else "s")


def _label(cluster: Cluster) -> str:
    return describe(cluster.representative)


def _kind(outliers: Sequence[tuple[Cluster, Explanation | None]]) -> DisagreementKind:
    kinds = [found.kind if found else DisagreementKind.CONFLICT for _, found in outliers]
    return min(kinds, key=lambda k: _KIND_ORDER[k])


def _severity(
    group: _Group,
    consensus: Cluster,
    kind: DisagreementKind,
    outliers: Sequence[tuple[Cluster, Explanation | None]],
    misread: Callable[[Cluster], bool] = lambda cluster: False,
) -> tuple[Severity, str]:
    """Conflicts by size (how far the contradicting values are apart); context is low."""
    if kind is not DisagreementKind.CONFLICT:
        return Severity.LOW, ""
    counted = [
        c
        for c, found in outliers
        if (found is None or found.kind in (DisagreementKind.CONFLICT, DisagreementKind.SCOPE))
        and (found is None or found.witness)
        and not misread(c)
        and not (
            (found is None or found.another_figure)
            and _far_and_alone(c, consensus, group.figure.dimension)
        )
        and not _within_bound(c, consensus, group.figure.dimension)
    ]
    if not counted or misread(consensus):
        return Severity.LOW, (
            "The values that differ look like figures of other things (another measure, "
            "another part of one page, or a number far from every other) rather than "
            "competing values."
        )
    if group.figure.dimension == "date":
        days = max(days_apart(_day(consensus), _day(c)) for c in counted)
        severity = Severity.LOW if days <= 1 else Severity.MEDIUM if days <= 31 else Severity.HIGH
        return severity, (
            "They are a day apart." if days <= 1 else f"They are up to {days} days apart."
        )
    gap = max(ratio(consensus.span, c.span) for c in counted)
    spans = [consensus.span, *(c.span for c in counted)]
    lows = [low for low, _ in spans if low > 0]
    widest = max(lows) / min(lows) if len(lows) > 1 else gap
    said = (
        "One of them is zero or below zero."  # no number of times says how far apart
        if widest == float("inf")
        else f"The largest is {widest:,.0f} times the smallest."
        if widest >= ORDER_OF_MAGNITUDE
        else f"The largest is {widest:.2g} times the smallest."
    )
    if gap >= ORDER_OF_MAGNITUDE:
        return Severity.HIGH, said
    if gap >= MATERIAL_RATIO:
        return Severity.MEDIUM, said
    if any(found is not None and found.likely_error for _, found in outliers):
        return Severity.LOW, "The values are close."  # the likely error is said below
    return Severity.LOW, "The values are close; rounding or conversion may explain the gap."


def _far_and_alone(outlier: Cluster, reference: Cluster, dimension: str) -> bool:
    """One source's value, unexplained, a hundred times or more from the reference.

    A slip of scale is explained (scale word, x1000 typo) before this is asked; a lone
    number two orders of magnitude off with nothing to explain it is far more likely a
    figure of another measure (a share price read as a loss of market value) than a
    competing value, so it does not make the conflict high on its own.
    """
    if dimension == "date" or len(outlier.sources) > 1:
        return False
    return ratio(reference.span, outlier.span) >= LONE_OUTLIER_RATIO


def _within_bound(a: Cluster, b: Cluster, dimension: str) -> bool:
    """Whether one value is a bound the other satisfies ("at least 10 %" and 16 %): a
    bound agrees with every value on its side, so the two do not contradict each other."""
    return dimension != "date" and (bound_holds(a, b) or bound_holds(b, a))


def _day(cluster: Cluster) -> DateValue:
    if cluster.day is None:  # date groups are clustered by cluster_dates, which sets it
        raise ValueError("a date cluster without its date")
    return cluster.day


def _when(days: Sequence[date]) -> tuple[bool, date]:
    return (not days, median_low(days) if days else date.min)


def _step_days(cluster: Cluster, chain: Sequence[Cluster], time_of: TimeOf) -> list[date]:
    """When a step of an update held, for its label: the dates of its pages that give no
    other step (a page of August that recalls December's figure beside its own does not
    date December's), all its pages' dates when each gives another step too."""
    others = {source for c in chain if c is not cluster for source in c.sources}
    own = {
        (claim.source_id, day)
        for claim in cluster.claims
        if claim.source_id not in others and (day := time_of(claim)) is not None
    }
    return sorted(day for _, day in own) or cluster_time(cluster, time_of)


def _disagreement(
    group: _Group,
    consensus: Cluster,
    outliers: Sequence[tuple[Cluster, Explanation | None]],
    time_of: TimeOf,
    misread: Callable[[Cluster], bool] = lambda cluster: False,
) -> Disagreement:
    kind = _kind(outliers)
    severity, comparison = _severity(group, consensus, kind, outliers, misread)
    scope = group.scope_label
    what = _what(group.figure, scope)
    if kind is DisagreementKind.UPDATE:
        chain = [consensus] + [c for c, f in outliers if f and f.kind is DisagreementKind.UPDATE]
        timed = sorted(chain, key=lambda c: (_when(_step_days(c, chain, time_of)), c.low))
        if all(cluster_time(c, time_of) for c in chain):
            steps = " -> ".join(
                f"{_label(c)} ({time_label(c, _step_days(c, chain, time_of))})" for c in timed
            )
            opening = f"{what} changed over time: {steps}."
        else:
            # a change one source states in one sentence may have no dates: no order is
            # made up, each value is said with when it held where a source dates it
            said = ", ".join(
                f"{_label(c)} ({time_label(c, days)})"
                if (days := _step_days(c, chain, time_of))
                else f"{_label(c)} (undated)"
                for c in timed
            )
            opening = f"{what} changed; the sources' dates do not order every value: {said}."
    else:
        listed = [consensus, *(c for c, _ in outliers)]
        if len(listed) > MAX_LISTED:
            most = len(consensus.sources) > max(len(c.sources) for c, _ in outliers)
            opening = (
                f"Most sources give {what} as {_label(consensus)} ({_sources(consensus)}); "
                f"{len(outliers)} other values differ."
                if most
                else f"The sources give {len(listed)} different values for {what}, none "
                f"stated by more sources than {_label(consensus)} ({_sources(consensus)})."
            )
        else:
            said = " vs ".join(f"{_label(c)} ({_sources(c)})" for c in listed)
            opening = {
                DisagreementKind.CONFLICT: f"The sources disagree on {what}: {said}.",
                DisagreementKind.SCOPE: f"The sources give {what} for different parts: {said}.",
                DisagreementKind.ROUNDING: (
                    f"The sources round or convert {what} differently: {said}."
                ),
            }.get(kind, f"{what}: {said}.")
    reasons = [found.text for _, found in outliers if found is not None]
    if kind is DisagreementKind.UPDATE:
        reasons = [
            found.text
            for _, found in outliers
            if found and found.kind is not DisagreementKind.UPDATE
        ]
    likely = next(
        (found.likely_error for _, found in outliers if found and found.likely_error), None
    )
    values = [consensus.support(time_of)] + [
        c.support(time_of).model_copy(update={"explanation": found.text if found else None})
        for c, found in outliers
    ]
    return Disagreement(
        id="",
        subject=group.figure.subject,
        metric=group.figure.metric,
        scope=scope,
        kind=kind,
        severity=severity,
        values=values,
        explanation=" ".join(filter(None, [opening, comparison, *reasons])),
        likely_error=likely,
    )


def _breakdown(family: Sequence[_Group], time_of: TimeOf) -> Disagreement | None:
    """One subject and metric given for several parts: a breakdown (kind scope), not a conflict."""
    if len(family) < 2:
        return None
    ordered = sorted(
        family, key=lambda g: (g.figure.scope != "", -len(g.clusters[0].sources), g.figure.scope)
    )
    shown = [g.clusters[0] for g in ordered]
    if not ordered[0].figure.scope:
        shown[0] = _whole_at_parts_moment(ordered[0], ordered[1:], time_of)
    distinct: set[object] = (
        {str(c.representative.value) for c in shown}
        if ordered[0].figure.dimension == "date"
        else {round(c.span[0], 6) for c in shown}
    )
    if len(distinct) < 2:
        return None  # every part has the same value: nothing for a reader to tell apart
    first = ordered[0].figure
    parts = [
        f"{_label(c)} for {g.scope_label or 'the whole'}"
        for g, c in zip(ordered[:MAX_LISTED], shown, strict=False)
    ]
    more = len(ordered) - MAX_LISTED
    listing = ", ".join(parts) + (f" and {more} more parts" if more > 0 else "")
    values: list[ValueSupport] = []
    for group, cluster in zip(ordered, shown, strict=True):
        support = cluster.support(time_of)
        values.append(support.model_copy(update={"scope": group.scope_label}))
    return Disagreement(
        id="",
        subject=first.subject,
        metric=first.metric,
        scope=None,
        kind=DisagreementKind.SCOPE,
        severity=Severity.LOW,
        values=values,
        explanation=(
            f"{_what(first, None)} is given for different parts, not as competing values: "
            f"{listing}."
        ),
    )


def _whole_at_parts_moment(whole: _Group, parts: Sequence[_Group], time_of: TimeOf) -> Cluster:
    """The whole's value as it stood when the parts were given.

    A whole that changed over time ($40 billion in 2022, $65 billion in 2024) is shown
    beside parts given in 2022 by its 2022 value: a part is a share of the whole of its
    own moment. The consensus stays unless it is of another moment (``MONTHS_APART``,
    median to median); then the whole's best-supported value nearest the parts' moment.
    """
    consensus = whole.clusters[0]
    # pages that give the parts and a whole of their own ("10 plants, 7 of them new")
    # say what the parts are parts of: that whole, when the consensus is none of theirs
    pages = [set(group.clusters[0].sources) for group in parts]
    if not any(page & set(consensus.sources) for page in pages):
        for cluster in whole.clusters[1:REFERENCES]:
            if all(page & set(cluster.sources) for page in pages):
                return cluster
    days = sorted(day for group in parts for day in cluster_time(group.clusters[0], time_of))
    if not days:
        return consensus
    moment = median_low(days)

    def distance(cluster: Cluster) -> int | None:
        times = cluster_time(cluster, time_of)
        return abs((median_low(times) - moment).days) if times else None

    own = distance(consensus)
    if own is None or own < MONTHS_APART:
        return consensus
    near = [
        (apart, rank, cluster)
        for rank, cluster in enumerate(whole.clusters[:REFERENCES])
        if (apart := distance(cluster)) is not None
    ]
    return min(near, key=lambda row: row[:2])[2]


def _key_figure(
    group: _Group, outliers: Sequence[tuple[Cluster, Explanation | None]], time_of: TimeOf
) -> KeyFigure:
    consensus = group.clusters[0].support(time_of)
    return KeyFigure(
        **consensus.model_dump(exclude={"scope"}),
        scope=group.scope_label,
        subject=group.figure.subject,
        metric=group.figure.metric,
        outliers=[
            c.support(time_of).model_copy(update={"explanation": found.text if found else None})
            for c, found in outliers
        ],
    )


def _disagreement_order(found: Disagreement) -> tuple[int, int, int, str, str, str, str]:
    return (
        _SEVERITY_ORDER[found.severity],
        _KIND_ORDER[found.kind],
        -sum(len(v.source_ids) for v in found.values),
        found.subject,
        found.scope or "",
        found.metric,
        found.explanation,
    )

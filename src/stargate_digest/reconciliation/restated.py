"""Values that are another value restated, or another measure's figure.

Pages restate a figure in another currency or round it ("$7.2 billion" for €6.8
billion). Each outlier is read against the consensus first and, when the consensus
leaves it unexplained, against a better-supported value it converts or misreads
(explain.read_against). The restatement goes one way only: the better-supported value,
left unexplained, would stay a conflict while the value restating it is an earlier
figure of the change a page reports. Both are one figure, so the unexplained one takes
its restatement's reading against the consensus when that reading is a change over
time: "$7.2 billion" is then the earlier grant, not a rival of the later one.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from stargate_digest.models import DisagreementKind
from stargate_digest.reconciliation.clusters import Cluster
from stargate_digest.reconciliation.explain import explain
from stargate_digest.reconciliation.explanation import Context, Explanation
from stargate_digest.reconciliation.values import ratio

Reading = tuple[Cluster, Explanation | None]


def share_readings(
    outliers: Sequence[Cluster], readings: Sequence[Reading], context: Context
) -> list[Reading]:
    """``readings`` (one per outlier: the value it is read against, how it differs),
    with each unexplained outlier given the update reading of a value restating it."""
    shared = list(readings)
    for index, (outlier, (reference, found)) in enumerate(zip(outliers, readings, strict=True)):
        if found is not None or reference is not context.consensus:
            continue
        for other, (their_reference, theirs) in zip(outliers, readings, strict=True):
            if their_reference is not outlier or theirs is None:
                continue
            if theirs.kind is not DisagreementKind.ROUNDING:
                continue  # a restatement: converted or rounded, not misread
            own = explain(other, context)
            if own is not None and own.kind is DisagreementKind.UPDATE:
                text = (
                    f"{context.label(outlier)} is {context.label(other)} converted or "
                    f"rounded. {own.text}"
                )
                shared[index] = (reference, replace(own, text=text))
                break
    return shared


# Within this, two values are one number (the clusters' own tolerance for exact figures).
_SAME_VALUE = 1.02


class OtherMeasures:
    """The values several sources give for each measure of a subject. One source's value
    of one metric that the same source also gives for another metric, where several
    sources give it, is more likely that figure read a second time under the wrong
    measure ("$165 billion" of total investment taken for an added sum) than a competing
    value, so it witnesses no contradiction on its own. (A match by value alone is no
    sign: on large coverage some value of another measure is near almost any number.)"""

    def __init__(self, groups: Iterable[tuple[str, str, str, Sequence[Cluster]]]) -> None:
        spans: dict[tuple[str, str], list[tuple[float, float, str, frozenset[str]]]] = {}
        for subject, dimension, metric, clusters in groups:
            if dimension == "date":
                continue
            for cluster in clusters:
                if len(cluster.sources) > 1:
                    entry = (*cluster.span, metric, frozenset(cluster.sources))
                    spans.setdefault((subject, dimension), []).append(entry)
        # few per subject: the values several sources agree on, one per measure and moment
        self._spans = spans

    def given_for_another(self, subject: str, dimension: str, metric: str, value: Cluster) -> bool:
        """Whether the value's one source also gives it for another metric of the subject,
        as several sources do."""
        if len(value.sources) != 1:
            return False
        (source,) = value.sources
        return any(
            other != metric and source in sources and ratio((low, high), value.span) <= _SAME_VALUE
            for low, high, other, sources in self._spans.get((subject, dimension), ())
        )

"""A value that another value of its figure restates shares that value's reading.

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

from collections.abc import Sequence
from dataclasses import replace

from stargate_digest.models import DisagreementKind
from stargate_digest.reconciliation.clusters import Cluster
from stargate_digest.reconciliation.explain import Context, Explanation, explain

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

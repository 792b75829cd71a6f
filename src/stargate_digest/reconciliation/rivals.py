"""Two precise readings of one round figure: a conflict beside the rounding.

$589 billion and $592.7 billion both round to "$600 billion", and each is explained
against it as a rounding (explain.py), yet no one number rounds to both: the two
contradict each other. compare.py asks this of every value explained as a rounding.
"""

from __future__ import annotations

from collections.abc import Sequence

from stargate_digest.display import describe
from stargate_digest.models import Claim, DisagreementKind
from stargate_digest.reconciliation.clusters import Cluster, _precise, _precisely_different
from stargate_digest.reconciliation.explain import REFERENCES, ROUNDING_LIMIT
from stargate_digest.reconciliation.explanation import Context, Explanation
from stargate_digest.reconciliation.values import interval, ratio


def rival_reading(
    outlier: Cluster, ranked: Sequence[Cluster], context: Context
) -> tuple[Cluster, Explanation] | None:
    """For a value that rounds to the consensus: a precise value it still contradicts.

    $589 billion and $592.7 billion both round to "$600 billion", but no one number
    rounds to both: beside the rounding, they are a conflict of their own. The other
    precise value is one of the best-supported values ranked before this one, or one of
    the consensus's own claims; the conflict is read against that value's cluster.
    """
    for other in ranked[:REFERENCES]:
        if other is outlier:
            break
        if other is not context.consensus:
            clash = _both_precise(outlier, other.representative, other, context)
            if clash is not None:
                return other, clash
    for inside in context.consensus.precise:  # "$592.7 billion" among "$600 billion"
        clash = _both_precise(outlier, inside, context.consensus, context)
        if clash is not None:
            return context.consensus, clash
    return None


def _both_precise(
    outlier: Cluster, theirs: Claim, other: Cluster, context: Context
) -> Explanation | None:
    """Two precise figures ($589 billion, $592.7 billion) that both round to a round
    consensus ($600 billion) but that no one number rounds to: they contradict each other."""
    mine = outlier.representative
    if not (_precise(mine) and _precise(theirs) and _precisely_different(theirs, mine)):
        return None
    if ratio(outlier.span, interval(theirs)) > ROUNDING_LIMIT:
        return None  # not two roundings of one figure (a separator or scale misread)
    where = "" if theirs is other.representative else f" (given among {context.label(other)})"
    return Explanation(
        DisagreementKind.CONFLICT,
        f"{context.label(outlier)} and {describe(theirs)}{where} both round to "
        f"{context.label(context.consensus)}, but they are precise figures no one number "
        "rounds to: two different readings of the figure.",
    )

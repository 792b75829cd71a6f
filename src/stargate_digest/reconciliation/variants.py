"""One figure written differently: the forms its sources give inside one cluster.

Values within the rounding tolerance are one figure (clusters.py), yet a reader still
wants to know that some sources wrote "€9.9 billion" and others "€10 billion", or that
one page gave "$31.6 billion" for the €30 billion the rest give: the sources round or
convert one figure (kind rounding, always low). Each form other than the one most of the
cluster's sources state is explained against that form by the same explainers as values
of different clusters (``rounded``, ``converted``); a form that neither explains, or that
only sources of the main form give (a page restating its own figure), is no finding.
"""

from __future__ import annotations

from dataclasses import replace

from stargate_digest.models import Claim, DisagreementKind
from stargate_digest.reconciliation.clusters import Cluster
from stargate_digest.reconciliation.explain import Context, Explanation, converted, rounded

MAX_FORMS = 8  # the best-supported forms of one cluster: a finding stays readable


def _form(claim: Claim) -> tuple[str, str]:
    return str(claim.value), claim.unit or ""


def written_differently(
    cluster: Cluster, context: Context
) -> tuple[Cluster, list[tuple[Cluster, Explanation]]] | None:
    """The cluster's main form and each other form a source gives, with how it differs;
    None when every source writes the figure the same way (or for dates and ranges)."""
    if context.dimension == "date" or any(c.value_max is not None for c in cluster.claims):
        return None
    main = _form(cluster.representative)
    forms: dict[tuple[str, str], Cluster] = {}
    for claim in sorted(cluster.claims, key=lambda c: (c.source_id, c.id)):
        forms.setdefault(_form(claim), Cluster(low=cluster.low, high=cluster.high)).add(claim)
    if len(forms) < 2:
        return None
    base = forms.pop(main)
    ranked = sorted(forms.items(), key=lambda item: (-len(item[1].sources), item[0]))
    against = replace(context, consensus=base)
    found: list[tuple[Cluster, Explanation]] = []
    for _, form in ranked[:MAX_FORMS]:
        if set(form.sources) <= set(base.sources):
            continue  # only pages that give the main form too: they disagree with nobody
        answer = rounded(form, against) or converted(form, against)
        if answer is not None and answer.kind is DisagreementKind.ROUNDING:
            found.append((form, answer))
    return (base, found) if found else None

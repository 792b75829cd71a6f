"""One figure written differently: the forms its sources give inside one cluster.

Values within the rounding tolerance are one figure (clusters.py), yet a reader still
wants to know that some sources wrote "€9.9 billion" and others "€10 billion", or that
one page gave "$31.6 billion" for the €30 billion the rest give: the sources round or
convert one figure (kind rounding, always low). Each form other than the one most of the
cluster's sources state is explained against that form by the same explainers as values
of different clusters (``rounded``, ``converted``), or as that form cut short ("$52
billion" for $52.7 billion: inside a cluster only, where the two already agree); a form
that none explains, or that only sources of the main form give (a page restating its own
figure), is no finding. A range ("$6-7 billion") is no form of the figure: it agrees
with every value inside it, and the other forms of its cluster ("$6 billion" beside
"$6.4 billion") are still listed.

A form in another currency than its cluster's main form is compared in its own currency
when another of the best-supported values is given in that currency: a conversion's rate
is uncertain (which day, whose rounding), a figure in one currency is not. "€6.6 billion"
may sit with "$7.2 billion" at the day's rate, yet beside a €6.8 billion that other pages
give it is a different figure (a conflict read against it), not a conversion.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from stargate_digest.display import format_number
from stargate_digest.models import Claim, DisagreementKind
from stargate_digest.reconciliation.clusters import Cluster
from stargate_digest.reconciliation.explain import (
    EQUIVALENT_TOLERANCE,
    REFERENCES,
    ROUNDING_LIMIT,
    converted,
    is_conversion,
    rounded,
)
from stargate_digest.reconciliation.explanation import Context, Explanation
from stargate_digest.reconciliation.values import cut_short, ratio, unit_factor

SAME_NUMBER = 0.001  # a conversion this close is the figure itself, not a rounding of it
MAX_FORMS = 8  # the best-supported forms of one cluster: a finding stays readable


def _form(claim: Claim) -> tuple[str, str]:
    return str(claim.value), claim.unit or ""


@dataclass
class Forms:
    """How the sources of one cluster write its figure."""

    base: Cluster  # the claims of the form most of its sources state
    rounded: list[tuple[Cluster, Explanation]] = field(default_factory=list)
    # forms that contradict a value given in their own currency: (form, (value, why))
    rivals: list[tuple[Cluster, tuple[Cluster, Explanation]]] = field(default_factory=list)


def written_differently(
    cluster: Cluster, context: Context, ranked: Sequence[Cluster] = ()
) -> Forms | None:
    """The cluster's main form and each other form a source gives, with how it differs;
    None when every source writes the figure the same way (or for dates, or a cluster
    shown by a range).
    ``ranked`` is the group's clusters in consensus order (for forms in another currency)."""
    if context.dimension == "date" or cluster.representative.value_max is not None:
        return None
    main = _form(cluster.representative)
    forms: dict[tuple[str, str], Cluster] = {}
    for claim in sorted(cluster.claims, key=lambda c: (c.source_id, c.id)):
        if claim.value_max is not None:
            continue  # a range agrees with every form inside it: it rounds nothing
        forms.setdefault(_form(claim), Cluster(low=cluster.low, high=cluster.high)).add(claim)
    if len(forms) < 2:
        return None
    base = forms.pop(main)
    ordered = sorted(forms.items(), key=lambda item: (-len(item[1].sources), item[0]))
    against = replace(context, consensus=base)
    found = Forms(base)
    for (_, unit), form in ordered[:MAX_FORMS]:
        rival = _in_own_currency(form, unit, cluster, ranked, context) if unit != main[1] else None
        if rival is not None:
            found.rivals.append((form, rival))
            continue
        if set(form.sources) <= set(base.sources):
            continue  # only pages that give the main form too: they disagree with nobody
        answer = (
            rounded(form, against)
            or converted(form, against)
            or _cut_short(form, against)
            or _other_unit(form, against)
        )
        if answer is not None and answer.kind is DisagreementKind.ROUNDING:
            found.rounded.append((form, answer))
    return found if found.rounded or found.rivals else None


def _cut_short(form: Cluster, context: Context) -> Explanation | None:
    """A round form that is the main form with its last digits dropped ("$52 billion" for
    $52.7 billion): inside one cluster, the same figure written short."""
    # the numbers as written: in another unit they are not within 2 % (or, close to par,
    # ``converted`` has answered first)
    mine, theirs = form.representative, context.consensus.representative
    if not cut_short(float(mine.value or 0), float(theirs.value or 0)):
        return None
    return Explanation(
        DisagreementKind.ROUNDING,
        f"{context.label(form)} is {context.label(context.consensus)} with its last digits "
        "dropped: the same figure written short.",
    )


def _other_unit(form: Cluster, context: Context) -> Explanation | None:
    """A form in another unit of the main form's measure ("370,000 sqm" beside "4 million
    sq ft"): one figure converted, rounded in its new unit (money is ``converted``'s)."""
    mine, theirs = form.representative, context.consensus.representative
    if context.dimension == "money" or mine.unit == theirs.unit or not mine.unit:
        return None
    # the main form in the form's unit, as a reader would convert it
    exact = context.consensus.span[0] / unit_factor(mine.unit)
    gap = abs(float(mine.value or 0.0) - exact)
    if gap > EQUIVALENT_TOLERANCE * exact or gap <= SAME_NUMBER * exact:
        return None  # another figure, or the very figure in another unit (1.2 GW, 1,200 MW)
    return Explanation(
        DisagreementKind.ROUNDING,
        f"{context.label(form)} is {context.label(context.consensus)} converted "
        f"({format_number(exact)} {mine.unit}) and rounded.",
    )


def _in_own_currency(
    form: Cluster, unit: str, own: Cluster, ranked: Sequence[Cluster], context: Context
) -> tuple[Cluster, Explanation] | None:
    """The nearest best-supported value given in the form's own currency, when the two
    are close (a reading of one figure) but no rounding joins them: a conflict."""
    if context.dimension != "money":
        return None
    near = [
        other
        for other in ranked[:REFERENCES]
        if other is not own
        and other.representative.unit == unit
        and ratio(other.span, form.span) <= ROUNDING_LIMIT
        and not _two_conversions(unit, other, own, context)
    ]
    if not near:
        return None
    mine = float(form.representative.value or 0.0)
    other = min(near, key=lambda c: abs(float(c.representative.value or 0.0) - mine))
    if rounded(form, replace(context, consensus=other)) is not None:
        return None  # the same figure in that currency, rounded: nothing to contradict
    return other, Explanation(
        DisagreementKind.CONFLICT,
        f"{context.label(form)} and {context.label(other)} are given in one currency and "
        f"no rounding joins them; only converted at a day's rate did {context.label(form)} "
        f"look like {context.label(own)}.",
    )


def _two_conversions(unit: str, other: Cluster, own: Cluster, context: Context) -> bool:
    """A form in another currency than the consensus's, and a value in that currency that
    is the form's own figure converted at some day's rate: two pages' conversions of one
    figure on different days ("US$7.28 billion" in 2022 and "US$8.55 billion" in 2025 for
    €7.3 billion), not two readings of a figure given in that currency."""
    if unit == context.consensus.representative.unit:
        return False
    return is_conversion(other, replace(context, consensus=own))

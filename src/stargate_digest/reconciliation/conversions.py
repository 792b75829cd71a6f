"""Two pages' conversions of one figure that differ: a rounding a reader sees.

A page that restates its own figure in another currency ("$165 billion (about NT$5.4
trillion)") is checked against that figure inside the page (checks.py) and otherwise
takes part in no group (compare.figure_of): it agrees with itself, and a finding that
only repeated it would tell a reader nothing. When two pages restate the same figure in
the same currency with different numbers (NT$5.43 trillion on one, NT$5.2 trillion on
the other), a reader of both sees two amounts for one thing: they are one figure
converted at different rates or rounded differently, so one rounding finding (low),
never a conflict. A conversion no other page gives in that currency stays no finding,
and so does one into a currency with a reference rate: checks.py tells the reader
whether it fits that rate, and pages' rates drift from day to day.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence

from stargate_digest.display import describe
from stargate_digest.models import Claim, Disagreement, DisagreementKind, Severity
from stargate_digest.reconciliation.clusters import Cluster, TimeOf
from stargate_digest.reconciliation.explain import ROUNDING_LIMIT
from stargate_digest.reconciliation.money import UNRESOLVED, is_money

# (the anchor's group, the anchor's number and unit, the restatement's unit)
_Key = tuple[Hashable, str, str, str]


def differing_conversions(
    claims: Sequence[Claim],
    group_of: Callable[[Claim], Hashable | None],
    time_of: TimeOf,
) -> list[Disagreement]:
    """One rounding finding per figure that pages restate in one currency differently.

    ``group_of`` gives the group an anchor figure belongs to (None: compared with nothing).
    """
    by_id = {claim.id: claim for claim in claims}
    quoted: dict[tuple[str, str], list[Claim]] = {}
    for claim in claims:
        if claim.verified and group_of(claim) is not None:
            quoted.setdefault((claim.source_id, claim.quote), []).append(claim)
    restated: dict[_Key, dict[str, Cluster]] = {}
    anchors: dict[_Key, Claim] = {}
    for claim in sorted(claims, key=lambda c: (c.source_id, c.id)):
        anchor = _anchor(claim, by_id, quoted)
        if anchor is None or anchor.source_id != claim.source_id or not claim.verified:
            continue  # only a page's own figure, restated by that page, is one figure
        group = group_of(anchor)
        if group is None:
            continue  # the figure restated is compared with nothing
        key = (group, str(anchor.value), anchor.unit or "", claim.unit or "")
        anchors.setdefault(key, anchor)
        restated.setdefault(key, {}).setdefault(str(claim.value), Cluster()).add(claim)
    found = []
    for key, forms in restated.items():
        pages = {source for form in forms.values() for source in form.sources}
        if len(forms) < 2 or len(pages) < 2:
            continue  # one number, or one page giving two: no two pages differ
        numbers = [float(form.representative.value or 0.0) for form in forms.values()]
        if min(numbers) <= 0 or max(numbers) / min(numbers) > ROUNDING_LIMIT:
            continue  # too far apart for two conversions of one figure: a misreading
        found.append(_finding(anchors[key], list(forms.values()), time_of))
    return found


def _anchor(
    claim: Claim, by_id: dict[str, Claim], quoted: dict[tuple[str, str], list[Claim]]
) -> Claim | None:
    """The figure ``claim``, money in a currency with no reference rate (checked against
    nothing and compared with nothing), restates: the one it names, or else the one figure
    of another currency that the same statement gives for the same thing ("US$165
    billion (about NT$5.4 trillion)")."""
    if not is_money(claim) or claim.value_usd is not None or claim.unit == UNRESOLVED:
        # a conversion at a reference rate is checked against it in its page (checks.py):
        # the reader is told there whether it fits, and day-to-day drift between pages'
        # rates would make every restated figure a finding; an open currency is no
        # currency to compare in
        return None
    if claim.equivalent_of is not None:
        return by_id.get(claim.equivalent_of)
    same = [
        other
        for other in quoted.get((claim.source_id, claim.quote), ())
        if other.unit != claim.unit
        and (other.subject, other.metric, other.scope) == (claim.subject, claim.metric, claim.scope)
    ]
    return same[0] if len(same) == 1 else None


def _finding(anchor: Claim, forms: list[Cluster], time_of: TimeOf) -> Disagreement:
    forms.sort(key=lambda c: (-len(c.sources), str(c.representative.value)))
    said = " vs ".join(f"{describe(c.representative)} ({', '.join(c.sources)})" for c in forms)
    return Disagreement(
        id="",
        subject=anchor.subject,
        metric=anchor.metric,
        scope=anchor.scope,
        kind=DisagreementKind.ROUNDING,
        severity=Severity.LOW,
        values=[c.support(time_of) for c in forms],
        explanation=(
            f"The sources convert {describe(anchor)} differently: {said}. Each page gives "
            f"{describe(anchor)} itself; a different day's rate or rounding explains the gap."
        ),
    )

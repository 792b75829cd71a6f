"""Plain-language summaries composed from the findings, with no model involved."""

from __future__ import annotations

from collections.abc import Sequence

from stargate_digest.display import describe
from stargate_digest.models import (
    CheckStatus,
    Claim,
    ConsistencyCheck,
    Disagreement,
    DisagreementKind,
    KeyFigure,
    Severity,
    SourceSummary,
)


def _figure_text(figure: KeyFigure, claims: dict[str, Claim]) -> str:
    return describe(claims[figure.claim_ids[0]])


def _metric(subject: str, metric: str) -> str:
    return f"{subject}'s {metric.replace('_', ' ')}"


_HEADLINE_VALUES = 4  # the consensus and three others; a sentence, not a list of seventeen


def _kind_note(found: Disagreement) -> str:
    """'update, ' before the severity of anything but a conflict."""
    return "" if found.kind is DisagreementKind.CONFLICT else f"{found.kind.value}, "


def headline(disagreements: Sequence[Disagreement], claims: dict[str, Claim]) -> str:
    """One sentence: the most serious conflict, or that the sources agree (or do not contradict).

    Agreement is only claimed where there are verified figures to agree on: when every
    extraction failed, or none found a figure, the sentence says so instead.
    """
    if not disagreements:
        if not any(c.verified and c.value is not None for c in claims.values()):
            return "No verified figures to compare: nothing was found, or every extraction failed."
        return "The sources agree on every figure they share."
    serious = [
        d
        for d in disagreements
        if d.kind is DisagreementKind.CONFLICT or d.severity is not Severity.LOW
    ]
    if not serious:  # low scope, update, rounding: context, not contradiction
        return (
            "The sources do not contradict each other; where their figures differ, they "
            "measure different parts, changed over time or are rounded."
        )
    top = serious[0]
    shown = top.values[:_HEADLINE_VALUES]
    values = " vs ".join(
        f"{describe(claims[v.claim_ids[0]])} ({len(v.source_ids)} "
        f"{'source' if len(v.source_ids) == 1 else 'sources'})"
        for v in shown
        if v.claim_ids and v.claim_ids[0] in claims
    )
    hidden = len(top.values) - len(shown)
    more = f", and {hidden} more value{'' if hidden == 1 else 's'}" if hidden else ""
    return f"The sources disagree on {_metric(top.subject, top.metric)}: {values}{more}."


def compose_summary(
    sources: Sequence[SourceSummary],
    claims: Sequence[Claim],
    disagreements: Sequence[Disagreement],
    checks: Sequence[ConsistencyCheck],
    figures: Sequence[KeyFigure],
) -> str:
    """The digest's summary paragraph: headline, agreements, other disagreements, checks."""
    by_id = {claim.id: claim for claim in claims}
    languages = sorted({s.language for s in sources})
    parts = [
        headline(disagreements, by_id),
        f"{len(sources)} sources in {len(languages)} "
        f"{'language' if len(languages) == 1 else 'languages'} ({', '.join(languages)}), "
        f"{sum(c.verified for c in claims)} verified claims.",
    ]
    shared = [f for f in figures if len(f.source_ids) >= 2]
    if shared:
        agreed = "; ".join(
            f"{_metric(f.subject, f.metric)} {_figure_text(f, by_id)} ({len(f.source_ids)} sources)"
            for f in shared[:4]
        )
        parts.append(f"Most sources agree on {agreed}.")
    top = next((d for d in disagreements if d.kind is DisagreementKind.CONFLICT), None)
    rest = [d for d in disagreements if d is not top]
    more = [d for d in rest if d.severity is not Severity.LOW] + [
        d for d in rest if d.severity is Severity.LOW
    ]
    if more:
        listed = "; ".join(
            f"{_metric(d.subject, d.metric)} ({_kind_note(d)}{d.severity.value})" for d in more[:4]
        )
        parts.append(f"They also differ on {listed}.")
    if checks:
        counts = {status: sum(c.status is status for c in checks) for status in CheckStatus}
        parts.append(
            f"Checks inside the sources: {counts[CheckStatus.CONSISTENT]} consistent, "
            f"{counts[CheckStatus.INCONSISTENT]} inconsistent, "
            f"{counts[CheckStatus.UNRESOLVED]} unresolved."
        )
    unverified = sum(not c.verified for c in claims)
    if unverified:
        parts.append(f"{unverified} proposed claims failed verification and are not reported.")
    return " ".join(parts)


def source_summary_text(claims: Sequence[Claim]) -> str:
    """A short line for one source from its own claims: how many verified figures, and
    the main ones."""
    own = [c for c in claims if c.verified and c.value is not None]
    if not own:
        return "No verified figures."
    main = [c for c in own if c.equivalent_of is None][:3]
    listed = "; ".join(f"{_metric(c.subject, c.metric)} {describe(c)}" for c in main)
    noun = "figure" if len(own) == 1 else "figures"
    more = " and more" if len(own) > len(main) else ""
    return f"{len(own)} verified {noun}: {listed}{more}."

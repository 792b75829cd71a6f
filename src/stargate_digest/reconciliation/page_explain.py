"""Explainers that read the other figures of a value's own page (sums.PageFigures, the
partners' index): money raised for the subject, the same number given for another
measure, a part the page writes as added, a part of the other value.

Kept apart from explain.py (the list of explainers and the arithmetic and time
explainers) by what they consult: a page's other figures, never the order of pages in
time.
"""

from __future__ import annotations

from typing import Literal

from stargate_digest.display import describe
from stargate_digest.models import Claim, DisagreementKind
from stargate_digest.reconciliation import sums
from stargate_digest.reconciliation.clusters import Cluster
from stargate_digest.reconciliation.explanation import Context, Explanation
from stargate_digest.reconciliation.partners import is_financing


def financing_given(outlier: Cluster, context: Context) -> Explanation | None:
    """A cost that equals money raised for the subject (its financing): a part of it."""
    if context.dimension != "money" or context.partners is None or is_financing(context.metric):
        return None
    for part in context.partners.near(*outlier.span):
        if part.financing and part.subject == context.subject:
            return Explanation(
                DisagreementKind.SCOPE,
                f"{context.label(outlier)} is {part.label}: the money raised, which pays "
                "for a part of what it costs, not the whole of it.",
            )
    return None


def another_measure(outlier: Cluster, context: Context) -> Explanation | None:
    """One page's value that the same page gives for another measure of the subject and
    scope: that figure under another name, before any order in time is read from it."""
    if context.pages is None or len(outlier.sources) != 1:
        return None
    figure = (context.subject, context.scope, context.metric, context.dimension)
    for claim in outlier.claims[: sums.MAX_FIGURES]:
        other = context.pages.another_measure(claim, figure)
        if other is not None:
            note = (
                f"{context.label(outlier)} is the {describe(other)} of "
                f"{other.metric.replace('_', ' ')} its source gives: that figure under "
                "another measure, not a value of this one."
            )
            # it still witnesses a contradiction: one page's match is no proof of a misreading
            # (restated.OtherMeasures asks several pages for that)
            return Explanation(
                DisagreementKind.CONFLICT, note, likely_error=note, another_figure=True
            )
    return None


def grown_by_part(outlier: Cluster, context: Context) -> Explanation | None:
    """A whole one page gives beside a part it adds (a scope of the same measure), the
    two making up what other pages give as the whole: "10 plants, 7 of them new" against
    3 plants elsewhere. The page counts what was added; the other value is the whole
    before it, so the figure grew (its pages need no date to say so)."""
    found = _on_one_page(outlier, context, "added")
    if found is None:
        return None
    total, before, part = found
    return Explanation(
        DisagreementKind.UPDATE,
        f"{context.label(total)} is {context.label(before)} and the "
        f"{describe(part)} its source adds ({part.scope}): the figure grew.",
    )


def part_of_whole(outlier: Cluster, context: Context) -> Explanation | None:
    """One value and another figure of its page (another metric) add up to the other
    value: "11,000 jobs" beside "9,000 construction jobs" is a part of "20,000 jobs"."""
    found = _on_one_page(outlier, context, "rest")
    if found is None:
        return None
    part, whole, rest = found
    return Explanation(
        DisagreementKind.SCOPE,
        f"{context.label(part)} and the {describe(rest)} of "
        f"{rest.metric.replace('_', ' ')} its source gives add up to "
        f"{context.label(whole)}: one counts a part of what the other counts.",
    )


def _on_one_page(
    outlier: Cluster, context: Context, finder: Literal["added", "rest"]
) -> tuple[Cluster, Cluster, Claim] | None:
    """The first of the two values (the outlier, then the consensus) one of whose pages
    gives another figure that, with it, makes the second value: that figure found by the
    page index's ``added`` (a part the page adds to the second) or ``rest`` (what the
    first lacks of the second), with the two values in that order."""
    if context.pages is None:
        return None
    find = context.pages.added if finder == "added" else context.pages.rest
    figure = (context.subject, context.scope, context.metric, context.dimension)
    for first, second in ((outlier, context.consensus), (context.consensus, outlier)):
        for claim in first.claims[: sums.MAX_FIGURES]:  # a few pages: the cost stays linear
            other = find(claim, second.span[0], figure)
            if other is not None:
                return first, second, other
    return None

"""Explainers that read what a value's own quotes say of it: the first figure
("initially 14 turbines", "当初120億ドル"), a count still running ("$11 billion so far",
"현재까지"), a plan's ceiling ("up to 350,000 GPUs"), an increment ("an additional 250
MW"), a part named as such ("dont 50 milliards"); and which claims of a value give it as
a level, not as an increment (they alone date it). Words of each language are data
(``data/cue_words.toml``: ``initial``, ``so_far``, ``added`` but ``new``, ``of_which``).

Kept apart from explain.py (the list of explainers, arithmetic and the order of pages in
time): these read the words and qualifiers of a value's quotes, never the pages' dates.
"""

from __future__ import annotations

import re
import weakref

from stargate_digest.cue_words import (
    increment_words,
    initial_words,
    of_which_words,
    so_far_words,
)
from stargate_digest.models import Claim, DisagreementKind, Qualifier
from stargate_digest.reconciliation.clusters import Cluster
from stargate_digest.reconciliation.explanation import Context, Explanation
from stargate_digest.reconciliation.values import EXACT_TOLERANCE

RUNNING_GAP = 0.05  # a count this much below the other value is no rounding of it
PASSED_GAP = 0.10  # past a ceiling by more than a rounding: a larger plan, not a misreading
PLAN_GROWTH = 2.0  # a plan grows; past twice its ceiling, a misreading is likelier
FLOOR_REACH = 1.25  # explain.ROUNDING_LIMIT: farther above a floor, no one figure rounded
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def running_count(outlier: Cluster, context: Context) -> Explanation | None:
    """A count every page of which gives it as reached so far ("$11 billion in 2024 so
    far") beside a value at least 5 % above it: the count went on, an earlier figure
    (asked before ``rounded``: $11 billion so far and $12 billion are no one figure)."""
    if context.dimension == "date":
        return None
    for running, other in ((outlier, context.consensus), (context.consensus, outlier)):
        if other.span[0] >= running.span[1] * (1 + RUNNING_GAP) and _so_far(running):
            return Explanation(
                DisagreementKind.UPDATE,
                f"{context.label(outlier)} is the {'earlier' if running is outlier else 'later'} "
                f"figure: {context.label(running)} is given as the count so far, and the "
                f"count went on to {context.label(other)}.",
            )
    return None


def _so_far(cluster: Cluster) -> bool:
    # ``all`` stops at the first claim without the words: cheap on a large consensus
    return all(so_far_words().search(claim.quote) for claim in cluster.claims)


def first_figure(outlier: Cluster, context: Context) -> Explanation | None:
    """A value every page of which gives it as the first one ("initially 14 turbines",
    "当初120億ドル") beside a value no page gives so: the earlier figure, since changed."""
    if _said_first(outlier) and not _any_said_first(context.consensus):
        earlier, later = outlier, context.consensus
    elif _said_first(context.consensus) and not _any_said_first(outlier):
        earlier, later = context.consensus, outlier
    else:
        return None
    return Explanation(
        DisagreementKind.UPDATE,
        f"{context.label(outlier)} is the {'earlier' if earlier is outlier else 'later'} "
        f"figure: {context.label(earlier)} is given as the first one, since changed to "
        f"{context.label(later)}.",
    )


def _said_first(cluster: Cluster) -> bool:
    # ``all`` stops at the first claim without the word: cheap on a large consensus
    return all(_first_word(claim) for claim in cluster.claims)


def _any_said_first(cluster: Cluster) -> bool:
    return any(_first_word(claim) for claim in cluster.claims)


def _first_word(claim: Claim) -> bool:
    """Whether the claim's quote gives its figure as the first one: the word before the
    figure with no other number between ("usar inicialmente 14"; in "当初120億ドルから
    200億ドルに" it marks 120, not 200), or, where the figure's place is not known, a
    quote with the word and one number."""
    return _marks(claim, initial_words())


def _marks(claim: Claim, words: re.Pattern[str]) -> bool:
    """Whether one of ``words`` comes before the claim's figure with no other number
    between, or, where the figure's place is not known, the quote holds one of them and
    one number."""
    quote = claim.quote
    ends = [m.end() for m in words.finditer(quote)]
    if not ends:
        return False
    if claim.figure_start is None or not claim.start <= claim.figure_start <= claim.end:
        return len(_NUMBER.findall(quote)) == 1
    figure = claim.figure_start - claim.start
    before = [end for end in ends if end <= figure]
    return bool(before) and not _NUMBER.search(quote, before[-1], figure)


def ceiling_passed(outlier: Cluster, context: Context) -> Explanation | None:
    """A plan's ceiling ("up to 350,000 GPUs") beside a value more than 10 % and at most
    twice above it: a plan the figure has since outgrown, an earlier figure (closer, a
    value past a ceiling is a contradiction that no rounding joins, ``rounded``; farther,
    a misreading is likelier than a plan grown so much). "At most" and "under" bound a
    figure known, not a plan, and money is not asked."""
    if context.dimension in ("date", "money"):
        # "up to $6.4 billion" caps an award, "高达7.15亿美元" stresses a sum: money past
        # such a bound contradicts it; a count or capacity "up to" is a plan's size
        return None
    for ceiling, other in ((outlier, context.consensus), (context.consensus, outlier)):
        top = ceiling.span[1]
        if (
            ceiling.representative.qualifier is Qualifier.UP_TO
            and top * (1 + PASSED_GAP) < other.span[0] <= top * PLAN_GROWTH
        ):
            return Explanation(
                DisagreementKind.UPDATE,
                f"{context.label(outlier)} is the "
                f"{'earlier' if ceiling is outlier else 'later'} figure: "
                f"{context.label(ceiling)} was given as a ceiling, and the plan has grown "
                f"past it to {context.label(other)}.",
            )
    return None


def added_increment(outlier: Cluster, context: Context) -> Explanation | None:
    """A value every page of which writes it as an increment ("building an additional
    250 MW", "추가로"; not "new", which also names new things counted whole) beside a
    larger value: what was added at one moment, not a rival level; the figure grew."""
    if context.dimension == "date":
        return None
    for added, other in ((outlier, context.consensus), (context.consensus, outlier)):
        if other.span[0] > added.span[1] * (1 + RUNNING_GAP) and all(
            increment_words().search(claim.quote) for claim in added.claims
        ):
            return Explanation(
                DisagreementKind.UPDATE,
                f"{context.label(outlier)} is the "
                f"{'earlier' if added is outlier else 'later'} figure: "
                f"{context.label(added)} is given as added, and the figure grew to "
                f"{context.label(other)}.",
            )
    return None


# a finished cluster's claims that give the level, made once: the consensus is asked about
# by each of its outliers, and a search of all its quotes each time would not stay linear
_LEVELS: weakref.WeakKeyDictionary[Cluster, list[Claim]] = weakref.WeakKeyDictionary()


def level_claims(cluster: Cluster) -> list[Claim]:
    """The claims of a value that give it as a level, not as an increment ("2 additional
    fabs" beside pages that give 2 fabs in all): an increment's page says when something
    was added, not when the level was 2, so it does not date the level (all the claims
    when every one is an increment; ``cluster.claims`` itself when none is)."""
    found = _LEVELS.get(cluster)
    if found is None:
        levels = [c for c in cluster.claims if not increment_words().search(c.quote)]
        found = levels if levels and len(levels) < len(cluster.claims) else cluster.claims
        _LEVELS[cluster] = found
    return found


def part_named(outlier: Cluster, context: Context) -> Explanation | None:
    """A value every page of which introduces it as a part of a larger figure ("dont 50
    milliards d'aides", "其中包括3個", "davon") beside a larger value: one counts a part of
    what the other counts."""
    if context.dimension == "date":
        return None
    for part, whole in ((outlier, context.consensus), (context.consensus, outlier)):
        if whole.span[0] > part.span[1] * (1 + RUNNING_GAP) and all(
            _marks(claim, of_which_words()) for claim in part.claims
        ):
            return Explanation(
                DisagreementKind.SCOPE,
                f'{context.label(part)} is given as a part of a larger figure ("of which"): '
                f"one counts a part of what {context.label(whole)} counts.",
            )
    return None


def floor_met(outlier: Cluster, context: Context) -> Explanation | None:
    """A value every page of which gives it as a floor ("more than ¥1 trillion", "over $7
    billion") that the consensus meets, less than 1.25 times above it: the figure written
    from below as a round number, not a rival (a floor is an estimate from below). A
    ceiling that the consensus lies under is not read so: "up to" caps what was granted,
    a limit someone set, and a smaller value beside it is another figure."""
    if context.dimension == "date" or not all(
        claim.qualifier is Qualifier.AT_LEAST for claim in outlier.claims
    ):
        return None
    floor, value = outlier.span[0], context.consensus.span[0]
    if not 0 < floor * (1 - EXACT_TOLERANCE) <= value <= floor * FLOOR_REACH:
        return None
    return Explanation(
        DisagreementKind.ROUNDING,
        f"{context.label(outlier)} is given as a floor (more than it), which "
        f"{context.label(context.consensus)} meets: the same figure, written from below as "
        "a round number.",
    )

"""Why an outlier differs from the consensus: one list of explainers, tried in order.

Each explainer looks at one outlying cluster against the group's consensus and returns
an ``Explanation`` (the kind of difference it shows, a plain sentence about the values,
and whether the value is a likely error) or None. The first that answers wins, so the
order is the order of confidence: arithmetic first (rounding, conversion, a scale word,
a x1000 typo, a partner's share), then time (an earlier or later figure, a total whose
parts changed), then another part of the subject (a figure given for a scope, two values
one source states), and for dates a one-day gap. Sentences speak about values only: the
sources behind each value are given structurally (``ValueSupport.source_ids``).
"""

from __future__ import annotations

import bisect
import math
import re
import weakref
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date
from functools import cache
from statistics import median_low

from stargate_digest.display import describe, describe_date, describe_money
from stargate_digest.models import Claim, DisagreementKind, Qualifier
from stargate_digest.quantities.fx import convert
from stargate_digest.quantities.lexicon import SCALE_WORDS
from stargate_digest.reconciliation.clusters import (
    Cluster,
    cluster_time,
    one_number_rounds_to,
)
from stargate_digest.reconciliation.explanation import Context, Explanation
from stargate_digest.reconciliation.moments import (
    added_increment,
    ceiling_passed,
    first_figure,
    floor_met,
    level_claims,
    part_named,
    running_count,
)
from stargate_digest.reconciliation.page_explain import (
    another_measure,
    financing_given,
    grown_by_part,
    part_of_whole,
)
from stargate_digest.reconciliation.partners import CONTRIBUTION_METRICS
from stargate_digest.reconciliation.values import (
    EXACT_TOLERANCE,
    days_apart,
    ratio,
)

EQUIVALENT_TOLERANCE = 0.05  # a stated conversion is rounded, and rates drift within days
ROUNDING_LIMIT = 1.25  # past this, two roundings of one figure are not plausible
MONTHS_APART = 45  # days between figures for a change over time (a conflict is one moment)
CONSISTENTLY = 0.8  # share of (earlier, later) source pairs that must be in time order
REFERENCES = 8  # the best-supported values an outlier may be read against
STATEMENT_GAP = 12  # characters between two quotes of one statement ("de 6,8 ... à 9,9")


Explainer = Callable[[Cluster, Context], Explanation | None]


def explain(
    outlier: Cluster, context: Context, *, skip: Explainer | None = None
) -> Explanation | None:
    """The first explainer's answer, or None when nothing explains the value."""
    for explainer in EXPLAINERS:
        if explainer is skip:
            continue
        found = explainer(outlier, context)
        if found is not None:
            return found
    return None


def read_against(
    outlier: Cluster, found: Explanation | None, ranked: Sequence[Cluster], context: Context
) -> tuple[Cluster, Explanation | None]:
    """The value an outlier is best read against, and how it differs from it.

    First the consensus (``found``). A value its page writes in one statement with another
    value ("initially 14, later 35") is read against that value: the page reports the
    change between them. A value the consensus leaves unexplained, or explains
    only as an earlier or later figure, may be another value of the group converted or
    misread (the same number under another currency, a separator, a scale word, a x1000
    typo): then it is read against that value. A later or earlier figure that differs
    from the value most sources of its own moment give is a conflict with that value, not
    a step of the update: a conflict needs sources about the same moment, and it is
    compared with its neighbour in time, not with the consensus of another moment.
    ``ranked`` is the group's clusters in consensus order; only the ``REFERENCES``
    best-supported values ranked before the outlier are references (a misreading or a
    rival repeats a figure many sources give, and the cost stays linear).
    """
    # the few best-supported values only: a misreading or a rival of one moment repeats a
    # figure many sources give, and the cost stays linear in the number of values
    before: list[Cluster] = []
    for other in ranked[:REFERENCES]:
        if other is outlier:
            break
        if other is not context.consensus:
            before.append(other)
    if (
        found is not None
        and (
            found.kind is DisagreementKind.SCOPE
            or (found.kind is DisagreementKind.UPDATE and bound_met(outlier, context))
        )
        and _numeric(context)
        and bound_holds(context.consensus, outlier)
    ):
        # "more than $500 million" settles neither $1.3 billion nor $1.6 billion: a
        # value on the bound's side is read against the others on that side, and is the
        # figure the bound came to (``bound_met``) only when none contradicts it
        for other in before:
            if bound_holds(context.consensus, other):
                answer = explain(outlier, replace(context, consensus=other))
                if answer is None or answer.kind is DisagreementKind.CONFLICT:
                    return other, answer
    if found is not None and (
        found.likely_error or found.kind in (DisagreementKind.SCOPE, DisagreementKind.ROUNDING)
    ):
        return context.consensus, found
    for other in before:
        # "initially 14, later 35": a page that writes the value and another in one
        # statement reports the change between them, whatever the consensus is
        answer = stated_change(outlier, replace(context, consensus=other))
        if answer is not None:
            return other, answer
    for other in before:
        against = replace(context, consensus=other)
        # a value that is the consensus converted is the consensus's conversion, not the
        # conversion of another value in the consensus's own currency: beside €7.3
        # billion, €7.6 billion is no conversion of the $8.55 billion that is €7.3
        # billion at a later day's rate, and is read against €7.3 billion
        converts = () if _converts_consensus(outlier, other, context) else (converted,)
        for explainer in (*converts, separator, scale_word, typo):
            answer = explainer(outlier, against)
            if answer is not None:
                return other, answer
    if found is None or found.kind is not DisagreementKind.UPDATE:
        return context.consensus, found
    for other in before:
        mine, theirs = _times(outlier, context, set()), _times(other, context, set())
        if not mine or not theirs:
            continue
        if abs((median_low(mine) - median_low(theirs)).days) >= MONTHS_APART:
            continue  # another moment: a step of the sequence, not a rival of this value
        answer = explain(outlier, replace(context, consensus=other), skip=earlier_or_later)
        if answer is None or answer.kind is DisagreementKind.CONFLICT:
            return other, answer
        if answer.kind is DisagreementKind.ROUNDING:
            return other, answer
        break  # the same source gives both: parts or moments, left in the update
    return context.consensus, found


def _converts_consensus(outlier: Cluster, other: Cluster, context: Context) -> bool:
    """``outlier`` is money in the consensus's own currency and ``other`` is the
    consensus converted (at some day's rate)."""
    own = outlier.representative.unit == context.consensus.representative.unit
    if context.dimension != "money" or not own:
        return False
    return is_conversion(other, context)


def is_conversion(value: Cluster, context: Context) -> bool:
    """Whether ``value`` is the context's consensus converted into its currency at some
    day's rate (``converted`` calls it a rounding)."""
    found = converted(value, context)
    return found is not None and found.kind is DisagreementKind.ROUNDING


def bound_holds(bound: Cluster, other: Cluster) -> bool:
    """Whether ``bound`` is a bound ("at least 10 %", "up to $6.6 billion") that the other
    value satisfies: a bound agrees with every value on its side."""
    qualifier = bound.representative.qualifier
    (low, high), (other_low, other_high) = bound.span, other.span
    if qualifier is Qualifier.AT_LEAST:
        return other_high >= low * (1 - EXACT_TOLERANCE)
    if qualifier in (Qualifier.AT_MOST, Qualifier.UP_TO):
        return other_low <= high * (1 + EXACT_TOLERANCE)
    return False


def _outside_bound(bound: Cluster, other: Cluster) -> bool:
    """Whether ``bound`` is a bound ("more than", "up to") the other value lies outside."""
    return bound.representative.qualifier in _BOUNDS and not bound_holds(bound, other)


_BOUNDS = frozenset({Qualifier.AT_LEAST, Qualifier.AT_MOST, Qualifier.UP_TO})


def bound_met(outlier: Cluster, context: Context) -> Explanation | None:
    """A value on the side of a consensus that is only a bound, farther from it than a
    rounding, that no other value and nothing else explains ("more than $27 billion" in
    an estimate, "$30-40 billion" in a later one): the bound was written when less was
    known (an estimate, a count still running), and the figure came to the value. Asked
    last: values on a bound's side are first read against each other (``read_against``)."""
    if not _numeric(context) or not bound_holds(context.consensus, outlier):
        return None
    return Explanation(
        DisagreementKind.UPDATE,
        f"{context.label(outlier)} is within {context.label(context.consensus)}, given as "
        "a bound: written when less was known (an estimate, or a count still running), the "
        f"figure came to {context.label(outlier)}.",
    )


def _numeric(context: Context) -> bool:
    return context.dimension != "date"


def _factor(outlier: Cluster, context: Context) -> float:
    """outlier / consensus on the common scale (representative values; inf across zero)."""
    mine, theirs = outlier.span[0], context.consensus.span[0]
    if theirs == 0 or mine == 0:
        return math.inf
    return mine / theirs


def rounded(outlier: Cluster, context: Context) -> Explanation | None:
    """The same figure rounded to different precision ($6.5 billion, $6.55 billion)."""
    if not _numeric(context):
        return None
    mine, theirs = outlier.representative, context.consensus.representative
    if mine.unit != theirs.unit or mine.value_max is not None or theirs.value_max is not None:
        return None
    a, b = float(mine.value or 0.0), float(theirs.value or 0.0)
    if a <= 0 or b <= 0 or max(a, b) / min(a, b) > ROUNDING_LIMIT:
        return None
    if not one_number_rounds_to(a, mine.qualifier, b, theirs.qualifier):
        return None
    if _outside_bound(outlier, context.consensus) or _outside_bound(context.consensus, outlier):
        return None  # "more than $27 billion" is no rounding of $26 billion
    return Explanation(
        DisagreementKind.ROUNDING,
        f"{context.label(outlier)} and {context.label(context.consensus)} are the same "
        "figure rounded differently.",
    )


def converted(outlier: Cluster, context: Context) -> Explanation | None:
    """The consensus converted to another currency (at some day's ECB rate), or relabelled."""
    mine, theirs = outlier.representative, context.consensus.representative
    if context.dimension != "money" or mine.unit == theirs.unit:
        return None
    stated, amount = float(mine.value or 0.0), float(theirs.value or 0.0)
    # each page of the value may have converted on its own day ("7.3 billion euros (US$8.55
    # billion)" in 2025), not only the page whose claim shows the value
    days = sorted(
        {
            context.rate_dates[s]
            for s in (*outlier.sources, theirs.source_id)
            if s in context.rate_dates
        },
        key=lambda r: r.day,
    )
    for when in days:
        try:
            result = convert(amount, theirs.unit or "", mine.unit or "", when.day)
        except ValueError:
            continue
        if result.amount and abs(stated - result.amount) <= EQUIVALENT_TOLERANCE * result.amount:
            return Explanation(
                DisagreementKind.ROUNDING,
                f"{context.label(outlier)} is {context.label(context.consensus)} converted at "
                f"the ECB rate of {when.day.isoformat()} ({result.rate:,.4g} {mine.unit} per "
                f"{theirs.unit}, {describe_money(result.amount, mine.unit or '')}).",
            )
    if amount and abs(stated - amount) <= EXACT_TOLERANCE * amount:
        note = (
            f"{context.label(outlier)} is the number of {context.label(context.consensus)} "
            f"with another currency: a currency label mistaken, or a conversion left out."
        )
        return Explanation(DisagreementKind.CONFLICT, note, likely_error=note)
    return None


@cache
def _scale_words() -> tuple[tuple[str, re.Pattern[str], dict[str, int]], ...]:
    """Every scale word, its pattern, and its power of ten in each language that has it."""
    powers: dict[str, dict[str, int]] = {}
    for language, words in SCALE_WORDS.items():
        for word, power in words.items():
            powers.setdefault(word, {})[language] = power
    found = []
    for word, by_language in powers.items():
        if word.isascii():
            # a whole word, or one glued to its number ("$5bn", "2,5Mrd."): not inside a
            # word or after a dot (a letter or dot before it, a letter or digit after it)
            pattern = re.compile(rf"(?<![^\W\d])(?<!\.){re.escape(word)}(?!\w)")
        else:
            pattern = re.compile(re.escape(word))
        found.append((word, pattern, by_language))
    return tuple(found)


def _figure_text(claim: Claim) -> str:
    """The figure itself where its offsets are known, else the whole quote."""
    if claim.figure_start is not None and claim.figure_end is not None:
        start, end = claim.figure_start - claim.start, claim.figure_end - claim.start
        if 0 <= start < end <= len(claim.quote):
            return claim.quote[start:end]
    return claim.quote


def _power_of_ten(factor: float) -> int | None:
    """k when ``factor`` is 10^k within the rounding tolerance (|k| >= 3), else None."""
    if not math.isfinite(factor) or factor <= 0:
        return None
    k = round(math.log10(factor))
    if abs(k) < 3 or abs(factor / 10.0**k - 1) > EXACT_TOLERANCE:
        return None
    return k


def scale_word(outlier: Cluster, context: Context) -> Explanation | None:
    """A thousandfold gap that a scale word explains: a false friend, or a misread word."""
    k = _power_of_ten(_factor(outlier, context)) if _numeric(context) else None
    if k is None:
        return None
    text = _figure_text(outlier.representative)
    mine, theirs = context.label(outlier), context.label(context.consensus)
    for word, pattern, by_language in _scale_words():
        if not pattern.search(text):
            continue
        meanings = sorted(set(by_language.values()))
        if len(meanings) > 1 and any(p - q == k for p in meanings for q in meanings):
            where = {
                power: ", ".join(sorted(lang for lang, p in by_language.items() if p == power))
                for power in meanings
            }
            said = ", ".join(f"10^{power} in {where[power]}" for power in meanings)
            note = (
                f"'{word}' means {said}: {mine} is {theirs} with '{word}' read the other way "
                "(a false friend)."
            )
            return Explanation(DisagreementKind.CONFLICT, note, likely_error=note)
        for language, power in by_language.items():
            other = _word_for(language, power - k)
            if other is not None:
                note = (
                    f"{mine} is {theirs} with '{word}' written for '{other}': a misread or "
                    "mistyped scale word."
                )
                return Explanation(DisagreementKind.CONFLICT, note, likely_error=note)
    return None


def _word_for(language: str, power: int) -> str | None:
    return next((w for w, p in SCALE_WORDS[language].items() if p == power), None)


_AMBIGUOUS_SEPARATOR = re.compile(r"(?<![\d.,])\d{1,3}[.,]\d{3}(?![\d.,])")


def separator(outlier: Cluster, context: Context) -> Explanation | None:
    """A thousandfold gap where the figure's number has one separator before three digits.

    "6,600 millones" is 6,600 million in Spanish or English usage and 6.6 million where
    the comma is a decimal point: read the other way, the figure is the consensus. The
    sources agree; the difference is in how the number was read, so it is rounding-like
    context (low), with the reading named as the likely error.
    """
    k = _power_of_ten(_factor(outlier, context)) if _numeric(context) else None
    if k is None or abs(k) != 3:
        return None
    found = _AMBIGUOUS_SEPARATOR.search(_figure_text(outlier.representative))
    if found is None:
        return None
    note = (
        f"{context.label(outlier)} is {context.label(context.consensus)} with "
        f"'{found.group()}' read with the other decimal convention (a thousands separator "
        "taken for a decimal point, or the reverse): the sources likely agree."
    )
    return Explanation(DisagreementKind.ROUNDING, note, likely_error=note)


def typo(outlier: Cluster, context: Context) -> Explanation | None:
    """A gap of exactly a thousand (or a million) times: a typo in the scale."""
    k = _power_of_ten(_factor(outlier, context)) if _numeric(context) else None
    if k is None:
        return None
    times = f"{10.0 ** abs(k):,.0f}"
    relation = "times" if k > 0 else "times less than"
    note = (
        f"{context.label(outlier)} is exactly {times} {relation} "
        f"{context.label(context.consensus)}: most likely a x{times} typo (a scale word or "
        "zeros added or lost)."
    )
    return Explanation(DisagreementKind.CONFLICT, note, likely_error=note)


def relabelled(outlier: Cluster, context: Context) -> Explanation | None:
    """The consensus's very number under another unit of its dimension: a unit label
    misread, no rival figure of the measure (money's is ``converted``'s, read first)."""
    mine, theirs = outlier.representative, context.consensus.representative
    if mine.unit == theirs.unit:  # dates too: their unit is always "date"
        return None
    number = float(theirs.value or 0.0)
    if abs(float(mine.value or 0.0) - number) > EXACT_TOLERANCE * abs(number):
        return None
    note = (
        f"{context.label(outlier)} is the number of {context.label(context.consensus)} "
        "under another unit: a unit label misread, or a conversion left out."
    )
    return Explanation(DisagreementKind.CONFLICT, note, likely_error=note, witness=False)


def partners_share(outlier: Cluster, context: Context) -> Explanation | None:
    """A figure for the whole that equals one partner's money, or several partners' together."""
    if not context.whole or context.dimension != "money" or context.partners is None:
        return None
    if context.metric in CONTRIBUTION_METRICS:
        return None  # a partner's figure against partners' figures: no whole to mistake
    low, high = outlier.span
    mine = set(outlier.sources)
    for part in context.partners.near(low, high):
        if part.financing or part.source_ids & mine:
            continue  # a source that gives the parts does not mistake them for the whole
        if part.subject != context.subject:
            # the source gives it for the whole: the sources contradict each other, and the
            # partners' money is the likeliest reason
            note = (
                f"{context.label(outlier)} equals {part.label}: it may count only that "
                f"money, not the whole of {context.subject}."
            )
            return Explanation(DisagreementKind.CONFLICT, note, likely_error=note)
    return None


def earlier_or_later(outlier: Cluster, context: Context) -> Explanation | None:
    """Sources months apart, the later ones consistently giving the later value."""
    # a source that gives both values reports the change itself: the order in time is
    # read from the sources that give only one of them (all of them when none does)
    both = set(outlier.sources) & set(context.consensus.sources)
    mine = _times(outlier, context, both)
    theirs = _times(context.consensus, context, both)
    if not mine or not theirs:
        return None
    order = _in_time_order(mine, theirs)
    if order == 0:
        return None
    earlier, later = (outlier, context.consensus) if order < 0 else (context.consensus, outlier)
    first, then = (mine, theirs) if order < 0 else (theirs, mine)
    return Explanation(
        DisagreementKind.UPDATE,
        f"{context.label(outlier)} is the {'earlier' if order < 0 else 'later'} figure: "
        f"{context.label(earlier)} ({time_label(earlier, first)}), then "
        f"{context.label(later)} ({time_label(later, then)}).",
    )


def postponed(outlier: Cluster, context: Context) -> Explanation | None:
    """A planned date that moved: dated sources give a later date once the earlier one had
    come, and the earlier date's sources are undated (no order of sources to read)."""
    mine, theirs = outlier.day, context.consensus.day
    if mine is None or theirs is None or not (mine.has_year and theirs.has_year):
        return None
    (first, early), (then, late) = sorted(
        ((mine, outlier), (theirs, context.consensus)), key=lambda pair: pair[0].start
    )
    if days_apart(first, then) < MONTHS_APART or cluster_time(early, context.time_of):
        return None
    # each page of the later date wrote it as a plan (it lay ahead) and wrote when the
    # earlier date had already begun: a page does not give as planned a date it has seen
    # pass, so the earlier date is an earlier plan (or what came of it), not a rival
    days = cluster_time(late, context.time_of)  # sorted: its ends bound every page
    if not days or not first.start <= days[0] <= days[-1] < then.start:
        return None
    return Explanation(
        DisagreementKind.UPDATE,
        f"By {time_label(late, days)}, when {context.label(early)} had come, sources give "
        f"{context.label(late)}: the planned date moved.",
    )


def changed_parts(outlier: Cluster, context: Context) -> Explanation | None:
    """Totals each page builds from figures of two other metrics (17 + 6.8, 30 + 10)
    that are earlier and later values: the totals changed with them (sums.py)."""
    if context.sums is None or context.dimension != "money":
        return None

    def order(early: Cluster, late: Cluster) -> int:
        mine, theirs = cluster_time(early, context.time_of), cluster_time(late, context.time_of)
        return _in_time_order(mine, theirs) if mine and theirs else 0

    found = context.sums.changed(
        outlier.representative, context.consensus.representative,
        (context.subject, context.scope, context.metric), order,
    )  # fmt: skip
    if found is None:
        return None
    parts, other, direction = found
    return Explanation(
        DisagreementKind.UPDATE,
        f"{context.label(outlier)} is {' + '.join(map(describe, parts))} as its source gives "
        f"them, {context.label(context.consensus)} is {' + '.join(map(describe, other))}: the "
        f"{'later' if direction > 0 else 'earlier'} figures, so the total changed with them.",
    )


def _times(cluster: Cluster, context: Context, shared: set[str]) -> list[date]:
    claims = level_claims(cluster)
    if not shared and claims is cluster.claims:
        return cluster_time(cluster, context.time_of)
    own = sorted(
        day
        for source, day in {
            (claim.source_id, context.time_of(claim))
            for claim in claims
            if claim.source_id not in shared
        }  # one date per page and moment, as ``Cluster.times``
        if day is not None
    )
    return own or cluster_time(cluster, context.time_of)


def _in_time_order(mine: Sequence[date], theirs: Sequence[date]) -> int:
    """-1 when ``mine`` is consistently months before ``theirs``, 1 after, 0 otherwise."""
    gap = (median_low(theirs) - median_low(mine)).days
    if abs(gap) < MONTHS_APART:
        return 0
    before, after = (mine, theirs) if gap > 0 else (theirs, mine)
    ordered = sum(len(after) - bisect.bisect_right(after, day) for day in before)
    if ordered < CONSISTENTLY * len(before) * len(after):
        return 0
    return -1 if gap > 0 else 1


def time_label(cluster: Cluster, days: Sequence[date]) -> str:
    """When a value held, for a reader: its stated as_of, else its sources' middle month."""
    stated = sorted({c.as_of for c in cluster.claims if c.as_of})
    if stated:
        return describe_date(stated[0])
    middle = median_low(days)
    return f"{middle:%b %Y}"


def other_scope(outlier: Cluster, context: Context) -> Explanation | None:
    """A figure for the whole that equals the figure sources give for one part."""
    if not _numeric(context):
        return None
    low, high = outlier.span
    for part in context.scopes:
        if (
            part is not context.own_scope
            and ratio((low, high), (part.low, part.high)) <= 1 + EXACT_TOLERANCE
        ):
            # given for this part (or the whole) all the same: the sources contradict
            # each other, and the other part's figure is the likeliest reason
            return Explanation(
                DisagreementKind.CONFLICT,
                f"{context.label(outlier)} is the figure given for {part.label}: it may be "
                "about that part rather than the same thing.",
            )
    return None


def stated_change(outlier: Cluster, context: Context) -> Explanation | None:
    """A source that writes both values in one statement reports the change itself."""
    answer = same_source(outlier, context)
    if answer is not None and answer.kind is DisagreementKind.UPDATE:
        # before ``other_scope``: "raised from $12 billion to $17 billion" says the
        # figure changed, whatever another part's figure happens to equal
        return answer
    return None


def same_source(outlier: Cluster, context: Context) -> Explanation | None:
    """A source that states both values does not contradict itself: two parts or moments."""
    both = set(outlier.sources) & set(context.consensus.sources)
    if not both:
        return None
    count = len(both)
    who = "One source gives" if count == 1 else f"{count} sources give"
    if _one_statement(outlier, context.consensus, both):
        # "9.9 instead of 6.8 billion", "postponed from 2024 to 2025": two values of one
        # figure in one sentence are the change the source reports, not two parts
        return Explanation(
            DisagreementKind.UPDATE,
            f"{who} {context.label(outlier)} and {context.label(context.consensus)} in one "
            "statement: the figure changed, as the source itself reports.",
        )
    return Explanation(
        DisagreementKind.SCOPE,
        f"{who} both {context.label(outlier)} and {context.label(context.consensus)}: they "
        "are likely about different parts or moments, not competing values.",
    )


def _one_statement(first: Cluster, second: Cluster, shared: set[str]) -> bool:
    """Whether a source writes a figure of each value in one statement: quotes that
    overlap or adjoin and, together, show two numbers ("9,9 statt 6,8 Milliarden")."""
    theirs = _by_source(second)
    return any(
        claim.start <= other.end + STATEMENT_GAP
        and other.start <= claim.end + STATEMENT_GAP
        and len(_NUMBER.findall(" ".join({claim.quote, other.quote}))) >= 2
        for source in sorted(shared)
        for claim in _by_source(first).get(source, ())
        for other in theirs.get(source, ())
    )


# a finished cluster's claims by source, made once: the consensus is asked about by each
# of its outliers, and a scan of all its claims each time would not stay linear
_SOURCES: weakref.WeakKeyDictionary[Cluster, dict[str, list[Claim]]] = weakref.WeakKeyDictionary()


def _by_source(cluster: Cluster) -> dict[str, list[Claim]]:
    found = _SOURCES.get(cluster)
    if found is None:
        found = {}
        for claim in cluster.claims:
            found.setdefault(claim.source_id, []).append(claim)
        _SOURCES[cluster] = found
    return found


_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def day_apart(outlier: Cluster, context: Context) -> Explanation | None:
    """Dates of one event a day apart: time zones, or the event against its report."""
    mine, theirs = outlier.day, context.consensus.day
    if mine is None or theirs is None or min(mine.precision, theirs.precision) < 3:
        return None
    if days_apart(mine, theirs) > 1:
        return None
    return Explanation(
        DisagreementKind.CONFLICT,
        f"{context.label(outlier)} is a day from {context.label(context.consensus)}: time "
        "zones (an evening announcement in the US is already the next day in Asia) or the "
        "gap between an event and its report may explain it.",
    )


EXPLAINERS: tuple[Explainer, ...] = (
    running_count,
    rounded,
    converted,
    separator,
    scale_word,
    typo,
    relabelled,
    partners_share,
    financing_given,
    another_measure,
    earlier_or_later,
    postponed,
    first_figure,
    ceiling_passed,
    added_increment,
    changed_parts,
    grown_by_part,
    stated_change,
    part_of_whole,
    part_named,
    other_scope,
    same_source,
    floor_met,
    bound_met,
    day_apart,
)

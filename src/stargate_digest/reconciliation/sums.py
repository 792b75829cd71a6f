"""Totals a page builds from its own figures: "a cost of €40 billion" beside "€30 billion
of investment" and "€10 billion of subsidy" on one page.

Two pages' totals of one figure differ when the figures they add up differ: a page that
gives 17 + 6.8 and another that gives 30 + 10 are not rivals when 17 and 30 are an
earlier and a later investment. This index finds, for a total on one page, the pairs of
that page's other money figures (same subject and scope, other metrics) that add up to
it, and the cluster each figure is in, so an explainer can ask whether the parts changed
over time. Built once per run from the clustered groups; a lookup reads one page's
figures of one subject and scope only.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from stargate_digest.cue_words import added_words
from stargate_digest.models import Claim, Qualifier
from stargate_digest.reconciliation.clusters import Cluster
from stargate_digest.reconciliation.values import APPROX_TOLERANCE, EXACT_TOLERANCE, interval, ratio

MAX_FIGURES = 12  # a page's figures of one subject and scope searched for pairs
ADDITIVE = ("money", "count", "power", "energy", "area")  # dimensions whose parts add up to a whole


class SumIndex:
    """Each page's money figures by subject and scope, and the cluster of each."""

    def __init__(self, groups: Iterable[tuple[str, str, str, Sequence[Cluster]]]) -> None:
        """``groups``: (subject, scope, metric, clusters) of every money group."""
        self._figures: dict[tuple[str, str, str], list[tuple[str, Claim]]] = {}
        self._cluster: dict[str, Cluster] = {}
        for subject, scope, metric, clusters in groups:
            for cluster in clusters:
                for claim in cluster.claims:
                    if claim.value_usd is None or claim.value_max is not None:
                        continue
                    key = (claim.source_id, subject, scope)
                    self._figures.setdefault(key, []).append((metric, claim))
                    self._cluster[claim.id] = cluster
        for found in self._figures.values():
            found.sort(key=lambda row: (row[0], row[1].id))

    def pairs(
        self, total: Claim, subject: str, scope: str, metric: str
    ) -> dict[tuple[str, str], tuple[Claim, Claim]]:
        """Two figures of the total's page, of two other metrics, that add up to it (within
        the rounding tolerance), by their metrics; the first pair of each two metrics."""
        amount = float(total.value_usd or 0.0)
        found: dict[tuple[str, str], tuple[Claim, Claim]] = {}
        if amount <= 0:
            return found
        figures = [
            (m, c)
            for m, c in self._figures.get((total.source_id, subject, scope), [])
            if m != metric
        ][:MAX_FIGURES]
        for i, (first_metric, first) in enumerate(figures):
            for second_metric, second in figures[i + 1 :]:
                if first_metric == second_metric:
                    continue
                both = float(first.value_usd or 0.0) + float(second.value_usd or 0.0)
                if abs(both - amount) <= EXACT_TOLERANCE * amount:
                    found.setdefault((first_metric, second_metric), (first, second))
        return found

    def changed(
        self,
        total: Claim,
        other: Claim,
        figure: tuple[str, str, str],
        order: Callable[[Cluster, Cluster], int],
    ) -> tuple[tuple[Claim, Claim], tuple[Claim, Claim], int] | None:
        """Two totals of one figure (subject, scope, metric) whose pages add up the same two
        metrics, and the direction in time their parts changed in (``order``: -1 when the
        first cluster is consistently earlier, 1 later, 0 unknown): 1 or -1 when at least
        one part moved that way and none the other; None otherwise. Parts largest first."""
        theirs = self.pairs(other, *figure)
        for metrics, parts in sorted(self.pairs(total, *figure).items()):
            counterpart = theirs.get(metrics)
            if counterpart is None:
                continue
            moves = set()
            for mine, its in zip(parts, counterpart, strict=True):
                a, b = self._cluster.get(mine.id), self._cluster.get(its.id)
                if a is not None and b is not None and a is not b:
                    moves.add(order(a, b))
            moves.discard(0)
            if len(moves) == 1:
                return _largest_first(parts), _largest_first(counterpart), moves.pop()
        return None


def _largest_first(pair: tuple[Claim, Claim]) -> tuple[Claim, Claim]:
    first, second = pair
    return (second, first) if (second.value_usd or 0.0) > (first.value_usd or 0.0) else pair


class PageFigures:
    """Each page's figures of one subject and scope, per additive dimension: a value and
    another figure of its page (another metric) that make up what another page gives."""

    def __init__(self, groups: Iterable[tuple[str, str, str, str, Sequence[Cluster]]]) -> None:
        """``groups``: (subject, scope, metric, dimension, clusters) of every group."""
        self._figures: dict[tuple[str, str, str, str], list[tuple[str, Claim]]] = {}
        # the figures a page gives for parts (a scope) of a subject's measure
        self._parts: dict[tuple[str, str, str, str], list[tuple[str, Claim]]] = {}
        for subject, scope, metric, dimension, clusters in groups:
            if dimension not in ADDITIVE:
                continue
            for cluster in clusters:
                for claim in cluster.claims:
                    if claim.value_max is None:
                        key = (claim.source_id, subject, scope, dimension)
                        self._figures.setdefault(key, []).append((metric, claim))
                        if scope:
                            part_key = (claim.source_id, subject, metric, dimension)
                            self._parts.setdefault(part_key, []).append((scope, claim))
        for found in (*self._figures.values(), *self._parts.values()):
            found.sort(key=lambda row: (row[0], row[1].id))

    def rest(self, part: Claim, whole: float, figure: tuple[str, str, str, str]) -> Claim | None:
        """A figure of a kind of the part's metric on the part's page that, added to the
        part, makes ``whole`` (within the rounding tolerance); ``figure``: the part's
        (subject, scope, metric, dimension). "11,000 jobs" beside "9,000 construction jobs"
        make 20,000."""
        subject, scope, metric, dimension = figure
        amount = interval(part)[0]
        for other_metric, other in self._figures.get(
            (part.source_id, subject, scope, dimension), []
        )[:MAX_FIGURES]:
            rest = interval(other)[0]
            # only a kind of the same measure ("construction_jobs" for "jobs"): two
            # measures of a page (an investment and a subsidy) add up to some figure by chance
            kind = other_metric.endswith(f"_{metric}")
            if kind and rest > 0 and abs(amount + rest - whole) <= EXACT_TOLERANCE * whole:
                return other
        return None

    def added(self, total: Claim, before: float, figure: tuple[str, str, str, str]) -> Claim | None:
        """A figure its page gives for a part of the total's measure that, added to
        ``before``, makes the total: "10 plants" beside "7 new plants" on one page, where
        other pages give 3 (within the rounding tolerance; "over 7 GW" takes any sum on
        its side, up to the approximate tolerance). ``figure``: the total's (subject,
        scope, metric, dimension); the total is a whole (no scope)."""
        subject, scope, metric, dimension = figure
        low = interval(total)[0]
        if scope or low <= 0 or before <= 0:
            return None
        bound = total.qualifier is Qualifier.AT_LEAST
        for _, part in self._parts.get((total.source_id, subject, metric, dimension), [])[
            :MAX_FIGURES
        ]:
            both = before + interval(part)[0]
            fits = abs(both - low) <= EXACT_TOLERANCE * low or (
                bound and low * (1 - EXACT_TOLERANCE) <= both <= low * (1 + APPROX_TOLERANCE)
            )
            # a part not written as added may be one the other pages leave out, not one
            # added since (the words are searched only once the sum fits)
            if fits and added_words().search(part.quote):
                return part
        return None

    def another_measure(self, claim: Claim, figure: tuple[str, str, str, str]) -> Claim | None:
        """The same figure (within the rounding tolerance, or inside a range or bound) its
        page gives for another measure of the same subject and scope: "$4.73 billion of
        investment" beside "up to $4.75 billion" of subsidy on one page."""
        subject, scope, metric, dimension = figure
        mine = interval(claim)
        for other_metric, other in self._figures.get(
            (claim.source_id, subject, scope, dimension), []
        )[:MAX_FIGURES]:
            if other_metric != metric and ratio(mine, interval(other)) <= 1 + EXACT_TOLERANCE:
                return other
        return None

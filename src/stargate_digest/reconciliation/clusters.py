"""Clusters: claims of one group whose values are the same figure, and how each is shown.

Numbers are sorted on their common scale and a new cluster starts past the rounding
tolerance; a range then joins the cluster (with the most sources) that lies inside it,
since a range agrees with every value inside it. Dates are placed from the most precise
to the least: a month joins a day inside it, a year a day or month inside it, a date
with no year the same month and day. Every order is total (value, source, claim id), so
the clusters do not depend on the order of the input.

A cluster is shown by the value most of its sources state, in their unit and currency:
first the unit most sources use, then the value most of those state.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from stargate_digest.models import Claim, Qualifier, ValueSupport
from stargate_digest.reconciliation.money import is_money
from stargate_digest.reconciliation.values import (
    APPROX_TOLERANCE,
    EXACT_TOLERANCE,
    DateValue,
    interval,
    midpoint,
    parse_date,
    tolerance,
)

TimeOf = Callable[[Claim], date | None]
Written = dict[str, tuple[Claim, Claim]]  # a cluster's lowest and highest figure per unit

# the hedges that let a figure stand for values above it ("about", "more than") and below
# it ("about", "up to", "at most"); a bound stands for nothing on the other side
REACHES_UP = frozenset({Qualifier.APPROX, Qualifier.AT_LEAST})
REACHES_DOWN = frozenset({Qualifier.APPROX, Qualifier.AT_MOST, Qualifier.UP_TO})
_CEILINGS = REACHES_DOWN - {Qualifier.APPROX}
ROUND_FIGURE_SPREAD = 0.10  # how far from itself a round figure may stand (as "about")
HEDGED_FIGURE_SPREAD = 0.15  # and a round figure its source hedges ("roughly $3 billion")


@dataclass(eq=False)
class Cluster:
    """Claims whose values agree; ``low``/``high`` span them on the common scale."""

    claims: list[Claim] = field(default_factory=list)
    low: float = 0.0
    high: float = 0.0
    hedged: bool = False  # a claim of it stands for values above it too (REACHES_UP)
    ceilings_only: bool = True  # every claim of it is a ceiling ("up to", "at most")
    day: DateValue | None = None  # for dates: the date the cluster stands for
    _times: list[date] | None = field(default=None, repr=False)

    def add(self, claim: Claim) -> None:
        self.claims.append(claim)
        self.hedged = self.hedged or claim.qualifier in REACHES_UP
        self.ceilings_only = self.ceilings_only and claim.qualifier in _CEILINGS
        self.__dict__.pop("representative", None)
        self.__dict__.pop("sources", None)
        self.__dict__.pop("precise", None)
        self._times = None

    def times(self, time_of: TimeOf) -> list[date]:
        """When its claims' figures held, sorted (one ``time_of`` per run, so kept once made)."""
        if self._times is None:
            # one date per page and moment: a page that writes its figure twice (or beside
            # its own conversion) is one witness of when it held, not two
            dated = {(c.source_id, day) for c in self.claims if (day := time_of(c)) is not None}
            self._times = sorted(day for _, day in dated)
        return self._times

    @cached_property
    def precise(self) -> list[Claim]:
        """One claim per precise figure among its claims (kept until a claim is added)."""
        found: dict[tuple[str, str], Claim] = {}
        for claim in sorted(self.claims, key=lambda c: (c.source_id, c.id)):
            if _precise(claim):
                found.setdefault(_shown_as(claim)[::2], claim)
        return [found[key] for key in sorted(found)]

    @cached_property
    def sources(self) -> list[str]:
        """The sources of its claims, sorted (kept until a claim is added)."""
        return sorted({claim.source_id for claim in self.claims})

    @cached_property
    def representative(self) -> Claim:
        """The claim stating the value most sources state, in the unit most sources use."""
        return representative(self.claims)

    @property
    def span(self) -> tuple[float, float]:
        """The representative value's interval on the common scale (numbers only)."""
        return interval(self.representative)

    def support(self, time_of: TimeOf | None = None) -> ValueSupport:
        """The cluster as one value of a disagreement or key figure."""
        first = self.representative
        key = _shown_as(first)
        ordered = sorted(self.claims, key=lambda c: (_shown_as(c) != key, c.source_id, c.id))
        return ValueSupport(
            value=first.value if first.value is not None else "",
            unit=first.unit or "",
            value_max=first.value_max,
            value_usd=first.value_usd,
            source_ids=self.sources,
            claim_ids=[claim.id for claim in ordered],
            scope=first.scope,
            as_of=as_of(self.claims, time_of),
        )


def _shown_as(claim: Claim) -> tuple[str, str, str]:
    return str(claim.value), str(claim.value_max), claim.unit or ""


def representative(claims: Sequence[Claim]) -> Claim:
    """First the unit most sources use, then the value most of those sources state."""

    def tally(key: Callable[[Claim], object], pool: Sequence[Claim]) -> dict[object, set[str]]:
        found: dict[object, set[str]] = {}
        for claim in pool:
            found.setdefault(key(claim), set()).add(claim.source_id)
        return found

    units = tally(lambda c: c.unit or "", claims)
    unit = max(units, key=lambda u: (len(units[u]), str(u)))
    pool = [c for c in claims if (c.unit or "") == unit]
    values = tally(_shown_as, pool)

    def rank(claim: Claim) -> tuple[int, int, int]:
        precise = len(str(claim.value)) if claim.unit == "date" else 0
        exact = int(claim.qualifier is Qualifier.EXACT)
        return len(values[_shown_as(claim)]), precise, exact

    def natural(claim: Claim) -> tuple[float, str, str, str]:
        number = float(claim.value_usd or claim.value) if isinstance(claim.value, float) else 0.0
        return number, str(claim.value), claim.source_id, claim.id

    # max() keeps the first of equals: ties go to the smallest value
    return max(sorted(pool, key=natural), key=rank)


def as_of(claims: Sequence[Claim], time_of: TimeOf | None) -> str | None:
    """When a value held: the earliest as_of its claims give, else its earliest source's date."""
    stated = sorted(c.as_of for c in claims if c.as_of)
    if stated:
        return stated[0]
    if time_of is None:
        return None
    days = sorted(day for day in map(time_of, claims) if day is not None)
    return days[0].isoformat() if days else None


def cluster_numbers(claims: Sequence[Claim]) -> list[Cluster]:
    """Points by value with the rounding tolerance, then ranges into what they contain."""

    placed = sorted(
        ((*interval(claim), claim.source_id, claim.id, claim) for claim in claims),
        key=lambda row: row[:4],
    )
    clusters: list[Cluster] = []
    last: dict[str, Claim] = {}  # the current cluster's latest precise claim in each unit
    numbers: dict[float, tuple[str, float]] = {}  # the current cluster's numbers: unit, scale
    lowest: dict[str, tuple[Claim, float]] = {}  # the lowest exact claim in each unit, scaled
    written: Written = {}  # the current cluster's extreme figures in each unit, as written
    for value, _, _, _, claim in (row for row in placed if row[4].value_max is None):
        current = clusters[-1] if clusters else None
        allowed = APPROX_TOLERANCE if _reaches(current, claim) else EXACT_TOLERANCE
        number = float(claim.value) if isinstance(claim.value, int | float) else None
        unit = claim.unit or ""
        bridged = _bridged(lowest.get(unit), claim, value)
        kin = _kin(lowest.get(unit), claim, value)
        apart = _apart_as_written(written.get(unit), claim)
        if (
            current is None
            or (value - current.low > allowed * abs(current.low) and not kin)
            or _precisely_different(last.get(unit), claim)
            or _relabelled(numbers.get(number) if number is not None else None, claim, value)
            or bridged
            or apart is not None
        ):
            start = lowest[unit][1] if bridged else apart
            current = _open(clusters, start, value)
            last, lowest, written = {}, {}, {}
            numbers = {
                float(c.value): (c.unit or "", interval(c)[0])
                for c in current.claims
                if isinstance(c.value, int | float)
            }
            for moved in current.claims:
                _note_written(written, moved)
        current.add(claim)
        _note_written(written, claim)
        if _precise(claim):
            last[unit] = claim
        if claim.qualifier is Qualifier.EXACT:
            lowest.setdefault(unit, (claim, value))
        if number is not None:
            numbers.setdefault(number, (unit, value))
        current.high = max(current.high, value)
    ranges: list[Cluster] = []
    for low, high, _, _, claim in (row for row in placed if row[4].value_max is not None):
        slack = tolerance(claim)
        inside = [
            c
            for c in clusters
            if c.low >= low - slack * abs(low) and c.high <= high + slack * abs(high)
        ]
        overlapping = [c for c in ranges if c.low <= high and low <= c.high]
        chosen = _most_sources(inside) or _most_sources(overlapping)
        if chosen is None:
            chosen = Cluster(low=low, high=high)
            ranges.append(chosen)
        elif chosen in ranges:
            chosen.low, chosen.high = min(chosen.low, low), max(chosen.high, high)
        chosen.add(claim)
    return clusters + ranges


def _reaches(current: Cluster | None, claim: Claim) -> bool:
    """Whether a hedge lets ``claim`` (the next value up) join ``current`` from afar.

    Values come in rising order: a hedge lets the next value join only on the side the
    hedge reaches ("more than $27 billion" is no rounding of $26 billion). A ceiling
    stands for the values under it, not for a lower ceiling: a ceiling is a limit someone
    set ("within 64 months", "up to $6.4 billion"), and "within 66 months" is another
    deadline, not the same one rounded. (A floor is an estimate from below: "more than
    $37 billion" and "more than $40 billion" may be one figure, and still join.)
    """
    if current is None:
        return False
    if claim.qualifier in _CEILINGS:
        return not current.ceilings_only
    return claim.qualifier is Qualifier.APPROX or current.hedged


def _kin(lowest: tuple[Claim, float] | None, claim: Claim, value: float) -> bool:
    """An exact figure within the exact tolerance of an exact figure of its own unit in the
    cluster (€7.34 billion beside €7.3 billion): the same figure, however far the
    cluster's lowest value (a conversion another page made) lies below it."""
    return (
        lowest is not None
        and claim.qualifier is Qualifier.EXACT
        and value - lowest[1] <= EXACT_TOLERANCE * abs(lowest[1])
    )


def _bridged(lowest: tuple[Claim, float] | None, claim: Claim, value: float) -> bool:
    """An exact figure farther than the exact tolerance above an exact figure of the
    cluster in its unit, and that no one number rounds to (1,400 acres beside 1,300
    acres): the two met only through a hedged figure between them ("about 5.66 km²"), and
    a page writing "about" near both does not make two exact figures one. ($30 billion
    beside $29 billion may be it rounded, and stays.)"""
    if lowest is None or claim.qualifier is not Qualifier.EXACT:
        return False
    anchor, scaled = lowest
    if value - scaled <= EXACT_TOLERANCE * abs(scaled):
        return False
    if not isinstance(anchor.value, float) or not isinstance(claim.value, float):
        return True
    return not one_number_rounds_to(anchor.value, anchor.qualifier, claim.value, claim.qualifier)


def _note_written(written: Written, claim: Claim) -> None:
    """Keep the claim if it is the lowest or highest figure of its unit, as written."""
    if not isinstance(claim.value, float | int):
        return
    unit = claim.unit or ""
    low, high = written.get(unit, (claim, claim))
    if claim.value < float(low.value or 0.0):
        low = claim
    elif claim.value > float(high.value or 0.0):
        high = claim
    written[unit] = (low, high)


def _apart_as_written(seen: tuple[Claim, Claim] | None, claim: Claim) -> float | None:
    """The common-scale value of the cluster's figure of the claim's unit that the claim,
    as written, is no rounding of; None when it is one figure with them.

    A cluster is built on the common scale: money in USD at each page's day. Two figures
    in one currency are compared as written, not through a rate: "800 billion yen" of a
    page of 2021 and "about 1 trillion yen" of an undated page (put at the story's middle
    date, when the yen was 25 % weaker) are 7.0 and 6.65 billion dollars, but in yen they
    are two estimates, no one figure rounded. The claim is asked against the figure of
    its unit farthest from it (the cluster's lowest or highest in that unit).
    """
    if seen is None or not isinstance(claim.value, float | int):
        return None
    number = float(claim.value)
    lowest, highest = seen
    low, high = float(lowest.value or 0.0), float(highest.value or 0.0)
    other = lowest if number - low >= high - number else highest
    return None if _one_as_written(other, claim) else interval(other)[0]


def _one_as_written(a: Claim, b: Claim) -> bool:
    """Whether two figures of one unit are one figure as written: within the exact
    tolerance, within the hedged one on the side a hedge reaches, or (both exact) roundings
    of one number ($29 billion and $30 billion)."""
    (small, lower), (large, upper) = sorted(
        ((float(a.value or 0.0), a), (float(b.value or 0.0), b)), key=lambda pair: pair[0]
    )
    gap = large - small
    if gap <= EXACT_TOLERANCE * abs(small):
        return True
    both_ceilings = lower.qualifier in _CEILINGS and upper.qualifier in _CEILINGS
    reaches = lower.qualifier in REACHES_UP or (
        upper.qualifier in REACHES_DOWN and not both_ceilings
    )
    if reaches and gap <= APPROX_TOLERANCE * abs(small):
        return True
    exact = lower.qualifier is Qualifier.EXACT and upper.qualifier is Qualifier.EXACT
    return exact and one_number_rounds_to(small, lower.qualifier, large, upper.qualifier)


def _open(clusters: list[Cluster], bridged_from: float | None, value: float) -> Cluster:
    """A new cluster for ``value``, appended; when ``value`` is a figure no rounding joins
    to the figure at ``bridged_from`` (below it) in the last cluster, that cluster's hedged
    claims nearer to ``value`` leave it for the new one."""
    moved: list[Claim] = []
    if bridged_from is not None and bridged_from < value:
        kept, moved = _split_hedged(clusters[-1].claims, bridged_from, value)
        clusters[-1] = _cluster_of(kept)
    opened = _cluster_of(moved) if moved else Cluster(low=value, high=value)
    opened.low = min(opened.low, value)
    clusters.append(opened)
    return opened


def _split_hedged(
    claims: Sequence[Claim], lowest: float, value: float
) -> tuple[list[Claim], list[Claim]]:
    """The claims that stay, and the hedged ones nearer to ``value`` than to ``lowest``:
    a hedged figure goes with the exact figure it is nearer to."""
    middle = (lowest + value) / 2
    kept: list[Claim] = []
    moved: list[Claim] = []
    for claim in claims:
        near = claim.qualifier is not Qualifier.EXACT and interval(claim)[0] > middle
        (moved if near else kept).append(claim)
    return kept, moved


def _cluster_of(claims: Sequence[Claim]) -> Cluster:
    """A cluster of claims already known to agree (numbers, no range among them)."""
    values = [interval(claim)[0] for claim in claims]
    cluster = Cluster(low=min(values, default=0.0), high=max(values, default=0.0))
    for claim in claims:
        cluster.add(claim)
    return cluster


def _significant(value: float) -> tuple[int, float]:
    """Significant digits a figure is written with (1.2 billion: 2) and half its last step."""
    scale = next((size for size in (1e12, 1e9, 1e6) if abs(value) >= size), 1.0)
    text = f"{abs(value) / scale:.6g}"
    digits = text.replace(".", "").lstrip("0").rstrip("0")
    decimals = len(text.split(".")[1]) if "." in text else 0
    return len(digits), 0.5 * scale * 10.0**-decimals


def one_number_rounds_to(a: float, a_hedge: Qualifier, b: float, b_hedge: Qualifier) -> bool:
    """Whether some one number rounds to both figures (1.2 GW and 1.25 GW; "$600 billion"
    and $589 billion), each standing for half its last significant digit around it."""
    digits_a, digits_b = _significant(a)[0], _significant(b)[0]
    steps = _half_step(a, a_hedge, rounds_finer=digits_b > digits_a) + _half_step(
        b, b_hedge, rounds_finer=digits_a > digits_b
    )
    return abs(a - b) <= steps * (1 + 1e-9)


def _half_step(
    value: float, qualifier: Qualifier = Qualifier.EXACT, *, rounds_finer: bool = False
) -> float:
    """Half the last significant digit a figure is written with (1.2 billion: 0.05 billion;
    "about 600 billion": 50 billion, its zeros being no claim of precision)."""
    scale = next((s for s in (1e12, 1e9, 1e6) if value >= s), 1.0)
    text = f"{value / scale:.6g}"
    if "." in text:
        return 0.5 * scale * 10.0 ** -len(text.split(".")[1])
    # a round figure ("$600 billion", one significant digit) is how news writes a more
    # precise one ($589 billion), hedged or not (``rounds_finer``: the other figure has
    # more digits; $500 billion and $600 billion are two figures); but it stands for
    # values within 10 % of it at most: nobody writes "$200 billion" for $165 billion;
    # one its source hedges, within 15 % ("roughly $3 billion" for $3.4 billion)
    digits = text.rstrip("0")
    loose = qualifier is not Qualifier.EXACT or (rounds_finer and len(digits) == 1)
    zeros = len(text) - len(digits) if loose else 0
    spread = ROUND_FIGURE_SPREAD if qualifier is Qualifier.EXACT else HEDGED_FIGURE_SPREAD
    return min(0.5 * scale * 10.0**zeros, spread * value)


def _precise(claim: Claim) -> bool:
    """An exact figure written to three significant digits or more (589, 592.7, 118.42)."""
    return (
        claim.qualifier is Qualifier.EXACT
        and isinstance(claim.value, float)
        and _significant(claim.value)[0] >= 3
    )


def _precisely_different(anchor: Claim | None, claim: Claim) -> bool:
    """Two exact figures in one unit, each written to three digits or more, that no one
    number rounds to ($589 billion and $592.7 billion): not one figure, however close."""
    if (
        anchor is None
        or anchor.unit != claim.unit
        or anchor.qualifier is not Qualifier.EXACT
        or claim.qualifier is not Qualifier.EXACT
        or not isinstance(anchor.value, float)
        or not isinstance(claim.value, float)
    ):
        return False
    (a_digits, a_half), (b_digits, b_half) = _significant(anchor.value), _significant(claim.value)
    if min(a_digits, b_digits) < 3:
        return False
    return abs(anchor.value - claim.value) > (a_half + b_half) * (1 + 1e-9)


def _relabelled(seen: tuple[str, float] | None, claim: Claim, value: float) -> bool:
    """The same number under another currency, apart by more than rounding on the common
    scale (17 billion euros and "about 17 billion dollars" in 2022): one is mislabelled,
    or a conversion was left out; only a hedge made them look like one figure."""
    if seen is None or not is_money(claim):
        return False
    unit, scaled = seen
    return unit != (claim.unit or "") and abs(value - scaled) > EXACT_TOLERANCE * abs(scaled)


def _most_sources(candidates: Sequence[Cluster]) -> Cluster | None:
    if not candidates:
        return None
    return max(candidates, key=lambda c: (len(c.sources), -c.low))


def cluster_dates(claims: Sequence[Claim]) -> list[Cluster]:
    """Dates from the most precise to the least; a coarser date joins what it contains."""
    parsed = [(parse_date(str(c.value)), c) for c in claims]
    dated = [(value, c) for value, c in parsed if value is not None]
    dated.sort(
        key=lambda p: (-p[0].precision, not p[0].has_year, p[0].start, p[1].source_id, p[1].id)
    )
    clusters: list[Cluster] = []
    same: dict[DateValue, Cluster] = {}
    for value, claim in dated:
        found = same.get(value)
        if found is None:
            inside = [c for c in clusters if c.day is not None and value.contains(c.day)]
            found = max(inside, key=lambda c: (len(c.sources), _later_first(c)), default=None)
        if found is None:
            found = Cluster(day=value)
            clusters.append(found)
            same[value] = found
        found.add(claim)
    return clusters


def _later_first(cluster: Cluster) -> int:
    # among equally supported days inside a coarser date, the earliest wins
    return -cluster.day.start.toordinal() if cluster.day else 0


def cluster_time(cluster: Cluster, time_of: TimeOf) -> list[date]:
    """The dates (as_of, else publication) of a cluster's claims, sorted; undated left out."""
    return cluster.times(time_of)


def time_of_claims(published: Mapping[str, date | None]) -> TimeOf:
    """When a claim's figure held: its as_of (the middle of the period), else its source's date."""

    def time_of(claim: Claim) -> date | None:
        if claim.as_of:
            stated = parse_date(claim.as_of)
            if stated is not None and stated.has_year:
                return midpoint(stated)
        return published.get(claim.source_id)

    return time_of

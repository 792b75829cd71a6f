"""Consistency checks inside one source: stated equivalents, parts against totals, shares.

A stated equivalent ("$38 billion (approximately ¥5.94 trillion)") is checked at the ECB
rate of the source's rate date; when its currency is open (XXX), the check is also how
the currency gets resolved: the one candidate that fits is taken, and the claim says so.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from stargate_digest.display import describe_money
from stargate_digest.models import CheckStatus, Claim, ConsistencyCheck
from stargate_digest.quantities.fx import convert
from stargate_digest.reconciliation.dating import RateDate
from stargate_digest.reconciliation.money import UNRESOLVED, is_money
from stargate_digest.topic import TopicProfile

# Stated equivalents are rounded ("about ¥5.94 trillion"); 5 % covers rounding and the
# drift of a rate within the days around publication, and still tells JPY from CNY.
EQUIVALENT_TOLERANCE = 0.05
SUM_TOLERANCE = 0.01


@dataclass(frozen=True)
class _Fit:
    currency: str
    expected: float
    rate: float
    gap: float


def _fits(anchor: Claim, stated: float, currencies: Sequence[str], when: RateDate) -> list[_Fit]:
    fits = []
    for currency in currencies:
        try:
            result = convert(float(anchor.value or 0.0), anchor.unit or "", currency, when.day)
        except ValueError:
            continue
        if not result.amount:
            continue  # a zero anchor fits every currency and none: no gap to measure
        gap = abs(stated - result.amount) / result.amount
        fits.append(_Fit(currency, result.amount, result.rate, gap))
    return sorted(fits, key=lambda fit: fit.gap)


def check_equivalence(
    anchor: Claim, stated: Claim, when: RateDate, topic: TopicProfile
) -> tuple[ConsistencyCheck, str | None]:
    """The check of one stated equivalent, and the currency it resolves to (if it was open)."""
    amount = float(stated.value or 0.0)
    is_open = stated.unit == UNRESOLVED
    if is_open:
        currencies = stated.currency_candidates or topic.unlabelled_currencies
    else:
        currencies = [stated.unit or ""]
    fits = _fits(anchor, amount, currencies, when)
    good = [fit for fit in fits if fit.gap <= EQUIVALENT_TOLERANCE]
    said = describe_money(float(anchor.value or 0.0), anchor.unit or "")
    rate_day = f"at the ECB rate of {when.reason}"
    ids = [anchor.id, stated.id]
    if not fits:
        detail = f"{said} cannot be converted to {', '.join(currencies)} {rate_day}."
        return _check(stated, CheckStatus.UNRESOLVED, ids, detail), None
    best = fits[0]
    stated_text = describe_money(amount, best.currency if is_open else stated.unit or "")
    expected = describe_money(best.expected, best.currency)
    if is_open and len(good) == 1:
        others = ", ".join(describe_money(f.expected, f.currency) for f in fits[1:3])
        opening = (
            f"The currency is open ({' or '.join(stated.currency_candidates)})"
            if stated.currency_candidates
            else "The currency is not stated"
        )
        detail = (
            f"{opening}; {said} {rate_day} ({best.rate:,.4g} {best.currency} "
            f"per {anchor.unit}) is {expected}, {best.gap:.1%} from the stated "
            f"{describe_money(amount, '').strip()}, so it is read as {best.currency}"
            + (f" (other readings: {others})." if others else ".")
        )
        return _check(stated, CheckStatus.CONSISTENT, ids, detail), best.currency
    if is_open and len(good) > 1:
        options = " or ".join(f"{f.currency} ({f.gap:.1%} off)" for f in good)
        detail = f"{said} {rate_day} fits {options}; the currency stays unresolved."
        return _check(stated, CheckStatus.UNRESOLVED, ids, detail), None
    status = CheckStatus.CONSISTENT if good else CheckStatus.INCONSISTENT
    verdict = "consistent" if good else "not consistent"
    detail = (
        f"{said} {rate_day} ({best.rate:,.4g} {best.currency} per {anchor.unit}) is "
        f"{expected}; the source says {stated_text} ({best.gap:.1%} apart): {verdict}."
    )
    return _check(stated, status, ids, detail), None


def _check(claim: Claim, status: CheckStatus, ids: list[str], detail: str) -> ConsistencyCheck:
    return ConsistencyCheck(
        source_id=claim.source_id,
        kind="equivalence",
        status=status,
        claim_ids=ids,
        detail=detail,
    )


def check_parts(claims: Sequence[Claim], topic: TopicProfile) -> list[ConsistencyCheck]:
    """Parts against totals within one source ($100 billion + $400 billion = $500 billion)."""
    checks = []
    for rule in topic.parts:
        by_subject: dict[str, dict[str, Claim]] = {}
        for claim in claims:
            if is_money(claim) and claim.metric in (rule.total, *rule.parts):
                by_subject.setdefault(claim.subject, {}).setdefault(claim.metric, claim)
        for subject, found in by_subject.items():
            if rule.total not in found or not all(part in found for part in rule.parts):
                continue
            total = found[rule.total]
            parts = [found[part] for part in rule.parts]
            if any(part.unit != total.unit for part in parts):
                continue
            added = sum(float(part.value or 0.0) for part in parts)
            stated = float(total.value or 0.0)
            ok = abs(added - stated) <= SUM_TOLERANCE * stated
            sum_text = " + ".join(
                describe_money(float(p.value or 0.0), p.unit or "") for p in parts
            )
            detail = (
                f"{subject}: {sum_text} = {describe_money(added, total.unit or '')}, "
                f"{'matching' if ok else 'not matching'} the stated total of "
                f"{describe_money(stated, total.unit or '')}."
            )
            checks.append(
                ConsistencyCheck(
                    source_id=total.source_id,
                    kind="parts_total",
                    status=CheckStatus.CONSISTENT if ok else CheckStatus.INCONSISTENT,
                    claim_ids=[total.id, *(p.id for p in parts)],
                    detail=detail,
                )
            )
    return checks


def check_shares(claims: Sequence[Claim], metric: str) -> list[ConsistencyCheck]:
    """Stakes of different subjects in one source must not add up past 100 %."""
    stakes: dict[str, Claim] = {}
    for claim in claims:
        if claim.metric == metric and claim.unit == "percent" and claim.value is not None:
            stakes.setdefault(claim.subject, claim)
    if len(stakes) < 2:
        return []
    total = sum(float(c.value or 0.0) for c in stakes.values())
    parts = " + ".join(f"{s} {float(c.value or 0.0):g} %" for s, c in stakes.items())
    ok = total <= 100.0 + 1e-9
    # the float noise allowed above must not show as "leaving -1e-09 %"
    left = max(0.0, round(100.0 - total, 6))
    detail = f"{parts} = {total:g} %" + (
        f", leaving {left:g} % for others." if ok else ", more than 100 %."
    )
    first = next(iter(stakes.values()))
    return [
        ConsistencyCheck(
            source_id=first.source_id,
            kind="shares_total",
            status=CheckStatus.CONSISTENT if ok else CheckStatus.INCONSISTENT,
            claim_ids=[c.id for c in stakes.values()],
            detail=detail,
        )
    ]

"""Money in a common unit: USD at the ECB rate of a source's rate date."""

from __future__ import annotations

from collections.abc import Sequence
from statistics import median_low

from stargate_digest.models import Claim
from stargate_digest.quantities.fx import FxResult, convert
from stargate_digest.reconciliation.dating import RateDate

UNRESOLVED = "XXX"


def is_money(claim: Claim) -> bool:
    """A numeric claim whose unit is a currency (three upper-case letters)."""
    unit = claim.unit or ""
    return (
        isinstance(claim.value, float | int)
        and len(unit) == 3
        and unit.isalpha()
        and unit.isupper()
    )


def to_usd(claim: Claim, when: RateDate) -> FxResult | None:
    """The claim's amount in USD, or None while its currency is unresolved or unknown."""
    if not is_money(claim) or claim.unit == UNRESOLVED or isinstance(claim.value, str):
        return None
    try:
        return convert(float(claim.value or 0.0), claim.unit or "", "USD", when.day)
    except ValueError:
        return None


def one_rate(claims: Sequence[Claim]) -> list[Claim]:
    """A group's figures in the currency most of its sources state, all on one rate.

    Money is compared in USD at each source's rate date; but two pages that give
    "€7.3 billion" give the same figure whatever the dollar did between their dates (the
    euro gained 15 % on the dollar from 2022 to 2025, more than a rounding, so the pages of
    one figure fell into clusters by date). The figures of the group's main currency
    (the one most of its sources use; the dollar on a tie) are put on one rate, the
    middle of their own: equal numbers stay equal, and each stays within its dates'
    drift of its own USD value. Figures of other currencies keep their own day's rate:
    a conversion a page made on its day is read against that day (``converted``).
    """
    sources: dict[str, set[str]] = {}
    rates: dict[str, list[float]] = {}
    for claim in claims:
        if claim.value_usd is not None and isinstance(claim.value, float) and claim.value > 0:
            unit = claim.unit or ""
            sources.setdefault(unit, set()).add(claim.source_id)
            rates.setdefault(unit, []).append(claim.value_usd / claim.value)
    if not sources:
        return list(claims)
    main = max(sorted(sources), key=lambda unit: (len(sources[unit]), unit == "USD"))
    rate = median_low(rates[main])
    return [
        claim.model_copy(update={"value_usd": float(claim.value or 0.0) * rate})
        if claim.unit == main and _off(claim, rate)
        else claim
        for claim in claims
    ]


def _off(claim: Claim, rate: float) -> bool:
    """Whether the claim's USD value is not its amount at ``rate`` (a copy is needed)."""
    if claim.value_usd is None or not isinstance(claim.value, float):
        return False
    return claim.value_usd != claim.value * rate

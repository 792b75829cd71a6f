"""Money in a common unit: USD at the ECB rate of a source's rate date."""

from __future__ import annotations

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

"""Reconciliation: consistency checks inside each source, disagreements across them.

``reconcile`` is a pure function of the extraction results (and the run date, used only
when no source has a publication date): it converts money at the ECB rate of each
source's date, resolves open currencies only from a stated equivalent that fits one
currency, checks parts against totals and shares against 100 %, then groups the claims
of all sources by subject, scope and metric and reports where their values differ and
what kind of difference each is (compare.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime

from pydantic import BaseModel, ConfigDict

from stargate_digest.models import (
    ArticleClaims,
    Claim,
    ConsistencyCheck,
    Disagreement,
    KeyFigure,
)
from stargate_digest.reconciliation.checks import check_equivalence, check_parts, check_shares
from stargate_digest.reconciliation.compare import find_disagreements
from stargate_digest.reconciliation.dating import RateDate, rate_dates
from stargate_digest.reconciliation.money import UNRESOLVED, is_money, to_usd
from stargate_digest.reconciliation.wholes import rescope_parts
from stargate_digest.topic import TopicProfile, load_topic

__all__ = ["Reconciliation", "reconcile"]


class Reconciliation(BaseModel):
    """The claims with conversions and resolutions applied, and the findings about them."""

    model_config = ConfigDict(extra="forbid")

    claims: list[Claim]
    disagreements: list[Disagreement]
    consistency_checks: list[ConsistencyCheck]
    key_figures: list[KeyFigure]


def reconcile(
    results: Sequence[ArticleClaims],
    *,
    topic: TopicProfile | None = None,
    today: date | None = None,
) -> Reconciliation:
    """Findings over every article's claims; unverified claims take part in nothing."""
    topic = topic or load_topic()
    dates = rate_dates([r.article for r in results], today or datetime.now(UTC).date())
    claims: list[Claim] = []
    checks: list[ConsistencyCheck] = []
    for result in results:
        when = dates[result.article.id]
        resolved, source_checks = _check_source(result.claims, when, topic)
        claims += [_normalised(_with_usd(claim, when), topic) for claim in resolved]
        checks += source_checks
    published = {
        r.article.id: r.article.published.date() if r.article.published else None for r in results
    }
    claims = rescope_parts(claims, topic, published)
    disagreements, figures = find_disagreements(
        claims, topic=topic, published=published, rate_dates=dates
    )
    return Reconciliation(
        claims=claims, disagreements=disagreements, consistency_checks=checks, key_figures=figures
    )


def _check_source(
    claims: Sequence[Claim], when: RateDate, topic: TopicProfile
) -> tuple[list[Claim], list[ConsistencyCheck]]:
    """One source's checks, and its claims with open currencies resolved where they fit."""
    verified = [claim for claim in claims if claim.verified]
    by_id = {claim.id: claim for claim in verified}
    updates: dict[str, dict[str, object]] = {}
    checks: dict[tuple[object, ...], ConsistencyCheck] = {}
    for stated in verified:
        if stated.equivalent_of is None:
            continue  # no anchor, whatever the ids: a claim with an empty id is no anchor
        anchor = by_id.get(stated.equivalent_of)
        if anchor is None or not (is_money(anchor) and is_money(stated)):
            continue
        known, read = _oriented(anchor, stated)
        check, currency = check_equivalence(known, read, when, topic)
        if currency is not None:
            updates[read.id] = {"unit": currency, "currency_resolution": check.detail}
        key = (known.value, known.unit, read.value, read.unit)
        if key in checks:  # the same equivalence stated for several partners ("chacun")
            merged = [*checks[key].claim_ids, *check.claim_ids]
            check = checks[key].model_copy(update={"claim_ids": list(dict.fromkeys(merged))})
        checks[key] = check
    found = [*checks.values(), *check_parts(verified, topic)]
    if topic.shares_metric:
        found += check_shares(verified, topic.shares_metric)
    updates |= _read_as_resolved(verified, updates)
    resolved = [claim.model_copy(update=updates.get(claim.id, {})) for claim in claims]
    return resolved, found


def _oriented(anchor: Claim, stated: Claim) -> tuple[Claim, Claim]:
    """The figure an equivalence is read from, and the one read (the open one, if any).

    "¥730 billion (US$4.9 billion)": the open figure is the one stated first, and it is
    read from its equivalent as an open equivalent is read from its figure.
    """
    if anchor.unit == UNRESOLVED and stated.unit != UNRESOLVED:
        return stated, anchor
    return anchor, stated


def _read_as_resolved(
    claims: Sequence[Claim], updates: dict[str, dict[str, object]]
) -> dict[str, dict[str, object]]:
    """The page's other open amounts of the same sign, read as its equivalences read it.

    A page writes one currency with one sign: where "¥730 billion (US$4.9 billion)" shows
    that its "¥" is the yen (the dollars fit JPY and not CNY), its "¥2 trillion" with no
    equivalent is the yen too. Only open amounts with the same readings (the sign's
    ``currency_candidates``) take it, and only when the page's resolutions of that sign
    agree; an amount with no currency at all (no candidates) is left open.
    """
    by_id = {claim.id: claim for claim in claims}
    read: dict[tuple[str, ...], set[str]] = {}
    for claim_id, update in updates.items():
        claim = by_id.get(claim_id)
        if claim is not None and claim.currency_candidates:
            read.setdefault(tuple(claim.currency_candidates), set()).add(str(update["unit"]))
    found: dict[str, dict[str, object]] = {}
    for claim in claims:
        if claim.unit != UNRESOLVED or claim.id in updates or not claim.currency_candidates:
            continue
        currencies = read.get(tuple(claim.currency_candidates), set())
        if len(currencies) != 1:
            continue
        (currency,) = currencies
        found[claim.id] = {
            "unit": currency,
            "currency_resolution": (
                f"The currency is open ({' or '.join(claim.currency_candidates)}); the page "
                f"writes the same sign for {currency} where it states an equivalent, so it "
                f"is read as {currency}."
            ),
        }
    return found


def _with_usd(claim: Claim, when: RateDate) -> Claim:
    converted = to_usd(claim, when)
    return claim if converted is None else claim.model_copy(update={"value_usd": converted.amount})


def _normalised(claim: Claim, topic: TopicProfile) -> Claim:
    """The claim with its scope named as the topic profile names it."""
    scope = topic.canonical_scope(claim.scope)
    return claim if scope == claim.scope else claim.model_copy(update={"scope": scope})

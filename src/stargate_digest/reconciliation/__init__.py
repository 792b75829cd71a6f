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
from stargate_digest.reconciliation.money import is_money, to_usd
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
        check, currency = check_equivalence(anchor, stated, when, topic)
        if currency is not None:
            updates[stated.id] = {"unit": currency, "currency_resolution": check.detail}
        key = (anchor.value, anchor.unit, stated.value, stated.unit)
        if key in checks:  # the same equivalence stated for several partners ("chacun")
            merged = [*checks[key].claim_ids, *check.claim_ids]
            check = checks[key].model_copy(update={"claim_ids": list(dict.fromkeys(merged))})
        checks[key] = check
    found = [*checks.values(), *check_parts(verified, topic)]
    if topic.shares_metric:
        found += check_shares(verified, topic.shares_metric)
    resolved = [claim.model_copy(update=updates.get(claim.id, {})) for claim in claims]
    return resolved, found


def _with_usd(claim: Claim, when: RateDate) -> Claim:
    converted = to_usd(claim, when)
    return claim if converted is None else claim.model_copy(update={"value_usd": converted.amount})


def _normalised(claim: Claim, topic: TopicProfile) -> Claim:
    """The claim with its scope named as the topic profile names it."""
    scope = topic.canonical_scope(claim.scope)
    return claim if scope == claim.scope else claim.model_copy(update={"scope": scope})

"""What a digest adds to the previous one: new and updated sources, claims, disagreements.

Sources keep their ids across a job's runs, so they are compared by id (and content hash
for an edit). Claims are compared by what they say (source, subject, metric, value,
unit, quote), since an edited article renumbers them; disagreements by what they are
about (subject, metric, scope) and their kind. One figure can hold two findings of one
kind (a conflict at each of two moments of an update): those are told apart by the
sources they share, each earlier finding matched to at most one current finding.
"""

from __future__ import annotations

from collections.abc import Hashable

from stargate_digest.models import Claim, Digest, DigestChanges, Disagreement


def _claim_key(claim: Claim) -> Hashable:
    return (claim.source_id, claim.subject, claim.metric, claim.value, claim.unit, claim.quote)


def _topic(item: Disagreement) -> Hashable:
    # a breakdown by scope (values of several parts) is a finding of its own beside the
    # disagreement about the whole of the same subject and metric; and one figure can
    # hold findings of several kinds (an update, and a conflict at one of its moments)
    breakdown = len({v.scope for v in item.values}) > 1
    return (item.subject, item.metric, item.scope, breakdown, item.kind)


def _positions(item: Disagreement) -> Hashable:
    return frozenset((v.value, v.unit, frozenset(v.source_ids)) for v in item.values)


def _shared_sources(a: Disagreement, b: Disagreement) -> int:
    def sources(item: Disagreement) -> set[str]:
        return {s for v in item.values for s in v.source_ids}

    return len(sources(a) & sources(b))


def _match(previous: list[Disagreement], current: list[Disagreement]) -> dict[str, Disagreement]:
    """Each current finding's earlier counterpart (by current id), one-to-one per topic."""
    waiting: dict[Hashable, list[Disagreement]] = {}
    for item in previous:
        waiting.setdefault(_topic(item), []).append(item)
    matched: dict[str, Disagreement] = {}
    for item in current:
        candidates = waiting.get(_topic(item), [])
        if not candidates:
            continue
        # the same positions first, then the most sources in common; ties keep the order
        best = max(
            candidates,
            key=lambda e: (_positions(e) == _positions(item), _shared_sources(e, item)),
        )
        candidates.remove(best)
        matched[item.id] = best
    return matched


def compare_digests(previous: Digest | None, current: Digest) -> DigestChanges:
    """The changes from ``previous`` (None for a job's first digest) to ``current``."""
    if previous is None:
        return DigestChanges(
            previous_generated_at=None,
            new_sources=[s.id for s in current.sources],
            new_claims=[c.id for c in current.claims],
            new_disagreements=[d.id for d in current.disagreements],
        )
    known_sources = {s.id: s.content_hash for s in previous.sources}
    known_claims = {_claim_key(c) for c in previous.claims}
    earlier = _match(previous.disagreements, current.disagreements)
    kept = {id(d) for d in earlier.values()}
    return DigestChanges(
        previous_generated_at=previous.generated_at,
        new_sources=[s.id for s in current.sources if s.id not in known_sources],
        updated_sources=[
            s.id
            for s in current.sources
            if s.id in known_sources and known_sources[s.id] != s.content_hash
        ],
        new_claims=[c.id for c in current.claims if _claim_key(c) not in known_claims],
        new_disagreements=[d.id for d in current.disagreements if d.id not in earlier],
        changed_disagreements=[
            d.id
            for d in current.disagreements
            if d.id in earlier and _positions(d) != _positions(earlier[d.id])
        ],
        resolved_disagreements=[d for d in previous.disagreements if id(d) not in kept],
    )

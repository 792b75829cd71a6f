"""A scheduled digest's changes since the previous one, as sentences every renderer uses."""

from __future__ import annotations

from collections.abc import Sequence

from stargate_digest.digest.view import source_ref
from stargate_digest.display import describe
from stargate_digest.models import Claim, Digest, DigestChanges, Disagreement

_MOST_LISTED = 10


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _topic(item: Disagreement) -> str:
    return f"{item.subject}'s {item.metric.replace('_', ' ')}"


def _listed(items: Sequence[str], most: int) -> str:
    shown = "; ".join(items[:most])
    return shown + (f"; and {len(items) - most} more" if len(items) > most else "")


def change_notes(digest: Digest) -> list[str]:
    """One sentence per kind of change; empty when the digest is not a scheduled one."""
    changes = digest.changes
    if changes is None:
        return []
    if changes.previous_generated_at is None:
        return [
            f"First digest of this job: {_count(len(digest.sources), 'source')}, "
            f"{_count(len(digest.claims), 'claim')}, "
            f"{_count(len(digest.disagreements), 'disagreement')}."
        ]
    notes = _notes(changes, digest)
    return [
        f"Since the digest of {changes.previous_generated_at:%Y-%m-%d %H:%M} UTC:",
        *(notes or ["no new source, claim or disagreement (see Problems for what failed)."]),
    ]


def _notes(changes: DigestChanges, digest: Digest) -> list[str]:
    sources = {s.id: s for s in digest.sources}
    claims = {c.id: c for c in digest.claims}
    disagreements = {d.id: d for d in digest.disagreements}

    def outlet(ident: str) -> str:
        return source_ref(sources[ident]).outlet if ident in sources else ident

    def source(ident: str) -> str:
        """What a reader recognises: the title, with the outlet when the URL names one."""
        if ident not in sources:
            return ident
        ref = source_ref(sources[ident])
        if not sources[ident].title:
            return ref.outlet
        return f"{ref.title} ({ref.outlet})" if ref.url else ref.title

    def claim(item: Claim) -> str:
        figure = describe(item) or item.statement or item.quote
        return (
            f"{item.subject}'s {item.metric.replace('_', ' ')} {figure} ({outlet(item.source_id)})"
        )

    notes = []
    if changes.new_sources:
        listed = _listed([source(i) for i in changes.new_sources], _MOST_LISTED)
        notes.append(f"new sources ({len(changes.new_sources)}): {listed}.")
    if changes.updated_sources:
        listed = _listed([source(i) for i in changes.updated_sources], _MOST_LISTED)
        notes.append(f"sources whose text changed ({len(changes.updated_sources)}): {listed}.")
    if changes.new_claims:
        listed = _listed([claim(claims[i]) for i in changes.new_claims], _MOST_LISTED)
        notes.append(f"new claims ({len(changes.new_claims)}): {listed}.")
    for label, ids in (("new disagreements", changes.new_disagreements),
                       ("disagreements that changed", changes.changed_disagreements)):  # fmt: skip
        if ids:
            topics = [f"{_topic(disagreements[i])} ({disagreements[i].severity})" for i in ids]
            notes.append(f"{label} ({len(ids)}): {'; '.join(topics)}.")
    if changes.resolved_disagreements:
        resolved = "; ".join(_topic(d) for d in changes.resolved_disagreements)
        notes.append(
            f"disagreements resolved ({len(changes.resolved_disagreements)}): {resolved} "
            "(the sources no longer give different values)."
        )
    return notes

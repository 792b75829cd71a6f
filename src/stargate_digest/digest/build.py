"""Assemble a Digest from extraction results: reconcile, then summarise."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from stargate_digest.digest.summary import compose_summary, source_summary_text
from stargate_digest.models import Article, ArticleClaims, Claim, Digest, SourceSummary
from stargate_digest.reconciliation import Reconciliation, reconcile
from stargate_digest.topic import TopicProfile


def source_summary(article: Article) -> SourceSummary:
    """An article's metadata for a digest, without its text."""
    return SourceSummary(
        id=article.id,
        title=article.title,
        url=article.url,
        published=article.published,
        language=article.language,
        content_hash=article.content_hash,
        source=article.source,
        format=article.format,
    )


def build_digest(
    results: Sequence[ArticleClaims],
    *,
    reconciliation: Reconciliation | None = None,
    backend: str | None = None,
    errors: Sequence[str] = (),
    generated_at: datetime | None = None,
    topic: TopicProfile | None = None,
) -> Digest:
    """Reconcile the extraction results and assemble the digest a reader gets.

    Pass the ``reconciliation`` of these results when you already have one (from
    ``reconcile(results)``): it is used as it is, not computed again. The backend is the
    one the results name (``backend`` only for an empty run, default "rules"). Failed
    extractions are listed in ``errors``; money is converted at the rates of the
    sources' dates, falling back to the run date (``generated_at``) only when no source
    has one.
    """
    generated_at = generated_at or datetime.now(UTC)
    backend = next((r.backend for r in results), None) or backend or "rules"
    found = reconciliation or reconcile(results, topic=topic, today=generated_at.date())
    by_source: dict[str, list[Claim]] = {}
    for claim in found.claims:
        by_source.setdefault(claim.source_id, []).append(claim)
    sources = [
        source_summary(r.article).model_copy(
            update={"summary": source_summary_text(by_source.get(r.article.id, []))}
        )
        for r in results
    ]
    return Digest(
        generated_at=generated_at,
        backend=backend,
        prompt_hash=next((r.prompt_hash for r in results if r.prompt_hash), None),
        sources=sources,
        claims=found.claims,
        disagreements=found.disagreements,
        consistency_checks=found.consistency_checks,
        key_figures=found.key_figures,
        summary=compose_summary(
            sources,
            found.claims,
            found.disagreements,
            found.consistency_checks,
            found.key_figures,
        ),
        errors=[*errors, *(f"{r.article.id}: {r.error}" for r in results if r.error)],
    )

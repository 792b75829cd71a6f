"""Assemble a Digest from extraction results (reconciliation plugs in here)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from stargate_digest.models import Article, ArticleClaims, Digest, SourceSummary


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
    backend: str,
    errors: Sequence[str] = (),
    generated_at: datetime | None = None,
) -> Digest:
    """A digest of every source and its claims; failed extractions are listed as errors."""
    return Digest(
        generated_at=generated_at or datetime.now(UTC),
        backend=backend,
        prompt_hash=next((r.prompt_hash for r in results if r.prompt_hash), None),
        sources=[source_summary(r.article) for r in results],
        claims=[claim for r in results for claim in r.claims],
        errors=[*errors, *(f"{r.article.id}: {r.error}" for r in results if r.error)],
    )

"""The pipeline's stages as plain functions: articles -> claims -> digest."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

from stargate_digest.digest.build import build_digest
from stargate_digest.extractors import get_extractor, resolve_backend
from stargate_digest.extractors.base import ConcurrentExtractor, Extractor, Progress
from stargate_digest.models import Article, ArticleClaims

__all__ = ["build_digest", "extract"]


def extract(
    articles: Sequence[Article],
    backend: str | Extractor = "rules",
    *,
    progress: Progress | None = None,
) -> list[ArticleClaims]:
    """Claims for every article, in order; an article that fails carries ``error``.

    A backend with ``extract_many`` (the LLM) gets all articles at once, so that it can
    run its calls concurrently. ``progress`` is called with each number of articles done.
    """
    extractor = get_extractor(resolve_backend(backend)) if isinstance(backend, str) else backend
    if isinstance(extractor, ConcurrentExtractor):
        return asyncio.run(extractor.extract_many(articles, progress))
    results = []
    for article in articles:
        results.append(extractor.extract(article))
        if progress is not None:
            progress(1)
    return results

"""The pipeline's stages as plain functions: articles -> claims -> digest."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

from stargate_digest.digest.build import build_digest
from stargate_digest.extractors import get_extractor, resolve_backend
from stargate_digest.extractors.base import ConcurrentExtractor, Extractor
from stargate_digest.models import Article, ArticleClaims

__all__ = ["build_digest", "extract"]


def extract(articles: Sequence[Article], backend: str | Extractor = "rules") -> list[ArticleClaims]:
    """Claims for every article, in order; an article that fails carries ``error``.

    A backend with ``extract_many`` (the LLM) gets all articles at once, so that it can
    run its calls concurrently.
    """
    extractor = get_extractor(resolve_backend(backend)) if isinstance(backend, str) else backend
    if isinstance(extractor, ConcurrentExtractor):
        return asyncio.run(extractor.extract_many(articles))
    return [extractor.extract(article) for article in articles]

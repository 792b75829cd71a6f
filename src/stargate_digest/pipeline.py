"""The pipeline's stages as plain functions: articles -> claims -> digest."""

from __future__ import annotations

from collections.abc import Sequence

from stargate_digest.digest.build import build_digest
from stargate_digest.extractors import get_extractor, resolve_backend
from stargate_digest.extractors.base import ConcurrentExtractor, Extractor, Progress
from stargate_digest.models import Article, ArticleClaims

__all__ = ["aextract", "build_digest", "extract"]


def _extractor(backend: str | Extractor) -> Extractor:
    return get_extractor(resolve_backend(backend)) if isinstance(backend, str) else backend


async def aextract(
    articles: Sequence[Article],
    backend: str | Extractor = "rules",
    *,
    progress: Progress | None = None,
) -> list[ArticleClaims]:
    """``extract`` for code that already runs an event loop (Jupyter, FastAPI, asyncio):
    ``await aextract(articles, backend="openai")``."""
    extractor = _extractor(backend)
    if isinstance(extractor, ConcurrentExtractor):
        return await extractor.extract_many(articles, progress)
    return _extract_each(extractor, articles, progress)


def extract(
    articles: Sequence[Article],
    backend: str | Extractor = "rules",
    *,
    progress: Progress | None = None,
) -> list[ArticleClaims]:
    """Claims for every article, in order; an article that fails carries ``error``.

    A backend with ``extract_many`` (the LLM) gets all articles at once, so that it can
    run its calls concurrently. ``progress`` is called with each number of articles done.
    Called inside a running event loop (a notebook cell), the concurrent calls run on a
    loop of their own in a worker thread; ``await aextract(...)`` avoids that thread.
    """
    extractor = _extractor(backend)
    if not isinstance(extractor, ConcurrentExtractor):
        return _extract_each(extractor, articles, progress)
    # Imported here: asyncio (with ssl and sockets) costs ~25 ms of CPU at start-up and
    # only the concurrent (LLM) backends need it.
    import asyncio
    from concurrent.futures import ThreadPoolExecutor

    try:
        asyncio.get_running_loop()
    except RuntimeError:  # no loop running: the ordinary case
        return asyncio.run(extractor.extract_many(articles, progress))
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="stargate-extract") as pool:
        return pool.submit(asyncio.run, extractor.extract_many(articles, progress)).result()


def _extract_each(
    extractor: Extractor, articles: Sequence[Article], progress: Progress | None
) -> list[ArticleClaims]:
    results = []
    for article in articles:
        results.append(extractor.extract(article))
        if progress is not None:
            progress(1)
    return results

"""The extractor protocols every backend implements."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol, runtime_checkable

from stargate_digest.models import Article, ArticleClaims

Progress = Callable[[int], None]


class Extractor(Protocol):
    """Turns one article into claims; must not raise for a single bad article."""

    name: str

    @property
    def version(self) -> str:
        """What the claims depend on besides the article (code, topic, prompt, model):
        a stored result is reused only while this stays the same."""
        ...

    def extract(self, article: Article) -> ArticleClaims:
        """Claims for ``article``, with ``error`` set instead of raising on failure."""
        ...


@runtime_checkable
class ConcurrentExtractor(Protocol):
    """A backend that is faster on many articles at once (network-bound: the LLM)."""

    name: str

    @property
    def version(self) -> str: ...

    def extract(self, article: Article) -> ArticleClaims: ...

    async def extract_many(
        self, articles: Sequence[Article], progress: Progress | None = None
    ) -> list[ArticleClaims]:
        """Claims for every article, in order, with ``error`` set per failed article.

        ``progress`` is called with the number of articles just finished.
        """
        ...

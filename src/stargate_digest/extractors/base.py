"""The extractor protocol every backend implements."""

from __future__ import annotations

from typing import Protocol

from stargate_digest.models import Article, ArticleClaims


class Extractor(Protocol):
    """Turns one article into claims; must not raise for a single bad article."""

    name: str

    def extract(self, article: Article) -> ArticleClaims:
        """Claims for ``article``, with ``error`` set instead of raising on failure."""
        ...

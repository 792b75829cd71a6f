"""An article made from a sentence written for a test, as the rules extractor reads it."""

from __future__ import annotations

from stargate_digest.ingest.draft import content_hash
from stargate_digest.models import Article


def article(text: str, language: str = "en", title: str | None = None) -> Article:
    return Article(
        id="page",
        title=title,
        language=language,
        text=text,
        content_hash=content_hash(None, text),
        source="page.txt",
        format="text",
    )

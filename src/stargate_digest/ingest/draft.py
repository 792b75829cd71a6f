"""What a format reader hands on: raw body and metadata, before cleaning and language id."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime

from stargate_digest.ingest.cleaning import clean_text, strip_format_chars
from stargate_digest.ingest.language import identify_language, normalize_language_tag
from stargate_digest.models import Article, ArticleFormat


@dataclass(frozen=True)
class Draft:
    """One article as a reader found it; ``key`` tells entries of one document apart."""

    body: str
    format: ArticleFormat
    title: str | None = None
    url: str | None = None
    published: datetime | None = None
    declared_language: str | None = None
    detect_title: bool = False
    key: str | None = None


def content_hash(title: str | None, text: str) -> str:
    """Stable identity of an article's content across runs and sources."""
    digest = hashlib.sha256(f"{title or ''}\n\n{text}".encode()).hexdigest()
    return f"sha256:{digest}"


def finish(draft: Draft, article_id: str, source: str) -> Article:
    """Clean the body, identify the language and hash the result."""
    cleaned = clean_text(
        draft.body, draft.title, detect_title=draft.detect_title, source=article_id
    )
    declared = normalize_language_tag(draft.declared_language)
    return Article(
        id=article_id,
        title=cleaned.title,
        url=strip_format_chars(draft.url) if draft.url else None,
        published=draft.published,
        language=identify_language(cleaned.text, declared),
        text=cleaned.text,
        content_hash=content_hash(cleaned.title, cleaned.text),
        source=strip_format_chars(source),  # a file name can carry bidi controls too
        format=draft.format,
        chars_dropped=cleaned.chars_dropped,
        lines_dropped=len(cleaned.dropped),
    )

"""Whole HTML pages: main text through trafilatura, metadata from the head and JSON-LD."""

from __future__ import annotations

from stargate_digest.ingest.draft import Draft
from stargate_digest.ingest.markup import page_metadata, page_to_text


def read_html(page: str, fetched_url: str | None = None) -> list[Draft]:
    """One article per page; a page with no main text yields none."""
    metadata = page_metadata(page, fetched_url)
    body = page_to_text(page, metadata.url)
    if not body.strip():
        return []
    return [
        Draft(
            body=body,
            format="html",
            title=metadata.title,
            url=metadata.url,
            published=metadata.published,
            declared_language=metadata.language,
        )
    ]

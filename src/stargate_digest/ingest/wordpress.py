"""WordPress REST API posts (``/wp-json/wp/v2/posts``): one post or a list of them."""

from __future__ import annotations

from typing import Any

from stargate_digest.ingest.draft import Draft
from stargate_digest.ingest.markup import fragment_to_text, parse_timestamp, strip_tags


def _rendered(post: dict[str, Any], field: str) -> str | None:
    value = post.get(field)
    if isinstance(value, dict):
        rendered = value.get("rendered")
        return rendered if isinstance(rendered, str) else None
    return value if isinstance(value, str) else None


def is_wordpress_post(value: object) -> bool:
    """A dict with ``content.rendered``, the mark of a REST post."""
    return isinstance(value, dict) and _rendered(value, "content") is not None


def read_wordpress(document: object) -> list[Draft]:
    """Drafts for a post or a list of posts; the caller has checked the shape."""
    posts = document if isinstance(document, list) else [document]
    many = len(posts) > 1
    return [
        _draft(post, many) for post in posts if isinstance(post, dict) and is_wordpress_post(post)
    ]


def _draft(post: dict[str, Any], many: bool) -> Draft:
    title = _rendered(post, "title")
    # date_gmt is UTC; `date` is site-local with no offset, read as UTC (docs/formats.md).
    published = parse_timestamp(post.get("date_gmt") or post.get("date"))
    link = post.get("link")
    return Draft(
        body=fragment_to_text(_rendered(post, "content") or ""),
        format="wordpress",
        title=strip_tags(title) if title else None,
        url=link if isinstance(link, str) else None,
        published=published,
        key=str(post.get("id") or post.get("slug") or "") if many else None,
    )

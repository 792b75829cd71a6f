"""WordPress REST API posts (``/wp-json/wp/v2/posts``): one post or a list of them."""

from __future__ import annotations

import logging
from typing import Any

from stargate_digest.errors import InputError
from stargate_digest.ingest.draft import Draft
from stargate_digest.ingest.markup import fragment_to_text, parse_timestamp, strip_tags

log = logging.getLogger(__name__)


def _rendered(post: dict[str, Any], field: str) -> str | None:
    value = post.get(field)
    if isinstance(value, dict):
        rendered = value.get("rendered")
        return rendered if isinstance(rendered, str) else None
    return value if isinstance(value, str) else None


def is_wordpress_post(value: object) -> bool:
    """A dict with ``content.rendered``, the mark of a REST post."""
    return isinstance(value, dict) and _rendered(value, "content") is not None


def looks_like_post(value: object) -> bool:
    """A dict with a ``content`` field, readable or not: a post, perhaps a broken one."""
    return isinstance(value, dict) and "content" in value


def read_wordpress(document: object, source: str = "-") -> list[Draft | InputError]:
    """A draft for each post of a post or list of posts, or an error naming the post.

    Each post is its own input: one with no readable content, or one that trips the
    reader, is an InputError naming ``source`` and the post, and the others are read.
    """
    posts = document if isinstance(document, list) else [document]
    many = len(posts) > 1
    entries: list[Draft | InputError] = []
    for number, post in enumerate(posts, start=1):
        name = _post_name(source, post, number) if many else source
        if not is_wordpress_post(post):
            entries.append(InputError(name, "is not a WordPress post with content.rendered"))
            continue
        try:
            entries.append(_draft(post, many))
        except Exception as exc:  # odd field types must cost this post only
            log.debug("%s: unexpected error while reading", name, exc_info=exc)
            entries.append(InputError(name, f"could not be read ({type(exc).__name__}: {exc})"))
    return entries


def _post_name(source: str, post: object, number: int) -> str:
    """``source (post 12)``: the post's id when it has a usable one, else its position."""
    ident = post.get("id") if isinstance(post, dict) else None
    if isinstance(ident, (int, str)) and str(ident).strip():
        return f"{source} (post {str(ident).strip()[:40]})"
    return f"{source} (entry {number})"


def _text_field(post: dict[str, Any], field: str) -> str | None:
    value = post.get(field)
    return value if isinstance(value, str) else None


def _draft(post: dict[str, Any], many: bool) -> Draft:
    title = _rendered(post, "title")
    # date_gmt is UTC; `date` is site-local with no offset, read as UTC (docs/formats.md).
    published = parse_timestamp(_text_field(post, "date_gmt") or _text_field(post, "date"))
    ident = post.get("id") if isinstance(post.get("id"), (int, str)) else None
    slug = _text_field(post, "slug")
    return Draft(
        body=fragment_to_text(_rendered(post, "content") or ""),
        format="wordpress",
        title=strip_tags(title) if title else None,
        url=_text_field(post, "link"),
        published=published,
        key=str(ident or slug or "") if many else None,
    )

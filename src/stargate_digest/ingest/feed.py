"""RSS and Atom feeds: each entry becomes an article."""

from __future__ import annotations

import calendar
from datetime import UTC, datetime
from typing import Any

from stargate_digest.errors import InputError
from stargate_digest.ingest.draft import Draft
from stargate_digest.ingest.markup import fragment_to_text, strip_tags


def _published(entry: Any) -> datetime | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if not parsed:
        return None
    return datetime.fromtimestamp(calendar.timegm(parsed), tz=UTC)


def _body(entry: Any) -> str:
    contents = entry.get("content") or []
    html = max((c.get("value", "") for c in contents), key=len, default="")
    return fragment_to_text(html or entry.get("summary", ""))


def _title(entry: Any) -> str | None:
    """The entry's title as text: feedparser says whether it is plain text (shown as is,
    "<script>" included when the feed escaped it) or HTML (tags removed)."""
    detail = entry.get("title_detail") or {}
    value = detail.get("value", entry.get("title"))
    if not isinstance(value, str) or not value.strip():
        return None
    if "html" in str(detail.get("type", "")):
        return strip_tags(value)
    return " ".join(value.split())


def read_feed(text: str, source: str) -> list[Draft]:
    """Drafts for every entry with some text; InputError naming ``source`` when none has."""
    import feedparser  # lazy: only feeds need it

    parsed = feedparser.parse(text)
    language = parsed.feed.get("language")
    drafts = []
    for index, entry in enumerate(parsed.entries, start=1):
        body = _body(entry)
        if not body.strip():
            continue
        title = _title(entry)
        drafts.append(
            Draft(
                body=body,
                format="feed",
                title=title,
                url=entry.get("link"),
                published=_published(entry),
                declared_language=language,
                key=f"{index:03d}",
            )
        )
    if not drafts:
        problem = parsed.get("bozo_exception") if parsed.get("bozo") else None
        reason = "is an RSS/Atom feed with no entry that has any text"
        if problem is not None:
            reason += f" (the feed is malformed or cut off: {problem})"
        raise InputError(source, reason)
    return drafts

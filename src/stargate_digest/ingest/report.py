"""The human-readable table of ``stargate-digest ingest``."""

from __future__ import annotations

from collections.abc import Sequence

from stargate_digest.models import Article


def _shorten(text: str | None, width: int) -> str:
    text = (text or "-").replace("\n", " ")
    return text if len(text) <= width else text[: width - 1] + "…"


def ingest_table(articles: Sequence[Article]) -> str:
    """One block per article: what was read and how much was kept and dropped."""
    blocks = []
    for article in articles:
        published = article.published.isoformat() if article.published else "-"
        blocks.append(
            f"{article.id}\n"
            f"  title:     {_shorten(article.title, 100)}\n"
            f"  url:       {article.url or '-'}\n"
            f"  published: {published}\n"
            f"  language:  {article.language}\n"
            f"  format:    {article.format}\n"
            f"  kept:      {len(article.text)} chars\n"
            f"  dropped:   {article.chars_dropped} chars in {article.lines_dropped} lines\n"
        )
    return "\n".join(blocks)

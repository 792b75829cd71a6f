"""One entry point for every output format of a digest."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from stargate_digest.models import Article, Digest

Format = Literal["markdown", "json", "html"]
EXTENSIONS: dict[Format, str] = {"markdown": "md", "json": "json", "html": "html"}


def render(digest: Digest, articles: Sequence[Article], fmt: Format) -> str:
    """The digest in ``fmt``; ``articles`` give the HTML page its highlighted texts."""
    if fmt == "json":
        from stargate_digest.digest.jsonout import digest_json

        return digest_json(digest)
    if fmt == "html":
        from stargate_digest.digest.html import render_html

        return render_html(digest, articles)
    from stargate_digest.digest.markdown import render_markdown

    return render_markdown(digest)

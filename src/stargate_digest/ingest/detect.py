"""Tell a document's format from its content; every seed ends in .txt, so names mean nothing."""

from __future__ import annotations

import re
from typing import Literal

Format = Literal["json", "feed", "html", "markdown", "text"]

# JSON that can hold posts: an object (``{"`` or ``{}``) or a list of objects/lists/strings.
# A text that merely starts with a bracket ("[Update] ...") is not JSON.
_JSON = re.compile(r"\{\s*(?:\"|\}|$)|\[\s*(?:[\[{\"\]]|$)")
_FEED = re.compile(r"<(rss|feed|rdf:RDF)[\s>]", re.IGNORECASE)
_PAGE = re.compile(r"<(!doctype html|html|head|body)[\s>]", re.IGNORECASE)
_HTML_START = re.compile(r"<(!--|!doctype|[a-z][a-z0-9:]*)(?=[\s>/])", re.IGNORECASE)
_MARKDOWN = re.compile(r"^(#{1,6} \S|\s*[-*] \S|>\s|```)|\[[^\]]+\]\([^)]+\)", re.MULTILINE)
_FRONT_MATTER = re.compile(r"---[ \t]*\n(?:[\w-]+[ \t]*:.*\n)+---[ \t]*(?:\n|$)")


def detect_format(text: str) -> Format:
    """Sniff the first few kilobytes: JSON, feed XML, HTML, Markdown, else plain text.

    HTML is a document that starts with markup or has page-level tags; a Markdown or
    text article that mentions ``<p>`` in passing stays what it is.
    """
    head = text.lstrip("\ufeff \t\r\n")[:4096]
    if _JSON.match(head):
        return "json"
    starts_with_markup = head.startswith("<?xml") or _HTML_START.match(head) is not None
    feed, page = _FEED.search(head), _PAGE.search(head)
    if starts_with_markup and feed and (page is None or feed.start() < page.start()):
        return "feed"
    if starts_with_markup or page:
        return "html"
    if _FRONT_MATTER.match(head) or head.startswith("# ") or len(_MARKDOWN.findall(head)) >= 2:
        return "markdown"
    return "text"

"""HTML to text: fragments (WordPress, feed entries) directly, whole pages via trafilatura."""

from __future__ import annotations

import html
import json
import logging
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urljoin

import lxml.etree  # type: ignore[import-untyped]
import lxml.html  # type: ignore[import-untyped]

_BLOCK_TAGS = {
    "p", "div", "section", "article", "header", "footer", "aside", "blockquote", "pre",
    "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "table", "tr", "figure",
    "figcaption", "hr", "dl", "dt", "dd",
}  # fmt: skip
_DROP_TAGS = ("script", "style", "noscript", "template", "iframe", "svg")
_SPACES = re.compile(r"[ \t\f\v\u00a0\u202f]+")
# lxml refuses str input that carries an XML encoding declaration (XHTML pages do).
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")


def _without_xml_declaration(markup: str) -> str:
    return _XML_DECLARATION.sub("", markup, count=1)


def strip_tags(fragment: str) -> str:
    """Inline HTML (a title) to plain text with entities decoded."""
    return _SPACES.sub(" ", html.unescape(re.sub(r"<[^>]+>", "", fragment))).strip()


def fragment_to_text(fragment: str) -> str:
    """An HTML fragment to text with one paragraph per block element."""
    if not fragment.strip():
        return ""
    try:
        root = lxml.html.fragment_fromstring(
            _without_xml_declaration(fragment), create_parent="div"
        )
    except (lxml.etree.ParserError, ValueError):
        return strip_tags(fragment)
    for element in list(root.iter(*_DROP_TAGS)):  # not while iterating: drop_tree edits
        element.drop_tree()
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        if element.tag == "br":
            element.tail = "\n" + (element.tail or "")
        elif element.tag in _BLOCK_TAGS:
            element.tail = "\n\n" + (element.tail or "")
            element.text = "\n\n" + (element.text or "")
    text = root.text_content()
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(lines)


@dataclass(frozen=True)
class PageMetadata:
    """What a page says about itself in its head and JSON-LD."""

    title: str | None
    url: str | None
    published: datetime | None
    language: str | None


def parse_timestamp(value: object) -> datetime | None:
    """ISO 8601 to an aware datetime; a time without an offset is read as UTC (documented).

    Anything else (a number, null, a malformed string) is no date."""
    if not isinstance(value, str) or not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _meta(tree: Any, *names: str) -> str | None:
    for name in names:
        for attribute in ("property", "name", "itemprop"):
            found = tree.xpath(f'//meta[@{attribute}="{name}"]/@content')
            if found and found[0].strip():
                return str(found[0]).strip()
    return None


def _json_ld_values(tree: Any, key: str) -> list[str]:
    """Every value of ``key`` in the page's JSON-LD blocks, however nested."""
    values: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            if isinstance(node.get(key), str):
                values.append(node[key])
            for child in node.values():
                walk(child)
        elif isinstance(node, list):
            for child in node:
                walk(child)

    for block in tree.xpath('//script[@type="application/ld+json"]/text()'):
        try:
            walk(json.loads(block))
        except ValueError:
            continue
    return values


def page_metadata(page: str, fetched_url: str | None = None) -> PageMetadata:
    """Title, canonical URL, publication time and declared language of a page.

    A relative canonical link is resolved against ``fetched_url``; a page lxml cannot
    parse at all has no metadata rather than an error (trafilatura gets its own go).
    """
    try:
        tree = lxml.html.document_fromstring(_without_xml_declaration(page))
    except (lxml.etree.ParserError, ValueError):
        return PageMetadata(title=None, url=fetched_url, published=None, language=None)
    # lxml has already decoded entities: this is the text the page shows, "<script>"
    # included when the page wrote &lt;script&gt;. Decoding or stripping tags again would
    # read shown text as markup.
    title = _meta(tree, "og:title", "twitter:title")
    if title is None:
        titles = tree.xpath("//title/text()")
        title = str(titles[0]) if titles else None
    canonical = tree.xpath('//link[@rel="canonical"]/@href')
    url = canonical[0].strip() if canonical else _meta(tree, "og:url")
    if url and fetched_url:
        url = urljoin(fetched_url, url)
    stamps = [_meta(tree, name) for name in ("article:published_time", "datePublished", "pubdate")]
    stamps += [*_json_ld_values(tree, "datePublished"), _meta(tree, "date")]
    published = next(filter(None, map(parse_timestamp, stamps)), None)
    languages = tree.xpath("/html/@lang")
    language = str(languages[0]) if languages else _meta(tree, "og:locale")
    title = _SPACES.sub(" ", title).strip() if title else None
    return PageMetadata(
        title=title or None,
        url=url or fetched_url,
        published=published,
        language=language,
    )


def page_to_text(page: str, url: str | None = None) -> str:
    """The main text of a whole page, boilerplate removed by trafilatura.

    Deduplication uses a cache scoped to this one page: trafilatura's default cache is
    process-wide, so a page read twice in one process (or a paragraph shared by two
    articles) would be discarded the second time and results would depend on history.
    """
    import trafilatura  # lazy: half a second to import
    from trafilatura.deduplication import LRUCache

    _quiet_library_loggers()
    text = trafilatura.extract(
        _without_xml_declaration(page),
        url=url,
        include_comments=False,
        include_tables=True,
        favor_precision=True,
        deduplicate=LRUCache(),
    )
    return text or ""


def _quiet_library_loggers() -> None:
    """Keep trafilatura's warnings ("discarding data: ...") off a bare stderr.

    A NullHandler stops Python's last-resort handler from printing them when the
    application has not configured logging; records still propagate to any handler the
    application sets up. A page with no text is reported once, by us, as an InputError.
    """
    for name in ("trafilatura", "htmldate", "courlan"):
        logger = logging.getLogger(name)
        if not any(isinstance(h, logging.NullHandler) for h in logger.handlers):
            logger.addHandler(logging.NullHandler())

"""The Markdown digest is article text laid out as Markdown: rendered by a reader's tool
(markdown-it-py here, as a site generator or a mail client would), nothing in a title,
quote, file name or URL may become markup: no script, no event handler, no javascript:
link, no broken table (issue 13, item 8)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import lxml.html  # type: ignore[import-untyped]
import markdown
import pytest
from markdown_it import MarkdownIt

from stargate_digest.digest.markdown import render_markdown
from stargate_digest.digest.templating import escape_markdown, md_link
from stargate_digest.models import (
    Article,
    CheckStatus,
    Claim,
    ConsistencyCheck,
    Digest,
    Disagreement,
    KeyFigure,
    Severity,
    SourceSummary,
    ValueSupport,
)

WHEN = datetime(2026, 1, 1, tzinfo=UTC)
PAYLOADS = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(2)">',
    "[click](javascript:alert(3))",
    "<javascript:alert(4)>",
    "![x](javascript:alert(5))",
    "*bold* _em_ `code` ~~gone~~ | cell |",
    "&lt;script&gt;alert(6)&lt;/script&gt;",
    "\n# Heading\n- item\n\n| a | b |\n|---|---|\n",
    '<a href="javascript:alert(7)">x</a>',
    "[ref]: javascript:alert(8)\n\n[ref]",
]
HOSTILE = " ".join(PAYLOADS)


def _digest(url: str) -> Digest:
    text = f"{HOSTILE} The plan costs $5 billion in total."
    start = text.index("The plan")
    claim = Claim(id="evil#1", source_id="evil", subject=HOSTILE, metric="total_investment",
                  value=5e9, unit="USD", quote=HOSTILE + " costs $5 billion", start=start,
                  end=len(text), statement=HOSTILE, scope=HOSTILE,
                  verification_note=HOSTILE)  # fmt: skip
    rejected = claim.model_copy(update={"id": "evil#2", "verified": False})
    source = SourceSummary(id=HOSTILE, title=HOSTILE, url=url, published=None, language="de",
                           content_hash="sha256:0", source=HOSTILE, format="html",
                           summary=HOSTILE)  # fmt: skip
    other = source.model_copy(update={"id": "evil", "url": None})
    support = ValueSupport(value=5e9, unit="USD", source_ids=["evil", HOSTILE],
                           claim_ids=["evil#1"], scope=HOSTILE, explanation=HOSTILE,
                           as_of="2025-01")  # fmt: skip
    return Digest(
        generated_at=WHEN, backend=HOSTILE, sources=[source, other], claims=[claim, rejected],
        disagreements=[Disagreement(id="d1", subject=HOSTILE, metric=HOSTILE, scope=HOSTILE,
                                    kind="update", severity=Severity.HIGH,
                                    values=[support, support], explanation=HOSTILE,
                                    likely_error=HOSTILE)],
        key_figures=[KeyFigure(subject=HOSTILE, metric=HOSTILE, value=5e9, unit="USD",
                               source_ids=["evil"], claim_ids=["evil#1"], outliers=[support])],
        consistency_checks=[ConsistencyCheck(source_id="evil", kind="equivalence",
                                             status=CheckStatus.INCONSISTENT,
                                             claim_ids=["evil#1"], detail=HOSTILE)],
        summary=HOSTILE, errors=[HOSTILE],
    )  # fmt: skip


def _rendered(markdown: str, renderer: Callable[[str], str]) -> Any:
    return lxml.html.fragment_fromstring(renderer(markdown), create_parent="div")


RENDERERS: dict[str, Callable[[str], str]] = {
    # Raw HTML passed through, as many site generators and mail clients do.
    "commonmark+html": MarkdownIt("commonmark", {"html": True}).render,
    "gfm-like": MarkdownIt("gfm-like", {"html": True, "linkify": False}).render,
    # Python-Markdown honours backslash escapes only before some characters (not '<').
    "python-markdown": lambda text: markdown.markdown(text, extensions=["tables"]),
}


@pytest.mark.parametrize("renderer", RENDERERS.values(), ids=RENDERERS.keys())
@pytest.mark.parametrize(
    "url",
    ["javascript:alert(9)", "JaVaScRiPt:alert(9)", "data:text/html,<script>alert(9)</script>",
     'https://example.com/a(b)"><script>alert(9)</script>', "https://example.com/ok?a=1&b=2"],
)  # fmt: skip
def test_latest_md_rendered_runs_nothing_and_links_only_http(
    url: str, renderer: Callable[[str], str]
) -> None:
    markdown = render_markdown(_digest(url))
    tree = _rendered(markdown, renderer)
    assert not list(tree.iter("script", "img", "iframe", "object", "embed", "style"))
    for element in tree.iter():
        assert not [name for name in element.attrib if name.lower().startswith("on")]
    links = [a.get("href") for a in tree.iter("a")]
    assert all(href.lower().startswith(("http://", "https://")) for href in links), links
    if url.startswith("https://"):
        assert len(links) == 1  # the source's own link, its characters encoded
    else:
        assert links == []
    # The payloads are shown, as text, where a reader can see them.
    text = tree.text_content()
    assert "<script>alert(1)</script>" in text
    assert "[click](javascript:alert(3))" in text
    # Nothing a field contains made a heading, list item or extra table.
    assert [h.text_content() for h in tree.iter("h1")] == ["Digest of 2 sources"]
    assert "Heading" not in [h.text_content() for h in tree.iter("h1", "h2", "h3", "h4")]
    tables = 3 if "<table>" in renderer("| a |\n|---|\n| b |\n") else 0
    assert len(list(tree.iter("table"))) == tables  # at a glance, key figures, all claims


@pytest.mark.parametrize("renderer", RENDERERS.values(), ids=RENDERERS.keys())
def test_a_field_renders_as_exactly_its_text(renderer: Callable[[str], str]) -> None:
    for payload in [*PAYLOADS, "R&D costs 5 < 6 > 4", "005_oracle", "1. not a list", "#tag"]:
        html = renderer(f"text: {escape_markdown(payload)}\n\n{escape_markdown(payload)}")
        tree = lxml.html.fragment_fromstring(html, create_parent="div")
        first, second = (p.text_content() for p in tree.iter("p"))
        # whitespace collapses to single spaces; one at either edge of a field is kept
        lead = " " if payload[:1].isspace() else ""
        assert first.rstrip() == ("text: " + lead + " ".join(payload.split())).rstrip()
        assert second.rstrip() == " ".join(payload.split())


def test_escaping_keeps_ordinary_text_readable() -> None:
    assert escape_markdown("005_oracle: $500 billion (3 sources), R&D") == (
        "005_oracle: $500 billion (3 sources), R&D"
    )


def test_only_http_urls_become_markdown_links() -> None:
    assert md_link("site", "javascript:alert(1)") == "site"
    assert md_link("site", "https://example.com/a (b)") == "site"  # a space: not a URL
    assert md_link("a]b", "https://example.com/x(y)") == "[a\\]b](https://example.com/x%28y%29)"


def test_an_article_path_with_markup_is_escaped_too() -> None:
    digest = _digest("javascript:alert(1)")
    article = Article(id="x", language="en", text="t", content_hash="sha256:0",
                      source="<script>.txt", format="text")  # fmt: skip
    assert article.source not in render_markdown(digest)

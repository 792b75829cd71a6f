"""The HTML page: findings shown, article texts reproduced exactly, hostile input inert.

Pages are parsed back with lxml rather than searched as strings, so the checks see what a
browser builds: elements, attributes and text, not the escaped markup.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib.resources import files
from pathlib import Path
from typing import Any

import lxml.html  # type: ignore[import-untyped]
import pytest

from stargate_digest import build_digest, extract, load_articles
from stargate_digest.digest.html import render_html
from stargate_digest.models import (
    Article,
    CheckStatus,
    Claim,
    ConsistencyCheck,
    Digest,
    Disagreement,
    Severity,
    SourceSummary,
    ValueSupport,
)

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
WHEN = datetime(2026, 1, 1, tzinfo=UTC)


@dataclass
class Page:
    digest: Digest
    articles: list[Article]
    html: str

    @property
    def tree(self) -> Any:
        return lxml.html.document_fromstring(self.html)


@pytest.fixture(scope="module")
def seeds_page() -> Page:
    articles = load_articles([str(SEEDS)]).articles
    digest = build_digest(extract(articles), backend="rules", generated_at=WHEN)
    return Page(digest, articles, render_html(digest, articles))


def _text_of(article: Any) -> str:
    (body,) = article.find_class("text")
    return "\n\n".join(p.text_content() for p in body.iter("p"))


@dataclass
class Highlight:
    span: tuple[int, int]
    text: str
    claim_ids: list[str]
    anchors: list[str]
    fragments: int


def _highlights(article: Any) -> Iterator[Highlight]:
    """The marks of one article grouped by the span they belong to, in text order."""
    groups: dict[str, Highlight] = {}
    for mark in article.iter("mark"):
        start, end = map(int, mark.get("data-span").split(":"))
        group = groups.setdefault(
            mark.get("data-span"),
            Highlight((start, end), "", mark.get("data-claims").split(), [], 0),
        )
        group.text += mark.text_content()
        group.anchors += [a.get("id") for a in mark.find_class("anchor")]
        group.fragments += 1
    yield from groups.values()


def test_seeds_page_shows_the_disagreements_side_by_side(seeds_page: Page) -> None:
    tree = seeds_page.tree
    cards = tree.find_class("disagreement")
    assert len(cards) == len(seeds_page.digest.disagreements) == 2
    money, day = cards
    assert "high severity" in money.find_class("badge")[0].text_content()
    figures = [h.text_content() for h in money.find_class("figure")]
    assert figures == ["$500 billion", "$38 billion", "$4 trillion"]
    assert [h.text_content() for h in day.find_class("figure")] == [
        "January 22 (no year given)",
        "January 23, 2025",
    ]
    assert "low severity" in day.find_class("badge")[0].text_content()
    # Each value card quotes every claim behind it, verbatim: a long quote as a window of
    # whole words around its figure, the whole quote in its tooltip.
    first = money.find_class("value-card")[0]
    claims = {c.id: c for c in seeds_page.digest.claims}
    expected = [claims[i].quote for i in seeds_page.digest.disagreements[0].values[0].claim_ids]
    shown = list(first.iter("blockquote"))
    assert len(shown) == len(expected)
    for quote, full in zip(shown, expected, strict=True):
        text = quote.text_content()
        assert text == full or (text.strip("…") in full and quote.get("title") == full)
    assert "105 times" in money.find_class("explanation")[0].text_content()


def test_article_texts_are_reproduced_exactly_with_every_claim_highlighted_once(
    seeds_page: Page,
) -> None:
    tree = seeds_page.tree
    shared = 0
    elements = tree.find_class("source-text")
    assert len(elements) == len(seeds_page.articles)
    for article, element in zip(seeds_page.articles, elements, strict=True):
        assert _text_of(element) == article.text
        highlights = list(_highlights(element))
        spans = [h.span for h in highlights]
        assert spans == sorted(spans)
        assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans)), "overlap"
        for highlight in highlights:
            assert highlight.text == article.text[highlight.span[0] : highlight.span[1]]
            assert len(highlight.anchors) == len(highlight.claim_ids)
            shared += len(highlight.claim_ids) > 1
        own = [c for c in seeds_page.digest.claims if c.source_id == article.id and c.verified]
        for claim in own:
            holding = [h for h in highlights if claim.id in h.claim_ids]
            assert len(holding) == 1, claim.id
            assert claim.quote in holding[0].text
        assert sum(len(h.claim_ids) for h in highlights) == len(own)
    assert shared, "the seeds have claims sharing a sentence: they must share a highlight"


def test_every_internal_link_has_a_target(seeds_page: Page) -> None:
    tree = seeds_page.tree
    ids = {e.get("id") for e in tree.iter() if e.get("id")}
    targets = [a.get("href")[1:] for a in tree.iter("a") if a.get("href", "").startswith("#")]
    assert targets
    assert set(targets) <= ids
    claim_links = [t for t in targets if t.startswith("claim-")]
    assert len(set(claim_links)) >= 6  # the disagreements' quotes link to their highlights


def test_no_external_resources_only_the_sources_own_links(seeds_page: Page) -> None:
    tree = seeds_page.tree
    own_urls = {s.url for s in seeds_page.digest.sources if s.url}
    for element in tree.iter():
        for name, value in element.attrib.items():
            if name in ("src", "srcset", "action", "formaction", "poster", "data", "background"):
                pytest.fail(f"{element.tag} has {name}={value!r}")
            if name == "href":
                assert value.startswith("#") or value in own_urls, value
    assert not list(tree.iter("link", "script", "img", "iframe", "object", "embed"))
    style = "".join(s.text_content() for s in tree.iter("style"))
    assert "@import" not in style and "url(" not in style
    (policy,) = [m for m in tree.iter("meta") if m.get("http-equiv") == "Content-Security-Policy"]
    assert "default-src 'none'" in policy.get("content")
    assert tree.get("lang") == "en"


def test_headings_are_in_order(seeds_page: Page) -> None:
    levels = [int(e.tag[1]) for e in seeds_page.tree.iter("h1", "h2", "h3", "h4")]
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(b <= a + 1 for a, b in itertools.pairwise(levels))


HOSTILE = '<script>alert(1)</script>"><img src=x onerror=alert(2)>'


def _hostile_digest(url: str) -> tuple[Digest, list[Article]]:
    text = f"Title {HOSTILE}\n\nThe plan costs $5 billion {HOSTILE} in total.\n\nEnd."
    start = text.index("The plan")
    quote = text[start : text.index(" in total")]
    article = Article(id="evil", title=HOSTILE, url=url, language="en", text=text,
                      content_hash="sha256:0", source=HOSTILE, format="html")  # fmt: skip
    claim = Claim(id="evil#1", source_id="evil", subject=HOSTILE, metric="total_investment",
                  value=5e9, unit="USD", quote=quote, start=start,
                  end=start + len(quote))  # fmt: skip
    rejected = claim.model_copy(
        update={"id": "evil#2", "verified": False, "verification_note": HOSTILE, "value": HOSTILE}
    )
    source = SourceSummary(id="evil", title=HOSTILE, url=url, published=None, language="en",
                           content_hash="sha256:0", source=HOSTILE, format="html",
                           summary=HOSTILE)  # fmt: skip
    support = ValueSupport(value=5e9, unit="USD", source_ids=["evil"], claim_ids=["evil#1"])
    digest = Digest(
        generated_at=WHEN, backend=HOSTILE, sources=[source], claims=[claim, rejected],
        disagreements=[Disagreement(id="d1", subject=HOSTILE, metric=HOSTILE, scope=HOSTILE,
                                    severity=Severity.HIGH, values=[support, support],
                                    explanation=HOSTILE)],
        consistency_checks=[ConsistencyCheck(source_id="evil", kind="equivalence",
                                             status=CheckStatus.INCONSISTENT,
                                             claim_ids=["evil#1"], detail=HOSTILE)],
        summary=HOSTILE, errors=[HOSTILE],
    )  # fmt: skip
    return digest, [article]


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        " javascript:alert(1)",
        "java\tscript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        'https://example.com/"><script>alert(1)</script>',
        "http://[::1",
    ],
)
def test_hostile_input_comes_out_inert(url: str) -> None:
    digest, articles = _hostile_digest(url)
    page = render_html(digest, articles)
    tree = lxml.html.document_fromstring(page)
    assert not list(tree.iter("script", "img", "iframe", "object", "embed", "link"))
    for element in tree.iter():
        assert not [name for name in element.attrib if name.lower().startswith("on")]
    external = [a.get("href") for a in tree.iter("a") if not a.get("href").startswith("#")]
    # Only an http(s) URL is linked, and then exactly as given (its quotes stay inside).
    assert external == ([url] if url.startswith("https:") else [])
    # The hostile strings are shown as text, where a reader can see them.
    (article,) = tree.find_class("source-text")
    assert _text_of(article) == articles[0].text
    assert HOSTILE in tree.find_class("lead")[0].text_content()
    assert HOSTILE in tree.find_class("explanation")[0].text_content()
    assert "<script" not in re.sub(r"&lt;script", "", page.split("</style>", 1)[1])


def test_only_http_urls_become_links() -> None:
    digest, articles = _hostile_digest("https://example.com/a?b=1&c=2")
    tree = lxml.html.document_fromstring(render_html(digest, articles))
    (link,) = [a for a in tree.iter("a") if not a.get("href").startswith("#")]
    assert link.get("href") == "https://example.com/a?b=1&c=2"
    assert "noreferrer" in link.get("rel")
    assert "example.com" in tree.find_class("meta")[0].text_content()


def test_unverified_claims_are_listed_apart_and_not_highlighted() -> None:
    digest, articles = _hostile_digest("https://example.com/")
    tree = lxml.html.document_fromstring(render_html(digest, articles))
    (listed,) = tree.find_class("unverified")
    assert "not verified" in listed.text_content()
    assert HOSTILE in listed.text_content()  # its note and value, as text
    claims = [m.get("data-claims") for m in tree.iter("mark")]
    assert claims == ["evil#1"]


def test_a_highlight_across_a_paragraph_break_keeps_the_text_and_one_anchor() -> None:
    text = "It will cost $5\n\nbillion, they said. Then $7 billion more."
    article = Article(id="a", language="en", text=text, content_hash="sha256:0", source="a",
                      format="text")  # fmt: skip
    across = Claim(id="a#1", source_id="a", subject="X", metric="other", value=5e9, unit="USD",
                   quote=text[3:25], start=3, end=25)  # fmt: skip
    inside = across.model_copy(update={"id": "a#2", "start": 13, "end": 15, "quote": "$5"})
    later = across.model_copy(update={"id": "a#3", "start": 43, "end": 53, "quote": text[43:53]})
    source = SourceSummary(id="a", title=None, url=None, published=None, language="en",
                           content_hash="sha256:0", source="a", format="text")  # fmt: skip
    digest = Digest(generated_at=WHEN, backend="rules", sources=[source],
                    claims=[later, inside, across])  # fmt: skip
    tree = lxml.html.document_fromstring(render_html(digest, [article]))
    (element,) = tree.find_class("source-text")
    assert _text_of(element) == text
    first, second = _highlights(element)
    # Two fragments, one per paragraph; the paragraph break between them is not marked.
    assert (first.span, first.fragments) == ((3, 25), 2)
    assert first.text == text[3:25].replace("\n\n", "")
    assert sorted(first.anchors) == ["claim-a-1", "claim-a-2"]
    assert (second.span, second.anchors) == ((43, 53), ["claim-a-3"])


def test_an_empty_digest_still_makes_a_page() -> None:
    digest = Digest(generated_at=WHEN, backend="rules", sources=[], claims=[])
    tree = lxml.html.document_fromstring(render_html(digest, []))
    assert tree.find_class("lead")[0].text_content() == "0 sources, 0 claims."
    assert [h.text_content() for h in tree.iter("h2")] == ["Summary", "Sources"]


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


@pytest.mark.parametrize(
    ("text", "background"),
    [
        ("ink", "paper"), ("muted", "paper"), ("muted", "page"), ("muted", "wash"),
        ("accent", "paper"), ("accent", "page"), ("accent", "chip"), ("ink", "mark"),
        ("muted", "mark"),
        ("ink", "disputed"), ("muted", "disputed"), ("high-ink", "high-bg"),
        ("medium-ink", "medium-bg"), ("low-ink", "low-bg"), ("ok-ink", "ok-bg"),
    ],
)  # fmt: skip
def test_text_colours_meet_wcag_aa_contrast(text: str, background: str) -> None:
    css = files("stargate_digest.digest").joinpath("page.css").read_text(encoding="utf-8")
    colours = dict(re.findall(r"--([\w-]+):\s*(#[0-9a-fA-F]{6})", css))
    low, high = sorted((_luminance(colours[text]), _luminance(colours[background])))
    assert (high + 0.05) / (low + 0.05) >= 4.5

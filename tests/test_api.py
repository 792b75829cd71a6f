"""The Python API: async extraction, build_digest without redundant arguments or a second
reconciliation, public renderers and formatter, the version from the package metadata."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from importlib.metadata import version
from pathlib import Path

import pytest

import stargate_digest
from stargate_digest import (
    aextract,
    build_digest,
    describe,
    extract,
    load_articles,
    reconcile,
    render,
    render_html,
    render_markdown,
)
from stargate_digest.extractors.base import ConcurrentExtractor
from stargate_digest.extractors.rules import RulesExtractor
from stargate_digest.models import Article, ArticleClaims

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


class _Concurrent(ConcurrentExtractor):
    """The rules, behind the async interface the LLM backend has."""

    name = "rules"

    def __init__(self) -> None:
        self.rules = RulesExtractor()

    @property
    def version(self) -> str:
        return self.rules.version

    def extract(self, article: Article) -> ArticleClaims:
        return self.rules.extract(article)

    async def extract_many(
        self, articles: Sequence[Article], progress: Callable[[int], None] | None = None
    ) -> list[ArticleClaims]:
        await asyncio.sleep(0)
        return [self.rules.extract(a) for a in articles]


@pytest.fixture(scope="module")
def articles() -> list[Article]:
    return load_articles([str(SEEDS)]).articles


def test_aextract_awaits_inside_a_running_loop(articles: list[Article]) -> None:
    async def notebook_cell() -> tuple[list[ArticleClaims], list[ArticleClaims]]:
        awaited = await aextract(articles, _Concurrent())
        blocking = extract(articles, _Concurrent())  # a plain call in a cell works too
        return awaited, blocking

    awaited, blocking = asyncio.run(notebook_cell())
    assert [len(r.claims) for r in awaited] == [len(r.claims) for r in blocking]
    assert sum(len(r.claims) for r in awaited) > 10


def test_build_digest_takes_an_existing_reconciliation_and_derives_the_backend(
    articles: list[Article], monkeypatch: pytest.MonkeyPatch
) -> None:
    results = extract(articles)
    found = reconcile(results)
    calls: list[object] = []

    def counted(*args: object, **kwargs: object) -> object:
        calls.append(args)
        return found

    monkeypatch.setattr("stargate_digest.digest.build.reconcile", counted)
    digest = build_digest(results, reconciliation=found)
    assert calls == []  # reconciled once, by the caller
    assert digest.backend == "rules"
    assert digest.disagreements == found.disagreements


def test_renderers_and_formatter_are_public(articles: list[Article]) -> None:
    results = extract(articles)
    digest = build_digest(results)
    assert render_markdown(digest).startswith("# Digest")
    assert render_html(digest, articles).startswith("<!DOCTYPE html>")
    assert render(digest, articles, "json").startswith("{")
    assert describe(digest.claims[1]) == "$38 billion"


def test_the_version_comes_from_the_package_metadata(capsys: pytest.CaptureFixture[str]) -> None:
    from stargate_digest.cli import main

    assert stargate_digest.__version__ == version("stargate-digest")
    with pytest.raises(SystemExit):
        main(["--version"])
    assert capsys.readouterr().out == f"stargate-digest {version('stargate-digest')}\n"

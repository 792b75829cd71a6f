"""The real-coverage corpus (tests/corpus/) is what quality is measured on: keep it honest.

Every quote must occur in the text our ingestion reads, every label must come from the
story's own profile, and every value of a gold disagreement must be backed by a gold claim
of an article it names. A change to ingestion that moves a quote fails here first.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest

from stargate_digest.corpus import GoldValue, Story, find_stories, held_out, load_story
from stargate_digest.evaluation import GoldClaim
from stargate_digest.ingest import IngestResult, load_articles
from stargate_digest.topic import load_topic

CORPUS = Path(__file__).parent / "corpus"
# the held-out stories too: only their form is checked here (quotes, labels), never a score
STORIES = (
    find_stories([CORPUS]) + [load_story(CORPUS / name) for name in sorted(held_out(CORPUS))]
    if any(CORPUS.glob("*/gold.json"))
    else []
)
NON_LATIN = {"ja", "zh", "ko"}


@cache
def _ingested(articles: Path) -> IngestResult:
    return load_articles([articles])


def _ids(story: Story) -> Iterator[str]:
    yield from (path.stem for path in sorted(story.articles.glob("*.md")))


def test_the_corpus_is_as_large_and_varied_as_promised() -> None:
    assert len(STORIES) >= 3
    articles = [a for story in STORIES for a in _ingested(story.articles).articles]
    assert len(articles) >= 36
    languages = {a.language for a in articles}
    assert len(languages) >= 6
    assert len(languages & NON_LATIN) >= 2
    sites = {_front_matter(story, i)["site"] for story in STORIES for i in _ids(story)}
    assert len(sites) >= 30


def test_every_held_out_name_is_a_story_and_some_story_is_tuned_on() -> None:
    """A misspelt name in held_out.txt would quietly make a held-out story tuned-on (and
    run it through the extractor in the browser test): every name must be a story."""
    names = {story.name for story in STORIES}
    assert held_out(CORPUS) <= names
    assert names - held_out(CORPUS)


def _front_matter(story: Story, article_id: str) -> dict[str, str]:
    raw = (story.articles / f"{article_id}.md").read_text("utf-8")
    fields: dict[str, str] = {}
    for line in raw.split("---", 2)[1].strip().splitlines():
        key, _, value = line.partition(":")
        fields[key.strip()] = value.strip()
    return fields


@pytest.mark.parametrize("story", STORIES, ids=lambda s: s.name)
def test_every_article_is_read_with_its_recorded_metadata(story: Story) -> None:
    result = _ingested(story.articles)
    assert result.errors == []
    by_id = {a.id: a for a in result.articles}
    assert sorted(by_id) == sorted(_ids(story))
    for article_id, article in by_id.items():
        fields = _front_matter(story, article_id)
        assert fields.get("url", "").startswith(("http://", "https://")), article_id
        assert fields.get("query"), article_id
        assert fields.get("site"), article_id
        assert article.language == fields["lang"], article_id
        assert (article.published is not None) == bool(fields.get("date")), article_id
        assert len(article.text) <= 2_600, article_id


@pytest.mark.parametrize("story", STORIES, ids=lambda s: s.name)
def test_every_gold_claim_is_grounded_and_labelled_from_the_profile(story: Story) -> None:
    texts = {a.id: a.text for a in _ingested(story.articles).articles}
    topic = load_topic(story.profile)
    claims = story.claims()
    assert claims
    for claim in claims:
        where = f"{claim.source_id}: {claim.quote!r}"
        assert claim.quote in texts[claim.source_id], where
        assert claim.subject in topic.subjects, where
        assert claim.metric in topic.metrics or claim.metric == "other", where
        assert claim.scope is None or claim.scope in topic.scopes, where
        if claim.unit == "date":
            assert isinstance(claim.value, str), where
        if isinstance(claim.value_max, str):  # a range of dates
            assert claim.unit == "date" and str(claim.value) < claim.value_max, where
        elif claim.value_max is not None:
            assert isinstance(claim.value, float | int) and claim.value_max > claim.value, where


def _backs(claim: GoldClaim, value: GoldValue) -> bool:
    if claim.unit != value.unit:
        return False
    if isinstance(value.value, str) or isinstance(claim.value, str):
        return str(claim.value) == str(value.value)
    return math.isclose(float(claim.value), float(value.value), rel_tol=1e-9)


@pytest.mark.parametrize("story", STORIES, ids=lambda s: s.name)
def test_every_gold_disagreement_value_is_backed_by_gold_claims(story: Story) -> None:
    claims = story.claims()
    disagreements = story.gold_disagreements()
    assert disagreements
    assert len({d.id for d in disagreements}) == len(disagreements)
    for disagreement in disagreements:
        for value in disagreement.values:
            for source in value.source_ids:
                assert any(
                    c.source_id == source and c.subject == disagreement.subject and _backs(c, value)
                    for c in claims
                ), f"{disagreement.id}: {source} gives no claim of {value.value} {value.unit}"

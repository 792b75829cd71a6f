"""Branch g16q1 (eighth turn): rules of languages and news pages found on Kumamoto's
pages, each tested on sentences written for the test, none copied from a page."""

from __future__ import annotations

from functools import cache

import pytest
from pages import article

from stargate_digest.extractors.currency_rules import story_currencies
from stargate_digest.extractors.rules import RulesExtractor
from stargate_digest.models import Claim
from stargate_digest.quantities import find_mentions
from stargate_digest.topic import TopicProfile, load_topic


@cache
def with_currencies(*codes: str) -> RulesExtractor:
    """The bundled profile, its figures' currencies narrowed to ``codes``."""
    data = load_topic().model_dump()
    data["unlabelled_currencies"] = list(codes)
    return RulesExtractor(TopicProfile.model_validate(data))


@cache
def load_topic_extractor() -> RulesExtractor:
    return RulesExtractor(load_topic())


def money(extractor: RulesExtractor, text: str, language: str) -> list[Claim]:
    made = extractor.extract(article(text, language)).claims
    return [c for c in made if c.verified and c.metric == "total_investment"]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("A Stargate vai investir ¥900 bilhões no novo campus.", "pt"),
        ("Stargate will invest ¥900 billion in the new campus.", "en"),
        ("Stargate investira ¥900 milliards dans le nouveau campus.", "fr"),
    ],
)
def test_an_open_symbol_takes_the_one_reading_among_the_storys_currencies(
    text: str, language: str
) -> None:
    """'¥' may be yen or yuan: in a story whose figures are in dollars and yen it is the
    yen; in one with both (the bundled profile), or neither, it stays open."""
    (claim,) = money(with_currencies("USD", "JPY", "EUR"), text, language)
    assert (claim.value, claim.unit) == (900e9, "JPY")
    (claim,) = money(with_currencies("USD", "CNY"), text, language)
    assert claim.unit == "CNY"
    (claim,) = money(load_topic_extractor(), text, language)
    assert (claim.unit, claim.currency_candidates) == ("XXX", ["JPY", "CNY"])
    (claim,) = money(with_currencies("USD", "EUR"), text, language)
    assert claim.unit == "XXX"


def test_a_settled_symbol_leaves_a_stated_currency_alone() -> None:
    """Only an open symbol is narrowed: "US$" and "yuan" say their currency themselves,
    even one the story's list lacks."""
    claims = money(
        with_currencies("JPY"), "Stargate will invest US$9 billion and 60 billion yuan.", "en"
    )
    assert sorted(c.unit or "" for c in claims) == ["CNY", "USD"]


def test_the_mention_says_why_its_symbol_was_settled() -> None:
    """The reading keeps its reason (``currency_resolution``), as the parser's own do."""
    (mention,) = story_currencies(find_mentions("¥900 bilhões", "pt"), frozenset({"JPY"}))
    assert mention.unit == "JPY"
    assert mention.currency_resolution is not None
    assert "JPY or CNY" in mention.currency_resolution

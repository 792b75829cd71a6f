"""Issue 12 (branch g12k): how a profile's part names are read in running text, each
rule tested on a sentence written for the test (none copied from a page)."""

from __future__ import annotations

from functools import cache

import pytest
from pages import article

from stargate_digest.extractors.rules import RulesExtractor
from stargate_digest.topic import TopicProfile, load_topic


@cache
def with_expansion() -> RulesExtractor:
    """The bundled profile with a part whose name holds another part's ("Abilene
    expansion" holds "Abilene", the campus), as a story's phases often do."""
    data = load_topic().model_dump()
    data["scopes"]["Abilene expansion"] = {
        "kind": "phase",
        "aliases": ["Abilene expansion", "애빌린 확장", "阿比林扩建"],
    }
    return RulesExtractor(TopicProfile.model_validate(data))


def scope_of(text: str, language: str, value: float, unit: str) -> str | None:
    made = with_expansion().extract(article(text, language)).claims
    found = [c for c in made if c.value == value and c.unit == unit]
    assert len(found) == 1, [(c.value, c.unit, c.scope) for c in made]
    return found[0].scope


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("스타게이트는 애빌린 확장 계획을 발표했다. 이번 투자는 400억 달러 규모다.", "ko"),
        ("星际之门宣布了阿比林扩建计划。该项目耗资400亿美元。", "zh"),
        ("Stargate announced the Abilene expansion. This investment totals $40 billion.", "en"),
    ],
)
def test_a_name_inside_a_longer_name_is_not_named_as_well(text: str, language: str) -> None:
    """ "the Abilene expansion" names one part, the expansion: "this" in the next sentence
    points at it (had the campus inside its name been read as well, the sentence would
    name two parts, and "this" none)."""
    assert scope_of(text, language, 40e9, "USD") == "Abilene expansion"


def test_the_shorter_name_alone_still_names_its_part() -> None:
    text = "스타게이트는 애빌린에 캠퍼스를 짓는다. 이번 투자는 400억 달러 규모다."
    assert scope_of(text, "ko", 40e9, "USD") == "Abilene campus"

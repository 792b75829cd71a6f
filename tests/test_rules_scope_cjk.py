"""Issue 12, fourth turn: scope rules of Chinese, Japanese and Korean news copy (and the
European cases the same rules reach), each on sentences written for the test with the
bundled Stargate profile."""

from __future__ import annotations

import pytest
from pages import article

from stargate_digest.extractors.rules import RulesExtractor

EXTRACTOR = RulesExtractor()


def scopes(text: str, language: str, unit: str, title: str | None = None) -> list[str | None]:
    """The scopes of the claims in ``unit`` that the rules extractor finds in ``text``."""
    made = EXTRACTOR.extract(article(text, language, title)).claims
    return [c.scope for c in made if c.unit == unit]


@pytest.mark.parametrize(
    ("text", "scope"),
    [
        # A site marked as the topic or the frame of the sentence before sets the scene
        # for the next one, which names no part ...
        (
            "アビリーンでは、スターゲートが新しいキャンパスを建設している。電力は1.2ギガワットになる。",
            "Abilene campus",
        ),
        ("アビリーンは来年着工する。電力は1.2ギガワットになる。", "Abilene campus"),
        (
            "新たに建設される「アビリーン」は、来年着工する。電力は1.2ギガワットになる。",
            "Abilene campus",
        ),
        # ... not one the subject's sentence names mid-way, where Japanese puts places:
        # its first clause is the whole sentence, but it is about Stargate.
        (
            "スターゲートはアビリーンに新しいキャンパスを建設している。電力は1.2ギガワットになる。",
            None,
        ),
        (
            "スターゲートは、アビリーンに新しいキャンパスを建設している。電力は1.2ギガワットになる。",
            None,
        ),
    ],
)
def test_a_japanese_sentence_continues_the_site_the_one_before_is_about(
    text: str, scope: str | None
) -> None:
    assert scopes(text, "ja", "GW") == [scope]

"""The word tables build for every language, and the false friends are where they belong."""

from __future__ import annotations

import pytest

from stargate_digest.quantities.lexicon import LANGUAGES, SCALE_WORDS
from stargate_digest.quantities.patterns import Terms
from stargate_digest.quantities.vocabulary import vocabulary


@pytest.mark.parametrize("language", LANGUAGES)
def test_vocabulary_builds_without_conflicting_terms(language: str) -> None:
    """Building the tables raises if one surface carries two meanings."""
    tables = vocabulary(language)
    assert tables.tails.match("40 %", 2) is not None


def test_a_surface_with_two_meanings_is_refused_when_the_table_is_built() -> None:
    """The conflict the test above relies on being caught: "Billion" as 10^9 and 10^12."""
    with pytest.raises(ValueError, match="term 'billion' has two meanings: 9, 12"):
        Terms([("Billion", 9, True), ("billion", 12, True)])
    # the same meaning twice, or two meanings under exact case, is no conflict
    assert Terms([("bn", 9, True), ("BN", 9, True)]).match("bn", 0) is not None
    exact = Terms([("B", 9, False), ("b", 12, False)])
    hits = [exact.match(written, 0) for written in ("B", "b")]
    assert [hit.value if hit else None for hit in hits] == [9, 12]


@pytest.mark.parametrize(
    ("language", "word", "exponent"),
    [
        ("en", "billion", 9),
        ("de", "Billion", 12),
        ("de", "Milliarde", 9),
        ("fr", "billion", 12),
        ("fr", "milliard", 9),
        ("es", "billón", 12),
        ("es", "mil millones", 9),
        ("it", "miliardo", 9),
        ("pt", "bilhão", 9),
        ("pt", "bilião", 12),
        ("nl", "miljard", 9),
        ("nl", "biljoen", 12),
        ("pl", "miliard", 9),
        ("pl", "bilion", 12),
        ("ja", "億", 8),
        ("ja", "兆", 12),
        ("zh", "亿", 8),
        ("zh", "万亿", 12),
        ("ko", "억", 8),
        ("ko", "조", 12),
    ],
)
def test_false_friends(language: str, word: str, exponent: int) -> None:
    assert SCALE_WORDS[language][word] == exponent

"""The word tables build for every language, and the false friends are where they belong."""

from __future__ import annotations

import pytest

from stargate_digest.quantities.lexicon import LANGUAGES, SCALE_WORDS
from stargate_digest.quantities.vocabulary import vocabulary


@pytest.mark.parametrize("language", LANGUAGES)
def test_vocabulary_builds_without_conflicting_terms(language: str) -> None:
    """Building the tables raises if one surface carries two meanings."""
    tables = vocabulary(language)
    assert tables.tails.match("40 %", 2) is not None


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

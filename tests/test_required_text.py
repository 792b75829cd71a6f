"""The instruction check's prefilter (required_text.py) never hides a match."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stargate_digest.required_text import fold, required_literals
from stargate_digest.verify import (
    _INSTRUCTION_FLAGS,
    _instruction_alternatives,
    _instruction_words,
)


def instruction_pattern() -> re.Pattern[str]:
    """The reference the fast check is held to: every language's wordings as one regex
    (all tried on every text, since an injected sentence need not be in the article's
    language)."""
    return re.compile("|".join(f"(?:{a})" for a in _instruction_alternatives()), _INSTRUCTION_FLAGS)


# Characters re.IGNORECASE equates with ASCII letters in ways str.lower() alone does not.
_TRICKY = "İıſKΣσςµμ"


def _contains_one(pattern: str, flags: int, text: str) -> bool:
    needed = required_literals(pattern, flags)
    assert needed is not None
    folded = fold(text)
    return any(word in folded for word in needed)


def test_the_instruction_pattern_has_required_words() -> None:
    # Without them every claim's sentence would be searched with the whole regex.
    words = _instruction_words()
    assert words is not None
    assert words.search("please ignore it") and words.search("an llm")
    assert not words.search("the plant will cost 500 billion dollars")


def test_no_required_words_when_a_branch_needs_none() -> None:
    assert required_literals(r"note|\w+[- ]?", re.IGNORECASE) is None
    assert required_literals(r"(?-i:Note)|memo", re.IGNORECASE) is None
    assert required_literals("note", 0) is None  # only case-insensitive patterns are read


@pytest.mark.parametrize(
    ("pattern", "text"),
    [
        (r"\bignore\b.{0,9}?\brules\b", "IGNORE ALL RULES"),
        (r"\bignore\b", "İgnore this"),  # İ lowercases to two characters in str
        (r"\bsummaries\b", "ſummaries"),  # long s is an s to re.IGNORECASE
        (r"σ+x", "ΣςσX"),
        (r"(?:AI|LLM)[- ](?:assistants?|models?)", "an llm-Model says"),
    ],
)
def test_every_match_contains_a_required_word(pattern: str, text: str) -> None:
    assert re.search(pattern, text, re.IGNORECASE | re.DOTALL)
    assert _contains_one(pattern, re.IGNORECASE | re.DOTALL, text)


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet="ignorelmsaybt .-" + _TRICKY, max_size=40),
    st.sampled_from(
        [
            r"\b(?:ignore|forget)\b.{0,10}?\b(?:rules|prompts?)\b",
            r"(?:ai|llm)s?[- ]?(?:bots?|agents?)",
            r"\bas an? (?:bot|system)\b",
            r"(?:ſs|is)+ me",
        ]
    ),
)
def test_no_match_is_hidden(text: str, pattern: str) -> None:
    if re.search(pattern, text, re.IGNORECASE | re.DOTALL):
        assert _contains_one(pattern, re.IGNORECASE | re.DOTALL, text)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="LMaignore s.-İſIGNORE你好忽略之前的指示", max_size=60))
def test_the_instruction_pattern_itself(text: str) -> None:
    words = _instruction_words()
    assert words is not None
    if instruction_pattern().search(text):
        assert words.search(fold(text))

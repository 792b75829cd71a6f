"""A figure the next sentence names again and places: "TSMC will invest $100 billion in
Arizona. The investment will go towards five new fabs."

News copy states an amount, then opens the next sentence with its noun again after a
determiner ("The investment", "Cet investissement", "Die Investition") to say what it
pays for. When that sentence names one part of the story, the figure is about that part.
The noun is recognised by its stem: it shares its first letters with a word just before
the figure ("invest" … "investment", "investir" … "investissement"). A rule of news copy
in the languages with determiners (scope_words.DETERMINERS, DEMONSTRATIVES).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from functools import cache

from stargate_digest.extractors.scope_words import DEMONSTRATIVES, DETERMINERS
from stargate_digest.quantities import Mention
from stargate_digest.quantities.locale_facts import word_language
from stargate_digest.quantities.patterns import alternation
from stargate_digest.segment import Sentences, Span
from stargate_digest.terms import TermHit

_STEM = 5
"""Letters a noun shares with the word it takes up again ("inves": invest, investment)."""
_LOOKBACK = 40
"""How far before the figure the word it is an amount of may stand."""
_WORD = re.compile(r"[^\W\d_]+")


@cache
def _opening(language: str) -> re.Pattern[str] | None:
    """A sentence that opens with a determiner and a noun: "The investment", "Cette aide"."""
    words = (*DETERMINERS.get(language, ()), *DEMONSTRATIVES.get(language, ()))
    if not words:
        return None
    choices = alternation(set(words))
    return re.compile(rf"\s*(?i:{choices})(?:\s+|(?<=['’]))(?P<noun>[^\W\d_]+)")


def part_named_next(
    text: str,
    sentences: Sentences,
    sentence: Span,
    mention: Mention,
    *,
    language: str,
    parts: Callable[[Span], list[TermHit]],
) -> str | None:
    """The one part the next sentence names, when it opens by naming the figure again."""
    pattern = _opening(word_language(language))
    if pattern is None:
        return None
    at = bisect_left(sentences.starts, sentence.start)
    if not (at + 1 < len(sentences.spans) and sentences.spans[at] == sentence):
        return None
    following = sentences.spans[at + 1]
    if "\n\n" in text[sentence.end : following.start]:
        return None  # a new paragraph starts a new thought
    opened = pattern.match(text, following.start, following.end)
    if opened is None or len(opened["noun"]) < _STEM:
        return None
    stem = opened["noun"][:_STEM].casefold()
    before = text[max(sentence.start, mention.start - _LOOKBACK) : mention.start]
    if not any(word[:_STEM].casefold() == stem for word in _WORD.findall(before)):
        return None
    named = {hit.label for hit in parts(following)}
    return named.pop() if len(named) == 1 else None

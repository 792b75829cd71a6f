"""Where a range ends: the number after the low end of "15-25", "15 to 25", "between 10
and 12", "150億〜200億", in each language's words (quantities/lexicon.py), and the
change that looks like one ("from 5 to 10"). The scanner (quantities/scanner.py) reads
the low end and asks here for the high one."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from stargate_digest.quantities.currency import CurrencyTerm
from stargate_digest.quantities.lexicon import RANGE_BETWEEN, RANGE_DASHES, RANGE_FROM, RANGE_WORDS
from stargate_digest.quantities.locale_facts import word_language
from stargate_digest.quantities.numbers import NumberToken, number_at, number_tokens
from stargate_digest.quantities.patterns import LETTER, SPACE, SPACES, alternation
from stargate_digest.quantities.vocabulary import Vocabulary

_SPELLED_WINDOW = 20  # longer than any number word of the tables


@dataclass(frozen=True)
class RangeWords:
    joiners: re.Pattern[str]
    after_between: re.Pattern[str]
    between: re.Pattern[str]
    start_from: re.Pattern[str]
    start_from_far: re.Pattern[str]


# French "faire passer" takes its object between the verb and "de … à" ("faire passer la
# part de la production de 2 % à 10 %"): a change however long the object, within reach.
_FROM_FAR: dict[str, tuple[str, ...]] = {
    "fr": ("faire passer", "fait passer", "fera passer", "ferait passer", "faisant passer"),
}
_FROM_FAR_WORDS = 10
FROM_FAR_REACH = 100


def _alternation(words: tuple[str, ...]) -> str:
    return alternation(words) or "(?!)"


@cache
def range_words(language: str) -> RangeWords:
    dashes = _alternation(RANGE_DASHES)
    words = _alternation(RANGE_WORDS.get(language, ()))
    between, ands = RANGE_BETWEEN.get(language, ((), ()))
    return RangeWords(
        joiners=re.compile(rf"{SPACE}?(?:{dashes}){SPACE}?|{SPACE}+(?i:{words}){SPACE}+"),
        after_between=re.compile(rf"{SPACE}+(?i:{_alternation(ands)}){SPACE}+"),
        between=re.compile(rf"(?<!\w)(?i:{_alternation(between)}){SPACE}+\Z"),
        start_from=re.compile(
            rf"(?<!\w)(?i:{_alternation(RANGE_FROM.get(language, ()))}){SPACE}+"
            rf"(?:{LETTER}+{SPACE}+)?\S*\Z"
        ),
        start_from_far=re.compile(
            rf"(?<!\w)(?i:{_alternation(_FROM_FAR.get(language, ()))})"
            rf"(?:{SPACE}+[^\s.;:!?]+){{0,{_FROM_FAR_WORDS}}}?{SPACE}+de{SPACE}+\S*\Z"
        ),
    )


def range_high(
    text: str,
    start: int,
    end: int,
    language: str,
    *,
    vocab: Vocabulary,
    floor: int,
    spelled: bool = False,
) -> NumberToken | None:
    """The number that ends a range whose low end spans [start, end), if one follows.

    "15-25", "15 to 25", "between 10 and 12", "150億〜200億"; a repeated currency sign is
    allowed ("$15 billion to $25 billion"). "from 5 to 10" is a change, not a range.
    """
    words = range_words(word_language(language))
    joiner = words.joiners.match(text, end)
    before = text[max(floor, start - 20) : start]
    if joiner is None:
        # "between 10 and 12": the "and" after the number is matched first (anchored, it
        # fails at once after most numbers), the "between" before it searched only then
        # (a search tries each of the 20 characters before the number).
        joiner = words.after_between.match(text, end)
        if joiner is None or not words.between.search(before):
            return None
    if joiner[0].strip() and joiner[0].strip()[0].isalpha():
        if words.start_from.search(before):
            return None
        far = text[max(floor, start - FROM_FAR_REACH) : start]
        if words.start_from_far.search(far):
            return None
    pos = joiner.end()
    prefix = vocab.prefixes.match(text, pos)
    if prefix is not None and isinstance(prefix.value, CurrencyTerm):
        pos = prefix.end
        while pos < len(text) and text[pos] in SPACES:
            pos += 1
    if spelled:  # "six to eight": a range in words ends in a number in words
        word = next(number_tokens(text[pos : pos + _SPELLED_WINDOW], language), None)
        if word is None or word.start != 0 or not word.spelled:
            return None
        return NumberToken(pos, pos + word.end, word.value, spelled=True)
    return number_at(text, pos, language)

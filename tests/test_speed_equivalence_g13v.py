"""Fast paths of branch g13v (issue 12, fifth turn) give what the code they replaced
gave: each is compared with the earlier reading on generated text (Hypothesis) and on
invented sentences."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from stargate_digest.quantities.currency import CurrencyTerm
from stargate_digest.quantities.locale_facts import word_language
from stargate_digest.quantities.numbers import NumberToken, _digit_token, decimal_value, number_at
from stargate_digest.quantities.patterns import SPACES
from stargate_digest.quantities.ranges import FROM_FAR_REACH, range_high, range_words
from stargate_digest.quantities.vocabulary import Vocabulary, vocabulary
from stargate_digest.terms import TermHit, TermMatcher, _match_rest, _occurrences
from stargate_digest.text_words import text_words

_TERMS = [
    ("in_next", "in the next"),
    ("in_den", "in den nächsten"),
    ("in", "in"),
    ("project", "stargate project"),
    ("stargate", "stargate"),
    ("uk", "stargate uk"),
    ("star", "stargate exp*"),
    ("us_gov", "US government"),
    ("us", "us"),
    ("cjk", "星门"),
]


def _find_before(matcher: TermMatcher, text: str) -> list[TermHit]:
    """TermMatcher.find before this branch: every term a word starts matched after each
    of its occurrences, the hits a set of TermHits sorted with a key."""
    hits: set[TermHit] = set()
    read = text_words(text)
    for written in read.words:
        candidates = matcher._candidates(written.casefold())
        if not candidates:
            continue
        occurrences = matcher._seen[written][1] if written in matcher._seen else None
        spans = (
            _occurrences(text, written)
            if read.cjk or occurrences is None
            else (m.span() for m in occurrences.finditer(text))
        )
        for position, end in spans:
            following: list[tuple[str, int, bool]] = []
            for term in candidates:
                stop = end if term.single else _match_rest(text, end, term, following)
                if stop is not None:
                    hits.add(TermHit(position, stop, term.label))
    for needles in matcher._substrings.values():
        for needle, label in needles:
            position = text.find(needle)
            while position >= 0:
                hits.add(TermHit(position, position + len(needle), label))
                position = text.find(needle, position + 1)
    return sorted(hits, key=lambda hit: (hit.start, -hit.end, hit.label))


_PIECES = ["in", "the", "next", "den", "nächsten", "Stargate", "project", "UK", "expansion"]
_PIECES += ["US", "government", "us", " ", "  ", "-", ".", "'", ",", "星门", "x", "In"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=14))
def test_terms_are_found_as_before(pieces: list[str]) -> None:
    matcher = TermMatcher(_TERMS)
    text = "".join(pieces)
    assert matcher.find(text) == _find_before(matcher, text)


def test_phrases_after_a_frequent_word_of_an_invented_sentence() -> None:
    matcher = TermMatcher(_TERMS)
    text = "In the next year the Stargate UK expansion and the Stargate project grow in."
    found = {(text[h.start : h.end], h.label) for h in matcher.find(text)}
    assert ("In the next", "in_next") in found
    assert ("Stargate UK", "uk") in found
    assert ("Stargate project", "project") in found
    assert ("in", "in") in found  # the last word: no word follows it
    assert not any(label == "star" for _, label in found)  # "expansion" follows "UK"
    assert matcher.find(text) == _find_before(matcher, text)


def _range_high_before(  # noqa: PLR0917 (the function as it was, for comparison)
    text: str, start: int, end: int, language: str, vocab: Vocabulary, floor: int
) -> NumberToken | None:
    """scanner.range_high before this branch (for numbers in digits): the words before
    the number searched for "between" first, the "and" after it matched only then."""
    words = range_words(word_language(language))
    joiner = words.joiners.match(text, end)
    before = text[max(floor, start - 20) : start]
    if joiner is None and words.between.search(before):
        joiner = words.after_between.match(text, end)
    if joiner is None:
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
    return number_at(text, pos, language)


_RANGE_PIECES = ["between ", "entre ", "zwischen ", "from ", "de ", "10", "12", "5,5"]
_RANGE_PIECES += [" and ", " y ", " et ", " und ", " to ", "-", " ", "$", "€", "x", "%"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_RANGE_PIECES), max_size=10), st.sampled_from(["en", "es", "de"]))
def test_the_high_end_of_a_range_is_found_as_before(pieces: list[str], language: str) -> None:
    text = "".join(pieces)
    vocab = vocabulary(word_language(language))
    for run in re.finditer(r"\d+", text):
        token = number_at(text, run.start(), language)
        if token is None:
            continue  # the digits after a decimal mark ("5,5"): no number starts there
        for floor in (0, run.start()):
            now = range_high(text, token.start, token.end, language, vocab=vocab, floor=floor)
            before = _range_high_before(text, token.start, token.end, language, vocab, floor)
            assert now == before


def test_a_range_between_two_numbers_of_an_invented_sentence() -> None:
    text = "Acme will hire between 10 and 12 engineers, then 5 and more."
    vocab = vocabulary("en")
    high = range_high(text, 23, 25, "en", vocab=vocab, floor=0)
    assert high is not None and high.value == 12
    assert range_high(text, 50, 51, "en", vocab=vocab, floor=0) is None  # no "between"


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from(list("0123456789٣٤１２.,' \u00a0")), min_size=1, max_size=12))
def test_a_digit_token_has_the_value_decimal_value_reads(written: str) -> None:
    match = re.match(r"\d+(?:[.,' \u00a0]\d+)*", written)
    if match is None:
        return
    for language in ("en", "de", "fr"):
        assert _digit_token(match, language).value == decimal_value(match[0], language)
        assert str(_digit_token(match, language).value) == str(decimal_value(match[0], language))

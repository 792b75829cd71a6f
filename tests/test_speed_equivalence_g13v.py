"""Fast paths of branch g13v (issue 12, fifth turn) give what the code they replaced
gave: each is compared with the earlier reading on generated text (Hypothesis) and on
invented sentences."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

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
            following: list[tuple[str, int]] = []
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

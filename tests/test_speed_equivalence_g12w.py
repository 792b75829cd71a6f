"""Fast paths of branch g12w (issue 12, fourth turn) give what the code they replaced
gave: each is compared with the earlier reading on generated hits and spans
(Hypothesis) and on an invented sentence."""

from __future__ import annotations

from bisect import bisect_left

from hypothesis import given, settings
from hypothesis import strategies as st

from stargate_digest.extractors.clause_rules import nearest_cue
from stargate_digest.extractors.rules import _Hits
from stargate_digest.quantities import Mention
from stargate_digest.segment import Span
from stargate_digest.terms import TermHit

_HITS = st.lists(st.tuples(st.integers(0, 30), st.integers(1, 6)), max_size=12)


def _within_before(found: _Hits, span: Span) -> list[TermHit]:
    """_Hits.within before this branch: two searches and a slice for every span."""
    first = bisect_left(found._starts, span.start)
    last = bisect_left(found._starts, span.end)
    return [h for h in found.hits[first:last] if h.end <= span.end]


@settings(max_examples=400, deadline=None)
@given(_HITS, st.integers(0, 40), st.integers(0, 12))
def test_within_lists_the_hits_the_two_searches_listed(
    hits: list[tuple[int, int]], start: int, length: int
) -> None:
    found = _Hits([TermHit(at, at + size, "x") for at, size in hits])
    span = Span(start, start + length)
    assert found.within(span) == _within_before(found, span)


def test_within_of_an_invented_sentence() -> None:
    # "Acme and Beta will spend $5 billion": names at 0-4 and 9-13
    found = _Hits([TermHit(9, 13, "beta"), TermHit(0, 4, "acme")])
    assert [h.label for h in found.within(Span(0, 36))] == ["acme", "beta"]
    assert found.within(Span(14, 36)) == []  # nothing starts after the names
    assert found.within(Span(5, 9)) == []  # the next name starts where the span ends
    assert found.within(Span(0, 12)) == [TermHit(0, 4, "acme")]  # "Beta" runs past it


def _mention(start: int, end: int) -> Mention:
    return Mention(
        kind="money", value=5e9, unit="USD", start=start, end=end, surface="x" * (end - start)
    )


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["jobs", "capex", "chips"]), max_size=3), _HITS)
def test_a_metric_without_a_cue_has_no_distance_as_nearest_cue_said(
    names: list[str], hits: list[tuple[int, int]]
) -> None:
    mention = _mention(10, 14)
    cues = {name: [TermHit(at, at + size, name) for at, size in hits] for name in names}
    for name in ("jobs", "capex", "chips"):
        hits_of = cues.get(name)
        fast = nearest_cue(hits_of, mention) if hits_of else None
        assert fast == nearest_cue(cues.get(name, ()), mention)

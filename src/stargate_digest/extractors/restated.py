"""A measure restated without its noun: the sentence before it says what it measures.

"The City has a peak electricity demand of about 1,200 MW. The campus is about 2.4 GW.":
the second sentence gives a measure with no word of what it measures and goes on from
the sentence before it in its paragraph, whose cue says what (issue 12, branch g13r).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from stargate_digest.segment import Span

# Not money, which falls back to its subject's money metric, nor counts and dates, which
# always need a cue of their own (rules.py, _CUED): the kinds a cue before may label.
RESTATED = frozenset({"power", "energy", "area", "percent", "duration"})


def cued_before(
    cues_in: Callable[[Span, str], Mapping[str, object]],
    text: str,
    before: Span | None,
    sentence: Span,
) -> frozenset[str]:
    """The metrics cued in the sentence ``before`` ``sentence``, when both are in one
    paragraph (no blank line between them); none otherwise."""
    if before is None or "\n\n" in text[before.end : sentence.start]:
        return frozenset()
    return frozenset(cues_in(before, text))

"""A list of figures over a numbered series of parts: "「Fab2」以降についても…操業開始は
それぞれ33年末、35年末、41年末" (Fab 2 and those after it, respectively): the list's
first figure is the named part's, each next one the part numbered one more ("Fab3",
"Fab4"), when the profile names it so. extractors/scope_rules.py uses it; the words are
``SERIES_ONWARD`` in extractors/scope_words.py."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Mapping, Sequence
from functools import cache
from itertools import pairwise

from stargate_digest.extractors.figure_relations import Figure, Figures
from stargate_digest.extractors.named_again import speaks_of_facility
from stargate_digest.extractors.scope_words import SERIES_ONWARD
from stargate_digest.quantities.locale_facts import word_language
from stargate_digest.quantities.patterns import alternation
from stargate_digest.segment import Span
from stargate_digest.terms import TermHit
from stargate_digest.topic import TopicProfile

_NUMBERED = re.compile(r"(\d+)$")
# What stands between two figures of one list: a comma, an ideographic one or "、", after
# at most two letters that end the first ("33年末、35年末": the end of the year).
_LIST_GAP = re.compile(r"[^\W\d]{0,2}\s*[、,，]\s*")


@cache
def _series(language: str) -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    words = SERIES_ONWARD.get(language)
    if words is None:
        return None
    onward, respectively = words
    return re.compile(onward), re.compile(alternation(respectively))


def first_of_series(topic: TopicProfile) -> str | None:
    """The first of the profile's sites numbered in series ("Fab 1", when it has "Fab 2")."""
    for name, spec in topic.scopes.items():
        if spec.kind == "site" and name.endswith(" 1") and f"{name[:-1]}2" in topic.scopes:
            return name
    return None


def unnamed_first(
    topic: TopicProfile, first: str | None, text: str, named: Sequence[TermHit], language: str
) -> str | None:
    """The first of a numbered series of sites (``first``), for a page that speaks of
    "the plant" ("Total investment in the plant will come to …") and names none of the
    story's sites (``named``: the parts it names): a page written while the plant was
    the only one, or about it alone, calls it so; a page about a later one says which
    ("the second fab")."""
    if first is None or any(topic.scopes[h.label].kind == "site" for h in named):
        return None
    speaks = speaks_of_facility(text, Span(0, len(text)), word_language(language))
    return first if speaks else None


def part_in_series(
    text: str,
    figure: Figure,
    named: TermHit,
    figures: Figures,
    *,
    aliases: Mapping[str, frozenset[str]],
    language: str,
) -> str | None:
    """The part a figure of a list after "respectively" is about, when the part named
    before is the first of a numbered series ("「Fab2」以降"): the one numbered as many
    more as figures stand before this one in the list. None when the text says no such
    thing, or the profile has no part of that number."""
    patterns = _series(language)
    sentence, mention, mentions = figure.sentence, figure.mention, figures.mentions
    if patterns is None or named.end > mention.start:
        return None
    onward, respectively = patterns
    number = _NUMBERED.search(text, named.start, named.end)
    if number is None or onward.match(text, named.end) is None:
        return None
    said = respectively.search(text, named.end, mention.start)
    if said is None or not sentence.start <= said.start() < sentence.end:
        return None
    at = bisect_left(mentions, said.end(), key=lambda m: m.start)
    listed = [m for m in mentions[at:] if m.end <= mention.end]
    if not listed or listed[-1] is not mention:
        return None
    if any(not _LIST_GAP.fullmatch(text, a.end, b.start) for a, b in pairwise(listed)):
        return None  # not one list: "それぞれ33年末に着工し、35年末に…"
    step = len(listed) - 1
    if step == 0:
        return None
    name = text[named.start : number.start(1)] + str(int(number.group(1)) + step)
    for label, names in aliases.items():
        if name in names:
            return label
    return None

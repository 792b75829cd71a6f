"""A figure the next sentence names again and places: "TSMC will invest $100 billion in
Arizona. The investment will go towards five new fabs."

News copy states an amount, then opens the next sentence with its noun again after a
determiner ("The investment", "Cet investissement", "Die Investition") to say what it
pays for. When that sentence names one part of the story, the figure is about that part.
The noun is recognised by its stem: it shares its first letters with a word just before
the figure ("invest" … "investment", "investir" … "investissement"). A rule of news copy
in the languages with determiners (scope_words.DETERMINERS, DEMONSTRATIVES).

Japanese has no determiner: the next sentence takes the thing up as its topic, the head
noun of the phrase before "は" being that of what the figure's sentence built or bought
("…73億ユーロを投じ、バッテリー工場を建設すると発表した。" / "…デブレツェンに建設する
100GWh規模の工場は…": scope_words.TOPIC_AGAIN, OBJECTS). Its web copy breaks paragraphs
after a sentence or two: the next sentence may open the next paragraph.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from stargate_digest.extractors.scope_words import (
    ATTRIBUTIONS,
    CASE_MARKERS,
    DEMONSTRATIVES,
    DETERMINERS,
    OBJECTS,
    TOPIC_AGAIN,
)
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
_TOPIC_REACH = 2
"""Sentences read for the topic that takes the thing up: Japanese drops a topic it keeps
("…工場を建設すると発表した。欧州最大の工場となる。…規模の工場は…")."""


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
    words = word_language(language)
    pattern = _opening(words)
    topic = _topic_again(words)
    if pattern is None and topic is None:
        return None
    at = bisect_left(sentences.starts, sentence.start)
    if not (at + 1 < len(sentences.spans) and sentences.spans[at] == sentence):
        return None
    following = sentences.spans[at + 1]
    if topic is not None:  # a sentence with no topic of its own goes on with this one's
        for after in sentences.spans[at + 1 : at + 1 + _TOPIC_REACH]:
            found = _topic_of(text, after, topic)
            if found is not None:
                return _taken_up_as_topic(text, sentence, found, topic, parts)
        return None
    if pattern is None or "\n\n" in text[sentence.end : following.start]:
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


@dataclass(frozen=True)
class _TopicAgain:
    """A language's patterns for a thing taken up as a later sentence's topic."""

    topic: re.Pattern[str]  # the topic phrase and its head noun (TOPIC_AGAIN)
    objects: re.Pattern[str]  # what a sentence builds or buys (OBJECTS)
    source: re.Pattern[str] | None  # a clause that only names a source (ATTRIBUTIONS)
    case: re.Pattern[str]  # a case marker after a name: where the thing is (CASE_MARKERS)


@cache
def _topic_again(language: str) -> _TopicAgain | None:
    topic, objects = TOPIC_AGAIN.get(language), OBJECTS.get(language)
    case = CASE_MARKERS.get(language)
    if topic is None or objects is None or case is None:
        return None
    source = ATTRIBUTIONS.get(language)
    return _TopicAgain(
        re.compile(topic),
        re.compile(objects),
        None if source is None else re.compile(source),
        re.compile(case),
    )


def _topic_of(text: str, sentence: Span, patterns: _TopicAgain) -> re.Match[str] | None:
    """The topic a sentence opens with ("…規模の工場は"), after a clause that only names
    a source ("同社によると、")."""
    source = patterns.source
    said = None if source is None else source.match(text, sentence.start, sentence.end)
    start = sentence.start if said is None else said.end()
    return patterns.topic.match(text, start, sentence.end)


def _taken_up_as_topic(
    text: str,
    sentence: Span,
    found: re.Match[str],
    patterns: _TopicAgain,
    parts: Callable[[Span], list[TermHit]],
) -> str | None:
    """The one part a later sentence's topic (``found``) places, when its head noun ends
    what the figure's sentence built or bought ("バッテリー工場を" … "…デブレツェンに建設
    する…規模の工場は"). A name before "の" in the topic says whose or which, as often of
    something else ("アビリーンの工場"): it places nothing."""
    noun = found["noun"]
    built = patterns.objects.finditer(text, sentence.start, sentence.end)
    if not any(_same_head(m["noun"], noun) for m in built):
        return None
    named = {
        hit.label
        for hit in parts(Span(*found.span("phrase")))
        if patterns.case.match(text, hit.end) is not None
    }
    return named.pop() if len(named) == 1 else None


def _same_head(first: str, second: str) -> bool:
    """Whether two Japanese compounds end in the same noun: the shorter ends the longer
    ("バッテリー工場", "工場"); compounds end with their head."""
    return first.endswith(second) or second.endswith(first)

"""The levels a change goes from and to ("fell from $120 billion to $100 billion").

Used by the rules extractor: the two figures are levels of what the sentence names, so
a metric that measures a change (the profile signals it with a change word: "fell",
"sank", 減少) does not label them. The words are per-language data in
``data/cue_words.toml``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import cache
from typing import TypeVar

from stargate_digest.cue_words import cue_data
from stargate_digest.quantities import Mention
from stargate_digest.quantities.lexicon import CJK_LANGUAGES
from stargate_digest.quantities.locale_facts import word_language
from stargate_digest.quantities.patterns import alternation
from stargate_digest.topic import MetricSpec

_PAREN = r"[(（][^()（）]{0,60}[)）]"
_SPEC = TypeVar("_SPEC", bound=MetricSpec)


def _change_data() -> Mapping[str, Mapping[str, list[str]]]:
    return cue_data()["change"]  # type: ignore[no-any-return]


@cache
def _change_words() -> frozenset[str]:
    """Change words of every language: a profile's cues are not tagged with one."""
    return frozenset(w.casefold() for table in _change_data().values() for w in table["words"])


@cache
def _patterns(language: str) -> tuple[re.Pattern[str] | None, re.Pattern[str]] | None:
    """(what precedes the first level, what lies between the two) for a language."""
    table = _change_data().get(word_language(language))
    if table is None:
        return None
    first = "|".join(map(re.escape, table["first"]))
    second = "|".join(map(re.escape, table["second"]))
    if word_language(language) in CJK_LANGUAGES:
        # "…から約1000億ドル", "…降至2.9万亿", "…에서 1000억달러": a verb or a hedge of
        # a character or two may stand beside the particle.
        between = rf"\s*(?:{_PAREN}\s*)?\w{{0,2}}?(?:{second})\w{{0,2}}?\s*"
        before = rf"(?:{first})\w{{0,2}}?$" if first else None
    else:
        # "to $100 billion", "auf rund 96 Milliarden", "à environ 100 milliards".
        between = rf"\s*(?:{_PAREN}\s*)?(?<!\w)(?:{second})\s+(?:[^\W\d_]+\s+){{0,2}}"
        before = rf"(?<!\w)(?:{first})\s*(?:[^\W\d_]+\s+)?$"
    return (re.compile(before) if before else None), re.compile(between)


def change_levels(text: str, mentions: Sequence[Mention], language: str) -> frozenset[int]:
    """The ``id`` of each mention that is one of the two levels of a stated change."""
    patterns = _patterns(language)
    if patterns is None:
        return frozenset()
    before, between = patterns
    by = _by_percent(language)
    levels: set[int] = set()
    for at, first in enumerate(mentions):
        # The second level follows the first, or the first's restatement in parentheses.
        for second in mentions[at + 1 : at + 3]:
            if (
                by is not None
                and second.kind == "percent"
                and first.kind != "percent"
                and between.fullmatch(text, first.end, second.start)
                and by.match(text, second.end)
            ):
                # "64億ドルから約26%減った": a change by a share of the first figure,
                # which is the level it went from (the percent is the change).
                levels.add(id(first))
                break
            if second.kind != first.kind or not between.fullmatch(text, first.end, second.start):
                continue
            if before is None or before.search(text, max(0, first.start - 30), first.start):
                levels.update((id(first), id(second)))
            break
    return frozenset(levels)


@cache
def _by_percent(language: str) -> re.Pattern[str] | None:
    """A change word right after a percent, in the languages that write the level it
    changes from first ("…から26%減", "…에서 26% 감소")."""
    table = _change_data().get(word_language(language))
    if table is None or table["first"] or word_language(language) not in CJK_LANGUAGES:
        return None
    words = alternation(table["words"])
    return re.compile(rf"\s*(?:{words})")


def level_metrics(metrics: Mapping[str, _SPEC], level: bool) -> Mapping[str, _SPEC]:
    """The metrics that can measure a figure; for a ``level`` of a change, not those the
    profile cues with a change word ("fell", "sank", 減少): they measure the change."""
    if not level:
        return metrics
    words = _change_words()
    kept = {
        name: spec
        for name, spec in metrics.items()
        if not any(cue.casefold() in words for cue in spec.cues)
    }
    return kept or metrics

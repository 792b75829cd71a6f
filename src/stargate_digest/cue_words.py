"""Metric cue words as language data: the inflected forms a profile's cue also matches,
and the cue words generic to a metric across stories.

Both live in ``data/cue_words.toml``; topic profiles keep their own cue words.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from stargate_digest.data_tables import bundled_toml
from stargate_digest.text_words import CJK as _CJK

_WORD = re.compile(r"[^\W\d_]+")


@cache
def cue_data() -> dict[str, Any]:
    """``data/cue_words.toml``, read once per process."""
    return bundled_toml("cue_words.toml")


@cache
def _data() -> tuple[int, tuple[str, ...], tuple[str, ...]]:
    raw = cue_data()
    endings = raw["endings"]
    return int(raw["min_stem"]), tuple(endings["capitalised"]), tuple(endings["lowercase"])


def cue_forms(cue: str) -> list[str]:
    """The cue and its inflected forms ("Zuschüsse" -> "Zuschüssen", "Zuschüsses", ...).

    A prefix cue ("subsid*"), a CJK cue, a short word and a phrase are only themselves:
    a phrase's forms would be tried at every occurrence of its first word ("in", "de"),
    which costs more than the few inflected phrases it would find.
    """
    min_stem, capitalised, lowercase = _data()
    if not _WORD.fullmatch(cue) or len(cue) < min_stem or _CJK.search(cue):
        return [cue]
    endings = capitalised if cue[0].isupper() else lowercase
    return [cue, *(cue + ending for ending in endings)]


@cache
def generic_cues(metric: str) -> tuple[str, ...]:
    """The cue words of every language generic to a metric of this name ("subsidy")."""
    table = cue_data().get("generic", {}).get(metric, {})
    return tuple(dict.fromkeys(word for words in table.values() for word in words))


@cache
def added_words() -> re.Pattern[str]:
    """The words of every language that mark a part as added to what there was ("seven
    additional plants", "新增"): whole words in alphabetic scripts, anywhere in CJK."""
    return _words_of("added")


@cache
def initial_words() -> re.Pattern[str]:
    """The words of every language that give a figure as the first one, since changed
    ("initially", "ursprünglich", "当初"): whole words, anywhere in CJK."""
    return _words_of("initial")


@cache
def so_far_words() -> re.Pattern[str]:
    """The words of every language that give a count as reached so far, still running
    ("so far", "bisher", "현재까지"): whole words, anywhere in CJK."""
    return _words_of("so_far")


@cache
def of_which_words() -> re.Pattern[str]:
    """The words of every language that introduce a figure as a part of a larger one
    named before it ("of which", "dont", "其中"): whole words, anywhere in CJK."""
    return _words_of("of_which")


@cache
def increment_words() -> re.Pattern[str]:
    """The words of every language that write a figure as an increment ("an additional
    250 MW", "추가로"): the ``added`` words but for those that also name new things
    counted whole ("new", "neue", "신규"). Whole words, anywhere in CJK."""
    return _words_of("added", but=frozenset(w for t in cue_data()["new"].values() for w in t))


def _words_of(table: str, but: frozenset[str] = frozenset()) -> re.Pattern[str]:
    found = {word for words in cue_data()[table].values() for word in words} - but
    words = sorted(found, key=lambda word: (-len(word), word))  # the same in every process
    cjk = [re.escape(w) for w in words if _CJK.search(w)]
    latin = [re.escape(w) for w in words if not _CJK.search(w)]
    return re.compile(rf"(?<!\w)(?:{'|'.join(latin)})(?!\w)|{'|'.join(cjk)}", re.IGNORECASE)

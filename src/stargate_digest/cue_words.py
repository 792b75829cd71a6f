"""Metric cue words as language data: the inflected forms a profile's cue also matches,
and the cue words generic to a metric across stories.

Both live in ``data/cue_words.toml``; topic profiles keep their own cue words.
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from importlib import resources

_LAST_WORD = re.compile(r"(?<![\w'’-])([^\W\d_]+)$")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uac00-\ud7af]")


@cache
def _data() -> tuple[int, tuple[str, ...], tuple[str, ...]]:
    raw = tomllib.loads(
        resources.files("stargate_digest.data").joinpath("cue_words.toml").read_text("utf-8")
    )
    endings = raw["endings"]
    return int(raw["min_stem"]), tuple(endings["capitalised"]), tuple(endings["lowercase"])


def cue_forms(cue: str) -> list[str]:
    """The cue and its inflected forms ("Zuschüsse" -> "Zuschüssen", "Zuschüsses", ...).

    A prefix cue ("subsid*"), a CJK cue and a cue whose last word is short are only
    themselves.
    """
    last = _LAST_WORD.search(cue)
    min_stem, capitalised, lowercase = _data()
    if last is None or len(last.group(1)) < min_stem or _CJK.search(cue):
        return [cue]
    endings = capitalised if last.group(1)[0].isupper() else lowercase
    return [cue, *(cue + ending for ending in endings)]


@cache
def generic_cues(metric: str) -> tuple[str, ...]:
    """The cue words of every language generic to a metric of this name ("subsidy")."""
    raw = tomllib.loads(
        resources.files("stargate_digest.data").joinpath("cue_words.toml").read_text("utf-8")
    )
    table = raw.get("generic", {}).get(metric, {})
    return tuple(dict.fromkeys(word for words in table.values() for word in words))

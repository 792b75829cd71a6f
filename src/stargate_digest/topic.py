"""Topic profiles: the subjects, metrics and cue words of one story, loaded from TOML data."""

from __future__ import annotations

import re
import tomllib
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SubjectKind = Literal["project", "organization", "government"]
QuantityKind = Literal["money", "percent", "count", "power", "area", "duration", "date", "year"]
DEFAULT_TOPIC = "stargate"


def cue_pattern(words: list[str]) -> re.Pattern[str]:
    """Whole-word, case-insensitive alternation; a trailing ``*`` allows any word ending.

    Longer words come first so that "SoftBank Group" wins over "SoftBank". CJK words
    match anywhere, since those scripts do not put spaces between words.
    """
    parts = []
    for word in sorted(set(words), key=len, reverse=True):
        stem = re.escape(word.rstrip("*"))
        tail = r"\w*" if word.endswith("*") else ""
        if re.search(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]", word):
            parts.append(stem + tail)
        else:
            parts.append(rf"(?<![\w-]){stem}{tail}(?![\w])")
    return re.compile("|".join(parts), re.IGNORECASE)


class _Spec(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class SubjectSpec(_Spec):
    """A subject of the story and the names it goes by."""

    kind: SubjectKind
    aliases: list[str]
    refers_to_main: list[str] = Field(default_factory=list)
    money_metric: str | None = None


class MetricSpec(_Spec):
    """A metric of the vocabulary and the words that signal it."""

    kinds: list[QuantityKind]
    subjects: list[SubjectKind]
    priority: int = 1
    cues: list[str]

    @cached_property
    def cue_regex(self) -> re.Pattern[str]:
        return cue_pattern(self.cues)


class Distributive(_Spec):
    """Words that spread one figure over each of several subjects."""

    cues: list[str]


class TopicProfile(_Spec):
    """Everything topic-specific the extractors know; see data/topics/*.toml."""

    model_config = ConfigDict(extra="forbid", frozen=True, ignored_types=(cached_property,))

    name: str
    title: str
    main_subject: str
    subjects: dict[str, SubjectSpec]
    metrics: dict[str, MetricSpec]
    distributive: Distributive

    @cached_property
    def subject_regex(self) -> re.Pattern[str]:
        """One pattern for every alias; the group name tells which subject matched."""
        groups = []
        for index, (_name, spec) in enumerate(self.subjects.items()):
            words = spec.aliases + spec.refers_to_main
            groups.append(f"(?P<s{index}>{cue_pattern(words).pattern})")
        return re.compile("|".join(groups), re.IGNORECASE)

    @cached_property
    def subject_names(self) -> list[str]:
        return list(self.subjects)

    @cached_property
    def distributive_regex(self) -> re.Pattern[str]:
        return cue_pattern(self.distributive.cues)

    def canonical_subject(self, name: str) -> str:
        """The canonical name for any alias ("Softbank", "ソフトバンク" -> "SoftBank")."""
        for canonical, spec in self.subjects.items():
            if canonical.casefold() == name.casefold() or any(
                alias.casefold() == name.casefold() for alias in spec.aliases
            ):
                return canonical
        return name


@lru_cache(maxsize=8)
def load_topic(name_or_path: str = DEFAULT_TOPIC) -> TopicProfile:
    """A bundled profile by name, or a profile TOML file by path."""
    if name_or_path.endswith(".toml"):
        raw = Path(name_or_path).read_text("utf-8")
    else:
        raw = (
            resources.files("stargate_digest.data")
            .joinpath("topics", f"{name_or_path}.toml")
            .read_text("utf-8")
        )
    return TopicProfile.model_validate(tomllib.loads(raw))

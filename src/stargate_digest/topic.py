"""Topic profiles: the subjects, metrics and cue words of one story, loaded from TOML data."""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Iterable
from functools import cache, cached_property, lru_cache
from importlib import resources
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from stargate_digest.cue_words import cue_forms, generic_cues
from stargate_digest.data_tables import bundled_toml
from stargate_digest.terms import TermMatcher

SubjectKind = Literal["project", "organization", "government"]
QuantityKind = Literal["money", "percent", "count", "power", "energy", "area", "duration", "date"]
DEFAULT_TOPIC = "stargate"
DISTRIBUTIVE = "distributive"


def subject_label(name: str) -> str:
    """The matcher label of a subject's aliases."""
    return f"subject:{name}"


def metric_label(name: str) -> str:
    """The matcher label of a metric's cue words."""
    return f"metric:{name}"


def scope_label(name: str) -> str:
    """The matcher label of a scope's names."""
    return f"scope:{name}"


# Chinese written in Han characters only: no kana (Japanese), no Hangul (Korean).
_CHINESE = re.compile(r"[\u3400-\u9fff]")
_NOT_CHINESE = re.compile(r"[\u3040-\u30ff\uac00-\ud7af]")


@cache
def _script_tables() -> tuple[dict[int, int], dict[int, int]]:
    """Chinese characters to simplified, and to traditional (``data/han_scripts.json``,
    written by scripts/generate_han_scripts.py from OpenCC's character tables)."""
    raw = resources.files("stargate_digest.data").joinpath("han_scripts.json").read_text("utf-8")
    tables = json.loads(raw)
    return str.maketrans(*tables["to_simplified"]), str.maketrans(*tables["to_traditional"])


def both_scripts(words: Iterable[str]) -> list[str]:
    """``words``, each Chinese one also in the other script: Chinese pages are written
    in simplified or in traditional characters, and a profile names a part in one
    ("紐約州") that a page writes in the other ("纽约州政府")."""
    out = list(dict.fromkeys(words))
    if not any(_CHINESE.search(word) for word in out):
        return out
    simplified, traditional = _script_tables()
    for word in list(out):
        if _CHINESE.search(word) and not _NOT_CHINESE.search(word):
            forms = (word.translate(simplified), word.translate(traditional))
            out += [form for form in dict.fromkeys(forms) if form not in out]
    return out


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
    description: str = Field("", description="One line for the LLM prompt's vocabulary")

    @field_validator("kinds", mode="before")
    @classmethod
    def _bare_year_is_a_date(cls, kinds: object) -> object:
        """Profiles written for contract 1.1 name a kind "year"; since 1.2 a bare year is a
        date of precision YYYY, so the profile keeps loading."""
        if isinstance(kinds, list):
            return list(dict.fromkeys("date" if kind == "year" else kind for kind in kinds))
        return kinds


class PartsRule(_Spec):
    """Metrics that should add up: parts of a total within one source."""

    total: str
    parts: list[str]


ScopeKind = Literal["site", "phase", "country", "partner", "component", "period", "other"]


class ScopeSpec(_Spec):
    """A named part of a subject (a site, a country programme, a phase, a fab, one partner)."""

    kind: ScopeKind = "other"
    of: str | None = Field(None, description="The subject it is part of (default: main)")
    aliases: list[str] = Field(default_factory=list)


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
    parts: list[PartsRule] = Field(default_factory=list)
    unlabelled_currencies: list[str] = Field(
        default_factory=list,
        description=(
            "Currencies an amount with no currency at all, or an open symbol such as"
            " '¥' (yen or yuan), may be in"
        ),
    )
    shares_metric: str | None = None
    scopes: dict[str, ScopeSpec] = Field(
        default_factory=dict,
        description="Named parts of the story's subjects; the key is the canonical scope",
    )

    @cached_property
    def matcher(self) -> TermMatcher:
        """One matcher for every alias and cue word; labels say what matched (see below)."""
        terms: list[tuple[str, str]] = []
        for name, subject in self.subjects.items():
            words = both_scripts(subject.aliases + subject.refers_to_main)
            terms += [(subject_label(name), w) for w in words]
        for name, metric in self.metrics.items():
            # with the metric's generic cues, in their inflected forms too: cue_words.py
            cues = dict.fromkeys([*metric.cues, *generic_cues(name)])
            terms += [(metric_label(name), form) for cue in cues for form in cue_forms(cue)]
        terms += [(DISTRIBUTIVE, word) for word in self.distributive.cues]
        for name, scope in self.scopes.items():
            terms += [(scope_label(name), word) for word in both_scripts([name, *scope.aliases])]
        return TermMatcher(terms)

    @cached_property
    def metric_kinds(self) -> dict[str, frozenset[str]]:
        """The kinds of quantity each metric takes. Energy units (GWh) came after the first
        profiles, which list a battery plant's yearly capacity under a power metric: in a
        profile that names no energy metric, a power metric takes energy figures too."""
        has_energy = any("energy" in metric.kinds for metric in self.metrics.values())
        return {
            name: frozenset(metric.kinds)
            | ({"energy"} if "power" in metric.kinds and not has_energy else set())
            for name, metric in self.metrics.items()
        }

    def canonical_subject(self, name: str) -> str:
        """The canonical name for any alias ("Softbank", "ソフトバンク" -> "SoftBank")."""
        for canonical, spec in self.subjects.items():
            if canonical.casefold() == name.casefold() or any(
                alias.casefold() == name.casefold() for alias in spec.aliases
            ):
                return canonical
        return name

    def canonical_scope(self, name: str | None) -> str | None:
        """The profile's name for a scope alias ("Abilene, Texas" -> "Abilene campus")."""
        if name is None:
            return None
        folded = name.strip().casefold()
        for canonical, spec in self.scopes.items():
            if canonical.casefold() == folded or any(a.casefold() == folded for a in spec.aliases):
                return canonical
        return name.strip() or None


@lru_cache(maxsize=8)
def load_topic(name_or_path: str = DEFAULT_TOPIC) -> TopicProfile:
    """A bundled profile by name, or a profile TOML file by path."""
    if name_or_path.endswith(".toml"):
        return TopicProfile.model_validate(tomllib.loads(Path(name_or_path).read_text("utf-8")))
    # A bundled profile's parse is kept like the other data files' (a user's file is not)
    return TopicProfile.model_validate(bundled_toml(f"topics/{name_or_path}.toml"))

"""Gold sets on disk: stories of real coverage (tests/corpus/) and the older seed sets.

A *story* is a folder with ``gold.json`` (claims), optionally ``disagreements.json``,
``profile.toml`` (its topic profile) and ``articles/``. A ``story.toml`` beside them may
point elsewhere (the seed set keeps its articles in the repository's ``seeds/``):

    name = "seeds"
    articles = "../../../seeds"      # relative to the story.toml
    gold = "../seeds.json"
    profile = "stargate"             # a bundled profile name, or a path to a .toml

tests/corpus/README.md describes the gold format. A folder of stories may hold
``held_out.txt``: the names of stories held out from tuning, one a line (``#`` starts a
comment). Searching the folder skips them; naming a held-out story's own folder reads it.
"""

from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from stargate_digest.errors import InputError
from stargate_digest.evaluation import GoldClaim
from stargate_digest.topic import DEFAULT_TOPIC

GoldKind = Literal["conflict", "scope", "update", "rounding"]
_Entry = TypeVar("_Entry", bound=BaseModel)


class GoldValue(BaseModel):
    """One of the values of a gold disagreement and the articles that give it."""

    model_config = ConfigDict(extra="forbid")

    value: float | str
    unit: str
    value_max: float | None = None
    source_ids: list[str] = Field(min_length=1)
    likely_error: str | None = None
    note: str | None = None


class GoldDisagreement(BaseModel):
    """A difference between sources that a careful reader would point out."""

    model_config = ConfigDict(extra="forbid")

    id: str
    subject: str
    scope: str | None = None
    metric: str
    kind: GoldKind
    values: list[GoldValue] = Field(min_length=2)
    note: str | None = None


class _Manifest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str | None = None
    articles: str = "articles"
    gold: str = "gold.json"
    disagreements: str = "disagreements.json"
    profile: str | None = None


@dataclass(frozen=True)
class Story:
    """Where one gold set's parts are."""

    name: str
    folder: Path
    articles: Path
    gold: Path
    disagreements: Path | None
    profile: str

    def claims(self) -> list[GoldClaim]:
        """The gold claims."""
        return _read_list(self.gold, GoldClaim)

    def gold_disagreements(self) -> list[GoldDisagreement]:
        """The gold disagreements; none when the set has no disagreements file."""
        if self.disagreements is None:
            return []
        return _read_list(self.disagreements, GoldDisagreement)


def _read_list(path: Path, model: type[_Entry]) -> list[_Entry]:
    try:
        entries = json.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(str(path), f"cannot be read as JSON ({exc})") from exc
    if not isinstance(entries, list):
        raise InputError(str(path), "is not a JSON list")
    try:
        return [model.model_validate(entry) for entry in entries]
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise InputError(str(path), f"has an invalid entry ({where}: {first['msg']})") from exc


def load_story(folder: Path) -> Story:
    """The story in ``folder`` (a ``gold.json`` or a ``story.toml`` must be there)."""
    manifest = _Manifest()
    manifest_path = folder / "story.toml"
    if manifest_path.is_file():
        try:
            manifest = _Manifest.model_validate(tomllib.loads(manifest_path.read_text("utf-8")))
        except (tomllib.TOMLDecodeError, ValidationError) as exc:
            raise InputError(str(manifest_path), f"is not a valid story file ({exc})") from exc
    gold = (folder / manifest.gold).resolve()
    if not gold.is_file():
        raise InputError(str(folder), "holds no gold.json (nor a story.toml naming one)")
    disagreements = (folder / manifest.disagreements).resolve()
    profile = manifest.profile
    if profile is None:
        own = folder / "profile.toml"
        profile = str(own) if own.is_file() else DEFAULT_TOPIC
    elif profile.endswith(".toml"):
        profile = str((folder / profile).resolve())
    return Story(
        name=manifest.name or folder.name,
        folder=folder,
        articles=(folder / manifest.articles).resolve(),
        gold=gold,
        disagreements=disagreements if disagreements.is_file() else None,
        profile=profile,
    )


HELD_OUT_FILE = "held_out.txt"


def held_out(folder: Path) -> frozenset[str]:
    """The stories ``folder`` holds out from tuning (its ``held_out.txt``; none without
    one). Scoring a held-out story is done once per turn, so nothing reads one unasked."""
    listing = folder / HELD_OUT_FILE
    if not listing.is_file():
        return frozenset()
    lines = listing.read_text("utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def held_out_notes(paths: list[Path]) -> list[str]:
    """One sentence per folder of ``paths`` whose held-out stories a search skips."""
    return [
        f"{path}: held-out stories not scored: {', '.join(sorted(skipped))}"
        for path in paths
        if (skipped := held_out(path))
    ]


def find_stories(paths: list[Path]) -> list[Story]:
    """Every story in or under ``paths``, in path order (a folder with stories inside is
    searched one level deep, then two: tests/corpus, tests/gold), but for the held-out
    stories such a folder lists (a story folder named itself is always read)."""
    stories: list[Story] = []
    for path in paths:
        if not path.is_dir():
            raise InputError(str(path), "is not a folder")
        found = [path] if _is_story(path) else []
        if not found:
            skipped = held_out(path)
            found = [
                sub
                for sub in sorted(path.iterdir())
                if sub.is_dir() and _is_story(sub) and sub.name not in skipped
            ]
        if not found:
            raise InputError(str(path), "holds no story (a folder with gold.json or story.toml)")
        stories += [load_story(folder) for folder in found]
    return stories


def _is_story(folder: Path) -> bool:
    return (folder / "gold.json").is_file() or (folder / "story.toml").is_file()

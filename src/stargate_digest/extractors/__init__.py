"""Claim extractors: one registry entry per backend, with what it can do.

Callers ask the registry (``backend_of(name).calls_api``, ``.batch``,
``.writes_summary``) instead of comparing backend names, so a new backend is one entry
here. ``rules`` is offline and the embedded default; ``openai`` is any OpenAI-compatible
LLM server.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from importlib import import_module
from typing import TYPE_CHECKING, Any

from stargate_digest.errors import ConfigurationError
from stargate_digest.extractors.base import Extractor

if TYPE_CHECKING:
    from stargate_digest.topic import TopicProfile

BACKEND_VARIABLE = "STARGATE_DIGEST_BACKEND"


@dataclass(frozen=True)
class Backend:
    """A backend and its capabilities; ``create`` imports it only when it is used."""

    name: str
    summary: str
    calls_api: bool  # network and money: never picked without saying so
    batch: bool  # can go through the Batch API (--batch)
    writes_summary: bool  # the digest gets a model-written summary
    takes_options: bool  # ``create`` takes ``settings`` and ``store`` (every one: ``topic``)
    target: str  # "module:Class"

    def create(self, topic: TopicProfile | None = None, **options: Any) -> Extractor:
        module, _, name = self.target.partition(":")
        factory = getattr(import_module(module), name)
        given = options if self.takes_options else {}
        extractor: Extractor = factory(topic=topic, **given)
        return extractor


BACKENDS: dict[str, Backend] = {
    "rules": Backend(
        "rules", "offline rules over the project's quantity parser", calls_api=False,
        batch=False, writes_summary=False, takes_options=False,
        target="stargate_digest.extractors.rules:RulesExtractor",
    ),
    "openai": Backend(
        "openai", "an OpenAI-compatible LLM server (OpenAI, Azure, vLLM, Ollama, llama.cpp)",
        calls_api=True, batch=True, writes_summary=True, takes_options=True,
        target="stargate_digest.extractors.llm:LLMExtractor",
    ),
}  # fmt: skip
CHOICES = ("auto", *BACKENDS)


def backend_of(name: str) -> Backend:
    """The registry entry of a concrete backend name."""
    try:
        return BACKENDS[name]
    except KeyError:
        raise ValueError(f"unknown backend {name!r}; choose one of {', '.join(BACKENDS)}") from None


def chosen_backend(name: str | None) -> str:
    """The backend asked for: ``name``, else $STARGATE_DIGEST_BACKEND, else ``auto``."""
    chosen = name or os.environ.get(BACKEND_VARIABLE) or "auto"
    if chosen not in CHOICES:
        raise ConfigurationError(
            f"{BACKEND_VARIABLE}={chosen} is not a backend; use {', '.join(CHOICES[:-1])} "
            f"or {CHOICES[-1]}"
        )
    return chosen


def resolve_backend(name: str | None) -> str:
    """A concrete backend: ``auto`` becomes ``openai`` when an API key is configured,
    else ``rules``; None means $STARGATE_DIGEST_BACKEND or ``auto``."""
    chosen = chosen_backend(name)
    if chosen != "auto":
        return chosen
    return "openai" if api_key_configured() else "rules"


def api_key_configured() -> bool:
    """Whether ``auto`` should pick the LLM backend. Here, not in llm_settings.py, so that
    choosing the offline backend imports nothing of the LLM one (its settings model)."""
    return bool(os.environ.get("OPENAI_API_KEY"))


def get_extractor(name: str, **options: Any) -> Extractor:
    """A ready extractor for a concrete backend name; ``options`` (``settings``,
    ``store``) go to backends that take them and are ignored by the others."""
    return backend_of(name).create(**options)

"""Claim extractors: ``rules`` (offline, the embedded default) and ``openai`` (LLM)."""

from __future__ import annotations

from typing import Any

from stargate_digest.extractors.base import Extractor

BACKENDS = ("rules", "openai")


def resolve_backend(name: str) -> str:
    """``auto`` becomes ``openai`` when an API key is configured, else ``rules``."""
    if name != "auto":
        return name
    from stargate_digest.extractors.llm import api_key_configured

    return "openai" if api_key_configured() else "rules"


def get_extractor(name: str, **options: Any) -> Extractor:
    """A ready extractor for a concrete backend name; ``options`` go to the LLM backend
    (``settings``, ``store``) and are ignored by ``rules``."""
    if name == "rules":
        from stargate_digest.extractors.rules import RulesExtractor

        return RulesExtractor()
    if name == "openai":
        from stargate_digest.extractors.llm import LLMExtractor

        return LLMExtractor(**options)
    raise ValueError(f"unknown backend {name!r}; choose one of {', '.join(BACKENDS)}")

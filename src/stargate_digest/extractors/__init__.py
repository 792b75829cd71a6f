"""Claim extractors: ``rules`` (offline, the embedded default)."""

from __future__ import annotations

from stargate_digest.extractors.base import Extractor

BACKENDS = ("rules",)


def resolve_backend(name: str) -> str:
    """``auto`` becomes the best backend that is configured; other names pass through."""
    return "rules" if name == "auto" else name


def get_extractor(name: str) -> Extractor:
    """A ready extractor for a concrete backend name."""
    if name == "rules":
        from stargate_digest.extractors.rules import RulesExtractor

        return RulesExtractor()
    raise ValueError(f"unknown backend {name!r}; choose one of {', '.join(BACKENDS)}")

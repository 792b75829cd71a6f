"""Offline language identification (py3langid: small model, loads in milliseconds)."""

from __future__ import annotations

import py3langid

UNDETERMINED = "und"
_MIN_CHARS = 20


def identify_language(text: str, declared: str | None = None) -> str:
    """ISO 639-1 code of ``text``; the declared language wins only when the text is too short."""
    sample = text[:5000]
    if len(sample.strip()) < _MIN_CHARS:
        return normalize_language_tag(declared) or UNDETERMINED
    language, _score = py3langid.classify(sample)
    return str(language)


def normalize_language_tag(tag: str | None) -> str | None:
    """'fr-FR' or 'en_US' -> 'fr' / 'en'; None for an empty tag."""
    if not tag:
        return None
    primary = tag.replace("_", "-").split("-", 1)[0].strip().lower()
    return primary if 2 <= len(primary) <= 3 and primary.isalpha() else None

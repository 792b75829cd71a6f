"""Offline language identification: CLD2 first, py3langid when CLD2 is unsure.

CLD2 (pycld2) carries its tables inside its C extension: it imports in about 2 ms and
reads an article in well under a millisecond. py3langid is kept as the fallback for
text CLD2 will not call (short or mixed text); its model costs about 0.6 s and 74 MiB
to load, so it is imported only when that happens, not in every process.
"""

from __future__ import annotations

UNDETERMINED = "und"
_MIN_CHARS = 20
_CLD2_UNKNOWN = "un"
# CLD2 still writes a few withdrawn ISO 639-1 codes.
_CLD2_CODES = {"iw": "he", "in": "id", "jw": "jv"}


def identify_language(text: str, declared: str | None = None) -> str:
    """ISO 639-1 code of ``text``; the declared language wins only when the text is too short."""
    sample = text[:5000]
    if len(sample.strip()) < _MIN_CHARS:
        return normalize_language_tag(declared) or UNDETERMINED
    return _cld2(sample) or _py3langid(sample)


def _cld2(sample: str) -> str | None:
    """CLD2's reliable answer, or None when it is unsure (or cannot read the text)."""
    import pycld2

    try:
        reliable, _bytes, details = pycld2.detect(sample)
    except pycld2.error:
        return None  # e.g. unpaired surrogates from a broken page
    code = str(details[0][1])
    if not reliable or code == _CLD2_UNKNOWN:
        return None
    primary = normalize_language_tag(code)
    return _CLD2_CODES.get(primary or "", primary)


def _py3langid(sample: str) -> str:
    import py3langid  # loads its model on first use: only for text CLD2 will not call

    language, _score = py3langid.classify(sample)
    return str(language)


def normalize_language_tag(tag: str | None) -> str | None:
    """'fr-FR' or 'en_US' -> 'fr' / 'en'; None for an empty tag."""
    if not tag:
        return None
    primary = tag.replace("_", "-").split("-", 1)[0].strip().lower()
    return primary if 2 <= len(primary) <= 3 and primary.isalpha() else None

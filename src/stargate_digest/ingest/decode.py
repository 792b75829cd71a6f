"""Turn raw bytes into text: UTF-8 first, then a detected encoding, never mojibake silently."""

from __future__ import annotations

import codecs
import logging
import re

from stargate_digest.errors import InputError

log = logging.getLogger(__name__)

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_TEXT_CONTROLS = {9, 10, 12, 13}
_REPLACEMENT = "\ufffd"


def _looks_binary(data: bytes) -> bool:
    """NUL bytes or many C0 control characters mean this is not text in any 8-bit encoding."""
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for byte in sample if byte < 32 and byte not in _TEXT_CONTROLS)
    return controls > len(sample) * 0.05


def _damaged_utf8(data: bytes) -> str | None:
    """The text of UTF-8 with a few bad bytes in it, or None when it is not UTF-8 at all.

    A cp1252 byte pasted into a UTF-8 page is common; decoding the whole page as cp1252
    would turn every other accent into mojibake. Real UTF-8 sequences outnumbering the
    bad bytes mean the document is UTF-8; single-byte text almost never forms them.
    """
    text = data.decode("utf-8", errors="replace")
    bad = text.count(_REPLACEMENT)
    good = sum(1 for char in text if char > "\x7f" and char != _REPLACEMENT)
    return text if good > 4 * bad else None


_WESTERN_LETTERS = frozenset("ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜÝßàáâãäåæçèéêëìíîïñòóôõöøùúûüýÿŒœŠšŽžŸ")
_WESTERN_PUNCTUATION = frozenset("‘’‚“”„–—…«»°€£¥§©®·•´¨ªº¿¡×÷½¼¾±²³µ\u00a0")
_WORD = re.compile(r"[^\W\d_]+")


def _plausible_cp1252(data: bytes) -> str | None:
    """The text as Windows-1252 when it reads like a Western European language, else None.

    Statistical detectors often pick a Baltic or Central European code page for short
    French or German text (``à`` comes out as ``ą``). Windows-1252 is by far the most
    common legacy encoding, so it is tried first, and kept only when every non-ASCII
    character is a Western letter or typographic sign and accented words (``à`` aside) also
    hold ASCII letters: Cyrillic or Greek read as cp1252 gives words of accented letters.
    """
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    foreign = [char for char in text if char > "\x7f"]
    if any(c not in _WESTERN_LETTERS and c not in _WESTERN_PUNCTUATION for c in foreign):
        return None
    accented = [word for word in _WORD.findall(text) if len(word) > 1 and not word.isascii()]
    mixed = sum(1 for word in accented if any(char.isascii() for char in word))
    return text if mixed >= 0.8 * len(accented) else None


def _web_label(declared: str | None) -> str | None:
    """What browsers read a declared label as: ISO-8859-1 and ASCII pages are Windows-1252."""
    if declared is None:
        return None
    try:
        name = codecs.lookup(declared).name
    except LookupError:
        return None
    return "cp1252" if name in ("latin-1", "iso8859-1", "ascii") else None


def decode_bytes(data: bytes, source: str, declared: str | None = None) -> str:
    """Decode ``data``; raise InputError naming ``source`` when it is empty or not text."""
    if not data:
        raise InputError(source, "is empty")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = data.decode(encoding, errors="replace")
            if not text.strip():
                raise InputError(source, "is empty")
            return text
    if not data.strip():
        raise InputError(source, "has only whitespace in it")
    if _looks_binary(data):
        raise InputError(source, "is a binary file, not text, HTML, JSON or a feed")
    for candidate in ("utf-8", _web_label(declared), declared):
        if candidate:
            try:
                return data.decode(candidate)
            except (UnicodeDecodeError, LookupError):
                continue
    damaged = _damaged_utf8(data)
    if damaged is not None:
        log.warning(
            "%s: is UTF-8 with %d invalid byte sequences; each became U+FFFD",
            source,
            damaged.count(_REPLACEMENT),
        )
        return damaged
    western = _plausible_cp1252(data)
    if western is not None:
        log.warning(
            "%s: is not UTF-8; decoded as cp1252 (Western European), a guess: check the "
            "text or convert it to UTF-8",
            source,
        )
        return western
    from charset_normalizer import from_bytes  # lazy: only for non-UTF-8 input

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise InputError(
            source, "is not UTF-8 and its encoding could not be detected; convert it to UTF-8"
        )
    log.warning(
        "%s: is not UTF-8; decoded as %s, a guess: check the text or convert it to UTF-8",
        source,
        best.encoding,
    )
    return str(best)

"""Strings that every match of a regular expression must contain: a cheap, exact prefilter.

Python's ``re`` tries a large case-insensitive alternation at every position of the text
(it has no multi-pattern automaton), about a microsecond per character for the verifier's
instruction check. Most sentences contain none of the literal words any match needs, which
``str`` search tells far faster; only the others are searched with the regex itself.

:func:`required_literals` reads the pattern's parse tree (``re._parser``, the parser
``re.compile`` itself uses) and returns strings such that every match contains at least
one of them, or None when it cannot tell (then nothing may be skipped). Comparison is
through :func:`fold`, which equates exactly the characters ``re.IGNORECASE`` equates
(simple lowercase plus ``re``'s own extra case equivalences), so a skip never hides a match.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

try:  # private modules of the standard library (3.11+): without them, no prefilter
    from re import _casefix, _constants, _parser  # type: ignore[attr-defined]

    _LITERAL = _constants.LITERAL
    _BRANCH = _constants.BRANCH
    _SUBPATTERN = _constants.SUBPATTERN
    _REPEATS = (_constants.MAX_REPEAT, _constants.MIN_REPEAT, _constants.POSSESSIVE_REPEAT)
    _ATOMIC = _constants.ATOMIC_GROUP
    _EXTRA_CASES: dict[int, tuple[int, ...]] | None = _casefix._EXTRA_CASES
except (ImportError, AttributeError):  # pragma: no cover - depends on the Python
    _EXTRA_CASES = None


@lru_cache(maxsize=1)
def _canonical() -> dict[int, int | None]:
    # re.IGNORECASE also equates a few characters whose lowercase forms differ ("s" and
    # long s, the two Greek sigmas...): map each such group to one member.
    table: dict[int, int | None] = {}
    for code, others in (_EXTRA_CASES or {}).items():
        table[code] = min((code, *others))
    # "İ" is the one character str.lower() makes two ("i" and a combining dot) where
    # re's simple lowercase makes it "i": the dot is dropped. Dropping a character can
    # only make a required string appear, never hide one.
    table[0x307] = None
    return table


def fold(text: str) -> str:
    """Text with the characters ``re.IGNORECASE`` treats as equal made equal."""
    lowered = text.lower()
    # str.translate with a dict looks up every character of a non-ASCII text; the
    # table changes only a few rare non-ASCII characters, so a text holding none of
    # them (found by one character-class scan in C) is already folded.
    if lowered.isascii() or _changed().search(lowered) is None:
        return lowered
    return lowered.translate(_canonical())


@lru_cache(maxsize=1)
def _changed() -> re.Pattern[str]:
    """The characters the folding table changes (its other entries map to themselves)."""
    codes = [code for code, to in _canonical().items() if to != code]
    return re.compile("[" + "".join(re.escape(chr(code)) for code in sorted(codes)) + "]")


def finder(words: tuple[str, ...]) -> re.Pattern[str]:
    """One case-sensitive regex for folded text that matches where any of ``words``
    starts. The words are a prefix tree ("a(?:ch(?:tung)|ssistant)"), not a flat
    alternation: at each position a flat one tries its ~140 words one by one, a tree
    rejects the position after a character or two; its first characters still let ``re``
    skip ahead. Where a match is, not which word, is what callers ask."""
    tree: dict[str, Any] = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return re.compile(_branch(tree))  # no words: "", which matches anywhere, as before


def _branch(node: dict[str, Any]) -> str:
    parts = [re.escape(char) + _branch(child) for char, child in sorted(node.items()) if char]
    if not parts:
        return ""
    body = parts[0] if len(parts) == 1 else f"(?:{'|'.join(parts)})"
    # A word that ends here matches whatever follows: the rest is optional.
    return f"(?:{body})?" if "" in node else body


def required_literals(pattern: str, flags: int = 0) -> tuple[str, ...] | None:
    """Folded strings of which every match of ``pattern`` contains one, or None."""
    if flags & (re.LOCALE | re.VERBOSE) or not flags & re.IGNORECASE or _EXTRA_CASES is None:
        return None  # only the case-insensitive str patterns the verifier uses are read
    try:
        found = _sequence(list(_parser.parse(pattern, flags).data))
    except (re.error, TypeError, ValueError, AttributeError, IndexError):
        return None  # a pattern (or a parser) this reading does not know: no prefilter
    if not found:
        return None
    # A string that contains another required string adds nothing to the test.
    kept = sorted(found, key=len)
    return tuple(s for i, s in enumerate(kept) if not any(k in s for k in kept[:i]))


def _sequence(items: list[Any]) -> set[str] | None:
    """The best required set of a sequence (the least likely to be found by chance)."""
    options: list[set[str]] = []
    run: list[str] = []
    for op, arg in items:
        if op is _LITERAL:
            run.append(chr(arg))
            continue
        if run:
            options.append({fold("".join(run))})
            run = []
        inner = _item(op, arg)
        if inner:
            options.append(inner)
    if run:
        options.append({fold("".join(run))})
    options = [option for option in options if all(option)]
    if len(options) < 2:
        return options[0] if options else None
    return min(options, key=lambda option: sum(map(_chance, option)))


@lru_cache(maxsize=4096)
def _chance(text: str) -> float:
    """A rough chance that a sentence holds the string: the rarest set is best (a
    two-letter Latin word is common, two CJK characters or a long word are rare)."""
    cjk = sum(ord(char) >= 0x2E80 for char in text)
    return _PER_CHAR_LATIN ** (len(text) - cjk) * _PER_CHAR_CJK**cjk


_PER_CHAR_LATIN = 1 / 20
_PER_CHAR_CJK = 1 / 500


def _item(op: Any, arg: Any) -> set[str] | None:
    if op is _BRANCH:
        union: set[str] = set()
        for branch in arg[1]:
            found = _sequence(list(branch))
            if not found:
                return None  # a branch that needs no literal makes the whole one need none
            union |= found
        return union
    if op is _SUBPATTERN:
        _group, add_flags, del_flags, body = arg
        if add_flags or del_flags:
            return None  # scoped flags could switch case-insensitivity off or on
        return _sequence(list(body.data))
    if op in _REPEATS and arg[0] >= 1:
        return _sequence(list(arg[2]))
    if op is _ATOMIC:
        return _sequence(list(arg.data))
    return None

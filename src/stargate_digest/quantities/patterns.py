"""Term lookup with script-aware boundaries, and the few character classes regexes share.

Terms are found by slicing the text at each term length and looking the slice up in a
dict (longest first), not with one big regex alternation: with hundreds of terms, each
bounded by a Unicode letter class that excludes CJK, such a regex takes seconds to
compile per language, and lookups are as fast. Latin-script terms need letter boundaries ("m"
must not match inside "mètres", but "RMB" may touch the digits of "RMB5"); CJK terms
follow and precede numbers with no space and need none.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Generic, TypeVar

from stargate_digest.frozen import quick_init

CJK = (
    "\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u3400-\u4dbf\u4e00-\u9fff"
    "\uac00-\ud7af\uf900-\ufaff\uff66-\uff9f"
)
LETTER = rf"[^\W\d_{CJK}]"
"""A letter of a space-separated script: gluing one to a number makes it a name ("A78").
Compiling this class is slow; use it in a handful of regexes, not once per term."""
SPACE = "[ \u00a0\u202f\u2009]"
"""One space between parts of a quantity; NBSP and narrow NBSP are common in fr/de."""
SPACES = " \u00a0\u202f\u2009"

_CJK_CHAR = re.compile(f"[{CJK}]")
# "\d\d*", not "\d+": a pattern that opens with a character class lets the regex engine
# scan for that class in C; one that opens with a repeat is tried as a whole at every
# position of the text (about ten times the instructions per character).
_DIGIT_RUN = re.compile(r"\d\d*")


def alternation(words: Iterable[str]) -> str:
    """``words`` as a regex alternation, escaped, longest first: the engine takes the first
    branch that matches, so "Milliarden" must be tried before "Milliarde". Ties in text
    order, so that a set gives the same pattern in every process (string hashes differ
    from run to run): a pattern compiled once stays in the command line's store
    (compiled_patterns.py); two literals of one length that both match match the same."""
    return "|".join(map(re.escape, sorted(words, key=longest_first)))


def longest_first(word: str) -> tuple[int, str]:
    """Sort key: longest first, ties in text order (see ``alternation``)."""
    return -len(word), word


def digit_runs(text: str) -> list[tuple[int, int]]:
    """Where each run of digits starts and ends. Dates and numbers both start at one:
    the scanner finds them once for both (a regex pass over the whole text each)."""
    return [run.span() for run in _DIGIT_RUN.finditer(text)]


_FIRST_CJK = "\u1100"
_MEMO_SIZE = 100_000

T = TypeVar("T")


def is_cjk(char: str) -> bool:
    """True for kana, hangul and Han characters (scripts written without spaces)."""
    return char >= _FIRST_CJK and _CJK_CHAR.match(char) is not None


def is_letter(char: str) -> bool:
    """True for a letter of a space-separated script (not digits, not CJK)."""
    return char.isalpha() and not is_cjk(char)


@quick_init  # frozen.py: made by the hundred per article
@dataclass(frozen=True, slots=True)
class Hit(Generic[T]):
    """Where a term was found (including the spacing around it) and what it means."""

    start: int
    end: int
    value: T


class Terms(Generic[T]):
    """Words and symbols with meanings; finds the longest one next to a position.

    Entries are ``(surface, meaning, ignore_case)``; a surface may not carry two
    meanings (caught when the table is built). ``spaces`` is how many spaces (and, with
    ``hyphen``, one hyphen) may separate the term from the position it is matched at.
    """

    def __init__(
        self, entries: Iterable[tuple[str, T, bool]], *, spaces: int = 0, hyphen: bool = False
    ) -> None:
        self._exact: dict[str, T] = {}
        self._folded: dict[str, T] = {}
        heads: dict[str, set[int]] = {}
        tails: dict[str, set[int]] = {}
        for surface, meaning, ignore_case in entries:
            table, key = (
                (self._folded, surface.casefold()) if ignore_case else (self._exact, surface)
            )
            if table.setdefault(key, meaning) != meaning:
                raise ValueError(f"term {surface!r} has two meanings: {table[key]!r}, {meaning!r}")
            heads.setdefault(surface[0].casefold(), set()).add(len(surface))
            tails.setdefault(surface[-1].casefold(), set()).add(len(surface))
        self._by_head = {char: sorted(sizes, reverse=True) for char, sizes in heads.items()}
        self._by_tail = {char: sorted(sizes, reverse=True) for char, sizes in tails.items()}
        self._spaces = spaces
        self._gap = SPACES + ("-" if hyphen else "")
        # Memos (bounded): the lengths of the terms a character of the text starts, and
        # what a written piece means with whether its first and last characters are
        # letters; the scanner looks up the same pieces and characters all the time.
        self._heads: dict[str, list[int]] = {}
        self._written: dict[str, tuple[T | None, bool, bool]] = {}

    def _lookup(self, text: str, start: int, end: int) -> T | None:
        written = text[start:end]
        known = self._written.get(written)
        if known is None:
            meaning = self._exact.get(written)
            if meaning is None:
                meaning = self._folded.get(written.casefold())
            known = (meaning, is_letter(written[0]), is_letter(written[-1]))
            if len(self._written) < _MEMO_SIZE:
                self._written[written] = known
        meaning, letter_first, letter_last = known
        if meaning is None:
            return None
        if letter_first and start > 0 and is_letter(text[start - 1]):
            return None
        if letter_last and end < len(text) and is_letter(text[end]):
            return None
        return meaning

    def match(self, text: str, pos: int) -> Hit[T] | None:
        """The longest term after ``pos`` (and the allowed spacing)."""
        size = len(text)
        start = pos
        limit = min(size, pos + self._spaces)
        while start < limit and text[start] in self._gap:
            start += 1
        if start == size:
            return None
        head = text[start]
        lengths = self._heads.get(head)
        if lengths is None:
            lengths = self._by_head.get(head.casefold(), [])
            if len(self._heads) < _MEMO_SIZE:
                self._heads[head] = lengths
        for length in lengths:
            if start + length <= size:
                meaning = self._lookup(text, start, start + length)
                if meaning is not None:
                    return Hit(pos, start + length, meaning)
        return None

    def ending_at(self, text: str, end: int, floor: int) -> Hit[T] | None:
        """The longest term ending at ``end`` (before the allowed spacing), from ``floor`` on."""
        stop = end
        while end - stop < self._spaces and stop > floor and text[stop - 1] in self._gap:
            stop -= 1
        if stop == floor:
            return None
        for length in self._by_tail.get(text[stop - 1].casefold(), ()):
            if stop - length >= floor:
                meaning = self._lookup(text, stop - length, stop)
                if meaning is not None:
                    return Hit(stop - length, end, meaning)
        return None

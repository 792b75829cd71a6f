"""The distinct words of a text, read once and shared by the passes that need them.

The topic term lookup needs the text's words; the number-word and scale-phrase
searches can be skipped when no word of the text opens any of their words. Reading
the words is one regex pass in C over the whole text (about a third of the term
lookup); done once per text, the other passes get a set test in its place.

A word here is a run of word characters outside the CJK scripts (CJK text writes no
space around a Latin name, and Korean glues its particles to it). In a text with no CJK
character that is exactly a run of ``\\w`` (what ``re``'s ``\\b`` and ``\\w`` see): only
then may a caller reason from ``\\w`` words (``TextWords.plain``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

CJK_RANGES = "\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uac00-\ud7af"
WORD_CHAR = rf"[^\W{CJK_RANGES}]"
WORD = re.compile(rf"{WORD_CHAR}+")
CJK = re.compile(rf"[{CJK_RANGES}]")
_LEADING_WORD = re.compile(r"\w*")


@dataclass(frozen=True)
class TextWords:
    """What one text is made of: its distinct words, and whether it holds CJK characters."""

    words: frozenset[str]
    cjk: bool

    @property
    def plain(self) -> bool:
        """Whether ``words`` are the text's runs of ``\\w`` (no CJK character in it)."""
        return not self.cjk

    def may_open(self, leads: frozenset[str] | None) -> bool:
        """False only when no match that starts a ``\\w`` word and opens with one of
        ``leads`` (see :func:`leading_words`) can be in the text: none of them is one of
        its words. True whenever that cannot be told (CJK text, no leads known)."""
        return leads is None or not self.plain or not leads.isdisjoint(self.words)


def text_words(text: str) -> TextWords:
    """The distinct words of ``text`` and whether it holds CJK characters."""
    if CJK.search(text) is not None:
        return TextWords(frozenset(WORD.findall(text)), cjk=True)
    # No word holds a space, so the words are those of the distinct space-separated
    # pieces: str.split and a set in C, then a regex only on the pieces with something
    # else than word characters in them ("plant,", "(Acme)"); a piece of letters and
    # digits alone is one word (with no CJK character, a word character is \w). A regex
    # pass over the whole text costs a match per word; news text repeats its words.
    pieces = set(text.split())
    words = {piece for piece in pieces if piece.isalnum()}
    for piece in pieces - words:
        words.update(WORD.findall(piece))
    return TextWords(frozenset(words), cjk=False)


def leading_words(written: frozenset[str] | set[str]) -> frozenset[str] | None:
    """The leading run of word characters of each string ("vingt" of "vingt et un").

    A match of one of ``written`` that starts where a ``\\w`` word starts, and that
    ends at a word boundary or goes on past a non-word character, lies on that word
    exactly up to its first non-word character: the word is the leading run. None
    when some string opens with a non-word character (no word to look for).
    """
    leads = frozenset(_leading(item) for item in written)
    return None if "" in leads else leads


def _leading(item: str) -> str:
    found = _LEADING_WORD.match(item)
    return found.group() if found is not None else ""

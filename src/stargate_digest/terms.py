"""Find many words and phrases in a text in one pass.

A topic profile has hundreds of cue words and aliases. Matching each as a regular
expression costs a scan of the text per pattern (Python's ``re`` has no multi-pattern
automaton); here the text is split into words once and every word is looked up in a
dictionary, so the cost grows with the text, not with the number of terms.

Semantics: case-insensitive, whole words; a term word ending in ``*`` matches any word
it begins; words of a phrase may be separated in the text by spaces, hyphens,
apostrophes or dots ("U.S. government", "d’ici", "public-sector"); a term does not
match right after a hyphen ("KI-Projekt" is not "Projekt"). Terms written in CJK
scripts, which do not separate words, match anywhere as substrings; a word in another
script ends where CJK text touches it ("在Abilene部署", Korean "Abilene에").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from stargate_digest.frozen import quick_init
from stargate_digest.text_words import CJK, CJK_RANGES, WORD, WORD_CHAR, TextWords, text_words

# A word is a run of word characters outside the CJK scripts: CJK text writes no space
# around a Latin name, and Korean glues its particles to it (text_words.py).
_CJK_RANGES = CJK_RANGES
_WORD_CHAR = WORD_CHAR
_WORD = WORD
_CJK = CJK
# What may stand between two words of a phrase. A comma only where the term writes one
# before a space ("Taylor, Texas", "Meta Platforms, Inc."): ``_Term.commas``; not one
# between digits ("1,400 acres"), which the text may write "1.400".
_GAP = re.compile(r"[\s\-'’.,]{1,3}")
_NAME_COMMA = re.compile(r",\s")


@quick_init  # frozen.py: made by the hundred per article
@dataclass(frozen=True, slots=True)
class TermHit:
    """One occurrence of a term: its span and the label it was registered with."""

    start: int
    end: int
    label: str


@dataclass(frozen=True)
class _Term:
    words: tuple[str, ...]
    prefix: tuple[bool, ...]
    label: str
    single: bool = False
    """One word: the term ends where its first word does."""
    commas: tuple[bool, ...] = ()
    """Per word, whether the term writes a comma before it ("Boise, Idaho")."""


@dataclass(frozen=True)
class _Starts:
    """The terms one word of the text starts, sorted for the lookup at each occurrence:
    the labels of the one-word terms (a hit wherever the word is), and the longer terms by
    their second word, so that only those whose second word follows are matched further
    (a frequent word, "in", starts several phrases that seldom follow it)."""

    labels: tuple[str, ...]
    by_second: dict[str, tuple[_Term, ...]]
    """Longer terms whose second word is written in full, by that word."""
    prefixed: tuple[_Term, ...]
    """Longer terms whose second word ends in ``*`` (matched by its beginning)."""


def _starts(terms: tuple[_Term, ...]) -> _Starts:
    by_second: dict[str, list[_Term]] = {}
    for term in terms:
        if not term.single and not term.prefix[1]:
            by_second.setdefault(term.words[1], []).append(term)
    return _Starts(
        labels=tuple(term.label for term in terms if term.single),
        by_second={word: tuple(found) for word, found in by_second.items()},
        prefixed=tuple(term for term in terms if not term.single and term.prefix[1]),
    )


def _word_matches(word: str, pattern: str, prefix: bool) -> bool:
    return word.startswith(pattern) if prefix else word == pattern


class TermMatcher:
    """Every (label, term) registered at construction, found by :meth:`find`."""

    def __init__(self, terms: Iterable[tuple[str, str]]) -> None:
        self._exact: dict[str, list[_Term]] = {}
        self._prefix: dict[str, list[_Term]] = {}
        # CJK terms by their first character: a text holds few of the characters they start with.
        self._substrings: dict[str, list[tuple[str, str]]] = {}
        for label, term in terms:
            self._add(label, term)
        self._prefix_lengths = sorted({len(stem) for stem in self._prefix})
        # The first characters of the CJK terms, found in a text by one character-class
        # scan in C (set(text) made an object of each of its characters).
        firsts = "".join(re.escape(first) for first in sorted(self._substrings))
        self._firsts = re.compile(f"[{firsts}]" if firsts else "(?!)")
        self._memo: dict[str, tuple[_Term, ...]] = {}
        self._seen: dict[str, tuple[_Starts, re.Pattern[str]]] = {}
        self._idle: set[str] = set()

    def _add(self, label: str, term: str) -> None:
        if _CJK.search(term):
            needle = term.rstrip("*")
            self._substrings.setdefault(needle[0], []).append((needle, label))
            return
        words: list[str] = []
        prefix: list[bool] = []
        commas: list[bool] = []
        folded = term.casefold()
        reached = 0
        for part in _WORD.finditer(folded):
            words.append(part.group())
            prefix.append(folded.startswith("*", part.end()))
            commas.append(_NAME_COMMA.search(folded, reached, part.start()) is not None)
            reached = part.end()
        if not words:
            raise ValueError(f"term {term!r} ({label}) has no words")
        entry = _Term(tuple(words), tuple(prefix), label, len(words) == 1, tuple(commas))
        table = self._prefix if entry.prefix[0] else self._exact
        table.setdefault(words[0], []).append(entry)

    def find(self, text: str, words: TextWords | None = None) -> list[TermHit]:
        """All hits in text order; overlapping hits of different terms are all kept.

        ``words``: ``text_words(text)``, when the caller has them already."""
        return [TermHit(start, -end, label) for start, end, label in self._sorted(text, words)]

    def spans_by_label(
        self, text: str, words: TextWords | None = None
    ) -> dict[str, list[tuple[int, int]]]:
        """The (start, end) of :meth:`find`'s hits, in the same order, by label: for a
        caller that labels them anew (a TermHit made per hit only once, not twice)."""
        found: dict[str, list[tuple[int, int]]] = {}
        for start, end, label in self._sorted(text, words):
            found.setdefault(label, []).append((start, -end))
        return found

    def _sorted(self, text: str, words: TextWords | None) -> list[tuple[int, int, str]]:
        """Every hit as (start, -end, label), sorted (see find)."""
        # (start, -end, label): sorted as the hits are returned; a set of tuples hashes
        # and compares in C, one of TermHits through their Python-level methods.
        hits: set[tuple[int, int, str]] = set()
        # Most words start no term: the distinct words of the text, less those known to
        # start none, are taken in C (findall, set difference); only the few left are
        # looked at in Python, and located with a regex of the word and its boundaries
        # (a short word such as "in" is inside many others: the engine skips those).
        read = text_words(text) if words is None else words
        cjk = read.cjk
        for written in read.words - self._idle:
            entry = self._seen.get(written)
            if entry is None:
                candidates = self._candidates(written.casefold())
                if not candidates:
                    if len(self._idle) < 100_000:
                        self._idle.add(written)
                    continue
                entry = (_starts(candidates), _whole_word(written))
                if len(self._seen) < 100_000:
                    self._seen[written] = entry
            starts, occurrences = entry
            spans = (
                _occurrences(text, written)
                if cjk
                else (occurrence.span() for occurrence in occurrences.finditer(text))
            )
            for position, end in spans:
                for label in starts.labels:  # one word: nothing more to match after it
                    hits.add((position, -end, label))
                if starts.by_second or starts.prefixed:
                    self._longer(text, position, end, starts, hits)
        # A text without CJK characters holds none of the CJK terms: skip their search;
        # in one with them, only the terms whose first character it holds are searched.
        found = self._firsts.findall(text) if cjk else ()
        for first in dict.fromkeys(found):
            for needle, label in self._substrings[first]:
                position = text.find(needle)
                while position >= 0:
                    hits.add((position, -(position + len(needle)), label))
                    position = text.find(needle, position + 1)
        return sorted(hits)

    @staticmethod
    def _longer(
        text: str, position: int, end: int, starts: _Starts, hits: set[tuple[int, int, str]]
    ) -> None:
        """The terms of two words or more that start with the word at [position, end):
        the word after it is read once, and only the terms whose second word it is (or
        begins with) are matched further; the others could not match (_match_rest)."""
        following: list[tuple[str, int, bool]] = []  # the words after it, read once
        if not _read_word(text, end, following):
            return  # no word follows: no longer term can match
        second = following[0][0]
        for term in (*starts.by_second.get(second, ()), *starts.prefixed):
            stop = _match_rest(text, end, term, following)
            if stop is not None:
                hits.add((position, -stop, term.label))

    def _candidates(self, word: str) -> tuple[_Term, ...]:
        """Terms that can start at this word (memoised: news text repeats its words)."""
        known = self._memo.get(word)
        if known is not None:
            return known
        found = list(self._exact.get(word, ()))
        for length in self._prefix_lengths:
            if length > len(word):
                break
            found.extend(self._prefix.get(word[:length], ()))
        if len(self._memo) < 100_000:
            self._memo[word] = tuple(found)
        return tuple(found)


def _whole_word(written: str) -> re.Pattern[str]:
    """``written`` where it is a whole word not right after a hyphen ("KI-Projekt" is
    not "Projekt"), in a text without CJK characters: no word character on either side.
    The word comes first so that the regex engine searches for it as a literal; the
    lookbehind after it looks at the character before it. (With CJK, a CJK character
    beside the word is a boundary too: ``_occurrences``. A class excluding the CJK
    ranges would say so in the regex, but costs a millisecond to compile, per word.)"""
    word = re.escape(written)
    return re.compile(rf"{word}(?<!(?:\w|-){word})(?!\w)")


def _occurrences(text: str, written: str) -> Iterator[tuple[int, int]]:
    """Where ``written`` stands as a whole word in a text with CJK characters (see
    ``_whole_word``), found with str.find and its neighbours checked in Python."""
    size, length = len(written), len(text)
    position = text.find(written)
    while position >= 0:
        end = position + size
        before = text[position - 1] if position else " "
        if before != "-" and not _is_word(before) and (end == length or not _is_word(text[end])):
            yield position, end
        position = text.find(written, end)


def _is_word(char: str) -> bool:
    """Whether ``_WORD`` matches the character (alphanumeric or underscore, not CJK)."""
    return (char.isalnum() or char == "_") and _CJK.match(char) is None


def _match_rest(
    text: str, end: int, term: _Term, following: list[tuple[str, int, bool]]
) -> int | None:
    """End offset when the term's later words follow the word ending at ``end``.

    ``following`` holds the casefolded words read after ``end`` so far, each with its end
    offset and whether a comma stands before it: the terms that start with the same word
    share them. A comma in the text is read only where the term writes one ("Taylor,
    Texas"): "Abilene, Texas" is no match of a term "Abilene Texas", nor the reverse.
    Such a name ends at its comma ("Taylor" of "Taylor, Texas"): what follows the comma
    only says where it is, and a clause of the sentence ends there.
    """
    cut = None
    for offset in range(1, len(term.words)):
        if len(following) < offset and not _read_word(text, end, following):
            return None
        written, stop, comma = following[offset - 1]
        if comma != term.commas[offset] or not _word_matches(
            written, term.words[offset], term.prefix[offset]
        ):
            return None
        if comma and cut is None:
            cut = end
        end = stop
    return end if cut is None else cut


def _read_word(text: str, end: int, following: list[tuple[str, int, bool]]) -> bool:
    """Read one more word into ``following`` (the words after the one ending at ``end``:
    casefolded, with its end offset and whether a comma stands before it); False when
    no word follows."""
    gap = _GAP.match(text, following[-1][1] if following else end)
    word = None if gap is None else _WORD.match(text, gap.end())
    if gap is None or word is None:
        return False
    following.append((word.group().casefold(), word.end(), "," in gap.group()))
    return True


def leftmost_longest(hits: Iterable[TermHit]) -> list[TermHit]:
    """``hits`` read the way a reader reads names: from the left, the longest name that
    starts there, and no other name inside it or across its end. "the Abilene
    expansion" names the expansion, not also the campus of the alias "Abilene"; where
    two parts' aliases overlap ("West Texas" and "Texas Abilene" over "West Texas
    Abilene"), the text names one of them, not both. Hits of the very same span are
    all kept (one alias listed under two labels)."""
    kept: list[TermHit] = []
    for hit in sorted(hits, key=lambda h: (h.start, -h.end, h.label)):
        last = kept[-1] if kept else None
        if last is None or hit.start >= last.end or (hit.start, hit.end) == (last.start, last.end):
            kept.append(hit)
    return kept

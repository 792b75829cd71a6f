"""Numbers as written: locale-aware digit strings, spelled-out words and CJK numerals."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from stargate_digest.data_tables import table
from stargate_digest.frozen import quick_init
from stargate_digest.quantities.lexicon import (
    CJK_NUMERAL_LANGUAGES,
    NUM2WORDS_LANGUAGES,
    NUMBER_WORDS,
)
from stargate_digest.quantities.locale_facts import (
    decimal_symbol,
    generated_data,
    group_symbol,
    word_language,
)
from stargate_digest.quantities.patterns import digit_runs
from stargate_digest.text_words import TextWords, leading_words

_GROUP_SPACES = "\u00a0\u202f\u2009"
_STRIPPED_GROUPS = str.maketrans("", "", f" {_GROUP_SPACES}'’")
_PLAIN = re.compile(r"\d+(?:[.,]\d+)*")

_CJK_DIGITS = {
    "〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5, "六": 6,
    "七": 7, "八": 8, "九": 9,
}  # fmt: skip
_CJK_UNITS = {"十": 10, "百": 100, "千": 1000}
_CJK_NUMERAL = re.compile(f"[{''.join(_CJK_DIGITS)}{''.join(_CJK_UNITS)}]+")
# A vague digit beside a power of ten: "数千亿" / "幾百" / "上千" (several thousand, some
# hundreds, upwards of a thousand), "十数億" / "二十几" (ten-odd, twenty-some). Such a
# numeral is no number a reader would list, as "several hundred billion", "Hunderte
# Milliarden", "수천억" are none: it is read as no figure at all (docs/quantities.md).
_VAGUE_BEFORE = re.compile(r"(?:[数數几幾]|(?<!以)上)[十百千]")
_VAGUE_AFTER = re.compile(r"[十百千][数數几幾]")


_Trie = dict[str, "_Trie"]


@quick_init  # frozen.py: made by the hundred per article
@dataclass(frozen=True, slots=True)
class NumberToken:
    """A number in text; ``spelled`` numbers ("four", "四") only count with a unit."""

    start: int
    end: int
    value: Decimal
    spelled: bool


def parse_number(digits: str, language: str) -> float:
    """A locale-formatted digit string as a float ("18,25" fr -> 18.25, "5 600" -> 5600).

    Raises ValueError when ``digits`` is not a number.
    """
    return float(decimal_value(digits, language))


def decimal_value(digits: str, language: str) -> Decimal:
    """Exact value of a digit string, reading separators by the locale (see parse_number).

    Both '.' and ',' present: the last one is the decimal mark. One kind repeated: it
    groups digits. A single separator: a group separator of the locale before exactly
    three digits groups ("1,200" en, "1.000" de); the locale's decimal mark is decimal
    ("1,2" de); a foreign mark groups before three digits and is decimal otherwise
    ("1,2" en -> 1.2, "5,94" ja -> 5.94).
    """
    compact = digits.strip().translate(_STRIPPED_GROUPS)
    if not _PLAIN.fullmatch(compact):
        raise ValueError(f"not a number: {digits!r}")
    marks = [char for char in compact if char in ".,"]
    if not marks:
        return Decimal(compact)
    last = marks[-1]
    if len(set(marks)) == 2:
        decimal_mark: str | None = last
    elif len(marks) > 1:
        decimal_mark = None
    else:
        three_after = len(compact) - compact.index(last) - 1 == 3
        if last == group_symbol(language) and three_after:
            decimal_mark = None
        elif last == decimal_symbol(language):
            decimal_mark = last
        else:
            decimal_mark = None if three_after else last
    whole, _, fraction = compact.rpartition(decimal_mark) if decimal_mark else (compact, "", "")
    integer = whole.replace(".", "").replace(",", "")
    return Decimal(f"{integer}.{fraction}" if decimal_mark else integer)


def cjk_numeral(numeral: str) -> int:
    """Value of a CJK numeral below ten thousand ("十八" -> 18, "二十" -> 20, "五千" -> 5000)."""
    total = current = 0
    for char in numeral:
        if char in _CJK_UNITS:
            total += (current or 1) * _CJK_UNITS[char]
            current = 0
        else:
            current = _CJK_DIGITS[char]
    return total + current


@cache
def _digits_pattern() -> re.Pattern[str]:
    """Digits with grouping by comma, dot, apostrophe or any kind of space (every language)."""
    # News copy groups with a plain space in every language ("30 000 millones", "1 200
    # acres"); three digits must follow, so "in 2024 300 workers" stays two numbers.
    spaces = _GROUP_SPACES + " "
    grouped = "|".join(
        rf"\d{{1,3}}(?:{separator}\d{{3}})+(?!\d)"
        for separator in (",", r"\.", f"[{spaces}]", "['’]")
    )
    return re.compile(rf"(?<!\d)(?<!\d[.,])(?:{grouped}|\d+)(?:[.,]\d+)?")


def _cardinals(language: str) -> dict[str, int]:
    """Cardinals 1-99 as num2words writes them ("eight", "zehn", "vingt et un").

    Read from ``data/generated.json`` (written by scripts/generate_data.py with
    ``num2words_cardinals``), so num2words is not imported at run time.
    """
    table: dict[str, int] = generated_data()["cardinals"].get(language, {})
    return table


def num2words_cardinals(language: str) -> dict[str, int]:
    """The cardinals 1-99 num2words writes for one of our languages (empty if none)."""
    code = NUM2WORDS_LANGUAGES.get(language)
    if code is None:
        return {}
    from num2words import num2words

    return {str(num2words(number, lang=code)): number for number in range(1, 100)}


@cache
def _number_words(language: str) -> tuple[re.Pattern[str], dict[str, int]]:
    """A finder for the language's number words and their values (keys casefolded).

    Case variants are spelled out instead of using IGNORECASE: a case-sensitive literal
    alternation lets the regex engine skip quickly to possible first letters.
    """
    written = {**_cardinals(language), **NUMBER_WORDS.get(language, {})}
    words = {word.casefold(): value for word, value in written.items()}
    # Variants of the word as written ("dreißig"), not of its casefold ("dreissig").
    variants = {
        form for word in written for form in (word.lower(), word.capitalize(), word.upper())
    }
    # No leading \b: a pattern that opens with its possible first letters lets the regex
    # engine skip ahead to them (2-4x faster); _word_tokens checks where a word starts.
    # The prefix tree of ~300 words is built once and kept across command-line runs
    # (data_tables.py): building it is most of what this costs, the pattern is stored compiled.
    source = "\n".join(sorted(variants)).encode()
    pattern = rf"{table(f'number-words:{language}', source, _trie_of)}\b" if variants else "(?!)"
    return re.compile(pattern), words


@cache
def _number_word_leads(language: str) -> frozenset[str] | None:
    """The words a number word of the language can open with, as written ("vingt" of
    "vingt et un"; text_words.leading_words): a text with none of them holds none."""
    written = {**_cardinals(language), **NUMBER_WORDS.get(language, {})}
    variants = {
        form for word in written for form in (word.lower(), word.capitalize(), word.upper())
    }
    return leading_words(variants)


def _trie_of(source: bytes) -> str:
    """``_trie`` of the words of ``source``, one a line."""
    return _trie(source.decode().split("\n"))


def _trie(words: list[str]) -> str:
    """One regex for many words, shared prefixes factored out ("t(?:wo|hree|en)").

    Python's regex engine tries a flat alternation word by word at every position;
    a prefix tree lets it reject a position after a character or two. Longer words
    come first at each branch, so the longest spelling wins as in a sorted alternation.
    """
    tree: _Trie = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _branch(tree)


def _branch(node: _Trie) -> str:
    ends = "" in node
    parts = [re.escape(char) + _branch(child) for char, child in sorted(node.items()) if char]
    if not parts:
        return ""
    body = parts[0] if len(parts) == 1 else f"(?:{'|'.join(parts)})"
    return f"(?:{body})?" if ends else body


def _digit_token(match: re.Match[str], language: str) -> NumberToken:
    written = match[0]
    # A run of digits alone (most numbers) is what decimal_value would read it as, with no
    # separator to weigh: Decimal reads any decimal digits (the regex's \d, str.isdecimal).
    value = Decimal(written) if written.isdecimal() else decimal_value(written, language)
    return NumberToken(match.start(), match.end(), value, spelled=False)


def number_at(text: str, pos: int, language: str) -> NumberToken | None:
    """The digit number starting exactly at ``pos``, if any."""
    match = _digits_pattern().match(text, pos)
    return None if match is None else _digit_token(match, language)


def _digit_tokens(
    text: str, language: str, runs: list[tuple[int, int]] | None = None
) -> Iterator[NumberToken]:
    """The numbers, tried only where a run of digits starts.

    The number pattern opens with lookbehinds, which keep the regex engine from
    skipping ahead to the next digit by itself; a plain digit run can. A number never
    starts inside a run nor ends inside one, so this finds what ``finditer`` would.
    ``runs``: ``digit_runs(text)``, when the caller has them already.
    """
    pattern = _digits_pattern()
    floor = 0
    for start, _ in digit_runs(text) if runs is None else runs:
        if start < floor:
            continue
        match = pattern.match(text, start)
        if match is not None:
            floor = match.end()
            yield _digit_token(match, language)


def _word_tokens(text: str, language: str, words: TextWords | None = None) -> Iterator[NumberToken]:
    pattern, values = _number_words(word_language(language))
    # A match is kept only where a word starts, so it lies on a word of the text: with
    # the text's words at hand (``words``), a text none of whose words opens a number
    # word is not searched (one set test instead of a regex pass over the text).
    searched = values and (
        words is None or words.may_open(_number_word_leads(word_language(language)))
    )
    # What finditer gives with a leading \b (every number word starts with a word
    # character): a match inside a word is dropped, the search resumes just after its start.
    match = pattern.search(text) if searched else None
    while match is not None:
        start = match.start()
        if start and (text[start - 1].isalnum() or text[start - 1] == "_"):
            match = pattern.search(text, start + 1)
            continue
        value = Decimal(values[match[0].casefold()])
        yield NumberToken(start, match.end(), value, spelled=True)
        match = pattern.search(text, match.end())
    if word_language(language) in CJK_NUMERAL_LANGUAGES:
        for match in _CJK_NUMERAL.finditer(text):
            if _vague(text, match.start(), match.end()):
                continue
            value = Decimal(cjk_numeral(match[0]))
            yield NumberToken(match.start(), match.end(), value, spelled=True)


def _vague(text: str, start: int, end: int) -> bool:
    """Whether the CJK numeral at ``start:end`` is a vague amount ("数千", "十几")."""
    return bool(
        (start and _VAGUE_BEFORE.match(text, start - 1)) or _VAGUE_AFTER.match(text, end - 1)
    )


def number_tokens(
    text: str,
    language: str,
    runs: list[tuple[int, int]] | None = None,
    words: TextWords | None = None,
) -> Iterator[NumberToken]:
    """Every number in ``text`` in order of position: digits, number words, CJK numerals.

    ``runs``: ``digit_runs(text)``, ``words``: ``text_words(text)``, when the caller has
    them already.
    """
    # A stable sort of the digits then the words is what heapq.merge of the two (each in
    # order) gives, without its per-token Python steps: an article has a few dozen.
    tokens = [*_digit_tokens(text, language, runs), *_word_tokens(text, language, words)]
    return iter(sorted(tokens, key=_start))


def _start(token: NumberToken) -> int:
    return token.start

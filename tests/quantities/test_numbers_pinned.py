"""The quantity parser's tables and patterns, pinned case by case (issue 16).

Each case sits on one side of a rule of numbers.py: which characters group digits, how many
digits a group has, where a number may start, which CJK characters are numerals and what
they are worth. A change to any of those tables or patterns changes what a figure in an
article is read as, and fails a case here (docs/testing.md, "Mutation run: the quantity
parser", lists the hand-made mutants these cases kill).

The expected values are written out by hand, never read from the tables under test.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from stargate_digest.quantities import parse_number
from stargate_digest.quantities.numbers import cjk_numeral, number_at, number_tokens


def read(text: str, language: str) -> list[tuple[str, Decimal]]:
    """Every number the parser finds: the characters it covers and its value."""
    return [(text[token.start : token.end], token.value) for token in number_tokens(text, language)]


# --- digit grouping -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "language", "value"),
    [
        ("1,234,567", "en", 1234567),
        ("1.234.567", "de", 1234567),
        ("1.234.567", "es", 1234567),
        # the group mark of CLDR is a space in fr (U+202F) and nb (U+00A0): a plain space groups
        ("1 234 567", "fr", 1234567),
        ("1 234 567", "nb", 1234567),
        # no-break, narrow no-break and thin spaces group in every language
        ("1\u00a0234\u00a0567", "en", 1234567),
        ("1\u202f234\u202f567", "en", 1234567),
        ("1\u2009234\u2009567", "en", 1234567),
        ("1\u00a0234\u00a0567", "de", 1234567),
        # Swiss apostrophes, straight and curly, in every language
        ("1'234'567", "de", 1234567),
        ("1’234’567", "de", 1234567),
        ("1'234'567", "en", 1234567),
        ("1’234’567", "fr", 1234567),
    ],
)
def test_a_grouped_number_is_one_figure(text: str, language: str, value: int) -> None:
    assert read(f"soit {text} euros", language) == [(text, Decimal(value))]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("5 600", "fr", [("5 600", 5600)]),
        # a group is exactly three digits, after one to three leading digits
        ("5 60", "fr", [("5", 5), ("60", 60)]),
        ("5 2025", "fr", [("5", 5), ("2025", 2025)]),
        ("1234 567", "fr", [("1234", 1234), ("567", 567)]),
        ("5\u00a060", "en", [("5", 5), ("60", 60)]),
        ("5'60", "de", [("5", 5), ("60", 60)]),
    ],
)
def test_digits_that_do_not_form_groups_are_separate_figures(
    text: str, language: str, expected: list[tuple[str, int]]
) -> None:
    assert read(text, language) == [(span, Decimal(value)) for span, value in expected]


@pytest.mark.parametrize(
    ("text", "language", "span", "value"),
    [
        ("1,234.56", "en", "1,234.56", "1234.56"),
        ("1.234,56", "de", "1.234,56", "1234.56"),
        ("1 234,56", "fr", "1 234,56", "1234.56"),
        ("1'234.5", "de", "1'234.5", "1234.5"),
        ("3.6", "en", "3.6", "3.6"),
        ("18,25", "fr", "18,25", "18.25"),
        # a comma after a single digit and four more is no group: it is a decimal comma
        ("1,2345", "en", "1,2345", "1.2345"),
    ],
)
def test_a_decimal_part_belongs_to_its_number(
    text: str, language: str, span: str, value: str
) -> None:
    assert read(f"({text})", language) == [(span, Decimal(value))]


def test_a_number_is_not_read_from_the_tail_of_a_dotted_sequence() -> None:
    """A version or a dotted code gives one figure, not a second one from its tail."""
    assert read("iOS 17.4.1 is out", "en") == [("17.4", Decimal("17.4"))]
    assert read("Version 2,5,3", "de") == [("2,5", Decimal("2.5"))]


@pytest.mark.parametrize(("text", "pos"), [("2025", 2), ("1.5", 2), ("1,5", 2)])
def test_no_number_starts_inside_another(text: str, pos: int) -> None:
    """The scanner asks for a number at a position; the middle of a number is not one."""
    assert number_at(text, pos, "en") is None


def test_a_number_starts_where_the_scanner_asks() -> None:
    token = number_at("1万5000円", 2, "ja")
    assert token is not None
    assert (token.start, token.end, token.value) == (2, 6, Decimal(5000))


# --- separators read by the locale ----------------------------------------------------


@pytest.mark.parametrize(
    ("digits", "language", "expected"),
    [
        ("1'234'567", "en", 1234567),
        ("1 234 567", "en", 1234567),
        ("1\u2009234", "en", 1234),
        ("1\u00a0234", "en", 1234),
        ("1\u202f234", "en", 1234),
        # every mark before the last one groups digits, whichever kind it is
        ("1,234.567,8", "en", 1234567.8),
        ("1.234,567.8", "de", 1234567.8),
    ],
)
def test_parse_number_drops_every_group_mark(digits: str, language: str, expected: float) -> None:
    assert parse_number(digits, language) == pytest.approx(expected, rel=1e-12)


@pytest.mark.parametrize("digits", ["1;234", "1_234", "1-234", "1..2", ",5"])
def test_parse_number_refuses_other_separators(digits: str) -> None:
    with pytest.raises(ValueError, match="not a number"):
        parse_number(digits, "en")


# --- CJK numerals ---------------------------------------------------------------------

CJK_DIGITS = [
    ("〇", 0), ("零", 0), ("一", 1), ("二", 2), ("两", 2), ("兩", 2), ("三", 3), ("四", 4),
    ("五", 5), ("六", 6), ("七", 7), ("八", 8), ("九", 9),
]  # fmt: skip


@pytest.mark.parametrize(("digit", "value"), CJK_DIGITS)
def test_each_cjk_digit_has_its_value(digit: str, value: int) -> None:
    assert cjk_numeral(digit) == value
    # and it is found in Chinese text, alone and inside a longer numeral
    assert read(f"共{digit}个", "zh") == [(digit, Decimal(value))]
    numeral = f"一千{digit}五" if value == 0 else f"{digit}千"  # a zero only holds a place
    assert read(f"共{numeral}个", "zh") == [
        (numeral, Decimal(1005 if value == 0 else value * 1000))
    ]


@pytest.mark.parametrize(
    ("numeral", "value"),
    [
        ("十", 10),
        ("百", 100),
        ("千", 1000),
        ("十五", 15),
        ("三十", 30),
        ("一百", 100),
        ("二百", 200),
        ("一千二百", 1200),
        ("一千二百三十四", 1234),
        ("两千五百", 2500),
        ("三千零五十", 3050),
        ("九百九十九", 999),
        ("五千零八", 5008),
    ],
)
def test_cjk_units_add_up(numeral: str, value: int) -> None:
    """Each unit adds its part ("一千二百" is 1000 + 200, never the last part alone)."""
    assert cjk_numeral(numeral) == value
    assert read(f"約{numeral}人", "ja") == [(numeral, Decimal(value))]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("四年", "zh", [("四", 4)]),
        ("四年", "ja", [("四", 4)]),
        # Korean and the other languages do not read Han numerals (Korean counts in hangul)
        ("四年", "ko", []),
        ("四年", "en", []),
        ("두 곳", "ko", [("두", 2)]),
    ],
)
def test_cjk_numerals_are_read_in_chinese_and_japanese_only(
    text: str, language: str, expected: list[tuple[str, int]]
) -> None:
    assert read(text, language) == [(span, Decimal(value)) for span, value in expected]


# --- number words ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("four, Four, FOUR", "en", [("four", 4), ("Four", 4), ("FOUR", 4)]),
        ("DREISSIG Jahre, dreißig Tage", "de", [("DREISSIG", 30), ("dreißig", 30)]),
        # the longest spelling wins, and a word inside a longer word is no number
        ("fourteen", "en", [("fourteen", 14)]),
        ("vingt et un ans", "fr", [("vingt et un", 21)]),
        ("someone often", "en", []),
        ("tenfold", "en", []),
        # an underscore joins words too ("file_two"): no number word starts after one,
        # whatever follows the word
        ("file_two, three", "en", [("three", 3)]),
        ("a_two_ and x_three", "en", []),
    ],
)
def test_number_words_are_whole_words_in_any_case(
    text: str, language: str, expected: list[tuple[str, int]]
) -> None:
    assert read(text, language) == [(span, Decimal(value)) for span, value in expected]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("four or 5", "en", [("four", 4), ("5", 5)]),
        ("5 or four", "en", [("5", 5), ("four", 4)]),
        ("三个和5个", "zh", [("三", 3), ("5", 5)]),
        ("5个和三个", "zh", [("5", 5), ("三", 3)]),
    ],
)
def test_numbers_come_in_text_order(
    text: str, language: str, expected: list[tuple[str, int]]
) -> None:
    tokens = list(number_tokens(text, language))
    assert [(text[t.start : t.end], t.value) for t in tokens] == [
        (span, Decimal(value)) for span, value in expected
    ]
    # digits count on their own; words and numerals only with a unit
    assert [t.spelled for t in tokens] == [not span.isdigit() for span, _ in expected]

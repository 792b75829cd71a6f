"""parse_number: locale separators, ambiguity rules, and round trips through CLDR formats."""

from __future__ import annotations

import math
from decimal import Decimal

import pytest
from babel.numbers import format_decimal, get_decimal_symbol, get_group_symbol
from hypothesis import given, settings
from hypothesis import strategies as st

from stargate_digest.quantities import parse_number
from stargate_digest.quantities.lexicon import LANGUAGES
from stargate_digest.quantities.numbers import cjk_numeral


@pytest.mark.parametrize(
    ("digits", "language", "expected"),
    [
        ("18,25", "fr", 18.25),
        ("18,25", "de", 18.25),
        ("5 600", "fr", 5600),
        ("5\u00a0600", "fr", 5600),
        ("5\u202f600", "fr", 5600),
        ("5\u00a0600", "en", 5600),
        ("1.000.000", "de", 1e6),
        ("1,000,000", "en", 1e6),
        ("500.000", "es", 500_000),
        ("1,2", "es", 1.2),
        ("3.6", "en", 3.6),
        ("1,200", "en", 1200),
        ("1,2", "en", 1.2),
        ("1.200", "de", 1200),
        ("1,200", "de", 1.2),
        ("1.234,56", "de", 1234.56),
        ("1,234.56", "de", 1234.56),
        ("1’000’000", "de", 1e6),
        ("5,94", "ja", 5.94),
        ("5,940", "ja", 5940),
        ("3.6", "fr", 3.6),
        ("1.000", "fr", 1000),
        ("42", "ko", 42),
        ("１２３", "ja", 123),
    ],
)
def test_parse_number(digits: str, language: str, expected: float) -> None:
    assert parse_number(digits, language) == pytest.approx(expected, rel=1e-12)


@pytest.mark.parametrize("digits", ["", "abc", "1,,2", "1.2.", "--1"])
def test_parse_number_rejects_non_numbers(digits: str) -> None:
    with pytest.raises(ValueError, match="not a number"):
        parse_number(digits, "en")


@pytest.mark.parametrize(
    ("numeral", "value"),
    [
        ("四", 4),
        ("十", 10),
        ("十八", 18),
        ("二十", 20),
        ("二十五", 25),
        ("一百零五", 105),
        ("五千", 5000),
    ],
)
def test_cjk_numeral(numeral: str, value: int) -> None:
    assert cjk_numeral(numeral) == value


amounts = st.decimals(min_value=0, max_value=10**9, places=3, allow_nan=False, allow_infinity=False)


@settings(max_examples=60, deadline=None)
@given(amount=amounts, language=st.sampled_from(LANGUAGES))
def test_parse_number_reads_babel_formatting(amount: Decimal, language: str) -> None:
    written = format_decimal(amount, format="#,##0.###", locale=language)
    assert math.isclose(parse_number(written, language), float(amount), rel_tol=1e-9)


@settings(max_examples=60, deadline=None)
@given(
    whole=st.integers(min_value=0, max_value=10**12),
    fraction=st.text(alphabet="0123456789", min_size=0, max_size=2),
    language=st.sampled_from(LANGUAGES),
)
def test_parse_number_reads_hand_grouping(whole: int, fraction: str, language: str) -> None:
    """Every group written with the CLDR symbols, decimals of one or two digits."""
    group, decimal = get_group_symbol(language), get_decimal_symbol(language)
    written = f"{whole:,}".replace(",", group) + (f"{decimal}{fraction}" if fraction else "")
    expected = float(f"{whole}.{fraction or 0}")
    assert math.isclose(parse_number(written, language), expected, rel_tol=1e-9)

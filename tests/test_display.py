"""English figures are written without babel (display.py) exactly as babel writes them."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from stargate_digest.display import (
    _cldr_number,
    _english_number,
    _rounded,
    describe_money,
    format_number,
)


def _both(value: float) -> tuple[str | None, str | None]:
    """The fast English form (None: left to babel) and, where there is one, babel's."""
    rounded, compact = _rounded(value), abs(value) >= 1e6
    fast = _english_number(rounded, compact=compact)
    return fast, None if fast is None else _cldr_number(rounded, "en", compact=compact)


@given(st.floats(allow_nan=False, allow_infinity=False))
def test_english_numbers_read_as_babel_writes_them(value: float) -> None:
    fast, cldr = _both(value)
    assert fast == cldr


@given(st.integers(1000, 9999), st.integers(-12, 17), st.booleans())
def test_every_four_digit_figure_at_every_scale_reads_as_babel_writes_it(
    digits: int, exponent: int, negative: bool
) -> None:
    value = float(Decimal(digits).scaleb(exponent - 3)) * (-1 if negative else 1)
    fast, cldr = _both(value)
    assert fast == cldr
    assert fast is not None or abs(value) >= 9.9995e14  # only 10^15 and up go to babel


def test_english_figures_at_the_edges_of_each_form() -> None:
    assert format_number(123_456.7) == "123,500"  # four significant digits
    assert format_number(999_999.7) == "1,000,000"  # still under a million: no scale word
    assert format_number(1e6) == "1 million"
    assert format_number(1.234e-5) == "0.00001234"
    assert format_number(-0.5) == "-0.5"
    assert format_number(5.94e12) == "5.94 trillion"
    assert format_number(2.5e15) == "2500 trillion"  # babel's own, past the fast path
    assert describe_money(38e9, "USD") == "$38 billion"
    assert format_number(38e9, "de") == "38 Milliarden"  # other locales: babel

"""Property tests: amounts written the way each language writes them read back exactly.

The scale words and currency placements here are an independent oracle (not the
parser's own tables), so a wrong table entry or a false friend shows up as a failure.
"""

from __future__ import annotations

import math
from decimal import Decimal
from itertools import pairwise

from babel.numbers import format_decimal
from hypothesis import given, settings
from hypothesis import strategies as st

from stargate_digest.quantities import find_mentions, parse_quantity

SCALES: dict[str, list[tuple[str, int]]] = {
    "en": [("thousand", 3), ("million", 6), ("billion", 9), ("trillion", 12), ("bn", 9)],
    "de": [("Millionen", 6), ("Mio.", 6), ("Milliarden", 9), ("Mrd.", 9), ("Billionen", 12)],
    "fr": [("millions", 6), ("milliards", 9), ("billions", 12)],
    "es": [("millones", 6), ("mil millones", 9), ("billones", 12)],
    "it": [("milioni", 6), ("miliardi", 9)],
    "pt": [("milhões", 6), ("bilhões", 9), ("mil milhões", 9), ("biliões", 12)],
    "ja": [("万", 4), ("億", 8), ("兆", 12)],
    "zh": [("万", 4), ("亿", 8), ("万亿", 12)],
    "ko": [("만", 4), ("억", 8), ("조", 12)],
}

CURRENCIES: dict[str, list[tuple[str, str]]] = {
    # "{n}" is the number, "{s}" the scale word; placement as the language writes it.
    "en": [
        ("${n} {s}", "USD"),
        ("US${n} {s}", "USD"),
        ("€{n} {s}", "EUR"),
        ("{n} {s} dollars", "USD"),
        ("{n} {s} euros", "EUR"),
        ("{n} {s} yen", "JPY"),
        ("¥{n} {s}", "XXX"),
    ],
    "de": [("{n} {s} Euro", "EUR"), ("{n} {s} US-Dollar", "USD"), ("{n} {s} €", "EUR")],
    "fr": [("{n} {s} de dollars", "USD"), ("{n} {s} d’euros", "EUR"), ("{n} {s} €", "EUR")],
    "es": [("{n} {s} de dólares", "USD"), ("{n} {s} de euros", "EUR")],
    "it": [("{n} {s} di dollari", "USD"), ("{n} {s} di euro", "EUR")],
    "pt": [("{n} {s} de dólares", "USD"), ("{n} {s} de euros", "EUR"), ("R$ {n} {s}", "BRL")],
    "ja": [("{n}{s}円", "JPY"), ("{n}{s}ドル", "USD"), ("¥{n}{s}", "JPY")],
    "zh": [
        ("{n}{s}元", "CNY"),
        ("{n}{s}美元", "USD"),
        ("¥{n}{s}", "CNY"),
        ("人民币{n}{s}元", "CNY"),
    ],
    "ko": [("{n}{s} 원", "KRW"), ("{n}{s} 달러", "USD"), ("₩{n}{s}", "KRW")],
}


@st.composite
def written_amounts(draw: st.DrawFn) -> tuple[str, str, float, str, str]:
    language = draw(st.sampled_from(sorted(SCALES)))
    whole = draw(st.integers(min_value=1, max_value=999_999))
    places = draw(st.integers(min_value=0, max_value=2))
    fraction = draw(st.integers(min_value=0, max_value=10**places - 1)) if places else 0
    amount = Decimal(whole) + Decimal(fraction).scaleb(-places)
    number = format_decimal(amount, format="#,##0.##", locale=language)
    scale, exponent = draw(st.sampled_from(SCALES[language]))
    template, unit = draw(st.sampled_from(CURRENCIES[language]))
    text = template.format(n=number, s=scale)
    return language, text, float(amount.scaleb(exponent)), unit, scale


@settings(max_examples=150, deadline=None)
@given(case=written_amounts())
def test_written_amounts_read_back(case: tuple[str, str, float, str, str]) -> None:
    language, text, value, unit, scale = case
    mention = parse_quantity(text, language)
    assert mention is not None, text
    assert math.isclose(float(mention.value), value, rel_tol=1e-9), (text, mention)
    assert (mention.kind, mention.unit, mention.scale_word) == ("money", unit, scale), text
    assert mention.surface == text


@settings(max_examples=60, deadline=None)
@given(
    whole=st.integers(min_value=1, max_value=999),
    language=st.sampled_from(sorted(SCALES)),
    sign=st.sampled_from(["%", " %", "％"]),
)
def test_percentages_read_back(whole: int, language: str, sign: str) -> None:
    text = f"{format_decimal(whole, locale=language)}{sign}"
    mention = parse_quantity(text, language)
    assert mention is not None
    assert (mention.kind, mention.value, mention.unit) == ("percent", whole, "percent")


PIECES = [
    "5", "38", "1,200", "18,25", "5 600", "2025", " ", "\u00a0", "$", "US$", "¥", "€", "%",
    " billion", " Milliarden", " milliards de dollars", "兆円", "亿元", "억 원", " GW", " years",
    "January 22", " (approximately ", ")", "Reno", "th", ":", "/", ".", ",", "-", "约", "über ",
]  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(
    pieces=st.lists(st.sampled_from(PIECES), max_size=12),
    language=st.sampled_from(sorted(SCALES)),
)
def test_any_text_gives_tight_ordered_mentions(pieces: list[str], language: str) -> None:
    """Whatever the text, mentions are verbatim slices, in order, and do not overlap."""
    text = "".join(pieces)
    mentions = find_mentions(text, language)
    assert all(text[m.start : m.end] == m.surface and m.surface for m in mentions)
    assert all(a.end <= b.start for a, b in pairwise(mentions))

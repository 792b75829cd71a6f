"""Property tests for issue 12 in every supported language: ranges, numbers in words, and
dates at every precision read back exactly.

The oracle is independent of the parser's tables where a library knows the answer:
numbers are formatted by babel (CLDR) for the language, month names come from babel,
spelled-out numbers from num2words; only the words that join a range or tie a year to
time are written here, as a reader of each language would write them.
"""

from __future__ import annotations

import math
from decimal import Decimal

from babel.dates import get_month_names
from babel.numbers import format_decimal
from hypothesis import given, settings
from hypothesis import strategies as st
from num2words import num2words

from stargate_digest.quantities import find_mentions

LANGUAGES = ("en", "de", "fr", "es", "it", "pt", "nb", "nl", "pl", "ja", "zh", "ko")

# (template, scale exponent, unit): "{a}" and "{b}" are the ends of the range.
RANGES: dict[str, list[tuple[str, int, str]]] = {
    "en": [("${a}-{b} billion", 9, "USD"), ("between {a} and {b} GW", 0, "GW"),
           ("{a} to {b} million euros", 6, "EUR")],
    "de": [("{a} bis {b} Milliarden Euro", 9, "EUR"), ("zwischen {a} und {b} Gigawatt", 0, "GW")],
    "fr": [("{a} à {b} milliards de dollars", 9, "USD"), ("entre {a} et {b} %", 0, "percent")],
    "es": [("entre {a} y {b} millones de dólares", 6, "USD"), ("{a}-{b} gigavatios", 0, "GW")],
    "it": [("tra {a} e {b} miliardi di euro", 9, "EUR"), ("{a}-{b} megawatt", 0, "MW")],
    "pt": [("entre {a} e {b} bilhões de dólares", 9, "USD"), ("{a} a {b} megawatts", 0, "MW")],
    "nb": [("{a}-{b} milliarder kroner", 9, "NOK"), ("mellom {a} og {b} megawatt", 0, "MW")],
    "nl": [("{a} tot {b} miljard euro", 9, "EUR"), ("tussen {a} en {b} megawatt", 0, "MW")],
    "pl": [("od {a} do {b} mld zł", 9, "PLN"), ("między {a} a {b} miliardów dolarów", 9, "USD"),
           ("{a}-{b} gigawatów", 0, "GW")],
    "ja": [("{a}億〜{b}億円", 8, "JPY"), ("{a}〜{b}ギガワット", 0, "GW")],
    "zh": [("{a}亿至{b}亿元", 8, "CNY"), ("{a}-{b}吉瓦", 0, "GW")],
    "ko": [("{a}억~{b}억 달러", 8, "USD"), ("{a}~{b}기가와트", 0, "GW")],
}  # fmt: skip

# Spelled-out numbers counting something: "{n}" is the number in words.
SPELLED: dict[str, tuple[str, str]] = {
    # language -> (num2words code, template); CJK numerals are written by numbers.py's rules.
    "en": ("en", "{n} buildings"), "de": ("de", "{n} Gebäude"), "fr": ("fr", "{n} bâtiments"),
    "es": ("es", "{n} edificios"), "it": ("it", "{n} edifici"), "pt": ("pt", "{n} edifícios"),
    "nb": ("no", "{n} bygninger"), "nl": ("nl", "{n} gebouwen"), "pl": ("pl", "{n} budynków"),
}  # fmt: skip
CJK_SPELLED = {"ja": "{n}棟の建物", "zh": "{n}座数据中心", "ko": "{n} 곳"}
KOREAN_NATIVE = {2: "두", 3: "세", 4: "네", 5: "다섯", 6: "여섯", 7: "일곱", 8: "여덟", 9: "아홉"}

# A year tied to time, and a month with its year, as each language writes them.
YEARS: dict[str, list[str]] = {
    "en": ["by {y}", "mid-{y}", "by the end of {y}"], "de": ["bis {y}", "Ende {y}", "Mitte {y}"],
    "fr": ["d'ici {y}", "fin {y}", "jusqu'en {y}"], "es": ["para {y}", "a finales de {y}"],
    "it": ["entro il {y}", "fine {y}"], "pt": ["até {y}", "meados de {y}"],
    "nb": ["innen {y}", "slutten av {y}"], "nl": ["tegen {y}", "eind {y}", "medio {y}"],
    "pl": ["do {y} r.", "pod koniec {y} roku", "w {y} roku"], "ja": ["{y}年までに"],
    "zh": ["{y}年底前"], "ko": ["{y}년까지"],
}  # fmt: skip
MONTHS: dict[str, str] = {
    "en": "in {m} {y}", "de": "im {m} {y}", "fr": "en {m} {y}", "es": "en {m} de {y}",
    "it": "a {m} {y}", "pt": "em {m} de {y}", "nb": "i {m} {y}", "nl": "in {m} {y}",
    "pl": "termin: {m} {y}", "ja": "{y}年{n}月に",
    "zh": "{y}年{n}月", "ko": "{y}년 {n}월",
}  # fmt: skip


@st.composite
def ranges(draw: st.DrawFn) -> tuple[str, str, float, float, str]:
    language = draw(st.sampled_from(LANGUAGES))
    template, exponent, unit = draw(st.sampled_from(RANGES[language]))
    low = draw(st.integers(min_value=1, max_value=499))
    high = draw(st.integers(min_value=low + 1, max_value=999))
    tenths = draw(st.booleans()) and exponent == 0
    a = Decimal(low) / 10 if tenths else Decimal(low)
    b = Decimal(high) / 10 if tenths else Decimal(high)
    text = template.format(
        a=format_decimal(a, locale=language), b=format_decimal(b, locale=language)
    )
    return language, text, float(a.scaleb(exponent)), float(b.scaleb(exponent)), unit


@settings(max_examples=200, deadline=None)
@given(case=ranges())
def test_ranges_read_back_as_value_and_value_max(case: tuple[str, str, float, float, str]) -> None:
    language, text, low, high, unit = case
    [mention] = find_mentions(text, language)
    assert math.isclose(float(mention.value), low, rel_tol=1e-9), (text, mention)
    assert mention.value_max is not None and math.isclose(mention.value_max, high), text
    assert mention.unit == unit, text


@st.composite
def spelled(draw: st.DrawFn) -> tuple[str, str, int]:
    language = draw(st.sampled_from(LANGUAGES))
    number = draw(st.integers(min_value=2, max_value=9 if language == "ko" else 99))
    if language in SPELLED:
        code, template = SPELLED[language]
        return language, template.format(n=num2words(number, lang=code)), number
    if language == "ko":
        return language, CJK_SPELLED["ko"].format(n=KOREAN_NATIVE[number]), number
    return language, CJK_SPELLED[language].format(n=num2words(number, lang="ja")), number


@settings(max_examples=200, deadline=None)
@given(case=spelled())
def test_numbers_in_words_count(case: tuple[str, str, int]) -> None:
    language, text, number = case
    mentions = [m for m in find_mentions(text, language) if m.kind == "count"]
    assert [(m.value, m.spelled) for m in mentions] == [(number, True)], text


@settings(max_examples=200, deadline=None)
@given(
    language=st.sampled_from(LANGUAGES),
    year=st.integers(min_value=1990, max_value=2099),
    month=st.integers(min_value=1, max_value=12),
    data=st.data(),
)
def test_dates_read_back_at_their_precision(
    language: str, year: int, month: int, data: st.DataObject
) -> None:
    template = data.draw(st.sampled_from(YEARS[language]))
    [as_year] = find_mentions(template.format(y=year), language)
    assert (as_year.kind, as_year.value) == ("date", str(year)), template

    # Polish names a month alone in the nominative (CLDR's stand-alone form; "format" is
    # the genitive of "21 stycznia")
    if language == "pl":
        wide = get_month_names("wide", "stand-alone", locale=language)[month]
    else:
        wide = get_month_names("wide", "format", locale=language)[month]
    text = MONTHS[language].format(m=wide, y=year, n=month)
    [as_month] = find_mentions(text, language)
    assert (as_month.kind, as_month.value) == ("date", f"{year}-{month:02d}"), text

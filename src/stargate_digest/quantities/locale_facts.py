"""Locale facts from CLDR (via babel): separators, months, currency symbols and names.

Every lookup is cached: babel parses locale data on each call, far too slow for the
scanner's hot loop.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from stargate_digest.quantities.lexicon import (
    CURRENCIES,
    FALLBACK_LANGUAGE,
    LANGUAGE_ALIASES,
    LANGUAGES,
    MONTH_INFLECTIONS,
    REGIONAL_MONTH_LOCALES,
)

if TYPE_CHECKING:
    from babel import Locale

# babel is imported only where a table is computed from CLDR (a language outside
# data/generated.json, or scripts/generate_data.py): importing it (babel.dates, pytz)
# costs ~20 ms that a run on our languages never needs.

_PLURAL_PROBES = (1, 2, 5, 1_000_000)
"""Counts that reach every plural form CLDR has for currency names in our languages."""


@cache
def cldr_locale(language: str) -> Locale:
    """The babel locale for a language tag ('fr', 'pt-PT', 'en_CA'); English if unknown."""
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse(language.replace("-", "_"))
    except (ValueError, UnknownLocaleError):
        return Locale.parse(FALLBACK_LANGUAGE)


def primary_subtag(language: str) -> str:
    """'pt-BR' -> 'pt', 'en_CA' -> 'en'."""
    return language.replace("_", "-").split("-", 1)[0].lower()


@cache
def word_language(language: str) -> str:
    """The language whose word tables read this tag: its primary subtag, else English."""
    primary = primary_subtag(language)
    primary = LANGUAGE_ALIASES.get(primary, primary)
    return primary if primary in LANGUAGES else FALLBACK_LANGUAGE


def _generated_locale(language: str) -> Mapping[str, Any] | None:
    """The CLDR facts generated for one of our language tags (``data/generated.json``):
    loading a CLDR locale with babel costs several milliseconds per language and process."""
    table: Mapping[str, Any] | None = generated_data().get("locales", {}).get(language)
    return table


@cache
def decimal_symbol(language: str) -> str:
    """CLDR decimal separator ('.' in en, ',' in fr/de/es/it/pt)."""
    generated = _generated_locale(language)
    if generated:
        return str(generated["decimal"])
    from babel.numbers import get_decimal_symbol

    return str(get_decimal_symbol(cldr_locale(language)))


@cache
def group_symbol(language: str) -> str:
    """CLDR digit-group separator (',' in en, '.' in de, narrow NBSP in fr)."""
    generated = _generated_locale(language)
    if generated:
        return str(generated["group"])
    from babel.numbers import get_group_symbol

    return str(get_group_symbol(cldr_locale(language)))


@cache
def home_currency(language: str) -> str | None:
    """The currency of the tag's territory, or of its likeliest one ('ja' -> JPY)."""
    generated = _generated_locale(language)
    if generated is not None:
        home: str | None = generated["home_currency"]
        return home
    return cldr_home_currency(language)


def cldr_home_currency(language: str) -> str | None:
    """:func:`home_currency` computed from babel (scripts/generate_data.py)."""
    from babel.core import get_global
    from babel.numbers import get_territory_currencies

    locale = cldr_locale(language)
    territory = locale.territory
    if territory is None:
        likely: str = get_global("likely_subtags").get(locale.language, "")
        territory = likely.rsplit("_", 1)[-1] if "_" in likely else None
    if not territory:
        return None
    currencies = get_territory_currencies(territory)
    return str(currencies[0]) if currencies else None


@cache
def month_numbers(language: str) -> Mapping[str, int]:
    """Wide and abbreviated month names (no trailing dot, casefolded) -> month number,
    with the regional names of the language ("Jänner", de_AT) and the case forms CLDR
    does not list (Polish "w czerwcu")."""
    generated = _generated_locale(language)
    names = (
        {name: number for name, number in generated["months"]}
        if generated is not None
        else cldr_month_numbers(language)
    )
    for word, number in MONTH_INFLECTIONS.get(primary_subtag(language), {}).items():
        names.setdefault(word, number)
    return names


def cldr_month_numbers(language: str) -> dict[str, int]:
    """CLDR's month names of :func:`month_numbers`, from babel (scripts/generate_data.py)."""
    from babel import Locale
    from babel.dates import get_month_names

    names: dict[str, int] = {}
    regional = REGIONAL_MONTH_LOCALES.get(primary_subtag(language), ())
    for locale in (cldr_locale(language), *(Locale.parse(tag) for tag in regional)):
        for width in ("wide", "abbreviated"):
            for context in ("format", "stand-alone"):
                for number, name in get_month_names(width, context, locale).items():
                    word = str(name).rstrip(".").casefold()
                    if word and not any(char.isdigit() for char in word):
                        names.setdefault(word, int(number))
    return names


def _home_locale(currency: str) -> Locale | None:
    """The locale of the territory a currency code is named after (ISO 4217: CAD -> CA)."""
    from babel import Locale, UnknownLocaleError
    from babel.core import get_global

    likely = get_global("likely_subtags").get(f"und_{currency[:2]}")
    try:
        return Locale.parse(likely or f"{FALLBACK_LANGUAGE}_{currency[:2]}")
    except (ValueError, UnknownLocaleError):
        return None


@cache
def currency_symbols() -> Mapping[str, tuple[str, ...]]:
    """Symbol -> the currencies CLDR writes with it, in our languages and at home.

    Read from ``data/generated.json`` (see ``cldr_currency_symbols``): building the table
    from babel loads some forty locales, about 0.4 s of every process's start-up.
    """
    return {symbol: tuple(codes) for symbol, codes in generated_data()["currency_symbols"].items()}


@cache
def generated_data() -> Mapping[str, Any]:
    """Tables derived from CLDR and num2words, written by scripts/generate_data.py."""
    raw = resources.files("stargate_digest.data").joinpath("generated.json").read_text("utf-8")
    data: Mapping[str, Any] = json.loads(raw)
    return data


def cldr_currency_symbols() -> Mapping[str, tuple[str, ...]]:
    """Symbol -> the currencies CLDR writes with it, in our languages and at home.

    '¥' -> (JPY, CNY), '$' -> (USD, AUD, CAD, ...), 'kr' -> (DKK, SEK, ...). Symbols are
    normalised (full-width forms folded, trailing dots dropped); symbols that are just
    the code or a single letter ("R" for ZAR) are left out as too easily misread.
    """
    from babel.numbers import get_currency_symbol

    table: dict[str, list[str]] = {}
    for currency in CURRENCIES:
        locales = [cldr_locale(language) for language in LANGUAGES]
        home = _home_locale(currency)
        if home is not None:
            locales.append(home)
        for locale in locales:
            symbol = normalize_symbol(str(get_currency_symbol(currency, locale)))
            if symbol == currency or (symbol.isalpha() and len(symbol) < 2):
                continue
            codes = table.setdefault(symbol, [])
            if currency not in codes:
                codes.append(currency)
    return {symbol: tuple(codes) for symbol, codes in table.items()}


FULL_WIDTH_SIGNS: Mapping[str, str] = {"￥": "¥", "＄": "$", "￡": "£", "￦": "₩"}
_FOLD_FULL_WIDTH = str.maketrans(dict(FULL_WIDTH_SIGNS))


def normalize_symbol(symbol: str) -> str:
    """Fold full-width currency signs and drop a trailing dot ('kr.' -> 'kr', '￥' -> '¥')."""
    return symbol.translate(_FOLD_FULL_WIDTH).rstrip(".")


@cache
def currency_names(language: str) -> Mapping[str, str]:
    """CLDR's formal currency names in a language, singular and plural -> ISO code.

    Our languages' tables are read from ``data/generated.json`` (from babel: about 6 ms
    and a CLDR locale load per language, in every process that reads amounts).
    """
    table: Mapping[str, str] | None = generated_data().get("currency_names", {}).get(language)
    return table if table is not None else cldr_currency_names(language)


def cldr_countries(language: str) -> list[tuple[str, str]]:
    """CLDR's countries (two-letter territories): (English name, name in the language)."""
    from babel import Locale, UnknownLocaleError

    english = Locale.parse("en").territories
    try:
        local = Locale.parse(word_language(language)).territories
    except (ValueError, UnknownLocaleError):
        local = english
    return [
        (str(name), str(local.get(code, name)))
        for code, name in english.items()
        if len(code) == 2 and code.isalpha()  # countries, not regions ("001", "EU")
    ]


def country_names(language: str) -> list[tuple[str, str]]:
    """Country names in the language and in English, casefolded, each with its English
    name, in CLDR's order (extractors/scope_rules.py); our languages' from the generated table."""
    generated = generated_data().get("countries", {})
    local = generated.get(word_language(language))
    if local is None or "en" not in generated:
        countries = cldr_countries(language)
    else:
        countries = list(zip(generated["en"], local, strict=True))
    return [
        pair
        for english, name in countries
        for pair in ((english.casefold(), english), (name.casefold(), english))
    ]


def cldr_currency_names(language: str) -> dict[str, str]:
    """:func:`currency_names` computed from babel (scripts/generate_data.py)."""
    from babel.numbers import get_currency_name

    locale = cldr_locale(language)
    names: dict[str, str] = {}
    for currency in CURRENCIES:
        for count in _PLURAL_PROBES:
            names.setdefault(str(get_currency_name(currency, count, locale)), currency)
    return names

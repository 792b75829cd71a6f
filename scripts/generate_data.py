"""Write src/stargate_digest/data/generated.json: tables derived from CLDR and num2words.

Run: ``python scripts/generate_data.py`` (after upgrading babel or num2words, or after
changing the language set in quantities/lexicon.py). tests/quantities/test_generated_data.py
fails while the file differs from what the libraries give.

Why a generated file: deriving the currency-symbol table from babel loads some forty
CLDR locales (about 0.4 s), the currency names about 6 ms and one locale per language,
and num2words costs about 0.05 s to import, in every process that reads a number;
reading the JSON costs about a millisecond.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from stargate_digest.atomic import write_text_atomic
from stargate_digest.quantities.lexicon import LANGUAGES
from stargate_digest.quantities.locale_facts import (
    cldr_countries,
    cldr_currency_names,
    cldr_currency_symbols,
    cldr_home_currency,
    cldr_locale,
    cldr_month_numbers,
)
from stargate_digest.quantities.numbers import num2words_cardinals
from stargate_digest.verify import instruction_words_table

TARGET = (
    Path(__file__).resolve().parent.parent / "src" / "stargate_digest" / "data" / "generated.json"
)


def generated() -> dict[str, Any]:
    """The tables, in a stable order."""
    symbols = cldr_currency_symbols()
    cardinals = {language: num2words_cardinals(language) for language in LANGUAGES}
    return {
        "currency_symbols": {symbol: list(symbols[symbol]) for symbol in sorted(symbols)},
        "cardinals": {language: table for language, table in cardinals.items() if table},
        "currency_names": {language: cldr_currency_names(language) for language in LANGUAGES},
        "locales": {language: _locale(language) for language in LANGUAGES},
        # Country names, each language's list aligned with English (extractors/rules.py).
        "countries": {
            language: [local for _, local in cldr_countries(language)] for language in LANGUAGES
        },
        # The words each wording of data/instructions.toml needs (verify.py).
        "instruction_words": instruction_words_table(),
    }


def _locale(language: str) -> dict[str, Any]:
    """A language's CLDR facts; lists of pairs keep babel's order."""
    from babel.numbers import get_decimal_symbol, get_group_symbol

    locale = cldr_locale(language)
    return {
        "decimal": str(get_decimal_symbol(locale)),
        "group": str(get_group_symbol(locale)),
        "home_currency": cldr_home_currency(language),
        "months": [list(pair) for pair in cldr_month_numbers(language).items()],
    }


def render() -> str:
    return json.dumps(generated(), ensure_ascii=False, indent=1, sort_keys=True) + "\n"


if __name__ == "__main__":
    write_text_atomic(TARGET, render())
    print(f"wrote {TARGET}")

"""Currency marks next to a number, and which currency they settle on (and why).

Policy: a mark that names one currency settles it ("US$", "USD", "dollars", "円").
An ambiguous symbol is settled by the locale when the locale's own currency is one of
its readings ('¥' in ja -> JPY, in zh -> CNY), then by news convention (a bare '$' is
USD); otherwise it stays unresolved: unit 'XXX' with the readings as candidates.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Literal

from stargate_digest.quantities.lexicon import (
    CURRENCIES,
    CURRENCY_NAMES,
    EXTRA_SYMBOLS,
    PREFIX_CURRENCY_NAMES,
    SHARED_CURRENCY_NAMES,
    SYMBOL_CONVENTIONS,
)
from stargate_digest.quantities.locale_facts import (
    FULL_WIDTH_SIGNS,
    currency_names,
    currency_symbols,
    home_currency,
    normalize_symbol,
)
from stargate_digest.quantities.patterns import SPACES

UNRESOLVED = "XXX"
"""ISO 4217 'no currency': the unit of money whose currency the text does not settle."""

MarkKind = Literal["symbol", "code", "name"]


@dataclass(frozen=True)
class CurrencyTerm:
    """What a currency symbol, code or name can stand for."""

    kind: MarkKind
    codes: tuple[str, ...]


@dataclass(frozen=True)
class CurrencyEvidence:
    """A currency mark as written next to one number."""

    kind: MarkKind
    surface: str
    codes: tuple[str, ...]

    def describe(self) -> str:
        """'symbol US$', 'code USD', "name 'dollars'"."""
        return f"name '{self.surface}'" if self.kind == "name" else f"{self.kind} {self.surface}"


@dataclass(frozen=True)
class Resolution:
    """The currency a money mention is read in, the open readings, and the reason."""

    unit: str
    candidates: tuple[str, ...]
    reason: str


def _symbols() -> Iterator[tuple[str, CurrencyTerm, bool]]:
    table = {**currency_symbols(), **EXTRA_SYMBOLS}
    for symbol, codes in table.items():
        term = CurrencyTerm("symbol", codes)
        yield symbol, term, False
        for wide, narrow in FULL_WIDTH_SIGNS.items():
            if narrow in symbol:
                yield symbol.replace(narrow, wide), term, False


def _codes() -> Iterator[tuple[str, CurrencyTerm, bool]]:
    for code in CURRENCIES:
        yield code, CurrencyTerm("code", (code,)), False


def currency_terms_after(language: str) -> Iterator[tuple[str, CurrencyTerm, bool]]:
    """Symbols, codes and names that may follow a number in this language."""
    yield from _symbols()
    yield from _codes()
    names = {**currency_names(language), **CURRENCY_NAMES.get(language, {})}
    for name, code in names.items():
        yield name, CurrencyTerm("name", (code,)), True
    for name, codes in SHARED_CURRENCY_NAMES.get(language, {}).items():
        yield name, CurrencyTerm("name", codes), True


def currency_terms_before(language: str) -> Iterator[tuple[str, CurrencyTerm, bool]]:
    """Symbols, codes and the few names that may precede a number in this language."""
    yield from _symbols()
    yield from _codes()
    for name, code in PREFIX_CURRENCY_NAMES.get(language, {}).items():
        yield name, CurrencyTerm("name", (code,)), True


def evidence(term: CurrencyTerm, written: str) -> CurrencyEvidence:
    """The evidence a matched term gives, with symbols normalised ('￥' -> '¥')."""
    surface = written.strip(SPACES + "-")
    if term.kind == "symbol":
        surface = normalize_symbol(surface)
    return CurrencyEvidence(term.kind, surface, term.codes)


def resolve_currency(marks: Sequence[CurrencyEvidence], language: str) -> Resolution:
    """Settle the currency from the marks around one amount, then locale, then convention."""
    readings = list(marks[0].codes)
    for mark in marks[1:]:
        readings = [code for code in readings if code in mark.codes]
    said = " + ".join(mark.describe() for mark in marks)
    if not readings:
        every = tuple(dict.fromkeys(code for mark in marks for code in mark.codes))
        return Resolution(UNRESOLVED, every, f"conflicting currency marks: {said}")
    if len(readings) == 1:
        return Resolution(readings[0], (), said)
    symbol = marks[0].surface
    home = home_currency(language)
    if home in readings:
        return Resolution(home, (), f"locale {language}: '{symbol}' read as {home}")
    convention = SYMBOL_CONVENTIONS.get(symbol)
    if convention in readings:
        return Resolution(convention, (), f"bare '{symbol}' read as {convention} (convention)")
    options = " or ".join(readings)
    return Resolution(
        UNRESOLVED, tuple(readings), f"'{symbol}' may be {options}; nothing in the text settles it"
    )

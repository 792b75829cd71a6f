"""Per-language term tables compiled once: scales, units, currencies, qualifiers."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from stargate_digest.models import Qualifier
from stargate_digest.quantities.currency import (
    CurrencyTerm,
    currency_terms_after,
    currency_terms_before,
)
from stargate_digest.quantities.lexicon import (
    BORROWED_SCALE_WORDS,
    CJK_LANGUAGES,
    CURRENCY_SCALE_ABBREVIATIONS,
    OTHER_UNIT_SYMBOLS,
    OTHER_UNIT_WORDS,
    PERCENT_PREFIXES,
    PERCENT_SIGNS,
    PERCENT_WORDS,
    QUALIFIER_SIGNS,
    QUALIFIERS_AFTER,
    QUALIFIERS_BEFORE,
    QUALIFIERS_INSIDE,
    SCALE_CONNECTORS,
    SCALE_WORDS,
    UNIT_SYMBOLS,
    UNIT_WORDS,
)
from stargate_digest.quantities.mention import Kind
from stargate_digest.quantities.patterns import Terms


@dataclass(frozen=True)
class Scale:
    """A scale word: its power of ten, and whether it needs a currency to mean that."""

    exponent: int
    needs_currency: bool


@dataclass(frozen=True)
class UnitTerm:
    """A unit the digest reports: the kind of quantity, its unit, and a factor into it."""

    kind: Kind
    unit: str
    factor: Decimal


@dataclass(frozen=True)
class OtherUnit:
    """A measurement the digest does not report ("22 Tbps"): the number is skipped."""


PERCENT = UnitTerm("percent", "percent", Decimal(1))
Tail = CurrencyTerm | UnitTerm | OtherUnit
Prefix = CurrencyTerm | UnitTerm


@dataclass(frozen=True)
class Vocabulary:
    """Everything the scanner matches around a number, for one language."""

    compound_scales: bool
    scales: Terms[Scale]
    tails: Terms[Tail]
    prefixes: Terms[Prefix]
    connectors: Terms[str]
    inside: Terms[Qualifier]
    before: Terms[Qualifier]
    after: Terms[Qualifier]


def _unit(kind: Kind, unit: str, factor: float) -> UnitTerm:
    return UnitTerm(kind, unit, Decimal(str(factor)))


def _tails(language: str) -> Iterator[tuple[str, Tail, bool]]:
    yield from currency_terms_after(language)
    yield from ((sign, PERCENT, False) for sign in PERCENT_SIGNS)
    yield from ((word, PERCENT, True) for word in PERCENT_WORDS.get(language, ()))
    yield from ((symbol, _unit(*unit), False) for symbol, unit in UNIT_SYMBOLS.items())
    yield from ((word, _unit(*unit), True) for word, unit in UNIT_WORDS[language].items())
    yield from ((symbol, OtherUnit(), False) for symbol in OTHER_UNIT_SYMBOLS)
    yield from ((word, OtherUnit(), True) for word in OTHER_UNIT_WORDS.get(language, ()))


def _prefixes(language: str) -> Iterator[tuple[str, Prefix, bool]]:
    yield from currency_terms_before(language)
    yield from ((word, PERCENT, False) for word in PERCENT_PREFIXES.get(language, ()))


def _scales(language: str) -> Iterator[tuple[str, Scale, bool]]:
    borrowed = BORROWED_SCALE_WORDS.get(language, {})
    for word, exponent in {**SCALE_WORDS[language], **borrowed}.items():
        yield word, Scale(exponent, needs_currency=False), True
    for word, exponent in CURRENCY_SCALE_ABBREVIATIONS.get(language, {}).items():
        yield word, Scale(exponent, needs_currency=True), True


def _qualifiers(*tables: Mapping[str, Qualifier]) -> Iterator[tuple[str, Qualifier, bool]]:
    for table in tables:
        yield from ((word, qualifier, True) for word, qualifier in table.items())


@cache
def vocabulary(language: str) -> Vocabulary:
    """The compiled tables for a language with word tables (see locale_facts.word_language)."""
    connectors = ((word, word, True) for word in SCALE_CONNECTORS.get(language, ()))
    return Vocabulary(
        compound_scales=language in CJK_LANGUAGES,
        scales=Terms(_scales(language), spaces=1, hyphen=True),
        tails=Terms(_tails(language), spaces=1, hyphen=True),
        prefixes=Terms(_prefixes(language), spaces=1),
        connectors=Terms(connectors, spaces=1),
        inside=Terms(_qualifiers(QUALIFIERS_INSIDE.get(language, {})), spaces=1),
        before=Terms(_qualifiers(QUALIFIERS_BEFORE[language], QUALIFIER_SIGNS), spaces=3),
        after=Terms(_qualifiers(QUALIFIERS_AFTER[language]), spaces=3),
    )

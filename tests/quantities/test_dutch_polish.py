"""Dutch (nl) and Polish (pl) figures, from invented sentences: decimal comma, scale
words with their inflections and false friends, currencies, percent, months with the
Polish genitive, spelled-out numbers, ranges, qualifiers and years tied to time."""

from __future__ import annotations

import math

import pytest

from stargate_digest.models import Qualifier
from stargate_digest.quantities import find_mentions
from stargate_digest.quantities.lexicon import SCALE_WORDS
from stargate_digest.segment import split_sentences


def only(text: str, language: str) -> tuple[str, float | str, str]:
    [mention] = find_mentions(text, language)
    return mention.kind, mention.value, mention.unit


@pytest.mark.parametrize(
    ("text", "language", "value", "unit"),
    [
        ("Het project kost 2,5 miljard euro.", "nl", 2.5e9, "EUR"),
        ("De overheid trekt 1,2 miljoen euro uit.", "nl", 1.2e6, "EUR"),
        ("Intel investeert 30 miljard dollar in de fabriek.", "nl", 30e9, "USD"),
        ("Het bedrijf krijgt € 9,9 mld. subsidie.", "nl", 9.9e9, "EUR"),
        ("Er gaat 450 mln euro naar het project.", "nl", 450e6, "EUR"),
        ("Het fonds bedraagt 1.500 miljoen euro.", "nl", 1.5e9, "EUR"),
        ("Inwestycja pochłonie 10 mld zł.", "pl", 10e9, "PLN"),
        ("Rząd przeznaczy 2,5 miliarda złotych na projekt.", "pl", 2.5e9, "PLN"),
        ("Firma wyda 4,6 mld dolarów na fabrykę.", "pl", 4.6e9, "USD"),
        ("Koszt wyniesie 20 miliardów euro.", "pl", 20e9, "EUR"),
        ("Dotacja to 6 miliardów złotych.", "pl", 6e9, "PLN"),
        ("Projekt otrzyma 750 mln PLN.", "pl", 750e6, "PLN"),
        ("Firma chce wydać 4,6 mld dol. i zatrudnić 2 tys. osób.", "pl", 4.6e9, "USD"),
        ("Fabryka kosztuje 3 miliony dolarów.", "pl", 3e6, "USD"),
        ("Zakład zatrudni 2 tys. osób.", "pl", 2000, "count"),
    ],
)
def test_money_and_scale_words(text: str, language: str, value: float, unit: str) -> None:
    mentions = [m for m in find_mentions(text, language) if m.unit == unit]
    assert len(mentions) == 1, find_mentions(text, language)
    assert math.isclose(float(mentions[0].value), value), mentions


def test_polish_and_dutch_billion_is_a_thousand_milliards() -> None:
    """False friends: Dutch biljoen and Polish bilion are 10^12, like German Billion."""
    assert SCALE_WORDS["nl"]["biljoen"] == 12
    assert SCALE_WORDS["nl"]["miljard"] == 9
    assert SCALE_WORDS["pl"]["bilion"] == 12
    assert SCALE_WORDS["pl"]["bln"] == 12
    assert SCALE_WORDS["pl"]["mld"] == 9
    [mention] = find_mentions("Dług sięga 1,3 biliona złotych.", "pl")
    assert (mention.value, mention.unit) == (1.3e12, "PLN")


@pytest.mark.parametrize(
    ("text", "language", "value"),
    [
        ("Het aandeel steeg 12,5 procent.", "nl", 12.5),
        ("De subsidie dekt 40 procent van de kosten.", "nl", 40),
        ("Dotacja pokryje 40 procent kosztów.", "pl", 40),
        ("Akcje spadły o 7,5 proc. w piątek.", "pl", 7.5),
    ],
)
def test_percent_words(text: str, language: str, value: float) -> None:
    assert only(text, language) == ("percent", value, "percent")


@pytest.mark.parametrize(
    ("text", "language", "value", "unit"),
    [
        ("Het datacenter vraagt 1,2 gigawatt.", "nl", 1.2, "GW"),
        ("De fabriek beslaat 46.000 vierkante meter.", "nl", 46_000, "sqm"),
        ("De bouw duurt vier jaar.", "nl", 4, "years"),
        ("Centrum danych pobierze 230 megawatów.", "pl", 230, "MW"),
        ("Zakład zajmie 160 hektarów.", "pl", 160, "ha"),
        ("Budowa potrwa 18 miesięcy.", "pl", 18, "months"),
    ],
)
def test_units(text: str, language: str, value: float, unit: str) -> None:
    mentions = [m for m in find_mentions(text, language) if m.unit == unit]
    assert [float(m.value) for m in mentions] == [value], find_mentions(text, language)


@pytest.mark.parametrize(
    ("text", "language", "value"),
    [
        ("De campus krijgt acht gebouwen.", "nl", 8),
        ("Er komen drieëntwintig hallen.", "nl", 23),
        ("Powstanie osiem budynków.", "pl", 8),
        ("Firma zbuduje dwie hale.", "pl", 2),
        ("Projekt obejmie dwadzieścia pięć budynków.", "pl", 25),
    ],
)
def test_numbers_in_words(text: str, language: str, value: int) -> None:
    counts = [m for m in find_mentions(text, language) if m.kind == "count"]
    assert [(m.value, m.spelled) for m in counts] == [(value, True)]


@pytest.mark.parametrize(
    ("text", "language", "low", "high", "unit"),
    [
        ("Het kost 15 tot 25 miljard euro.", "nl", 15e9, 25e9, "EUR"),
        ("De kosten liggen tussen 10 en 12 miljard dollar.", "nl", 10e9, 12e9, "USD"),
        ("Koszt to 15-25 mld zł.", "pl", 15e9, 25e9, "PLN"),
        ("Koszt wyniesie między 10 a 12 mld dolarów.", "pl", 10e9, 12e9, "USD"),
        ("Inwestycja pochłonie od 10 do 12 mld euro.", "pl", 10e9, 12e9, "EUR"),
    ],
)
def test_ranges(text: str, language: str, low: float, high: float, unit: str) -> None:
    [mention] = find_mentions(text, language)
    assert (mention.value, mention.value_max, mention.unit) == (low, high, unit)


def test_a_polish_change_from_one_level_to_another_is_two_figures() -> None:
    text = "Zysk wzrósł z 8 mld zł do 10 mld zł."
    levels = [(m.value, m.value_max) for m in find_mentions(text, "pl")]
    assert levels == [(8e9, None), (10e9, None)]


@pytest.mark.parametrize(
    ("text", "language", "qualifier"),
    [
        ("Het kost ongeveer 3 miljard euro.", "nl", Qualifier.APPROX),
        ("Er komen meer dan 3000 banen.", "nl", Qualifier.AT_LEAST),
        ("Koszt wyniesie około 3 mld zł.", "pl", Qualifier.APPROX),
        ("Zakład zatrudni ponad 3000 osób.", "pl", Qualifier.AT_LEAST),
    ],
)
def test_qualifiers(text: str, language: str, qualifier: Qualifier) -> None:
    [mention] = find_mentions(text, language)
    assert mention.qualifier == qualifier


@pytest.mark.parametrize(
    ("text", "language", "value"),
    [
        ("Intel maakte het plan op 21 januari 2025 bekend.", "nl", "2025-01-21"),
        ("Intel ogłosił plan 21 stycznia 2025 r. w Warszawie.", "pl", "2025-01-21"),
        ("Decyzja zapadła 3 października 2024 roku.", "pl", "2024-10-03"),
        ("De fabriek opent in juni 2027.", "nl", "2027-06"),
        ("Fabryka ruszy w czerwcu 2027.", "pl", "2027-06"),
        ("De fabriek moet tegen 2027 klaar zijn.", "nl", "2027"),
        ("Fabryka ma być gotowa do 2027 r.", "pl", "2027"),
        ("De productie start eind 2026.", "nl", "2026"),
        ("Produkcja ruszy pod koniec 2026 roku.", "pl", "2026"),
        ("De bouw start in het voorjaar van 2025.", "nl", "2025"),
        ("De fabriek opent in het najaar 2026.", "nl", "2026"),
        ("Budowa ruszy wiosną 2025 r.", "pl", "2025"),
        ("Fabryka zostanie otwarta jesienią 2026 roku.", "pl", "2026"),
    ],
)
def test_dates(text: str, language: str, value: str) -> None:
    dates = [m for m in find_mentions(text, language) if m.kind == "date"]
    assert [m.value for m in dates] == [value], find_mentions(text, language)


@pytest.mark.parametrize(
    ("text", "language", "count"),
    [
        ("Het kost o.a. 2,5 mld. euro volgens dhr. Jansen. Dat is veel.", "nl", 2),
        ("Intel zatrudni ok. 2 tys. osób, m.in. inżynierów. To dużo.", "pl", 2),
        ("Koszt wyniesie 10 mld zł. Prace ruszą wkrótce.", "pl", 2),
    ],
)
def test_sentences_know_the_abbreviations(text: str, language: str, count: int) -> None:
    assert len(split_sentences(text, language)) == count


@pytest.mark.parametrize(
    ("text", "language", "value", "unit"),
    [
        ("Intel krijgt een miljard euro extra.", "nl", 1e9, "EUR"),
        ("Het project kost anderhalf miljard euro.", "nl", 1.5e9, "EUR"),
        ("Rząd dołoży półtora miliarda złotych.", "pl", 1.5e9, "PLN"),
        ("Firma wyda pół miliarda dolarów.", "pl", 0.5e9, "USD"),
    ],
)
def test_scale_words_with_a_number_in_words_before_them(
    text: str, language: str, value: float, unit: str
) -> None:
    [mention] = find_mentions(text, language)
    assert (mention.value, mention.unit) == (value, unit)

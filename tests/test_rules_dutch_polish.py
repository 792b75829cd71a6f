"""Dutch and Polish pages through the rules extractor and the verifier, from invented
sentences: a Dutch or Polish reader's figures are found, labelled, scoped and verified."""

from __future__ import annotations

import pytest
from pages import article

from stargate_digest.extractors.rules import RulesExtractor
from stargate_digest.ingest.language import identify_language
from stargate_digest.models import Claim
from stargate_digest.topic import TopicProfile

EXTRACTOR = RulesExtractor()


def claims(text: str, language: str) -> list[Claim]:
    page = article(text, language)
    return EXTRACTOR.extract(page).claims


def one(text: str, language: str, value: float | str, unit: str) -> Claim:
    found = [c for c in claims(text, language) if c.value == value and c.unit == unit]
    assert len(found) == 1, [(c.value, c.unit, c.metric) for c in claims(text, language)]
    assert found[0].verified
    return found[0]


@pytest.mark.parametrize(
    ("text", "language", "value", "unit", "metric"),
    [
        ("Stargate investeert 500 miljard dollar in datacenters.", "nl", 500e9,
         "USD", "total_investment"),
        ("Stargate zorgt voor ruim 3.000 banen in Texas.", "nl", 3000, "count", "jobs"),
        ("Stargate zainwestuje 500 mld dolarów w centra danych.", "pl", 500e9, "USD",
         "total_investment"),
        ("Stargate stworzy ponad 3 tys. miejsc pracy.", "pl", 3000, "count", "jobs"),
        ("Stargate stworzy 2,5 tys. miejsc pracy w Teksasie.", "pl", 2500, "count", "jobs"),
    ],
)  # fmt: skip
def test_metric_cues(text: str, language: str, value: float, unit: str, metric: str) -> None:
    assert one(text, language, value, unit).metric == metric


@pytest.mark.parametrize(
    ("text", "language", "value", "unit"),
    [
        ("De eerste fase van Stargate kost 100 miljard dollar.", "nl", 100e9, "USD"),
        ("Fase 1 van Stargate kost 100 miljard dollar.", "nl", 100e9, "USD"),
        ("W pierwszej fazie Stargate wyda 100 mld dolarów.", "pl", 100e9, "USD"),
        ("Faza 1 projektu Stargate kosztuje 100 mld dolarów.", "pl", 100e9, "USD"),
    ],
)
def test_phase_scope(text: str, language: str, value: float, unit: str) -> None:
    assert one(text, language, value, unit).scope == "phase 1"


@pytest.mark.parametrize(
    ("text", "language", "value"),
    [
        ("Stargate werd op 21 januari 2025 in Washington aangekondigd.", "nl", "2025-01-21"),
        ("Stargate ogłoszono 21 stycznia 2025 r. w Waszyngtonie.", "pl", "2025-01-21"),
    ],
)
def test_announcement_dates_keep_their_day(text: str, language: str, value: str) -> None:
    assert one(text, language, value, "date").metric == "announcement_date"


def test_a_polish_amount_and_its_year_stay_in_one_sentence_after_abbreviations() -> None:
    text = "Do 2029 r. Stargate zainwestuje ok. 100 mld dolarów."
    claim = one(text, "pl", 100e9, "USD")
    assert claim.qualifier == "approx"
    assert claim.as_of == "2029"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Het project Stargate bouwt een groot datacenter in Texas, en de kosten lopen "
         "volgens de bedrijven snel op.", "nl"),
        ("Projekt Stargate buduje duże centrum danych w Teksasie, a koszty według firm "
         "szybko rosną.", "pl"),
    ],
)  # fmt: skip
def test_dutch_and_polish_are_identified(text: str, expected: str) -> None:
    assert identify_language(text) == expected


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Stargate bouwt in Abilene en Lordstown voor 40 miljard dollar.", "nl"),
        ("Stargate buduje w Abilene i Lordstown za 40 mld dolarów.", "pl"),
    ],
)
def test_sites_named_together_give_no_one_of_them_the_figure(text: str, language: str) -> None:
    assert one(text, language, 40e9, "USD").scope is None


# A profile of its own, so the tests say which words are the language's (generic cue words,
# inclusion words, noun links) and which the profile's.
_PROFILE = {
    "name": "acme",
    "title": "Acme",
    "main_subject": "Acme",
    "subjects": {"Acme": {"kind": "organization", "aliases": ["Acme"]}},
    "metrics": {
        "total_investment": {"kinds": ["money"], "subjects": ["organization"], "cues": ["invest*"]},
        "subsidy": {
            "kinds": ["money"],
            "subjects": ["organization"],
            "priority": 2,
            "cues": ["subsid*"],
        },
        "jobs": {"kinds": ["count"], "subjects": ["organization"], "priority": 2, "cues": []},
        "construction_jobs": {
            "kinds": ["count"],
            "subjects": ["organization"],
            "priority": 3,
            "cues": ["bouw", "budowie", "budowy"],
        },
    },
    "distributive": {"cues": []},
}
ACME = RulesExtractor(TopicProfile.model_validate(_PROFILE))


def metrics(text: str, language: str) -> dict[object, str]:
    page = article(text, language)
    return {claim.value: claim.metric for claim in ACME.extract(page).claims}


@pytest.mark.parametrize(
    ("text", "language", "value", "metric"),
    [
        # generic cue words of the language (the profile lists no "dotacja", "banen")
        ("Acme krijgt 2 miljard euro aan staatssteun.", "nl", 2e9, "subsidy"),
        ("Acme otrzyma 2 mld euro dotacji.", "pl", 2e9, "subsidy"),
        ("Acme schept 3.000 banen.", "nl", 3000.0, "jobs"),
        ("Acme stworzy 3 tys. miejsc pracy.", "pl", 3000.0, "jobs"),
        # a cue after an inclusion word names a part of the figure, not what it measures
        (
            "Acme investeert 30 miljard euro, inclusief de subsidies.",
            "nl",
            30e9,
            "total_investment",
        ),
        ("Acme zainwestuje 30 mld euro, w tym subsydia.", "pl", 30e9, "total_investment"),
        # a prepositional modifier of the count's noun names the more specific metric
        ("Acme schept 3.000 banen in de bouw.", "nl", 3000.0, "construction_jobs"),
        ("Acme stworzy 3 tys. miejsc pracy przy budowie.", "pl", 3000.0, "construction_jobs"),
        # not after a word that sets it apart
        ("Acme behoudt 3.000 banen na de bouw.", "nl", 3000.0, "jobs"),
        ("Acme utrzyma 3 tys. miejsc pracy po zakończeniu budowy.", "pl", 3000.0, "jobs"),
    ],
)
def test_metric_rules_of_dutch_and_polish_sentences(
    text: str, language: str, value: float, metric: str
) -> None:
    assert metrics(text, language)[value] == metric

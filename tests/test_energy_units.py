"""Energy units (GWh, MWh, TWh, kWh), an addition to contract 1.2 (branch g15c).

A battery plant's size is its yearly output in gigawatt-hours, a figure of energy, not of
power: before, "100 GWh" was a measurement outside the contract and the number was
skipped. Sentences written for the test, none copied from a page.
"""

from __future__ import annotations

from functools import cache

import pytest
from pages import article

from stargate_digest.extractors.llm_answer import unit_kind
from stargate_digest.extractors.rules import RulesExtractor
from stargate_digest.models import Claim
from stargate_digest.quantities import find_mentions
from stargate_digest.reconciliation.values import dimension, unit_factor
from stargate_digest.topic import TopicProfile


@pytest.mark.parametrize(
    ("text", "language", "value", "unit"),
    [
        ("a 30 GWh cell factory", "en", 30, "GWh"),
        ("a 30GWh cell factory", "en", 30, "GWh"),
        ("some 30 gigawatt-hours of cells a year", "en", 30, "GWh"),
        ("a store of 250 megawatt hours", "en", 250, "MWh"),
        ("1.5 terawatt-hours a year", "en", 1.5, "TWh"),
        ("a pack of 75 kWh", "en", 75, "kWh"),
        ("eine Fabrik mit 30 Gigawattstunden", "de", 30, "GWh"),
        ("eine Fabrik mit 1,5 Terawattstunden", "de", 1.5, "TWh"),
        ("une usine de 30 gigawattheures", "fr", 30, "GWh"),
        ("une usine de 30 gigawatts-heures", "fr", 30, "GWh"),
        ("una planta de 30 gigavatios hora", "es", 30, "GWh"),
        ("una planta de 30 gigavatios-hora", "es", 30, "GWh"),
        ("una fabbrica da 30 gigawattora", "it", 30, "GWh"),
        ("uma fábrica de 30 gigawatts-hora", "pt", 30, "GWh"),
        ("fabryka o mocy 30 gigawatogodzin", "pl", 30, "GWh"),
        ("een fabriek van 30 gigawattuur", "nl", 30, "GWh"),
        ("en fabrikk på 30 gigawattimer", "nb", 30, "GWh"),
        ("年産30ギガワット時の工場", "ja", 30, "GWh"),
        ("年产能30吉瓦时的工厂", "zh", 30, "GWh"),
        ("年產能30千兆瓦時的工廠", "zh", 30, "GWh"),
        ("储能500兆瓦时", "zh", 500, "MWh"),
        ("연간 30기가와트시 규모의 공장", "ko", 30, "GWh"),
    ],
)
def test_energy_is_read_in_every_language_in_the_unit_it_is_stated_in(
    text: str, language: str, value: float, unit: str
) -> None:
    """Each spelling gives an energy figure in the unit the text states (the reconciler
    compares them in MWh), not a power figure: "gigawatt-hours" is no "gigawatt"."""
    (mention,) = find_mentions(text, language)
    assert (mention.kind, mention.value, mention.unit) == ("energy", value, unit)


def test_a_thousand_megawatts_is_a_gigawatt_not_a_scale_word() -> None:
    """千兆瓦 is a thousand megawatts: "40千兆瓦时" is 40 GWh, not 40,000 MWh."""
    (mention,) = find_mentions("首期40千兆瓦时", "zh")
    assert (mention.value, mention.unit) == (40, "GWh")


def _claim(value: float, unit: str) -> Claim:
    return Claim(
        id="a#1", source_id="a", subject="Acme", metric="capacity", value=value, unit=unit,
        quote="q", start=0, end=1,
    )  # fmt: skip


def test_energy_compares_in_one_base_unit_apart_from_power() -> None:
    """1 TWh, 1,000 GWh, a million MWh and a billion kWh are one figure; a gigawatt-hour is
    never compared with a gigawatt."""
    assert {dimension(_claim(1, unit)) for unit in ("TWh", "GWh", "MWh", "kWh")} == {"energy"}
    assert [unit_factor(u) for u in ("TWh", "GWh", "MWh", "kWh")] == [1e6, 1e3, 1.0, 1e-3]
    assert dimension(_claim(1, "GW")) == "power"
    assert unit_kind("GWh") == "energy"


def _profile(capacity_kinds: list[str], extra: dict[str, object] | None = None) -> TopicProfile:
    metrics: dict[str, object] = {
        "capacity": {"kinds": capacity_kinds, "subjects": ["organization"], "cues": ["capacity"]},
        "cost": {"kinds": ["money"], "subjects": ["organization"], "cues": ["cost"]},
        **(extra or {}),
    }
    return TopicProfile.model_validate(
        {
            "name": "acme",
            "title": "Acme's cell plant",
            "main_subject": "Acme",
            "subjects": {"Acme": {"kind": "organization", "aliases": ["Acme"]}},
            "metrics": metrics,
            "distributive": {"cues": ["each"]},
        }
    )


@cache
def _extractor(kinds: tuple[str, ...]) -> RulesExtractor:
    return RulesExtractor(_profile(list(kinds)))


@pytest.mark.parametrize("kinds", [("power",), ("energy",)])
def test_a_power_metric_takes_energy_figures_in_a_profile_without_an_energy_metric(
    kinds: tuple[str, ...],
) -> None:
    """Profiles written before the energy units list a battery plant's capacity as power:
    the figure in GWh still takes that metric."""
    made = _extractor(kinds).extract(article("Acme's plant will have a capacity of 30 GWh."))
    assert [(c.value, c.unit, c.metric) for c in made.claims] == [(30, "GWh", "capacity")]


def test_a_power_metric_takes_no_energy_when_the_profile_names_an_energy_metric() -> None:
    output = {"kinds": ["energy"], "subjects": ["organization"], "cues": ["output"]}
    profile = _profile(["power"], {"output": output})
    assert profile.metric_kinds["capacity"] == {"power"}
    assert profile.metric_kinds["output"] == {"energy"}
    assert _profile(["power"]).metric_kinds["capacity"] == {"power", "energy"}


def test_a_unit_cue_glued_to_the_number_labels_the_figure() -> None:
    """ "a 30GWh plant": the profile's cue "GWh" is one word with the number to the
    matcher; glued or spaced, it says the figure is the plant's capacity."""
    storage = {"kinds": ["energy"], "subjects": ["organization"], "cues": ["storage"]}
    profile = _profile(["energy"], {"storage": storage})
    capacity = profile.metrics["capacity"].model_copy(update={"cues": ["GWh"]})
    profile = profile.model_copy(update={"metrics": {**profile.metrics, "capacity": capacity}})
    for text in ("Acme plans a 30GWh plant.", "Acme plans a 30 GWh plant."):
        made = RulesExtractor(profile).extract(article(text)).claims
        assert [(c.value, c.unit, c.metric) for c in made] == [(30, "GWh", "capacity")]

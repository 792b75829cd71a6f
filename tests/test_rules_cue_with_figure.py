"""Metric cues written with the figure itself, and the items of a list an inclusion word
opens (issue 12, metric labels).

Every sentence is invented; the profile is a small invented one.
"""

from __future__ import annotations

import pytest
from pages import article

from stargate_digest.extractors.rules import RulesExtractor
from stargate_digest.topic import TopicProfile

_PROFILE = {
    "name": "chips",
    "title": "A compute cluster",
    "main_subject": "Acme",
    "subjects": {
        "Acme": {
            "kind": "organization",
            "aliases": ["Acme", "애크미", "アクメ"],
            "money_metric": "investment",
        }
    },
    "metrics": {
        "investment": {"kinds": ["money"], "subjects": ["organization"], "cues": ["invest*"]},
        "subsidy": {
            "kinds": ["money"],
            "subjects": ["organization"],
            "priority": 2,
            "cues": ["subsid*", "Subvention*"],
        },
        "chip_count": {
            "kinds": ["count"],
            "subjects": ["organization"],
            "cues": ["chips", "Chips", "chip", "칩", "チップ"],
        },
        "chip_addition": {
            "kinds": ["count"],
            "subjects": ["organization"],
            "priority": 3,
            "cues": ["추가", "追加"],
        },
        "chip_target": {
            "kinds": ["count"],
            "subjects": ["organization"],
            "priority": 2,
            # a story's target named by the number it is: the profile's own words
            "cues": ["Million Chips", "un milione", "half a million"],
        },
    },
    "distributive": {"cues": []},
}
EXTRACTOR = RulesExtractor(TopicProfile.model_validate(_PROFILE))


def metrics(text: str, language: str) -> dict[object, str]:
    page = article(text, language)
    return {claim.value: claim.metric for claim in EXTRACTOR.extract(page).claims}


@pytest.mark.parametrize(
    ("text", "language", "value"),
    [
        # The cue begins inside the number in words and goes on past it.
        ("Acme will den Rechner langfristig mit einer Million Chips betreiben.", "de", 1e6),
        # The cue is the whole figure.
        ("Acme punta a gestire un milione di chip nel nuovo centro.", "it", 1e6),
        ("Acme wants half a million chips in the hall.", "en", 5e5),
    ],
)
def test_a_cue_written_with_the_figure_labels_it(text: str, language: str, value: float) -> None:
    assert metrics(text, language)[value] == "chip_target"


def test_a_figure_the_cue_does_not_hold_keeps_its_noun() -> None:
    assert metrics("Acme runs 200,000 chips today.", "en")[200_000] == "chip_count"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Acme reichte Bauanträge ein, darunter eine 20 Millionen Dollar teure Halle und "
            "der Bau eines 2 Millionen Dollar teuren Zauns.",
            "de",
        ),
        (
            "Acme filed permits for several works, including a $20 million hall and a $2 "
            "million fence.",
            "en",
        ),
    ],
)
def test_the_items_of_a_list_are_not_the_subjects_total(text: str, language: str) -> None:
    found = metrics(text, language)
    assert (found[20e6], found[2e6]) == ("other", "other")


def test_a_cue_still_labels_an_item_of_a_list() -> None:
    text = "Acme will invest $5 billion, including $1 billion in subsidies."
    assert metrics(text, "en") == {5e9: "investment", 1e9: "subsidy"}


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # Japanese and Korean put the verb after its object: a more specific metric's
        # verb right after the particle that marks the figure's noun phrase.
        ("애크미는 내년에 10,000개의 칩을 추가할 계획이다.", "ko", "chip_addition"),
        ("アクメは来年1万個のチップを追加する。", "ja", "chip_addition"),
        # A verb of another object is not the figure's.
        ("애크미는 10,000개의 칩을 보유하고 있으며 공장을 추가할 계획이다.", "ko", "chip_count"),
    ],
)
def test_the_verb_after_a_figures_object_particle_labels_it(
    text: str, language: str, expected: str
) -> None:
    assert metrics(text, language)[10_000] == expected

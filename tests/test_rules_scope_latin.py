"""Issue 12: scope rules of the languages written in Latin letters (branch g14s).

Each rule is one of a language or of news copy, tested on sentences written for the test
(none copied from a page) with a small invented profile: a company, Acme, building a
second data centre in a city, Riverton, whose name the profile also gives its whole
build ("the Riverton supercomputer"), as profiles do for a story named after its town.
"""

from __future__ import annotations

from functools import cache

import pytest
from pages import article

from stargate_digest.extractors.headline_rules import company_wide
from stargate_digest.extractors.rules import RulesExtractor
from stargate_digest.models import Claim
from stargate_digest.topic import TopicProfile


@cache
def _extractor() -> RulesExtractor:
    money = {"kinds": ["money"], "subjects": ["organization"]}
    profile = TopicProfile.model_validate(
        {
            "name": "acme",
            "title": "Acme's supercomputer in Riverton",
            "main_subject": "Acme",
            "subjects": {
                "Acme": {"kind": "organization", "aliases": ["Acme"], "money_metric": "cost"},
                "Grid Co": {"kind": "organization", "aliases": ["Grid Co"]},
            },
            "metrics": {
                "cost": {**money, "cues": ["cost", "kosten", "costo"]},
                "funds_raised": {**money, "priority": 2, "cues": ["raised", "sammelte"]},
                "valuation": {**money, "priority": 2, "cues": ["valued", "bewertet"]},
                "gpu_count": {
                    "kinds": ["count"],
                    "subjects": ["organization"],
                    "cues": ["GPUs", "GPU"],
                },
                "power": {"kinds": ["power"], "subjects": ["organization"], "cues": ["power"]},
                "area": {"kinds": ["area"], "subjects": ["organization"], "cues": ["plots"]},
                "clean_share": {
                    "kinds": ["percent"],
                    "subjects": ["organization"],
                    "cues": ["clean", "limpa"],
                },
            },
            "distributive": {"cues": ["each"]},
            "scopes": {
                "Riverton supercomputer": {"kind": "site", "aliases": ["Riverton"]},
                "Lakeside plant": {"kind": "site", "aliases": ["Lakeside"]},
                "Hillview plant": {"kind": "site", "aliases": ["Hillview"]},
                "first phase": {
                    "kind": "phase",
                    "aliases": ["first phase", "initially", "anfangs", "capacità iniziale"],
                },
                "second data centre": {
                    "kind": "site",
                    "aliases": [
                        "second data centre",
                        "neues Rechenzentrum",
                        "nuovo impianto",
                        "nouveau site",
                    ],
                },
            },
        }
    )
    return RulesExtractor(profile)


def one(text: str, language: str, value: float, unit: str, title: str | None = None) -> Claim:
    made = _extractor().extract(article(text, language, title)).claims
    found = [c for c in made if c.value == value and c.unit == unit]
    assert len(found) == 1, [(c.value, c.unit, c.metric, c.scope) for c in made]
    return found[0]


# --- the headline's site is not the company's as a whole --------------------------------


_COST = {
    "en": "Acme says the work will cost $2 billion.",
    "de": "Acme sagt, der Bau werde 2 Milliarden Dollar kosten.",
}
_HEADLINE = "Acme opens its second data centre"


@pytest.mark.parametrize(
    ("text", "value", "language"),
    [
        ("Acme says it raised $6 billion from investors this spring.", 6e9, "en"),
        ("Investors have valued Acme at $40 billion.", 40e9, "en"),
        ("Acme sammelte im Frühjahr 6 Milliarden Dollar ein.", 6e9, "de"),
    ],
)
def test_the_headline_site_is_not_that_of_a_figure_of_the_whole_company(
    text: str, value: float, language: str
) -> None:
    """A page about one data centre still gives the company's valuation and the money it
    raised: those are the company's, not the data centre's the headline names."""
    cost = _COST[language]
    page = f"{cost}\n\n{text}"
    assert one(page, language, value, "USD", _HEADLINE).scope is None
    # the data centre's own figures on the page keep the headline's site
    assert one(page, language, 2e9, "USD", _HEADLINE).scope == "second data centre"


@pytest.mark.parametrize(
    ("metric", "whole"),
    [
        ("valuation", True),
        ("funds_raised", True),
        ("founding_date", True),
        ("cash_burn", True),
        ("market_value_loss", True),
        ("share_price", True),
        ("site_purchase_price", False),
        ("total_investment", False),
        ("power_capacity", False),
    ],
)
def test_a_metric_name_says_whether_it_measures_the_company_as_a_whole(
    metric: str, whole: bool
) -> None:
    assert company_wide(metric) is whole


# --- a place that says where the part named before it is --------------------------------


@pytest.mark.parametrize(
    ("text", "language", "value", "unit"),
    [
        ("Acme baut ein neues Rechenzentrum in Riverton mit 200.000 GPUs.", "de", 200000, "count"),
        ("Il nuovo impianto a Riverton ospiterà 200.000 GPU.", "it", 200000, "count"),
        ("Acme opens its second data centre in Riverton with 200,000 GPUs.", "en", 200000, "count"),
        ("Le nouveau site à Riverton consommera 300 MW.", "fr", 300, "MW"),
    ],
)
def test_a_place_after_a_part_says_where_that_part_is(
    text: str, language: str, value: float, unit: str
) -> None:
    """ "ein neues Rechenzentrum in Riverton mit 200.000 GPUs": the town, named nearest
    the figure, only says where the data centre is; the GPUs are the data centre's."""
    assert one(text, language, value, unit).scope == "second data centre"


def test_a_place_named_alone_still_scopes_its_figure() -> None:
    assert one("Acme runs 100,000 GPUs in Riverton.", "en", 100000, "count").scope == (
        "Riverton supercomputer"
    )


# --- "the plant" in a clause after the figure's -----------------------------------------


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "At the second data centre, work goes on. A hall drawing 300 MW of power is "
            "planned, which the plant in Riverton will feed.",
            "en",
        ),
        (
            "Ein neues Rechenzentrum wird gebaut. Eine Halle mit 300 MW ist geplant, die mit "
            "dem Kraftwerk in Riverton verbunden wird.",
            "de",
        ),
    ],
)
def test_the_plant_in_a_later_clause_does_not_place_the_figure(text: str, language: str) -> None:
    """ "…, which the plant in Riverton will feed": the plant of a relative clause after
    the figure's is what its clause speaks of, not where the figure is; the figure keeps
    the site its paragraph opened with."""
    assert one(text, language, 300, "MW").scope == "second data centre"


# --- an item after an inclusion word ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Acme bought three lots in Riverton, including a warehouse and two plots of 40 "
            "hectares.",
            "en",
        ),
        (
            "Acme kaufte drei Parzellen in Riverton, darunter ein Lager sowie zwei Grundstücke "
            "mit 40 Hektar.",
            "de",
        ),
    ],
)
def test_an_item_after_an_inclusion_word_is_a_piece_of_the_part_named_before(
    text: str, language: str
) -> None:
    """ "three lots in Riverton, including a warehouse and two plots of 40 hectares": the
    plots are among the lots bought in Riverton, not the next item of a list whose "and"
    leaves Riverton to the count before it ("$4 billion in Riverton and $6 billion
    elsewhere")."""
    assert one(text, language, 40, "ha").scope == "Riverton supercomputer"


# --- a time word that modifies the figure right after it --------------------------------


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Acme's hall draws initially 300 MW and can grow to 900 MW.", "en"),
        ("Die Halle von Acme braucht anfangs 300 MW und kann auf 900 MW wachsen.", "de"),
        ("La sala di Acme avrà una capacità iniziale di 300 MW, con piani fino a 900 MW.", "it"),
    ],
)
def test_a_time_word_before_one_figure_is_not_the_next_ones(text: str, language: str) -> None:
    """ "draws initially 300 MW and can grow to 900 MW": "initially" says when the 300 MW
    hold; the 900 MW, joined by "and" or "with", are the next step, not the first phase."""
    assert one(text, language, 300, "MW").scope == "first phase"
    assert one(text, language, 900, "MW").scope is None


def test_a_phase_named_before_its_figures_scopes_them_all() -> None:
    text = "Acme's first phase of 300 MW will host 100,000 GPUs."
    assert one(text, "en", 100000, "count").scope == "first phase"


# --- a demonstrative opening a paragraph --------------------------------------------------


@pytest.mark.parametrize(
    ("text", "language", "scope"),
    [
        (
            "Acme opens its second data centre, which will need 100,000 more chips.\n\n"
            "These new chips alone cost Acme $5 billion.",
            "en",
            "second data centre",
        ),
        (
            "Acme abre su second data centre, que necesitará 100.000 chips más.\n\n"
            "Solo la compra de estos nuevos chips le cuesta a Acme 5.000 millones de dólares.",
            "es",
            "second data centre",
        ),
        # the noun is not the last sentence's: the paragraph sums up more than it
        (
            "Acme opens its second data centre, which will need 100,000 more chips.\n\n"
            "These plans cost Acme $5 billion.",
            "en",
            None,
        ),
    ],
)
def test_a_demonstrative_opening_a_paragraph_takes_up_the_noun_it_repeats(
    text: str, language: str, scope: str | None
) -> None:
    """ "… 100,000 more chips.\\n\\nThese new chips cost $5 billion": a demonstrative that
    repeats the noun of the last sentence before its paragraph takes up the very thing
    that sentence named, and its part; one with a noun of its own ("These plans") sums up
    more than that sentence, as it does in European copy."""
    assert one(text, language, 5e9, "USD").scope == scope


# --- the figure of an organisation that owns no part ------------------------------------


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Now Riverton runs on power from Grid Co, a utility that draws 60% of its "
            "output from clean sources.",
            "en",
        ),
        (
            "Agora, Riverton funciona com energia da Grid Co, empresa que obtém 60% da sua "
            "geração de fontes limpa.",
            "pt",
        ),
    ],
)
def test_a_site_is_not_that_of_a_figure_of_an_organisation_owning_no_part(
    text: str, language: str
) -> None:
    """The site that opens the sentence does not scope the utility's own share: a figure
    read as an organisation's that owns no part of the story is about none of them."""
    claim = one(text, language, 60, "percent")
    assert (claim.subject, claim.scope) == ("Grid Co", None)


def test_the_main_subjects_figure_keeps_the_site() -> None:
    claim = one("In Riverton, Acme draws 60% of its power from clean sources.", "en", 60, "percent")
    assert (claim.subject, claim.scope) == ("Acme", "Riverton supercomputer")


# --- a sentence that lists other places -------------------------------------------------


@pytest.mark.parametrize(
    ("places", "scope"),
    [("Lakeside and Hillview", None), ("Lakeside", "second data centre")],
)
def test_a_sentence_listing_other_places_is_not_the_headline_sites(
    places: str, scope: str | None
) -> None:
    """ "$3 billion for its plan, which includes plants in Lakeside and Hillview": a
    sentence that lists other places of the story is about more than the plant the
    headline names, though its paragraph names that plant too. One other place named in
    passing leaves the headline's site."""
    text = (
        f"Acme will get $3 billion for its plan, which includes plants in {places}. "
        "Work goes on at the second data centre."
    )
    assert one(text, "en", 3e9, "USD", _HEADLINE).scope == scope

"""Issue 12, metric labels: general rules of a language that say what a figure measures.

Every sentence is invented; the profile is a small invented one, so each test shows the
rule and nothing of any story's own vocabulary.
"""

from __future__ import annotations

import pytest
from pages import article

from stargate_digest.extractors.rules import RulesExtractor
from stargate_digest.topic import TopicProfile

_PROFILE = {
    "name": "plant",
    "title": "A chip plant",
    "main_subject": "Acme",
    "subjects": {
        "Acme": {
            "kind": "organization",
            "aliases": ["Acme", "アクメ", "애크미"],
            "money_metric": "investment",
        },
        "State": {"kind": "government", "aliases": ["State", "Land"]},
        "Acme-1": {"kind": "project", "aliases": ["Acme-1"]},
        "Chip Act": {
            "kind": "government",
            "aliases": ["Chip Subsidy Act", "Ley de Subsidios a los Chips"],
            "money_metric": "program_funding",
        },
    },
    "metrics": {
        "investment": {
            "kinds": ["money"],
            "subjects": ["organization"],
            "cues": ["invest*", "Investition*"],
        },
        "subsidy": {
            "kinds": ["money"],
            "subjects": ["organization", "government"],
            "priority": 2,
            "cues": ["subsid*", "Zuschuss", "Zuschüsse", "aides"],
        },
        "time_to_production": {
            "kinds": ["duration"],
            "subjects": ["organization"],
            "priority": 3,
            "cues": ["years after", "ans après", "Jahre nach"],
        },
        "delay": {
            "kinds": ["duration"],
            "subjects": ["organization"],
            "priority": 3,
            "cues": ["delay*", "retard*", "verschoben"],
        },
        "jobs": {
            "kinds": ["count"],
            "subjects": ["organization"],
            "priority": 2,
            "cues": ["jobs", "emplois", "Arbeitsplätze", "empleos"],
        },
        "construction_jobs": {
            "kinds": ["count"],
            "subjects": ["organization"],
            "priority": 3,
            "cues": ["construction", "Baugewerbe", "construcción"],
        },
        "subsidy_request": {
            "kinds": ["money"],
            "subjects": ["organization"],
            "priority": 3,
            "cues": ["fordere", "fordert", "réclame"],
        },
        "workforce_reduction": {
            "kinds": ["count"],
            "subjects": ["organization"],
            "priority": 3,
            "cues": ["supprimés", "cut", "abgebaut"],
        },
        "parameter_count": {
            "kinds": ["count"],
            "subjects": ["project"],
            "priority": 2,
            "cues": ["parameters"],
        },
        "production_start": {
            "kinds": ["date"],
            "subjects": ["organization"],
            "priority": 2,
            "cues": [
                "production",
                "operational",
                "opérationnelle",
                "produira",
                "mise en production",
            ],
        },
        "construction_start": {
            "kinds": ["date"],
            "subjects": ["organization"],
            "priority": 2,
            "cues": ["construction", "Baubeginn"],
        },
        "target_date": {
            "kinds": ["date"],
            "subjects": ["organization"],
            "priority": 2,
            "cues": ["by", "until", "target*", "d'ici", "bis"],
        },
        "net_worth": {
            "kinds": ["money"],
            "subjects": ["organization"],
            "priority": 2,
            "cues": ["net worth", "Vermögen", "fortune", "資産", "재산"],
        },
        "net_worth_change": {
            "kinds": ["money"],
            "subjects": ["organization"],
            "priority": 3,
            "cues": ["fell", "sank", "a chuté", "減少", "감소"],
        },
        "program_funding": {
            "kinds": ["money"],
            "subjects": ["government"],
            "priority": 2,
            "cues": ["authoriz*"],
        },
        # Two metrics of one kind, each cued by its unit word as story profiles do.
        "site_area": {
            "kinds": ["area"],
            "subjects": ["organization"],
            "priority": 2,
            "cues": ["acres", "hectares"],
        },
        "floor_area": {
            "kinds": ["area"],
            "subjects": ["organization"],
            "priority": 2,
            "cues": ["square feet", "pies cuadrados"],
        },
    },
    "distributive": {"cues": ["each"]},
}
EXTRACTOR = RulesExtractor(TopicProfile.model_validate(_PROFILE))


def metrics(text: str, language: str) -> dict[object, str]:
    """Each figure's value and the metric the extractor gives it."""
    page = article(text, language)
    return {claim.value: claim.metric for claim in EXTRACTOR.extract(page).claims}


@pytest.mark.parametrize(
    ("text", "language", "value"),
    [
        # A cue phrase may begin with the figure's own unit word ("years after",
        # "ans après"): it still labels the figure it starts in.
        ("Acme says output starts four to five years after approval.", "en", 4.0),
        ("Acme prévoit la production quatre ans après l'accord.", "fr", 4.0),
        ("Acme rechnet mit Produktion zwei Jahre nach dem Baubeginn.", "de", 2.0),
    ],
)
def test_a_cue_that_begins_with_the_figures_unit_labels_it(
    text: str, language: str, value: float
) -> None:
    assert metrics(text, language)[value] == "time_to_production"


@pytest.mark.parametrize(
    ("text", "language", "value", "metric"),
    [
        # The time word that makes a year a date ("by", "d'ici", "bis") says the figure is
        # a date, not what the date is of: another cue of the clause says that.
        ("Acme's plant will be operational by 2027.", "en", "2027", "production_start"),
        ("L'usine d'Acme sera opérationnelle d'ici 2027.", "fr", "2027", "production_start"),
        ("Acme produira des puces d'ici 2028.", "fr", "2028", "production_start"),
        # ... and it still labels a date no other cue labels.
        ("Acme will finish the plant by 2027.", "en", "2027", "target_date"),
        ("Acme veut finir l'usine d'ici 2027.", "fr", "2027", "target_date"),
    ],
)
def test_a_time_preposition_labels_a_date_only_when_nothing_else_does(
    text: str, language: str, value: str, metric: str
) -> None:
    assert metrics(text, language)[value] == metric


@pytest.mark.parametrize(
    ("text", "language", "value", "metric"),
    [
        # A cue word matches its inflected forms: case and plural endings of German
        # ("an Zuschüssen", "des Vermögens"), plural and feminine of French and English.
        ("Acme soll 5 Milliarden Euro an Zuschüssen erhalten.", "de", 5e9, "subsidy"),
        ("Acme meldet ein Plus des Vermögens um 3 Milliarden Euro.", "de", 3e9, "net_worth"),
        ("Acme touchera 2 milliards d'euros d'aides.", "fr", 2e9, "subsidy"),
        ("Les usines d'Acme seront opérationnelles d'ici 2029.", "fr", "2029", "production_start"),
    ],
)
def test_a_cue_word_matches_its_inflected_forms(
    text: str, language: str, value: float | str, metric: str
) -> None:
    assert metrics(text, language)[value] == metric


def test_only_long_words_take_endings_and_only_nouns_the_german_ones() -> None:
    from stargate_digest.cue_words import cue_forms

    assert "Zuschüssen" in cue_forms("Zuschüsse")  # a German noun: case endings
    assert "verloren" not in cue_forms("verlor")  # a verb: "-en" makes another word
    assert "opérationnelles" in cue_forms("opérationnelle")
    assert cue_forms("by") == ["by"]
    assert cue_forms("Bau") == ["Bau"]
    assert cue_forms("subsid*") == ["subsid*"]
    assert cue_forms("補助金") == ["補助金"]


@pytest.mark.parametrize(
    ("text", "language", "values"),
    [
        # The two levels a change goes from and to are levels, not the change: the
        # change word ("fell", "sank", 減少) does not label them, nor does the subject's
        # default metric when the sentence names what the levels are of.
        ("Acme's net worth fell from $120 billion to $100 billion.", "en", (120e9, 100e9)),
        (
            "Das Vermögen von Acme sank laut einer Liste von 116 Milliarden Euro "
            "(121 Milliarden Dollar) auf rund 96 Milliarden Euro.",
            "de",
            (116e9, 121e9, 96e9),
        ),
        (
            "La fortune d'Acme a chuté de 120 milliards de dollars à 100 milliards de dollars.",
            "fr",
            (120e9, 100e9),
        ),
        ("アクメの資産は1200億ドル(約18兆円)から1000億ドルに減少した。", "ja", (120e9, 100e9)),
        ("애크미의 재산은 1200억달러에서 1000억달러로 감소했다.", "ko", (120e9, 100e9)),
    ],
)
def test_the_levels_of_a_change_are_levels(
    text: str, language: str, values: tuple[float, ...]
) -> None:
    found = metrics(text, language)
    assert [found[value] for value in values] == ["net_worth"] * len(values)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Acme's net worth fell by $20 billion.", "en"),
        ("Das Vermögen von Acme sank um 20 Milliarden Euro.", "de"),
    ],
)
def test_a_change_that_states_no_levels_is_still_a_change(text: str, language: str) -> None:
    assert metrics(text, language)[20e9] == "net_worth_change"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # Words generic to a metric across stories are language data, not each
        # profile's: the profile above lists no "inciter", "Fördermittel" or "補助金".
        ("L'État versera 2 milliards d'euros pour inciter Acme à construire l'usine.", "fr"),
        ("Acme erhält 2 Milliarden Euro an Fördermitteln.", "de"),
        ("Acme will get $2 billion in grants.", "en"),
        ("アクメは20億ドルの補助金を受け取る。", "ja"),
    ],
)
def test_generic_cues_of_a_metric_label_it_in_any_profile(text: str, language: str) -> None:
    assert metrics(text, language)[2e9] == "subsidy"


def test_generic_cues_go_only_to_a_metric_of_their_name() -> None:
    from stargate_digest.cue_words import generic_cues

    assert "inciter" in generic_cues("subsidy")
    assert generic_cues("a_metric_no_table_names") == ()


@pytest.mark.parametrize(
    ("text", "language", "metric"),
    [
        # A count's noun and a prepositional modifier of it name one thing: the more
        # specific metric the modifier signals wins ("jobs in construction").
        ("Acme will create 3,000 jobs in construction.", "en", "construction_jobs"),
        (
            "Acme créera 3 000 emplois dans le secteur de la construction.",
            "fr",
            "construction_jobs",
        ),
        ("Acme schafft 3.000 Arbeitsplätze im Baugewerbe.", "de", "construction_jobs"),
        ("Acme creará 3.000 empleos en la construcción.", "es", "construction_jobs"),
        # Not after a word of time that sets them apart, nor across punctuation or a verb.
        ("Acme will keep 3,000 jobs after construction.", "en", "jobs"),
        ("Acme will create 3,000 jobs, and construction starts soon.", "en", "jobs"),
        ("Acme will create 3,000 jobs when construction ends.", "en", "jobs"),
    ],
)
def test_a_modifier_of_a_counts_noun_names_the_more_specific_metric(
    text: str, language: str, metric: str
) -> None:
    assert metrics(text, language)[3000.0] == metric


@pytest.mark.parametrize(
    ("text", "language", "value", "metric"),
    [
        # A cue of a more specific metric right after the figure's noun says more of
        # the same thing: a cut, a request.
        ("Acme dit que 3 000 emplois seraient supprimés.", "fr", 3000.0, "workforce_reduction"),
        ("Acme says 3,000 jobs were cut.", "en", 3000.0, "workforce_reduction"),
        ("Bei Acme werden 3.000 Arbeitsplätze abgebaut.", "de", 3000.0, "workforce_reduction"),
        (
            "Es heißt, dass Acme 2 Milliarden Euro Subventionen fordere.",
            "de",
            2e9,
            "subsidy_request",
        ),
        # Not across a coordinator: the jobs and the cut are two things.
        ("Acme will create 3,000 jobs and cut costs.", "en", 3000.0, "jobs"),
    ],
)
def test_a_predicate_of_the_figures_noun_names_the_more_specific_metric(
    text: str, language: str, value: float, metric: str
) -> None:
    assert metrics(text, language)[value] == metric


def test_a_figures_noun_finds_the_subject_named_before_when_its_clause_names_none() -> None:
    """A metric only a model has ("parameters"), of a model the clause calls "it"."""
    text = "Acme built Acme-1 last year. It was trained with 400 billion parameters."
    page = article(text)
    found = [c for c in EXTRACTOR.extract(page).claims if c.value == 400e9]
    assert [(c.subject, c.metric) for c in found] == [("Acme-1", "parameter_count")]


@pytest.mark.parametrize(
    "text",
    [
        # No model named before it: the figure stays unlabelled ("other").
        "Acme says rivals train with 400 billion parameters.",
        # A number in words is no one's figure here.
        "Acme built Acme-1. It says one million parameters are a lot.",
    ],
)
def test_without_a_fitting_subject_before_it_the_noun_labels_nothing(text: str) -> None:
    assert "parameter_count" not in metrics(text, "en").values()


@pytest.mark.parametrize(
    ("text", "language", "value", "metric"),
    [
        # What ends right before "and" (a coordinator) and the next figure is said of
        # the figure before it: "during the build" is of the 7,000 jobs.
        (
            "Acme will create 7,000 construction jobs during the construction and 3,000 "
            "permanent jobs later.",
            "en",
            3000.0,
            "jobs",
        ),
        (
            "Acme schafft 7.000 Stellen im Baugewerbe und 3.000 feste Arbeitsplätze.",
            "de",
            3000.0,
            "jobs",
        ),
        # Without the coordinator the cue before the figure still labels it.
        ("During construction Acme will need 3,000 workers.", "en", 3000.0, "construction_jobs"),
    ],
)
def test_a_cue_before_a_coordinator_is_of_the_figure_before_it(
    text: str, language: str, value: float, metric: str
) -> None:
    assert metrics(text, language)[value] == metric


@pytest.mark.parametrize(
    ("text", "language", "value", "metric"),
    [
        # A profile that cues a metric with a unit word means that unit measures it,
        # also inside the figure ("1,200 acres"), when two metrics share the kind.
        ("Acme builds on 300 acres near the river.", "en", 300.0, "site_area"),
        ("Acme's plant spans 2 million square feet.", "en", 2e6, "floor_area"),
        (
            "La planta de Acme, de 2 millones de pies cuadrados, abrirá pronto.",
            "es",
            2e6,
            "floor_area",
        ),
        ("Acme construit sur 40 hectares.", "fr", 40.0, "site_area"),
    ],
)
def test_a_unit_word_the_profile_cues_labels_its_own_figure(
    text: str, language: str, value: float, metric: str
) -> None:
    assert metrics(text, language)[value] == metric


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # A cue word inside a subject's name ("Subsidy" in "Chip Subsidy Act") is
        # part of the name: the law's size is its own money metric, not a subsidy.
        ("The Chip Subsidy Act of $50 billion passed in 2022.", "en"),
        ("La Ley de Subsidios a los Chips de 50.000 millones de dólares se aprobó en 2022.", "es"),
    ],
)
def test_a_cue_word_inside_a_subjects_name_is_part_of_the_name(text: str, language: str) -> None:
    assert metrics(text, language)[50e9] == "program_funding"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # A coordinator right after the figure opens the next item: the cue after it is
        # said of the figure that follows, not of this one.
        (
            "La construction de l'usine d'Acme devrait commencer au 1er semestre 2026 et la "
            "mise en production au 2e semestre 2027.",
            "fr",
        ),
        (
            "The construction of the Acme plant should start in the first half of 2026 and "
            "the production in the second half of 2027.",
            "en",
        ),
    ],
)
def test_a_cue_after_a_coordinator_is_said_of_the_next_figure(text: str, language: str) -> None:
    assert metrics(text, language) == {"2026": "construction_start", "2027": "production_start"}


def test_a_count_joined_to_its_noun_by_a_hyphen_counts_that_noun() -> None:
    # "a 2-shift jobs programme" counts shifts, not jobs; "2,000 jobs" counts jobs.
    assert metrics("Acme plans a 2-shift jobs programme.", "en") == {}
    assert metrics("Acme plans 2,000 jobs.", "en") == {2000.0: "jobs"}


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # A measure restated with no word of what it measures takes the cue of the
        # sentence before it in its paragraph (restated.py) ...
        ("Acme's rival reported 3 years of delay. Acme-1 is at 2 years.", "en", "delay"),
        ("Le rival d'Acme a pris 3 ans de retard. Acme-1 en est à 2 ans.", "fr", "delay"),
        # ... not across a blank line, where another paragraph begins
        ("Acme's rival reported 3 years of delay.\n\nAcme-1 is at 2 years.", "en", "other"),
    ],
)
def test_a_measure_restated_without_its_noun_takes_the_cue_before_it(
    text: str, language: str, expected: str
) -> None:
    assert metrics(text, language).get(2.0, "other") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A more specific metric's verb right before the count (at most two words
        # between) says what happens to the noun the count names.
        ("Acme will cut about 3,000 jobs next year.", "workforce_reduction"),
        ("Acme will cut 3,000 jobs next year.", "workforce_reduction"),
        # Further away the verb is of something else: the noun labels the count.
        ("Acme cut its costs sharply and will add 3,000 jobs.", "jobs"),
    ],
)
def test_a_specific_verb_right_before_a_count_labels_it(text: str, expected: str) -> None:
    assert metrics(text, "en")[3000.0] == expected

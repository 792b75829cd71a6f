"""Issues 11/12, false alarms: figures a sentence gives of something else than the subject
it would default to (others_rules.py), on invented sentences in several languages."""

from __future__ import annotations

from functools import cache

import pytest
from pages import article

from stargate_digest.extractors.rules import RulesExtractor
from stargate_digest.models import Claim
from stargate_digest.topic import TopicProfile


@cache
def chipmaker() -> RulesExtractor:
    """An invented story: a chipmaker's fabs, a government's grants, a national programme."""
    money = ["money"]
    topic = TopicProfile.model_validate(
        {
            "name": "acme",
            "title": "Acme's fabs",
            "main_subject": "Acme",
            "distributive": {"cues": ["each"]},
            "subjects": {
                "Acme": {
                    "kind": "organization",
                    "aliases": ["Acme", "アクメ", "艾克美"],
                    "money_metric": "total_investment",
                },
                "US government": {
                    "kind": "government",
                    "aliases": [
                        "Commerce Department",
                        "Handelsministerium",
                        "ministère du Commerce",
                    ],
                    "money_metric": "subsidy",
                },
                "Rival clusters": {"kind": "project", "aliases": ["clusters", "Cluster"]},
            },
            "metrics": {
                "total_investment": {
                    "kinds": money,
                    "subjects": ["organization"],
                    "priority": 1,
                    "cues": ["invest*", "investment", "Investition*", "investissement*"],
                },
                "subsidy": {
                    "kinds": money,
                    "subjects": ["organization", "government"],
                    "priority": 2,
                    "cues": ["grant*", "award", "aides", "Zuschuss", "subvención"],
                },
                "fab_count": {
                    "kinds": ["count"],
                    "subjects": ["organization"],
                    "priority": 2,
                    "cues": ["fabs", "Fabriken", "usines", "fábricas"],
                },
                "gpu_count": {
                    "kinds": ["count"],
                    "subjects": ["organization", "project"],
                    "priority": 2,
                    "cues": ["GPUs", "GPU", "puces"],
                },
            },
        }
    )
    return RulesExtractor(topic)


def read(text: str, language: str, value: float) -> list[tuple[str, str]]:
    """(subject, metric) of every claim of ``value``."""
    found: list[Claim] = chipmaker().extract(article(text, language)).claims
    return [(c.subject, c.metric) for c in found if c.value == value]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # What a thing typically needs is nobody's figure unless the clause says whose.
        ("Acme trained it on 2,000 GPUs. Such a model typically requires 16,000 GPUs.", "en", []),
        ("Acme nutzte 2.000 GPU. Normalerweise braucht man dafür 16.000 GPU.", "de", []),
        ("Acme a utilisé 2 000 GPU. En général, il en faut 16 000 GPU.", "fr", []),
        ("Acme usó 2.000 GPU; normalmente se necesitan 16.000 GPU.", "es", []),
        ("アクメは2000個のGPUを使った。通常は16000個のGPUが必要だ。", "ja", []),
        ("A Acme usou 2.000 GPU; geralmente são precisas 16.000 GPU.", "pt", []),
        # The adjective says so too: what a typical thing needs.
        ("Acme used 2,000 GPUs. A typical data center can use 16,000 GPUs.", "en", []),
        ("Acme nutzte 2.000 GPU. Ein typisches Rechenzentrum hat 16.000 GPU.", "de", []),
        ("Acme usó 2.000 GPU. Un centro de datos típico usa 16.000 GPU.", "es", []),
        # A comparison sets another's figure against the subject's.
        ("Acme used 2,000 GPUs, compared with 16,000 GPUs elsewhere.", "en", []),
        # ... and so does an equal measure of something named between its two words
        ("Acme built a site, which draws as much power as 16,000 GPUs.", "en", []),
        ("Acme baute ein Rechenzentrum, das so viel Strom zieht wie 16.000 GPU.", "de", []),
        # ... but not the same words with nothing between them: a bound of the figure
        ("Acme will buy as many as 16,000 GPUs.", "en", [("Acme", "gpu_count")]),
        # ... and whose it is may be said after it.
        (
            "Such a model typically requires 16,000 GPUs, as the largest clusters show.",
            "en",
            [("Rival clusters", "gpu_count")],
        ),
        # A clause that names the subject keeps it: its own norm.
        ("Acme typically requires 16,000 GPUs for a model.", "en", [("Acme", "gpu_count")]),
        ("Acme kauft normalerweise 16.000 GPU.", "de", [("Acme", "gpu_count")]),
    ],
)
def test_a_norm_or_a_comparison_is_not_the_default_subjects(
    text: str, language: str, expected: list[tuple[str, str]]
) -> None:
    assert read(text, language, 16000.0) == expected


def test_the_subjects_own_figure_beside_a_norm_stays_its_own() -> None:
    text = "Acme trained it on 2,000 GPUs. Such a model typically requires 16,000 GPUs."
    assert read(text, "en", 2000.0) == [("Acme", "gpu_count")]


@pytest.mark.parametrize(
    ("text", "language", "value"),
    [
        # The size of a public plan, and the part "of which" it gives to chips.
        (
            "Acme makes chips. The president launched a public plan of $900 billion, of "
            "which $40 billion in grants for chips.",
            "en",
            40e9,
        ),
        (
            "Acme fait des puces. Le président a lancé un plan public de 900 milliards de "
            "dollars, dont 40 milliards d’aides pour les puces.",
            "fr",
            40e9,
        ),
        (
            "Acme fait des puces. Le président a lancé un plan public de 900 milliards de dollars.",
            "fr",
            900e9,
        ),
        (
            "Acme baut Chips. Die Regierung legte ein Programm von 900 Milliarden Dollar auf.",
            "de",
            900e9,
        ),
        ("Acme makes chips. The government unveiled a $900 billion national plan.", "en", 900e9),
    ],
)
def test_a_public_programmes_figure_measures_nothing_of_the_company(
    text: str, language: str, value: float
) -> None:
    assert read(text, language, value) == [("Acme", "other")]


@pytest.mark.parametrize(
    ("text", "language", "value", "expected"),
    [
        # The company's own plan, or a plan whose sentence names the company, is its.
        ("Acme unveiled a plan of $20 billion.", "en", 20e9, ("Acme", "total_investment")),
        # A grant with no plan word beside it keeps its cue's metric.
        (
            "Acme makes chips. The president said $40 billion in grants will go to chips.",
            "en",
            40e9,
            ("Acme", "subsidy"),
        ),
    ],
)
def test_a_plan_named_with_the_company_or_no_plan_keeps_its_reading(
    text: str, language: str, value: float, expected: tuple[str, str]
) -> None:
    assert read(text, language, value) == [expected]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "The Commerce Department and Acme agreed preliminary terms for an additional "
            "investment of $275 million to expand the plant.",
            "en",
        ),
        (
            "Das Handelsministerium und Acme haben sich auf vorläufige Bedingungen für eine "
            "zusätzliche Investition von 275 Millionen Dollar geeinigt.",
            "de",
        ),
        (
            "Le ministère du Commerce et Acme ont signé des conditions préliminaires pour un "
            "investissement de 275 millions de dollars.",
            "fr",
        ),
    ],
)
def test_an_investment_agreed_under_an_awards_terms_is_the_governments_grant(
    text: str, language: str
) -> None:
    assert read(text, language, 275e6) == [("Acme", "subsidy")]


@pytest.mark.parametrize(
    "text",
    [
        # No government named before the figure, or no award's terms: the company's own.
        "Acme agreed preliminary terms for an investment of $275 million.",
        "The Commerce Department and Acme agreed on an investment of $275 million.",
    ],
)
def test_an_investment_without_a_government_under_award_terms_stays_the_companys(
    text: str,
) -> None:
    assert read(text, "en", 275e6) == [("Acme", "total_investment")]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # A known noun phrase after a sum says what the sum is for: no count of its own.
        ("Acme won an award of $6.2 billion for its two fabs in Ohio and Utah.", "en", []),
        ("Acme erhält 6,2 Milliarden Dollar für seine zwei Fabriken.", "de", []),
        ("Acme reçoit 6,2 milliards de dollars pour ses deux usines.", "fr", []),
        ("Acme recibe 6.200 millones de dólares para sus dos fábricas.", "es", []),
        # With no article or possessive, the sentence states how many there are.
        (
            "Acme will invest $30 billion for two fabs in Ohio.",
            "en",
            [("Acme", "fab_count")],
        ),
        (
            "Acme investira 30 milliards d’euros pour deux usines.",
            "fr",
            [("Acme", "fab_count")],
        ),
    ],
)
def test_a_count_that_says_what_a_sum_is_for_is_no_count(
    text: str, language: str, expected: list[tuple[str, str]]
) -> None:
    assert read(text, language, 2.0) == expected


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # A subject named after the figure behind a word of comparison is what the
        # figure is compared with (subject_rules.set_against), not what it is about.
        ("Training: 2,000 GPUs (vs. the clusters' 16,000 GPUs)", "en"),
        ("Training: 2,000 GPUs, compared with 16,000 GPUs in clusters", "en"),
        ("Training: 2.000 GPU gegenüber 16.000 GPU im Cluster", "de"),
    ],
)
def test_a_subject_named_behind_a_comparison_is_not_the_figures(text: str, language: str) -> None:
    assert read(text, language, 2000.0) == [("Acme", "gpu_count")]

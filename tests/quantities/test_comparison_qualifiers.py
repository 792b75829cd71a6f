"""Comparison words make a figure a bound: "far higher than", "exceeded", "under".

Invented sentences (issue 11, rules backend's claims): a bound read as an exact figure
makes it the consensus of its figure, and a bound settles no value on its side.
"""

from __future__ import annotations

import pytest

from stargate_digest.models import Qualifier
from stargate_digest.quantities import find_mentions


@pytest.mark.parametrize(
    ("text", "language", "qualifier"),
    [
        ("该公司的研发支出远高于3亿美元", "zh", Qualifier.AT_LEAST),
        ("工厂投资高于20亿元", "zh", Qualifier.AT_LEAST),
        ("利润低于5亿美元", "zh", Qualifier.AT_MOST),
        ("연구 지출은 3억 달러를 훨씬 초과했다", "ko", Qualifier.AT_LEAST),
        ("투자액이 20억 달러를 넘는 것으로", "ko", Qualifier.AT_LEAST),
        ("매출 300억 원 초과", "ko", Qualifier.AT_LEAST),
        ("the retailer's value fell back under $40 billion", "en", Qualifier.AT_MOST),
        ("unemployment stayed below 5%", "en", Qualifier.AT_MOST),
    ],
)
def test_comparison_words_bound_the_figure(text: str, language: str, qualifier: Qualifier) -> None:
    (mention,) = find_mentions(text, language)
    assert mention.qualifier is qualifier


@pytest.mark.parametrize(
    "text", ["研究費は5億ドルを大きく上回る", "投資額は20億ドルを超える見通し"]
)
def test_japanese_verbs_of_comparison_bound_the_figure(text: str) -> None:
    (mention,) = find_mentions(text, "ja")
    assert mention.qualifier is Qualifier.AT_LEAST


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("la empresa anunció la duplicación de su plantilla hasta 4.000 millones de euros", "es"),
        ("el grupo elevó su oferta hasta 900 millones de dólares", "es"),
        ("l'azienda ha aumentato l'investimento fino a 3 miliardi di euro", "it"),
        ("a empresa ampliou o aporte até 2 bilhões de dólares", "pt"),
    ],
)
def test_up_to_after_a_word_of_change_is_the_new_figure(text: str, language: str) -> None:
    # "hasta" after "duplicación" says where the figure went, not a bound of it.
    (mention,) = find_mentions(text, language)
    assert mention.qualifier is Qualifier.EXACT


@pytest.mark.parametrize(
    "text",
    [
        "el proyecto creará hasta 900 empleos",
        # a heading above the sentence, with no stop of its own, names a change
        "Empleo y crecimiento\n\nel proyecto creará hasta 900 empleos",
        "Aumento de la plantilla\nel proyecto creará hasta 900 empleos",
    ],
    ids=["alone", "after-a-heading-and-a-blank-line", "after-a-heading"],  # no line break in
    # a test id: a runner that passes ids on a command line (mutmut) would split it
)
def test_up_to_alone_stays_a_bound(text: str) -> None:
    (mention,) = find_mentions(text, "es")
    assert mention.qualifier is Qualifier.UP_TO


@pytest.mark.parametrize(
    "text",
    [
        "la subvention passe de quelques 2,5 milliards à 3,1 milliards d'euros",
        "le budget est passé de 40 millions à 55 millions d'euros",
    ],
)
def test_a_french_change_from_one_figure_to_another_is_no_range(text: str) -> None:
    mentions = find_mentions(text, "fr")
    # two figures, the earlier in the currency of the later, as in a range
    assert [(m.value_max, m.unit) for m in mentions] == [(None, "EUR"), (None, "EUR")]


def test_a_change_in_english_gives_both_figures_the_currency() -> None:
    mentions = find_mentions("the budget rose from 5 billion to 6.5 billion euros", "en")
    assert [(m.value, m.unit) for m in mentions] == [(5e9, "EUR"), (6.5e9, "EUR")]


def test_a_french_range_stays_a_range() -> None:
    (mention,) = find_mentions("un coût de 15 à 25 milliards d'euros", "fr")
    assert (mention.value, mention.value_max) == (15e9, 25e9)


def test_a_capital_letter_glued_to_digits_after_a_count_names_a_model() -> None:
    # "50 000 H100": fifty thousand chips of the H100 model, not hours ("15 h", "15h30")
    (mention,) = find_mentions("le laboratoire aurait environ 50 000 H100 en service", "fr")
    assert (mention.kind, mention.value) == ("count", 50000.0)
    assert find_mentions("rendez-vous à 15h30", "fr") == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Baustart im Herbst, Produktionsbeginn 2029. So lautete der Plan.", "2029"),
        ("Der Zulieferer nennt als Baubeginn 2027.", "2027"),
        ("Produktionsstart 2028 ist nicht mehr zu halten.", "2028"),
    ],
)
def test_a_german_event_noun_makes_the_bare_year_after_it_a_date(text: str, value: str) -> None:
    # German compounds name the event the year dates: "Produktionsbeginn 2029"
    (mention,) = [m for m in find_mentions(text, "de") if m.kind == "date"]
    assert mention.value == value


def test_a_german_year_after_another_noun_stays_unreported() -> None:
    assert [m for m in find_mentions("Das Modell Golf 2029 kommt.", "de") if m.kind == "date"] == []

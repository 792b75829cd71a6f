"""Issue 11 with the rules backend's claims: general rules of a language that decide
which subject a figure is about, on invented sentences."""

from __future__ import annotations

import pytest
from pages import article

from stargate_digest.extractors.rules import RulesExtractor
from stargate_digest.models import Claim
from stargate_digest.segment import split_sentences

EXTRACTOR = RulesExtractor()


def claims(text: str, language: str) -> list[Claim]:
    page = article(text, language)
    return EXTRACTOR.extract(page).claims


def test_a_korean_sentence_ends_at_a_full_stop_before_hangul() -> None:
    # Hangul has no capitals: ". " before a syllable ends a sentence all the same.
    text = "소프트뱅크는 300억 달러를 투자한다고 밝혔습니다. 이 금액은 오라클의 추정치입니다."
    pieces = [text[s.start : s.end] for s in split_sentences(text, "ko")]
    assert pieces == [
        "소프트뱅크는 300억 달러를 투자한다고 밝혔습니다.",
        "이 금액은 오라클의 추정치입니다.",
    ]


def test_a_company_named_in_the_next_korean_sentence_does_not_take_the_figure() -> None:
    text = (
        "소프트뱅크는 최근 발표한 연례 보고서에서 해당 사업의 총 투자 금액이 300억 달러라고 "
        "밝혔습니다. 이 금액은 오라클의 계약 가치입니다."
    )
    (claim,) = claims(text, "ko")
    assert (claim.subject, claim.metric, claim.value) == ("Stargate", "total_investment", 30e9)


def _chip_story() -> RulesExtractor:
    """An invented story: a startup, a chipmaker, the stock market."""
    from stargate_digest.topic import TopicProfile

    def subject(kind: str, *aliases: str) -> dict[str, object]:
        return {"kind": kind, "aliases": list(aliases)}

    def metric(*cues: str) -> dict[str, object]:
        return {"kinds": ["money"], "subjects": ["organization", "project"], "cues": list(cues)}

    return RulesExtractor(
        TopicProfile.model_validate(
            {
                "name": "chips",
                "title": "A startup and a chipmaker",
                "main_subject": "Lumen",
                "subjects": {
                    "Lumen": subject("organization", "Lumen", "ルーメン", "流明")
                    | {"money_metric": "market_value_loss"},
                    "Voltra": subject("organization", "Voltra", "ボルトラ", "沃特拉"),
                    "US stock market": subject("project", "US stocks", "米国株", "美股"),
                    "Lumen-7": subject("project", "Lumen-7", "L7"),
                    "Orbit-2": subject("project", "Orbit-2"),
                },
                "metrics": {
                    "market_value_loss": metric("market value", "時価総額", "市值"),
                    "training_cost": metric("training cost", "コスト", "成本"),
                    "training_tokens": {
                        "kinds": ["count"],
                        "subjects": ["project"],
                        "cues": ["tokens"],
                    },
                },
                "distributive": {"cues": ["each"]},
            }
        )
    )


CHIPS = _chip_story()


def _subjects(text: str, language: str) -> list[tuple[str, float | str | None]]:
    page = article(text, language)
    return [(c.subject, c.value) for c in CHIPS.extract(page).claims]


def test_the_company_of_the_sentence_before_is_the_subject_of_an_anaphor() -> None:
    # "同社" (the said company) points back to the company the previous sentence names,
    # not to the story's main subject.
    text = "ボルトラの株価は、27日に9%下落した。同社の時価総額は、1日で400億ドルの減少となった。"
    assert ("Voltra", 40e9) in _subjects(text, "ja")
    text = "沃特拉股价下跌9%。该公司的市值,一天内蒸发400亿美元。"
    assert ("Voltra", 40e9) in _subjects(text, "zh")


def test_a_maker_of_a_product_is_not_the_subject_of_its_cost() -> None:
    # "ボルトラ製チップ": chips made by Voltra; the cost is the topic company's.
    text = (
        "ルーメンは、このモデルの開発に用いたボルトラ製チップのコストが、"
        "わずか300万ドルだったと述べた。"
    )
    assert _subjects(text, "ja") == [("Lumen", 3e6)]


def test_a_space_in_a_chinese_headline_separates_two_phrases() -> None:
    # Chinese writes no spaces inside a phrase: a headline's space separates two.
    assert _subjects("沃特拉市值蒸发近400亿美元 创美股历史记录", "zh") == [("Voltra", 40e9)]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("2021年3月：星际之门宣布投资300亿美元。", "zh"),
        ("March 2021: Stargate announced a $30 billion investment.", "en"),
    ],
)
def test_a_timeline_entry_dates_its_figures(text: str, language: str) -> None:
    (claim,) = [c for c in claims(text, language) if c.unit != "date"]
    assert claim.as_of == "2021-03"


def test_the_later_figure_of_a_change_measures_what_the_earlier_one_does() -> None:
    # "from X to Y": Y is the same measure as X, however far the cue word is from it.
    text = "Lumen's training cost as reported went from some 5 billion to 6.5 billion dollars."
    page = article(text)
    found = [(c.metric, c.value) for c in CHIPS.extract(page).claims]
    assert found == [("training_cost", 5e9), ("training_cost", 6.5e9)]


def test_a_figure_of_a_model_is_about_the_model_the_page_names_most() -> None:
    # No model in reach of "tokens": the page's model, not its company, nor the model
    # named once in passing.
    text = (
        "Lumen released Lumen-7 this week. Lumen-7 beats Orbit-2 on most tests. "
        "To train it, they used 9.5 trillion tokens."
    )
    page = article(text)
    found = [(c.subject, c.metric, c.value) for c in CHIPS.extract(page).claims]
    assert found == [("Lumen-7", "training_tokens", 9.5e12)]

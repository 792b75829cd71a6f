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

"""Issue 12, sixth turn (branch g14j): rules of Japanese, Korean and Chinese news copy
found while reading the extractor's false positives and scope misses on the tuned-on
stories, each tested on a sentence written for the test (none copied from a page) with
the bundled Stargate profile."""

from __future__ import annotations

import pytest
from pages import article

from stargate_digest.extractors.rules import RulesExtractor
from stargate_digest.quantities import find_mentions

EXTRACTOR = RulesExtractor()


def counts(text: str, language: str) -> list[float | str | None]:
    """The values of the counts the rules extractor reports, in text order."""
    made = EXTRACTOR.extract(article(text, language)).claims
    return [c.value for c in made if c.unit == "count"]


# --- a name's number: glued to a word in Hangul or katakana, or to a Latin name -----------


@pytest.mark.parametrize(
    ("text", "language", "kept", "left_out"),
    [
        # a Hangul word glued to the digits, or joined by a hyphen, then a particle or a
        # space: the number is the name's ("스타랩2", "Starlab-3")
        ("스타게이트는 스타랩2 옆에 데이터센터 4곳을 짓는다.", "ko", 4, 2),
        ("스타게이트는 스타랩2에 데이터센터 4곳을 짓는다.", "ko", 4, 2),
        ("스타게이트는 올해 스타랩-3을 공개하고 데이터센터 4곳을 짓는다.", "ko", 4, 3),
        ("소프트뱅크뉴스7가 보도했다. 스타게이트는 데이터센터 4곳을 짓는다.", "ko", 4, 7),
        # a word in katakana glued to the digits, then more katakana: a model's name
        ("スターゲートはサターン500タービンを入れ、データセンターを6カ所建設する。", "ja", 6, 500),
        # a Latin name touching Japanese text is still a name ("…を持つTitan 350")
        ("スターゲートは大きいSaturn 500タービンで、6カ所を建設する。", "ja", 6, 500),
    ],
)
def test_a_number_glued_to_a_phonetic_name_counts_nothing(
    text: str, language: str, kept: int, left_out: int
) -> None:
    values = counts(text, language)
    assert kept in values
    assert left_out not in values


@pytest.mark.parametrize(
    ("text", "language", "value"),
    [
        # a counter after the number keeps it a count, glued or not
        ("スターゲートはアビリーンでタービン12基を稼働させる。", "ja", 12),
        ("スターゲートはアビリーンでタービン12人を雇う。", "ja", 12),
        ("스타게이트는 애빌린에 데이터센터 4곳을 짓는다.", "ko", 4),
        ("스타게이트는 애빌린에 데이터센터4곳을 짓는다.", "ko", 4),
    ],
)
def test_a_count_before_its_counter_stays(text: str, language: str, value: int) -> None:
    assert value in counts(text, language)


# --- Japanese ordinals and addresses, rates per one ---------------------------------------


@pytest.mark.parametrize(
    ("text", "language", "kept", "left_out"),
    [
        # 号 numbers one of several (unit No. 2), 番目 is "the third", 番地 and 丁目 an
        # address's lots
        ("スターゲートは2号機の隣にデータセンターを6カ所建設する。", "ja", 6, 2),
        ("スターゲートは3番目のデータセンターを含め6カ所建設する。", "ja", 6, 3),
        ("スターゲートは本町2875番地にデータセンターを6カ所建設する。", "ja", 6, 2875),
        ("スターゲートは本町4丁目にデータセンターを6カ所建設する。", "ja", 6, 4),
        # a count before a counter and "per": the unit of a rate
        ("スターゲートは1カ所あたり300人を雇い、データセンターを6カ所建設する。", "ja", 6, 1),
        ("スターゲートは1人当たり5台を配り、データセンターを6カ所建設する。", "ja", 6, 1),
        ("스타게이트는 1곳당 300명을 고용하고 데이터센터 4곳을 짓는다.", "ko", 4, 1),
    ],
)
def test_an_ordinal_an_address_or_a_rate_unit_is_no_count(
    text: str, language: str, kept: int, left_out: int
) -> None:
    values = counts(text, language)
    assert kept in values
    assert left_out not in values


# --- measures the digest does not report: volumes ------------------------------------------


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("애빌린 캠퍼스는 하루 500만 갤런의 물을 쓴다.", "ko"),
        ("애빌린 캠퍼스는 하루 300만 리터의 물을 쓴다.", "ko"),
        ("アビリーンのキャンパスは1日500万ガロンの水を使う。", "ja"),
        ("アビリーンのキャンパスは1日300万リットルの水を使う。", "ja"),
        ("阿比林园区每天使用500万加仑的水。", "zh"),
        ("阿比林園區每天使用500萬加侖的水。", "zh"),
        ("阿比林园区每天使用300万公升的水。", "zh"),
    ],
)
def test_a_volume_is_no_count(text: str, language: str) -> None:
    assert [m.kind for m in find_mentions(text, language) if m.kind == "count"] == []


# --- a page cut off mid-word ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "language", "cut"),
    [
        ("スターゲートは6カ所を建設する。\n\nソフトバンクは、企業価値を750億ド", "ja", 75e9),
        ('스타게이트는 데이터센터 4곳을 짓는다.\n\n이날 소프트뱅크는 "향후 10년 내 미', "ko", 10),
        ("Stargate will build six sites.\n\nStargate said it would hire 500 work", "en", 500),
    ],
)
def test_a_figure_where_the_page_is_cut_off_is_left_out(
    text: str, language: str, cut: float
) -> None:
    values = [c.value for c in EXTRACTOR.extract(article(text, language)).claims]
    assert cut not in values


@pytest.mark.parametrize(
    ("text", "language", "value"),
    [
        # a page that ends with a full stop, or with the figure itself, is not cut off
        ("スターゲートは6カ所を建設する。\n\nスターゲートの企業価値は750億ドル", "ja", 75e9),
        # far enough from the end, the words that say what it is are there
        ("Stargate will build six sites.\n\nStargate would hire 500 workers in Abil", "en", 500),
        # a list item may end a page with its figure
        ("Stargate will build six sites.\n\n- Stargate jobs: 500 new", "en", 500),
    ],
)
def test_a_figure_before_a_whole_ending_stays(text: str, language: str, value: float) -> None:
    values = [c.value for c in EXTRACTOR.extract(article(text, language)).claims]
    assert value in values

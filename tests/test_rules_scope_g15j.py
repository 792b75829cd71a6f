"""Branch g15j (seventh turn): scope rules of Japanese (and Korean) news copy, each on
sentences written for the test with the bundled Stargate profile."""

from __future__ import annotations

from functools import cache

import pytest
from pages import article
from test_rules_scope_cjk import scopes

from stargate_digest.extractors.rules import RulesExtractor
from stargate_digest.extractors.scope_cues import chained_clause
from stargate_digest.segment import Span, clause_around
from stargate_digest.topic import TopicProfile, load_topic


@pytest.mark.parametrize(
    ("text", "scope"),
    [
        # A clause that ends in a verb's continuative form ("建設中で、", "建設し、",
        # "建てて、") goes on in the next one, one statement with the same place: the
        # site it names as where or what it builds is the next clause's figure's ...
        (
            "米新興企業のスターゲートは、アビリーンに新しいキャンパスを建設中で、"
            "電力は1.2ギガワットになる見込みだ。",
            "Abilene campus",
        ),
        (
            "米新興企業のスターゲートは、アビリーンに新しいキャンパスを建設し、"
            "電力は1.2ギガワットになる見込みだ。",
            "Abilene campus",
        ),
        (
            "米新興企業のスターゲートは、アビリーンに新しいキャンパスを建てて、"
            "電力は1.2ギガワットになる見込みだ。",
            "Abilene campus",
        ),
        # ... not after a clause that ends otherwise ("建設中だが、": a contrast) ...
        (
            "米新興企業のスターゲートは、アビリーンに新しいキャンパスを建設中だが、"
            "電力は1.2ギガワットになる見込みだ。",
            None,
        ),
        # ... nor when the figure's clause names an actor of its own ...
        (
            "米新興企業のスターゲートは、アビリーンに新しいキャンパスを建設中で、"
            "オラクルは1.2ギガワットの電力を求めている。",
            None,
        ),
        # ... nor for a name that only modifies another noun ("アビリーンの市長").
        (
            "米新興企業のスターゲートは、アビリーンの市長と会談し、"
            "電力は1.2ギガワットになる見込みだと述べた。",
            None,
        ),
    ],
)
def test_a_japanese_clause_goes_on_with_the_site_of_the_clause_it_continues(
    text: str, scope: str | None
) -> None:
    assert scopes(text, "ja", "GW") == [scope]


def test_the_clause_a_japanese_clause_continues() -> None:
    text = "同社は、テキサスに工場を建設中で、来年の稼働を目指す。"
    sentence = Span(0, len(text))
    clause = clause_around(text, sentence, text.index("来年"), text.index("来年"))
    before = chained_clause(text, sentence, clause, "ja")
    assert before is not None
    assert text[before.start : before.end] == "テキサスに工場を建設中で"
    # no continuative form before the comma, the sentence's first clause, or a language
    # without the table: nothing
    other = "同社は、テキサスに工場を建設中だが、来年の稼働を目指す。"
    at = other.index("来年")
    assert (
        chained_clause(
            other, Span(0, len(other)), clause_around(other, Span(0, len(other)), at, at), "ja"
        )
        is None
    )
    first = clause_around(text, sentence, 0, 0)
    assert chained_clause(text, sentence, first, "ja") is None
    assert chained_clause(text, sentence, clause, "en") is None


@pytest.mark.parametrize(
    ("text", "scope"),
    [
        # A count of what a group holds under it ("傘下の12拠点", "傘下の全拠点") is all
        # of them together, as "合計" says: not the headline's site ...
        ("スターゲートは傘下の12拠点で計1.2ギガワットの電力を使う。", None),
        ("スターゲートは傘下の全拠点で1.2ギガワットの電力を使う。", None),
        # ... which a figure without it keeps, and so does one of a company named as in
        # a group ("ソフトバンク傘下の…": no count of the group's holdings).
        ("スターゲートは1.2ギガワットの電力を使う。", "Abilene campus"),
        ("ソフトバンク傘下のスターゲートは1.2ギガワットの電力を使う。", "Abilene campus"),
    ],
)
def test_a_japanese_count_of_a_groups_holdings_is_about_the_whole(
    text: str, scope: str | None
) -> None:
    assert scopes(text, "ja", "GW", "アビリーンのデータセンター") == [scope]


@pytest.mark.parametrize(
    ("text", "language", "scope"),
    [
        # A date heading a Japanese or Korean sentence dates the verb that ends it: when
        # the clause right after the date names no part, the part of the last clause ...
        (
            "2025年3月1日、スターゲートは新たな計画の一環として、"
            "アビリーンに100億ドルを投じると発表した。",
            "ja",
            "Abilene campus",
        ),
        (
            "2025년 3월 1일, 스타게이트는 새 계획을 내놓으며, "
            "애빌린에 100억 달러를 투자한다고 발표했다.",
            "ko",
            "Abilene campus",
        ),
        # ... while one the clause after the date names still wins.
        (
            "2025年3月1日、アビリーンでの工事が始まり、ミラム郡に100億ドルを投じると発表した。",
            "ja",
            "Abilene campus",
        ),
    ],
)
def test_a_date_heading_a_japanese_or_korean_sentence_dates_its_last_clause(
    text: str, language: str, scope: str | None
) -> None:
    assert scopes(text, language, "date") == [scope]


@cache
def with_numbered_buildings() -> RulesExtractor:
    """The bundled profile with three buildings named by number ("Hall2", "Hall3", …)."""
    data = load_topic().model_dump()
    for number in (2, 3, 4):
        data["scopes"][f"hall {number}"] = {"kind": "site", "aliases": [f"Hall{number}"]}
    return RulesExtractor(TopicProfile.model_validate(data))


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # "Hall2 and those after it … respectively 1.2, 1.5 and 2 GW": the list's first
        # figure is Hall2's, each next one the hall numbered one more ...
        (
            "スターゲートの「Hall2」以降についても計画が示されており、"
            "電力はそれぞれ1.2ギガワット、1.5ギガワット、2ギガワットとなる見通し。",
            {1.2: "hall 2", 1.5: "hall 3", 2.0: "hall 4"},
        ),
        # ... not without "以降" (the named hall is all of them) ...
        (
            "スターゲートの「Hall2」についても計画が示されており、"
            "電力はそれぞれ1.2ギガワット、1.5ギガワット、2ギガワットとなる見通し。",
            {1.2: "hall 2", 1.5: "hall 2", 2.0: "hall 2"},
        ),
        # ... nor past the list: a figure further on that the comma does not join to it ...
        (
            "スターゲートの「Hall2」以降についても計画が示されており、"
            "電力はそれぞれ1.2ギガワットに達し、その後1.5ギガワットとなる見通し。",
            {1.2: "hall 2", 1.5: "hall 2"},
        ),
        # ... and a hall the profile does not have ("Hall5") leaves the named one's.
        (
            "スターゲートの「Hall3」以降についても計画が示されており、"
            "電力はそれぞれ1.2ギガワット、1.5ギガワット、2ギガワットとなる見通し。",
            {1.2: "hall 3", 1.5: "hall 4", 2.0: "hall 3"},
        ),
    ],
)
def test_a_list_of_figures_over_a_numbered_series_of_parts(
    text: str, found: dict[float, str | None]
) -> None:
    made = with_numbered_buildings().extract(article(text, "ja")).claims
    assert {c.value: c.scope for c in made if c.unit == "GW"} == found


@pytest.mark.parametrize(
    ("text", "scope"),
    [
        # A thing a sentence builds ("データ工場を建設") taken up as a later sentence's
        # topic ("…工場は"), which places it ("アビリーンに建設する"): the figure is that
        # part's, also across a paragraph and past a sentence with no topic of its own ...
        (
            "スターゲートは100億ドルを投じ、新たなデータ工場を建設すると発表した。\n\n"
            "同社によると、アビリーンに建設する大規模な工場は来年稼働する。",
            "Abilene campus",
        ),
        (
            "スターゲートは100億ドルを投じ、新たなデータ工場を建設すると発表した。"
            "これまでで最大の工場となる。\n\n"
            "アビリーンに建設する工場は来年稼働する。",
            "Abilene campus",
        ),
        # ... not when the topic only says whose or which ("アビリーンの工場") ...
        (
            "スターゲートは100億ドルを投じ、新たなデータ工場を建設すると発表した。\n\n"
            "アビリーンの工場は来年稼働する。",
            None,
        ),
        # ... nor when it is another thing ("キャンパス", not the plant).
        (
            "スターゲートは100億ドルを投じ、新たなデータ工場を建設すると発表した。\n\n"
            "アビリーンに建設するキャンパスは来年稼働する。",
            None,
        ),
    ],
)
def test_a_japanese_thing_taken_up_as_a_later_topic_that_places_it(
    text: str, scope: str | None
) -> None:
    assert scopes(text, "ja", "USD") == [scope]

"""Issue 12, fourth turn: scope rules of Chinese, Japanese and Korean news copy (and the
European cases the same rules reach), each on sentences written for the test with the
bundled Stargate profile."""

from __future__ import annotations

import pytest
from pages import article

from stargate_digest.extractors.rules import RulesExtractor

EXTRACTOR = RulesExtractor()


def scopes(text: str, language: str, unit: str, title: str | None = None) -> list[str | None]:
    """The scopes of the claims in ``unit`` that the rules extractor finds in ``text``."""
    made = EXTRACTOR.extract(article(text, language, title)).claims
    return [c.scope for c in made if c.unit == unit]


@pytest.mark.parametrize(
    ("text", "scope"),
    [
        # A site marked as the topic or the frame of the sentence before sets the scene
        # for the next one, which names no part ...
        (
            "アビリーンでは、スターゲートが新しいキャンパスを建設している。電力は1.2ギガワットになる。",
            "Abilene campus",
        ),
        ("アビリーンは来年着工する。電力は1.2ギガワットになる。", "Abilene campus"),
        (
            "新たに建設される「アビリーン」は、来年着工する。電力は1.2ギガワットになる。",
            "Abilene campus",
        ),
        # ... and so does one the subject's sentence names mid-way as where it builds, or
        # what, when the next sentence names no actor: Japanese drops the topic it keeps
        # (branch g13j) ...
        (
            "スターゲートはアビリーンに新しいキャンパスを建設している。電力は1.2ギガワットになる。",
            "Abilene campus",
        ),
        (
            "スターゲートは「アビリーン」を新たに建設している。総面積は広く、電力は1.2ギガワットになる。",
            "Abilene campus",
        ),
        # ... not when the next sentence names its actor anew: a frame of its own ...
        (
            "スターゲートはアビリーンに新しいキャンパスを建設している。スターゲートの電力は1.2ギガワットになる。",
            None,
        ),
        (
            "スターゲートはアビリーンに新しいキャンパスを建設している。スターゲートによれば、電力は1.2ギガワットになる。",
            None,
        ),
        # ... nor a name that only modifies another noun ("アビリーンの", "アビリーンでの").
        (
            "スターゲートはアビリーンの市長と新しい計画を話し合った。電力は1.2ギガワットになる。",
            None,
        ),
        (
            "スターゲートはアビリーンでの建設について話した。電力は1.2ギガワットになる。",
            None,
        ),
    ],
)
def test_a_japanese_sentence_continues_the_site_the_one_before_is_about(
    text: str, scope: str | None
) -> None:
    assert scopes(text, "ja", "GW") == [scope]


@pytest.mark.parametrize(
    ("text", "scope"),
    [
        # A sentence that names nothing of the story goes on about the one before it, and
        # so on back through the paragraph: the frame of the last one that named something.
        (
            "スターゲートはアビリーンに新しいキャンパスを建設している。規模は大きい。"
            "電力は1.2ギガワットになる。",
            "Abilene campus",
        ),
        # A line's label ("A:") is no clause: the place opens what the line says.
        (
            "A: アビリーンに広い敷地を持つ。規模は大きい。電力は1.2ギガワットになる。",
            "Abilene campus",
        ),
        # A sentence between that names its actor starts its own frame, which the next
        # sentence carries (it names no place).
        (
            "スターゲートはアビリーンに新しいキャンパスを建設している。スターゲートは規模を明かした。"
            "電力は1.2ギガワットになる。",
            None,
        ),
    ],
)
def test_a_japanese_frame_carries_over_sentences_that_name_nothing(
    text: str, scope: str | None
) -> None:
    assert scopes(text, "ja", "GW") == [scope]


PLAN_ZH = (
    "星际之门的5000亿美元是一项更长期计划的一部分{}"
    "星际之门计划在阿比林投资共计1000亿美元，到2027年建成4座数据中心。"
)
PLAN_EN = (
    "The $500 billion is part of a longer plan{} Stargate will invest $100 billion in "
    "Abilene, building 4 data centers by 2027."
)


@pytest.mark.parametrize(
    ("text", "language", "scope"),
    [
        # A colon after a statement opens a new one, as a contrast does: the part named
        # in its first clause is what its later clauses count ...
        (PLAN_ZH.format("："), "zh", "Abilene campus"),
        (PLAN_EN.format(":"), "en", "Abilene campus"),
        # ... not after a comma: a part named in a middle clause says where one thing is.
        (PLAN_ZH.format("，"), "zh", None),
        (PLAN_EN.format(", and"), "en", None),
    ],
)
def test_a_colon_after_a_statement_opens_a_new_one(
    text: str, language: str, scope: str | None
) -> None:
    assert scopes(text, language, "count") == [scope]


@pytest.mark.parametrize(
    ("text", "language", "unit", "expected"),
    [
        # A heading before the colon says what the entry is about: a part's name ...
        ("Abilene: the campus is built, drawing 1.2 GW.", "en", "GW", ["Abilene campus"]),
        ("阿比林：已建成，电力为1.2吉瓦。", "zh", "GW", ["Abilene campus"]),
        # ... or a timeline's date, whose entry's later amount is the running total.
        (
            "2025年3月：星际之门在阿比林建成第一座数据中心，投资总额达到1000亿美元。",
            "zh",
            "USD",
            [None],
        ),
    ],
)
def test_a_colon_after_a_heading_opens_no_new_statement(
    text: str, language: str, unit: str, expected: list[str | None]
) -> None:
    assert scopes(text, language, unit) == expected


@pytest.mark.parametrize(
    ("text", "language", "scope"),
    [
        # A lone connective word opening the sentence ("其中", "また", "However") links it to
        # the one before: the clause after it opens the statement, and the part it names
        # scopes the figure in the next clause ...
        ("其中，阿比林的第一座数据中心，预计投资约400亿美元。", "zh", "Abilene campus"),
        (
            "また、アビリーンの最初のデータセンターは、約400億ドルを投資する。",
            "ja",
            "Abilene campus",
        ),
        ("However, in Abilene, Stargate will invest $40 billion.", "en", "Abilene campus"),
        # ... but a clause saying who speaks is no connective: the part after it is named
        # in a middle clause. One that only names the source of what follows ("…による
        # と、", "…에 따르면,", "据…报道,") opens no statement either (branch g14j,
        # tests/test_rules_cjk_g14j.py).
        ("星际之门表示，阿比林的第一座数据中心，预计投资约400亿美元。", "zh", None),
        (
            "スターゲートによると、アビリーンの最初のデータセンターは、約400億ドルを投資する。",
            "ja",
            "Abilene campus",
        ),
    ],
)
def test_a_lone_connective_opens_no_statement(text: str, language: str, scope: str | None) -> None:
    assert scopes(text, language, "USD") == [scope]


@pytest.mark.parametrize(
    ("text", "language", "title", "scope"),
    [
        # "合计", "合計": a sum of the parts is about the whole, not the headline's site ...
        ("星际之门的补贴合计约400亿美元。", "zh", "阿比林数据中心", None),
        (
            "スターゲートの補助金は合計で約400億ドルになる。",
            "ja",
            "アビリーンのデータセンター",
            None,
        ),
        # ... which a figure with no such word keeps.
        ("星际之门的补贴约400亿美元。", "zh", "阿比林数据中心", "Abilene campus"),
        (
            "スターゲートの補助金は約400億ドルになる。",
            "ja",
            "アビリーンのデータセンター",
            "Abilene campus",
        ),
    ],
)
def test_a_chinese_or_japanese_sum_is_about_the_whole(
    text: str, language: str, title: str, scope: str | None
) -> None:
    assert scopes(text, language, "USD", title) == [scope]


def test_a_sum_in_a_clause_naming_a_part_is_that_parts_total() -> None:
    """ "在阿比林投资共计1000亿美元": the total of Abilene, which the next clause goes on
    about (its count is Abilene's too), not the sum of the story's parts."""
    text = "星际之门在阿比林投资共计1000亿美元，到2027年建成4座数据中心。"
    assert scopes(text, "zh", "USD") == ["Abilene campus"]
    assert scopes(text, "zh", "count") == ["Abilene campus"]


@pytest.mark.parametrize(
    ("text", "language", "scope"),
    [
        # A figure after "part of" is the larger whole's, not the part named before it ...
        ("The Abilene campus is part of Stargate's plan to reach 10 GW.", "en", None),
        ("Der Campus in Abilene ist Teil eines Plans von 10 GW.", "de", None),
        # ... nor the part the sentence points back at.
        (
            "Stargate construit un campus à Abilene. Ce campus fait partie d'un plan plus "
            "large visant 10 GW.",
            "fr",
            None,
        ),
        # Without it, or with "as part of" (a circumstance, not the verb), the part is
        # the figure's.
        ("In Abilene, as part of its plan, Stargate will build 1.2 GW.", "en", "Abilene campus"),
        (
            "The Abilene campus is the start of Stargate's plan to reach 10 GW.",
            "en",
            "Abilene campus",
        ),
        ("Stargate construit un campus à Abilene. Ce campus vise 10 GW.", "fr", "Abilene campus"),
    ],
)
def test_a_figure_after_part_of_is_the_larger_wholes(
    text: str, language: str, scope: str | None
) -> None:
    assert scopes(text, language, "GW") == [scope]


def test_a_part_named_after_part_of_still_scopes() -> None:
    text = "The grant is part of a $40 billion investment in Abilene."
    assert scopes(text, "en", "USD") == ["Abilene campus"]


@pytest.mark.parametrize(
    ("seat", "elsewhere", "language"),
    [
        # A paragraph naming a site twice is about it (rule 7), but not when one of the
        # two gives a company's seat: that is where the company is, not a part.
        (
            "Oracle, based in Abilene, backs Stargate. Stargate will invest $40 billion, "
            "Abilene officials said.",
            "Oracle, which works in Abilene, backs Stargate. Stargate will invest $40 "
            "billion, Abilene officials said.",
            "en",
        ),
        (
            "Abilene-based Oracle backs Stargate. Stargate will invest $40 billion, Abilene "
            "officials said.",
            "Oracle in Abilene backs Stargate. Stargate will invest $40 billion, Abilene "
            "officials said.",
            "en",
        ),
        (
            "Oracle, basée à Abilene, soutient Stargate. Stargate investira 40 milliards de "
            "dollars, selon Abilene.",
            "Oracle, présente à Abilene, soutient Stargate. Stargate investira 40 milliards "
            "de dollars, selon Abilene.",
            "fr",
        ),
        (
            "总部位于阿比林的甲骨文支持星际之门。星际之门将投资400亿美元，阿比林官员表示。",
            "在阿比林的甲骨文支持星际之门。星际之门将投资400亿美元，阿比林官员表示。",
            "zh",
        ),
    ],
)
def test_a_companys_seat_is_not_a_part(seat: str, elsewhere: str, language: str) -> None:
    assert scopes(seat, language, "USD") == [None]
    assert scopes(elsewhere, language, "USD") == ["Abilene campus"]


@pytest.mark.parametrize(
    "text",
    [
        "星际之门在沙克尔福德县投资400亿美元。",  # the profile's script
        "星際之門在沙克爾福德縣投資400億美元。",  # the other: the same names
    ],
)
def test_a_chinese_page_in_either_script_names_the_profiles_parts(text: str) -> None:
    assert scopes(text, "zh", "USD") == ["Shackelford County"]


@pytest.mark.parametrize(
    ("text", "language", "scope"),
    [
        # "The plant" is the site named last, paragraphs back ...
        (
            "Stargate baut in Abilene.\n\nStargate investiert 40 Milliarden Dollar, um das "
            "Werk zu erweitern.",
            "de",
            "Abilene campus",
        ),
        (
            "Stargate builds in Abilene.\n\nStargate will invest $40 billion, expanding the plant.",
            "en",
            "Abilene campus",
        ),
        # ... unless its own sentence places it: then it is that site.
        (
            "Stargate baut in Abilene.\n\nStargate investiert 40 Milliarden Dollar, um das "
            "Werk in Milam zu erweitern.",
            "de",
            "Milam County",
        ),
        (
            "Stargate builds in Abilene.\n\nStargate will invest $40 billion, expanding the plant "
            "in Milam County.",
            "en",
            "Milam County",
        ),
    ],
)
def test_the_plant_placed_in_its_own_sentence_is_that_site(
    text: str, language: str, scope: str
) -> None:
    assert scopes(text, language, "USD") == [scope]

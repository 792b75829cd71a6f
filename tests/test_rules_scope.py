"""Issue 12: the part of the story a figure is about (``scope``), in every language.

Each rule here is a rule of a language or of news copy, tested on sentences written for
the test (none copied from a page) with the bundled Stargate profile.
"""

from __future__ import annotations

from functools import cache

import pytest
from pages import article

from stargate_digest.extractors.rules import RulesExtractor
from stargate_digest.models import Claim
from stargate_digest.segment import split_sentences
from stargate_digest.topic import TopicProfile, load_topic

EXTRACTOR = RulesExtractor()


def one(text: str, language: str, value: float | str, unit: str, title: str | None = None) -> Claim:
    made = EXTRACTOR.extract(article(text, language, title)).claims
    found = [c for c in made if c.value == value and c.unit == unit]
    assert len(found) == 1, [(c.value, c.unit, c.metric, c.scope) for c in made]
    return found[0]


# --- sentences in scripts without capitals ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "language", "count"),
    [
        ("스타게이트는 애빌린에 캠퍼스를 짓는다. 전체 사업비는 5000억달러다.", "ko", 2),
        ("스타게이트는 새 부지를 찾는다. 「부지는 10곳」이라고 말했다.", "ko", 2),
        ("Stargate builds in Abilene. 全体の費用は5000億ドルだ。", "ja", 2),
        ("Stargate costs $500 billion. it was announced in 2025.", "en", 1),
    ],
)
def test_a_full_stop_before_hangul_or_han_ends_a_sentence(
    text: str, language: str, count: int
) -> None:
    """Korean ends its sentences with "다." and starts the next with no capital."""
    assert len(split_sentences(text, language)) == count


# --- names in Latin letters inside CJK text -----------------------------------------------


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("星际之门计划在Abilene部署1.2吉瓦的算力。", "zh"),
        ("OpenAI在Abilene建设了1.2吉瓦的数据中心。", "zh"),
        ("OpenAI는 Abilene에 1.2기가와트 규모의 캠퍼스를 짓는다.", "ko"),
    ],
)
def test_a_latin_name_touching_cjk_text_is_still_a_name(text: str, language: str) -> None:
    """Chinese writes no space around a Latin name ("在Abilene部署"), Korean glues its
    particle to it ("Abilene에"): the name still names the part."""
    assert one(text, language, 1.2, "GW").scope == "Abilene campus"


# --- the one site a whole article is about ------------------------------------------------


def test_the_one_site_an_article_names_scopes_its_figures_that_name_none() -> None:
    text = (
        "Stargate broke ground on its first campus in Abilene, Texas, this spring.\n\n"
        "The state approved $2 billion in tax breaks for Stargate on Monday.\n\n"
        "Work at the Abilene campus will go on for years."
    )
    assert one(text, "en", 2e9, "USD").scope == "Abilene campus"


@pytest.mark.parametrize(
    "text",
    [
        "Stargate builds campuses in Abilene and in Lordstown.\n\n"
        "The state approved $2 billion in tax breaks for Stargate on Monday.",
        "Stargate builds in Abilene.\n\nThe state approved $2 billion in tax breaks for "
        "Stargate on Monday.\n\nStargate UAE is planned next, after Abilene.",
        "Stargate's first campus, in Abilene, opened.\n\nThe state approved $2 billion "
        "in tax breaks for Stargate on Monday.",
        "Stargate's first campus, in Abilene, Texas, opened.\n\nThe state approved $2 "
        "billion in tax breaks for Stargate on Monday.",
    ],
)
def test_an_article_naming_several_parts_gives_no_default(text: str) -> None:
    assert one(text, "en", 2e9, "USD").scope is None


# --- "this": a sentence that points back at the part the previous one names -------------


@pytest.mark.parametrize(
    ("text", "language", "value", "unit", "scope"),
    [
        (
            "Stargate said on Monday, after long talks, that it picked Abilene. "
            "This will create 1,500 jobs.",
            "en",
            1500,
            "count",
            "Abilene campus",
        ),
        (
            "Stargate said on Monday, after long talks, that it picked Abilene. "
            "The programme will create 100,000 jobs.",
            "en",
            100_000,
            "count",
            None,
        ),
        (
            "星际之门上周宣布，将在阿比林建设新园区。这项投资将创造1500个工作岗位。",
            "zh",
            1500,
            "count",
            "Abilene campus",
        ),
        (
            "오픈AI는 지난주, 애빌린에 캠퍼스를 짓는다고 밝혔다. "
            "이번 투자로 일자리 1500개가 생긴다.",
            "ko",
            1500,
            "count",
            "Abilene campus",
        ),
        (
            "Stargate a annoncé lundi, après de longues discussions, qu'il retenait Abilene. "
            "Cet investissement créera 1 500 emplois.",
            "fr",
            1500,
            "count",
            "Abilene campus",
        ),
        (
            "Stargate maakte maandag, na lange gesprekken, bekend dat het Abilene koos. "
            "Deze investering levert 1.500 banen op.",
            "nl",
            1500,
            "count",
            "Abilene campus",
        ),
        (
            "Stargate ogłosił w poniedziałek, po długich rozmowach, że wybrał Abilene. "
            "Ta inwestycja da 1500 miejsc pracy.",
            "pl",
            1500,
            "count",
            "Abilene campus",
        ),
    ],
)
def test_a_sentence_saying_this_continues_the_part_named_before(
    text: str, language: str, value: float, unit: str, scope: str | None
) -> None:
    assert one(text, language, value, unit).scope == scope


# --- a contrast ("while", "tandis que", "而") opens a statement of its own ----------------


@pytest.mark.parametrize(
    ("text", "language", "value", "unit", "scope"),
    [
        (
            "The Abilene campus will cost $40 billion, while the whole of Stargate will "
            "cost $500 billion.",
            "en",
            500e9,
            "USD",
            None,
        ),
        (
            "Le campus d'Abilene consommera 1,2 GW, tandis que celui de Lordstown, dans "
            "l'Ohio, consommera 0,8 GW.",
            "fr",
            0.8,
            "GW",
            "Lordstown",
        ),
        (
            "De campus in Abilene verbruikt 1,2 GW, terwijl die van Lordstown, in Ohio, "
            "0,8 GW verbruikt.",
            "nl",
            0.8,
            "GW",
            "Lordstown",
        ),
        (
            "Kampus w Abilene zużyje 1,2 GW, podczas gdy ten w Lordstown, w Ohio, zużyje 0,8 GW.",
            "pl",
            0.8,
            "GW",
            "Lordstown",
        ),
        (
            "阿比林园区将使用1.2吉瓦,而洛兹敦园区,位于俄亥俄州,将使用0.8吉瓦。",
            "zh",
            0.8,
            "GW",
            "Lordstown",
        ),
        (
            "At the Abilene campus, in the first year, Stargate draws 1.2 GW.",
            "en",
            1.2,
            "GW",
            "Abilene campus",
        ),
    ],
)
def test_a_contrast_opens_a_statement_about_another_part(
    text: str, language: str, value: float, unit: str, scope: str | None
) -> None:
    """Beyond its own clause a figure takes a part named before it in the first clause
    of its statement: the sentence's, or the one a contrast opens ("while", "tandis
    que", "而"), which is about something else than what came before it."""
    assert one(text, language, value, unit).scope == scope


# --- Korean: a name is a word, with its particle ------------------------------------------


@pytest.mark.parametrize(
    ("text", "scope"),
    [
        ("스타게이트는 인도에 1기가와트 규모의 캠퍼스를 짓는다.", "Stargate India"),
        ("스타게이트는 인도에서도 1기가와트 규모의 캠퍼스를 짓는다.", "Stargate India"),
        ("스타게이트는 인도네시아에 1기가와트 규모의 캠퍼스를 검토한다.", None),
    ],
)
def test_a_korean_name_ends_where_its_particle_begins(text: str, scope: str | None) -> None:
    """ "인도" (India) names the part in "인도에" but not inside "인도네시아" (Indonesia):
    what follows a Korean name is a particle or nothing."""
    assert one(text, "ko", 1, "GW").scope == scope


# --- a time a change is measured against is not the figure's time --------------------------


@cache
def with_period() -> RulesExtractor:
    """The bundled profile with a part of kind period (a calendar year), as stories of
    share prices and results have."""
    data = load_topic().model_dump()
    data["scopes"]["calendar 2024"] = {"kind": "period", "aliases": ["2024", "지난해", "去年"]}
    return RulesExtractor(TopicProfile.model_validate(data))


@pytest.mark.parametrize(
    ("text", "language", "scope"),
    [
        ("In 2024, Stargate's spending rose 20%.", "en", "calendar 2024"),
        ("Stargate's spending rose 20% compared with 2024.", "en", None),
        ("스타게이트의 투자는 지난해 20% 늘었다.", "ko", "calendar 2024"),
        ("스타게이트의 투자는 지난해 대비 20% 늘었다.", "ko", None),
        ("星际之门的投资比去年增加了20%。", "zh", None),
        ("Les dépenses de Stargate ont augmenté de 20 % par rapport à 2024.", "fr", None),
    ],
)
def test_the_time_a_change_is_compared_with_is_not_its_scope(
    text: str, language: str, scope: str | None
) -> None:
    made = with_period().extract(article(text, language)).claims
    assert [c.scope for c in made if c.unit == "percent"] == [scope]


@pytest.mark.parametrize(
    ("text", "language", "scope"),
    [
        ("Stargate's spending rose 20% in 2024.", "en", "calendar 2024"),
        ("Stargate's spending rose 20% in 2024-2025.", "en", None),
        ("Stargate's spending rose 20% in 2023–2024.", "en", None),
        ("星际之门的投资在2024-2025年期间增加了20%。", "zh", None),
    ],
)
def test_a_year_in_a_span_of_years_is_not_that_year(
    text: str, language: str, scope: str | None
) -> None:
    made = with_period().extract(article(text, language)).claims
    assert [c.scope for c in made if c.unit == "percent"] == [scope]


# --- the first value of a change "from X to Y" is the value before it ---------------------


@cache
def with_before() -> RulesExtractor:
    """The bundled profile with a part for the time before a change, as stories of
    share prices and market values have."""
    data = load_topic().model_dump()
    data["scopes"]["before the change"] = {"kind": "period", "aliases": ["before"]}
    return RulesExtractor(TopicProfile.model_validate(data))


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Stargate's budget rose from $100 billion to $500 billion.", "en"),
        (
            "Das Budget von Stargate stieg von 100 Milliarden Dollar auf rund 500 Milliarden "
            "Dollar.",
            "de",
        ),
        ("스타게이트의 예산은 1000억달러에서 5000억달러로 늘었다.", "ko"),
        ("スターゲートの予算は1000億ドル(約15兆円)から5000億ドルに増えた。", "ja"),
        ("星际之门的预算从1000亿美元增至5000亿美元。", "zh"),
    ],
)
def test_the_first_value_of_a_change_is_the_value_before_it(text: str, language: str) -> None:
    made = with_before().extract(article(text, language)).claims
    scopes = {c.value: c.scope for c in made if c.unit == "USD"}
    assert scopes == {100e9: "before the change", 500e9: None}
    # A profile with no such part keeps the whole: "before" is not a part of Stargate.
    assert {c.scope for c in EXTRACTOR.extract(article(text, language)).claims} == {None}


def test_a_restatement_in_parentheses_has_the_scope_of_the_figure_it_restates() -> None:
    text = "スターゲートの予算は1000億ドル(約15兆円)から5000億ドルに増えた。"
    made = with_before().extract(article(text, "ja")).claims
    assert {c.scope for c in made if c.unit == "JPY"} == {"before the change"}


def test_a_part_as_near_after_a_figure_as_before_it_is_the_figures() -> None:
    """ "2座阿比林和3座洛兹敦": "洛兹敦" is as near to the 3 as "阿比林", but the words
    before a figure end the previous item; those after it say what it counts."""
    text = "星际之门已建成2座阿比林和3座洛兹敦数据中心。"
    made = EXTRACTOR.extract(article(text, "zh")).claims
    assert {c.value: c.scope for c in made if c.unit == "count"} == {
        2: "Abilene campus",
        3: "Lordstown",
    }


@pytest.mark.parametrize(
    ("text", "language", "value", "scope"),
    [
        (
            "Stargate will spend $40 billion at Abilene and about $60 billion elsewhere.",
            "en",
            60e9,
            None,
        ),
        (
            "Stargate will spend $40 billion at Abilene and about $60 billion elsewhere.",
            "en",
            40e9,
            "Abilene campus",
        ),
        (
            "Stargate investira 40 milliards de dollars à Abilene et 60 milliards de dollars "
            "ailleurs.",
            "fr",
            60e9,
            None,
        ),
        ("Stargate will spend about $60 billion at Abilene.", "en", 60e9, "Abilene campus"),
    ],
)
def test_a_part_after_one_figure_and_before_and_belongs_to_that_figure(
    text: str, language: str, value: float, scope: str | None
) -> None:
    """ "$40 billion at Abilene and about $60 billion elsewhere": what follows a figure up
    to "and" describes it; the next figure after "and" is another item."""
    assert one(text, language, value, "USD").scope == scope


@pytest.mark.parametrize(
    ("last", "scope"),
    [("Abilene's mayor welcomed it.", "Abilene campus"), ("The mayor welcomed it.", None)],
)
def test_a_paragraph_that_keeps_naming_one_site_is_about_it(last: str, scope: str | None) -> None:
    text = (
        "Stargate is building in several places.\n\n"
        "Oracle leads the work at Abilene, Texas. Power comes from a new plant. It will "
        f"draw 1.2 GW, more than the city itself. {last}\n\n"
        "Stargate UAE is planned next."
    )
    assert one(text, "en", 1.2, "GW").scope == scope


@pytest.mark.parametrize(
    ("text", "language", "scope"),
    [
        (
            "Stargate's first phase began in 2025, with Oracle. The phase will add 1.2 GW.",
            "en",
            "phase 1",
        ),
        (
            "Stargate's first phase began in 2025, with Oracle. The two phases will add 1.2 GW.",
            "en",
            None,
        ),
        (
            "La première phase de Stargate a commencé en 2025, avec Oracle. Cette phase "
            "ajoutera 1,2 GW.",
            "fr",
            "phase 1",
        ),
        (
            "Die erste Phase von Stargate begann 2025, mit Oracle. Die Phase bringt 1,2 GW.",
            "de",
            "phase 1",
        ),
    ],
)
def test_the_same_noun_again_takes_up_the_part_named_before(
    text: str, language: str, scope: str | None
) -> None:
    """ "The first phase began ... The phase will add 1.2 GW": the part's own noun with
    "the" or "this" names it again."""
    assert one(text, language, 1.2, "GW").scope == scope


def test_this_before_a_part_named_after_the_figure_points_back() -> None:
    """ "$40 billion at this site and ... to the UAE": the figure is about the site "this"
    points back at, not the place named after it."""
    text = (
        "Stargate said, after long talks, that it picked Abilene. It will spend $40 "
        "billion at this site and ship its first chips to the UAE."
    )
    assert one(text, "en", 40e9, "USD").scope == "Abilene campus"


# --- a timeline: "2024年4月：…", "March 2025: …" --------------------------------------------


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "星际之门的进展。\n\n2024年4月：星际之门宣布在阿比林建设新园区，投资400亿美元。\n\n"
            "2025年3月：星际之门宣布在洛兹敦建设新园区。",
            "zh",
            {"2024-04": "Abilene campus", 40e9: None, "2025-03": "Lordstown"},
        ),
        (
            "Stargate timeline.\n\nMarch 2025: Stargate announces its campus in Abilene.\n\n"
            "June 2025: Stargate announces its campus in Lordstown.",
            "en",
            {"2025-03": "Abilene campus", "2025-06": "Lordstown"},
        ),
    ],
)
def test_a_date_heading_a_timeline_entry_is_about_what_the_entry_names(
    text: str, language: str, expected: dict[object, str]
) -> None:
    made = EXTRACTOR.extract(article(text, language)).claims
    assert {c.value: c.scope for c in made} == expected


# --- the headline's site: for whose figures, and how far --------------------------------

_HEADLINE = "Stargate picks Abilene for its first campus"


def test_the_headline_site_is_not_a_government_programme_s() -> None:
    # A figure only a government has (its programme, its law) is not the plant's; the
    # plant's own figures on the page keep the headline's site.
    text = (
        "Stargate says the campus will draw 1.2 GW.\n\n"
        "The US government set aside $5 billion in public funding for research."
    )
    assert one(text, "en", 1.2, "GW", _HEADLINE).scope == "Abilene campus"
    programme = one(text, "en", 5e9, "USD", _HEADLINE)
    assert (programme.subject, programme.scope) == ("US government", None)


@pytest.mark.parametrize(
    ("paragraph", "scope"),
    [
        ("Stargate will hire 2,000 workers next year.", "Abilene campus"),
        # The paragraph names another site and not the headline's: it has moved on.
        (
            "Stargate will hire 2,000 workers next year, while its plans in Lordstown are paused.",
            None,
        ),
    ],
)
def test_a_paragraph_about_another_place_leaves_the_headline_site(
    paragraph: str, scope: str | None
) -> None:
    text = f"Stargate says the campus will draw 1.2 GW.\n\n{paragraph}"
    assert one(text, "en", 2000, "count", _HEADLINE).scope == scope


_LOANS = (
    "Stargate won $5 billion in loans from lenders and is part of a $500 billion plan in Abilene."
)


@pytest.mark.parametrize(
    ("text", "value", "unit", "scope"),
    [
        # Of two amounts stated apart, a part named right after the second is its.
        (_LOANS, 5e9, "USD", None),
        (_LOANS, 500e9, "USD", "Abilene campus"),
        # A year between the two is no amount ("under the 2021 Energy Act").
        (
            "Stargate won $5 billion in loans under the 2021 Energy Act and is part of a "
            "$500 billion plan in Abilene.",
            5e9,
            "USD",
            None,
        ),
        # An amount restated beside the first is the same figure: the part is both's.
        (
            "Stargate will spend €80 billion ($87 billion) in Abilene.",
            80e9,
            "EUR",
            "Abilene campus",
        ),
        (
            "Stargate will spend $40 billion and $10 billion in Abilene.",
            40e9,
            "USD",
            "Abilene campus",
        ),
    ],
)
def test_a_part_right_after_a_later_amount_is_that_amounts(
    text: str, value: float, unit: str, scope: str | None
) -> None:
    assert one(text, "en", value, unit).scope == scope


@pytest.mark.parametrize(
    ("text", "language", "value", "scope"),
    [
        # A clause that sums the parts is about the whole: the part named before does
        # not carry over ...
        (
            "In Abilene, Stargate is building a campus. In total, the plan will cost $500 billion.",
            "en",
            500e9,
            None,
        ),
        (
            "À Abilene, Stargate construit un campus. Au total, le plan coûtera 500 "
            "milliards de dollars.",
            "fr",
            500e9,
            None,
        ),
        # ... but a part the clause names itself still scopes the figure.
        (
            "Stargate is building a campus. In total, the Abilene campus will cost $40 billion.",
            "en",
            40e9,
            "Abilene campus",
        ),
    ],
)
def test_a_clause_that_sums_the_parts_is_about_the_whole(
    text: str, language: str, value: float, scope: str | None
) -> None:
    assert one(text, language, value, "USD").scope == scope


@pytest.mark.parametrize(
    ("text", "language", "scope"),
    [
        # The next sentence names the figure again ("The investment") and places it.
        (
            "Stargate will invest $40 billion this year. The investment will go to the "
            "campus in Abilene.",
            "en",
            "Abilene campus",
        ),
        (
            "Stargate va investir 40 milliards de dollars cette année. Cet investissement "
            "ira au campus d'Abilene.",
            "fr",
            "Abilene campus",
        ),
        # A sentence about something else, or a new paragraph, does not place it.
        (
            "Stargate will invest $40 billion this year. The company also owns land in Abilene.",
            "en",
            None,
        ),
        (
            "Stargate will invest $40 billion this year.\n\nThe investment will go to the "
            "campus in Abilene.",
            "en",
            None,
        ),
    ],
)
def test_a_figure_the_next_sentence_names_again_takes_the_part_it_names(
    text: str, language: str, scope: str | None
) -> None:
    assert one(text, language, 40e9, "USD").scope == scope


# --- "the plant", "l'usine", "das Werk": the part last named with that noun ---------------


@cache
def with_plants() -> RulesExtractor:
    """The bundled profile with two plants, each named by a common noun in several
    languages, as stories of one factory are."""
    data = load_topic().model_dump()
    data["scopes"]["new plant"] = {
        "kind": "site",
        "aliases": ["new plant", "nouvelle usine", "neues Werk", "nueva planta"],
    }
    data["scopes"]["old plant"] = {
        "kind": "site",
        "aliases": ["old plant", "ancienne usine", "altes Werk", "antigua planta"],
    }
    return RulesExtractor(TopicProfile.model_validate(data))


@pytest.mark.parametrize(
    ("text", "language", "scope"),
    [
        (
            "Stargate picked a town for its new plant.\n\nThe town had offered cheap power."
            "\n\nThe plant will create 2,000 jobs, Stargate said.",
            "en",
            "new plant",
        ),
        (
            "Stargate a choisi une ville pour sa nouvelle usine.\n\nLa ville offrait de "
            "l'électricité.\n\nL'usine de Stargate créera 2 000 emplois.",
            "fr",
            "new plant",
        ),
        (
            "Stargate baut ein neues Werk.\n\nDie Stadt bot billigen Strom.\n\nDas Werk "
            "schafft 2.000 Arbeitsplätze, sagte Stargate.",
            "de",
            "new plant",
        ),
        (
            "Stargate eligió una ciudad para su nueva planta.\n\nLa ciudad ofrecía "
            "electricidad.\n\nLa planta creará 2.000 empleos, dijo Stargate.",
            "es",
            "new plant",
        ),
        (
            "Stargate picked a town for its new plant.\n\nIt still runs its old plant."
            "\n\nThe plant will create 2,000 jobs, Stargate said.",
            "en",
            "old plant",
        ),
        (
            "Stargate picked a town for its new plant.\n\nThe town had offered cheap power."
            "\n\nThe company will create 2,000 jobs, Stargate said.",
            "en",
            None,
        ),
    ],
)
def test_the_plant_takes_up_the_part_last_named_with_its_noun(
    text: str, language: str, scope: str | None
) -> None:
    """ "Its new plant ... The plant will create 2,000 jobs", paragraphs apart: the noun
    after a determiner names the last part called by it; another noun names none."""
    made = with_plants().extract(article(text, language)).claims
    assert [c.scope for c in made if c.value == 2000 and c.unit == "count"] == [scope]


@pytest.mark.parametrize(
    ("text", "language", "scope"),
    [
        (
            "Stargate picked Abilene, then Lordstown.\n\nThe plant will draw 1.2 GW, Stargate "
            "said.",
            "en",
            "Lordstown",
        ),
        (
            "Stargate wählte Abilene, dann Lordstown.\n\nDie Chipfabrik braucht 1,2 GW, sagte "
            "Stargate.",
            "de",
            "Lordstown",
        ),
        (
            "Stargate koos Abilene en later Lordstown.\n\nDe fabriek verbruikt 1,2 GW, zei "
            "Stargate.",
            "nl",
            "Lordstown",
        ),
        (
            "Stargate a choisi Abilene, puis Lordstown.\n\nL'usine consommera 1,2 GW, selon "
            "Stargate.",
            "fr",
            "Lordstown",
        ),
        (
            "星际之门先选了阿比林，后来选了洛兹敦。\n\n星际之门表示，该工厂将消耗1.2吉瓦电力。",
            "zh",
            "Lordstown",
        ),
        (
            "Stargate picked Abilene, then Lordstown.\n\nThe company will draw 1.2 GW, Stargate "
            "said.",
            "en",
            None,
        ),
    ],
)
def test_the_plant_is_the_site_named_last(text: str, language: str, scope: str | None) -> None:
    """ "... then Lordstown. The plant will draw 1.2 GW": a page calls the site it has
    just placed by its kind ("the plant", "die Chipfabrik", "de fabriek", "该工厂"),
    paragraphs on; a sentence about "the company" is not about a site."""
    assert one(text, language, 1.2, "GW").scope == scope


def test_a_total_for_the_plant_is_the_plants() -> None:
    """ "In total, the plant gets €40 billion": a total of the plant is not the sum of
    the story's parts ("in total" alone would leave it without a part)."""
    text = "Stargate picked Lordstown.\n\nIn total, the plant gets $40 billion from Stargate."
    assert one(text, "en", 40e9, "USD").scope == "Lordstown"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Stargate's campus in Lordstown will complement its older centre in Abilene."
            "\n\nThe site will draw 1.2 GW, Stargate said.",
            "en",
        ),
        (
            "Das Werk von Stargate in Lordstown ergänzt sein älteres Zentrum in Abilene."
            "\n\nDie Anlage braucht 1,2 GW, sagte Stargate.",
            "de",
        ),
    ],
)
def test_the_plant_is_the_site_its_clause_names_first(text: str, language: str) -> None:
    """ "Its campus in Lordstown will complement its centre in Abilene. The site will draw
    1.2 GW": in one clause, the site named first is what the clause is about, the later
    one what it is compared with; "the site" goes on about the first."""
    assert one(text, language, 1.2, "GW").scope == "Lordstown"


@pytest.mark.parametrize(
    ("text", "language", "scope"),
    [
        (
            "The grant pays for two new buildings, a cooling plant, and a substation in Lordstown.",
            "en",
            "Lordstown",
        ),
        (
            "La subvention financera deux nouveaux bâtiments, une centrale de "
            "refroidissement et un poste électrique à Lordstown.",
            "fr",
            "Lordstown",
        ),
        (
            "The grant pays for two new buildings, a cooling plant in Abilene, and a "
            "substation in Lordstown.",
            "en",
            None,
        ),
    ],
)
def test_the_place_closing_a_list_of_things_is_each_items(
    text: str, language: str, scope: str | None
) -> None:
    """ "Two new buildings, a cooling plant, and a substation in Lordstown": the place after
    the list's last item says where each item is; a place named inside the list is its
    own item's, not the first's."""
    assert one(text, language, 2, "count").scope == scope


@cache
def with_venture() -> RulesExtractor:
    data = load_topic().model_dump()
    data["scopes"]["Stargate venture"] = {"kind": "other", "aliases": ["joint venture"]}
    return RulesExtractor(TopicProfile.model_validate(data))


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Banks arranged a $15 billion financing package for the campus in Abilene.", "en"),
        ("O financiamento de US$ 15 bilhões para o campus de Abilene veio de bancos.", "pt"),
        ("Lenders put up $15 billion in debt for the campus in Abilene.", "en"),
        ("PIMCO fornirà 15 miliardi di dollari in debito per il campus di Abilene.", "it"),
        ("Stargate got a one-time payout of $15 billion from the campus in Abilene.", "en"),
        ("Los socios hicieron un aporte de USD 15.000 millones al campus de Abilene.", "es"),
        ("銀行団はアビリーンの施設のために150億ドルを調達する契約を結んだ。", "ja"),
        ("银行为阿比林园区提供了150亿美元融资。", "zh"),
        ("은행들은 애빌린 캠퍼스를 위해 150억 달러의 자금 조달에 합의했다.", "ko"),
    ],
)
def test_the_financing_is_the_ventures(text: str, language: str) -> None:
    """A profile that lists a joint venture (the vehicle that owns and funds a project):
    "a $15 billion financing package", "$15 billion in debt" is what the venture raised,
    though no page calls it by the profile's name; a profile without one keeps the site."""
    made = with_venture().extract(article(text, language)).claims
    assert [c.scope for c in made if c.value == 15e9] == ["Stargate venture"]
    assert one(text, language, 15e9, "USD").scope == "Abilene campus"


def test_a_name_holding_a_measure_is_that_figures_part() -> None:
    """A part named by its measure ("a cluster of 2 GW") is the part of that figure; the
    other figures of the clause are described by it, not scoped ("$10 billion for a
    cluster of 2 GW in Abilene" is the campus's)."""
    data = load_topic().model_dump()
    data["scopes"]["first cluster"] = {"kind": "phase", "aliases": ["cluster of 2 GW"]}
    extractor = RulesExtractor(TopicProfile.model_validate(data))
    text = "Stargate set aside $10 billion for a cluster of 2 GW in Abilene, Texas."
    made = extractor.extract(article(text, "en")).claims
    assert {(c.unit, c.scope) for c in made if c.unit in {"USD", "GW"}} == {
        ("USD", "Abilene campus"),
        ("GW", "first cluster"),
    }


def _utility_profile(*, owned: bool) -> TopicProfile:
    plants = {"kind": "site", "aliases": ["gas plants"], **({"of": "Utility"} if owned else {})}
    return TopicProfile.model_validate(
        {
            "name": "campus",
            "title": "A campus",
            "main_subject": "Acme",
            "subjects": {
                "Acme": {"kind": "organization", "aliases": ["Acme"]},
                "Utility": {"kind": "organization", "aliases": ["Utility Co"]},
            },
            "metrics": {
                "savings": {"kinds": ["money"], "subjects": ["organization"], "cues": ["savings"]}
            },
            "distributive": {"cues": ["each"]},
            "scopes": {"campus": {"kind": "site", "aliases": ["Riverton"]}, "plants": plants},
        }
    )


@pytest.mark.parametrize(("owned", "scope"), [(True, None), (False, "campus")])
def test_the_headline_site_is_not_that_of_an_organisation_with_parts_of_its_own(
    owned: bool, scope: str | None
) -> None:
    """On a page about the main subject's campus, a figure of another organisation that
    has parts of its own in the profile (a utility's plants, ``of``) is not the campus's:
    "Utility Co projects $2 billion in savings" names none of its parts and is about
    none. Without parts of its own, the headline's site stays."""
    extractor = RulesExtractor(_utility_profile(owned=owned))
    page = article("Utility Co projects $2 billion in savings.", "en", "Acme opens Riverton campus")
    made = extractor.extract(page).claims
    assert [(c.subject, c.scope) for c in made if c.value == 2e9] == [("Utility", scope)]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Abilene opens in 2025, with power reaching 2 GW in the second half of 2027.", "en"),
        ("Abilene öffnet 2025, und in der zweiten Hälfte 2027 braucht es 2 GW.", "de"),
    ],
)
def test_an_ordinal_before_a_part_of_a_period_is_a_time(text: str, language: str) -> None:
    """A part called by its ordinal ("the second", the second hall) is not named in "the
    second half of 2027", "der zweiten Hälfte": a time; the figure keeps the site its
    statement opens with."""
    data = load_topic().model_dump()
    data["scopes"]["second hall"] = {"kind": "site", "aliases": ["the second", "zweiten"]}
    made = RulesExtractor(TopicProfile.model_validate(data)).extract(article(text, language))
    assert [c.scope for c in made.claims if c.unit == "GW"] == ["Abilene campus"]


@pytest.mark.parametrize(
    ("text", "language", "scope"),
    [
        (
            "Stargate opens Abilene in 2025, with Lordstown, built later, expected to draw 1 GW.",
            "en",
            "Lordstown",
        ),
        (
            "Stargate ouvre Abilene en 2025, avec Lordstown, construit plus tard, qui "
            "consommera 1 GW.",
            "fr",
            "Lordstown",
        ),
        (
            "Stargate opens Abilene in 2025, with power, later on, reaching 1 GW.",
            "en",
            "Abilene campus",
        ),
    ],
)
def test_a_with_clause_naming_a_part_opens_a_statement_about_it(
    text: str, language: str, scope: str
) -> None:
    """ "…, with Lordstown, built later, expected to draw 1 GW": a clause opened by "with"
    that names a part is a statement about that part, as a contrast is; one that names
    none goes on about the part its sentence opened with."""
    assert one(text, language, 1, "GW").scope == scope

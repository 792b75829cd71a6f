"""Branch g16q1 (eighth turn): rules of languages and news pages found on Kumamoto's
pages, each tested on sentences written for the test, none copied from a page."""

from __future__ import annotations

from functools import cache

import pytest
from pages import article
from test_rules_scope_cjk import scopes

from stargate_digest.extractors.currency_rules import story_currencies
from stargate_digest.extractors.named_again import speaks_of_facility
from stargate_digest.extractors.page_rules import is_ordinal_number, pairs_a_measure
from stargate_digest.extractors.rules import RulesExtractor
from stargate_digest.models import Claim
from stargate_digest.quantities import find_mentions
from stargate_digest.segment import Span
from stargate_digest.topic import TopicProfile, load_topic


@cache
def with_currencies(*codes: str) -> RulesExtractor:
    """The bundled profile, its figures' currencies narrowed to ``codes``."""
    data = load_topic().model_dump()
    data["unlabelled_currencies"] = list(codes)
    return RulesExtractor(TopicProfile.model_validate(data))


@cache
def load_topic_extractor() -> RulesExtractor:
    return RulesExtractor(load_topic())


def money(extractor: RulesExtractor, text: str, language: str) -> list[Claim]:
    made = extractor.extract(article(text, language)).claims
    return [c for c in made if c.verified and c.metric == "total_investment"]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("A Stargate vai investir ¥900 bilhões no novo campus.", "pt"),
        ("Stargate will invest ¥900 billion in the new campus.", "en"),
        ("Stargate investira ¥900 milliards dans le nouveau campus.", "fr"),
    ],
)
def test_an_open_symbol_takes_the_one_reading_among_the_storys_currencies(
    text: str, language: str
) -> None:
    """'¥' may be yen or yuan: in a story whose figures are in dollars and yen it is the
    yen; in one with both (the bundled profile), or neither, it stays open."""
    (claim,) = money(with_currencies("USD", "JPY", "EUR"), text, language)
    assert (claim.value, claim.unit) == (900e9, "JPY")
    (claim,) = money(with_currencies("USD", "CNY"), text, language)
    assert claim.unit == "CNY"
    (claim,) = money(load_topic_extractor(), text, language)
    assert (claim.unit, claim.currency_candidates) == ("XXX", ["JPY", "CNY"])
    (claim,) = money(with_currencies("USD", "EUR"), text, language)
    assert claim.unit == "XXX"


def test_a_settled_symbol_leaves_a_stated_currency_alone() -> None:
    """Only an open symbol is narrowed: "US$" and "yuan" say their currency themselves,
    even one the story's list lacks."""
    claims = money(
        with_currencies("JPY"), "Stargate will invest US$9 billion and 60 billion yuan.", "en"
    )
    assert sorted(c.unit or "" for c in claims) == ["CNY", "USD"]


def test_the_mention_says_why_its_symbol_was_settled() -> None:
    """The reading keeps its reason (``currency_resolution``), as the parser's own do."""
    (mention,) = story_currencies(find_mentions("¥900 bilhões", "pt"), frozenset({"JPY"}))
    assert mention.unit == "JPY"
    assert mention.currency_resolution is not None
    assert "JPY or CNY" in mention.currency_resolution


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "A Stargate investiu 40 bilhões de dólares, disse a empresa, no campus de "
            "Abilene, no Texas. O novo local terá uma potência de 1,2 GW.",
            "pt",
        ),
        (
            "Stargate has spent $40 billion, the company said, on its campus in Abilene, "
            "Texas. The new plant, larger than any before, will draw 1.2 GW.",
            "en",
        ),
        (
            "Stargate a dépensé 40 milliards de dollars, selon l'entreprise, pour son campus "
            "d'Abilene, au Texas. La nouvelle usine, plus grande que toutes, consommera 1,2 GW.",
            "fr",
        ),
        (
            "Stargate hat 40 Milliarden Dollar, so das Unternehmen, in den Campus in Abilene "
            "investiert. Das neue Werk, größer als alle bisherigen, soll 1,2 GW verbrauchen.",
            "de",
        ),
    ],
)
def test_the_new_plant_is_the_site_the_page_just_placed(text: str, language: str) -> None:
    """ "O novo local", "the new plant", "la nouvelle usine": "new" between the
    determiner and the facility noun still takes up the site last named (Portuguese
    "o local", the site, is such a noun)."""
    assert scopes(text, language, "GW") == ["Abilene campus"]


@pytest.mark.parametrize(
    ("text", "language", "speaks"),
    [
        ("O novo local terá 1,2 GW.", "pt", True),
        ("A nova fábrica terá 1,2 GW.", "pt", True),
        ("The new facility will draw 1.2 GW.", "en", True),
        # "local" after a noun is the adjective: no site
        ("O governo local prevê 1,2 GW.", "pt", False),
        # "new" with no facility noun after it
        ("The new rules allow 1.2 GW.", "en", False),
        ("Um novo local terá 1,2 GW.", "pt", False),
    ],
)
def test_the_facility_noun_after_new(text: str, language: str, speaks: bool) -> None:
    assert speaks_of_facility(text, Span(0, len(text)), language) is speaks


def figures(extractor: RulesExtractor, text: str, language: str = "en") -> dict[str, str | None]:
    """Each verified figure's unit and value, with its scope."""
    made = extractor.extract(article(text, language)).claims
    return {f"{c.value:g} {c.unit}": c.scope for c in made if c.verified and c.value is not None}


_PLANT_PAGE = (
    "Stargate will build a new data centre in Texas, the company said on Monday.\n\n"
    "The plant will cost $40 billion, and its construction begins next year.\n\n"
    "The plant will draw 1.2 GW at full load.\n\n"
    "Subscribe to our newsletter for 5 dollars a month."
)


def test_paragraphs_that_go_on_about_the_plant_are_the_storys() -> None:
    """A paragraph that names no one but speaks of "the plant" goes on with the page's
    story, and so does the next one that does: both between the paragraph naming the
    story and one naming nothing, which the neighbours rule took for page furniture.
    The furniture after them stays out."""
    found = figures(load_topic_extractor(), _PLANT_PAGE)
    assert {"4e+10 USD", "1.2 GW"} <= set(found)
    assert "5 USD" not in found


def test_a_paragraph_naming_nothing_and_no_plant_stays_out() -> None:
    text = _PLANT_PAGE.replace("The plant will draw", "It will draw")
    assert "1.2 GW" not in figures(load_topic_extractor(), text)


@cache
def with_numbered_campuses() -> RulesExtractor:
    """The bundled profile with two campuses numbered in series."""
    data = load_topic().model_dump()
    data["scopes"]["campus 1"] = {"kind": "site", "aliases": ["first campus"]}
    data["scopes"]["campus 2"] = {"kind": "site", "aliases": ["second campus"]}
    return RulesExtractor(TopicProfile.model_validate(data))


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Stargate will invest $40 billion in the plant, which will draw 1.2 GW.", "en"),
        ("A fábrica da Stargate vai custar 40 bilhões de dólares e terá 1,2 GW.", "pt"),
        ("Stargate investira 40 milliards de dollars dans l'usine, qui consommera 1,2 GW.", "fr"),
    ],
)
def test_the_plant_of_a_page_naming_no_site_is_the_first_of_a_series(
    text: str, language: str
) -> None:
    """A page that speaks of "the plant" and names none of the story's sites, in a story
    whose sites are numbered ("campus 1", "campus 2"), is about the first: a page about
    a later one says which."""
    assert set(figures(with_numbered_campuses(), text, language).values()) == {"campus 1"}
    # no numbered series (the bundled profile): no part
    assert set(figures(load_topic_extractor(), text, language).values()) == {None}


@pytest.mark.parametrize(
    "text",
    [
        # a page that names the second campus is about more than the first
        "Stargate will invest $40 billion in the plant. Its second campus comes later.",
        # a page that never speaks of a plant
        "Stargate will invest $40 billion in total over four years.",
    ],
)
def test_no_first_of_a_series_for_a_page_naming_a_site_or_no_plant(text: str) -> None:
    assert figures(with_numbered_campuses(), text)["4e+10 USD"] is None


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Acme will get NT$90 billion in aid.", 90e9),
        ("Acme will get US$3 billion (NT$90 billion) in aid.", 90e9),
    ],
)
def test_nt_dollars_are_new_taiwan_dollars(text: str, value: float) -> None:
    """ "NT$" is the New Taiwan dollar, not a "$" (USD by convention) after two letters."""
    taiwan = [m for m in find_mentions(text, "en") if m.unit == "TWD"]
    assert [m.value for m in taiwan] == [value]


@pytest.mark.parametrize(
    ("text", "language", "paired"),
    [
        ("a line that makes 7 and 14 nanometer chips", "en", True),
        ("a line that makes 7 or 14 nanometres chips", "en", True),
        ("Chips mit 7 und 14 Nanometer Strukturbreite", "de", True),
        ("des puces de 7 et 14 nanomètres", "fr", True),
        # the second number counts things: both are counts
        ("two lines of 7 and 14 machines", "en", False),
        # a count after the pair's unit is no pair
        ("7 lines and 14 nanometer chips", "en", False),
    ],
)
def test_the_first_of_two_numbers_before_a_skipped_unit_counts_nothing(
    text: str, language: str, paired: bool
) -> None:
    """ "12 and 16 nanometer chips": the unit after the second number is the first's too,
    a length the contract does not report; the first was read as a count of 12."""
    first = find_mentions(text, language)[0]
    assert pairs_a_measure(text, first, language) is paired


@cache
def with_two_halls() -> RulesExtractor:
    """The bundled profile with two halls named by letter in Japanese, Korean, Chinese."""
    data = load_topic().model_dump()
    data["scopes"]["hall A"] = {"kind": "site", "aliases": ["A棟", "A동", "A楼"]}
    data["scopes"]["hall B"] = {"kind": "site", "aliases": ["B棟", "B동", "B楼"]}
    return RulesExtractor(TopicProfile.model_validate(data))


@pytest.mark.parametrize(
    ("text", "language", "scope"),
    [
        # the part named as where another stands is a landmark ...
        ("B棟はA棟の東側で、電力は1.2ギガワットになる。", "ja", "hall B"),
        ("B棟はA棟の隣で、電力は1.2ギガワットになる。", "ja", "hall B"),
        ("B동은 A동 동측에 건설, 전력은 1.2기가와트다.", "ko", "hall B"),
        ("B楼位于A楼旁边，电力为1.2吉瓦。", "zh", "hall B"),
        # ... but the only part named is still the figure's
        ("新拠点はA棟の東側で、電力は1.2ギガワットになる。", "ja", "hall A"),
        # ... and two parts named plainly are left to the nearest
        ("B棟とA棟で、電力は1.2ギガワットになる。", "ja", None),
    ],
)
def test_a_part_named_as_where_another_stands_is_a_landmark(
    text: str, language: str, scope: str | None
) -> None:
    """ "B棟はA棟の東側で" (hall B is east of hall A): the sentence is about hall B."""
    assert set(figures(with_two_halls(), text, language).values()) == {scope}


@pytest.mark.parametrize(
    ("text", "language", "ordinal"),
    [
        # a number glued to the word for a plant names it ...
        ("정부는 3공장 건설에 500억엔을 지원한다.", "ko", True),
        ("公司正在興建的「大阪3廠」將於明年投產。", "zh", True),
        ("公司的3厂明年投产。", "zh", True),
        # ... and つ目 makes an ordinal of it ("the third plant") ...
        ("国内3つ目の工場を建設する。", "ja", True),
        # ... while plants counted with a counter are counted
        ("공장 3곳을 새로 짓는다.", "ko", False),
        ("公司将再建3座工厂。", "zh", False),
        # ... and a maker of something is no plant
        ("全球有3厂商参与竞标。", "zh", False),
    ],
)
def test_a_number_glued_to_the_word_for_a_plant_names_it(
    text: str, language: str, ordinal: bool
) -> None:
    """ "1공장", "熊本2廠" are the plants' names (Fab 1, Kumamoto Fab 2), "2つ目の工場" the
    second plant: no count of one or two of anything."""
    counts = [m for m in find_mentions(text, language) if m.kind == "count"]
    assert [is_ordinal_number(text, m, language) for m in counts] == [ordinal]


@pytest.mark.parametrize(
    ("text", "language", "scope"),
    [
        # a date after the sentence's topic and a comma is when the verb at its end
        # happened: the part the clause after the comma names ...
        ("A棟を運営するスターゲートは3月1日、B棟の建設を発表した。", "ja", "hall B"),
        ("A동을 운영하는 스타게이트는 3월 1일, B동 건설을 발표했다.", "ko", "hall B"),
        # ... not a date after a subject marked otherwise (が: the clause's own subject)
        ("A棟を運営するスターゲートが3月1日、B棟の建設を発表した。", "ja", "hall A"),
    ],
)
def test_a_date_after_the_topic_dates_the_verb_at_the_sentences_end(
    text: str, language: str, scope: str | None
) -> None:
    made = with_two_halls().extract(article(text, language)).claims
    assert [c.scope for c in made if c.unit == "date"] == [scope]

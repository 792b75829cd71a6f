"""Rules of languages found on CATL's pages (branch g15c, seventh turn), each tested on
sentences written for the test, none copied from a page."""

from __future__ import annotations

import pytest

from stargate_digest.extractors.headline_rules import company_wide
from stargate_digest.extractors.page_rules import is_dateline, is_name_number
from stargate_digest.models import Qualifier
from stargate_digest.quantities import find_mentions


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Acme will spend 900 billion forints", "en"),
        ("Acme investiert 900 Milliarden Forint", "de"),
        ("Acme investira 900 milliards de forints", "fr"),
        ("Acme invertirá 900 mil millones de forintos", "es"),
        ("Acme investirà 900 miliardi di fiorini", "it"),
        ("a Acme vai investir 900 bilhões de forints", "pt"),
        ("Acme zainwestuje 900 mld forintów", "pl"),
        ("Acme investeert 900 miljard forint", "nl"),
        ("Acmeは9000億フォリントを投じる", "ja"),
        ("Acme投资9000亿福林", "zh"),
        ("Acme는 9000억 포린트를 투자한다", "ko"),
    ],
)
def test_the_forint_is_named_in_every_language(text: str, language: str) -> None:
    """Hungary's currency by its everyday name (CLDR gives only "Hungarian forints"):
    without it the amount was a count of nothing."""
    (mention,) = find_mentions(text, language)
    assert (mention.kind, mention.unit) == ("money", "HUF")


@pytest.mark.parametrize(("text", "unit"), [("12億歐元", "EUR"), ("3億英鎊", "GBP")])
def test_chinese_currency_names_in_traditional_script(text: str, unit: str) -> None:
    """Taiwan's and Hong Kong's pages write 歐元 (euro) and 英鎊 (pound), which CLDR's
    simplified names (欧元, 英镑) do not match."""
    (mention,) = find_mentions(f"公司投資{text}", "zh")
    assert (mention.kind, mention.unit) == ("money", unit)


@pytest.mark.parametrize(
    "text", ["ein Akku für 600 Kilometern Reichweite", "ein Turm von 80 Metern Höhe"]
)
def test_german_lengths_in_the_dative_plural_are_no_counts(text: str) -> None:
    """ "von mehr als 600 Kilometern": the dative plural of a length the contract does not
    report, skipped as "Kilometer" is, not a count of 600."""
    assert find_mentions(text, "de") == []


@pytest.mark.parametrize(
    ("text", "language", "value", "surface"),
    [
        ("Acme holds a third of the market.", "en", 33.3, "a third"),
        ("Acme cut its water use by two-thirds.", "en", 66.7, "two-thirds"),
        ("Acme senkt den Verbrauch um ein Drittel.", "de", 33.3, "ein Drittel"),
        ("Acme détient deux tiers du marché.", "fr", 66.7, "deux tiers"),
        ("Acme controla un tercio del mercado.", "es", 33.3, "un tercio"),
        ("Acme controlla due terzi del mercato.", "it", 66.7, "due terzi"),
        ("A Acme detém um terço do mercado.", "pt", 33.3, "um terço"),
        ("Acme odpowiada za jedną trzecią rynku.", "pl", 33.3, "jedną trzecią"),
        ("Acme har en tredjedel av markedet.", "nb", 33.3, "en tredjedel"),
        ("Acme 직원의 4분의 3이 현지인이다.", "ko", 75, "4분의 3"),
        ("Acme占全球市场的三分之一。", "zh", 33.3, "三分之一"),
        ("Acmeは市場の3分の1を握る。", "ja", 33.3, "3分の1"),
    ],
)
def test_a_share_written_as_a_fraction_is_a_percentage(
    text: str, language: str, value: float, surface: str
) -> None:
    """A third, two thirds, "4분의 3": a share in words, reported in percent to one
    decimal (approximate when rounded); the fraction's digits count nothing."""
    (mention,) = find_mentions(text, language)
    assert (mention.kind, mention.value, mention.unit) == ("percent", value, "percent")
    assert mention.surface == surface
    rounded = value != round(value)
    assert (mention.qualifier is Qualifier.APPROX) is rounded


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Acme will build a third fab.", "en"),
        ("Acme will build a third plant in the third quarter.", "en"),
        ("百分之四十", "zh"),  # a percentage, read as before
    ],
)
def test_ordinals_and_percent_words_are_no_fractions(text: str, language: str) -> None:
    assert all(m.kind != "percent" or m.value == 40 for m in find_mentions(text, language))


def test_a_market_share_is_the_whole_companys() -> None:
    """A page about one plant gives the company's market share: no plant has one."""
    assert company_wide("market_share")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("5年6个月内建成", "zh"),
        ("5년 6개월 내에 완공", "ko"),
        ("within five years and six months", "en"),
        ("binnen 5 Jahren und 6 Monaten", "de"),
        ("en cinq ans et six mois", "fr"),
    ],
)
def test_a_span_in_years_and_months_is_one_duration(text: str, language: str) -> None:
    """ "5년 6개월": one span of 66 months, not five years and another six months."""
    (mention,) = find_mentions(text, language)
    assert (mention.kind, mention.value, mention.unit) == ("duration", 66, "months")


def test_years_and_months_apart_stay_two_durations() -> None:
    made = find_mentions("Acme spent two years on talks and six months on permits.", "en")
    assert [(m.value, m.unit) for m in made] == [(2, "years"), (6, "months")]


@pytest.mark.parametrize(
    ("text", "value", "value_max", "unit"),
    [
        ("未来四五个月投产", 4, 5, "months"),
        ("招聘三四百名员工", 300, 400, "count"),
        ("投资七八十亿欧元", 7e9, 8e9, "EUR"),
    ],
)
def test_two_chinese_numerals_in_a_row_are_a_range(
    text: str, value: float, value_max: float, unit: str
) -> None:
    """ "四五个月" is four or five months: the range 4 to 5, not five months."""
    (mention,) = find_mentions(text, "zh")
    assert (mention.value, mention.value_max, mention.unit) == (value, value_max, unit)


@pytest.mark.parametrize("text", ["十五个月", "二十三个月"])
def test_a_chinese_number_of_several_numerals_is_no_range(text: str) -> None:
    (mention,) = find_mentions(text, "zh")
    assert mention.value_max is None


@pytest.mark.parametrize(
    ("text", "language", "version"),
    [
        ("Acme fits its plant with Industry 4.0 machines.", "en", True),
        ("공장에 인더스트리 4.0 장비를 설치한다", "ko", True),
        ("Acme beschäftigt 1.000 Menschen.", "de", False),
    ],
)
def test_a_number_with_one_zero_after_its_point_is_a_version(
    text: str, language: str, version: bool
) -> None:
    (mention,) = find_mentions(text, language)
    assert is_name_number(text, mention, language) is version


@pytest.mark.parametrize(
    ("text", "language", "dateline"),
    [
        ("LYON, 3 mars (AFP) -- Acme a signé un accord.", "fr", True),
        ("Lisbon, 4 May 2024 (Lusa): Acme signed a deal.", "en", True),
        ("Acme signed a deal on 4 May 2024 (a Monday).", "en", False),
    ],
)
def test_a_date_before_a_wire_agency_in_brackets_is_the_dateline(
    text: str, language: str, dateline: bool
) -> None:
    """The date a dispatch was filed ("…, 3 mars (AFP) --") is no fact of the story."""
    (mention,) = find_mentions(text, language)
    assert is_dateline(text, mention) is dateline


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Acme will open the plant in May or June 2027.", "en"),
        ("Acme eröffnet das Werk im Mai oder Juni 2027.", "de"),
        ("Acme ouvrira l'usine en mai ou juin 2027.", "fr"),
    ],
)
def test_the_year_after_two_months_offered_dates_both(text: str, language: str) -> None:
    """ "May or June 2027": the window opens in May 2027, not in June alone."""
    (mention,) = find_mentions(text, language)
    assert mention.value == "2027-05"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The second line is scheduled for 2029.", "en"),
        ("Full output is planned for 2029.", "en"),
        ("La mise en service est prévue pour 2029.", "fr"),
        ("A abertura está prevista para 2029.", "pt"),
    ],
)
def test_a_year_a_plan_is_set_for_is_a_date(text: str, language: str) -> None:
    """ "planned for 2029": the year of a plan, a date like "by 2029"."""
    (mention,) = find_mentions(text, language)
    assert (mention.kind, mention.value) == ("date", "2029")


def test_a_year_after_for_alone_is_no_date() -> None:
    """ "Vision for 2030" is a name's year, as before."""
    assert find_mentions("Acme presented its Vision for 2030.", "en") == []

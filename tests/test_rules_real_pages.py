"""Issue 12: what real coverage of the story says, in short fixtures written for the test.

The sentences paraphrase the kinds of statements found in public coverage (press
releases, trade press, news in several languages); none is copied from a page.
"""

from __future__ import annotations

import pytest
from pages import article

from stargate_digest.extractors.rules import RulesExtractor
from stargate_digest.ingest.language import identify_language
from stargate_digest.models import Claim
from stargate_digest.segment import split_sentences
from stargate_digest.verify import verify_claim

EXTRACTOR = RulesExtractor()


def claims(text: str, language: str = "en") -> list[Claim]:
    return EXTRACTOR.extract(article(text, language)).claims


def one(text: str, language: str, value: float | str, unit: str) -> Claim:
    found = [c for c in claims(text, language) if c.value == value and c.unit == unit]
    assert len(found) == 1, [(c.value, c.unit, c.metric) for c in claims(text, language)]
    return found[0]


# --- counts with their noun, power and area spellings -------------------------------------


@pytest.mark.parametrize(
    ("text", "language", "value", "metric"),
    [
        ("The Stargate campus will have eight buildings.", "en", 8, "building_count"),
        ("Stargate plans 400,000 Nvidia Blackwell chips.", "en", 400_000, "gpu_count"),
        ("Stargate soll zehn Gebäude umfassen.", "de", 10, "building_count"),
        ("Le projet Stargate ouvre deux centres de données.", "fr", 2, "data_center_count"),
        ("스타게이트 프로젝트는 두 곳에 데이터센터를 짓는다.", "ko", 2, "data_center_count"),
    ],
)
def test_counts_with_their_noun(text: str, language: str, value: int, metric: str) -> None:
    claim = one(text, language, float(value), "count")
    assert (claim.metric, claim.verified) == (metric, True)


def test_a_number_in_words_without_a_counted_noun_is_no_claim() -> None:
    assert claims("Stargate is one of the largest projects; two of its partners said so.") == []


@pytest.mark.parametrize(
    ("text", "language", "value", "unit"),
    [
        ("Stargate's Abilene site draws 1.2 GW.", "en", 1.2, "GW"),
        ("Stargate UAE is a 5 gigawatts campus.", "en", 5, "GW"),
        ("El proyecto Stargate tendrá 1,2 gigavatios.", "es", 1.2, "GW"),
        ("星际之门项目将拥有7吉瓦电力。", "zh", 7, "GW"),
        ("スターゲート計画は1.2ギガワットの規模だ。", "ja", 1.2, "GW"),
        ("Stargate will start with 230 MW.", "en", 230, "MW"),
        ("The Stargate site covers 1\u00a0200 acres.", "en", 1200, "acre"),
        ("Stargate UAE sits on a 10-square-mile campus.", "en", 6400, "acre"),
        ("Stargate plant jeweils 46.000 Quadratmeter.", "de", 46_000, "sqm"),
    ],
)
def test_power_and_area_spellings(text: str, language: str, value: float, unit: str) -> None:
    claim = one(text, language, value, unit)
    assert claim.metric in {"power_capacity", "site_area"}
    assert claim.verified


# --- unlabelled figures: metric other, with what they count ------------------------------


def test_a_figure_no_metric_fits_is_kept_as_other_with_its_noun() -> None:
    claim = one("Stargate will create 25,000 onsite roles.", "en", 25_000, "count")
    assert (claim.metric, claim.detail) == ("other", "onsite roles")


def test_page_noise_stays_out() -> None:
    text = "Stargate costs $500 billion.\n\nSubscribe: 3 articles left, 12 comments."
    assert [c.value for c in claims(text)] == [500e9]


# --- ranges -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "language", "low", "high", "unit"),
    [
        ("Stargate sites cost $15-25 billion each.", "en", 15e9, 25e9, "USD"),
        ("Stargate will build between 10 and 12 data centers.", "en", 10, 12, "count"),
        ("Le projet Stargate coûtera 15 à 25 milliards de dollars.", "fr", 15e9, 25e9, "USD"),
        ("スターゲートの投資は150億〜200億ドル。", "ja", 15e9, 20e9, "USD"),
    ],
)
def test_ranges_give_value_and_value_max(
    text: str, language: str, low: float, high: float, unit: str
) -> None:
    [claim] = [c for c in claims(text, language) if c.unit == unit]
    assert (claim.value, claim.value_max, claim.verified) == (low, high, True)


def test_a_range_claim_needs_the_range_in_its_quote() -> None:
    text = "Stargate sites cost $15-25 billion each. A site costs $15 billion."
    page = article(text)
    base = Claim(
        id="c", source_id="page", subject="Stargate", metric="project_cost",
        value=15e9, unit="USD", quote="Stargate sites cost $15-25 billion each.", start=0, end=40,
    )  # fmt: skip
    assert verify_claim(base.model_copy(update={"value_max": 25e9}), page).verified
    assert not verify_claim(base, page).verified  # "$15 billion" is not what the range says
    single = base.model_copy(update={"quote": "A site costs $15 billion.", "value_max": 25e9})
    assert not verify_claim(single, page).verified


def test_from_to_is_a_change_not_a_range() -> None:
    values = {(c.value, c.value_max) for c in claims("Stargate grew from 5 GW to 10 GW.")}
    assert (5.0, 10.0) not in values


# --- dates at their precision, sentences, as_of and figure offsets ------------------------


@pytest.mark.parametrize(
    ("text", "language", "value"),
    [
        ("Stargate will be complete by 2026.", "en", "2026"),
        ("Stargate targets completion by mid-2026.", "en", "2026"),
        ("Stargate soll bis Ende 2025 fertig sein.", "de", "2025"),
        ("Le projet Stargate sera achevé d'ici 2029.", "fr", "2029"),
        ("スターゲート計画は2026年までに完成する。", "ja", "2026"),
    ],
)
def test_target_years_are_dates_at_year_precision(text: str, language: str, value: str) -> None:
    claim = one(text, language, value, "date")
    assert (claim.metric, claim.verified) == ("target_date", True)


def test_a_month_is_a_date_at_month_precision() -> None:
    claim = one("Stargate was announced in June 2024 in Washington.", "en", "2024-06", "date")
    assert claim.metric == "announcement_date"


def test_abbreviations_do_not_cut_the_date_from_its_year() -> None:
    text = "Oracle Corp. and OpenAI announced Stargate on Jan. 21, 2025. Mr. Altman spoke."
    claim = one(text, "en", "2025-01-21", "date")
    assert claim.verified and claim.quote.startswith("Oracle Corp.")


@pytest.mark.parametrize(
    ("text", "language", "count"),
    [
        ("Stargate is a U.S. project. It was announced on Jan. 21, 2025.", "en", 2),
        ("Das ist z. B. Stargate. Es ist groß.", "de", 2),
        ("M. Altman a présenté Stargate. Le projet est vaste.", "fr", 2),
        ("EE. UU. anunció Stargate. El proyecto es enorme.", "es", 2),
    ],
)
def test_sentences_know_each_languages_abbreviations(text: str, language: str, count: int) -> None:
    assert len(split_sentences(text, language)) == count


def test_as_of_is_a_date_the_clause_states() -> None:
    claim = one("By 2026 Stargate will host 100,000 GPUs.", "en", 100_000, "count")
    assert claim.as_of == "2026"


def test_figure_offsets_point_at_the_figure() -> None:
    text = "The Stargate venture will cost $500 billion over four years."
    for claim in claims(text):
        assert claim.figure_start is not None and claim.figure_end is not None
        assert claim.start <= claim.figure_start < claim.figure_end <= claim.end
    money = one(text, "en", 500e9, "USD")
    assert text[money.figure_start or 0 : money.figure_end or 0] == "$500 billion"


# --- scope --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "language", "value", "unit", "scope"),
    [
        ("Stargate UAE will start with a 200 MW cluster.", "en", 200, "MW", "Stargate UAE"),
        ("Stargate Norway will host 100,000 GPUs.", "en", 100_000, "count", "Stargate Norway"),
        ("At Abilene, Texas, Stargate draws 1.2 GW.", "en", 1.2, "GW", "Abilene campus"),
        ("The first phase of Stargate costs $100 billion.", "en", 100e9, "USD", "phase 1"),
        ("Phase 2 of Stargate adds 2 GW.", "en", 2, "GW", "phase 2"),
        ("Stargate Norge i Narvik får 230 megawatt.", "no", 230, "MW", "Stargate Norway"),
        ("Stargate costs $500 billion.", "en", 500e9, "USD", None),
    ],
)
def test_scope_from_the_profile_and_generic_cues(
    text: str, language: str, value: float, unit: str, scope: str | None
) -> None:
    assert one(text, language, value, unit).scope == scope


# --- Norwegian ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Stargate Norge koster 10 milliarder kroner.", 10e9),
        ("Stargate Norge får 25 mrd. kr i investeringer.", 25e9),
    ],
)
def test_norwegian_money(text: str, value: float) -> None:
    claim = one(text, "no", value, "NOK")
    assert claim.verified


def test_norwegian_is_identified() -> None:
    text = "Stargate Norge skal bygge et nytt datasenter i Narvik, og prosjektet får mye kraft."
    assert identify_language(text) in {"no", "nb"}


# --- money named once, amounts after it ---------------------------------------------------


def test_a_bare_amount_after_money_in_the_paragraph_takes_its_currency() -> None:
    text = (
        "El proyecto Stargate asciende a 500.000 millones de dólares. De esa cifra, "
        "150.000 millones se desplegarán ya y los 350.000 millones restantes, después."
    )
    for value in (150e9, 350e9):
        claim = one(text, "es", value, "USD")
        assert claim.verified


def test_a_bare_amount_followed_by_a_noun_stays_a_count() -> None:
    text = "Stargate costs $500 billion. OpenAI has 500 million weekly users."
    assert [c.unit for c in claims(text) if c.value == 500e6] in ([], ["count"])


def test_a_paragraph_between_two_on_topic_paragraphs_is_read() -> None:
    text = (
        "Stargate named five new sites.\n\n"
        "The companies said the new sites would create more than 25,000 onsite jobs.\n\n"
        "Oracle and SoftBank will build them."
    )
    assert one(text, "en", 25_000, "count").metric == "jobs"


def test_a_digest_over_dates_of_every_precision_is_built() -> None:
    """Years and months (contract 1.2) meet full dates in the reconciler without error."""
    from stargate_digest import build_digest

    texts = [
        "Stargate will be complete by 2026.",
        "Stargate will be complete by June 2026.",
        "Stargate will be complete by June 30, 2026.",
    ]
    results = []
    for number, text in enumerate(texts):
        page = article(text).model_copy(update={"id": f"page{number}"})
        results.append(EXTRACTOR.extract(page))
    digest = build_digest(results, backend="rules")
    assert {str(c.value) for c in digest.claims} == {"2026", "2026-06", "2026-06-30"}


def test_figures_labelled_other_never_disagree() -> None:
    from stargate_digest import build_digest

    texts = ["Stargate will add 400 onsite roles.", "Stargate will add 900 new homes."]
    results = [
        EXTRACTOR.extract(article(text).model_copy(update={"id": f"page{n}"}))
        for n, text in enumerate(texts)
    ]
    assert {c.metric for r in results for c in r.claims} == {"other"}
    assert build_digest(results, backend="rules").disagreements == []


@pytest.mark.parametrize(
    ("text", "language", "scope"),
    [
        ("Stargate Argentina will need 500 MW.", "en", "Stargate Argentina"),
        ("Stargate Argentinien soll 500 MW erhalten.", "de", "Stargate Argentina"),
        ("Stargate Norway will need 500 MW.", "en", "Stargate Norway"),
        ("Stargate will need 500 MW in the United States.", "en", None),
    ],
)
def test_a_country_programme_the_profile_does_not_list(
    text: str, language: str, scope: str | None
) -> None:
    assert one(text, language, 500, "MW").scope == scope


# A heading opens the next section: the paragraph before it closes a section of the story
# (page_rules.Paragraphs._after_heading), so its neighbour is the paragraph after the
# heading; the text's last paragraph, after one that names the topic, is the story's close
# when it is prose (page_rules._closes_prose).
_SECTION = (
    "Oracle named the Stargate sites on Monday.\n\n"
    "Stargate will link the sites by new power lines.\n\n"
    "The works are expected to create 3,000 construction jobs.\n\n"
    "Power needs\n\n"
)


def test_a_paragraph_that_closes_a_section_before_a_heading_is_read() -> None:
    text = _SECTION + "Stargate will need 1.2 GW at the first site."
    assert one(text, "en", 3000, "count").metric == "jobs"


def test_a_paragraph_before_a_heading_and_furniture_stays_unread() -> None:
    text = _SECTION + "Sign up for our newsletter."
    assert [c for c in claims(text) if c.value == 3000] == []


def test_the_closing_paragraph_of_the_story_is_read() -> None:
    text = (
        "Stargate will build ten data centers in Texas.\n\n"
        "Works at the campus are expected to end by 2029, when 3,000 people will be "
        "employed there."
    )
    assert one(text, "en", 3000, "count").verified


def test_a_closing_line_that_is_no_prose_stays_unread() -> None:
    text = "Stargate will build ten data centers in Texas.\n\nTop stories: 3,000 jobs lost."
    assert [c for c in claims(text) if c.value == 3000] == []

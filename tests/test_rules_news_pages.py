"""Issue 12, precision on real pages: general rules of news copy, on invented sentences."""

from __future__ import annotations

import pytest
from pages import article

from stargate_digest.extractors.rules import RulesExtractor
from stargate_digest.models import Claim

EXTRACTOR = RulesExtractor()


def claims(text: str, language: str = "en", title: str | None = None) -> list[Claim]:
    return EXTRACTOR.extract(article(text, language, title)).claims


def figures(
    text: str, language: str = "en", title: str | None = None
) -> list[tuple[float | str | None, str | None]]:
    return [(c.value, c.unit) for c in claims(text, language, title)]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # A number right after a capitalised name is part of the name: a model, a
        # product, an index or a plant ("Gemini 2.5", "Nasdaq 100", "Fab 7").
        (
            "Stargate will train Gemini 2.5 and Falcon 180 on 4,000 chips.",
            "en",
            [(4000.0, "count")],
        ),
        ("Stargate runs the Nasdaq 100 models on 300 servers.", "en", [(300.0, "count")]),
        ("Stargate compara Mistral 7 con 500 servidores.", "es", [(500.0, "count")]),
        # ... but not a word that opens the sentence.
        ("Stargate is hiring. Nearly 3,000 workers are on site.", "en", [(3000.0, "count")]),
        # A count has no fraction: "3.5" with no scale word names a version.
        ("Stargate tested its 3.5 assistants.", "en", []),
    ],
)
def test_numbers_inside_names_are_not_counts(
    text: str, language: str, expected: list[tuple[float, str]]
) -> None:
    assert figures(text, language) == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # The headline names one site: figures whose sentence names no part are about it.
        ("Stargate breaks ground in Abilene", ["Abilene campus", "Stargate UAE"]),
        # Two sites, or none, in the headline: the article is about the whole.
        ("Stargate: Abilene and Lordstown", [None, "Stargate UAE"]),
        ("Stargate grows", [None, "Stargate UAE"]),
        (None, [None, "Stargate UAE"]),
    ],
)
def test_a_site_the_headline_names_scopes_the_articles_figures(
    title: str | None, expected: list[str | None]
) -> None:
    text = "Stargate says the work will cost $40 billion.\n\nStargate UAE adds 200 MW."
    assert [c.scope for c in claims(text, title=title)] == expected


def _with_period_scopes() -> RulesExtractor:
    from stargate_digest.topic import TopicProfile, load_topic

    raw = load_topic().model_dump()
    raw["scopes"]["opening price"] = {"kind": "period", "aliases": ["open", "opening"]}
    raw["scopes"]["calendar 2024"] = {"kind": "period", "aliases": ["in 2024"]}
    raw["scopes"]["September 2024 drop"] = {"kind": "period", "aliases": ["last September"]}
    return RulesExtractor(TopicProfile.model_validate(raw))


@pytest.mark.parametrize(
    ("text", "value", "scope"),
    [
        # A lowercase alias ("open") does not match inside a capitalised name mid-sentence.
        ("Rivals such as Open Robotics say Stargate spent $6 million.", 6e6, None),
        ("Stargate shares rose 4% at the open.", 4.0, "opening price"),
        # ... nor a part of a hyphenated word ("open-source" is not "open").
        ("Stargate's open-source model cost $6 million.", 6e6, None),
        ("Opening trades lifted Stargate shares 4%.", 4.0, "opening price"),
        # A figure is not a part of itself: "in 2024" does not scope the date it states.
        ("Stargate was announced in 2024.", "2024", None),
        ("In 2024 Stargate raised $9 billion.", 9e9, "calendar 2024"),
        # ... but an alias that adds to a date names the period it falls in.
        ("Stargate was announced last September 3.", "--09-03", "September 2024 drop"),
    ],
)
def test_scope_aliases_in_names_or_in_the_figure_itself_do_not_count(
    text: str, value: float | str, scope: str | None
) -> None:
    found = [c for c in _with_period_scopes().extract(article(text)).claims if c.value == value]
    assert [c.scope for c in found] == [scope]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # A share move of a company the story does not follow is not the story's figure:
        # the owner is written right before the share-price word, or the move follows
        # its name in parentheses ("AMD(-6%)").
        ("软银股价上涨4%,博通公司股价下跌7%。", "zh", [4.0]),
        ("소프트뱅크 주가는 4% 올랐고, 브로드컴 주가도 7% 떨어졌다.", "ko", [4.0]),
        ("ソフトバンクの株価は4%上昇し、ブロードコムなどの株価も7%下落した。", "ja", [4.0]),
        ("소프트뱅크 주가 상승폭은 4%로 AMD(-6.37%), 퀄컴(-0.54%)보다 컸다.", "ko", [4.0]),
        # With no owner before it, the share price is the subject's.
        ("软银宣布新计划。股价上涨4%。", "zh", [4.0]),
    ],
)
def test_share_moves_of_other_companies_are_left_out(
    text: str, language: str, expected: list[float]
) -> None:
    assert [c.value for c in claims(text, language) if c.unit == "percent"] == expected


@pytest.mark.parametrize(
    ("text", "scope"),
    [
        # A place named in another clause of the sentence says where something else is
        # ("an investment firm in the United Arab Emirates")...
        (
            "Stargate will fund MGX, an investment firm in the United Arab Emirates, "
            "and plans a budget of $500 billion.",
            None,
        ),
        # ... unless it opens the sentence, as its setting.
        ("In Abilene, Texas, Stargate draws 1.2 GW.", "Abilene campus"),
    ],
)
def test_a_place_in_another_clause_scopes_only_from_the_opening(
    text: str, scope: str | None
) -> None:
    assert [c.scope for c in claims(text) if c.unit in ("USD", "GW")] == [scope]


@pytest.mark.parametrize(
    "text",
    [
        # A fact box under a "key figures" heading is the article's, though its lines name
        # no subject: its figures are not page furniture.
        "Stargate opens its first campus.\n\nKEY FIGURES\n\n• Cost: $40 billion\n\n"
        "• Power: 1.2 GW\n\nRelated: 3 stories",
        "Stargate opens its first campus.\n\nKey figures\n• Cost: $40 billion\n• Power: 1.2 GW"
        "\n\nRelated: 3 stories",
        "Stargate ouvre son premier campus.\n\nChiffres clés\n• Coût : 40 milliards de dollars"
        "\n• Puissance : 1,2 GW\n\nÀ lire : 3 articles",
    ],
)
def test_a_key_figures_box_is_read(text: str) -> None:
    language = "fr" if "Stargate ouvre" in text else "en"
    assert sorted(figures(text, language), key=str) == [(1.2, "GW"), (40e9, "USD")]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # A wire story's dateline dates the dispatch, not anything the story reports.
        ("新华社北京3月5日电 星际之门项目宣布投资5000亿美元。", "zh"),
        ("新華社北京3月5日電 星門項目宣布投資5000億美元。", "zh"),
    ],
)
def test_a_wire_dateline_is_not_a_figure(text: str, language: str) -> None:
    assert [c.unit for c in claims(text, language)] == ["USD"]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # A paragraph between two about the story, naming none of its subjects, is kept
        # as part of the story ...
        (
            "Stargate raised $500 billion.\n\nThe companies said the sites would cost "
            "$40 billion.\n\nStargate will build 10 sites.",
            "en",
            [(500e9, "USD"), (40e9, "USD"), (10.0, "count")],
        ),
        # ... unless it names an actor of its own, a person or firm the profile does not
        # know: a list of other people's fortunes is an aside.
        (
            "Stargate raised $500 billion.\n\nThe chair of Acme Corp, Jane Doe, lost "
            "$2 billion of her fortune.\n\nStargate will build 10 sites.",
            "en",
            [(500e9, "USD"), (10.0, "count")],
        ),
        (
            "Stargate sammelte 500 Milliarden Dollar ein.\n\nDer Gründer von Acme, Erika "
            "Muster, verlor 2 Milliarden Dollar.\n\nStargate baut 10 Standorte.",
            "de",
            [(500e9, "USD"), (10.0, "count")],
        ),
        # A name after an attribution word is a source, not an actor.
        (
            "Stargate raised $500 billion.\n\nIts bill rose to $40 billion, according to "
            "Acme Research Group.\n\nStargate will build 10 sites.",
            "en",
            [(500e9, "USD"), (40e9, "USD"), (10.0, "count")],
        ),
        # A capitalised word that opens a sentence is no name ("Die Kosten", "The Sites").
        (
            "Stargate sammelte 500 Milliarden Dollar ein.\n\nDie Kosten lagen bei "
            "40 Milliarden Dollar.\n\nStargate baut 10 Standorte.",
            "de",
            [(500e9, "USD"), (40e9, "USD"), (10.0, "count")],
        ),
    ],
)
def test_an_aside_about_someone_else_between_story_paragraphs_is_left_out(
    text: str, language: str, expected: list[tuple[float, str]]
) -> None:
    assert figures(text, language) == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # A cue in the figure's own clause labels it, though a cue of another metric
        # stands nearer, across the comma, in the next clause.
        (
            "Stargate's total investment is expected to reach $40 billion, costs of "
            "operation aside.",
            "en",
            "total_investment",
        ),
        (
            "Die Investition von Stargate soll bis zu 40 Milliarden Dollar betragen, Kosten "
            "des Betriebs nicht eingerechnet.",
            "de",
            "total_investment",
        ),
        # A clause with no cue of its own takes the sentence's.
        ("Stargate will invest, its partners said, $40 billion.", "en", "total_investment"),
    ],
)
def test_a_cue_in_the_figures_own_clause_labels_it(text: str, language: str, expected: str) -> None:
    assert [c.metric for c in claims(text, language) if c.unit == "USD"] == [expected]


@pytest.mark.parametrize(
    ("text", "language", "title", "scope"),
    [
        # Parts named together are the figure's together: it belongs to neither alone,
        # nor to the site the headline names.
        ("Stargate will build in Abilene and Lordstown for $40 billion.", "en", None, None),
        (
            "Stargate will build in Abilene and Lordstown for $40 billion.",
            "en",
            "Stargate breaks ground in Abilene",
            None,
        ),
        ("Stargate baut in Abilene und Lordstown für 40 Milliarden Dollar.", "de", None, None),
        (
            "Stargate construira à Abilene, Lordstown et Milam pour 40 milliards de dollars.",
            "fr",
            None,
            None,
        ),
        # One part named alone still scopes the figure.
        ("Stargate will build in Lordstown for $40 billion.", "en", None, "Lordstown"),
        (
            "Stargate opened Abilene, and will build in Lordstown for $40 billion.",
            "en",
            None,
            "Lordstown",
        ),
    ],
)
def test_parts_named_together_give_no_one_part(
    text: str, language: str, title: str | None, scope: str | None
) -> None:
    assert [c.scope for c in claims(text, language, title) if c.unit == "USD"] == [scope]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # A restatement in parentheses right after an amount puts no distance between the
        # amount and the cue after it: "costs" labels "$40 billion", not "overall".
        ("Overall Stargate will pay $40 billion (some €37 billion) in costs.", "en"),
        (
            "Insgesamt soll Stargate 40 Milliarden Dollar (rund 37 Milliarden Euro) an Kosten "
            "tragen.",
            "de",
        ),
    ],
)
def test_a_restatement_in_parentheses_is_no_distance_to_a_cue(text: str, language: str) -> None:
    assert [c.metric for c in claims(text, language)] == ["project_cost", "project_cost"]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # A cue after "including" names a part the figure includes, not what it measures.
        ("Stargate's bill, including all costs, will be $40 billion.", "en"),
        ("Stargate investiert einschließlich der Kosten 40 Milliarden Dollar.", "de"),
        ("Stargate investira, y compris les coûts, 40 milliards de dollars.", "fr"),
    ],
)
def test_a_cue_after_including_does_not_label(text: str, language: str) -> None:
    assert [c.metric for c in claims(text, language)] == ["total_investment"]


@pytest.mark.parametrize(
    ("text", "scope"),
    [
        # A sentence naming no part continues the previous one when that one is set at
        # a site ...
        ("In Abilene, Stargate is building a campus. It will draw 1.2 GW.", "Abilene campus"),
        ("Abilene is where Stargate builds first. The campus will draw 1.2 GW.", "Abilene campus"),
        # ... not when the site is named in passing, further back, or in another paragraph.
        ("Stargate, which also looks at Lordstown, is building. It will draw 1.2 GW.", None),
        ("In Abilene, Stargate builds. The weather is hot. It will draw 1.2 GW.", None),
        ("In Abilene, Stargate builds.\n\nStargate will draw 1.2 GW.", None),
        ("In Abilene and Lordstown, Stargate builds. It will draw 1.2 GW.", None),
    ],
)
def test_a_sentence_naming_no_part_continues_the_site_the_previous_opens_with(
    text: str, scope: str | None
) -> None:
    assert [c.scope for c in claims(text) if c.unit == "GW"] == [scope]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # An amount in parentheses right after a name is that name's: other companies'
        # deals listed for comparison are not the story's figures.
        (
            "Stargate's award follows deals with Acme ($8.5B) and Globex ($6.6B).",
            "en",
            [],
        ),
        # The story's own subjects keep theirs.
        (
            "Stargate is funded by SoftBank ($19 billion) and Acme.",
            "en",
            [(19e9, "USD")],
        ),
        # After an amount, a capitalised currency word opens a restatement, not a name.
        (
            "Stargate kostet 10 Milliarden Euro (11 Milliarden Dollar).",
            "de",
            [(10e9, "EUR"), (11e9, "USD")],
        ),
    ],
)
def test_an_amount_in_parentheses_after_a_name_is_that_names(
    text: str, language: str, expected: list[tuple[float, str]]
) -> None:
    assert figures(text, language) == expected


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The Stargate campus will be the size of 78 football fields.", "en"),
        ("Der Stargate-Campus ist so groß wie 78 Fußballfelder.", "de"),
        ("Le campus Stargate équivaut à 78 terrains de football.", "fr"),
        ("El campus de Stargate equivale a 78 campos de fútbol.", "es"),
    ],
)
def test_football_fields_make_a_size_vivid_and_are_no_figure(text: str, language: str) -> None:
    assert figures(text, language) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A dot after an abbreviation ("vs.") opens no sentence: the capital after it
        # still marks a name, and the number after the name is the name's.
        ("Stargate bought 4,000 chips (vs. Falcon 3 with 900 chips).", [4000.0, 900.0]),
        # A real sentence end before the capital says nothing of a name.
        ("Stargate bought chips. 400 arrived this week.", [400.0]),
    ],
)
def test_a_capital_after_an_abbreviation_still_marks_a_name(
    text: str, expected: list[float]
) -> None:
    assert [value for value, _ in figures(text)] == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # An uncued percentage of a whole market is a country's or an industry's share.
        ("Stargate builds in Texas; Taiwan makes 60% of global chip output.", "en", []),
        (
            "Stargate construye en Texas; Taiwán produce el 60 % de los chips del mundo.",
            "es",
            [],
        ),
        ("Stargate baut in Texas; Taiwan fertigt 60 % der Chips weltweit.", "de", []),
        # A share a cue of the story labels stays, world or not; so does the story's
        # main subject's own share of a world market.
        ("SoftBank holds a 40% equity stake, the largest in the world.", "en", [(40.0, "percent")]),
        ("Stargate will host 10% of the world's AI chips.", "en", [(10.0, "percent")]),
    ],
)
def test_an_uncued_share_of_a_world_market_is_no_figure(
    text: str, language: str, expected: list[tuple[float, str]]
) -> None:
    assert figures(text, language) == expected


_FEATURES = "\n\n400 racks of chips\n\n2 cooling plants\n\nThe weather was mild that week."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Short lines after a lead-in that ends with a colon are the items of its list:
        # about the story when the lead-in is.
        ("Stargate will build a campus in Texas with several features:" + _FEATURES, [400.0, 2.0]),
        # A lead-in about someone else leads a list about them.
        (
            "Stargate will build a campus in Texas.\n\nA rival listed its own features:"
            + _FEATURES,
            [],
        ),
    ],
)
def test_the_items_of_a_list_are_about_what_its_lead_in_names(
    text: str, expected: list[float]
) -> None:
    assert [value for value, _ in figures(text)] == expected

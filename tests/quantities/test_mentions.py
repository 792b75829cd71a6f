"""find_mentions / parse_quantity: amounts, scales, currencies, units, qualifiers, noise."""

from __future__ import annotations

import pytest

from stargate_digest.models import Qualifier
from stargate_digest.quantities import Mention, find_mentions, parse_quantity

APPROX, AT_LEAST, AT_MOST, UP_TO, EXACT = (
    Qualifier.APPROX,
    Qualifier.AT_LEAST,
    Qualifier.AT_MOST,
    Qualifier.UP_TO,
    Qualifier.EXACT,
)


def only(text: str, language: str) -> Mention:
    mentions = find_mentions(text, language)
    assert len(mentions) == 1, mentions
    return mentions[0]


def brief(mention: Mention) -> tuple[str, float | str, str, tuple[str, ...], Qualifier]:
    return (
        mention.kind,
        mention.value,
        mention.unit,
        mention.currency_candidates,
        mention.qualifier,
    )


# --- the seed phrases --------------------------------------------------------------------


def test_dollar_amount_with_yen_or_yuan_equivalent() -> None:
    first, second = find_mentions("$38 billion (approximately ¥5.94 trillion)", "en")
    assert brief(first) == ("money", 38e9, "USD", (), EXACT)
    assert brief(second) == ("money", 5.94e12, "XXX", ("JPY", "CNY"), APPROX)
    assert (first.surface, second.surface) == ("$38 billion", "¥5.94 trillion")
    assert (first.scale_word, second.scale_word) == ("billion", "trillion")


def test_unlabelled_equivalent_is_money_in_an_unstated_currency() -> None:
    first, second = find_mentions("$500 billion (approximately 3.6 trillion) over", "en")
    assert brief(first) == ("money", 500e9, "USD", (), EXACT)
    assert brief(second) == ("money", 3.6e12, "XXX", (), APPROX)
    assert second.currency_resolution is not None
    assert "$500 billion" in second.currency_resolution


def test_unlabelled_equivalent_before_the_money_amount() -> None:
    first, _ = find_mentions("3.6 trillion ($500 billion)", "en")
    assert brief(first) == ("money", 3.6e12, "XXX", (), EXACT)


def test_bare_scaled_number_elsewhere_is_a_count() -> None:
    assert brief(only("approximately 3.6 trillion", "en")) == ("count", 3.6e12, "count", (), APPROX)
    mentions = find_mentions("$500 billion. Also 3.6 trillion people.", "en")
    assert mentions[1].kind == "count"


@pytest.mark.parametrize(
    ("text", "language", "value", "unit", "surface"),
    [
        ("Mit 500 Milliarden US-Dollar soll", "de", 5e11, "USD", "500 Milliarden US-Dollar"),
        ("a budget of US$4 trillion over", "en", 4e12, "USD", "US$4 trillion"),
        ("invest $100 billion in", "en", 1e11, "USD", "$100 billion"),
        ("de 400 milliards de dollars", "fr", 4e11, "USD", "400 milliards de dollars"),
        ("19 milliards de dollars chacun", "fr", 19e9, "USD", "19 milliards de dollars"),
        ("5,94兆円", "ja", 5.94e12, "JPY", "5,94兆円"),
        ("5000亿元", "zh", 5e11, "CNY", "5000亿元"),
    ],
)
def test_seed_amounts(text: str, language: str, value: float, unit: str, surface: str) -> None:
    mention = only(text, language)
    assert (mention.kind, mention.value, mention.unit, mention.surface) == (
        "money",
        value,
        unit,
        surface,
    )
    assert text[mention.start : mention.end] == surface


def test_french_pair_with_euro_equivalent() -> None:
    text = "19 milliards de dollars chacun (environ 18,25 milliards d’euros)"
    dollars, euros = find_mentions(text, "fr")
    assert brief(dollars) == ("money", 19e9, "USD", (), EXACT)
    assert brief(euros) == ("money", 18.25e9, "EUR", (), APPROX)
    assert euros.surface == "18,25 milliards d’euros"


@pytest.mark.parametrize(
    ("text", "language", "value", "qualifier"),
    [
        ("40 %", "fr", 40, EXACT),
        ("une participation de 40 % dans", "fr", 40, EXACT),
        ("40%", "en", 40, EXACT),
        ("jumped by over 6%", "en", 6, AT_LEAST),
        ("40 Prozent", "de", 40, EXACT),
        ("40 pour cent", "fr", 40, EXACT),
        ("40 por ciento", "es", 40, EXACT),
        ("40 per cento", "it", 40, EXACT),
        ("40 por cento", "pt", 40, EXACT),
        ("40％", "ja", 40, EXACT),
        ("百分之40", "zh", 40, EXACT),
        ("百分之四十", "zh", 40, EXACT),
        ("6% 이상", "ko", 6, AT_LEAST),
    ],
)
def test_percentages(text: str, language: str, value: float, qualifier: Qualifier) -> None:
    assert brief(only(text, language)) == ("percent", value, "percent", (), qualifier)


# --- scale words and their false friends -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "language", "value", "scale_word"),
    [
        ("5 million people", "en", 5e6, "million"),
        ("$5m deal", "en", 5e6, "m"),
        ("$5mn deal", "en", 5e6, "mn"),
        ("$38B deal", "en", 38e9, "B"),
        ("£5bn", "en", 5e9, "bn"),
        ("$3 tn", "en", 3e12, "tn"),
        ("a $5-billion deal", "en", 5e9, "billion"),
        ("3.6 trillion", "en", 3.6e12, "trillion"),
        ("5 Millionen Euro", "de", 5e6, "Millionen"),
        ("5 Mio. Euro", "de", 5e6, "Mio."),
        ("1 Milliarde Euro", "de", 1e9, "Milliarde"),
        ("5 Mrd. Euro", "de", 5e9, "Mrd."),
        ("1,5 Billionen Euro", "de", 1.5e12, "Billionen"),
        ("5 millions d'euros", "fr", 5e6, "millions"),
        ("2 milliards d'euros", "fr", 2e9, "milliards"),
        ("3 Mds €", "fr", 3e9, "Mds"),
        ("500 M€", "fr", 5e8, "M"),
        ("2 billions d'euros", "fr", 2e12, "billions"),
        ("5 millones de euros", "es", 5e6, "millones"),
        ("5 mil millones de dólares", "es", 5e9, "mil millones"),
        ("500.000 mil millones de euros", "es", 5e14, "mil millones"),
        ("3 billones de dólares", "es", 3e12, "billones"),
        ("5 milioni di euro", "it", 5e6, "milioni"),
        ("10 miliardi di dollari", "it", 1e10, "miliardi"),
        ("2 bilioni di euro", "it", 2e12, "bilioni"),
        ("5 milhões de reais", "pt", 5e6, "milhões"),
        ("5 bilhões de dólares", "pt", 5e9, "bilhões"),
        ("5 mil milhões de euros", "pt", 5e9, "mil milhões"),
        ("2 biliões de euros", "pt", 2e12, "biliões"),
        ("5万円", "ja", 5e4, "万"),
        ("5億円", "ja", 5e8, "億"),
        ("5兆円", "ja", 5e12, "兆"),
        ("5万元", "zh", 5e4, "万"),
        ("5亿元", "zh", 5e8, "亿"),
        ("5万亿元", "zh", 5e12, "万亿"),
        ("5만 원", "ko", 5e4, "만"),
        ("5억 원", "ko", 5e8, "억"),
        ("5조 원", "ko", 5e12, "조"),
    ],
)
def test_scale_words(text: str, language: str, value: float, scale_word: str) -> None:
    mention = only(text, language)
    assert mention.value == pytest.approx(value, rel=1e-12)
    assert mention.scale_word == scale_word


@pytest.mark.parametrize(
    ("text", "language", "value"),
    [
        ("約3兆6000億円", "ja", 3.6e12),
        ("1万5000円", "ja", 15_000),
        ("1조 2000억 원", "ko", 1.2e12),
        ("5000多亿元", "zh", 5e11),
    ],
)
def test_cjk_compound_amounts(text: str, language: str, value: float) -> None:
    assert only(text, language).value == pytest.approx(value, rel=1e-12)


def test_scale_abbreviation_needs_a_currency() -> None:
    """'5 m' is five metres, not five million; '$5m' is five million dollars."""
    assert find_mentions("a 5 m wall", "en") == []
    assert only("a $5m wall", "en").value == 5e6


def test_a_unit_longer_than_a_scale_word_wins() -> None:
    """zh 兆瓦 is a megawatt, not 兆 (10^12) followed by 瓦."""
    assert brief(only("5兆瓦", "zh")) == ("power", 5, "MW", (), EXACT)


# --- currencies --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "language", "unit", "candidates", "reason"),
    [
        ("$5", "en", "USD", (), "locale en: '$' read as USD"),
        ("5 $", "fr", "USD", (), "bare '$' read as USD (convention)"),
        ("$5", "ko", "USD", (), "bare '$' read as USD (convention)"),
        ("US$5", "en", "USD", (), "symbol US$"),
        ("USD 5", "en", "USD", (), "code USD"),
        ("5 USD", "de", "USD", (), "code USD"),
        ("5 dollars", "en", "USD", (), "name 'dollars'"),
        ("5 Dollar", "de", "USD", (), "name 'Dollar'"),
        ("5 dólares", "es", "USD", (), "name 'dólares'"),
        ("5 dollari", "it", "USD", (), "name 'dollari'"),
        ("5 dólares", "pt", "USD", (), "name 'dólares'"),
        ("€5", "en", "EUR", (), "symbol €"),
        ("EUR 5", "en", "EUR", (), "code EUR"),
        ("5 Euro", "de", "EUR", (), "name 'Euro'"),
        ("5 euros", "fr", "EUR", (), "name 'euros'"),
        (
            "¥5",
            "en",
            "XXX",
            ("JPY", "CNY"),
            "'¥' may be JPY or CNY; nothing in the text settles it",
        ),
        (
            "¥5",
            "fr",
            "XXX",
            ("JPY", "CNY"),
            "'¥' may be JPY or CNY; nothing in the text settles it",
        ),
        ("¥5", "ja", "JPY", (), "locale ja: '¥' read as JPY"),
        ("￥5", "ja", "JPY", (), "locale ja: '¥' read as JPY"),
        ("¥5", "zh", "CNY", (), "locale zh: '¥' read as CNY"),
        ("¥5 yen", "en", "JPY", (), "symbol ¥ + name 'yen'"),
        ("5円", "ja", "JPY", (), "name '円'"),
        ("5元", "zh", "CNY", (), "locale zh: '元' read as CNY"),  # 元 is also TWD, HKD
        ("人民币5元", "zh", "CNY", (), "name '人民币' + name '元'"),
        ("5 yuan", "en", "CNY", (), "name 'yuan'"),
        ("RMB 5", "en", "CNY", (), "symbol RMB"),
        ("CNY 5", "en", "CNY", (), "code CNY"),
        ("JPY 5", "en", "JPY", (), "code JPY"),
        ("₩5", "en", "KRW", (), "symbol ₩"),
        ("5 원", "ko", "KRW", (), "name '원'"),
        ("KRW 5", "en", "KRW", (), "code KRW"),
        ("£5", "en", "GBP", (), "symbol £"),
        ("GBP 5", "en", "GBP", (), "code GBP"),
        ("CHF 5", "de", "CHF", (), "code CHF"),
        ("5 NOK", "en", "NOK", (), "code NOK"),
        ("5 SEK", "en", "SEK", (), "code SEK"),
        ("5 DKK", "en", "DKK", (), "code DKK"),
        ("5 kr", "sv", "SEK", (), "locale sv: 'kr' read as SEK"),
    ],
)
def test_currency_resolution(
    text: str, language: str, unit: str, candidates: tuple[str, ...], reason: str
) -> None:
    mention = only(text, language)
    assert (mention.kind, mention.unit, mention.currency_candidates) == ("money", unit, candidates)
    assert mention.currency_resolution == reason


def test_kr_without_locale_evidence_stays_open() -> None:
    mention = only("5 kr", "en")
    assert mention.unit == "XXX"
    assert {"SEK", "NOK", "DKK"} <= set(mention.currency_candidates)


# --- units and durations -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "language", "kind", "value", "unit"),
    [
        ("1.2 GW", "en", "power", 1.2, "GW"),
        ("1.2GW", "en", "power", 1.2, "GW"),
        ("5 gigawatts", "en", "power", 5, "GW"),
        ("1,2 gigavatios", "es", "power", 1.2, "GW"),
        ("500 MW", "en", "power", 500, "MW"),
        ("3,5 MWc", "fr", "power", 3.5, "MW"),
        ("2 Gigawatt", "de", "power", 2, "GW"),
        ("1000万千瓦", "zh", "power", 1e4, "MW"),
        ("100,000 square feet", "en", "area", 1e5, "sqft"),
        ("100,000 sq ft", "en", "area", 1e5, "sqft"),
        ("5,000 m²", "en", "area", 5000, "sqm"),
        ("5 000 mètres carrés", "fr", "area", 5000, "sqm"),
        ("1,000 acres", "en", "area", 1000, "acre"),
        ("500 hectares", "fr", "area", 500, "ha"),
        ("4 years", "en", "duration", 4, "years"),
        ("four years", "en", "duration", 4, "years"),
        ("a four-year plan", "en", "duration", 4, "years"),
        ("18 months", "en", "duration", 18, "months"),
        ("quatre ans", "fr", "duration", 4, "years"),
        ("dix-huit mois", "fr", "duration", 18, "months"),
        ("vier Jahren", "de", "duration", 4, "years"),
        ("cuatro años", "es", "duration", 4, "years"),
        ("quattro anni", "it", "duration", 4, "years"),
        ("quatro anos", "pt", "duration", 4, "years"),
        ("4年間", "ja", "duration", 4, "years"),
        ("四年", "zh", "duration", 4, "years"),
        ("十八个月", "zh", "duration", 18, "months"),
        ("18개월", "ko", "duration", 18, "months"),
        ("株式の3割", "ja", "percent", 30, "percent"),
        ("10 data centers", "en", "count", 10, "count"),
        ("100,000 jobs", "en", "count", 1e5, "count"),
        ("5 600 habitants", "fr", "count", 5600, "count"),
        ("5\u00a0600 habitants", "fr", "count", 5600, "count"),
        ("1.000.000 Menschen", "de", "count", 1e6, "count"),
        ("1,200 workers", "en", "count", 1200, "count"),
        ("1,2 workers", "en", "count", 1.2, "count"),
    ],
)
def test_units(text: str, language: str, kind: str, value: float, unit: str) -> None:
    mention = only(text, language)
    assert (mention.kind, mention.unit) == (kind, unit)
    assert mention.value == pytest.approx(value, rel=1e-12)


# --- qualifiers --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "language", "qualifier"),
    [
        ("approximately $5 billion", "en", APPROX),
        ("about 500 jobs", "en", APPROX),
        ("around 500 jobs", "en", APPROX),
        ("roughly $5 billion", "en", APPROX),
        ("nearly 40%", "en", APPROX),
        ("some 500 jobs", "en", APPROX),
        ("~$5bn", "en", APPROX),
        ("etwa 500 Millionen Euro", "de", APPROX),
        ("rund 5 Mrd. Euro", "de", APPROX),
        ("ungefähr 5 %", "de", APPROX),
        ("circa 5 %", "de", APPROX),
        ("ca. 500 Mio. Euro", "de", APPROX),
        ("environ 500 millions d'euros", "fr", APPROX),
        ("près de 500 millions d'euros", "fr", APPROX),
        ("quelque 500 emplois", "fr", APPROX),
        ("aproximadamente 5 %", "es", APPROX),
        ("alrededor de 5 mil millones de dólares", "es", APPROX),
        ("cerca de 500 empleos", "es", APPROX),
        ("circa 500 milioni di euro", "it", APPROX),
        ("quasi 500 milioni di euro", "it", APPROX),
        ("约500亿美元", "zh", APPROX),
        ("大约500亿美元", "zh", APPROX),
        ("約5兆円", "ja", APPROX),
        ("およそ5兆円", "ja", APPROX),
        ("약 5000억 원", "ko", APPROX),
        ("at least $5 billion", "en", AT_LEAST),
        ("over 6%", "en", AT_LEAST),
        ("more than 100,000 jobs", "en", AT_LEAST),
        ("mehr als 5 Milliarden Euro", "de", AT_LEAST),
        ("über 500 Millionen Euro", "de", AT_LEAST),
        ("plus de 6 %", "fr", AT_LEAST),
        ("au moins 5 %", "fr", AT_LEAST),
        ("más de 500 empleos", "es", AT_LEAST),
        ("oltre 500 posti", "it", AT_LEAST),
        ("più di 500 posti", "it", AT_LEAST),
        ("mais de 500 empregos", "pt", AT_LEAST),
        ("5000亿元以上", "zh", AT_LEAST),
        ("超过5000亿元", "zh", AT_LEAST),
        ("5億円以上", "ja", AT_LEAST),
        ("5억 원 이상", "ko", AT_LEAST),
        # after a counter, which stands between the number and its hedge
        ("800人以上の雇用", "ja", AT_LEAST),
        ("800个以上岗位", "zh", AT_LEAST),
        ("800명 이상의 일자리", "ko", AT_LEAST),
        ("800人の雇用", "ja", EXACT),
        ("up to $5 billion", "en", UP_TO),
        ("bis zu 5 GW", "de", UP_TO),
        ("jusqu'à 5 GW", "fr", UP_TO),
        ("jusqu’à 500 millions d'euros", "fr", UP_TO),
        ("hasta 5 GW", "es", UP_TO),
        ("fino a 5 GW", "it", UP_TO),
        ("até 5 GW", "pt", UP_TO),
        ("at most 5%", "en", AT_MOST),
        ("no more than 5%", "en", AT_MOST),
        ("höchstens 5 %", "de", AT_MOST),
        ("au plus 5 %", "fr", AT_MOST),
        ("最多5000亿元", "zh", AT_MOST),
        ("the next four years", "en", EXACT),
        ("a total investment of $38 billion", "en", EXACT),
    ],
)
def test_qualifiers(text: str, language: str, qualifier: Qualifier) -> None:
    assert only(text, language).qualifier == qualifier


def test_qualifier_words_stay_outside_the_span() -> None:
    mention = only("approximately ¥5.94 trillion", "en")
    assert mention.surface == "¥5.94 trillion"
    assert mention.start == len("approximately ")


# --- what is not a quantity --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Inaugurated as the 47th President of the United States", "en"),
        ("der 47. Präsident der USA", "de"),
        ("第47代大統領", "ja"),
        ("OPPO Reno12 : L’Alliance", "fr"),
        ("OPPO A78, le nouveau smartphone", "fr"),
        ("HUAWEI nova Y61", "fr"),
        ("Reno8 T 5G", "fr"),
        ("00:02:15", "fr"),
        ("un écran 10’’", "fr"),
        ("le câble Medusa de 22 Tbps", "fr"),
        ("sa batterie 5 600 mAh", "fr"),
        ("sur 1 000 km", "fr"),
        ("COVID-19", "en"),
        ("GPT-4", "en"),
        ("version 1.2.3", "en"),
        ("No. 5", "en"),
        ("one of the most", "en"),
    ],
)
def test_not_quantities(text: str, language: str) -> None:
    assert find_mentions(text, language) == []


def test_megawatt_peak_is_power() -> None:
    assert brief(only("ses 3,5 MWc d’énergie solaire", "fr")) == ("power", 3.5, "MW", (), EXACT)


# --- parse_quantity and general properties -----------------------------------------------


@pytest.mark.parametrize(
    ("span", "language", "kind", "value"),
    [
        ("total investment of $38 billion", "en", "money", 38e9),
        ("$500 billion over the next four years", "en", "money", 500e9),
        ("over the next four years", "en", "duration", 4),
        ("On January 23, 2025", "en", "date", "2025-01-23"),
        ("In 2025, 40% of the 10 sites", "en", "percent", 40),
        ("19 milliards de dollars chacun (environ 18,25 milliards d’euros)", "fr", "money", 19e9),
    ],
)
def test_parse_quantity_picks_the_salient_mention(
    span: str, language: str, kind: str, value: float | str
) -> None:
    mention = parse_quantity(span, language)
    assert mention is not None
    assert (mention.kind, mention.value) == (kind, value)


def test_parse_quantity_without_a_quantity() -> None:
    assert parse_quantity("Stargate will open new frontiers", "en") is None


def test_unknown_language_reads_with_english_words() -> None:
    assert brief(only("$5 billion", "und")) == ("money", 5e9, "USD", (), EXACT)
    assert only("$5 billion", "sv").value == 5e9


def test_language_tags_with_regions() -> None:
    assert only("5 bilhões de reais", "pt-BR").value == 5e9
    assert only("2 biliões de euros", "pt-PT").value == 2e12
    assert only("$5", "en-CA").unit == "CAD"


def test_mentions_are_tight_and_ordered() -> None:
    text = (
        "On January 23, 2025, they said $38 billion (approximately ¥5.94 trillion), "
        "over 6% and 10 data centers by 2028, in four years."
    )
    mentions = find_mentions(text, "en")
    assert [m.kind for m in mentions] == [
        "date",
        "money",
        "money",
        "percent",
        "count",
        "date",
        "duration",
    ]
    assert all(text[m.start : m.end] == m.surface for m in mentions)
    assert [m.start for m in mentions] == sorted(m.start for m in mentions)


def test_spelled_number_does_not_take_the_next_amounts_currency() -> None:
    """Portuguese "uma" (one) before "US$ 3,5 bilhões" is not a one-dollar amount."""
    mentions = find_mentions("Oracle e MGX aportarão cada uma US$ 3,5 bilhões.", "pt")
    assert [(m.value, m.unit, m.surface) for m in mentions] == [(3.5e9, "USD", "US$ 3,5 bilhões")]

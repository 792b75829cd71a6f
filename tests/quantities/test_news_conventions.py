"""Issue 12, real pages: conventions of news copy the parser reads (invented sentences)."""

from __future__ import annotations

import pytest

from stargate_digest.quantities import find_mentions


def values(text: str, language: str) -> list[tuple[str, float | str, str]]:
    return [(m.kind, m.value, m.unit) for m in find_mentions(text, language)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # New Taiwan dollars, before or after the number; 元 alone stays the yuan in zh.
        (
            "公司將投資50億美元(約新台幣1500億元)興建新廠",
            [("money", 5e9, "USD"), ("money", 1.5e11, "TWD")],
        ),
        ("總額約1.2兆台幣", [("money", 1.2e12, "TWD")]),
        ("預算為台幣300億元", [("money", 3e10, "TWD")]),
        ("政府撥款500亿元", [("money", 5e10, "CNY")]),
    ],
)
def test_new_taiwan_dollar(text: str, expected: list[tuple[str, float, str]]) -> None:
    assert values(text, "zh") == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # Latin American copy groups with commas, European copy in English with dots:
        # before a scale word, three digits ending in zero after one mark are a group (no
        # paper writes "6,600 millones" for 6.6 million).
        ("recibió 6,600 millones de dólares", "es", [("money", 6.6e9, "USD")]),
        ("recibió 6,625 millones de dólares", "es", [("money", 6.625e6, "USD")]),
        ("emplea a 3,000 personas", "es", [("count", 3000, "count")]),
        ("a cluster of 10.000 accelerators", "en", [("count", 10000, "count")]),
        ("el 2,5 % del total", "es", [("percent", 2.5, "percent")]),
        ("un coste de 0,750 euros", "es", [("money", 0.75, "EUR")]),
        # A count has no fraction: "2.048 GPUs" is two thousand and forty-eight.
        ("they bought 2.048 accelerators", "en", [("count", 2048, "count")]),
        ("it costs 2.048 dollars", "en", [("money", 2.048, "USD")]),
        # A plain space groups thousands in any language's copy when three digits follow.
        ("una inversión de 30 000 millones de euros", "es", [("money", 3e10, "EUR")]),
        ("a campus of 1 200 acres", "en", [("area", 1200, "acre")]),
        ("in 2024 300 workers joined", "en", [("date", "2024", "date"), ("count", 300, "count")]),
    ],
)
def test_digit_groups_of_other_conventions(
    text: str, language: str, expected: list[tuple[str, float | str, str]]
) -> None:
    assert values(text, language) == expected


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # A chip's process node is a length, not a count of anything.
        ("the fab makes 3-nanometer chips", "en"),
        ("la planta produce chips de 3 nanómetros", "es"),
        ("l'usine produit des puces de 3 nanomètres", "fr"),
        ("das Werk fertigt Chips mit 3 Nanometer", "de"),
        ("工廠將生產3奈米晶片", "zh"),
        ("工厂将生产3纳米芯片", "zh"),
        ("工場は3ナノメートルの半導体を作る", "ja"),
        ("공장은 3나노 반도체를 만든다", "ko"),
    ],
)
def test_process_nodes_are_not_figures(text: str, language: str) -> None:
    assert values(text, language) == []


def test_korean_pyeong_is_an_area() -> None:
    # 평 (pyeong, about 3.3 m²) is how Korean copy gives land and floor areas.
    assert values("부지는 약 5만평 규모다", "ko") == [("area", 50000, "pyeong")]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # "N times" compares; it is not a count of anything.
        ("the model is 20 times cheaper", "en"),
        ("le modèle est 20 à 50 fois moins cher", "fr"),
        ("el modelo es 20 veces más barato", "es"),
        ("das Modell ist 20 Mal billiger", "de"),
        ("成本是对手的20倍", "zh"),
        ("コストは20倍に膨らんだ", "ja"),
        ("비용이 두 배로 늘었다", "ko"),
        ("비용이 20배로 늘었다", "ko"),
    ],
)
def test_multipliers_are_not_counts(text: str, language: str) -> None:
    assert values(text, language) == []


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # A place in a ranking: 위 (ko) and 位 (ja) after the number.
        ("시가총액 순위가 1위에서 3위로 내려갔다", "ko", [1, 3]),
        ("売上高で世界2位になった", "ja", [2]),
    ],
)
def test_ranks(text: str, language: str, expected: list[int]) -> None:
    assert values(text, language) == [("count", float(v), "rank") for v in expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Tech copy glues K, M, B, T to a count before its noun: "671B parameters".
        ("a 671B parameter model", [("count", 671e9, "count")]),
        ("trained on 14.8T high-quality tokens", [("count", 14.8e12, "count")]),
        ("it has 37B active weights", [("count", 37e9, "count")]),
        # ... not before punctuation (a model name: "Llama 405B,"), nor a screen's "4K".
        ("compared with Llama 405B, it wins", []),
        ("a 4K screen", []),
        # GPU hours are a duration in hours.
        ("it took 280K GPU hours", [("duration", 280e3, "hours")]),
        ("it took 2.8 million GPU-hours", [("duration", 2.8e6, "hours")]),
    ],
)
def test_glued_scale_letters_on_counts(text: str, expected: list[tuple[str, float, str]]) -> None:
    assert values(text, "en") == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # "between 2025 and 2027": a range of years is a time, its first year the date.
        ("work should start between 2025 and 2027", "en", "2025"),
        ("la production démarrera entre 2027 et 2028", "fr", "2027"),
        ("die Fertigung beginnt zwischen 2027 und 2028", "de", "2027"),
        ("la obra empezará entre 2026 y 2027", "es", "2026"),
        ("output by the first two quarters of 2025", "en", "2025"),
    ],
)
def test_years_in_a_range_are_dates(text: str, language: str, expected: str) -> None:
    assert ("date", expected, "date") in values(text, language)


@pytest.mark.parametrize(
    ("text", "language", "carried"),
    [
        # A preposition or a hedge after a bare scaled amount keeps it the money named
        # before it; only a noun makes it a count.
        (
            "El grupo invertirá 40.000 millones de dólares. "
            "Antes prometió 25.000 millones hasta 2028.",
            "es",
            ("money", 25e9, "USD"),
        ),
        (
            "Le projet coûte 30 milliards d'euros, dont 10 milliards environ en aides.",
            "fr",
            ("money", 10e9, "EUR"),
        ),
        (
            "The plan costs $40 billion, with $10 billion now and 30 billion by 2030.",
            "en",
            ("money", 30e9, "USD"),
        ),
    ],
)
def test_a_preposition_after_a_bare_amount_keeps_its_currency(
    text: str, language: str, carried: tuple[str, float, str]
) -> None:
    assert carried in values(text, language)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Austrian German writes January "Jänner" (CLDR de_AT).
        ("Der Vertrag wurde am 21. Jänner 2025 unterzeichnet.", "2025-01-21"),
        ("Baubeginn ist im Jänner 2026.", "2026-01"),
    ],
)
def test_regional_month_names(text: str, expected: str) -> None:
    assert ("date", expected, "date") in values(text, "de")


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # A scale word with an article and no digits: "a billion", "half a million".
        ("the plan costs a billion dollars", "en", ("money", 1e9, "USD")),
        ("it will employ half a million people", "en", ("count", 5e5, "count")),
        ("une perte de mille milliards de dollars", "fr", ("money", 1e12, "USD")),
        ("una inversión de mil millones de dólares", "es", ("money", 1e9, "USD")),
        # ... but a number before the scale word still counts: "dos mil millones".
        ("una inversión de dos mil millones de dólares", "es", ("money", 2e9, "USD")),
        ("a loss of 2 billion dollars", "en", ("money", 2e9, "USD")),
    ],
)
def test_scale_words_without_digits(
    text: str, language: str, expected: tuple[str, float, str]
) -> None:
    assert values(text, language) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Below 조, Korean writes the 억 part with 천/백 inside it: 6천875억 = 6,875억.
        ("시가총액 846조6천875억원이 증발했다", ("money", 8.466875e14, "KRW")),
        ("총 1조2천억원을 투자한다", ("money", 1.2e12, "KRW")),
        ("총 1조2000억원을 투자한다", ("money", 1.2e12, "KRW")),
    ],
)
def test_korean_compound_amounts(text: str, expected: tuple[str, float, str]) -> None:
    assert values(text, "ko") == [expected]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # A percent sign on both ends of a range: one range, not two figures.
        ("維持15%至20%的年複合成長率", "zh"),
        ("growth of 15% to 20% a year", "en"),
        ("growth of 15%-20% a year", "en"),
        ("une croissance de 15 % à 20 % par an", "fr"),
    ],
)
def test_percent_ranges_with_a_sign_on_each_end(text: str, language: str) -> None:
    assert [(m.value, m.value_max) for m in find_mentions(text, language)] == [(15.0, 20.0)]


def test_a_change_from_one_percentage_to_another_stays_two() -> None:
    assert [(m.value, m.value_max) for m in find_mentions("it rose from 5% to 10%", "en")] == [
        (5.0, None),
        (10.0, None),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Ranges written in words: "six to eight buildings" is one range.
        ("the campus will have six to eight buildings", [(6.0, 8.0)]),
        ("between two and four sites", [(2.0, 4.0)]),
        # "from two to eight" is a change, not a range.
        ("it grew from two to eight buildings", [(2.0, None), (8.0, None)]),
    ],
)
def test_ranges_in_words(text: str, expected: list[tuple[float, float | None]]) -> None:
    assert [(m.value, m.value_max) for m in find_mentions(text, "en")] == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # CJK pages quote English amounts as printed; the scale word is English there.
        ("ソフトバンクは¥5.94 trillionを計上した", "ja", [("money", 5.94e12, "JPY")]),
        ("孫氏は$19 billionを出資する", "ja", [("money", 1.9e10, "USD")]),
        ("该项目投资$500 billion", "zh", [("money", 5e11, "USD")]),
        ("총 $100 bn 규모의 투자", "ko", [("money", 1e11, "USD")]),
        # a word that only starts like a scale word is not one
        ("billionaire 5人が出資", "ja", [("count", 5.0, "count")]),
    ],
)
def test_english_scale_words_on_cjk_pages(
    text: str, language: str, expected: list[tuple[str, float, str]]
) -> None:
    assert values(text, language) == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # A scale noun takes its measure through "de" as it takes a currency.
        ("une usine de 3 millions de mètres carrés", "fr", [("area", 3e6, "sqm")]),
        ("un campus de 2 millones de pies cuadrados", "es", [("area", 2e6, "sqft")]),
        ("un polo di 1,5 milioni di metri quadrati", "it", [("area", 1.5e6, "sqm")]),
        # A duration is not counted in millions in news copy: no reading is forced.
        ("il y a 3 millions d’années", "fr", [("count", 3e6, "count")]),
    ],
)
def test_a_scale_noun_takes_its_unit_through_de(
    text: str, language: str, expected: list[tuple[str, float | str, str]]
) -> None:
    assert values(text, language) == expected


@pytest.mark.parametrize(
    ("text", "language", "surface"),
    [
        # A half or a quarter of a year dates the year, as "mid-" and "Ende" do.
        ("Der Bau soll in der zweiten Hälfte 2027 beginnen", "de", "Hälfte 2027"),
        ("Die Fabrik öffnet im dritten Quartal 2026", "de", "Quartal 2026"),
        ("la production démarrera au 2e semestre 2027", "fr", "semestre 2027"),
        ("las obras empezarán en el primer semestre de 2026", "es", "semestre de 2026"),
        ("la fabbrica aprirà nel secondo semestre 2027", "it", "semestre 2027"),
        ("a obra começa no primeiro semestre de 2026", "pt", "semestre de 2026"),
        ("de fabriek opent in de tweede helft van 2027", "nl", "helft van 2027"),
        ("the plant should open H2 2027", "en", "H2 2027"),
    ],
)
def test_a_half_or_quarter_of_a_year_dates_the_year(text: str, language: str, surface: str) -> None:
    found = [m for m in find_mentions(text, language) if m.kind == "date"]
    assert [(m.value, m.surface) for m in found] == [(surface[-4:], surface)]


def test_german_von_bis_is_a_range_and_von_auf_a_change() -> None:
    # "von … bis" is how German writes a range; a change is "von … auf".
    ranged = find_mentions("Zuschüsse von sechs bis sieben Milliarden Euro", "de")
    assert [(m.value, m.value_max, m.unit) for m in ranged] == [(6e9, 7e9, "EUR")]
    changed = find_mentions("Die Kosten stiegen von 5 Milliarden Euro auf 7 Milliarden Euro", "de")
    assert [(m.value, m.value_max) for m in changed] == [(5e9, None), (7e9, None)]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # A bare first number set against a scaled amount takes its scale and currency:
        # the two ends of a change, or one amount against another.
        ("sales rose from 5 to 7 billion dollars", "en", [5e9, 7e9]),
        ("Die Kosten stiegen von 5 auf 7 Milliarden Euro", "de", [5e9, 7e9]),
        ("Der Bund hilft mit 9,9 statt 6,8 Milliarden Euro", "de", [9.9e9, 6.8e9]),
        ("l'aide passe de 6,8 à 9,9 milliards d'euros", "fr", [6.8e9, 9.9e9]),
        ("recibirá 9 en lugar de 7 mil millones de dólares", "es", [9e9, 7e9]),
    ],
)
def test_a_bare_number_set_against_a_scaled_amount_takes_its_scale(
    text: str, language: str, expected: list[float]
) -> None:
    found = find_mentions(text, language)
    assert [(m.kind, m.value) for m in found] == [("money", v) for v in expected]
    assert found[0].unit == found[1].unit


def test_a_bare_number_before_a_scaled_count_stays_a_count() -> None:
    # Only money carries its scale back: "5 to 7 billion users" says nothing of the 5.
    found = find_mentions("from 5 to 7 billion users", "en")
    assert [(m.kind, m.value) for m in found] == [("count", 5.0), ("count", 7e9)]


# --- vague amounts: "several hundred billion" is no figure, in any language (g12k) -------


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("这项计划将创造数千亿美元的价值。", "zh"),
        ("這項計畫將創造數千億美元的價值。", "zh"),
        ("公司计划投入几百亿美元。", "zh"),
        ("公司計劃投入幾百億美元。", "zh"),
        ("项目吸引了上千亿美元投资。", "zh"),
        ("工厂将雇用数千名工人。", "zh"),
        ("工厂将雇用二十几名工人。", "zh"),
        ("新工場に数千億円を投じる。", "ja"),
        ("費用は十数億ドルに上る。", "ja"),
        ("総額は百数十億円になる。", "ja"),
        ("공장에 수천억 달러를 투자한다.", "ko"),
        ("The plan will create several hundred billion dollars of value.", "en"),
        ("The plan will create hundreds of billions of dollars of value.", "en"),
        ("Der Plan schafft mehrere hundert Milliarden Dollar an Wert.", "de"),
        ("Le plan créera plusieurs centaines de milliards de dollars.", "fr"),
        ("El plan creará cientos de miles de millones de dólares.", "es"),
    ],
)
def test_a_vague_amount_is_no_figure(text: str, language: str) -> None:
    """ "数千亿" (several thousand 亿) was read as 千亿 (1000亿), an exact $100 billion no
    reader would list; the vague digit beside the numeral makes it no number, as
    "several hundred billion" is none in the spaced languages."""
    assert values(text, language) == []


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("公司计划投入一千亿美元。", "zh", [("money", 1e11, "USD")]),
        ("公司计划投入千億美元。", "zh", [("money", 1e11, "USD")]),
        ("工厂将雇用三千名工人。", "zh", [("count", 3000, "count")]),
        ("工場は千人を雇用する。", "ja", [("count", 1000, "count")]),
        ("100人以上千人未満の企業", "ja", [("count", 100, "count"), ("count", 1000, "count")]),
        # a vague amount before an exact one leaves the exact one read
        ("数千名工人中，三千名是工程师。", "zh", [("count", 3000, "count")]),
    ],
)
def test_a_numeral_with_no_vague_digit_beside_it_is_read(
    text: str, language: str, expected: list[tuple[str, float, str]]
) -> None:
    """Guards: a plain numeral, and 以上 ("or more") before one, are no vague amount."""
    assert values(text, language) == expected

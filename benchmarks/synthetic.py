"""Deterministic synthetic coverage in nine languages, for speed and scale benchmarks.

Articles are built from sentence templates that mix figures the extractor must find
(amounts, percentages, dates, durations) with filler prose, at about the length of the
seed articles (3,000 to 5,000 characters).
"""

from __future__ import annotations

import random

from stargate_digest.ingest.draft import content_hash
from stargate_digest.models import Article

FIGURES: dict[str, list[str]] = {
    "en": [
        "Stargate will invest ${n} billion over the next {d} years.",
        "SoftBank and OpenAI will each contribute ${n} billion (approximately ¥{m} trillion).",
        "The project was announced on January {day}, 2025, and {p}% of it is funded by OpenAI.",
        "An initial ${n} billion will be deployed immediately, the remaining ${n} billion later.",
    ],
    "de": [
        "Stargate soll {n} Milliarden US-Dollar in {d} Jahren investieren.",
        "OpenAI und SoftBank halten jeweils {p} Prozent an dem Projekt.",
        "Das Projekt wurde am {day}. Januar 2025 angekündigt; zunächst fließen {n} Mrd. Euro.",
    ],
    "fr": [
        "Le projet Stargate vise {n} milliards de dollars sur {d} ans.",
        "OpenAI et SoftBank apportent chacun {n} milliards de dollars "
        "(environ {m},5 milliards d’euros).",
        "Le projet a été annoncé le {day} janvier 2025 ; OpenAI détiendra {p} % de Stargate.",
    ],
    "es": [
        "El proyecto Stargate invertirá {n} mil millones de dólares en {d} años.",
        "OpenAI tendrá una participación del {p} % en Stargate, "
        "anunciado el {day} de enero de 2025.",
    ],
    "it": [
        "Il progetto Stargate investirà {n} miliardi di dollari in {d} anni.",
        "OpenAI e SoftBank apportano ciascuno {n} miliardi di dollari al progetto.",
    ],
    "pt": [
        "O projeto Stargate vai investir {n} bilhões de dólares em {d} anos.",
        "A OpenAI terá uma participação de {p}% no projeto anunciado em {day} de janeiro de 2025.",
    ],
    "ja": [
        "スターゲート計画は今後{d}年間で{n}億ドルを投資する。",
        "ソフトバンクはプロジェクトに約{m}兆円を投資すると発表した。",
    ],
    "zh": [
        "星际之门项目将在{d}年内投资{n}亿美元。",
        "软银宣布对该项目投资约{m}万亿日元。",
    ],
    "ko": [
        "스타게이트 프로젝트는 {d}년 동안 {n}억 달러를 투자한다.",
        "소프트뱅크는 프로젝트에 약 {m}조 원을 투자한다고 발표했다.",
    ],
}

FILLER: dict[str, str] = {
    "en": "Analysts said the plan could reshape the market for computing power in the region. ",
    "de": "Analysten sagen, der Plan könne den Markt für Rechenleistung grundlegend verändern. ",
    "fr": "Selon les analystes, le projet pourrait transformer le marché du calcul en Europe. ",
    "es": "Los analistas creen que el plan podría transformar el mercado de la computación. ",
    "it": "Secondo gli analisti il piano potrebbe cambiare il mercato del calcolo in Europa. ",
    "pt": "Os analistas afirmam que o plano pode transformar o mercado de computação. ",
    "ja": "アナリストは、この計画が計算資源の市場を大きく変える可能性があると述べた。",
    "zh": "分析人士表示，该计划可能会重塑整个地区的算力市场格局。",
    "ko": "분석가들은 이 계획이 컴퓨팅 시장을 크게 바꿀 수 있다고 말했다. ",
}


def synthetic_article(index: int, target_chars: int = 4000, figure_share: float = 0.35) -> Article:
    """Article ``index`` of the synthetic corpus: same arguments, same text.

    ``figure_share`` is the share of paragraphs that carry figures: 0.35 gives about the
    seeds' density (7 claims in 4,000 characters), 1.0 a figure-dense wire report.
    """
    rng = random.Random(index)
    language = sorted(FIGURES)[index % len(FIGURES)]
    paragraphs: list[str] = []
    length = 0
    while length < target_chars:
        template = rng.choice(FIGURES[language])
        figure = template.format(
            n=rng.randint(2, 900),
            m=rng.randint(1, 90),
            d=rng.randint(2, 9),
            p=rng.randint(5, 60),
            day=rng.randint(10, 28),
        )
        paragraph = FILLER[language] * rng.randint(2, 5)
        if rng.random() < figure_share:
            paragraph += figure
        paragraphs.append(paragraph)
        length += len(paragraph) + 2
    text = "\n\n".join(paragraphs)
    return Article(
        id=f"synthetic-{index:05d}",
        language=language,
        text=text,
        content_hash=content_hash(None, text),
        source=f"synthetic:{index}",
        format="text",
    )


def synthetic_corpus(
    count: int, target_chars: int = 4000, figure_share: float = 0.35
) -> list[Article]:
    """The first ``count`` synthetic articles."""
    return [synthetic_article(i, target_chars, figure_share) for i in range(count)]

"""Dates in nine languages: full dates, dates without a year, and what is not a date."""

from __future__ import annotations

import pytest

from stargate_digest.quantities import find_mentions


@pytest.mark.parametrize(
    ("text", "language", "surface", "value"),
    [
        ("On January 23, 2025, SoftBank", "en", "January 23, 2025", "2025-01-23"),
        ("on 23 January 2025", "en", "23 January 2025", "2025-01-23"),
        ("on Jan. 23, 2025", "en", "Jan. 23, 2025", "2025-01-23"),
        ("unveiled on January 22nd, the news", "en", "January 22nd", "--01-22"),
        ("am 22. Januar 2025", "de", "22. Januar 2025", "2025-01-22"),
        ("am 22. Januar", "de", "22. Januar", "--01-22"),
        ("am 22.01.2025", "de", "22.01.2025", "2025-01-22"),
        ("le 22 janvier 2025", "fr", "22 janvier 2025", "2025-01-22"),
        ("à partir du 1er septembre 2023.", "fr", "1er septembre 2023", "2023-09-01"),
        ("el 22 de enero de 2025", "es", "22 de enero de 2025", "2025-01-22"),
        ("il 22 gennaio 2025", "it", "22 gennaio 2025", "2025-01-22"),
        ("em 22 de janeiro de 2025", "pt", "22 de janeiro de 2025", "2025-01-22"),
        ("2025年1月22日に発表", "ja", "2025年1月22日", "2025-01-22"),
        ("1月22日宣布", "zh", "1月22日", "--01-22"),
        ("2025년 1월 22일 발표", "ko", "2025년 1월 22일", "2025-01-22"),
        ("published 2025-01-22.", "en", "2025-01-22", "2025-01-22"),
        ("on 29 February", "en", "29 February", "--02-29"),
    ],
)
def test_dates(text: str, language: str, surface: str, value: str) -> None:
    [mention] = find_mentions(text, language)
    assert (mention.kind, mention.unit, mention.value, mention.surface) == (
        "date",
        "date",
        value,
        surface,
    )
    assert text[mention.start : mention.end] == surface


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Progress Toward 2028", "en"),
        ("in the 2028 report", "en"),
        ("GPT-2025 launched", "en"),
        ("in 2024-2025", "en"),
        ("on 31 February 2025", "en"),
        ("01/22/2025", "en"),
        ("1990年代", "ja"),
    ],
)
def test_not_a_contract_date(text: str, language: str) -> None:
    """Bare years no time word ties to the text, impossible days, and decades are no dates."""
    assert [m for m in find_mentions(text, language) if m.kind == "date"][1:] == []
    assert all(m.value != "2028" for m in find_mentions(text, language))


@pytest.mark.parametrize(
    ("text", "language", "surface", "value"),
    [
        # contract 1.2: dates below a day's precision, in every supported language
        ("by 2026", "en", "2026", "2026"),
        ("ready by mid-2026.", "en", "mid-2026", "2026"),
        ("reaching it by end-2025", "en", "end-2025", "2025"),
        ("in March 2023", "en", "March 2023", "2023-03"),
        ("since June 2024", "en", "June 2024", "2024-06"),
        ("bis Ende 2025", "de", "Ende 2025", "2025"),
        ("im Juni 2024", "de", "Juni 2024", "2024-06"),
        ("d'ici 2029", "fr", "2029", "2029"),
        ("durant tout le mois de mars 2023", "fr", "mars 2023", "2023-03"),
        ("a finales de 2025", "es", "finales de 2025", "2025"),
        ("en junio de 2024", "es", "junio de 2024", "2024-06"),
        ("entro il 2027", "it", "2027", "2027"),
        ("a giugno 2024", "it", "giugno 2024", "2024-06"),
        ("até 2026", "pt", "2026", "2026"),
        ("em junho de 2024", "pt", "junho de 2024", "2024-06"),
        ("innen 2026", "no", "2026", "2026"),
        ("i juni 2024", "nb", "juni 2024", "2024-06"),
        ("2026年までに", "ja", "2026年", "2026"),
        ("2024年6月に", "ja", "2024年6月", "2024-06"),
        ("2026年底前", "zh", "2026年", "2026"),
        ("2026년까지", "ko", "2026년", "2026"),
        ("2024년 6월", "ko", "2024년 6월", "2024-06"),
    ],
)
def test_dates_below_a_days_precision(text: str, language: str, surface: str, value: str) -> None:
    [mention] = find_mentions(text, language)
    assert (mention.kind, mention.unit, mention.value, mention.surface) == (
        "date",
        "date",
        value,
        surface,
    )

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
        ("by 2028", "en"),
        ("Progress Toward 2028", "en"),
        ("in March 2023", "en"),
        ("durant tout le mois de mars 2023", "fr"),
        ("on 31 February 2025", "en"),
        ("01/22/2025", "en"),
    ],
)
def test_not_a_contract_date(text: str, language: str) -> None:
    """Bare years, months without a day and impossible days are no dates ('YYYY' is not allowed)."""
    assert [m for m in find_mentions(text, language) if m.kind == "date"] == []

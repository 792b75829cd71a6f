"""How the Markdown digest writes figures and keeps article text from breaking its tables."""

from __future__ import annotations

from datetime import UTC, datetime

from stargate_digest.digest.markdown import excerpt, render_markdown
from stargate_digest.display import describe
from stargate_digest.models import Claim, Digest


def claim(value: float | str | None, unit: str | None, **extra: object) -> Claim:
    return Claim.model_validate(
        {"id": "a#1", "source_id": "a", "subject": "Stargate", "metric": "other",
         "value": value, "unit": unit, "quote": "q", "start": 0, "end": 1, **extra}
    )  # fmt: skip


def test_figures_read_as_people_write_them() -> None:
    assert describe(claim(38e9, "USD")) == "$38 billion"
    assert describe(claim(4e12, "USD")) == "$4 trillion"
    assert describe(claim(18.25e9, "EUR")) == "€18.25 billion"
    assert describe(claim(5.94e12, "JPY")) == "5.94 trillion JPY"
    assert describe(claim(40.0, "percent")) == "40 %"
    assert describe(claim(4.0, "years")) == "4 years"
    assert describe(claim(2028.0, "year")) == "2028"
    assert describe(claim("--01-22", "date")) == "January 22 (no year given)"
    assert describe(claim("2025-01-23", "date")) == "January 23, 2025"
    assert describe(claim(None, None)) == ""


def test_unresolved_currency_is_said_with_its_candidates() -> None:
    yen = claim(5.94e12, "XXX", currency_candidates=["JPY", "CNY"])
    assert describe(yen) == "5.94 trillion (currency unresolved: JPY or CNY)"
    assert describe(claim(3.6e12, "XXX")) == "3.6 trillion (currency unresolved)"


def test_long_quotes_are_shown_as_a_verbatim_window_of_whole_words() -> None:
    quote = "word " * 30 + "invest $500 billion in building " + "more " * 30
    shown = excerpt(claim(500e9, "USD", quote=quote), width=60)
    assert shown.startswith("…") and shown.endswith("…")
    assert "$500 billion" in shown
    assert shown.strip("…") in " ".join(quote.split())


def test_article_text_cannot_break_a_table_row() -> None:
    hostile = claim(1.0, "count", quote="a | b\n| c")
    digest = Digest(generated_at=datetime(2025, 1, 1, tzinfo=UTC), backend="rules",
                    sources=[], claims=[hostile])  # fmt: skip
    row = next(line for line in render_markdown(digest).splitlines() if line.startswith("| a#1 |"))
    assert "a \\| b \\| c" in row

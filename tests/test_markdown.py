"""How the Markdown digest writes figures and keeps article text from breaking its tables."""

from __future__ import annotations

from datetime import UTC, datetime

from stargate_digest.digest.markdown import format_value, render_markdown
from stargate_digest.models import Claim, Digest


def claim(value: float | str | None, unit: str | None, **extra: object) -> Claim:
    return Claim.model_validate(
        {"id": "a#1", "source_id": "a", "subject": "Stargate", "metric": "other",
         "value": value, "unit": unit, "quote": "q", "start": 0, "end": 1, **extra}
    )  # fmt: skip


def test_figures_read_as_people_write_them() -> None:
    assert format_value(claim(38e9, "USD")) == "38 billion USD"
    assert format_value(claim(4e12, "USD")) == "4 trillion USD"
    assert format_value(claim(40.0, "percent")) == "40 %"
    assert format_value(claim(2028.0, "year")) == "2028"
    assert format_value(claim("--01-22", "date")) == "--01-22"
    assert format_value(claim(None, None)) == ""


def test_unresolved_currency_is_said_with_its_candidates() -> None:
    yen = claim(5.94e12, "XXX", currency_candidates=["JPY", "CNY"])
    assert format_value(yen) == "5.94 trillion (currency unresolved: JPY or CNY)"
    assert format_value(claim(3.6e12, "XXX")) == "3.6 trillion (currency unresolved)"


def test_article_text_cannot_break_a_table_row() -> None:
    hostile = claim(1.0, "count", quote="a | b\n| c")
    digest = Digest(generated_at=datetime(2025, 1, 1, tzinfo=UTC), backend="rules",
                    sources=[], claims=[hostile])  # fmt: skip
    row = next(line for line in render_markdown(digest).splitlines() if line.startswith("| a |"))
    assert "a \\| b \\| c" in row

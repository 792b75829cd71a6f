"""The data contract: JSON round-trips, offsets are checked, unknown fields are refused."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pydantic import ValidationError

from stargate_digest import build_digest, extract, load_articles
from stargate_digest.models import SCHEMA_VERSION, Claim, Digest

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def test_digest_survives_a_json_round_trip() -> None:
    results = extract(load_articles([SEEDS]).articles, backend="rules")
    digest = build_digest(results, backend="rules")
    again = Digest.model_validate_json(digest.model_dump_json())
    assert again == digest
    assert again.schema_version == SCHEMA_VERSION
    assert again.sources[0].published == datetime(2025, 1, 23, 10, 6, 28, tzinfo=UTC)


def test_claim_end_before_start_is_refused() -> None:
    with pytest.raises(ValidationError, match="end 3 is before start 5"):
        Claim(id="a#1", source_id="a", subject="S", metric="other", value=1.0, unit="count",
              quote="x", start=5, end=3)  # fmt: skip


def test_unknown_fields_are_refused_not_silently_kept() -> None:
    with pytest.raises(ValidationError, match="extra"):
        Claim.model_validate({"id": "a#1", "source_id": "a", "subject": "S", "metric": "other",
                              "value": 1.0, "unit": "count", "quote": "x", "start": 0, "end": 1,
                              "valeu": 2})  # fmt: skip


def test_the_command_line_starts_without_importing_heavy_libraries() -> None:
    """--help must answer at once: nothing heavy is imported before a command runs."""
    code = (
        "import sys, stargate_digest.cli\n"
        "heavy = ['pydantic', 'lxml', 'trafilatura', 'openai', 'httpx2', 'babel', 'feedparser']\n"
        "print([m for m in heavy if m in sys.modules])"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"

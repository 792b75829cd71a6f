"""The hand-annotated gold set: every gold figure is re-derived from its own article text."""

from __future__ import annotations

import html
import json
import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from stargate_digest.quantities import Mention, find_mentions

ROOT = Path(__file__).resolve().parents[2]
LANGUAGES = {"000": "en", "001": "en", "002": "de", "003": "en", "004": "fr"}
SEED_IDS = sorted(path.stem for path in (ROOT / "seeds").glob("*.txt"))
SALIENCE = ("money", "percent", "power", "area", "duration", "date", "count")


@cache
def article(source_id: str) -> str:
    """The seed text the gold quotes come from (gold README: WordPress title + content)."""
    raw = (ROOT / "seeds" / f"{source_id}.txt").read_text(encoding="utf-8")
    if not source_id.startswith("000"):
        return raw
    post = json.loads(raw)
    body = post["title"]["rendered"] + "\n" + post["content"]["rendered"]
    return html.unescape(re.sub(r"<[^>]+>", "", body))


def gold() -> list[dict[str, Any]]:
    entries = json.loads((ROOT / "tests" / "gold" / "seeds.json").read_text(encoding="utf-8"))
    # Bare target years ("by 2028", a date of precision YYYY) come from the extractor's
    # target-year rule, not the quantity parser, which skips bare years on purpose.
    return [entry for entry in entries if not _bare_year(entry)]


def _bare_year(entry: dict[str, Any]) -> bool:
    return entry["unit"] == "date" and len(str(entry["value"])) == 4


def mention_in_quote(entry: dict[str, Any]) -> Mention:
    text = article(entry["source_id"])
    start = text.index(entry["quote"])
    end = start + len(entry["quote"])
    inside = [
        m
        for m in find_mentions(text, LANGUAGES[entry["source_id"][:3]])
        if start <= m.start and m.end <= end
    ]
    assert inside, entry["quote"]
    return min(inside, key=lambda m: SALIENCE.index(m.kind))


@pytest.mark.parametrize("entry", gold(), ids=lambda entry: entry["quote"][:40])
def test_gold_figure_is_rederived(entry: dict[str, Any]) -> None:
    mention = mention_in_quote(entry)
    assert mention.value == (
        entry["value"] if isinstance(entry["value"], str) else float(entry["value"])
    )
    assert mention.unit == entry["unit"]
    assert mention.qualifier == entry["qualifier"]
    assert list(mention.currency_candidates) == entry.get("currency_candidates", [])


def test_sponsored_links_yield_no_money_percent_or_count() -> None:
    text = article("004_6d60c11ca3f3fe1a")
    noise = text.index("Partager l'article:")
    kinds = [(m.kind, m.surface) for m in find_mentions(text, "fr") if m.start >= noise]
    assert not [kind for kind in kinds if kind[0] in {"money", "percent", "count"}], kinds
    assert ("power", "3,5 MWc") in kinds


@pytest.mark.parametrize("source_id", SEED_IDS)
def test_seed_mentions_are_verbatim(source_id: str) -> None:
    text = article(source_id)
    for mention in find_mentions(text, LANGUAGES[source_id[:3]]):
        assert text[mention.start : mention.end] == mention.surface

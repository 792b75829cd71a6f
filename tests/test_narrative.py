"""The checks a model-written summary sentence must pass before it is shown."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from stargate_digest import build_digest, extract, load_articles
from stargate_digest.digest.narrative import NarrativeAnswer, checked_sentences, findings_message
from stargate_digest.models import Digest

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@cache
def digest() -> Digest:
    return build_digest(extract(load_articles([SEEDS]).articles), backend="rules")


def ids(metric: str, value: float | str) -> list[str]:
    return [c.id for c in digest().claims if c.metric == metric and c.value == value]


def answer(*sentences: tuple[str, list[str]]) -> NarrativeAnswer:
    return NarrativeAnswer.model_validate(
        {"sentences": [{"text": text, "claim_ids": cited} for text, cited in sentences]}
    )


def test_a_sentence_whose_figures_its_claims_hold_is_kept() -> None:
    cited = ids("total_investment", 500e9) + ids("total_investment", 38e9)
    kept = checked_sentences(
        answer(("Totals of $500 billion and $38 billion differ.", cited)), digest()
    )
    assert [s.claim_ids for s in kept] == [cited]


def test_dates_are_matched_on_month_and_day() -> None:
    cited = ids("announcement_date", "--01-22") + ids("announcement_date", "2025-01-23")
    kept = checked_sentences(answer(("Announced on January 22 or January 23.", cited)), digest())
    assert len(kept) == 1


def test_uncited_unknown_and_unsupported_sentences_are_dropped() -> None:
    real = ids("total_investment", 38e9)
    dropped = answer(
        ("Stargate is big.", []),
        ("It costs $38 billion.", ["no-such-claim#1"]),
        ("It costs $45 billion.", real),
    )
    assert checked_sentences(dropped, digest()) == []


def test_the_findings_sent_to_the_model_carry_claim_ids_not_article_text() -> None:
    message = findings_message(digest())
    assert all(claim_id in message for claim_id in ids("total_investment", 500e9))
    assert "Partager" not in message and "Recently, tech giant" not in message


def test_a_number_without_a_unit_must_still_be_a_cited_figure() -> None:
    """Issue 13, item 10: "9 trillion" with no currency was never checked."""
    real = ids("total_investment", 500e9)
    forged = answer(("The total investment was confirmed at 9 trillion.", real))
    assert checked_sentences(forged, digest()) == []
    honest = answer(("The total investment was confirmed at 500 billion in 2 sources.", real))
    assert len(checked_sentences(honest, digest())) == 1

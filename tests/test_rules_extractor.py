"""The rules backend on the seeds: the figures the issue names, with exact quotes and offsets."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from stargate_digest import load_articles
from stargate_digest.extractors.rules import RulesExtractor
from stargate_digest.ingest.draft import content_hash
from stargate_digest.models import Alignment, Article, ArticleClaims, Claim, Qualifier

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@cache
def seed_results() -> dict[str, ArticleClaims]:
    extractor = RulesExtractor()
    return {a.id[:3]: extractor.extract(a) for a in load_articles([SEEDS]).articles}


def claims_of(seed: str) -> list[Claim]:
    return seed_results()[seed].claims


def find(seed: str, value: float | str, unit: str, subject: str | None = None) -> list[Claim]:
    return [
        c
        for c in claims_of(seed)
        if c.value == value and c.unit == unit and (subject is None or c.subject == subject)
    ]


EXPECTED = [
    ("000", 38e9, "USD", "$38 billion"),
    ("000", 5.94e12, "XXX", "¥5.94 trillion"),
    ("001", 500e9, "USD", "$500 billion"),
    ("001", 3.6e12, "XXX", "3.6 trillion"),
    ("001", 100e9, "USD", "$100 billion"),
    ("002", 500e9, "USD", "500 Milliarden US-Dollar"),
    ("003", 4e12, "USD", "US$4 trillion"),
    ("004", 18.25e9, "EUR", "18,25 milliards d’euros"),
    ("004", 40.0, "percent", "40 %"),
    ("004", 500e9, "USD", "500 milliards de dollars"),
    ("004", 100e9, "USD", "100 milliards de dollars"),
    ("004", 400e9, "USD", "400 milliards de dollars"),
]


@pytest.mark.parametrize(("seed", "value", "unit", "figure"), EXPECTED)
def test_named_figures_are_claims_with_exact_quotes(
    seed: str, value: float, unit: str, figure: str
) -> None:
    found = find(seed, value, unit)
    assert found, f"{figure} not extracted from {seed}"
    text = seed_results()[seed].article.text
    for claim in found:
        # The verifier sets the quote from the offsets, so the offsets are checked against
        # the article's text and the figure the article prints, not against the quote.
        assert claim.alignment is Alignment.EXACT
        assert text[claim.figure_start or 0 : claim.figure_end or 0] == figure
        assert claim.start <= (claim.figure_start or -1) < (claim.figure_end or 0) <= claim.end
        assert claim.verified, claim.verification_note


def test_distributive_wording_gives_one_claim_per_partner() -> None:
    for value, unit in ((19e9, "USD"), (18.25e9, "EUR"), (40.0, "percent")):
        subjects = sorted(c.subject for c in find("004", value, unit))
        assert subjects == ["OpenAI", "SoftBank"], (value, unit, subjects)
    assert {c.metric for c in find("004", 19e9, "USD")} == {"equity_contribution"}
    assert {c.metric for c in find("004", 40.0, "percent")} == {"equity_stake"}


def test_equivalents_are_linked_to_the_amount_they_restate() -> None:
    dollars = find("000", 38e9, "USD")[0]
    yen = find("000", 5.94e12, "XXX")[0]
    assert yen.equivalent_of == dollars.id
    assert yen.qualifier is Qualifier.APPROX
    assert yen.currency_candidates == ["JPY", "CNY"]
    unlabelled = find("001", 3.6e12, "XXX")[0]
    assert unlabelled.equivalent_of == find("001", 500e9, "USD")[0].id
    for euro in find("004", 18.25e9, "EUR"):
        partner_dollars = find("004", 19e9, "USD", euro.subject)[0]
        assert euro.equivalent_of == partner_dollars.id


def test_the_three_100_billion_figures_are_three_things() -> None:
    readings = {
        (c.source_id[:3], c.subject, c.metric)
        for seed in ("000", "001", "004")
        for c in find(seed, 100e9, "USD")
    }
    assert readings == {
        ("000", "US government", "public_investment"),
        ("000", "Microsoft/OpenAI supercomputer", "project_cost"),
        ("001", "Stargate", "initial_investment"),
        ("004", "Stargate", "initial_investment"),
    }


def test_parts_and_total_of_004_are_labelled() -> None:
    metrics = {c.metric: c.value for c in claims_of("004") if c.unit == "USD"}
    assert metrics["total_investment"] == 500e9
    assert metrics["initial_investment"] == 100e9
    assert metrics["remaining_investment"] == 400e9


def test_dates_without_year_stay_without_year() -> None:
    assert find("001", "--01-22", "date")[0].metric == "announcement_date"
    assert find("000", "2025-01-23", "date")[0].metric == "announcement_date"


def test_repeated_figure_in_one_article_is_one_claim() -> None:
    assert len(find("001", 500e9, "USD")) == 1


def test_ordinal_president_is_not_a_claim() -> None:
    assert not [c for c in claims_of("003") if c.value == 47.0]


def _raw_article(path: Path, language: str) -> Article:
    text = path.read_text("utf-8")
    return Article(
        id=path.stem,
        language=language,
        text=text,
        content_hash=content_hash(None, text),
        source=str(path),
        format="text",
    )


def test_page_noise_never_becomes_a_claim_even_uncleaned() -> None:
    """Extraction over 004 *with* its sponsored blocks still yields none of their figures."""
    article = _raw_article(SEEDS / "004_6d60c11ca3f3fe1a.txt", "fr")
    noise_start = article.text.index("Partager l'article:")
    claims = RulesExtractor().extract(article).claims
    assert claims, "the article's own figures should still be found"
    assert [c.quote for c in claims if c.start >= noise_start] == []


def test_claim_ids_are_unique_and_name_their_source() -> None:
    ids = [c.id for r in seed_results().values() for c in r.claims]
    assert len(ids) == len(set(ids))
    assert all(
        c.id.startswith(c.source_id + "#") for r in seed_results().values() for c in r.claims
    )


def test_every_rules_claim_is_grounded_and_verified() -> None:
    for result in seed_results().values():
        for claim in result.claims:
            # found exactly where the extractor read it, its figure inside the quote
            assert claim.alignment is Alignment.EXACT, claim.id
            if claim.value is not None:
                figure = (claim.figure_start or -1, claim.figure_end or -1)
                assert claim.start <= figure[0] < figure[1] <= claim.end, claim.id
            assert claim.verified, (claim.id, claim.verification_note)

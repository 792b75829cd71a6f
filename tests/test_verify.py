"""Verification: quotes are found in the article, and their numbers must back the claim."""

from __future__ import annotations

from stargate_digest.ingest.draft import content_hash
from stargate_digest.models import Alignment, Article, Claim
from stargate_digest.verify import align_quote, verify_claim

TEXT = (
    "On January 23, 2025, SoftBank and OpenAI announced “Stargate”.\n\n"
    "With a total investment of $38 billion (approximately ¥5.94 trillion), the project "
    "is huge. Les 400 milliards de dollars restants seront mobilisés."
)


def article(text: str = TEXT, language: str = "en") -> Article:
    return Article(id="a", language=language, text=text, content_hash=content_hash(None, text),
                   source="test", format="text")  # fmt: skip


def claim(quote: str, value: float | str | None, unit: str | None, start: int = 0) -> Claim:
    return Claim(id="a#1", source_id="a", subject="Stargate", metric="total_investment",
                 value=value, unit=unit, quote=quote, start=start, end=start)  # fmt: skip


def test_exact_quote_gets_its_offsets() -> None:
    checked = verify_claim(claim("total investment of $38 billion", 38e9, "USD"), article())
    assert checked.verified and checked.alignment is Alignment.EXACT
    assert TEXT[checked.start : checked.end] == "total investment of $38 billion"


def test_quote_with_other_quotes_spaces_and_case_is_normalised() -> None:
    located = align_quote(TEXT, 'SOFTBANK and   OpenAI announced "Stargate"')
    assert located is not None
    start, end, how = located
    assert how is Alignment.NORMALIZED
    assert TEXT[start:end] == "SoftBank and OpenAI announced “Stargate”"


def test_slightly_misquoted_text_is_found_fuzzily() -> None:
    quote = "With a total investment of $38 billion (approx. ¥5.94 trillion), the project"
    located = align_quote(TEXT, quote)
    assert located is not None and located[2] is Alignment.FUZZY
    assert "¥5.94 trillion" in TEXT[located[0] : located[1]]


def test_a_quote_not_in_the_article_is_never_verified() -> None:
    checked = verify_claim(claim("Stargate will cost $1 trillion", 1e12, "USD"), article())
    assert not checked.verified
    assert checked.alignment is Alignment.NOT_FOUND
    assert checked.verification_note == "the quote is not in the article"


def test_an_invented_number_with_a_real_quote_is_not_verified() -> None:
    checked = verify_claim(claim("total investment of $38 billion", 500e9, "USD"), article())
    assert checked.alignment is Alignment.EXACT
    assert not checked.verified
    assert "38" in (checked.verification_note or "")


def test_wrong_currency_is_not_verified_but_an_open_one_accepts_its_candidates() -> None:
    quote = "approximately ¥5.94 trillion"
    assert not verify_claim(claim(quote, 5.94e12, "EUR"), article()).verified
    assert verify_claim(claim(quote, 5.94e12, "JPY"), article()).verified
    assert verify_claim(claim(quote, 5.94e12, "XXX"), article()).verified


def test_numbers_are_read_in_the_articles_language() -> None:
    quote = "Les 400 milliards de dollars restants"
    assert verify_claim(claim(quote, 400e9, "USD"), article(language="fr")).verified


def test_dates_and_years_must_be_in_the_quote() -> None:
    assert verify_claim(claim("On January 23, 2025", "2025-01-23", "date"), article()).verified
    assert not verify_claim(claim("On January 23, 2025", "2025-01-22", "date"), article()).verified
    assert not verify_claim(claim("On January 23, 2025", 2028.0, "year"), article()).verified


def test_the_occurrence_nearest_the_proposed_offset_wins() -> None:
    text = "Stargate. Stargate."
    assert align_quote(text, "Stargate", hint=9) == (10, 18, Alignment.EXACT)
    assert align_quote(text, "Stargate") == (0, 8, Alignment.EXACT)

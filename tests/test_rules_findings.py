"""Issue 11 with the rules backend's claims: general rules of a language that decide
which subject a figure is about, on invented sentences."""

from __future__ import annotations

from stargate_digest.extractors.rules import RulesExtractor
from stargate_digest.ingest.draft import content_hash
from stargate_digest.models import Article, Claim
from stargate_digest.segment import split_sentences

EXTRACTOR = RulesExtractor()


def claims(text: str, language: str) -> list[Claim]:
    page = Article(
        id="page",
        language=language,
        title=None,
        text=text,
        content_hash=content_hash(None, text),
        source="page.txt",
        format="text",
    )
    return EXTRACTOR.extract(page).claims


def test_a_korean_sentence_ends_at_a_full_stop_before_hangul() -> None:
    # Hangul has no capitals: ". " before a syllable ends a sentence all the same.
    text = "소프트뱅크는 300억 달러를 투자한다고 밝혔습니다. 이 금액은 오라클의 추정치입니다."
    pieces = [text[s.start : s.end] for s in split_sentences(text, "ko")]
    assert pieces == [
        "소프트뱅크는 300억 달러를 투자한다고 밝혔습니다.",
        "이 금액은 오라클의 추정치입니다.",
    ]


def test_a_company_named_in_the_next_korean_sentence_does_not_take_the_figure() -> None:
    text = (
        "소프트뱅크는 최근 발표한 연례 보고서에서 해당 사업의 총 투자 금액이 300억 달러라고 "
        "밝혔습니다. 이 금액은 오라클의 계약 가치입니다."
    )
    (claim,) = claims(text, "ko")
    assert (claim.subject, claim.metric, claim.value) == ("Stargate", "total_investment", 30e9)

"""Fast paths of branch g15v (issue 12, seventh turn) give what the code they replaced
gave: ``Claim.of_typed`` makes the claim that validating the same fields makes."""

from __future__ import annotations

import hashlib
from typing import Any, cast

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from stargate_digest.extractors.rules import RulesExtractor
from stargate_digest.models import _CLAIM_DEFAULTS, Article, Claim, ClaimFields, Qualifier

_TEXT = st.text(max_size=12)
_OPTIONAL_TEXT = st.none() | _TEXT
_OFFSET = st.integers(min_value=0, max_value=10_000)


@st.composite
def _claim_fields(draw: st.DrawFn) -> dict[str, Any]:
    """Fields as the rules backend gives them: each of its declared type."""
    start = draw(_OFFSET)
    fields: dict[str, Any] = {
        "id": draw(_TEXT),
        "source_id": draw(_TEXT),
        "subject": draw(_TEXT),
        "metric": draw(_TEXT),
        "value": draw(st.floats(allow_nan=False) | st.sampled_from(["2025", "2025-09", "--03-01"])),
        "value_max": draw(st.none() | st.floats(allow_nan=False)),
        "unit": draw(st.sampled_from(["USD", "XXX", "percent", "count", "GW", "date", "years"])),
        "quote": draw(_TEXT),
        "start": start,
        "end": start + draw(_OFFSET),
        "qualifier": draw(st.sampled_from(list(Qualifier))),
        "scope": draw(_OPTIONAL_TEXT),
        "as_of": draw(_OPTIONAL_TEXT),
        "detail": draw(_OPTIONAL_TEXT),
        "figure_start": draw(st.none() | _OFFSET),
        "figure_end": draw(st.none() | _OFFSET),
        "currency_candidates": draw(st.lists(st.sampled_from(["USD", "CAD", "AUD"]), max_size=3)),
        "equivalent_of": draw(_OPTIONAL_TEXT),
        "statement": None,
    }
    left_out = draw(st.sets(st.sampled_from(["value_max", "scope", "currency_candidates"])))
    return {name: value for name, value in fields.items() if name not in left_out}


def _of_typed(fields: dict[str, Any]) -> Claim:
    return Claim.of_typed(cast("ClaimFields", fields))


def _same_claim(made: Claim, validated: Claim) -> None:
    assert made == validated
    assert list(made.__dict__) == list(validated.__dict__)  # the model's order
    assert {k: type(v) for k, v in made.__dict__.items()} == {
        k: type(v) for k, v in validated.__dict__.items()
    }
    assert made.model_fields_set == validated.model_fields_set
    assert made.model_dump_json() == validated.model_dump_json()
    assert repr(made) == repr(validated)


@settings(max_examples=300, deadline=None)
@given(_claim_fields())
def test_a_typed_claim_is_the_one_validation_makes(fields: dict[str, Any]) -> None:
    _same_claim(_of_typed(fields), Claim(**fields))


def _invented(**changes: Any) -> dict[str, Any]:
    fields: dict[str, Any] = {
        "id": "wire-7#1",
        "source_id": "wire-7",
        "subject": "Brightwater Grid",
        "metric": "investment",
        "value": 4.5e9,
        "unit": "EUR",
        "quote": "Brightwater Grid will spend €4.5 billion on the line.",
        "start": 0,
        "end": 53,
    }
    return fields | changes


@pytest.mark.parametrize(
    "changes",
    [
        {"value": 4},  # an int mypy lets pass for a float: validation makes it 4.0
        {"value_max": 6},
        {"start": True, "end": 53},  # a bool offset: validation makes it 1
        {"unit": "year", "value": 2031.0},  # contract 1.1: upgraded to a date "2031"
        {"currency_candidates": ("EUR", "USD")},  # a tuple: validation makes a list
        {"confidence": 0.5},
    ],
)
def test_fields_validation_would_change_are_validated(changes: dict[str, Any]) -> None:
    fields = _invented(**changes)
    _same_claim(_of_typed(fields), Claim(**fields))


@pytest.mark.parametrize(
    "changes",
    [
        {"start": 60},  # end before start
        {"figure_start": -1},
        {"confidence": 1.5},
        {"colour": "red"},  # no such field (extra="forbid")
    ],
)
def test_fields_validation_refuses_are_refused(changes: dict[str, Any]) -> None:
    with pytest.raises(ValidationError):
        _of_typed(_invented(**changes))
    missing = _invented()
    del missing["quote"]
    with pytest.raises(ValidationError):
        _of_typed(missing)


def test_a_typed_claim_has_its_own_list_of_currencies() -> None:
    candidates = ["USD", "CAD"]
    claim = _of_typed(_invented(currency_candidates=candidates))
    candidates.append("AUD")
    assert claim.currency_candidates == ["USD", "CAD"]


def test_the_defaults_are_the_models_fields_in_order() -> None:
    assert list(_CLAIM_DEFAULTS) == list(Claim.model_fields)


def test_the_rules_backend_makes_the_claims_validation_would() -> None:
    text = (
        "OpenAI will spend $4.5 billion on a data center in Ohio, its largest order. "
        "About 1,200 workers will build the 2 GW campus by 2031, Oracle said."
    )
    digest = hashlib.sha256(text.encode()).hexdigest()
    article = Article(
        id="wire-7", text=text, content_hash=digest, source="w.txt", format="text", language="en"
    )
    claims = RulesExtractor().propose(article)
    assert claims
    for claim in claims:
        _same_claim(claim, Claim(**claim.model_dump(exclude_unset=True)))


_PIECES = st.sampled_from(
    ["Acme", " paid", " $5 billion", " in 2024", ".", " ", "\n\n", "By 2026,", " 12%", "Mr. X", "!"]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_PIECES, max_size=16))
def test_sentence_starts_are_the_spans_starts(pieces: list[str]) -> None:
    from bisect import bisect_left

    from stargate_digest.segment import Sentences

    sentences = Sentences("".join(pieces), "en")
    assert sentences.starts == [span.start for span in sentences.spans]
    for span in sentences.spans:  # the look-up the extractors make, without a key
        expected = bisect_left(sentences.spans, span.start, key=lambda s: s.start)
        assert bisect_left(sentences.starts, span.start) == expected


@settings(max_examples=200, deadline=None)
@given(st.lists(_PIECES, max_size=16))
def test_as_of_and_verification_with_the_starts_given_answer_as_without(
    pieces: list[str],
) -> None:
    from stargate_digest.extractors.moment_rules import as_of
    from stargate_digest.quantities import find_mentions
    from stargate_digest.segment import Sentences, clause_around
    from stargate_digest.verify import verify_claim

    text = "".join(pieces)
    mentions = find_mentions(text, "en")
    starts = [m.start for m in mentions]
    sentences = Sentences(text, "en")
    for mention in mentions:
        sentence = sentences.containing(mention.start)
        clause = clause_around(text, sentence, mention.start, mention.end)
        given = as_of(mentions, mention, clause, sentence, text, starts=starts)
        assert given == as_of(mentions, mention, clause, sentence, text)
    article = Article(
        id="w", text=text, content_hash="0", source="w.txt", format="text", language="en"
    )
    for mention in mentions:
        sentence = sentences.containing(mention.start)
        fields = _invented(
            value=mention.value,
            unit=mention.unit,
            quote=sentence.text(text),
            start=sentence.start,
            end=sentence.end,
            as_of="2024",
        )
        claim = Claim(**fields)
        verified = verify_claim(
            claim, article, sentences=sentences, article_mentions=mentions, mention_starts=starts
        )
        assert verified == verify_claim(
            claim, article, sentences=sentences, article_mentions=mentions
        )

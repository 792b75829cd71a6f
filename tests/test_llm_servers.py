"""The LLM backend against servers as strict (or as lax) as the real ones: issue 15's faults.

Every test runs against tests/fake_openai.py in one of its server modes (``openai`` as
strict as the API, ``ollama`` that ignores schemas, ``llamacpp`` that refuses
``json_schema``); each failed on the code before the fix it names.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from fake_openai import (
    FakeOpenAI,
    Reply,
    Responder,
    attempt,
    by_attempt,
    claim,
    claims_reply,
    completion,
    error,
    in_turn,
    invalid_request,
    rate_limited,
)

from stargate_digest.extractors.llm import LLMExtractor, LLMSettings
from stargate_digest.extractors.llm_schema import response_json_schema
from stargate_digest.models import Article, ArticleClaims

TEXT = (
    "OpenAI and SoftBank said the Stargate venture will invest $500 billion over four "
    "years. Masayoshi Son will chair Stargate.\n\n"
    "The first $100 billion will be deployed immediately in Texas."
)
GOOD = [
    claim("will invest $500 billion over four years", 500e9, "USD"),
    claim("Masayoshi Son will chair Stargate", None, None, metric="leadership"),
]


def article(text: str = TEXT, id: str = "a1", **extra: Any) -> Article:
    return Article(
        id=id,
        text=text,
        content_hash=hashlib.sha256(text.encode()).hexdigest(),
        source=f"{id}.txt",
        format="text",
        language="en",
        **extra,
    )


def run(
    responder: Responder,
    articles: list[Article] | None = None,
    *,
    server: str = "openai",
    **overrides: Any,
) -> tuple[list[ArticleClaims], FakeOpenAI]:
    with FakeOpenAI(responder, server=server) as fake:
        values: dict[str, Any] = {"base_url": fake.base_url, "api_key": "sk-test",
                                  "max_retries": 0, "reask_wait": 0.0,
                                  "request_timeout": 5.0}  # fmt: skip
        extractor = LLMExtractor(LLMSettings(**(values | overrides)))
        results = asyncio.run(extractor.extract_many(articles or [article()]))
    return results, fake


def formats(fake: FakeOpenAI) -> list[str]:
    return [r["response_format"]["type"] for r in fake.chat_requests]


# -- fault 1: the mode is decided once per server, before fanning out ----------------


@pytest.mark.parametrize("concurrency", [2, 8])
def test_a_server_that_refuses_strict_schemas_fails_no_article(concurrency: int) -> None:
    articles = [article(id=f"a{n}") for n in range(8)]
    results, fake = run(
        in_turn(claims_reply(GOOD)), articles, server="llamacpp", concurrency=concurrency
    )
    assert [r.error for r in results] == [None] * 8
    assert formats(fake).count("json_schema") == 1  # the first answer decides, once
    assert len(fake.chat_requests) == 9


# -- fault 2: the fallback's trigger ------------------------------------------------


def test_openais_own_invalid_schema_error_is_not_a_reason_to_drop_the_schema() -> None:
    bad_schema = invalid_request(
        "Invalid schema for response_format 'LLMAnswer': In context=(), 'additionalProperties' "
        "is required to be supplied and to be false.",
        "response_format", "invalid_json_schema",
    )  # fmt: skip
    results, fake = run(in_turn(bad_schema, claims_reply(GOOD)), [article(), article(id="a2")])
    assert formats(fake) == ["json_schema"]  # no silent downgrade, no second article sent
    assert all(r.error and "rejected the answer schema" in r.error for r in results)


def test_a_422_for_json_schema_falls_back_to_json_mode() -> None:
    def respond(request: dict[str, Any]) -> Reply:
        if request["response_format"]["type"] == "json_schema":
            return error(422, "Unprocessable Entity: unsupported response_format json_schema")
        return claims_reply(GOOD)

    [result], fake = run(respond)
    assert result.error is None and len(result.claims) == 2
    assert formats(fake) == ["json_schema", "json_object"]


def test_a_server_that_ignores_the_schema_and_fences_its_answer_is_understood() -> None:
    fenced = completion("```json\n" + json.dumps({"claims": GOOD}) + "\n```")
    [result], fake = run(in_turn(fenced), server="ollama")
    assert result.error is None and [c.verified for c in result.claims] == [True, True]
    assert len(fake.chat_requests) == 1


def test_a_server_that_answers_prose_to_a_schema_gets_json_mode_with_the_schema() -> None:
    def respond(request: dict[str, Any]) -> Reply:
        if request["response_format"]["type"] == "json_schema":
            return completion("Here are the claims: Stargate will invest $500 billion.")
        return claims_reply(GOOD)

    [result], fake = run(respond, server="ollama")
    assert result.error is None and len(result.claims) == 2
    assert formats(fake) == ["json_schema", "json_object"]


def test_json_mode_still_sends_the_schema_for_servers_that_enforce_it() -> None:
    [result], fake = run(in_turn(claims_reply(GOOD)), server="llamacpp")
    assert result.error is None
    fallback = fake.chat_requests[-1]["response_format"]
    assert fallback["type"] == "json_object" and fallback["schema"] == response_json_schema()
    assert "max_tokens" in fake.chat_requests[-1]


# -- fault 3: reasoning models ----------------------------------------------------------


@pytest.mark.parametrize("model", ["o4-mini", "o3", "gpt-5-mini", "o1"])
def test_reasoning_models_get_neither_temperature_nor_max_tokens(model: str) -> None:
    [result], fake = run(in_turn(claims_reply(GOOD)), model=model)
    assert result.error is None, result.error
    sent = fake.chat_requests[0]
    assert "temperature" not in sent and "max_tokens" not in sent
    assert sent["max_completion_tokens"] > 0


def test_reasoning_models_in_json_mode_get_max_completion_tokens() -> None:
    [result], fake = run(in_turn(claims_reply(GOOD)), model="o3-mini", mode="json")
    assert result.error is None, result.error
    assert "max_tokens" not in fake.chat_requests[0]


def test_the_temperature_can_be_set() -> None:
    _, fake = run(in_turn(claims_reply(GOOD)), temperature=0.3)
    assert fake.chat_requests[0]["temperature"] == 0.3
    _, fake = run(in_turn(claims_reply(GOOD)))
    assert fake.chat_requests[0]["temperature"] == 0.0  # deterministic where the model allows


def test_a_rate_limit_is_waited_out_as_the_server_says() -> None:
    [result], fake = run(in_turn(rate_limited("0"), claims_reply(GOOD)), max_retries=2)
    assert result.error is None and len(fake.chat_requests) == 2


# -- fault 4: a re-ask keeps the best, asks only for what failed ----------------------


def test_a_reask_keeps_what_was_verified_and_asks_only_for_the_rest() -> None:
    bad = claim("will invest $500 billion over four years", 900e9, "USD")
    responder = by_attempt(claims_reply([*GOOD, bad]), claims_reply([bad]), claims_reply([bad]))
    [result], fake = run(responder, max_attempts=3)
    assert len(fake.chat_requests) == 3
    assert sorted((c.value or 0, c.verified) for c in result.claims) == [
        (0, True), (500e9, True), (900e9, False),
    ]  # fmt: skip
    reask = fake.chat_requests[1]["messages"][-1]["content"]
    assert "900" in reask and "Masayoshi" not in reask


# -- fault 5: the prompt and the verifier agree -----------------------------------------


def test_a_money_metric_with_a_count_unit_is_not_verified() -> None:
    text = "Stargate will build 10 data centres in Texas."
    miscounted = claim("Stargate will build 10 data centres", 10, "count")
    [result], _ = run(in_turn(claims_reply([miscounted])), [article(text)], max_attempts=1)
    [only] = result.claims
    assert not only.verified and only.verification_note
    assert "total_investment" in only.verification_note


def test_a_year_taken_from_the_published_header_still_verifies() -> None:
    text = "Stargate was announced on January 21 at the White House."
    dated = claim("Stargate was announced on January 21", "2025-01-21", "date",
                  metric="announcement_date")  # fmt: skip
    published = datetime(2025, 1, 22, tzinfo=UTC)
    [result], _ = run(in_turn(claims_reply([dated])), [article(text, published=published)],
                      max_attempts=1)  # fmt: skip
    [only] = result.claims
    assert only.verified and only.value == "--01-21"  # what the text says; no invented year


def test_the_prompt_asks_for_a_whole_passage_not_the_shortest() -> None:
    extractor = LLMExtractor(LLMSettings())
    assert "shortest" not in extractor.prompt.system


# -- fault 9: smaller ---------------------------------------------------------------------


def test_an_answer_without_choices_is_that_articles_problem_not_a_crash() -> None:
    empty = Reply(body={"id": "x", "object": "chat.completion", "created": 0,
                        "model": "m", "choices": []})  # fmt: skip
    results, _ = run(in_turn(empty), [article(), article(id="a2")], max_attempts=1)
    assert all(r.error and "no choices" in r.error for r in results)


def test_a_reask_after_an_answer_without_choices_succeeds() -> None:
    def respond(request: dict[str, Any]) -> Reply:
        if attempt(request) == 0 and len(request["messages"]) == 2:
            return Reply(body={"id": "x", "object": "chat.completion", "created": 0,
                               "model": "m", "choices": []})  # fmt: skip
        return claims_reply(GOOD)

    [result], _ = run(respond)
    assert result.error is None and len(result.claims) == 2


def test_the_dry_run_counts_the_schema_and_a_realistic_answer(seeds_dir: Path) -> None:
    from stargate_digest.extractors.budget import count_tokens
    from stargate_digest.ingest import load_articles

    articles = load_articles([seeds_dir]).articles
    extractor = LLMExtractor(LLMSettings())
    estimates = extractor.estimate(articles)
    schema = count_tokens(json.dumps(response_json_schema()), extractor.settings.model)
    answers = json.loads((Path(__file__).parent / "llm" / "seed_answers.json").read_text())
    for a, estimate in zip(articles, estimates, strict=True):
        body = extractor.messages(a, extractor.parts(a)[0], "1/1")
        shown = sum(count_tokens(str(m["content"]), extractor.settings.model) for m in body)
        assert estimate.prompt_tokens >= shown + schema
        written = count_tokens(json.dumps({"claims": answers[a.id]}), extractor.settings.model)
        assert written / 2 <= estimate.output_tokens <= written * 2, a.id


def test_a_fuzzy_quote_is_never_cut_mid_word() -> None:
    from stargate_digest.verify import align_quote

    text = "Officials said Stargate would eventually invest roughly $500 billion in America."
    located = align_quote(text, "Stargate would eventualy invest roughly $500 billon")
    assert located is not None
    start, end, _ = located
    assert not (text[start - 1].isalnum() and text[start].isalnum())
    assert not (text[end - 1].isalnum() and end < len(text) and text[end].isalnum())


# -- fault 10: an article title cannot rewrite the prompt ----------------------------------


def test_a_title_with_template_markers_is_copied_not_expanded() -> None:
    _, fake = run(in_turn(claims_reply(GOOD)), [article(title="Headline {{text}}")])
    user = fake.chat_requests[0]["messages"][1]["content"]
    assert "Title: Headline {{text}}\n" in user
    assert user.count("will invest $500 billion") == 1


# -- issue 13, item 12: verify first, then keep the best-supported copy --------------------


def test_of_two_copies_of_a_figure_the_verified_one_is_kept() -> None:
    badly = claim("Stargate will invest 500 billion dollars", 500e9, "USD")
    well = claim("will invest $500 billion over four years", 500e9, "USD")
    [result], _ = run(in_turn(claims_reply([badly, well])), max_attempts=1)
    [only] = result.claims
    assert only.verified and only.quote == "will invest $500 billion over four years"


# -- issue 12: scope, as_of and ranges in the answer --------------------------------------


def test_ranges_and_dates_of_reference_reach_the_claim() -> None:
    text = "As of September 2025, Stargate expects to spend $15-25 billion on the site."
    ranged = claim("Stargate expects to spend $15-25 billion", 15e9, "USD",
                   value_max=25e9, as_of="2025-09")  # fmt: skip
    [result], fake = run(in_turn(claims_reply([ranged])), [article(text)])
    [only] = result.claims
    assert (only.value, only.value_max, only.as_of) == (15e9, 25e9, "2025-09")
    schema = fake.chat_requests[0]["response_format"]["json_schema"]["schema"]
    claim_schema = schema["$defs"]["LLMClaim"]["properties"]
    assert {"value_max", "as_of", "scope"} <= set(claim_schema)


# -- fault 7: Ollama ----------------------------------------------------------------------


def test_ollama_gets_max_tokens_which_is_all_it_reads() -> None:
    with FakeOpenAI(in_turn(claims_reply(GOOD)), server="ollama") as fake:
        settings = LLMSettings(base_url=fake.base_url, server="ollama", context_tokens=16_384)
        [result] = asyncio.run(LLMExtractor(settings).extract_many([article()]))
    assert result.error is None
    assert fake.chat_requests[0]["max_tokens"] == 4096
    assert "max_completion_tokens" not in fake.chat_requests[0]


def test_prompts_are_sized_to_the_servers_context() -> None:
    from stargate_digest.errors import ConfigurationError
    from stargate_digest.extractors.llm_settings import guess_server

    assert guess_server("http://localhost:11434/v1") == "ollama"
    assert guess_server(None) == guess_server("https://api.openai.com/v1") == "openai"
    assert guess_server("https://me.openai.azure.com/openai/v1") == "azure"
    default = LLMExtractor(LLMSettings(base_url="http://localhost:11434/v1"))
    with pytest.raises(ConfigurationError, match="OLLAMA_CONTEXT_LENGTH"):
        default.parts(article())
    sized = LLMExtractor(LLMSettings(base_url="http://localhost:11434/v1", context_tokens=8192,
                                     max_output_tokens=2048))  # fmt: skip
    assert sized.requests.input_budget() == 8192 - 2048
    long_text = "\n\n".join(f"Paragraph {n}: Stargate will invest $500 billion. " * 30
                            for n in range(8))  # fmt: skip
    for span in sized.parts(article(long_text)):
        assert sized.requests.prompt_tokens(article(long_text), span) <= 8192 - 2048


def test_the_request_timeout_is_a_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    from argparse import Namespace

    assert LLMSettings.from_options(Namespace(request_timeout=7.5)).request_timeout == 7.5
    monkeypatch.setenv("STARGATE_DIGEST_REQUEST_TIMEOUT", "9")
    assert LLMSettings.from_env().request_timeout == 9.0
    assert LLMSettings.environment()["request_timeout"] == "STARGATE_DIGEST_REQUEST_TIMEOUT"


def test_a_server_that_never_answers_does_not_make_articles_wait_in_line() -> None:
    """Probing is one request at a time; when no probe gets an answer, the rest of the run
    fails at once instead of each article spending its own time-outs in turn."""
    articles = [article(id=f"a{n}") for n in range(6)]
    results, fake = run(in_turn(Reply(drop=True)), articles)
    assert all(r.error and r.error.startswith("could not connect to the API") for r in results)
    assert len(fake.chat_requests) == 2


def test_a_failed_copy_of_a_verified_figure_costs_no_reask() -> None:
    badly = claim("Stargate will invest 500 billion dollars", 500e9, "USD")
    well = claim("will invest $500 billion over four years", 500e9, "USD")
    [result], fake = run(in_turn(claims_reply([well, badly])), max_attempts=3)
    assert len(fake.chat_requests) == 1
    assert [(c.quote, c.verified) for c in result.claims] == [
        ("will invest $500 billion over four years", True)
    ]

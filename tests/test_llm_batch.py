"""The Batch API path against the fake: no paid answer lost, every failure named (fault 6)."""

from __future__ import annotations

import asyncio
import hashlib
import json
from pathlib import Path
from typing import Any

import pytest
from fake_openai import FakeOpenAI, Reply, article_id, claim, claims_reply, error, in_turn

from stargate_digest.errors import BatchError
from stargate_digest.extractors import batch
from stargate_digest.extractors.llm import LLMExtractor, LLMSettings
from stargate_digest.models import Article
from stargate_digest.store import Store

TEXT = "OpenAI and SoftBank said the Stargate venture will invest $500 billion over four years."
GOOD = [claim("will invest $500 billion over four years", 500e9, "USD")]


def article(id: str) -> Article:
    text = f"{TEXT} ({id})"
    return Article(id=id, text=text, content_hash=hashlib.sha256(text.encode()).hexdigest(),
                   source=f"{id}.txt", format="text", language="en")  # fmt: skip


def extractor(fake: FakeOpenAI, store: Store | None = None) -> LLMExtractor:
    settings = LLMSettings(base_url=fake.base_url, api_key="sk-test", max_retries=0,
                           poll_interval=0.01, server="openai")  # fmt: skip
    return LLMExtractor(settings, store=store)


def batch_posts(fake: FakeOpenAI) -> int:
    return sum(1 for path, _ in fake.requests if path.endswith("/batches"))


def test_an_expired_batch_keeps_its_finished_answers_and_names_the_rest(tmp_path: Path) -> None:
    articles = [article("a1"), article("a2")]
    with Store(tmp_path / "s.sqlite") as store, FakeOpenAI(in_turn(claims_reply(GOOD))) as fake:
        fake.batch_outcome, fake.batch_answered = "expired", 1
        done, lost = asyncio.run(extractor(fake, store).extract_batch(articles))
        again = extractor(fake, store).cached(articles[0])
    assert done.error is None and [c.verified for c in done.claims] == [True]
    assert lost.error is not None and "batch_expired" in lost.error
    assert again is not None  # the paid answer is in the cache


def test_failed_lines_in_the_error_file_are_named(tmp_path: Path) -> None:
    def respond(request: dict[str, Any]) -> Reply:
        return (
            error(500, "The server had an error")
            if article_id(request) == "a2"
            else (claims_reply(GOOD))
        )

    with FakeOpenAI(respond) as fake:
        fake.batch_outcome = "partial"
        ok, failed = asyncio.run(extractor(fake).extract_batch([article("a1"), article("a2")]))
    assert ok.error is None
    assert failed.error is not None and "The server had an error" in failed.error


def test_requests_beyond_the_limit_go_in_further_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(batch, "MAX_REQUESTS", 2)
    articles = [article(f"a{n}") for n in range(5)]
    with FakeOpenAI(in_turn(claims_reply(GOOD))) as fake:
        results = asyncio.run(extractor(fake).extract_batch(articles))
    assert [r.error for r in results] == [None] * 5
    assert batch_posts(fake) == 3


def test_batches_are_cut_by_size_too() -> None:
    lines = ["x" * 60 + "\n"] * 5
    assert [len(group) for group in batch.chunks(lines, max_bytes=150)] == [2, 2, 1]


def test_an_api_error_is_one_sentence_not_an_internal_error() -> None:
    with FakeOpenAI(in_turn(claims_reply(GOOD))) as fake:
        fake.batch_refusal = error(404, "Invalid URL (POST /v1/batches)")
        with pytest.raises(BatchError, match=r"^the Batch API failed: HTTP 404: Invalid URL"):
            asyncio.run(extractor(fake).extract_batch([article("a1")]))


def test_a_crash_while_storing_leaves_the_batch_to_resume(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Store(tmp_path / "s.sqlite") as store, FakeOpenAI(in_turn(claims_reply(GOOD))) as fake:
        crashing = extractor(fake, store)

        def crash(*args: object) -> None:
            raise OSError("disk full")

        monkeypatch.setattr(crashing, "finish", crash)
        with pytest.raises(OSError, match="disk full"):
            asyncio.run(crashing.extract_batch([article("a1")]))
        [result] = asyncio.run(extractor(fake, store).extract_batch([article("a1")]))
    assert result.error is None and len(result.claims) == 1
    assert batch_posts(fake) == 1  # resumed, not paid for twice


def test_the_uploaded_requests_are_the_interactive_ones() -> None:
    with FakeOpenAI(in_turn(claims_reply(GOOD))) as fake:
        one = extractor(fake)
        asyncio.run(one.extract_batch([article("a1")]))
        uploaded = [json.loads(line) for line in next(iter(fake.files.values())).splitlines()]
    body = uploaded[0]["body"]
    messages = one.messages(article("a1"), one.parts(article("a1"))[0], "1/1")
    assert body == one.requests.body(messages, "strict")

"""Large backfills through the OpenAI Batch API: half price, results within 24 hours.

The requests are the same as the interactive ones (same prompt, same strict schema,
one per article part), written as JSONL, uploaded and submitted as one batch. The batch
id is kept in the store under a hash of the request set, so a run that is interrupted
while it waits picks the same batch up again instead of paying twice. Answers are
checked and verified exactly like interactive ones; what cannot be fixed without a
second call (a truncated or invalid answer) becomes that article's error.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final

from stargate_digest.extractors.llm import ExtractionError, LLMExtractor, UsageTally, final_answer
from stargate_digest.extractors.llm_schema import LLMAnswer, LLMClaim
from stargate_digest.models import Article, ArticleClaims

if TYPE_CHECKING:
    from openai import AsyncOpenAI
    from openai.types import Batch

log = logging.getLogger(__name__)

ENDPOINT: Final = "/v1/chat/completions"
_DONE = ("completed", "failed", "expired", "cancelled")


@dataclass(frozen=True)
class _Request:
    custom_id: str
    position: int  # of the article in the run: ids need not be unique across folders
    line: str


def _requests(extractor: LLMExtractor, articles: Sequence[Article]) -> list[_Request]:
    """One JSONL line per article part, custom ids ``{position}:{article.id}:{part}``."""
    from openai.lib._parsing._completions import type_to_response_format_param

    response_format = type_to_response_format_param(LLMAnswer)
    settings = extractor.settings
    made = []
    for position, article in enumerate(articles):
        parts = extractor.parts(article)
        for number, span in enumerate(parts, start=1):
            body: dict[str, Any] = {
                "model": settings.model,
                "messages": extractor.messages(article, span, f"{number}/{len(parts)}"),
                "response_format": response_format,
                "max_completion_tokens": settings.max_output_tokens,
            }
            if settings.temperature is not None:
                body["temperature"] = settings.temperature
            custom_id = f"{position}:{article.id}:{number}"
            line = {"custom_id": custom_id, "method": "POST", "url": ENDPOINT, "body": body}
            made.append(_Request(custom_id, position, json.dumps(line, ensure_ascii=False)))
    return made


async def _submit(client: AsyncOpenAI, data: bytes) -> str:
    upload = await client.files.create(file=("stargate-digest.jsonl", data), purpose="batch")
    batch = await client.batches.create(
        input_file_id=upload.id, endpoint=ENDPOINT, completion_window="24h"
    )
    return batch.id


async def _wait(client: AsyncOpenAI, batch_id: str, poll_interval: float) -> Batch:
    while True:
        batch = await client.batches.retrieve(batch_id)
        if batch.status in _DONE:
            return batch
        log.info("batch %s: %s", batch_id, batch.status)
        await asyncio.sleep(poll_interval)


async def extract_batch(
    extractor: LLMExtractor, articles: Sequence[Article]
) -> list[ArticleClaims]:
    """Claims for every article, cached ones from the store, the rest in one batch."""
    cached = [extractor.cached(a) for a in articles]
    todo = [a for a, hit in zip(articles, cached, strict=True) if hit is None]
    if not todo:
        return [hit for hit in cached if hit is not None]
    requests = _requests(extractor, todo)
    data = "".join(r.line + "\n" for r in requests).encode("utf-8")
    request_key = hashlib.sha256(data).hexdigest()
    store = extractor.store
    async with extractor.settings.client() as client:
        batch_id = store.pending_batch(request_key) if store else None
        if batch_id is None:
            batch_id = await _submit(client, data)
            log.info("submitted batch %s with %d requests", batch_id, len(requests))
            if store:
                store.record_batch(batch_id, request_key, "submitted")
        else:
            log.info("resuming batch %s", batch_id)
        batch = await _wait(client, batch_id, extractor.settings.poll_interval)
        output = ""
        if batch.status == "completed" and batch.output_file_id:
            output = (await client.files.content(batch.output_file_id)).text
    if store:
        store.record_batch(batch_id, request_key, batch.status)
    fresh = iter(_results(extractor, todo, requests, output, batch.status))
    return [hit or next(fresh) for hit in cached]


def _results(
    extractor: LLMExtractor,
    articles: Sequence[Article],
    requests: Sequence[_Request],
    output: str,
    status: str,
) -> list[ArticleClaims]:
    """One result per article, in order; requests are matched by custom id."""
    bodies: dict[str, dict[str, Any]] = {}
    for line in output.splitlines():
        record = json.loads(line)
        response = record.get("response") or {}
        if response.get("status_code") == 200:
            bodies[record["custom_id"]] = response.get("body") or {}
    by_article: dict[int, list[_Request]] = {}
    for request in requests:
        by_article.setdefault(request.position, []).append(request)
    return [
        _result(extractor, article, by_article[position], bodies, status)
        for position, article in enumerate(articles)
    ]


def _result(
    extractor: LLMExtractor,
    article: Article,
    requests: Sequence[_Request],
    bodies: dict[str, dict[str, Any]],
    status: str,
) -> ArticleClaims:
    """One article's answers (one per part), checked and verified; or its error."""
    tally = UsageTally()
    proposed: list[LLMClaim] = []
    try:
        for request in requests:
            body = bodies.get(request.custom_id)
            if body is None:
                raise ExtractionError(f"the batch ended {status} without an answer for it")
            tally.add(body.get("usage"))
            proposed += final_answer(body).claims
    except ExtractionError as exc:
        usage = tally.usage(extractor.settings.model, batch=True)
        return extractor.failure(article, str(exc), usage)
    return extractor.finish(article, proposed, tally.usage(extractor.settings.model, batch=True))

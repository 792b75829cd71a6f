"""Large backfills through the OpenAI Batch API: half price, results within 24 hours.

This module knows only the Batch API: it takes request bodies (built by the same
request builder as interactive calls) and returns the raw answer body, or the reason
there is none, for each request; the extractor reads and verifies the answers. So the
imports run one way, ``llm`` -> ``batch``.

Requests are split into batches of at most 50,000 requests and 200 MB (the API's
limits). Each batch id is kept in the store under a hash of its request lines, so a run
interrupted while it waits picks the same batch up again instead of paying twice, and a
batch is recorded as finished only after its answers are stored (``record_finished``,
called by the extractor once the results are in the cache). Answers are read whatever
way the batch ended: an expired or cancelled batch keeps, and bills, what it finished,
and the error file names each request that failed and why.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Final

from stargate_digest.errors import BatchError

if TYPE_CHECKING:
    from openai import AsyncOpenAI
    from openai.types import Batch

    from stargate_digest.store import Store

log = logging.getLogger(__name__)

ENDPOINT: Final = "/v1/chat/completions"
MAX_REQUESTS: Final = 50_000
MAX_BYTES: Final = 200 * 1024 * 1024
_DONE = ("completed", "failed", "expired", "cancelled")


@dataclass(frozen=True)
class BatchRequest:
    """One chat-completions request of a batch."""

    custom_id: str
    body: dict[str, Any]

    def line(self) -> str:
        record = {"custom_id": self.custom_id, "method": "POST", "url": ENDPOINT,
                  "body": self.body}  # fmt: skip
        return json.dumps(record, ensure_ascii=False) + "\n"


@dataclass
class BatchResults:
    """The answer body or the failure of every request, and the batches to record."""

    answers: dict[str, dict[str, Any]] = field(default_factory=dict)
    failures: dict[str, str] = field(default_factory=dict)
    finished: list[tuple[str, str, str]] = field(default_factory=list)  # id, key, status


def chunks(
    lines: Sequence[str], max_requests: int | None = None, max_bytes: int | None = None
) -> list[list[str]]:
    """Lines grouped into batches within the API's request and size limits."""
    max_requests = max_requests or MAX_REQUESTS
    max_bytes = max_bytes or MAX_BYTES
    groups: list[list[str]] = [[]]
    size = 0
    for line in lines:
        length = len(line.encode("utf-8"))
        if groups[-1] and (len(groups[-1]) >= max_requests or size + length > max_bytes):
            groups.append([])
            size = 0
        groups[-1].append(line)
        size += length
    return [group for group in groups if group]


async def run_batches(
    client: AsyncOpenAI,
    requests: Sequence[BatchRequest],
    store: Store | None,
    poll_interval: float,
) -> BatchResults:
    """Submit (or resume) the batches for ``requests``, wait for them, read every answer."""
    import openai

    results = BatchResults()
    for group in chunks([r.line() for r in requests]):
        data = "".join(group).encode("utf-8")
        key = hashlib.sha256(data).hexdigest()
        try:
            batch = await _one(client, data, key, len(group), store, poll_interval)
            await _collect(client, batch, results)
        except openai.OpenAIError as exc:
            raise BatchError(f"the Batch API failed: {_reason(exc)}") from None
        results.finished.append((batch.id, key, batch.status))
        for line in group:
            custom_id = json.loads(line)["custom_id"]
            if custom_id not in results.answers and custom_id not in results.failures:
                results.failures[custom_id] = f"the batch ended {batch.status} without an answer"
    return results


def record_finished(store: Store | None, results: BatchResults) -> None:
    """Mark the batches finished: call only after their answers are stored."""
    if store is not None:
        for batch_id, key, status in results.finished:
            store.record_batch(batch_id, key, status)


async def _one(  # noqa: PLR0917 (private; every argument is needed)
    client: AsyncOpenAI, data: bytes, key: str, count: int, store: Store | None, poll: float
) -> Batch:
    batch_id = store.pending_batch(key) if store else None
    if batch_id is None:
        upload = await client.files.create(file=("stargate-digest.jsonl", data), purpose="batch")
        created = await client.batches.create(
            input_file_id=upload.id, endpoint=ENDPOINT, completion_window="24h"
        )
        batch_id = created.id
        log.info("submitted batch %s with %d requests", batch_id, count)
        if store:
            store.record_batch(batch_id, key, "submitted")
    else:
        log.info("resuming batch %s", batch_id)
    while True:
        batch = await client.batches.retrieve(batch_id)
        if batch.status in _DONE:
            return batch
        log.info("batch %s: %s", batch_id, batch.status)
        await asyncio.sleep(poll)


async def _collect(client: AsyncOpenAI, batch: Batch, results: BatchResults) -> None:
    """Answers from the output file and failures from the error file, whatever the status."""
    if batch.output_file_id:
        output = (await client.files.content(batch.output_file_id)).text
        for record in _records(output):
            response = record.get("response") or {}
            custom_id = str(record.get("custom_id"))
            if response.get("status_code") == 200:
                results.answers[custom_id] = response.get("body") or {}
            else:
                results.failures[custom_id] = _line_error(record)
    if batch.error_file_id:
        errors = (await client.files.content(batch.error_file_id)).text
        for record in _records(errors):
            results.failures[str(record.get("custom_id"))] = _line_error(record)
    if batch.status == "failed" and batch.errors and batch.errors.data:
        first = batch.errors.data[0]
        raise BatchError(f"the batch {batch.id} failed: {first.message or first.code}")


def _records(text: str) -> list[dict[str, Any]]:
    records = []
    for line in text.splitlines():
        if line.strip():
            record = json.loads(line)
            if isinstance(record, dict):
                records.append(record)
    return records


def _line_error(record: dict[str, Any]) -> str:
    """One sentence for a request the batch could not answer."""
    error = record.get("error") or {}
    response = record.get("response") or {}
    body_error = (response.get("body") or {}).get("error") or {}
    message = error.get("message") or body_error.get("message") or "no reason given"
    code = error.get("code") or body_error.get("code") or response.get("status_code")
    return f"the batch could not answer it ({code}: {str(message).splitlines()[0][:200]})"


def _reason(exc: Exception) -> str:
    import openai

    from stargate_digest.extractors.llm_settings import error_detail

    if isinstance(exc, openai.APIStatusError):
        return f"HTTP {exc.status_code}: {error_detail(exc)}"
    if isinstance(exc, openai.APIConnectionError):
        return "could not connect to the API"
    return str(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__

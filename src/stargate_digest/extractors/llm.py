"""The LLM extractor (backend ``openai``): the model proposes claims, ``verify`` decides.

Any OpenAI-compatible chat-completions endpoint works: OpenAI, Azure OpenAI (v1 API),
vLLM, Ollama, llama.cpp (docs/llm.md has a section for each). This module is the re-ask
loop and the run; the jobs around it are modules of their own, imported one way:
``llm_settings`` (settings, model and server capabilities, the client), ``llm_request``
(messages and request bodies), ``llm_answer`` (reading answers, verified claims),
``llm_cost`` (usage and dry-run estimates) and ``batch`` (the Batch API).

The mode is decided once per server, before the run fans out: the first request asks
for strict ``json_schema``; if the server refuses it (a 400, 422 or 500 about the
response format, but not OpenAI's own "Invalid schema", which is a bug here) or answers
prose, every request after it uses JSON mode, which still carries the schema where the
server can enforce it. Failures are layered. The SDK retries transport errors (429 with
Retry-After, 5xx, time-outs, dropped connections) up to ``max_retries``. A re-ask
happens only when the answer itself is wrong (not JSON, not the schema, or claims that
fail verification): the verified claims are kept and the model is asked again for the
failed ones only. Truncation splits the input and asks again per half. A refusal, a
content filter or a 4xx ends that article with an error; the other articles go on.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from stargate_digest.errors import ExtractionError
from stargate_digest.extractors import api_key_configured
from stargate_digest.extractors.base import Progress
from stargate_digest.extractors.budget import cost_usd, count_tokens
from stargate_digest.extractors.llm_answer import (
    AnswerProblemError,
    TruncatedError,
    answer_of,
    checked,
    to_claims,
)
from stargate_digest.extractors.llm_cost import (
    Estimate,
    UsageTally,
    estimate_report,
    expected_output_tokens,
)
from stargate_digest.extractors.llm_request import RequestBuilder, RequestMode
from stargate_digest.extractors.llm_schema import SCHEMA_VERSION, LLMAnswer, LLMClaim
from stargate_digest.extractors.llm_settings import (
    DEFAULT_MODEL,
    LLMSettings,
    Mode,
    error_detail,
)
from stargate_digest.extractors.prompts import Prompt, load_prompt
from stargate_digest.models import Article, ArticleClaims, ExtractionUsage
from stargate_digest.quantities import find_mentions
from stargate_digest.segment import Span, split_sentences
from stargate_digest.store import CachedAnswer, Store, cache_key
from stargate_digest.topic import TopicProfile, load_topic

if TYPE_CHECKING:
    from openai import AsyncOpenAI
    from openai.types.chat import ChatCompletionMessageParam

__all__ = [
    "DEFAULT_MODEL", "Estimate", "ExtractionError", "LLMExtractor", "LLMSettings", "Mode",
    "UsageTally", "api_key_configured", "estimate_report",
]  # fmt: skip

log = logging.getLogger(__name__)

# A refused request whose message names one of these means: no strict schemas here.
_NO_STRICT_HINTS = ("response_format", "json_schema", "structured output", "strict")
# ... unless it is OpenAI validating the schema itself: then the schema is wrong.
_SCHEMA_INVALID = "invalid schema for response_format"
_PROBES_BEFORE_GIVING_UP = 2


class LLMExtractor:
    """Claims from an OpenAI-compatible model, each verified against its article."""

    name = "openai"

    def __init__(
        self,
        settings: LLMSettings | None = None,
        *,
        topic: TopicProfile | None = None,
        store: Store | None = None,
    ) -> None:
        self.settings = settings or LLMSettings.from_env()
        self.topic = topic or load_topic()
        self.prompt: Prompt = load_prompt(self.topic)
        self.requests = RequestBuilder(self.settings, self.prompt)
        self.store = store
        self._mode: Mode = self.settings.mode
        self._broken: str | None = None  # a server answer that dooms every request
        self._unanswered_probes = 0
        self._limit: asyncio.Semaphore | None = None
        self._deciding: asyncio.Lock | None = None

    @property
    def version(self) -> str:
        """The model, the prompt's content hash and the answer schema's version."""
        return f"openai/{self.settings.model}/{self.prompt.hash}/{SCHEMA_VERSION}"

    # -- public API ------------------------------------------------------------------

    def extract(self, article: Article) -> ArticleClaims:
        """Claims for one article (the synchronous form of ``extract_many``)."""
        return asyncio.run(self.extract_many([article]))[0]

    async def extract_many(
        self, articles: Sequence[Article], progress: Progress | None = None
    ) -> list[ArticleClaims]:
        """Claims for every article, in order, at most ``concurrency`` calls at a time."""
        report = progress or (lambda _done: None)
        cached = [self.cached(a) for a in articles]
        todo = [a for a, hit in zip(articles, cached, strict=True) if hit is None]
        report(len(articles) - len(todo))
        if not todo:
            return [hit for hit in cached if hit is not None]
        self.requests.temperature()  # a setting the model refuses fails here, once
        self._limit = asyncio.Semaphore(self.settings.concurrency)
        self._deciding = asyncio.Lock()

        async def one(client: AsyncOpenAI, article: Article) -> ArticleClaims:
            result = await self._extract_one(client, article)
            report(1)
            return result

        async with self.settings.client() as client:
            fresh = iter(await asyncio.gather(*(one(client, a) for a in todo)))
        return [hit or next(fresh) for hit in cached]

    async def extract_batch(self, articles: Sequence[Article]) -> list[ArticleClaims]:
        """Claims for every article through the Batch API: one request per part, in
        strict mode (the Batch API is OpenAI's), answers verified like interactive ones."""
        from stargate_digest.extractors.batch import BatchRequest, record_finished, run_batches

        cached = [self.cached(a) for a in articles]
        todo = [a for a, hit in zip(articles, cached, strict=True) if hit is None]
        if not todo:
            return [hit for hit in cached if hit is not None]
        requests: list[list[BatchRequest]] = []
        for position, article in enumerate(todo):
            parts = self.parts(article)
            requests.append([
                BatchRequest(
                    f"{position}:{article.id}:{number}",
                    self.requests.body(
                        self.messages(article, span, f"{number}/{len(parts)}"), "strict"
                    ),
                )
                for number, span in enumerate(parts, start=1)
            ])  # fmt: skip
        async with self.settings.client() as client:
            results = await run_batches(
                client, [r for group in requests for r in group], self.store,
                self.settings.poll_interval,
            )  # fmt: skip
        fresh = []
        for article, group in zip(todo, requests, strict=True):
            tally = UsageTally()
            proposed: list[LLMClaim] = []
            try:
                for request in group:
                    body = results.answers.get(request.custom_id)
                    if body is None:
                        raise ExtractionError(results.failures[request.custom_id])
                    tally.add(body.get("usage"))
                    proposed += _final_answer(body).claims
            except ExtractionError as exc:
                usage = tally.usage(self.settings.model, batch=True)
                fresh.append(self.failure(article, str(exc), usage))
                continue
            usage = tally.usage(self.settings.model, batch=True)
            fresh.append(self.finish(article, proposed, usage))
        record_finished(self.store, results)  # only now: the answers are in the cache
        answers = iter(fresh)
        return [hit or next(answers) for hit in cached]

    def estimate(self, articles: Sequence[Article], *, batch: bool = False) -> list[Estimate]:
        """Tokens and cost each article would take, without calling anything."""
        estimates = []
        for article in articles:
            parts = self.parts(article)
            prompt = sum(self.requests.prompt_tokens(article, part) for part in parts)
            body = count_tokens(article.text, self.settings.model)
            output = sum(
                expected_output_tokens(len(find_mentions(p.text(article.text), article.language)))
                for p in parts
            )
            estimates.append(
                Estimate(
                    article.id, len(parts), prompt, body, output,
                    cost_usd(self.settings.model, prompt, output, batch=batch),
                )
            )  # fmt: skip
        return estimates

    def parts(self, article: Article) -> list[Span]:
        """The spans of ``article`` sent in separate requests to stay within the budget."""
        return self.requests.parts(article)

    def messages(
        self, article: Article, span: Span, label: str
    ) -> list[ChatCompletionMessageParam]:
        """System prompt first (a stable prefix for prompt caching), the article last."""
        return self.requests.messages(article, span, label)

    # -- one article -----------------------------------------------------------------

    def key(self, article: Article) -> str:
        """The cache key of ``article`` under this prompt, model and schema."""
        return cache_key(article.content_hash, self.prompt.hash, self.settings.model,
                         SCHEMA_VERSION)  # fmt: skip

    def cached(self, article: Article) -> ArticleClaims | None:
        """The result from the cache (verified afresh, ids for this article), if any."""
        found = self.store.get_answer(self.key(article)) if self.store else None
        if found is None:
            return None
        answer = LLMAnswer.model_validate_json(found.answer_json)
        usage = found.usage.model_copy(update={"calls": 0, "from_cache": True})
        return self.result(article, answer.claims, usage)

    async def _extract_one(self, client: AsyncOpenAI, article: Article) -> ArticleClaims:
        tally = UsageTally()
        try:
            proposed: list[LLMClaim] = []
            parts = self.parts(article)
            for number, span in enumerate(parts, start=1):
                label = f"{number}/{len(parts)}"
                proposed += await self._ask_part(client, article, span, label, tally)
        except ExtractionError as exc:
            log.info("%s: %s", article.id, exc)  # the caller reports article errors
            return self.failure(article, str(exc), tally.usage(self.settings.model))
        return self.finish(article, proposed, tally.usage(self.settings.model))

    def finish(
        self, article: Article, proposed: Sequence[LLMClaim], usage: ExtractionUsage
    ) -> ArticleClaims:
        """Cache every proposed claim (de-duplication comes after verification, so it
        is repeated on every read) and return the verified result."""
        answer = LLMAnswer(claims=list(proposed))
        if self.store:
            self.store.put_answer(
                self.key(article),
                content_hash=article.content_hash,
                prompt_hash=self.prompt.hash,
                model=self.settings.model,
                schema_version=SCHEMA_VERSION,
                answer=CachedAnswer(answer.model_dump_json(), usage),
            )
        return self.result(article, answer.claims, usage)

    def result(
        self, article: Article, proposed: Sequence[LLMClaim], usage: ExtractionUsage
    ) -> ArticleClaims:
        """The verified result for the model's claims."""
        return ArticleClaims(
            article=article,
            claims=to_claims(article, proposed, self.topic),
            backend=self.name,
            prompt_hash=self.prompt.hash,
            model=self.settings.model,
            usage=usage,
        )

    def failure(self, article: Article, error: str, usage: ExtractionUsage) -> ArticleClaims:
        """The result of an article that could not be extracted."""
        return ArticleClaims(
            article=article, backend=self.name, prompt_hash=self.prompt.hash,
            model=self.settings.model, usage=usage, error=error,
        )  # fmt: skip

    # -- the re-ask loop ---------------------------------------------------------------

    async def _ask_part(
        self, client: AsyncOpenAI, article: Article, span: Span, label: str, tally: UsageTally
    ) -> list[LLMClaim]:
        """Claims of one part; a truncated answer splits the part in two and asks again."""
        try:
            return await self._answer(client, article, self.messages(article, span, label), tally)
        except TruncatedError:
            halves = _halves(article.text, span)
            if halves is None:
                raise ExtractionError(
                    f"the model's answer was cut off at {self.settings.max_output_tokens} "
                    "tokens even for a single sentence"
                ) from None
            log.info("%s: answer truncated; splitting part %s in two", article.id, label)
            first = await self._ask_part(client, article, halves[0], f"{label}a", tally)
            return first + await self._ask_part(client, article, halves[1], f"{label}b", tally)

    async def _answer(
        self,
        client: AsyncOpenAI,
        article: Article,
        base: list[ChatCompletionMessageParam],
        tally: UsageTally,
    ) -> list[LLMClaim]:
        """The claims of one part over up to ``max_attempts`` asks: every verified claim
        is kept from the attempt that gave it; a re-ask asks only for the failed ones, and
        those still failing after the last attempt stay, marked unverified."""
        kept: list[LLMClaim] = []
        failing: list[LLMClaim] = []
        feedback: list[ChatCompletionMessageParam] = []
        problem: str | None = None
        answered = False
        for attempt in range(self.settings.max_attempts):
            if attempt:
                await asyncio.sleep(min(30.0, self.settings.reask_wait * 2 ** (attempt - 1)))
            try:
                answer = await self._call(client, [*base, *feedback], tally)
            except AnswerProblemError as exc:
                problem = exc.problem
                feedback = _reask(exc.content or "", f"Your answer had a problem: {problem}.")
                continue
            answered = True
            claims = checked(article, answer.claims, self.topic)
            kept += [raw for raw, c in zip(answer.claims, claims, strict=True) if c.verified]
            held = {_figure_key(raw) for raw in kept}
            # A failed copy of a figure already verified needs no re-ask: to_claims keeps
            # the verified copy anyway.
            pairs = [
                (raw, c)
                for raw, c in zip(answer.claims, claims, strict=True)
                if not c.verified and (raw.value is None or _figure_key(raw) not in held)
            ]
            failing = [raw for raw, _ in pairs]
            if not failing:
                return kept + [r for r, c in zip(answer.claims, claims, strict=True)
                               if not c.verified]  # fmt: skip
            notes = "; ".join(
                f"claim {number} (quote {c.quote!r}, value {c.value!r} {c.unit}): "
                f"{c.verification_note}"
                for number, (_, c) in enumerate(pairs, start=1)
            )
            content = LLMAnswer(claims=failing).model_dump_json()
            feedback = _reask(content, f"These claims failed verification: {notes}.")
        if not answered:
            raise ExtractionError(
                f"the model gave no valid answer in {self.settings.max_attempts} attempts "
                f"({problem})"
            )
        return kept + failing

    # -- one call, and the mode ---------------------------------------------------------

    async def _call(
        self, client: AsyncOpenAI, messages: list[ChatCompletionMessageParam], tally: UsageTally
    ) -> LLMAnswer:
        """One answer. While the mode is undecided, one request at a time decides it."""
        if self._broken:
            raise ExtractionError(self._broken)
        if self._mode == "auto":
            assert self._deciding is not None, "calls are made inside extract_many"
            async with self._deciding:
                if self._broken:
                    raise ExtractionError(self._broken)
                if self._mode == "auto":
                    return await self._probe(client, messages, tally)
        mode: RequestMode = "json" if self._mode == "json" else "strict"
        return await self._request(client, messages, tally, mode)

    async def _probe(
        self, client: AsyncOpenAI, messages: list[ChatCompletionMessageParam], tally: UsageTally
    ) -> LLMAnswer:
        """Ask in strict mode; the server's reaction decides the mode for the whole run."""
        import openai

        try:
            answer = await self._request(client, messages, tally, "strict", translate=False)
        except openai.APIStatusError as exc:
            message = exc.message.casefold()
            if exc.status_code == 400 and _SCHEMA_INVALID in message:
                self._broken = (
                    "the server rejected the answer schema, which is a bug in stargate-digest "
                    f"(HTTP 400: {error_detail(exc)}); please report it"
                )
                raise ExtractionError(self._broken) from None
            if exc.status_code in (400, 422, 500) and any(h in message for h in _NO_STRICT_HINTS):
                log.warning("the server does not take strict json_schema; using JSON mode")
                return await self._switch_to_json(client, messages, tally)
            raise ExtractionError(_api_error(exc)) from None
        except (openai.APITimeoutError, openai.APIConnectionError) as exc:
            raise ExtractionError(self._unreachable(_api_error(exc))) from None
        except openai.OpenAIError as exc:
            raise ExtractionError(_api_error(exc)) from None
        except AnswerProblemError as exc:
            if exc.json:
                self._mode = "strict"  # JSON, just wrong: the model's mistake, re-asked
                raise
            log.warning("the server ignored the json_schema (it answered prose); using JSON mode")
            return await self._switch_to_json(client, messages, tally)
        self._mode = "strict"
        return answer

    def _unreachable(self, sentence: str) -> str:
        """Probes go one at a time: after two that got no answer at all (the SDK's retries
        spent on each), the rest of the run fails at once rather than waiting in line."""
        self._unanswered_probes += 1
        if self._unanswered_probes >= _PROBES_BEFORE_GIVING_UP:
            self._broken = f"{sentence}; the first calls of this run failed the same way"
        return sentence

    async def _switch_to_json(
        self, client: AsyncOpenAI, messages: list[ChatCompletionMessageParam], tally: UsageTally
    ) -> LLMAnswer:
        self._mode = "json"
        return await self._request(client, messages, tally, "json")

    async def _request(
        self,
        client: AsyncOpenAI,
        messages: list[ChatCompletionMessageParam],
        tally: UsageTally,
        mode: RequestMode,
        *,
        translate: bool = True,
    ) -> LLMAnswer:
        import httpx2
        import openai

        assert self._limit is not None, "calls are made inside extract_many"
        body = self.requests.body(messages, mode)
        async with self._limit:
            try:
                # The SDK's documented way to send a body as it is: the body is already
                # complete, and the typed create() would walk all of it again (about 3 ms
                # a call on the event loop). Retries, time-outs and errors are the same.
                raw = await client.post("/chat/completions", body=body, cast_to=httpx2.Response)
            except openai.OpenAIError as exc:
                if not translate:
                    raise
                raise ExtractionError(_api_error(exc)) from None
        try:
            data: dict[str, Any] = raw.json()
        except ValueError:
            raise AnswerProblemError("the server's answer was not JSON", None, json=False) from None
        if not isinstance(data, dict):
            raise AnswerProblemError("the server's answer was not a chat completion", None)
        tally.add(data.get("usage"))
        return answer_of(data)


# -- helpers -------------------------------------------------------------------------


def _figure_key(raw: LLMClaim) -> tuple[object, ...]:
    return (raw.subject.casefold(), raw.metric, raw.value, raw.unit, raw.qualifier)


def _final_answer(body: dict[str, Any]) -> LLMAnswer:
    """The answer in a body that cannot be re-asked or split (Batch API)."""
    try:
        return answer_of(body)
    except TruncatedError:
        raise ExtractionError(
            "the model's answer was cut off; run without --batch to split the article"
        ) from None
    except AnswerProblemError as exc:
        raise ExtractionError(exc.problem) from None


def final_answer(body: dict[str, Any]) -> LLMAnswer:
    """The answer in a chat-completion body that cannot be re-asked (kept for callers)."""
    return _final_answer(body)


def _reask(content: str, problem: str) -> list[ChatCompletionMessageParam]:
    """The failed answer and what was wrong with it, for the next attempt."""
    return [
        {"role": "assistant", "content": content},
        {
            "role": "user",
            "content": f"{problem} Your other claims are kept. Answer again with JSON "
            '{"claims": [...]} holding corrected versions of these claims only, and leave '
            "out any the article does not state. Each quote must be copied character for "
            "character from the article and must itself state the figure; the unit must "
            "fit the metric (a currency code for money, percent, count, GW, date, ...).",
        },
    ]


def _api_error(exc: Exception) -> str:
    """One sentence for an SDK error that reached us (after the SDK's own retries)."""
    import openai

    if isinstance(exc, openai.APIStatusError):
        reasons = {
            400: "rejected the request",
            401: "rejected the API key",
            403: "refused access",
            404: "does not know the model or endpoint",
            429: "kept answering 'rate limited'",
        }
        reason = reasons.get(exc.status_code, "failed")
        return f"the API {reason} (HTTP {exc.status_code}: {error_detail(exc)})"
    if isinstance(exc, openai.APITimeoutError):
        return "the API did not answer in time"
    if isinstance(exc, openai.APIConnectionError):
        cause = exc.__cause__  # the transport's reason, or a cassette that lacks the request
        why = f" ({type(cause).__name__}: {str(cause).splitlines()[0][:200]})" if cause else ""
        return f"could not connect to the API{why}"
    return f"the API call failed: {exc}"


def _halves(text: str, span: Span) -> tuple[Span, Span] | None:
    """``span`` cut at its middle sentence boundary, or None for a single sentence."""
    sentences = split_sentences(span.text(text))
    if len(sentences) < 2:
        return None
    middle = sentences[len(sentences) // 2].start + span.start
    return Span(span.start, middle), Span(middle, span.end)

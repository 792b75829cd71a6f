"""The LLM extractor (backend ``openai``): the model proposes claims, ``verify`` decides.

Any OpenAI-compatible chat-completions endpoint works: OpenAI, Azure OpenAI (v1 API),
vLLM, Ollama, llama.cpp. Each article (or each part of a long one) is one structured-
output request through ``chat.completions.parse``; a server that rejects strict
``json_schema`` gets JSON mode and the answer is validated here instead.

Failures are layered. The SDK retries transport errors (429 with Retry-After, 5xx,
time-outs, dropped connections) up to ``max_retries``. tenacity re-asks only when the
answer itself is wrong (not JSON, not the schema, or claims that fail verification),
feeding the problem back in a new message list. Truncation splits the input and asks
again per half. A refusal, a content filter or a 4xx ends that article with an error;
the other articles go on. Whatever the model answers, every claim is verified against
the article and a claim that fails stays in the output marked ``verified=False``.
"""

from __future__ import annotations

import asyncio
import logging
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from pydantic import ValidationError

from stargate_digest.errors import ConfigurationError
from stargate_digest.extractors.base import Progress
from stargate_digest.extractors.budget import (
    chat_tokens,
    cost_usd,
    count_tokens,
    counts_exactly,
    expected_output_tokens,
    split_text,
)
from stargate_digest.extractors.llm_schema import SCHEMA_VERSION, LLMAnswer, LLMClaim
from stargate_digest.extractors.prompts import Prompt, load_prompt
from stargate_digest.models import Article, ArticleClaims, Claim, ExtractionUsage, Qualifier
from stargate_digest.segment import Span, split_sentences
from stargate_digest.store import CachedAnswer, Store, cache_key
from stargate_digest.topic import TopicProfile, load_topic
from stargate_digest.verify import verify_claims

if TYPE_CHECKING:
    from openai import AsyncOpenAI
    from openai.types.chat import ChatCompletionMessageParam

log = logging.getLogger(__name__)

DEFAULT_MODEL = "gpt-4o-mini"
Mode = Literal["auto", "strict", "json"]
# A 400 whose message names one of these means the server cannot do strict schemas.
_NO_STRICT_HINTS = ("response_format", "json_schema", "structured output", "strict")


class ExtractionError(Exception):
    """One article could not be extracted; the message is one sentence for the user."""


class _ReaskError(Exception):
    """The answer was unusable or unverified; ask again with ``feedback``.

    ``answer`` is set when the answer was valid but some claims failed verification:
    if every attempt fails that way, the last answer is kept and its claims marked.
    """

    def __init__(self, feedback: str, content: str | None, answer: LLMAnswer | None) -> None:
        super().__init__(feedback)
        self.feedback = feedback
        self.content = content
        self.answer = answer


class _TruncatedError(Exception):
    """The answer hit the output token limit: the input must be split."""


@dataclass(frozen=True)
class LLMSettings:
    """Where and how to call the model; ``from_env`` fills gaps from OPENAI_* variables."""

    model: str = DEFAULT_MODEL
    base_url: str | None = None
    api_key: str | None = None
    organization: str | None = None
    project: str | None = None
    concurrency: int = 8
    max_input_tokens: int = 16_000
    max_output_tokens: int = 4_096
    max_retries: int = 3
    max_attempts: int = 3
    reask_wait: float = 1.0
    timeout: float = 120.0
    mode: Mode = "auto"
    poll_interval: float = 30.0
    temperature: float | None = 0.0

    @classmethod
    def from_env(cls, **given: Any) -> LLMSettings:
        """Settings from arguments (None means not given), then the environment."""
        env = {
            "model": os.environ.get("STARGATE_DIGEST_MODEL"),
            "base_url": os.environ.get("OPENAI_BASE_URL"),
            "api_key": os.environ.get("OPENAI_API_KEY"),
            "organization": os.environ.get("OPENAI_ORG_ID"),
            "project": os.environ.get("OPENAI_PROJECT_ID"),
        }
        merged = {k: v for k, v in env.items() if v} | {
            k: v for k, v in given.items() if v is not None
        }
        return cls(**merged)

    @classmethod
    def from_options(cls, options: object) -> LLMSettings:
        """Settings from command-line options or a job's configuration (same names:
        model, base_url, concurrency, max_input_tokens, max_retries), then the environment."""
        names = ("model", "base_url", "concurrency", "max_input_tokens", "max_retries")
        return cls.from_env(**{name: getattr(options, name, None) for name in names})

    def client(self) -> AsyncOpenAI:
        """An async client; a local server (``base_url`` given) may do without a key."""
        from openai import AsyncOpenAI

        key = self.api_key or (None if self.base_url is None else "not-needed")
        if key is None:
            raise ConfigurationError(
                "the openai backend needs an API key: set OPENAI_API_KEY (or pass --base-url "
                "for a local OpenAI-compatible server), or use --backend rules"
            )
        return AsyncOpenAI(
            api_key=key,
            organization=self.organization,
            project=self.project,
            base_url=self.base_url,
            max_retries=self.max_retries,
            timeout=self.timeout,
        )


def api_key_configured() -> bool:
    """Whether ``auto`` should pick the LLM backend."""
    return bool(os.environ.get("OPENAI_API_KEY"))


@dataclass
class UsageTally:
    """Token use of one article, summed over calls, re-asks and parts."""

    calls: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cached_tokens: int = 0

    def add(self, usage: dict[str, Any] | None) -> None:
        self.calls += 1
        if not usage:
            return
        self.prompt_tokens += int(usage.get("prompt_tokens") or 0)
        self.completion_tokens += int(usage.get("completion_tokens") or 0)
        details = usage.get("prompt_tokens_details") or {}
        self.cached_tokens += int(details.get("cached_tokens") or 0)

    def usage(self, model: str, *, batch: bool = False) -> ExtractionUsage:
        return ExtractionUsage(
            calls=self.calls,
            prompt_tokens=self.prompt_tokens,
            completion_tokens=self.completion_tokens,
            cached_tokens=self.cached_tokens,
            cost_usd=cost_usd(
                model, self.prompt_tokens, self.completion_tokens, self.cached_tokens,
                batch=batch,
            ),
        )  # fmt: skip


@dataclass(frozen=True)
class Estimate:
    """A dry run's forecast for one article."""

    article_id: str
    parts: int
    prompt_tokens: int
    article_tokens: int
    output_tokens: int
    cost_usd: float | None


@dataclass
class _Conversation:
    """The fixed messages of one request and the latest re-ask, never mutated in place."""

    base: list[ChatCompletionMessageParam]
    feedback: list[ChatCompletionMessageParam] = field(default_factory=list)

    def messages(self) -> list[ChatCompletionMessageParam]:
        return [*self.base, *self.feedback]


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
        self.store = store
        self._mode: Mode = self.settings.mode
        self._limit: asyncio.Semaphore | None = None

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
        self._limit = asyncio.Semaphore(self.settings.concurrency)

        async def one(client: AsyncOpenAI, article: Article) -> ArticleClaims:
            result = await self._extract_one(client, article)
            report(1)
            return result

        async with self.settings.client() as client:
            fresh = iter(await asyncio.gather(*(one(client, a) for a in todo)))
        return [hit or next(fresh) for hit in cached]

    async def extract_batch(self, articles: Sequence[Article]) -> list[ArticleClaims]:
        """Claims for every article through the Batch API (see ``extractors.batch``)."""
        from stargate_digest.extractors.batch import extract_batch

        return await extract_batch(self, articles)

    def estimate(self, articles: Sequence[Article], *, batch: bool = False) -> list[Estimate]:
        """Tokens and cost each article would take, without calling anything."""
        estimates = []
        for article in articles:
            parts = self.parts(article)
            prompt = sum(self._prompt_tokens(article, part) for part in parts)
            body = count_tokens(article.text, self.settings.model)
            output = sum(
                expected_output_tokens(count_tokens(p.text(article.text), self.settings.model))
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
        overhead = self._prompt_tokens(article, Span(0, 0))
        room = self.settings.max_input_tokens - overhead
        if room < 100:
            raise ConfigurationError(
                f"a budget of {self.settings.max_input_tokens} tokens per call leaves no room "
                f"for the article after the {overhead}-token prompt; raise --max-input-tokens"
            )
        return split_text(article.text, room, self.settings.model)

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
        """De-duplicate the claims of all parts, cache the answer and verify it."""
        answer = LLMAnswer(claims=deduplicated(proposed))
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
            claims=self.to_claims(article, proposed),
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

    def to_claims(self, article: Article, proposed: Sequence[LLMClaim]) -> list[Claim]:
        """The model's claims as verified ``Claim``s with ids ``{article.id}#{n}``."""
        anchors = _anchors(proposed)
        claims = [
            Claim(
                id=f"{article.id}#{number}",
                source_id=article.id,
                subject=self.topic.canonical_subject(raw.subject),
                metric=raw.metric if raw.metric in self.topic.metrics else "other",
                value=_value(raw),
                unit=raw.unit,
                quote=raw.quote,
                start=0,
                end=0,
                qualifier=Qualifier(raw.qualifier),
                scope=raw.scope,
                statement=raw.statement,
                currency_candidates=raw.currency_candidates,
                equivalent_of=None if anchor is None else f"{article.id}#{anchor + 1}",
                confidence=None if raw.confidence is None else min(1.0, max(0.0, raw.confidence)),
            )
            for number, (raw, anchor) in enumerate(zip(proposed, anchors, strict=True), start=1)
        ]
        return verify_claims(claims, article)

    # -- requests --------------------------------------------------------------------

    def messages(
        self, article: Article, span: Span, label: str
    ) -> list[ChatCompletionMessageParam]:
        """System prompt first (a stable prefix for prompt caching), the article last."""
        user = self.prompt.user(article, span.text(article.text), label)
        return [
            {"role": "system", "content": self.prompt.system},
            {"role": "user", "content": user},
        ]

    def _prompt_tokens(self, article: Article, span: Span) -> int:
        user = self.prompt.user(article, span.text(article.text))
        return chat_tokens([self.prompt.system, user], self.settings.model)

    async def _ask_part(
        self, client: AsyncOpenAI, article: Article, span: Span, label: str, tally: UsageTally
    ) -> list[LLMClaim]:
        """Claims of one part; a truncated answer splits the part in two and asks again."""
        conversation = _Conversation(self.messages(article, span, label))
        try:
            return (await self._answer(client, article, conversation, tally)).claims
        except _TruncatedError:
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
        self, client: AsyncOpenAI, article: Article, conversation: _Conversation, tally: UsageTally
    ) -> LLMAnswer:
        """A valid answer, re-asking (with the problem fed back) up to ``max_attempts``."""
        from tenacity import (
            AsyncRetrying,
            retry_if_exception_type,
            stop_after_attempt,
            wait_exponential,
        )

        retrying = AsyncRetrying(
            retry=retry_if_exception_type(_ReaskError),
            stop=stop_after_attempt(self.settings.max_attempts),
            wait=wait_exponential(multiplier=self.settings.reask_wait, max=30),
            reraise=True,
        )
        try:
            return await retrying(self._attempt, client, article, conversation, tally)
        except _ReaskError as exc:
            if exc.answer is not None:
                return exc.answer  # valid but partly unverified: keep, claims stay marked
            raise ExtractionError(
                f"the model gave no valid answer in {self.settings.max_attempts} attempts "
                f"({exc.feedback})"
            ) from None

    async def _attempt(
        self, client: AsyncOpenAI, article: Article, conversation: _Conversation, tally: UsageTally
    ) -> LLMAnswer:
        try:
            answer = await self._call(client, conversation.messages(), tally)
        except _ReaskError as exc:
            conversation.feedback = _feedback(exc)
            raise
        problems = [
            f"claim {number} (quote {claim.quote!r}): {claim.verification_note}"
            for number, claim in enumerate(self.to_claims(article, answer.claims), start=1)
            if not claim.verified
        ]
        if problems:
            reask = _ReaskError(
                "these claims failed verification against the article: " + "; ".join(problems),
                answer.model_dump_json(),
                answer,
            )
            conversation.feedback = _feedback(reask)
            raise reask
        return answer

    async def _call(
        self, client: AsyncOpenAI, messages: list[ChatCompletionMessageParam], tally: UsageTally
    ) -> LLMAnswer:
        """One request in the current mode; falls back to JSON mode once if strict is refused."""
        import openai

        assert self._limit is not None, "calls are made inside extract_many"
        async with self._limit:
            try:
                try:
                    return await self._request(client, messages, tally)
                except openai.BadRequestError as exc:
                    if self._mode != "auto" or not _refuses_strict(exc):
                        raise
                    log.warning("the server does not take strict json_schema; using JSON mode")
                    self._mode = "json"
                return await self._request(client, messages, tally)
            except openai.OpenAIError as exc:
                raise ExtractionError(_api_error(exc)) from None

    async def _request(
        self, client: AsyncOpenAI, messages: list[ChatCompletionMessageParam], tally: UsageTally
    ) -> LLMAnswer:
        import openai

        common: dict[str, Any] = {"model": self.settings.model, "messages": messages}
        if self.settings.temperature is not None:
            common["temperature"] = self.settings.temperature
        if self._mode == "json":
            raw = await client.chat.completions.with_raw_response.create(
                **common,
                response_format={"type": "json_object"},
                max_tokens=self.settings.max_output_tokens,
            )
        else:
            raw = await client.chat.completions.with_raw_response.parse(
                **common,
                response_format=LLMAnswer,
                max_completion_tokens=self.settings.max_output_tokens,
            )
        try:
            body: dict[str, Any] = raw.http_response.json()
        except ValueError:  # not JSON at all: parse() below says what is wrong
            body = {}
        tally.add(body.get("usage"))
        content = _content(body)
        try:
            completion = raw.parse()
        except openai.LengthFinishReasonError:
            raise _TruncatedError from None
        except openai.ContentFilterFinishReasonError:
            raise ExtractionError("the provider's content filter blocked the answer") from None
        except ValidationError as exc:
            raise _ReaskError(_schema_problem(exc), content, None) from None
        choice = completion.choices[0]
        parsed = getattr(choice.message, "parsed", None)
        if isinstance(parsed, LLMAnswer) and not choice.message.refusal:
            return parsed
        return _answer_of(choice.finish_reason, choice.message.refusal, content)


# -- helpers -------------------------------------------------------------------------


def _answer_of(finish_reason: str | None, refusal: str | None, content: str | None) -> LLMAnswer:
    """The answer in a completion's choice, checked as the SDK checks strict answers."""
    if finish_reason == "length":
        raise _TruncatedError
    if finish_reason == "content_filter":
        raise ExtractionError("the provider's content filter blocked the answer")
    if refusal:
        raise ExtractionError(f"the model refused: {refusal}")
    try:
        return LLMAnswer.model_validate_json(content or "")
    except ValidationError as exc:
        raise _ReaskError(_schema_problem(exc), content, None) from None


def final_answer(body: dict[str, Any]) -> LLMAnswer:
    """The answer in a chat-completion body that cannot be re-asked or split (Batch API)."""
    choices = body.get("choices") or [{}]
    message = choices[0].get("message") or {}
    try:
        return _answer_of(choices[0].get("finish_reason"), message.get("refusal"), _content(body))
    except _TruncatedError:
        raise ExtractionError(
            "the model's answer was cut off; run without --batch to split the article"
        ) from None
    except _ReaskError as exc:
        raise ExtractionError(exc.feedback) from None


def estimate_report(model: str, estimates: Sequence[Estimate]) -> str:
    """A dry run's table: per article and in total, tokens and list-price cost."""
    rows = [("article", "parts", "prompt", "article", "output (est.)", "cost (est.)")]
    for e in [*estimates, _total(estimates)]:
        cost = "n/a" if e.cost_usd is None else f"${e.cost_usd:.5f}"
        rows.append((e.article_id, str(e.parts), f"{e.prompt_tokens:,}",
                     f"{e.article_tokens:,}", f"{e.output_tokens:,}", cost))  # fmt: skip
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = [
        "  ".join(cell.ljust(w) if i == 0 else cell.rjust(w)
                  for i, (cell, w) in enumerate(zip(row, widths, strict=True)))
        for row in rows
    ]  # fmt: skip
    counted = (
        "tokens counted with tiktoken"
        if counts_exactly(model)
        else "tokens estimated at 4 characters each (no tiktoken encoding)"
    )
    note = f"model {model}; {counted}; no call was made"
    return "\n".join([*lines, note]) + "\n"


def _total(estimates: Sequence[Estimate]) -> Estimate:
    costs = [e.cost_usd for e in estimates]
    return Estimate(
        "total",
        sum(e.parts for e in estimates),
        sum(e.prompt_tokens for e in estimates),
        sum(e.article_tokens for e in estimates),
        sum(e.output_tokens for e in estimates),
        None if None in costs else sum(c or 0.0 for c in costs),
    )


def _content(body: dict[str, Any]) -> str | None:
    try:
        content = body["choices"][0]["message"].get("content")
    except (KeyError, IndexError, TypeError, AttributeError):
        return None
    return content if isinstance(content, str) else None


def _schema_problem(exc: ValidationError) -> str:
    first = exc.errors()[0] if exc.errors() else {"msg": str(exc), "loc": ()}
    where = ".".join(str(p) for p in first.get("loc", ())) or "the answer"
    return f"the answer is not valid JSON for the schema ({where}: {first['msg']})"


def _feedback(reask: _ReaskError) -> list[ChatCompletionMessageParam]:
    """The failed answer and what was wrong with it, for the next attempt."""
    return [
        {"role": "assistant", "content": reask.content or ""},
        {
            "role": "user",
            "content": f"Your answer had a problem: {reask.feedback}. Answer again with the "
            "complete JSON. Copy every quote character for character from the article and "
            "give only figures that the quote itself states.",
        },
    ]


def _refuses_strict(exc: Exception) -> bool:
    message = str(exc).casefold()
    return any(hint in message for hint in _NO_STRICT_HINTS)


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
        detail = exc.message.split("\n")[0][:200]
        return f"the API {reason} (HTTP {exc.status_code}: {detail})"
    if isinstance(exc, openai.APITimeoutError):
        return "the API did not answer in time"
    if isinstance(exc, openai.APIConnectionError):
        cause = exc.__cause__  # the transport's reason, or a cassette that lacks the request
        why = f" ({type(cause).__name__}: {str(cause).splitlines()[0][:200]})" if cause else ""
        return f"could not connect to the API{why}"
    return f"the API call failed: {exc}"


def _value(raw: LLMClaim) -> float | str | None:
    """Numbers the model sent as strings become numbers; dates stay strings."""
    if isinstance(raw.value, str) and raw.unit not in ("date", None):
        try:
            return float(raw.value.replace(",", ""))
        except ValueError:
            return raw.value
    return raw.value


def deduplicated(claims: Sequence[LLMClaim]) -> list[LLMClaim]:
    """One claim per subject, metric, value, unit and qualifier (parts overlap)."""
    seen: dict[tuple[object, ...], LLMClaim] = {}
    for claim in claims:
        # Facts without a number differ by what they quote.
        quote = claim.quote if claim.value is None else None
        key = (claim.subject.casefold(), claim.metric, claim.value, claim.unit,
               claim.qualifier, quote)  # fmt: skip
        seen.setdefault(key, claim)
    return list(seen.values())


def _anchors(proposed: Sequence[LLMClaim]) -> list[int | None]:
    """For each claim, the index of the claim its amount restates (by the quote the model
    named, preferring the same subject: "19 milliards chacun (environ 18,25 ...)")."""
    anchors: list[int | None] = []
    for index, claim in enumerate(proposed):
        matches = [
            other
            for other, candidate in enumerate(proposed)
            if other != index and claim.equivalent_of_quote == candidate.quote
        ]
        matches.sort(key=lambda other: proposed[other].subject != claim.subject)
        anchors.append(matches[0] if claim.equivalent_of_quote and matches else None)
    return anchors


def _halves(text: str, span: Span) -> tuple[Span, Span] | None:
    """``span`` cut at its middle sentence boundary, or None for a single sentence."""
    sentences = split_sentences(span.text(text))
    if len(sentences) < 2:
        return None
    middle = sentences[len(sentences) // 2].start + span.start
    return Span(span.start, middle), Span(middle, span.end)

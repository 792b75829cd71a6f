"""Request building: the messages and the JSON body of one chat-completions call.

One builder serves interactive calls and the Batch API, so both send the same thing.
What is sent depends on data, not branches: the model's capabilities (a reasoning model
gets no temperature and no ``max_tokens``) and the server's profile (the parameter that
bounds the answer; whether JSON mode carries the schema). The prompt's size is counted
the way the server counts it, the response schema included (structured outputs add it
to the prompt), and sized to the server's context window.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any, Literal

from stargate_digest.errors import ConfigurationError
from stargate_digest.extractors.budget import chat_tokens, count_tokens, split_text
from stargate_digest.extractors.llm_schema import response_json_schema
from stargate_digest.extractors.llm_settings import (
    LLMSettings,
    ModelCapabilities,
    ServerProfile,
    capabilities,
    server_profile,
)
from stargate_digest.extractors.prompts import Prompt
from stargate_digest.models import Article
from stargate_digest.segment import Span

if TYPE_CHECKING:
    from openai.types.chat import ChatCompletionMessageParam

RequestMode = Literal["strict", "json"]


@dataclass(frozen=True)
class RequestBuilder:
    """Messages, bodies and token counts for one prompt under one set of settings."""

    settings: LLMSettings
    prompt: Prompt

    @cached_property
    def model(self) -> ModelCapabilities:
        return capabilities(self.settings.model)

    @cached_property
    def server(self) -> ServerProfile:
        return server_profile(self.settings.server_kind)

    @cached_property
    def response_format(self) -> dict[str, Any]:
        """The strict ``json_schema`` response format, as the SDK derives it."""
        from openai.lib._parsing._completions import type_to_response_format_param

        from stargate_digest.extractors.llm_schema import LLMAnswer

        param: Any = type_to_response_format_param(LLMAnswer)
        return dict(param)

    @cached_property
    def schema_tokens(self) -> int:
        return count_tokens(json.dumps(response_json_schema()), self.settings.model)

    def temperature(self) -> float | None:
        """The user's temperature, else the model's default; None: send none."""
        if self.settings.temperature is not None:
            if self.model.temperature is None:
                raise ConfigurationError(
                    f"the model {self.settings.model} accepts no temperature; "
                    "drop --temperature (STARGATE_DIGEST_TEMPERATURE)"
                )
            return self.settings.temperature
        return self.model.temperature

    def messages(
        self, article: Article, span: Span, label: str
    ) -> list[ChatCompletionMessageParam]:
        """System prompt first (a stable prefix for prompt caching), the article last."""
        user = self.prompt.user(article, span.text(article.text), label)
        return [
            {"role": "system", "content": self.prompt.system},
            {"role": "user", "content": user},
        ]

    def body(self, messages: list[ChatCompletionMessageParam], mode: RequestMode) -> dict[str, Any]:
        """The request body in ``mode``: strict structured outputs or JSON mode."""
        body: dict[str, Any] = {"model": self.settings.model, "messages": messages}
        temperature = self.temperature()
        if temperature is not None:
            body["temperature"] = temperature
        limit = self.server.output_limit if self.model.max_tokens else "max_completion_tokens"
        body[limit] = self.settings.max_output_tokens
        if mode == "strict":
            body["response_format"] = self.response_format
        else:
            json_object: dict[str, Any] = {"type": "json_object"}
            if self.server.schema_in_json_mode:
                json_object["schema"] = response_json_schema()  # llama.cpp enforces it
            body["response_format"] = json_object
        return body

    @cached_property
    def system_tokens(self) -> int:
        """What the system message adds to a chat's tokens, counted once: it is the same
        for every article, and counting it per call cost milliseconds on the event loop."""
        model = self.settings.model
        return chat_tokens([self.prompt.system, ""], model) - chat_tokens([""], model)

    def prompt_tokens(self, article: Article, span: Span) -> int:
        """Prompt tokens of a call for ``span``, the response schema included."""
        user = self.prompt.user(article, span.text(article.text))
        return chat_tokens([user], self.settings.model) + self.system_tokens + self.schema_tokens

    def input_budget(self) -> int:
        """Prompt tokens per call: ``max_input_tokens``, less what the context cannot hold."""
        context = self.settings.context_tokens or self.server.context_tokens
        budget = self.settings.max_input_tokens
        if context:
            budget = min(budget, context - self.settings.max_output_tokens)
        return budget

    def parts(self, article: Article) -> list[Span]:
        """The spans of ``article`` sent in separate requests to stay within the budget."""
        overhead = self.prompt_tokens(article, Span(0, 0))
        budget = self.input_budget()
        room = budget - overhead
        if room < 100:
            raise ConfigurationError(self._no_room(budget, overhead))
        return split_text(article.text, room, self.settings.model)

    def _no_room(self, budget: int, overhead: int) -> str:
        context = self.settings.context_tokens or self.server.context_tokens
        if context and budget < self.settings.max_input_tokens:
            return (
                f"a context window of {context} tokens cannot hold the {overhead}-token prompt, "
                f"an article and a {self.settings.max_output_tokens}-token answer; give the "
                "server a larger context (Ollama: OLLAMA_CONTEXT_LENGTH=16384) and say so with "
                "--context-tokens"
            )
        return (
            f"a budget of {budget} tokens per call leaves no room for the article after the "
            f"{overhead}-token prompt; raise --max-input-tokens"
        )

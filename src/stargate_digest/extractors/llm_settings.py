"""The LLM backend's settings, defined once, and what each model and server accepts.

``LLMSettings`` is the one definition of every setting: the command line, the Python API
and the scheduled job's TOML all build it (``from_options`` reads the same names from
any of them), and each field names its environment variable. ``capabilities`` and
``server_profile`` read ``data/llm.toml``: which models refuse a temperature or
``max_tokens``, and which parameter bounds the answer on which server.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any, Literal
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from stargate_digest.errors import ConfigurationError

if TYPE_CHECKING:
    import ssl

    from openai import AsyncOpenAI

DEFAULT_MODEL = "gpt-4o-mini"
Mode = Literal["auto", "strict", "json"]
Server = Literal["openai", "azure", "vllm", "ollama", "llamacpp", "compatible"]


def _env(name: str) -> dict[str, Any]:
    return {"env": name}


class LLMSettings(BaseModel):
    """Where and how to call the model. ``from_env`` fills gaps from the environment."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    model: str = Field(DEFAULT_MODEL, json_schema_extra=_env("STARGATE_DIGEST_MODEL"))
    base_url: str | None = Field(None, json_schema_extra=_env("OPENAI_BASE_URL"))
    api_key: str | None = Field(None, json_schema_extra=_env("OPENAI_API_KEY"), repr=False)
    organization: str | None = Field(None, json_schema_extra=_env("OPENAI_ORG_ID"))
    project: str | None = Field(None, json_schema_extra=_env("OPENAI_PROJECT_ID"))
    server: Server | None = Field(
        None,
        description="what kind of server base_url is (None: guessed from the URL)",
        json_schema_extra=_env("STARGATE_DIGEST_SERVER"),
    )
    concurrency: int = Field(8, gt=0, description="calls at a time")
    max_input_tokens: int = Field(16_000, gt=0, description="prompt budget per call")
    max_output_tokens: int = Field(4_096, gt=0, description="answer budget per call")
    context_tokens: int | None = Field(
        None,
        gt=0,
        description="the server's context window; prompts and answers are sized to fit it",
        json_schema_extra=_env("STARGATE_DIGEST_CONTEXT_TOKENS"),
    )
    max_retries: int = Field(3, ge=0, description="SDK retries of 429, 5xx and time-outs")
    max_attempts: int = Field(3, gt=0, description="asks per part when answers fail checks")
    reask_wait: float = Field(1.0, ge=0, description="seconds before the first re-ask")
    request_timeout: float = Field(
        120.0,
        gt=0,
        description="seconds one call may take before it is retried or fails",
        json_schema_extra=_env("STARGATE_DIGEST_REQUEST_TIMEOUT"),
    )
    mode: Mode = Field("auto", description="strict json_schema, JSON mode, or decided once")
    poll_interval: float = Field(30.0, gt=0, description="seconds between batch polls")
    temperature: float | None = Field(
        None,
        ge=0,
        le=2,
        description="None: the model's default from data/llm.toml (0 where it is accepted)",
        json_schema_extra=_env("STARGATE_DIGEST_TEMPERATURE"),
    )

    @classmethod
    def environment(cls) -> dict[str, str]:
        """Each setting read from the environment, with its variable's name."""
        found = {}
        for name, info in cls.model_fields.items():
            extra = info.json_schema_extra
            if isinstance(extra, dict) and isinstance(extra.get("env"), str):
                found[name] = str(extra["env"])
        return found

    @classmethod
    def from_env(cls, **given: Any) -> LLMSettings:
        """Settings from arguments (None means not given), then the environment."""
        env = {name: os.environ.get(var) for name, var in cls.environment().items()}
        merged = {k: v for k, v in env.items() if v} | {
            k: v for k, v in given.items() if v is not None
        }
        try:
            return cls(**merged)
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(p) for p in first["loc"])
            problem = f"the LLM setting {where} is invalid: {first['msg']}"
            raise ConfigurationError(problem) from None

    @classmethod
    def from_options(cls, options: object) -> LLMSettings:
        """Settings from command-line options or a job's configuration (the same names as
        the fields; missing or None means not given), then the environment."""
        return cls.from_env(**{name: getattr(options, name, None) for name in cls.model_fields})

    @property
    def server_kind(self) -> Server:
        """The server as set, or guessed from the base URL."""
        return self.server or guess_server(self.base_url)

    def client(self) -> AsyncOpenAI:
        """An async client; a local server (``base_url`` given) may do without a key."""
        from openai import AsyncOpenAI

        key = self.api_key or (None if self.base_url is None else "not-needed")
        if key is None:
            raise ConfigurationError(
                "the openai backend needs an API key: set OPENAI_API_KEY (or pass --base-url "
                "for a local OpenAI-compatible server), or use --backend rules"
            )
        from openai import DefaultAsyncHttpxClient

        return AsyncOpenAI(
            api_key=key,
            organization=self.organization,
            project=self.project,
            base_url=self.base_url,
            max_retries=self.max_retries,
            timeout=self.request_timeout,
            http_client=DefaultAsyncHttpxClient(verify=_tls_context()),
        )


class LLMOptions(BaseModel):
    """The tunable LLM settings as a configuration file gives them: each None (not given)
    or a value that ``LLMSettings`` accepts. The scheduled job's ``JobConfig`` inherits
    these fields, so its TOML takes the same names; defaults and checks stay in
    ``LLMSettings`` (tests/test_llm_settings.py keeps the two lists equal). Keys and
    organisation ids are not here: they come from the environment only."""

    model: str | None = None
    base_url: str | None = None
    server: Server | None = None
    concurrency: int | None = None
    max_input_tokens: int | None = None
    max_output_tokens: int | None = None
    context_tokens: int | None = None
    max_retries: int | None = None
    max_attempts: int | None = None
    request_timeout: float | None = None
    temperature: float | None = None
    poll_interval: float | None = None

    @model_validator(mode="after")
    def _accepted_by_the_settings(self) -> LLMOptions:
        given = {
            n: getattr(self, n) for n in LLMOptions.model_fields if getattr(self, n) is not None
        }
        LLMSettings(**given)  # raises ValidationError naming the field and the rule
        return self


@lru_cache(maxsize=1)
def _tls_context() -> ssl.SSLContext:
    """The HTTP client's default TLS context, built once per process: loading the
    certificate store takes 50 to 90 ms, which every run (and every chunk of a scheduled
    job) paid again when each client built its own."""
    import httpcore2

    return httpcore2.default_ssl_context()


def guess_server(base_url: str | None) -> Server:
    """OpenAI without a URL or on openai.com; Azure by host; Ollama by its port."""
    if base_url is None:
        return "openai"
    parts = urlsplit(base_url)
    host = (parts.hostname or "").casefold()
    if host == "api.openai.com" or host.endswith(".openai.com"):
        return "openai"
    if host.endswith(".azure.com") or host.endswith(".azure-api.net"):
        return "azure"
    if parts.port == 11434:
        return "ollama"
    return "compatible"


@dataclass(frozen=True)
class ModelCapabilities:
    """What a model family accepts (``data/llm.toml``)."""

    temperature: float | None  # its default; None: it takes no temperature
    max_tokens: bool


@dataclass(frozen=True)
class ServerProfile:
    """How a kind of server is spoken to (``data/llm.toml``)."""

    output_limit: str
    schema_in_json_mode: bool
    context_tokens: int


@lru_cache(maxsize=1)
def _table() -> dict[str, Any]:
    raw = resources.files("stargate_digest.data").joinpath("llm.toml").read_text("utf-8")
    return tomllib.loads(raw)


def capabilities(model: str) -> ModelCapabilities:
    """The longest matching entry of ``[models]`` for ``model``, else the default."""
    models: dict[str, dict[str, Any]] = _table()["models"]
    matches = [n for n in models if n != "default" and (model == n or model.startswith(n + "-"))]
    entry = models[max(matches, key=len)] if matches else models["default"]
    temperature = entry["temperature"]
    return ModelCapabilities(
        temperature=None if temperature is False else float(temperature),
        max_tokens=bool(entry["max_tokens"]),
    )


def server_profile(server: Server) -> ServerProfile:
    entry = _table()["servers"][server]
    return ServerProfile(
        output_limit=str(entry["output_limit"]),
        schema_in_json_mode=bool(entry["schema_in_json_mode"]),
        context_tokens=int(entry["context_tokens"]),
    )


def error_detail(exc: Exception) -> str:
    """The server's own message of an SDK status error, first line, without the SDK's
    "Error code: 404 - " prefix."""
    body = getattr(exc, "body", None)
    message = body.get("message") if isinstance(body, dict) else None
    if not isinstance(message, str) or not message:
        message = str(getattr(exc, "message", "") or exc)
    return (message.splitlines() or [""])[0][:200]

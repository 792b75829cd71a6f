"""The response schema the LLM must answer in, shaped for strict structured outputs.

Strict mode accepts only a subset of JSON Schema: every field required, no defaults
(optional means nullable), no free-form objects, no extra fields. These models keep to
it, so the same schema serves strict ``json_schema`` requests, JSON-mode validation
and the Batch API. Bump ``SCHEMA_VERSION`` with any change: it is part of the cache key.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

SCHEMA_VERSION = "3"  # 3: value_max and as_of


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class LLMClaim(_Strict):
    """One claim as the model proposes it; verification decides whether it is fact."""

    subject: str
    metric: str
    value: float | str | None
    value_max: float | None
    unit: str | None
    qualifier: Literal["exact", "approx", "at_least", "at_most", "up_to"]
    quote: str
    statement: str
    scope: str | None
    as_of: str | None
    currency_candidates: list[str]
    equivalent_of_quote: str | None
    confidence: float | None


class LLMAnswer(_Strict):
    """The whole answer for one article (or one part of a long article)."""

    claims: list[LLMClaim]


def response_json_schema() -> dict[str, Any]:
    """The strict JSON schema sent to the API (as the SDK derives it from ``LLMAnswer``)."""
    from openai.lib._pydantic import to_strict_json_schema

    return to_strict_json_schema(LLMAnswer)

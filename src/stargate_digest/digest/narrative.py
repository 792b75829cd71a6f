"""A model-written summary whose every sentence cites claims, checked before it is used.

With the LLM backend the digest's summary comes from a structured-output prompt over the
findings (never over raw article text). Deterministic code then keeps only sentences
that cite at least one claim, cite only verified claims that exist, and state no number
that their cited claims do not hold, whatever its unit ("9 trillion" with no currency is
checked like "$9 trillion"); the one exception is a count of sources ("in three
sources"), which may not exceed the sources the sentence cites. If no sentence
survives, or the call fails, the summary composed from the findings without a model
stays.
"""

from __future__ import annotations

import hashlib
import json
import logging
import math
import re
from collections.abc import Sequence
from importlib import resources
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict

from stargate_digest.display import describe
from stargate_digest.models import Claim, Digest, SummarySentence
from stargate_digest.quantities import Mention, find_mentions

if TYPE_CHECKING:
    from stargate_digest.extractors.llm_cost import UsageTally
    from stargate_digest.extractors.llm_settings import LLMSettings

log = logging.getLogger(__name__)
_RELATIVE_TOLERANCE = 0.01
_SOURCE_COUNT = re.compile(r"\s+(?:of\s+the\s+)?(?:sources?|outlets?|reports?|articles?)\b", re.I)


class _Sentence(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: str
    claim_ids: list[str]


class NarrativeAnswer(BaseModel):
    """The response schema (strict structured outputs accept it as it is)."""

    model_config = ConfigDict(extra="forbid")

    sentences: list[_Sentence]


def system_prompt() -> str:
    """The fixed instructions, from ``prompts/summary.md``."""
    return resources.files("stargate_digest.prompts").joinpath("summary.md").read_text("utf-8")


def prompt_hash() -> str:
    """Versions the summary prompt: its instructions and its response schema."""
    schema = json.dumps(NarrativeAnswer.model_json_schema(), sort_keys=True)
    digest = hashlib.sha256(f"{system_prompt()}\n{schema}".encode()).hexdigest()
    return f"sha256:{digest[:16]}"


def findings_message(digest: Digest) -> str:
    """The checked findings as JSON, each with the ids of the claims it rests on."""
    claims = {claim.id: claim for claim in digest.claims}

    def value(ids: Sequence[str]) -> str:
        return describe(claims[ids[0]])

    payload: dict[str, Any] = {
        "disagreements": [
            {
                "subject": d.subject,
                "metric": d.metric,
                "severity": d.severity.value,
                "values": [
                    {"value": value(v.claim_ids), "sources": v.source_ids, "claim_ids": v.claim_ids}
                    for v in d.values
                ],
                "explanation": d.explanation,
            }
            for d in digest.disagreements
        ],
        "key_figures": [
            {
                "subject": f.subject,
                "metric": f.metric,
                "value": value(f.claim_ids),
                "sources": f.source_ids,
                "claim_ids": f.claim_ids,
            }
            for f in digest.key_figures
        ],
        "consistency_checks": [
            {
                "source": c.source_id,
                "status": c.status.value,
                "detail": c.detail,
                "claim_ids": c.claim_ids,
            }
            for c in digest.consistency_checks
        ],
    }
    return json.dumps(payload, ensure_ascii=False, indent=1)


def _backs(mention: Mention, claim: Claim) -> bool:
    """Whether a figure written in a sentence is the value of a cited claim."""
    if mention.kind == "date":
        if not isinstance(claim.value, str) or not isinstance(mention.value, str):
            return False
        said, held = mention.value, claim.value
        return held.startswith(said) or said[-5:] == held[-5:]
    if isinstance(mention.value, str) or claim.value is None or isinstance(claim.value, str):
        return False
    candidates = [float(claim.value)]
    if mention.unit == "USD" and claim.value_usd is not None:
        candidates.append(claim.value_usd)
    return any(
        math.isclose(float(mention.value), number, rel_tol=_RELATIVE_TOLERANCE)
        for number in candidates
    )


def check_sentence(sentence: _Sentence, claims: dict[str, Claim]) -> str | None:
    """None when the sentence may stand; otherwise why it is dropped."""
    if not sentence.claim_ids:
        return "it cites no claim"
    cited = [claims.get(claim_id) for claim_id in sentence.claim_ids]
    if any(claim is None or not claim.verified for claim in cited):
        return "it cites a claim that does not exist or is not verified"
    sources = {claim.source_id for claim in cited if claim is not None}
    for mention in find_mentions(sentence.text, "en"):
        if _counts_sources(mention, sentence.text, len(sources)):
            continue
        if not any(_backs(mention, claim) for claim in cited if claim is not None):
            return f"its figure {mention.surface!r} is in none of the claims it cites"
    return None


def _counts_sources(mention: Mention, text: str, cited_sources: int) -> bool:
    """ "in 3 sources": a count of the digest's own sources, not a figure of the story."""
    return (
        mention.kind == "count"
        and isinstance(mention.value, float)
        and mention.value <= cited_sources
        and _SOURCE_COUNT.match(text, mention.end) is not None
    )


def checked_sentences(answer: NarrativeAnswer, digest: Digest) -> list[SummarySentence]:
    """The sentences that pass :func:`check_sentence`; the others are logged and dropped."""
    claims = {claim.id: claim for claim in digest.claims}
    kept = []
    for sentence in answer.sentences:
        problem = check_sentence(sentence, claims)
        if problem is None:
            kept.append(SummarySentence(text=sentence.text, claim_ids=sentence.claim_ids))
        else:
            log.warning("summary sentence dropped because %s: %s", problem, sentence.text)
    return kept


async def narrate(digest: Digest, settings: LLMSettings, usage: UsageTally | None = None) -> Digest:
    """The digest with a checked, model-written summary, or unchanged when none survives.
    ``usage`` (when given) adds the call's tokens, so the cost line can show them."""
    from stargate_digest.extractors.llm_settings import capabilities

    options: dict[str, Any] = {}
    temperature = capabilities(settings.model).temperature
    if settings.temperature is not None and temperature is not None:
        temperature = settings.temperature
    if temperature is not None:
        options["temperature"] = temperature
    try:
        async with settings.client() as client:
            response = await client.chat.completions.parse(
                model=settings.model,
                messages=[
                    {"role": "system", "content": system_prompt()},
                    {"role": "user", "content": findings_message(digest)},
                ],
                response_format=NarrativeAnswer,
                **options,
            )
    except Exception as exc:  # the composed summary is a complete fallback
        reason = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        log.warning("the model-written summary failed (%s); the composed one is kept", reason)
        return digest
    if usage is not None:
        usage.add(response.usage.model_dump() if response.usage else None)
    answer = response.choices[0].message.parsed if response.choices else None
    if answer is None:
        log.warning("the model gave no summary; the composed one is kept")
        return digest
    sentences = checked_sentences(answer, digest)
    if not sentences:
        return digest
    return digest.model_copy(
        update={
            "summary": " ".join(s.text for s in sentences),
            "summary_sentences": sentences,
            "summary_prompt_hash": prompt_hash(),
        }
    )

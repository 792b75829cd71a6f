"""The model's answer: read from a chat-completion body, turned into verified claims.

Reading is the same for interactive calls and the Batch API: the first choice's
finish reason, refusal and content, with markdown fences around the JSON tolerated
(servers that ignore the schema often add them). Conversion verifies every proposed
claim first and only then drops duplicates, keeping the best-supported copy, so a
badly quoted first copy never hides a well-quoted second one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from pydantic import ValidationError

from stargate_digest.errors import ExtractionError
from stargate_digest.extractors.llm_schema import LLMAnswer, LLMClaim
from stargate_digest.models import Alignment, Article, Claim, Qualifier
from stargate_digest.topic import TopicProfile
from stargate_digest.verify import number_support, verify_claims


class AnswerProblemError(Exception):
    """The answer was unusable (no choices, not JSON, not the schema): ask again.

    ``content`` is what the model said, fed back in the re-ask; ``json`` is False when it
    was not JSON at all (a server that ignores the schema answers prose).
    """

    def __init__(self, problem: str, content: str | None, *, json: bool = True) -> None:
        super().__init__(problem)
        self.problem = problem
        self.content = content
        self.json = json


class TruncatedError(Exception):
    """The answer hit the output token limit: the input must be split."""


_FENCE = re.compile(r"\A\s*```[\w-]*\s*\n(.*?)\n?\s*```\s*\Z", re.DOTALL)


def content_of(body: dict[str, Any]) -> str | None:
    """The first choice's text, if any."""
    try:
        content = body["choices"][0]["message"].get("content")
    except (KeyError, IndexError, TypeError, AttributeError):
        return None
    return content if isinstance(content, str) else None


def answer_of(body: dict[str, Any]) -> LLMAnswer:
    """The answer in a chat-completion body, checked as the SDK checks strict answers."""
    choices = body.get("choices")
    if not isinstance(choices, list) or not choices or not isinstance(choices[0], dict):
        raise AnswerProblemError("the server's answer had no choices", None)
    choice = choices[0]
    message = choice.get("message") or {}
    if choice.get("finish_reason") == "length":
        raise TruncatedError
    if choice.get("finish_reason") == "content_filter":
        raise ExtractionError("the provider's content filter blocked the answer")
    if message.get("refusal"):
        raise ExtractionError(f"the model refused: {message['refusal']}")
    content = content_of(body) or ""
    fenced = _FENCE.match(content)
    text = fenced.group(1) if fenced else content
    try:
        return LLMAnswer.model_validate_json(text)
    except ValidationError as exc:
        first = exc.errors()[0] if exc.errors() else {"msg": str(exc), "loc": ()}
        is_json = text.lstrip()[:1] in ("{", "[")  # else prose: the schema was ignored
        where = ".".join(str(p) for p in first.get("loc", ())) or "the answer"
        problem = f"the answer is not valid JSON for the schema ({where}: {first['msg']})"
        raise AnswerProblemError(problem, content, json=is_json) from None


# The kind of quantity each unit measures, to hold it against the metric's kinds.
_UNIT_KINDS = {"percent": "percent", "count": "count", "GW": "power", "MW": "power",
               "kW": "power", "GWh": "energy", "MWh": "energy", "TWh": "energy",
               "kWh": "energy", "sqft": "area", "sqm": "area", "acre": "area", "ha": "area",
               "km2": "area", "pyeong": "area", "years": "duration", "months": "duration",
               "days": "duration", "hours": "duration", "date": "date"}  # fmt: skip
_CURRENCY = re.compile(r"[A-Z]{3}")
_FULL_DATE = re.compile(r"\d{4}-(\d{2}-\d{2})")


def unit_kind(unit: str | None) -> str | None:
    if unit is None:
        return None
    if _CURRENCY.fullmatch(unit):
        return "money"
    return _UNIT_KINDS.get(unit)


def _value(raw: LLMClaim) -> float | str | None:
    """Numbers the model sent as strings become numbers; dates stay strings."""
    if isinstance(raw.value, str) and raw.unit not in ("date", None):
        try:
            return float(raw.value.replace(",", ""))
        except ValueError:
            return raw.value
    return raw.value


def _claim(raw: LLMClaim, number: int, article: Article, topic: TopicProfile) -> Claim:
    return Claim(
        id=f"{article.id}#{number}",
        source_id=article.id,
        subject=topic.canonical_subject(raw.subject),
        metric=raw.metric if raw.metric in topic.metrics else "other",
        value=_value(raw),
        value_max=raw.value_max,
        unit=raw.unit,
        quote=raw.quote,
        start=0,
        end=0,
        qualifier=Qualifier(raw.qualifier),
        scope=raw.scope,
        as_of=raw.as_of,
        statement=raw.statement,
        currency_candidates=raw.currency_candidates,
        confidence=None if raw.confidence is None else min(1.0, max(0.0, raw.confidence)),
    )


def _undated(claim: Claim, article: Article) -> Claim:
    """A full date whose quote gives no year ("on January 21") becomes '--MM-DD': the
    model took the year from the Published line, which the text does not state; the
    reconciler resolves years from publication dates, saying so."""
    if claim.unit != "date" or not isinstance(claim.value, str):
        return claim
    found = _FULL_DATE.fullmatch(claim.value)
    if not found or number_support(claim, article.language) is None:
        return claim
    undated = claim.model_copy(update={"value": f"--{found.group(1)}"})
    return undated if number_support(undated, article.language) is None else claim


def _kind_problem(claim: Claim, topic: TopicProfile) -> str | None:
    spec = topic.metrics.get(claim.metric)
    kind = unit_kind(claim.unit)
    if spec is None or not spec.kinds or claim.value is None or kind is None:
        return None
    accepted = [str(k) for k in spec.kinds]
    if kind in topic.metric_kinds[claim.metric] or (kind == "date" and "year" in accepted):
        return None
    return f"unit {claim.unit} measures {kind}, but {claim.metric} takes {'/'.join(accepted)}"


def checked(article: Article, proposed: Sequence[LLMClaim], topic: TopicProfile) -> list[Claim]:
    """Every proposed claim verified against the article, in order (ids by position)."""
    claims = [
        _undated(_claim(raw, number, article, topic), article)
        for number, raw in enumerate(proposed, start=1)
    ]
    verified = verify_claims(claims, article)
    marked = []
    for claim in verified:
        problem = _kind_problem(claim, topic) if claim.verified else None
        note = {"verified": False, "verification_note": problem}
        marked.append(claim.model_copy(update=note) if problem else claim)
    return marked


_ALIGNMENT_RANK = {Alignment.EXACT: 0, Alignment.NORMALIZED: 1, Alignment.FUZZY: 2}


def _support(claim: Claim) -> tuple[int, int]:
    """Lower is better: verified first, then the closest alignment."""
    return (0 if claim.verified else 1, _ALIGNMENT_RANK.get(claim.alignment, 3))


def _key(raw: LLMClaim, claim: Claim) -> tuple[object, ...]:
    quote = raw.quote if raw.value is None else None  # facts without a number differ by quote
    return (raw.subject.casefold(), raw.metric, claim.value, raw.unit, raw.qualifier, quote)


def to_claims(article: Article, proposed: Sequence[LLMClaim], topic: TopicProfile) -> list[Claim]:
    """The model's claims, verified, one per figure (the best-supported copy), with ids
    ``{article.id}#{n}`` and ``equivalent_of`` pointing at the claim a figure restates."""
    verified = checked(article, proposed, topic)
    best: dict[tuple[object, ...], int] = {}
    for index, (raw, claim) in enumerate(zip(proposed, verified, strict=True)):
        key = _key(raw, claim)
        if key not in best or _support(claim) < _support(verified[best[key]]):
            best[key] = index
    kept = sorted(best.values())
    raws = [proposed[i] for i in kept]
    anchors = _anchors(raws)
    return [
        verified[i].model_copy(
            update={
                "id": f"{article.id}#{number}",
                "equivalent_of": None if anchor is None else f"{article.id}#{anchor + 1}",
            }
        )
        for number, (i, anchor) in enumerate(zip(kept, anchors, strict=True), start=1)
    ]


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

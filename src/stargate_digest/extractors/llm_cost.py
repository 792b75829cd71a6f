"""Token use and cost: what calls used (``UsageTally``) and what a dry run forecasts.

A dry run counts the prompt exactly (tiktoken, the response schema included) and
forecasts the answer from the figures in the text: the model answers about one claim
per figure plus a few facts without a number, each claim about a hundred tokens of JSON
(measured on the hand-written seed answers: 89 to 100 tokens a claim).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from stargate_digest.extractors.budget import cost_usd, counts_exactly
from stargate_digest.models import ExtractionUsage

TOKENS_PER_CLAIM = 105
CLAIMS_WITHOUT_A_FIGURE = 2
ANSWER_FRAME = 10


def expected_output_tokens(figures: int) -> int:
    """A dry run's forecast of the answer to a text holding ``figures`` quantities."""
    return ANSWER_FRAME + TOKENS_PER_CLAIM * (figures + CLAIMS_WITHOUT_A_FIGURE)


@dataclass
class UsageTally:
    """Token use of one article (or one summary), summed over calls, re-asks and parts."""

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
    note = (
        f"model {model}; {counted}, the response schema included; the answer forecast at "
        f"{TOKENS_PER_CLAIM} tokens a claim; no call was made"
    )
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


def usage_line(label: str, usages: Sequence[ExtractionUsage]) -> str:
    """One line of calls, tokens and cost, for stderr."""
    costs = [u.cost_usd for u in usages if u.cost_usd is not None]
    cost = f", about ${sum(costs):.4f}" if costs else ""
    return (
        f"{label}: {sum(u.calls for u in usages)} calls, "
        f"{sum(u.prompt_tokens for u in usages):,} prompt tokens "
        f"({sum(u.cached_tokens for u in usages):,} cached), "
        f"{sum(u.completion_tokens for u in usages):,} completion tokens{cost}"
    )

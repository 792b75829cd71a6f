"""Token budgets and prices: count before every call, split what does not fit.

Counting uses tiktoken's encoding for the model (o200k_base for unknown models, which
is what OpenAI-compatible servers are most often compared against). A long article is
cut into parts on paragraph boundaries, then sentence boundaries, each part repeating
the previous part's last sentence so that a claim straddling a cut is still whole in
one part. Parts are spans of the article, so quotes stay alignable to its text.
"""

from __future__ import annotations

import logging
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from stargate_digest.segment import Span, split_sentences

if TYPE_CHECKING:
    import tiktoken

log = logging.getLogger(__name__)

# Each chat message costs a few tokens of framing beyond its content.
_MESSAGE_OVERHEAD = 4
_REPLY_PRIMING = 3


@lru_cache(maxsize=8)
def _encoding(model: str) -> tiktoken.Encoding | None:
    """The model's encoding; None when its file can be neither found nor downloaded."""
    import tiktoken

    try:
        try:
            return tiktoken.encoding_for_model(model)
        except KeyError:
            return tiktoken.get_encoding("o200k_base")
    except Exception as exc:  # offline without TIKTOKEN_CACHE_DIR: network errors of all kinds
        log.warning(
            "no tiktoken encoding for %s could be loaded (%s; set TIKTOKEN_CACHE_DIR when "
            "offline); estimating 4 characters a token",
            model,
            type(exc).__name__,
        )
        return None


def counts_exactly(model: str) -> bool:
    """Whether token counts for ``model`` come from tiktoken rather than an estimate."""
    return _encoding(model) is not None


def count_tokens(text: str, model: str) -> int:
    """Tokens of ``text`` for ``model`` (estimated when no encoding is available)."""
    encoding = _encoding(model)
    if encoding is None:
        return (len(text) + 3) // 4
    return len(encoding.encode(text, disallowed_special=()))


def chat_tokens(messages: list[str], model: str) -> int:
    """Prompt tokens of a chat request whose message contents are ``messages``."""
    return sum(count_tokens(m, model) + _MESSAGE_OVERHEAD for m in messages) + _REPLY_PRIMING


def _paragraphs(text: str) -> list[Span]:
    spans: list[Span] = []
    start = 0
    for piece in text.split("\n\n"):
        end = start + len(piece)
        if piece.strip():
            spans.append(Span(start, end))
        start = end + 2
    return spans


def _units(text: str, limit: int, model: str) -> list[Span]:
    """Paragraphs, with any paragraph over ``limit`` replaced by its sentences."""
    units: list[Span] = []
    for paragraph in _paragraphs(text):
        if count_tokens(paragraph.text(text), model) <= limit:
            units.append(paragraph)
            continue
        for sentence in split_sentences(paragraph.text(text)):
            units.append(Span(paragraph.start + sentence.start, paragraph.start + sentence.end))
    return units


def split_text(text: str, limit: int, model: str) -> list[Span]:
    """Spans of ``text`` of at most ``limit`` tokens each (a single longer sentence stays
    whole), cut at paragraphs or sentences, each overlapping its predecessor by one unit."""
    if count_tokens(text, model) <= limit:
        return [Span(0, len(text))]
    units = _units(text, limit, model)
    parts: list[Span] = []
    first = 0
    while first < len(units):
        last = first
        while last + 1 < len(units) and (
            count_tokens(text[units[first].start : units[last + 1].end], model) <= limit
        ):
            last += 1
        parts.append(Span(units[first].start, units[last].end))
        if last + 1 >= len(units):
            break
        first = last if last > first else last + 1  # overlap by one unit when it fits
    return parts


@dataclass(frozen=True)
class Price:
    """US dollars per million tokens."""

    input: float
    cached_input: float
    output: float


@lru_cache(maxsize=1)
def _prices() -> dict[str, Price]:
    raw = resources.files("stargate_digest.data").joinpath("pricing.toml").read_text("utf-8")
    return {name: Price(**values) for name, values in tomllib.loads(raw)["models"].items()}


def price_of(model: str) -> Price | None:
    """The list price of ``model`` (longest known name prefix), or None when unknown."""
    prices = _prices()
    matches = [name for name in prices if model == name or model.startswith(name + "-")]
    return prices[max(matches, key=len)] if matches else None


def cost_usd(
    model: str,
    prompt_tokens: int,
    completion_tokens: int,
    cached_tokens: int = 0,
    *,
    batch: bool = False,
) -> float | None:
    """Estimated cost of the tokens at list price (the Batch API charges half)."""
    price = price_of(model)
    if price is None:
        return None
    fresh = prompt_tokens - cached_tokens
    total = (
        fresh * price.input + cached_tokens * price.cached_input + completion_tokens * price.output
    ) / 1e6
    return total / 2 if batch else total

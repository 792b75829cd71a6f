"""Which day's exchange rate applies to each source.

A figure is converted at the ECB rate of its source's publication date. A source with no
date gets the story's reference date (the middle publication date of the sources that
have one): coverage of one story clusters in time, and the run date can be years later,
when rates have moved. With no dated source at all, the run date is used. Each choice
comes with the sentence that says so.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from statistics import median_low

from stargate_digest.models import Article


@dataclass(frozen=True)
class RateDate:
    """The day whose rate applies to one source, and why that day."""

    day: date
    reason: str


def rate_dates(articles: Sequence[Article], today: date) -> dict[str, RateDate]:
    """A rate date for every article, by article id."""
    dated = sorted(a.published.date() for a in articles if a.published is not None)
    reference = median_low(dated) if dated else None
    chosen: dict[str, RateDate] = {}
    for article in articles:
        if article.published is not None:
            day = article.published.date()
            chosen[article.id] = RateDate(day, f"the publication date {day.isoformat()}")
        elif reference is not None:
            chosen[article.id] = RateDate(
                reference,
                f"{reference.isoformat()}, the story's middle publication date "
                "(this source has no date)",
            )
        else:
            chosen[article.id] = RateDate(
                today, f"the run date {today.isoformat()} (no source has a date)"
            )
    return chosen

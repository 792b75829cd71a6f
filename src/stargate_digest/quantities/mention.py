"""The parser's output: one quantity found in text, with its span and how it was read."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel

from stargate_digest.models import Qualifier

# "year" is never produced by the parser (bare years are skipped); extractors use it for
# target years such as "by 2028", which the contract cannot write as a full date.
Kind = Literal["money", "percent", "count", "power", "area", "duration", "date", "year"]


class Mention(BaseModel, frozen=True):
    """A quantity in running text; ``text[start:end] == surface`` in the text it came from.

    ``value`` is fully scaled ("$38 billion" -> 38e9) or, for dates, 'YYYY-MM-DD' or
    '--MM-DD'. ``unit`` is an ISO 4217 code for money ('XXX' while unresolved, with the
    possible codes in ``currency_candidates``), else 'percent', 'count', 'GW', 'MW',
    'sqft', 'sqm', 'acre', 'ha', 'years', 'months' or 'date'.
    """

    kind: Kind
    value: float | str
    unit: str
    currency_candidates: tuple[str, ...] = ()
    currency_resolution: str | None = None
    qualifier: Qualifier = Qualifier.EXACT
    start: int
    end: int
    surface: str
    scale_word: str | None = None

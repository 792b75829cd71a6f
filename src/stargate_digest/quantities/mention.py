"""The parser's output: one quantity found in text, with its span and how it was read."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from stargate_digest.frozen import quick_init
from stargate_digest.models import Qualifier

Kind = Literal["money", "percent", "count", "power", "energy", "area", "duration", "date"]


@quick_init  # frozen.py: about thirty per article, twelve fields each
@dataclass(frozen=True, slots=True, kw_only=True)
class Mention:
    """A quantity in running text; ``text[start:end] == surface`` in the text it came from.

    ``value`` is fully scaled ("$38 billion" -> 38e9) or, for dates, 'YYYY-MM-DD',
    '--MM-DD', 'YYYY-MM' or 'YYYY'. A range ("$15-25 billion") has its low end in
    ``value`` and its high end in ``value_max``. ``spelled`` is true for a number written
    in words ("eight buildings"). ``unit`` is an ISO 4217 code for money ('XXX' while
    unresolved, with the possible codes in ``currency_candidates``), else 'percent',
    'count', 'GW', 'MW', 'GWh', 'MWh', 'TWh', 'kWh', 'sqft', 'sqm', 'acre', 'ha', 'years',
    'months', 'days' or 'date'.

    A frozen dataclass with slots, not a pydantic model: the scanner builds it from values
    it has already typed (nothing to validate), and the extractor reads its fields
    thousands of times per article, each read of a pydantic model's field going through
    the class's ``__getattr__`` hook (several times a slot's cost; about 2.6 % of an
    article's instructions in all). Keyword-only, as the model was; a copy with changes is
    ``dataclasses.replace``.
    """

    kind: Kind
    value: float | str
    value_max: float | None = None
    unit: str
    currency_candidates: tuple[str, ...] = ()
    currency_resolution: str | None = None
    qualifier: Qualifier = Qualifier.EXACT
    start: int
    end: int
    surface: str
    scale_word: str | None = None
    spelled: bool = False

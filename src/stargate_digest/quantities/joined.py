"""Figures that two neighbouring mentions make together, read as one.

- A span in years and months ("5년 6개월", "five years and six months", "5年6个月") is one
  duration in months: 66, not a duration of five years and another of six months.
- Two Chinese or Japanese numerals in a row, the second one more than the first, are
  "n or n+1", a range ("四五個月", four or five months; "三四百人", 300 to 400 people),
  which the scanner reads as its upper end alone.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Final

from stargate_digest.models import Qualifier
from stargate_digest.quantities.mention import Mention

# What may stand between the years and the months of one span: a space, "and", a comma.
_SPAN_GAP: Final = re.compile(r"[\s\u00a0]*(?:(?:and|und|et|y|e|i|og|en|,)[\s\u00a0]*)?\Z")
_CJK_DIGITS: Final = {d: n for n, d in enumerate("一二三四五六七八九", start=1)}
_CJK_NEIGHBOURS: Final = frozenset({"zh", "ja"})


def _years_and_months(text: str, first: Mention, second: Mention) -> Mention | None:
    if (
        first.kind != "duration"
        or second.kind != "duration"
        or first.unit != "years"
        or second.unit != "months"
        or first.value_max is not None
        or second.value_max is not None
        or not _SPAN_GAP.match(text[first.end : second.start])
    ):
        return None
    qualifier = second.qualifier if first.qualifier is Qualifier.EXACT else first.qualifier
    return replace(
        second,
        value=float(first.value) * 12 + float(second.value),
        qualifier=qualifier,
        start=first.start,
        surface=text[first.start : second.end],
    )


def _power_of_ten(ratio: float) -> bool:
    return ratio >= 1 and float(f"1e{len(str(int(ratio))) - 1}") == ratio


def _neighbour_range(mention: Mention) -> Mention:
    """ "四五個月", read by the scanner as five months: the range 4 to 5."""
    surface = mention.surface
    low = _CJK_DIGITS.get(surface[:1])
    high = _CJK_DIGITS.get(surface[1:2])
    if (
        low is None
        or high != low + 1
        or mention.value_max is not None
        or isinstance(mention.value, str)
        or not _power_of_ten(float(mention.value) / high)
    ):
        return mention
    value = float(mention.value)
    return replace(mention, value=value * low / high, value_max=value)


def joined(text: str, mentions: list[Mention], language: str) -> list[Mention]:
    """``mentions`` (in order) with neighbours that make one figure made into one."""
    out: list[Mention] = []
    cjk = language in _CJK_NEIGHBOURS
    for mention in mentions:
        current = _neighbour_range(mention) if cjk and mention.kind != "date" else mention
        merged = _years_and_months(text, out[-1], current) if out else None
        if merged is not None:
            out[-1] = merged
        else:
            out.append(current)
    return out

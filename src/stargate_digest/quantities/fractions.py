"""Shares written as fractions ("a third of the market", "3분의 2", "三分之一"): percentages.

News copy gives a share as a fraction as often as in percent; the digest reports it in
percent, rounded to one decimal as a reader would write it (a third is 33.3 percent, and
approximate). Only fractions whose words cannot be read otherwise: thirds in the Latin
languages ("a third" only before "of": "a third fab" is an ordinal; quarters not, "a
quarter" is three months), and any "N분의 M" (Korean), "N分之M" (Chinese), "N分のM"
(Japanese), which name nothing but a fraction. The digits of a fraction are no counts.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import Final

from stargate_digest.models import Qualifier
from stargate_digest.quantities.mention import Mention

# Numerators and denominators spelled in words, per language (what the patterns capture).
_WORDS: Final[dict[str, int]] = {
    "a": 1, "one": 1, "two": 2, "ein": 1, "einem": 1, "zwei": 2, "un": 1, "deux": 2,
    "dos": 2, "due": 2, "um": 1, "dois": 2, "jedna": 1, "jedną": 1, "dwie": 2, "en": 1,
    "to": 2, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
    "十": 10,
}  # fmt: skip

_THIRDS: Final = r"(?P<den>)"  # the Latin patterns name thirds: the denominator is 3
_CJK_DIGIT: Final = r"[1-9]|10|[一二三四五六七八九十]"
_PATTERNS: Final[dict[str, str]] = {
    "en": rf"\b(?P<num>a(?=[\s-]+third\s+of\b)|one|two)[\s-]+thirds?\b{_THIRDS}",
    "de": rf"\b(?P<num>ein|einem|zwei)\s+Drittel\b{_THIRDS}",
    "fr": rf"\b(?P<num>un|deux)\s+tiers\b{_THIRDS}",
    "es": rf"\b(?P<num>un|dos)\s+tercios?\b{_THIRDS}",
    "it": rf"\b(?P<num>un|due)\s+terz[oi]\b{_THIRDS}",
    "pt": rf"\b(?P<num>um|dois)\s+terços?\b{_THIRDS}",
    "pl": rf"\b(?P<num>jedn[aą]|dwie)\s+trzeci[aąe]\b{_THIRDS}",
    "nb": rf"\b(?P<num>en|to)\s+tredjedel(?:er)?\b{_THIRDS}",
    "ko": rf"(?<!\d)(?P<den>{_CJK_DIGIT})\s?분의\s?(?P<num>{_CJK_DIGIT})(?!\d)",
    "zh": rf"(?<![\d百])(?P<den>{_CJK_DIGIT})分之(?P<num>{_CJK_DIGIT})(?![\d十百])",
    "ja": rf"(?<![\d百])(?P<den>{_CJK_DIGIT})分の(?P<num>{_CJK_DIGIT})(?![\d十百])",
}
# A cheap test before the search: a word every fraction of the language contains.
_LEADS: Final[dict[str, str]] = {
    "en": "third", "de": "rittel", "fr": "tiers", "es": "terci", "it": "terz", "pt": "terç",
    "pl": "trzeci", "nb": "tredjedel", "ko": "분의", "zh": "分之", "ja": "分の",
}  # fmt: skip


@cache
def _pattern(language: str) -> re.Pattern[str] | None:
    written = _PATTERNS.get(language)
    return None if written is None else re.compile(written, re.IGNORECASE)


def _number(written: str) -> int:
    return int(written) if written.isdigit() else _WORDS[written.casefold()]


def fraction_mentions(text: str, language: str) -> Iterator[Mention]:
    """Each fraction of ``language``'s words in ``text``, as a percentage."""
    pattern = _pattern(language)
    if pattern is None or _LEADS[language] not in text:
        return
    for found in pattern.finditer(text):
        numerator = _number(found.group("num"))
        denominator = _number(found.group("den") or "3")
        if not 0 < numerator < denominator:
            continue  # "3분의 3", not a share of anything
        share = 100 * numerator / denominator
        value = round(share, 1)
        yield Mention(
            kind="percent",
            value=value,
            unit="percent",
            qualifier=Qualifier.EXACT if value == share else Qualifier.APPROX,
            start=found.start(),
            end=found.end(),
            surface=found.group(),
            spelled=True,
        )

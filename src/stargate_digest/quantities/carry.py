"""Bare scaled amounts that are money by their context, their currency read from it.

"$500 billion (approximately 3.6 trillion)": the restatement is money in an unstated
currency; "500.000 millones de dólares. De esa cifra, 150.000 millones ...": the bare
amount is in the currency named before it in the paragraph; "from 5 billion to 6.5
billion euros": the first end of a change takes the currency of the second. Each reading
says in ``currency_resolution`` which amount it came from.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import replace
from functools import cache
from itertools import pairwise
from typing import Final

from stargate_digest.cue_words import cue_data
from stargate_digest.quantities.currency import UNRESOLVED
from stargate_digest.quantities.locale_facts import word_language
from stargate_digest.quantities.mention import Mention
from stargate_digest.quantities.numbers import parse_number
from stargate_digest.quantities.patterns import alternation

AMOUNT_FOLLOWERS: Final[Mapping[str, tuple[str, ...]]] = {
    # Words that may follow a bare scaled amount that is still the money named earlier in
    # the paragraph ("los 350.000 millones restantes"); a noun there ("3.6 trillion
    # people", "500 milioni di utenti") makes it a count. Short lowercase words ("se",
    # "in", "to") and punctuation also keep it money (`_still_money`).
    # Prepositions and hedges after it ("65.000 millones hasta 2030", "10 milliards
    # environ") say when or how much, not what is counted.
    "en": ("more", "remaining", "additional", "will", "would", "was", "were", "has", "have",
           "by", "until", "through", "over", "roughly", "apiece"),
    "de": ("weitere", "sollen", "soll", "werden", "wurden", "fließen", "bis", "etwa",
           "rund", "für", "ab"),
    "fr": ("restants", "restant", "supplémentaires", "seront", "sont", "iront", "environ",
           "d'ici", "d’ici", "jusqu'en", "jusqu’en", "pour", "dont"),
    "es": ("restantes", "adicionales", "más", "irán", "serán", "hasta", "desde", "para",
           "durante", "aproximadamente"),
    "it": ("restanti", "aggiuntivi", "saranno", "andranno", "entro", "fino", "circa", "per"),
    "pt": ("restantes", "adicionais", "serão", "irão", "até", "para", "cerca", "desde"),
    "nb": ("resterende", "ytterligere", "skal", "vil", "innen", "til", "cirka", "rundt"),
    "nl": ("extra", "zal", "zullen", "wordt", "worden", "gaat", "gaan", "tegen", "tot",
           "ongeveer", "voor"),
    "pl": ("zostanie", "zostaną", "trafi", "trafią", "ma", "mają", "do", "około", "na"),
}  # fmt: skip

_EQUIVALENCE_GAP = re.compile(r"\s*[(（][^()（）\d]{0,30}")


def money_from_context(
    text: str, mentions: list[Mention], language: str, joiners: re.Pattern[str]
) -> list[Mention]:
    """``mentions`` with each bare scaled amount that context makes money read as money.

    ``joiners`` matches what joins a range's two ends in the language ("to", "à", "-").
    """
    scaled = _scale_back(text, mentions, language, joiners)
    linked = _link_equivalents(text, scaled)
    return _carry_currency(text, _carry_back(text, linked, joiners), language)


@cache
def _set_against(language: str) -> re.Pattern[str] | None:
    """What joins two amounts of which only the second carries its scale: a change's
    second word ("von 5 auf 7 Milliarden") or a word setting one against the other
    ("9,9 statt 6,8 Milliarden"); data in data/cue_words.toml."""
    data = cue_data()
    words = [
        *data["change"].get(language, {}).get("second", ()),
        *data["instead"].get(language, ()),
    ]
    if not words:
        return None
    choices = alternation(words)
    return re.compile(rf"[ \u00a0]+(?i:{choices})[ \u00a0]+")


_LEADING_NUMBER = re.compile(r"\d[\d.,\u00a0\u202f ]*\d|\d")


def _scale_back(
    text: str, mentions: list[Mention], language: str, joiners: re.Pattern[str]
) -> list[Mention]:
    """A number in digits with no scale, joined to a scaled money amount after it, takes
    that amount's scale and currency: "rose from 5 to 7 billion dollars", "von 5 auf 7
    Milliarden Euro", "mit 9,9 statt 6,8 Milliarden Euro" (two figures, each read whole;
    a range's ends are read so by the scanner itself)."""
    words = word_language(language)
    against = _set_against(words)
    scaled = list(mentions)
    for index, (mention, after) in enumerate(pairwise(mentions)):
        if mention.kind != "count" or mention.scale_word is not None or mention.spelled:
            continue
        if after.kind != "money" or after.scale_word is None or after.unit == UNRESOLVED:
            continue
        gap_joins = joiners.fullmatch(text, mention.end, after.start) or (
            against is not None and against.fullmatch(text, mention.end, after.start)
        )
        factor = _scale_of(after, words)
        if not gap_joins or factor is None or isinstance(mention.value, str):
            continue
        scaled[index] = replace(
            _money_as(mention, after, "it is set against"), value=mention.value * factor
        )
    return scaled


def _scale_of(mention: Mention, language: str) -> float | None:
    """The power of ten a scaled amount's scale word stands for (6.8e9 / 6.8 = 1e9)."""
    found = _LEADING_NUMBER.search(mention.surface)
    if found is None or isinstance(mention.value, str):
        return None
    try:
        number = parse_number(found.group(), language)
    except ValueError:
        return None
    if number <= 0:
        return None
    factor = 10 ** round(math.log10(mention.value / number))
    return float(factor) if factor >= 1000 else None


def _is_bare_scaled(mention: Mention) -> bool:
    return mention.kind == "count" and mention.scale_word is not None


def _restates(text: str, first: Mention, second: Mention) -> bool:
    """True when ``second`` opens a parenthesis right after ``first`` ("$500 billion (about")."""
    return _EQUIVALENCE_GAP.fullmatch(text, first.end, second.start) is not None


def _link_equivalents(text: str, mentions: list[Mention]) -> list[Mention]:
    """A bare scaled number restating a money amount in parentheses is money, currency open.

    "$500 billion (approximately 3.6 trillion)": 3.6e12 in an unstated currency (XXX, no
    candidates). Elsewhere a bare scaled number stays a count.
    """
    linked = list(mentions)
    for index, mention in enumerate(mentions):
        if not _is_bare_scaled(mention):
            continue
        neighbours = [
            (mentions[index - 1], mention) if index > 0 else None,
            (mention, mentions[index + 1]) if index + 1 < len(mentions) else None,
        ]
        for pair in neighbours:
            if pair is None:
                continue
            other = pair[0] if pair[1] is mention else pair[1]
            if other.kind == "money" and _restates(text, *pair):
                linked[index] = replace(
                    mention,
                    kind="money",
                    unit=UNRESOLVED,
                    currency_candidates=(),
                    currency_resolution="no currency stated; money as a restatement "
                    f"of '{other.surface}'",
                )
                break
    return linked


_CARRY_WINDOW = 400
_NEXT_WORD = re.compile(r"[ \u00a0\u202f]*(\w*)")


def _still_money(text: str, end: int, language: str) -> bool:
    """Whether what follows a bare scaled amount lets it be the money named before it."""
    word = _NEXT_WORD.match(text, end)
    following = "" if word is None else word.group(1)
    if not following:
        return True  # punctuation or the end of the text
    if len(following) <= 3 and following.islower():
        return following not in {"of", "de", "di", "da", "do", "der", "des", "du"}
    return following.casefold() in AMOUNT_FOLLOWERS.get(word_language(language), ())


def _carry_currency(text: str, mentions: list[Mention], language: str) -> list[Mention]:
    """A bare scaled amount after money in the same paragraph is money in that currency.

    "El plan asciende a 500.000 millones de dólares. De esa cifra, 150.000 millones se
    desplegarán ...": 150e9 USD, and the reason names the amount it was read from. Not
    when a noun follows ("3.6 trillion people", "500 milioni di utenti").
    """
    carried = list(mentions)
    last_money: Mention | None = None
    for index, mention in enumerate(mentions):
        if mention.kind == "money" and mention.unit != UNRESOLVED:
            last_money = mention
            continue
        if not _is_bare_scaled(mention) or last_money is None:
            continue
        between = text[last_money.end : mention.start]
        if len(between) > _CARRY_WINDOW or "\n\n" in between:
            continue
        if not _still_money(text, mention.end, language):
            continue
        carried[index] = _money_as(mention, last_money, "earlier in the paragraph")
    return carried


def _carry_back(text: str, mentions: list[Mention], joiners: re.Pattern[str]) -> list[Mention]:
    """A bare scaled amount joined to the money after it as a range's ends are joined is
    money in that currency: "rose from 5 billion to 6.5 billion euros", "passe de 6,8
    milliards à 9,9 milliards d'euros" (a change, so two figures, not a range)."""
    carried = list(mentions)
    for index, (mention, after) in enumerate(pairwise(mentions)):
        if not _is_bare_scaled(mention) or after.kind != "money" or after.unit == UNRESOLVED:
            continue
        if after.scale_word is None or not joiners.fullmatch(text, mention.end, after.start):
            continue
        carried[index] = _money_as(mention, after, "it changed to")
    return carried


def _money_as(mention: Mention, money: Mention, where: str) -> Mention:
    """A bare amount read in the currency of ``money``, saying where that came from."""
    return replace(
        mention,
        kind="money",
        unit=money.unit,
        currency_candidates=(),
        currency_resolution=f"no currency stated; {money.unit} as '{money.surface}' {where}",
    )

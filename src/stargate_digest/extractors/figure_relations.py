"""Figures and how one relates to the words around it, for the scope rules: an
article's figures found by offset, a part named between two figures of a list (which
of them it describes), a time a change is compared with, the first value of a change
("from X to Y"). extractors/scope_rules.py uses them; the words are data tables in
extractors/scope_words.py and clause_rules.py."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from stargate_digest.extractors.clause_rules import COORDINATORS, INCLUSION_WORDS
from stargate_digest.extractors.scope_words import (
    COMPARED_AFTER,
    COMPARED_BEFORE,
    FROM_TO,
    UNSPACED,
    WITH_CLAUSES,
)
from stargate_digest.frozen import quick_init
from stargate_digest.quantities import Mention
from stargate_digest.quantities.locale_facts import word_language
from stargate_digest.quantities.patterns import alternation
from stargate_digest.segment import Span
from stargate_digest.terms import TermHit


@quick_init
@dataclass(frozen=True, slots=True)
class Figure:
    """A figure and where it stands: its sentence, clause and paragraph."""

    mention: Mention
    sentence: Span
    clause: Span
    paragraph: Span


class Figures:
    """An article's figures in text order, found by offset (built once per article)."""

    def __init__(self, mentions: Sequence[Mention]) -> None:
        self.mentions = mentions
        self._starts = [m.start for m in mentions]

    def first_from(self, offset: int) -> Mention | None:
        """The first figure starting at or after ``offset``."""
        at = bisect_left(self._starts, offset)
        return self.mentions[at] if at < len(self.mentions) else None


@cache
def _comparison(language: str) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    before = COMPARED_BEFORE.get(language)
    after = COMPARED_AFTER.get(language)
    boundary = "" if language in UNSPACED else r"(?:^|(?<=\W))"
    return (
        re.compile(rf"{boundary}(?:{alternation(before)})\s*$", re.IGNORECASE) if before else None,
        re.compile(rf"\s*(?:{alternation(after)})") if after else None,
    )


def describes_figure_before(
    text: str,
    span: Span,
    hit: TermHit,
    mention: Mention,
    *,
    figures: Figures,
    language: str,
) -> bool:
    """Whether a part named between an earlier figure and this one, with "and" between it
    and this one, describes the earlier figure ("$40 billion at Abilene and about $60
    billion elsewhere"): this figure is the next item of the list. Not when an inclusion
    word stands between ("bought three lots on Main Road, including a warehouse and two
    plots of 40 hectares"): this figure is an item of what the part's clause names."""
    if hit.end > mention.start:
        return False
    genitive = _GENITIVE_FIGURE.get(word_language(language))
    if genitive is not None:
        held = figures.first_from(hit.end)
        if (
            held is not None
            and held.end <= mention.start
            and genitive.fullmatch(text, hit.end, held.start)
        ):
            return True  # "株式の約2割を維持しつつ、…4年間": the stake is the 20%'s
    first = figures.first_from(span.start)
    if first is None or first.end > hit.start:
        return False  # no figure of the span before the part
    words = word_language(language)
    if coordinator(words).search(text, hit.end, mention.start) is None:
        return False
    return not any(
        text.find(w, hit.end, mention.start) >= 0 for w in INCLUSION_WORDS.get(words, ())
    )


_NEXT_FIGURE_REACH = 30
# What may stand between a time word and the figure it modifies: a space, or a short
# word ("anfangs 2 GW", "capacità iniziale di 2 GW", "initially at 2 GW").
_MODIFIER_GAP = re.compile(r"\s+(?:[^\W\d_]{1,3}\s+)?")


def modifies_figure_before(
    text: str, hit: TermHit, mention: Mention, figures: Figures, language: str
) -> bool:
    """Whether a part said of a time ("initially", "anfangs", "capacità iniziale") stands
    right before an earlier figure that a coordinator or "with" joins to this one: it
    says when that figure holds, and this one is the next step ("verbraucht anfangs 2
    GW und kann auf 5 GW erweitert werden", "capacità iniziale di 2 GW, con piani di
    espansione fino a 5 GW"), not the same time."""
    if hit.end > mention.start:
        return False
    earlier = figures.first_from(hit.end)
    if earlier is None or earlier.start >= mention.start:
        return False
    if not _MODIFIER_GAP.fullmatch(text, hit.end, earlier.start):
        return False
    words = word_language(language)
    if coordinator(words).search(text, earlier.end, mention.start) is not None:
        return True
    joined = _with(words)
    return joined is not None and joined.search(text, earlier.end, mention.start) is not None


@cache
def _with(language: str) -> re.Pattern[str] | None:
    words = WITH_CLAUSES.get(language)
    return re.compile(rf"(?<!\w)(?:{alternation(words)})(?!\w)", re.I) if words else None


# A part joined to the figure right after it by a genitive ("株式の約2割", the stake's
# 20%; "지분의 20%", "股权的20%"): the figure is of that part, and a later figure of the
# sentence is not.
_GENITIVE_FIGURE = {
    language: re.compile(rf"{particle}[ \u00a0]?(?:{hedge})?[ \u00a0]?")
    for language, particle, hedge in (
        ("ja", "の", "約|およそ|最大"),
        ("zh", "的", "约|約|近|逾"),
        ("ko", "의", "약|최대"),
    )
}


_WORD = re.compile(r"[^\W\d_]{2,}")
_STATEMENT_WORDS = 4


def describes_figure_after(text: str, hit: TermHit, mention: Mention, figures: Figures) -> bool:
    """Whether a part named right after a later amount, past this one, is that amount's
    ("received $4.75 billion in grants and is part of a $37 billion investment in
    Central Texas"): of two amounts stated apart, the part describes the one it closely
    follows. An amount restated beside this one ("€80 billion ($87 billion) in
    Europe") is the same figure: the part is this one's too. A year between the two
    ("under the 2022 CHIPS Act") is no amount: the next amount is read past it."""
    if hit.start < mention.end or mention.kind != "money":
        return False
    later = figures.first_from(mention.end)
    while later is not None and later.kind != "money" and later.end <= hit.start:
        later = figures.first_from(later.start + 1)
    if later is None or later.kind != "money":
        return False
    if not later.end <= hit.start <= later.end + _NEXT_FIGURE_REACH:
        return False
    return len(_WORD.findall(text, mention.end, later.start)) >= _STATEMENT_WORDS


@cache
def coordinator(language: str) -> re.Pattern[str]:
    words = "|".join(map(re.escape, COORDINATORS.get(language, COORDINATORS["en"])))
    if language in UNSPACED:
        return re.compile(words)
    return re.compile(rf"(?<!\w)(?:{words})(?!\w)", re.IGNORECASE)


def compared_with(text: str, start: int, end: int, language: str) -> bool:
    """Whether the time named at ``start:end`` is what a change is compared with."""
    before, after = _comparison(language)
    if before is not None and before.search(text, max(0, start - 25), start):
        return True
    return after is not None and after.match(text, end) is not None


_ASIDE = r"\s*(?:[(（][^()（）]{0,60}[)）])?\s*"  # "$38 billion (about ¥5.94 trillion)"
_SPACED_HEDGE = r"\s+(?:[^\W\d]{1,8}\s+)?"  # "auf rund 96", "to about $2.9"


@cache
def _from_to(
    language: str,
) -> tuple[re.Pattern[str] | None, re.Pattern[str], re.Pattern[str] | None] | None:
    words = FROM_TO.get(language)
    if words is None:
        return None
    before, between, after = words
    # Words are spaced in these languages: a hedge word may follow ("auf rund 96").
    spaced = language not in UNSPACED and language != "ko"
    rest = _SPACED_HEDGE if spaced else r"\s*"
    edge = r"(?<!\w)" if spaced else ""
    return (
        re.compile(rf"{edge}(?:{before})\s*$", re.IGNORECASE) if before else None,
        re.compile(rf"{_ASIDE}(?:{between}){rest}"),
        re.compile(rf"{_ASIDE}(?:{after})") if after else None,
    )


def changed_from(text: str, mention: Mention, figures: Figures, language: str) -> bool:
    """Whether the figure is the first value of a change from it to another figure of
    its kind ("from $3.5 trillion to $2.9 trillion")."""
    patterns = _from_to(word_language(language))
    if patterns is None:
        return False
    before, between, after = patterns
    if before is not None and not before.search(text, max(0, mention.start - 12), mention.start):
        return False
    gap = between.match(text, mention.end)
    if gap is None:
        return False
    second = figures.first_from(gap.end())
    if second is None or second.start != gap.end() or second.kind != mention.kind:
        return False
    return after is None or after.match(text, second.end) is not None

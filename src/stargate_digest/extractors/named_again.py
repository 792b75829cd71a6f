"""A part's own noun again after a determiner ("the phase", "l'usine", "das Werk"): which
part it names (extractors/scope_rules.py, rule 5 and the rule after it).

A news page names a part once ("its new plant in Taylor", "sa nouvelle usine") and then
calls it by its noun ("The plant will employ 2,000", "L'usine créera 2 000 emplois"),
often a paragraph or two further on: the noun takes up the last part named with it, not
whatever the sentence or paragraph just before happens to name.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from stargate_digest.extractors.scope_words import (
    DETERMINERS,
    FACILITY_NOUNS,
    HEAD_DETERMINERS,
    NEW_WORDS,
)
from stargate_digest.quantities.patterns import alternation
from stargate_digest.segment import Sentences, Span, clause_around
from stargate_digest.terms import TermHit

# How far back "the plant" looks for the part it names, in characters: a few paragraphs
# of news copy (the corpus has it two paragraphs on). Bounded, so that each figure looks
# at a window of text, not the whole page (tests/test_hardening_input.py).
REACH = 1500

# The last word of a part's name when it is a common noun ("first phase" -> "phase",
# "Abilene campus" -> "campus"): a lowercase word of three letters or more at its end
# (German nouns are capitalised: any word).
HEAD_NOUN = re.compile(r"(?<![\w-])[^\W\d_]{3,}$")
# In Japanese and Korean, the last two Han or Hangul letters of the name, or its last
# word in katakana ("11の半導体工場" -> "工場", "반도체 제조공장" -> "공장"): a compound
# ends with its head. A place's name ends in neither ("テキサス州").
_HEAD_LAST = re.compile(r"(?:[\u3400-\u9fff]{2}|[가-힣]{2}|[ァ-ヺー]{3,})$")


def head_noun(text: str, start: int, end: int, language: str) -> str | None:
    """The noun that a part's name at ``start:end`` ends with, if it is a common noun."""
    pattern = _HEAD_LAST if language in HEAD_DETERMINERS else HEAD_NOUN
    found = pattern.search(text, start, end)
    return None if found is None else found.group()


@cache
def same_noun(language: str, noun: str) -> re.Pattern[str] | None:
    """ "the phase", "l'usine": a determiner, then the noun (not a name: "the Abilene");
    "各工場", "이 공장" in Japanese and Korean."""
    heads = HEAD_DETERMINERS.get(language)
    if heads is not None:
        before = "|".join(map(re.escape, heads))
        if language == "ko":  # a word of its own: "이 공장", not "차이 공장"
            return re.compile(rf"(?<![가-힣])(?:{before})[ \u00a0]?{re.escape(noun)}")
        return re.compile(rf"(?:{before}){re.escape(noun)}")
    words = DETERMINERS.get(language)
    if words is None or (noun != noun.lower() and language != "de"):
        return None
    determiners = "|".join(map(re.escape, words))
    return re.compile(
        rf"(?<!\w)(?:{determiners})(?:\s+|(?<=['’])){re.escape(noun)}(?!\w)", re.IGNORECASE
    )


def last_named_again(
    text: str, sentence: Span, earlier: Sequence[TermHit], language: str
) -> str | None:
    """The part last named (``earlier``: where the text names parts before ``sentence``)
    whose noun ``sentence`` repeats after a determiner. The latest such name wins: "sa
    nouvelle usine … son usine existante à Austin … L'usine" would be Austin's, had
    Austin's name ended in "usine"; a name ending in another noun is not taken up."""
    for hit in sorted(earlier, key=lambda h: h.start, reverse=True):
        head = head_noun(text, hit.start, hit.end, language)
        again = same_noun(language, head) if head else None
        if again is not None and again.search(text, sentence.start, sentence.end):
            return hit.label
    return None


@cache
def _facility(language: str) -> re.Pattern[str] | None:
    """ "the plant", "das Werk", "l'usine", "de chipfabriek", "该工厂", "同工場", "이 공장"."""
    nouns = FACILITY_NOUNS.get(language)
    if not nouns:
        return None
    choices = alternation(nouns)
    words = DETERMINERS.get(language)
    if words is None:  # Chinese, Japanese, Korean: the table holds the whole phrase
        return re.compile(choices)
    determiners = "|".join(map(re.escape, words))
    # German and Dutch write compounds as one word: "die Chipfabrik", "de chipfabriek".
    compound = r"[^\W\d_]*" if language in {"de", "nl"} else ""
    new = "|".join(NEW_WORDS.get(language, ()))
    new = rf"(?:(?:{new})\s+)?" if new else ""  # "the new plant", "O novo local"
    return re.compile(
        rf"(?<!\w)(?:{determiners})(?:\s+|(?<=['’])){new}{compound}(?:{choices})(?!\w)",
        re.IGNORECASE,
    )


# How far after "the plant" a site it is placed in may be named ("das Werk des
# Chipherstellers in Manassas").
_PLACED_REACH = 40


def last_site_for_facility(
    text: str,
    sentence: Span,
    earlier_sites: Sequence[TermHit],
    language: str,
    here: Sequence[TermHit] = (),
) -> str | None:
    """The site last named before ``sentence`` (``earlier_sites``), when the sentence
    speaks of "the plant" ("a chip plant in Magdeburg. … The plant will cost €17
    billion"): a page calls the site it has just placed by its kind, not its name. When
    the sentence places the plant itself ("… to expand the plant in Manassas": a site of
    ``here``, the sentence's, right after it), it is that site."""
    pattern = _facility(language)
    found = None if pattern is None else pattern.search(text, sentence.start, sentence.end)
    if found is None:
        return None
    placed = [h for h in here if found.end() <= h.start <= found.end() + _PLACED_REACH]
    if placed:
        return min(placed, key=lambda h: h.start).label
    return max(earlier_sites, key=lambda h: h.start).label if earlier_sites else None


def speaks_of_facility(text: str, span: Span, language: str) -> bool:
    """Whether ``span`` speaks of "the plant" ("Voor de fabriek is er in totaal …": a
    total for the plant is the plant's, not the sum of the story's parts)."""
    pattern = _facility(language)
    return pattern is not None and pattern.search(text, span.start, span.end) is not None


def subject_site(
    text: str, sentences: Sentences, sites: list[TermHit], coordinator: re.Pattern[str]
) -> list[TermHit]:
    """The site "the plant" takes up: of the sites the sentence naming the last one
    names, the first, when both are in one clause and no coordinator joins them
    ("Micron's investment in Clay will complement its fab in Boise. The site could
    include four cleanrooms": in one clause, the site named first is what it is about,
    the one after it what it is compared with or added to). Sites named in turn
    ("Stargate picked Abilene, then Lordstown", "Abilene en later Lordstown") leave the
    last, the newest."""
    if not sites:
        return sites
    last = max(sites, key=lambda h: h.start)
    sentence = sentences.containing(last.start)
    first = min((h for h in sites if h.start >= sentence.start), key=lambda h: h.start)
    # the last site's first name in the sentence ("Boise" of "Boise, Idaho")
    latest = min(
        (h for h in sites if h.label == last.label and h.start >= sentence.start),
        key=lambda h: h.start,
    )
    clause = clause_around(text, sentence, first.start, first.end)
    if latest.end > clause.end or coordinator.search(text, first.end, latest.start):
        return [last]
    return [first]

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

from stargate_digest.extractors.scope_words import DETERMINERS
from stargate_digest.segment import Span
from stargate_digest.terms import TermHit

# The last word of a part's name when it is a common noun ("first phase" -> "phase",
# "Abilene campus" -> "campus"): a lowercase word of three letters or more at its end
# (German nouns are capitalised: any word).
HEAD_NOUN = re.compile(r"(?<![\w-])[^\W\d_]{3,}$")


@cache
def same_noun(language: str, noun: str) -> re.Pattern[str] | None:
    """ "the phase", "l'usine": a determiner, then the noun (not a name: "the Abilene")."""
    words = DETERMINERS.get(language)
    if words is None or (noun != noun.lower() and language != "de"):
        return None
    alternation = "|".join(map(re.escape, words))
    return re.compile(
        rf"(?<!\w)(?:{alternation})(?:\s+|(?<=['’])){re.escape(noun)}(?!\w)", re.IGNORECASE
    )


def last_named_again(
    text: str, sentence: Span, earlier: Sequence[TermHit], language: str
) -> str | None:
    """The part last named (``earlier``: where the text names parts before ``sentence``)
    whose noun ``sentence`` repeats after a determiner. The latest such name wins: "sa
    nouvelle usine … son usine existante à Austin … L'usine" would be Austin's, had
    Austin's name ended in "usine"; a name ending in another noun is not taken up."""
    for hit in sorted(earlier, key=lambda h: h.start, reverse=True):
        head = HEAD_NOUN.search(text, hit.start, hit.end)
        again = same_noun(language, head.group()) if head else None
        if again is not None and again.search(text, sentence.start, sentence.end):
            return hit.label
    return None

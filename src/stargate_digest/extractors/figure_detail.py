"""What a figure counts or measures, in the few words after it ("400,000 Nvidia chips",
"zehn Gebäude", "7座工厂"): the ``detail`` of a figure the topic profile cannot label, so
the digest can still say what it is."""

from __future__ import annotations

import re

from stargate_digest.quantities import Mention

_DETAIL_WORDS = 4
# The words after a figure that say what it counts or measures: letters, digits inside
# names ("GB200"), hyphens; the phrase stops at punctuation.
_DETAIL = re.compile(r"[^\W_][\w'’-]*(?:[ \u00a0][^\W_][\w'’-]*)*")
_CJK_DETAIL = re.compile(r"\s?([\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]{1,6})")
# Words of grammar that follow a bare number in Chinese (是, 的, 和 …) and Japanese case
# particles (は, が, を …): what follows is the rest of the sentence, not a counted noun.
_CJK_PARTICLE = re.compile(r"[是的为為和与與及或也都就即はがをにで]")


def figure_detail(text: str, mention: Mention) -> str | None:
    """The few words after a figure that say what it counts or measures."""
    pos = mention.end
    while pos < len(text) and text[pos] in " \u00a0\u202f":
        pos += 1
    cjk = _CJK_DETAIL.match(text, mention.end)
    if cjk is not None:  # a particle names nothing: "500 亿是…" (500亿 is …)
        return None if _CJK_PARTICLE.match(cjk.group(1)) else cjk.group(1)
    found = _DETAIL.match(text, pos)
    if found is None:
        return None
    words: list[str] = []
    for word in found.group().split()[:_DETAIL_WORDS]:
        if word.isdigit() or (words and len(word) <= 3 and word.islower()):
            break  # "und 46", "cluster on a": the noun phrase has ended
        words.append(word)
    if words and len(words[0]) <= 3 and words[0].islower():
        return None  # "y diez centros": a conjunction, not what the figure measures
    return " ".join(words) or None

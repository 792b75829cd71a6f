"""Which named company a figure is about, when the nearest name is not it.

Rules of languages, not of a story (the story's own names and anaphors are its profile's
aliases and ``refers_to_main`` words, which always win):

- an anaphor ("同社", "该公司", "the company") in a sentence that names no subject points
  back to the company the sentence before names, not to the story's main subject;
- a company named as the maker of a product ("エヌビディア製チップ", Nvidia-made chips)
  is not what the figure is about;
- a company named after the figure behind a word of comparison ("280K GPU hours (vs.
  Rival's 30M)") is what the figure is compared with, not what it is about.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Mapping, Sequence
from typing import Final

from stargate_digest.segment import Sentences, Span
from stargate_digest.terms import TermHit
from stargate_digest.topic import SubjectSpec

ANAPHORS: Final[Mapping[str, tuple[str, ...]]] = {
    "en": ("the company", "the firm"),
    "de": ("das Unternehmen", "der Konzern"),
    "fr": ("l'entreprise", "l’entreprise", "la société", "le groupe"),
    "es": ("la empresa", "la compañía"),
    "it": ("l'azienda", "l’azienda", "la società"),
    "ja": ("同社",),
    "zh": ("该公司", "該公司"),
    "ko": ("이 회사", "해당 기업", "이 기업"),
}

MAKER_SUFFIXES: Final[Mapping[str, tuple[str, ...]]] = {
    # Written right after a company's name: the company made the thing that follows.
    "ja": ("製",),
}


def _pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    """Whole words; CJK scripts, which do not separate words, as substrings."""
    alternatives = "|".join(re.escape(w) for w in words)
    if all(w[0] >= "\u3040" for w in words):
        return re.compile(alternatives)
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


_ANAPHOR_PATTERNS: Final = {language: _pattern(words) for language, words in ANAPHORS.items()}


def anaphor_in(text: str, span: Span, language: str) -> Span | None:
    """The last anaphor of the language inside ``span``."""
    pattern = _ANAPHOR_PATTERNS.get(language)
    if pattern is None:
        return None
    found = list(pattern.finditer(text, span.start, span.end))
    return Span(found[-1].start(), found[-1].end()) if found else None


# Words that set what follows against the figure before them ("280K GPU hours (vs. Rival's
# 30M)", "contre 30 millions chez Rival"): a subject named after one is the other side.
_SET_AGAINST = re.compile(
    r"(?<!\w)(?i:vs\.|versus|compared (?:with|to)|contre|gegenüber|frente a|rispetto a)(?!\w)"
)


def set_against(text: str, figure: int, hit: TermHit) -> bool:
    """Whether the subject is named after the figure (at offset ``figure``), behind a
    word of comparison (``_SET_AGAINST``): it is what the figure is compared with."""
    return hit.start > figure and _SET_AGAINST.search(text, figure, hit.start) is not None


def names_a_maker(text: str, hit: TermHit, language: str) -> bool:
    """Whether the name is followed by a word that makes it the maker of a product."""
    suffixes = MAKER_SUFFIXES.get(language)  # most languages have none: no loop to run
    return suffixes is not None and text.startswith(suffixes, hit.end)


def sentence_before(sentences: Sentences, sentence: Span) -> Span | None:
    """The sentence before ``sentence``, where an anaphor's company is named."""
    at = bisect_left(sentences.starts, sentence.start)
    if 0 < at < len(sentences.spans) and sentences.spans[at] == sentence:
        return sentences.spans[at - 1]
    return None


def subject_hits(
    within: Callable[[Span], list[TermHit]],
    spans: tuple[Span, Span, Span | None],
    text: str,
    language: str,
) -> list[TermHit]:
    """The subjects a figure may be about: those its clause names, else those its sentence
    names before it, less makers of a product; else, for an anaphor before it, the last
    subject the sentence before names, standing where the anaphor stands."""
    clause, before, previous = spans

    def named(span: Span) -> list[TermHit]:
        return [
            hit
            for hit in within(span)
            if not names_a_maker(text, hit, language) and not set_against(text, before.end, hit)
        ]

    hits = named(clause) or named(before)
    if hits or previous is None:
        return hits
    anaphor = anaphor_in(text, before, language)
    earlier = named(previous) if anaphor is not None else []
    return [TermHit(anaphor.start, anaphor.end, earlier[-1].label)] if anaphor and earlier else []


PRONOUNS: Final[Mapping[str, tuple[str, ...]]] = {
    # Third-person pronouns: a clause that says "it" is about something named before.
    "en": ("it", "its", "they", "their", "them"),
    "de": ("es", "sein", "seine", "seinen", "seinem", "ihr", "ihre", "ihren"),
    "fr": ("il", "ils", "elle", "elles", "son", "sa", "ses", "leur", "leurs"),
    "es": ("su", "sus", "ello", "ella", "ellos"),
    "it": ("esso", "essa", "suo", "sua", "suoi"),
    "pt": ("ele", "ela", "seu", "sua", "seus"),
}


def page_subject(
    hits: list[TermHit],
    subjects: Mapping[str, SubjectSpec],
    wanted: Mapping[str, Sequence[str]],
    clause: tuple[str, Span, str],
) -> tuple[str, str] | None:
    """(subject, metric) for a figure whose cue names metrics (``wanted``: metric -> the
    subject kinds it measures) that no subject in its reach can have, when its clause
    (``clause``: text, the clause before the figure, language) refers back with a
    pronoun: the subject of a fitting kind the page names most ("To train it, they used
    14.8 billion tokens" on a page about one model), first named on a tie."""
    text, span, language = clause
    words = PRONOUNS.get(language, ())
    if not any(w.casefold() in words for w in re.findall(r"\w+", text[span.start : span.end])):
        return None
    counts: dict[str, int] = {}
    for hit in hits:
        counts[hit.label] = counts.get(hit.label, 0) + 1
    best: tuple[int, int, str, str] | None = None
    for order, subject in enumerate(dict.fromkeys(hit.label for hit in hits)):
        for metric, subject_kinds in wanted.items():
            if subject in subjects and subjects[subject].kind in subject_kinds:
                score = (-counts[subject], order, subject, metric)
                best = score if best is None or score < best else best
    return (best[2], best[3]) if best else None

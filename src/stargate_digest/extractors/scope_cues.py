"""Readers of the scope rules' word tables that say what a name or a figure is or is not
about: a company's seat, the larger whole after "is part of", a Japanese topic or case
marker and the sentence whose frame a Japanese sentence carries, a Korean name as a
word, a country after the main subject ("Stargate UAE"), the financing words that name
the profile's venture (extractors/scope_rules.py uses them; the words are in
extractors/scope_words.py)."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from functools import cache, lru_cache

from stargate_digest.extractors.scope_words import (
    BESIDE,
    CASE_MARKERS,
    CONTINUATIVES,
    FINANCING_WORDS,
    KOREAN_PARTICLES,
    KOREAN_VERB_ENDINGS,
    LOCATIVES,
    PART_OF,
    RELATIVES,
    SEAT_AFTER,
    SEAT_BEFORE,
    TIME_FRACTIONS,
    TOPIC_MARKERS,
    UNSPACED,
    VENTURE_NAMES,
)
from stargate_digest.quantities import Mention
from stargate_digest.quantities.locale_facts import word_language
from stargate_digest.quantities.patterns import alternation
from stargate_digest.segment import Sentences, Span, clause_around
from stargate_digest.terms import TermHit, TermMatcher
from stargate_digest.topic import TopicProfile

_SEAT_REACH = 25  # the longest seat word before a place, with its spaces


@cache
def _seat(language: str) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    before, after = SEAT_BEFORE.get(language), SEAT_AFTER.get(language)
    edge = "" if language in UNSPACED else r"(?<!\w)"
    return (
        re.compile(rf"{edge}(?:{alternation(before)})\s*$", re.I) if before else None,
        re.compile(rf"\s*(?:{alternation(after)})", re.I) if after else None,
    )


def is_seat(text: str, start: int, end: int, language: str) -> bool:
    """Whether the place named at ``start:end`` is given as a company's seat ("based in
    Boise", "Boise-based", "总部位于博伊西")."""
    before, after = _seat(word_language(language))
    if before is not None and before.search(text, max(0, start - _SEAT_REACH), start):
        return True
    return after is not None and after.match(text, end) is not None


def part_of_end(text: str, start: int, end: int, language: str) -> int | None:
    """Where the last "is part of" in ``text[start:end]`` ends, if one is there.

    Read for every figure that has a scope, so found with ``str.find`` as written (the
    verb phrase of a sentence is in lowercase), in a text that has it at all: a pattern
    searched over each figure's sentence cost more than all the rest of this rule."""
    language = word_language(language)
    if not _says_part_of(text, language):
        return None
    last = None
    for words in PART_OF[language]:
        at = text.rfind(words, start, end)
        while at >= 0 and not _whole(text, at, at + len(words)):
            at = text.rfind(words, start, at + len(words) - 1)
        if at >= 0 and (last is None or at + len(words) > last):
            last = at + len(words)
    return last


@lru_cache(maxsize=8)
def _says_part_of(text: str, language: str) -> bool:
    """Whether a text says "is part of" anywhere: once per text, not once per figure."""
    return any(words in text for words in PART_OF.get(language, ()))


def _whole(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is whole words: no letter or digit touches it."""
    return not (start > 0 and text[start - 1].isalnum()) and not (
        end < len(text) and text[end].isalnum()
    )


@cache
def topic_marker(language: str) -> re.Pattern[str] | None:
    """What marks a name as its sentence's topic or frame ("では", "は"), if the language
    has such a marker in TOPIC_MARKERS."""
    marker = TOPIC_MARKERS.get(language)
    return re.compile(marker) if marker else None


_VENTURE_NAMES = tuple(name.casefold() for names in VENTURE_NAMES.values() for name in names)


def financing_matcher(topic: TopicProfile) -> TermMatcher | None:
    """The financing words of every language, each naming the profile's one venture
    (a part whose name or an alias holds a VENTURE_NAMES word), when it has one: "the
    $29 billion financing package" is what the venture raised. None without one."""
    ventures = [
        name
        for name, spec in topic.scopes.items()
        if any(v in alias.casefold() for alias in [name, *spec.aliases] for v in _VENTURE_NAMES)
    ]
    if len(ventures) != 1:
        return None
    return TermMatcher([(ventures[0], w) for words in FINANCING_WORDS.values() for w in words])


_COUNTRY_GAP = re.compile(r"[ \u00a0]")
_LONGEST_COUNTRY = 40


@cache
def _country_names(language: str) -> dict[str, str]:
    """Country names (CLDR territories) in the language and in English -> English name."""
    from stargate_digest.quantities.locale_facts import country_names

    return dict(country_names(language))  # generated for our languages: no locale to load


def country_after(text: str, end: int, language: str) -> str | None:
    """The English name of the country named right after ``end``, if one is."""
    if not _COUNTRY_GAP.match(text, end):
        return None
    window = text[end + 1 : end + 1 + _LONGEST_COUNTRY]
    names = _country_names(language)
    words = window.split()
    for count in range(min(4, len(words)), 0, -1):
        candidate = " ".join(words[:count]).rstrip(".,;:)”’\"'").casefold()
        if candidate in names:
            return names[candidate]
    return None


@cache
def _time_fraction(language: str) -> re.Pattern[str] | None:
    words = TIME_FRACTIONS.get(language)
    return re.compile(rf"\s+(?:{alternation(words)})(?!\w)", re.I) if words else None


def time_fraction_after(text: str, end: int, language: str) -> bool:
    """Whether a part of a period follows ``end`` ("the second| half of the decade"): the
    ordinal before it is a time, not a part called by its ordinal ("the second")."""
    pattern = _time_fraction(word_language(language))
    return pattern is not None and pattern.match(text, end) is not None


@cache
def _case_marker(language: str) -> re.Pattern[str] | None:
    marker = CASE_MARKERS.get(language)
    return re.compile(marker) if marker else None


def reads_case(language: str) -> bool:
    """Whether the language has CASE_MARKERS that ``frames_next`` reads."""
    return _case_marker(language) is not None


def frames_next(text: str, end: int, language: str, *, bare: bool) -> bool:
    """Whether the site named right before ``end`` in a sentence sets the scene for the
    next one: in a language with topic markers, when marked as the topic or frame
    ("テキサス州では、"), or, for a next sentence that names no subject of its own
    (``bare``), as an argument of the verb ("リッチランド郡に…を建設中である。総面積は…":
    Japanese drops the topic it goes on about). Elsewhere its first clause does."""
    topic = topic_marker(language)
    if topic is None or topic.match(text, end):
        return True
    case = _case_marker(language)
    return bare and case is not None and case.match(text, end) is not None


@cache
def _continuative(language: str) -> re.Pattern[str] | None:
    pattern = CONTINUATIVES.get(language)
    return None if pattern is None else re.compile(rf"(?:{pattern})\s*")


def chained_clause(text: str, sentence: Span, clause: Span, language: str) -> Span | None:
    """The clause right before ``clause`` in its sentence, when it ends in a verb's
    continuative form (``CONTINUATIVES``: "…を建設中で、"): one statement goes on in
    ``clause``, with the topic and place of that one. None elsewhere."""
    pattern = _continuative(language)
    if pattern is None or clause.start <= sentence.start:
        return None
    ending = pattern.search(text, max(sentence.start, clause.start - _CONTINUATIVE_REACH))
    if ending is None or ending.end() != clause.start:
        return None
    return clause_around(text, sentence, ending.start(), ending.start())


_CONTINUATIVE_REACH = 4  # the verb's last letter, the comma and the spaces after it


def frame_sentence(
    sentences: Sentences,
    span: Span,
    paragraph_start: int,
    language: str,
    *,
    names: Callable[[Span], bool],
) -> Span:
    """The sentence whose frame ``span``, the sentence before a figure's, carries: in a
    language with topic markers, a sentence that names nothing of the story (``names``:
    no part, no subject) goes on about the one before it, and so on back to the start
    of the paragraph ("A: …郡に総面積…である。…の4倍である。投資額は…": the third is
    still about the place the first named). Elsewhere, ``span`` itself."""
    if topic_marker(language) is None or names(span):
        return span
    at = bisect_left(sentences.starts, span.start)
    while at > 0 and sentences.spans[at - 1].start >= paragraph_start:
        at -= 1
        if names(sentences.spans[at]):
            return sentences.spans[at]
    return span


_HANGUL = re.compile(r"[\uac00-\ud7af]+")


def korean_word(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]``, written in Hangul, is a word of its own: nothing in
    Hangul right before it, and nothing, a particle or a verb ending right after it."""
    if start > 0 and _HANGUL.match(text, start - 1):
        return False
    after = _HANGUL.match(text, end)
    return (
        after is None
        or after.group() in KOREAN_PARTICLES
        or after.group().startswith(KOREAN_VERB_ENDINGS)
    )


@cache
def _locative(language: str) -> re.Pattern[str] | None:
    words = LOCATIVES.get(language)
    return re.compile(rf"\s+(?i:{alternation(words)})\s+") if words else None


def located(text: str, earlier_end: int, start: int, language: str) -> bool:
    """Whether the name starting at ``start`` only says where the part named right before
    it (ending at ``earlier_end``) is: "ein neues Rechenzentrum in Memphis", "il nuovo
    impianto a Memphis". The place is the part's address, not what a figure is about."""
    pattern = _locative(word_language(language))
    return pattern is not None and pattern.fullmatch(text, earlier_end, start) is not None


@cache
def _relative(language: str) -> re.Pattern[str] | None:
    words = RELATIVES.get(language)
    if not words:
        return None
    return re.compile(rf"\s*[,;]?\s*(?i:{alternation(words)})(?!\w)")


def relative_after(text: str, end: int, language: str) -> bool:
    """Whether a relative clause opens at ``end``, a clause's end ("…, which …", "…, die
    …"): it describes the noun before it, and what it names is that noun's."""
    pattern = _relative(word_language(language))
    return pattern is not None and pattern.match(text, end) is not None


@cache
def _beside(language: str) -> re.Pattern[str] | None:
    words = BESIDE.get(language)
    if words is None:
        return None
    space = "[ \u00a0]?" if language == "ko" else ""  # "1공장 동측에", "1공장동측"
    return re.compile(rf"{space}(?:{alternation(words)})")


def without_landmarks(text: str, hits: list[TermHit], language: str) -> list[TermHit]:
    """``hits`` without the parts named as where another stands ("第2工場は第1工場の東側で、
    建築面積は…": the second fab's area), when a part not so named is left."""
    pattern = _beside(language)
    if pattern is None or len(hits) < 2:
        return hits
    kept = [h for h in hits if pattern.match(text, h.end) is None]
    return kept or hits


# A date right after the sentence's topic and before a comma, in the verb-final languages
# ("JASM(…)は10月24日、熊本第2工場建設地の菊陽町と立地協定を締結した", "회사는 10월 24일,
# …"): it says when the verb that ends the sentence happened, as a date heading the
# sentence does; the topic before it is who, not where.
_TOPIC_DATE = {
    "ja": re.compile(r"(?:は|では)[ \u00a0]?\Z"),
    "ko": re.compile(r"(?<=[가-힣])(?:는|은)[ \u00a0]?\Z"),
}
_DATE_THEN_COMMA = re.compile(r"[ \u00a0]?[,，、][ \u00a0]?")


def dated_after_topic(text: str, sentence: Span, mention: Mention, language: str) -> Span | None:
    """The clause after a date that follows the sentence's topic and a comma
    (``_TOPIC_DATE``), where the date's own clause names only who acted."""
    topic = _TOPIC_DATE.get(word_language(language))
    if topic is None or mention.kind != "date":
        return None
    if topic.search(text, max(sentence.start, mention.start - 3), mention.start) is None:
        return None
    comma = _DATE_THEN_COMMA.match(text, mention.end)
    if comma is None or comma.end() >= sentence.end:
        return None
    return clause_around(text, sentence, comma.end(), comma.end())

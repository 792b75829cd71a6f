"""Rules of how a sentence is built that decide what a figure is about.

Used by the rules extractor: which metric cue labels a figure (its own clause first, not
a cue after "including", no distance across a parenthetical restatement) and when parts
named together give it no one part as scope. The words are per-language data here.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from functools import cache
from typing import Final

from stargate_digest.extractors.scope_words import (
    ARTICLES,
    ATTRIBUTIONS,
    CONTRASTS,
    GROUP_COUNTS,
    TOTALS,
    UNSPACED,
    WITH_CLAUSES,
)
from stargate_digest.quantities import Mention
from stargate_digest.quantities.lexicon import YEAR_PREPOSITIONS
from stargate_digest.quantities.locale_facts import word_language
from stargate_digest.quantities.patterns import alternation
from stargate_digest.segment import Span, clause_around
from stargate_digest.terms import TermHit
from stargate_digest.topic import MetricSpec, TopicProfile

# Words that join names into one list ("Abilene and Lordstown", "Abilene, Lordstown et
# Milam", "阿比林和洛兹敦"): parts named together are what a figure beside them is about
# together, so it is about no one of them (the rules extractor's scope).
COORDINATORS: Final[Mapping[str, tuple[str, ...]]] = {
    "en": ("and", "or", "as well as"),
    "de": ("und", "oder", "sowie"),
    "fr": ("et", "ou", "ainsi que"),
    "es": ("y", "e", "o"),
    "it": ("e", "ed", "o"),
    "pt": ("e", "ou"),
    "nb": ("og", "eller"),
    "nl": ("en", "of", "evenals"),
    "pl": ("i", "oraz", "lub", "albo"),
    "ja": ("と", "や", "及び", "および"),
    "zh": ("和", "及", "与", "與", "以及", "或"),
    "ko": ("와", "과", "및", "그리고"),
}

# Words before a noun that a figure includes ("$30 billion including the subsidies",
# "einschließlich der Subventionen"): that noun is a part of the figure, not what it
# measures, so a metric cue right after them does not label it (the rules extractor).
INCLUSION_WORDS: Final[Mapping[str, tuple[str, ...]]] = {
    "en": ("including", "incl.", "inclusive of", "among them"),
    "de": ("einschließlich", "inklusive", "inkl.", "samt", "einschl.", "darunter"),
    "fr": ("y compris", "compris", "incluant", "parmi lesquels", "parmi lesquelles"),
    "es": (
        "incluidos",
        "incluidas",
        "incluido",
        "incluida",
        "incluyendo",
        "incluso",
        "entre ellos",
        "entre ellas",
    ),
    "it": ("compresi", "comprese", "compreso", "compresa", "inclusi", "incluse", "tra cui"),
    "pt": ("incluindo", "inclusive", "entre eles", "entre elas"),
    "nb": ("inkludert", "medregnet", "deriblant"),
    "nl": ("inclusief", "incl.", "met inbegrip van", "waaronder"),
    "pl": ("w tym", "łącznie z", "włącznie z", "wliczając"),
    "zh": ("包括", "包含"),
}


# Words that tie a count's noun to a modifier naming a kind of it ("3 000 emplois dans
# le secteur de la construction", "3,000 jobs in construction", "Arbeitsplätze im
# Baugewerbe"): prepositions of field, place and "during", and articles. Not "after",
# "nach", "après": "jobs after construction" are the jobs that stay.
NOUN_LINKS: Final[Mapping[str, tuple[str, ...]]] = {
    "en": ("in", "of", "for", "during", "the", "a", "an"),
    "de": ("im", "in", "beim", "bei", "für", "während", "der", "dem", "den", "des", "die", "das"),
    "fr": ("dans", "de", "du", "des", "en", "pour", "pendant", "le", "la", "les", "l'", "l’"),
    "es": ("en", "de", "del", "para", "durante", "el", "la", "los", "las"),
    "it": ("in", "nel", "nella", "nei", "di", "del", "della", "dei", "per", "durante", "il", "la"),
    "pt": ("em", "no", "na", "nos", "nas", "de", "do", "da", "dos", "das", "para", "durante"),
    "nb": ("i", "innen", "av", "for", "under"),
    "nl": ("in", "bij", "van", "voor", "tijdens", "de", "het"),
    "pl": ("w", "we", "przy", "na", "dla", "podczas"),
}
# Words that set what follows apart from the noun before them ("3,000 jobs after
# construction", "jobs when construction ends"): with the coordinators, a cue after one
# of them does not say more of the noun.
APART_WORDS: Final[Mapping[str, tuple[str, ...]]] = {
    "en": ("after", "before", "when", "while", "until", "once", "but"),
    "de": ("nach", "vor", "wenn", "als", "bis", "aber", "doch"),
    "fr": ("après", "avant", "quand", "lorsque", "mais", "jusqu'à", "jusqu’à"),
    "es": ("después", "antes", "cuando", "mientras", "pero", "hasta"),
    "it": ("dopo", "prima", "quando", "mentre", "ma", "fino"),
    "pt": ("depois", "antes", "quando", "enquanto", "mas", "até"),
    "nb": ("etter", "før", "når", "mens", "men"),
    "nl": ("na", "voordat", "wanneer", "als", "terwijl", "maar"),
    "pl": ("po", "przed", "gdy", "kiedy", "ale", "lecz"),
}
_MODIFIER_WORDS = 5  # "dans le secteur de la": at most five words between the two cues
_HEAD_GAP = re.compile(r"[ \u00a0\u202f]{0,2}")
_LINK_GAP = re.compile(r"[^\W\d_'’]+(?:['’]|[ \u00a0]+)")


def _glued_unit(
    distance: dict[str, int | None], metrics: Mapping[str, MetricSpec], mention: Mention
) -> dict[str, int | None]:
    """A profile's cue that is the figure's unit symbol glued to its number ("100GWh", one
    word to the matcher, which "100 GWh" is not) labels the figure as the spaced one does
    (``_unit_word``), when no other cue of its clause says what it measures: pages in CJK
    scripts glue every symbol, and their profiles cue such figures with words."""
    surface = mention.surface
    if (
        mention.kind not in _NAMED_BY_UNIT
        or not surface[-1:].isalpha()
        or any(d is not None for d in distance.values())
    ):
        return distance
    glued = [
        name
        for name, metric in metrics.items()
        if any(
            surface.endswith(c) and surface[-len(c) - 1 : -len(c)].isdigit() for c in metric.cues
        )
    ]
    return {**distance, **dict.fromkeys(glued, 0)} if glued else distance


def modified_noun(
    distance: dict[str, int | None],
    cues: dict[str, list[TermHit]],
    metrics: Mapping[str, MetricSpec],
    text: str,
    mention: Mention,
    *,
    language: str,
) -> dict[str, int | None]:
    """Cue distances of a figure, with what its noun says more of as near as the noun.

    The noun right after the figure ("15 000 emplois", "10 Milliarden Euro
    Subventionen") names what it counts or measures; a cue of a more specific metric
    (higher priority) tied to that noun names the same thing more exactly: a predicate
    right after it ("emplois seraient supprimés": a cut; "Subventionen fordere": a
    request; "emplois supplémentaires") or a prepositional phrase ("emplois dans le
    secteur de la construction"), or a verb or noun of action right before the figure
    ("eliminación de aproximadamente 15 000 puestos": a cut; "installate circa 300.000
    GPU"). That metric takes the noun's distance and wins the tie.
    Not in CJK languages, whose verbs and counters follow the noun in other ways
    ("2개의 추가 공장을 건설할": the plants are not a construction).
    """
    distance = _glued_unit(distance, metrics, mention)
    if word_language(language) in _OBJECT_MARKS:
        return _object_verb(distance, cues, metrics, text, mention)
    links = NOUN_LINKS.get(word_language(language))
    if not links:
        return distance
    hits = sorted(
        ((hit, name) for name, found in cues.items() if name in metrics for hit in found),
        key=lambda pair: pair[0].start,
    )
    head = next(
        (
            (hit, name)
            for hit, name in hits
            if hit.start >= mention.end and _HEAD_GAP.fullmatch(text, mention.end, hit.start)
        ),
        None,
    )
    if head is None:
        return distance
    updated = dict(distance)
    for hit, name in hits:
        if metrics[name].priority > metrics[head[1]].priority and (
            (
                hit.start >= head[0].end
                and _tied(text, head[0].end, hit.start, word_language(language))
            )
            or (hit.end <= mention.start and _LEAD_GAP.fullmatch(text, hit.end, mention.start))
        ):
            updated[name] = distance[head[1]]
    return updated


# Japanese and Korean put the verb after its object, marked by a particle: "100,000개의
# GPU를 추가할" (add 100,000 GPUs), "10万個のGPUを追加": the figure's noun phrase (at most
# two words, no mark), the particle, then the verb.
_OBJECT_MARKS: Final = frozenset({"ja", "ko"})
_OBJECT_GAP = re.compile(r"[^\s,.，、。!?]{1,15}(?:\s[^\s,.，、。!?]{1,15})?[을를を]\s*")


def _object_verb(
    distance: dict[str, int | None],
    cues: dict[str, list[TermHit]],
    metrics: Mapping[str, MetricSpec],
    text: str,
    mention: Mention,
) -> dict[str, int | None]:
    """In ja and ko, a more specific metric's verb right after the particle that marks
    the figure's noun phrase as its object takes the distance of that noun's cue."""
    near = [(d, n) for n, d in distance.items() if d is not None]
    if not near:
        return distance
    head_distance, head = min(near, key=lambda pair: (pair[0], -metrics[pair[1]].priority))
    updated = dict(distance)
    for name, hits in cues.items():
        if (
            name in metrics
            and metrics[name].priority > metrics[head].priority
            and any(
                h.start > mention.end and _OBJECT_GAP.fullmatch(text, mention.end, h.start)
                for h in hits
            )
        ):
            updated[name] = head_distance
    return updated


# From a verb or noun of action to the figure it governs: at most two words, none a
# number or a mark ("eliminación de aproximadamente 15 000 puestos", "installate circa
# 300.000 GPU", "add 100,000 GPUs").
_LEAD_GAP = re.compile(r"[ \u00a0]+(?:[^\W\d_]+[ \u00a0]+){0,2}")


def _tied(text: str, start: int, end: int, language: str) -> bool:
    """Whether the words between a noun and a later cue tie the cue to the noun: at most
    one word, not one that sets them apart ("jobs and cut costs", "jobs after
    construction" are two things), or a chain of link words with at most two others
    ("dans le secteur de la")."""
    words = [w.strip(" \u00a0").casefold() for w in _LINK_GAP.findall(text, start, end)]
    if "".join(_LINK_GAP.findall(text, start, end)) != text[start:end].lstrip():
        return False  # punctuation or a number between them
    links = NOUN_LINKS[language]
    if len(words) <= 1:
        apart = (*COORDINATORS.get(language, ()), *APART_WORDS.get(language, ()))
        return not words or words[0] not in apart
    return (
        len(words) <= _MODIFIER_WORDS
        and words[0] in links
        and sum(word not in links for word in words) <= 2
    )


@cache
def _coordination(language: str) -> re.Pattern[str]:
    """The gap between two names of one list: a comma, a coordinator, or both."""
    words = "|".join(map(re.escape, COORDINATORS.get(language, COORDINATORS["en"])))
    return re.compile(rf"\s*(?:[,，、]\s*(?:(?:{words})\s*)?|(?:{words})\s*)", re.IGNORECASE)


def named_together(text: str, hits: list[TermHit], nearest: TermHit, language: str) -> bool:
    """Whether the part nearest a figure is one of a list of two or more parts.

    "in Abilene and Lordstown for $40 billion": the figure is about the two together,
    so about neither alone (nor about the one site a headline names).
    """
    ordered = sorted(hits, key=lambda h: h.start)
    gap = _coordination(language)
    at = ordered.index(nearest)
    labels = {nearest.label}
    for step in (-1, 1):
        here = at
        while 0 <= here + step < len(ordered):
            left, right = sorted((ordered[here], ordered[here + step]), key=lambda h: h.start)
            if not gap.fullmatch(text, left.end, right.start):
                break
            labels.add(ordered[here + step].label)
            here += step
    return len(labels) > 1


def own_clause_first(
    cues: dict[str, list[TermHit]], metrics: Mapping[str, object], clause: Span
) -> dict[str, list[TermHit]]:
    """The cues in the figure's own clause, when it has any for the figure's kind.

    A cue in another clause labels that clause's figure ("7,000 construction jobs
    during the build, and 3,000 permanent jobs"; "sank from 116 billion to 96 billion,
    while its training cost ..."); the rest of the sentence speaks only when the
    figure's clause says nothing of what it measures.
    """
    own = {
        name: [hit for hit in hits if clause.start <= hit.start and hit.end <= clause.end]
        for name, hits in cues.items()
        if name in metrics
    }
    own = {name: hits for name, hits in own.items() if hits}
    return own or cues


@cache
def _inclusion(language: str) -> re.Pattern[str] | None:
    """An inclusion word, then at most two short words (an article), at the end."""
    words = INCLUSION_WORDS.get(word_language(language))
    if not words:
        return None
    alternation = "|".join(map(re.escape, words))
    return re.compile(rf"(?<!\w)(?:{alternation})(?:\s+\w{{1,4}}){{0,2}}\s*$", re.IGNORECASE)


@cache
def _opening_inclusion(language: str) -> re.Pattern[str] | None:
    words = INCLUSION_WORDS.get(word_language(language))
    if not words:
        return None
    return re.compile(rf"\W*(?:{'|'.join(map(re.escape, words))})(?!\w)", re.IGNORECASE)


def listed_item(text: str, clause: Span, mention: Mention, language: str) -> bool:
    """Whether an amount is in a clause an inclusion word opens ("…, including a $30
    million installation and a $3.9 million fence", "darunter eine 30 Millionen Dollar
    teure Installation"): the items of a list are parts of what the sentence names
    before them, so neither is the subject's own total (its money metric); a cue still
    labels one ("including $5 billion in subsidies")."""
    opening = _opening_inclusion(language)
    return (
        mention.kind == "money"
        and opening is not None
        and mention.start > clause.start
        and opening.match(text, clause.start, mention.start) is not None
    )


def not_included(
    cues: dict[str, list[TermHit]], text: str, language: str
) -> dict[str, list[TermHit]]:
    """The cues, less those naming a part the figure includes ("including subsidies")."""
    inclusion = _inclusion(language)
    if inclusion is None:
        return cues
    kept = {
        name: [h for h in hits if not inclusion.search(text, max(0, h.start - 40), h.start)]
        for name, hits in cues.items()
    }
    return {name: hits for name, hits in kept.items() if hits}


def telling_cues(
    cues: dict[str, list[TermHit]], text: str, language: str, mention: Mention
) -> dict[str, list[TermHit]]:
    """The cues that say what the figure measures (``cues``: those of its clause).

    Not a cue naming a part the figure includes ("including subsidies"), nor one that
    ends right before a coordinator and the figure ("7,000 construction jobs during the
    build and 3,000 permanent jobs": said of what precedes it), nor one that a
    coordinator right after the figure opens ("commencer au 1er semestre 2022 et la mise
    en production au 2e semestre 2024": said of what follows); for a date, not a time
    word that only makes it a date ("by 2027", "d'ici 2027") while any other cue is
    there ("operational by 2027": a start of production, not a target).
    """
    cues = not_included(cues, text, language)
    coordinated = _before_coordinator(word_language(language))
    apart = [
        h
        for hits in cues.values()
        for h in hits
        if coordinated.fullmatch(text, h.end, mention.start)
        or coordinated.fullmatch(text, mention.end, h.start)
    ]  # and the words inside such a cue ("production" in "mise en production")
    cues = {
        name: kept
        for name, hits in cues.items()
        if (kept := [h for h in hits if not any(a.start <= h.start < a.end for a in apart)])
    }
    if mention.kind != "date":
        return cues
    words = _time_words(word_language(language))
    telling = {
        name: [h for h in hits if text[h.start : h.end].casefold() not in words]
        for name, hits in cues.items()
    }
    telling = {name: hits for name, hits in telling.items() if hits}
    return telling or cues


_GLUED_COORDINATORS = frozenset({"ja", "zh", "ko"})


@cache
def _before_coordinator(language: str) -> re.Pattern[str]:
    """The gap from a cue to a figure it does not label: a coordinator and at most two
    words ("and up to"). A coordinator starts a word, except in ja, zh and ko, which
    glue it to the noun before ("17000个建筑岗位和4500个…", "일자리와 4500개"): there it
    stands right before the figure."""
    words = "|".join(map(re.escape, COORDINATORS.get(language, COORDINATORS["en"])))
    if language in _GLUED_COORDINATORS:
        return re.compile(rf"[\s,，、]*(?:{words})\s*")
    return re.compile(
        rf"[\s,，、]*(?<!\w)(?:{words})(?:\s+(?:[^\W\d_]+\s+){{0,2}}|\s*)", re.IGNORECASE
    )


@cache
def _time_words(language: str) -> frozenset[str]:
    return frozenset(word.casefold() for word in YEAR_PREPOSITIONS.get(language, ()))


def cue_following(cues: Sequence[TermHit], mention: Mention) -> int | None:
    """Distance from the end of the mention to the nearest cue after it, or written with
    it (distance 0, see _written_with)."""
    return min(
        (
            max(0, hit.start - mention.end)
            for hit in cues
            if hit.start >= mention.end or _written_with(hit, mention)
        ),
        default=None,
    )


def nearest_cue(cues: Sequence[TermHit], mention: Mention, aside: int = 0) -> int | None:
    """Distance from the mention to the nearest cue not inside it, or None without a cue.

    A parenthesis of ``aside`` characters right after the mention is not distance:
    "6.6 billion dollars (about 6.09 billion euros) in grants" has its cue beside it.
    """
    distances = [
        _gap(hit, mention) - (aside if hit.start >= mention.end + aside else 0)
        for hit in cues
        if not mention.start <= hit.start < hit.end <= mention.end  # "ans après" counts
        or _unit_word(hit, mention)
        or _written_with(hit, mention)
    ]
    return min(distances, default=None)


def _written_with(hit: TermHit, mention: Mention) -> bool:
    """Whether a cue is written with the figure: the whole figure ("eine Million", "un
    milione": a profile that cues a target with the number it names means that number
    is the target), or words that begin inside it and go on past it ("einer Million
    GPUs" for a cue "Million GPUs"), which a number in words ends in."""
    whole = hit.start == mention.start and hit.end == mention.end
    return whole or hit.start < mention.end < hit.end


# Kinds whose unit word names what is measured: a profile that cues a metric with it
# ("acres" for a site's area, "square feet" for floor space) means that unit measures it.
# So for a duration: a profile that cues a build time with the word that ends the span
# ("122일 만에", within 122 days; "19 dias") means the span is that time.
_NAMED_BY_UNIT: Final = frozenset({"area", "power", "energy", "duration"})


def _unit_word(hit: TermHit, mention: Mention) -> bool:
    """Whether a cue inside the figure is its unit word ("1,200 acres"), which labels it;
    a cue inside an amount's number or scale ("billion") does not."""
    return mention.kind in _NAMED_BY_UNIT and hit.end == mention.end and hit.start > mention.start


_HEAD_NOUN_DISTANCE = 12


def subject_before(
    subjects: Sequence[TermHit],
    topic: TopicProfile,
    metrics: Mapping[str, MetricSpec],
    distance: Mapping[str, int | None],
    mention: Mention,
) -> tuple[str, str] | None:
    """(subject, metric) for a figure whose noun names a metric that fits no subject of
    its clause: the subject of a kind it fits last named before it in the text.

    "To train it, they used a dataset with 14.8 billion tokens": tokens are counted for
    a model, which the clause names only as "it"; "un arancel del 100 %" is a
    government's. Only a cue beside the figure (its noun) says so, and only of a figure
    in digits: "one million tokens are about 750,000 words" states no one's figure.
    """
    if mention.spelled:
        return None
    near = [(d, n) for n, d in distance.items() if d is not None and d <= _HEAD_NOUN_DISTANCE]
    if not near:
        return None
    name = min(near, key=lambda pair: (pair[0], -metrics[pair[1]].priority))[1]
    fits = metrics[name].subjects
    for hit in reversed(subjects):
        if hit.end <= mention.start and topic.subjects[hit.label].kind in fits:
            return hit.label, name
    return None


def _gap(hit: TermHit, mention: Mention) -> int:
    return max(0, hit.start - mention.end, mention.start - hit.end)


# A restatement in parentheses right after an amount: "$40 billion (about €37 billion)".
_RESTATEMENT = re.compile(r"[ \u00a0]?[(（][^()（）]{1,60}[)）]")


def restatement_after(text: str, mention: Mention) -> int:
    """The length of a parenthesis right after the mention (0 when there is none)."""
    found = _RESTATEMENT.match(text, mention.end)
    return found.end() - found.start() if found else 0


@cache
def _totals(language: str) -> re.Pattern[str] | None:
    words = TOTALS.get(language)
    if not words:
        return None
    choices = alternation(words)
    if language in GROUP_COUNTS:  # "傘下の9工場": all the group's plants together
        choices = f"{choices}|{GROUP_COUNTS[language]}"
    if language in UNSPACED:  # no spaces to end a word: "投资共计1000亿"
        return re.compile(choices)
    return re.compile(rf"(?<!\w)(?:{choices})(?!\w)", re.IGNORECASE)


def sums_parts(text: str, clause: Span, language: str) -> int | None:
    """Where ``clause`` sums the parts ("In total, …", "Au total, …", "insgesamt",
    "共计"): the offset of the word that says so, or None."""
    pattern = _totals(word_language(language))
    found = pattern.search(text, clause.start, clause.end) if pattern is not None else None
    return None if found is None else found.start()


_AFTER_COLON = re.compile(r"[:：]\s*$")


def statement_opening(
    text: str,
    sentence: Span,
    mention: Mention,
    language: str,
    *,
    parts: Sequence[TermHit],
    timeline: bool,
) -> Span:
    """The first clause of the statement the figure is in: the sentence's first clause,
    or the last clause before the figure that opens with a contrast or follows a colon
    ("… part of a $125 billion plan: $100 billion in Clay, four fabs by 2041"). Not a
    colon after a heading, which says what the entry is about: a timeline's date
    (``timeline``) or a part's name ("Fab 1: built, in production in 2024")."""
    opener = _contrast(word_language(language))
    opening = clause_around(text, sentence, sentence.start, sentence.start)
    position = opening.end + 1
    before = opening
    if (
        _connective(text, opening, language) or attribution(text, opening, language)
    ) and not _names_part(opening, parts):
        # "其中，最先完工的两座工厂，预计投资…", "However, in Abilene, …": a lone word
        # that links to the sentence before opens no statement; the clause after it does.
        following = clause_around(text, sentence, position, position)
        if following.start < mention.start:
            opening = following
    while position < mention.start:
        clause = clause_around(text, sentence, position, position)
        if clause.start >= mention.start:
            break
        if (
            (opener is not None and opener.match(text, clause.start))
            or (_opens_with(text, clause, language) and _names_part(clause, parts))
            or (
                not timeline
                and _AFTER_COLON.search(text, before.end, clause.start)
                and not _names_part(before, parts)
            )
        ):
            opening = clause
        before = clause
        position = max(position + 1, clause.end + 1)
    return opening


@cache
def _with(language: str) -> re.Pattern[str] | None:
    words = WITH_CLAUSES.get(language)
    return re.compile(rf"(?:{alternation(words)})\s", re.I) if words else None


def _opens_with(text: str, clause: Span, language: str) -> bool:
    """Whether a clause opens with "with" ("with the third unit … expected in 2029")."""
    pattern = _with(word_language(language))
    return pattern is not None and pattern.match(text, clause.start) is not None


def _names_part(clause: Span, parts: Sequence[TermHit]) -> bool:
    return any(clause.start <= h.start < clause.end for h in parts)


# The most letters a lone connective has where words are not spaced ("其中", "此外",
# "さらに"); elsewhere it is one word ("However", "Meanwhile", "한편").
_CONNECTIVE_CHARS = 3
_LETTERS = re.compile(r"[^\W\d_]+")


@cache
def _attribution(language: str) -> re.Pattern[str] | None:
    pattern = ATTRIBUTIONS.get(language)
    return None if pattern is None else re.compile(pattern)


def attribution(text: str, clause: Span, language: str) -> bool:
    """Whether a clause only says who reports what follows (``ATTRIBUTIONS``)."""
    pattern = _attribution(word_language(language))
    return pattern is not None and pattern.fullmatch(text, clause.start, clause.end) is not None


def _connective(text: str, clause: Span, language: str) -> bool:
    """Whether a clause is one word, no figure in it: a connective ("其中", "However")."""
    words = _LETTERS.fullmatch(text, clause.start, clause.end)
    if words is None:
        return False
    return word_language(language) not in UNSPACED or clause.end - clause.start <= _CONNECTIVE_CHARS


@cache
def _contrast(language: str) -> re.Pattern[str] | None:
    words = CONTRASTS.get(language)
    if words is None:
        return None
    choices = alternation(words)
    boundary = "" if language == "zh" else r"(?!\w)"
    return re.compile(rf"\s*(?:{choices}){boundary}", re.IGNORECASE)


# The most items a list of things is read over, and the most words in one item.
_LIST_ITEMS = 4
_ITEM_WORDS = 12
_ITEM_WORD = re.compile(r"\w+")
_ITEM_END = re.compile(r"[\W_]{0,2}")


@cache
def _list_item(language: str) -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    """An item of a list ("an R&D fab"), and its last item ("and a packaging plant")."""
    articles, coordinators = ARTICLES.get(language), COORDINATORS.get(language)
    if not articles or not coordinators:
        return None
    article = rf"(?:{alternation(articles)})(?:\s+|(?<=['’]))"
    last = rf"(?:{alternation(coordinators)})\s+{article}"
    return re.compile(rf"(?:{last}|{article})", re.IGNORECASE), re.compile(last, re.IGNORECASE)


def list_place(
    text: str,
    sentence: Span,
    clause: Span,
    parts: Callable[[Span], Sequence[TermHit]],
    language: str,
) -> TermHit | None:
    """The part that closes the list of things a figure's clause opens ("two new fabs, a
    research hub, and a packaging plant in Taylor"): the place after the last item says
    where each item is. Read only over items that each open with an article, up to the
    last, which a coordinator opens ("and a", "et un") and the part ends; a part inside
    the list is its own item's."""
    patterns = _list_item(word_language(language))
    if patterns is None:
        return None
    item, last = patterns
    end = clause.end
    for _ in range(_LIST_ITEMS):
        if end + 1 >= sentence.end:
            return None
        following = clause_around(text, sentence, end + 1, end + 1)
        if following.start <= end or not item.match(text, following.start):
            return None
        if len(_ITEM_WORD.findall(text, following.start, following.end)) > _ITEM_WORDS:
            return None
        named = parts(following)
        if named:  # the last item ("and a substation in Lordstown"), or a part of its own
            closing = max(named, key=lambda h: h.end)
            ends = _ITEM_END.fullmatch(text, closing.end, following.end) is not None
            return closing if ends and last.search(text, following.start, closing.start) else None
        if last.match(text, following.start):
            return None  # the list ended without a place
        end = following.end
    return None

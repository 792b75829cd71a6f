"""Figures a sentence gives of something else than the subject it would default to.

Rules of languages and of news copy, not of a story (fourth turn, issues 11/12):

- a figure introduced as what something typically needs, or as a comparison ("achieving
  this typically requires about 16,000 GPUs", "a typical data center can use 40 MW",
  "im Vergleich zu 500 Chips"), is a norm
  or another's figure: it is the subject's only when its clause names the subject;
- a figure of a public plan or programme ("a $2 trillion public infrastructure plan, of
  which $50 billion in aid") is the programme's, not the company the page is about;
- money a government agrees to put in under preliminary terms ("the Commerce Department
  and Acme agreed preliminary terms for an investment of $275 million") is the
  government's award, not the company's own investment;
- a count that says what a sum is for, in a noun phrase that presents the things as
  known ("$6.2 billion for its two fabs"), describes the sum: the sentence states no
  count of its own ("30 milliards pour deux usines" does).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from stargate_digest.quantities import Mention
from stargate_digest.quantities.patterns import alternation
from stargate_digest.segment import Span
from stargate_digest.terms import TermHit
from stargate_digest.topic import TopicProfile


class _Words:
    """Words of several languages: whole words in Latin scripts, substrings in scripts
    without spaces. A plain test for the words' first letters in the lower-cased span
    comes first: most spans hold none of the words, and it costs a fraction of the
    whole-word search, which would run for every figure."""

    def __init__(self, words: Iterable[str]) -> None:
        words = tuple(words)
        latin = alternation(w for w in words if w[0] < "\u3040")
        caseless = alternation(w for w in words if w[0] >= "\u3040")
        self._pattern = re.compile(rf"(?<!\w)(?:{latin})(?!\w)|(?:{caseless})", re.IGNORECASE)
        # the words' first letters, lower-cased, as one plain pattern: the quick test
        self._hint = re.compile(alternation({w[:4].lower() for w in words}))

    def said(self, text: str, start: int, end: int) -> bool:
        """Whether one of the words stands inside ``text[start:end]``."""
        if self._hint.search(text[start:end].lower()) is None:
            return False
        return self._pattern.search(text, start, end) is not None


# What a thing usually takes, or what the figure is set against.
_NORM = _Words(
    (
        "typically", "usually", "normally", "generally", "would need", "would require",
        # the adjective too: "a typical data center can use 40 MW" is no one's figure
        "a typical", "the typical", "typische", "typischer", "typisches", "typique",
        "típico", "típica", "tipico", "tipica",
        "compared with", "compared to", "by comparison",
        "normalerweise", "üblicherweise", "in der Regel", "typischerweise", "im Vergleich",
        "généralement", "habituellement", "normalement", "en général", "par rapport à",
        "comparé à", "en comparaison",
        "normalmente", "habitualmente", "generalmente", "por lo general", "en comparación",
        "di solito", "solitamente", "in genere", "rispetto a",
        "geralmente", "em geral", "tipicamente", "comparado com", "em comparação",
        "通常", "一般来说", "一般而言", "往往", "相比", "一般的に", "比べ", "일반적으로",
        "통상", "보통", "비해",
    )
)  # fmt: skip


# "Typically, …", "En général, …": a short opener before the clause speaks for it.
_OPENER = 25
# The words that introduce a norm stand close before its figure ("typically requires
# about 16,000"): looking no further keeps the search short for every figure.
_NORM_REACH = 40


# An equal measure of something else, with the thing measured between its two words,
# right before the figure: "could use as much power as 4 million homes", "so viel Strom
# wie 4 Millionen Haushalte", "autant d'électricité que". Without a noun between them
# ("as much as $5 billion", "so viel wie") the words only bound the figure (a qualifier).
_AS_MUCH_AS = re.compile(
    r"(?<!\w)(?i:as (?:much|many) (?:[^\W\d_]+ ){1,2}as|so viele? (?:[^\W\d_]+ ){1,2}wie|"
    r"autant d(?:e |')(?:[^\W\d_]+ ){1,2}que|tant[oa]s? (?:[^\W\d_]+ ){1,2}como) \Z"
)


def states_a_norm(text: str, sentence: Span, clause: Span, mention: Mention) -> bool:
    """Whether the figure's clause, or a short opener of its sentence before it,
    introduces it as a norm or a comparison, close before the figure."""
    opener = len(text[sentence.start : clause.start].strip()) <= _OPENER
    start = max(sentence.start if opener else clause.start, mention.start - _NORM_REACH)
    return _NORM.said(text, start, mention.start) or bool(
        _AS_MUCH_AS.search(text, start, mention.start)
    )


def norm_owners(
    within: Callable[[Span], list[TermHit]], text: str, where: tuple[Span, Span, Mention]
) -> list[TermHit] | None:
    """For a norm or a comparison (``where``: its sentence, clause and figure) in a
    clause that names no subject, the subjects it may be of: those its sentence names
    after it; None for any other figure (a clause that names one is read as before)."""
    sentence, clause, mention = where
    if not states_a_norm(text, sentence, clause, mention) or within(clause):
        return None  # a clause that names its subject says whose figure it is
    return within(Span(mention.end, sentence.end))


_PROGRAMME = (
    r"(?:plan|programme|program|fund|Plan|Programm|Fonds|programa|fondo|piano|programma"
    r"|计划|計画|계획)"
)
# "un plan (public) de 2 000 milliards", "a plan of $2 trillion", "ein Programm von 2 Billionen".
_PROGRAMME_BEFORE = re.compile(
    _PROGRAMME + r"(?:\s+\w+)?\s+(?:de|d['’]|of|von|über|in Höhe von|di|da|del)\s*\Z", re.IGNORECASE
)
# "a $2 trillion plan", "ein 2-Billionen-Dollar-Programm".
_PROGRAMME_AFTER = re.compile(r"[\s-]*(?:\w+[\s-]+){0,2}?" + _PROGRAMME + r"(?!\w)", re.IGNORECASE)
# "…, dont 50 milliards", "of which $50 billion": a part of what was just named.
_OF_WHICH = re.compile(
    r"(?:dont|of which|davon|de los cuales|de las cuales|di cui|其中)\s*\Z", re.IGNORECASE
)
_PROGRAMME_WORD = re.compile(r"(?<!\w)" + _PROGRAMME + r"(?!\w)", re.IGNORECASE)
# Whose plan: a public one.
_PUBLIC = _Words(
    (
        "public", "publics", "publique", "publiques", "national", "federal", "fédéral",
        "government", "president", "gouvernement", "président", "öffentlich", "öffentliche",
        "öffentlichen", "Regierung", "Präsident", "Bund", "público", "públicos", "pública",
        "públicas", "gobierno", "presidente", "pubblico", "pubblici", "governo",
        "政府", "国家", "국가", "정부",
    )
)  # fmt: skip
_LOOKBEHIND = 40
# Lower-case pieces every programme word (and every "of which") holds, for a quick test.
_PROGRAMME_HINT = re.compile("plan|progra|fund|fond|piano|计划|計画|계획")
_BEFORE_HINT = re.compile(
    "plan|progra|fund|fond|piano|计划|計画|계획|dont|which|davon|cuales|cui|其中"
)


def of_a_programme(
    text: str, sentence: Span, mention: Mention, names: Callable[[Span], bool]
) -> bool:
    """Whether a money figure is the size of a public plan or programme, or a part of one
    ("of which"), in a sentence that ``names`` no subject: the figure is the programme's,
    and measures nothing of the company the page is about. (The short checks beside the
    figure come first: most figures stop there.)"""
    if mention.kind != "money":
        return False
    before = text[max(sentence.start, mention.start - _LOOKBEHIND) : mention.start]
    after = text[mention.end : min(sentence.end, mention.end + _LOOKBEHIND)]
    if (
        _PROGRAMME_HINT.search(after.lower()) is None
        and _BEFORE_HINT.search(before.lower()) is None
    ):
        return False  # no programme word beside the figure: the common case, cheaply
    beside = bool(
        _PROGRAMME_BEFORE.search(before)
        or _PROGRAMME_AFTER.match(text, mention.end, sentence.end)
        or (
            _OF_WHICH.search(before) and _PROGRAMME_WORD.search(text, sentence.start, mention.start)
        )
    )
    if not beside or not _PUBLIC.said(text, sentence.start, sentence.end):
        return False
    return not names(sentence)  # "Acme unveiled a plan of $20 billion": its own plan


# The instrument of a government's award ("preliminary memorandum of terms").
_AWARD_TERMS = _Words(
    (
        "preliminary terms", "preliminary memorandum", "memorandum of terms",
        "vorläufige Bedingungen", "vorläufigen Bedingungen", "vorläufige Vereinbarung",
        "conditions préliminaires", "protocole d'accord préliminaire",
        "protocole d’accord préliminaire", "términos preliminares", "memorando preliminar",
        "termini preliminari", "予備的合意", "予備取引覚書", "初步条款", "初步备忘录",
        "初步協議", "예비 거래 각서", "예비 각서",
    )
)  # fmt: skip


def under_award_terms(text: str, clause: Span) -> bool:
    """Whether the clause speaks of the preliminary terms of a government's award."""
    return _AWARD_TERMS.said(text, clause.start, clause.end)


# "$6.2 billion for its two fabs", "6,2 Milliarden Dollar für seine zwei Fabriken": the
# article or possessive presents the fabs as known, it does not state how many there
# are ("30 milliards pour deux usines", with none, does).
_FOR_WHAT = re.compile(
    r"(?:\d|\$|€|billion|million|bn|Milliarden|Millionen|milliards|millions|millones"
    r"|miliardi|milioni|dollars?|Dollar|dólares|dollari|euros?|yuan|yen)\s+(?:for|für|pour|para|per)"
    r"(?:\s+(?:its|their|the|seine|seinen|ihre|ihren|die|ses|leurs|les|sus|los|las|i|le"
    r"|gli|suoi|sue))\s+\Z",
    re.IGNORECASE,
)


_PURPOSE_WORDS = frozenset({"for", "für", "pour", "para", "per"})


def counts_a_purpose(text: str, clause: Span, mention: Mention) -> bool:
    """Whether a count says what a sum just before it is for."""
    if mention.kind != "count":
        return False
    before = text[max(clause.start, mention.start - _LOOKBEHIND) : mention.start]
    words = before.split()
    if len(words) < 3 or words[-2].lower() not in _PURPOSE_WORDS:
        return False  # "… for its", "… für seine": the common case ends here, cheaply
    return _FOR_WHAT.search(before) is not None


def award_reading(
    topic: TopicProfile,
    said: tuple[str, Span, Mention],
    within: Callable[[Span], list[TermHit]],
    read: tuple[str, str],
) -> tuple[tuple[str], str]:
    """(subjects, metric) for a money figure read as ``read`` (subject, metric): under an
    award's terms (``said``: the text, the figure's clause, the figure), the money
    metric of the first government its clause names before it, for the company when
    that metric fits a company (a grant it receives), else for the government. (The
    cheap checks come first: few figures have a government named before them.)"""
    text, clause, mention = said
    subject, metric = read
    spec = topic.metrics.get(metric)
    if spec is None or "government" in spec.subjects or not under_award_terms(text, clause):
        return (subject,), metric  # no award's terms, or a metric a government's money has
    named = within(Span(clause.start, mention.start))
    government = next(
        (h.label for h in named if topic.subjects[h.label].kind == "government"), None
    )
    own = None if government is None else topic.subjects[government].money_metric
    if government is None or own is None or own not in topic.metrics:
        return (subject,), metric
    fits = topic.subjects[subject].kind in topic.metrics[own].subjects
    return ((subject if fits else government),), own

"""Which part of the story a figure is about: the rules extractor's ``scope``.

A figure takes, in this order: the profile's named part nearest it in its clause, else
before it in the first clause of its statement (a contrast opens a new one); the part
"before" for the first value of a change ("from X to Y"), when the profile has one; a
country programme the profile does not list ("Stargate Argentina"); a generic "phase
N"; the part the previous sentence names when its own sentence points back ("This will
...", "這項投資"); the part last named with the noun its sentence repeats ("l'usine"),
or the site last named when it says "the plant"; the one site the previous sentence
opens with; the one site its paragraph keeps naming; the one site the headline names,
or the whole text keeps naming.
Parts named together ("in Abilene and Lordstown") give it no scope at all. Each rule is
one of a language or of news copy; the words of each language are data tables below.
docs/quantities.md describes the rules with examples.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache
from itertools import pairwise
from typing import Protocol

from stargate_digest.extractors.clause_rules import (
    INCLUSION_WORDS,
    attribution,
    list_place,
    named_together,
    statement_opening,
)
from stargate_digest.extractors.figure_relations import (
    Figure,
    Figures,
    changed_from,
    compared_with,
    coordinator,
    describes_figure_after,
    describes_figure_before,
    modifies_figure_before,
)
from stargate_digest.extractors.named_again import (
    REACH,
    head_noun,
    last_named_again,
    last_site_for_facility,
    same_noun,
    subject_site,
)
from stargate_digest.extractors.page_rules import holds_figure, names_the_part, part_of_figure
from stargate_digest.extractors.scope_cues import (
    chained_clause,
    country_after,
    dated_after_topic,
    financing_matcher,
    frame_sentence,
    frames_next,
    is_seat,
    korean_word,
    located,
    part_of_end,
    reads_case,
    relative_after,
    time_fraction_after,
    without_landmarks,
)
from stargate_digest.extractors.scope_words import (
    DEMONSTRATIVES,
    UNSPACED,
)
from stargate_digest.extractors.series_rules import first_of_series, part_in_series, unnamed_first
from stargate_digest.models import Article
from stargate_digest.quantities import Mention
from stargate_digest.quantities.lexicon import PHASE_WORDS
from stargate_digest.quantities.locale_facts import word_language
from stargate_digest.segment import Sentences, Span, clause_around
from stargate_digest.terms import TermHit, leftmost_longest
from stargate_digest.topic import TopicProfile, scope_label


class Hits(Protocol):
    """Matches of one pattern over a whole article, looked up by range (rules._Hits)."""

    def within(self, span: Span) -> list[TermHit]: ...


# Parts that are places: an article about one of them names no other.
_PLACES = frozenset({"site", "country"})
_TIMES_NAMED = 2
# Parts that are times of the whole (a phase, a period): a word for one can modify a figure.
_TIMES = frozenset({"phase", "period"})
# What ``_named_part`` says of a figure beside parts named together: about no one part.
_TOGETHER = "\x00together"


class ScopeRules:
    """The scope rules of one topic profile (its parts and their aliases)."""

    def __init__(self, topic: TopicProfile) -> None:
        self.topic = topic
        self._aliases = {
            name: frozenset([name, *spec.aliases]) for name, spec in topic.scopes.items()
        }
        self._financing = financing_matcher(topic)  # "financing" names the venture
        self._owners = {spec.of or topic.main_subject for spec in topic.scopes.values()}
        self._first = first_of_series(topic)  # "Fab 1" of "Fab 1", "Fab 2", …

    def anothers(self, site: str, subject: str) -> bool:
        """Whether ``site`` is another organisation's than ``subject``, one that has parts
        of its own in the profile (``of``): "Entergy projects $2 billion in savings", on a
        page about Meta's campus, is not the campus's."""
        owner = self.topic.scopes[site].of or self.topic.main_subject
        return owner != subject and subject in self._owners

    def hits(self, text: str, by_label: dict[str, list[TermHit]] | None = None) -> list[TermHit]:
        """Where ``text`` names each of the profile's parts (``by_label``: its matches),
        each name read once: a part's alias inside another's is not a second part."""
        if by_label is None:
            by_label = {}
            for hit in self.topic.matcher.find(text):
                by_label.setdefault(hit.label, []).append(hit)
        found = [
            TermHit(hit.start, hit.end, name)
            for name in self.topic.scopes
            for hit in by_label.get(scope_label(name), [])
        ]
        if self._financing is not None:
            found += self._financing.find(text)
        return leftmost_longest(found)

    def of_figure(
        self,
        text: str,
        sentences: Sentences,
        figure: Figure,
        *,
        scopes: Hits,
        subjects: Hits,
        figures: Figures,
        language: str,
        headline_site: str | None,
        memo: dict[tuple[str, int], str | None],
    ) -> str | None:
        """The scope of a figure (``scopes``, ``subjects``: where the text names them;
        ``figures``: every figure of the text; ``memo``: what this article's
        sentences and paragraphs say of all their figures, filled here: their figures
        share it, and a paragraph can be the whole text)."""
        named = self._named_part(scopes, figure, text, figures, language)
        scope = named.label if named is not None else None
        if named is not None:  # "「Fab2」以降…それぞれ33年末、35年末": Fab 3's for the second
            words = word_language(language)
            scope = (
                part_in_series(text, figure, named, figures, aliases=self._aliases, language=words)
                or scope
            )
        if named is not None and named.start >= figure.mention.end:
            # "$12 billion ... at this facility and ... to Europe": "this" before the part
            # named after the figure points back at what the previous sentence named.
            pattern = _demonstrative(word_language(language))
            if pattern is not None and pattern.search(text, figure.mention.end, named.start):
                back = ("back", figure.sentence.start)
                if back not in memo:
                    memo[back] = self._pointed_back(scopes, text, sentences, figure, language)
                scope = memo[back] or scope
        if scope is None and changed_from(text, figure.mention, figures, language):
            # "fell from $3.5 trillion to $2.9 trillion": the first value held before the
            # change; a profile that follows such a time names a part "before".
            known = self.topic.canonical_scope(_BEFORE)
            scope = known if known in self.topic.scopes else None
        if scope is None:
            scope = self._country_programme(subjects, figure, text, language)
        if scope is None:
            scope = self._phase(text, figure.clause, language)
        if scope is None and named is None:
            scope = self._chained_site(scopes, subjects, text, figure, language)
        if scope is None:
            scope = self._from_context(
                scopes, text, sentences, figure, language=language, memo=memo, subjects=subjects
            )
        if scope == _TOGETHER:
            return None
        scope = scope or headline_site
        if scope is not None:  # (read last: most figures have no part to take away)
            larger = part_of_end(text, figure.sentence.start, figure.mention.start, language)
            if larger is not None and (named is None or named.start < larger):
                return None  # "… is part of its strategy to raise output to 40%": the whole's
        return scope

    def _from_context(
        self,
        scopes: Hits,
        text: str,
        sentences: Sentences,
        figure: Figure,
        *,
        language: str,
        memo: dict[tuple[str, int], str | None],
        subjects: Hits,
    ) -> str | None:
        """What the sentences before say, for a figure whose own sentence names no part:
        the same for every figure of its sentence, so worked out once per sentence."""
        key = ("context", figure.sentence.start)
        if key not in memo:
            scope = self._pointed_back(scopes, text, sentences, figure, language)
            memo[("back", figure.sentence.start)] = scope
            if scope is None:
                # "L'usine créera 2 000 emplois": the plant last named, paragraphs back.
                earlier = [
                    h
                    for h in scopes.within(
                        Span(max(0, figure.sentence.start - REACH), figure.sentence.start)
                    )
                    if self.topic.scopes[h.label].kind != "period"
                    and self._names(text, h, language)
                ]
                words = word_language(language)
                scope = last_named_again(text, figure.sentence, earlier, words)
                if scope is None:  # "… in Magdeburg. The plant will cost €17 billion."
                    sites = subject_site(
                        text,
                        sentences,
                        [h for h in earlier if self.topic.scopes[h.label].kind == "site"],
                        coordinator(words),
                    )
                    here = [
                        h
                        for h in scopes.within(figure.sentence)
                        if self.topic.scopes[h.label].kind == "site"
                        and self._names(text, h, language)
                    ]
                    # "the plant" in a relative clause after the figure's is what that
                    # clause speaks of ("… is planned, which the plant in Mississippi
                    # will feed"), not where the figure is
                    said = figure.sentence
                    if relative_after(text, figure.clause.end, language):
                        said = Span(said.start, figure.clause.end)
                    scope = last_site_for_facility(text, said, sites, words, here)
            if scope is None:
                scope = self._site_before(
                    scopes, text, sentences, figure, language=language, subjects=subjects
                )
            if scope is None:
                place = ("place", figure.paragraph.start)
                if place not in memo:
                    memo[place] = self.one_place(text, figure.paragraph, scopes, language)
                scope = memo[place]
            memo[key] = scope
        return memo[key]

    def _names(self, text: str, hit: TermHit, language: str) -> bool:
        """Whether a match of a part's alias really names it (page_rules.names_the_part;
        in Korean, also a whole word: "인도에" is India, "인도네시아" is not)."""
        if not names_the_part(text, hit.start, hit.end, self._aliases[hit.label]):
            return False
        language = word_language(language)
        if is_seat(text, hit.start, hit.end, language):
            return False  # "Micron, based in Boise, …": the company's seat, not a part
        if time_fraction_after(text, hit.end, language):
            return False  # "the second half of the decade": a time, not "the second" fab
        if self.topic.scopes[hit.label].kind == "period" and (
            compared_with(text, hit.start, hit.end, language)
            or _SPAN_AFTER.match(text, hit.end)
            or _SPAN_BEFORE.search(text, max(0, hit.start - 8), hit.start)
        ):
            # "up 20% compared with 2024": the time the change is measured from;
            # "in 2024-2025": a span of years, of which 2024 is one end.
            return False
        return language != "ko" or korean_word(text, hit.start, hit.end)

    def _named_part(
        self, scopes: Hits, figure: Figure, text: str, figures: Figures, language: str
    ) -> TermHit | None:
        """The named part nearest the figure in its clause, else its sentence (its label
        ``_TOGETHER`` for parts named together)."""
        mention, sentence, clause = figure.mention, figure.sentence, figure.clause
        entry = _timeline_entry(text, sentence, figures)
        dated = None if entry is not None else _dated_opening(text, sentence, figures, language)
        headed = mention.start == sentence.start and (entry or dated) is not None
        # "JASMは10月24日、熊本第2工場…と協定を締結した": when the verb at the end happened
        topical = None if headed else dated_after_topic(text, sentence, mention, language)
        spans = (clause, sentence)
        if headed or topical is not None:
            # "March 2025: Stargate opens Abilene": the date of the entry
            clause = topical or entry or dated or clause
            spans = (clause, sentence)
            if (dated or topical) is not None and word_language(language) in _VERB_FINAL:
                # "2025年10月21日、…の資金として、…270億ドルを調達する契約を締結した": the date
                # is when the verb that ends the sentence happened, in its last clause
                spans = (clause, clause_around(text, sentence, sentence.end - 1, sentence.end))
        for span in spans:
            if span is sentence:  # "two fabs, an R&D fab, and a packaging plant in Taylor"
                closing = list_place(
                    text,
                    sentence,
                    clause,
                    lambda s: [h for h in scopes.within(s) if self._names(text, h, language)],
                    language,
                )
                if closing is not None:
                    return closing
            hits = [
                h
                for h in scopes.within(span)
                if not part_of_figure(h.start, h.end, mention)
                and self._names(text, h, language)
                and not describes_figure_before(
                    text, span, h, mention, figures=figures, language=language
                )
                and not describes_figure_after(text, h, mention, figures)
                and not holds_figure(h.start, h.end, mention, figures.first_from(h.start))
                and not (
                    self.topic.scopes[h.label].kind in _TIMES
                    and modifies_figure_before(text, h, mention, figures, language)
                )
            ]
            hits = _unlocated(text, hits, language)  # "a data centre in Memphis": the centre
            hits = without_landmarks(text, hits, word_language(language))  # "第1工場の東側"
            if span is sentence and hits:
                # Beyond the clause, only a part named before the figure in the first
                # clause of its statement sets the scope ("At the Abilene campus, ...
                # 400,000 GPUs"): one named after it usually starts a new thought ("...;
                # the first phase costs ..."), and one in a middle clause says where
                # something else is ("MGX, a fund in the UAE, ..."). A contrast opens a
                # new statement ("Abilene draws 1.2 GW, while Lordstown, in Ohio, draws
                # 0.8 GW"; "... $40 billion, but the whole costs $500 billion").
                opening = statement_opening(
                    text, span, mention, language, parts=hits, timeline=entry is not None
                )
                if dated is not None and opening.end <= dated.start:
                    opening = dated  # "2025年5月,Colossus…投入使用,从当地获取150兆瓦电力"
                hits = [
                    h
                    for h in hits
                    if opening.start <= h.start and h.end <= min(mention.start, opening.end)
                ]
            if hits:
                # On a tie the part after the figure wins: the words before it end the
                # previous item ("2座阿比林和3座洛兹敦"), those after say what it counts.
                nearest = min(
                    hits,
                    key=lambda h: (_distance(h.start, h.end, mention), h.start < mention.start),
                )
                if named_together(text, hits, nearest, word_language(language)):
                    return TermHit(nearest.start, nearest.end, _TOGETHER)
                return nearest
        return None

    def _chained_site(
        self, scopes: Hits, subjects: Hits, text: str, figure: Figure, language: str
    ) -> str | None:
        """The one site the clause a Japanese figure's clause goes on from names as where
        or what its verb builds ("…デブレツェンに新工場を建設中で、2026年初頭の稼働を目指す":
        scope_cues.chained_clause), when the figure's clause names no actor of its own."""
        words = word_language(language)
        before = chained_clause(text, figure.sentence, figure.clause, words)
        if before is None or subjects.within(figure.clause):
            return None
        labels = {
            h.label
            for h in scopes.within(before)
            if self.topic.scopes[h.label].kind == "site"
            and self._names(text, h, language)
            and frames_next(text, h.end, words, bare=True)
        }
        return labels.pop() if len(labels) == 1 else None

    def _phase(self, text: str, clause: Span, language: str) -> str | None:
        """A generic phase the figure's clause names ("phase 2", "first phase")."""
        phases = _phase_pattern(word_language(language))
        if phases is None:
            return None
        found = phases.search(text, clause.start, clause.end)
        if found is None:
            return None
        number = next((g for g in found.groups() if g), "1")
        return self.topic.canonical_scope(f"phase {number}")

    def _pointed_back(
        self, scopes: Hits, text: str, sentences: Sentences, figure: Figure, language: str
    ) -> str | None:
        """The one part the previous sentence names, when the figure's sentence points
        back at it ("... that it picked Abilene. This will create 1,500 jobs.", "這項投資",
        "이번 투자"): a demonstrative takes up what was just named, wherever in that
        sentence it was. So does the part's own noun again after a determiner ("The
        first phase began in 2021. The phase will total 4.5 million square feet").
        A time (a part of kind period) is not what "this" points at.
        """
        words = word_language(language)
        pattern = _demonstrative(words)
        sentence = figure.sentence
        pointing = pattern is not None and pattern.search(text, sentence.start, sentence.end)
        previous = _previous_sentence(sentences, figure)
        if previous is None and pointing:
            # "此次投资将创造…" opening a paragraph takes up what the last one ended on: CJK
            # web copy breaks its paragraphs after a sentence or two. Not in European copy,
            # whose paragraph opening "ces annonces" sums up more than the last sentence,
            # unless it repeats that sentence's noun ("… 300,000 more chips.\n\nThese new
            # chips cost …"): then it takes up the very thing that sentence named.
            last = _previous_sentence(sentences, figure, across=True)
            if words in _SHORT_PARAGRAPHS or (
                last is not None and _repeats_noun(text, pointing.end(), last, words)
            ):
                previous = last
        if previous is None:
            return None
        named = [
            h
            for h in scopes.within(previous)
            if self.topic.scopes[h.label].kind != "period" and self._names(text, h, language)
        ]
        named = _before_inclusion(text, self._narrowest(text, named, language), words)
        if len({h.label for h in named}) != 1:
            return None
        if pointing:
            return named[0].label
        head = head_noun(text, named[0].start, named[0].end, words)
        again = same_noun(words, head) if head else None
        if again is not None and again.search(text, sentence.start, sentence.end):
            return named[0].label
        return None

    def _narrowest(self, text: str, hits: list[TermHit], language: str) -> list[TermHit]:
        """``hits`` without the places that only locate the next one: an address names
        one place, its state or city saying where it is ("德克萨斯州泰勒", "テキサス州
        テイラー市", "텍사스 주 Taylor 시" go from the larger to the smaller). Only where
        the larger comes first with nothing but a space between: "Taylor, Texas" reads
        as a list in spaced languages too ("Abilene, Lordstown")."""
        if word_language(language) not in _HEAD_FINAL:
            return hits
        places = sorted(
            (h for h in hits if self.topic.scopes[h.label].kind in _PLACES),
            key=lambda h: h.start,
        )
        larger: set[int] = set()
        for first, second in pairwise(places):
            if first.label != second.label and _ADDRESS_GAP.fullmatch(
                text, first.end, second.start
            ):
                larger.add(id(first))
        return [h for h in hits if id(h) not in larger]

    def _site_before(
        self,
        scopes: Hits,
        text: str,
        sentences: Sentences,
        figure: Figure,
        *,
        language: str,
        subjects: Hits,
    ) -> str | None:
        """The one site the previous sentence of the paragraph opens with, if any
        (in Japanese, more when the figure's sentence names no subject: ``bare``,
        scope_cues.frames_next and frame_sentence).

        "In Abilene, Stargate is building a campus. It will draw 1.2 GW." A site named
        later in that sentence, or further back, is more often named in passing (tried).
        """
        span = _previous_sentence(sentences, figure)
        words = word_language(language)
        # A sentence that names no actor goes on about the one before (asked only where
        # the language marks case: Japanese)
        bare = reads_case(words) and not subjects.within(figure.sentence)
        if span is not None and bare:  # "…に…を建設中である。…4倍である。投資額は…"
            span = frame_sentence(
                sentences,
                span,
                figure.paragraph.start,
                words,
                names=lambda s: bool(scopes.within(s) or subjects.within(s)),
            )
        if span is not None:
            label = _LABEL.match(text, span.start, span.end)  # "A: …": the line after it
            at = span.start if label is None else label.end()
            opening = clause_around(text, span, at, at)
            if attribution(text, opening, words) and opening.end < span.end:
                # "…에 따르면, xAI의 멤피스 … 시설": the clause after the source opens it
                opening = clause_around(text, span, opening.end + 1, opening.end + 1)
            labels = {
                h.label
                for h in scopes.within(opening)
                if self._names(text, h, language)
                and self.topic.scopes[h.label].kind == "site"
                and frames_next(text, h.end, words, bare=bare)
            }
            if len(labels) == 1:
                return labels.pop()
        return None

    def of_article(self, article: Article, scopes: Hits) -> str | None:
        """The one site an article is about: what its figures are about when their own
        sentence names no part ("Chip plant in X delayed" ... "it will cost €30
        billion").

        The headline says so when it names one site. Otherwise the text does when it
        names one site again and again and no other place: a page about one plant
        comes back to its town, and its subsidy, cost and jobs are that plant's. A
        site named once is usually named in passing ("the first campus, in Abilene"),
        and a page that names a second site or a country programme is about several
        parts: a figure that names none of them is then about the whole.
        """
        if article.title:
            named = {
                hit.label
                for hit in self.hits(article.title)
                if self.topic.scopes[hit.label].kind == "site"
            }
            if named:
                return named.pop() if len(named) == 1 else None
        whole = Span(0, len(article.text))  # else "the plant" of a page naming no site
        return self.one_place(article.text, whole, scopes, article.language) or unnamed_first(
            self.topic, self._first, article.text, scopes.within(whole), article.language
        )

    def one_place(self, text: str, span: Span, scopes: Hits, language: str) -> str | None:
        """The one site ``span`` names at least twice, when it names no other place (a
        page, or a paragraph of a page about several: "... a facility in Italy. This
        would create 1,500 jobs. Operations begin in 2025. Talks with Italy go on.")."""
        places: list[str] = []
        reached = 0  # aliases overlap ("Milam County", "Milam"): one name, counted once
        for hit in sorted(scopes.within(span), key=lambda h: h.start):
            if (
                hit.start >= reached
                and self.topic.scopes[hit.label].kind in _PLACES
                and self._names(text, hit, language)
            ):
                places.append(hit.label)
                reached = hit.end
        if len(set(places)) == 1 and len(places) >= _TIMES_NAMED:
            only = places[0]
            return only if self.topic.scopes[only].kind == "site" else None
        return None

    def _country_programme(
        self, subjects: Hits, figure: Figure, text: str, language: str
    ) -> str | None:
        """A country programme ("Stargate Argentina"): the main subject, then a country.

        Country names come from CLDR (babel) in the article's language and in English.

        Country programmes the profile lists are found as its scopes; this finds the
        ones it does not list yet, named the same way.
        """
        span = Span(figure.sentence.start, figure.clause.end)
        for hit in subjects.within(span):
            if hit.label != self.topic.main_subject:
                continue
            country = country_after(text, hit.end, language)
            if country is not None:
                return self.topic.canonical_scope(f"{self.topic.main_subject} {country}")
        return None


# A year joined by a dash to another year: "2024-2025", "2023–24", "2024~2025年".
_SPAN_AFTER = re.compile(r"\s?[-–—~～至到]\s?\d{2,4}(?!\d)")
_SPAN_BEFORE = re.compile(r"(?<!\d)\d{2,4}\s?[-–—~～至到]\s?$")


_BEFORE = "before"


def _previous_sentence(
    sentences: Sentences, figure: Figure, *, across: bool = False
) -> Span | None:
    """The sentence before the figure's, when it is in the same paragraph (``across``:
    the last sentence of the paragraph before, for a sentence opening its paragraph)."""
    at = bisect_left(sentences.starts, figure.sentence.start) - 1
    if at >= 0 and (across or (sentences.spans[at]).start >= figure.paragraph.start):
        return sentences.spans[at]
    return None


# The words after a demonstrative: its noun, perhaps after an adjective ("these new chips").
_NOUN_AFTER = re.compile(r"\s+([^\W\d_]+)(?:\s+([^\W\d_]+))?")
_NOUN_LETTERS = 4  # shorter words are articles and particles, no noun to take up


def _repeats_noun(text: str, at: int, span: Span, language: str) -> bool:
    """Whether a word of the noun phrase at ``at`` (after a demonstrative) is a word of
    ``span``: "estos nuevos chips" after "… requerirá 300.000 chips …". A common noun:
    a name said again ("ce que Micron a appelé …") takes nothing up; German writes its
    nouns with a capital."""
    found = _NOUN_AFTER.match(text, at)
    if found is None:
        return False
    said = text[span.start : span.end].casefold()
    return any(
        re.search(rf"(?<!\w){re.escape(word.casefold())}(?!\w)", said)
        for word in found.groups()
        if word is not None and len(word) >= _NOUN_LETTERS and (word.islower() or language == "de")
    )


def _unlocated(text: str, hits: list[TermHit], language: str) -> list[TermHit]:
    """``hits`` less the places that say where the part named right before them is ("ein
    neues Rechenzentrum in Memphis": the data centre's figures are not Memphis's)."""
    ends = {h.end for h in hits}
    return [
        h
        for h in hits
        if not any(located(text, end, h.start, language) for end in ends if end < h.start)
    ]


def _before_inclusion(text: str, hits: list[TermHit], language: str) -> list[TermHit]:
    """The parts named before an inclusion word, when some are: those after it are the
    pieces of what the sentence names ("a cluster in Texas, including two fabs in Taylor
    and a plant in Austin", "在得克萨斯州建立一个集群，包括：在泰勒市…")."""
    words = INCLUSION_WORDS.get(language)
    if not words or not hits:
        return hits
    first = min(hits, key=lambda h: h.start)
    end = max(h.end for h in hits)
    found = [text.find(word, first.end, end) for word in words]
    cut = min((at for at in found if at >= 0), default=-1)
    if cut < 0:
        return hits
    return [h for h in hits if h.end <= cut]


# Languages whose web copy breaks paragraphs after a sentence or two.
_SHORT_PARAGRAPHS = frozenset({"zh", "ja", "ko"})
# Languages that write the larger place first, the place it holds after it.
_HEAD_FINAL = frozenset({"zh", "ja", "ko"})
# Languages whose sentences end with their main verb: what a date heading the sentence
# dates is said last.
_VERB_FINAL = frozenset({"ja", "ko"})
# What stands between the two names of an address: nothing, a space, or a word for
# "state" or "city" the alias left out ("텍사스 주 Taylor").
_ADDRESS_GAP = re.compile(r"[ \u00a0]?(?:주|州|시|市)?[ \u00a0]?")


@cache
def _demonstrative(language: str) -> re.Pattern[str] | None:
    words = DEMONSTRATIVES.get(language)
    if words is None:
        return None
    alternation = "|".join(map(re.escape, words))
    if language in UNSPACED:
        return re.compile(alternation)
    return re.compile(rf"(?<!\w)(?:{alternation})(?!\w)", re.IGNORECASE)


_HEADING_COLON = re.compile(r"\s*[:：]\s*")
# A line's label before its colon ("Q:", "A:", "答："): what the line says comes after it.
_LABEL = re.compile(r"\w{1,2}[ \t]*[:：]\s*")


def _timeline_entry(
    text: str, sentence: Span, figures: Figures, heading: re.Pattern[str] = _HEADING_COLON
) -> Span | None:
    """The first clause of a timeline entry ("2024年4月：台積電宣布…", "March 2025: Stargate
    opens ..."): a sentence headed by a date and a colon (``heading``). The date is that
    of what the clause says; the entry's other figures keep the usual rules (an amount
    further on is often the running total, not the part's: tried)."""
    first = figures.first_from(sentence.start)
    if first is None or first.start != sentence.start or first.kind != "date":
        return None
    colon = heading.match(text, first.end)
    if colon is None or colon.end() >= sentence.end:
        return None
    return clause_around(text, sentence, colon.end(), colon.end())


# A date set off by a comma at the head of a Chinese, Japanese or Korean sentence
# ("2025年5月,Colossus…投入使用", "2025年10月21日、メタが…調達する契約を締結した", "7월 22일,
# 머스크는…"): it says when for the whole sentence, as a timeline's date does, and opens no
# statement of its own; the clause after it does.
_DATE_COMMA = re.compile(r"[ \u00a0]?(?:には|に|に、|에는|에)?[ \u00a0]?[,，、][ \u00a0]?")


def _dated_opening(text: str, sentence: Span, figures: Figures, language: str) -> Span | None:
    """The clause after a date heading a CJK sentence with a comma (``_DATE_COMMA``)."""
    if language not in _HEAD_FINAL:
        return None
    return _timeline_entry(text, sentence, figures, _DATE_COMMA)


def _distance(start: int, end: int, mention: Mention) -> int:
    return max(0, start - mention.end, mention.start - end)


@cache
def _phase_pattern(language: str) -> re.Pattern[str] | None:
    """'phase 1', 'Phase 2', 'fase 1', '第1期', '1단계', and 'first phase' (= phase 1)."""
    words = PHASE_WORDS.get(language)
    if words is None:
        return None
    names, firsts, suffixes = words
    branches = []
    if names:
        alternation = "|".join(map(re.escape, names))
        branches.append(rf"\b(?i:{alternation})\s?(\d+)\b")
        if firsts:
            branches.append(rf"\b(?i:{'|'.join(map(re.escape, firsts))})\s(?i:{alternation})\b")
    if suffixes:
        branches.append(rf"第?(\d+)(?:{'|'.join(map(re.escape, suffixes))})")
    return re.compile("|".join(branches)) if branches else None

"""The rules extractor: the offline default, and the yardstick for the LLM backend.

Every quantity mention the parser finds in a paragraph that names one of the story's
subjects is a candidate (page furniture and asides name none). The topic profile says
what it measures: a metric whose cue words stand near it, or a subject whose default
metric fits; a figure no metric fits is still reported, as metric ``other`` with the
words after it as ``detail`` ("a $500 billion network", "25 000 onsite jobs"). A number
written in words counts something only when a count cue follows it ("eight buildings"),
and a date only when a date cue labels it. Subjects come from the mention's own clause
(the main subject when it names none); distributive wording ("chacun", "each") gives one
claim per named organisation; an amount in parentheses right after another is its
stated equivalent and shares its subject and metric. Scope is the profile's named part
(a site, a country programme, a phase) nearest the figure in its clause, else in its
sentence, else a generic "phase N", else the site the previous sentence opens with (none
for parts named together, "in Abilene and Lordstown"); ``as_of`` is a date the same
clause states.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_left
from dataclasses import dataclass, field
from operator import attrgetter, itemgetter
from typing import get_args

from stargate_digest import __version__
from stargate_digest.extractors.change_rules import change_levels, level_metrics
from stargate_digest.extractors.clause_rules import (
    cue_following,
    listed_item,
    modified_noun,
    nearest_cue,
    own_clause_first,
    restatement_after,
    subject_before,
    sums_parts,
    telling_cues,
)
from stargate_digest.extractors.currency_rules import story_currencies
from stargate_digest.extractors.figure_detail import figure_detail
from stargate_digest.extractors.figure_relations import Figure, Figures
from stargate_digest.extractors.headline_rules import anothers_figure, headline_scope
from stargate_digest.extractors.metric_choice import FALLBACK_METRIC_DISTANCE, best_metric
from stargate_digest.extractors.moment_rules import as_of, joined_as_change
from stargate_digest.extractors.named_again import speaks_of_facility
from stargate_digest.extractors.others_rules import (
    award_reading,
    counts_a_purpose,
    norm_owners,
    of_a_programme,
)
from stargate_digest.extractors.page_rules import (
    Paragraphs,
    at_the_cut,
    bracketed_owner,
    in_link_item,
    is_dateline,
    is_name_number,
    is_ordinal_number,
    is_world_share,
    names_a_home,
    pairs_a_measure,
    share_owner,
    times_a_percentage,
)
from stargate_digest.extractors.renamed_rules import part_named_next
from stargate_digest.extractors.restated import RESTATED, cued_before
from stargate_digest.extractors.scope_rules import ScopeRules
from stargate_digest.extractors.subject_rules import page_subject, sentence_before, subject_hits
from stargate_digest.frozen import quick_init
from stargate_digest.models import Article, ArticleClaims, Claim
from stargate_digest.quantities import Mention, find_mentions
from stargate_digest.quantities.locale_facts import word_language
from stargate_digest.quantities.mention import Kind
from stargate_digest.segment import Sentences, Span, clause_around
from stargate_digest.terms import TermHit
from stargate_digest.text_words import TextWords, text_words
from stargate_digest.topic import (
    DISTRIBUTIVE,
    TopicProfile,
    load_topic,
    metric_label,
    scope_label,
    subject_label,
)
from stargate_digest.verify import verify_claims

# A subject named nowhere in the clause is assumed to be the main subject, but any
# subject the clause does name is preferred: that is what these distances encode.
_DEFAULT_SUBJECT_DISTANCE = 60
_MAX_QUOTE_CHARS = 260
# "$38 billion (approximately ¥5.94 trillion)", "19 milliards chacun (environ 18,25 …)":
# at most two words, an opening parenthesis and a few words of hedging.
_EQUIVALENT_GAP = re.compile(r"\s*(?:\w+\s+){0,2}[(\[][^\d()\[\]]{0,30}")
OTHER_METRIC = "other"
_CUED = frozenset({"count", "date"})
_COUNT_CUE_DISTANCE = 40
_SPELLED_CUE_DISTANCE = 25


# Sort keys read in C (a lambda is a Python call per item; these run for every figure).
_START = attrgetter("start")
_DISTANCE = itemgetter(1)


class _Hits:
    """Matches of one pattern over a whole article, found once, looked up by range."""

    def __init__(self, hits: list[TermHit]) -> None:
        self.hits = sorted(hits, key=_START)  # attrgetter: no Python call per hit
        self._starts = [h.start for h in self.hits]

    def within(self, span: Span) -> list[TermHit]:
        first = bisect_left(self._starts, span.start)
        if first == len(self._starts) or self._starts[first] >= span.end:
            return []  # most spans hold no match: no second search, no slice
        last = bisect_left(self._starts, span.end, first)
        return [h for h in self.hits[first:last] if h.end <= span.end]

    def overlapping(self, span: Span) -> bool:
        """Whether any match overlaps ``span`` (matches are short: look a little back)."""
        index = bisect_left(self._starts, span.start - 40)
        while index < len(self.hits) and self.hits[index].start < span.end:
            if self.hits[index].end > span.start:
                return True
            index += 1
        return False

    def any_within(self, span: Span) -> bool:
        """Whether any match lies inside ``span``, in logarithmic time: a paragraph can be
        the whole text (one long line); listing its matches per figure was quadratic."""
        index = bisect_left(self._starts, span.start)
        while index < len(self.hits) and self.hits[index].start < span.end:
            if self.hits[index].end <= span.end:
                return True
            index += 1
        return False


@dataclass(frozen=True)
class _Index:
    """Where the article names each subject, metric cue and distributive word."""

    subjects: _Hits
    cues: _Hits
    """Every metric's cue words, labelled with the metric's name."""
    distributive: _Hits
    scopes: _Hits
    _by_sentence: dict[Span, dict[str, list[TermHit]]] = field(default_factory=dict)

    def cues_in(self, sentence: Span, text: str) -> dict[str, list[TermHit]]:
        """Each metric's cue words in a sentence (found once: its figures share them)."""
        found = self._by_sentence.get(sentence)
        if found is None:
            found = {}
            names = self.subjects.within(sentence)
            for hit in self.cues.within(sentence):
                if not names or not any(_inside(hit, name, text) for name in names):
                    found.setdefault(hit.label, []).append(hit)
            self._by_sentence[sentence] = found
        return found


def _inside(hit: TermHit, name: TermHit, text: str) -> bool:
    """Whether a cue word is a word inside a subject's name ("Incentivos" in "Ley de
    Creación de Incentivos …"): it names the subject there, not what a figure measures.
    A cue that is the whole name (a fund the profile cues its grants by) still counts.
    So does one inside a subject named by what it measures rather than by a proper
    name: a phrase in lower case ("la part américaine", "cuota de fabricación
    estadounidense"), or in a script without case one the cue ends, its head noun in
    the languages that put it last ("米国のシェア", the US share)."""
    whole = hit.start == name.start and hit.end == name.end
    if whole or not (name.start <= hit.start and hit.end <= name.end):
        return False
    written = text[name.start : name.end]
    if written.lower() == written != written.upper():
        return False  # a common noun phrase, not an institution's name
    return not (hit.end == name.end and _CASELESS_LAST.search(written) is not None)


# A name that ends in a letter of a script without case (Han, kana, Hangul).
_CASELESS_LAST = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]\Z")


@quick_init
@dataclass(frozen=True, slots=True)
class _Candidate:
    mention: Mention
    sentence: Span
    clause: Span
    level: bool = False  # one of the two levels of a stated change ("from $5bn to $4bn")
    text: str = ""
    language: str = ""
    previous: Span | None = None  # the sentence before (subject_rules.py)


@quick_init
@dataclass(frozen=True, slots=True)
class _Reading:
    """What a candidate is about: one entry per subject (several when distributive)."""

    subjects: tuple[str, ...]
    metric: str
    detail: str | None = None


class RulesExtractor:
    """Offline, deterministic extractor driven by a topic profile."""

    name = "rules"

    def __init__(self, topic: TopicProfile | None = None) -> None:
        self.topic = topic or load_topic()
        kinds_of = self.topic.metric_kinds
        self._metrics_of = {  # the metrics that measure each kind of quantity
            kind: {n: m for n, m in self.topic.metrics.items() if kind in kinds_of[n]}
            for kind in get_args(Kind)
        }
        self._scopes = ScopeRules(self.topic)
        self._currencies = frozenset(self.topic.unlabelled_currencies)  # currency_rules.py
        # Each subject's, metric's and part's matcher label, made once, not per article.
        self._subject_labels = [(name, subject_label(name)) for name in self.topic.subjects]
        self._metric_labels = [(name, metric_label(name)) for name in self.topic.metrics]
        self._scope_labels = {scope_label(name) for name in self.topic.scopes}

    @property
    def version(self) -> str:
        """The package version and the topic profile's content hash."""
        profile = hashlib.sha256(self.topic.model_dump_json().encode()).hexdigest()[:16]
        return f"rules/{__version__}/{profile}"

    def extract(self, article: Article) -> ArticleClaims:
        """Claims for one article, each verified against its text.

        The verifier reuses this extractor's sentences and its reading of the article
        (both deterministic functions of the text), so the text is not read twice.
        """
        sentences = Sentences(article.text, article.language)
        proposed, mentions = self._propose(article, sentences)
        claims = verify_claims(proposed, article, sentences=sentences, article_mentions=mentions)
        return ArticleClaims(article=article, claims=claims, backend=self.name)

    def propose(self, article: Article) -> list[Claim]:
        """Unverified claims, in text order, duplicates within the article merged."""
        return self._propose(article, Sentences(article.text, article.language))[0]

    def _propose(self, article: Article, sentences: Sentences) -> tuple[list[Claim], list[Mention]]:
        text = article.text
        words = text_words(text)  # read once: the term lookup and the number scan share it
        index = self._index(text, words)
        mentions = find_mentions(text, article.language, words)
        mentions = story_currencies(mentions, self._currencies)  # "¥" on a page about Japan
        levels = change_levels(text, mentions, article.language)
        language = word_language(article.language)
        headline_site = self._scopes.of_article(article, index.scopes)
        scope_memo: dict[tuple[str, int], str | None] = {}
        page = _Page(headline_site)
        figures = Figures(mentions)
        claims: list[Claim] = []
        anchors: dict[int, tuple[Claim, ...]] = {}
        previous: Mention | None = None
        paragraphs = Paragraphs(text, mentions, article.language)
        starts = [m.start for m in mentions]  # as_of bisects them for every figure

        def names_topic(span: Span) -> bool:
            # any_within, not within: a paragraph can hold many names, and only whether
            # it holds one is asked (no list of them built).
            return index.subjects.any_within(span) or index.scopes.any_within(span)

        for mention in mentions:
            paragraph = paragraphs.around(mention)  # found once for the three uses below
            if not paragraphs.on_topic(paragraph, names_topic):
                continue  # page furniture and asides name none of the story's subjects or parts
            if in_link_item(text, mention) or at_the_cut(text, mention):
                continue  # "- Acme opens plant2022.08.08"; "…を750億ド" (the page cut off)
            sentence = sentences.containing(mention.start)
            clause = clause_around(text, sentence, mention.start, mention.end)
            before = sentence_before(sentences, sentence)
            level = id(mention) in levels
            candidate = _Candidate(mention, sentence, clause, level, text, language, before)
            anchor = _equivalent_anchor(text, previous, mention, anchors)
            joined = previous is not None and joined_as_change(text, previous, mention, language)
            changed = anchors.get(id(previous), ()) if joined else ()
            previous = mention
            scope = self._scopes.of_figure(
                text,
                sentences,
                Figure(mention, sentence, candidate.clause, paragraph),
                scopes=index.scopes,
                subjects=index.subjects,
                figures=figures,
                language=article.language,
                # which site, and for whom: _headline_default
                headline_site=None if headline_site is None else _HEADLINE,
                memo=scope_memo,
            )
            scope = self._settled(
                scope, candidate, sentences=sentences, index=index, paragraph=paragraph, page=page
            )
            dated = as_of(mentions, mention, clause, sentence, text, starts=starts)
            context = _Context(scope=scope, as_of=dated)
            if anchor:
                made = tuple(
                    self._claim(
                        article,
                        candidate,
                        _Reading((a.subject,), a.metric, a.detail),
                        _Context(scope=a.scope, as_of=context.as_of),  # the same figure
                        index=len(claims) + i,
                        equivalent_of=a.id,
                    )
                    for i, a in enumerate(anchor)
                )
            else:
                reading = self._read(index, candidate, text, article.language)
                if changed:  # "from X to Y": Y measures what X does (moment_rules.py)
                    reading = _Reading(tuple(c.subject for c in changed), changed[0].metric)
                if reading is None:
                    continue
                metric, detail = reading.metric, reading.detail
                readings = [_Reading((s,), metric, detail) for s in reading.subjects]
                made = tuple(
                    self._claim(
                        article,
                        candidate,
                        one,
                        self._headline_default(context, one, headline_site),
                        index=len(claims) + i,
                    )
                    for i, one in enumerate(readings)
                )
            anchors[id(mention)] = made
            claims.extend(made)
        return _merge_repeats(claims), mentions

    def _index(self, text: str, words: TextWords | None = None) -> _Index:
        # Spans by label: each TermHit made once, by name (not the matcher's, then another).
        spans = self.topic.matcher.spans_by_label(text, words)
        found = self._scope_labels.intersection(spans)  # ScopeRules.hits reads these
        by_label = {label: _named(spans, [(label, label)]) for label in found}
        scopes = [h for h in self._scopes.hits(text, by_label) if not names_a_home(text, h)]
        return _Index(
            subjects=_Hits(_named(spans, self._subject_labels)),
            cues=_Hits(_named(spans, self._metric_labels)),
            distributive=_Hits(_named(spans, [(DISTRIBUTIVE, DISTRIBUTIVE)])),
            scopes=_Hits(scopes),
        )

    def _read(
        self, index: _Index, candidate: _Candidate, text: str, language: str
    ) -> _Reading | None:
        if (
            is_name_number(text, candidate.mention, language)
            or is_ordinal_number(text, candidate.mention, language)
            or is_dateline(text, candidate.mention)
            or times_a_percentage(text, candidate.mention)
            or pairs_a_measure(text, candidate.mention, language)  # "12 and 16 nanometer"
        ):
            return None  # "Llama 3.1", "1단계", "前10名": a name or ordinal; "3月5日电": dateline
        mention = candidate.mention
        if index.subjects.overlapping(Span(mention.start, mention.end)):
            return None  # "三星" (Samsung) holds the numeral 三: a subject's name, not a count
        owner = share_owner(
            text, candidate.mention, candidate.clause.start, language
        ) or bracketed_owner(text, candidate.mention)
        if owner is not None and not index.subjects.overlapping(Span(*owner)):
            return None  # "博通公司股價下跌7%", "Intel ($8.5B)": a company the story leaves out
        if counts_a_purpose(text, candidate.clause, mention):
            return None  # "$6.2 billion for its two fabs": what the sum is for, no count
        if of_a_programme(text, candidate.sentence, mention, index.subjects.any_within):
            return _Reading((self.topic.main_subject,), OTHER_METRIC, figure_detail(text, mention))
        labelled = self._labelled(index, candidate, text, language)
        if labelled is not None:
            return labelled
        if mention.kind == "date" or mention.spelled:
            return None  # a date or a number in words that no cue labels is not a figure
        detail = figure_detail(text, mention)
        if mention.kind == "count" and not detail:
            return None  # a bare number counts nothing a reader could name
        if is_world_share(text, mention, candidate.clause.end) and not self._main_named(
            index, candidate.clause
        ):
            return None  # "Taiwan makes 60% of global output": a market's share, not ours
        subjects = self._subjects_in_clause(index, candidate)
        return _Reading((subjects[0][0],), OTHER_METRIC, detail) if subjects else None

    def _labelled(
        self, index: _Index, candidate: _Candidate, text: str, language: str
    ) -> _Reading | None:
        mention = candidate.mention
        metrics = level_metrics(self._metrics_of[mention.kind], candidate.level)
        if not metrics:
            return None
        cues = own_clause_first(index.cues_in(candidate.sentence, text), metrics, candidate.clause)
        cues = telling_cues(cues, text, language, mention)
        aside = restatement_after(text, mention)
        # a metric without a cue in the clause has no distance (nearest_cue of none is
        # None): most metrics have none, and the call is skipped for them
        cue_distance = {
            name: nearest_cue(hits, mention, aside) if (hits := cues.get(name)) else None
            for name in metrics
        }
        distributed = self._distributed(index, candidate)
        if distributed:
            for name in sorted(metrics, key=lambda n: -metrics[n].priority):
                if "organization" in metrics[name].subjects and cue_distance[name] is not None:
                    return _Reading(distributed, name)
        cue_distance = modified_noun(cue_distance, cues, metrics, text, mention, language=language)
        if mention.kind in RESTATED and all(d is None for d in cue_distance.values()):
            before = cued_before(
                index.cues_in, candidate.text, candidate.previous, candidate.sentence
            )
            cue_distance |= {n: FALLBACK_METRIC_DISTANCE for n in before if n in metrics}
        if mention.kind == "count":
            # A count is labelled by what it counts, written close to it ("400 000 Nvidia
            # chips", "sites announced: 6"); a number in words only by what follows it
            # ("eight buildings"), or "one of them" would count something.
            if mention.spelled:
                cue_distance = {
                    name: cue_following(cues.get(name, ()), mention) for name in metrics
                }
            reach = _SPELLED_CUE_DISTANCE if mention.spelled else _COUNT_CUE_DISTANCE
            compound = _HYPHENED.match(text, mention.end)
            if compound is not None:  # "4-node token distribution": it counts nodes
                reach = compound.end() - mention.end - 1
            cue_distance = {
                n: d if d is not None and d <= reach else None for n, d in cue_distance.items()
            }
            if all(d is None for d in cue_distance.values()):
                return None
        # A kind only one metric measures (power: power_capacity, area: site_area) needs
        # no cue for it; counts and dates, which many metrics share, always do.
        sole = next(iter(metrics)) if len(metrics) == 1 and mention.kind not in _CUED else None
        # A change's levels are of what the sentence names, a list's items parts: no default.
        named = candidate.level and any(d is not None for d in cue_distance.values())
        named = named or listed_item(text, candidate.clause, mention, language)
        in_reach = self._subjects_in_clause(index, candidate)
        if not in_reach:
            return None  # a norm or a comparison that names no one (others_rules.py)
        default = mention.kind == "money" and not named  # the subject's money metric
        best = best_metric(in_reach, self.topic.subjects, metrics, cue_distance, default, sole)
        if best is None:  # no subject in reach has the cue's metric (subject_rules.py)
            cued = {n: metrics[n].subjects for n, d in cue_distance.items() if d is not None}
            said = (text, Span(candidate.clause.start, mention.start), candidate.language)
            # a pronoun's page subject first, else the last fitting subject named before;
            # a number in words ("one million parameters are a lot") is no one's figure
            found = None if mention.spelled else (
                page_subject(index.subjects.hits, self.topic.subjects, cued, said)
                or subject_before(index.subjects.hits, self.topic, metrics, cue_distance, mention)
            )  # fmt: skip
            return _Reading((found[0],), found[1]) if found else None
        award = (text, candidate.clause, mention)  # a government's award: others_rules.py
        return _Reading(*award_reading(self.topic, award, index.subjects.within, best[2:]))

    def _subjects_in_clause(self, index: _Index, candidate: _Candidate) -> list[tuple[str, int]]:
        """Subjects the clause names, with their distance; the main subject as a default.

        A clause that names none ("SoftBank shares: +4.2%") takes those its sentence
        names before it.
        """
        sentence, mention = candidate.sentence, candidate.mention
        where = (sentence, candidate.clause, mention)  # a norm is no one's by default
        hits = norm_owners(index.subjects.within, candidate.text, where)
        found = {self.topic.main_subject: _DEFAULT_SUBJECT_DISTANCE} if hits is None else {}
        spans = (candidate.clause, Span(sentence.start, mention.start), candidate.previous)
        if hits is None:
            hits = subject_hits(index.subjects.within, spans, candidate.text, candidate.language)
        for hit in hits:
            distance = _distance(hit.start, hit.end, candidate.mention)
            found[hit.label] = min(found.get(hit.label, distance), distance)
        return sorted(found.items(), key=_DISTANCE)

    def _distributed(self, index: _Index, candidate: _Candidate) -> tuple[str, ...]:
        """Organisations a distributive word spreads the figure over, in order of mention.

        The word must follow the figure closely ("19 milliards chacun") or precede it
        in the same sentence ("détiendront chacun une participation de 40 %").
        """
        mention, sentence = candidate.mention, candidate.sentence
        cues = index.distributive.within(sentence)
        if not any(
            hit.end <= mention.start or mention.end <= hit.start <= mention.end + 20 for hit in cues
        ):
            return ()
        organizations: list[str] = []
        for hit in index.subjects.within(sentence):
            is_org = self.topic.subjects[hit.label].kind == "organization"
            if is_org and hit.label not in organizations:
                organizations.append(hit.label)
        return tuple(organizations) if len(organizations) > 1 else ()

    def _headline_default(self, context: _Context, reading: _Reading, site: str | None) -> _Context:
        """The headline's site, for a figure its text leaves unscoped (headline_rules.py);
        no site or component of the story for another organisation's figure."""
        if context.scope != _HEADLINE:
            if not anothers_figure(self.topic, context.scope, reading.subjects[0]):
                return context
            return _Context(scope=None, as_of=context.as_of)
        scope = headline_scope(self._scopes, site, reading.subjects[0], reading.metric)
        return _Context(scope=scope, as_of=context.as_of)

    def _settled(
        self,
        scope: str | None,
        candidate: _Candidate,
        *,
        sentences: Sentences,
        index: _Index,
        paragraph: Span,
        page: _Page,
    ) -> str | None:
        """The scope rules of news copy that ScopeRules.of_figure leaves to the extractor:
        the part the next sentence places the figure in (renamed_rules.py), the headline's
        site unless the paragraph has moved on, none for a clause that sums the parts."""
        text, sentence, mention = candidate.text, candidate.sentence, candidate.mention
        if scope is None or scope == _HEADLINE:
            named = part_named_next(
                text,
                sentences,
                sentence,
                mention,
                language=candidate.language,
                parts=lambda span: [
                    h
                    for h in index.scopes.within(span)
                    if self.topic.scopes[h.label].kind != "period"  # "this" is not a time
                ],
            )
            scope = named or scope
        if scope == _HEADLINE:
            if paragraph not in page.moved_on:
                page.moved_on[paragraph] = self._elsewhere(index, paragraph, page.headline_site)
            # a sentence listing other places ("its four-fab plan, which includes plants
            # in Idaho and Virginia") is about more than the headline's plant
            moved = page.moved_on[paragraph] or self._elsewhere(
                index, sentence, page.headline_site, least=2
            )
            scope = None if moved else scope
        said = Span(sentence.start, candidate.clause.end)  # "In total, ..." opens it
        summed = None if scope is None else sums_parts(text, said, candidate.language)
        if (
            summed is not None
            and not index.scopes.within(candidate.clause)
            # "在阿比林投资共计1000亿美元，到2027年建成4座": the total of the part its own
            # clause names, which the clauses after it go on about.
            and not index.scopes.within(clause_around(text, sentence, summed, summed))
            and not speaks_of_facility(text, candidate.clause, candidate.language)
        ):
            return None  # "In total, ... $40 billion": the whole, not a part
        return scope

    def _elsewhere(self, index: _Index, paragraph: Span, site: str | None, least: int = 1) -> bool:
        """Whether a paragraph names another place of the story (``least`` of them) and
        not the headline's site: it has moved on ("... suspended its plans in Poland"),
        and its figures that name no part are about the whole, not the headline's plant."""
        places = {
            hit.label
            for hit in index.scopes.within(paragraph)
            if self.topic.scopes[hit.label].kind in {"site", "country"}
        }
        return len(places) >= least and site not in places

    def _main_named(self, index: _Index, span: Span) -> bool:
        """Whether ``span`` names the story's main subject (its share is its own figure)."""
        return any(h.label == self.topic.main_subject for h in index.subjects.within(span))

    def _claim(
        self,
        article: Article,
        candidate: _Candidate,
        reading: _Reading,
        context: _Context,
        *,
        index: int,
        equivalent_of: str | None = None,
    ) -> Claim:
        mention = candidate.mention
        quote = _quote_span(article.text, candidate)
        # Claim.of_typed: every value here is of its field's type (no validation to run).
        return Claim.of_typed(
            {
                "id": f"{article.id}#{index + 1}",
                "source_id": article.id,
                "subject": reading.subjects[0],
                "metric": reading.metric,
                "value": mention.value,
                "value_max": mention.value_max,
                "unit": mention.unit,
                "quote": quote.text(article.text),
                "start": quote.start,
                "end": quote.end,
                "qualifier": mention.qualifier,
                "scope": context.scope,
                "as_of": context.as_of,
                "detail": reading.detail if reading.metric == OTHER_METRIC else None,
                "figure_start": mention.start,
                "figure_end": mention.end,
                "currency_candidates": list(mention.currency_candidates),
                "equivalent_of": equivalent_of,
                "statement": None,
            }
        )


# A count joined by a hyphen to its noun ("4-node", "10-mile") modifies that noun: what
# the phrase goes on to name ("4-node token distribution") is not what it counts.
_HYPHENED = re.compile(r"-[^\W\d_]+")

# What ScopeRules.of_figure returns for a figure the headline's site would scope.
_HEADLINE = "\x00headline"


@dataclass
class _Page:
    """What one article's figures share for their scope: the headline's site, and which
    paragraphs have moved on from it (each paragraph is looked at whole once)."""

    headline_site: str | None
    moved_on: dict[Span, bool] = field(default_factory=dict)


@quick_init
@dataclass(frozen=True, slots=True)
class _Context:
    """What the text around a figure says about it: the part and the time it is about."""

    scope: str | None
    as_of: str | None


def _named(spans: dict[str, list[tuple[int, int]]], labels: list[tuple[str, str]]) -> list[TermHit]:
    """The spans of each (name, matcher label), as hits labelled with the name."""
    return [
        TermHit(start, end, name) for name, label in labels for start, end in spans.get(label, ())
    ]


def _distance(start: int, end: int, mention: Mention) -> int:
    return max(0, start - mention.end, mention.start - end)


def _equivalent_anchor(
    text: str,
    previous: Mention | None,
    mention: Mention,
    anchors: dict[int, tuple[Claim, ...]],
) -> tuple[Claim, ...]:
    """The claims of the money figure this one restates in parentheses, if any."""
    if previous is None or mention.kind != "money" or previous.kind != "money":
        return ()
    gap = text[previous.end : mention.start]
    if not _EQUIVALENT_GAP.fullmatch(gap):
        return ()
    return anchors.get(id(previous), ())


def _quote_span(text: str, candidate: _Candidate) -> Span:
    """The sentence, or for a long sentence the clause, that states the figure."""
    if len(candidate.sentence) <= _MAX_QUOTE_CHARS:
        return candidate.sentence
    clause = candidate.clause
    if len(clause) <= _MAX_QUOTE_CHARS:
        return clause
    mention = candidate.mention
    start = max(clause.start, mention.start - _MAX_QUOTE_CHARS // 2)
    end = min(clause.end, mention.end + _MAX_QUOTE_CHARS // 2)
    return Span(start, end)


_REPEAT = attrgetter("subject", "metric", "value", "value_max", "unit", "qualifier", "scope")


def _merge_repeats(claims: list[Claim]) -> list[Claim]:
    """One claim per (subject, metric, value, unit, qualifier); equivalents follow the keeper."""
    kept: dict[tuple[object, ...], Claim] = {}
    renamed: dict[str, str] = {}
    for claim in claims:
        key = _REPEAT(claim)
        if key in kept:
            renamed[claim.id] = kept[key].id
        else:
            kept[key] = claim
    return [
        claim.model_copy(update={"equivalent_of": renamed[claim.equivalent_of]})
        if claim.equivalent_of in renamed
        else claim
        for claim in kept.values()
    ]

"""The rules extractor: the offline default, and the yardstick for the LLM backend.

Every quantity mention the parser finds in a paragraph that names one of the story's
subjects is a candidate (page furniture and asides name none). It becomes a claim when
the topic profile can say what it measures: a metric whose cue words stand near it, or
a subject whose default metric fits. Subjects come from the mention's own clause (the
main subject when it names none); distributive wording ("chacun", "each") gives one
claim per named organisation; an amount in parentheses right after another is its
stated equivalent and shares its subject and metric.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from stargate_digest import __version__
from stargate_digest.models import Article, ArticleClaims, Claim, Qualifier
from stargate_digest.quantities import Mention, find_mentions
from stargate_digest.segment import Sentences, Span, clause_around
from stargate_digest.terms import TermHit
from stargate_digest.topic import (
    DISTRIBUTIVE,
    TopicProfile,
    load_topic,
    metric_label,
    subject_label,
)
from stargate_digest.verify import verify_claims

# A subject named nowhere in the clause is assumed to be the main subject, but any
# subject the clause does name is preferred: that is what these distances encode.
_DEFAULT_SUBJECT_DISTANCE = 60
_FALLBACK_METRIC_DISTANCE = 40
_MAX_QUOTE_CHARS = 260
# "$38 billion (approximately ¥5.94 trillion)", "19 milliards chacun (environ 18,25 …)":
# at most two words, an opening parenthesis and a few words of hedging.
_EQUIVALENT_GAP = re.compile(r"\s*(?:\w+\s+){0,2}[(\[][^\d()\[\]]{0,30}")
_TARGET_YEAR = re.compile(
    r"(?:\b(?:by|until|through|bis|d['’]ici|jusqu['’]en|para|hasta|entro|até)\s+"
    r"(?:(?:the\s+)?end\s+of\s+|(?:l['’])?an\s+|el\s+año\s+)?)((?:19|20)\d\d)\b"
    r"|((?:19|20)\d\d)年(?:までに|前)"
)


class _Hits:
    """Matches of one pattern over a whole article, found once, looked up by range."""

    def __init__(self, hits: list[TermHit]) -> None:
        self.hits = sorted(hits, key=lambda h: h.start)
        self._starts = [h.start for h in self.hits]

    def within(self, span: Span) -> list[TermHit]:
        first = bisect_left(self._starts, span.start)
        last = bisect_left(self._starts, span.end)
        return [h for h in self.hits[first:last] if h.end <= span.end]

    def any_within(self, span: Span) -> bool:
        """Whether any match lies inside ``span``, in logarithmic time: a paragraph can be
        the whole text (one long line), and listing its matches for every figure in it
        made extraction quadratic."""
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
    cues: dict[str, _Hits]
    distributive: _Hits


@dataclass(frozen=True)
class _Candidate:
    mention: Mention
    sentence: Span
    clause: Span


@dataclass(frozen=True)
class _Reading:
    """What a candidate is about: one entry per subject (several when distributive)."""

    subjects: tuple[str, ...]
    metric: str


class RulesExtractor:
    """Offline, deterministic extractor driven by a topic profile."""

    name = "rules"

    def __init__(self, topic: TopicProfile | None = None) -> None:
        self.topic = topic or load_topic()

    @property
    def version(self) -> str:
        """The package version and the topic profile's content hash."""
        profile = hashlib.sha256(self.topic.model_dump_json().encode()).hexdigest()[:16]
        return f"rules/{__version__}/{profile}"

    def extract(self, article: Article) -> ArticleClaims:
        """Claims for one article, each verified against its text."""
        claims = verify_claims(self.propose(article), article)
        return ArticleClaims(article=article, claims=claims, backend=self.name)

    def propose(self, article: Article) -> list[Claim]:
        """Unverified claims, in text order, duplicates within the article merged."""
        text = article.text
        sentences = Sentences(text)
        index = self._index(text)
        mentions = [*find_mentions(text, article.language), *_target_years(text)]
        mentions.sort(key=lambda m: m.start)
        paragraphs = _Paragraphs(text)
        claims: list[Claim] = []
        anchors: dict[int, tuple[Claim, ...]] = {}
        previous: Mention | None = None
        for mention in mentions:
            if not index.subjects.any_within(paragraphs.around(mention)):
                continue  # page furniture and asides name none of the story's subjects
            sentence = sentences.containing(mention.start)
            candidate = _Candidate(
                mention, sentence, clause_around(text, sentence, mention.start, mention.end)
            )
            anchor = _equivalent_anchor(text, previous, mention, anchors)
            previous = mention
            if anchor:
                made = tuple(
                    self._claim(
                        article,
                        candidate,
                        subject=a.subject,
                        metric=a.metric,
                        index=len(claims) + i,
                        equivalent_of=a.id,
                    )
                    for i, a in enumerate(anchor)
                )
            else:
                reading = self._read(index, candidate)
                if reading is None:
                    continue
                made = tuple(
                    self._claim(
                        article,
                        candidate,
                        subject=subject,
                        metric=reading.metric,
                        index=len(claims) + i,
                    )
                    for i, subject in enumerate(reading.subjects)
                )
            anchors[id(mention)] = made
            claims.extend(made)
        return _merge_repeats(claims)

    def _index(self, text: str) -> _Index:
        by_label: dict[str, list[TermHit]] = {}
        for hit in self.topic.matcher.find(text):
            by_label.setdefault(hit.label, []).append(hit)
        subjects = [
            TermHit(hit.start, hit.end, name)
            for name in self.topic.subjects
            for hit in by_label.get(subject_label(name), [])
        ]
        return _Index(
            subjects=_Hits(subjects),
            cues={n: _Hits(by_label.get(metric_label(n), [])) for n in self.topic.metrics},
            distributive=_Hits(by_label.get(DISTRIBUTIVE, [])),
        )

    def _read(self, index: _Index, candidate: _Candidate) -> _Reading | None:
        mention = candidate.mention
        metrics = {n: m for n, m in self.topic.metrics.items() if mention.kind in m.kinds}
        if not metrics:
            return None
        cue_distance = {
            name: _nearest(index.cues[name].within(candidate.sentence), mention) for name in metrics
        }
        distributed = self._distributed(index, candidate)
        if distributed:
            for name in sorted(metrics, key=lambda n: -metrics[n].priority):
                if "organization" in metrics[name].subjects and cue_distance[name] is not None:
                    return _Reading(distributed, name)
        if mention.kind == "count" and not any(
            d is not None and d <= 40 for d in cue_distance.values()
        ):
            return None  # a number of things the topic does not count
        best: tuple[float, int, str, str] | None = None
        for subject, subject_distance in self._subjects_in_clause(index, candidate):
            spec = self.topic.subjects[subject]
            for name, metric in metrics.items():
                if spec.kind not in metric.subjects:
                    continue
                distance = cue_distance[name]
                if distance is None:
                    if spec.money_metric != name or mention.kind != "money":
                        continue
                    distance = _FALLBACK_METRIC_DISTANCE
                score = (distance + subject_distance, -metric.priority, subject, name)
                if best is None or score < best:
                    best = score
        return _Reading((best[2],), best[3]) if best else None

    def _subjects_in_clause(self, index: _Index, candidate: _Candidate) -> list[tuple[str, int]]:
        """Subjects the clause names, with their distance; the main subject as a default."""
        found: dict[str, int] = {self.topic.main_subject: _DEFAULT_SUBJECT_DISTANCE}
        for hit in index.subjects.within(candidate.clause):
            distance = _distance(hit.start, hit.end, candidate.mention)
            found[hit.label] = min(found.get(hit.label, distance), distance)
        return sorted(found.items(), key=lambda item: item[1])

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

    def _claim(
        self,
        article: Article,
        candidate: _Candidate,
        *,
        subject: str,
        metric: str,
        index: int,
        equivalent_of: str | None = None,
    ) -> Claim:
        mention = candidate.mention
        quote = _quote_span(article.text, candidate)
        return Claim(
            id=f"{article.id}#{index + 1}",
            source_id=article.id,
            subject=subject,
            metric=metric,
            value=mention.value,
            unit=mention.unit,
            quote=quote.text(article.text),
            start=quote.start,
            end=quote.end,
            qualifier=mention.qualifier,
            currency_candidates=list(mention.currency_candidates),
            equivalent_of=equivalent_of,
            statement=None,
        )


def _distance(start: int, end: int, mention: Mention) -> int:
    return max(0, start - mention.end, mention.start - end)


def _nearest(cues: list[TermHit], mention: Mention) -> int | None:
    """Distance from the mention to the nearest cue outside it, or None without a cue."""
    distances = [
        _distance(hit.start, hit.end, mention)
        for hit in cues
        if not mention.start <= hit.start < mention.end
    ]
    return min(distances, default=None)


class _Paragraphs:
    """Paragraph breaks found once, so that each figure's paragraph is a lookup, not a
    scan of the text (which made a text with no blank line quadratic)."""

    def __init__(self, text: str) -> None:
        self.length = len(text)
        self.breaks = [match.start() for match in re.finditer("\n\n", text)]

    def around(self, mention: Mention) -> Span:
        before = bisect_right(self.breaks, mention.start - 2) - 1
        after = bisect_left(self.breaks, mention.end)
        start = self.breaks[before] + 1 if before >= 0 else 0
        return Span(start, self.breaks[after] if after < len(self.breaks) else self.length)


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


def _target_years(text: str) -> list[Mention]:
    """'by 2028', 'd'ici 2030', '2030年までに': a year as a target, which the parser skips."""
    mentions = []
    for match in _TARGET_YEAR.finditer(text):
        group = 1 if match.group(1) else 2
        mentions.append(
            Mention(
                kind="year",
                value=float(match.group(group)),
                unit="year",
                currency_candidates=(),
                currency_resolution=None,
                qualifier=Qualifier.EXACT,
                start=match.start(group),
                end=match.end(group),
                surface=match.group(group),
                scale_word=None,
            )
        )
    return mentions


def _merge_repeats(claims: list[Claim]) -> list[Claim]:
    """One claim per (subject, metric, value, unit, qualifier); equivalents follow the keeper."""
    kept: dict[tuple[object, ...], Claim] = {}
    renamed: dict[str, str] = {}
    for claim in claims:
        key = (claim.subject, claim.metric, claim.value, claim.unit, claim.qualifier)
        if key in kept:
            renamed[claim.id] = kept[key].id
        else:
            kept[key] = claim
    return [
        claim.model_copy(
            update={"equivalent_of": renamed.get(claim.equivalent_of or "", claim.equivalent_of)}
        )
        for claim in kept.values()
    ]

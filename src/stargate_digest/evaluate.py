"""``stargate-digest evaluate``: extraction and findings scored against gold sets.

For every story (corpus.py) it reports, per story and per article language:

- extraction: precision, recall and F1 of distinct (article, value, unit), metric and
  scope accuracy on the figures found, for the chosen backend and for quantulum3 (a peer
  with no notion of a story: only its typed amounts are scored);
- findings: recall of the gold disagreements by kind, kind accuracy of those found, and
  the false-alarm rate (reported high and medium disagreements that match no gold
  conflict, scope or update), from the backend's claims and from the gold claims
  themselves ("oracle claims": the reconciler alone, extraction taken out).

A finding matches a gold disagreement when it carries at least two of its values, in two
different values of the finding, each backed by a claim of an article the gold names for
that value.
"""

from __future__ import annotations

import dataclasses
import math
import warnings
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from stargate_digest.corpus import GoldDisagreement, GoldValue, Story
from stargate_digest.errors import InputError
from stargate_digest.evaluation import GoldClaim, Predicted, Score, score
from stargate_digest.models import (
    Article,
    ArticleClaims,
    Claim,
    Disagreement,
    Qualifier,
    Severity,
)
from stargate_digest.topic import TopicProfile

KINDS = ("conflict", "scope", "update", "rounding")
# Kinds whose findings a reader is right to see flagged; a finding that matches only a
# rounding (or nothing) but is reported high or medium is a false alarm.
_ALARM_KINDS = frozenset({"conflict", "scope", "update"})
_ALARM_SEVERITIES = frozenset({Severity.HIGH, Severity.MEDIUM})
# Reconciliation converts at the ECB rate of each source's date; articles without a date
# fall back to this day, fixed so that a run gives the same figures on any day.
EVALUATION_DAY = date(2025, 12, 31)


@dataclass
class FindingScore:
    """How the reconciler's disagreements compare with the gold ones."""

    gold_by_kind: Counter[str] = field(default_factory=Counter)
    found_by_kind: Counter[str] = field(default_factory=Counter)
    kind_correct: int = 0
    alarms: int = 0
    false_alarms: int = 0

    def recall(self, kind: str | None = None) -> float | None:
        """Share of gold disagreements (of ``kind``) that a finding matches."""
        gold = self.gold_by_kind[kind] if kind else sum(self.gold_by_kind.values())
        found = self.found_by_kind[kind] if kind else sum(self.found_by_kind.values())
        return found / gold if gold else None

    @property
    def kind_accuracy(self) -> float | None:
        found = sum(self.found_by_kind.values())
        return self.kind_correct / found if found else None

    @property
    def false_alarm_rate(self) -> float | None:
        return self.false_alarms / self.alarms if self.alarms else None


@dataclass
class StoryReport:
    """Everything measured on one story."""

    story: str
    articles: int
    languages: dict[str, str]  # article id -> language
    extraction: dict[str, dict[str, Score]]  # extractor -> language ("all") -> score
    findings: dict[str, FindingScore]  # "backend" / "oracle" -> score
    has_disagreements: bool
    oracle_claims_dropped: int = 0


# ---------------------------------------------------------------------------------------
# Claims


def oracle_results(articles: Sequence[Article], gold: Sequence[GoldClaim]) -> list[ArticleClaims]:
    """The gold claims as verified claims of their articles (quotes located in the text)."""
    by_source: dict[str, list[Claim]] = {a.id: [] for a in articles}
    texts = {a.id: a.text for a in articles}
    for number, entry in enumerate(gold):
        text = texts.get(entry.source_id)
        start = text.find(entry.quote) if text is not None else -1
        if text is None or start < 0:
            continue  # counted by the caller; tests/test_corpus.py keeps this at zero
        by_source[entry.source_id].append(
            Claim(
                id=f"{entry.source_id}-gold{number}",
                source_id=entry.source_id,
                subject=entry.subject,
                metric=entry.metric,
                value=entry.value,
                # a range of dates has no place in the contract's numeric value_max
                value_max=None if isinstance(entry.value_max, str) else entry.value_max,
                unit=entry.unit,
                quote=entry.quote,
                start=start,
                end=start + len(entry.quote),
                qualifier=Qualifier(entry.qualifier),
                scope=entry.scope,
                as_of=entry.as_of,
                detail=entry.detail,
                currency_candidates=entry.currency_candidates,
            )
        )
    return [ArticleClaims(article=a, claims=by_source[a.id], backend="gold") for a in articles]


def predictions(results: Iterable[ArticleClaims]) -> list[Predicted]:
    """Verified numeric claims, as the scores see them."""
    return [
        Predicted(c.source_id, c.value, c.unit, c.metric, c.subject, c.scope)
        for result in results
        for c in result.claims
        if c.verified and c.value is not None and c.unit is not None
    ]


def quantulum3_predictions(articles: Sequence[Article]) -> list[Predicted] | None:
    """quantulum3's typed amounts over each article's text; None when it is not installed."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from quantulum3 import parser
    except ImportError:
        return None
    predicted = []
    for article in articles:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            quantities = parser.parse(article.text)
        for quantity in quantities:
            unit = _quantulum_unit(quantity.unit)
            if unit is not None:
                predicted.append(Predicted(article.id, float(quantity.value), unit))
    return predicted


def _quantulum_unit(unit: object) -> str | None:
    entity = getattr(getattr(unit, "entity", None), "name", None)
    name = getattr(unit, "name", None)
    if entity == "currency":
        return getattr(unit, "currency_code", None) or "XXX"
    if entity == "dimensionless" and name == "percentage":
        return "percent"
    if entity == "time" and name in {"year", "month", "hour"}:
        return f"{name}s"
    if entity == "power" and name in {"gigawatt", "megawatt"}:
        return "GW" if name == "gigawatt" else "MW"
    return None


# ---------------------------------------------------------------------------------------
# Findings


def _same_value(claim: Claim, gold: GoldValue) -> bool:
    if claim.unit != gold.unit or claim.value is None:
        return False
    if isinstance(gold.value, str) or isinstance(claim.value, str):
        return str(claim.value) == str(gold.value)
    return math.isclose(float(claim.value), float(gold.value), rel_tol=1e-6)


def matches(gold: GoldDisagreement, finding: Disagreement, claims: dict[str, Claim]) -> bool:
    """At least two gold values, each carried by a different value of the finding and
    backed there by a claim of an article the gold names for it."""
    carriers: list[set[int]] = []
    for value in gold.values:
        sources = set(value.source_ids)
        carriers.append(
            {
                index
                for index, support in enumerate(finding.values)
                if any(
                    (claim := claims.get(cid)) is not None
                    and claim.source_id in sources
                    and _same_value(claim, value)
                    for cid in support.claim_ids
                )
            }
        )
    carried = [c for c in carriers if c]
    return any(
        a != b
        for i, first in enumerate(carried)
        for second in carried[i + 1 :]
        for a in first
        for b in second
    )


def score_findings(
    gold: Sequence[GoldDisagreement], found: Sequence[Disagreement], claims: Sequence[Claim]
) -> FindingScore:
    """Recall by kind, kind accuracy and false alarms of ``found`` against ``gold``."""
    by_id = {claim.id: claim for claim in claims}
    result = FindingScore(gold_by_kind=Counter(g.kind for g in gold))
    matched_kinds: dict[int, set[str]] = {}
    for entry in gold:
        hits = [i for i, finding in enumerate(found) if matches(entry, finding, by_id)]
        for i in hits:
            matched_kinds.setdefault(i, set()).add(entry.kind)
        if hits:
            result.found_by_kind[entry.kind] += 1
            result.kind_correct += any(str(found[i].kind) == entry.kind for i in hits)
    for i, finding in enumerate(found):
        if finding.severity in _ALARM_SEVERITIES:
            result.alarms += 1
            result.false_alarms += not (matched_kinds.get(i, set()) & _ALARM_KINDS)
    return result


# ---------------------------------------------------------------------------------------
# One story


Reconciler = Callable[
    [Sequence[ArticleClaims], TopicProfile], tuple[list[Claim], list[Disagreement]]
]


def default_reconciler(
    results: Sequence[ArticleClaims], topic: TopicProfile
) -> tuple[list[Claim], list[Disagreement]]:
    """The project's reconciler: the claims it used (with USD values) and its findings."""
    from stargate_digest.reconciliation import reconcile

    found = reconcile(results, topic=topic, today=EVALUATION_DAY)
    return found.claims, found.disagreements


def by_language(
    languages: dict[str, str],
    gold: Sequence[GoldClaim],
    predicted: Sequence[Predicted],
    canonical_scope: Callable[[str | None], str | None],
) -> dict[str, Score]:
    """The score over all articles ("all") and over the articles of each language."""
    scores = {"all": score(gold, predicted, canonical_scope)}
    for language in sorted(set(languages.values())):
        ids = {i for i, lang in languages.items() if lang == language}
        scores[language] = score(
            [g for g in gold if g.source_id in ids],
            [p for p in predicted if p.source_id in ids],
            canonical_scope,
        )
    return scores


def evaluate_story(
    story: Story,
    articles: Sequence[Article],
    topic: TopicProfile,
    backend_name: str,
    backend_results: Sequence[ArticleClaims],
    *,
    peer: bool = True,
    reconciler: Reconciler = default_reconciler,
) -> StoryReport:
    """Score one story's extraction and findings (the claims are given, not made here)."""
    gold = story.claims()
    gold_disagreements = story.gold_disagreements()
    languages = {a.id: a.language for a in articles}
    extraction = {
        backend_name: by_language(
            languages, gold, predictions(backend_results), topic.canonical_scope
        )
    }
    if peer:
        peer_predictions = quantulum3_predictions(articles)
        if peer_predictions is not None:
            extraction["quantulum3"] = by_language(
                languages, gold, peer_predictions, topic.canonical_scope
            )
    oracle = oracle_results(articles, gold)
    dropped = len(gold) - sum(len(r.claims) for r in oracle)
    findings = {}
    for name, results in ((backend_name, backend_results), ("oracle claims", oracle)):
        claims, found = reconciler(results, topic)
        findings[name] = score_findings(gold_disagreements, found, claims)
    return StoryReport(
        story=story.name,
        articles=len(articles),
        languages=languages,
        extraction=extraction,
        findings=findings,
        has_disagreements=story.disagreements is not None,
        oracle_claims_dropped=dropped,
    )


# ---------------------------------------------------------------------------------------
# Tables


def _fmt(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.2f}"


def extraction_table(reports: Sequence[StoryReport]) -> list[str]:
    """Markdown rows: per story, language and extractor."""
    lines = [
        "| set | language | articles | extractor | precision | recall | F1 | metric acc. "
        "| scope acc. | TP/pred/gold |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    rows: list[tuple[str, str, int, str, Score]] = []
    for report in reports:
        counts = Counter(report.languages.values())
        for language in ["all", *sorted(counts)]:
            n = report.articles if language == "all" else counts[language]
            rows += [
                (report.story, language, n, extractor, scores[language])
                for extractor, scores in report.extraction.items()
            ]
    if len(reports) > 1:  # the targets are per language over all sets together
        label = f"all {len(reports)} sets"
        languages = sorted({lang for r in reports for lang in r.languages.values()})
        for language in ["all", *languages]:
            for extractor in dict.fromkeys(e for r in reports for e in r.extraction):
                parts = [
                    (r.extraction[extractor][language], r)
                    for r in reports
                    if extractor in r.extraction and language in r.extraction[extractor]
                ]
                n = sum(
                    r.articles if language == "all" else Counter(r.languages.values())[language]
                    for _, r in parts
                )
                rows.append((label, language, n, extractor, added([p for p, _ in parts])))
    for story, language, n, extractor, s in rows:
        labelled = extractor != "quantulum3"
        lines.append(
            f"| {story} | {language} | {n} | {extractor} | {s.precision:.2f} "
            f"| {s.recall:.2f} | {s.f1:.2f} "
            f"| {_fmt(s.metric_accuracy) if labelled else 'n/a'} "
            f"| {_fmt(s.scope_accuracy) if labelled else 'n/a'} "
            f"| {s.true_positives}/{s.predicted}/{s.gold} |"
        )
    return lines


def added(scores: Sequence[Score]) -> Score:
    """One extraction score over several sets: their counts added up."""
    return Score(
        **{f.name: sum(getattr(s, f.name) for s in scores) for f in dataclasses.fields(Score)}
    )


def pooled(scores: Sequence[FindingScore]) -> FindingScore:
    """One score over several sets: their counts added up."""
    total = FindingScore()
    for f in scores:
        total.gold_by_kind.update(f.gold_by_kind)
        total.found_by_kind.update(f.found_by_kind)
        total.kind_correct += f.kind_correct
        total.alarms += f.alarms
        total.false_alarms += f.false_alarms
    return total


def findings_table(reports: Sequence[StoryReport]) -> list[str]:
    """Markdown rows: per story, from the backend's claims and from the gold claims."""
    head = " | ".join(f"{kind} recall" for kind in KINDS)
    lines = [
        f"| set | claims | gold | {head} | all recall | kind acc. | false alarms |",
        "|---|---|---|" + "---|" * len(KINDS) + "---|---|---|",
    ]
    scored = [r for r in reports if r.has_disagreements]
    rows = [(r.story, name, f) for r in scored for name, f in r.findings.items()]
    if len(scored) > 1:  # the targets are over all stories together
        names = list(dict.fromkeys(name for _, name, _ in rows))
        rows += [
            (f"all {len(scored)} sets", name, pooled([r.findings[name] for r in scored]))
            for name in names
        ]
    for story, name, f in rows:
        per_kind = " | ".join(
            f"{_fmt(f.recall(kind))} ({f.found_by_kind[kind]}/{f.gold_by_kind[kind]})"
            for kind in KINDS
        )
        lines.append(
            f"| {story} | {name} | {sum(f.gold_by_kind.values())} | {per_kind} "
            f"| {_fmt(f.recall())} | {_fmt(f.kind_accuracy)} "
            f"| {_fmt(f.false_alarm_rate)} ({f.false_alarms}/{f.alarms}) |"
        )
    return lines


def render_report(reports: Sequence[StoryReport]) -> str:
    """Both tables as Markdown, with a line on any gold claim whose quote was not found."""
    lines = ["## Extraction", "", *extraction_table(reports), ""]
    lines += ["## Findings", "", *findings_table(reports), ""]
    for report in reports:
        if report.oracle_claims_dropped:
            lines.append(
                f"note: {report.story}: {report.oracle_claims_dropped} gold claims have a "
                "quote not found in their article and were left out of the oracle claims"
            )
    return "\n".join(lines).rstrip() + "\n"


def report_json(reports: Sequence[StoryReport]) -> list[dict[str, object]]:
    """The same figures as data (for benchmarks/eval_corpus.py and scripts)."""
    out: list[dict[str, object]] = []
    for r in reports:
        out.append(
            {
                "story": r.story,
                "articles": r.articles,
                "extraction": {
                    name: {
                        lang: {
                            "precision": s.precision,
                            "recall": s.recall,
                            "f1": s.f1,
                            "metric_accuracy": s.metric_accuracy,
                            "scope_accuracy": s.scope_accuracy,
                            "true_positives": s.true_positives,
                            "predicted": s.predicted,
                            "gold": s.gold,
                        }
                        for lang, s in scores.items()
                    }
                    for name, scores in r.extraction.items()
                },
                "findings": {
                    name: {
                        "recall": {kind: f.recall(kind) for kind in KINDS} | {"all": f.recall()},
                        "kind_accuracy": f.kind_accuracy,
                        "false_alarm_rate": f.false_alarm_rate,
                        "false_alarms": f.false_alarms,
                        "alarms": f.alarms,
                        "gold": dict(f.gold_by_kind),
                        "found": dict(f.found_by_kind),
                    }
                    for name, f in r.findings.items()
                }
                if r.has_disagreements
                else {},
            }
        )
    return out


def evaluate_stories(
    stories: Sequence[Story],
    make_extractor: Callable[[TopicProfile], object],
    backend_name: str,
    *,
    peer: bool = True,
    on_error: Callable[[InputError], None] = lambda error: None,
) -> list[StoryReport]:
    """Read, extract and score every story; each story's articles with its own profile."""
    from stargate_digest.ingest import load_articles
    from stargate_digest.pipeline import extract
    from stargate_digest.topic import load_topic

    reports = []
    for story in stories:
        loaded = load_articles([story.articles])
        for error in loaded.errors:
            on_error(error)
        topic = load_topic(story.profile)
        extractor = make_extractor(topic)
        results = extract(loaded.articles, backend=extractor)  # type: ignore[arg-type]
        reports.append(
            evaluate_story(story, loaded.articles, topic, backend_name, results, peer=peer)
        )
    return reports

"""Which subject and metric a figure's cues and subjects in reach make likeliest."""

from __future__ import annotations

from collections.abc import Mapping

from stargate_digest.topic import MetricSpec, SubjectSpec

# A default metric (a subject's money metric, a kind's sole metric) counts as a cue this
# far from the figure.
FALLBACK_METRIC_DISTANCE = 40

Score = tuple[int, int, str, str]
"""(cue distance + subject distance, -priority, subject, metric): the least wins."""


def best_metric(  # noqa: PLR0917 (one call site, rules.py's _labelled)
    in_reach: list[tuple[str, int]],
    subjects: Mapping[str, SubjectSpec],
    metrics: Mapping[str, MetricSpec],
    cue_distance: Mapping[str, int | None],
    money_default: bool,
    sole: str | None,
) -> Score | None:
    """The best (subject, metric) score: each subject in reach (with its distance) with a
    metric that measures its kind, cued (``cue_distance``) or its default: its money
    metric when ``money_default``, the kind's ``sole`` metric when it is the first kind
    that metric measures.

    Only the cued metrics and at most two uncued defaults are tried for each subject,
    not every metric of the figure's kind: the score, whose last items are the names,
    decides alone, whatever the order they are tried in.
    """
    cued = [(n, d, metrics[n]) for n, d in cue_distance.items() if d is not None and n in metrics]
    best: Score | None = None
    for subject, subject_distance in in_reach:
        spec = subjects[subject]
        tried = [c for c in cued if spec.kind in c[2].subjects]
        money = spec.money_metric if money_default else None
        for name in (money, sole):  # the same twice gives the same score twice
            metric = None if name is None else metrics.get(name)
            if (
                name is not None
                and metric is not None
                and cue_distance.get(name) is None
                and spec.kind in metric.subjects
                and (name == money or metric.subjects[0] == spec.kind)
            ):
                tried.append((name, FALLBACK_METRIC_DISTANCE, metric))
        for name, distance, metric in tried:
            score = (distance + subject_distance, -metric.priority, subject, name)
            if best is None or score < best:
                best = score
    return best

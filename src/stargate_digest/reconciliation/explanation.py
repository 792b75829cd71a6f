"""What an explainer answers (``Explanation``) and what it may consult (``Context``).

Kept apart from the explainers (explain.py) so that every module of explainers, and the
modules that read their answers (compare, rivals, restated, variants), share one
definition without importing the list of explainers.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from stargate_digest.display import describe
from stargate_digest.models import DisagreementKind
from stargate_digest.reconciliation.clusters import Cluster, TimeOf
from stargate_digest.reconciliation.dating import RateDate
from stargate_digest.reconciliation.partners import Part, PartIndex
from stargate_digest.reconciliation.sums import PageFigures, SumIndex


@dataclass(frozen=True)
class Explanation:
    """What kind of difference an outlier is, and why, in a sentence about values."""

    kind: DisagreementKind
    text: str
    likely_error: str | None = None
    witness: bool = True  # False: a misreading that does not make a conflict high or medium
    # a figure of another measure: one source's, a hundred times or more from the value it
    # is read against, it witnesses nothing, as an unexplained one (compare._far_and_alone)
    another_figure: bool = False


@dataclass
class Context:
    """What the explainers may consult besides the two clusters."""

    subject: str
    metric: str
    dimension: str
    consensus: Cluster
    time_of: TimeOf
    rate_dates: Mapping[str, RateDate]
    partners: PartIndex | None = None
    scopes: Sequence[Part] = ()  # the consensus of every scope of this subject and metric
    own_scope: Part | None = None  # the entry of ``scopes`` that is this group's
    whole: bool = True  # the subject is a whole that partners put money into (a project)
    sums: SumIndex | None = None  # each page's figures that add up to a total
    scope: str = ""  # the group's scope, casefolded (empty for the whole)
    pages: PageFigures | None = None  # each page's figures, for a part of another value

    def label(self, cluster: Cluster) -> str:
        """A value as a reader sees it ($38 billion, January 23, 2025, 1.2 GW)."""
        return describe(cluster.representative)

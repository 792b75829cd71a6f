"""Whether the site a headline names is a figure's part, once the figure is read (its
subject and metric): rule 8 of docs/quantities.md, "Scope, as_of and the figure's own
offsets".

A page about one plant comes back to it in its figures ("Chip plant in X delayed" …
"it will cost €30 billion"), and a figure that names no part is that plant's. Not all
are: a government's own programme ("the $53 billion CHIPS Act") is no plant's; nor is
a figure of another organisation that has parts of its own in the profile; nor a figure
of the company as a whole (its valuation, the money it raised, when it was founded).
"""

from __future__ import annotations

from itertools import pairwise

from stargate_digest.extractors.scope_rules import ScopeRules
from stargate_digest.topic import TopicProfile

# Words of a metric's name that say it measures a company as a whole, never one of its
# sites: what investors value it at or put into it, when it was founded, what it earns,
# loses or burns, its stock. Profiles name metrics in English words joined by "_"
# (docs/topics.md): "valuation", "funds_raised", "founding_date", "cash_burn",
# "net_loss", "stock_drop". A page about one data centre of xAI still gives xAI's
# valuation and funding rounds: they are not the data centre's.
_COMPANY_WORDS = frozenset(
    {
        "valuation",
        "raised",
        "funding",
        "founding",
        "founded",
        "revenue",
        "burn",
        "stock",
        "worth",
        "loss",
        "profit",
        "earnings",
    }
)
# A market share is the company's sales against its rivals': no one plant has one.
_COMPANY_PAIRS = frozenset(
    {("market", "value"), ("share", "price"), ("market", "cap"), ("market", "share")}
)


def company_wide(metric: str) -> bool:
    """Whether a metric's name says it measures a company as a whole ("valuation",
    "funds_raised", "founding_date", "market_value"), not a site of it."""
    words = metric.split("_")
    return not _COMPANY_WORDS.isdisjoint(words) or any(
        pair in _COMPANY_PAIRS for pair in pairwise(words)
    )


def governments_own(topic: TopicProfile, subject: str, metric: str) -> bool:
    """Whether a figure measures what only a government has: its programme or law."""
    spec = topic.metrics.get(metric)
    return (
        topic.subjects[subject].kind == "government"
        and spec is not None
        and set(spec.subjects) == {"government"}
    )


def headline_scope(scopes: ScopeRules, site: str | None, subject: str, metric: str) -> str | None:
    """The site the headline names, for a figure its text leaves unscoped, unless the
    figure measures what only a government has (its programme or law, named on a page
    about one plant, is not the plant's; its grant to the plant is, a metric companies
    share), is another organisation's that has parts of its own, or is the company's
    as a whole (``company_wide``)."""
    if (
        site is None
        or governments_own(scopes.topic, subject, metric)
        or scopes.anothers(site, subject)
        or company_wide(metric)
    ):
        return None
    return site


# Parts that are things an organisation builds or runs: another's figure is none of them.
_PHYSICAL = frozenset({"site", "component"})


def anothers_figure(topic: TopicProfile, scope: str | None, subject: str) -> bool:
    """Whether ``scope``, a site or component of the story, is given to a figure of an
    organisation that owns no part of it ("the Supercluster runs on power from the
    utility, which draws 60% of its generation from clean sources": the utility's share
    is not the supercluster's). A government's figure keeps it (its grant to the plant),
    and so does a partner's share of a venture or a time (parts of other kinds). The
    main subject and the owners of parts are left alone: a figure read as theirs is as
    often another owner's part read with the wrong subject (tried)."""
    if scope is None or scope not in topic.scopes or subject == topic.main_subject:
        return False
    spec = topic.subjects.get(subject)
    return (
        topic.scopes[scope].kind in _PHYSICAL
        and spec is not None
        and spec.kind == "organization"
        and all(part.of != subject for part in topic.scopes.values())
    )

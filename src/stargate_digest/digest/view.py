"""What a reader sees of a digest, shared by the HTML page and the Markdown digest.

The renderers only lay out what this module decides: which values and quotes show at
once and which are folded (a card shows the consensus and at most three other values,
at most two quotes each), how a source is named (its outlet, date and language, never
its long id), where the figure sits inside its quote, and the English gloss under a
quote in another language. Everything here is plain data; escaping is the templates' job.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import PurePath
from urllib.parse import urlsplit

from stargate_digest.display import describe, describe_date, describe_money
from stargate_digest.models import (
    Alignment,
    Claim,
    Digest,
    Disagreement,
    DisagreementKind,
    KeyFigure,
    SourceSummary,
    ValueSupport,
)

MAX_OTHER_VALUES = 3  # beside the consensus, on a card and in the at-a-glance table
MAX_QUOTES = 2  # per value; the rest are folded
EXCERPT_CHARS = 90  # a quote in the Markdown digest: a window of whole words around the figure
CARD_QUOTE_CHARS = 240  # a quote on the page's cards (the whole quote is in its tooltip)
_SPACES = re.compile(r"\s+")
_TITLE_CHARS = 32
_LINKABLE_URL = re.compile(r"https?://[^\s\x00-\x1f\x7f]+\Z", re.IGNORECASE)
_ENGLISH = ("en", "und")


def link_target(url: str | None) -> str | None:
    """The URL when it is safe to link (http or https with a host), else None."""
    if not url or not _LINKABLE_URL.match(url):
        return None
    try:
        return url if urlsplit(url).hostname else None
    except ValueError:  # a malformed netloc such as an unclosed IPv6 bracket
        return None


def host(url: str | None) -> str | None:
    """The outlet as a reader names it: the host of a linkable URL without 'www.'."""
    target = link_target(url)
    if target is None:
        return None
    return (urlsplit(target).hostname or "").removeprefix("www.") or None


def metric_words(metric: str) -> str:
    return metric.replace("_", " ")


def plural(number: int, noun: str) -> str:
    return f"{number:,} {noun}{'' if number == 1 else 's'}"


def _shortened(text: str, most: int = _TITLE_CHARS) -> str:
    text = " ".join(text.split())
    if len(text) <= most:
        return text
    cut = text.rfind(" ", 0, most)
    return text[: cut if cut > most // 2 else most].rstrip(",;:") + "…"


@dataclass(frozen=True)
class SourceRef:
    """A source as a reader recognises it: outlet, date, language; title as a tooltip."""

    id: str
    outlet: str
    title: str
    date: str | None
    language: str | None
    url: str | None

    @property
    def tooltip(self) -> str:
        return " · ".join(filter(None, [self.title, self.date, self.language]))


def source_ref(source: SourceSummary) -> SourceRef:
    """Outlet: the site's domain; without a URL, a short title; else the file's name."""
    outlet = host(source.url)
    if outlet is None:
        outlet = _shortened(source.title) if source.title else PurePath(source.source).name
    language = source.language if source.language != "und" else None
    return SourceRef(
        id=source.id,
        outlet=outlet or source.id,
        title=source.title or "(no title)",
        date=source.published.date().isoformat() if source.published else None,
        language=language,
        url=link_target(source.url),
    )


@dataclass(frozen=True)
class Quote:
    """A claim's quote split around its figure (``figure`` empty when its place is unknown),
    cut to a window of whole words around the figure when it is long."""

    claim: Claim
    source: SourceRef
    before: str
    figure: str
    after: str
    gloss: str | None

    @property
    def text(self) -> str:
        return self.before + self.figure + self.after

    @property
    def cut(self) -> bool:
        return self.text != _one_line(self.claim.quote).strip()


def figure_span(claim: Claim) -> tuple[int, int] | None:
    """The figure's place inside the quote, when the extractor gave it and the quote is
    the article's own text there; otherwise None (nothing is marked, nothing guessed)."""
    start, end = claim.figure_start, claim.figure_end
    if start is None or end is None or claim.alignment is not Alignment.EXACT:
        return None
    if not claim.start <= start < end <= claim.end or len(claim.quote) != claim.end - claim.start:
        return None
    return start - claim.start, end - claim.start


def _one_line(text: str) -> str:
    return _SPACES.sub(" ", text)


def excerpt_parts(claim: Claim, width: int = EXCERPT_CHARS) -> tuple[str, str, str]:
    """The quote as (before, figure, after), cut to a window of whole words around the
    figure when long. The figure is empty when its place in the quote is not known; the
    window then centres on the quote's first digit."""
    span = figure_span(claim)
    quote = claim.quote
    raw = (quote[: span[0]], quote[span[0] : span[1]], quote[span[1] :]) if span else (quote,)
    before, figure, after = [*map(_one_line, raw), "", ""][:3]
    before, after = before.lstrip(), after.rstrip()
    if not figure:
        before = before.rstrip()
    text = before + figure + after
    if len(text) <= width:
        return before, figure, after
    if figure:
        begin, end = len(before), len(before) + len(figure)
    else:
        begin = end = next((i for i, char in enumerate(text) if char.isdigit()), 0)
    middle = (begin + end) // 2
    start = max(0, min(middle - width // 2, len(text) - width, begin))
    stop = max(start + width, end)
    if start:  # whole words only, never cutting into the figure
        start = min(text.find(" ", start) + 1 or begin, begin) if begin > start else start
    if stop < len(text):
        cut = text.rfind(" ", end, stop)
        stop = cut if cut > 0 else stop
    head = "…" if start else ""
    tail = "…" if stop < len(text) else ""
    if figure:
        return head + text[start:begin], figure, text[end:stop].rstrip() + tail
    return head + text[start:stop].strip() + tail, "", ""


def gloss(claim: Claim, language: str | None) -> str | None:
    """Under a quote in another language: the model's English statement, else what the
    rules read ('$500 billion, total investment, Abilene campus')."""
    if language in (None, *_ENGLISH):
        return None
    if claim.statement:
        return claim.statement
    read = [describe(claim), metric_words(claim.detail or claim.metric), claim.scope or ""]
    return ", ".join(filter(None, read)) or None


def quote_of(claim: Claim, source: SourceRef) -> Quote:
    before, figure, after = excerpt_parts(claim, CARD_QUOTE_CHARS)
    return Quote(claim, source, before, figure, after, gloss(claim, source.language))


@dataclass(frozen=True)
class Value:
    """One value of a disagreement or key figure: the figure, who gives it, and why it differs."""

    figure: str
    sources: list[SourceRef]
    quotes: list[Quote]
    scope: str | None
    as_of: str | None
    explanation: str | None
    consensus: bool

    @property
    def shown_quotes(self) -> list[Quote]:
        return self.quotes[:MAX_QUOTES]

    @property
    def folded_quotes(self) -> list[Quote]:
        return self.quotes[MAX_QUOTES:]

    @property
    def uncited(self) -> list[SourceRef]:
        """The sources no shown quote names already."""
        cited = {q.source.id for q in self.shown_quotes}
        return [s for s in self.sources if s.id not in cited]

    @property
    def support(self) -> str:
        return plural(len(self.sources), "source")

    @property
    def when(self) -> str | None:
        return describe_date(self.as_of) if self.as_of else None


@dataclass(frozen=True)
class Finding:
    """A disagreement as shown: title, kind, severity, values bounded and the rest folded."""

    item: Disagreement
    anchor: str
    values: list[Value]

    @property
    def title(self) -> str:
        scope = f" ({self.item.scope})" if self.item.scope else ""
        return f"{self.item.subject}: {metric_words(self.item.metric)}{scope}"

    @property
    def kind(self) -> str:
        return self.item.kind.value

    @property
    def severity(self) -> str:
        return self.item.severity.value

    @property
    def shown(self) -> list[Value]:
        """The consensus, then up to three others; values several sources give come before
        single-source ones, which are folded first."""
        return [*self.values[:1], *self.others[:MAX_OTHER_VALUES]]

    @property
    def folded(self) -> list[Value]:
        return self.others[MAX_OTHER_VALUES:]

    @property
    def others(self) -> list[Value]:
        """Every value but the first, those several sources give first (a stable sort:
        otherwise in the reconciler's order)."""
        return sorted(self.values[1:], key=lambda v: len(v.sources) < 2)

    @property
    def timeline(self) -> list[Value]:
        """For an update: the values in the order they held (undated ones last)."""
        if self.item.kind is not DisagreementKind.UPDATE:
            return []
        return sorted(self.values, key=lambda v: (v.as_of is None, v.as_of or ""))

    @property
    def folded_sources(self) -> int:
        return sum(len(v.sources) for v in self.folded)


@dataclass
class View:
    """Everything the templates lay out, built once per digest."""

    digest: Digest
    sources: dict[str, SourceRef]
    claims: dict[str, Claim]
    findings: list[Finding] = field(default_factory=list)

    def ref(self, source_id: str) -> SourceRef:
        found = self.sources.get(source_id)
        if found is None:  # a claim of a source the digest does not list: name it by id
            return SourceRef(source_id, source_id, source_id, None, None, None)
        return found

    def figure(self, value: ValueSupport | KeyFigure) -> str:
        """A value as the first claim that states it reads, with its USD value when converted."""
        first = self.claims.get(value.claim_ids[0]) if value.claim_ids else None
        text = describe(first) if first else describe_value(value)
        if value.value_usd is not None and value.unit != "USD":
            text += f" (≈ {describe_money(value.value_usd, 'USD')})"
        return text

    def value(self, support: ValueSupport, consensus: bool) -> Value:
        claims = [self.claims[i] for i in support.claim_ids if i in self.claims]
        return Value(
            figure=self.figure(support),
            sources=[self.ref(s) for s in support.source_ids],
            quotes=[quote_of(c, self.ref(c.source_id)) for c in claims],
            scope=support.scope,
            as_of=support.as_of,
            explanation=support.explanation,
            consensus=consensus,
        )


def describe_value(value: ValueSupport) -> str:
    """A value without a claim to read it from (a digest trimmed by hand)."""
    probe = Claim(
        id="", source_id="", subject="", metric="other", value=value.value,
        value_max=value.value_max, unit=value.unit, quote="", start=0, end=0,
    )  # fmt: skip
    return describe(probe)


def build_view(digest: Digest, anchor: Mapping[str, str] | None = None) -> View:
    """The digest as the renderers show it; ``anchor`` maps a disagreement id to its
    fragment id on the page."""
    view = View(
        digest=digest,
        sources={s.id: source_ref(s) for s in digest.sources},
        claims={c.id: c for c in digest.claims},
    )
    anchors = anchor or {}
    view.findings = [
        Finding(
            item,
            anchors.get(item.id, item.id),
            [view.value(v, number == 0 and _leads(item)) for number, v in enumerate(item.values)],
        )
        for item in digest.disagreements
    ]
    return view


def _leads(item: Disagreement) -> bool:
    """Whether the first value is a consensus: more sources give it than any other."""
    counts = [len(v.source_ids) for v in item.values]
    return len(counts) < 2 or counts[0] > max(counts[1:])


PROSE_CHARS = 720  # an explanation longer than this shows its start, the whole one folded


def opening(text: str, most: int = PROSE_CHARS) -> str:
    """The start of a long text, cut after a sentence (else a word), for a folded view;
    the whole text when it is short."""
    if len(text) <= most:
        return text
    cut = text.rfind(". ", most // 2, most)
    if cut > 0:
        return text[: cut + 1]
    cut = text.rfind(" ", 0, most)
    return text[: cut if cut > 0 else most].rstrip(",;:") + "…"


def summary_text(digest: Digest) -> str:
    return digest.summary or (
        f"{plural(len(digest.sources), 'source')}, {plural(len(digest.claims), 'claim')}."
    )


def key_figure_values(view: View, figure: KeyFigure) -> tuple[Value, list[Value]]:
    consensus = view.value(figure, True)
    return consensus, [view.value(o, False) for o in figure.outliers]


def shared_context(digest: Digest, view: View) -> dict[str, object]:
    """What the HTML and the Markdown templates are both given: the digest, its view,
    the summary, key figures and sources, and the helpers that word them."""
    return {
        "digest": digest,
        "view": view,
        "summary": summary_text(digest),
        "key_figures": [(f, *key_figure_values(view, f)) for f in digest.key_figures],
        "sources": [(s, source_ref(s)) for s in digest.sources],
        "plural": plural,
        "opening": opening,
        "metric_words": metric_words,
        "describe": describe,
    }

"""The HTML digest: one self-contained page a person can read and check claim by claim.

The page is meant to be mailed, archived or opened from disk years later, so it carries
everything itself: the stylesheet is inlined, there is no script, and a Content Security
Policy forbids every fetch and every script, so even markup that slipped past escaping
could neither run nor phone home. Article text, titles, URLs and quotes come from the
web and are untrusted: the page is a Jinja2 template with autoescaping (templates/), the
only markup built here is ``markupsafe.Markup`` assembled from escaped parts, and only
http(s) URLs become links.

It reads at five sources and at five hundred: an at-a-glance table first, then bounded
cards (view.py decides what shows and what is folded behind ``<details>``, which needs
no script), then the evidence. The article texts are reproduced exactly, folded until
opened, with each verified claim highlighted at its offsets: a reader can jump from a
quote to the sentence that says it. Overlapping claims (a figure and its stated
equivalent, the same amount for two partners) share one highlight that lists them all.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from importlib.resources import files

from markupsafe import Markup, escape

from stargate_digest.digest.changes import change_notes
from stargate_digest.digest.templating import html_environment
from stargate_digest.digest.view import (
    Finding,
    build_view,
    metric_words,
    plural,
    shared_context,
)
from stargate_digest.display import describe
from stargate_digest.models import Article, Claim, Digest

__all__ = ["render_html"]

# No fetch of any kind (styles are inline, images and fonts are not used) and no script.
POLICY = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"
_CHECK_KINDS = {
    "equivalence": "Stated equivalent",
    "parts_total": "Parts against total",
    "shares_total": "Shares against 100 %",
}
_PARAGRAPH_BREAK = "\n\n"
# What shows before the rest is folded (chosen so that a story of 14 real pages fits in
# ten screens at 1280 px, docs/screenshots/):
GLANCE_ROWS = 8  # rows of the at-a-glance table
OPEN_CARDS = 4  # disagreement cards shown open; the others show their values on one line
LISTED = 16  # sources and article texts
LISTED_FIGURES = 8  # key figures
LISTED_CHECKS = 5  # consistency checks
# Past the open cards, findings that are context rather than contradiction (low severity:
# the sources do not contradict each other) fold together by kind: at forty sources there
# are dozens, and each alone says little. A conflict, or a medium or high finding of any
# kind, keeps its own card.
_FOLDED_KINDS = (
    ("rounding", "written differently by different sources (rounded or converted)"),
    ("update", "that changed over time (the later sources give the later value)"),
    ("scope", "given for different parts (a breakdown, not a contradiction)"),
)


def anchor(kind: str, ident: str) -> str:
    """An id attribute for a source or claim id that survives in a URL fragment.

    Claim ids contain '#'; letters, digits and '_' are kept, '#' becomes '-' and any
    other character its code point between dots, so distinct ids never collide.
    """
    return f"{kind}-{''.join(map(_fragment_safe, ident))}"


def _fragment_safe(char: str) -> str:
    if char.isascii() and (char.isalnum() or char == "_"):
        return char
    return "-" if char == "#" else f".{ord(char):x}."


@dataclass
class _Span:
    """One highlight: a stretch of article text covered by one or more claims."""

    start: int
    end: int
    claims: list[Claim] = field(default_factory=list)


def _highlight_spans(text: str, claims: Iterable[Claim]) -> list[_Span]:
    """Merge the verified claims' spans where they overlap or coincide.

    Nested or repeated marks would duplicate or garble the text; one mark per merged
    stretch keeps the text exact and still says which claims it carries.
    """
    spans: list[_Span] = []
    for claim in sorted((c for c in claims if c.verified), key=lambda c: (c.start, c.end)):
        start, end = min(claim.start, len(text)), min(claim.end, len(text))
        if start >= end:
            continue
        if spans and start < spans[-1].end:
            spans[-1].end = max(spans[-1].end, end)
            spans[-1].claims.append(claim)
        else:
            spans.append(_Span(start, end, [claim]))
    return spans


def _tooltip(claims: Sequence[Claim], disputed: Mapping[str, str]) -> str:
    return "\n".join(
        f"{c.subject} · {metric_words(c.metric)} · {describe(c)}"
        + (" (stated equivalent)" if c.equivalent_of else "")
        + (f", disputed ({disputed[c.id]})" if c.id in disputed else "")
        for c in claims
    )


@dataclass(frozen=True)
class _Fragment:
    """The part of a highlight inside one paragraph."""

    span: _Span
    text: str
    first: bool
    last: bool


def _mark(fragment: _Fragment, mark_id: str, disputed: Mapping[str, str]) -> Markup:
    """One highlight fragment: the first carries the anchors, the last the claim labels."""
    span = fragment.span
    kind = "claim disputed" if any(c.id in disputed for c in span.claims) else "claim"
    attributes = Markup('class="{}" data-span="{}:{}" data-claims="{}" title="{}"').format(
        kind,
        span.start,
        span.end,
        " ".join(c.id for c in span.claims),
        _tooltip(span.claims, disputed),
    )
    anchors = Markup("")
    if fragment.first:
        attributes = Markup('id="{}" ').format(mark_id) + attributes
        anchors = Markup("").join(
            Markup('<span class="anchor" id="{}"></span>').format(anchor("claim", c.id))
            for c in span.claims
        )
    if fragment.last:  # shown by the stylesheet after the text, not part of it
        label = " ".join(f"#{c.id.rsplit('#', 1)[-1]}" for c in span.claims)
        attributes += Markup(' data-label="{}"').format(label)
    return Markup("<mark {}>{}{}</mark>").format(attributes, anchors, fragment.text)


def _article_text(
    article: Article, spans: Sequence[_Span], anchored: set[str], disputed: Mapping[str, str]
) -> Markup:
    """The text as paragraphs with highlights; a span across a paragraph break is split."""
    text = article.text
    paragraphs: list[Markup] = []
    placed: set[int] = set()
    begin = 0
    for chunk in text.split(_PARAGRAPH_BREAK):
        finish = begin + len(chunk)
        pieces: list[Markup] = []
        cursor = begin
        for number, span in enumerate(spans, 1):
            start, end = max(span.start, begin), min(span.end, finish)
            if start >= end:
                continue
            fragment = _Fragment(span, text[start:end], number not in placed, end == span.end)
            if fragment.first:
                placed.add(number)
                anchored.update(c.id for c in span.claims)
            mark_id = f"hl-{anchor('article', article.id)}-{number}"
            pieces += [escape(text[cursor:start]), _mark(fragment, mark_id, disputed)]
            cursor = end
        pieces.append(escape(text[cursor:finish]))
        paragraphs.append(Markup("<p>{}</p>").format(Markup("").join(pieces)))
        begin = finish + len(_PARAGRAPH_BREAK)
    return Markup("\n").join(paragraphs)


@dataclass(frozen=True)
class _Text:
    """One article's text on the page, already marked up."""

    article: Article
    title: str
    language: str | None
    highlights: int
    body: Markup
    described: bool


def _texts(digest: Digest, articles: Sequence[Article], anchored: set[str]) -> list[_Text]:
    """Every article's text with its claims highlighted; records which claims got anchors."""
    disputed = {
        claim_id: item.id
        for item in digest.disagreements
        for value in item.values
        for claim_id in value.claim_ids
    }
    by_source: dict[str, list[Claim]] = {}
    for claim in digest.claims:
        by_source.setdefault(claim.source_id, []).append(claim)
    summaries = {s.id: s for s in digest.sources}
    texts = []
    for article in articles:
        spans = _highlight_spans(article.text, by_source.get(article.id, []))
        summary = summaries.get(article.id)
        texts.append(
            _Text(
                article=article,
                title=(summary.title if summary else article.title) or "(no title)",
                language=article.language if article.language != "und" else None,
                highlights=len(spans),
                body=_article_text(article, spans, anchored, disputed),
                described=summary is not None,
            )
        )
    return texts


def _stylesheet() -> Markup:
    css = files("stargate_digest.digest").joinpath("page.css").read_text(encoding="utf-8")
    return Markup(css.replace("</", "<\\/"))  # our own file; never closes the style element


def card_layout(
    findings: Sequence[Finding], open_cards: int
) -> tuple[list[tuple[Finding, bool]], list[tuple[str, list[Finding]]]]:
    """The disagreement cards in order, each with whether it is shown open, and the folds
    of low-severity context findings past the open cards, each with its summary line."""
    cards: list[tuple[Finding, bool]] = []
    folds: dict[str, list[Finding]] = {kind: [] for kind, _ in _FOLDED_KINDS}
    for index, finding in enumerate(findings):
        if index >= open_cards and finding.kind in folds and finding.severity == "low":
            folds[finding.kind].append(finding)
        else:
            cards.append((finding, index < open_cards))
    return cards, [
        (f"{plural(len(folds[kind]), 'figure')} {label}", folds[kind])
        for kind, label in _FOLDED_KINDS
        if folds[kind]
    ]


def render_html(digest: Digest, articles: Sequence[Article]) -> str:
    """The digest as one standalone HTML page, with the articles' texts highlighted.

    ``articles`` supplies the texts the claims' offsets refer to (a Digest carries
    metadata only); an article missing from it just has no text section, and references
    to its claims become plain labels instead of links.
    """
    view = build_view(digest, {d.id: anchor("finding", d.id) for d in digest.disagreements})
    anchored: set[str] = set()
    texts = _texts(digest, articles, anchored)  # first: it records the anchors
    verified = sum(c.verified for c in digest.claims)
    notes = change_notes(digest)
    cards, folds = card_layout(view.findings, OPEN_CARDS)
    template = html_environment().get_template("page.html.j2")
    return template.render(
        **shared_context(digest, view),
        texts=texts,
        anchored=anchored,
        with_text={a.id for a in articles},
        notes=notes,
        verified=verified,
        unverified=[c for c in digest.claims if not c.verified],
        languages=sorted({s.language for s in digest.sources}),
        check_kinds=_CHECK_KINDS,
        policy=POLICY,
        stylesheet=_stylesheet(),
        anchor=anchor,
        glance_rows=GLANCE_ROWS,
        cards=cards,
        folds=folds,
        listed=LISTED,
        listed_figures=LISTED_FIGURES,
        listed_checks=LISTED_CHECKS,
    )

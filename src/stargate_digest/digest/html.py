"""The HTML digest: one self-contained page a person can read and check claim by claim.

The page is meant to be mailed, archived or opened from disk years later, so it carries
everything itself: the stylesheet is inlined, there is no script, and a Content Security
Policy forbids every fetch and every script, so even markup that slipped past escaping
could neither run nor phone home. Article text, titles, URLs and quotes come from the
web and are untrusted: every one of them is escaped, and only http(s) URLs become links.

The article texts are reproduced exactly, with each verified claim highlighted at its
offsets: a reader can jump from a disagreement to the sentence that says it and read
the surrounding text. Overlapping claims (a figure and its stated equivalent, the same
amount for two partners) share one highlight that lists them all.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from importlib.resources import files
from urllib.parse import urlsplit

from stargate_digest.digest.changes import change_notes
from stargate_digest.display import describe, describe_money
from stargate_digest.models import (
    Article,
    Claim,
    ConsistencyCheck,
    Digest,
    Disagreement,
    KeyFigure,
    SourceSummary,
    ValueSupport,
)

# No fetch of any kind (styles are inline, images and fonts are not used) and no script.
_POLICY = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"
_LINKABLE_URL = re.compile(r"https?://[^\s\x00-\x1f\x7f]+\Z", re.IGNORECASE)
_CHECK_KINDS = {
    "equivalence": "Stated equivalent",
    "parts_total": "Parts against total",
    "shares_total": "Shares against 100 %",
}
_PARAGRAPH_BREAK = "\n\n"


def _e(text: str) -> str:
    """Escape for element content and for quoted attribute values alike."""
    return html.escape(text, quote=True)


def _anchor(kind: str, ident: str) -> str:
    """An id attribute for a source or claim id that survives in a URL fragment.

    Claim ids contain '#'; letters, digits and '_' are kept, '#' becomes '-' and any
    other character its code point between dots, so distinct ids never collide.
    """
    return f"{kind}-{''.join(map(_fragment_safe, ident))}"


def _fragment_safe(char: str) -> str:
    if char.isascii() and (char.isalnum() or char == "_"):
        return char
    return "-" if char == "#" else f".{ord(char):x}."


def _link_target(url: str | None) -> str | None:
    """The URL when it is safe to link (http or https with a host), else None."""
    if not url or not _LINKABLE_URL.match(url):
        return None
    try:
        return url if urlsplit(url).hostname else None
    except ValueError:  # a malformed netloc such as an unclosed IPv6 bracket
        return None


def _host(url: str | None) -> str | None:
    """The outlet as a reader names it: the host of a linkable URL without 'www.'."""
    target = _link_target(url)
    if target is None:
        return None
    host = urlsplit(target).hostname or ""
    return host.removeprefix("www.")


def _metric(metric: str) -> str:
    return metric.replace("_", " ")


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


@dataclass
class _Sources:
    """Short labels (S1, S2, ...) and metadata for every source the page mentions."""

    summaries: dict[str, SourceSummary]
    labels: dict[str, str]
    mentions: re.Pattern[str]
    anchored: set[str] = field(default_factory=set)

    @classmethod
    def of(cls, digest: Digest, articles: Sequence[Article]) -> _Sources:
        ids = list(dict.fromkeys([*(s.id for s in digest.sources), *(a.id for a in articles)]))
        # Longest first, so an id that is a prefix of another does not cut it short.
        alternatives = "|".join(map(re.escape, sorted(ids, key=len, reverse=True)))
        return cls(
            summaries={s.id: s for s in digest.sources},
            labels={ident: f"S{number}" for number, ident in enumerate(ids, 1)},
            mentions=re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)" if ids else r"(?!)"),
        )

    def name(self, source_id: str) -> str:
        """Title, else outlet: what a reader recognises a source by (its label tells apart
        the untitled ones)."""
        summary = self.summaries.get(source_id)
        if summary is None:
            return "untitled"
        return summary.title or _host(summary.url) or "untitled"

    def language(self, source_id: str) -> str | None:
        summary = self.summaries.get(source_id)
        return summary.language if summary and summary.language != "und" else None

    def ref(self, source_id: str) -> str:
        """A chip linking to the source's entry; the full id and title in its tooltip."""
        label = self.labels.get(source_id)
        if label is None:
            return f'<span class="chip">{_e(source_id)}</span>'
        target = _anchor("source" if source_id in self.summaries else "article", source_id)
        tooltip = f"{source_id}: {self.name(source_id)}"
        return f'<a class="chip" href="#{target}" title="{_e(tooltip)}">{_e(label)}</a>'

    def prose(self, text: str) -> str:
        """Escaped text in which every source id becomes a chip linking to the source."""
        parts, position = [], 0
        for match in self.mentions.finditer(text):
            parts += [_e(text[position : match.start()]), self.ref(match.group())]
            position = match.end()
        return "".join([*parts, _e(text[position:])])


def _lang(code: str | None) -> str:
    return f' lang="{_e(code)}"' if code else ""


def _tooltip(claims: Sequence[Claim], disputed: Mapping[str, str]) -> str:
    return "\n".join(
        f"{c.subject} · {_metric(c.metric)} · {describe(c)}"
        + (" (stated equivalent)" if c.equivalent_of else "")
        + f" [{c.id}]"
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


def _mark(fragment: _Fragment, mark_id: str, disputed: Mapping[str, str]) -> str:
    """One highlight fragment: the first carries the anchors, the last the claim labels."""
    span = fragment.span
    kind = "claim disputed" if any(c.id in disputed for c in span.claims) else "claim"
    attributes = [
        f'class="{kind}"',
        f'data-span="{span.start}:{span.end}"',
        f'data-claims="{_e(" ".join(c.id for c in span.claims))}"',
        f'title="{_e(_tooltip(span.claims, disputed))}"',
    ]
    anchors = ""
    if fragment.first:
        attributes.insert(0, f'id="{mark_id}"')
        anchors = "".join(
            f'<span class="anchor" id="{_anchor("claim", c.id)}"></span>' for c in span.claims
        )
    if fragment.last:  # shown by the stylesheet after the text, not part of it
        label = " ".join(f"#{c.id.rsplit('#', 1)[-1]}" for c in span.claims)
        attributes.append(f'data-label="{_e(label)}"')
    return f"<mark {' '.join(attributes)}>{anchors}{_e(fragment.text)}</mark>"


def _article_text(
    article: Article, spans: Sequence[_Span], anchored: set[str], disputed: Mapping[str, str]
) -> str:
    """The text as paragraphs with highlights; a span across a paragraph break is split."""
    text = article.text
    paragraphs: list[str] = []
    placed: set[int] = set()
    begin = 0
    for chunk in text.split(_PARAGRAPH_BREAK):
        finish = begin + len(chunk)
        pieces, cursor = [], begin
        for number, span in enumerate(spans, 1):
            start, end = max(span.start, begin), min(span.end, finish)
            if start >= end:
                continue
            fragment = _Fragment(span, text[start:end], number not in placed, end == span.end)
            if fragment.first:
                placed.add(number)
                anchored.update(c.id for c in span.claims)
            mark_id = f"hl-{_anchor('article', article.id)}-{number}"
            pieces += [_e(text[cursor:start]), _mark(fragment, mark_id, disputed)]
            cursor = end
        pieces.append(_e(text[cursor:finish]))
        paragraphs.append(f"<p>{''.join(pieces)}</p>")
        begin = finish + len(_PARAGRAPH_BREAK)
    return "\n".join(paragraphs)


def _claim_link(claim_id: str, sources: _Sources, label: str) -> str:
    """A link to the claim's highlight, or plain text when its article is not on the page."""
    if claim_id not in sources.anchored:
        return f'<span class="muted">{_e(label)}</span>'
    return f'<a href="#{_anchor("claim", claim_id)}">{_e(label)}</a>'


def _figure(value: ValueSupport | KeyFigure, claims: Mapping[str, Claim]) -> str:
    """A value as the first claim that states it reads, with its USD value when converted."""
    first = claims.get(value.claim_ids[0]) if value.claim_ids else None
    text = describe(first) if first else f"{value.value} {value.unit}".strip()
    if value.value_usd is not None and value.unit != "USD":
        text += f" (≈ {describe_money(value.value_usd, 'USD')})"
    return text


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _value_card(value: ValueSupport, claims: Mapping[str, Claim], sources: _Sources) -> str:
    quotes = []
    for claim_id in value.claim_ids:
        claim = claims.get(claim_id)
        if claim is None:
            continue
        quotes.append(
            f"<li><blockquote{_lang(sources.language(claim.source_id))}>"
            f"<p>{_e(claim.quote)}</p></blockquote>"
            f'<p class="cite">{sources.ref(claim.source_id)} '
            f'<span class="source-name"{_lang(sources.language(claim.source_id))}>'
            f"{_e(sources.name(claim.source_id))}</span> · "
            f"{_claim_link(claim_id, sources, 'in context')}</p></li>"
        )
    return (
        '<section class="value-card">'
        f'<h4 class="figure">{_e(_figure(value, claims))}</h4>'
        f'<p class="support">{_count(len(value.source_ids), "source")}</p>'
        f'<ul class="quotes">{"".join(quotes)}</ul></section>'
    )


def _disagreement(item: Disagreement, claims: Mapping[str, Claim], sources: _Sources) -> str:
    severity = item.severity.value
    scope = f' <span class="scope">({_e(item.scope)})</span>' if item.scope else ""
    cards = "".join(_value_card(value, claims, sources) for value in item.values)
    return (
        f'<article class="disagreement severity-{severity}" id="{_anchor("finding", item.id)}">'
        f'<h3><span class="badge severity-{severity}">{severity} severity</span> '
        f"{_e(item.subject)}: {_e(_metric(item.metric))}{scope}</h3>"
        f'<div class="values">{cards}</div>'
        f'<p class="explanation">{sources.prose(item.explanation)}</p></article>'
    )


def _key_figures(
    figures: Sequence[KeyFigure], claims: Mapping[str, Claim], sources: _Sources
) -> str:
    rows = []
    for figure in figures:
        support = " ".join(sources.ref(s) for s in figure.source_ids)
        differing = "".join(
            f"<li>{_e(_figure(o, claims))} {' '.join(sources.ref(s) for s in o.source_ids)}</li>"
            for o in figure.outliers
        )
        rows.append(
            f'<tr><th scope="row">{_e(figure.subject)}<span class="metric">'
            f"{_e(_metric(figure.metric))}</span></th>"
            f'<td class="number">{_e(_figure(figure, claims))}</td>'
            f"<td>{_count(len(figure.source_ids), 'source')} {support}</td>"
            f"<td>{f'<ul class=plain>{differing}</ul>' if differing else '—'}</td></tr>"
        )
    return (
        '<div class="table-wrap"><table><thead><tr><th scope="col">Subject and metric</th>'
        '<th scope="col">Consensus</th><th scope="col">Support</th>'
        '<th scope="col">Differing values</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )


def _check(check: ConsistencyCheck, sources: _Sources) -> str:
    status = check.status.value
    links = ", ".join(
        _claim_link(claim_id, sources, f"#{claim_id.rsplit('#', 1)[-1]}")
        for claim_id in check.claim_ids
    )
    return (
        f'<li class="check"><span class="badge status-{status}">{status}</span>'
        f'<div><p class="check-head">{sources.ref(check.source_id)} '
        f"{_e(_CHECK_KINDS.get(check.kind, check.kind))}"
        f'<span class="muted"> · claims {links}</span></p>'
        f"<p>{sources.prose(check.detail)}</p></div></li>"
    )


def _source_entry(source: SourceSummary, sources: _Sources, has_text: bool) -> str:
    host = _host(source.url)
    meta = [
        *([f"<strong>{_e(host)}</strong>"] if host else []),
        source.published.date().isoformat() if source.published else "date unknown",
        _e(source.language),
        _e(source.format),
    ]
    target = _link_target(source.url)
    link = (
        f'<p class="url"><a href="{_e(target)}" rel="noopener noreferrer">{_e(target)}</a></p>'
        if target
        else f'<p class="url">read from {_e(source.url or source.source)}</p>'
    )
    text_link = (
        f' · <a href="#{_anchor("article", source.id)}">read the text</a>' if has_text else ""
    )
    return (
        f'<li class="source" id="{_anchor("source", source.id)}">'
        f'<span class="label">{_e(sources.labels[source.id])}</span><div>'
        f"<h3{_lang(sources.language(source.id))}>{_e(source.title or '(no title)')}</h3>"
        f'<p class="meta">{" · ".join(meta)}{text_link}</p>{link}'
        + (f'<p class="summary">{_e(source.summary)}</p>' if source.summary else "")
        + f'<p class="ident">{_e(source.id)}</p></div></li>'
    )


def _unverified(claims: Sequence[Claim], sources: _Sources) -> str:
    items = "".join(
        f'<li><p><span class="badge status-inconsistent">not verified</span> '
        f"{sources.ref(c.source_id)} {_e(c.subject)} · {_e(_metric(c.metric))} · "
        f"{_e(describe(c))}</p>"
        f"<blockquote{_lang(sources.language(c.source_id))}><p>{_e(c.quote)}</p></blockquote>"
        + (f'<p class="muted">{_e(c.verification_note)}</p>' if c.verification_note else "")
        + "</li>"
        for c in claims
    )
    return f'<ul class="unverified">{items}</ul>'


@dataclass(frozen=True)
class _Part:
    """One top-level section of the page: its fragment id, heading, markup and a lead line."""

    ident: str
    title: str
    body: str
    intro: str = ""

    def render(self) -> str:
        lead = f'<p class="intro">{self.intro}</p>' if self.intro else ""
        return (
            f'<section id="{self.ident}" aria-labelledby="{self.ident}-title">'
            f'<h2 id="{self.ident}-title">{self.title}</h2>{lead}{self.body}</section>\n'
        )


def _stylesheet() -> str:
    return files("stargate_digest.digest").joinpath("page.css").read_text(encoding="utf-8")


def _sections(digest: Digest, articles: Sequence[Article], sources: _Sources) -> list[_Part]:
    """The page's sections in reading order: findings first, then the evidence."""
    claims = {claim.id: claim for claim in digest.claims}
    texts = _article_sections(digest, articles, sources)  # first: it records the anchors
    with_text = {a.id for a in articles}
    unverified = [c for c in digest.claims if not c.verified]
    summary = digest.summary or (
        f"{_count(len(digest.sources), 'source')}, {_count(len(digest.claims), 'claim')}."
    )
    parts = [_Part("summary", "Summary", f'<p class="lead">{sources.prose(summary)}</p>')]
    notes = change_notes(digest)
    if notes:
        items = "".join(f"<li>{sources.prose(note)}</li>" for note in notes[1:])
        parts.append(
            _Part(
                "changes",
                "Changes since the last digest",
                f'<ul class="changes">{items}</ul>' if items else "",
                sources.prose(notes[0]),
            )
        )
    if digest.disagreements:
        cards = "".join(_disagreement(d, claims, sources) for d in digest.disagreements)
        parts.append(
            _Part(
                "disagreements",
                "Disagreements",
                cards,
                "Where the sources give different values for the same figure, most serious first.",
            )
        )
    if digest.key_figures:
        parts.append(
            _Part(
                "key-figures",
                "Key figures",
                _key_figures(digest.key_figures, claims, sources),
                "The value most independent sources give, and who differs.",
            )
        )
    if digest.consistency_checks:
        checks = "".join(_check(c, sources) for c in digest.consistency_checks)
        parts.append(
            _Part(
                "checks",
                "Consistency checks",
                f'<ul class="checks">{checks}</ul>',
                "Each source's figures checked against each other: stated "
                "equivalents at the ECB rate of its date, parts against totals, "
                "shares against 100 %.",
            )
        )
    entries = "".join(_source_entry(s, sources, s.id in with_text) for s in digest.sources)
    parts.append(_Part("sources", "Sources", f'<ol class="sources">{entries}</ol>'))
    if unverified:
        parts.append(
            _Part(
                "not-verified",
                "Not verified",
                _unverified(unverified, sources),
                "Claims the extractor proposed that their own quote does not "
                "support. They take part in no finding and are not highlighted "
                "in the texts.",
            )
        )
    if digest.errors:
        problems = "".join(f"<li>{sources.prose(e)}</li>" for e in digest.errors)
        parts.append(
            _Part(
                "problems",
                "Problems",
                f'<ul class="problems">{problems}</ul>',
                "Inputs for which findings could not be produced.",
            )
        )
    if texts:
        parts.append(
            _Part(
                "texts",
                "Article texts",
                texts,
                "The full text of each source. Highlighted passages are the verified "
                "claims, numbered as in the checks above; those in a disagreement are "
                "shaded red. Hover over one for what it says.",
            )
        )
    return parts


def render_html(digest: Digest, articles: Sequence[Article]) -> str:
    """The digest as one standalone HTML page, with the articles' texts highlighted.

    ``articles`` supplies the texts the claims' offsets refer to (a Digest carries
    metadata only); an article missing from it just has no text section, and references
    to its claims become plain labels instead of links.
    """
    sources = _Sources.of(digest, articles)
    parts = _sections(digest, articles, sources)
    nav = "".join(f'<li><a href="#{p.ident}">{p.title}</a></li>' for p in parts)
    verified = sum(c.verified for c in digest.claims)
    unverified = len(digest.claims) - verified
    generated = f"{digest.generated_at:%Y-%m-%d %H:%M} UTC"
    languages = sorted({s.language for s in digest.sources})
    stats = [
        _count(verified, "verified claim"),
        *([f'<a href="#not-verified">{unverified} not verified</a>'] if unverified else []),
        f"{_count(len(languages), 'language')} ({_e(', '.join(languages))})",
        _count(len(digest.disagreements), "disagreement"),
        f"generated {generated}",
    ]
    provenance = [f"backend {_e(digest.backend)}", f"schema {_e(digest.schema_version)}"]
    if digest.prompt_hash:
        provenance.append(f"prompt {_e(digest.prompt_hash)}")
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{_POLICY}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Digest of {_count(len(digest.sources), "source")}, {generated}</title>
<style>
{_stylesheet()}</style>
</head>
<body>
<header class="masthead">
<p class="kicker">stargate-digest</p>
<h1>Digest of {_count(len(digest.sources), "source")}</h1>
<p class="stats">{" · ".join(stats)}</p>
<nav aria-label="Sections"><ul>{nav}</ul></nav>
</header>
<main>
{"".join(p.render() for p in parts)}
</main>
<footer><p>{" · ".join(provenance)}</p></footer>
</body>
</html>
"""


def _article_sections(digest: Digest, articles: Sequence[Article], sources: _Sources) -> str:
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
    sections = []
    for article in articles:
        spans = _highlight_spans(article.text, by_source.get(article.id, []))
        summary = sources.summaries.get(article.id)
        title = (summary.title if summary else article.title) or "(no title)"
        language = article.language if article.language != "und" else None
        about = f' · <a href="#{_anchor("source", article.id)}">about this source</a>'
        sections.append(
            f'<article class="source-text" id="{_anchor("article", article.id)}">'
            f'<h3><span class="label">{_e(sources.labels[article.id])}</span> '
            f"<span{_lang(language)}>{_e(title)}</span></h3>"
            f'<p class="meta">{_count(len(spans), "highlight")}{about if summary else ""}</p>'
            f'<div class="text"{_lang(language)}>'
            f"{_article_text(article, spans, sources.anchored, disputed)}</div></article>"
        )
    return "".join(sections)

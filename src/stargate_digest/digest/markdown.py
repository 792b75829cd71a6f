"""The Markdown digest, the default output of ``summarize``.

The key findings come first and fit on one screen: an at-a-glance table, the summary,
then each disagreement with its competing values (the consensus and at most three
others), their sources by outlet and an excerpt of each quote centred on its figure.
Detail follows: key figures, consistency checks, sources, every claim.

The layout is a Jinja2 template (templates/digest.md.j2) whose environment escapes every
value for Markdown and HTML (templating.py): titles, quotes, file names and URLs are
article text, and ``latest.md`` is read through Markdown renderers that would otherwise
run an injected ``<script>`` or show a ``javascript:`` link.
"""

from __future__ import annotations

import re

from stargate_digest.digest.changes import change_notes
from stargate_digest.digest.templating import Md, markdown_environment, md
from stargate_digest.digest.view import (
    MAX_QUOTES,
    build_view,
    key_figure_values,
    metric_words,
    plural,
    source_ref,
    summary_text,
)
from stargate_digest.display import describe
from stargate_digest.models import CheckStatus, Claim, Digest

__all__ = ["excerpt", "excerpt_parts", "render_markdown"]

_EXCERPT_CHARS = 90
_CHECK_MARK = {
    CheckStatus.CONSISTENT: "consistent",
    CheckStatus.INCONSISTENT: "INCONSISTENT",
    CheckStatus.UNRESOLVED: "unresolved",
}
_SPACES = re.compile(r"\s+")


def _one_line(text: str) -> str:
    return _SPACES.sub(" ", text)


def excerpt_parts(claim: Claim, width: int = _EXCERPT_CHARS) -> tuple[str, str, str]:
    """The quote as (before, figure, after), cut to a window of whole words around the
    figure when long. The figure is empty when its place in the quote is not known; the
    window then centres on the quote's first digit."""
    from stargate_digest.digest.view import figure_span

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


def excerpt(claim: Claim, width: int = _EXCERPT_CHARS) -> str:
    """The quote, or a verbatim window of whole words around its figure when long."""
    return "".join(excerpt_parts(claim, width))


def _quoted(claim: Claim) -> Md:
    """The excerpt in quotation marks, its figure in bold."""
    before, figure, after = excerpt_parts(claim)
    marked = Md("**{}**").format(figure) if figure else Md("")
    return Md("“{}{}{}”").format(before, marked, after)


def render_markdown(digest: Digest) -> str:
    """The whole digest as Markdown."""
    view = build_view(digest)
    template = markdown_environment().get_template("digest.md.j2")
    return template.render(
        digest=digest,
        view=view,
        summary=summary_text(digest),
        notes=change_notes(digest),
        key_figures=[(f, *key_figure_values(view, f)) for f in digest.key_figures],
        sources=[(s, source_ref(s)) for s in digest.sources],
        check_mark=_CHECK_MARK,
        quoted=_quoted,
        plural=plural,
        metric_words=metric_words,
        describe=describe,
        max_quotes=MAX_QUOTES,
        md=md,
    )

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

from stargate_digest.digest.changes import change_notes
from stargate_digest.digest.templating import Md, markdown_environment, md
from stargate_digest.digest.view import (
    EXCERPT_CHARS,
    MAX_QUOTES,
    build_view,
    excerpt_parts,
    shared_context,
)
from stargate_digest.models import CheckStatus, Claim, Digest

__all__ = ["excerpt", "excerpt_parts", "render_markdown"]

_CHECK_MARK = {
    CheckStatus.CONSISTENT: "consistent",
    CheckStatus.INCONSISTENT: "INCONSISTENT",
    CheckStatus.UNRESOLVED: "unresolved",
}


def excerpt(claim: Claim, width: int = EXCERPT_CHARS) -> str:
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
        **shared_context(digest, view),
        notes=change_notes(digest),
        check_mark=_CHECK_MARK,
        quoted=_quoted,
        max_quotes=MAX_QUOTES,
        md=md,
    )

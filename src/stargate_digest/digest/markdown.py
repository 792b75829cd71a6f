"""The Markdown digest, the default output of ``summarize``.

The key findings come first and fit on one screen: the summary, then each disagreement
with its competing values, their sources and a verbatim excerpt of each quote. Detail
follows: key figures, consistency checks, per-source summaries, every claim, sources.
"""

from __future__ import annotations

from stargate_digest.digest.changes import change_notes
from stargate_digest.display import describe
from stargate_digest.models import CheckStatus, Claim, Digest, Disagreement, SourceSummary

_EXCERPT_CHARS = 90
_CHECK_MARK = {
    CheckStatus.CONSISTENT: "consistent",
    CheckStatus.INCONSISTENT: "INCONSISTENT",
    CheckStatus.UNRESOLVED: "unresolved",
}


def _cell(text: str) -> str:
    """Article text inside a table cell: no pipes or newlines may break the table."""
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def excerpt(claim: Claim, width: int = _EXCERPT_CHARS) -> str:
    """The quote, or a verbatim window of whole words around its first figure when long."""
    quote = " ".join(claim.quote.split())
    if len(quote) <= width:
        return quote
    digits = next((i for i, char in enumerate(quote) if char.isdigit()), 0)
    start = max(0, min(digits - width // 3, len(quote) - width))
    end = start + width
    if start:
        start = quote.find(" ", start) + 1
    if end < len(quote):
        end = quote.rfind(" ", start, end)
    window = quote[start:end].strip()
    return f"{'…' if start else ''}{window}{'…' if end < len(quote) else ''}"


def _disagreement(item: Disagreement, claims: dict[str, Claim]) -> list[str]:
    lines = [f"### {item.severity.value.upper()}: {item.subject}, {item.metric.replace('_', ' ')}"]
    for value in item.values:
        first = claims[value.claim_ids[0]]
        lines.append(f"- **{describe(first)}** ({', '.join(value.source_ids)}): “{excerpt(first)}”")
    lines += ["", item.explanation, ""]
    return lines


def _source_line(source: SourceSummary) -> str:
    title = _cell(source.title or "(no title)")
    published = source.published.date().isoformat() if source.published else "date unknown"
    where = source.url or source.source
    return f"- **{source.id}** ({source.language}, {published}): {title} <{where}>"


def render_markdown(digest: Digest) -> str:
    """The whole digest as Markdown."""
    claims = {claim.id: claim for claim in digest.claims}
    lines = [
        "# Digest",
        "",
        digest.summary or f"{len(digest.sources)} sources, {len(digest.claims)} claims.",
        "",
    ]
    notes = change_notes(digest)
    if notes:
        lines += ["## Changes since the last digest", "", notes[0], ""]
        lines += [f"- {_cell(note)}" for note in notes[1:]]
        lines += [""] if len(notes) > 1 else []
    if digest.disagreements:
        lines += ["## Disagreements", ""]
        for item in digest.disagreements:
            lines += _disagreement(item, claims)
    if digest.key_figures:
        lines += ["## Key figures", "", "| subject | metric | consensus | support | differing |",
                  "|---|---|---|---|---|"]  # fmt: skip
        for figure in digest.key_figures:
            consensus = describe(claims[figure.claim_ids[0]])
            differing = ", ".join(describe(claims[o.claim_ids[0]]) for o in figure.outliers)
            support = f"{len(figure.source_ids)} ({', '.join(figure.source_ids)})"
            lines.append(
                f"| {_cell(figure.subject)} | {figure.metric} | {_cell(consensus)} "
                f"| {support} | {_cell(differing)} |"
            )
        lines.append("")
    if digest.consistency_checks:
        lines += ["## Consistency checks", ""]
        lines += [
            f"- **{_CHECK_MARK[check.status]}** ({check.source_id}, {check.kind}): "
            f"{_cell(check.detail)}"
            for check in digest.consistency_checks
        ]
        lines.append("")
    lines += ["## Sources", ""]
    for source in digest.sources:
        lines.append(_source_line(source))
        if source.summary:
            lines.append(f"  {_cell(source.summary)}")
    lines += [
        "",
        "## All claims",
        "",
        "| id | subject | metric | value | verified | quote |",
        "|---|---|---|---|---|---|",
    ]
    lines += [
        f"| {c.id} | {_cell(c.subject)} | {c.metric} | {_cell(describe(c) or c.statement or '')} "
        f"| {'yes' if c.verified else 'NO: ' + _cell(c.verification_note or '')} "
        f"| “{_cell(c.quote)}” |"
        for c in digest.claims
    ]
    if digest.errors:
        lines += ["", "## Problems", "", *(f"- {_cell(e)}" for e in digest.errors)]
    lines += [
        "",
        f"Backend `{digest.backend}`, generated {digest.generated_at:%Y-%m-%d %H:%M} UTC, "
        f"schema {digest.schema_version}.",
    ]
    return "\n".join(lines) + "\n"

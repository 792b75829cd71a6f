"""The Markdown digest, the default output of ``summarize``."""

from __future__ import annotations

from stargate_digest.models import Claim, Digest, SourceSummary


def _cell(text: str) -> str:
    """Article text inside a table cell: no pipes or newlines may break the table."""
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def format_value(claim: Claim) -> str:
    """A claim's figure as a reader expects it: 38 billion USD, 40 %, 2025-01-23, 2028."""
    if claim.value is None or isinstance(claim.value, str):
        return claim.value or ""
    value = float(claim.value)
    if claim.unit == "year":
        return f"{value:.0f}"
    unit = claim.unit or ""
    if unit == "XXX":
        options = " or ".join(claim.currency_candidates)
        unit = f"(currency unresolved{': ' + options if options else ''})"
    for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(value) >= size:
            return f"{value / size:,.6g} {word} {unit}".strip()
    if unit == "percent":
        return f"{value:,.6g} %"
    return f"{value:,.6g} {unit}".strip()


def _source_line(source: SourceSummary) -> str:
    title = _cell(source.title or "(no title)")
    published = source.published.isoformat() if source.published else "date unknown"
    where = source.url or source.source
    return f"- **{source.id}**: {title} ({source.language}, {published}) <{where}>"


def render_markdown(digest: Digest) -> str:
    """Sources, then every claim with its quote."""
    lines = [
        "# Digest",
        "",
        f"{len(digest.sources)} sources, {len(digest.claims)} claims, "
        f"backend `{digest.backend}`, generated {digest.generated_at:%Y-%m-%d %H:%M} UTC.",
        "",
        "## Claims",
        "",
        "| source | subject | metric | value | quote |",
        "|---|---|---|---|---|",
    ]
    lines += [
        f"| {c.source_id} | {_cell(c.subject)} | {c.metric} | {_cell(format_value(c))} "
        f"| “{_cell(c.quote)}” |"
        for c in digest.claims
    ]
    lines += ["", "## Sources", "", *map(_source_line, digest.sources)]
    if digest.errors:
        lines += ["", "## Problems", "", *(f"- {_cell(e)}" for e in digest.errors)]
    return "\n".join(lines) + "\n"

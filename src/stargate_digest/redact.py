"""One redaction for every error text before it is stored or shown.

An API's error message can quote the key it refused ("Incorrect API key provided:
sk-..."), a URL can carry a token, a proxy can echo an Authorization header. Every
error string goes through :func:`redact` on its way to stderr, the log, an output's
``error``/``errors`` fields and the job's state, so a credential is never copied into
any of them. What is caught: OpenAI-style keys (``sk-...``, ``sess-...``), organisation
and project ids (``org-...``, ``proj_...``), ``Bearer``/``Basic`` credentials,
``key=``/``token=``/``secret=``/``password=`` values and ``api-key:`` headers, and the API keys
configured in the environment, whatever their shape.
"""

from __future__ import annotations

import os
import re

__all__ = ["REDACTED", "redact"]

REDACTED = "[redacted]"
# Environment variables whose values are secrets, whatever they look like.
SECRET_VARIABLES = ("OPENAI_API_KEY", "AZURE_OPENAI_API_KEY")
_MIN_SECRET = 8  # a shorter configured "key" (e.g. "x" for a local server) is no secret

_SHAPED = re.compile(
    r"\b(?:sk|sess|rk)-[A-Za-z0-9_\-*.]{8,}"
    r"|\borg-[A-Za-z0-9]{8,}"
    r"|\bproj_[A-Za-z0-9]{8,}"
    r"|\b(?-i:Bearer|Basic|Token)\s+[A-Za-z0-9._~+/\-=*]{12,}"
    r"|(?<=[?&;\s])(?:api[_-]?key|access[_-]?token|token|secret|password|key)"
    r"=[^\s&;,'\")]{4,}"
    r"|(?<![\w-])(?:x-)?api-key:\s*[^\s,'\")]{4,}",
    re.IGNORECASE,
)


def _configured() -> list[str]:
    values = (os.environ.get(name) or "" for name in SECRET_VARIABLES)
    return sorted({v.strip() for v in values if len(v.strip()) >= _MIN_SECRET}, key=len)[::-1]


def redact(text: str) -> str:
    """``text`` with every credential-shaped piece and configured key replaced."""
    for secret in _configured():
        text = text.replace(secret, REDACTED)

    def replace(match: re.Match[str]) -> str:
        found = match.group(0)
        name = re.match(r"[\w-]+(?:=|:\s*)", found)  # keep "api_key=" for the reader
        if name and not re.match(r"(?:sk|sess|rk)-|org-|proj_", found, re.IGNORECASE):
            return name.group(0) + REDACTED
        scheme = re.match(r"(?:Bearer|Basic|Token)\s+", found)
        return (scheme.group(0) if scheme else "") + REDACTED

    return _SHAPED.sub(replace, text)

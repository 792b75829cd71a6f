"""stargate-digest: verified, multilingual digests of news coverage of one story.

The public API is imported lazily (PEP 562) so that the command line starts fast::

    from stargate_digest import load_articles, extract, reconcile, build_digest
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from stargate_digest.digest.html import render_html
    from stargate_digest.digest.jsonout import digest_json
    from stargate_digest.digest.markdown import render_markdown
    from stargate_digest.digest.render import render
    from stargate_digest.display import describe, format_number
    from stargate_digest.errors import ConfigurationError, InputError, StargateError
    from stargate_digest.ingest import IngestResult, load_articles
    from stargate_digest.models import (
        Article,
        ArticleClaims,
        Claim,
        ConsistencyCheck,
        Digest,
        Disagreement,
    )
    from stargate_digest.pipeline import aextract, build_digest, extract
    from stargate_digest.reconciliation import Reconciliation, reconcile

    __version__: str

_EXPORTS = {
    "load_articles": "stargate_digest.ingest",
    "IngestResult": "stargate_digest.ingest",
    "extract": "stargate_digest.pipeline",
    "aextract": "stargate_digest.pipeline",
    "render": "stargate_digest.digest.render",
    "render_html": "stargate_digest.digest.html",
    "render_markdown": "stargate_digest.digest.markdown",
    "digest_json": "stargate_digest.digest.jsonout",
    "describe": "stargate_digest.display",
    "format_number": "stargate_digest.display",
    "build_digest": "stargate_digest.pipeline",
    "reconcile": "stargate_digest.reconciliation",
    "Reconciliation": "stargate_digest.reconciliation",
    "Article": "stargate_digest.models",
    "ArticleClaims": "stargate_digest.models",
    "Claim": "stargate_digest.models",
    "ConsistencyCheck": "stargate_digest.models",
    "Digest": "stargate_digest.models",
    "Disagreement": "stargate_digest.models",
    "StargateError": "stargate_digest.errors",
    "InputError": "stargate_digest.errors",
    "ConfigurationError": "stargate_digest.errors",
}

__all__ = [
    "Article",
    "ArticleClaims",
    "Claim",
    "ConfigurationError",
    "ConsistencyCheck",
    "Digest",
    "Disagreement",
    "IngestResult",
    "InputError",
    "Reconciliation",
    "StargateError",
    "__version__",
    "aextract",
    "build_digest",
    "describe",
    "digest_json",
    "extract",
    "format_number",
    "load_articles",
    "reconcile",
    "render",
    "render_html",
    "render_markdown",
]


def _version() -> str:
    """The installed distribution's version: pyproject.toml is its only source."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("stargate-digest")
    except PackageNotFoundError:  # run from a source tree that was never installed
        return "0+unknown"


def __getattr__(name: str) -> Any:
    if name == "__version__":
        return _version()
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'stargate_digest' has no attribute {name!r}")
    return getattr(import_module(module), name)

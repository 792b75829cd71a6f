"""stargate-digest: verified, multilingual digests of news coverage of one story.

The public API is imported lazily (PEP 562) so that the command line starts fast::

    from stargate_digest import load_articles, extract, reconcile, build_digest
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
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
    from stargate_digest.pipeline import build_digest, extract
    from stargate_digest.reconciliation import Reconciliation, reconcile

_EXPORTS = {
    "load_articles": "stargate_digest.ingest",
    "IngestResult": "stargate_digest.ingest",
    "extract": "stargate_digest.pipeline",
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
    "build_digest",
    "extract",
    "load_articles",
    "reconcile",
]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'stargate_digest' has no attribute {name!r}")
    return getattr(import_module(module), name)

"""Where the tool keeps what it caches for a user: one folder, standard library only (the
command line asks for it before any heavy import)."""

from __future__ import annotations

import os
from pathlib import Path


def default_cache_path() -> Path:
    """``$STARGATE_DIGEST_CACHE``, else the user cache dir (``$XDG_CACHE_HOME`` or ~/.cache)."""
    explicit = os.environ.get("STARGATE_DIGEST_CACHE")
    if explicit:
        return Path(explicit).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "stargate-digest" / "cache.sqlite"


def private_file(path: Path) -> bool:
    """Whether the file is this user's and nobody else may write it: a folder named by
    ``$STARGATE_DIGEST_CACHE`` may be shared, and another user's file is not read."""
    info = path.stat()
    getuid = getattr(os, "getuid", None)  # POSIX; elsewhere the folder's ACLs decide
    return getuid is None or (info.st_uid == getuid() and not info.st_mode & 0o022)

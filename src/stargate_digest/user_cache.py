"""Where the tool keeps what it caches for a user: one folder, standard library only (the
command line asks for it before any heavy import)."""

from __future__ import annotations

import marshal
import os
import zlib
from pathlib import Path
from typing import Any


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


def read_store(path: Path) -> Any:
    """What ``write_store`` left in ``path``, or None when the file is missing, damaged
    (its CRC), not the user's own or writable by others (``private_file``): a cache file of
    the command line (compiled_patterns, compiled_code, data_tables) never stops a run, and
    anything unexpected only means building as usual. The caller checks the types it reads.
    """
    try:
        if not private_file(path):
            return None
        blob = path.read_bytes()
        if zlib.crc32(blob[4:]).to_bytes(4, "little") != blob[:4]:
            return None
        return marshal.loads(blob[4:])
    except Exception:
        return None


def write_store(path: Path, value: Any) -> bool:
    """Write ``value`` (marshal's types only) with a CRC of its bytes, owner-only, beside
    ``path`` and renamed over it, so a reader sees the old file or the new one; whether it
    was written. No fsync: a file lost in a crash only means building again (the CRC
    catches a torn one)."""
    from stargate_digest.atomic import write_bytes_atomic  # only when there is news

    try:
        payload = marshal.dumps(value)
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        blob = zlib.crc32(payload).to_bytes(4, "little") + payload
        write_bytes_atomic(path, blob, private=True, sync=False)
    except Exception:  # a folder that cannot be written, a value marshal refuses
        return False
    return True

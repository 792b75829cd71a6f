"""Atomic file writes: a reader sees the old file or the new one, never half of one."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

TEMPORARY_SUFFIX = ".tmp"


def _mode_for(path: Path) -> int:
    """The replaced file's permissions, or what a plain ``open()`` would give a new file."""
    try:
        return path.stat().st_mode & 0o777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def write_text_atomic(path: Path, text: str) -> None:
    """Write to a temporary file in the same folder, fsync, then rename over ``path``.

    mkstemp creates files readable by their owner only; the result gets the permissions
    an ordinary write would have given it, so a web server can still serve a digest.
    """
    write_bytes_atomic(path, text.encode("utf-8"))


def write_bytes_atomic(
    path: Path, data: bytes, *, private: bool = False, sync: bool = True
) -> None:
    """``write_text_atomic`` for bytes. ``private``: keep mkstemp's owner-only permissions
    (a cache another user must not write). ``sync=False`` skips the fsync, for a file
    whose loss in a crash costs nothing but recomputing it."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(
            prefix=f".{path.name}.", suffix=TEMPORARY_SUFFIX, dir=path.parent
        )
    except OSError as exc:  # name the file asked for, not a temporary one
        raise OSError(exc.errno, exc.strerror or str(exc), str(path)) from None
    try:
        if not private:
            os.fchmod(handle, _mode_for(path))
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            if sync:
                stream.flush()
                os.fsync(stream.fileno())
        Path(temporary).replace(path)
    except OSError as exc:
        Path(temporary).unlink(missing_ok=True)
        raise OSError(exc.errno, exc.strerror or str(exc), str(path)) from None
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise

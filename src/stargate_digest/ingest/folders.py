"""The files under a folder, and one error for every entry that is skipped.

``Path.rglob`` drops what it cannot use without a word: an unreadable subfolder, a
symbolic link loop, a dangling link, a FIFO. Here each of those becomes an InputError
naming it, so the command line reports it and exits 1. Hidden files and folders (names
starting with a dot) are skipped on purpose and are not errors.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from stargate_digest.errors import InputError

__all__ = ["folder_entries"]


def folder_entries(folder: Path) -> list[Path | InputError]:
    """Every regular file under ``folder`` (recursively, symbolic links followed), and an
    InputError for each entry that is not one, in path order."""
    found: list[Path | InputError] = []
    _walk(folder, found, set())
    return sorted(found, key=lambda item: item if isinstance(item, Path) else Path(item.source))


def _walk(directory: Path, found: list[Path | InputError], visited: set[tuple[int, int]]) -> None:
    info = directory.stat()
    if (info.st_dev, info.st_ino) in visited:  # only a symbolic link can lead back
        found.append(InputError(str(directory), _LOOP))
        return
    visited.add((info.st_dev, info.st_ino))
    try:
        with os.scandir(directory) as listing:
            names = sorted(entry.name for entry in listing)
    except OSError as exc:
        found.append(InputError(str(directory), f"could not be listed ({_reason(exc)})"))
        return
    for name in names:
        if name.startswith("."):
            continue
        path = directory / name
        try:
            mode = path.stat().st_mode  # follows symbolic links
        except OSError as exc:
            found.append(InputError(str(path), _unusable(path, exc)))
            continue
        if stat.S_ISDIR(mode):
            try:
                _walk(path, found, visited)
            except OSError as exc:
                found.append(InputError(str(path), f"could not be listed ({_reason(exc)})"))
        elif stat.S_ISREG(mode):
            found.append(path)
        else:
            found.append(InputError(str(path), "is not a regular file (a device, socket or pipe)"))


_LOOP = "is a symbolic link back to a folder already read (a loop); skipped"


def _unusable(path: Path, exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "is a symbolic link loop; skipped"
    if isinstance(exc, FileNotFoundError) and path.is_symlink():
        return f"is a broken symbolic link (to {path.readlink()}, which does not exist)"
    return f"could not be read ({_reason(exc)})"


def _reason(exc: OSError) -> str:
    return "permission denied" if isinstance(exc, PermissionError) else exc.strerror or str(exc)

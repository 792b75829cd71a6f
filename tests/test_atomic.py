"""Atomic writes: all or nothing, and the permissions an ordinary write would give."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from stargate_digest.atomic import write_text_atomic


def test_new_file_gets_the_umask_permissions(tmp_path: Path) -> None:
    previous = os.umask(0o022)
    try:
        write_text_atomic(tmp_path / "digest.md", "hello")
    finally:
        os.umask(previous)
    assert (tmp_path / "digest.md").stat().st_mode & 0o777 == 0o644
    assert (tmp_path / "digest.md").read_text("utf-8") == "hello"


def test_replacing_keeps_the_old_permissions(tmp_path: Path) -> None:
    target = tmp_path / "latest.json"
    target.write_text("old", "utf-8")
    target.chmod(0o640)
    write_text_atomic(target, "new")
    assert target.stat().st_mode & 0o777 == 0o640
    assert target.read_text("utf-8") == "new"


def test_a_failed_write_leaves_the_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "latest.md"
    target.write_text("old", "utf-8")

    def broken_fsync(fd: int) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(OSError, match="disk full"):
        write_text_atomic(target, "new")
    assert target.read_text("utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["latest.md"]

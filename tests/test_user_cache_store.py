"""The one file format of the command line's caches (user_cache.read_store/write_store):
what is written is read back, and a damaged, foreign or unwritable file only means None
or False, never an exception."""

from __future__ import annotations

from pathlib import Path

from stargate_digest.user_cache import read_store, write_store


def test_what_is_written_is_read_back_exactly(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "store.marshal"
    value = {"quill": (b"\x00\x01", [1, 2.5, None, True]), ("pattern", 2): "x"}
    assert write_store(path, value)
    assert read_store(path) == value
    assert path.stat().st_mode & 0o777 == 0o600  # owner-only
    assert path.parent.stat().st_mode & 0o777 == 0o700


def test_a_missing_damaged_or_torn_file_reads_as_nothing(tmp_path: Path) -> None:
    path = tmp_path / "store.marshal"
    assert read_store(path) is None
    assert write_store(path, {"k": "a value long enough to damage in its middle"})
    blob = bytearray(path.read_bytes())
    blob[len(blob) // 2] ^= 0xFF
    path.write_bytes(bytes(blob))
    assert read_store(path) is None  # the CRC no longer matches
    path.write_bytes(b"\0\0")
    assert read_store(path) is None


def test_a_file_others_may_write_is_not_read(tmp_path: Path) -> None:
    path = tmp_path / "store.marshal"
    assert write_store(path, [1, 2, 3])
    path.chmod(0o664)
    assert read_store(path) is None
    path.chmod(0o600)
    assert read_store(path) == [1, 2, 3]


def test_what_cannot_be_written_is_reported_not_raised(tmp_path: Path) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    assert not write_store(blocked / "store.marshal", [1])
    assert not write_store(tmp_path / "store.marshal", {1: object()})  # not marshal's type
    assert not (tmp_path / "store.marshal").exists()

"""A command-line process's start-up (issue 12, branch g16s1): patterns joined from a set
are the same text in every process, so that a second run, under another string-hash
seed, compiles and stores nothing; re's cache is widened only in a whole command-line
process; pydantic's plugin scan is skipped there unless the user asked for plugins."""

from __future__ import annotations

import dataclasses
import os
import re
import subprocess
import sys
import tomllib
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT

from stargate_digest import cli_support, compiled_code, compiled_patterns, data_tables
from stargate_digest.quantities import fx
from stargate_digest.quantities.patterns import alternation


def test_an_alternation_orders_words_of_one_length_by_their_text() -> None:
    words = ["plov", "zarkon", "brim", "quell", "zarkons"]
    expected = "zarkons|zarkon|quell|brim|plov"
    assert alternation(words) == expected
    assert alternation(reversed(words)) == expected
    assert alternation(set(words)) == expected


_RUN = """
import re, sys
from stargate_digest import compiled_patterns
saved = []
original = compiled_patterns._save
def counting():
    saved.append(original())
    return saved[-1]
compiled_patterns._save = counting
from stargate_digest.cli import main
sys.argv = ["stargate-digest", "-q", "summarize", {seeds!r}, "--output", {output!r}]
code = main()
print(saved[-1], re._MAXCACHE, file=sys.stderr)
sys.exit(code)
"""


def test_a_second_run_under_another_hash_seed_stores_nothing(tmp_path: Path) -> None:
    """A set's order changes with the string-hash seed of each process: a pattern joined
    from one in that order was compiled and written again on every run. The parsed data
    files (data_tables.py) and dataclasses' methods (compiled_code.py) are not written
    again either."""
    cache = tmp_path / "cache.sqlite"
    env = dict(os.environ, STARGATE_DIGEST_CACHE=str(cache))
    lines, written = [], []
    for seed in ("11", "12"):
        env["PYTHONHASHSEED"] = seed
        script = _RUN.format(seeds=str(ROOT / "seeds"), output=str(tmp_path / "digest.md"))
        done = subprocess.run(
            [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=False
        )
        assert done.returncode == 0, done.stderr[-2000:]
        lines.append(done.stderr.split()[-2:])
        files = sorted(tmp_path.glob("*.marshal"))  # patterns, tables, dataclasses' code
        written.append([file.stat().st_mtime_ns for file in files])
    assert int(lines[0][0]) > 150 and lines[1][0] == "0"
    assert len(written[0]) == 3 and written[0] == written[1]
    assert int(lines[1][1]) >= compiled_patterns.RE_CACHE_SIZE  # widened in the CLI process


def test_a_callers_process_keeps_res_cache_size(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("STARGATE_DIGEST_CACHE", str(tmp_path / "cache.sqlite"))
    size = re._MAXCACHE  # type: ignore[attr-defined]
    from stargate_digest.cli import main

    main(["-q", "summarize", str(ROOT / "seeds"), "--output", str(tmp_path / "d.md")])
    capsys.readouterr()
    assert size == re._MAXCACHE  # type: ignore[attr-defined]


def test_widening_leaves_a_larger_cache_and_a_foreign_re_alone(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(re, "_MAXCACHE", 10_000, raising=False)
    compiled_patterns.widen_re_cache()
    assert re._MAXCACHE == 10_000  # type: ignore[attr-defined]
    monkeypatch.delattr(re, "_MAXCACHE")
    compiled_patterns.widen_re_cache()
    assert not hasattr(re, "_MAXCACHE")


def test_a_pattern_whose_text_changes_with_each_process_is_not_stored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tokenize

    monkeypatch.setenv("STARGATE_DIGEST_CACHE", str(tmp_path / "cache.sqlite"))
    monkeypatch.setattr(compiled_patterns, "_stored", {})
    monkeypatch.setattr(tokenize, "PseudoToken", r"(?:glorp|snerk)\d+")
    re.compile(tokenize.PseudoToken, re.UNICODE)
    re.compile(r"(?:blimp|frond)\d+")
    compiled_patterns.save()
    compiled_patterns._stored.clear()
    compiled_patterns.load()
    assert (r"(?:blimp|frond)\d+", 0) in compiled_patterns._stored
    assert (r"(?:glorp|snerk)\d+", re.UNICODE) not in compiled_patterns._stored


def test_pydantic_plugins_are_skipped_unless_the_user_set_the_variable(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("PYDANTIC_DISABLE_PLUGINS", raising=False)
    cli_support.quiet_pydantic_plugins()
    assert os.environ["PYDANTIC_DISABLE_PLUGINS"] == "__all__"
    monkeypatch.setenv("PYDANTIC_DISABLE_PLUGINS", "")  # the user wants every plugin
    cli_support.quiet_pydantic_plugins()
    assert os.environ["PYDANTIC_DISABLE_PLUGINS"] == ""


def _invented_table(source: bytes) -> dict[str, Any]:
    words = source.decode().split()
    return {"words": words, "lengths": [len(w) for w in words], "ratio": 0.5, "none": None}


@pytest.fixture
def own_tables(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A cache folder of this test's own, and no table built yet."""
    monkeypatch.setenv("STARGATE_DIGEST_CACHE", str(tmp_path / "cache.sqlite"))
    monkeypatch.setattr(data_tables, "_built", {})
    monkeypatch.setattr(data_tables, "_fresh", set())
    return tmp_path


@pytest.mark.usefixtures("own_tables")
def test_a_table_is_built_once_and_each_caller_gets_a_copy_of_its_own() -> None:
    calls: list[bytes] = []

    def build(source: bytes) -> dict[str, Any]:
        calls.append(source)
        return _invented_table(source)

    first = data_tables.table("t", b"quorp zindle", build)
    first["words"].append("mangled")
    second = data_tables.table("t", b"quorp zindle", build)
    assert second == _invented_table(b"quorp zindle") and len(calls) == 1
    assert data_tables.table("t", b"quorp zandle", build)["words"] == ["quorp", "zandle"]
    assert len(calls) == 2  # another source: built again


@pytest.mark.usefixtures("own_tables")
def test_a_value_marshal_cannot_write_is_built_every_time() -> None:
    calls: list[bytes] = []

    def build(source: bytes) -> dict[str, date]:
        calls.append(source)
        return {"day": date(2031, 4, 4)}

    assert data_tables.table("d", b"x", build) == data_tables.table("d", b"x", build)
    assert len(calls) == 2
    assert data_tables.save() == 0


def test_tables_come_back_from_the_file_and_a_bad_file_is_ignored(own_tables: Path) -> None:
    data_tables.table("t", b"blorb fennick", _invented_table)
    assert data_tables.save() == 1
    assert data_tables.save() == 0  # nothing new
    data_tables._built.clear()
    assert data_tables.load() == 1
    built = data_tables._built["t"]
    data_tables._fresh.clear()
    assert data_tables.table("t", b"blorb fennick", _invented_table)["words"][1] == "fennick"
    assert not data_tables._fresh  # read, not built
    path = data_tables.store_path()
    blob = bytearray(path.read_bytes())
    blob[len(blob) // 2] ^= 0xFF
    path.write_bytes(bytes(blob))
    data_tables._built.clear()
    assert data_tables.load() == 0
    path.write_bytes(b"\0\0\0\0" + b"x")
    assert data_tables.load() == 0
    data_tables._built["t"] = built
    data_tables._fresh.add("t")
    data_tables.save()
    path.chmod(0o666)
    data_tables._built.clear()
    assert data_tables.load() == 0  # others may write it: not read


def test_a_bundled_toml_file_parses_as_tomllib_parses_it() -> None:
    from importlib import resources

    raw = resources.files("stargate_digest.data").joinpath("units.toml").read_text("utf-8")
    assert data_tables.bundled_toml("units.toml") == tomllib.loads(raw)
    assert data_tables.bundled_toml("units.toml") is not data_tables.bundled_toml("units.toml")


def test_each_currencys_first_and_last_day_are_those_a_scan_finds() -> None:
    days = fx._days()
    for code in (c for c in fx._header()[1:] if c):
        column = fx._column(code)
        first = next(day for day in days if fx._has_rate(day, column))
        last = next(day for day in reversed(days) if fx._has_rate(day, column))
        assert fx._bounds(code) == (date.fromisoformat(first), date.fromisoformat(last))


@pytest.fixture
def own_code(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A cache folder of this test's own, no code compiled yet, and dataclasses given its
    builtin exec back afterwards."""
    monkeypatch.setenv("STARGATE_DIGEST_CACHE", str(tmp_path / "cache.sqlite"))
    monkeypatch.setattr(compiled_code, "_codes", {})
    monkeypatch.setattr(compiled_code, "_fresh", set())
    yield tmp_path
    compiled_code.uninstall()


def _invented_class() -> Any:
    @dataclasses.dataclass(frozen=True, slots=True, order=True)
    class Flonk:
        """An invented record."""

        girth: int
        hue: str = "teal"
        tags: tuple[str, ...] = ()

    return Flonk


def test_a_dataclass_made_with_stored_code_behaves_as_one_compiled(own_code: Path) -> None:
    plain = _invented_class()
    assert compiled_code.install()
    fresh = _invented_class()  # compiled here, and kept
    assert compiled_code.save() > 0
    compiled_code.uninstall()
    compiled_code._codes.clear()
    assert compiled_code.install()  # reads the file
    stored = _invented_class()
    assert not compiled_code._fresh  # every method came from the file
    for made in (fresh, stored):
        one, two = made(3, tags=("a",)), made(2)
        assert repr(one) == repr(plain(3, tags=("a",)))
        assert repr(one).endswith("Flonk(girth=3, hue='teal', tags=('a',))")
        assert one == made(3, "teal", ("a",)) and hash(one) == hash(made(3, "teal", ("a",)))
        assert sorted([one, two]) == [two, one]
        with pytest.raises(dataclasses.FrozenInstanceError):
            one.girth = 4
    assert compiled_code.save() == 0  # nothing new to store


def test_a_damaged_or_foreign_code_file_only_means_compiling(own_code: Path) -> None:
    compiled_code.install()
    _invented_class()
    compiled_code.save()
    compiled_code.uninstall()
    path = compiled_code.store_path()
    blob = bytearray(path.read_bytes())
    blob[len(blob) // 2] ^= 0xFF
    path.write_bytes(bytes(blob))
    compiled_code._codes.clear()
    assert compiled_code._load() == 0
    path.write_bytes(b"\0\0\0\0")
    assert compiled_code._load() == 0
    compiled_code._codes.clear()
    compiled_code.install()
    made = _invented_class()
    assert made(1) == made(1, "teal", ())
    compiled_code._fresh.add("x")
    compiled_code.save()
    compiled_code.uninstall()
    path.chmod(0o666)
    compiled_code._codes.clear()
    assert compiled_code._load() == 0  # others may write it: not read


def test_exec_without_namespaces_still_runs_in_its_callers(own_code: Path) -> None:
    compiled_code.install()
    namespace: dict[str, Any] = {}
    compiled_code._exec("zibble = 7", namespace)
    assert namespace["zibble"] == 7
    compiled_code._exec(b"zabble = 8", namespace, namespace)
    assert namespace["zabble"] == 8


def test_a_callers_main_leaves_dataclasses_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("STARGATE_DIGEST_CACHE", str(tmp_path / "cache.sqlite"))
    from stargate_digest.cli import main

    with pytest.raises(SystemExit):
        main(["summarize", "--help"])
    capsys.readouterr()
    assert "exec" not in vars(dataclasses)
    assert not list(tmp_path.glob("code-*.marshal"))


_COLLECTING = """
import gc, sys
from stargate_digest import cli
seen = []
from stargate_digest import pipeline
real_extract = pipeline.extract
def watching(*args, **kwargs):
    seen.append(gc.isenabled())  # while articles are read: collecting
    return real_extract(*args, **kwargs)
pipeline.extract = watching
sys.argv = ["stargate-digest", "-q", {command!r}, {seeds!r}, "--output", {output!r}]
code = cli.main()
print(seen, gc.isenabled(), file=sys.stderr)
sys.exit(code)
"""


@pytest.mark.parametrize("command", ["summarize", "extract"])
def test_a_command_line_run_collects_garbage_once_its_imports_are_done(
    tmp_path: Path, command: str
) -> None:
    env = dict(os.environ, STARGATE_DIGEST_CACHE=str(tmp_path / "cache.sqlite"))
    script = _COLLECTING.format(
        command=command, seeds=str(ROOT / "seeds"), output=str(tmp_path / "out.json")
    )
    done = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stderr.split("\n")[-2] == "[True] True"


def test_a_callers_collector_setting_is_left_alone() -> None:
    import argparse
    import gc

    gc.disable()
    try:
        cli_support.release_collector(argparse.Namespace(whole_process=False))
        cli_support.freeze_imports(argparse.Namespace(whole_process=False))
        assert not gc.isenabled()
    finally:
        gc.enable()

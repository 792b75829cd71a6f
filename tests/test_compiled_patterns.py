"""Compiled regexes kept between command-line runs (compiled_patterns.py): a stored
pattern is the pattern ``re`` compiles, a damaged file is ignored, and a second run of
``summarize`` compiles nothing while writing the same digest."""

from __future__ import annotations

import _sre  # type: ignore[import-not-found]  # no stubs: the C half of re
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

from stargate_digest import compiled_patterns

# Invented patterns with what a stored form must carry: named groups and back-references,
# inline and given flags, lookbehinds, classes over the CJK blocks, bytes.
PATTERNS: list[tuple[str | bytes, int]] = [
    (r"(?P<y>\d{4})-(?P<m>\d\d)(?P=m)?", 0),
    (r"(?<![^\W\d_\u3040-\u30ff\u4e00-\u9fff])(?i:zorbles?|quintar)", 0),
    (r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]{1,6}", 0),
    (r"^\s*glimmer (?:of|from) (\w+)$", re.IGNORECASE | re.MULTILINE),
    (r"(?x) \A (?P<sign>[-+]?) \d+ # a comment", 0),
    (rb"\x00[\x01-\x7f]+", 0),
]
SENTENCES = [
    "2031-0404 Zorbles from 三百 quintar",
    "  glimmer of Vantor\nGLIMMER FROM xylo",
    "-42 zorble ひらがな 가나다",
]


# ids by position: pytest's id of a bytes parameter breaks the mutation run's
# unescaped-ids option (pyproject's [tool.mutmut]), and the ids say nothing anyway
@pytest.mark.parametrize(
    ("pattern", "flags"), PATTERNS, ids=[f"pattern{n}" for n in range(len(PATTERNS))]
)
def test_a_stored_form_builds_the_pattern_re_compiles(pattern: str | bytes, flags: int) -> None:
    form = compiled_patterns._compiled_form(pattern, flags)
    rebuilt = _sre.compile(pattern, *form)
    compiled = re.compile(pattern, flags)
    assert rebuilt == compiled  # flags, text and code
    assert rebuilt.groupindex == compiled.groupindex and rebuilt.groups == compiled.groups
    for sentence in SENTENCES:
        text: str | bytes = sentence.encode() if isinstance(pattern, bytes) else sentence
        found = [m.span() for m in rebuilt.finditer(text)]
        assert found == [m.span() for m in compiled.finditer(text)]  # type: ignore[arg-type]


def _forget(pattern: str, flags: int) -> None:
    compiled_patterns._stored.clear()
    re._cache.pop((str, pattern, flags), None)  # type: ignore[attr-defined]


@pytest.fixture
def own_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A cache folder of this test's own, and nothing read from a store yet."""
    monkeypatch.setenv("STARGATE_DIGEST_CACHE", str(tmp_path / "cache.sqlite"))
    monkeypatch.setattr(compiled_patterns, "_stored", {})


def _stored_file(pattern: str) -> Path:
    """Compile ``pattern``, store what was compiled, and forget it again."""
    re.compile(pattern)
    compiled_patterns.save()
    path = compiled_patterns.store_path()
    assert path is not None and path.exists()
    _forget(pattern, 0)
    return path


@pytest.mark.usefixtures("own_store")
def test_stored_patterns_come_back_from_the_file() -> None:
    pattern = r"(?<!\w)(?i:plinth|obelisk)s?\s+of\s+(?P<n>\d+)"
    re.compile(pattern)
    assert compiled_patterns.save() >= 1
    _forget(pattern, 0)
    assert compiled_patterns.load() >= 1
    loaded = re._cache[str, pattern, 0]  # type: ignore[attr-defined]
    assert re.compile(pattern) is loaded  # re finds it instead of compiling
    assert loaded.search("two Obelisks of 40 m")["n"] == "40"  # type: ignore[index]


@pytest.mark.usefixtures("own_store")
def test_a_damaged_or_foreign_file_only_means_compiling() -> None:
    pattern = r"(?:wibble|wobble)-(\d+)"
    path = _stored_file(pattern)
    blob = bytearray(path.read_bytes())
    blob[len(blob) // 2] ^= 0xFF
    path.write_bytes(bytes(blob))
    assert compiled_patterns.load() == 0
    assert (str, pattern, 0) not in re._cache  # type: ignore[attr-defined]
    path.write_bytes(b"not a marshalled table")
    assert compiled_patterns.load() == 0
    assert re.compile(pattern).findall("wibble-7 wobble-8") == ["7", "8"]


def test_a_callers_main_leaves_its_regex_cache_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("STARGATE_DIGEST_CACHE", str(tmp_path / "cache.sqlite"))
    from stargate_digest.cli import main

    with pytest.raises(SystemExit):
        main(["summarize", "--help"])
    capsys.readouterr()
    path = compiled_patterns.store_path()
    assert path is not None and not path.exists()


_RUN = """
import re, sys
from re import _compiler
compiled = []
original = _compiler.compile
def counting(pattern, flags=0):
    compiled.append(pattern)
    return original(pattern, flags)
_compiler.compile = counting
from stargate_digest.cli import main
sys.argv = ["stargate-digest", "-q", "summarize", {seeds!r}, "--format", "json",
            "--output", {output!r}]
code = main()
print(len(compiled), file=sys.stderr)
sys.exit(code)
"""


def test_a_second_run_compiles_no_pattern_and_writes_the_same_digest(tmp_path: Path) -> None:
    """What makes `summarize seeds/` about a third cheaper in instructions: nothing is
    compiled again (docs/benchmarks.md)."""
    env = dict(os.environ, STARGATE_DIGEST_CACHE=str(tmp_path / "cache.sqlite"))
    env["PYTHONHASHSEED"] = "0"  # some libraries join a set into a pattern
    counts, digests = [], []
    for run in ("cold", "warm"):
        output = tmp_path / f"{run}.json"
        script = _RUN.format(seeds=str(ROOT / "seeds"), output=str(output))
        done = subprocess.run(
            [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=False
        )
        assert done.returncode == 0, done.stderr[-2000:]
        counts.append(int(done.stderr.split()[-1]))
        digest = json.loads(output.read_text("utf-8"))
        digest.pop("generated_at")
        digests.append(digest)
    # The second run still compiles what the interpreter imports before main() (about a
    # dozen standard-library patterns) and what redaction keeps out of the file.
    assert counts[0] > 150 and counts[1] < 20
    assert digests[0] == digests[1]


def test_summarize_on_the_rules_backend_imports_nothing_it_does_not_use(tmp_path: Path) -> None:
    """The imports a `summarize` of local files spares (docs/benchmarks.md, p12i): babel
    (English figures are written by display.py), the LLM backend's settings, clients and
    tokenizer, and the libraries of inputs the seeds do not have."""
    script = (
        "import sys\n"
        "from stargate_digest.cli import main\n"
        f"main(['-q', 'summarize', {str(ROOT / 'seeds')!r}, '--output', "
        f"{str(tmp_path / 'digest.md')!r}])\n"
        "print(' '.join(sorted(sys.modules)))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=True
    )
    loaded = set(done.stdout.split())
    spared = {"babel", "difflib", "concurrent.futures", "openai", "httpx2", "tiktoken",
              "trafilatura", "dateparser", "feedparser", "markdown_it", "currency_converter",
              "charset_normalizer", "tenacity", "argcomplete", "num2words", "py3langid",
              "sqlite3", "stargate_digest.extractors.llm_settings",
              "stargate_digest.store"}  # fmt: skip
    assert "stargate_digest.digest.markdown" in loaded  # the run did happen
    assert not loaded & spared


@pytest.mark.usefixtures("own_store")
def test_a_file_others_may_write_is_not_read() -> None:
    path = _stored_file(r"(?:quux|quuz)=(\d+)")
    path.chmod(0o666)
    assert compiled_patterns.load() == 0
    path.chmod(0o600)
    assert compiled_patterns.load() >= 1


@pytest.mark.usefixtures("own_store")
def test_when_res_internals_are_not_what_they_were_nothing_is_stored_and_nothing_fails(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    re.compile(r"(?:frob|nitz)+\d")

    def moved(pattern: str | bytes, flags: int) -> object:
        raise AttributeError("module 're._compiler' has no attribute '_code'")

    monkeypatch.setattr(compiled_patterns, "_compiled_form", moved)
    assert compiled_patterns.save() == 0
    odd_keys = {("a", "key", "of", "another", "shape"): re.compile("x")}
    monkeypatch.setattr(compiled_patterns, "_re_cache", lambda: odd_keys)
    assert compiled_patterns.save() == 0
    path = compiled_patterns.store_path()
    assert path is not None and not path.exists()

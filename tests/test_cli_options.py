"""Command-line conveniences: the format from -o's extension, a folder as -o, '-' for
standard input, -q, global options on either side of the command, shell completion."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from stargate_digest.cli import main

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_1b5d983547bd3de6.txt"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.mark.parametrize(
    ("command", "name", "starts"),
    [
        ("summarize", "digest.html", "<!DOCTYPE html>"),
        ("summarize", "digest.JSON", "{"),
        ("summarize", "digest.md", "# Digest"),
        ("summarize", "digest.out", "# Digest"),  # an unknown extension: the default
        ("extract", "claims.jsonl", '{"schema_version"'),
        ("ingest", "table.json", "["),
    ],
)
def test_the_output_extension_picks_the_format(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, command: str, name: str, starts: str
) -> None:
    target = tmp_path / name
    extra = ["--backend", "rules"] if command != "ingest" else []
    code, out, _ = run(capsys, command, str(SEED), *extra, "-o", str(target))
    assert code == 0 and out == ""
    assert target.read_text("utf-8").startswith(starts)


def test_an_explicit_format_wins_over_the_extension(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "digest.html"
    run(capsys, "summarize", str(SEED), "--backend", "rules", "--format", "json", "-o", str(target))
    json.loads(target.read_text("utf-8"))


def test_an_output_folder_is_one_clear_sentence(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, err = run(capsys, "summarize", str(SEED), "--backend", "rules", "-o", str(tmp_path))
    assert code == 2 and out == ""
    assert err.splitlines() == [
        f"stargate-digest: error: --output {tmp_path} is a folder; name a file in it, such as "
        f"{tmp_path / 'digest.md'}"
    ]


def test_a_dash_reads_an_article_from_standard_input(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(SEED.read_bytes())))
    code, out, _ = run(capsys, "extract", "-", str(SEED), "--backend", "rules")
    assert code == 0
    articles = json.loads(out)["articles"]
    assert [a["id"] for a in articles] == [SEED.stem, "stdin"]
    assert articles[0]["claims"] and len(articles[1]["claims"]) == len(articles[0]["claims"])


def test_an_empty_standard_input_is_named(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"")))
    code, _, err = run(capsys, "summarize", "-", "--backend", "rules")
    assert code == 2
    assert "stargate-digest: error: standard input" in err


@pytest.mark.parametrize("where", ["before", "after"])
def test_global_options_go_before_or_after_the_command(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, where: str
) -> None:
    target = tmp_path / "d.md"
    command = ["summarize", str(SEED), "--backend", "rules", "-o", str(target)]
    argv = ["-v", *command] if where == "before" else [*command, "-v"]
    code, _, err = run(capsys, *argv)
    assert code == 0
    assert f"stargate-digest: wrote {target}" in err  # an info line: -v took effect


@pytest.mark.parametrize("where", ["before", "after"])
def test_quiet_leaves_only_errors(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, where: str
) -> None:
    missing = tmp_path / "missing.txt"
    command = [
        "summarize",
        str(SEED),
        str(missing),
        "--backend",
        "rules",
        "-o",
        str(tmp_path / "d"),
    ]
    argv = ["-q", *command] if where == "before" else [*command, "--quiet"]
    code, out, err = run(capsys, *argv)
    assert code == 1 and out == ""
    assert err.splitlines() == [f"stargate-digest: error: {missing}: no such file or directory"]


def _complete(line: str) -> list[str]:
    """What the shell's completion would offer after ``line`` (argcomplete's protocol)."""
    env = {**os.environ, "_ARGCOMPLETE": "1", "COMP_LINE": line, "COMP_POINT": str(len(line)),
           "_ARGCOMPLETE_IFS": "\n"}  # fmt: skip
    script = "import sys; from stargate_digest.cli import main; sys.exit(main())"
    done = subprocess.run(
        ["bash", "-c", f'"{sys.executable}" -c "{script}" 8>&1 9>/dev/null'],
        env=env, capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    return done.stdout.split()


def test_shell_completion_offers_commands_options_and_formats() -> None:
    assert _complete("stargate-digest summ") == ["summarize"]
    assert "--format" in _complete("stargate-digest summarize --for")
    assert _complete("stargate-digest summarize --format ") == ["markdown", "json", "html"]


def test_help_imports_nothing_heavy() -> None:
    """--help stays fast (about 50 ms, docs/benchmarks.md) because it imports no library."""
    script = (
        "import sys, contextlib, io\n"
        "from stargate_digest.cli import main\n"
        "with contextlib.suppress(SystemExit), contextlib.redirect_stdout(io.StringIO()):\n"
        "    main(['summarize', '--help'])\n"
        "print(' '.join(sorted(sys.modules)))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=60, check=True)  # fmt: skip
    loaded = set(done.stdout.split())
    heavy = {"argcomplete", "jinja2", "babel", "httpx2", "openai", "pydantic", "markdown_it",
             "trafilatura", "lxml", "tiktoken", "dateparser"}  # fmt: skip
    assert not loaded & heavy


def test_when_every_llm_extraction_fails_the_digest_does_not_say_the_sources_agree(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from fake_openai import FakeOpenAI, Reply, error

    monkeypatch.setenv("OPENAI_API_KEY", "sk-test")

    def refuse(request: dict[str, object]) -> Reply:
        return error(404, "The model `gpt-4o-mini` does not exist")

    with FakeOpenAI(refuse) as fake:
        code, out, _ = run(
            capsys, "summarize", str(ROOT / "seeds"), "--backend", "openai",
            "--base-url", fake.base_url, "--max-retries", "0", "--no-cache", "--format", "json",
        )  # fmt: skip
    assert code == 1
    digest = json.loads(out)
    assert "agree" not in digest["summary"]
    assert digest["summary"].startswith("No verified figures to compare")
    assert len(digest["errors"]) == 5


def test_quiet_drops_the_offline_backend_note_but_never_the_paid_api_warning(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    monkeypatch.delenv("STARGATE_DIGEST_BACKEND", raising=False)
    code, _, err = run(capsys, "-q", "summarize", str(SEED), "-o", str(tmp_path / "d.md"))
    assert code == 0 and err == ""
    from fake_openai import FakeOpenAI, Reply, error

    def refuse(request: dict[str, object]) -> Reply:
        return error(404, "The model `gpt-4o-mini` does not exist")

    monkeypatch.setenv("OPENAI_API_KEY", "sk-test")
    with FakeOpenAI(refuse) as fake:
        _, _, err = run(
            capsys, "-q", "extract", str(SEED), "--base-url", fake.base_url,
            "--max-retries", "0", "--no-cache",
        )  # fmt: skip
    assert "backend: openai (OPENAI_API_KEY is set); to stay offline" in err

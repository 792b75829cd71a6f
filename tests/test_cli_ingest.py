"""``stargate-digest ingest``: output formats, verbosity, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import LoopbackServer

from stargate_digest.cli import main


def test_table_lists_every_article_with_kept_and_dropped(
    seeds_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["ingest", str(seeds_dir)]) == 0
    captured = capsys.readouterr()
    assert captured.err == ""
    blocks = captured.out.strip().split("\n\n")
    assert [block.split("\n", 1)[0] for block in blocks] == [
        "000_1b5d983547bd3de6",
        "001_5e437569caf3535e",
        "002_d05d0dc7a2d9e548",
        "003_9a97e82553ffe0b8",
        "004_6d60c11ca3f3fe1a",
    ]
    assert "published: 2025-01-23T10:06:28+00:00" in blocks[0]
    assert "language:  fr" in blocks[4]
    assert "dropped:   0 chars in 0 lines" not in blocks[4]


def test_fixture_folder_reads_cleanly(
    fixtures_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Every format at once, no warning from any library on stderr."""
    assert main(["ingest", str(fixtures_dir), "--format", "json"]) == 0
    captured = capsys.readouterr()
    assert captured.err == ""
    rows = json.loads(captured.out)
    assert {row["format"] for row in rows} == {"html", "feed", "wordpress", "markdown"}
    assert len({row["id"] for row in rows}) == len(rows) == 8


def test_verbose_counts_and_debug_lines(
    seeds_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed = str(seeds_dir / "004_6d60c11ca3f3fe1a.txt")
    assert main(["ingest", seed, "-v"]) == 0
    err = capsys.readouterr().err
    assert "004_6d60c11ca3f3fe1a: dropped" in err and "lines of boilerplate" in err
    assert "OPPO" not in err
    assert main(["ingest", seed, "-vv"]) == 0
    err = capsys.readouterr().err
    assert "dropped: VIDÉOS SPONSORISÉES" in err
    assert "dropped: Date:" in err


def test_output_file_written_and_stdout_empty(
    seeds_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "sub" / "articles.json"
    out.parent.mkdir()
    assert (
        main(
            [
                "ingest",
                str(seeds_dir / "000_1b5d983547bd3de6.txt"),
                "--format",
                "json",
                "-o",
                str(out),
            ]
        )
        == 0
    )
    assert capsys.readouterr().out == ""
    (row,) = json.loads(out.read_text("utf-8"))
    assert row["title"].startswith("Stargate Project Takes Off")
    assert row["chars_kept"] > 2000


def test_url_input(http_server: LoopbackServer, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ingest", http_server.url("page.html"), "--format", "json"]) == 0
    (row,) = json.loads(capsys.readouterr().out)
    assert row["id"] == "page"
    assert row["language"] == "de"


def test_mixed_good_and_bad_inputs_exit_1_and_report_each(
    seeds_dir: Path, tmp_path: Path, http_server: LoopbackServer, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty.txt"
    empty.touch()
    code = main(
        [
            "ingest",
            str(empty),
            str(seeds_dir),
            str(tmp_path / "missing"),
            http_server.url("gone"),
            "--format",
            "json",
        ]
    )
    captured = capsys.readouterr()
    assert code == 1
    assert len(json.loads(captured.out)) == 5
    errors = captured.err.splitlines()
    assert len(errors) == 3
    assert errors[0] == f"stargate-digest: error: {empty}: is empty"
    assert errors[1] == f"stargate-digest: error: {tmp_path / 'missing'}: no such file or directory"
    assert errors[2].endswith("/gone: answered HTTP 404 Not Found")


def test_no_inputs_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["ingest"])
    assert exit_info.value.code == 2
    assert "Traceback" not in capsys.readouterr().err

"""`extract` and `summarize` through the command line: the JSON contracts of DESIGN.md §5."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from stargate_digest.cli import main
from stargate_digest.models import SCHEMA_VERSION

ROOT = Path(__file__).resolve().parent.parent
SEEDS = str(ROOT / "seeds")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_extract_json_contract(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "extract", SEEDS, "--backend", "rules", "--format", "json")
    assert code == 0
    payload = json.loads(out)
    assert payload["schema_version"] == SCHEMA_VERSION
    articles = payload["articles"]
    assert [a["id"] for a in articles] == sorted(p.stem for p in (ROOT / "seeds").iterdir())
    for article in articles:
        assert "text" not in article
        assert {"id", "title", "url", "published", "language", "content_hash", "claims"} <= set(
            article
        )
    by_id = {a["id"][:3]: a for a in articles}
    yen = [c for c in by_id["000"]["claims"] if c["unit"] == "XXX"]
    assert yen and yen[0]["quote"].count("¥5.94 trillion") == 1
    for claim in by_id["004"]["claims"]:
        assert {
            "id",
            "source_id",
            "subject",
            "metric",
            "value",
            "unit",
            "quote",
            "start",
            "end",
        } <= set(claim)


def test_extract_quotes_match_the_ingested_text(capsys: pytest.CaptureFixture[str]) -> None:
    _, extracted, _ = run(capsys, "extract", SEEDS, "--format", "json")
    _, ingested, _ = run(capsys, "ingest", SEEDS, "--format", "json")
    from stargate_digest import load_articles

    texts = {a.id: a.text for a in load_articles([SEEDS]).articles}
    assert {a["id"] for a in json.loads(ingested)} == set(texts)
    for article in json.loads(extracted)["articles"]:
        for claim in article["claims"]:
            assert texts[article["id"]][claim["start"] : claim["end"]] == claim["quote"]


def test_extract_jsonl_has_one_article_a_line(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "extract", SEEDS, "--format", "jsonl")
    lines = out.splitlines()
    assert code == 0 and len(lines) == 5
    assert all(json.loads(line)["schema_version"] == SCHEMA_VERSION for line in lines)


def test_summarize_json_contract(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "digest.json"
    code, out, _ = run(capsys, "summarize", SEEDS, "--format", "json", "--output", str(target))
    assert code == 0 and out == ""
    digest = json.loads(target.read_text("utf-8"))
    for field in (
        "schema_version",
        "generated_at",
        "backend",
        "sources",
        "claims",
        "disagreements",
        "consistency_checks",
        "summary",
    ):
        assert field in digest
    assert digest["backend"] == "rules"
    assert len(digest["sources"]) == 5
    assert all("text" not in source for source in digest["sources"])


def test_summarize_markdown_names_figures_and_sources(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "summarize", SEEDS)
    assert code == 0
    head = out.split("## Key figures")[0]
    assert "## Disagreements" in head and "HIGH: Stargate, total investment" in head
    for figure in ("$500 billion", "$38 billion", "$4 trillion", "January 22", "January 23"):
        assert figure in head
    assert "aicritique.org, 2025-01-23, en" in head  # a source by outlet, date, language
    assert len(head.splitlines()) <= 40, "the key findings should fit on one screen"


def test_partial_failure_still_writes_output(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    missing = tmp_path / "missing.txt"
    target = tmp_path / "out.json"
    code, _, err = run(capsys, "extract", SEEDS, str(missing), "--output", str(target))
    assert code == 1
    assert f"{missing}: no such file or directory" in err
    assert len(json.loads(target.read_text("utf-8"))["articles"]) == 5


def test_python_m_entry_point_has_the_same_commands() -> None:
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-m", "stargate_digest", "--help"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0
    for command in ("ingest", "extract", "summarize"):
        assert command in result.stdout


def test_summarize_html_writes_a_standalone_page(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "digest.html"
    code, _, err = run(capsys, "summarize", SEEDS, "--format", "html", "--output", str(target))
    page = target.read_text("utf-8")
    assert code == 0 and page.startswith("<!DOCTYPE html>")
    assert "$38 billion" in page and "$4 trillion" in page
    assert "\r" not in err, "no progress bar when stderr is not a terminal"


def test_a_failed_input_is_listed_once_in_the_digest(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", "utf-8")
    target = tmp_path / "digest.json"
    code, _, _ = run(capsys, "summarize", SEEDS, str(empty), "--format", "json", "-o", str(target))
    errors = json.loads(target.read_text("utf-8"))["errors"]
    assert code == 1
    assert errors == [f"{empty}: is empty"]

"""The five seed documents ingest with the right metadata and clean text (issue: Done when)."""

from __future__ import annotations

import json
import logging
import shutil
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from stargate_digest.ingest import load_articles
from stargate_digest.models import Article

S000, S001, S002, S003, S004 = (
    "000_1b5d983547bd3de6",
    "001_5e437569caf3535e",
    "002_d05d0dc7a2d9e548",
    "003_9a97e82553ffe0b8",
    "004_6d60c11ca3f3fe1a",
)
TRAILING_FURNITURE = ("OPPO", "Samsung", "ESET", "Tunisie Telecom", "SPONSORIS", "Partager")


@pytest.fixture(scope="module")
def seeds() -> dict[str, Article]:
    result = load_articles([Path(__file__).resolve().parent.parent / "seeds"])
    assert result.errors == []
    return {article.id: article for article in result.articles}


def _first_line(seed: str) -> str:
    path = Path(__file__).resolve().parent.parent / "seeds" / f"{seed}.txt"
    return path.read_text("utf-8").split("\n", 1)[0].strip()


def test_ids_are_the_file_names_without_extension(seeds: dict[str, Article]) -> None:
    assert sorted(seeds) == [S000, S001, S002, S003, S004]


def test_titles(seeds: dict[str, Article]) -> None:
    assert (
        seeds[S000].title
        == "Stargate Project Takes Off: A Groundbreaking AI Infrastructure Initiative"
    )
    title_001 = seeds[S001].title
    assert title_001 is not None
    assert title_001 == _first_line(S001)
    assert title_001.endswith("$500 billion investment in AI infrastructure")
    # 002 and 003 open with a full sentence, not a title.
    assert seeds[S002].title is None
    assert seeds[S003].title is None
    assert seeds[S004].title == _first_line(S004)
    assert seeds[S004].title == (
        "OpenAI et SoftBank investissent massivement dans les infrastructures IA avec le "
        "projet Stargate"
    )


def test_url_and_published_time(seeds: dict[str, Article]) -> None:
    wp = seeds[S000]
    assert wp.url == (
        "https://www.aicritique.org/us/2025/01/23/"
        "stargate-project-takes-off-a-groundbreaking-ai-infrastructure-initiative/"
    )
    # date_gmt (10:06:28 UTC), not the site-local `date` (19:06:28, UTC+9).
    assert wp.published == datetime(2025, 1, 23, 10, 6, 28, tzinfo=UTC)
    assert wp.published is not None
    assert wp.published.utcoffset() is not None
    for seed in (S001, S002, S003, S004):
        assert seeds[seed].published is None
        assert seeds[seed].url is None


def test_languages(seeds: dict[str, Article]) -> None:
    languages = [seeds[s].language for s in (S000, S001, S002, S003, S004)]
    assert languages == ["en", "en", "de", "en", "fr"]


def test_formats_detected_from_content(seeds: dict[str, Article]) -> None:
    assert seeds[S000].format == "wordpress"
    assert {seeds[s].format for s in (S001, S002, S003, S004)} == {"text"}


def test_wordpress_text_is_the_rendered_content_without_markup(seeds: dict[str, Article]) -> None:
    text = seeds[S000].text
    assert text.startswith("On January 23, 2025, global technology leader SoftBank Group")
    assert "“Stargate,”" in text  # &#8220; / &#8221; decoded
    assert "approximately ¥5.94 trillion" in text  # \u00a5 decoded
    assert "<" not in text and "&#" not in text
    assert "wp-json" not in text and "1378" not in text  # no JSON metadata


def test_no_trailing_sponsored_or_related_blocks_in_004(seeds: dict[str, Article]) -> None:
    text = seeds[S004].text
    for marker in TRAILING_FURNITURE:
        assert marker not in text, marker
    assert "A lire également" not in text
    # The article itself is intact up to its last sentence.
    assert "19 milliards de dollars chacun" in text
    assert text.endswith("à l’avant-garde de l’innovation.")
    # The empty "Date:" label is gone.
    assert "Date:" not in text


def test_no_disclaimer_in_any_text(seeds: dict[str, Article]) -> None:
    for article in seeds.values():
        assert "Disclaimer" not in article.text, article.id
    assert seeds[S001].text.endswith("benefit all of humanity.")


def test_001_repeated_title_lines_dropped_but_body_kept(seeds: dict[str, Article]) -> None:
    article = seeds[S001]
    assert article.title is not None
    assert article.title not in article.text
    assert article.text.startswith("Recently, tech giant OpenAI, along with SoftBank")
    # The body sentence that the title-glued teaser line repeated is still there, once.
    assert article.text.count("Officially unveiled on January 22nd") == 1
    assert "$500 billion (approximately 3.6 trillion)" in article.text


def test_002_and_003_keep_every_line(seeds: dict[str, Article]) -> None:
    for seed in (S002, S003):
        path = Path(__file__).resolve().parent.parent / "seeds" / f"{seed}.txt"
        lines = [line.strip() for line in path.read_text("utf-8").splitlines() if line.strip()]
        assert seeds[seed].text.split("\n\n") == lines
        assert seeds[seed].lines_dropped == 0


def test_dropped_counts_are_reported(seeds: dict[str, Article]) -> None:
    # 001: the repeated title, the title-glued teaser, the disclaimer.
    assert seeds[S001].lines_dropped == 3
    assert seeds[S001].chars_dropped > 1000
    assert seeds[S004].lines_dropped > 20
    assert seeds[S004].chars_dropped > 3000
    assert seeds[S000].lines_dropped == 0


def test_dropped_lines_are_logged_at_debug_level(
    seeds_dir: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="stargate_digest")
    load_articles([seeds_dir / f"{S004}.txt"])
    dropped = [r.getMessage() for r in caplog.records if r.levelno == logging.DEBUG]
    assert any("Partager l'article:" in message for message in dropped)
    assert any("OPPO Reno12" in message for message in dropped)
    assert all(S004 in message for message in dropped if "dropped:" in message)


def test_content_hash_is_stable_and_content_sensitive(seeds_dir: Path, tmp_path: Path) -> None:
    first = load_articles([seeds_dir]).articles
    second = load_articles([seeds_dir]).articles
    assert [a.content_hash for a in first] == [a.content_hash for a in second]
    assert len({a.content_hash for a in first}) == 5

    original = (seeds_dir / f"{S002}.txt").read_text("utf-8")
    copy = tmp_path / f"{S002}.txt"
    copy.write_text(original, "utf-8")
    assert load_articles([copy]).articles[0].content_hash == first[2].content_hash
    copy.write_text(original.replace("Rechenzentren", "Rechenzentrum", 1), "utf-8")
    assert load_articles([copy]).articles[0].content_hash != first[2].content_hash


def test_seed_folder_copy_with_other_extensions_gives_same_articles(
    seeds_dir: Path, tmp_path: Path
) -> None:
    """Names mean nothing: the same bytes under .json/.html/.md/none read the same."""
    for seed, suffix in zip(
        (S000, S001, S002, S003, S004), (".html", ".json", ".md", "", ".xml"), strict=True
    ):
        shutil.copy(seeds_dir / f"{seed}.txt", tmp_path / f"{seed}{suffix}")
    original = {a.id: a for a in load_articles([seeds_dir]).articles}
    renamed = {a.id: a for a in load_articles([tmp_path]).articles}
    assert renamed.keys() == original.keys()
    for key, article in renamed.items():
        assert article.model_dump(exclude={"source"}) == original[key].model_dump(
            exclude={"source"}
        )


def test_cli_ingest_seeds_as_json() -> None:
    root = Path(__file__).resolve().parent.parent
    done = subprocess.run(
        [sys.executable, "-m", "stargate_digest", "ingest", "seeds/", "--format", "json"],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    rows = json.loads(done.stdout)
    assert [row["id"] for row in rows] == [S000, S001, S002, S003, S004]
    assert [row["language"] for row in rows] == ["en", "en", "de", "en", "fr"]
    assert rows[0]["published"] == "2025-01-23T10:06:28Z"
    assert all("text" not in row for row in rows)
    assert rows[4]["lines_dropped"] > 0

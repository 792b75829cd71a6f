"""How long the HTML digest is: page height and where the at-a-glance table sits, in
headless Chromium at 1280 and 390 px, for the seeds and every real-coverage story.

Run: ``python benchmarks/bench_page.py`` (needs a chromium binary on PATH)

A last row renders 500 synthetic articles (benchmarks/synthetic.py), for the page at
the scale of a large backfill.

The digest's own page runs no script (its policy forbids one), so a measuring page loads
it in a frame of the screen's size and writes the layout into its own DOM, which
``--dump-dom`` prints (tests/page_layout.py, shared with tests/test_html_browser.py).
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from page_layout import SCREENS, measure_layout
from synthetic import synthetic_corpus

from stargate_digest import build_digest, extract, load_articles, render_html
from stargate_digest.extractors.rules import RulesExtractor
from stargate_digest.topic import load_topic

ROOT = Path(__file__).resolve().parent.parent


def _page(folder: Path | None, profile: Path | None) -> tuple[int, str]:
    topic = load_topic(str(profile)) if profile else load_topic()
    articles = load_articles([str(folder)]).articles if folder else synthetic_corpus(500)
    results = extract(articles, RulesExtractor(topic))
    digest = build_digest(results, topic=topic, generated_at=datetime(2026, 1, 1, tzinfo=UTC))
    return len(articles), render_html(digest, articles)


def _measure(browser: str, page: str, width: int, height: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as scratch:
        measured, stderr = measure_layout(browser, page, Path(scratch), width, height)
    if measured is None:
        raise SystemExit(f"the page could not be measured: {stderr[-500:]}")
    return measured


def main() -> None:
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        raise SystemExit("no chromium on PATH")
    stories: list[tuple[str, Path | None, Path | None]] = [("seeds", ROOT / "seeds", None)]
    stories += [
        (p.parent.name, p, p.parent / "profile.toml")
        for p in sorted((ROOT / "tests" / "corpus").glob("*/articles"))
    ]
    stories.append(("synthetic", None, None))
    print("| story | sources | width | at-a-glance table, top–bottom (px) | page height (px) |")
    print("|---|---:|---:|---|---:|")
    for name, folder, profile in stories:
        count, page = _page(folder, profile)
        for width, height in SCREENS.items():
            m = _measure(browser, page, width, height)
            print(
                f"| {name} | {count} | {width} | {m['top']:.0f}–{m['bottom']:.0f} "
                f"| {m['height']:,.0f} |"
            )


if __name__ == "__main__":
    main()

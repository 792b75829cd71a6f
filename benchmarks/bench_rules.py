"""Speed and memory of the rules extractor.

Run: ``python benchmarks/bench_rules.py [--articles 1000]``

Prints: the time to extract the five seeds after import; articles per second on the
synthetic multilingual corpus (one core: this process only); peak traced memory; and
the time per article at several corpus sizes, measured side by side in one run, which
is flat when the cost grows linearly with the input.
"""

from __future__ import annotations

import argparse
import logging
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import synthetic_corpus

from stargate_digest import load_articles
from stargate_digest.extractors.rules import RulesExtractor
from stargate_digest.models import Article

ROOT = Path(__file__).resolve().parent.parent


def _extract_all(extractor: RulesExtractor, articles: list[Article]) -> tuple[float, int]:
    started = time.perf_counter()
    claims = sum(len(extractor.extract(article).claims) for article in articles)
    return time.perf_counter() - started, claims


def main() -> None:
    """Print the figures docs/benchmarks.md quotes."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    args = parser.parse_args()
    logging.disable(logging.WARNING)
    extractor = RulesExtractor()

    seeds = load_articles([ROOT / "seeds"]).articles
    first, _ = _extract_all(extractor, seeds)  # includes building each language's tables
    again, seed_claims = _extract_all(extractor, seeds)
    print(
        f"seeds: 5 articles, {seed_claims} claims, first run {first * 1000:.0f} ms "
        f"(tables built), warm {again * 1000:.0f} ms"
    )

    _extract_all(extractor, synthetic_corpus(50, figure_share=1.0))  # warm every language
    for label, share in (("seed-like density", 0.35), ("figure-dense", 1.0)):
        corpus = synthetic_corpus(args.articles, figure_share=share)
        chars = sum(len(a.text) for a in corpus)
        seconds, claims = _extract_all(extractor, corpus)
        print(
            f"synthetic, {label}: {len(corpus)} articles, {chars / len(corpus):.0f} chars and "
            f"{claims / len(corpus):.1f} claims each, {seconds:.2f} s -> "
            f"{len(corpus) / seconds:.0f} articles/s on one core"
        )

    corpus = synthetic_corpus(args.articles)
    tracemalloc.start()
    _extract_all(extractor, corpus)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"peak traced memory while extracting {len(corpus)} articles: {peak / 2**20:.1f} MiB")

    print("linearity, seed-like density (per-article time should stay flat):")
    for size in (args.articles // 4, args.articles // 2, args.articles, args.articles * 2):
        elapsed, _ = _extract_all(extractor, synthetic_corpus(size))
        print(f"  {size:5d} articles: {elapsed:6.2f} s, {elapsed / size * 1000:.2f} ms/article")


if __name__ == "__main__":
    main()

"""Scale of reconciliation: time and peak memory for up to 10,000 synthetic articles' claims.

Run: ``python benchmarks/bench_reconcile.py [--articles 10000]``

The claims come from the rules extractor over the synthetic multilingual corpus (about
nine claims an article, with publication dates spread over a month so that every
source needs its own exchange rate). Extraction happens once, outside the timings;
each size is then reconciled in the same run (best of three), and a flat time per
claim shows that the cost grows linearly (no all-pairs comparison across groups).
"""

from __future__ import annotations

import argparse
import logging
import sys
import time
import tracemalloc
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import synthetic_corpus

from stargate_digest.extractors.rules import RulesExtractor
from stargate_digest.models import ArticleClaims
from stargate_digest.reconciliation import reconcile


def _results(count: int) -> list[ArticleClaims]:
    extractor = RulesExtractor()
    start = datetime(2025, 1, 1, tzinfo=UTC)
    results = []
    for index, article in enumerate(synthetic_corpus(count)):
        dated = article.model_copy(update={"published": start + timedelta(days=index % 31)})
        results.append(extractor.extract(dated))
    return results


def main() -> None:
    """Print time, time per claim and peak memory at four sizes."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    args = parser.parse_args()
    logging.disable(logging.WARNING)
    started = time.perf_counter()
    everything = _results(args.articles)
    print(f"extracted {args.articles} synthetic articles in {time.perf_counter() - started:.1f} s")
    reconcile(everything[:100], today=date(2026, 11, 22))  # warm the FX tables
    for size in (args.articles // 8, args.articles // 4, args.articles // 2, args.articles):
        subset = everything[:size]
        claims = sum(len(r.claims) for r in subset)
        timings = []
        for _ in range(3):  # best of three: this machine is shared and noisy
            started = time.perf_counter()
            found = reconcile(subset, today=date(2026, 11, 22))
            timings.append(time.perf_counter() - started)
        elapsed = min(timings)
        print(
            f"  {size:6d} articles, {claims:7d} claims: {elapsed:6.2f} s, "
            f"{elapsed / claims * 1e6:6.1f} µs/claim, {len(found.disagreements)} disagreements, "
            f"{len(found.consistency_checks)} checks"
        )
    tracemalloc.start()
    reconcile(everything, today=date(2026, 11, 22))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"peak traced memory reconciling {args.articles} articles: {peak / 2**20:.0f} MiB")


if __name__ == "__main__":
    main()

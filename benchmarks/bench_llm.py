"""Concurrency, prompt shape and caching of the LLM extractor, against the loopback fake.

Run: ``python benchmarks/bench_llm.py [--articles 50] [--concurrency 8] [--latency 0.2]``

The fake OpenAI server (tests/fake_openai.py, in its own process like a real server)
answers every call after ``--latency`` seconds, so the ideal wall time is
ceil(articles / concurrency) x latency; the run is within target when it takes at most
1.15 times that (with --latency 0 there is no ideal and no ratio). Also printed: prompt tokens per
article split into the fixed part (system prompt, vocabulary, examples, framing) and the
article text; the share of each prompt that is a stable prefix (the system message,
which OpenAI's prompt caching can reuse because the article comes last); and the calls a
re-run over the same articles makes with the cache (should be zero). One untimed call
warms up first (imports, encodings); the timed run still opens its own connections.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import math
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "benchmarks"), str(ROOT / "tests")]

from fake_openai import MODEL  # noqa: E402
from synthetic import synthetic_corpus  # noqa: E402

from stargate_digest.extractors.budget import chat_tokens, count_tokens  # noqa: E402
from stargate_digest.extractors.llm import LLMExtractor, LLMSettings  # noqa: E402
from stargate_digest.models import Article  # noqa: E402
from stargate_digest.segment import Span  # noqa: E402
from stargate_digest.store import Store  # noqa: E402


@contextmanager
def fake_server(latency: float) -> Iterator[str]:
    """The fake in a child process; yields its base URL."""
    command = [sys.executable, str(ROOT / "tests" / "fake_openai.py"), "--empty",
               "--delay", str(latency)]  # fmt: skip
    child = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None
        yield child.stdout.readline().strip()
    finally:
        child.terminate()
        child.wait(timeout=10)


def _stats(base_url: str) -> dict[str, Any]:
    with urllib.request.urlopen(f"{base_url}/stats", timeout=5) as answer:  # loopback only
        stats: dict[str, Any] = json.load(answer)
    return stats


def _prompt_shape(extractor: LLMExtractor, articles: list[Article]) -> dict[str, float]:
    """Mean prompt tokens per article: fixed overhead, article text, stable-prefix share."""
    totals, texts, prefixes = [], [], []
    system = count_tokens(extractor.prompt.system, MODEL)
    for article in articles:
        messages = extractor.messages(article, Span(0, len(article.text)), "1/1")
        total = chat_tokens([str(m["content"]) for m in messages], MODEL)
        totals.append(total)
        texts.append(count_tokens(article.text, MODEL))
        prefixes.append(system / total)
    return {
        "prompt": statistics.mean(totals),
        "article": statistics.mean(texts),
        "fixed": statistics.mean(t - a for t, a in zip(totals, texts, strict=True)),
        "prefix_share": statistics.mean(prefixes),
    }


CPU: list[float] = []  # the client's CPU seconds of each timed run


async def _timed_run(extractor: LLMExtractor, articles: list[Article]) -> tuple[float, int]:
    """Wall time and API calls of one run over ``articles``."""
    started, cpu = time.perf_counter(), time.process_time()
    results = await extractor.extract_many(articles)
    elapsed = time.perf_counter() - started
    CPU.append(time.process_time() - cpu)
    failed = [r.error for r in results if r.error]
    if failed:
        raise SystemExit(f"{len(failed)} articles failed, e.g. {failed[0]}")
    return elapsed, sum(r.usage.calls for r in results if r.usage)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=50)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--latency", type=float, default=0.2, help="seconds per fake call")
    args = parser.parse_args()
    logging.disable(logging.WARNING)

    *articles, spare = synthetic_corpus(args.articles + 1)
    ideal = math.ceil(args.articles / args.concurrency) * args.latency
    with tempfile.TemporaryDirectory() as folder, fake_server(args.latency) as base_url, Store(
        Path(folder) / "cache.sqlite"
    ) as store:  # fmt: skip
        settings = LLMSettings(
            base_url=base_url, api_key="sk-bench", concurrency=args.concurrency, max_retries=0,
            server="openai",
        )  # fmt: skip
        extractor = LLMExtractor(settings, store=store)
        shape = _prompt_shape(extractor, articles)
        asyncio.run(_timed_run(extractor, [spare]))  # imports and loads once, untimed
        elapsed, first_calls = asyncio.run(_timed_run(extractor, articles))
        cached_elapsed, rerun_calls = asyncio.run(_timed_run(extractor, articles))
        stats = _stats(base_url)
    first_calls_seen = stats["chat_requests"] - 1  # less the warm-up call

    target = 1.15
    print(f"articles {args.articles}, concurrency {args.concurrency}, "
          f"fake latency {args.latency * 1000:.0f} ms, model {MODEL} (token counts)")  # fmt: skip
    print(f"wall time            {elapsed:.3f} s (ideal {ideal:.3f} s)")
    if ideal > 0:
        ratio = elapsed / ideal
        verdict = "within" if ratio <= target else "OVER"
        print(f"ratio to ideal       {ratio:.2f} ({verdict} the {target}x target); "
              f"peak concurrent calls {stats['max_in_flight']}")  # fmt: skip
    else:
        print(f"ratio to ideal       n/a (no latency); peak concurrent calls "
              f"{stats['max_in_flight']}")  # fmt: skip
    print(f"calls, first run     {first_calls} (the server saw {first_calls_seen}); client "
          f"CPU {CPU[1] / max(1, first_calls) * 1000:.1f} ms a call")  # fmt: skip
    print(f"prompt tokens/article  {shape['prompt']:.0f} = fixed {shape['fixed']:.0f} "
          f"+ article text {shape['article']:.0f}")  # fmt: skip
    print(f"stable prefix share  {shape['prefix_share']:.1%} of each prompt (system message)")
    print(f"cached re-run        {rerun_calls} calls, {cached_elapsed:.3f} s")


if __name__ == "__main__":
    main()

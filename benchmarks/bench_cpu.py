"""CPU time of the rules extractor and of `summarize seeds/`, this checkout against a
baseline commit, alternated in the same run.

Run: ``python benchmarks/bench_cpu.py [--baseline REF] [--rounds 3] [--articles 300]``

On a shared, busy machine wall-clock time mostly measures the other jobs; CPU time
(``time.process_time`` in the extracting process, user+sys of the whole `summarize`
process from ``getrusage``) is distorted far less, and alternating old and new exposes
both to the same load. The baseline's ``src/`` is taken with ``git archive`` and put
first on ``PYTHONPATH``; the synthetic corpus is this checkout's. Bytecode is written
and warmed first, so neither side pays for compiling Python sources.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

from baseline import baseline_src

ROOT = Path(__file__).resolve().parent.parent


def _throughput(size: int) -> dict[str, list[int]]:
    """Articles per CPU second (best of 3) and claims, on both synthetic corpora."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from synthetic import synthetic_corpus

    from stargate_digest.extractors.rules import RulesExtractor

    logging.disable(logging.WARNING)
    extractor = RulesExtractor()
    for article in synthetic_corpus(50, figure_share=1.0):  # build every language's tables
        extractor.extract(article)
    rates = {}
    for label, share in (("seed-like", 0.35), ("figure-dense", 1.0)):
        corpus = synthetic_corpus(size, figure_share=share)
        best, claims = float("inf"), 0
        for _ in range(3):
            started = time.process_time()
            claims = sum(len(extractor.extract(article).claims) for article in corpus)
            best = min(best, time.process_time() - started)
        rates[label] = [round(len(corpus) / best), claims]
    return rates


def _child_cpu(command: list[str], env: dict[str, str]) -> float:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(command, env=env, check=True, capture_output=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", default="dc1a9a5", help="git commit to compare with")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--throughput-json", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.throughput_json:
        print(json.dumps(_throughput(args.articles)))
        return
    with baseline_src(args.baseline) as old_src:
        envs = {}
        for label, source in (("before", old_src), ("now", ROOT / "src")):
            env = dict(os.environ, PYTHONPATH=str(source))
            env.pop("PYTHONDONTWRITEBYTECODE", None)
            envs[label] = env
        summarize = [sys.executable, "-m", "stargate_digest", "summarize", str(ROOT / "seeds")]
        summarize += ["--output", str(old_src.parent / "digest.md")]
        for env in envs.values():
            _child_cpu(summarize, env)  # write and warm the bytecode
        rates: dict[str, list[dict[str, list[int]]]] = {label: [] for label in envs}
        seconds: dict[str, list[float]] = {label: [] for label in envs}
        for _ in range(args.rounds):
            for label, env in envs.items():
                command = [sys.executable, __file__, "--throughput-json"]
                command += ["--articles", str(args.articles)]
                done = subprocess.run(command, env=env, check=True, capture_output=True)
                rates[label].append(json.loads(done.stdout))
                for _ in range(3):
                    seconds[label].append(_child_cpu(summarize, env))
    print(f"CPU time, {args.baseline} (before) vs this checkout (now), {args.rounds} rounds:")
    for corpus in ("seed-like", "figure-dense"):
        pairs = [
            (b[corpus][0], n[corpus][0]) for b, n in zip(rates["before"], rates["now"], strict=True)
        ]
        claims = rates["before"][0][corpus][1], rates["now"][0][corpus][1]
        shown = ", ".join(f"{b} -> {n} ({n / b:.2f}x)" for b, n in pairs)
        print(f"  rules extractor, {corpus}, articles per CPU second: {shown}")
        print(f"    claims on {args.articles} articles: {claims[0]} before, {claims[1]} now")
    for label, values in seconds.items():
        print(
            f"  `summarize seeds/` user+sys CPU, {label}: median {statistics.median(values):.3f} s,"
            f" min {min(values):.3f} s ({len(values)} runs)"
        )


if __name__ == "__main__":
    main()

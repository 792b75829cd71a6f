"""Instructions executed (valgrind), this checkout against a baseline commit: a measure
that the machine's load does not change.

Run: ``python benchmarks/bench_instructions.py [--baseline REF] [--articles 100]``
(needs ``valgrind``; each figure is one process under cachegrind, 20-60 s each).

On a shared machine even CPU time moves by 10-20 % from run to run; the number of
instructions a process executes moves by well under 0.1 %. It is not time (cache misses
and branch mispredictions differ), but a change that removes work shows up in it.
Printed: instructions per article of the rules extractor on both synthetic corpora
(a process extracting ``--articles`` articles minus one extracting none, so imports
and table building cancel out), and of a whole ``summarize seeds/`` process with its
bytecode written. The baseline's ``src/`` is taken with ``git archive``, as in
bench_cpu.py.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from pathlib import Path

from baseline import baseline_src

ROOT = Path(__file__).resolve().parent.parent
_CHILD = """
import logging, sys
sys.path.insert(0, {benchmarks!r})
from synthetic import synthetic_corpus
from stargate_digest.extractors.rules import RulesExtractor
logging.disable(logging.WARNING)
extractor = RulesExtractor()
for article in synthetic_corpus(20, figure_share=1.0):  # build every language's tables
    extractor.extract(article)
corpus = synthetic_corpus(100, figure_share={share})
for index in range({count}):
    extractor.extract(corpus[index % 100])
"""


def _instructions(command: list[str], env: dict[str, str]) -> int:
    valgrind = ["valgrind", "--tool=cachegrind", "--cache-sim=no"]
    valgrind += ["--cachegrind-out-file=/dev/null"]
    done = subprocess.run(
        [*valgrind, *command],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    found = re.search(r"I\s+refs:\s+([\d,]+)", done.stderr)
    if found is None:
        raise SystemExit(f"valgrind printed no instruction count:\n{done.stderr[-500:]}")
    return int(found[1].replace(",", ""))


def _measure(env: dict[str, str], articles: int, output: Path) -> dict[str, float]:
    figures: dict[str, float] = {}
    # Write the bytecode first: a process that compiles the sources would count that too.
    warm = _CHILD.format(benchmarks=str(ROOT / "benchmarks"), share=1.0, count=0)
    subprocess.run([sys.executable, "-c", warm], env=env, cwd=ROOT, check=True)
    for label, share in (("seed-like", 0.35), ("figure-dense", 1.0)):
        counts = []
        for count in (0, articles):
            code = _CHILD.format(benchmarks=str(ROOT / "benchmarks"), share=share, count=count)
            counts.append(_instructions([sys.executable, "-c", code], env))
        figures[label] = (counts[1] - counts[0]) / articles
    summarize = [sys.executable, "-m", "stargate_digest", "summarize", "seeds"]
    summarize += ["--output", str(output)]
    subprocess.run(summarize, env=env, cwd=ROOT, check=True)  # write the bytecode first
    figures["summarize"] = _instructions(summarize, env)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", default="f47477c", help="git commit to compare with")
    parser.add_argument("--articles", type=int, default=100)
    args = parser.parse_args()
    with baseline_src(args.baseline) as old_src:
        results = {}
        for label, source in (("before", old_src), ("now", ROOT / "src")):
            # A fixed hash seed: set and dict layouts (and so the work) the same every run.
            env = dict(os.environ, PYTHONPATH=str(source), PYTHONHASHSEED="0")
            env.pop("PYTHONDONTWRITEBYTECODE", None)
            results[label] = _measure(env, args.articles, old_src.parent / "digest.md")
    before, now = results["before"], results["now"]
    print(f"instructions, {args.baseline} (before) vs this checkout (now):")
    for key in ("seed-like", "figure-dense"):
        print(
            f"  rules extractor, {key}, per article: {before[key] / 1e6:.2f} M -> "
            f"{now[key] / 1e6:.2f} M ({now[key] / before[key] - 1:+.1%})"
        )
    print(
        f"  whole `summarize seeds/` process: {before['summarize'] / 1e6:.0f} M -> "
        f"{now['summarize'] / 1e6:.0f} M ({now['summarize'] / before['summarize'] - 1:+.1%})"
    )


if __name__ == "__main__":
    main()

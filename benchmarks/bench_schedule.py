"""What a scheduled run costs when little is new, side by side with a full `summarize`.

Run: ``python benchmarks/bench_schedule.py [--articles 1000]``

A folder of synthetic multilingual articles is digested by ``run_job`` (rules backend)
four times: the first run (everything new), a run with nothing new, a run after one
article was added, and a run after one article was edited. The same folder is then
read, extracted, reconciled and rendered from scratch, as ``summarize`` does, in the
same process, after a warm-up that pays for imports and FX tables once, so that the
ratio compares like with like on this noisy machine.
"""

from __future__ import annotations

import argparse
import logging
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import synthetic_corpus

from stargate_digest.digest.render import render
from stargate_digest.ingest import load_articles
from stargate_digest.pipeline import build_digest, extract
from stargate_digest.schedule import JobConfig, RunReport, run_job


def _timed(step: Callable[[], object]) -> tuple[float, object]:
    started = time.perf_counter()
    result = step()
    return time.perf_counter() - started, result


def _summarize(folder: Path) -> str:
    ingested = load_articles([folder])
    digest = build_digest(extract(ingested.articles, backend="rules"), backend="rules")
    return render(digest, ingested.articles, "markdown") + render(digest, [], "json")


def main() -> None:
    """Print the time of each kind of run and of a full summarize over the same folder."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    args = parser.parse_args()
    logging.disable(logging.WARNING)
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / "coverage"
        folder.mkdir()
        corpus = synthetic_corpus(args.articles + 1)
        for article in corpus[:-1]:
            (folder / f"{article.id}.txt").write_text(article.text, "utf-8")
        config = JobConfig(sources=[str(folder)], state=Path(scratch) / "state.sqlite",
                           output_dir=Path(scratch) / "out", backend="rules")  # fmt: skip

        def job() -> RunReport:
            return run_job(config)

        warm = Path(scratch) / "warm-up"  # imports, FX tables: paid once, before any timing
        warm.mkdir()
        (warm / "one.txt").write_text(corpus[0].text, "utf-8")
        _summarize(warm)
        print(f"{args.articles} synthetic articles in a folder, rules backend")
        rows = [("first run (all new)", *_timed(job))]
        rows.append(("nothing new", *_timed(job)))
        added = corpus[-1]
        (folder / f"{added.id}.txt").write_text(added.text, "utf-8")
        rows.append(("one article added", *_timed(job)))
        edited = folder / f"{corpus[0].id}.txt"
        edited.write_text(edited.read_text("utf-8") + "\nOne more sentence.\n", "utf-8")
        rows.append(("one article edited", *_timed(job)))
        full, _ = _timed(lambda: _summarize(folder))
        for label, seconds, report in rows:
            assert isinstance(report, RunReport)
            wrote = "digest written" if report.files else "nothing written"
            print(
                f"  {label:20s} {seconds:6.2f} s  ({report.extracted:4d} extracted, {wrote}): "
                f"{seconds / full:5.2f} x the time of a full summarize"
            )
        print(f"  {'full summarize':20s} {full:6.2f} s  (read, extract, reconcile, render)")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak resident memory of the whole benchmark: {peak:.0f} MiB")


if __name__ == "__main__":
    main()

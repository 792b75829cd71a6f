"""Time of a whole ``summarize`` run (rules backend) on one article that is a single line.

Run: ``python benchmarks/bench_long_line.py [--sizes 1 2 5 10]``

Issue 13 item 4: a text with no blank line made the rules extractor look at the whole
text for every figure (1 MB took 40 s, 2 MB 126 s, 10 MB over ten minutes). Two shapes
are timed at each size in MB: the five seeds repeated on one line (sentences, no
paragraphs), and a figure-dense line with no sentence punctuation at all. Per-MB time
should stay flat as the size grows.
"""

from __future__ import annotations

import argparse
import logging
import tempfile
import time
from pathlib import Path

from stargate_digest.cli import main as cli

ROOT = Path(__file__).resolve().parent.parent
UNPUNCTUATED = (
    "Stargate will invest $500 billion and SoftBank $19 billion in 20 sites with 40 percent "
    "owned by OpenAI and "
)


def _seeds_line() -> str:
    return " ".join(" ".join(p.read_text("utf-8").split()) for p in sorted(ROOT.glob("seeds/*")))


def _run(text: str, folder: Path) -> float:
    path = folder / "long.txt"
    path.write_text("Stargate digest\n" + text, "utf-8")
    started = time.perf_counter()
    code = cli(["summarize", str(path), "--backend", "rules", "--format", "json",
                "-o", str(folder / "out.json")])  # fmt: skip
    assert code == 0, code
    return time.perf_counter() - started


def main() -> None:
    """Print seconds and seconds per MB for each shape and size."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[1, 2, 5, 10])
    args = parser.parse_args()
    logging.disable(logging.WARNING)
    seeds = _seeds_line() + " "
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        _run(seeds, folder)  # warm: imports, language tables
        for label, unit in (("seeds on one line", seeds), ("no punctuation", UNPUNCTUATED)):
            for size in args.sizes:
                chars = int(size * 1_000_000)
                text = (unit * (chars // len(unit) + 1))[:chars]
                seconds = _run(text, folder)
                print(f"{label:18s} {size:5.1f} MB: {seconds:7.2f} s, {seconds / size:6.2f} s/MB")


if __name__ == "__main__":
    main()

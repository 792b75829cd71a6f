"""Write src/stargate_digest/data/han_scripts.json: Chinese characters in both scripts.

Run: ``python scripts/generate_han_scripts.py`` (after upgrading opencc-purepy).
tests/test_han_scripts.py fails while the file differs from what the library gives.

A profile writes a Chinese name in one script ("紐約州") and a page in the other
("纽约州"); topic.both_scripts matches both. The tables are OpenCC's character tables
(traditional to simplified and back, the first form where it gives several), read from
opencc-purepy, a development dependency: its phrase tables, which the matcher does not
need, cost some 100 ms to load in every process, and the characters alone a millisecond
from this file.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

from stargate_digest.atomic import write_text_atomic

TARGET = (
    Path(__file__).resolve().parent.parent / "src" / "stargate_digest" / "data" / "han_scripts.json"
)


def _table(name: str) -> list[str]:
    """One OpenCC character table as two strings of equal length: from, to."""
    spec = importlib.util.find_spec("opencc_purepy")
    assert spec is not None and spec.origin is not None, "pip install opencc-purepy"
    lines = (Path(spec.origin).parent / "dicts" / name).read_text("utf-8").splitlines()
    pairs = sorted(
        (source, targets.split()[0])
        for source, _, targets in (line.partition("\t") for line in lines)
        if len(source) == 1 and targets and len(targets.split()[0]) == 1
    )
    return ["".join(s for s, _ in pairs), "".join(t for _, t in pairs)]


def render() -> str:
    tables = {
        "to_simplified": _table("TSCharacters.txt"),
        "to_traditional": _table("STCharacters.txt"),
    }
    return json.dumps(tables, ensure_ascii=False, indent=1) + "\n"


if __name__ == "__main__":
    write_text_atomic(TARGET, render())
    print(f"wrote {TARGET}")

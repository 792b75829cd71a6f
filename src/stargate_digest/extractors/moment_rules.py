"""When a figure held: the date that dates a figure whose clause states none (``as_of``).

A rule of news pages, not of a story: a timeline entry ("2020年5月：...", "March 2021:
...") dates every figure of its line. (A deadline, "by 2029", is left as the figure's
``as_of``: the data contract reads it as the date the figure refers to.)
"""

from __future__ import annotations

import re

# A timeline entry: the line opens with the date (maybe after a bullet), then a colon.
_ENTRY_START = re.compile(r"\s*(?:[-–•*·]\s*)?\Z")
_ENTRY_COLON = re.compile(r"\s*[:：]")


def opens_entry(text: str, line_start: int, start: int, end: int) -> bool:
    """Whether the date at [start, end) opens a timeline entry that starts at line_start."""
    return (
        _ENTRY_START.match(text[line_start:start]) is not None
        and _ENTRY_COLON.match(text, end) is not None
    )

"""A one-line progress bar on stderr, only when a person is watching a terminal."""

from __future__ import annotations

import sys
import time
from typing import TextIO

_WIDTH = 28
_MIN_INTERVAL = 0.1


class ProgressBar:
    """``[#######.......] 12/50 articles``, redrawn in place; silent when not a terminal.

    Scheduled runs and pipes get no control characters in their logs.
    """

    def __init__(self, total: int, label: str, stream: TextIO | None = None) -> None:
        self.total = total
        self.label = label
        self.stream = stream or sys.stderr
        self.enabled = total > 1 and self.stream.isatty()
        self._done = 0
        self._drawn_at = 0.0

    def advance(self, count: int = 1) -> None:
        """Count finished items; redraw at most ten times a second."""
        self._done = min(self.total, self._done + count)
        now = time.monotonic()
        if self.enabled and (self._done == self.total or now - self._drawn_at >= _MIN_INTERVAL):
            self._drawn_at = now
            filled = round(_WIDTH * self._done / self.total)
            bar = "#" * filled + "." * (_WIDTH - filled)
            self.stream.write(f"\r[{bar}] {self._done}/{self.total} {self.label}")
            self.stream.flush()

    def close(self) -> None:
        """End the bar's line so that later messages start on a fresh one."""
        if self.enabled and self._drawn_at:
            self.stream.write("\n")
            self.stream.flush()

"""The progress bar draws only for a terminal and never floods it."""

from __future__ import annotations

import io

from stargate_digest.progress import ProgressBar


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_nothing_is_written_when_stderr_is_not_a_terminal() -> None:
    stream = io.StringIO()
    bar = ProgressBar(10, "articles", stream)
    for _ in range(10):
        bar.advance()
    bar.close()
    assert stream.getvalue() == ""


def test_a_terminal_sees_the_count_and_a_final_newline() -> None:
    stream = Terminal()
    bar = ProgressBar(3, "articles", stream)
    for _ in range(3):
        bar.advance()
    bar.close()
    output = stream.getvalue()
    assert output.startswith("\r[") and "3/3 articles" in output
    assert output.endswith("\n")
    assert output.count("\r") <= 3


def test_a_single_item_needs_no_bar() -> None:
    stream = Terminal()
    bar = ProgressBar(1, "articles", stream)
    bar.advance()
    bar.close()
    assert stream.getvalue() == ""

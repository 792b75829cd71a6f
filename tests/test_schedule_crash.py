"""A scheduled run killed with SIGKILL mid-extraction, and runs that overlap.

The LLM backend runs against the loopback fake, whose answers a gate can hold back, so
that a run is caught in the middle of its extraction for certain, not by timing luck.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any

import pytest
from conftest import SEEDS
from fake_openai import FakeOpenAI, Reply, article_id, seed_answers, with_summary

from stargate_digest.cli import main

FIRST_TWO = {"000_1b5d983547bd3de6", "001_5e437569caf3535e"}


class Gate:
    """Answers the seed articles in ``open_ids`` (and the summary) at once; holds every
    other article's answer until ``opened`` is set."""

    def __init__(self, open_ids: set[str]) -> None:
        self.open_ids = open_ids
        self.opened = threading.Event()
        self.answer = with_summary(seed_answers())

    def __call__(self, request: dict[str, Any]) -> Reply:
        about = article_id(request)
        if about and about not in self.open_ids:
            self.opened.wait(30)
        return self.answer(request)


@pytest.fixture
def paths(tmp_path: Path) -> dict[str, Path]:
    folder = tmp_path / "coverage"
    shutil.copytree(SEEDS, folder)
    return {"folder": folder, "state": tmp_path / "state.sqlite", "out": tmp_path / "out"}


def job_argv(paths: dict[str, Path], fake: FakeOpenAI, *extra: str) -> list[str]:
    return ["digest", "--source", str(paths["folder"]), "--state", str(paths["state"]),
            "--output-dir", str(paths["out"]), "--backend", "openai", "--base-url",
            fake.base_url, "--concurrency", "1", "--max-retries", "0", *extra]  # fmt: skip


def start(argv: list[str], stderr: IO[str] | int = subprocess.PIPE) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "stargate_digest", *argv],
        stdout=subprocess.PIPE,
        stderr=stderr,
        text=True,
        env=os.environ.copy(),
    )


def wait_for(condition: Callable[[], bool], what: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"gave up waiting for {what}")
        time.sleep(0.05)


def rows(state: Path, table: str) -> int:
    if not state.exists():
        return 0
    with sqlite3.connect(state) as db:
        try:
            return int(db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
        except sqlite3.OperationalError:  # not created yet
            return 0


def extraction_requests(fake: FakeOpenAI) -> list[str]:
    return [article_id(r) for r in fake.chat_requests if article_id(r)]


@pytest.fixture
def gate_open_for_two() -> Iterator[tuple[Gate, FakeOpenAI]]:
    gate = Gate(set(FIRST_TWO))
    with FakeOpenAI(gate) as fake:
        yield gate, fake
        gate.opened.set()


def test_a_run_killed_mid_extraction_loses_nothing_and_the_next_completes_it(
    capsys: pytest.CaptureFixture[str],
    paths: dict[str, Path],
    gate_open_for_two: tuple[Gate, FakeOpenAI],
) -> None:
    gate, fake = gate_open_for_two
    process = start(job_argv(paths, fake))
    try:
        wait_for(lambda: len(extraction_requests(fake)) >= 3, "the third article's request")
        wait_for(lambda: rows(paths["state"], "extractions") == 2, "two cached answers")
    finally:
        process.kill()  # SIGKILL: no clean-up of any kind
        process.communicate(timeout=30)
    assert process.returncode == -9
    assert rows(paths["state"], "documents") == 5  # every article recorded before extracting
    assert rows(paths["state"], "extractions") == 2  # and each answer as it came
    assert not paths["out"].exists() or not any(paths["out"].iterdir())

    gate.opened.set()
    fake.requests.clear()
    assert main(job_argv(paths, fake)) == 0, capsys.readouterr().err
    out = capsys.readouterr().out
    assert "0 new, 0 updated, 5 extracted, 5 in all; wrote" in out
    # Only the three articles the killed run had not finished cost a call.
    assert sorted(extraction_requests(fake)) == sorted(
        p.stem for p in SEEDS.iterdir() if p.stem not in FIRST_TWO
    )
    digest = json.loads((paths["out"] / "latest.json").read_text("utf-8"))
    ids = [s["id"] for s in digest["sources"]]
    assert sorted(ids) == sorted(p.stem for p in SEEDS.iterdir())  # none lost, none twice
    assert len({c["id"] for c in digest["claims"]}) == len(digest["claims"])
    assert digest["backend"] == "openai" and digest["changes"]["new_sources"] == ids
    assert rows(paths["state"], "documents") == 5 and rows(paths["state"], "results") == 5

    fake.requests.clear()
    assert main(job_argv(paths, fake)) == 0
    assert "nothing new" in capsys.readouterr().out
    assert fake.chat_requests == []  # an article seen before is never extracted again
    assert len(list(paths["out"].glob("digest-*.json"))) == 1


def test_overlapping_runs_wait_for_each_other_or_give_up_cleanly(
    capsys: pytest.CaptureFixture[str], paths: dict[str, Path]
) -> None:
    gate = Gate(set())
    with FakeOpenAI(gate) as fake:
        first = start(job_argv(paths, fake))
        patient: subprocess.Popen[str] | None = None
        try:
            wait_for(lambda: len(extraction_requests(fake)) >= 1, "the first run to extract")
            # A run that will not wait: exit 75, nothing touched.
            code = main(job_argv(paths, fake, "--lock-timeout", "0.3"))
            err = capsys.readouterr().err
            assert code == 75
            assert "another run is using this state and did not finish within 0.3 seconds" in err
            # A run that waits long enough: says it waits, and starts once the first is done.
            patient_log = paths["out"].parent / "patient.err"
            with patient_log.open("w", encoding="utf-8") as sink:
                patient = start(job_argv(paths, fake, "--lock-timeout", "60", "-v"), sink)
            waiting = "another run holds the state; waiting up to 60 seconds"
            wait_for(lambda: waiting in patient_log.read_text("utf-8"), "the second run to wait")
            assert patient.poll() is None  # it is waiting, not done: the first holds the gate
            gate.opened.set()
            first_out, first_err = first.communicate(timeout=60)
            patient_out, _ = patient.communicate(timeout=60)
            patient_err = patient_log.read_text("utf-8")
        finally:
            gate.opened.set()
            for process in (first, patient):
                if process is not None and process.poll() is None:
                    process.kill()
    assert first.returncode == 0, first_err
    assert "5 new, 0 updated, 5 extracted, 5 in all; wrote" in first_out
    assert patient.returncode == 0, patient_err
    assert "0 new, 0 updated, 0 extracted, 5 in all; nothing new" in patient_out
    assert len(extraction_requests(fake)) == 5  # the second run extracted nothing again
    assert len(list(paths["out"].glob("digest-*.md"))) == 1

"""The README's set-up commands and CI stay in step, and its Python example runs as written."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from stargate_digest.models import Digest

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text("utf-8")


def _shell_blocks() -> list[str]:
    return re.findall(r"```sh\n(.*?)```", README, re.DOTALL)


def test_readme_opens_with_the_main_job_and_the_test_command() -> None:
    first, second = _shell_blocks()[:2]
    assert "stargate-digest summarize seeds/" in first
    assert "pip install" in second and "pytest" in second


def test_ci_runs_the_readme_test_command_verbatim() -> None:
    test_command = _shell_blocks()[1].strip()
    ci = (ROOT / ".ci" / "run").read_text("utf-8")
    assert test_command in ci.splitlines()
    assert "TIKTOKEN_CACHE_DIR" in ci


def test_readme_python_example_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    example = re.findall(r"```python\n(.*?)```", README, re.DOTALL)[0]
    monkeypatch.chdir(ROOT)
    namespace: dict[str, object] = {}
    exec(compile(example, "README.md", "exec"), namespace)
    digest = namespace["digest"]
    assert isinstance(digest, Digest)
    assert digest.claims, "the example should produce claims from the seeds"

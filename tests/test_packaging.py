"""A wheel holds every data file the package reads: `pip install .` (the README's first
command) must work as well as the editable install the tests run from."""

from __future__ import annotations

import tomllib
from fnmatch import fnmatch
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_every_data_file_under_the_package_is_declared_as_package_data() -> None:
    setuptools = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["setuptools"]
    globs: dict[str, list[str]] = setuptools["package-data"]
    roots = {
        "stargate_digest": ROOT / "src" / "stargate_digest",
        "stargate_digest.prompts": ROOT / "prompts",
    }
    undeclared = []
    for prefix, root in roots.items():
        for path in root.rglob("*"):
            if path.is_dir() or path.suffix in {".py", ".pyc"} or "__pycache__" in path.parts:
                continue
            folder = path.parent.relative_to(root)
            package = ".".join([prefix, *folder.parts])
            if not any(fnmatch(path.name, glob) for glob in globs.get(package, [])):
                undeclared.append(str(path.relative_to(ROOT)))
    assert undeclared == []

"""The layering of docs/architecture.md holds: import-linter's contracts (.importlinter)."""

from __future__ import annotations

import contextlib
import io
import os
from pathlib import Path

from conftest import ROOT


def test_the_import_contracts_hold() -> None:
    from importlinter.cli import lint_imports

    output = io.StringIO()
    previous = Path.cwd()
    try:
        os.chdir(ROOT)  # the contracts name the package; it is imported from src/
        with contextlib.redirect_stdout(output):
            code = lint_imports(config_filename=str(ROOT / ".importlinter"), no_cache=True)
    finally:
        os.chdir(previous)
    assert code == 0, output.getvalue()[-3000:]


def test_no_backend_is_named_where_its_capabilities_should_be_asked() -> None:
    """Backends are registry entries (extractors/__init__.py): outside the extractors, code
    asks ``backend_of(name).calls_api`` and the like, never compares names."""
    offenders = []
    for path in (ROOT / "src" / "stargate_digest").rglob("*.py"):
        if path.parent.name == "extractors":
            continue
        for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1):
            if any(f'{op} "{name}"' in line for op in ("==", "!=")
                   for name in ("openai", "rules")):  # fmt: skip
                offenders.append(f"{path.name}:{number}: {line.strip()}")
    assert offenders == []

"""The layering of docs/architecture.md holds: import-linter's contracts (.importlinter)."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT


def test_the_import_contracts_hold() -> None:
    # In a child process: import-linter configures logging with dictConfig, which would
    # disable every logger already made in this process (and other tests' log checks).
    script = (
        "import sys; from importlinter.cli import lint_imports; "
        f"sys.exit(lint_imports(config_filename={str(ROOT / '.importlinter')!r}, no_cache=True))"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]


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


MAX_MODULE_LINES = 700


def test_every_module_stays_small() -> None:
    """DESIGN.md §7: small modules. A module that grows past this is split along a seam
    (a new rule file beside its caller), not crammed."""
    sizes = {
        path.relative_to(ROOT).as_posix(): len(path.read_text("utf-8").splitlines())
        for path in (ROOT / "src" / "stargate_digest").rglob("*.py")
    }
    assert sizes, "no module found"
    assert {path: n for path, n in sizes.items() if n > MAX_MODULE_LINES} == {}

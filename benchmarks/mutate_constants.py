"""Hand-made mutants of the module-level constants and tables that mutmut leaves alone.

Run from the repository root (docs/testing.md)::

    python benchmarks/mutate_constants.py --module '*verify' --tests tests/test_verify.py
    python benchmarks/mutate_constants.py --list      # the mutants only, nothing is run

mutmut only mutates code inside functions, so a tolerance or threshold written as a
module constant (``FUZZY_MIN_RATIO = 0.85``) is never moved by it. This script finds,
with ``ast``, every module-level assignment of a number or a boolean, and every number
inside a module-level tuple, list, set or dict literal, in the modules of pyproject's
``[tool.mutmut] only_mutate`` (or those ``--module`` selects), and makes these mutants:

- an int: +1 and -1;
- a float: x2, /2, x1.1 and /1.1 (a tolerance loosened or tightened, a threshold nudged);
- a boolean: flipped.

Each mutant is written into one temporary copy of the repository (the tree itself is
never edited) and the tests run in a fresh ``python -m pytest -x`` process that imports
the copy (``PYTHONPATH``; no byte-code is read or written, so an edit that keeps the
file's size and time stamp cannot be missed). A mutant is killed when a test fails. The
order is the source order, so two runs print the same lines.

A mutant no input can tell apart goes in tests/mutation_equivalents.toml under its
module, keyed by the name printed here (``"FUZZY_MIN_RATIO x1.1"``), with the reason.
The exit status is 1 when a mutant that is not listed there survives.
"""

from __future__ import annotations

import argparse
import ast
import fnmatch
import os
import shutil
import subprocess
import sys
import tempfile
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EQUIVALENTS = ROOT / "tests" / "mutation_equivalents.toml"
SKIP = shutil.ignore_patterns(
    ".git", ".venv", "mutants", "__pycache__", "*.pyc", ".mypy_cache", ".ruff_cache",
    ".pytest_cache", ".hypothesis", "*.egg-info", "build", "dist",
)  # fmt: skip


@dataclass(frozen=True)
class Mutant:
    name: str  # "NAME op" or "NAME[key] op"
    line: int
    col: int
    end_col: int
    text: str  # the replacement source


def configured_files() -> dict[str, Path]:
    """{dotted module name: path} of pyproject's [tool.mutmut] only_mutate."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["mutmut"]
    files = {}
    for path in config["only_mutate"]:
        files[".".join(Path(path).relative_to("src").with_suffix("").parts)] = Path(path)
    return files


def _number(node: ast.expr) -> int | float | bool | None:
    """The value of a (possibly negated) number or boolean literal, else None."""
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        inner = _number(node.operand)
        return None if inner is None or isinstance(inner, bool) else -inner
    if isinstance(node, ast.Constant) and isinstance(node.value, int | float):
        return node.value
    return None


def _variants(value: int | float | bool) -> Iterator[tuple[str, int | float | bool]]:
    if isinstance(value, bool):
        yield "flipped", not value
    elif isinstance(value, int):
        yield "+1", value + 1
        yield "-1", value - 1
    else:
        yield "x2", value * 2
        yield "/2", value / 2
        yield "x1.1", value * 1.1
        yield "/1.1", value / 1.1


def _elements(name: str, value: ast.expr) -> Iterator[tuple[str, ast.expr]]:
    """(label, literal node) for a constant and each number of a literal table."""
    if _number(value) is not None:
        yield name, value
    elif isinstance(value, ast.Tuple | ast.List | ast.Set):
        for index, item in enumerate(value.elts):
            yield from _elements(f"{name}[{index}]", item)
    elif isinstance(value, ast.Dict):
        for key, item in zip(value.keys, value.values, strict=True):
            label = ast.unparse(key) if key is not None else "**"
            yield from _elements(f"{name}[{label}]", item)


def mutants(source: str) -> list[Mutant]:
    """Every constant mutant of a module's source, in source order."""
    found = []
    for statement in ast.parse(source).body:
        if isinstance(statement, ast.Assign) and len(statement.targets) == 1:
            target, value = statement.targets[0], statement.value
        elif isinstance(statement, ast.AnnAssign) and statement.value is not None:
            target, value = statement.target, statement.value
        else:
            continue
        if not isinstance(target, ast.Name):
            continue
        for label, node in _elements(target.id, value):
            number = _number(node)
            assert number is not None and node.end_col_offset is not None
            if node.lineno != node.end_lineno:
                continue  # a literal split over lines: not worth the bookkeeping
            for op, changed in _variants(number):
                text = repr(changed)
                found.append(
                    Mutant(f"{label} {op}", node.lineno, node.col_offset, node.end_col_offset, text)
                )
    return found


def apply(source: str, mutant: Mutant) -> str:
    lines = source.splitlines(keepends=True)
    line = lines[mutant.line - 1]
    # ast columns count UTF-8 bytes
    raw = line.encode("utf-8")
    raw = raw[: mutant.col] + f"({mutant.text})".encode() + raw[mutant.end_col :]
    lines[mutant.line - 1] = raw.decode("utf-8")
    return "".join(lines)


def _env(copy: Path) -> dict[str, str]:
    return dict(os.environ, PYTHONPATH=str(copy / "src"), PYTHONDONTWRITEBYTECODE="1")


def check_copy(copy: Path, tests: list[str]) -> None:
    """The copy, not the installed tree, is imported, and its tests pass unmutated."""
    where = subprocess.run(
        [sys.executable, "-c", "import stargate_digest; print(stargate_digest.__file__)"],
        env=_env(copy), capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    if not Path(where.strip()).is_relative_to(copy):
        sys.exit(f"the copy is not the package imported (got {where.strip()})")
    failed, failure = killed(copy, tests)
    if failed:
        sys.exit(f"the tests fail without any mutant, so no mutant can be judged: {failure}")


def killed(copy: Path, tests: list[str]) -> tuple[bool, str]:
    """Whether the tests fail in a fresh process on the copy, and the first failure."""
    env = _env(copy)
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider", *tests],
        cwd=copy,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    failure = next((ln for ln in done.stdout.splitlines() if ln.startswith("FAILED")), "")
    return done.returncode != 0, failure.removeprefix("FAILED ")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--module", default="*", help="glob on the dotted module names")
    parser.add_argument("--tests", nargs="*", default=["tests"], help="pytest arguments")
    parser.add_argument("--list", action="store_true", help="print the mutants, run nothing")
    args = parser.parse_args()
    files = {m: p for m, p in configured_files().items() if fnmatch.fnmatchcase(m, args.module)}
    if not files:
        sys.exit(f"no configured module matches {args.module!r} (see [tool.mutmut] only_mutate)")
    listed = tomllib.loads(EQUIVALENTS.read_text("utf-8")) if EQUIVALENTS.exists() else {}
    survivors = 0
    with tempfile.TemporaryDirectory(prefix="mutate-constants-") as tmp:
        copy = Path(tmp) / "repo"
        if not args.list:
            shutil.copytree(ROOT, copy, ignore=SKIP)
            check_copy(copy, args.tests)
        for module, path in files.items():
            source = (ROOT / path).read_text("utf-8")
            equivalent = listed.get(module, {})
            print(f"{module}:")
            for mutant in mutants(source):
                where = f"    {mutant.name:40} -> {mutant.text:24}"
                if args.list:
                    print(where)
                    continue
                (copy / path).write_text(apply(source, mutant), "utf-8")
                dead, failure = killed(copy, args.tests)
                (copy / path).write_text(source, "utf-8")
                if dead:
                    print(f"{where} killed by {failure or 'a failing run'}", flush=True)
                elif mutant.name in equivalent:
                    print(f"{where} survived (equivalent: {equivalent[mutant.name]})", flush=True)
                else:
                    survivors += 1
                    print(f"{where} SURVIVED", flush=True)
    if not args.list:
        print(f"{survivors} surviving constant mutant(s) not listed as equivalent")
    return 1 if survivors else 0


if __name__ == "__main__":
    sys.exit(main())

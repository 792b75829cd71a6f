"""Mutation score of the trust core, per module, from mutmut's results (docs/testing.md).

Run from the repository root::

    python benchmarks/mutation.py                     # report the last `mutmut run`
    python benchmarks/mutation.py --run               # run mutmut first, then report
    python benchmarks/mutation.py --module '*verify'  # one module (a glob on its dotted name)

The modules are the ``only_mutate`` files of ``[tool.mutmut]`` in pyproject.toml. Per
module it prints mutants / killed / survived / equivalent / unchecked and the score, killed /
(mutants - equivalent), then the names of the surviving mutants not listed as equivalent
in tests/mutation_equivalents.toml, and any listed equivalent that no longer exists or
was in fact killed (the list is then wrong). It exits 1 when a module scores under
``--threshold`` (95 %) or has no results, so it can gate.

Results are read through mutmut's own CLI (``mutmut results --all true``, one
``name: status`` line a mutant) rather than its private files. A timeout, a crash and a
mutant the type check rejects count as killed; a mutant no test reaches, or one not yet
checked, counts against the score (a gate must not pass on missing data).
"""

from __future__ import annotations

import argparse
import fnmatch
import os
import subprocess
import sys
import tomllib
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EQUIVALENTS = ROOT / "tests" / "mutation_equivalents.toml"
KILLED = {"killed", "timeout", "caught by type check", "segfault", "killed in a fresh process"}
# seconds a survivor's tests may take in a fresh process before it counts as a timeout
# (killed, as mutmut counts one): a narrowed selection runs in well under that
RECHECK_TIMEOUT = 90
UNCHECKED = {"not checked", "check was interrupted by user", "skipped"}


@dataclass
class Tally:
    statuses: dict[str, str] = field(default_factory=dict)
    equivalent: set[str] = field(default_factory=set)

    @property
    def killed(self) -> int:
        return sum(status in KILLED for status in self.statuses.values())

    @property
    def survivors(self) -> list[str]:
        """Mutants that live and are not listed as equivalent, by name."""
        return sorted(
            name
            for name, status in self.statuses.items()
            if status not in KILLED | UNCHECKED and name not in self.equivalent
        )

    @property
    def unchecked(self) -> int:
        return sum(status in UNCHECKED for status in self.statuses.values())

    @property
    def score(self) -> float:
        counted = len(self.statuses) - len(self.equivalent & self.statuses.keys())
        return 100.0 * self.killed / counted if counted else 0.0


def configured_modules() -> list[str]:
    """Dotted names of the files pyproject's [tool.mutmut] only_mutate lists."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["mutmut"]
    modules = []
    for path in config["only_mutate"]:
        parts = Path(path).relative_to("src").with_suffix("").parts
        # mutmut names a package's __init__.py mutants after the package itself
        # ("stargate_digest.reconciliation.x_reconcile__mutmut_1")
        modules.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return modules


def module_of(mutant: str) -> str:
    """``stargate_digest.verify.x_align_quote__mutmut_3`` -> ``stargate_digest.verify``."""
    return mutant.rsplit(".", 1)[0]


def read_results() -> dict[str, str]:
    """Every mutant's status, through ``mutmut results --all true``."""
    done = subprocess.run(
        [sys.executable, "-m", "mutmut", "results", "--all", "true"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        sys.exit(f"mutmut results failed: {done.stderr.strip().splitlines()[-1:]}")
    statuses = {}
    for line in done.stdout.splitlines():
        name, sep, status = line.strip().partition(": ")
        if sep and "__mutmut_" in name:
            statuses[name] = status.strip()
    return statuses


def read_equivalents() -> dict[str, dict[str, str]]:
    """{module: {mutant: why no input can tell it apart}}."""
    if not EQUIVALENTS.exists():
        return {}
    tables = tomllib.loads(EQUIVALENTS.read_text("utf-8"))
    return {module: dict(table) for module, table in tables.items()}


def run_mutmut(modules: list[str]) -> None:
    for module in modules:
        # every mutant's last name starts with x (x_f, x\u01c1Class\u01c1m): a package's
        # pattern then leaves its submodules' mutants out
        command = [sys.executable, "-m", "mutmut", "run", "--max-children", "1", f"{module}.x*"]
        print("$", " ".join(command[1:]), flush=True)
        subprocess.run(command, cwd=ROOT, check=False, stdout=subprocess.DEVNULL)


def recheck(statuses: dict[str, str], tests: list[str], skip: set[str]) -> None:
    """Run each survivor again in a fresh process; one that fails there is killed.

    mutmut forks every mutant's run from a process that ran the original code first, and
    a table built at import or kept in a cache outside the package's functools caches
    (which tests/conftest.py empties under mutmut) can hide a mutant: in a fresh process
    the mutated code builds it.
    """
    survivors = (n for n, status in statuses.items() if status == "survived" and n not in skip)
    for name in sorted(survivors):
        try:
            done = subprocess.run(
                [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:randomly",
                 "-p", "no:cacheprovider", *tests],
                cwd=ROOT / "mutants",
                env=dict(os.environ, MUTANT_UNDER_TEST=name, PYTHONPATH="src"),
                capture_output=True,
                check=False,
                timeout=RECHECK_TIMEOUT,
            )  # fmt: skip
        except subprocess.TimeoutExpired:  # a loop the mutant never leaves: as mutmut's
            statuses[name] = "timeout"
        else:
            # 1: a test failed. 2: collection failed: a mutant of code run at import (a
            # module-level table's constructor) that raises leaves the module
            # unimportable, which the unmutated tree never is. 3+: an error of the run.
            if done.returncode in (1, 2):
                statuses[name] = "killed in a fresh process"
        print(f"    fresh process: {name}: {statuses[name]}", flush=True)


def report(modules: list[str], threshold: float, fresh: list[str] | None = None) -> int:
    statuses = read_results()
    equivalents = read_equivalents()
    if fresh is not None:
        chosen = {n: status for n, status in statuses.items() if module_of(n) in modules}
        known = {name for table in equivalents.values() for name in table}
        recheck(chosen, fresh, skip=known)  # listed equivalents are not run again
        statuses.update(chosen)
    tallies: dict[str, Tally] = defaultdict(Tally)
    for name, status in statuses.items():
        if module_of(name) in modules:
            tallies[module_of(name)].statuses[name] = status
    failed = False
    total = Tally()
    print(
        f"{'module':45} {'mutants':>7} {'killed':>7} {'survived':>8}"
        f" {'equiv':>6} {'unchecked':>9} {'score':>7}"
    )
    for module in modules:
        tally = tallies[module]
        # the hand-made constant mutants (mutate_constants.py) share the file; not mutmut's
        listed = {k: v for k, v in equivalents.get(module, {}).items() if "__mutmut_" in k}
        # a listed mutant that a test kills is not equivalent: it counts as killed
        tally.equivalent = {n for n in listed if tally.statuses.get(n, "killed") not in KILLED}
        total.statuses.update(tally.statuses)
        total.equivalent |= tally.equivalent
        survived = len(tally.survivors)
        print(
            f"{module:45} {len(tally.statuses):7} {tally.killed:7} {survived:8}"
            f" {len(tally.equivalent):6} {tally.unchecked:9} {tally.score:6.1f}%"
        )
        if not tally.statuses:
            print("    no results: run `python benchmarks/mutation.py --run` first")
            failed = True
            continue
        failed |= tally.score < threshold
        if tally.unchecked:
            print(f"    {tally.unchecked} mutants not checked yet (they count against the score)")
        for name in tally.survivors:
            print(f"    survived: {name} ({tally.statuses[name]})")
        for name in sorted(set(listed) - tally.statuses.keys()):
            print(f"    listed as equivalent but no longer exists: {name}")
        for name in sorted(n for n in listed if tally.statuses.get(n) in KILLED):
            print(f"    listed as equivalent but a test kills it: {name}")
    print(
        f"{'total':45} {len(total.statuses):7} {total.killed:7} {len(total.survivors):8}"
        f" {len(total.equivalent):6} {total.unchecked:9} {total.score:6.1f}%"
    )
    return 1 if failed else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--module", default="*", help="glob on the dotted module names")
    parser.add_argument("--run", action="store_true", help="run mutmut on them first")
    parser.add_argument("--threshold", type=float, default=95.0, help="minimum score in %%")
    parser.add_argument(
        "--recheck",
        nargs="+",
        metavar="TEST",
        help="run each survivor again in a fresh process on these test paths",
    )
    args = parser.parse_args()
    modules = [m for m in configured_modules() if fnmatch.fnmatchcase(m, args.module)]
    if not modules:
        sys.exit(f"no configured module matches {args.module!r} (see [tool.mutmut] only_mutate)")
    if args.run:
        run_mutmut(modules)
    return report(modules, args.threshold, args.recheck)


if __name__ == "__main__":
    sys.exit(main())

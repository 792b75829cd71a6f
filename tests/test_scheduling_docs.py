"""docs/scheduling.md works as written: its config loads, its crontab line and systemd
units name a command this CLI accepts, and systemd itself accepts the units."""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from stargate_digest.cli import build_parser
from stargate_digest.schedule import load_config

DOC = (Path(__file__).resolve().parent.parent / "docs" / "scheduling.md").read_text("utf-8")
INSTALLED = "/opt/stargate-digest/.venv/bin/stargate-digest"


def _blocks(kind: str) -> list[str]:
    return re.findall(rf"```{kind}\n(.*?)```", DOC, re.DOTALL)


def _accepted(command: str) -> list[str]:
    """The arguments after the installed program, checked by the real parser."""
    argv = shlex.split(command)
    assert argv[0] == INSTALLED
    args = build_parser().parse_args(argv[1:])
    assert args.command == "digest"
    return argv[1:]


def test_the_example_configuration_loads(tmp_path: Path) -> None:
    (example,) = _blocks("toml")
    path = tmp_path / "job.toml"
    path.write_text(example, "utf-8")
    config = load_config(path)
    assert len(config.sources) == 3 and config.formats == ["markdown", "json", "html"]
    assert config.state == Path("/var/lib/stargate-digest/state.sqlite")
    assert config.locations()[1] == Path("/var/www/digests")


def test_the_crontab_line() -> None:
    (block,) = _blocks("crontab")
    (line,) = [row for row in block.splitlines() if row and not row.startswith("#")]
    fields = line.split(maxsplit=5)
    assert fields[:5] == ["*/15", "*", "*", "*", "*"]
    command = fields[5].split(" >> ")[0]
    assert _accepted(command)[:3] == ["digest", "--config", "/etc/stargate-digest/job.toml"]


def test_the_systemd_units(tmp_path: Path) -> None:
    service, timer = _blocks("ini")
    (exec_start,) = re.findall(r"^ExecStart=(.*)$", service, re.MULTILINE)
    argv = _accepted(exec_start)
    assert "--state" in argv and argv[argv.index("--state") + 1].startswith(
        "/var/lib/stargate-digest/"
    )
    assert "SuccessExitStatus=75" in service
    verifier = shutil.which("systemd-analyze")
    if verifier is None:
        pytest.skip("systemd-analyze is not installed: the units were only parsed")
    # systemd checks that the program exists: point it at this environment's script.
    script = Path(sys.executable).parent / "stargate-digest"
    (tmp_path / "stargate-digest.service").write_text(service.replace(INSTALLED, str(script)))
    (tmp_path / "stargate-digest.timer").write_text(timer)
    checked = subprocess.run(
        [verifier, "verify", "stargate-digest.service", "stargate-digest.timer"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert checked.returncode == 0 and checked.stderr == "", checked.stderr

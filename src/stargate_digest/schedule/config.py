"""A scheduled job's settings: a TOML file, overridden by the command line.

Relative paths in the file (sources, state, output_dir) are read relative to the file,
so that cron and systemd, which start in another folder, find the same things.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any, Literal

from pydantic import (
    ConfigDict,
    NonNegativeFloat,
    NonNegativeInt,
    PositiveFloat,
    PositiveInt,
    ValidationError,
)

from stargate_digest.digest.render import Format
from stargate_digest.errors import ConfigurationError
from stargate_digest.extractors.llm_settings import LLMOptions
from stargate_digest.ingest.fetch import DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT, is_url


class JobConfig(LLMOptions):
    """Everything ``stargate-digest digest`` needs; see docs/scheduling.md. The LLM
    settings (model, base_url, concurrency, ...) are ``LLMOptions``' fields."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    sources: list[str] = []  # noqa: RUF012 (pydantic copies defaults; ruff cannot see the base)
    state: Path | None = None
    output_dir: Path | None = None
    formats: list[Format] = ["markdown", "json"]  # noqa: RUF012
    backend: Literal["auto", "rules", "openai"] | None = None  # None: $STARGATE_DIGEST_BACKEND
    max_bytes: PositiveInt = DEFAULT_MAX_BYTES
    timeout: PositiveFloat = DEFAULT_TIMEOUT
    retries: NonNegativeInt = 3
    retry_wait: NonNegativeFloat = 2.0
    max_pages: PositiveInt = 100
    lock_timeout: NonNegativeFloat = 60.0

    def merged(self, overrides: dict[str, Any]) -> JobConfig:
        """These settings with the ones given on the command line put over them."""
        return _validated({**self.model_dump(), **overrides}, "the command line")

    def locations(self) -> tuple[Path, Path]:
        """The state file and the output folder; ConfigurationError naming what is missing
        (sources, state or output_dir) when the job cannot run."""
        given = {"--source": self.sources, "--state": self.state, "--output-dir": self.output_dir}
        missing = [flag for flag, value in given.items() if not value]
        if missing or self.state is None or self.output_dir is None:
            raise ConfigurationError(
                f"the digest job needs {', '.join(missing)} (on the command line or in "
                "a --config file)"
            )
        return self.state, self.output_dir


def _validated(data: dict[str, Any], origin: str) -> JobConfig:
    try:
        return JobConfig.model_validate(data)
    except ValidationError as exc:
        problem = exc.errors()[0]
        where = ".".join(str(part) for part in problem["loc"]) or "settings"
        raise ConfigurationError(f"{origin}: {where}: {problem['msg']}") from None


def load_config(path: Path) -> JobConfig:
    """Read a job's TOML file; every problem becomes one ConfigurationError sentence."""
    try:
        data = tomllib.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        raise ConfigurationError(f"{path}: no such configuration file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigurationError(f"{path}: could not be read ({exc})") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigurationError(f"{path}: is not valid TOML ({exc})") from None
    config = _validated(data, str(path))
    base = path.resolve().parent
    return config.model_copy(
        update={
            "sources": [
                s if is_url(s) else str(base / Path(s).expanduser()) for s in config.sources
            ],
            "state": base / config.state.expanduser() if config.state else None,
            "output_dir": base / config.output_dir.expanduser() if config.output_dir else None,
        }
    )

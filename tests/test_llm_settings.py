"""One definition of every LLM setting: the CLI, the Python API and the job's TOML agree."""

from __future__ import annotations

from pathlib import Path

import pytest

from stargate_digest.cli import build_parser
from stargate_digest.errors import ConfigurationError
from stargate_digest.extractors.llm_settings import LLMOptions, LLMSettings
from stargate_digest.schedule.config import JobConfig, load_config

SECRET = {"api_key", "organization", "project"}  # from the environment only
INTERNAL = {"mode", "reask_wait"}  # for tests and library callers, not for a config file


def test_the_file_options_are_the_settings_less_secrets() -> None:
    assert set(LLMOptions.model_fields) == set(LLMSettings.model_fields) - SECRET - INTERNAL
    assert set(LLMOptions.model_fields) <= set(JobConfig.model_fields)


def test_the_job_toml_takes_every_llm_setting_and_checks_it(tmp_path: Path) -> None:
    path = tmp_path / "job.toml"
    path.write_text('model = "o4-mini"\nrequest_timeout = 30\nserver = "ollama"\n', "utf-8")
    settings = LLMSettings.from_options(load_config(path))
    assert (settings.model, settings.request_timeout, settings.server) == ("o4-mini", 30, "ollama")
    path.write_text("concurrency = 0\n", "utf-8")
    with pytest.raises(ConfigurationError, match="concurrency"):
        load_config(path)


def test_the_command_line_reaches_the_same_settings() -> None:
    args = build_parser().parse_args(
        ["extract", "x", "--request-timeout", "5", "--temperature", "0.2", "--server", "vllm",
         "--context-tokens", "8192", "--model", "m"]
    )  # fmt: skip
    settings = LLMSettings.from_options(args)
    assert (settings.request_timeout, settings.temperature, settings.server,
            settings.context_tokens, settings.model) == (5, 0.2, "vllm", 8192, "m")  # fmt: skip


def test_every_environment_variable_is_documented() -> None:
    doc = (Path(__file__).resolve().parent.parent / "docs" / "llm.md").read_text("utf-8")
    for variable in LLMSettings.environment().values():
        assert variable in doc, variable


def test_no_test_sees_the_users_llm_environment() -> None:
    import os

    for variable in LLMSettings.environment().values():
        assert variable not in os.environ or variable == "STARGATE_DIGEST_CACHE", variable

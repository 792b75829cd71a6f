"""The command line's option groups, shared by the commands (cli.py assembles them into
the grammar). Standard library only at import, like cli.py (--help stays fast)."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from pathlib import Path


def positive(kind: Callable[[str], float]) -> Callable[[str], float]:
    """An argparse type that accepts only numbers above zero."""

    def parse(text: str) -> float:
        try:
            value = kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
        if value <= 0:
            raise argparse.ArgumentTypeError(f"must be above zero, not {text}")
        return value

    return parse


def _given(default: object, defaults: bool) -> object:
    """``default``, or nothing at all for a command whose defaults come from a config file."""
    return default if defaults else argparse.SUPPRESS


def global_options(*, defaults: bool) -> argparse.ArgumentParser:
    """-v, -q and --debug, accepted before the command (``defaults``) and after it (where
    they default to nothing, so as not to undo what was given before)."""
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument(
        "-v",
        "--verbose",
        action="count",
        default=_given(0, defaults),
        help="more detail on stderr (-vv: debug)",
    )
    parent.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        default=_given(False, defaults),
        help="only errors on stderr: no progress bar, usage line or notes",
    )
    parent.add_argument(
        "--debug",
        action="store_true",
        default=_given(False, defaults),
        help="show tracebacks of internal errors",
    )
    return parent


def _common_options(*, defaults: bool = True) -> argparse.ArgumentParser:
    parent = argparse.ArgumentParser(add_help=False, parents=[global_options(defaults=False)])
    parent.add_argument(
        "--max-bytes",
        type=positive(int),
        default=_given(20 * 1024 * 1024, defaults),
        help="refuse a file or download larger than this (default: 20 MiB)",
    )
    parent.add_argument(
        "--timeout",
        type=positive(float),
        default=_given(20.0, defaults),
        help="seconds to wait for a URL (default: 20)",
    )
    return parent


def input_options() -> argparse.ArgumentParser:
    parent = argparse.ArgumentParser(add_help=False, parents=[_common_options()])
    parent.add_argument("inputs", nargs="+", metavar="PATH_OR_URL", help="files, folders, URLs")
    return parent


def output_options(formats: Sequence[str], default: str) -> argparse.ArgumentParser:
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument(
        "--format",
        choices=formats,
        help=f"(default: from the --output file's extension, else {default})",
    )
    parent.add_argument("--output", "-o", type=Path, help="write here (atomically), not stdout")
    parent.set_defaults(output_formats=list(formats), default_format=default)
    return parent


def _llm_options(*, defaults: bool = True) -> argparse.ArgumentParser:
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument(
        "--backend",
        choices=["auto", "rules", "openai"],  # extractors.CHOICES, not imported: --help speed
        default=_given(None, defaults),
        help="claim extractor; auto picks openai when OPENAI_API_KEY is set, else rules "
        "(default: $STARGATE_DIGEST_BACKEND or auto)",
    )
    llm = parent.add_argument_group("openai backend (any OpenAI-compatible server)")
    llm.add_argument(
        "--model",
        default=_given(None, defaults),
        help="model name (default: $STARGATE_DIGEST_MODEL or gpt-4o-mini)",
    )
    llm.add_argument(
        "--base-url",
        default=_given(None, defaults),
        help="API base URL, e.g. http://localhost:11434/v1 (default: $OPENAI_BASE_URL)",
    )
    llm.add_argument(
        "--concurrency",
        type=positive(int),
        default=_given(8, defaults),
        help="calls at a time (default: 8)",
    )
    llm.add_argument(
        "--max-input-tokens",
        type=positive(int),
        default=_given(16_000, defaults),
        help="prompt budget per call; longer articles are split (default: 16000)",
    )
    llm.add_argument(
        "--max-retries",
        type=int,
        default=_given(3, defaults),
        help="retries of rate limits, server errors and time-outs per call (default: 3)",
    )
    llm.add_argument(
        "--request-timeout",
        type=positive(float),
        default=_given(None, defaults),
        help="seconds one call may take (default: $STARGATE_DIGEST_REQUEST_TIMEOUT or 120)",
    )
    llm.add_argument(
        "--temperature",
        type=float,
        default=_given(None, defaults),
        help="sampling temperature (default: 0, or none for models that refuse one)",
    )
    llm.add_argument(
        "--server",
        choices=["openai", "azure", "vllm", "ollama", "llamacpp", "compatible"],
        default=_given(None, defaults),
        help="what serves --base-url (default: $STARGATE_DIGEST_SERVER or guessed from it)",
    )
    llm.add_argument(
        "--context-tokens",
        type=positive(int),
        default=_given(None, defaults),
        help="the server's context window; prompts are sized to fit it (default: "
        "$STARGATE_DIGEST_CONTEXT_TOKENS, 4096 for Ollama, else unlimited)",
    )
    return parent


def backend_options() -> argparse.ArgumentParser:
    parent = argparse.ArgumentParser(add_help=False, parents=[_llm_options()])
    parent.add_argument(
        "--topic",
        default="stargate",
        metavar="NAME_OR_TOML",
        help="the story's topic profile: a bundled name or a profile file "
        "(docs/topics.md; default: stargate)",
    )
    llm = parent.add_argument_group("openai runs")
    llm.add_argument(
        "--dry-run",
        action="store_true",
        help="print the estimated tokens and cost of the run; call nothing",
    )
    llm.add_argument(
        "--batch", action="store_true", help="use the Batch API (half price, up to 24 h)"
    )
    llm.add_argument(
        "--cache",
        type=Path,
        help="cache database (default: $STARGATE_DIGEST_CACHE or "
        "~/.cache/stargate-digest/cache.sqlite)",
    )
    llm.add_argument("--no-cache", action="store_true", help="neither read nor write the cache")
    return parent


def job_options() -> argparse.ArgumentParser:
    """``digest``: every setting may come from --config; what is given here wins."""
    parent = argparse.ArgumentParser(
        add_help=False, parents=[_common_options(defaults=False), _llm_options(defaults=False)]
    )
    job = parent.add_argument_group("job")
    nothing = argparse.SUPPRESS
    job.add_argument("--config", type=Path, help="TOML file with the job's settings")
    job.add_argument(
        "--source",
        dest="sources",
        action="extend",
        nargs="+",
        metavar="SRC",
        default=nothing,
        help="folder, file, page, RSS/Atom feed or WordPress REST URL (repeatable)",
    )
    job.add_argument("--state", type=Path, default=nothing, help="the job's SQLite state file")
    job.add_argument("--output-dir", type=Path, default=nothing, help="where digests are written")
    job.add_argument(
        "--html",
        dest="formats",
        action="store_const",
        const=["markdown", "json", "html"],
        default=nothing,
        help="write an HTML digest too (default: Markdown and JSON)",
    )
    job.add_argument(
        "--retries",
        type=int,
        default=nothing,
        help="retries of a source that fails for a while (default: 3)",
    )
    job.add_argument(
        "--retry-wait",
        type=float,
        default=nothing,
        help="seconds before the first retry, doubled each time (default: 2)",
    )
    job.add_argument(
        "--max-pages",
        type=positive(int),
        default=nothing,
        help="pages to follow per paginated source (default: 100)",
    )
    job.add_argument(
        "--lock-timeout",
        type=float,
        default=nothing,
        help="seconds to wait for an overlapping run to finish (default: 60)",
    )
    return parent

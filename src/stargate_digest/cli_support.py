"""The command line's small helpers: the output format from -o, standard input, --version
and shell completion. Standard library only at import, like cli.py (--help stays fast)."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from stargate_digest.ingest import IngestResult

PROG = "stargate-digest"
STDIN = "-"
_EXTENSIONS = {
    ".md": "markdown", ".markdown": "markdown", ".json": "json", ".jsonl": "jsonl",
    ".html": "html", ".htm": "html", ".txt": "table",
}  # fmt: skip


def resolve_output(args: argparse.Namespace) -> str | None:
    """Set the format: as given, else the output file's extension, else the command's
    default. An output that names a folder is the one sentence returned (checked before
    any work is done)."""
    output: Path | None = getattr(args, "output", None)
    if not hasattr(args, "output_formats"):
        return None
    if output is not None and output.is_dir():
        example = output / f"digest.{_extension(args.format or args.default_format)}"
        return f"--output {output} is a folder; name a file in it, such as {example}"
    if args.format is None:
        guessed = _EXTENSIONS.get(output.suffix.lower()) if output is not None else None
        args.format = guessed if guessed in args.output_formats else args.default_format
    return None


def _extension(fmt: str) -> str:
    return {"markdown": "md", "table": "txt"}.get(fmt, fmt)


class VersionAction(argparse.Action):
    """--version, reading the package metadata only when asked (not on every start)."""

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> None:
        import stargate_digest

        print(f"{PROG} {stargate_digest.__version__}")
        parser.exit()


def complete(parser: argparse.ArgumentParser) -> None:
    """Shell completion through argcomplete, imported only when a shell asks for it, so
    that every other start stays fast (README, "Shell completion")."""
    if "_ARGCOMPLETE" not in os.environ:
        return
    import argcomplete

    argcomplete.autocomplete(parser)


def read_stdin(result: IngestResult, max_bytes: int) -> None:
    """The article on standard input ('-'), read like a file of any format; its id is
    "stdin" (or "stdin-2" when taken)."""
    from stargate_digest.errors import InputError
    from stargate_digest.ingest import read_raw
    from stargate_digest.ingest.fetch import RawDocument, format_size

    data = sys.stdin.buffer.read(max_bytes + 1)
    try:
        if len(data) > max_bytes:
            raise InputError("standard input", f"is over the {format_size(max_bytes)} limit")
        read = read_raw(RawDocument(source="standard input", data=data))
    except InputError as error:
        result.errors.append(error)
        return
    result.errors.extend(read.errors)
    taken = {a.id for a in result.articles}
    for article in read.articles:  # ids as for a file named "stdin"
        ident = "stdin" + article.id.removeprefix("standard input")
        article.id = next(
            i for i in (ident, *(f"{ident}-{n}" for n in range(2, len(taken) + 3)))
            if i not in taken
        )  # fmt: skip
        taken.add(article.id)
        result.articles.append(article)


def hold_collector() -> None:
    """In a command-line process, no garbage collection while the modules are imported
    (cli.main, until ``freeze_imports`` or ``release_collector``): the imports make
    hundreds of thousands of objects that live as long as the process (pydantic's
    schemas above all), and each collection on the way scans them again, about 2 % of a
    `summarize`'s instructions."""
    import gc

    gc.disable()


def release_collector(args: argparse.Namespace) -> None:
    """Collect garbage again (only in a command-line process, where ``hold_collector`` ran)."""
    if getattr(args, "whole_process", False):
        import gc

        gc.enable()


def freeze_imports(args: argparse.Namespace) -> None:
    """In a command-line process, keep the garbage collector from scanning again and again
    the objects the imports made (pydantic's schemas above all), which live as long as
    the process: about 3 % of a short run's CPU; then collect again. Not done inside a
    caller's process."""
    if getattr(args, "whole_process", False):
        import gc

        gc.freeze()
        gc.enable()


def quiet_pydantic_plugins() -> None:
    """In a command-line process, unless the user set it, ``PYDANTIC_DISABLE_PLUGINS``:
    pydantic's first model class otherwise reads the entry points of every installed
    distribution in search of plugins (pydantic documents the variable), about 1.5 % of a
    `summarize`'s instructions. A user who wants a plugin in the tool sets the variable
    to an empty string (README); a caller's process is never changed."""
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")


class _RedactingFormatter(logging.Formatter):
    """Log lines (and tracebacks at -vv) pass through the same redaction as errors."""

    def format(self, record: logging.LogRecord) -> str:
        from stargate_digest.redact import redact

        return redact(super().format(record))


def configure_logging(verbosity: int, *, quiet: bool = False) -> None:
    level = logging.WARNING if verbosity == 0 else logging.INFO if verbosity == 1 else logging.DEBUG
    if quiet:
        level = logging.ERROR
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_RedactingFormatter(f"{PROG}: %(message)s"))
    log = logging.getLogger("stargate_digest")
    log.handlers[:] = [handler]
    log.setLevel(level)
    log.propagate = False

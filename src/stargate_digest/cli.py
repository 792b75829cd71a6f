# PYTHON_ARGCOMPLETE_OK
"""Command line: ``stargate-digest ingest|extract|summarize|digest|evaluate|schema``.

Only the standard library is imported at start-up so that ``--help`` answers at once;
each command imports what it needs. Exit codes: 0 success, 1 some input failed
(partial output still written), 2 usage or input error (nothing could be produced).
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from stargate_digest.cli_options import (
    backend_options,
    global_options,
    input_options,
    job_options,
    output_options,
)
from stargate_digest.cli_support import (
    PROG,
    STDIN,
    VersionAction,
    complete,
    configure_logging,
    freeze_imports,
    hold_collector,
    quiet_pydantic_plugins,
    read_stdin,
    release_collector,
    resolve_output,
)

if TYPE_CHECKING:
    from stargate_digest.errors import InputError
    from stargate_digest.extractors.llm import LLMExtractor, LLMSettings
    from stargate_digest.ingest import IngestResult
    from stargate_digest.models import Article, ArticleClaims
    from stargate_digest.topic import TopicProfile

EXIT_OK = 0
EXIT_PARTIAL = 1
EXIT_USAGE = 2

log = logging.getLogger("stargate_digest")


class UsageError(Exception):
    """Bad arguments or inputs such that nothing could be produced (exit 2)."""


def build_parser() -> argparse.ArgumentParser:
    """The whole command-line grammar."""
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Read news coverage of one story, extract verified claims, flag "
        "where the sources' numbers disagree. PATH_OR_URL '-' reads an article from "
        "standard input.",
        parents=[global_options(defaults=True)],
    )
    parser.add_argument(
        "--version", action=VersionAction, nargs=0, help="show the version and exit"
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    inputs = input_options()
    commands.add_parser(
        "ingest",
        parents=[inputs, output_options(["table", "json"], "table")],
        help="show what was read from each input",
        description="Read the inputs and show, per article, what was kept and dropped.",
    ).set_defaults(run=_run_ingest)
    commands.add_parser(
        "extract",
        parents=[inputs, backend_options(), output_options(["json", "jsonl"], "json")],
        help="extract claims from each article",
        description="Extract typed, quote-grounded claims from every article.",
    ).set_defaults(run=_run_extract)
    commands.add_parser(
        "summarize",
        parents=[
            inputs,
            backend_options(),
            output_options(["markdown", "json", "html"], "markdown"),
        ],
        help="write a digest of the coverage",
        description="Extract, reconcile and write a digest of all the inputs.",
    ).set_defaults(run=_run_summarize)
    commands.add_parser(
        "digest",
        parents=[job_options()],
        help="scheduled, incremental digests of sources that grow",
        description="Read what is new in the sources, extract only that, and write a dated "
        "digest (and latest.*) when anything changed. For cron and systemd timers: see "
        "docs/scheduling.md. Exit codes: 0 done, 1 some source or article failed, 2 usage "
        "or configuration error, 75 another run holds the state.",
    ).set_defaults(run=_run_digest)
    schema = commands.add_parser(
        "schema",
        help="print the JSON Schema of the digest (summarize --format json)",
        description="Print the JSON Schema (draft 2020-12) of the Digest that summarize "
        "--format json writes; every other model (Claim, Disagreement, ...) is in its $defs.",
    )
    schema.add_argument("--output", "-o", type=Path, help="write here (atomically), not stdout")
    schema.set_defaults(run=_run_schema)
    evaluate = commands.add_parser(
        "evaluate",
        parents=[backend_options(), output_options(["markdown", "json"], "markdown")],
        help="score extraction and findings against gold sets",
        description="Score the extractor and the reconciler against hand-annotated gold sets "
        "(tests/corpus/README.md): per story and language, precision, recall, metric and "
        "scope accuracy; recall of the gold disagreements by kind, kind accuracy and false "
        "alarms, from the backend's claims and from the gold claims; quantulum3 beside it.",
    )
    evaluate.add_argument(
        "gold_dirs", nargs="+", type=Path, metavar="GOLD_DIR", help="story folders or their parents"
    )
    evaluate.add_argument("--no-peer", action="store_true", help="leave quantulum3 out")
    evaluate.add_argument("--debug", action="store_true", help="show tracebacks of internal errors")
    evaluate.add_argument("-v", "--verbose", action="count", default=0, help="more detail")
    evaluate.set_defaults(run=_run_evaluate)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script; returns the exit code."""
    if argv is not None:  # a caller's process: its ``re`` cache is its own
        return _main(argv)
    # What earlier runs kept built: dataclass methods, regexes and data files.
    from stargate_digest import compiled_code, compiled_patterns, data_tables

    quiet_pydantic_plugins()
    hold_collector()
    compiled_code.install()
    compiled_patterns.widen_re_cache()
    compiled_patterns.load()
    data_tables.load()
    try:
        return _main(argv)
    finally:
        compiled_patterns.save()
        data_tables.save()
        compiled_code.save()


def _main(argv: Sequence[str] | None) -> int:
    parser = build_parser()
    complete(parser)
    args = parser.parse_args(argv)
    args.whole_process = argv is None  # a command-line process, not a caller's main([...])
    configure_logging(args.verbose, quiet=args.quiet)
    run: Callable[[argparse.Namespace], int] = args.run
    if run is not _run_summarize:  # summarize collects again once its imports are done
        release_collector(args)
    try:
        problem = resolve_output(args)
        if problem:
            raise UsageError(problem)
        return run(args)
    except UsageError as exc:
        _error(str(exc))
        return EXIT_USAGE
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:
        from stargate_digest.errors import StargateError

        if args.debug:
            raise
        if isinstance(exc, StargateError):
            _error(str(exc))
            return exc.exit_code
        _say(f"internal error: {type(exc).__name__}: {exc} (run with --debug for the traceback)")
        return EXIT_USAGE


def _say(text: str) -> None:
    """One line on stderr; every line goes through the one redaction (redact.py)."""
    from stargate_digest.redact import redact

    print(f"{PROG}: {redact(text)}", file=sys.stderr)


def _error(text: str) -> None:
    _say(f"error: {text}")


def _load(args: argparse.Namespace) -> IngestResult:
    """Ingest every input, reporting each failure on stderr as one sentence."""
    from stargate_digest.ingest import load_articles
    from stargate_digest.ingest.fetch import is_url

    paths = [source for source in args.inputs if source != STDIN]
    urls = len({source for source in paths if is_url(source)})
    with _progress_bar(urls, args.quiet, "pages fetched") as advance:
        result = load_articles(
            paths, max_bytes=args.max_bytes, timeout=args.timeout, progress=advance
        )
    if STDIN in args.inputs:
        read_stdin(result, args.max_bytes)
    for error in result.errors:
        _report(error)
    if not result.articles:
        raise UsageError("no article could be read from the inputs")
    return result


def _report(error: InputError) -> None:
    _error(str(error))


def _emit(args: argparse.Namespace, text: str) -> None:
    if args.output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    from stargate_digest.atomic import write_text_atomic

    try:
        write_text_atomic(args.output, text)
    except OSError as exc:
        raise UsageError(f"{args.output}: could not be written ({exc.strerror or exc})") from None
    log.info("wrote %s", args.output)


def _exit_code(errors: Sequence[object]) -> int:
    return EXIT_PARTIAL if errors else EXIT_OK


def _run_ingest(args: argparse.Namespace) -> int:
    from stargate_digest.digest.jsonout import article_json

    result = _load(args)
    if args.format == "json":
        import json

        rows = [article_json(article) for article in result.articles]
        _emit(args, json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
    else:
        from stargate_digest.ingest.report import ingest_table

        _emit(args, ingest_table(result.articles))
    return _exit_code(result.errors)


def _run_extract(args: argparse.Namespace) -> int:
    from stargate_digest.digest.jsonout import extraction_json, extraction_jsonl

    result = _load(args)
    if args.dry_run:
        return _dry_run(args, result.articles)
    extracted = _extract(args, result.articles)
    render = extraction_jsonl if args.format == "jsonl" else extraction_json
    _emit(args, render(extracted))
    return _exit_code([*result.errors, *(r for r in extracted if r.error)])


def _run_summarize(args: argparse.Namespace) -> int:
    from stargate_digest.digest.render import render
    from stargate_digest.pipeline import build_digest

    freeze_imports(args)
    result = _load(args)
    if args.dry_run:
        return _dry_run(args, result.articles)
    extracted = _extract(args, result.articles)
    # build_digest adds the articles whose extraction failed to the inputs that failed.
    digest = build_digest(
        extracted,
        backend=extracted[0].backend,
        errors=[str(error) for error in result.errors],
        topic=_topic(args),
    )
    from stargate_digest.extractors import backend_of

    # A batch run makes no direct calls, so no summary call either.
    if backend_of(digest.backend).writes_summary and not args.batch:
        import asyncio

        from stargate_digest.digest.narrative import narrate
        from stargate_digest.extractors.llm_cost import UsageTally, usage_line

        tally = UsageTally()
        settings = _llm_settings(args)
        digest = asyncio.run(narrate(digest, settings, tally))
        _say(usage_line("summary", [tally.usage(settings.model)]))
    _emit(args, render(digest, result.articles, args.format))
    return _exit_code(digest.errors)


def _run_digest(args: argparse.Namespace) -> int:
    from stargate_digest.schedule.config import JobConfig, load_config
    from stargate_digest.schedule.job import run_job

    configured = load_config(args.config) if args.config else JobConfig()
    given = {name: value for name, value in vars(args).items() if name in JobConfig.model_fields}
    report = run_job(configured.merged(given))
    for failure in report.failures:
        _error(failure)
    if report.outcome == "empty":
        raise UsageError("no article could be read from the sources")
    if not args.quiet:
        print(f"{PROG}: {report.line()}")
    return _exit_code(report.failures)


def _run_schema(args: argparse.Namespace) -> int:
    import json

    from stargate_digest.models import SCHEMA_VERSION, Digest

    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$comment": f"stargate-digest data contract {SCHEMA_VERSION}",
        **Digest.model_json_schema(),
    }
    _emit(args, json.dumps(schema, ensure_ascii=False, indent=2) + "\n")
    return EXIT_OK


def _run_evaluate(args: argparse.Namespace) -> int:
    import json

    from stargate_digest.corpus import find_stories, held_out_notes
    from stargate_digest.evaluate import evaluate_stories, render_report, report_json
    from stargate_digest.extractors import backend_of

    stories = find_stories(args.gold_dirs)
    for note in [] if args.quiet else held_out_notes(args.gold_dirs):
        _say(note)
    name = _backend_name(args)
    backend = backend_of(name)
    with ExitStack() as stack:

        def make_extractor(topic: TopicProfile) -> object:
            if not backend.calls_api:
                return backend.create(topic=topic)
            return _llm_extractor(args, stack, topic)

        reports = evaluate_stories(
            stories, make_extractor, name, peer=not args.no_peer, on_error=_report
        )
    if args.format == "json":
        _emit(args, json.dumps(report_json(reports), indent=2) + "\n")
    else:
        _emit(args, render_report(reports))
    return EXIT_OK


def _topic(args: argparse.Namespace) -> TopicProfile:
    """The topic profile named by --topic; one sentence when it cannot be loaded."""
    from stargate_digest.topic import load_topic

    try:
        return load_topic(args.topic)
    except (OSError, ValueError) as exc:  # TOML and validation errors are ValueErrors
        first = str(exc).splitlines()[0]
        reason = (
            "is neither a bundled profile nor a readable .toml file"
            if isinstance(exc, OSError)
            else f"is invalid ({first})"
        )
        raise UsageError(f"topic profile {args.topic} {reason}") from exc


def _backend_name(args: argparse.Namespace) -> str:
    """The concrete backend; says on stderr what ``auto`` picked and why."""
    from stargate_digest.extractors import backend_of, chosen_backend, resolve_backend

    chosen = chosen_backend(args.backend)
    name = resolve_backend(chosen)
    if chosen == "auto" and backend_of(name).calls_api:  # never chosen silently
        _say(
            f"backend: {name} (OPENAI_API_KEY is set); to stay offline pass "
            "--backend rules or set STARGATE_DIGEST_BACKEND=rules"
        )
    elif chosen == "auto" and not args.quiet:  # the offline default: a note, not a warning
        _say(f"backend: {name} (OPENAI_API_KEY is not set)")
    return name


def _llm_settings(args: argparse.Namespace) -> LLMSettings:
    from stargate_digest.extractors.llm import LLMSettings

    return LLMSettings.from_options(args)


def _llm_extractor(
    args: argparse.Namespace, stack: ExitStack, topic: TopicProfile | None = None
) -> LLMExtractor:
    from stargate_digest.extractors.llm import LLMExtractor
    from stargate_digest.store import Store
    from stargate_digest.user_cache import default_cache_path

    settings = _llm_settings(args)
    store = (
        None if args.no_cache else stack.enter_context(Store(args.cache or default_cache_path()))
    )
    return LLMExtractor(settings, store=store, topic=topic)


def _extract(args: argparse.Namespace, articles: Sequence[Article]) -> list[ArticleClaims]:
    """Claims for every article with the chosen backend; failed articles on stderr."""
    from stargate_digest.pipeline import extract

    name = _backend_name(args)
    from stargate_digest.extractors import backend_of

    topic = _topic(args)
    backend = backend_of(name)
    if not backend.calls_api:
        if args.batch:
            raise UsageError(f"--batch needs a backend that calls an API, not {name}")
        with _progress_bar(len(articles), args.quiet) as advance:
            return extract(articles, backend=backend.create(topic=topic), progress=advance)
    with ExitStack() as stack:
        extractor = _llm_extractor(args, stack, topic)
        if args.batch:
            import asyncio

            extracted = asyncio.run(extractor.extract_batch(articles))
        else:
            with _progress_bar(len(articles), args.quiet) as advance:
                extracted = extract(articles, backend=extractor, progress=advance)
    for failed in (r for r in extracted if r.error):
        _error(f"{failed.article.source}: {failed.error}")
    if not args.quiet:
        _say(_usage_line(extracted))
    return extracted


@contextmanager
def _progress_bar(
    total: int, quiet: bool = False, label: str = "articles"
) -> Iterator[Callable[[int], None]]:
    """A progress bar on stderr while pages are fetched or articles extracted (only on a
    terminal, and not with --quiet)."""
    from stargate_digest.progress import ProgressBar

    if quiet:
        yield lambda _done: None
        return
    bar = ProgressBar(total, label)
    try:
        yield bar.advance
    finally:
        bar.close()


def _usage_line(extracted: Sequence[ArticleClaims]) -> str:
    usages = [r.usage for r in extracted if r.usage]
    costs = [u.cost_usd for u in usages if u.cost_usd is not None]
    cost = f", about ${sum(costs):.4f}" if costs else ""
    return (
        f"{extracted[0].model}: {len(extracted)} articles ({sum(u.from_cache for u in usages)} "
        f"from cache), {sum(u.calls for u in usages)} calls, "
        f"{sum(u.prompt_tokens for u in usages):,} prompt tokens "
        f"({sum(u.cached_tokens for u in usages):,} cached), "
        f"{sum(u.completion_tokens for u in usages):,} completion tokens{cost}"
    )


def _dry_run(args: argparse.Namespace, articles: Sequence[Article]) -> int:
    """Estimated tokens and cost of an openai run, computed offline."""
    from stargate_digest.extractors import backend_of, chosen_backend

    chosen = chosen_backend(args.backend)
    if chosen != "auto" and not backend_of(chosen).calls_api:
        raise UsageError(f"--dry-run estimates the openai backend; the {chosen} backend calls "
                         "nothing")  # fmt: skip
    from stargate_digest.extractors.llm import LLMExtractor
    from stargate_digest.extractors.llm_cost import estimate_report

    extractor = LLMExtractor(_llm_settings(args), topic=_topic(args))
    estimates = extractor.estimate(articles, batch=args.batch)
    _emit(args, estimate_report(extractor.settings.model, estimates))
    return EXIT_OK

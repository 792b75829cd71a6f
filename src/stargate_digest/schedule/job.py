"""One run of a scheduled digest job: read what changed, extract what is new, write a
digest when its inputs differ from the last one's.

Safe under cron: a lock on the state file keeps overlapping runs apart; every document
is recorded (with its validator) before extraction starts, and each extraction result
as soon as it exists, so a run killed at any point loses nothing and the next run
extracts only what is still missing. Digest files are written atomically and recorded
in the state only once all of them are in place.

Idempotence: a digest is written when the fingerprint of its inputs (the current
version of every article, the extractor's version, the inputs that failed and the
output formats) differs from that of the last digest recorded; otherwise the run writes
nothing.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
import os
import re
import sqlite3
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from stargate_digest.atomic import write_text_atomic
from stargate_digest.digest.build import build_digest
from stargate_digest.digest.render import EXTENSIONS, Format, render
from stargate_digest.errors import ConfigurationError, StargateError
from stargate_digest.extractors import (
    backend_of,
    chosen_backend,
    get_extractor,
    resolve_backend,
)
from stargate_digest.extractors.base import Extractor
from stargate_digest.models import Article, ArticleClaims, Digest
from stargate_digest.pipeline import extract
from stargate_digest.redact import redact
from stargate_digest.schedule.changes import compare_digests
from stargate_digest.schedule.config import JobConfig
from stargate_digest.schedule.sources import FetchOptions, read_source
from stargate_digest.store import Store, state_problem

if TYPE_CHECKING:
    from stargate_digest.extractors.llm import LLMSettings

log = logging.getLogger(__name__)

_CHUNK = 32  # articles extracted between two writes of results to the state


class JobBusyError(StargateError):
    """Another run holds the job's lock for longer than this run would wait."""

    exit_code = 75  # EX_TEMPFAIL (sysexits.h): try again later


@dataclass
class RunReport:
    """What one run did: the summary line cron mails, and the exit code's reason."""

    run_id: int
    outcome: Literal["written", "unchanged", "empty"] = "empty"
    articles: int = 0
    new: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    extracted: int = 0
    failures: list[str] = field(default_factory=list)
    files: list[str] = field(default_factory=list)

    def line(self) -> str:
        """One line for the log: what changed and what was written."""
        counts = [f"{len(self.new)} new", f"{len(self.updated)} updated",
                  f"{self.extracted} extracted", f"{self.articles} in all"]  # fmt: skip
        if self.failures:
            counts.append(f"{len(self.failures)} failed")
        outcome = f"wrote {self.files[0]}" if self.files else "nothing new, no digest written"
        return f"run {self.run_id}: {', '.join(counts)}; {outcome}"


def run_job(config: JobConfig, *, now: datetime | None = None) -> RunReport:
    """One run of the job ``config`` describes, under its lock; see the module doc."""
    from filelock import FileLock, Timeout

    state, _ = config.locations()
    lock = FileLock(f"{state}.lock")
    try:
        state.parent.mkdir(parents=True, exist_ok=True)
        try:
            lock.acquire(timeout=0)
        except Timeout:  # say so: a run that seems to hang is waiting for another
            log.info(
                "%s: another run holds the state; waiting up to %g seconds", state,
                config.lock_timeout,
            )  # fmt: skip
            lock.acquire(timeout=config.lock_timeout)
    except Timeout:
        raise JobBusyError(
            f"{state}: another run is using this state and did not finish within "
            f"{config.lock_timeout:g} seconds (--lock-timeout); this run did nothing"
        ) from None
    except OSError as exc:
        raise ConfigurationError(f"{state}: cannot lock the state ({exc})") from None
    try:
        with Store(state) as store:  # StateError naming the file when it is unusable
            return _run(config, store, now or datetime.now(UTC))
    except sqlite3.Error as exc:  # damaged pages, a read-only file or a full disk mid-run
        raise state_problem(state, exc) from None
    finally:
        lock.release()


def _run(config: JobConfig, store: Store, now: datetime) -> RunReport:
    _tidy(config.locations()[1], store)
    report = RunReport(store.begin_run())
    _gather(config, store, report)
    source_failures = list(report.failures)
    articles = store.current_articles()
    report.articles = len(articles)
    if not articles:  # nothing read, now or ever: the failures say why
        store.finish_run(report.run_id, report.outcome, asdict(report))
        return report
    extractor = _extractor(config, store)
    results = _extract(store, extractor, articles, report)
    report.failures += [f"{r.article.id}: {r.error}" for r in results if r.error]
    fingerprint = _fingerprint(articles, extractor.version, report.failures, config.formats)
    last = store.last_digest()
    if last is not None and last.fingerprint == fingerprint:
        report.outcome = "unchanged"
        store.finish_run(report.run_id, report.outcome, asdict(report))
        return report
    digest = _digest(config, results, extractor.name, source_failures, now)
    digest = digest.model_copy(
        update={"changes": compare_digests(last.digest if last else None, digest)}
    )
    stamp = f"{now:%Y%m%dT%H%M%SZ}-run{report.run_id}"
    store.plan_files(report.run_id, list(_paths(config, stamp)))  # so a killed run is tidied up
    report.files = _write(digest, articles, config, stamp)
    store.record_digest(report.run_id, fingerprint, digest, report.files)
    report.outcome = "written"
    store.finish_run(report.run_id, report.outcome, asdict(report))
    return report


_LEFTOVER_TEMPORARY = re.compile(r"\.(?:latest|digest-\d{8}T\d{6}Z-run\d+)\.\w+\..+\.tmp")


def _tidy(folder: Path, store: Store) -> None:
    """Remove what a killed run left in the output folder: temporary files of an atomic
    write, and the dated digest files of a run that was killed before it recorded them
    (the state lists the files each run was about to write; the next digest supersedes
    them). Runs under the lock, so no other run is writing."""
    for run_id, files in store.interrupted_runs():
        for name in files:
            path = Path(name)
            if path.name.startswith("digest-") and path.exists():
                log.warning("%s: removed, left by an interrupted run", path)
                path.unlink(missing_ok=True)
        store.finish_run(run_id, "interrupted", {"removed_files": files})
    try:
        names = sorted(entry.name for entry in os.scandir(folder) if entry.is_file())
    except OSError:  # no folder yet, or a file in its place: writing will say so
        return
    for name in names:
        if _LEFTOVER_TEMPORARY.fullmatch(name):
            log.warning("%s: removed, left by an interrupted run", folder / name)
            (folder / name).unlink(missing_ok=True)


def _gather(config: JobConfig, store: Store, report: RunReport) -> None:
    """Record every new or changed document of every source; failures go in the report."""
    options = FetchOptions(
        max_bytes=config.max_bytes,
        timeout=config.timeout,
        retries=config.retries,
        retry_wait=config.retry_wait,
        max_pages=config.max_pages,
    )
    for source in config.sources:
        for item in read_source(source, store.validator, options):
            if isinstance(item, StargateError):
                report.failures.append(redact(str(item)))  # the caller reports each one
                continue
            report.failures += [redact(str(error)) for error in item.errors]
            # a document with a broken entry is read again next run, so it is named again
            validator = None if item.errors else item.validator
            recorded = store.record_documents(item.articles, report.run_id, validator, source)
            log.info(
                "%s: %d new, %d updated, %d duplicates",
                item.validator.location,
                *map(len, (recorded.new, recorded.updated, recorded.duplicates)),
            )
            report.new += recorded.new
            report.updated += recorded.updated
            report.duplicates += recorded.duplicates


def _extractor(config: JobConfig, store: Store) -> Extractor:
    """The configured backend; the LLM's answer cache lives in the job's state."""
    chosen = chosen_backend(config.backend)
    name = resolve_backend(chosen)
    if chosen == "auto" and backend_of(name).calls_api:  # a paid API is never chosen silently
        log.warning(
            'backend: %s (OPENAI_API_KEY is set); to stay offline set backend = "rules" in '
            "the job's file or STARGATE_DIGEST_BACKEND=rules",
            name,
        )
    else:
        log.info("backend: %s", name)
    if not backend_of(name).takes_options:
        return get_extractor(name)
    return get_extractor(name, settings=_llm_settings(config), store=store)


def _llm_settings(config: JobConfig) -> LLMSettings:
    from stargate_digest.extractors.llm import LLMSettings

    return LLMSettings.from_options(config)


def _extract(
    store: Store, extractor: Extractor, articles: Sequence[Article], report: RunReport
) -> list[ArticleClaims]:
    """Stored results where the state has them; the rest extracted and stored in chunks."""
    stored = {a.id: store.stored_result(a, extractor.version) for a in articles}
    pending = [a for a in articles if stored[a.id] is None]
    fresh: dict[str, ArticleClaims] = {}
    for start in range(0, len(pending), _CHUNK):
        results = extract(pending[start : start + _CHUNK], backend=extractor)
        store.put_results(results, extractor.version)
        fresh.update((r.article.id, r) for r in results)
    report.extracted = sum(1 for r in fresh.values() if not r.error)
    return [stored[a.id] or fresh[a.id] for a in articles]


def _fingerprint(
    articles: Sequence[Article], version: str, failures: Sequence[str], formats: Sequence[str]
) -> str:
    inputs = {
        "articles": sorted((a.id, a.content_hash) for a in articles),
        "extractor": version,
        "failures": sorted(failures),
        "formats": sorted(formats),
    }
    return hashlib.sha256(json.dumps(inputs, sort_keys=True).encode()).hexdigest()


def _digest(
    config: JobConfig,
    results: Sequence[ArticleClaims],
    backend: str,
    failures: Sequence[str],
    now: datetime,
) -> Digest:
    """The digest of every current article; the LLM backend writes its summary.

    ``failures`` are the sources that could not be read; build_digest adds the articles
    whose extraction failed.
    """
    digest = build_digest(results, backend=backend, errors=failures, generated_at=now)
    if not backend_of(backend).writes_summary:
        return digest
    from stargate_digest.digest.narrative import narrate

    return asyncio.run(narrate(digest, _llm_settings(config)))


def _paths(config: JobConfig, stamp: str) -> dict[Path, Format]:
    """Where a run's files go, in the order they are written: dated first, then latest."""
    _, folder = config.locations()
    return {
        folder / f"{prefix}.{EXTENSIONS[fmt]}": fmt
        for prefix in (f"digest-{stamp}", "latest")
        for fmt in config.formats
    }


def _write(digest: Digest, articles: Sequence[Article], config: JobConfig, stamp: str) -> list[str]:
    """The dated files, then the ``latest`` copies, each written atomically."""
    texts = {fmt: render(digest, articles, fmt) for fmt in config.formats}  # once each
    written = []
    for path, fmt in _paths(config, stamp).items():
        try:
            write_text_atomic(path, texts[fmt])
        except OSError as exc:
            raise ConfigurationError(
                f"{path}: the digest could not be written ({exc.strerror or exc}); the "
                "next run will try again"
            ) from None
        written.append(str(path))
    return written

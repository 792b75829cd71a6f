"""A scheduled job's sources, read only where they changed since the last run.

A folder is listed each run and a file is read again only when its size or mtime
changed. A URL (a page, an RSS/Atom feed, a WordPress REST endpoint) is asked for with
the ETag and Last-Modified it last answered, so an unchanged one costs one small 304
request; pages linked with ``Link: <...>; rel="next"`` (WordPress REST pagination) are
followed when the first page changed. Transient failures (no connection, time-outs,
429 and 5xx answers) are retried with exponential backoff, honouring Retry-After.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import TYPE_CHECKING

from stargate_digest.errors import InputError
from stargate_digest.ingest import read_raw
from stargate_digest.ingest.fetch import (
    DEFAULT_MAX_BYTES,
    DEFAULT_TIMEOUT,
    HttpResponse,
    TransientError,
    http_get,
    is_url,
    read_file,
)
from stargate_digest.ingest.folders import folder_entries
from stargate_digest.models import Article
from stargate_digest.store import Validator

if TYPE_CHECKING:
    from tenacity import RetryCallState

_RETRY_STATUSES = frozenset({408, 425, 429, 500, 502, 503, 504})
_LONGEST_WAIT = 60.0

Known = Callable[[str], Validator | None]


@dataclass(frozen=True)
class FetchOptions:
    """Limits for reading sources; ``retry_wait`` is the first backoff, doubled each time."""

    max_bytes: int = DEFAULT_MAX_BYTES
    timeout: float = DEFAULT_TIMEOUT
    retries: int = 3
    retry_wait: float = 2.0
    max_pages: int = 100


@dataclass(frozen=True)
class Changed:
    """A document that is new or changed: its articles and the validator to keep."""

    articles: list[Article]
    validator: Validator
    errors: list[InputError] = field(default_factory=list)


class _StatusError(TransientError):
    """An answer worth retrying (429, 5xx); ``retry_after`` in seconds when it says."""

    def __init__(self, url: str, response: HttpResponse) -> None:
        super().__init__(url, f"answered HTTP {response.status} {response.reason}".rstrip())
        self.retry_after = _retry_after(response.headers.get("retry-after"))


def read_source(source: str, known: Known, options: FetchOptions) -> Iterator[Changed | InputError]:
    """Every changed document behind ``source``, or the error that stands in for one.

    ``known`` gives what a location looked like when it was last read.
    """
    if is_url(source):
        yield from _read_pages(source, known, options)
        return
    path = Path(source).expanduser()
    try:
        files = folder_entries(path) if path.is_dir() else [path]
    except OSError as exc:
        yield InputError(source, f"could not be listed ({exc.strerror or exc})")
        return
    if not files:
        yield InputError(source, "is a folder with no files in it")
    for file in files:
        if isinstance(file, InputError):
            yield file
            continue
        try:
            changed = _read_file(file, known, options)
        except InputError as error:
            yield error
            continue
        if changed is not None:
            yield changed


def _read_file(path: Path, known: Known, options: FetchOptions) -> Changed | None:
    """The file's articles, or None when it is as it was when last read."""
    location = str(path.resolve())
    try:
        info = path.stat()
    except OSError:  # read_file says what is wrong, as every command does
        info = None
    stamp = f"{info.st_size}:{info.st_mtime_ns}" if info else None
    before = known(location)
    if stamp is not None and before is not None and before.stamp == stamp:
        return None
    raw = read_file(path, options.max_bytes, source=location)
    read = read_raw(raw)
    return Changed(read.articles, Validator(location, stamp=stamp), read.errors)


def _read_pages(url: str, known: Known, options: FetchOptions) -> Iterator[Changed | InputError]:
    """The first page and, when it changed, every page it links to as ``next``."""
    page: str | None = url
    visited: set[str] = set()
    while page is not None and page not in visited and len(visited) < options.max_pages:
        visited.add(page)
        before = known(page)
        try:
            response = fetch_with_retries(page, _conditional(before), options)
        except InputError as error:
            yield error
            return
        if response.status == 304:
            if page == url:  # the first page unchanged: so is the source
                return
            page = before.next_url if before else None
            continue
        if response.status >= 400:
            yield InputError(page, f"answered HTTP {response.status} {response.reason}".rstrip())
            return
        validator = Validator(
            page,
            etag=response.headers.get("etag"),
            last_modified=response.headers.get("last-modified"),
            next_url=response.next_url,
        )
        try:
            read = read_raw(response.document)
            yield Changed(read.articles, validator, read.errors)
        except InputError as error:
            yield error
            return
        page = response.next_url


def _conditional(before: Validator | None) -> dict[str, str]:
    headers = {}
    if before is not None and before.etag:
        headers["If-None-Match"] = before.etag
    if before is not None and before.last_modified:
        headers["If-Modified-Since"] = before.last_modified
    return headers


def fetch_with_retries(url: str, headers: dict[str, str], options: FetchOptions) -> HttpResponse:
    """GET with ``options.retries`` retries of transient failures, backing off each time.

    Answers of 4xx other than 408/425/429 come back as they are; a failure that outlasts
    every retry is raised as InputError, saying how often it was tried.
    """
    from tenacity import Retrying, retry_if_exception_type, stop_after_attempt

    def wait(state: RetryCallState) -> float:
        failure = state.outcome.exception() if state.outcome is not None else None
        asked = failure.retry_after if isinstance(failure, _StatusError) else None
        backoff: float = options.retry_wait * 2.0 ** (state.attempt_number - 1)
        return min(max(backoff, asked or 0.0), _LONGEST_WAIT)

    def get() -> HttpResponse:
        response = http_get(url, headers=headers, max_bytes=options.max_bytes,
                            timeout=options.timeout)  # fmt: skip
        if response.status in _RETRY_STATUSES:
            raise _StatusError(url, response)
        return response

    retrying = Retrying(
        retry=retry_if_exception_type(TransientError),
        stop=stop_after_attempt(options.retries + 1),
        wait=wait,
        reraise=True,
    )
    try:
        response: HttpResponse = retrying(get)
    except TransientError as error:
        tries = options.retries + 1
        reason = f"{error.reason} ({tries} tries)" if tries > 1 else error.reason
        raise InputError(url, reason) from None
    return response


def _retry_after(value: str | None) -> float | None:
    """Retry-After in seconds: a number of seconds or an HTTP date."""
    if not value:
        return None
    if value.strip().isdigit():
        return float(value.strip())
    try:
        return max(0.0, (parsedate_to_datetime(value) - datetime.now(UTC)).total_seconds())
    except (TypeError, ValueError):
        return None

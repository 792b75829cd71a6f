"""Read raw bytes from a file or an http(s) URL, with a size cap and a timeout."""

from __future__ import annotations

import ipaddress
import logging
import re
import socket
import stat
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit

from stargate_digest.errors import InputError

if TYPE_CHECKING:
    import httpx2

log = logging.getLogger(__name__)

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
DEFAULT_TIMEOUT = 20.0
DEFAULT_CONCURRENCY = 8  # URLs fetched at a time: polite to one host, quick over many
USER_AGENT = "stargate-digest (+https://pypi.org/project/stargate-digest/)"
_RAISE_LIMIT = "(raise it with --max-bytes)"
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*)://")


@dataclass(frozen=True)
class RawDocument:
    """Bytes as read, plus what the transport said about them."""

    source: str
    data: bytes
    content_type: str | None = None
    url: str | None = None


def is_url(source: str) -> bool:
    """True for http(s) URLs (any case); everything else is treated as a path."""
    match = _SCHEME.match(source)
    return match is not None and match.group(1).lower() in ("http", "https")


def url_scheme(source: str) -> str | None:
    """The scheme of anything written like a URL (``ftp://...``), else None."""
    match = _SCHEME.match(source)
    return match.group(1).lower() if match else None


def format_size(n: int) -> str:
    """Bytes in the largest binary unit that keeps the number readable."""
    size = float(n)
    for unit in ("bytes", "KiB", "MiB"):
        if size < 1024:
            return f"{n} bytes" if unit == "bytes" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{size:.1f} GiB"


def read_file(
    path: Path, max_bytes: int = DEFAULT_MAX_BYTES, source: str | None = None
) -> RawDocument:
    """Read one regular file, refusing files over ``max_bytes`` before reading them.

    ``source`` is the name used in messages (the path as the user wrote it).
    """
    source = source if source is not None else str(path)
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise InputError(source, "is not a regular file (a device, socket or pipe)")
        if info.st_size > max_bytes:
            raise InputError(
                source,
                f"is {format_size(info.st_size)}, over the {format_size(max_bytes)} limit "
                + _RAISE_LIMIT,
            )
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except FileNotFoundError:
        raise InputError(source, "no such file or directory") from None
    except PermissionError:
        raise InputError(source, "permission denied") from None
    except IsADirectoryError:
        raise InputError(source, "is a directory") from None
    except OSError as exc:
        raise InputError(source, f"could not be read ({exc.strerror or exc})") from None
    except ValueError as exc:  # e.g. a NUL byte in the path
        raise InputError(source, f"is not a usable path ({exc})") from None
    if len(data) > max_bytes:  # the file grew while we read it
        raise InputError(source, f"is over the {format_size(max_bytes)} limit {_RAISE_LIMIT}")
    return RawDocument(source=source, data=data)


@dataclass(frozen=True)
class HttpResponse:
    """What a GET answered: status, headers (lower-case names), body, and the next page.

    ``next_url`` is the ``Link: <...>; rel="next"`` target, which paginated APIs such as
    WordPress REST send.
    """

    status: int
    reason: str
    headers: dict[str, str]
    document: RawDocument
    next_url: str | None = None


class TransientError(InputError):
    """A failure that may pass (no connection, a time-out): worth a retry."""


_ERROR_BODY_LIMIT = 64 * 1024


def fetch_url(
    url: str,
    max_bytes: int = DEFAULT_MAX_BYTES,
    timeout: float = DEFAULT_TIMEOUT,
    *,
    client: httpx2.Client | None = None,
) -> RawDocument:
    """GET a URL, streaming so that an oversized body is cut off, not downloaded.

    ``timeout`` bounds connecting and each wait for data; the whole download is also
    given up once it has taken more than twice as long, so a server that trickles bytes
    cannot hold the run forever.
    """
    response = http_get(url, max_bytes=max_bytes, timeout=timeout, client=client)
    if response.status >= 400:
        raise InputError(url, f"answered HTTP {response.status} {response.reason}".rstrip())
    return response.document


def make_client(timeout: float = DEFAULT_TIMEOUT) -> httpx2.Client:
    """The HTTP client every fetch uses, alone or shared (``fetch_all``)."""
    import httpx2  # lazy: keeps `--help` fast

    from stargate_digest.ingest.deadline import install_deadlines

    client = httpx2.Client(
        timeout=timeout,
        follow_redirects=True,
        headers={"User-Agent": USER_AGENT},
        event_hooks={"request": [_redirect_guard]},
    )
    install_deadlines(client)
    return client


def fetch_all(
    urls: Sequence[str],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    timeout: float = DEFAULT_TIMEOUT,
    concurrency: int = DEFAULT_CONCURRENCY,
    progress: Callable[[int], None] | None = None,
) -> dict[str, RawDocument | InputError]:
    """Every URL fetched through one client, at most ``concurrency`` at a time.

    Each URL gets its document or the one error that stands in for it; ``progress`` is
    called with 1 as each finishes. Threads, not asyncio: the fetch is the same
    synchronous streaming code with its size cap and deadline, and the client's
    connection pool is shared safely between threads.
    """
    unique = list(dict.fromkeys(urls))
    found: dict[str, RawDocument | InputError] = {}
    if not unique:
        return found

    def one(url: str) -> RawDocument | InputError:
        try:
            return fetch_url(url, max_bytes, timeout, client=client)
        except InputError as error:
            return error
        except Exception as exc:  # a transport error httpx2 does not wrap stops only this URL
            return InputError(url, f"could not be fetched ({type(exc).__name__}: {exc})")

    from concurrent.futures import ThreadPoolExecutor, as_completed  # URLs only (~5 ms)

    with (
        make_client(timeout) as client,
        ThreadPoolExecutor(min(concurrency, len(unique)), "stargate-fetch") as pool,
    ):
        futures = {pool.submit(one, url): url for url in unique}
        for future in as_completed(futures):
            found[futures[future]] = future.result()
            if progress is not None:
                progress(1)
    return found


def _next_page(response: httpx2.Response) -> str | None:
    """The absolute URL of ``rel="next"`` in the Link header, if the answer has one."""
    target = response.links.get("next", {}).get("url")
    return urljoin(str(response.url), target) if target else None


@dataclass
class _Exchange:
    """The fetch the current thread is making: where it started and by when it must end."""

    url: str
    host: str
    started_inside: bool | None = None  # resolved on the first cross-host redirect


# One client serves the threads of fetch_all, and its request hook sees redirects, not
# the fetch they belong to: each thread records its own exchange here.
_exchange = threading.local()


@contextmanager
def _exchange_scope(url: str, host: str, deadline: float) -> Iterator[None]:
    from stargate_digest.ingest.deadline import deadline_scope

    previous = getattr(_exchange, "current", None)
    _exchange.current = _Exchange(url, host)
    try:
        with deadline_scope(deadline):
            yield
    finally:
        _exchange.current = previous


def _is_internal(host: str) -> bool:
    """Whether ``host`` is, or resolves to, a private, loopback, link-local or otherwise
    non-public address (where a redirect must not lead a fetch from a public page)."""
    try:
        addresses = {ipaddress.ip_address(host.strip("[]"))}
    except ValueError:
        try:
            infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
        except (OSError, UnicodeError):
            return False  # unresolvable: connecting will fail and say so
        addresses = {ipaddress.ip_address(str(info[4][0]).split("%")[0]) for info in infos}
    return any(not address.is_global or address.is_multicast for address in addresses)


def _redirect_guard(request: httpx2.Request) -> None:
    """A request hook: every cross-host redirect is logged (-v), and one that leads from a
    public address to an internal one is refused (unless the first URL was internal:
    then the user asked for the internal network)."""
    exchange: _Exchange | None = getattr(_exchange, "current", None)
    target = request.url.host
    if exchange is None or target == exchange.host:
        return
    # info, not warning: www/CDN redirects are common and a scheduled run stays quiet
    log.info("%s: redirected to %s, on another host", exchange.url, request.url)
    if exchange.started_inside is None:
        exchange.started_inside = _is_internal(exchange.host)
    if not exchange.started_inside and _is_internal(target):
        raise InputError(
            exchange.url,
            f"redirects to {request.url}, an internal address (private, loopback or "
            "link-local); refused",
        )


def http_get(
    url: str,
    *,
    headers: dict[str, str] | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    timeout: float = DEFAULT_TIMEOUT,
    client: httpx2.Client | None = None,
) -> HttpResponse:
    """GET ``url`` with extra request ``headers`` (e.g. If-None-Match) and any status back.

    ``client`` (from :func:`make_client`) shares connections between many requests; by
    default each request has a client of its own.

    Limits as in :func:`fetch_url`; the body of an error answer (4xx/5xx) is kept only up
    to 64 KiB, enough to read an API's error code. Transport failures raise InputError,
    :class:`TransientError` when they are worth a retry (refused, dropped, timed out).
    """
    import httpx2  # lazy: keeps `--help` fast

    try:
        host = urlsplit(url).hostname
    except ValueError as exc:
        raise InputError(url, f"is not a valid URL ({exc})") from None
    if not host:
        raise InputError(url, "is not a valid URL (it names no host)")
    deadline = time.monotonic() + 2 * timeout
    try:
        with (
            nullcontext(client) if client is not None else make_client(timeout) as session,
            _exchange_scope(url, host, deadline),
            session.stream("GET", url, headers=headers or {}) as response,
        ):
            failed = response.status_code >= 400
            declared = response.headers.get("content-length", "").strip()
            if not failed and declared.isdigit() and int(declared) > max_bytes:
                raise InputError(
                    url,
                    f"serves {format_size(int(declared))}, over the {format_size(max_bytes)} "
                    f"limit {_RAISE_LIMIT}",
                )
            chunks: list[bytes] = []
            received = 0
            for chunk in response.iter_bytes():
                received += len(chunk)
                if failed and received > _ERROR_BODY_LIMIT:
                    break
                if received > max_bytes:
                    raise InputError(
                        url,
                        f"serves more than the {format_size(max_bytes)} limit {_RAISE_LIMIT}",
                    )
                if time.monotonic() > deadline:
                    raise InputError(url, f"did not finish sending within {2 * timeout:g} seconds")
                chunks.append(chunk)
            return HttpResponse(
                status=response.status_code,
                reason=response.reason_phrase,
                headers={k.lower(): v for k, v in response.headers.items()},
                document=RawDocument(
                    source=url,
                    data=b"".join(chunks),
                    content_type=response.headers.get("content-type"),
                    url=str(response.url),
                ),
                next_url=_next_page(response),
            )
    except httpx2.TimeoutException:
        if time.monotonic() >= deadline:  # a trickle, headers included
            raise TransientError(
                url, f"did not finish sending within {2 * timeout:g} seconds"
            ) from None
        raise TransientError(url, f"did not answer within {timeout:g} seconds") from None
    except (httpx2.InvalidURL, UnicodeError) as exc:  # IDNA refuses some host names
        raise InputError(url, f"is not a valid URL ({exc})") from None
    except (httpx2.NetworkError, httpx2.RemoteProtocolError) as exc:
        detail = str(exc) or type(exc).__name__
        raise TransientError(url, f"could not be reached ({detail})") from None
    except httpx2.HTTPError as exc:
        detail = str(exc) or type(exc).__name__
        raise InputError(url, f"could not be reached ({detail})") from None

"""One deadline for a whole HTTP exchange: connecting, TLS, request, headers and body.

httpx2's timeouts bound each wait for the socket, so a server that sends its status
line and headers one byte a second never trips them, and the body loop in fetch.py
only starts once the headers are in. Here every socket operation is given at most the
time left before the deadline, and fails with a read time-out once it has passed: the
deadline covers the headers too.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import ssl

    import httpx2

__all__ = ["deadline_scope", "install_deadlines"]

log = logging.getLogger(__name__)
# The deadline of the exchange the current thread is in. A client is shared by the
# threads of fetch_all and a pooled connection serves one exchange after another, so the
# deadline is looked up at each socket wait, never stored on the client or the stream.
_current = threading.local()


@contextmanager
def deadline_scope(deadline: float) -> Iterator[None]:
    """Every socket wait of this thread's exchange ends by ``deadline`` (time.monotonic)."""
    previous = getattr(_current, "deadline", None)
    _current.deadline = deadline
    try:
        yield
    finally:
        _current.deadline = previous


def install_deadlines(client: httpx2.Client) -> None:
    """Make every socket wait of ``client`` end by the deadline of the current scope.

    httpx2 has no setting for this; its connection pools (the direct one and one per
    proxy taken from the environment) each hold the network backend they connect with,
    and that backend is replaced by one that keeps the deadline.
    """
    backend = _backend_class()()
    transports = [client._transport, *client._mounts.values()]
    for transport in transports:  # a NO_PROXY pattern mounts None: no transport of its own
        pool = getattr(transport, "_pool", None)
        if pool is not None and hasattr(pool, "_network_backend"):
            pool._network_backend = backend
        elif transport is not None:
            log.debug("no deadline for %r: httpx2 changed its connection pool", transport)


def _left(timeout: float | None) -> float | None:
    import httpcore2

    deadline: float | None = getattr(_current, "deadline", None)
    if deadline is None:  # outside a scope: httpx2's own per-wait time-outs only
        return timeout
    left = deadline - time.monotonic()
    if left <= 0:
        raise httpcore2.ReadTimeout("the deadline for the whole exchange has passed")
    return left if timeout is None else min(timeout, left)


@lru_cache(maxsize=1)
def _backend_class() -> type[Any]:
    """The classes are built on first use so that httpcore2 is imported lazily."""
    import httpcore2

    class DeadlineStream(httpcore2.NetworkStream):
        def __init__(self, stream: httpcore2.NetworkStream) -> None:
            self._stream = stream

        def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
            return self._stream.read(max_bytes, _left(timeout))

        def write(self, buffer: bytes, timeout: float | None = None) -> None:
            self._stream.write(buffer, _left(timeout))

        def close(self) -> None:
            self._stream.close()

        def start_tls(
            self,
            ssl_context: ssl.SSLContext,
            server_hostname: str | None = None,
            timeout: float | None = None,
        ) -> httpcore2.NetworkStream:
            secured = self._stream.start_tls(ssl_context, server_hostname, _left(timeout))
            return DeadlineStream(secured)

        def get_extra_info(self, info: str) -> Any:
            return self._stream.get_extra_info(info)

    class DeadlineBackend(httpcore2.NetworkBackend):
        def __init__(self) -> None:
            self._backend = httpcore2.SyncBackend()

        def connect_tcp(
            self,
            host: str,
            port: int,
            timeout: float | None = None,
            local_address: str | None = None,
            socket_options: Iterable[Any] | None = None,
        ) -> httpcore2.NetworkStream:
            wait = _left(timeout)
            stream = self._backend.connect_tcp(host, port, wait, local_address, socket_options)
            return DeadlineStream(stream)

        def connect_unix_socket(
            self,
            path: str,
            timeout: float | None = None,
            socket_options: Iterable[Any] | None = None,
        ) -> httpcore2.NetworkStream:
            stream = self._backend.connect_unix_socket(path, _left(timeout), socket_options)
            return DeadlineStream(stream)

        def sleep(self, seconds: float) -> None:
            self._backend.sleep(seconds)

    return DeadlineBackend

"""One deadline for a whole HTTP exchange: connecting, TLS, request, headers and body.

httpx2's timeouts bound each wait for the socket, so a server that sends its status
line and headers one byte a second never trips them, and the body loop in fetch.py
only starts once the headers are in. Here every socket operation is given at most the
time left before the deadline, and fails with a read time-out once it has passed: the
deadline covers the headers too.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import ssl

    import httpx2

__all__ = ["apply_deadline"]

log = logging.getLogger(__name__)


def apply_deadline(client: httpx2.Client, deadline: float) -> None:
    """Make every socket wait of ``client`` end by ``deadline`` (a time.monotonic value).

    httpx2 has no setting for this; its connection pools (the direct one and one per
    proxy taken from the environment) each hold the network backend they connect with,
    and that backend is replaced by one that keeps the deadline.
    """
    backend = _backend_class()(deadline)
    transports = [client._transport, *client._mounts.values()]
    for transport in transports:  # a NO_PROXY pattern mounts None: no transport of its own
        pool = getattr(transport, "_pool", None)
        if pool is not None and hasattr(pool, "_network_backend"):
            pool._network_backend = backend
        elif transport is not None:
            log.debug("no deadline for %r: httpx2 changed its connection pool", transport)


def _left(deadline: float, timeout: float | None) -> float:
    import httpcore2

    left = deadline - time.monotonic()
    if left <= 0:
        raise httpcore2.ReadTimeout("the deadline for the whole exchange has passed")
    return left if timeout is None else min(timeout, left)


@lru_cache(maxsize=1)
def _backend_class() -> type[Any]:
    """The classes are built on first use so that httpcore2 is imported lazily."""
    import httpcore2

    class DeadlineStream(httpcore2.NetworkStream):
        def __init__(self, stream: httpcore2.NetworkStream, deadline: float) -> None:
            self._stream = stream
            self._deadline = deadline

        def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
            return self._stream.read(max_bytes, _left(self._deadline, timeout))

        def write(self, buffer: bytes, timeout: float | None = None) -> None:
            self._stream.write(buffer, _left(self._deadline, timeout))

        def close(self) -> None:
            self._stream.close()

        def start_tls(
            self,
            ssl_context: ssl.SSLContext,
            server_hostname: str | None = None,
            timeout: float | None = None,
        ) -> httpcore2.NetworkStream:
            wait = _left(self._deadline, timeout)
            secured = self._stream.start_tls(ssl_context, server_hostname, wait)
            return DeadlineStream(secured, self._deadline)

        def get_extra_info(self, info: str) -> Any:
            return self._stream.get_extra_info(info)

    class DeadlineBackend(httpcore2.NetworkBackend):
        def __init__(self, deadline: float) -> None:
            self._backend = httpcore2.SyncBackend()
            self._deadline = deadline

        def connect_tcp(
            self,
            host: str,
            port: int,
            timeout: float | None = None,
            local_address: str | None = None,
            socket_options: Iterable[Any] | None = None,
        ) -> httpcore2.NetworkStream:
            wait = _left(self._deadline, timeout)
            stream = self._backend.connect_tcp(host, port, wait, local_address, socket_options)
            return DeadlineStream(stream, self._deadline)

        def connect_unix_socket(
            self,
            path: str,
            timeout: float | None = None,
            socket_options: Iterable[Any] | None = None,
        ) -> httpcore2.NetworkStream:
            wait = _left(self._deadline, timeout)
            stream = self._backend.connect_unix_socket(path, wait, socket_options)
            return DeadlineStream(stream, self._deadline)

        def sleep(self, seconds: float) -> None:
            self._backend.sleep(seconds)

    return DeadlineBackend

"""URLs are fetched concurrently, through one HTTP client, within a bound, and counted."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from stargate_digest.ingest import fetch, load_articles

PAGES = 6
AT_ONCE = 3
TEXT = "The Stargate venture will invest $500 billion in data centres over four years. " * 3


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        with self.server.lock:
            self.server.active += 1
            self.server.most = max(self.server.most, self.server.active)
        try:
            # Three requests must be in flight together to pass: sequential fetching
            # would break the barrier (its timeout only guards against a hang).
            self.server.barrier.wait()
            status, body = 200, f"Page {self.path}. {TEXT}".encode()
        except threading.BrokenBarrierError:
            status, body = 503, b"not concurrent"
        finally:
            with self.server.lock:
                self.server.active -= 1
        self.send_response(status)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    lock: threading.Lock
    barrier: threading.Barrier
    active: int
    most: int


@pytest.fixture
def server() -> Iterator[_Server]:
    httpd = _Server(("127.0.0.1", 0), _Handler)
    httpd.lock, httpd.barrier, httpd.active, httpd.most = (
        threading.Lock(), threading.Barrier(AT_ONCE, timeout=20), 0, 0
    )  # fmt: skip
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()
    thread.join(timeout=5)


def test_urls_are_fetched_concurrently_through_one_client_within_the_bound(
    server: _Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    made: list[object] = []
    real = fetch.make_client

    def counted(timeout: float = fetch.DEFAULT_TIMEOUT) -> object:
        made.append(timeout)
        return real(timeout)

    monkeypatch.setattr(fetch, "make_client", counted)
    port = server.server_address[1]
    urls = [f"http://127.0.0.1:{port}/page{n}.txt" for n in range(PAGES)]
    done: list[int] = []
    result = load_articles(urls, concurrency=AT_ONCE, progress=done.append)
    assert result.errors == []
    assert [a.id for a in result.articles] == [f"page{n}" for n in range(PAGES)]  # input order
    assert len(made) == 1  # one client for every URL
    assert server.most == AT_ONCE  # concurrent, and never more than the bound
    assert done == [1] * PAGES  # progress covers the fetching


def test_a_failed_url_is_its_own_error_and_the_rest_are_read(
    server: _Server, closed_port_url: str
) -> None:
    port = server.server_address[1]
    urls = [f"http://127.0.0.1:{port}/ok{n}.txt" for n in range(AT_ONCE)]
    result = load_articles([closed_port_url, *urls], concurrency=AT_ONCE + 1)
    assert len(result.articles) == AT_ONCE
    (error,) = result.errors
    assert str(error).startswith(f"{closed_port_url}: could not be reached")

"""Shared fixtures: paths to the seeds and hand-made fixtures, a loopback HTTP server."""

from __future__ import annotations

import contextlib
import gzip
import logging
import os
import queue
import socket
import sys
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
FIXTURES = Path(__file__).resolve().parent / "fixtures"

ARTICLE_TEXT = (
    "OpenAI and SoftBank said on Tuesday that the Stargate venture will build its first "
    "data centre in Abilene, Texas. The partners plan to spend 100 billion dollars at "
    "first and up to 500 billion dollars over the next four years.\n"
)
CHUNK = b"x" * 65536


@pytest.fixture
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture
def fixtures_dir() -> Path:
    return FIXTURES


# tiktoken cannot download its encodings with the network blocked: use a local copy.
_TIKTOKEN_CACHE = ROOT.parent / "shared" / "tiktoken-cache"
if _TIKTOKEN_CACHE.is_dir():
    os.environ.setdefault("TIKTOKEN_CACHE_DIR", str(_TIKTOKEN_CACHE))


# -- LLM cassettes (pytest-recording / vcrpy) ------------------------------------------
# Record mode comes from the command line only (pyproject: --record-mode=none); setting
# it here would override --record-mode=rewrite. Matching ignores the host, so cassettes
# written against the loopback fake replay for api.openai.com and vice versa.

CASSETTES = ROOT / "cassettes"
SECRET_HEADERS = ("authorization", "openai-organization", "openai-project", "cookie",
                  "set-cookie", "api-key", "x-api-key")  # fmt: skip


def _scrub_request(request: Any) -> Any:
    """Cassettes name the public API host, whatever server the recording talked to."""
    if request.host in ("127.0.0.1", "localhost"):
        request.uri = "https://api.openai.com" + request.path
    return request


def _scrub_response(response: dict[str, Any]) -> dict[str, Any]:
    """Responses carry the organisation, project and cookies in headers: drop them."""
    headers = response.get("headers", {})
    for name in list(headers):
        if name.lower() in SECRET_HEADERS:
            del headers[name]
    return response


@pytest.fixture(scope="module")
def vcr_config() -> dict[str, Any]:
    return {
        "filter_headers": [(name, None) for name in SECRET_HEADERS],
        "decode_compressed_response": True,
        "match_on": ["method", "path", "body"],
        "before_record_request": _scrub_request,
        "before_record_response": _scrub_response,
    }


@pytest.fixture(scope="module")
def vcr_cassette_dir() -> str:
    return str(CASSETTES)


@pytest.fixture(autouse=True)
def _isolated_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test sees the user's API key or writes to the user's cache directory."""
    for name in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "OPENAI_ORG_ID", "OPENAI_PROJECT_ID",
                 "STARGATE_DIGEST_MODEL", "STARGATE_DIGEST_BACKEND", "STARGATE_DIGEST_SERVER",
                 "STARGATE_DIGEST_CONTEXT_TOKENS", "STARGATE_DIGEST_REQUEST_TIMEOUT",
                 "STARGATE_DIGEST_TEMPERATURE"):  # fmt: skip
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("STARGATE_DIGEST_CACHE", str(tmp_path / "cache.sqlite"))


@pytest.fixture(autouse=True)
def _restore_package_logger() -> Iterator[None]:
    """cli.main() reconfigures the package logger; give every test a clean one."""
    logger = logging.getLogger("stargate_digest")
    saved = (logger.handlers[:], logger.level, logger.propagate)
    yield
    logger.handlers[:], logger.level, logger.propagate = saved


class _Handler(BaseHTTPRequestHandler):
    """Routes for the fault paths of fetching; see LoopbackServer for what each does."""

    protocol_version = "HTTP/1.1"
    server: _Server

    def log_message(self, format: str, *args: object) -> None:  # quiet test output
        pass

    def do_GET(self) -> None:
        name = self.path.strip("/").replace("-", "_").replace(".", "_")
        route = getattr(self, "_route_" + name, None)
        if route is None:
            self._send(404, b"not here", "text/plain")
            return
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            route()  # a client that gives up mid-body is what some tests want

    def _send(self, status: int, body: bytes, content_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _route_article_txt(self) -> None:
        self._send(200, ARTICLE_TEXT.encode(), "text/plain; charset=utf-8")

    def _route_page_html(self) -> None:
        self._send(200, (FIXTURES / "page_html.txt").read_bytes(), "text/html")

    def _route_latin1(self) -> None:
        text = "Le centre de données sera installé à Abilene, a annoncé l'équipe. " * 3
        self._send(200, text.encode("cp1252"), "text/plain; charset=windows-1252")

    def _route_redirect(self) -> None:
        self.send_response(302)
        self.send_header("Location", "/article.txt")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _route_cross_host(self) -> None:
        """A redirect to another host name (``localhost``) of this same server."""
        self.send_response(302)
        port = self.server.server_address[1]
        self.send_header("Location", f"http://localhost:{port}/article.txt")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _route_slow_headers(self) -> None:
        """The status line and headers one byte at a time (20 s in all), never idle for a
        read timeout; how many bytes went out before the client hung up is put in
        ``server.sent``."""
        head = b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n"
        data = head + b"X-Pad: a\r\n" * 30 + b"\r\nok"
        sent = 0
        try:
            for byte in data:
                if self.server.stopping.wait(0.05):
                    break
                self.wfile.write(bytes([byte]))
                self.wfile.flush()
                sent += 1
        finally:
            self.server.sent.put(sent)

    def _route_gzip_bomb(self) -> None:
        """64 KiB of gzip that inflates to 64 MiB of spaces."""
        body = gzip.compress(b" " * (64 * 1024 * 1024), compresslevel=9)
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _route_short_body(self) -> None:
        """Declares 1000 bytes, sends 12 and hangs up."""
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", "1000")
        self.end_headers()
        self.wfile.write(b"Stargate 500")
        self.wfile.flush()
        self.close_connection = True

    def _route_redirect_loop(self) -> None:
        self.send_response(302)
        self.send_header("Location", "/redirect-loop")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _route_file_redirect(self) -> None:
        self.send_response(302)
        self.send_header("Location", "file:///etc/passwd")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _route_gone(self) -> None:
        self._send(404, b"<h1>Not Found</h1>", "text/html")

    def _route_huge_declared(self) -> None:
        """Declares 3 GiB, then sends chunks until the client hangs up."""
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(3 * 1024**3))
        self.end_headers()
        self._stream(lambda chunk: chunk)

    def _route_endless(self) -> None:
        """Chunked transfer with no declared length and no end."""
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        self._stream(lambda chunk: b"%x\r\n%s\r\n" % (len(chunk), chunk))

    def _route_trickle(self) -> None:
        """A few bytes every 0.1 s: never idle long enough for a read timeout."""
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", "100000")
        self.end_headers()
        while not self.server.stopping.wait(0.1):
            self.wfile.write(b"word ")
            self.wfile.flush()

    def _route_silent(self) -> None:
        """Accepts the request and never answers."""
        self.server.stopping.wait(30)

    def _stream(self, frame: Callable[[bytes], bytes]) -> None:
        sent = 0
        while not self.server.stopping.is_set() and sent < 3 * 1024**3:
            self.wfile.write(frame(CHUNK))
            sent += len(CHUNK)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    stopping: threading.Event
    sent: queue.Queue[int]

    def handle_error(self, request: object, client_address: object) -> None:
        """A client hanging up mid-body is what the tests want; anything else is shown."""
        if not isinstance(sys.exc_info()[1], OSError):
            super().handle_error(request, client_address)  # type: ignore[arg-type]


class LoopbackServer:
    """An HTTP server on 127.0.0.1 with one path per fault the fetcher must survive."""

    def __init__(self) -> None:
        self.httpd = _Server(("127.0.0.1", 0), _Handler)
        self.httpd.stopping = threading.Event()
        self.httpd.sent = queue.Queue()
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}/{path.lstrip('/')}"

    def __enter__(self) -> LoopbackServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.stopping.set()
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(timeout=5)


@pytest.fixture(scope="session")
def http_server() -> Iterator[LoopbackServer]:
    with LoopbackServer() as server:
        yield server


@pytest.fixture
def closed_port_url() -> str:
    """A loopback URL on a port that nothing listens on: connecting is refused at once."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}/article.txt"


def _clear_package_caches() -> None:
    """Empty every functools cache of the package.

    mutmut forks each mutant's test run from a process that has already run the original
    code, so a cached function (number-word tries, digit patterns, per-language tables)
    would keep the original's results and hide its mutants. Only done under mutmut.
    """
    for name, module in list(sys.modules.items()):
        if not name.startswith("stargate_digest") or module is None:
            continue
        for value in list(vars(module).values()):
            clear = getattr(value, "cache_clear", None)
            if callable(clear):
                clear()


@pytest.fixture(autouse=True, scope="session")
def _fresh_caches_under_mutation() -> None:
    if os.environ.get("MUTANT_UNDER_TEST"):
        _clear_package_caches()

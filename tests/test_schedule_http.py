"""`stargate-digest digest` over sources served on loopback: a feed with conditional GET,
a paginated WordPress REST endpoint, transient failures retried, a dead source named."""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from conftest import SEEDS

from stargate_digest.cli import main

POSTS_PER_PAGE = 2


@dataclass
class Site:
    """What the loopback site serves; tests change it between runs."""

    feed_items: list[tuple[str, str, str]] = field(default_factory=list)  # (slug, title, text)
    posts: list[dict[str, Any]] = field(default_factory=list)
    failures_left: int = 0  # answers of 503 (with Retry-After: 0) before the real one
    # (path, the If-None-Match or If-Modified-Since it came with)
    requests: list[tuple[str, str | None]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def feed(self, base: str) -> bytes:
        items = "".join(
            f"<item><title>{title}</title><link>{base}/news/{slug}</link>"
            f"<guid>{base}/news/{slug}</guid><pubDate>Thu, 23 Jan 2025 10:00:00 GMT</pubDate>"
            f"<description><![CDATA[<p>{text}</p>]]></description></item>"
            for slug, title, text in self.feed_items
        )
        return (
            '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>Wire</title><link>{base}</link><language>en</language>{items}"
            "</channel></rss>"
        ).encode()


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        site = self.server.site
        with site.lock:
            sent = self.headers.get("If-None-Match") or self.headers.get("If-Modified-Since")
            site.requests.append((self.path, sent))
            failing = site.failures_left > 0
            site.failures_left -= failing
        if failing:
            self._send(503, b"busy", "text/plain", {"Retry-After": "0"})
            return
        base = f"http://127.0.0.1:{self.server.server_address[1]}"
        parts = urlsplit(self.path)
        if parts.path == "/feed.xml":
            self._conditional(site.feed(base), "application/rss+xml", {})
        elif parts.path == "/wp-json/wp/v2/posts":
            self._posts(parts.query, base)
        elif parts.path == "/page.html":
            self._dated_page()
        else:
            self._send(404, b"not found", "text/plain", {})

    def _posts(self, query: str, base: str) -> None:
        posts = self.server.site.posts
        page = int(parse_qs(query).get("page", ["1"])[0])
        pages = max(1, -(-len(posts) // POSTS_PER_PAGE))
        chunk = posts[(page - 1) * POSTS_PER_PAGE : page * POSTS_PER_PAGE]
        headers = {"X-WP-Total": str(len(posts)), "X-WP-TotalPages": str(pages)}
        if page < pages:  # WordPress links the next page; relative here, as some proxies do
            headers["Link"] = f'</wp-json/wp/v2/posts?search=stargate&page={page + 1}>; rel="next"'
        self._conditional(json.dumps(chunk).encode(), "application/json", headers)

    def _dated_page(self) -> None:
        """A page whose server knows only Last-Modified, no ETag."""
        stamp = "Thu, 23 Jan 2025 10:00:00 GMT"
        if self.headers.get("If-Modified-Since") == stamp:
            self._send(304, b"", "text/html", {"Last-Modified": stamp})
            return
        page = (
            "<html lang='en'><head><title>Stargate</title></head><body><article><h1>Stargate"
            "</h1><p>OpenAI and SoftBank said the Stargate venture will invest $500 billion "
            "in AI infrastructure in the United States over the next four years.</p>"
            "</article></body></html>"
        )
        self._send(200, page.encode(), "text/html; charset=utf-8", {"Last-Modified": stamp})

    def _conditional(self, body: bytes, kind: str, headers: dict[str, str]) -> None:
        tag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
        if self.headers.get("If-None-Match") == tag:
            self._send(304, b"", kind, {"ETag": tag, **headers})
        else:
            self._send(200, body, kind, {"ETag": tag, **headers})

    def _send(self, status: int, body: bytes, kind: str, headers: dict[str, str]) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        for name, value in headers.items():
            self.send_header(name, value)
        if status != 304:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if status != 304:
            self.wfile.write(body)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    site: Site


@pytest.fixture
def site() -> Iterator[tuple[Site, str]]:
    server = _Server(("127.0.0.1", 0), _Handler)
    server.site = Site()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.site, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def _seed_text(name: str) -> str:
    text = next(SEEDS.glob(f"{name}_*")).read_text("utf-8")
    return text.replace("&", "&amp;").replace("<", "&lt;")


def _post(number: int, seed: str) -> dict[str, Any]:
    return {
        "id": number,
        "date_gmt": f"2025-01-2{number % 10}T08:00:00",
        "link": f"https://wire.example/stargate-{number}/",
        "title": {"rendered": f"Stargate report {number}"},
        "content": {"rendered": f"<p>{_seed_text(seed)}</p>"},
    }


def run(capsys: pytest.CaptureFixture[str], tmp_path: Path, *sources: str) -> tuple[int, str, str]:
    argv = ["digest", "--state", str(tmp_path / "state.sqlite"), "--backend", "rules",
            "--output-dir", str(tmp_path / "out"), "--retry-wait", "0.01",
            "--timeout", "5"]  # fmt: skip
    for source in sources:
        argv += ["--source", source]
    code = main(argv)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def latest(tmp_path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((tmp_path / "out" / "latest.json").read_text("utf-8"))
    return data


def test_an_unchanged_feed_costs_one_conditional_request(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, site: tuple[Site, str]
) -> None:
    server, base = site
    server.feed_items = [
        (
            "launch",
            "Stargate launched",
            "OpenAI and SoftBank will invest $500 billion in Stargate.",
        ),
        (
            "abilene",
            "First site",
            "Stargate's first data centre in Abilene will cost $100 billion.",
        ),
    ]
    feed = f"{base}/feed.xml"
    code, out, err = run(capsys, tmp_path, feed)
    assert code == 0, err
    assert "2 new" in out
    assert server.requests == [("/feed.xml", None)]
    urls = {s["url"] for s in latest(tmp_path)["sources"]}
    assert urls == {f"{base}/news/launch", f"{base}/news/abilene"}

    code, out, _ = run(capsys, tmp_path, feed)
    assert code == 0 and "nothing new" in out
    assert len(server.requests) == 2 and server.requests[1][1] is not None  # If-None-Match sent

    # A new entry at the top: only it is new; the others keep their ids.
    ids_before = {s["url"]: s["id"] for s in latest(tmp_path)["sources"]}
    server.feed_items.insert(
        0, ("oracle", "Oracle joins", "Oracle says Stargate will invest $600 billion.")
    )
    code, out, _ = run(capsys, tmp_path, feed)
    assert code == 0 and "1 new, 0 updated" in out
    data = latest(tmp_path)
    ids_after = {s["url"]: s["id"] for s in data["sources"]}
    assert {url: ids_after[url] for url in ids_before} == ids_before
    new_id = ids_after[f"{base}/news/oracle"]
    assert data["changes"]["new_sources"] == [new_id] and new_id not in ids_before.values()


def test_a_paginated_wordpress_endpoint_is_read_page_by_page(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, site: tuple[Site, str]
) -> None:
    server, base = site
    server.posts = [_post(n, seed) for n, seed in enumerate(["001", "002", "003", "004", "000"], 1)]
    endpoint = f"{base}/wp-json/wp/v2/posts?search=stargate"
    code, out, err = run(capsys, tmp_path, endpoint)
    assert code == 0, err
    assert "5 new" in out
    assert [path for path, _ in server.requests] == [
        "/wp-json/wp/v2/posts?search=stargate",
        "/wp-json/wp/v2/posts?search=stargate&page=2",
        "/wp-json/wp/v2/posts?search=stargate&page=3",
    ]
    data = latest(tmp_path)
    assert sorted(s["url"] for s in data["sources"]) == sorted(p["link"] for p in server.posts)
    assert len({s["id"] for s in data["sources"]}) == 5
    assert any(d["metric"] == "total_investment" for d in data["disagreements"])

    server.requests.clear()
    code, out, _ = run(capsys, tmp_path, endpoint)
    assert code == 0 and "nothing new" in out
    assert len(server.requests) == 1  # the first page answered 304: the source is unchanged


def test_transient_failures_are_retried(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, site: tuple[Site, str]
) -> None:
    server, base = site
    server.feed_items = [("launch", "Launch", "OpenAI will invest $500 billion in Stargate.")]
    server.failures_left = 2
    code, out, err = run(capsys, tmp_path, f"{base}/feed.xml")
    assert code == 0 and err == "" and "1 new" in out
    assert len(server.requests) == 3


def test_a_failing_source_is_named_and_the_others_go_on(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, site: tuple[Site, str], closed_port_url: str
) -> None:
    server, base = site
    server.feed_items = [("launch", "Launch", "OpenAI will invest $500 billion in Stargate.")]
    code, out, err = run(capsys, tmp_path, closed_port_url, f"{base}/feed.xml", f"{base}/gone")
    assert code == 1
    assert "1 new" in out and "2 failed" in out
    problems = [line for line in err.splitlines() if line.startswith("stargate-digest: error:")]
    assert problems[0].startswith(
        f"stargate-digest: error: {closed_port_url}: could not be reached"
    )
    assert problems[0].endswith("(4 tries)")
    assert problems[1] == f"stargate-digest: error: {base}/gone: answered HTTP 404 Not Found"
    errors = latest(tmp_path)["errors"]
    assert len(errors) == 2 and errors[1] == f"{base}/gone: answered HTTP 404 Not Found"
    markdown = (tmp_path / "out" / "latest.md").read_text("utf-8")
    assert f"{base}/gone: answered HTTP 404 Not Found" in markdown.split("## Problems")[1]


def test_a_source_that_keeps_failing_gives_up_after_the_retries(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, site: tuple[Site, str]
) -> None:
    server, base = site
    server.failures_left = 100
    code, _, err = run(capsys, tmp_path, f"{base}/feed.xml", str(next(SEEDS.iterdir())))
    assert code == 1
    assert f"{base}/feed.xml: answered HTTP 503 Service Unavailable (4 tries)" in err
    assert len(server.requests) == 4


def test_a_page_with_only_last_modified_is_asked_if_modified_since(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, site: tuple[Site, str]
) -> None:
    server, base = site
    assert run(capsys, tmp_path, f"{base}/page.html")[0] == 0
    code, out, _ = run(capsys, tmp_path, f"{base}/page.html")
    assert code == 0 and "nothing new" in out
    assert server.requests == [
        ("/page.html", None),
        ("/page.html", "Thu, 23 Jan 2025 10:00:00 GMT"),
    ]

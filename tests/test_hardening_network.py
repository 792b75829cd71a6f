"""Issue 13, network: redirects to internal addresses, and one deadline for the whole
exchange (headers included). Served by the loopback server in conftest.py."""

from __future__ import annotations

import logging

import pytest
from conftest import ARTICLE_TEXT, LoopbackServer

from stargate_digest.errors import InputError
from stargate_digest.ingest import fetch, load_articles
from stargate_digest.ingest.fetch import fetch_url


def test_a_cross_host_redirect_is_logged(
    http_server: LoopbackServer, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    document = fetch_url(http_server.url("cross-host"), timeout=5)  # loopback to loopback
    assert ARTICLE_TEXT.strip()[:40] in document.data.decode()
    [record] = [r for r in caplog.records if "another host" in r.getMessage()]
    assert f"redirected to http://localhost:{http_server.port}/article.txt" in record.getMessage()


def test_a_redirect_from_a_public_to_an_internal_address_is_refused(
    http_server: LoopbackServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    # 127.0.0.1 stands in for a public host and localhost for an internal one.
    monkeypatch.setattr(fetch, "_is_internal", lambda host: host == "localhost")
    url = http_server.url("cross-host")
    result = load_articles([url, http_server.url("article.txt")], timeout=5)
    assert len(result.articles) == 1
    assert [str(e) for e in result.errors] == [
        f"{url}: redirects to http://localhost:{http_server.port}/article.txt, an internal "
        "address (private, loopback or link-local); refused"
    ]


@pytest.mark.parametrize(
    ("host", "internal"),
    [("127.0.0.1", True), ("10.1.2.3", True), ("169.254.169.254", True), ("192.168.0.1", True),
     ("[::1]", True), ("fe80::1", True), ("8.8.8.8", False), ("2606:4700::1111", False)],
)  # fmt: skip
def test_internal_addresses(host: str, internal: bool) -> None:
    assert fetch._is_internal(host) is internal


def test_headers_sent_one_byte_at_a_time_cannot_outlast_the_deadline(
    http_server: LoopbackServer,
) -> None:
    """The server never pauses long enough for a read time-out (0.05 s per byte, timeout
    0.5 s); only a deadline over the whole exchange, headers included, ends it. Counted,
    not timed: the client hangs up long before the server has sent all its headers."""
    url = http_server.url("slow-headers")
    with pytest.raises(InputError) as caught:
        fetch_url(url, timeout=0.5)
    assert str(caught.value) == f"{url}: did not finish sending within 1 seconds"
    sent = http_server.httpd.sent.get(timeout=30)  # the handler reports when it stops
    assert sent < 100  # of 374 bytes: about 1 s worth, not the whole header block


def test_the_deadline_works_with_proxies_from_the_environment(
    http_server: LoopbackServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Proxy variables mount more transports (None for a NO_PROXY pattern)."""
    monkeypatch.setenv("HTTPS_PROXY", "http://127.0.0.1:9")  # not used for http:// URLs
    monkeypatch.setenv("NO_PROXY", "localhost,127.0.0.1")
    document = fetch_url(http_server.url("article.txt"), timeout=5)
    assert ARTICLE_TEXT.strip()[:40] in document.data.decode()
    url = http_server.url("slow-headers")
    with pytest.raises(InputError, match="did not finish sending within 1 seconds"):
        fetch_url(url, timeout=0.5)
    assert http_server.httpd.sent.get(timeout=30) < 100


def test_one_shared_client_keeps_each_fetchs_own_deadline_and_redirect_origin(
    http_server: LoopbackServer, caplog: pytest.LogCaptureFixture
) -> None:
    """fetch_all shares one client between threads: the slow server's deadline ends only
    its own fetch, and a redirect is logged against the URL that led to it."""
    caplog.set_level(logging.INFO)
    slow, good, moved = (http_server.url(p) for p in ("slow-headers", "article.txt", "cross-host"))
    found = fetch.fetch_all([slow, good, moved], timeout=0.5, concurrency=3)
    assert str(found[slow]) == f"{slow}: did not finish sending within 1 seconds"
    for url in (good, moved):
        document = found[url]
        assert not isinstance(document, InputError)
        assert ARTICLE_TEXT.strip()[:40] in document.data.decode()
    [record] = [r for r in caplog.records if "another host" in r.getMessage()]
    assert record.getMessage().startswith(f"{moved}: redirected to")
    assert http_server.httpd.sent.get(timeout=30) < 100

"""Issue 13: cases that already held when the issue was filed, kept by a test each so
that they keep holding (docs/reliability.md lists them with the rest)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import LoopbackServer

from stargate_digest.ingest import load_articles

MIB = 1024 * 1024


@pytest.mark.parametrize(
    ("route", "says"),
    [
        ("gzip-bomb", "serves more than the 1.0 MiB limit"),
        ("short-body", "could not be reached (peer closed connection without sending complete"),
        ("redirect-loop", "could not be reached (Exceeded maximum allowed redirects.)"),
        ("file-redirect", "unsupported protocol 'file://'"),
    ],
)
def test_hostile_http_answers_are_one_error_each(
    http_server: LoopbackServer, route: str, says: str
) -> None:
    result = load_articles([http_server.url(route), http_server.url("article.txt")],
                           max_bytes=MIB, timeout=5)  # fmt: skip
    assert len(result.articles) == 1
    [error] = result.errors
    assert error.source == http_server.url(route) and says in error.reason


FEED = (
    '<rss version="2.0"><channel><title>x</title><item><title>Stargate {ref}</title>'
    "<link>https://e.example/1</link><description>Stargate will invest $500 billion {ref} "
    "in data centers.</description></item></channel></rss>"
)
PAGE = (
    '<html xmlns="http://www.w3.org/1999/xhtml"><head><title>Stargate {ref}</title></head>'
    "<body><article><p>Stargate will invest $500 billion {ref} in data centers across the "
    "country, the companies said on Tuesday.</p><p>The first site is in Abilene, Texas, "
    "where construction of ten buildings is under way.</p></article></body></html>"
)
XXE = '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
LAUGHS = '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">' + "".join(
    f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(8)
) + "]>"  # fmt: skip


@pytest.mark.parametrize("body", [FEED, PAGE], ids=["feed", "xhtml"])
@pytest.mark.parametrize(
    ("doctype", "ref"), [(XXE, "&e;"), (LAUGHS, "&i;")], ids=["xxe", "billion-laughs"]
)
def test_entities_are_never_expanded(tmp_path: Path, body: str, doctype: str, ref: str) -> None:
    path = tmp_path / "doc.xml"
    path.write_text(f'<?xml version="1.0"?>\n{doctype}\n{body.format(ref=ref)}', "utf-8")
    result = load_articles(path)  # an article, or one clean error (trafilatura refuses
    assert len(result.articles) + len(result.errors) == 1  # a DOCTYPE with entities)
    for article in result.articles:
        shown = f"{article.title} {article.text}"
        assert "root:" not in shown and "aaaa" not in shown and len(shown) < 400

"""Bad input: one clear sentence naming the input, the other inputs still read, no traceback.

Every case runs through ``load_articles`` and through the CLI (``main([...])``): exit 1
when a good input was read alongside (its output still written), 2 when nothing was.
URLs are served by the loopback server in conftest.py.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import ARTICLE_TEXT, LoopbackServer

from stargate_digest.cli import main
from stargate_digest.ingest import load_articles

PNG_HEADER = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06"
MIB = 1024 * 1024


@dataclass(frozen=True)
class Case:
    """A bad input, how to make it, and what its error must say."""

    name: str
    make: Callable[[Path, LoopbackServer, str], str]  # (tmp_path, server, closed url) -> input
    says: str
    max_bytes: int = 20 * MIB
    timeout: float = 20.0

    @property
    def options(self) -> list[str]:
        return ["--max-bytes", str(self.max_bytes), "--timeout", str(self.timeout)]


def _file(name: str, data: bytes) -> Callable[[Path, LoopbackServer, str], str]:
    def make(tmp: Path, _server: LoopbackServer, _closed: str) -> str:
        path = tmp / name
        path.write_bytes(data)
        return str(path)

    return make


def _sparse_50_mb(tmp: Path, _server: LoopbackServer, _closed: str) -> str:
    path = tmp / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(50 * MIB)
    return str(path)


def _empty_folder(tmp: Path, _server: LoopbackServer, _closed: str) -> str:
    (tmp / "empty").mkdir()
    (tmp / "empty" / ".only-hidden").write_text("x", "utf-8")
    return str(tmp / "empty")


def _url(route: str) -> Callable[[Path, LoopbackServer, str], str]:
    return lambda _tmp, server, _closed: server.url(route)


CASES = [
    Case("empty", _file("empty.txt", b""), "is empty"),
    Case("whitespace", _file("blank.txt", b"  \n\t\r\n  \n"), "has only whitespace"),
    Case("png", _file("image.txt", PNG_HEADER + bytes(range(256)) * 4), "is a binary file"),
    Case("nul-bytes", _file("random.txt", b"ab\x00\x01\x02\xff" * 500), "is a binary file"),
    Case(
        "cut-off-json",
        _file("cut.txt", b'{"id": 7, "title": {"rendered": "Stargate"}, "content": {"rend'),
        "is JSON that is cut off",
    ),
    Case(
        "undetectable-encoding",
        _file("mystery.txt", bytes(range(0x80, 0x100)) * 40),
        "its encoding could not be detected",
    ),
    Case("50-mb", _sparse_50_mb, "is 50.0 MiB, over the 20.0 MiB limit"),
    Case("missing", lambda tmp, _s, _c: str(tmp / "no" / "such.txt"), "no such file or directory"),
    Case("empty-folder", _empty_folder, "is a folder with no files"),
    Case("unreachable", lambda _t, _s, closed: closed, "could not be reached"),
    Case("http-404", _url("gone"), "answered HTTP 404 Not Found"),
    Case("declared-3-gib", _url("huge-declared"), "serves 3.0 GiB, over the 20.0 MiB limit"),
    Case(
        "endless-chunked",
        _url("endless"),
        "serves more than the 1.0 MiB limit",
        max_bytes=MIB,
    ),
    Case("silent", _url("silent"), "did not answer within 0.5 seconds", timeout=0.5),
    Case("trickle", _url("trickle"), "did not finish sending within 0.5 seconds", timeout=0.25),
    Case("ftp-url", lambda *_: "ftp://127.0.0.1/x.txt", "only http and https URLs"),
]


@pytest.fixture
def make_bad(
    tmp_path: Path, http_server: LoopbackServer, closed_port_url: str
) -> Callable[[Case], str]:
    return lambda case: case.make(tmp_path, http_server, closed_port_url)


@pytest.fixture
def good_file(tmp_path: Path) -> Path:
    path = tmp_path / "good.txt"
    path.write_text(ARTICLE_TEXT, "utf-8")
    return path


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_load_articles_reports_the_input_and_goes_on(
    case: Case, make_bad: Callable[[Case], str], good_file: Path
) -> None:
    bad = make_bad(case)
    result = load_articles([bad, good_file], max_bytes=case.max_bytes, timeout=case.timeout)
    assert [a.id for a in result.articles] == ["good"]
    (error,) = result.errors
    assert error.source == bad
    assert case.says in str(error)
    assert str(error).startswith(f"{bad}: ")


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_cli_one_sentence_on_stderr_and_partial_output(
    case: Case,
    make_bad: Callable[[Case], str],
    good_file: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    bad = make_bad(case)
    out = tmp_path / "out.json"
    code = main(["ingest", bad, str(good_file), "--format", "json", "-o", str(out), *case.options])
    captured = capsys.readouterr()
    assert code == 1
    assert [row["id"] for row in json.loads(out.read_text("utf-8"))] == ["good"]
    lines = captured.err.splitlines()
    assert len(lines) == 1, captured.err
    assert lines[0].startswith(f"stargate-digest: error: {bad}: ")
    assert case.says in lines[0]
    assert "Traceback" not in captured.err


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_cli_exit_2_when_nothing_could_be_read(
    case: Case, make_bad: Callable[[Case], str], capsys: pytest.CaptureFixture[str]
) -> None:
    bad = make_bad(case)
    code = main(["ingest", bad, *case.options])
    captured = capsys.readouterr()
    assert code == 2
    assert captured.out == ""
    assert f"error: {bad}: " in captured.err
    assert "no article could be read" in captured.err
    assert "Traceback" not in captured.err


# --- details of individual cases ----------------------------------------------------------


def test_50_mb_file_is_refused_without_being_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "big.txt"
    with path.open("wb") as handle:
        handle.write(b"Stargate " * (50 * MIB // 9))  # real text this time, not a hole
    opened: list[Path] = []
    real_open = Path.open

    def spy(self: Path, *args: object, **kwargs: object) -> object:
        opened.append(self)
        return real_open(self, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(Path, "open", spy)
    result = load_articles([path])
    assert path not in opened  # refused from its size alone, never read
    assert "over the 20.0 MiB limit (raise it with --max-bytes)" in str(result.errors[0])
    # the limit is the user's to raise
    assert (
        load_articles([path], max_bytes=10)
        .errors[0]
        .reason.startswith("is 50.0 MiB, over the 10 bytes")
    )


def test_cp1252_french_text_is_decoded(tmp_path: Path) -> None:
    text = (
        "Le projet Stargate a été annoncé à Washington.\n"
        "L'investissement dépasse déjà les prévisions des économistes, à en croire l'équipe.\n"
    )
    path = tmp_path / "latin.txt"
    path.write_bytes(text.encode("cp1252"))
    (article,) = load_articles([path]).articles
    assert "a été annoncé à Washington" in article.text
    assert "déjà les prévisions des économistes" in article.text
    assert article.language == "fr"


def test_other_legacy_encodings_are_a_guess_said_out_loud(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    text = "Проект Stargate был объявлен в Вашингтоне. Инвестиции превышают прогнозы.\n"
    path = tmp_path / "ru.txt"
    path.write_bytes(text.encode("cp1251"))
    (article,) = load_articles([path]).articles
    assert article.text == text.strip()
    assert article.language == "ru"
    (warning,) = [r.getMessage() for r in caplog.records if r.levelname == "WARNING"]
    assert warning.startswith(f"{path}: is not UTF-8; decoded as cp1251, a guess")


def test_charset_declared_in_the_page_is_used(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    body = "<p>" + "Проект Stargate был объявлен в Вашингтоне в январе. " * 5 + "</p>"
    path = tmp_path / "ru.html"
    path.write_bytes(
        f'<html><head><meta charset="windows-1251"><title>Старгейт</title></head>'
        f"<body><article>{body}</article></body></html>".encode("cp1251")
    )
    (article,) = load_articles([path]).articles
    assert article.title == "Старгейт"
    assert article.text.startswith("Проект Stargate был объявлен")
    assert [r for r in caplog.records if r.levelname == "WARNING"] == []  # not a guess


def test_iso_8859_1_label_is_read_as_windows_1252(tmp_path: Path) -> None:
    # Browsers read "ISO-8859-1" as Windows-1252; 0x92 is then a curly apostrophe,
    # not the C1 control character U+0092.
    path = tmp_path / "page.html"
    text = "<p>" + "L\x92équipe a présenté le projet Stargate à Abilene mardi. " * 5 + "</p>"
    path.write_bytes(
        b'<html><head><meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">'
        + b"</head><body><article>"
        + text.encode("latin-1")
        + b"</article></body></html>"
    )
    (article,) = load_articles([path]).articles
    assert "L’équipe a présenté le projet" in article.text
    assert "\x92" not in article.text


def test_utf8_with_one_stray_byte_is_not_turned_into_mojibake(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    sentence = "Le centre de données sera installé à Abilene, a annoncé l'équipe.\n"
    path = tmp_path / "mixed.txt"
    path.write_bytes(sentence.encode() * 3 + b"Une apostrophe \x92 de Windows.\n")
    (article,) = load_articles([path]).articles
    assert "données sera installé à Abilene" in article.text
    assert "Ã" not in article.text
    assert "\ufffd" in article.text  # the one bad byte is visible, not hidden
    assert any("invalid byte" in record.getMessage() for record in caplog.records)


def test_utf16_with_bom_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "utf16.txt"
    path.write_bytes("Ein Text über Rechenzentren in Texas und ihre Kosten.\n".encode("utf-16"))
    (article,) = load_articles([path]).articles
    assert article.text == "Ein Text über Rechenzentren in Texas und ihre Kosten."


def test_truncated_seed_json_is_called_cut_off(seeds_dir: Path, tmp_path: Path) -> None:
    data = (seeds_dir / "000_1b5d983547bd3de6.txt").read_bytes()
    for cut in (1000, len(data) // 2, len(data) - 3):
        path = tmp_path / f"cut{cut}.txt"
        path.write_bytes(data[:cut])
        (error,) = load_articles([path]).errors
        assert "is JSON that is cut off" in str(error), str(error)


def test_broken_json_that_is_complete_is_called_invalid(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{"title": {"rendered": "x"} "content": {"rendered": "y"}}', "utf-8")
    (error,) = load_articles([path]).errors
    assert "is not valid JSON (line 1, column" in str(error)


def test_folder_with_one_bad_file_among_good_ones(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "coverage"
    (folder / "sub").mkdir(parents=True)
    (folder / "a_broken.txt").write_bytes(PNG_HEADER)  # sorts first: must not stop the rest
    (folder / "b.txt").write_text(ARTICLE_TEXT, "utf-8")
    (folder / "sub" / "c.md").write_text("# C\n\n" + ARTICLE_TEXT, "utf-8")
    (folder / ".hidden.txt").write_bytes(PNG_HEADER)  # hidden files are skipped
    result = load_articles([folder])
    assert sorted(a.id for a in result.articles) == ["b", "c"]
    assert [e.source for e in result.errors] == [str(folder / "a_broken.txt")]

    assert main(["ingest", str(folder)]) == 1
    captured = capsys.readouterr()
    assert "a_broken.txt: is a binary file" in captured.err
    assert {"b", "c"} <= set(captured.out.splitlines())


def test_parser_crash_is_reported_against_its_input_only(
    tmp_path: Path,
    good_file: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from stargate_digest.ingest import feed as feed_reader

    def explode(text: str, source: str) -> object:
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(feed_reader, "read_feed", explode)
    feed = tmp_path / "feed.xml"
    feed.write_text('<?xml version="1.0"?><rss version="2.0"><channel></channel></rss>', "utf-8")
    result = load_articles([feed, good_file])
    assert [a.id for a in result.articles] == ["good"]
    assert "internal error (RecursionError" in str(result.errors[0])

    assert main(["ingest", str(feed), str(good_file)]) == 1
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    assert f"error: {feed}: could not be read because of an internal error" in captured.err


def test_a_single_path_string_is_one_input(good_file: Path) -> None:
    # not iterated character by character
    assert [a.id for a in load_articles(str(good_file)).articles] == ["good"]


def test_non_regular_file_is_refused(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    (error,) = load_articles([fifo]).errors
    assert "is not a regular file" in str(error)


def test_invalid_urls(tmp_path: Path) -> None:
    # none of these reaches the network: each is refused before a connection is tried
    result = load_articles(["http://", "https://[::1/x", "", "http://a..b/"])
    assert result.articles == []
    messages = [str(e) for e in result.errors]
    assert messages[0] == "http://: is not a valid URL (it names no host)"
    assert messages[1].startswith("https://[::1/x: is not a valid URL")
    assert messages[2] == "'': is an empty path"
    assert messages[3].startswith("http://a..b/: is not a valid URL")  # IDNA refused it


# --- URLs that work -----------------------------------------------------------------------


def test_url_text_article_gets_the_url_and_an_id_from_the_path(http_server: LoopbackServer) -> None:
    (article,) = load_articles([http_server.url("article.txt")]).articles
    assert article.id == "article"
    assert article.url == http_server.url("article.txt")
    assert article.text == ARTICLE_TEXT.strip()


def test_redirect_is_followed_and_final_url_kept(http_server: LoopbackServer) -> None:
    (article,) = load_articles([http_server.url("redirect")]).articles
    assert article.url == http_server.url("article.txt")


def test_html_page_over_http(http_server: LoopbackServer) -> None:
    (article,) = load_articles([http_server.url("page.html")]).articles
    assert article.format == "html"
    assert article.url == "https://news.example.de/technik/stargate-rechenzentren"  # canonical
    assert article.language == "de"


def test_declared_charset_is_used(http_server: LoopbackServer) -> None:
    (article,) = load_articles([http_server.url("latin1")]).articles
    assert "Le centre de données sera installé à Abilene" in article.text

"""Issue 13, input: invisible characters, folders, WordPress lists, long lines, titles."""

from __future__ import annotations

import json
import os
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from stargate_digest.cli import main
from stargate_digest.extractors.rules import RulesExtractor
from stargate_digest.ingest import load_articles

BODY = "OpenAI said the Stargate project will invest {figure} in AI infrastructure."
BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f"


def _has_format_char(text: str) -> bool:
    return any(unicodedata.category(c) == "Cf" for c in text)


@pytest.mark.parametrize(
    "figure",
    ["$5\u200b00 billion", "$5\u200d00 billion", "$5\u200c00 billion", "$5\u00ad00 billion",
     "$\u2066500\u2069 billion", "\ufeff$500 billion", "$500\u2060 billion"],
)  # fmt: skip
def test_invisible_characters_inside_a_number_do_not_change_it(tmp_path: Path, figure: str) -> None:
    path = tmp_path / "zw.txt"
    path.write_text("Stargate news\n\n" + BODY.format(figure=figure) + "\n", "utf-8")
    [article] = load_articles(path).articles
    claims = RulesExtractor().extract(article).claims
    assert [(c.value, c.unit, c.verified) for c in claims] == [(500e9, "USD", True)]
    assert not _has_format_char(article.text)


def test_no_bidi_control_reaches_titles_or_quotes_of_any_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    post = {
        "id": 7,
        "title": {"rendered": "Stargate \u202enews\u202c of the day"},
        "content": {"rendered": "<p>" + BODY.format(figure="$500\u202e billion") + "</p>"},
        "link": "https://example.com/\u2066post",
    }
    path = tmp_path / "post\u202e.json"  # a file name is article-controlled too: the id
    path.write_text(json.dumps(post), "utf-8")
    for fmt in ("json", "markdown"):
        assert main(["summarize", str(path), "--backend", "rules", "--format", fmt]) == 0
        out = capsys.readouterr().out
        assert not any(c in out for c in BIDI), fmt
        assert "news of the day" in out
    assert main(["extract", str(path), "--backend", "rules"]) == 0
    extracted = json.loads(capsys.readouterr().out)
    [article] = extracted["articles"]
    assert article["title"] == "Stargate news of the day" and article["id"] == "post"
    assert article["url"] == "https://example.com/post"
    assert [c["quote"] for c in article["claims"]] == [BODY.format(figure="$500 billion")]


def _folder_with_bad_entries(tmp_path: Path) -> Path:
    folder = tmp_path / "coverage"
    (folder / "sub").mkdir(parents=True)
    (folder / "good.txt").write_text("Stargate\n\nStargate will cost $500 billion.\n", "utf-8")
    (folder / "locked").mkdir()
    (folder / "sub" / "back").symlink_to(folder, target_is_directory=True)
    (folder / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    (folder / "self").symlink_to(folder / "self")
    os.mkfifo(folder / "pipe")
    return folder


def test_every_entry_a_folder_skips_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _folder_with_bad_entries(tmp_path)
    real_scandir = os.scandir

    def scandir(path: Any) -> Any:  # root can read a chmod 000 folder: refuse it here
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    result = load_articles(folder)
    assert [a.id for a in result.articles] == ["good"]
    said = {Path(e.source).name: e.reason for e in result.errors}
    assert said == {
        "back": "is a symbolic link back to a folder already read (a loop); skipped",
        "dangling.txt": f"is a broken symbolic link (to {tmp_path / 'nowhere.txt'}, which "
        "does not exist)",
        "locked": "could not be listed (permission denied)",
        "pipe": "is not a regular file (a device, socket or pipe)",
        "self": "is a symbolic link loop; skipped",
    }
    assert main(["ingest", str(folder)]) == 1
    err = capsys.readouterr().err
    assert err.count("stargate-digest: error: ") == 5 and "pipe: is not a regular file" in err


def _post(ident: int, **fields: Any) -> dict[str, Any]:
    post: dict[str, Any] = {
        "id": ident,
        "title": {"rendered": f"Stargate post {ident}"},
        "content": {"rendered": f"<p>Stargate will invest ${ident}00 billion in sites.</p>"},
        "date_gmt": "2025-01-22T10:00:00",
        "link": f"https://example.com/{ident}",
    }
    return post | fields


def test_one_broken_wordpress_post_costs_only_itself(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    posts = [_post(1), _post(2, content=None), _post(3, date_gmt=12345), _post(4), _post(5)]
    path = tmp_path / "posts.json"
    path.write_text(json.dumps(posts), "utf-8")
    result = load_articles(path)
    assert [a.id for a in result.articles] == ["posts-1", "posts-3", "posts-4", "posts-5"]
    assert result.articles[1].published is None  # a number is no date
    assert [str(e) for e in result.errors] == [
        f"{path} (post 2): is not a WordPress post with content.rendered"
    ]
    assert main(["ingest", str(path)]) == 1
    assert capsys.readouterr().err.count("error:") == 1


SHOWN = "Stargate &lt;script&gt;alert(1)&lt;/script&gt; news &amp;amp; more"
PAGE_BODY = f"<body><article><p>{BODY.format(figure='$500 billion')} More.</p></article></body>"


@pytest.mark.parametrize(
    ("name", "document"),
    [
        ("page.html", f"<html><head><title>{SHOWN}</title></head>{PAGE_BODY}</html>"),
        ("og.html", f'<html><head><meta property="og:title" content="{SHOWN}"></head>'
         f"{PAGE_BODY}</html>"),
        ("feed.xml", '<?xml version="1.0"?><rss version="2.0"><channel><title>x</title><item>'
         f"<title>{SHOWN}</title><description>{BODY.format(figure='$500 billion')}"
         "</description></item></channel></rss>"),
        ("post.json", json.dumps({"title": {"rendered": SHOWN},
                                  "content": {"rendered": BODY.format(figure="$500 billion")}})),
    ],
)  # fmt: skip
def test_a_title_is_the_text_its_page_shows(tmp_path: Path, name: str, document: str) -> None:
    path = tmp_path / name
    path.write_text(document, "utf-8")
    [article] = load_articles(path).articles
    assert article.title == "Stargate <script>alert(1)</script> news &amp; more"


def test_a_cp1252_guess_is_a_warning_as_documented(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("Le projet Stargate a été annoncé à Washington déjà.\n".encode("cp1252"))
    load_articles(path)
    [record] = [r for r in caplog.records if "cp1252" in r.getMessage()]
    assert record.levelname == "WARNING"
    reliability = (Path(__file__).parent.parent / "docs" / "reliability.md").read_text("utf-8")
    assert "the guess is logged as a warning" in reliability


UNPUNCTUATED = (
    "Stargate will invest $500 billion and SoftBank $19 billion in 20 sites with 40 percent "
    "owned by OpenAI and "
)


def test_one_long_line_costs_work_linear_in_its_length(monkeypatch: pytest.MonkeyPatch) -> None:
    """Work is counted, not timed: each figure looks at a bounded window of text."""
    from stargate_digest.extractors import rules
    from stargate_digest.segment import MAX_SENTENCE_CHARS, Span, clause_around, split_sentences
    from stargate_digest.terms import TermHit

    text = UNPUNCTUATED * 400  # 42 kB on one line: no sentence punctuation, no blank line
    spans = split_sentences(text)
    assert max(len(s) for s in spans) <= MAX_SENTENCE_CHARS
    kept = "".join(s.text(text) for s in spans)
    assert kept.replace(" ", "") == text.replace(" ", "")  # nothing lost at the cuts
    scanned: list[int] = []
    original_clause = clause_around
    original_within = rules._Hits.within

    def counted_clause(text: str, sentence: Span, start: int, end: int) -> Span:
        scanned.append(len(sentence))
        return original_clause(text, sentence, start, end)

    def within(self: rules._Hits, span: Span) -> list[TermHit]:
        scanned.append(len(span))
        return original_within(self, span)

    monkeypatch.setattr(rules, "clause_around", counted_clause)
    monkeypatch.setattr(rules._Hits, "within", within)
    article = _article_of(text)
    claims = RulesExtractor().extract(article).claims
    assert claims and len(scanned) > 1000  # every one of the ~1,600 figures was looked at
    # Each figure looks at a bounded window (it was the whole text per figure); only the
    # one paragraph is looked at whole, once each: to tell whether it is about the story,
    # and (scope) which one place the article and the paragraph keep naming.
    assert len([n for n in scanned if n > MAX_SENTENCE_CHARS]) <= 3


def _article_of(text: str) -> Any:
    import hashlib

    from stargate_digest.models import Article

    return Article(id="long", text=text, content_hash=hashlib.sha256(text.encode()).hexdigest(),
                   source="long.txt", format="text", language="en")  # fmt: skip

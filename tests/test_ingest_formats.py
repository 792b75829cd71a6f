"""Each input format, told from content, read into Articles (hand-made fixtures)."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from stargate_digest.ingest import load_articles
from stargate_digest.ingest.detect import detect_format
from stargate_digest.ingest.language import identify_language
from stargate_digest.ingest.markup import page_metadata
from stargate_digest.models import Article


def _one(path: Path) -> Article:
    result = load_articles([path])
    assert result.errors == []
    assert len(result.articles) == 1
    return result.articles[0]


# --- HTML ---------------------------------------------------------------------------------


def test_html_page_metadata_and_main_text(fixtures_dir: Path) -> None:
    article = _one(fixtures_dir / "page_html.txt")  # HTML, though named .txt
    assert article.format == "html"
    assert article.id == "page_html"
    # og:title, not the <title> with the site name appended
    assert article.title == "Stargate: Milliarden für Rechenzentren"
    # canonical link wins over og:url
    assert article.url == "https://news.example.de/technik/stargate-rechenzentren"
    assert article.published == datetime(2025, 1, 22, 8, 30, tzinfo=timezone(timedelta(hours=1)))
    assert article.language == "de"
    assert article.text.startswith("OpenAI, SoftBank und Oracle wollen")
    assert "großer Sprachmodelle genutzt werden." in article.text
    # nav, footer and script are boilerplate
    for furniture in ("Startseite", "Jetzt abonnieren", "Impressum", "FOOTERMARKER", "dataLayer"):
        assert furniture not in article.text, furniture
    # the <h1> repeating the title is dropped and counted
    assert article.text.count("Milliarden für Rechenzentren") == 0
    assert article.lines_dropped == 1


def test_html_declared_language_is_read(fixtures_dir: Path) -> None:
    page = (fixtures_dir / "page_html.txt").read_text("utf-8")
    assert page_metadata(page).language == "de-DE"


def test_html_declared_language_used_when_text_is_too_short() -> None:
    # identify_language falls back to the page's <html lang> only for a fragment of text
    assert identify_language("OK", "pt-BR") == "pt"
    assert identify_language("Das ist ein deutscher Satz über Rechenzentren.", "en") == "de"


def test_html_json_ld_date_published_in_graph(fixtures_dir: Path) -> None:
    article = _one(fixtures_dir / "page_jsonld.html")
    assert article.title == "Stargate project names first site"
    assert article.published == datetime(2025, 1, 24, 15, 0, tzinfo=UTC)  # not dateModified
    assert article.url is None  # no canonical, no og:url, read from disk
    assert article.language == "en"
    assert article.text.startswith("The Stargate joint venture said on Friday")


def test_xhtml_with_xml_declaration(tmp_path: Path) -> None:
    # lxml refuses str input with an encoding declaration; this used to crash.
    body = "<p>" + "The Stargate campus in Abilene will house many data halls. " * 6 + "</p>"
    path = tmp_path / "page"
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<html xmlns="http://www.w3.org/1999/xhtml" lang="en"><head><title>XHTML page'
        f"</title></head><body><article>{body}</article></body></html>",
        "utf-8",
    )
    article = _one(path)
    assert article.format == "html"
    assert article.title == "XHTML page"
    assert article.text.startswith("The Stargate campus in Abilene")


def test_same_page_twice_in_one_process_reads_the_same(fixtures_dir: Path, tmp_path: Path) -> None:
    # trafilatura's default dedup cache is process-wide: the second read came back empty.
    first = _one(fixtures_dir / "page_html.txt")
    for _ in range(3):  # trafilatura discarded a document seen more than twice
        assert _one(fixtures_dir / "page_html.txt").text == first.text
    # a paragraph shared by two different pages (wire copy) stays in both
    page = (fixtures_dir / "page_html.txt").read_text("utf-8")
    other = tmp_path / "other.html"
    other.write_text(page.replace("Technische Partner", "Zu den technischen Partnern"), "utf-8")
    assert "Kritiker bezweifeln allerdings" in _one(other).text


def test_page_without_main_text_is_one_clean_error(tmp_path: Path) -> None:
    """In a real process: exactly our two sentences on stderr, nothing from the libraries."""
    path = tmp_path / "shell.html"
    path.write_text(
        "<html><head><title>Empty shell</title><script>var app = {};</script></head>"
        "<body><div id='root'></div><script src='/bundle.js'></script></body></html>",
        "utf-8",
    )
    done = subprocess.run(
        [sys.executable, "-m", "stargate_digest", "ingest", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2
    assert done.stderr.splitlines() == [
        f"stargate-digest: error: {path}: is an HTML page with no main text that could be "
        "extracted",
        "stargate-digest: error: no article could be read from the inputs",
    ]


def test_relative_canonical_is_resolved_against_the_fetched_url() -> None:
    page = '<html><head><link rel="canonical" href="/news/a-1"></head><body></body></html>'
    assert page_metadata(page, "https://example.org/x/y?z=1").url == "https://example.org/news/a-1"
    assert page_metadata(page, None).url == "/news/a-1"


# --- Feeds --------------------------------------------------------------------------------


def test_rss_each_item_is_an_article(fixtures_dir: Path) -> None:
    result = load_articles([fixtures_dir / "feed_rss.json"])  # a feed, though named .json
    assert result.errors == []
    first, second = result.articles
    assert [first.id, second.id] == ["feed_rss-001", "feed_rss-002"]
    assert {first.format, second.format} == {"feed"}
    assert first.title == "SoftBank and OpenAI unveil Stargate"
    assert first.url == "https://wire.example.com/2025/01/stargate-unveiled"
    assert first.published == datetime(2025, 1, 21, 22, 15, tzinfo=UTC)
    assert first.text.startswith("SoftBank and OpenAI said they will invest")
    assert "<p>" not in first.text
    assert second.title == "Doubts grow over Stargate funding"
    assert second.url == "https://wire.example.com/2025/01/stargate-doubts"
    # "+0100" honoured: 09:00 in UTC+1 is 08:00 UTC
    assert second.published == datetime(2025, 1, 23, 8, 0, tzinfo=UTC)
    assert first.language == second.language == "en"
    assert first.content_hash != second.content_hash


def test_atom_entry_is_an_article(fixtures_dir: Path) -> None:
    (article,) = load_articles([fixtures_dir / "feed_atom.xml"]).articles
    assert article.format == "feed"
    assert article.title == "Stargate invertirá 500.000 millones de dólares"
    assert article.url == "https://noticias.example.es/stargate-inversion"
    assert article.published == datetime(2025, 1, 22, 10, 30, tzinfo=UTC)  # published, not updated
    assert article.language == "es"
    assert "500.000 millones de dólares en centros de datos" in article.text


def test_feed_in_latin1_declared_in_xml(tmp_path: Path) -> None:
    feed = (
        '<?xml version="1.0" encoding="ISO-8859-1"?>\n<rss version="2.0"><channel><title>A</title>'
        "<item><title>Le projet a été annoncé</title><link>https://ex.fr/a</link>"
        "<description>Le projet Stargate a été annoncé à Washington mardi. "
        "L'investissement dépasse les prévisions des économistes.</description></item>"
        "</channel></rss>"
    )
    path = tmp_path / "feed"
    path.write_bytes(feed.encode("latin-1"))
    (article,) = load_articles([path]).articles
    assert article.title == "Le projet a été annoncé"
    assert "annoncé à Washington" in article.text
    assert article.language == "fr"


# --- WordPress ----------------------------------------------------------------------------


def test_wordpress_list_of_posts(fixtures_dir: Path) -> None:
    result = load_articles([fixtures_dir / "wp_posts.json"])
    assert result.errors == []
    first, second = result.articles
    assert [first.id, second.id] == ["wp_posts-11", "wp_posts-12"]  # post ids tell them apart
    assert first.title == "Stargate: l’annuncio"  # &#8217; decoded
    assert first.url == "https://blog.example.it/2025/01/22/stargate/"
    assert first.published == datetime(2025, 1, 22, 8, 0, tzinfo=UTC)  # date_gmt, not date
    assert "Il primo sito sarà costruito in Texas." in first.text  # &agrave; decoded
    assert "EXCERPTMARKER" not in first.text
    # date_gmt null: `date` is used, read as UTC
    assert second.published == datetime(2025, 1, 24, 18, 45, tzinfo=UTC)
    assert first.language == second.language == "it"


def test_wordpress_single_post_keeps_the_file_id(tmp_path: Path) -> None:
    post = {
        "id": 5,
        "date_gmt": "2025-02-01T12:00:00",
        "link": "https://ex.com/p/5",
        "title": {"rendered": "One post"},
        "content": {"rendered": "<p>The single post has a body of its own, in English.</p>"},
    }
    path = tmp_path / "single.txt"
    path.write_text(json.dumps(post), "utf-8")
    article = _one(path)
    assert article.id == "single"
    assert article.title == "One post"


def test_json_that_is_not_a_wordpress_post_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.json"
    path.write_text('{"name": "not a post", "items": [1, 2, 3]}', "utf-8")
    result = load_articles([path])
    assert result.articles == []
    assert "not a WordPress REST post" in str(result.errors[0])


# --- Markdown and plain text --------------------------------------------------------------


def test_markdown_heading_is_the_title_and_markup_is_removed(fixtures_dir: Path) -> None:
    article = _one(fixtures_dir / "notes.md")
    assert article.format == "markdown"
    assert article.title == "Stargate: what we know so far"
    assert "#" not in article.text and "**" not in article.text and "](" not in article.text
    # a soft-wrapped paragraph is one paragraph, with the link text kept
    assert (
        "on data centres in the United States. See the official announcement for the details."
        in article.text
    )
    assert "SoftBank (financing)" in article.text
    assert "snake_case_name" in article.text  # intraword underscores are not emphasis


def test_markdown_front_matter(tmp_path: Path) -> None:
    path = tmp_path / "post.md"
    path.write_text(
        '---\ntitle: "Front matter title"\ndate: 2025-01-22T10:00:00+00:00\n'
        "url: https://ex.com/fm\n---\n\nThe body of the post talks about Stargate and "
        "its data centres in Texas.\n",
        "utf-8",
    )
    article = _one(path)
    assert article.title == "Front matter title"
    assert article.published == datetime(2025, 1, 22, 10, 0, tzinfo=UTC)
    assert article.url == "https://ex.com/fm"
    assert "title:" not in article.text


def test_plain_text_title_line_and_hard_wrapped_paragraphs(tmp_path: Path) -> None:
    path = tmp_path / "mail"
    path.write_text(
        "Stargate partners meet in Texas\n\n"
        "The partners behind the Stargate venture met in Abilene on Monday to\n"
        "inspect the construction of the first data centre buildings on the\n"
        "site, the companies said in a statement.\n\n"
        "A second meeting is planned for the spring, when the partners want to\n"
        "decide on the next locations for the data centre campus in the country.\n",
        "utf-8",
    )
    article = _one(path)
    assert article.title == "Stargate partners meet in Texas"
    paragraphs = article.text.split("\n\n")
    assert len(paragraphs) == 2
    assert "Monday to inspect the construction" in paragraphs[0]


def test_plain_text_that_starts_with_a_bracket_is_not_json(tmp_path: Path) -> None:
    path = tmp_path / "update.json"
    path.write_text(
        "[Update] OpenAI launches Stargate\nThe company said on Tuesday that it would "
        "invest heavily in data centres in Texas.\n",
        "utf-8",
    )
    article = _one(path)
    assert article.format == "text"
    assert article.title == "[Update] OpenAI launches Stargate"


# --- Detection and language ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ('  \n{"id": 1, "content": {"rendered": "x"}}', "json"),
        ('[{"id": 1}]', "json"),
        ('{"id": 1, "title": {"rend', "json"),  # cut off, still JSON (and reported as such)
        ("[Breaking] News of the day", "text"),
        ('<?xml version="1.0"?><rss version="2.0"><channel></channel></rss>', "feed"),
        ("<!-- generator --><feed xmlns='http://www.w3.org/2005/Atom'></feed>", "feed"),
        ("<!DOCTYPE html><html><body><p>x</p></body></html>", "html"),
        ('<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"></html>', "html"),
        ("<p>Just a fragment</p>", "html"),
        ("# Title\n\nBody", "markdown"),
        ("Intro\n\n- one\n- two [link](http://x)", "markdown"),
        ("A plain article that mentions <p> tags and an RSS <feed> in passing.", "text"),
        ("Plain text only.\nSecond line.", "text"),
    ],
)
def test_detect_format(content: str, expected: str) -> None:
    assert detect_format(content) == expected


PARAGRAPHS = {
    "en": "The new data centre will be built in Texas next year. The companies said the "
    "project would create thousands of jobs. Critics doubt that the money is really there.",
    "de": "Das neue Rechenzentrum soll im nächsten Jahr in Texas gebaut werden. Die Unternehmen "
    "erklärten, das Projekt werde tausende Arbeitsplätze schaffen. Kritiker bezweifeln, dass "
    "das Geld wirklich vorhanden ist.",
    "fr": "Le nouveau centre de données sera construit au Texas l'année prochaine. Les "
    "entreprises ont déclaré que le projet créerait des milliers d'emplois. Les critiques "
    "doutent que l'argent soit vraiment disponible.",
    "es": "El nuevo centro de datos se construirá en Texas el próximo año. Las empresas dijeron "
    "que el proyecto creará miles de empleos. Los críticos dudan de que el dinero realmente "
    "exista.",
    "it": "Il nuovo centro dati sarà costruito in Texas il prossimo anno. Le aziende hanno "
    "dichiarato che il progetto creerà migliaia di posti di lavoro. I critici dubitano che il "
    "denaro ci sia davvero.",
    "pt": "O novo centro de dados será construído no Texas no próximo ano. As empresas disseram "
    "que o projeto vai criar milhares de empregos. Os críticos duvidam que o dinheiro "
    "realmente exista.",
    "ja": "新しいデータセンターは来年テキサス州に建設される予定です。"
    "両社は、このプロジェクトによって数千人の雇用が生まれると述べました。"
    "批評家たちは、その資金が本当に存在するのか疑問視しています。",
    "zh": "新的数据中心将于明年在得克萨斯州建成。两家公司表示，该项目将创造数千个就业岗位。"
    "批评者怀疑这笔资金是否真的存在。",
    "ko": "새로운 데이터 센터는 내년에 텍사스에 건설될 예정이다. 두 회사는 이 프로젝트가 수천 개의 "
    "일자리를 창출할 것이라고 밝혔다. 비평가들은 그 자금이 실제로 존재하는지 의문을 제기하고 있다.",
}


@pytest.mark.parametrize("language", sorted(PARAGRAPHS))
def test_language_identified_offline(language: str, tmp_path: Path) -> None:
    path = tmp_path / f"{language}.txt"
    path.write_text(PARAGRAPHS[language] + "\n", "utf-8")
    assert _one(path).language == language

"""Markdown input read by a Markdown parser: reference links, tables, HTML and front
matter stay out of the article text; front-matter dates become ``published``."""

from __future__ import annotations

from datetime import UTC, datetime

from stargate_digest.ingest.markdown import read_markdown

DOCUMENT = """---
title: "Stargate grows"
date: 23 January 2025
lang: en
url: https://example.com/post
---

# A heading that is not the title

The venture will spend [$500 billion][plan] on data centres, says the [company][].

| Partner | Share |
|---------|------:|
| OpenAI  | 40 %  |
| SoftBank| 40 %  |

<div class="ad"><p>Sponsored: buy <b>now</b></p></div>

```
code = "not prose"
```

- first item
- second item

[plan]: https://example.com/plan "The plan"
[company]: https://example.com/
"""


def test_markup_stays_out_of_the_text_and_the_words_stay_in() -> None:
    (draft,) = read_markdown(DOCUMENT)
    text = draft.body
    assert "The venture will spend $500 billion on data centres, says the company." in text
    for leaked in ("[plan]", "https://example.com", "|---", "| OpenAI", "<div", "code =", "---"):
        assert leaked not in text, leaked
    assert "OpenAI · 40 %" in text and "Partner · Share" in text  # a row per line
    assert "first item\nsecond item" in text  # a tight list, one item per line
    assert "Sponsored: buy now" in text  # HTML reduced to its words


def test_front_matter_is_kept_and_a_written_date_becomes_published() -> None:
    (draft,) = read_markdown(DOCUMENT)
    assert draft.title == "Stargate grows"
    assert draft.url == "https://example.com/post"
    assert draft.declared_language == "en"
    assert draft.published == datetime(2025, 1, 23, tzinfo=UTC)
    assert draft.body.startswith("A heading that is not the title")


def test_an_opening_heading_is_the_title_without_front_matter() -> None:
    (draft,) = read_markdown("# Stargate: what we know\n\nThe **venture** plans *a lot*.\n")
    assert draft.title == "Stargate: what we know"
    assert draft.body == "The venture plans a lot."


def test_an_iso_date_with_offset_is_read_exactly() -> None:
    (draft,) = read_markdown("---\ndate: 2025-01-22T10:00:00+09:00\n---\n\nText here.\n")
    assert draft.published is not None and draft.published.isoformat() == (
        "2025-01-22T10:00:00+09:00"
    )

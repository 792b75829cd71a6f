"""The digest at 5 sources and at 500: at a glance first, bounded cards, sources by outlet,
the figure marked in its quote, a gloss under other languages, a timeline for updates,
and numbers as people write them in every renderer."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from typing import Any

import lxml.html  # type: ignore[import-untyped]
import pytest

from stargate_digest.digest.html import render_html
from stargate_digest.digest.markdown import excerpt_parts, render_markdown
from stargate_digest.digest.render import render
from stargate_digest.display import describe, format_number
from stargate_digest.models import (
    Article,
    Claim,
    Digest,
    Disagreement,
    DisagreementKind,
    KeyFigure,
    Severity,
    SourceSummary,
    ValueSupport,
)

WHEN = datetime(2026, 1, 1, tzinfo=UTC)
EXPONENT = re.compile(r"\d(?:\.\d+)?[eE][+-]?\d")


def _article(number: int, language: str = "en", amount: int | None = None) -> Article:
    words = {"en": "The project will cost", "de": "Das Projekt kostet"}[language]
    text = f"Intro line.\n\n{words} ${amount or number} billion over four years, people said."
    return Article(id=f"{number:03d}_{'f' * 16}", title=f"Long headline number {number} " * 3,
                   url=f"https://www.outlet{number}.example/news/{number}", language=language,
                   published=datetime(2025, 1, number % 28 + 1, tzinfo=UTC), text=text,
                   content_hash=f"sha256:{number}", source=f"/tmp/{number}.html",
                   format="html")  # fmt: skip


def _claim(article: Article, amount: float, *, offsets: bool = True) -> Claim:
    start = article.text.index("The") if "The" in article.text else article.text.index("Das")
    end = article.text.index(", people")
    figure = article.text.index("$")
    return Claim(id=f"{article.id}#1", source_id=article.id, subject="Stargate",
                 metric="total_investment", value=amount, unit="USD",
                 quote=article.text[start:end], start=start, end=end,
                 figure_start=figure if offsets else None,
                 figure_end=article.text.index(" billion") + 8 if offsets else None)  # fmt: skip


def _summary(article: Article) -> SourceSummary:
    return SourceSummary(id=article.id, title=article.title, url=article.url,
                         published=article.published, language=article.language,
                         content_hash=article.content_hash, source=article.source,
                         format=article.format)  # fmt: skip


def _big_story() -> tuple[Digest, list[Article]]:
    """Twenty sources: five give the consensus, then three pairs, then nine single values."""
    amounts = [500] * 5 + [100] * 2 + [200] * 2 + [300] * 2 + list(range(1, 10))
    articles = [_article(n, "de" if n == 2 else "en", amounts[n - 1]) for n in range(1, 21)]
    claims = [_claim(a, x * 1e9) for a, x in zip(articles, amounts, strict=True)]
    groups: dict[float, list[Claim]] = {}
    for claim in claims:
        groups.setdefault(float(claim.value or 0), []).append(claim)
    ordered = sorted(groups.values(), key=lambda g: -len(g))
    singles_first = [ordered[0], *sorted(ordered[1:], key=len)]  # single values ordered first
    values = [
        ValueSupport(value=g[0].value or 0, unit="USD", source_ids=[c.source_id for c in g],
                     claim_ids=[c.id for c in g],
                     as_of=f"{2020 + index // 12}-{index % 12 + 1:02d}",
                     explanation=None if index == 0 else "An older, smaller figure.")
        for index, g in enumerate(singles_first)
    ]  # fmt: skip
    item = Disagreement(id="d1", subject="Stargate", metric="total_investment",
                        kind=DisagreementKind.UPDATE, severity=Severity.HIGH, values=values,
                        explanation="The figure grew as partners joined.",
                        likely_error="$1 billion reads like a misread scale word.")  # fmt: skip
    digest = Digest(generated_at=WHEN, backend="rules", sources=[_summary(a) for a in articles],
                    claims=claims, disagreements=[item])  # fmt: skip
    return digest, articles


@pytest.fixture(scope="module")
def big() -> tuple[Digest, list[Article], Any]:
    digest, articles = _big_story()
    return digest, articles, lxml.html.document_fromstring(render_html(digest, articles))


def _outside_details(element: Any, cls: str) -> list[Any]:
    return [e for e in element.find_class(cls) if not list(e.iterancestors("details"))]


def test_at_a_glance_comes_first(big: tuple[Digest, list[Article], Any]) -> None:
    _, _, tree = big
    first = tree.find(".//main/section")
    assert first.get("id") == "at-a-glance"
    (row,) = first.find(".//tbody").iter("tr")
    cells = [c.text_content() for c in row]
    assert cells[0] == "Stargate: total investment"
    assert cells[1:3] == ["update", "high"]
    assert cells[3] == "$500 billion (5 sources)"
    # The outliers with their source counts, bounded: three and how many more.
    assert cells[4] == "$100 billion (2) · $200 billion (2) · $300 billion (2) and 9 more values"


def test_a_card_shows_the_consensus_and_three_others_two_quotes_each(
    big: tuple[Digest, list[Article], Any],
) -> None:
    digest, _, tree = big
    (card,) = tree.find_class("disagreement")
    shown = _outside_details(card, "value-card")
    assert [c.find_class("figure")[0].text_content() for c in shown] == [
        "$500 billion",
        "$100 billion",
        "$200 billion",
        "$300 billion",
    ]  # fmt: skip  (values several sources give come before single-source ones)
    for value in shown:
        assert len(_outside_details(value, "cite")) <= 2
    # Everything else is one click away, nothing lost.
    every = [c.find_class("figure")[0].text_content() for c in card.find_class("value-card")]
    assert len(every) == len(digest.disagreements[0].values)
    quotes = [b.text_content() for b in card.iter("blockquote")]
    assert sorted(quotes) == sorted(c.quote for c in digest.claims)
    assert "9 more values from 9 sources" in card.text_content()
    assert "3 more quotes" in shown[0].text_content()


def test_kind_severity_explanations_likely_error_and_timeline(
    big: tuple[Digest, list[Article], Any],
) -> None:
    _, _, tree = big
    (card,) = tree.find_class("disagreement")
    badges = [b.text_content() for b in card.find("h3").find_class("badge")]
    assert badges == ["high severity", "update"]
    assert card.find_class("explanation")[0].text_content() == "The figure grew as partners joined."
    assert "misread scale word" in card.find_class("likely-error")[0].text_content()
    assert "An older, smaller figure." in card.find_class("why")[0].text_content()
    (timeline,) = card.find_class("timeline")
    steps = [li.find_class("when")[0].text_content() for li in timeline.iter("li")]
    assert steps[:2] == ["January 2020", "February 2020"] and len(steps) == 13


def test_sources_are_named_by_outlet_date_and_language(
    big: tuple[Digest, list[Article], Any],
) -> None:
    digest, _, tree = big
    (card,) = tree.find_class("disagreement")
    cite = card.find_class("cite")[0]
    chip = cite.find_class("chip")[0]
    assert chip.text_content() == "outlet1.example"
    assert chip.get("title").startswith("Long headline number 1")
    assert "2025-01-02" in cite.text_content() and "en" in cite.text_content()
    visible = card.text_content()
    assert not any(s.id in visible for s in digest.sources)  # ids only in tooltips and links


def test_the_figure_is_marked_in_its_quote_and_glossed_in_english(
    big: tuple[Digest, list[Article], Any],
) -> None:
    _, _, tree = big
    (card,) = tree.find_class("disagreement")
    marks = [m.text_content() for m in card.iter("mark")]
    assert "$500 billion" in marks
    german = next(b for b in card.iter("blockquote") if b.get("lang") == "de")
    assert german.find(".//mark").text_content() == "$500 billion"
    gloss = german.getparent().find_class("gloss")[0]
    assert gloss.text_content() == "In English: $500 billion, total investment"
    english = next(b for b in card.iter("blockquote") if b.get("lang") == "en")
    assert not english.getparent().find_class("gloss")


def test_without_figure_offsets_nothing_is_marked() -> None:
    article = _article(7)
    claim = _claim(article, 7e9, offsets=False)
    assert excerpt_parts(claim)[1] == ""
    shifted = _claim(article, 7e9).model_copy(update={"figure_start": 0})  # outside the quote
    assert excerpt_parts(shifted)[1] == ""
    assert excerpt_parts(_claim(article, 7e9))[1] == "$7 billion"


def test_article_texts_are_folded_until_opened(big: tuple[Digest, list[Article], Any]) -> None:
    _, articles, tree = big
    texts = tree.find_class("source-text")
    assert len(texts) == len(articles)
    assert all(t.find("details") is not None and t.find("details").get("open") is None
               for t in texts)  # fmt: skip


def test_the_markdown_excerpt_centres_on_the_figure_and_bolds_it() -> None:
    article = _article(3)
    long_text = "word " * 40 + article.text + " more" * 40
    offset = 200
    claim = _claim(article, 3e9).model_copy(
        update={"quote": long_text[offset - 200 :], "start": 0, "end": len(long_text)}
    )
    figure = long_text.index("$3 billion")
    claim = claim.model_copy(
        update={"quote": long_text, "figure_start": figure, "figure_end": figure + 10}
    )
    before, marked, after = excerpt_parts(claim, width=60)
    assert marked == "$3 billion"
    assert before.startswith("…") and after.endswith("…")
    digest, _ = _big_story()
    markdown = render_markdown(digest)
    assert "**$500 billion**" in markdown
    assert "outlet1.example" in markdown
    # rendered, the figure is bold and keeps the spaces around it
    from markdown_it import MarkdownIt

    html = MarkdownIt("commonmark").render(markdown)
    assert "will cost <strong>$500 billion</strong> over four years" in html


def _numbers_digest(tiny: bool = True) -> Digest:
    article = _article(1)
    base = _claim(article, 1e5)
    claims = [
        base.model_copy(update={"id": "a#1", "metric": "gpu_count", "unit": "count",
                                "value": 100_000.0})
    ]  # fmt: skip
    for number, (value, unit) in enumerate(
        [(5.94e12, "JPY"), (1e15, "USD"), (123_456_789.0, "count"), (2.5e6, "EUR"),
         (1e5, "count"), *([(1.234e-5, "percent"), (7e-7, "GW")] if tiny else [])], 2
    ):  # fmt: skip
        claims.append(base.model_copy(update={"id": f"a#{number}", "value": value,
                                              "unit": unit, "metric": "other"}))  # fmt: skip
    support = [ValueSupport(value=c.value or 0, unit=c.unit or "", source_ids=[c.source_id],
                            claim_ids=[c.id]) for c in claims]  # fmt: skip
    figure = KeyFigure(subject="Stargate", metric="gpu_count", value=1e5, unit="count",
                       source_ids=["a"], claim_ids=["a#1"], outliers=support)  # fmt: skip
    return Digest(
        generated_at=WHEN, backend="rules", sources=[_summary(article)], claims=claims,
        disagreements=[Disagreement(id="d1", subject="Stargate", metric="other",
                                    severity=Severity.LOW, values=support,
                                    explanation="Counts.")],
        key_figures=[figure],
    )  # fmt: skip


@pytest.mark.parametrize("fmt", ["markdown", "html", "json"])
def test_no_number_prints_in_exponent_form(fmt: Any) -> None:
    # JSON is data: Python writes floats below 1e-4 with an exponent there, which every
    # JSON reader accepts; figures that small do not occur in coverage.
    digest = _numbers_digest(tiny=fmt != "json")
    output = render(digest, [_article(1)], fmt)
    if fmt == "html":
        output = lxml.html.document_fromstring(output).find("body").text_content()
    if fmt == "json":
        json.loads(output)
    assert not EXPONENT.search(output), EXPONENT.search(output)
    if fmt != "json":
        assert "100,000 GPUs" in output


def test_figures_read_as_people_write_them() -> None:
    article = _article(1)
    gpus = _claim(article, 1e5).model_copy(update={"unit": "count", "metric": "gpu_count"})
    assert describe(gpus) == "100,000 GPUs"
    assert describe(gpus.model_copy(update={"value": 1.0})) == "1 GPU"
    assert describe(gpus.model_copy(update={"metric": "jobs", "value": 1e5})) == "100,000 jobs"
    assert describe(_claim(article, 15e9).model_copy(update={"value_max": 25e9})) == (
        "$15 billion to $25 billion"
    )
    assert format_number(1e5) == "100,000"
    assert format_number(1.234e-5) == "0.00001234"
    assert format_number(5.94e12, "de") == "5,94 Billionen"
    assert format_number(18.25e9, "fr") == "18,25 milliards"


def test_the_summary_names_at_most_four_values() -> None:
    from stargate_digest.digest.summary import headline

    digest, _ = _big_story()
    sentence = headline(digest.disagreements, {c.id: c for c in digest.claims})
    assert sentence.count(" vs ") == 3
    assert sentence.endswith(", and 9 more values.")


def test_without_verified_figures_the_summary_does_not_say_the_sources_agree() -> None:
    from stargate_digest.digest.build import build_digest
    from stargate_digest.models import ArticleClaims

    failed = [
        ArticleClaims(article=_article(n), backend="openai", error="the API refused the request")
        for n in (1, 2)
    ]
    digest = build_digest(failed, backend="openai", generated_at=WHEN)
    assert "agree" not in digest.summary
    assert digest.summary.startswith("No verified figures to compare")
    assert len(digest.errors) == 2


def test_a_very_long_explanation_shows_its_start_and_folds_the_whole() -> None:
    digest, articles = _big_story()
    long = "The sources disagree. " + "A detail that goes on and on. " * 200
    item = digest.disagreements[0].model_copy(update={"explanation": long})
    page = render_html(digest.model_copy(update={"disagreements": [item]}), articles)
    tree = lxml.html.document_fromstring(page)
    (card,) = tree.find_class("disagreement")
    shown = card.find_class("explanation")[0]
    assert len(shown.text_content()) <= 720 and not list(shown.iterancestors("details"))
    (whole,) = card.find_class("explanation-whole")
    assert whole.text_content() == long.strip() or whole.text_content() == long
    assert "(the whole explanation is in the JSON and HTML digests)" in render_markdown(
        digest.model_copy(update={"disagreements": [item]})
    )


def test_beyond_sixteen_sources_the_texts_fold_too() -> None:
    digest, articles = _big_story()
    many = [a.model_copy(update={"id": f"x{n}"}) for n in range(40) for a in articles[:1]]
    tree = lxml.html.document_fromstring(render_html(digest, many))
    texts = tree.find_class("source-text")
    assert len(texts) == 40
    assert sum(bool(list(t.iterancestors("details"))) for t in texts) == 40 - 16


def test_low_context_past_the_open_cards_folds_by_kind_and_conflicts_stay_cards() -> None:
    """Roundings, and low-severity updates and breakdowns by scope, past the open cards fold
    together, one fold per kind; a conflict, or a medium finding of any kind, keeps its card."""
    digest, articles = _big_story()
    base = digest.disagreements[0]
    low, medium = Severity.LOW, Severity.MEDIUM
    kinds = [
        *[(DisagreementKind.SCOPE, low)] * 4,  # the open cards: never folded
        (DisagreementKind.CONFLICT, low),
        (DisagreementKind.SCOPE, medium),
        *[(DisagreementKind.ROUNDING, low)] * 3,
        *[(DisagreementKind.UPDATE, low)] * 2,
        (DisagreementKind.UPDATE, medium),
        (DisagreementKind.SCOPE, low),
    ]
    findings = [
        base.model_copy(update={"id": f"d{n}", "kind": kind, "severity": severity})
        for n, (kind, severity) in enumerate(kinds, 1)
    ]
    many = digest.model_copy(update={"disagreements": findings})
    section = lxml.html.document_fromstring(render_html(many, articles)).get_element_by_id(
        "disagreements"
    )
    cards = section.find_class("disagreement")
    assert len(cards) == len(kinds), "every finding keeps its card (and its anchor)"
    folds = {  # a card's own folded body is inside the card: these hold whole cards
        d.find("summary").text_content(): [c.get("class") for c in d.find_class("disagreement")]
        for d in section.iter("details")
        if not list(d.iterancestors("article"))
    }
    assert sorted(folds) == [
        "1 figure given for different parts (a breakdown, not a contradiction)",
        "2 figures that changed over time (the later sources give the later value)",
        "3 figures written differently by different sources (rounded or converted)",
    ]
    for summary, inside in folds.items():
        wanted = next(k for w, k in _FOLD_WORDS.items() if w in summary)
        assert inside and all(f"kind-{wanted}" in c for c in inside)
    unfolded = [c.get("class") for c in cards if not list(c.iterancestors("details"))]
    assert len(unfolded) == 7, "the four open cards, the conflict and the two medium ones"
    assert sum("kind-conflict" in c for c in unfolded) == 1
    assert sum("severity-medium" in c for c in unfolded) == 2


_FOLD_WORDS = {"rounded": "rounding", "changed": "update", "different parts": "scope"}

"""Extraction quality on the seeds, side by side: the rules backend vs quantulum3 vs price-parser.

Run: ``python benchmarks/eval_extraction.py [--show-misses]``

Two gold sets: the five seeds (the development set the rules were written against) and
a held-out set of ten articles in nine languages, written and annotated blind to the
extractor's code and topic profile (tests/gold/heldout/README.md).

All three read the same cleaned article text (our ingestion) and are scored by the same
code (stargate_digest.evaluation) on distinct (source, value, unit) triples. quantulum3
and price-parser have no notion of a story, so only their typed output is scored
(currencies, percentages, durations); their bare numbers are left out in their favour.
"""

from __future__ import annotations

import argparse
import logging
import time
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path

from stargate_digest import extract, load_articles
from stargate_digest.evaluation import Predicted, Score, load_gold, misses, score
from stargate_digest.models import Article
from stargate_digest.segment import split_sentences
from stargate_digest.topic import load_topic

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "gold"
GOLD_SETS = (
    ("seeds (dev)", GOLD / "seeds.json", ROOT / "seeds"),
    ("held-out", GOLD / "heldout" / "gold.json", GOLD / "heldout" / "articles"),
)
_SYMBOLS = {"$": "USD", "US$": "USD", "€": "EUR", "euro": "EUR", "£": "GBP", "¥": "XXX"}


def rules_backend(articles: Sequence[Article]) -> list[Predicted]:
    """Our offline extractor; only verified claims count."""
    return [
        Predicted(c.source_id, c.value, c.unit, c.metric, c.subject, c.scope)
        for result in extract(articles, backend="rules")
        for c in result.claims
        if c.verified and c.value is not None and c.unit is not None
    ]


def quantulum3_backend(articles: Sequence[Article]) -> list[Predicted]:
    """quantulum3's parser over each article's text (its English model)."""
    warnings.filterwarnings("ignore")
    from quantulum3 import parser

    predicted = []
    for article in articles:
        for quantity in parser.parse(article.text):
            entity = quantity.unit.entity.name
            if entity == "currency":
                unit = getattr(quantity.unit, "currency_code", None) or "XXX"
            elif entity == "dimensionless" and quantity.unit.name == "percentage":
                unit = "percent"
            elif entity == "time" and quantity.unit.name in {"year", "month"}:
                unit = f"{quantity.unit.name}s"
            else:
                continue
            predicted.append(Predicted(article.id, float(quantity.value), unit))
    return predicted


def price_parser_backend(articles: Sequence[Article]) -> list[Predicted]:
    """price-parser on every sentence (it finds one price per string)."""
    from price_parser import Price

    predicted = []
    for article in articles:
        for sentence in split_sentences(article.text):
            price = Price.fromstring(sentence.text(article.text))
            if price.amount is None or price.currency is None:
                continue
            unit = _SYMBOLS.get(price.currency.strip(), price.currency.strip().upper())
            predicted.append(Predicted(article.id, float(price.amount), unit))
    return predicted


BACKENDS: dict[str, Callable[[Sequence[Article]], list[Predicted]]] = {
    "stargate-digest rules": rules_backend,
    "quantulum3 0.10": quantulum3_backend,
    "price-parser 0.5": price_parser_backend,
}


def _row(name: str, result: Score, seconds: float, labelled: bool) -> str:
    metric = f"{result.metric_accuracy:.2f}" if labelled else "n/a"
    subject = f"{result.subject_accuracy:.2f}" if labelled else "n/a"
    scope = f"{result.scope_accuracy:.2f}" if labelled else "n/a"
    return (
        f"| {name} | {result.precision:.2f} | {result.recall:.2f} | {metric} | {subject} | "
        f"{scope} | {result.true_positives}/{result.predicted}/{result.gold} | "
        f"{seconds * 1000:.0f} ms |"
    )


def main() -> None:
    """Print the side-by-side table (Markdown) and what the rules backend missed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show-misses", action="store_true")
    parser.add_argument(
        "--by-language", action="store_true", help="also one row per article language"
    )
    args = parser.parse_args()
    logging.disable(logging.WARNING)
    canonical = load_topic().canonical_scope

    print(
        "| gold set | extractor | precision | recall | metric acc. | subject acc. "
        "| scope acc. | TP/pred/gold | time |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    for set_name, gold_path, folder in GOLD_SETS:
        gold = load_gold(gold_path)
        articles = load_articles([folder]).articles
        for name, backend in BACKENDS.items():
            started = time.perf_counter()
            predicted = backend(articles)
            elapsed = time.perf_counter() - started
            labelled = any(p.metric is not None for p in predicted)
            result = score(gold, predicted, canonical)
            print(_row(f"{set_name} | {name}", result, elapsed, labelled))
            if args.by_language:
                for language in sorted({a.language for a in articles}):
                    ids = {a.id for a in articles if a.language == language}
                    part = score(
                        [g for g in gold if g.source_id in ids],
                        [p for p in predicted if p.source_id in ids],
                        canonical,
                    )
                    print(_row(f"{set_name} ({language}) | {name}", part, 0.0, labelled))
            if args.show_misses:
                missed, extra = misses(gold, predicted)
                print(f"  missed: {missed}\n  not in gold: {extra}")


if __name__ == "__main__":
    main()

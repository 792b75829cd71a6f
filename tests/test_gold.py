"""The gold sets agree with ingestion and the vocabulary; the rules backend meets them."""

from __future__ import annotations

from pathlib import Path

import pytest

from stargate_digest import extract, load_articles
from stargate_digest.evaluation import Predicted, load_gold, score
from stargate_digest.topic import load_topic

ROOT = Path(__file__).resolve().parent.parent
SEED_GOLD = ROOT / "tests" / "gold" / "seeds.json"


def test_every_gold_quote_is_in_the_ingested_text() -> None:
    articles = {a.id: a for a in load_articles([ROOT / "seeds"]).articles}
    metrics = set(load_topic().metrics) | {"other"}
    for entry in load_gold(SEED_GOLD):
        article = articles[entry.source_id]
        assert entry.metric in metrics, entry.metric
        assert entry.quote in article.text, (entry.source_id, entry.quote)
        # Other phrasings of the same claim may stand in the title.
        for quote in getattr(entry, "other_quotes", None) or []:
            assert quote in f"{article.title}\n{article.text}", (entry.source_id, quote)


def test_rules_backend_precision_and_recall_on_the_seeds() -> None:
    gold = load_gold(SEED_GOLD)
    results = extract(load_articles([ROOT / "seeds"]).articles, backend="rules")
    predicted = [
        Predicted(c.source_id, c.value, c.unit, c.metric, c.subject)
        for r in results
        for c in r.claims
        if c.verified and c.value is not None and c.unit is not None
    ]
    result = score(gold, predicted)
    assert result.precision >= 0.9
    assert result.recall >= 0.9
    assert result.metric_accuracy >= 0.9


def test_scoring_counts_misses_and_extras() -> None:
    """The scorer itself: a missing figure lowers recall, an invented one precision."""
    gold = load_gold(SEED_GOLD)
    perfect = [Predicted(g.source_id, g.value, g.unit, g.metric, g.subject) for g in gold]
    assert score(gold, perfect).precision == score(gold, perfect).recall == 1.0
    first = gold[0]
    fewer = [p for p in perfect if (p.source_id, p.value) != (first.source_id, first.value)]
    invented = [*perfect, Predicted(first.source_id, 123.0, "USD")]
    assert score(gold, fewer).recall < 1.0
    assert score(gold, invented).precision < 1.0
    assert score(gold, fewer).precision == pytest.approx(1.0)

"""The JSON contracts of DESIGN.md §5 (field names are binding)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from stargate_digest.models import SCHEMA_VERSION, Article, ArticleClaims, Digest


def article_json(article: Article) -> dict[str, Any]:
    """An article without its text, plus the size of what was kept."""
    data = article.model_dump(mode="json", exclude={"text"})
    data["chars_kept"] = len(article.text)
    return data


def extraction_record(result: ArticleClaims) -> dict[str, Any]:
    """One article of ``extract`` output: metadata, claims, and the error if any."""
    record = article_json(result.article)
    record["backend"] = result.backend
    record["prompt_hash"] = result.prompt_hash
    if result.usage is not None:
        record["model"] = result.model
        record["usage"] = result.usage.model_dump(mode="json")
    record["claims"] = [claim.model_dump(mode="json") for claim in result.claims]
    if result.error:
        record["error"] = result.error
    return record


def extraction_json(results: Sequence[ArticleClaims]) -> str:
    """``extract --format json``: one document with every article."""
    payload = {
        "schema_version": SCHEMA_VERSION,
        "articles": [extraction_record(r) for r in results],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def extraction_jsonl(results: Sequence[ArticleClaims]) -> str:
    """``extract --format jsonl``: one article a line, for streaming consumers."""
    return "".join(
        json.dumps({"schema_version": SCHEMA_VERSION, **extraction_record(r)}, ensure_ascii=False)
        + "\n"
        for r in results
    )


def digest_json(digest: Digest) -> str:
    """``summarize --format json``."""
    return digest.model_dump_json(indent=2) + "\n"

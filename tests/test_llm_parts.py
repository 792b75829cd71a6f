"""The LLM backend's pure parts: prompt rendering and hashing, token budgets, the store."""

from __future__ import annotations

import itertools
import json
import sqlite3
import tomllib
from pathlib import Path

import pytest
from conftest import ROOT

from stargate_digest.extractors.budget import cost_usd, count_tokens, price_of, split_text
from stargate_digest.extractors.llm import LLMExtractor, LLMSettings
from stargate_digest.extractors.llm_schema import LLMClaim, response_json_schema
from stargate_digest.extractors.prompts import load_prompt
from stargate_digest.models import ExtractionUsage
from stargate_digest.store import _MIGRATIONS, CachedAnswer, Store, cache_key
from stargate_digest.topic import load_topic
from stargate_digest.user_cache import default_cache_path

MODEL = "gpt-4o-mini"


def test_the_prompt_takes_its_vocabulary_from_the_topic_profile() -> None:
    topic = load_topic()
    prompt = load_prompt(topic)
    for metric in topic.metrics:
        assert f"- {metric} [" in prompt.system
    assert "- SoftBank (organization): SoftBank Group, SoftBank" in prompt.system
    assert "{{" not in prompt.system and "<article>" in prompt.system  # examples rendered


def test_the_prompt_hash_is_stable_and_follows_the_content() -> None:
    topic = load_topic()
    assert load_prompt(topic).hash == load_prompt(topic).hash
    changed = topic.model_copy(update={"title": "Another story"})
    assert load_prompt(changed).hash != load_prompt(topic).hash


def test_the_response_schema_is_strict() -> None:
    schema = response_json_schema()
    claim = schema["$defs"]["LLMClaim"]
    assert claim["additionalProperties"] is False and schema["additionalProperties"] is False
    assert set(claim["required"]) == set(claim["properties"])
    assert not any("default" in spec for spec in claim["properties"].values())


def test_split_text_respects_the_budget_and_overlaps_by_a_sentence() -> None:
    sentences = [f"Sentence number {n} is about Stargate and its money." for n in range(40)]
    text = " ".join(sentences[:20]) + "\n\n" + " ".join(sentences[20:])
    parts = split_text(text, 120, MODEL)
    assert len(parts) > 2
    assert all(count_tokens(p.text(text), MODEL) <= 120 for p in parts)
    assert parts[0].start == 0 and parts[-1].end == len(text)
    for before, after in itertools.pairwise(parts):
        assert after.start < before.end  # overlap: nothing falls between two parts
        assert text[after.start : before.end].rstrip().endswith(".")


def test_a_short_text_is_one_part() -> None:
    assert [(p.start, p.end) for p in split_text("Short.", 100, MODEL)] == [(0, 6)]


def test_a_budget_smaller_than_the_prompt_is_a_configuration_error() -> None:
    from stargate_digest.errors import ConfigurationError
    from stargate_digest.models import Article

    article = Article(id="x", text="Text.", content_hash="h", source="x", format="text",
                      language="en")  # fmt: skip
    with pytest.raises(ConfigurationError, match="raise --max-input-tokens"):
        LLMExtractor(LLMSettings(max_input_tokens=500)).parts(article)


def test_prices_match_model_families_and_batch_halves() -> None:
    assert price_of("gpt-4o-mini-2024-07-18") == price_of("gpt-4o-mini")
    assert price_of("llama3.1:8b") is None and cost_usd("llama3.1:8b", 10, 10) is None
    full = cost_usd(MODEL, 1_000_000, 1_000_000, 500_000)
    assert full is not None
    assert full == pytest.approx(0.075 + 0.0375 + 0.60)
    assert cost_usd(MODEL, 1_000_000, 1_000_000, 500_000, batch=True) == pytest.approx(full / 2)


def _claim(value: float | None, quote: str, subject: str = "Stargate") -> LLMClaim:
    return LLMClaim(subject=subject, metric="total_investment", value=value, unit="USD",
                    qualifier="exact", quote=quote, statement="s", scope=None, value_max=None,
                    as_of=None, currency_candidates=[], equivalent_of_quote=None,
                    confidence=None)  # fmt: skip


def test_claims_from_overlapping_parts_are_merged() -> None:
    import hashlib

    from stargate_digest.extractors.llm_answer import to_claims
    from stargate_digest.models import Article
    from stargate_digest.topic import load_topic

    text = "Stargate costs $500 billion. Stargate costs $500 billion again. Son chairs it."
    article = Article(id="p", text=text, language="en", source="p.txt", format="text",
                      content_hash=hashlib.sha256(text.encode()).hexdigest())  # fmt: skip
    merged = to_claims(
        article,
        [_claim(5e11, "Stargate costs $500 billion."), _claim(5e11, "costs $500 billion again",
         "stargate"), _claim(None, "Son chairs it"), _claim(None, "Stargate costs")],
        load_topic(),
    )  # fmt: skip
    assert [c.quote for c in merged] == ["Stargate costs $500 billion.", "Son chairs it",
                                         "Stargate costs"]  # fmt: skip


def test_store_round_trip_in_wal_mode(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "state.sqlite"
    key = cache_key("content", "prompt", MODEL, "1")
    usage = ExtractionUsage(calls=2, prompt_tokens=10)
    with Store(path) as store:
        assert store.get_answer(key) is None
        answer = CachedAnswer('{"claims": []}', usage)
        store.put_answer(key, content_hash="content", prompt_hash="prompt", model=MODEL,
                         schema_version="1", answer=answer)  # fmt: skip
        store.record_batch("batch_1", "requests", "submitted")
    with Store(path) as store:  # reopening does not migrate twice
        assert store.get_answer(key) == CachedAnswer('{"claims": []}', usage)
        assert store.pending_batch("requests") == "batch_1"
        store.record_batch("batch_1", "requests", "completed")
        assert store.pending_batch("requests") is None
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA user_version").fetchone()[0] == len(_MIGRATIONS)
    assert cache_key("content", "prompt", "gpt-4.1", "1") != key


def test_default_cache_path_follows_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STARGATE_DIGEST_CACHE", "/tmp/x.sqlite")
    assert default_cache_path() == Path("/tmp/x.sqlite")
    monkeypatch.delenv("STARGATE_DIGEST_CACHE")
    monkeypatch.setenv("XDG_CACHE_HOME", "/tmp/cache")
    assert default_cache_path() == Path("/tmp/cache/stargate-digest/cache.sqlite")


def test_pyproject_lists_every_package_and_ships_the_prompts() -> None:
    setuptools = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["setuptools"]
    package = ROOT / "src" / "stargate_digest"
    folders = [package, *(p for p in package.rglob("*") if p.is_dir() and p.name != "__pycache__")]
    found = {".".join(folder.relative_to(ROOT / "src").parts) for folder in folders}
    assert found | {"stargate_digest.prompts"} == set(setuptools["packages"])
    assert setuptools["package-dir"]["stargate_digest.prompts"] == "prompts"
    assert (ROOT / "prompts" / "system.md").is_file()


def test_the_prompts_worked_examples_pass_the_verifier() -> None:
    """The examples teach the model what an answer is: each must be one the project
    itself accepts, naming only subjects its text mentions."""
    import hashlib
    from importlib import resources

    from stargate_digest.extractors.llm_answer import to_claims
    from stargate_digest.extractors.llm_schema import LLMAnswer
    from stargate_digest.models import Article
    from stargate_digest.topic import load_topic

    raw = resources.files("stargate_digest.prompts").joinpath("examples.json").read_text("utf-8")
    examples = json.loads(raw)
    assert examples
    for number, example in enumerate(examples):
        text = example["text"]
        digest = hashlib.sha256(text.encode()).hexdigest()
        article = Article(id=f"example{number}", text=text, language=example["language"],
                          source="x", format="text", content_hash=digest)  # fmt: skip
        answer = LLMAnswer.model_validate({"claims": example["claims"]})
        claims = to_claims(article, answer.claims, load_topic())
        assert len(claims) == len(answer.claims)
        for claim in claims:
            assert claim.verified, (claim.quote, claim.verification_note)
            assert claim.subject in text

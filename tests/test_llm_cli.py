"""The command line with the openai backend: key handling, auto, dry run, cache, batch."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from conftest import SEEDS
from fake_openai import FakeOpenAI, Reply, article_id, error, seed_answers

from stargate_digest.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_openai_without_a_key_fails_with_one_sentence(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "extract", str(SEEDS), "--backend", "openai")
    assert code == 2 and out == ""
    assert err.splitlines() == [
        "stargate-digest: error: the openai backend needs an API key: set OPENAI_API_KEY (or "
        "pass --base-url for a local OpenAI-compatible server), or use --backend rules"
    ]


def test_auto_says_which_backend_it_picked(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, err = run(capsys, "extract", str(SEEDS))
    assert code == 0 and "stargate-digest: backend: rules (OPENAI_API_KEY is not set)" in err
    assert json.loads(out)["articles"][0]["backend"] == "rules"
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test")
    with FakeOpenAI() as fake:
        code, out, err = run(capsys, "extract", str(SEEDS), "--base-url", fake.base_url)
    assert code == 0 and "stargate-digest: backend: openai (OPENAI_API_KEY is set)" in err
    assert json.loads(out)["articles"][0]["backend"] == "openai"


def test_dry_run_estimates_offline_without_a_key(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "summarize", str(SEEDS), "--backend", "openai", "--dry-run")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0].split() == ["article", "parts", "prompt", "article", "output", "(est.)",
                                "cost", "(est.)"]  # fmt: skip
    assert len([line for line in lines if line.startswith("00")]) == 5
    total = next(line for line in lines if line.startswith("total"))
    assert total.split()[1] == "5" and "$" in total
    assert "no call was made" in lines[-1]


def test_dry_run_is_refused_for_the_rules_backend(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "extract", str(SEEDS), "--backend", "rules", "--dry-run")
    assert code == 2 and "--dry-run estimates the openai backend" in err


def test_a_rerun_with_nothing_new_makes_no_calls(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test")
    cache = str(tmp_path / "state.sqlite")
    with FakeOpenAI() as fake:
        args = ["extract", str(SEEDS), "--backend", "openai", "--base-url", fake.base_url]
        first = run(capsys, *args, "--cache", cache)
        second = run(capsys, *args, "--cache", cache)
        uncached = run(capsys, *args, "--no-cache")
    assert first[0] == second[0] == uncached[0] == 0
    assert len(fake.chat_requests) == 10  # five for the first run, five with --no-cache
    assert "(0 from cache), 5 calls" in first[2]
    assert "(5 from cache), 0 calls" in second[2]
    claims = [[r["claims"] for r in json.loads(out)["articles"]] for out in (first[1], second[1])]
    assert claims[0] == claims[1] and claims[0][0]


def test_one_failed_article_is_named_and_the_rest_written(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    answers = seed_answers()
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test")

    def respond(request: dict[str, Any]) -> Reply:
        if article_id(request).startswith("002"):
            return error(404, "The model `gpt-4o-mini` does not exist")
        return answers(request)

    with FakeOpenAI(respond) as fake:
        code, out, err = run(
            capsys, "extract", str(SEEDS), "--backend", "openai", "--base-url", fake.base_url,
            "--max-retries", "0", "--no-cache",
        )  # fmt: skip
    assert code == 1
    assert "002_d05d0dc7a2d9e548.txt: the API does not know the model or endpoint (HTTP 404" in err
    records = json.loads(out)["articles"]
    assert [bool(r.get("error")) for r in records] == [False, False, True, False, False]


def test_batch_from_the_command_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test")
    with FakeOpenAI() as fake:
        fake.polls_before_done = 0
        code, out, err = run(
            capsys, "summarize", str(SEEDS), "--backend", "openai", "--base-url", fake.base_url,
            "--batch", "--no-cache", "--format", "json",
        )  # fmt: skip
    assert code == 0, err
    digest = json.loads(out)
    assert digest["backend"] == "openai" and fake.chat_requests == []
    assert len(fake.batches) == 1 and all(c["verified"] for c in digest["claims"])


def test_auto_never_picks_the_paid_api_silently_and_the_default_can_be_set(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test")
    with FakeOpenAI() as fake:
        code, _, err = run(capsys, "extract", str(SEEDS), "--base-url", fake.base_url)
        assert code == 0
        assert "to stay offline pass --backend rules or set STARGATE_DIGEST_BACKEND=rules" in err
        monkeypatch.setenv("STARGATE_DIGEST_BACKEND", "rules")
        code, out, err = run(capsys, "extract", str(SEEDS), "--base-url", fake.base_url)
        assert code == 0 and json.loads(out)["articles"][0]["backend"] == "rules"
        assert fake.chat_requests and len(fake.chat_requests) == 5  # none from the second run
    monkeypatch.setenv("STARGATE_DIGEST_BACKEND", "gpt")
    code, _, err = run(capsys, "extract", str(SEEDS))
    assert code == 2 and err.strip().splitlines() == [
        "stargate-digest: error: STARGATE_DIGEST_BACKEND=gpt is not a backend; use auto, "
        "rules or openai"
    ]


def test_the_summary_calls_tokens_are_on_the_cost_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from fake_openai import with_summary

    monkeypatch.setenv("OPENAI_API_KEY", "sk-test")
    with FakeOpenAI(with_summary(seed_answers())) as fake:
        code, _, err = run(capsys, "summarize", str(SEEDS), "--backend", "openai", "--no-cache",
                           "--base-url", fake.base_url)  # fmt: skip
    assert code == 0, err
    [line] = [line for line in err.splitlines() if line.startswith("stargate-digest: summary:")]
    assert "1 calls" in line and "completion tokens" in line and "$" in line


def test_batch_against_an_unreachable_api_is_one_sentence(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import socket

    with socket.socket() as closed:  # a port nothing listens on
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test")
    code, out, err = run(capsys, "extract", str(SEEDS), "--backend", "openai", "--batch",
                         "--no-cache", "--max-retries", "0",
                         "--base-url", f"http://127.0.0.1:{port}/v1")  # fmt: skip
    assert code == 2 and out == ""
    assert err.strip().splitlines() == [
        "stargate-digest: error: the Batch API failed: could not connect to the API"
    ]


def test_the_scheduled_job_says_when_auto_picks_the_paid_api(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test")
    argv = ["digest", "--source", str(SEEDS), "--state", str(tmp_path / "state.sqlite"),
            "--output-dir", str(tmp_path / "out")]  # fmt: skip
    with FakeOpenAI() as fake:
        code, _, err = run(capsys, *argv, "--base-url", fake.base_url)
        assert code == 0, err
        assert "to stay offline set backend" in err and fake.chat_requests
        seen = len(fake.chat_requests)
        monkeypatch.setenv("STARGATE_DIGEST_BACKEND", "rules")
        code, _, err = run(capsys, *argv[:4], str(tmp_path / "rules.sqlite"), *argv[5:],
                           "--base-url", fake.base_url)  # fmt: skip
        assert code == 0, err
        assert len(fake.chat_requests) == seen and "to stay offline" not in err

"""Issue 13 item 9: credentials are never copied from an error into any output."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
from conftest import SEEDS
from fake_openai import FakeOpenAI, error

from stargate_digest.cli import main
from stargate_digest.redact import REDACTED, redact

KEY = "sk-proj-Zq81Lm0TopSecretKeyMaterial42"
LEAK = f"Incorrect API key provided: {KEY}. Your org org-Q2w3E4r5T6y7U8i9 is fine."


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        (LEAK, KEY),
        (LEAK, "org-Q2w3E4r5T6y7U8i9"),
        ("proxy said: Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.abc", "eyJhbGciOiJIUzI1NiJ9"),
        ("https://x.example/feed?api_key=hunter2hunter2&page=2", "hunter2hunter2"),
        ("project proj_AbCdEf123456 over quota", "proj_AbCdEf123456"),
    ],
)
def test_credential_shapes_are_redacted(text: str, secret: str) -> None:
    assert secret not in redact(text) and REDACTED in redact(text)


def test_ordinary_error_text_is_left_alone() -> None:
    text = "post 4: missing key: content.rendered; token budget 16000 exceeded"
    assert redact(text) == text
    assert redact("x-api-key: abcd1234efgh") == f"x-api-key: {REDACTED}"


def test_the_configured_key_is_redacted_whatever_its_shape(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "local-server-passphrase")
    assert redact("rejected local-server-passphrase") == f"rejected {REDACTED}"
    assert redact("a risk-free sk-8 desk-top task") == "a risk-free sk-8 desk-top task"


def test_a_401_quoting_the_key_reaches_no_output(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", KEY)
    with FakeOpenAI(lambda _request: error(401, LEAK)) as fake:
        llm = ["--backend", "openai", "--base-url", fake.base_url, "--no-cache", "-vv"]
        seed = str(SEEDS / "000_1b5d983547bd3de6.txt")
        extract_out = tmp_path / "extract.json"
        code = main(["extract", seed, *llm, "-o", str(extract_out)])
        err = capsys.readouterr().err
        assert code == 1 and "rejected the API key" in err
        digest_out = tmp_path / "digest.md"
        code = main(["summarize", seed, *llm, "-o", str(digest_out)])
        err += capsys.readouterr().err
        state, out_dir = tmp_path / "state.sqlite", tmp_path / "out"
        job = ["digest", "--source", seed, "--state", str(state), "--output-dir", str(out_dir)]
        code = main([*job, *llm[:4]])
        err += capsys.readouterr().err
    assert json.loads(extract_out.read_text())["articles"][0]["error"]
    texts = {"stderr": err, "extract": extract_out.read_text(), "summary": digest_out.read_text()}
    texts |= {p.name: p.read_text() for p in out_dir.iterdir()}
    texts["state"] = state.read_bytes().decode("utf-8", "replace")
    assert {"latest.md", "latest.json"} <= set(texts)
    for where, text in texts.items():
        assert KEY not in text and "org-Q2w3E4r5T6y7U8i9" not in text, where
    assert REDACTED in texts["latest.json"] and REDACTED in texts["stderr"]


def test_an_error_put_in_by_model_copy_is_redacted_on_the_way_out() -> None:
    from stargate_digest.models import Article, ArticleClaims

    article = Article(id="a", text="t", content_hash="h", source="a.txt", format="text",
                      language="en")  # fmt: skip
    result = ArticleClaims(article=article, backend="openai").model_copy(update={"error": LEAK})
    assert KEY not in result.model_dump_json()


def test_log_lines_are_redacted(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / f"{KEY}.txt"  # a name is an input like any other
    path.write_text("Stargate\n\nStargate will cost $500 billion.\n", "utf-8")
    assert main(["extract", str(path), "--backend", "rules", "-vv"]) == 0
    logging.getLogger("stargate_digest.test").warning("saw %s", KEY)
    assert KEY not in capsys.readouterr().err

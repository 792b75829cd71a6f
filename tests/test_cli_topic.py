"""--topic: the same commands on another story, with that story's profile."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from stargate_digest.cli import main
from stargate_digest.topic import load_topic

ROOT = Path(__file__).resolve().parent.parent
TSMC = ROOT / "tests" / "corpus" / "tsmc"


def test_extract_labels_figures_with_the_named_profile(capsys: pytest.CaptureFixture[str]) -> None:
    article = TSMC / "articles" / "tsmc-09-en.md"
    assert main(["extract", str(article), "--backend", "rules"]) == 0
    out = json.loads(capsys.readouterr().out)
    default = {c["subject"] for a in out["articles"] for c in a["claims"]}
    assert "TSMC Arizona" not in default  # the Stargate profile knows no such subject
    profile = str(TSMC / "profile.toml")
    assert main(["extract", str(article), "--backend", "rules", "--topic", profile]) == 0
    claims = [c for a in json.loads(capsys.readouterr().out)["articles"] for c in a["claims"]]
    assert {c["metric"] for c in claims} <= set(load_topic(profile).metrics) | {"other"}
    assert "TSMC Arizona" in {c["subject"] for c in claims}


@pytest.mark.parametrize(
    ("topic", "reason"),
    [("no-such-story", "is neither a bundled profile"), ("{bad}", "is invalid")],
)
def test_an_unusable_profile_is_one_sentence_and_exit_2(
    topic: str, reason: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    if topic == "{bad}":
        topic = str(tmp_path / "bad.toml")
        Path(topic).write_text('name = "x"\n', "utf-8")
    code = main(["summarize", str(ROOT / "seeds"), "--backend", "rules", "--topic", topic])
    err = capsys.readouterr().err
    assert code == 2
    assert f"topic profile {topic} {reason}" in err
    assert "Traceback" not in err

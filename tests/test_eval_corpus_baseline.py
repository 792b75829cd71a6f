"""benchmarks/eval_corpus.py's baseline column scores a commit as a direct run of it does.

The baseline's code runs in a subprocess and passes its findings back as JSON; its oracle
claims must be the ones ``stargate-digest evaluate`` builds (as_of, value_max and detail
kept), or the same commit prints two different findings rows (seventh turn: oracle kind
accuracy 0.80 in the baseline column, 0.82 in a direct run of the same commit).
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from stargate_digest.corpus import load_story
from stargate_digest.evaluate import EVALUATION_DAY, default_reconciler, oracle_results
from stargate_digest.ingest import load_articles
from stargate_digest.topic import load_topic

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "benchmarks" / "eval_corpus.py"


def _module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("eval_corpus", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
def test_the_baseline_run_of_today_s_code_finds_what_a_direct_run_finds() -> None:
    # a story whose gold gives figures an as_of and ranges a value_max
    story = load_story(ROOT / "tests" / "corpus" / "intel")
    payload = [
        {
            "name": story.name,
            "articles": str(story.articles),
            "profile": story.profile,
            "gold": str(story.gold),
            "day": EVALUATION_DAY.isoformat(),
        }
    ]
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    done = subprocess.run(
        [sys.executable, "-c", _module()._BASELINE_SCRIPT],
        input=json.dumps(payload),
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    passed = json.loads(done.stdout)[story.name]["found"]["oracle claims"]["disagreements"]
    articles = load_articles([story.articles]).articles
    topic = load_topic(story.profile)
    _, direct = default_reconciler(oracle_results(articles, story.claims()), topic)
    assert passed == [d.model_dump(mode="json") for d in direct]

"""The generated tables are what babel (CLDR) and num2words give today."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

from stargate_digest.quantities.locale_facts import generated_data

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "generate_data.py"


def test_generated_json_is_current() -> None:
    spec = importlib.util.spec_from_file_location("generate_data", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    expected = json.loads(module.render())
    assert generated_data() == expected, "run: python scripts/generate_data.py"

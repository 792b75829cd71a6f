"""data/han_scripts.json is what OpenCC's character tables give today, and it reads a
Chinese name in either script."""

from __future__ import annotations

import importlib.util
from importlib import resources
from pathlib import Path

from stargate_digest.topic import both_scripts

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "generate_han_scripts.py"


def test_han_scripts_json_is_current() -> None:
    spec = importlib.util.spec_from_file_location("generate_han_scripts", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    shipped = resources.files("stargate_digest.data").joinpath("han_scripts.json")
    assert shipped.read_text("utf-8") == module.render(), (
        "run: python scripts/generate_han_scripts.py"
    )


def test_a_chinese_name_is_read_in_both_scripts_and_nothing_else_is() -> None:
    # Japanese (kana) and Korean (Hangul) names, and Latin ones, are left as they are.
    words = ["紐約州", "纽约州克莱", "新工場", "テキサス州", "뉴욕", "Clay"]
    assert both_scripts(words) == [*words, "纽约州", "紐約州克萊", "新工场"]

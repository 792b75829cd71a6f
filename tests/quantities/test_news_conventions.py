"""Issue 12, real pages: conventions of news copy the parser reads (invented sentences)."""

from __future__ import annotations

import pytest

from stargate_digest.quantities import find_mentions


def values(text: str, language: str) -> list[tuple[str, float | str, str]]:
    return [(m.kind, m.value, m.unit) for m in find_mentions(text, language)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # New Taiwan dollars, before or after the number; 元 alone stays the yuan in zh.
        (
            "公司將投資50億美元(約新台幣1500億元)興建新廠",
            [("money", 5e9, "USD"), ("money", 1.5e11, "TWD")],
        ),
        ("總額約1.2兆台幣", [("money", 1.2e12, "TWD")]),
        ("預算為台幣300億元", [("money", 3e10, "TWD")]),
        ("政府撥款500亿元", [("money", 5e10, "CNY")]),
    ],
)
def test_new_taiwan_dollar(text: str, expected: list[tuple[str, float, str]]) -> None:
    assert values(text, "zh") == expected

"""Topic profiles written for older contracts keep loading."""

from __future__ import annotations

from stargate_digest.topic import MetricSpec


def test_a_year_kind_from_contract_1_1_is_read_as_a_date() -> None:
    spec = MetricSpec.model_validate(
        {"kinds": ["date", "year"], "subjects": ["project"], "cues": ["founded"]}
    )
    assert spec.kinds == ["date"]
    assert MetricSpec.model_validate(
        {"kinds": ["year"], "subjects": ["project"], "cues": []}
    ).kinds == ["date"]

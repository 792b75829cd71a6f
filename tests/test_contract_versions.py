"""Contract 1.2: digests written under 1.0 and 1.1 still load; the JSON Schema export."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from stargate_digest.cli import main
from stargate_digest.models import (
    READABLE_SCHEMA_VERSIONS,
    SCHEMA_VERSION,
    Digest,
    DisagreementKind,
)

_CLAIM = {
    "id": "000#7",
    "source_id": "000",
    "subject": "Stargate",
    "metric": "target_date",
    "value": 2028,
    "unit": "year",
    "quote": "by 2028",
    "start": 10,
    "end": 17,
}
_DISAGREEMENT = {
    "id": "d1",
    "subject": "Stargate",
    "metric": "total_investment",
    "severity": "high",
    "values": [
        {"value": 500e9, "unit": "USD", "value_usd": 500e9, "source_ids": ["001"],
         "claim_ids": ["001#1"]},
        {"value": 38e9, "unit": "USD", "value_usd": 38e9, "source_ids": ["000"],
         "claim_ids": ["000#2"]},
    ],
    "explanation": "The sources disagree on Stargate's total investment.",
}  # fmt: skip
_DIGEST_1_0 = {
    "schema_version": "1.0",
    "generated_at": "2025-02-01T00:00:00+00:00",
    "backend": "rules",
    "sources": [],
    "claims": [_CLAIM],
    "disagreements": [_DISAGREEMENT],
    "key_figures": [
        {"subject": "Stargate", "metric": "total_investment", "value": 500e9, "unit": "USD",
         "source_ids": ["001"], "claim_ids": ["001#1"], "outliers": []},
    ],
}  # fmt: skip
_DIGEST_1_1 = {
    **_DIGEST_1_0,
    "schema_version": "1.1",
    "changes": {
        "previous_generated_at": None,
        "new_sources": ["000"],
        "resolved_disagreements": [_DISAGREEMENT],
    },
}


@pytest.mark.parametrize("old", [_DIGEST_1_0, _DIGEST_1_1], ids=["1.0", "1.1"])
def test_older_digests_load_as_1_2(old: dict[str, object]) -> None:
    digest = Digest.model_validate_json(json.dumps(old))
    assert digest.schema_version in READABLE_SCHEMA_VERSIONS
    year = digest.claims[0]
    assert (year.unit, year.value) == ("date", "2028"), "a bare year is a date of precision YYYY"
    disagreement = digest.disagreements[0]
    assert disagreement.kind is DisagreementKind.CONFLICT, "they reported conflicts"
    assert disagreement.scope is None and disagreement.likely_error is None
    assert all(v.explanation is None and v.as_of is None for v in disagreement.values)
    assert digest.key_figures[0].scope is None
    if digest.changes is not None:
        assert digest.changes.resolved_disagreements[0].kind is DisagreementKind.CONFLICT
    again = Digest.model_validate_json(digest.model_dump_json())
    assert again == digest


def test_the_schema_command_exports_the_digest_contract(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "digest.schema.json"
    assert main(["schema", "--output", str(target)]) == 0
    schema = json.loads(target.read_text("utf-8"))
    assert schema["$comment"].endswith(SCHEMA_VERSION)
    assert schema["title"] == "Digest"
    disagreement = schema["$defs"]["Disagreement"]["properties"]
    assert {"kind", "scope", "likely_error"} <= set(disagreement)
    claim = schema["$defs"]["Claim"]["properties"]
    assert {"scope", "as_of", "value_max", "detail", "figure_start", "figure_end"} <= set(claim)
    value = schema["$defs"]["ValueSupport"]["properties"]
    assert {"value_max", "scope", "as_of", "explanation"} <= set(value)
    assert capsys.readouterr().out == "", "written to the file, not stdout"

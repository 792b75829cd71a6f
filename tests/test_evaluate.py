"""`stargate-digest evaluate`: how findings are matched to gold disagreements and scored."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from stargate_digest.cli import main
from stargate_digest.corpus import GoldDisagreement, GoldValue, find_stories, held_out_notes
from stargate_digest.errors import InputError
from stargate_digest.evaluate import matches, score_findings
from stargate_digest.models import Claim, Disagreement, DisagreementKind, Severity, ValueSupport

ROOT = Path(__file__).resolve().parent.parent


def claim(cid: str, source: str, value: float | str, unit: str = "USD") -> Claim:
    return Claim(
        id=cid, source_id=source, subject="X", metric="total_investment", value=value,
        unit=unit, quote="q", start=0, end=1,
    )  # fmt: skip


CLAIMS = [
    claim("a1", "a", 500e9),
    claim("b1", "b", 500e9),
    claim("c1", "c", 38e9),
    claim("d1", "d", 4e12),
]
BY_ID = {c.id: c for c in CLAIMS}


def support(value: float, *claims: Claim) -> ValueSupport:
    return ValueSupport(
        value=value, unit="USD", source_ids=[c.source_id for c in claims],
        claim_ids=[c.id for c in claims],
    )  # fmt: skip


def finding(*values: ValueSupport, kind: str = "conflict", severity: str = "high") -> Disagreement:
    return Disagreement(
        id="d1", subject="X", metric="total_investment", kind=DisagreementKind(kind),
        severity=Severity(severity), values=list(values), explanation="",
    )  # fmt: skip


def gold(kind: str = "conflict", **sources: list[str]) -> GoldDisagreement:
    values = {"v500": 500e9, "v38": 38e9, "v4t": 4e12}
    return GoldDisagreement(
        id="g", subject="X", metric="total_investment", kind=kind,
        values=[GoldValue(value=values[k], unit="USD", source_ids=s) for k, s in sources.items()],
    )  # fmt: skip


def test_a_finding_matches_when_two_gold_values_are_carried_by_named_articles() -> None:
    found = finding(support(500e9, CLAIMS[0], CLAIMS[1]), support(38e9, CLAIMS[2]))
    assert matches(gold(v500=["a"], v38=["c"]), found, BY_ID)


def test_a_value_backed_only_by_an_article_the_gold_does_not_name_does_not_count() -> None:
    found = finding(support(500e9, CLAIMS[0]), support(38e9, CLAIMS[2]))
    assert not matches(gold(v500=["b"], v38=["c"]), found, BY_ID)


def test_two_gold_values_inside_one_value_of_the_finding_are_not_a_match() -> None:
    merged = ValueSupport(value=500e9, unit="USD", source_ids=["a", "c"], claim_ids=["a1", "c1"])
    assert not matches(gold(v500=["a"], v38=["c"]), finding(merged), BY_ID)


def test_scores_count_recall_by_kind_kind_accuracy_and_false_alarms() -> None:
    gold_set = [
        gold("conflict", v500=["a", "b"], v4t=["d"]),
        gold("scope", v500=["a"], v38=["c"]),
    ]
    found = [
        finding(support(500e9, CLAIMS[0], CLAIMS[1]), support(4e12, CLAIMS[3])),
        # matches nothing in the gold: a false alarm when reported high or medium
        finding(support(38e9, CLAIMS[2]), support(4e12, CLAIMS[3]), severity="medium"),
        # low findings are context, never alarms
        finding(support(38e9, CLAIMS[2]), support(4e12, CLAIMS[3]), severity="low"),
    ]
    result = score_findings(gold_set, found, CLAIMS)
    assert result.recall("conflict") == 1.0
    assert result.recall("scope") == 0.0
    assert result.recall() == 0.5
    assert result.kind_accuracy == 1.0
    assert (result.false_alarms, result.alarms) == (1, 2)


def test_kind_accuracy_counts_a_found_disagreement_reported_as_the_wrong_kind() -> None:
    found = [finding(support(500e9, CLAIMS[0]), support(38e9, CLAIMS[2]), kind="conflict")]
    result = score_findings([gold("scope", v500=["a"], v38=["c"])], found, CLAIMS)
    assert result.recall("scope") == 1.0
    assert result.kind_accuracy == 0.0


def test_a_folder_without_a_story_is_one_clear_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="holds no story"):
        find_stories([tmp_path])


def test_a_folder_of_stories_skips_the_held_out_ones_unless_one_is_named(tmp_path: Path) -> None:
    for name in ("kept", "blind", "also_blind"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "gold.json").write_text("[]", "utf-8")
    (tmp_path / "held_out.txt").write_text("# held out\nblind\n  also_blind  \n\n", "utf-8")
    assert [s.name for s in find_stories([tmp_path])] == ["kept"]
    assert [s.name for s in find_stories([tmp_path / "blind"])] == ["blind"]
    assert held_out_notes([tmp_path, tmp_path / "kept"]) == [
        f"{tmp_path}: held-out stories not scored: also_blind, blind"
    ]
    (tmp_path / "held_out.txt").write_text("kept\nblind\nalso_blind\n", "utf-8")
    with pytest.raises(InputError, match="holds no story"):
        find_stories([tmp_path])


def test_a_broken_gold_file_names_the_file(tmp_path: Path) -> None:
    (tmp_path / "gold.json").write_text('[{"source_id": 1}]', "utf-8")
    story = find_stories([tmp_path])[0]
    with pytest.raises(InputError, match=r"gold\.json"):
        story.claims()


def test_evaluate_scores_the_seed_and_written_sets_in_one_run(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code = main(["evaluate", str(ROOT / "tests" / "gold"), "--backend", "rules", "--format",
                 "json", "--no-peer"])  # fmt: skip
    assert code == 0
    reports = {r["story"]: r for r in json.loads(capsys.readouterr().out)}
    assert set(reports) == {"heldout", "seeds"}
    seeds = reports["seeds"]
    assert seeds["extraction"]["rules"]["all"]["recall"] == 1.0
    # the $500B / $38B / US$4T conflict and the January 22/23 dates are found either way
    for claims in ("rules", "oracle claims"):
        assert seeds["findings"][claims]["recall"]["conflict"] == 1.0
    assert reports["heldout"]["findings"] == {}


def test_evaluate_with_no_story_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["evaluate", str(tmp_path), "--backend", "rules"]) == 2
    assert "holds no story" in capsys.readouterr().err


def test_scores_over_several_sets_add_their_counts() -> None:
    from stargate_digest.evaluate import added, pooled
    from stargate_digest.evaluation import Score

    one = Score(true_positives=2, predicted=4, gold=5, metric_correct=1, subject_correct=1,
                labelled=2, scope_correct=2)  # fmt: skip
    two = Score(true_positives=6, predicted=6, gold=15, metric_correct=6, subject_correct=5,
                labelled=6, scope_correct=3)  # fmt: skip
    both = added([one, two])
    assert (both.precision, both.recall, both.metric_accuracy) == (0.8, 0.4, 7 / 8)
    first = score_findings([gold("conflict", v500=["a"], v38=["c"])], [], CLAIMS)
    second = score_findings(
        [gold("conflict", v500=["a"], v4t=["d"])],
        [finding(support(500e9, CLAIMS[0]), support(4e12, CLAIMS[3]))],
        CLAIMS,
    )
    total = pooled([first, second])
    assert total.recall("conflict") == 0.5
    assert (total.false_alarms, total.alarms) == (0, 1)

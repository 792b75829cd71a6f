"""reconcile() itself (reconciliation/__init__.py): which checks each source gets, and the
run date. Invented claims (no corpus text)."""

from __future__ import annotations

from datetime import UTC, datetime, tzinfo

import pytest
from test_reconciliation import article, claim, run

from stargate_digest import reconciliation
from stargate_digest.models import ArticleClaims, Claim, ConsistencyCheck
from stargate_digest.reconciliation import reconcile


def equivalence(source: str, usd: float, eur: float, n: int = 1, **extra: object) -> list[Claim]:
    """A dollar figure and the euro figure the page states as its equivalent."""
    return [
        claim(source, n, usd, "USD", **extra),
        claim(source, n + 1, eur, "EUR", equivalent_of=f"{source}#{n}", **extra),
    ]


def checks(*claims_by_source: tuple[str, list[Claim]]) -> list[ConsistencyCheck]:
    found = run(*((article(source), claims) for source, claims in claims_by_source))
    return found.consistency_checks


def test_every_sources_checks_are_kept() -> None:
    found = checks(("a", equivalence("a", 100e9, 90e9)), ("b", equivalence("b", 10e9, 9e9)))
    assert [(c.source_id, c.kind, c.claim_ids) for c in found] == [
        ("a", "equivalence", ["a#1", "a#2"]),
        ("b", "equivalence", ["b#1", "b#2"]),
    ]


def test_one_equivalence_stated_for_several_partners_is_one_check() -> None:
    # "each puts in $19 billion (€18 billion)": one check naming all four claims
    page = [*equivalence("a", 19e9, 18e9, subject="OpenAI"),
            *equivalence("a", 19e9, 18e9, n=3, subject="SoftBank")]  # fmt: skip
    found = checks(("a", page))
    assert [c.claim_ids for c in found] == [["a#1", "a#2", "a#3", "a#4"]]
    # two different equivalences on one page are two checks
    page = [*equivalence("a", 19e9, 18e9), *equivalence("a", 10e9, 9e9, n=3)]
    assert [c.claim_ids for c in checks(("a", page))] == [["a#1", "a#2"], ["a#3", "a#4"]]


def test_only_money_stated_as_money_is_checked_as_an_equivalent() -> None:
    share = claim("a", 2, 40.0, "percent", equivalent_of="a#1")
    assert checks(("a", [claim("a", 1, 100e9, "USD"), share])) == []
    money = claim("a", 2, 90e9, "EUR", equivalent_of="a#1")
    assert checks(("a", [claim("a", 1, 40.0, "percent"), money])) == []


def test_a_figure_stating_no_equivalent_is_checked_against_nothing() -> None:
    # whatever the ids a page's claims carry (they come from the extraction)
    odd = Claim.model_validate({**claim("a", 1, 100e9, "USD").model_dump(), "id": "XXXX"})
    assert checks(("a", [odd, claim("a", 2, 90e9, "EUR")])) == []
    empty = Claim.model_validate({**claim("a", 1, 100e9, "USD").model_dump(), "id": ""})
    assert checks(("a", [empty, claim("a", 2, 90e9, "EUR")])) == []


class _Clock(datetime):
    """20:00 UTC on January 1, when a machine at UTC+14 already reads January 2."""

    @classmethod
    def now(cls, tz: tzinfo | None = None) -> _Clock:
        if tz is None:
            return cls(2026, 1, 2, 10, 0)
        return cls(2026, 1, 1, 20, 0, tzinfo=UTC).astimezone(tz)


def test_the_run_date_is_todays_date_in_utc(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reconciliation, "datetime", _Clock)
    claims = equivalence("a", 100e9, 90e9)
    results = [ArticleClaims(article=article("a"), claims=claims, backend="test")]
    (found,) = reconcile(results).consistency_checks
    assert "the run date 2026-01-01 (no source has a date)" in found.detail


def test_an_equivalent_that_cannot_be_checked_does_not_stop_the_next() -> None:
    # a share stated as "the equivalent" of a dollar figure, then a real equivalence
    share = claim("a", 2, 40.0, "percent", equivalent_of="a#1")
    page = [claim("a", 1, 100e9, "USD"), share, *equivalence("a", 10e9, 9e9, n=3)]
    assert [c.claim_ids for c in checks(("a", page))] == [["a#3", "a#4"]]
    # the same with an equivalent of a claim the page does not have
    lost = claim("a", 2, 90e9, "EUR", equivalent_of="a#9")
    page = [claim("a", 1, 100e9, "USD"), lost, *equivalence("a", 10e9, 9e9, n=3)]
    assert [c.claim_ids for c in checks(("a", page))] == [["a#3", "a#4"]]

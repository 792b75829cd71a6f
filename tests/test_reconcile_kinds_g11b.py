"""Kinds of difference (issue 11, second pass): general rules of reconciliation.

Invented coverage only (no corpus text): each test builds the few claims a rule is about.
"""

from __future__ import annotations

from test_reconciliation import claim
from test_reconciliation_parts import dated, scope_of

from stargate_digest.models import Claim, DisagreementKind, Severity
from stargate_digest.reconciliation import Reconciliation

JOBS = {"metric": "jobs"}


def parts(*specs: tuple[str, str | None, Claim]) -> Reconciliation:
    """One claim a source, each source dated or not; "Part X" is a site of the subject."""
    return dated(*specs, kind="site")


# --- a part larger than a whole only one page gives ---------------------------------------


def test_a_part_larger_than_a_whole_only_one_page_gives_stays_a_part() -> None:
    # one page's unscoped figure may itself be a part's ("the plant will create 2,000
    # jobs"): it does not show that another page's larger figure for a part is the whole
    found = parts(
        ("a", None, claim("a", 1, 2_000.0, "count", **JOBS)),
        ("b", None, claim("b", 1, 9_000.0, "count", scope="Part X", **JOBS)),
    )
    assert scope_of(found, "b#1") == "Part X"
    assert [d.kind for d in found.disagreements] == [DisagreementKind.SCOPE]
    assert all(d.severity is Severity.LOW for d in found.disagreements)


def test_a_part_larger_than_a_whole_two_pages_agree_on_is_taken_for_the_whole() -> None:
    found = parts(
        ("a", None, claim("a", 1, 2_000.0, "count", **JOBS)),
        ("c", None, claim("c", 1, 2_000.0, "count", **JOBS)),
        ("b", None, claim("b", 1, 9_000.0, "count", scope="Part X", **JOBS)),
    )
    assert scope_of(found, "b#1") is None
    assert [d.kind for d in found.disagreements] == [DisagreementKind.CONFLICT]


def test_a_dated_part_against_one_page_of_its_moment_stays_a_part() -> None:
    # two pages give the whole, but only one of them of the part's moment
    found = parts(
        ("a", "2020-01-10", claim("a", 1, 2_000.0, "count", **JOBS)),
        ("c", "2024-04-10", claim("c", 1, 2_000.0, "count", **JOBS)),
        ("b", "2024-04-16", claim("b", 1, 9_000.0, "count", scope="Part X", **JOBS)),
    )
    assert scope_of(found, "b#1") == "Part X"

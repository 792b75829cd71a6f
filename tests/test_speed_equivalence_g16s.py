"""Fast paths of branch g16s2 (issue 12, eighth turn) give what the code they replaced
gave, on invented inputs: each test keeps the replaced code as its reference."""

from __future__ import annotations

import re
from typing import get_args

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from stargate_digest.extractors.metric_choice import (
    FALLBACK_METRIC_DISTANCE,
    Score,
    best_metric,
)
from stargate_digest.extractors.page_rules import bracketed_owner
from stargate_digest.extractors.subject_rules import names_a_maker
from stargate_digest.models import Claim
from stargate_digest.quantities import Mention, find_mentions
from stargate_digest.terms import TermHit
from stargate_digest.topic import MetricSpec, SubjectKind, SubjectSpec

_KINDS: list[SubjectKind] = list(get_args(SubjectKind))
_METRICS = ["alpha", "beta", "gamma", "delta"]
_SUBJECTS = ["Acme", "Borealis", "Cygnet"]


def _reference_best(  # noqa: PLR0917 (best_metric's own arguments)
    in_reach: list[tuple[str, int]],
    subjects: dict[str, SubjectSpec],
    metrics: dict[str, MetricSpec],
    cue_distance: dict[str, int | None],
    money_default: bool,
    sole: str | None,
) -> Score | None:
    """RulesExtractor._labelled's loop before g16s2: every metric for every subject."""
    best: Score | None = None
    for subject, subject_distance in in_reach:
        spec = subjects[subject]
        for name, metric in metrics.items():
            if spec.kind not in metric.subjects:
                continue
            distance = cue_distance[name]
            if distance is None:
                if not (
                    (spec.money_metric == name and money_default)
                    or (name == sole and metric.subjects[0] == spec.kind)
                ):
                    continue
                distance = FALLBACK_METRIC_DISTANCE
            score = (distance + subject_distance, -metric.priority, subject, name)
            if best is None or score < best:
                best = score
    return best


_METRIC_SPEC = st.builds(
    MetricSpec,
    kinds=st.just(["money"]),
    subjects=st.lists(st.sampled_from(_KINDS), min_size=1, max_size=3, unique=True),
    priority=st.integers(0, 3),
    cues=st.just(["cue"]),
)


# best_metric's arguments: subjects in reach, subjects, metrics, cue distances, default, sole
_Choice = tuple[
    list[tuple[str, int]],
    dict[str, SubjectSpec],
    dict[str, MetricSpec],
    dict[str, int | None],
    bool,
    str | None,
]


@st.composite
def _choices(draw: st.DrawFn) -> _Choice:
    names = draw(st.lists(st.sampled_from(_METRICS), min_size=1, unique=True))
    metrics = {name: draw(_METRIC_SPEC) for name in names}
    subjects = {
        name: SubjectSpec(
            kind=draw(st.sampled_from(_KINDS)),
            aliases=[name],
            money_metric=draw(st.none() | st.sampled_from(_METRICS)),
        )
        for name in _SUBJECTS
    }
    reach = draw(st.lists(st.sampled_from(_SUBJECTS), unique=True))
    in_reach = [(s, draw(st.integers(0, 80))) for s in reach]
    distance = {n: draw(st.none() | st.integers(0, 60)) for n in names}
    sole = draw(st.none() | st.sampled_from(names))
    return in_reach, subjects, metrics, distance, draw(st.booleans()), sole


@settings(max_examples=400, deadline=None)
@given(_choices())
def test_the_best_metric_is_the_one_trying_every_metric_gives(
    choice: _Choice,
) -> None:
    assert best_metric(*choice) == _reference_best(*choice)


def test_an_uncued_default_scores_at_the_fallback_distance() -> None:
    """Invented: Acme's money metric, named by no cue, is its figure's at distance 40."""
    metrics = {
        "capex": MetricSpec(kinds=["money"], subjects=["organization"], cues=["capex"]),
        "grant": MetricSpec(kinds=["money"], subjects=["government"], cues=["grant"]),
    }
    subjects = {"Acme": SubjectSpec(kind="organization", aliases=["Acme"], money_metric="capex")}
    distance: dict[str, int | None] = {"capex": None, "grant": 3}
    chosen = best_metric([("Acme", 5)], subjects, metrics, distance, True, None)
    assert chosen == (45, -1, "Acme", "capex")
    assert best_metric([("Acme", 5)], subjects, metrics, distance, False, None) is None


_BRACKETED = re.compile(r"(?<![\w&.-])([A-Z][\w&.-]*)[ \u00a0]?[(（]$")
_NUMBER_BEFORE_NAME = re.compile(r"\d[^\s()]*(?:\s+[^\s()]+)?\s+$")


def _reference_owner(text: str, mention: Mention) -> tuple[int, int] | None:
    """bracketed_owner before g16s2: the search run for every money figure."""
    if mention.kind != "money":
        return None
    start = max(0, mention.start - 40)
    found = _BRACKETED.search(text, start, mention.start)
    if found is None or _NUMBER_BEFORE_NAME.search(text, start, found.start(1)):
        return None
    return found.start(1), found.end(1)


@settings(max_examples=400, deadline=None)
@given(
    st.text(alphabet="Ab1 (（)\n.&-x", max_size=50),
    st.integers(min_value=0, max_value=50),
)
def test_a_bracketed_owner_is_the_one_the_search_finds(text: str, at: int) -> None:
    """Invented texts full of brackets, line breaks and capitals, a money figure anywhere."""
    at = min(at, len(text))
    mention = Mention(kind="money", value=1.0, unit="USD", start=at, end=at, surface="")
    assert bracketed_owner(text, mention) == _reference_owner(text, mention)


def test_a_name_before_a_bracket_and_a_line_break_is_still_the_owner() -> None:
    """Invented: "Borealis (" then a line break before the figure ($ matches before it)."""
    text = "deals with Borealis (\n$3 billion)"
    mention = Mention(kind="money", value=3e9, unit="USD", start=22, end=32, surface="$3 billion")
    assert bracketed_owner(text, mention) == (11, 19)


def test_a_maker_suffix_is_read_only_in_its_language() -> None:
    """Invented: "アクメ製チップ" (Acme-made chips) names a maker in Japanese only."""
    hit = TermHit(0, 3, "Acme")
    assert names_a_maker("アクメ製チップ", hit, "ja")
    assert not names_a_maker("アクメ製チップ", hit, "en")
    assert not names_a_maker("アクメのチップ", hit, "ja")


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("Acme will spend $15-25 billion on the plant.", [(15e9, 25e9, "USD")]),
        ("Acme will spend $15 billion on the plant.", [(15e9, None, "USD")]),
        ("Costs rose 15%-20% at Acme.", [(15.0, 20.0, "percent")]),
        ("Acme sees 15% to $20 in its shares.", [(15.0, None, "percent"), (20.0, None, "USD")]),
    ],
)
def test_a_low_end_reads_its_tail_once_with_the_same_ranges(
    text: str, values: list[tuple[float, float | None, str]]
) -> None:
    """The scanner reads an amount's currency or unit once, for the range and for itself:
    invented ranges and single amounts read as before."""
    found = [(m.value, m.value_max, m.unit) for m in find_mentions(text, "en")]
    assert found == values


def test_a_claim_missing_a_required_field_is_refused() -> None:
    """Claim.of_typed tells a missing required field by its name, and validation refuses it."""
    fields = {"id": "a#1", "source_id": "a", "subject": "Acme", "metric": "capex"}
    with pytest.raises(ValidationError):
        Claim.of_typed(fields | {"value": 1.0, "unit": "USD", "quote": "q", "start": 0})  # type: ignore[arg-type]


_CLAUSE_ALPHABET = st.sampled_from(list("a1 ,;:()[]-–—.\n\t\u00a0\u3000，；：、日本다"))


@settings(max_examples=500, deadline=None)
@given(st.text(_CLAUSE_ALPHABET, max_size=40), st.integers(0, 40), st.integers(0, 40))
def test_clause_marks_without_the_spaced_branches_are_the_whole_patterns(
    text: str, start: int, end: int
) -> None:
    """Invented pieces of text: the marks-only pattern, chosen for a range with no dash,
    kana or Han, finds what the whole pattern finds there."""
    from stargate_digest.segment import _CLAUSE_MARK_ONLY, _CLAUSE_TOKEN_AT_MARK, _SPACED_MARK

    def spans(pattern: re.Pattern[str]) -> list[tuple[int, int]]:
        return [m.span() for m in pattern.finditer(text, start, end)]

    if _SPACED_MARK.search(text, start, end) is None:
        assert spans(_CLAUSE_MARK_ONLY) == spans(_CLAUSE_TOKEN_AT_MARK)


def test_clause_separators_of_invented_sentences() -> None:
    from stargate_digest.segment import Span, clause_around

    text = "Acme (in Ohio, says Bob) paid 18,25 bn; later, 1,000 jobs: all new"
    sentence = Span(0, len(text))
    assert clause_around(text, sentence, 30, 35) == Span(0, 38)
    assert clause_around(text, sentence, 47, 52) == Span(47, 57)
    dashed = "Acme paid $5 bn – a record – in 2025"
    assert clause_around(dashed, Span(0, len(dashed)), 10, 15) == Span(0, 15)


def test_a_verified_claim_already_so_is_returned_as_it_is() -> None:
    """Invented: a claim whose quote, span and figure the text bears out is the same
    object after verification; one whose figure it does not is a new, unverified one."""
    from stargate_digest.models import Article
    from stargate_digest.verify import verify_claim

    text = "Acme will invest $5 billion in Ohio."
    article = Article(id="a", language="en", text=text, content_hash="h", source="s", format="text")
    base = {
        "id": "a#1",
        "source_id": "a",
        "subject": "Acme",
        "metric": "capex",
        "unit": "USD",
        "quote": text,
        "start": 0,
        "end": len(text),
        "figure_start": 17,
        "figure_end": 27,
    }
    right = Claim.of_typed(base | {"value": 5e9})  # type: ignore[arg-type]
    assert verify_claim(right, article) is right
    wrong = Claim.of_typed(base | {"value": 6e9})  # type: ignore[arg-type]
    checked = verify_claim(wrong, article)
    assert checked is not wrong
    assert not checked.verified
    assert checked.figure_start is None

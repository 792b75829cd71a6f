"""The readers of others_rules.py called one at a time, on invented sentences: where a
norm's words are looked for, which words put a figure beside a programme, when a count
says what a sum is for, and whose money a sum agreed under an award's terms is."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from stargate_digest.extractors.others_rules import (
    award_reading,
    counts_a_purpose,
    of_a_programme,
    states_a_norm,
)
from stargate_digest.quantities import Mention, find_mentions
from stargate_digest.segment import Sentences, Span
from stargate_digest.terms import TermHit
from stargate_digest.topic import TopicProfile


def mention(text: str, figure: str) -> Mention:
    start = text.index(figure)
    return next(m for m in find_mentions(text, "en") if m.start == start)


def whole(text: str) -> Span:
    return Span(0, len(text))


@pytest.mark.parametrize(
    ("opener", "norm"),
    [
        ("Typically, in most cases,", True),  # 25 characters: an opener, read with the clause
        ("Typically, in most places,", False),  # 26: a clause of its own
    ],
)
def test_a_short_opener_speaks_for_the_clause_after_it(opener: str, norm: bool) -> None:
    text = f"{opener} Acme buys 500 chips."
    clause = Span(len(opener) + 1, len(text))
    assert states_a_norm(text, whole(text), clause, mention(text, "500")) is norm


def test_a_norm_word_is_looked_for_whole_and_only_before_the_figure() -> None:
    """ "unusually" holds "usually" but is not it; the "usually" after the figure is
    about something else than how the figure is introduced."""
    text = "Acme unusually buys 500 chips, as it usually does."
    assert not states_a_norm(text, whole(text), whole(text), mention(text, "500"))


def _beside_a_programme(text: str) -> bool:
    figure = mention(text, "$2 billion")
    sentence = Sentences(text, "en").containing(figure.start)
    return of_a_programme(text, sentence, figure, lambda _: False)


@pytest.mark.parametrize(
    ("text", "programme"),
    [
        ("A federal plan of $2 billion backs Acme.", True),
        ("A private plan of $2 billion backs Acme.", False),  # no public word
        ("The federal plan is large, of which $2 billion goes to Acme.", True),
        # "of which" a whole the sentence does not call a programme before the figure
        ("The federal budget is large, of which $2 billion goes to the plan.", False),
        # a programme named before, but neither beside the figure nor "of which"
        ("The federal plan backs Acme, which now gets $2 billion.", False),
        # the programme word after the figure is in the next sentence
        ("Under the federal plan, Acme gets $2 billion\n\nPlan details follow.", False),
    ],
)
def test_a_figure_is_a_programmes_only_beside_a_public_programme(
    text: str, programme: bool
) -> None:
    assert _beside_a_programme(text) is programme


def test_a_count_after_a_sum_and_for_its_says_what_the_sum_is_for() -> None:
    """Three words before the count ("$6 for its") are enough to read the sum."""
    text = "$6 for its two fabs."
    assert counts_a_purpose(text, whole(text), mention(text, "two"))


def _topic() -> TopicProfile:
    money = ["money"]
    return TopicProfile.model_validate(
        {
            "name": "award",
            "title": "An invented award",
            "main_subject": "Acme",
            "distributive": {"cues": ["each"]},
            "subjects": {
                "Acme": {"kind": "organization", "aliases": ["Acme"], "money_metric": "capex"},
                "State": {
                    "kind": "government",
                    "aliases": ["Treasury"],
                    "money_metric": "public_outlay",
                },
                # a government whose money metric the profile does not define
                "Board": {"kind": "government", "aliases": ["Board"], "money_metric": "levy"},
            },
            "metrics": {
                "capex": {
                    "kinds": money,
                    "subjects": ["organization"],
                    "priority": 1,
                    "cues": ["invest*"],
                },
                "grant": {
                    "kinds": money,
                    "subjects": ["organization", "government"],
                    "priority": 2,
                    "cues": ["grant*"],
                },
                "public_outlay": {
                    "kinds": money,
                    "subjects": ["government"],
                    "priority": 2,
                    "cues": ["outlay*"],
                },
            },
        }
    )


def _award(government: str, metric: str) -> tuple[tuple[str], str]:
    text = f"The {government} and Acme agreed preliminary terms for an investment of $5 billion."
    label = {"Treasury": "State", "Board": "Board"}[government]

    def within(span: Span) -> list[TermHit]:
        at = text.find(government, span.start, span.end)
        return [TermHit(at, at + len(government), label)] if at >= 0 else []

    said = (text, whole(text), mention(text, "$5 billion"))
    reader: Callable[[Span], list[TermHit]] = within
    return award_reading(_topic(), said, reader, ("Acme", metric))


def test_an_award_is_the_governments_money_when_its_metric_fits_no_company() -> None:
    assert _award("Treasury", "capex") == (("State",), "public_outlay")


def test_a_metric_a_government_has_keeps_its_reading_under_award_terms() -> None:
    assert _award("Treasury", "grant") == (("Acme",), "grant")


def test_a_government_whose_money_metric_the_profile_lacks_changes_nothing() -> None:
    assert _award("Board", "capex") == (("Acme",), "capex")

"""Durations in days and weeks: a contract unit (`days`), weeks converted at seven days.

Every sentence is invented; the profile is a small invented one.
"""

from __future__ import annotations

import pytest
from pages import article

from stargate_digest.extractors.llm_answer import unit_kind
from stargate_digest.extractors.rules import RulesExtractor
from stargate_digest.models import Claim
from stargate_digest.quantities import find_mentions
from stargate_digest.topic import TopicProfile
from stargate_digest.verify import verify_claims


@pytest.mark.parametrize(
    ("text", "language", "value"),
    [
        ("Acme finished the hall in 95 days.", "en", 95),
        ("The permit runs for a 180-day trial.", "en", 180),
        ("Acme needed three weeks for the move.", "en", 21),
        ("Acme baute die Halle in 95 Tagen.", "de", 95),
        ("Der Umzug dauerte drei Wochen.", "de", 21),
        ("Acme a bâti la halle en 95 jours.", "fr", 95),
        ("Le chantier a pris six semaines.", "fr", 42),
        ("Acme construyó la nave en 95 días.", "es", 95),
        ("Acme ha costruito il capannone in 95 giorni.", "it", 95),
        ("A Acme construiu o pavilhão em 95 dias.", "pt", 95),
        ("Acme bouwde de hal in 95 dagen.", "nl", 95),
        ("Acme zbudowała halę w 95 dni.", "pl", 95),
        ("Acme brukte 95 dager på hallen.", "nb", 95),
        ("アクメは95日間で建屋を完成させた。", "ja", 95),
        ("阿克米用了95天建成厂房。", "zh", 95),
        ("애크미는 95일 만에 공장을 지었다.", "ko", 95),
        ("공사는 3주 동안 멈췄다.", "ko", 21),
    ],
)
def test_a_span_of_days_or_weeks_is_a_duration_in_days(
    text: str, language: str, value: int
) -> None:
    found = [(m.kind, m.value, m.unit) for m in find_mentions(text, language)]
    assert found == [("duration", value, "days")]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # A day of the month, in the languages that write it with the word for "day",
        # stays a date (or nothing without its month): only 일간, 일 동안, 일 만에 and
        # 日間 make the number a span.
        ("공사는 9월 3일 시작됐다.", "ko"),
        ("공사는 지난 9일 시작됐다.", "ko"),
        ("工事は9月3日に始まった。", "ja"),
        # A German ordinal ("am 3. Tag") is not a number of days.
        ("Am 3. Tag begann der Bau.", "de"),
    ],
)
def test_a_day_of_the_month_is_not_a_duration(text: str, language: str) -> None:
    assert all(m.kind != "duration" for m in find_mentions(text, language))


_PROFILE = {
    "name": "hall",
    "title": "A hall",
    "main_subject": "Acme",
    "subjects": {"Acme": {"kind": "organization", "aliases": ["Acme", "애크미"]}},
    "metrics": {
        "build_time": {
            "kinds": ["duration"],
            "subjects": ["organization"],
            "priority": 2,
            "cues": ["built in", "만에"],
        },
        "permit_period": {
            "kinds": ["duration"],
            "subjects": ["organization"],
            "priority": 3,
            "cues": ["permit"],
        },
    },
    "distributive": {"cues": []},
}


def test_a_profile_cue_that_ends_a_duration_labels_it() -> None:
    # "만에" (after a span of) is the end of the figure "95일 만에" itself: the profile
    # cues the build time with it, as it cues a site's area with "acres".
    topic = TopicProfile.model_validate(_PROFILE)
    text = "애크미는 95일 만에 공장을 지었고, 허가는 지난달 나왔다."
    claims = RulesExtractor(topic).extract(article(text, language="ko")).claims
    assert [(c.value, c.unit, c.metric) for c in claims] == [(95, "days", "build_time")]


def test_the_verifier_accepts_a_claim_in_days() -> None:
    text = "Acme says the hall was built in 95 days."
    page = article(text)
    start = text.index("the hall")
    claim = Claim(
        id="c1",
        source_id=page.id,
        subject="Acme",
        metric="build_time",
        value=95,
        unit="days",
        quote=text[start:],
        start=start,
        end=len(text),
    )
    assert [c.verified for c in verify_claims([claim], page)] == [True]


def test_days_measure_a_duration_in_an_llm_answer() -> None:
    assert unit_kind("days") == "duration"
    assert "'days'" in str(Claim.model_json_schema()["properties"]["unit"]["description"])

"""Fast paths of branch g14v (issue 12, sixth turn) give what the code they replaced
gave, on invented sentences in the scanner's languages."""

from __future__ import annotations

import dataclasses
from typing import Any, Literal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

from stargate_digest.extractors.rules import RulesExtractor
from stargate_digest.models import Qualifier
from stargate_digest.quantities import Mention, find_mentions
from stargate_digest.terms import TermHit, TermMatcher

Kind = Literal["money", "percent", "count", "power", "area", "duration", "date"]


class _ModelMention(BaseModel, frozen=True):
    """Mention as it was before this branch: a frozen pydantic model, which validated
    (and would have converted) what the scanner gave it."""

    kind: Kind
    value: float | str
    value_max: float | None = None
    unit: str
    currency_candidates: tuple[str, ...] = ()
    currency_resolution: str | None = None
    qualifier: Qualifier = Qualifier.EXACT
    start: int
    end: int
    surface: str
    scale_word: str | None = None
    spelled: bool = False


# Invented sentences: every kind of quantity, ranges, currencies left open and carried,
# numbers in words, CJK amounts and dates.
_TEXTS = [
    ("en", "Acme will spend $15-25 billion, about ¥3 trillion, on 12 plants by March 2027."),
    ("en", "The 1.2 GW site covers 900 acres; eight buildings and over 40% of it are done."),
    ("en", "It costs 5 billion. Rival Bolt pays $7 billion for the same, up to 3,000 jobs."),
    ("fr", "Le projet coûtera environ 18,25 milliards d'euros, soit 20 % de plus en 2026."),
    ("de", "Die Anlage kostet 3,5 Mrd. Euro und schafft rund 2.000 Stellen ab 1. Mai 2025."),
    ("es", "La inversión de mil millones de dólares crea cuatro mil empleos en dos años."),
    ("ja", "同社は約5000億円を投じ、2026年3月までに1万5000人を雇用する。"),
    ("zh", "该项目投资1000亿美元，建成4座数据中心，占地约300公顷。"),
    ("ko", "삼성은 1조 2000억원을 투자해 900명 이상을 고용한다."),
]


@pytest.mark.parametrize(("language", "text"), _TEXTS)
def test_a_mention_holds_what_the_pydantic_model_would_have_validated(
    language: str, text: str
) -> None:
    """Each field of every mention the scanner makes is already of the type the model
    validated it to: validating it again changes nothing, so the dataclass holds what
    the model held (and the extractor reads the same values)."""
    mentions = find_mentions(text, language)
    assert mentions
    for mention in mentions:
        fields = dataclasses.asdict(mention)
        validated = _ModelMention(**fields)
        assert validated.model_dump() == fields
        for name, value in fields.items():
            assert type(getattr(validated, name)) is type(value), name


def test_a_mention_is_frozen_keyword_only_and_equal_by_its_fields() -> None:
    fields = {"kind": "count", "value": 8.0, "unit": "count", "start": 0, "end": 5}
    mention = Mention(**fields, surface="eight", spelled=True)  # type: ignore[arg-type]
    same = Mention(**fields, surface="eight", spelled=True)  # type: ignore[arg-type]
    assert mention == same and hash(mention) == hash(same)
    assert dataclasses.replace(mention, end=6) != mention
    with pytest.raises(dataclasses.FrozenInstanceError):
        mention.start = 1  # type: ignore[misc]
    positional: Any = Mention  # what mypy would reject: the test of it at run time
    with pytest.raises(TypeError):
        positional("count", 8.0, None, "count", (), None, Qualifier.EXACT, 0, 5, "eight")


_TERMS = [
    ("subject:acme", "Acme"),
    ("subject:acme", "Acme Corp"),
    ("metric:capex", "invest*"),
    ("metric:jobs", "jobs"),
    ("scope:abilene", "Abilene, Texas"),
    ("distributive", "each"),
    ("subject:cjk", "星门"),
]
_WORDS = st.sampled_from(
    ["Acme", "Corp", "invests", "jobs", "Abilene", ",", " ", "Texas", "each", "星门", "-", "."]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_WORDS, max_size=20))
def test_the_spans_by_label_are_the_hits_find_gives(pieces: list[str]) -> None:
    """TermMatcher.spans_by_label holds find's hits, label by label, in find's order."""
    text = " ".join(pieces)
    matcher = TermMatcher(_TERMS)
    grouped: dict[str, list[tuple[int, int]]] = {}
    for hit in matcher.find(text):
        grouped.setdefault(hit.label, []).append((hit.start, hit.end))
    assert matcher.spans_by_label(text) == grouped


def test_an_articles_index_labels_its_hits_by_name() -> None:
    """An invented sentence, read with the default profile: subjects, metric cues, the
    distributive word and the part, each hit labelled by its name (as before the index
    took the matcher's spans)."""
    text = "OpenAI and SoftBank each put $19 billion into the Abilene site; Oracle adds 300 jobs."
    index = RulesExtractor()._index(text)

    def read(hits: list[TermHit]) -> list[tuple[str, str]]:
        return [(text[h.start : h.end], h.label) for h in hits]

    assert read(index.subjects.hits) == [
        ("OpenAI", "OpenAI"),
        ("SoftBank", "SoftBank"),
        ("Oracle", "Oracle"),
    ]
    assert read(index.cues.hits) == [
        ("each", "equity_contribution"),
        ("site", "data_center_count"),
        ("site", "site_area"),
        ("jobs", "jobs"),
    ]
    assert read(index.distributive.hits) == [("each", "distributive")]
    assert read(index.scopes.hits) == [("Abilene site", "Abilene campus")]

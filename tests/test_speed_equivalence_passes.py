"""Fewer passes over each text (issue 12, fourth turn) change no result: each fast path
is compared with the reading it replaced, on generated text (Hypothesis) and on invented
sentences. (tests/test_speed_equivalence.py holds the earlier turns' comparisons.)"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from stargate_digest.required_text import _canonical, finder, fold
from stargate_digest.text_words import leading_words, text_words

# Characters re.IGNORECASE equates beyond lower() (long s, dotless i, Greek sigmas and
# kappas, the Kelvin sign, dotted capital I), beside plain and accented letters.
_FOLD_ALPHABET = st.sampled_from(list("aAsSiIkK ſıİςσΣϰκµμΜ\u212a\u0307éÉß’."))


@settings(max_examples=400, deadline=None)
@given(st.text(_FOLD_ALPHABET, max_size=30))
def test_fold_is_lowercase_then_the_whole_table(text: str) -> None:
    assert fold(text) == text.lower().translate(_canonical())


def test_fold_of_an_invented_sentence_with_and_without_rare_letters() -> None:
    assert fold("Ignore Previous Instructions.") == "ignore previous instructions."
    assert fold("Cliché’s CAFÉ") == "cliché’s café"  # non-ASCII, nothing to translate
    assert fold("Meſſage") == "message"  # long s is re's "s"


def _flat(words: tuple[str, ...]) -> re.Pattern[str]:
    """finder() before this turn: a flat alternation, longest first."""
    return re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))


_WORDS = st.lists(st.text(st.sampled_from(list("abc d")), min_size=1, max_size=5), max_size=8)


@settings(max_examples=400, deadline=None)
@given(_WORDS, st.text(st.sampled_from(list("abcd .")), max_size=40))
def test_the_prefix_tree_finds_a_word_where_the_alternation_does(
    words: list[str], text: str
) -> None:
    tree, flat = finder(tuple(words)), _flat(tuple(words))
    found, expected = tree.search(text), flat.search(text)
    assert (found is None) == (expected is None)
    if found is not None and expected is not None:
        assert found.start() == expected.start()  # the first place any word starts


def test_the_prefix_tree_of_invented_instruction_words() -> None:
    words = ("ignore", "ignoriere", "as an ai", "assistant", "atención")
    tree = finder(words)
    assert tree.search("we ignore nothing").start() == 3  # type: ignore[union-attr]
    assert tree.search("la atención del público") is not None
    assert tree.search("the assistance of a bank") is None  # "assistan" is no word here
    assert finder(()).search("anything") is not None  # no words: matches, as "" did


def test_text_words_are_the_word_runs_and_say_whether_cjk_is_present() -> None:
    read = text_words("Acme's ‘Nordwind’ plant, 2 GW; 在Abilene部署")
    assert read.words == frozenset({"Acme", "s", "Nordwind", "plant", "2", "GW", "Abilene"})
    assert read.cjk and not read.plain
    assert text_words("Acme plant").plain
    assert leading_words({"vingt et un", "dix-sept", "two"}) == frozenset({"vingt", "dix", "two"})
    assert leading_words({"two", "-ish"}) is None  # a string opening with no word character


_NUMBER_PIECES = st.sampled_from(
    ["two", "Two", "TWO", "twenty-one", "vingt et un", "dix-sept", "un", "mil", "millones",
     "mille", "milliards", "a", "half a", "billion", "Billion", "one", "un million", "drei",
     "x", "_", "é", "9", " ", "-", ".", "\u00a0", "五", "三千", "억", "두"]
)  # fmt: skip
_LANGUAGES = st.sampled_from(["en", "fr", "es", "de", "it", "pt", "nl", "pl", "ko", "ja"])


@settings(max_examples=400, deadline=None)
@given(st.lists(_NUMBER_PIECES, max_size=12), _LANGUAGES)
def test_number_words_and_scale_phrases_skipped_by_the_word_set_are_none(
    pieces: list[str], language: str
) -> None:
    from stargate_digest.quantities.numbers import _word_tokens
    from stargate_digest.quantities.scanner import _implied_tokens, find_mentions

    text = "".join(pieces)
    read = text_words(text)
    assert list(_word_tokens(text, language, read)) == list(_word_tokens(text, language))
    assert list(_implied_tokens(text, language, read)) == list(_implied_tokens(text, language))
    assert find_mentions(text, language, read) == find_mentions(text, language)


def test_an_invented_sentence_with_and_without_number_words() -> None:
    from stargate_digest.quantities.scanner import find_mentions

    for text, language in (
        ("Nordwind will build twenty-one turbines for half a billion euros.", "en"),
        ("Nordwind construira vingt et un parcs pour mille milliards.", "fr"),
        ("Nordwind invertirá mil millones en dos parques.", "es"),
        ("Nordwind investit 5 millions d’euros.", "fr"),  # no number word at all
    ):
        read = text_words(text)
        assert find_mentions(text, language, read) == find_mentions(text, language)
    spelled = find_mentions("Nordwind will build twenty-one turbines.", "en", None)
    assert [m.value for m in spelled] == [21]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["Nordwind", "Energy", "wind", "Windpark", "在", "-", " ", "。"])))
def test_terms_found_with_the_shared_word_set_are_those_found_without(pieces: list[str]) -> None:
    from stargate_digest.terms import TermMatcher

    matcher = TermMatcher([("a", "Nordwind"), ("b", "Nordwind Energy"), ("c", "wind*")])
    text = "".join(pieces)
    assert matcher.find(text, text_words(text)) == matcher.find(text)


_WORD_ALPHABET = st.sampled_from(list("ab_9é’'.,()$- \u00a0\u2009\u3000\n\t在위Ⅻ²٣"))


@settings(max_examples=400, deadline=None)
@given(st.text(_WORD_ALPHABET, max_size=40))
def test_text_words_read_from_the_pieces_are_the_whole_texts_words(text: str) -> None:
    from stargate_digest.text_words import CJK, WORD

    read = text_words(text)
    assert read.words == frozenset(WORD.findall(text))
    assert read.cjk == (CJK.search(text) is not None)


_CLAUSE_ALPHABET = st.sampled_from(list("a1 ,;:()[]-–—.\n\t\u00a0\u3000，；：、日本다"))


@settings(max_examples=500, deadline=None)
@given(st.text(_CLAUSE_ALPHABET, max_size=40), st.integers(0, 40), st.integers(0, 40))
def test_clause_marks_found_by_their_first_character_are_the_alternations(
    text: str, start: int, end: int
) -> None:
    from stargate_digest.segment import _CLAUSE_TOKEN, _CLAUSE_TOKEN_AT_MARK

    def spans(pattern: re.Pattern[str]) -> list[tuple[int, int]]:
        return [m.span() for m in pattern.finditer(text, start, end)]

    assert spans(_CLAUSE_TOKEN_AT_MARK) == spans(_CLAUSE_TOKEN)


def test_clause_marks_of_an_invented_sentence() -> None:
    from stargate_digest.segment import _CLAUSE_TOKEN_AT_MARK

    text = "Acme (in Ohio) paid 18,25 bn; then – as said: 1,000 jobs，日本 工場"
    marks = [m.group() for m in _CLAUSE_TOKEN_AT_MARK.finditer(text)]
    assert marks == ["(", ")", ";", " – ", ":", "，", " "]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 30), st.integers(1, 6)), max_size=12),
    st.integers(0, 35),
    st.integers(0, 12),
)
def test_a_paragraph_names_the_topic_when_any_match_lies_inside_it(
    hits: list[tuple[int, int]], start: int, length: int
) -> None:
    from stargate_digest.extractors.rules import _Hits
    from stargate_digest.segment import Span
    from stargate_digest.terms import TermHit

    found = _Hits([TermHit(at, at + size, "x") for at, size in hits])
    span = Span(start, start + length)
    assert found.any_within(span) == bool(found.within(span))  # what names_topic asked


def test_quick_init_builds_what_the_dataclass_init_builds() -> None:
    import dataclasses
    import inspect

    import pytest

    from stargate_digest.extractors import figure_relations, rules
    from stargate_digest.frozen import quick_init
    from stargate_digest.models import Qualifier
    from stargate_digest.quantities import Mention, numbers, patterns, scanner
    from stargate_digest.segment import Span
    from stargate_digest.terms import TermHit

    @dataclasses.dataclass(frozen=True, slots=True)
    class Plain:
        start: int
        label: str = "x"

    @quick_init
    @dataclasses.dataclass(frozen=True, slots=True)
    class Quick:
        start: int
        label: str = "x"

    for args, kwargs in (((3,), {}), ((3, "y"), {}), ((), {"start": 3, "label": "z"})):
        plain, quick = Plain(*args, **kwargs), Quick(*args, **kwargs)  # type: ignore[arg-type]
        assert (quick.start, quick.label) == (plain.start, plain.label)
        assert hash(quick) == hash(plain) and quick == Quick(*args, **kwargs)  # type: ignore[arg-type]
        assert repr(quick).split("(")[1] == repr(plain).split("(")[1]
        with pytest.raises(dataclasses.FrozenInstanceError):
            quick.start = 4  # type: ignore[misc]
    with pytest.raises(TypeError):
        quick_init(Plain.__mro__[-1])  # object: not a frozen dataclass with slots
    for cls in (Span, TermHit, patterns.Hit, numbers.NumberToken, rules._Candidate,
                rules._Reading, rules._Context, figure_relations.Figure,
                scanner._Amount):  # fmt: skip
        wanted = [f.name for f in dataclasses.fields(cls)]
        assert list(inspect.signature(cls.__init__).parameters)[1:] == wanted
    assert Span(2, 5) == Span(start=2, end=5) and len(Span(2, 5)) == 3
    with pytest.raises(TypeError):  # keyword-only, as the dataclass made it (g15v)
        Mention("count", 3.0, None, "count")  # type: ignore[call-arg]
    assert list(inspect.signature(Mention.__init__).parameters)[1:] == [
        f.name for f in dataclasses.fields(Mention)
    ]
    one = Mention(kind="count", value=3.0, unit="count", start=0, end=1, surface="3")
    assert one == dataclasses.replace(one) and one.qualifier is Qualifier.EXACT
    assert TermHit(1, 4, "a") != TermHit(1, 4, "b")

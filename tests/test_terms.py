"""TermMatcher: whole words, prefixes, phrases across punctuation, CJK substrings."""

from __future__ import annotations

from stargate_digest.terms import TermMatcher, leftmost_longest


def found(matcher: TermMatcher, text: str) -> list[tuple[str, str]]:
    return [(text[h.start : h.end], h.label) for h in matcher.find(text)]


def test_whole_words_only_and_case_insensitive() -> None:
    matcher = TermMatcher([("org", "Arm")])
    assert found(matcher, "ARM and Arm, not Armada or farm") == [("ARM", "org"), ("Arm", "org")]


def test_star_matches_any_word_ending() -> None:
    matcher = TermMatcher([("m", "invest*")])
    assert found(matcher, "investing investment invest reinvest") == [
        ("investing", "m"), ("investment", "m"), ("invest", "m")
    ]  # fmt: skip


def test_phrases_span_spaces_hyphens_apostrophes_and_dots() -> None:
    matcher = TermMatcher([("gov", "U.S. government"), ("gov", "public sector"), ("t", "d'ici")])
    text = "the U.S. government, the public-sector plan, d’ici 2030"
    assert found(matcher, text) == [
        ("U.S. government", "gov"), ("public-sector", "gov"), ("d’ici", "t")
    ]  # fmt: skip


def test_no_match_right_after_a_hyphen() -> None:
    matcher = TermMatcher([("p", "Projekt")])
    assert found(matcher, "ein KI-Projekt und ein Projekt") == [("Projekt", "p")]
    assert matcher.find("ein KI-Projekt und ein Projekt")[0].start == 23


def test_cjk_terms_match_inside_running_text() -> None:
    matcher = TermMatcher([("s", "ソフトバンク"), ("m", "投資")])
    assert found(matcher, "ソフトバンクは投資する") == [("ソフトバンク", "s"), ("投資", "m")]


def test_overlapping_terms_of_different_labels_are_all_kept() -> None:
    matcher = TermMatcher([("contribution", "each"), ("distributive", "each")])
    assert sorted(label for _, label in found(matcher, "each")) == ["contribution", "distributive"]


def test_leftmost_longest_reads_each_name_once() -> None:
    """A name inside a longer one, or across its end, is not read as well; one alias
    under two labels is kept under both."""
    terms = [("campus", "Abilene"), ("expansion", "Abilene expansion"), ("twin", "Abilene")]
    matcher = TermMatcher([*terms, ("region", "West Texas"), ("hub", "Texas Lordstown")])
    text = "the Abilene expansion; West Texas Lordstown"
    assert [(text[h.start : h.end], h.label) for h in leftmost_longest(matcher.find(text))] == [
        ("Abilene expansion", "expansion"),
        ("West Texas", "region"),
    ]
    assert [h.label for h in leftmost_longest(matcher.find("in Abilene"))] == ["campus", "twin"]
    # Names that touch, as CJK text writes them, are both read.
    touching = TermMatcher([("a", "阿比林"), ("l", "洛兹敦")]).find("阿比林洛兹敦")
    assert [h.label for h in leftmost_longest(touching)] == ["a", "l"]


def test_a_name_written_with_a_comma_matches_and_ends_at_it() -> None:
    """ "Springfield, Ohio" in a profile names the town where the text writes it so (the
    gap of a phrase took no comma, and such an alias never matched); the name ends at
    its comma, where the sentence's clause does. A comma is read only where the term
    has one, and one between digits ("1,400") is no name's comma."""
    matcher = TermMatcher([("town", "Springfield, Ohio"), ("area", "1,400 acres")])
    text = "a plant in Springfield, Ohio, and one in Springfield Ohio on 1.400 acres"
    assert found(matcher, text) == [("Springfield", "town"), ("1.400 acres", "area")]
    assert found(TermMatcher([("town", "Springfield Ohio")]), "Springfield, Ohio") == []

"""The scope rules' readers of seat and "is part of" words (extractors/scope_cues.py),
on invented sentences: a company's seat before or after a place, and where the last
whole "is part of" of a stretch of text ends."""

from __future__ import annotations

import pytest

from stargate_digest.extractors.scope_cues import is_seat, part_of_end


def seat(text: str, place: str, language: str = "en") -> bool:
    start = text.index(place)
    return is_seat(text, start, start + len(place), language)


@pytest.mark.parametrize(
    ("text", "place", "language", "expected"),
    [
        ("Acme, based in Boise, said so.", "Boise", "en", True),
        ("Based in Boise, Acme said so.", "Boise", "en", True),  # at the text's start
        ("Acme, a Boise-based maker, said so.", "Boise", "en", True),
        ("Acme, mit Sitz in Boise, plant eine Fabrik.", "Boise", "de", True),
        ("Acme builds in Boise a plant based in Ohio.", "Boise", "en", False),  # after it
        ("Acme, based in Ohio, builds a plant in Boise.", "Boise", "en", False),  # too far
        ("Boise hosts Acme, based in Ohio.", "Boise", "en", False),
    ],
)
def test_a_place_is_a_seat_only_beside_a_seat_word(
    text: str, place: str, language: str, expected: bool
) -> None:
    assert seat(text, place, language) is expected


def whole_text(text: str) -> int | None:
    return part_of_end(text, 0, len(text), "en")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("is part of the Acme campus", 10),  # at the text's start
        ("The site is part of", 19),  # at the text's end
        ("The farm is part offshore, part onshore.", None),  # not whole words
        ("is part offshore and part onshore", None),
        ("Ais part of the Acme grid.", None),  # a letter touches it at position 0
        # the last whole one, passing over one that is not whole
        ("The farm is part of Acme and is part offshore.", 19),
        ("X is part of Y, Z is part of W, and the farm is part offshore.", 28),
        # of two wordings, the one that ends last
        ("Acme is part of it and forms part of Beta.", 36),
    ],
)
def test_part_of_end_is_where_the_last_whole_part_of_ends(text: str, expected: int | None) -> None:
    assert whole_text(text) == expected


def test_part_of_end_looks_only_between_start_and_end() -> None:
    text = "Site A is part of Acme. Site B costs $5 billion. Site C is part of Beta."
    second = text.index("Site B")
    third = text.index("Site C")
    assert part_of_end(text, second, third, "en") is None
    assert part_of_end(text, 0, second, "en") == text.index(" Acme")
    # a wording not whole inside the stretch does not send the search before its start
    farm = "Site A is part of Acme. The farm is part offshore."
    assert part_of_end(farm, farm.index("The farm"), len(farm), "en") is None

"""Half a scale word written without digits ("medio millón", "eine halbe Million"): the
number the words stand for, in each language that writes it so (issue 12).

Every sentence is invented.
"""

from __future__ import annotations

import pytest

from stargate_digest.quantities import find_mentions


@pytest.mark.parametrize(
    ("text", "language", "surface"),
    [
        ("Acme wants half a million chips.", "en", "half a million"),
        ("La nave albergará medio millón de chips.", "es", "medio millón"),
        ("Il capannone ospiterà mezzo milione di chip.", "it", "mezzo milione"),
        ("O pavilhão terá meio milhão de chips.", "pt", "meio milhão"),
        ("Die Halle soll eine halbe Million Chips aufnehmen.", "de", "eine halbe Million"),
        ("Acme rechnet mit einer halben Million Chips.", "de", "einer halben Million"),
    ],
)
def test_half_a_million_is_five_hundred_thousand(text: str, language: str, surface: str) -> None:
    found = [(m.value, m.surface) for m in find_mentions(text, language)]
    assert found == [(500_000, surface)]


def test_medio_is_no_number_before_another_noun() -> None:
    found = [m.value for m in find_mentions("el medio ambiente y 3 millones de chips", "es")]
    assert found == [3_000_000]

"""What a figure counts, read from the few words after it (extractors/figure_detail.py).

Invented sentences, one rule each: where the noun phrase after a figure ends, when the
first word names nothing, and the CJK counter noun after a figure.
"""

from __future__ import annotations

import pytest

from stargate_digest.extractors.figure_detail import figure_detail
from stargate_digest.quantities import find_mentions


def detail(text: str, figure: str, language: str = "en") -> str | None:
    """The detail of the mention printed as ``figure`` in ``text``."""
    start = text.index(figure)
    mention = next(m for m in find_mentions(text, language) if m.start == start)
    return figure_detail(text, mention)


@pytest.mark.parametrize(
    ("text", "figure", "language", "expected"),
    [
        # a short lower-case word after the noun ends the phrase; a longer one does not
        ("Acme runs 5,000 servers and racks.", "5,000", "en", "servers"),
        ("Acme builds 2 Blackwell data halls.", "2", "en", "Blackwell data halls"),
        # a number after the noun starts another figure ("und 46")
        ("Acme plant 12 Rechenzentren 2026 und mehr.", "12", "de", "Rechenzentren"),
        # a four-letter first word is a noun; a three-letter one is grammar
        ("Acme runs 10 data centres.", "10", "en", "data centres"),
        ("Acme hired 300 and later 200 more.", "300", "en", None),
        # a figure at the very end of the text, or followed by a letter X
        ("Acme hired 300", "300", "en", None),
        ("Acme bought 300 X-ray machines.", "300", "en", "X-ray machines"),
        # the CJK noun after a figure, but never a particle of grammar
        ("该公司将建设7座工厂。", "7", "zh", "座工厂"),
        ("投资500亿是最大的一笔。", "500亿", "zh", None),
    ],
)
def test_the_detail_is_the_noun_phrase_after_the_figure(
    text: str, figure: str, language: str, expected: str | None
) -> None:
    assert detail(text, figure, language) == expected

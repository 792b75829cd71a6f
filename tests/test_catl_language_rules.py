"""Rules of languages found on CATL's pages (branch g15c, seventh turn), each tested on
sentences written for the test, none copied from a page."""

from __future__ import annotations

import pytest

from stargate_digest.quantities import find_mentions


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Acme will spend 900 billion forints", "en"),
        ("Acme investiert 900 Milliarden Forint", "de"),
        ("Acme investira 900 milliards de forints", "fr"),
        ("Acme invertirá 900 mil millones de forintos", "es"),
        ("Acme investirà 900 miliardi di fiorini", "it"),
        ("a Acme vai investir 900 bilhões de forints", "pt"),
        ("Acme zainwestuje 900 mld forintów", "pl"),
        ("Acme investeert 900 miljard forint", "nl"),
        ("Acmeは9000億フォリントを投じる", "ja"),
        ("Acme投资9000亿福林", "zh"),
        ("Acme는 9000억 포린트를 투자한다", "ko"),
    ],
)
def test_the_forint_is_named_in_every_language(text: str, language: str) -> None:
    """Hungary's currency by its everyday name (CLDR gives only "Hungarian forints"):
    without it the amount was a count of nothing."""
    (mention,) = find_mentions(text, language)
    assert (mention.kind, mention.unit) == ("money", "HUF")


@pytest.mark.parametrize(("text", "unit"), [("12億歐元", "EUR"), ("3億英鎊", "GBP")])
def test_chinese_currency_names_in_traditional_script(text: str, unit: str) -> None:
    """Taiwan's and Hong Kong's pages write 歐元 (euro) and 英鎊 (pound), which CLDR's
    simplified names (欧元, 英镑) do not match."""
    (mention,) = find_mentions(f"公司投資{text}", "zh")
    assert (mention.kind, mention.unit) == ("money", unit)


@pytest.mark.parametrize(
    "text", ["ein Akku für 600 Kilometern Reichweite", "ein Turm von 80 Metern Höhe"]
)
def test_german_lengths_in_the_dative_plural_are_no_counts(text: str) -> None:
    """ "von mehr als 600 Kilometern": the dative plural of a length the contract does not
    report, skipped as "Kilometer" is, not a count of 600."""
    assert find_mentions(text, "de") == []

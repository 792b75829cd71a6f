"""Multilingual quantity parser: every reported number is re-derivable from its quote.

``find_mentions`` lists the amounts, percentages, units, durations and dates in a text;
``parse_quantity`` reads the most salient one in a short span; ``parse_number`` reads a
locale-formatted digit string. FX conversion lives in ``quantities.fx``.
"""

from stargate_digest.quantities.mention import Kind, Mention
from stargate_digest.quantities.numbers import parse_number
from stargate_digest.quantities.scanner import find_mentions, parse_quantity

__all__ = ["Kind", "Mention", "find_mentions", "parse_number", "parse_quantity"]

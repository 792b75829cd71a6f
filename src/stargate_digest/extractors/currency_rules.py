"""An open currency symbol settled by the story's currencies (issue 12, branch g16q1).

"¥730 bilhões" on a Portuguese page about a fab in Japan: '¥' in Portuguese, English or
French text may be yen or yuan, and the parser leaves it open (unit 'XXX' with both as
``currency_candidates``; quantities/currency.py). A story's profile lists the currencies
its figures may be in (``unlabelled_currencies``, which the reconciler already tries for
an amount with no currency at all); a reader of the story takes the symbol in the one
of its readings among them. When both readings are (a story about China and Japan), or
neither, the symbol stays open.
"""

from __future__ import annotations

from dataclasses import replace

from stargate_digest.quantities import Mention
from stargate_digest.quantities.currency import UNRESOLVED


def story_currencies(mentions: list[Mention], currencies: frozenset[str]) -> list[Mention]:
    """``mentions``, each open symbol with one reading among the story's ``currencies``
    read in that currency (the reason in ``currency_resolution``); the same list when
    none is open, as on almost every page."""
    if not any(m.unit == UNRESOLVED and m.currency_candidates for m in mentions):
        return mentions
    return [_settled(m, currencies) for m in mentions]


def _settled(mention: Mention, currencies: frozenset[str]) -> Mention:
    readings = mention.currency_candidates
    fitting = [code for code in readings if code in currencies]
    if mention.unit != UNRESOLVED or len(fitting) != 1:
        return mention
    reason = (
        f"'{mention.surface}' may be {' or '.join(readings)}; of these, the story's "
        f"currencies hold only {fitting[0]}"
    )
    return replace(mention, unit=fitting[0], currency_resolution=reason)

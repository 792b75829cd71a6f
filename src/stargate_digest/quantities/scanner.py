"""Find the quantities in running text: amounts, percentages, units, durations, dates.

Each number is read outwards: a currency mark or percent prefix just before it; after
it a scale word (CJK scales add up: "1조 2000억"), then a currency, percent sign or
unit. Numbers that are names, ranks, times or unreported measurements are skipped
("Reno12", "47th", "00:02:15", "22 Tbps"), and so are bare years (dates.py reads a year
a time word ties to the text). Two numbers joined by a dash or a range word share the
scale and unit written after the second ("$15-25 billion": 15e9 to 25e9).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from operator import attrgetter
from typing import NamedTuple

from stargate_digest.frozen import quick_init
from stargate_digest.models import Qualifier
from stargate_digest.quantities.carry import money_from_context
from stargate_digest.quantities.currency import (
    CurrencyEvidence,
    CurrencyTerm,
    evidence,
    resolve_currency,
)
from stargate_digest.quantities.dates import DateHit, find_dates
from stargate_digest.quantities.fractions import fraction_mentions
from stargate_digest.quantities.joined import joined
from stargate_digest.quantities.lexicon import (
    COUNTER_WORDS,
    IMPLIED_NUMBERS,
    ORDINAL_DOT_LANGUAGES,
    ORDINAL_MARKERS,
    PERCENT_SIGNS,
    RANGE_DASHES,
    SCALE_WORDS,
    UP_TO_AFTER_CHANGE,
)
from stargate_digest.quantities.locale_facts import word_language
from stargate_digest.quantities.mention import Kind, Mention
from stargate_digest.quantities.numbers import NumberToken, number_at, number_tokens
from stargate_digest.quantities.patterns import (
    LETTER,
    SPACE,
    SPACES,
    Hit,
    digit_runs,
    is_letter,
)
from stargate_digest.quantities.ranges import range_high, range_words
from stargate_digest.quantities.vocabulary import (
    OtherUnit,
    Prefix,
    Scale,
    Tail,
    UnitTerm,
    Vocabulary,
    vocabulary,
)
from stargate_digest.text_words import TextWords, leading_words

_SALIENCE: tuple[Kind, ...] = (
    "money",
    "percent",
    "power",
    "energy",
    "area",
    "duration",
    "date",
    "count",
)
_PREFIX_WINDOW = 12
_QUALIFIER_WINDOW = 40
_YEARS = range(1900, 2101)

_MARKERS = "|".join(re.escape(marker) for marker in ORDINAL_MARKERS)
_NOT_A_QUANTITY_BEFORE = re.compile(rf"(?:\d[:/]|{LETTER}-|(?:{_MARKERS}){SPACE}?)\Z")
"""Times and fractions ("00:02:15", "1/2"), names ("COVID-19"), ranks ("第47", "No. 5")."""
_NOT_A_QUANTITY_AFTER = re.compile(r"[:/.,]\d")
"""Times, fractions, versions and addresses ("1.2.3")."""
_ORDINAL_DOT = re.compile(rf"\.{SPACE}+{LETTER}")
"""Between an amount and its restatement: an opening parenthesis, maybe a qualifier."""


@quick_init
@dataclass(frozen=True, slots=True)
class _Amount:
    """A number with its scale words applied, before any currency or unit."""

    value: Decimal
    end: int
    scale_word: str | None = None
    needs_currency: bool = False
    qualifier: Qualifier | None = None


# A currency symbol followed by digits introduces the next amount.
_DIGIT_AHEAD = re.compile(r"\s?\d")


def _inside(text: str, pos: int, vocab: Vocabulary) -> tuple[int, Qualifier | None]:
    """Skip a qualifier written inside the amount ("5000多亿", "5억여")."""
    hit = vocab.inside.match(text, pos)
    return (pos, None) if hit is None else (hit.end, hit.value)


def _scale_at(text: str, pos: int, vocab: Vocabulary, abbreviations: bool) -> Hit[Scale] | None:
    """A scale word at ``pos``, unless a longer unit starts there (zh '兆瓦' is MW, not 兆)."""
    scale = vocab.scales.match(text, pos)
    if scale is None or (scale.value.needs_currency and not abbreviations):
        return None
    unit = vocab.tails.match(text, pos)
    return None if unit is not None and unit.end > scale.end else scale


def _cjk_part(
    text: str, pos: int, language: str, vocab: Vocabulary, exponent: int
) -> tuple[Decimal, int, int | None] | None:
    """The next, smaller part of a CJK amount ("2000억" after "1조", "5000" in "1万5000")."""
    spaced = text.startswith(" ", pos)
    number = number_at(text, pos + spaced, language)
    if number is None:
        return None
    scale = _scale_at(text, number.end, vocab, abbreviations=False)
    if scale is not None and scale.value.exponent < exponent:
        power = scale.value.exponent
        inner = _inner_group(text, scale.end, language, vocab, exponent)
        if power < 4 and inner is not None:
            # "846조6천875억": 천 multiplies inside the 억 group (6천875억 = 6,875억)
            digits, end, power = inner
            return (
                (number.value * Decimal(10) ** scale.value.exponent + digits)
                * Decimal(10) ** power,
                end,
                power,
            )
        return number.value * Decimal(10) ** power, scale.end, power
    if scale is None and not spaced and number.value < Decimal(10) ** exponent:
        return number.value, number.end, None
    return None


def _inner_group(
    text: str, pos: int, language: str, vocab: Vocabulary, exponent: int
) -> tuple[Decimal, int, int] | None:
    """The digits and myriad unit that close a group begun with 천/千 ("875억" after
    "6천"): the digits, where the unit ends, and its power."""
    number = number_at(text, pos, language)
    if number is None:
        return None
    scale = _scale_at(text, number.end, vocab, abbreviations=False)
    if scale is None or not 4 <= scale.value.exponent < exponent:
        return None
    return number.value, scale.end, scale.value.exponent


def _amount(
    text: str, token: NumberToken, language: str, vocab: Vocabulary, abbreviations: bool
) -> _Amount:
    """The number times its scale words, and where the amount ends."""
    end, qualifier = _inside(text, token.end, vocab)
    scale = _scale_at(text, end, vocab, abbreviations)
    if scale is None:
        return _Amount(token.value, end, qualifier=qualifier)
    exponent: int | None = scale.value.exponent
    value = _regrouped(text, token) * Decimal(10) ** scale.value.exponent
    end = scale.end
    while vocab.compound_scales and exponent is not None:
        part = _cjk_part(text, end, language, vocab, exponent)
        if part is None:
            break
        value, end, exponent = value + part[0], part[1], part[2]
    end, later = _inside(text, end, vocab)
    word = text[scale.start : scale.end].lstrip(SPACES + "-")
    return _Amount(value, end, word, scale.value.needs_currency, later or qualifier)


def _tail(text: str, amount: _Amount, vocab: Vocabulary) -> Hit[Tail] | None:
    """The currency or unit after the amount; "de"/"d’" may lead to a currency after a scale.

    A currency reached through a connector is returned with its start after the
    connector, so the hit's text is the currency as written. A scale noun takes its
    measure the same way ("5 millions de mètres carrés", "4 millones de pies
    cuadrados"); not a duration, which a scale noun does not count in news copy.
    """
    if amount.scale_word is not None:
        connector = vocab.connectors.match(text, amount.end)
        if connector is not None:
            tail = vocab.tails.match(text, connector.end)
            if tail is not None and (
                isinstance(tail.value, CurrencyTerm)
                or (isinstance(tail.value, UnitTerm) and tail.value.kind != "duration")
            ):
                return tail
    tail = vocab.tails.match(text, amount.end)
    if tail is not None and _model_name(text, tail):
        return None
    return tail


def _model_name(text: str, tail: Hit[Tail]) -> bool:
    """A capital letter glued to digits ("50 000 H100") names a model, not a unit ("h")."""
    written = text[tail.start : tail.end].strip()
    return len(written) == 1 and written.isupper() and text[tail.end : tail.end + 1].isdigit()


def _currency_marks(
    text: str, prefix: Hit[Prefix] | None, tail: Hit[Tail] | None
) -> list[CurrencyEvidence]:
    return [
        evidence(hit.value, text[hit.start : hit.end])
        for hit in (prefix, tail)
        if hit is not None and isinstance(hit.value, CurrencyTerm)
    ]


def _qualifier(
    text: str, start: int, end: int, vocab: Vocabulary, floor: int, *, language: str = ""
) -> Qualifier:
    """How the words around a quantity hedge it ("over 6%", "environ 18,25", "6% 이상";
    after a CJK counter too: "900人以上", "900명 이상", where the counter stands between)."""
    before = vocab.before.ending_at(text, start, max(floor, start - _QUALIFIER_WINDOW))
    if before is not None:
        return before.value
    after = vocab.after.match(text, end)
    if after is None and language and (counter := _counter(language)) is not None:
        counted = counter.match(text, end)
        after = None if counted is None else vocab.after.match(text, counted.end())
    return Qualifier.EXACT if after is None else after.value


# "2.048 GPUs": a count has no fraction, so a single mark before three digits groups.
_ONE_GROUP = re.compile(r"[1-9]\d{0,2}[.,]\d{3}")
_PADDED = re.compile(r"[1-9]\d{0,2}[.,]\d\d0")


def _regrouped(text: str, token: NumberToken) -> Decimal:
    """Before a scale word, three digits ending in zero after one mark are a group in any
    locale: "6,600 millones" (Latin American Spanish) is 6,600 millions, since no paper
    pads a decimal with zeros before "millones"."""
    if _PADDED.fullmatch(text, token.start, token.end):
        return Decimal(re.sub(r"[.,]", "", text[token.start : token.end]))
    return token.value


# Tech copy glues a scale letter to a count before its noun ("671B parameters", "280K
# GPU hours"); before punctuation it is a name ("Llama 405B,"), and a single-digit K is
# a screen resolution ("4K").
_GLUED_SCALE = re.compile(r"([KMBT])(?=[ \u00a0]+[^\W\d_])")
_GLUED_POWERS = {"K": 3, "M": 6, "B": 9, "T": 12}


def _glued_scale(text: str, token: NumberToken, amount: _Amount) -> _Amount:
    glued = _GLUED_SCALE.match(text, amount.end)
    if glued is None or token.spelled or (glued[1] == "K" and token.value < 10):
        return amount
    power = Decimal(10) ** _GLUED_POWERS[glued[1]]
    return _Amount(amount.value * power, glued.end(), glued[1], qualifier=amount.qualifier)


def _is_embedded(text: str, token: NumberToken, floor: int) -> bool:
    """True when the number is part of a name, time, rank or version, not a quantity."""
    if _NOT_A_QUANTITY_BEFORE.search(text, max(floor, token.start - 4), token.start):
        return True
    return _NOT_A_QUANTITY_AFTER.match(text, token.end) is not None


def _glued_letter(text: str, pos: int) -> bool:
    """A letter right after a number makes it a name or an ordinal ("5G", "47th")."""
    return pos < len(text) and is_letter(text[pos])


@cache
def _change_words(language: str) -> re.Pattern[str] | None:
    stems = UP_TO_AFTER_CHANGE.get(word_language(language))
    return None if stems is None else re.compile(rf"(?<!\w)(?i:{stems})\w*")


def _after_change(text: str, start: int, language: str, qualifier: Qualifier) -> Qualifier:
    """An "up to" that follows a word of change in its sentence is the new figure."""
    change = _change_words(language)
    if qualifier is not Qualifier.UP_TO or change is None:
        return qualifier
    window = text[max(0, start - _CHANGE_WINDOW) : start]
    # a line break ends a sentence too: a heading above ("Empleo y crecimiento") has no stop
    sentence = re.split(r"[.;!?](?:\s|\Z)|\n", window)[-1]
    return Qualifier.EXACT if change.search(sentence) else qualifier


_CHANGE_WINDOW = 80


def _is_bare_number_noise(text: str, token: NumberToken, language: str) -> bool:
    """Bare years ("by 2028", "2025年") and German ordinals ("der 47. Präsident")."""
    written = text[token.start : token.end]
    if not written.isdigit():
        return False
    if len(written) == 4 and int(written) in _YEARS:
        return not _counted(text, token.end, language)  # "2000 名员工": 2,000 staff
    return (
        word_language(language) in ORDINAL_DOT_LANGUAGES
        and _ORDINAL_DOT.match(text, token.end) is not None
    )


@cache
def _counter(language: str) -> re.Pattern[str] | None:
    words = COUNTER_WORDS.get(word_language(language))
    if not words:
        return None
    # "2025人工知能…": 人工 (artificial) is a word of its own, not the counter 人.
    return re.compile(rf"{SPACE}?(?:{'|'.join(map(re.escape, words))})(?!(?<=人)工)")


def _counted(text: str, end: int, language: str) -> bool:
    """Whether a counter follows the number ("2000 名", "2000명"): it counts, whatever
    its digits look like."""
    counter = _counter(language)
    return counter is not None and counter.match(text, end) is not None


class _Reading(NamedTuple):
    kind: Kind
    unit: str
    value: Decimal
    candidates: tuple[str, ...] = ()
    reason: str | None = None


def _classify(
    text: str,
    token: NumberToken,
    language: str,
    *,
    amount: _Amount,
    term: Prefix | Tail | None,
    marks: list[CurrencyEvidence],
) -> _Reading | None:
    """What the amount measures, from its unit or currency; None when not reported."""
    if isinstance(term, OtherUnit):
        return None
    if isinstance(term, UnitTerm):
        if term.kind == "duration" and _is_bare_number_noise(text, token, language):
            return None
        return _Reading(term.kind, term.unit, amount.value * term.factor)
    if marks:
        resolution = resolve_currency(marks, language)
        return _Reading(
            "money", resolution.unit, amount.value, resolution.candidates, resolution.reason
        )
    if token.spelled and amount.value < 2:
        return None  # "one of the most", "un des": the word is rarely a count
    if amount.scale_word is None and _is_bare_number_noise(text, token, language):
        return None
    value = amount.value
    if amount.scale_word is None and _ONE_GROUP.fullmatch(text, token.start, token.end):
        value = Decimal(re.sub(r"[.,]", "", text[token.start : token.end]))
    return _Reading("count", "count", value)


_RANGE_NEXT = frozenset(SPACES + "".join(RANGE_DASHES))


# A percent sign right after the low end ("15%-20%", "15 % à 20 %").
_PERCENT_NEXT = re.compile(f"[{SPACES}]?[{''.join(PERCENT_SIGNS)}]")


def _range(  # noqa: PLR0917 (one private call site, in _read)
    text: str,
    token: NumberToken,
    low: _Amount,
    language: str,
    vocab: Vocabulary,
    floor: int,
    *,
    tail: Hit[Tail] | None,
) -> tuple[NumberToken, _Amount, Decimal] | None:
    """(high token, high amount, low value) when ``token`` opens a range, else None
    (``tail``: ``_tail(text, low, vocab)``, which the caller needs anyway)."""
    percent = _PERCENT_NEXT.match(text, low.end) is not None
    if low.end < len(text) and text[low.end] not in _RANGE_NEXT and not percent:
        return None  # the common case: no dash, space or CJK range mark follows
    low_tail = tail if low.scale_word is not None or percent else None
    low_end = low_tail.end if low_tail is not None else low.end
    high = range_high(
        text, token.start, low_end, language, vocab=vocab, floor=floor, spelled=token.spelled
    )
    if high is None or _is_embedded(text, high, floor):
        return None
    high_amount = _amount(text, high, language, vocab, abbreviations=True)
    high_tail = _tail(text, high_amount, vocab) if percent else None
    if percent and (high_tail is None or low_tail is None or high_tail.value != low_tail.value):
        return None  # "15% to $20": a sign on the low end needs the same on the high end
    if low.scale_word is None:
        # "15-25 billion": the low end takes the high end's scale.
        low_value = token.value * (high_amount.value / high.value) if high.value else token.value
    else:
        low_value = low.value
    if not low_value < high_amount.value:
        return None  # "2024-25", "10-5": not a range of one quantity
    return high, high_amount, low_value


def _read(
    text: str, token: NumberToken, language: str, vocab: Vocabulary, floor: int
) -> Mention | None:
    """The quantity around one number, or None when the number is not a quantity."""
    if _is_embedded(text, token, floor):
        return None
    prefix = vocab.prefixes.ending_at(text, token.start, max(floor, token.start - _PREFIX_WINDOW))
    if prefix is None and token.start > 0 and is_letter(text[token.start - 1]):
        return None
    amount = _amount(text, token, language, vocab, abbreviations=True)
    tail = _tail(text, amount, vocab)  # read once: a range's low end needs it too
    ranged = _range(text, token, amount, language, vocab, floor, tail=tail)
    if ranged is not None:
        return _read_range(
            text, token, language, vocab=vocab, floor=floor, prefix=prefix, ranged=ranged
        )
    marks = _currency_marks(text, prefix, tail)
    if amount.needs_currency and not marks:
        amount = _amount(text, token, language, vocab, abbreviations=False)
        tail = _tail(text, amount, vocab)
        marks = _currency_marks(text, prefix, tail)
    if tail is None and not marks and amount.scale_word is None:
        amount = _glued_scale(text, token, amount)
        tail = _tail(text, amount, vocab)
    if tail is None and _glued_letter(text, amount.end):
        return None
    if token.spelled and tail is not None and _DIGIT_AHEAD.match(text, tail.end):
        return None  # "cada uma US$ 3,5 bilhões": the symbol belongs to the digits after it
    term = tail.value if tail is not None else prefix.value if prefix is not None else None
    reading = _classify(text, token, language, amount=amount, term=term, marks=marks)
    if reading is None:
        return None
    start = prefix.start if prefix is not None else token.start
    end = tail.end if tail is not None else amount.end
    return Mention(
        kind=reading.kind,
        value=float(reading.value),
        unit=reading.unit,
        currency_candidates=reading.candidates,
        currency_resolution=reading.reason,
        qualifier=amount.qualifier
        or _after_change(
            text, start, language, _qualifier(text, start, end, vocab, floor, language=language)
        ),
        start=start,
        end=end,
        surface=text[start:end],
        scale_word=amount.scale_word,
        spelled=token.spelled,
    )


def _read_range(
    text: str,
    token: NumberToken,
    language: str,
    *,
    vocab: Vocabulary,
    floor: int,
    prefix: Hit[Prefix] | None,
    ranged: tuple[NumberToken, _Amount, Decimal],
) -> Mention | None:
    """A range: the unit and currency written around it apply to both ends."""
    high, amount, low_value = ranged
    tail = _tail(text, amount, vocab)
    marks = _currency_marks(text, prefix, tail)
    if tail is None and _glued_letter(text, amount.end):
        return None
    term = tail.value if tail is not None else prefix.value if prefix is not None else None
    reading = _classify(text, high, language, amount=amount, term=term, marks=marks)
    if reading is None or (
        reading.kind == "count"
        and amount.scale_word is None
        and (_is_bare_number_noise(text, token, language))
    ):
        return None
    factor = reading.value / amount.value if amount.value else Decimal(1)
    start = prefix.start if prefix is not None else token.start
    end = tail.end if tail is not None else amount.end
    return Mention(
        kind=reading.kind,
        value=float(low_value * factor),
        value_max=float(reading.value),
        unit=reading.unit,
        currency_candidates=reading.candidates,
        currency_resolution=reading.reason,
        qualifier=amount.qualifier or _qualifier(text, start, end, vocab, floor, language=language),
        start=start,
        end=end,
        surface=text[start:end],
        scale_word=amount.scale_word,
    )


def _date_mention(text: str, hit: DateHit, vocab: Vocabulary) -> Mention:
    return Mention(
        kind="date",
        value=hit.value,
        unit="date",
        qualifier=_qualifier(text, hit.start, hit.end, vocab, 0),
        start=hit.start,
        end=hit.end,
        surface=text[hit.start : hit.end],
    )


@cache
def _implied_pattern(language: str) -> re.Pattern[str] | None:
    """Scale words with no digits before them, after the words that stand for a number;
    with no such word, only a phrase of two scale words ("mil millones")."""
    words = IMPLIED_NUMBERS.get(language)
    if not words:
        return None
    scales = sorted(SCALE_WORDS[language], key=len, reverse=True)
    single = "|".join(re.escape(w) for w in scales if len(w) > 3)
    double = "|".join(re.escape(w) for w in scales if " " in w)
    leads = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True) if w)
    options = []
    if leads:
        options.append(rf"\b(?P<lead>(?i:{leads})){SPACE}+(?=(?:{single})\b)")
    if "" in words and double:
        options.append(rf"\b(?=(?:{double})\b)")
    return re.compile("|".join(options)) if options else None


@cache
def _implied_leads(language: str) -> frozenset[str] | None:
    """The words a match of ``_implied_pattern`` can stand on: each match starts a word
    (its \b) followed by a scale word or phrase; the lead words are matched ignoring case,
    so the scale words are the ones to look for (text_words.leading_words)."""
    scales = SCALE_WORDS[language]
    single = {w for w in scales if len(w) > 3}
    double = {w for w in scales if " " in w}
    if not single or not double:
        return None  # a branch with an empty alternation could match anywhere: search
    return leading_words(single | double)


def _implied_tokens(
    text: str, language: str, read: TextWords | None = None
) -> Iterator[NumberToken]:
    """ "a billion", "half a million", "mil millones": the number the words stand for.

    ``read``: ``text_words(text)``; a text none of whose words is a scale word is not
    searched (every match is followed by one, at a word's start)."""
    words = word_language(language)
    pattern = _implied_pattern(words)
    if pattern is None or (read is not None and not read.may_open(_implied_leads(words))):
        return
    for match in pattern.finditer(text):
        lead = (match.groupdict().get("lead") or "").strip().casefold()
        if _NUMBER_BEFORE.search(text, max(0, match.start() - 12), match.start()):
            continue  # "dos mil millones", "2 billion": the number before is read
        value = IMPLIED_NUMBERS[words].get(lead, IMPLIED_NUMBERS[words].get(""))
        if value is None:
            continue
        end = match.start() + len((match.groupdict().get("lead") or "").rstrip())
        yield NumberToken(match.start(), end, Decimal(value), spelled=True)


# A digit or a number word (ending in one of these) right before a scale phrase.
_NUMBER_BEFORE = re.compile(
    r"(?:\d|\b(?:un|uno|una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|deux|trois|"
    r"quatre|cinq|sept|huit|neuf|dix|due|tre|cinque|sei|sette|otto|nove|dieci)|"
    r"(?:ientos|ientas|cents|cento|enta|inta|ante|ente|ta|te|ze|ce))[\s\u00a0]+$",
    re.IGNORECASE,
)


# A sort key read in C: a lambda is a Python call per item.
_START = attrgetter("start")


def find_mentions(text: str, language: str, words: TextWords | None = None) -> list[Mention]:
    """Every quantity mention in running text, in order of position.

    ``language`` is an ISO 639-1 code or tag ('fr', 'pt-PT'); it decides separators,
    scale words (en billion = 1e9, de Billion = 1e12) and which currency a bare symbol
    means. Languages without word tables are read with the English ones. ``words``:
    ``text_words(text)``, when the caller has them already (the searches for number
    words and scale phrases are skipped in a text with none of their words).
    """
    vocab = vocabulary(word_language(language))
    runs = digit_runs(text)  # one pass over the text for the dates and the numbers
    dates = find_dates(text, language, runs)
    mentions = [_date_mention(text, hit, vocab) for hit in dates]
    floor = 0
    upcoming = iter(dates)
    next_date = next(upcoming, None)
    # Sorted, stably: what heapq.merge of the two (each in order) gives, in fewer steps.
    tokens = sorted(
        [*number_tokens(text, language, runs, words), *_implied_tokens(text, language, words)],
        key=_START,
    )
    for token in tokens:
        while next_date is not None and next_date.end <= token.start:
            floor = max(floor, next_date.end)
            next_date = next(upcoming, None)
        if token.start < floor or (next_date is not None and next_date.start < token.end):
            continue
        mention = _read(text, token, language, vocab, floor)
        if mention is not None:
            mentions.append(mention)
            floor = mention.end
    fractions = list(fraction_mentions(text, word_language(language)))
    if fractions:  # "3분의 2": a share, whose digits count nothing
        mentions = [m for m in mentions if not _within(m, fractions)] + fractions
    mentions.sort(key=_START)
    mentions = joined(text, mentions, word_language(language))  # "5년 6개월", "四五個月"
    joiners = range_words(word_language(language)).joiners
    return money_from_context(text, mentions, language, joiners)


def _within(mention: Mention, spans: list[Mention]) -> bool:
    return any(span.start <= mention.start and mention.end <= span.end for span in spans)


def parse_quantity(span: str, language: str) -> Mention | None:
    """The most salient quantity in a short span such as a claim's quote.

    Money beats percent, then power, area, duration, date and count; among equals the
    first wins. None when the span holds no quantity.
    """
    mentions = find_mentions(span, language)
    if not mentions:
        return None
    return min(mentions, key=lambda mention: _SALIENCE.index(mention.kind))

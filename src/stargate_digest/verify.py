"""Deterministic checks of every claim, whoever proposed it.

Grounding: the quote must be found in the article (exact, then normalised, then fuzzy)
and the claim's offsets are set from where it was found. Numbers: the quote is parsed
again by the project's own quantity parser and must contain the claimed value and unit.
A claim that fails either check is kept, marked ``verified=False`` and explained.
"""

from __future__ import annotations

import hashlib
import math
import re
import unicodedata
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from functools import cache, lru_cache
from importlib import resources

from stargate_digest.data_tables import bundled_toml
from stargate_digest.models import Alignment, Article, Claim
from stargate_digest.quantities import Mention, find_mentions
from stargate_digest.quantities.locale_facts import generated_data
from stargate_digest.required_text import finder, fold, required_literals
from stargate_digest.segment import Sentences

FUZZY_MIN_RATIO = 0.85
INSTRUCTION_NOTE = "the quote is in a sentence that gives instructions to the reader or model"
RELATIVE_TOLERANCE = 1e-6

_EQUIVALENT_CHARS = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u2032": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"',
        "\u2013": "-", "\u2014": "-", "\u2212": "-", "\u2011": "-",
    }
)  # fmt: skip


_INSTRUCTION_FLAGS = re.IGNORECASE | re.DOTALL


@lru_cache(maxsize=1)
def _instructions_toml() -> str:
    return resources.files("stargate_digest.data").joinpath("instructions.toml").read_text("utf-8")


@lru_cache(maxsize=1)
def _instruction_alternatives() -> tuple[str, ...]:
    return tuple(
        pattern.replace("@A@", table["addressees"])
        for table in bundled_toml("instructions.toml").values()
        for pattern in table["patterns"]
    )


@lru_cache(maxsize=1)
def _instruction_wordings() -> tuple[tuple[str, tuple[str, ...] | None], ...]:
    """Each wording's regex and the folded words one of which any match of it contains
    (None: it needs none that can be told).

    Deriving the words parses every wording (~12 ms per process), so they are stored in
    ``data/generated.json`` with the SHA-256 of the wordings file they come from; a file
    edited since is read afresh.
    """
    wordings = _instruction_alternatives()
    stored = generated_data().get("instruction_words", {})
    if stored.get("sha256") == _instructions_sha256() and len(stored["words"]) == len(wordings):
        return tuple(
            (wording, None if words is None else tuple(words))
            for wording, words in zip(wordings, stored["words"], strict=True)
        )
    return derived_instruction_wordings()


def derived_instruction_wordings() -> tuple[tuple[str, tuple[str, ...] | None], ...]:
    """:func:`_instruction_wordings` read from the wordings themselves."""
    wordings = _instruction_alternatives()
    needed = [required_literals(wording, _INSTRUCTION_FLAGS) for wording in wordings]
    # Sorted: the table in data/generated.json stays the same from run to run.
    return tuple(
        (wording, None if words is None else tuple(sorted(words)))
        for wording, words in zip(wordings, needed, strict=True)
    )


def _instructions_sha256() -> str:
    return hashlib.sha256(_instructions_toml().encode()).hexdigest()


def instruction_words_table() -> dict[str, object]:
    """What scripts/generate_data.py stores for :func:`_instruction_wordings`."""
    return {
        "sha256": _instructions_sha256(),
        "words": [None if w is None else list(w) for _, w in derived_instruction_wordings()],
    }


@cache
def _wording_pattern(wording: str) -> re.Pattern[str]:
    return re.compile(wording, _INSTRUCTION_FLAGS)


def _normalized_with_map(text: str) -> tuple[str, list[int]]:
    """Case-folded text with unified quotes and single spaces, and where each char came from."""
    chars: list[str] = []
    origin: list[int] = []
    previous_space = False
    for index, char in enumerate(text):
        folded = unicodedata.normalize("NFKC", char).translate(_EQUIVALENT_CHARS).casefold()
        if not folded or folded.isspace():
            if not previous_space and chars:
                chars.append(" ")
                origin.append(index)
            previous_space = True
            continue
        previous_space = False
        for piece in folded:
            chars.append(piece)
            origin.append(index)
    return "".join(chars), origin


def _closest(positions: Iterable[int], hint: int | None) -> int | None:
    ordered = list(positions)
    if not ordered:
        return None
    return ordered[0] if hint is None else min(ordered, key=lambda p: abs(p - hint))


def _occurrences(haystack: str, needle: str) -> list[int]:
    found: list[int] = []
    position = haystack.find(needle) if needle else -1
    while position >= 0:
        found.append(position)
        position = haystack.find(needle, position + 1)
    return found


def align_quote(
    text: str, quote: str, hint: int | None = None
) -> tuple[int, int, Alignment] | None:
    """Where ``quote`` stands in ``text``: (start, end, how it was found), or None.

    With several occurrences, the one nearest ``hint`` (a proposed start) wins.
    """
    start = _closest(_occurrences(text, quote), hint)
    if start is not None:
        return start, start + len(quote), Alignment.EXACT
    norm_text, origin = _normalized_with_map(text)
    norm_quote, _ = _normalized_with_map(quote)
    norm_quote = norm_quote.strip()
    if not norm_quote:
        return None
    found = _closest(_occurrences(norm_text, norm_quote), None if hint is None else hint)
    if found is not None:
        last = origin[found + len(norm_quote) - 1]
        return origin[found], last + 1, Alignment.NORMALIZED
    fuzzy = _fuzzy(norm_text, origin, norm_quote)
    return None if fuzzy is None else _whole_words(text, *fuzzy)


def _whole_words(text: str, start: int, end: int, how: Alignment) -> tuple[int, int, Alignment]:
    """A fuzzy window widened to whole words: a quote never starts or ends mid-word."""
    while start > 0 and text[start - 1].isalnum() and text[start].isalnum():
        start -= 1
    while end < len(text) and text[end].isalnum() and text[end - 1].isalnum():
        end += 1
    return start, end, how


def _fuzzy(norm_text: str, origin: list[int], norm_quote: str) -> tuple[int, int, Alignment] | None:
    """Best window around the longest shared run, accepted at a similarity of 0.85."""
    from difflib import SequenceMatcher  # only for a quote not found as it is (~5 ms)

    matcher = SequenceMatcher(None, norm_text, norm_quote, autojunk=False)
    best: tuple[float, int, int] | None = None
    for block in matcher.get_matching_blocks():
        if block.size < max(4, len(norm_quote) // 5):
            continue
        begin = max(0, block.a - block.b)
        end = min(len(norm_text), begin + len(norm_quote))
        ratio = SequenceMatcher(None, norm_text[begin:end], norm_quote).ratio()
        if best is None or ratio > best[0]:
            best = (ratio, begin, end)
    if best is None or best[0] < FUZZY_MIN_RATIO:
        return None
    _, begin, end = best
    return origin[begin], origin[end - 1] + 1, Alignment.FUZZY


def _same_number(a: float, b: float) -> bool:
    # relative only: a float round trip never turns a figure into zero, so nothing near
    # zero is "the same" as zero ("0.000000001 %" is not "0 %")
    return math.isclose(a, b, rel_tol=RELATIVE_TOLERANCE)


def _supports(mention: Mention, claim: Claim) -> bool:
    if isinstance(claim.value, str) or isinstance(mention.value, str):
        return claim.value == mention.value
    if not _same_number(float(mention.value), float(claim.value or 0.0)):
        return False
    # A range claim needs the range in the quote, and a range in the quote is not one
    # value: "$15-25 billion" supports neither "$15 billion" nor "$25 billion" alone.
    if (mention.value_max is None) != (claim.value_max is None):
        return False
    if (
        mention.value_max is not None
        and claim.value_max is not None  # both or neither, by the test above
        and not _same_number(mention.value_max, claim.value_max)
    ):
        return False
    if mention.unit == claim.unit:
        return True
    # A currency the quote leaves open supports any of its candidates (a claim in "XXX"
    # too: equal units, above), or any currency when the quote names none at all.
    return mention.unit == "XXX" and (
        not mention.currency_candidates or claim.unit in mention.currency_candidates
    )


YEAR_ONLY = re.compile(r"\d{4}")


@lru_cache(maxsize=1024)
def _mentions(quote: str, language: str) -> tuple[Mention, ...]:
    """Claims often share a quote (distributive figures, equivalents): parse it once."""
    return tuple(find_mentions(quote, language))


Found = tuple[int, int]
"""Where the supporting figure stands inside the quote: [start, end) offsets."""


def find_support(
    claim: Claim, language: str, mentions: Sequence[Mention] | None = None, base: int = 0
) -> tuple[str | None, Found | None]:
    """(None, the figure's span in the quote) when the quote holds the claimed figure;
    otherwise (why not, None). ``mentions`` are the quote's, when already known, with
    offsets counted from ``base`` (the quote's start in the text they were read in)."""
    if claim.value is None:
        return None, None
    if claim.unit == "date" and isinstance(claim.value, str) and YEAR_ONLY.fullmatch(claim.value):
        year = claim.value
        found = re.search(rf"(?<!\d){year}(?!\d)", claim.quote)
        if found is not None:
            return None, (found.start(), found.end())
    if mentions is None:  # read from the quote itself: offsets already count from it
        mentions, base = _mentions(claim.quote, language), 0
    if claim.unit == "date" and isinstance(claim.value, str) and YEAR_ONLY.fullmatch(claim.value):
        # the parser's own reading of a year written in two digits ("33年末": end of 2033)
        for mention in mentions:
            if mention.kind == "date" and mention.value == claim.value:
                return None, (mention.start - base, mention.end - base)
        return f"the quote does not contain the year {claim.value}", None
    for mention in mentions:
        if _supports(mention, claim):
            return None, (mention.start - base, mention.end - base)
    if not mentions:
        return "the quote contains no figure", None
    seen = ", ".join(_figure(m.value, m.unit, m.value_max) for m in mentions)
    said = _figure(claim.value, claim.unit, claim.value_max)
    return f"the quote says {seen}, not {said}", None


def number_support(claim: Claim, language: str) -> str | None:
    """None when the quote contains the claimed figure; otherwise why it does not."""
    return find_support(claim, language)[0]


def _figure(value: float | str, unit: str | None, value_max: float | None = None) -> str:
    number = value if isinstance(value, str) else f"{float(value):,.15g}"
    if value_max is not None:
        number = f"{number}-{value_max:,.15g}"
    return f"{number} {unit or ''}".strip()


@lru_cache(maxsize=8)
def _sentences(text: str, language: str | None = None) -> Sentences:
    return Sentences(text, language)


def instruction_like(text: str, start: int, end: int, sentences: Sentences | None = None) -> bool:
    """Whether a sentence of ``text`` that [start, end) touches addresses a reader, a model
    or a summariser (gives instructions) instead of reporting."""
    sentences = sentences or _sentences(text)
    first, last = sentences.containing(start), sentences.containing(max(start, end - 1))
    return _instructs(text, first.start, max(first.end, last.end))


@lru_cache(maxsize=256)
def _instructs(text: str, start: int, end: int) -> bool:
    """Claims share sentences: each sentence is searched once. A sentence with none of
    the words any instruction needs is not searched at all (required_text.py: the regex
    costs about a microsecond per character, the word test a small fraction of that)."""
    folded = fold(text[start:end])
    needed = _instruction_words()
    if needed is not None and not needed.search(folded):
        return False
    # The whole alternation matches where one of its wordings does: only the wordings
    # whose words the sentence holds are compiled (one each, ~1 ms, not ~10 ms for all).
    return any(
        _wording_pattern(wording).search(text, start, end)
        for wording, words in _instruction_wordings()
        if words is None or any(word in folded for word in words)
    )


@lru_cache(maxsize=1)
def _instruction_words() -> re.Pattern[str] | None:
    """Finds, in folded text, the words of which any instruction holds one (read from the
    wordings' sources: a wording is compiled only for a sentence that has one of its words)."""
    wordings = _instruction_wordings()
    if any(words is None for _, words in wordings):
        return None
    return finder(tuple(sorted({word for _, words in wordings for word in words or ()})))


def _as_of_support(
    claim: Claim,
    article: Article,
    sentences: Sentences,
    article_mentions: list[Mention] | None,
    mention_starts: list[int] | None = None,
) -> bool:
    """Whether the quote's sentence states the date or period the claim says it is as of."""
    if claim.as_of is None:
        return True
    first, last = sentences.containing(claim.start), sentences.containing(max(0, claim.end - 1))
    start, end = min(first.start, claim.start), max(last.end, claim.end)
    sentence = article.text[start:end]
    if YEAR_ONLY.fullmatch(claim.as_of):
        return re.search(rf"(?<!\d){claim.as_of}(?!\d)", sentence) is not None
    if article_mentions is not None:
        starts = mention_starts or [m.start for m in article_mentions]
        dates: Sequence[Mention] = _inside(article_mentions, starts, start, end)
    else:
        dates = _mentions(sentence, article.language)
    return any(
        m.kind == "date" and isinstance(m.value, str) and m.value.startswith(claim.as_of)
        for m in dates
    )


def verify_claim(
    claim: Claim,
    article: Article,
    *,
    sentences: Sentences | None = None,
    article_mentions: list[Mention] | None = None,
    mention_starts: list[int] | None = None,
) -> Claim:
    """The claim with offsets, alignment and verification set from the article itself.

    A quote from a sentence that gives instructions ("ignore previous instructions and
    report ...") grounds nothing: the figure is the injection's, not the article's.
    ``figure_start``/``figure_end`` are set to the figure that supports the value; an
    ``as_of`` the quote's sentence does not state is dropped. ``sentences`` and
    ``article_mentions`` (the parser's reading of the whole article) save the work of
    reading the text again; a mention is only reused for an exactly aligned quote.
    ``mention_starts``: each of ``article_mentions``' start, when the caller has them
    (verify_claims: listed once per article, not once per claim).
    """
    if article_mentions is not None and mention_starts is None:
        mention_starts = [m.start for m in article_mentions]
    if claim.quote and article.text.startswith(claim.quote, claim.start):
        # The quote is where the claim says (the rules backend's claims always are):
        # the occurrence nearest the proposed offset is that one.
        located: tuple[int, int, Alignment] | None = (
            claim.start,
            claim.start + len(claim.quote),
            Alignment.EXACT,
        )
    else:
        located = align_quote(article.text, claim.quote, claim.start)
    if located is None:
        return claim.model_copy(
            update={
                "alignment": Alignment.NOT_FOUND,
                "verified": False,
                "verification_note": "the quote is not in the article",
                "figure_start": None,
                "figure_end": None,
            }
        )
    start, end, alignment = located
    update: dict[str, object] = {
        "start": start,
        "end": end,
        "alignment": alignment,
        "quote": article.text[start:end],
    }
    grounded = claim.model_copy(update=update) if alignment is not Alignment.EXACT else claim
    if grounded is claim and (claim.start, claim.end) != (start, end):
        grounded = claim.model_copy(update=update)
    known = None
    if article_mentions is not None and alignment is Alignment.EXACT:
        known = _inside(article_mentions, mention_starts or [], start, end)
    problem, figure = find_support(grounded, article.language, known, start)
    if problem is not None and known is not None:
        problem, figure = find_support(grounded, article.language)  # read the quote alone
    sentences = sentences or _sentences(article.text, article.language)
    if instruction_like(article.text, start, end, sentences):
        problem = INSTRUCTION_NOTE
    update["verified"] = problem is None
    update["verification_note"] = problem
    update["figure_start"] = start + figure[0] if figure else None
    update["figure_end"] = start + figure[1] if figure else None
    if not _as_of_support(grounded, article, sentences, article_mentions, mention_starts):
        update["as_of"] = None
    # Already so (most claims of the rules backend): copying costs more. Every field is in
    # the model's __dict__; the items views compare each pair in C (no generator step).
    if update.items() <= claim.__dict__.items():
        return claim
    return claim.model_copy(update=update)


def _inside(mentions: list[Mention], starts: list[int], start: int, end: int) -> list[Mention]:
    """The mentions (sorted by start; ``starts`` theirs) that lie wholly within [start, end)."""
    first = bisect_left(starts, start)
    found = []
    for mention in mentions[first:]:
        if mention.start >= end:
            break
        if mention.end <= end:
            found.append(mention)
    return found


def verify_claims(
    claims: Iterable[Claim],
    article: Article,
    *,
    sentences: Sentences | None = None,
    article_mentions: list[Mention] | None = None,
) -> list[Claim]:
    """Every claim verified against ``article`` (see verify_claim for the shortcuts)."""
    sentences = sentences or Sentences(article.text, article.language)
    starts = None if article_mentions is None else [m.start for m in article_mentions]
    return [
        verify_claim(
            c,
            article,
            sentences=sentences,
            article_mentions=article_mentions,
            mention_starts=starts,
        )
        for c in claims
    ]

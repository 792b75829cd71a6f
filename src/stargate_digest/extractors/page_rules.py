"""General rules of news pages the rules extractor applies to candidate figures.

Each rule is about how news copy is written in general, never about one story, site or
value: a number that is part of a name, a figure in page furniture, the part of the
story a whole article is about.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import cache

from stargate_digest.data_tables import bundled_toml
from stargate_digest.extractors.clause_rules import COORDINATORS
from stargate_digest.extractors.named_again import speaks_of_facility
from stargate_digest.extractors.scope_words import KOREAN_PARTICLES
from stargate_digest.quantities import Mention
from stargate_digest.quantities.lexicon import OTHER_UNIT_WORDS
from stargate_digest.quantities.locale_facts import word_language
from stargate_digest.quantities.patterns import CJK, alternation
from stargate_digest.segment import Span, abbreviations
from stargate_digest.terms import TermHit

# A capitalised Latin word (or an initialism such as "S&P") right before a bare number:
# the number is part of a name ("Llama 3", "Nasdaq 100", "Fab 21", "Intel 4 process").
# The name may touch Japanese, Chinese or Korean text ("出力を持つTitan 350タービン"): a
# kana, Han or Hangul letter before it is no part of it.
_NAME_BEFORE = re.compile(rf"(?<![&.-])(?<![^\W{CJK}])([A-Z][\w&.-]*)[ \u00a0]$")
# Where a sentence or a line opens, a capital says nothing about a name.
_OPENING = re.compile(r"(?:^|[.!?:;\n\"“«(]\s*)$")
# German capitalises every noun, so a capital there does not mark a name.
_NOUN_CAPITALS = frozenset({"de"})
_HYPHENATED = re.compile(r"-\w")
_HYPHENATED_BEFORE = re.compile(r"\w-")
_LOOKBEHIND = 40
_ABBREVIATION_BEFORE = re.compile(r"(?<![\w.])(\w+)\.?$")


# A word written in Hangul or katakana glued to the digits, or joined by a hyphen, makes
# them a name's number ("콜로서스1 시설", "액션뉴스5가", "그락-1을", "タイタン350タービン"):
# Korean puts a space between a noun and the count of it ("발전소 3기"), and both write
# what a count counts after it, as a counter ("タービン12基", "5개"), which stays a count.
# Only a particle (Korean) or more kana (Japanese) may follow a name's number.
_PHONETIC_NAME_BEFORE: dict[str, re.Pattern[str]] = {
    "ko": re.compile(r"[가-힣]{2}-?$"),
    "ja": re.compile(r"[ァ-ヺー]{2}-?$"),
}
_HANGUL_AFTER = re.compile(r"[가-힣]+")
# After a Japanese count, a Han counter or unit (基, 人, 号) or a kana one (カ所).
_JAPANESE_COUNTER_AFTER = re.compile(r"[\u3400-\u9fff\uf900-\ufaffヵヶ]|[カか]所")


def _glued_to_phonetic_name(text: str, mention: Mention, language: str) -> bool:
    """Whether a count is the number of a name written in Hangul or katakana."""
    before = _PHONETIC_NAME_BEFORE.get(language)
    if before is None or before.search(text, max(0, mention.start - 3), mention.start) is None:
        return False
    if language == "ja":
        return _JAPANESE_COUNTER_AFTER.match(text, mention.end) is None
    after = _HANGUL_AFTER.match(text, mention.end)
    return after is None or after.group() in KOREAN_PARTICLES


# A small number written with one zero after its point is a version, in any script
# ("Industry 4.0", "Web 3.0", "인더스트리 4.0"): no one counts 4.0 things. Not "1.000",
# a thousand in German grouping.
_VERSION = re.compile(r"(?<![\d.,])\d{1,2}\.0\Z")


# Scripts whose unit words are no words of their own (Japanese 年, Chinese 月 after a
# number of a date): the pair rule below reads only the spaced languages.
_UNSPACED_UNITS = frozenset({"ja", "zh", "ko"})


@cache
def _paired_measure(language: str) -> re.Pattern[str] | None:
    units = OTHER_UNIT_WORDS.get(language)
    if not units or language in _UNSPACED_UNITS:
        return None
    joins = alternation(COORDINATORS.get(language, ()))
    return re.compile(
        rf"\s*(?:{joins}|[-–])\s*\d[\d.,]*\s*-?(?:{alternation(units)})(?!\w)", re.IGNORECASE
    )


def pairs_a_measure(text: str, mention: Mention, language: str) -> bool:
    """Whether a bare count is the first of two numbers joined before a unit the contract
    does not report ("12 and 16 nanometer chips", "3 or 4 hours"): the unit is both
    numbers', and the first counts nothing."""
    if mention.kind != "count" or mention.scale_word is not None:
        return False
    pattern = _paired_measure(word_language(language))
    return pattern is not None and pattern.match(text, mention.end) is not None


def is_name_number(text: str, mention: Mention, language: str) -> bool:
    """Whether a bare count is a name's number or a version, not a count of anything.

    A count has no fraction unless a scale word carries it ("3.5 assistants" names a
    version, "1.5 million" is a count), a number right after a capitalised word
    that does not open its sentence belongs to that name, and so does one glued to a
    word in Hangul or katakana (``_PHONETIC_NAME_BEFORE``).
    """
    if mention.kind != "count" or mention.scale_word is not None or mention.spelled:
        return False
    if isinstance(mention.value, float) and not mention.value.is_integer():
        return True
    if _VERSION.search(mention.surface):
        return True
    lang = word_language(language)
    if lang in _NOUN_CAPITALS:
        return False
    if _glued_to_phonetic_name(text, mention, lang):
        return True
    before = text[max(0, mention.start - _LOOKBEHIND) : mention.start]
    name = _NAME_BEFORE.search(before)
    if name is None:
        return False
    opening = _OPENING.search(before, 0, name.start())
    if opening is None:
        return True
    # "(vs. Llama 3's 30.8M GPU hours)": a dot after an abbreviation opens no sentence
    abbreviation = _ABBREVIATION_BEFORE.search(before, 0, opening.start() + 1)
    return abbreviation is not None and abbreviation[1].casefold() in abbreviations(language)


# A number that picks out or names one of several, not how many there are (fourth turn):
# Korean writes the ordinal of a phase, a round or a numbered thing with a bound noun
# after the digits ("1단계 투자", phase 1; "2차 협상", the second round; "1호 공장",
# plant No. 1; "3번째", the third), and a road's number with 번 ("31번 도로"); Chinese
# picks the first or top few with 前 ("前10名", the top ten; "前三家", the first three)
# and Japanese and Korean with 上位 / 상위. 코로나19 (코로나 19) is the Korean name of
# COVID-19, whose number the Latin rule already reads as part of the name.
# Japanese numbers one of several with 号 (No. 2: "2号機", the second unit), 番目 (the
# third, and つ目: "2つ目の工場", the second plant) and the lots of an address (番地, 丁目:
# "ロード2875番地"). A number glued to the word for a plant names it ("1공장", "熊本2廠":
# Korean and Chinese count plants with a counter, "공장 2곳", "2座工廠"). A count before a
# counter and "per" is a rate's unit, not how many there are ("1基あたり16MW", 16 MW per
# turbine; "1기당"; "1人当たり").
_ORDINAL_AFTER: dict[str, re.Pattern[str]] = {
    "ko": re.compile(
        r"[ \u00a0]?(?:번째|단계|차|호)(?![가-힣])|[ \u00a0]?번[ \u00a0]?"
        r"(?:도로|국도|고속도로|지방도|출구|게이트|버스|노선)|[가-힣]?당(?![가-힣])|공장"
    ),
    "ja": re.compile(r"[ \u00a0]?(?:号|番地|番目|丁目)|つ目|[^\W\d]{0,2}?(?:あたり|当たり)"),
    "zh": re.compile(r"[廠厂](?!商)"),
}
_SELECTION_BEFORE: dict[str, re.Pattern[str]] = {
    # 前 opens many words that end right before a number ("目前3座", "提前3年"): only a
    # 前 after a break, 的 or 其 ("排行榜的前10名") is the word "the first / top".
    "zh": re.compile(r"(?:^|(?<=[\s,，、。；;:：「『“”(（的其]))前[ \u00a0]?$"),
    "ja": re.compile(r"上位[ \u00a0]?$"),
    "ko": re.compile(r"(?:상위[ \u00a0]?|(?<![가-힣])코로나[ \u00a0]?)$"),
}
_SELECTION_REACH = 4


# A tally or a score: two small numbers joined by a dash, the second the smaller, which
# no range is written as ("the 6-1 vote", "won 3–1"): the votes
# for and against, not two counts of anything.
_TALLY_AFTER = re.compile(r"[-–](\d{1,2})(?![\d.,%])")
_TALLY_BEFORE = re.compile(r"(?<![\d.,])(\d{1,2})[-–]\Z")


def _in_a_tally(text: str, mention: Mention) -> bool:
    if not 0 <= float(mention.value) < 100 or mention.end - mention.start > 2:
        return False
    after = _TALLY_AFTER.match(text, mention.end)
    before = _TALLY_BEFORE.search(text, max(0, mention.start - 3), mention.start)
    return (after is not None and int(after[1]) < float(mention.value)) or (
        before is not None and int(before[1]) > float(mention.value)
    )


def is_ordinal_number(text: str, mention: Mention, language: str) -> bool:
    """Whether a count is an ordinal, a name's number, a "top N", one side of a tally or
    the unit of a rate ("1基あたり"), which count nothing."""
    if mention.kind != "count" or mention.scale_word is not None:
        return False
    if _in_a_tally(text, mention):
        return True
    lang = word_language(language)
    after = _ORDINAL_AFTER.get(lang)
    if after is not None and after.match(text, mention.end) is not None:
        return True
    before = _SELECTION_BEFORE.get(lang)
    window = text[max(0, mention.start - _SELECTION_REACH) : mention.start]
    return before is not None and before.search(window) is not None


# A year right beside a percentage is when that share is to be reached ("to 10% by 2035",
# "al 10% para 2035", "成长至 2035 年的约 10%", "35年までに約10%"): the share's time (its
# as_of), not a date of its own. Money keeps its year ("到 2030 年投资 500 亿美元" is
# also when the money is spent, and reported so).
_PERCENT_BEFORE = re.compile(r"[%％][ \u00a0]?[^\W\d]{0,5}(?:['’][^\W\d]{1,5})?[ \u00a0]?\Z")
_PERCENT_AFTER = re.compile(
    r"[ \u00a0]?(?:末|初め|中)?(?:的|までに|까지)[ \u00a0]?(?:[约約]|약)?[ \u00a0]?"
    r"\d[\d.,]*[ \u00a0]?[%％]"
)
_PERCENT_REACH = 12


def times_a_percentage(text: str, mention: Mention) -> bool:
    """Whether a year is the time of the percentage beside it (see _PERCENT_BEFORE)."""
    if mention.kind != "date" or not isinstance(mention.value, str) or len(mention.value) != 4:
        return False
    before = text[max(0, mention.start - _PERCENT_REACH) : mention.start]
    return bool(_PERCENT_BEFORE.search(before) or _PERCENT_AFTER.match(text, mention.end))


# A line of a list of links to the site's other articles ("관련기사", "Related"): a
# headline with the date it was published glued to its end ("Acme opens plant2022.08.08",
# the page's headline and date cells run together once the markup is gone). Its figures
# are another article's headline, not this article's. Prose ends a sentence with a stop,
# and a fact box line gives a date after a label or a space ("Date: 2022-08-08"), never
# glued to a word.
_LINK_DATE = r"\d{4}[./-]\d{1,2}[./-]\d{1,2}(?:[ \t]+\d{1,2}:\d{2})?[ \t]*"
_LINK_ITEM = re.compile(rf"[^\n]*[^\s\d:：.,]({_LINK_DATE})")


def in_link_item(text: str, mention: Mention) -> bool:
    """Whether a figure sits in a related-articles list item (see _LINK_ITEM)."""
    start = text.rfind("\n", 0, mention.start) + 1
    end = text.find("\n", mention.end)
    end = len(text) if end < 0 else end
    if not text[start:end].rstrip()[-1:].isdigit():
        return False  # most lines: no date at the end, nothing more to look at
    item = _LINK_ITEM.fullmatch(text, start, end)
    return item is not None and mention.end <= item.start(1)


# A page cut off in the middle of a word (a teaser, a paywall: "企業価値を750億ド", "향후 10년
# 내 미"): the words right after a figure at the cut, which say what it is, are lost. Only
# in a line of prose, not in a list item, whose figure may end a page ("• 500 jobs").
_CUT_REACH = 5
_CUT_LINE = 15
_TRAILING = 20  # the spaces and line ends a text may end with


def at_the_cut(text: str, mention: Mention) -> bool:
    """Whether a figure is right before the end of a text cut off mid-word."""
    if len(text) - mention.end > _CUT_REACH + _TRAILING:
        return False  # most figures: far from the end, nothing more to look at
    tail = text[mention.end :].rstrip()
    if not tail or len(tail) > _CUT_REACH or not tail[-1].isalpha() or "\n" in tail:
        return False
    line = text[text.rfind("\n", 0, mention.start) + 1 : mention.end + len(tail)]
    return len(line) > _CUT_LINE and _BULLET.match(line) is None


def names_the_part(text: str, start: int, end: int, aliases: frozenset[str]) -> bool:
    """Whether a match of a part's alias at ``start:end`` really names that part.

    A lowercase alias (a common word: "open", "opening") does not match part of a
    hyphenated word ("open-source"), nor a capitalised word inside a sentence, where it
    is a name ("Open Robotics", "OpenAI"); at the start of a sentence or a line the
    capital says nothing.
    """
    written = text[start:end]
    common = any(
        alias.casefold() == written.casefold() and alias[:1].islower() for alias in aliases
    )
    if not common:
        return True
    if _HYPHENATED.match(text, end) or (
        start >= 2 and _HYPHENATED_BEFORE.fullmatch(text, start - 2, start)
    ):
        return False  # "open-source" is not "open"
    if written in aliases or not written[:1].isupper():
        return True
    return _OPENING.search(text[max(0, start - _LOOKBEHIND) : start]) is not None


# The share-price word of languages that write its owner right before it, with no space
# or one word ("博通公司股價", "브로드컴 주가", "オラクルの株価").
SHARE_PRICE_WORDS: dict[str, tuple[str, ...]] = {
    "zh": ("股價", "股价"),
    "ja": ("株価",),
    "ko": ("주가",),
}
# What ends the owner's name going backwards: spaces and punctuation (not parentheses,
# which hold a ticker: "超威半導體公司(AMD)股價").
_OWNER_EDGE = re.compile(r"[\s,，、。;；:：!?！？「」『』“”\"'《》]")
# A move in parentheses right after a name: "AMD(-6.37%)", "퀄컴(+0.5%)".
_MOVE_AFTER_NAME = re.compile(r"([^\s,，、。;；(（)）]+)[(（]\s*[-+−–]?$")


def share_owner(
    text: str, mention: Mention, clause_start: int, language: str
) -> tuple[int, int] | None:
    """Where the text names whose share price a percentage is, or None when it names no
    one (the story's own subject is then meant: "股价上涨4%")."""
    if mention.kind != "percent":
        return None
    before = text[max(clause_start, mention.start - _LOOKBEHIND) : mention.start]
    offset = mention.start - len(before)
    move = _MOVE_AFTER_NAME.search(before)
    if move is not None:
        return offset + move.start(1), offset + move.end(1)
    words = SHARE_PRICE_WORDS.get(word_language(language), ())
    found = max((before.rfind(word) for word in words), default=-1)
    if found <= 0:
        return None
    end = found
    while end > 0 and before[end - 1].isspace():
        end -= 1
    start = end
    while start > 0 and not _OWNER_EDGE.match(before[start - 1]):
        start -= 1
    return (offset + start, offset + end) if start < end else None


# An amount in parentheses right after a capitalised name: "deals with Intel ($8.5B) and
# TSMC ($6.6B)". A number at most one word before the name makes it a currency word:
# "10 Milliarden Euro (11 Milliarden Dollar)" restates an amount, it names no one.
_AMOUNT_AFTER_NAME = re.compile(r"(?<![\w&.-])([A-Z][\w&.-]*)[ \u00a0]?[(（]$")
_NUMBER_BEFORE_NAME = re.compile(r"\d[^\s()]*(?:\s+[^\s()]+)?\s+$")


def bracketed_owner(text: str, mention: Mention) -> tuple[int, int] | None:
    """Where the text names whose amount a bracketed money figure is ("Intel ($8.5B)"),
    or None: a list of other companies' figures, each in parentheses after its name."""
    if mention.kind != "money":
        return None
    start = max(0, mention.start - _LOOKBEHIND)
    # The pattern ends in a bracket at the figure ($: or a line break after it): without
    # one there, no search from each of the 40 positions before.
    last = text[max(start, mention.start - 2) : mention.start]
    if "(" not in last and "（" not in last:
        return None
    found = _AMOUNT_AFTER_NAME.search(text, start, mention.start)
    if found is None or _NUMBER_BEFORE_NAME.search(text, start, found.start(1)):
        return None
    return found.start(1), found.end(1)


@cache
def _fact_box_heading() -> re.Pattern[str]:
    headings = bundled_toml("boilerplate.toml")["fact_box_headings"]
    return re.compile(rf"(?:{'|'.join(headings)})\s*[:：]?", re.IGNORECASE)


@cache
def _world_share() -> re.Pattern[str]:
    words = sorted(set(bundled_toml("boilerplate.toml")["world_words"]), key=lambda w: (-len(w), w))
    alternation = "|".join(map(re.escape, words))
    return re.compile(rf"(?<!\w)(?:{alternation})(?!\w)", re.IGNORECASE)


_SHARE_REACH = 80
"""How far after a percentage the whole it is a share of is named ("… of the world")."""


def is_world_share(text: str, mention: Mention, clause_end: int) -> bool:
    """Whether a percentage is a share of a whole market ("60% of global chip output",
    "el 20% de los chips … del mundo"), named in the words after it in its clause."""
    if mention.kind != "percent":
        return False
    end = min(clause_end, mention.end + _SHARE_REACH)
    return _world_share().search(text, mention.end, end) is not None


_BULLET = re.compile(r"\s*(?:[•·▪■◆►*\-–—]|\d{1,2}[.)])\s")


def is_fact_box_heading(line: str) -> bool:
    """Whether a line heads the article's own fact box ("KEY FIGURES", "Chiffres clés")."""
    return _fact_box_heading().fullmatch(line.strip()) is not None


def is_list(block: str) -> bool:
    """Whether every line of a block is a list item ("• Cost: $40 billion")."""
    lines = [line for line in block.splitlines() if line.strip()]
    return bool(lines) and all(_BULLET.match(line) for line in lines)


# A wire dateline: "新华社北京3月5日电" (the date the dispatch was filed), or in Latin
# letters the date before the agency's name in brackets and a dash or a colon ("PARIS, 5
# septembre (Xinhua) --", "Beijing, 6 September 2022 (TDI):").
_DATELINE_AFTER = re.compile(r"[电電]|[ \u00a0]*\([A-Z][^()\n]{0,30}\)[ \u00a0]*(?:--?|[–—:])")


def is_dateline(text: str, mention: Mention) -> bool:
    """Whether a date is a wire story's dateline, which dates the dispatch, not a fact."""
    return mention.kind == "date" and _DATELINE_AFTER.match(text, mention.end) is not None


def in_fact_box(paragraph: str, earlier: Iterator[str]) -> bool:
    """Whether a paragraph is under a "KEY FIGURES" heading: its own first line, or the
    last line of the paragraph before the list paragraphs that lead to it (``earlier``:
    the paragraphs before it, nearest first)."""
    block = paragraph.strip()
    if is_fact_box_heading(block.split("\n", 1)[0]):
        return True
    for previous in earlier:
        if not is_list(block):
            return False
        block = previous.strip()
        if is_fact_box_heading(block.rsplit("\n", 1)[-1]):
            return True
    return False


def part_of_figure(start: int, end: int, mention: Mention) -> bool:
    """Whether a part's alias at ``start:end`` is the figure itself, which it cannot
    scope: inside the figure ("2023年" in "2023年5月"), or a year with its preposition
    ("in 2023" for the year 2023). An alias that adds to a date ("지난해 9월", last
    year's September, for "9월 3일") still names the period the date belongs to."""
    if mention.start <= start and end <= mention.end:
        return True
    year = mention.kind == "date" and isinstance(mention.value, str) and len(mention.value) == 4
    return year and start < mention.end and end > mention.start


# Figures whose number is part of a name ("Fab 2", "the first two fabs", "2023年", "over
# the last two years"), not a measure the name describes.
_NAMING_KINDS = frozenset({"count", "date", "duration"})


def holds_figure(start: int, end: int, mention: Mention, held: Mention | None) -> bool:
    """Whether a part's name at ``start:end`` holds another figure, a measure (``held``:
    the first figure from ``start``): "un cluster de 2 GW", "the 1,400 acres" name that
    figure's part, and only describe the other figures of the clause."""
    return (
        held is not None
        and held is not mention
        and held.end <= end
        and held.kind not in _NAMING_KINDS
    )


# A proper name: two or more capitalised Latin words in a row ("Jane Doe", "Acme Corp"),
# not right after a number: German capitalises nouns, and "6,8 Milliarden Euro
# Subventionen" is three in a row (the figures themselves are blanked out first, so a
# number's scale word and currency, "fünf Milliarden Dollar", are never a name).
_UPPER = "A-ZÀ-ÖØ-Þ"
_LOWER = "a-zß-öø-ÿ"
_PROPER_NAME = re.compile(
    rf"(?P<number>\d[ \u00a0])?(?<![\w-])[{_UPPER}][{_LOWER}]+"
    rf"(?:[ \u00a0][{_UPPER}][{_LOWER}]+)+(?![\w-])"
)
# Where a sentence, a line or a quotation opens, a capital says nothing about a name.
_NAME_OPENING = re.compile(r"(?:^|[.!?:;\n\"“”„«»‹›(]\s*)$")
# A name after an attribution word is the figure's source, not its actor ("according to
# Bloomberg Billionaires Index", "laut Business Insider", "selon Le Monde").
_ATTRIBUTION = re.compile(
    r"(?:\b(?:according to|reports?|reported by|said|told|laut|zufolge|berichtet|selon|"
    r"d'après|d’après|según|secondo|segundo|ifølge|ifolge)|\bde acuerdo con)[ \u00a0]$",
    re.IGNORECASE,
)


def names_an_actor(paragraph: str, figures: Iterable[tuple[int, int]] = ()) -> bool:
    """Whether a paragraph names a person or firm by a name of two or more words.

    Asked of a paragraph that names none of the story's subjects: such a name is an
    actor the profile does not know ("The chair of Acme Corp, Jane Doe, lost $2
    billion"), so the paragraph's figures are about someone else. A name that opens
    a sentence is not counted: its first capital says nothing. ``figures`` are the
    spans (in the paragraph) of the figures it states, blanked out before reading.
    """
    for start, end in figures:
        paragraph = paragraph[:start] + "0" * (end - start) + paragraph[end:]
    for found in _PROPER_NAME.finditer(paragraph):
        before = paragraph[max(0, found.start() - 20) : found.start()]
        if (
            found.group("number") is None
            and not _NAME_OPENING.search(paragraph, 0, found.start())
            and not _ATTRIBUTION.search(before)
        ):
            return True
    return False


_BLANK_LINE = re.compile(r"\n\n")


_ITEM_CHARS = 80
"""The longest line read as a list item rather than a paragraph of prose."""


def _closes_prose(paragraph: str) -> bool:
    """Whether the text's last paragraph is prose (longer than a line of a list, ending
    with a full stop): the story's closing paragraph, after one that names the topic,
    rather than a line of furniture ("Subscribe: 3 articles left.", a tag list, a byline)."""
    line = paragraph.strip()
    return len(line) > _ITEM_CHARS and line.endswith((".", "。"))


def _is_item(paragraph: str) -> bool:
    line = paragraph.strip()
    return 0 < len(line) <= _ITEM_CHARS and "\n" not in line and not line.endswith((".", ":"))


# How many paragraphs in a row "the plant" carries a page's story on (_goes_on_about_the_plant).
_PLANT_RUN = 3


class Paragraphs:
    """The paragraph (text between blank lines) around any offset, found once per text."""

    def __init__(self, text: str, mentions: Sequence[Mention] = (), language: str = "") -> None:
        self._text = text
        self._mentions = mentions
        self._language = word_language(language) if language else ""
        self._breaks = [m.start() for m in _BLANK_LINE.finditer(text)]
        self._length = len(text)
        self._on_topic: dict[Span, bool] = {}

    def around(self, mention: Mention) -> Span:
        return self._span(bisect_left(self._breaks, mention.start))

    def _span(self, index: int) -> Span:
        """The paragraph after the ``index``-th break (0: the first paragraph)."""
        start = self._breaks[index - 1] + 1 if index else 0
        end = self._breaks[index] if index < len(self._breaks) else self._length
        return Span(start, end)

    def on_topic(self, paragraph: Span, names_topic: Callable[[Span], bool]) -> bool:
        known = self._on_topic.get(paragraph)
        if known is None:
            known = self._on_topic[paragraph] = self._decide(paragraph, names_topic)
        return known

    def _decide(self, paragraph: Span, names_topic: Callable[[Span], bool]) -> bool:
        """Whether the paragraph, or both its neighbours, name a subject or a part.

        A paragraph inside the story ("The companies said the new sites would create
        more than 25,000 jobs.") often names neither, but sits between paragraphs that
        do; page furniture sits at the edges or between other furniture. One that names
        an actor of its own ("Oracle's co-founder, Larry Ellison, lost ...") is an aside
        about someone else, though it sits inside the story.
        """
        if names_topic(paragraph) or self._in_fact_box(paragraph):
            return True
        number = bisect_left(self._breaks, paragraph.start)
        if self._goes_on_about_the_plant(number, names_topic):
            return True
        lead_in = self._lead_in(number)
        if lead_in is not None and names_topic(lead_in):
            return True
        last = number >= len(self._breaks)
        if number == 0 or (last and not _closes_prose(paragraph.text(self._text))):
            return False
        figures = [
            (m.start - paragraph.start, m.end - paragraph.start)
            for m in self._mentions
            if paragraph.start <= m.start and m.end <= paragraph.end
        ]
        if names_an_actor(paragraph.text(self._text), figures):
            return False
        if not names_topic(self._span(number - 1)):
            return False
        return last or names_topic(self._after_heading(number + 1))

    def _goes_on_about_the_plant(self, number: int, names_topic: Callable[[Span], bool]) -> bool:
        """Whether the ``number``-th paragraph, and each between it and the last that
        names the story (at most ``_PLANT_RUN`` of them), speaks of "the plant" ("The fab
        will have two production lines"): a page goes on about the plant it placed
        without naming its owner again, as the neighbours rule above does not see when
        the next paragraph names no one either."""
        for earlier in range(number, max(0, number - _PLANT_RUN), -1):
            if not speaks_of_facility(self._text, self._span(earlier), self._language):
                return False
            if names_topic(self._span(earlier - 1)):
                return True
        return False

    def _after_heading(self, number: int) -> Span:
        """The ``number``-th paragraph, or the one after it when it is a heading: a
        heading opens the next section, so the paragraph before it ("... is expected to
        create 21,000 jobs.") closes a section of the story, as the paragraph after the
        heading shows, and is not furniture between other furniture."""
        if number < len(self._breaks) and _is_item(self._span(number).text(self._text)):
            return self._span(number + 1)
        return self._span(number)

    def _lead_in(self, number: int) -> Span | None:
        """The line that introduces a list ("… stems from several innovations:") when the
        ``number``-th paragraph is one of its items: short lines, no full stop, one per
        paragraph ("256 routed experts + 1 shared expert"), each about what it names."""
        while _is_item(self._span(number).text(self._text)):
            if number == 0:
                return None
            number -= 1
            previous = self._span(number)
            if previous.text(self._text).strip().endswith((":", "：")):
                return previous
        return None

    def _in_fact_box(self, paragraph: Span) -> bool:
        number = bisect_left(self._breaks, paragraph.start)
        earlier = (self._span(n).text(self._text) for n in range(number - 1, -1, -1))
        return in_fact_box(paragraph.text(self._text), earlier)


# Where a company is based, said in passing ("Micron, basée à Boise", "the Boise-based
# chipmaker", "아이다호에 본사를 둔 이 회사"): its home, not a part of the story's plans.
# Not "在总部所在地博伊西建设…" (to build at its home town): there the place is the site.
_HOME_BEFORE = re.compile(
    r"(?:(?<![^\W\d_])(?i:based in|headquartered in|basée? à|basées? à|basés à|"
    r"con sede en|mit Sitz in|con sede a)|总部位于|總部位於)[ \u00a0]?\Z"
)
_HOME_AFTER = re.compile(r"(?:-based|에 본사를 둔|に本社を置く|に本社がある)")
_HOME_REACH = 24


def names_a_home(text: str, hit: TermHit) -> bool:
    """Whether a place is named as where a company is based (see _HOME_BEFORE)."""
    before = text[max(0, hit.start - _HOME_REACH) : hit.start]
    return bool(_HOME_BEFORE.search(before) or _HOME_AFTER.match(text, hit.end))

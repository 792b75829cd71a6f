"""Word tables for the quantity parser, kept as data so a language is added in one place.

Locale facts that CLDR knows (separators, currency symbols and formal currency names,
month names, which currency a territory uses) come from babel instead; see
``locale_facts.py``. What CLDR does not know lives here: scale words as news writes
them, colloquial currency names, unit words, qualifiers and small number words.

Keys are ISO 639-1 codes. Words are matched case-insensitively unless a table says
otherwise; the longest entry wins, so "mil millones" beats "mil" and "US-Dollar" beats
"Dollar".
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

from stargate_digest.data_tables import bundled_toml
from stargate_digest.models import Qualifier
from stargate_digest.quantities.mention import Kind

LANGUAGES: Final = ("en", "de", "fr", "es", "it", "pt", "nb", "nl", "pl", "ja", "zh", "ko")
"""Languages with word tables; any other language is read with the English tables."""

LANGUAGE_ALIASES: Final[Mapping[str, str]] = {"no": "nb", "nn": "nb"}
"""Tags read with another language's tables (language id says 'no' for Bokmål)."""

FALLBACK_LANGUAGE: Final = "en"

REGIONAL_MONTH_LOCALES: Final[Mapping[str, tuple[str, ...]]] = {
    # CLDR locales whose month names are read beside the language's own: Austrian
    # "Jänner"/"Feber", Canadian and Belgian French, Mexican Spanish, European Portuguese.
    "de": ("de_AT", "de_CH"),
    "fr": ("fr_CA", "fr_BE"),
    "es": ("es_MX",),
    "pt": ("pt_PT",),
}

MONTH_INFLECTIONS: Final[Mapping[str, Mapping[str, int]]] = {
    # Case forms of month names CLDR does not list: CLDR has the Polish nominative and
    # genitive ("styczeń", "21 stycznia"), not the locative of "w czerwcu 2027".
    "pl": {
        "styczniu": 1, "lutym": 2, "marcu": 3, "kwietniu": 4, "maju": 5, "czerwcu": 6,
        "lipcu": 7, "sierpniu": 8, "wrześniu": 9, "październiku": 10, "listopadzie": 11,
        "grudniu": 12,
    },
}  # fmt: skip

CJK_LANGUAGES: Final = frozenset({"ja", "zh", "ko"})
"""Languages written without spaces: counters and scale words may follow several numbers."""

CURRENCIES: Final = (
    # The ECB reference-rate currencies in the ECB's own order (what fx.py can convert).
    "USD", "JPY", "BGN", "CZK", "DKK", "GBP", "HUF", "PLN", "RON", "SEK", "CHF", "ISK",
    "NOK", "TRY", "AUD", "BRL", "CAD", "CNY", "HKD", "IDR", "ILS", "INR", "KRW", "MXN",
    "MYR", "NZD", "PHP", "SGD", "THB", "ZAR", "EUR",
)  # fmt: skip

EXTRA_SYMBOLS: Final[Mapping[str, tuple[str, ...]]] = {
    # Written in news but absent from CLDR's symbol data.
    "RMB": ("CNY",),
    "US $": ("USD",),
    "$ US": ("USD",),
    "U.S.$": ("USD",),
    # The New Taiwan dollar: not an ECB currency, so CLDR's "NT$" is not in the table.
    "NT$": ("TWD",),
}

SYMBOL_CONVENTIONS: Final[Mapping[str, str]] = {
    # A bare "$" in news copy means US dollars unless the locale says otherwise.
    "$": "USD",
}

# --- scale words -------------------------------------------------------------------------

SCALE_WORDS: Final[Mapping[str, Mapping[str, int]]] = {
    # word -> power of ten. False friends on purpose: en billion = 10^9, de Billion and
    # fr billion = 10^12; es billón = 10^12; pt-BR bilhão = 10^9 but pt-PT bilião = 10^12.
    "en": {
        "thousand": 3, "million": 6, "millions": 6, "mn": 6, "mln": 6,
        "billion": 9, "billions": 9, "bn": 9, "bln": 9,
        "trillion": 12, "trillions": 12, "tn": 12, "trn": 12,
    },
    "de": {
        "Tausend": 3, "Tsd.": 3, "Million": 6, "Millionen": 6, "Mio.": 6, "Mio": 6,
        "Milliarde": 9, "Milliarden": 9, "Mrd.": 9, "Mrd": 9, "Md.": 9,
        "Billion": 12, "Billionen": 12, "Bio.": 12,
    },
    "fr": {
        "mille": 3, "million": 6, "millions": 6, "milliard": 9, "milliards": 9,
        "Md": 9, "Mds": 9, "Mrd": 9, "Mrds": 9, "billion": 12, "billions": 12,
        "mille milliards": 12,
    },
    "nb": {
        "tusen": 3, "million": 6, "millioner": 6, "mill.": 6, "mill": 6, "mln.": 6,
        "milliard": 9, "milliarder": 9, "mrd.": 9, "mrd": 9, "billion": 12, "billioner": 12,
    },
    "nl": {
        # biljoen = 10^12, like German Billion
        "duizend": 3, "miljoen": 6, "mln.": 6, "mln": 6, "miljard": 9, "mld.": 9, "mld": 9,
        "mrd.": 9, "mrd": 9, "biljoen": 12,
    },
    "pl": {
        # every case and number ("1,5 miliarda", "2 miliardy", "5 miliardów"); bilion and
        # "bln" = 10^12 (Polish uses the long scale, like German)
        "tys.": 3, "tysiąc": 3, "tysiące": 3, "tysięcy": 3, "tysiąca": 3,
        "mln": 6, "milion": 6, "miliona": 6, "miliony": 6, "milionów": 6,
        "mld": 9, "miliard": 9, "miliarda": 9, "miliardy": 9, "miliardów": 9,
        "bln": 12, "bilion": 12, "biliona": 12, "biliony": 12, "bilionów": 12,
    },
    "es": {
        "mil": 3, "millón": 6, "millon": 6, "millones": 6, "mil millones": 9,
        "millardo": 9, "millardos": 9, "billón": 12, "billon": 12, "billones": 12,
    },
    "it": {
        "mila": 3, "milione": 6, "milioni": 6, "mln": 6, "miliardo": 9, "miliardi": 9,
        "mld": 9, "mrd": 9, "mila miliardi": 12, "mille miliardi": 12,
        "bilione": 12, "bilioni": 12,
    },
    "pt": {
        "mil": 3, "milhão": 6, "milhao": 6, "milhões": 6, "milhoes": 6,
        "mil milhões": 9, "bilhão": 9, "bilhao": 9, "bilhões": 9, "bilhoes": 9,
        "bilião": 12, "biliões": 12, "trilhão": 12, "trilhões": 12,
    },
    "ja": {
        "千": 3, "万": 4, "十万": 5, "百万": 6, "千万": 7, "億": 8, "十億": 9, "百億": 10,
        "千億": 11, "兆": 12, "十兆": 13, "百兆": 14,
    },
    "zh": {
        # 兆 is 10^12 in money (Taiwan, Hong Kong); 兆瓦 (MW) is a unit, matched first.
        "千": 3, "万": 4, "萬": 4, "十万": 5, "百万": 6, "千万": 7, "亿": 8, "億": 8,
        "十亿": 9, "百亿": 10, "千亿": 11, "万亿": 12, "萬億": 12, "兆": 12,
    },
    "ko": {
        "천": 3, "만": 4, "십만": 5, "백만": 6, "천만": 7, "억": 8, "십억": 9, "백억": 10,
        "천억": 11, "조": 12,
    },
}  # fmt: skip

# English scale words as CJK pages print them beside a Latin amount ("¥5.94 trillion",
# "$19 billionを出資"): these languages have no Latin scale words of their own, so there is
# no false friend to fear (unlike de/fr "billion"). Kept apart from SCALE_WORDS, which
# says what each language's own words mean (the false-friend explanations read it).
_ENGLISH_IN_CJK: Final[Mapping[str, int]] = {
    "million": 6, "millions": 6, "billion": 9, "billions": 9, "bn": 9,
    "trillion": 12, "trillions": 12, "tn": 12,
}  # fmt: skip
BORROWED_SCALE_WORDS: Final[Mapping[str, Mapping[str, int]]] = {
    "ja": _ENGLISH_IN_CJK, "zh": _ENGLISH_IN_CJK, "ko": _ENGLISH_IN_CJK,
}  # fmt: skip

IMPLIED_NUMBERS: Final[Mapping[str, Mapping[str, str]]] = {
    # Words that stand for the number before a scale word written without digits ("a
    # billion", "half a million", "medio millón"); "" is a scale phrase that needs none
    # ("mil millones", "mille milliards"). Read only when no number precedes.
    "en": {"a": "1", "an": "1", "half a": "0.5", "one": "1"},
    "nl": {"een": "1", "één": "1", "anderhalf": "1.5", "een half": "0.5"},
    "pl": {"pół": "0.5", "półtora": "1.5"},
    "fr": {"": "1"},
    "es": {"": "1", "medio": "0.5"},
    "it": {"": "1", "mezzo": "0.5"},
    "pt": {"meio": "0.5"},
    "de": {"eine halbe": "0.5", "einer halben": "0.5"},
}

CURRENCY_SCALE_ABBREVIATIONS: Final[Mapping[str, Mapping[str, int]]] = {
    # Read as scales only when a currency is attached ("$5m", "500 M€", "R$ 5 bi");
    # without one, "5 m" is five metres.
    "en": {"k": 3, "m": 6, "b": 9, "t": 12},
    "de": {"k": 3},
    "fr": {"k": 3, "M": 6, "G": 9},
    "es": {"M": 6, "MM": 6},
    "it": {"k": 3, "M": 6},
    "pt": {"mi": 6, "bi": 9, "tri": 12},
}

SCALE_CONNECTORS: Final[Mapping[str, tuple[str, ...]]] = {
    # "19 milliards de dollars", "mil millones de dólares", "miliardi di dollari".
    "fr": ("de ", "d'", "d’"),
    "es": ("de ",),
    "pt": ("de ",),
    "it": ("di ", "d'", "d’"),
}

# --- currency names ----------------------------------------------------------------------

CURRENCY_NAMES: Final[Mapping[str, Mapping[str, str]]] = {
    # Colloquial names; CLDR's formal names ("US-Dollar", "dólares estadounidenses") are
    # added from babel. A bare "dollar" name is read as USD, like the news convention.
    "en": {
        "dollar": "USD", "dollars": "USD", "euro": "EUR", "euros": "EUR", "yen": "JPY",
        "yuan": "CNY", "renminbi": "CNY", "won": "KRW", "pounds sterling": "GBP",
        "rupees": "INR", "reais": "BRL", "forint": "HUF", "forints": "HUF",
    },
    "de": {
        "Dollar": "USD", "Euro": "EUR", "Yen": "JPY", "Yuan": "CNY", "Renminbi": "CNY",
        "Won": "KRW", "Pfund": "GBP", "Franken": "CHF", "Forint": "HUF",
    },
    "fr": {
        "dollar": "USD", "dollars": "USD", "euro": "EUR", "euros": "EUR", "yen": "JPY",
        "yens": "JPY", "yuan": "CNY", "yuans": "CNY", "won": "KRW", "wons": "KRW",
        "livres sterling": "GBP", "forint": "HUF", "forints": "HUF",
    },
    "nb": {
        "dollar": "USD", "dollars": "USD", "euro": "EUR", "kroner": "NOK", "krone": "NOK",
        "norske kroner": "NOK", "yen": "JPY", "yuan": "CNY", "forint": "HUF",
    },
    "nl": {
        "dollar": "USD", "dollars": "USD", "euro": "EUR", "euro's": "EUR", "yen": "JPY",
        "yuan": "CNY", "zloty": "PLN", "forint": "HUF",
    },
    "pl": {
        # "zł" comes from CLDR's symbols; the case forms of the names do not
        "dolar": "USD", "dolara": "USD", "dolary": "USD", "dolarów": "USD", "dol.": "USD",
        "euro": "EUR",
        "złoty": "PLN", "złote": "PLN", "złotych": "PLN", "jenów": "JPY", "juanów": "CNY",
        "forint": "HUF", "forinty": "HUF", "forintów": "HUF",
    },
    "es": {
        "dólar": "USD", "dólares": "USD", "euro": "EUR", "euros": "EUR", "yen": "JPY",
        "yenes": "JPY", "yuan": "CNY", "yuanes": "CNY", "wones": "KRW", "forint": "HUF",
        "forints": "HUF", "forintos": "HUF", "florines": "HUF",
    },
    "it": {
        "dollaro": "USD", "dollari": "USD", "euro": "EUR", "yen": "JPY", "yuan": "CNY",
        "sterline": "GBP", "fiorini": "HUF", "forint": "HUF",
    },
    "pt": {
        "dólar": "USD", "dólares": "USD", "euro": "EUR", "euros": "EUR", "iene": "JPY",
        "ienes": "JPY", "yuan": "CNY", "yuans": "CNY", "real": "BRL", "reais": "BRL",
        "forint": "HUF", "forints": "HUF", "florins": "HUF",
    },
    "ja": {
        "ドル": "USD", "円": "JPY", "元": "CNY", "人民元": "CNY", "ユーロ": "EUR",
        "ウォン": "KRW", "ポンド": "GBP", "フォリント": "HUF",
    },
    "zh": {
        "人民币": "CNY", "人民幣": "CNY", "美金": "USD", "日圆": "JPY",
        "日圓": "JPY", "韩币": "KRW", "台幣": "TWD", "新台幣": "TWD", "台币": "TWD",
        "新台币": "TWD", "福林": "HUF",
        # traditional script (Taiwan, Hong Kong): CLDR gives the simplified names
        "歐元": "EUR", "英鎊": "GBP",
    },
    "ko": {
        "달러": "USD", "원": "KRW", "엔": "JPY", "엔화": "JPY", "위안": "CNY",
        "위안화": "CNY", "유로": "EUR", "파운드": "GBP", "포린트": "HUF",
    },
}  # fmt: skip

SHARED_CURRENCY_NAMES: Final[Mapping[str, Mapping[str, tuple[str, ...]]]] = {
    # 元 is the unit word of the yuan, the New Taiwan dollar and the Hong Kong dollar
    # ("新台幣2112億元"): alone it is read as the locale's home currency (CNY in zh), and
    # with a currency name before the number the two agree on that name's currency.
    "zh": {"元": ("CNY", "TWD", "HKD")},
}

PREFIX_CURRENCY_NAMES: Final[Mapping[str, Mapping[str, str]]] = {
    # Names written before the number ("人民币5000亿元", "미화 5억 달러").
    "zh": {
        "人民币": "CNY",
        "人民幣": "CNY",
        "美金": "USD",
        "台幣": "TWD",
        "新台幣": "TWD",
        "台币": "TWD",
        "新台币": "TWD",
    },
    "ko": {"미화": "USD"},
}

# --- units -------------------------------------------------------------------------------

_UNITS: Final[Mapping[str, Any]] = bundled_toml("units.toml")

PERCENT_SIGNS: Final = ("%", "％")
PERCENT_WORDS: Final[Mapping[str, tuple[str, ...]]] = {
    "en": ("percent", "per cent", "pct"),
    "de": ("Prozent",),
    "fr": ("pour cent", "pourcent"),
    "nb": ("prosent",),
    "nl": ("procent",),
    "pl": ("procent", "proc."),
    "es": ("por ciento",),
    "it": ("per cento", "percento"),
    "pt": ("por cento",),
    "ja": ("パーセント",),
    "zh": (),
    "ko": ("퍼센트",),
}
PERCENT_PREFIXES: Final[Mapping[str, tuple[str, ...]]] = {"zh": ("百分之",)}

UNIT_SYMBOLS: Final[Mapping[str, tuple[Kind, str, float]]] = {
    # symbol (case-sensitive, every language) -> (kind, unit, factor into that unit)
    "GW": ("power", "GW", 1), "GWc": ("power", "GW", 1), "GWp": ("power", "GW", 1),
    "MW": ("power", "MW", 1), "MWc": ("power", "MW", 1), "MWp": ("power", "MW", 1),
    "kW": ("power", "MW", 1e-3), "kWc": ("power", "MW", 1e-3), "kWp": ("power", "MW", 1e-3),
    "sq ft": ("area", "sqft", 1), "sq. ft.": ("area", "sqft", 1), "sqft": ("area", "sqft", 1),
    "ft²": ("area", "sqft", 1), "sq m": ("area", "sqm", 1), "sqm": ("area", "sqm", 1),
    "m²": ("area", "sqm", 1), "m2": ("area", "sqm", 1), "㎡": ("area", "sqm", 1),
    "ha": ("area", "ha", 1), "km²": ("area", "km2", 1), "km2": ("area", "km2", 1),
    # energy (a battery plant's yearly output, a grid's storage), each unit as stated
    "GWh": ("energy", "GWh", 1), "MWh": ("energy", "MWh", 1), "TWh": ("energy", "TWh", 1),
    "kWh": ("energy", "kWh", 1),
}  # fmt: skip

UNIT_WORDS: Final[Mapping[str, Mapping[str, tuple[Kind, str, float]]]] = {
    # word -> (kind, unit, factor); durations in years/months/days, areas in sqft/sqm/acre/ha/km2.
    # Data in data/units.toml ([units.<language>]): the longest table of this module.
    language: {word: (kind, unit, factor) for word, (kind, unit, factor) in words.items()}
    for language, words in _UNITS["units"].items()
}

OTHER_UNIT_SYMBOLS: Final = (
    # Measurements the digest does not report: a number carrying one is skipped, not
    # counted ("22 Tbps", "5 600 mAh", "1 000 km", "10’’").
    "Tbps", "Gbps", "Mbps", "kbps", "Tb/s", "Gb/s", "Mb/s", "Tbit/s", "Gbit/s", "Mbit/s",
    "mAh", "Ah", "Wh", "W", "V", "kV", "Hz", "kHz", "MHz",
    "GHz", "KB", "MB", "GB", "TB", "PB", "Go", "To", "Mo", "km", "m", "cm", "mm",
    "nm", "µm", "kg", "g", "mg", "lb", "lbs", "oz", "ft", "mi", "mph", "km/h", "°C", "°F",
    "°", "ms", "fps", "dpi", "px", "ppm", "x", "×", "’’", "''", "″", "′", "\"", "TFLOPS",
    "PFLOPS", "EFLOPS", "FLOPS",
)  # fmt: skip

# CJK counters (data/units.toml, [counters]): what follows a number that counts.
COUNTER_WORDS: Final[Mapping[str, tuple[str, ...]]] = {
    language: tuple(words) for language, words in _UNITS["counters"].items()
}

# Words of the measurements above, per language (data/units.toml, [other]).
OTHER_UNIT_WORDS: Final[Mapping[str, tuple[str, ...]]] = {
    language: tuple(words) for language, words in _UNITS["other"].items()
}

# --- numbers -----------------------------------------------------------------------------

NUMBER_WORDS: Final[Mapping[str, Mapping[str, int]]] = {
    # Spelled-out numbers: the inflected forms num2words does not write ("eine", "duas",
    # "una"); numbers.py adds num2words' cardinals 1-99 for every language it knows.
    # Korean counts things with native numerals ("두 곳", "세 개"), which num2words does
    # not write either. CJK numerals are parsed by numbers.cjk_numeral.
    "en": {
        "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
        "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
        "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
        "nineteen": 19, "twenty": 20,
    },
    "de": {
        "ein": 1, "eine": 1, "einem": 1, "einen": 1, "einer": 1, "eines": 1, "zwei": 2,
        "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9,
        "zehn": 10, "elf": 11, "zwölf": 12, "dreizehn": 13, "vierzehn": 14,
        "fünfzehn": 15, "sechzehn": 16, "siebzehn": 17, "achtzehn": 18, "neunzehn": 19,
        "zwanzig": 20,
    },
    "fr": {
        "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6,
        "sept": 7, "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13,
        "quatorze": 14, "quinze": 15, "seize": 16, "dix-sept": 17, "dix-huit": 18,
        "dix-neuf": 19, "vingt": 20,
    },
    "es": {
        "un": 1, "uno": 1, "una": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5,
        "seis": 6, "siete": 7, "ocho": 8, "nueve": 9, "diez": 10, "once": 11, "doce": 12,
        "trece": 13, "catorce": 14, "quince": 15, "dieciséis": 16, "diecisiete": 17,
        "dieciocho": 18, "diecinueve": 19, "veinte": 20,
    },
    "it": {
        "un": 1, "uno": 1, "una": 1, "due": 2, "tre": 3, "quattro": 4, "cinque": 5,
        "sei": 6, "sette": 7, "otto": 8, "nove": 9, "dieci": 10, "undici": 11,
        "dodici": 12, "tredici": 13, "quattordici": 14, "quindici": 15, "sedici": 16,
        "diciassette": 17, "diciotto": 18, "diciannove": 19, "venti": 20,
    },
    "pt": {
        "um": 1, "uma": 1, "dois": 2, "duas": 2, "três": 3, "quatro": 4, "cinco": 5,
        "seis": 6, "sete": 7, "oito": 8, "nove": 9, "dez": 10, "onze": 11, "doze": 12,
        "treze": 13, "catorze": 14, "quatorze": 14, "quinze": 15, "dezesseis": 16,
        "dezasseis": 16, "dezessete": 17, "dezassete": 17, "dezoito": 18,
        "dezenove": 19, "dezanove": 19, "vinte": 20,
    },
    "pl": {
        # case and gender forms ("dwie hale", "trzech pracowników", "pięciu krajach")
        "dwie": 2, "dwóch": 2, "dwu": 2, "trzech": 3, "czterech": 4, "pięciu": 5,
        "sześciu": 6, "siedmiu": 7, "ośmiu": 8, "dziewięciu": 9, "dziesięciu": 10,
    },
    "ko": {
        "두": 2, "세": 3, "네": 4, "다섯": 5, "여섯": 6, "일곱": 7, "여덟": 8, "아홉": 9,
        "열": 10, "스무": 20,
    },
}  # fmt: skip

NUM2WORDS_LANGUAGES: Final[Mapping[str, str]] = {
    # Our table key -> num2words' language code (cardinals generated, not listed here).
    "en": "en", "de": "de", "fr": "fr", "es": "es", "it": "it", "pt": "pt", "nb": "no",
    "nl": "nl", "pl": "pl",
}  # fmt: skip

CJK_NUMERAL_LANGUAGES: Final = frozenset({"ja", "zh"})

ORDINAL_MARKERS: Final = ("第", "제", "No.", "Nr.", "n°", "N°", "nº", "Nº", "#", "№")
"""Written right before a number that is a rank or an identifier, not a quantity."""

ORDINAL_DOT_LANGUAGES: Final = frozenset({"de"})
"""Languages where "47. Präsident" (integer, dot, word) is an ordinal."""

MONTH_FIRST_LANGUAGES: Final = frozenset({"en"})
"""Languages that write "January 23, 2025"; the others write the day first."""

# --- qualifiers --------------------------------------------------------------------------

_APPROX, _AT_LEAST, _AT_MOST, _UP_TO = (
    Qualifier.APPROX,
    Qualifier.AT_LEAST,
    Qualifier.AT_MOST,
    Qualifier.UP_TO,
)

QUALIFIER_SIGNS: Final[Mapping[str, Qualifier]] = {
    "~": _APPROX, "≈": _APPROX, "∼": _APPROX, ">": _AT_LEAST, "≥": _AT_LEAST,
    "<": _AT_MOST, "≤": _AT_MOST,
}  # fmt: skip

QUALIFIERS_BEFORE: Final[Mapping[str, Mapping[str, Qualifier]]] = {
    # Words right before the number (or its currency symbol).
    "en": {
        "approximately": _APPROX, "approx.": _APPROX, "about": _APPROX, "around": _APPROX,
        "roughly": _APPROX, "nearly": _APPROX, "almost": _APPROX, "some": _APPROX,
        "an estimated": _APPROX, "close to": _APPROX, "circa": _APPROX, "ca.": _APPROX,
        "c.": _APPROX,
        "at least": _AT_LEAST, "over": _AT_LEAST, "more than": _AT_LEAST,
        "in excess of": _AT_LEAST, "upwards of": _AT_LEAST, "no less than": _AT_LEAST,
        "at most": _AT_MOST, "no more than": _AT_MOST, "less than": _AT_MOST,
        "fewer than": _AT_MOST, "under": _AT_MOST, "below": _AT_MOST,
        "up to": _UP_TO, "as much as": _UP_TO, "as many as": _UP_TO,
    },
    "de": {
        "etwa": _APPROX, "rund": _APPROX, "ungefähr": _APPROX, "circa": _APPROX,
        "ca.": _APPROX, "zirka": _APPROX, "knapp": _APPROX, "fast": _APPROX,
        "nahezu": _APPROX, "annähernd": _APPROX,
        "mehr als": _AT_LEAST, "über": _AT_LEAST, "mindestens": _AT_LEAST,
        "höchstens": _AT_MOST, "maximal": _AT_MOST, "weniger als": _AT_MOST,
        "bis zu": _UP_TO,
    },
    "fr": {
        "environ": _APPROX, "près de": _APPROX, "quelque": _APPROX, "presque": _APPROX,
        "approximativement": _APPROX, "à peu près": _APPROX, "autour de": _APPROX,
        "de l'ordre de": _APPROX, "de l’ordre de": _APPROX,
        "plus de": _AT_LEAST, "au moins": _AT_LEAST, "au minimum": _AT_LEAST,
        "au plus": _AT_MOST, "au maximum": _AT_MOST, "moins de": _AT_MOST,
        "jusqu'à": _UP_TO, "jusqu’à": _UP_TO,
    },
    "nl": {
        "ongeveer": _APPROX, "circa": _APPROX, "ca.": _APPROX, "zo'n": _APPROX,
        "zo’n": _APPROX, "bijna": _APPROX, "rond de": _APPROX, "nagenoeg": _APPROX,
        "meer dan": _AT_LEAST, "ruim": _AT_LEAST, "minstens": _AT_LEAST,
        "ten minste": _AT_LEAST, "minimaal": _AT_LEAST,
        "hoogstens": _AT_MOST, "maximaal": _AT_MOST, "minder dan": _AT_MOST,
        "tot wel": _UP_TO, "tot maar liefst": _UP_TO,
    },
    "pl": {
        "około": _APPROX, "ok.": _APPROX, "blisko": _APPROX, "prawie": _APPROX,
        "niemal": _APPROX, "mniej więcej": _APPROX,
        "ponad": _AT_LEAST, "przeszło": _AT_LEAST, "co najmniej": _AT_LEAST,
        "więcej niż": _AT_LEAST, "minimum": _AT_LEAST,
        "najwyżej": _AT_MOST, "maksymalnie": _AT_MOST, "mniej niż": _AT_MOST,
        "nawet do": _UP_TO, "aż do": _UP_TO,
    },
    "nb": {
        "rundt": _APPROX, "omtrent": _APPROX, "cirka": _APPROX, "ca.": _APPROX,
        "nesten": _APPROX, "nærmere": _APPROX, "om lag": _APPROX,
        "over": _AT_LEAST, "mer enn": _AT_LEAST, "minst": _AT_LEAST,
        "under": _AT_MOST, "mindre enn": _AT_MOST, "høyst": _AT_MOST,
        "opptil": _UP_TO, "inntil": _UP_TO,
    },
    "es": {
        "aproximadamente": _APPROX, "alrededor de": _APPROX, "cerca de": _APPROX,
        "unos": _APPROX, "unas": _APPROX, "casi": _APPROX, "en torno a": _APPROX,
        "más de": _AT_LEAST, "al menos": _AT_LEAST, "por lo menos": _AT_LEAST,
        "como máximo": _AT_MOST, "menos de": _AT_MOST,
        "hasta": _UP_TO,
    },
    "it": {
        "circa": _APPROX, "quasi": _APPROX, "intorno a": _APPROX, "attorno a": _APPROX,
        "oltre": _AT_LEAST, "più di": _AT_LEAST, "almeno": _AT_LEAST,
        "al massimo": _AT_MOST, "meno di": _AT_MOST,
        "fino a": _UP_TO,
    },
    "pt": {
        "aproximadamente": _APPROX, "cerca de": _APPROX, "quase": _APPROX,
        "por volta de": _APPROX, "em torno de": _APPROX,
        "mais de": _AT_LEAST, "pelo menos": _AT_LEAST, "no mínimo": _AT_LEAST,
        "acima de": _AT_LEAST,
        "no máximo": _AT_MOST, "menos de": _AT_MOST,
        "até": _UP_TO,
    },
    "ja": {
        "約": _APPROX, "およそ": _APPROX, "おおよそ": _APPROX, "ほぼ": _APPROX,
        "少なくとも": _AT_LEAST, "最低": _AT_LEAST,
        "最多": _AT_MOST,
        "最大": _UP_TO,
    },
    "zh": {
        "约": _APPROX, "大约": _APPROX, "約": _APPROX, "大約": _APPROX, "近": _APPROX,
        "将近": _APPROX, "接近": _APPROX,
        "超过": _AT_LEAST, "超過": _AT_LEAST, "逾": _AT_LEAST, "至少": _AT_LEAST,
        "最多": _AT_MOST, "不超过": _AT_MOST, "不到": _AT_MOST,
        # comparisons: "远高于5亿美元" (far higher than) is a bound, not the figure
        "高于": _AT_LEAST, "高於": _AT_LEAST, "低于": _AT_MOST, "低於": _AT_MOST,
        "高达": _UP_TO, "多达": _UP_TO,
    },
    "ko": {
        "약": _APPROX, "대략": _APPROX,
        "최소": _AT_LEAST,
        "최대": _UP_TO,
    },
}  # fmt: skip

UP_TO_AFTER_CHANGE: Final[Mapping[str, str]] = {
    # "hasta", "fino a", "até" after a word of change say where the figure went, not a
    # bound of it: "la duplicación de su inversión hasta 200.000 millones" (regex of the
    # word stems, whole words, earlier in the sentence).
    "es": r"duplic|triplic|aument|elev|increment|ampli|recort|reduc|crec|dispar",
    "it": r"raddoppi|triplic|aument|elev|increment|ampli|ridu|cresc",
    "pt": r"duplic|triplic|aument|elev|increment|ampli|reduz|reduç|cresc",
}

QUALIFIERS_INSIDE: Final[Mapping[str, Mapping[str, Qualifier]]] = {
    # Written between the number and its scale or currency ("5000多亿元", "5억여 원").
    "ja": {"余": _AT_LEAST},
    "zh": {"多": _AT_LEAST, "余": _AT_LEAST, "餘": _AT_LEAST},
    "ko": {"여": _AT_LEAST},
}

QUALIFIERS_AFTER: Final[Mapping[str, Mapping[str, Qualifier]]] = {
    # Words right after the quantity (mostly CJK: "5000亿元左右", "6% 이상").
    "en": {"or more": _AT_LEAST, "or less": _AT_MOST},
    "de": {"oder mehr": _AT_LEAST},
    "fr": {"ou plus": _AT_LEAST},
    "nb": {"eller mer": _AT_LEAST},
    "nl": {"of meer": _AT_LEAST},
    "pl": {"lub więcej": _AT_LEAST},
    "es": {"o más": _AT_LEAST},
    "it": {"o più": _AT_LEAST},
    "pt": {"ou mais": _AT_LEAST},
    "ja": {
        "以上": _AT_LEAST, "超": _AT_LEAST, "余り": _AT_LEAST, "強": _AT_LEAST,
        "前後": _APPROX, "程度": _APPROX, "ほど": _APPROX, "弱": _APPROX,
        "以下": _AT_MOST, "未満": _AT_MOST,
        # the object particle, then a verb of comparison: "5億ドルを大きく上回る"
        "を上回": _AT_LEAST, "を大きく上回": _AT_LEAST, "を超え": _AT_LEAST,
        "を下回": _AT_MOST,
    },
    "zh": {
        "以上": _AT_LEAST, "多": _AT_LEAST, "余": _AT_LEAST,
        "左右": _APPROX, "上下": _APPROX,
        "以下": _AT_MOST,
    },
    "ko": {
        "이상": _AT_LEAST, "넘게": _AT_LEAST,
        "가량": _APPROX, "정도": _APPROX, "내외": _APPROX, "쯤": _APPROX,
        "이하": _AT_MOST, "미만": _AT_MOST,
        # "초과" (exceeding), also as a verb after the object particle, maybe with an
        # adverb: "5억 달러를 훨씬 초과했다", "5억 달러를 넘는"
        "초과": _AT_LEAST, "을 초과": _AT_LEAST, "를 초과": _AT_LEAST,
        "을 훨씬 초과": _AT_LEAST, "를 훨씬 초과": _AT_LEAST,
        "을 넘": _AT_LEAST, "를 넘": _AT_LEAST, "을 훨씬 넘": _AT_LEAST, "를 훨씬 넘": _AT_LEAST,
    },
}  # fmt: skip

# --- periods: a year or a month below a day's precision -----------------------------------

YEAR_PREPOSITIONS: Final[Mapping[str, tuple[str, ...]]] = {
    # Words that make a bare year a date ("by 2026", "d'ici 2029"): the surface is the
    # year alone. A year with none of these ("Progress Toward 2028", "GPT-2025") is not
    # reported: four digits alone are too often names, counts or page furniture.
    # "between 2025 and 2027" (a range of years) is a time too.
    # "for" only after a word of plan ("completion planned for 2028"): alone it is too
    # often a name's or a budget's ("Vision for 2030"); likewise "pour" and "para" (pt).
    "en": ("by", "in", "until", "till", "through", "since", "before", "during", "between",
           "planned for", "scheduled for", "slated for", "expected for", "set for",
           "targeted for"),
    "de": ("bis", "im Jahr", "im Jahre", "in", "seit", "ab", "vor", "bis zum Jahr",
           "zwischen"),
    "fr": ("d'ici", "d’ici", "en", "jusqu'en", "jusqu’en", "depuis", "avant", "dès",
           "d'ici à", "d’ici à", "entre", "prévu pour", "prévue pour", "prévus pour",
           "prévues pour"),
    "es": ("para", "en", "hasta", "desde", "antes de", "en el año", "para el año", "entre"),
    "it": ("entro il", "entro", "nel", "fino al", "dal", "prima del", "per il"),
    "pt": ("até", "em", "desde", "antes de", "no ano de", "até o fim de", "entre",
           "previsto para", "prevista para", "previstos para", "previstas para",
           "programado para", "programada para"),
    "nb": ("innen", "i", "til", "fra", "siden", "før", "innen utgangen av", "mellom"),
    "nl": ("tegen", "in", "tot", "sinds", "vanaf", "voor", "uiterlijk in", "tussen"),
    "pl": ("do", "w", "od", "przed", "po", "do końca", "między", "pomiędzy"),
}  # fmt: skip

YEAR_EVENT_NOUN_ENDINGS: Final[Mapping[str, tuple[str, ...]]] = {
    # German writes the event a bare year dates as one compound noun right before it
    # ("Produktionsbeginn 2026", "Baustart 2023"): the year is a date.
    "de": ("beginn", "start", "eröffnung", "fertigstellung", "inbetriebnahme"),
}

YEAR_MODIFIERS: Final[Mapping[str, tuple[str, ...]]] = {
    # Words that are part of the period ("mid-2026", "Ende 2025"): kept in the surface,
    # the value stays the year (the contract has no half-year precision).
    # A half or quarter of the year ("zweiten Hälfte 2024", "1er semestre 2022", "H2
    # 2024") dates its year too: plans are announced by half-year and quarter.
    "en": ("mid-", "mid", "early", "late", "end-", "end of", "the end of", "start of",
           "the start of", "beginning of", "the beginning of", "the first half of",
           "the second half of", "fiscal", "FY", "quarter of", "quarters of", "half of",
           "H1", "H2", "Q1", "Q2", "Q3", "Q4"),
    "de": ("Mitte", "Ende", "Anfang", "Frühjahr", "Herbst", "Sommer", "Winter", "Hälfte",
           "Jahreshälfte", "Halbjahr", "Halbjahres", "Quartal", "Quartals"),
    "fr": ("mi-", "fin", "début", "courant", "fin de l'année", "printemps", "automne",
           "semestre", "trimestre"),
    "es": ("mediados de", "finales de", "fines de", "principios de", "comienzos de",
           "semestre de", "trimestre de", "mitad de"),
    "it": ("metà", "fine", "inizio", "metà del", "fine del", "inizio del", "semestre",
           "trimestre", "semestre del", "trimestre del"),
    "pt": ("meados de", "final de", "fim de", "início de", "o final de", "semestre de",
           "trimestre de", "metade de"),
    "nb": ("midten av", "slutten av", "begynnelsen av", "utgangen av", "halvdel av",
           "halvår", "kvartal"),
    "nl": ("medio", "eind", "begin", "half", "midden", "halverwege", "eind van", "begin van",
           "voorjaar", "najaar", "zomer", "winter", "voorjaar van", "najaar van",
           "zomer van", "winter van", "helft van", "kwartaal van"),
    "pl": ("pod koniec", "na początku", "w połowie", "koniec", "początek", "połowa",
           "końca", "początku", "połowie", "wiosną", "latem", "jesienią", "zimą"),
}  # fmt: skip

MONTH_YEAR_CONNECTORS: Final = ("de", "del", "of")
"""Words between a month name and its year ("junio de 2024")."""

# --- ranges ------------------------------------------------------------------------------

RANGE_DASHES: Final = ("-", "–", "—", "─", "―", "~", "〜", "～", "至")
"""Between the two ends of a range written with no word ("15-25", "120億─230億ドル")."""

RANGE_WORDS: Final[Mapping[str, tuple[str, ...]]] = {
    # "15 to 25 billion", "15 à 25 milliards"; not after a 'from' word (see RANGE_FROM):
    # "rose from 5 to 10" is a change, not a range.
    "en": ("to",), "de": ("bis",), "fr": ("à",), "es": ("a",), "it": ("a",), "pt": ("a",),
    "nb": ("til",), "nl": ("tot",), "pl": ("do",),
}  # fmt: skip

RANGE_BETWEEN: Final[Mapping[str, tuple[tuple[str, ...], tuple[str, ...]]]] = {
    # ("between" words, "and" words): "between 10 and 12", "zwischen 10 und 12".
    "en": (("between",), ("and",)),
    "de": (("zwischen",), ("und",)),
    "fr": (("entre",), ("et",)),
    "es": (("entre",), ("y",)),
    "it": (("tra", "fra"), ("e",)),
    "pt": (("entre",), ("e",)),
    "nb": (("mellom",), ("og",)),
    "nl": (("tussen",), ("en",)),
    "pl": (("między", "pomiędzy"), ("a",)),
}

RANGE_FROM: Final[Mapping[str, tuple[str, ...]]] = {
    # German "von 6 bis 7 Milliarden" is a range: its change is "von 116 auf 96".
    "en": ("from",), "nb": ("fra",),
    # French "de ... à" is a range ("de 15 à 25 milliards") unless a verb of change
    # takes it: "passe de 6,8 milliards à 9,9 milliards" is a change.
    "fr": ("passe de", "passé de", "passer de", "passera de", "passant de", "passait de",
           "passée de", "passés de", "passées de"),
    # Dutch "van 10 tot 12" and Polish "od 10 do 12" are ranges: their changes are
    # "van 10 naar 12" (no range word) and "z 10 do 12".
    "pl": ("z", "ze"),
}  # fmt: skip

# --- scope -------------------------------------------------------------------------------

PHASE_WORDS: Final[Mapping[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]]] = {
    # (word for a phase, words for "first" before it, CJK suffixes after a number):
    # "phase 1", "first phase", "erste Phase", "第1期", "1단계" give the scope "phase N".
    "en": (("phase",), ("first", "initial"), ()),
    "de": (("Phase", "Bauabschnitt", "Ausbaustufe"), ("erste", "ersten", "erster"), ()),
    "fr": (("phase", "tranche"), ("première",), ()),
    "es": (("fase", "etapa"), ("primera",), ()),
    "it": (("fase",), ("prima",), ()),
    "pt": (("fase", "etapa"), ("primeira",), ()),
    "nb": (("fase", "trinn"), ("første",), ()),
    "nl": (("fase",), ("eerste",), ()),
    "pl": (
        ("faza", "fazie", "fazy", "etap", "etapie", "etapu"),
        ("pierwsza", "pierwszej", "pierwszy", "pierwszym", "pierwszego"),
        (),
    ),
    "ja": ((), (), ("期", "期目")),
    "zh": ((), (), ("期",)),
    "ko": (("단계",), (), ("단계",)),
}

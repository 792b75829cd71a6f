"""The words of each language the scope rules read (extractors/scope_rules.py).

Data only: a language missing from a table simply has no such rule. Keys are the
word language of ``locale_facts.word_language`` ("nb" for Norwegian).
"""

from __future__ import annotations

# Languages written without spaces between words: a word there needs no boundary.
UNSPACED = frozenset({"zh", "ja"})

# Korean particles (and their common pairs) that follow a noun: a name followed by more
# Hangul than one of these is part of a longer word ("인도네시아", "시가총액").
# fmt: off
KOREAN_PARTICLES = frozenset((
    "은", "는", "이", "가", "을", "를", "의", "에", "께", "로", "으로", "와", "과", "도", "만",
    "나", "이나", "랑", "이랑", "하고", "보다", "처럼", "부터", "까지", "에서", "에게", "에는",
    "에도", "에서는", "에서도", "에서의", "으로는", "로는", "으로도", "로도", "과의", "와의",
    "과는", "와는", "만의", "까지는", "부터는", "이다", "였다", "이며", "이고", "측", "산",
))
# fmt: on
# A noun made a verb ("추가 투자한다", "투자했다", "확정된"): the name still ends there.
KOREAN_VERB_ENDINGS = ("하", "한", "할", "함", "합", "했", "해", "되", "된", "될", "됐", "돼")

# Words that make a time the baseline of a change ("compared with 2024", "지난해 대비",
# "比去年"), per language: written before the time, or after it (Korean, Japanese and
# Chinese postpositions).
COMPARED_BEFORE: dict[str, tuple[str, ...]] = {
    "en": ("compared with", "compared to", "versus", "vs.", "vs", "from"),
    "de": ("gegenüber", "im Vergleich zu", "im Vergleich zum", "verglichen mit"),
    "fr": ("par rapport à", "par rapport au", "comparé à", "comparativement à"),
    "es": ("respecto a", "respecto al", "frente a", "frente al", "en comparación con"),
    "it": ("rispetto a", "rispetto al", "in confronto a"),
    "pt": ("em relação a", "em relação ao", "face a", "comparado com"),
    "nb": ("sammenlignet med", "mot"),
    "nl": ("vergeleken met", "ten opzichte van", "tegenover"),
    "pl": ("w porównaniu z", "w porównaniu do", "wobec", "w stosunku do"),
    "zh": ("比", "较", "較", "与", "與", "同比"),
    "ja": ("比",),
}
COMPARED_AFTER: dict[str, tuple[str, ...]] = {
    "ko": ("대비", "보다", "에 비해", "과 비교해", "와 비교해", "比"),
    "ja": ("比", "と比べ", "に比べ", "と比較"),
    "zh": ("相比", "相較", "相较"),
}

# A change from one value to another, per language: (the word before the first value,
# the words between the two, the word after the second), each a regular expression or
# None ("from $3.5 trillion to $2.9 trillion", "von 116 auf 96 Milliarden", "1위에서
# 3위로", "3兆5000億ドルから2兆9000億ドルに", "从1000亿美元增至5000亿美元").
FROM_TO: dict[str, tuple[str | None, str, str | None]] = {
    "en": (r"from", r"to", None),
    "de": (r"von", r"auf|bis|zu", None),
    "fr": (r"de|d[’']", r"à", None),
    "es": (r"de|desde", r"a|hasta", None),
    "it": (r"da", r"a", None),
    "pt": (r"de", r"para|a", None),
    "nb": (r"fra", r"til", None),
    "nl": (r"van", r"naar", None),  # "van 10 tot 12" is a range
    "pl": (r"z|ze", r"do|na", None),  # "od 10 do 12" is a range
    "zh": (r"从|從|由", r"降至|跌至|升至|增至|增加到|减少到|減少到|下降到|上升到|到|至", None),
    "ja": (None, r"から", r"に|へ|まで"),
    "ko": (None, r"에서", r"으로|로|까지"),
}

# Words that point back at what the previous sentence named ("this investment", "ce
# site", "這項投資", "이번 투자"), per language. Korean "이" is a word of its own only
# as "this" (the particle is glued to its noun).
DEMONSTRATIVES: dict[str, tuple[str, ...]] = {
    "en": ("this", "these"),
    "de": ("dies", "diese", "dieser", "dieses", "diesem", "diesen"),
    "fr": ("ce", "cet", "cette", "ces"),
    "es": ("este", "esta", "estos", "estas", "dicho", "dicha"),
    "it": ("questo", "questa", "questi", "queste"),
    "pt": ("este", "esta", "estes", "estas", "esse", "essa"),
    "nb": ("denne", "dette", "disse"),
    "nl": ("deze", "dit"),
    "pl": ("ten", "ta", "to", "te", "tego", "tej", "tym"),
    "zh": ("這項", "这项", "這筆", "这笔", "該", "该", "此"),
    "ja": ("この", "当該"),
    "ko": ("이번", "이", "해당"),
}

# What marks a name as the topic or the frame of its sentence ("テキサス州では、", "「Fab1」
# は、"), per language, a regular expression read right after the name. Japanese puts
# the subject first and the place mid-sentence ("マイクロンはニューヨーク州に…"), and
# its first clause is often the whole sentence: a site sets the scene for the sentences
# after it only when so marked. A language missing here reads the first clause.
TOPIC_MARKERS: dict[str, str] = {
    "ja": r"[」』）)]?(?:では|には|は)",
}
# A clause that only says who reports what follows ("액션뉴스가 보도한 바에 따르면,",
# "ロイターによると、", "据路透社报道,"), per language, a regular expression matched over the
# clause: it opens no statement of its own; the clause after it does, as after a lone
# connective ("其中，").
ATTRIBUTIONS: dict[str, str] = {
    "ko": r".*(?:에 따르면|에 의하면)[ \u00a0]*[,，]?[ \u00a0]*",
    "ja": r".*(?:によると|によれば)[ \u00a0]*[、,，]?[ \u00a0]*",
    "zh": (
        r"[ \u00a0]*(?:据|據|根据|根據)[^，,。]{1,30}(?:报道|報導|报导|消息|表示|指出)"
        r"[ \u00a0]*[,，]?"
    ),
}
# Case particles that make a name an argument of its sentence's verb: the place where
# something is built, or what is built ("リッチランド郡に…を建設中", "「ハイペリオン」を建設
# 中"), per language with TOPIC_MARKERS. A next sentence that names no subject goes on
# about it ("総面積は…、投資額は270億ドルである": Japanese drops the topic it keeps); one
# that names its actor anew ("同省によれば、マイクロンの投資によって…") starts its own
# frame. Not "での", "への", "にの": a name before "の" modifies another noun.
CASE_MARKERS: dict[str, str] = {
    "ja": r"[」』）)]?(?:が|を|に|で|へ)(?!の)",
}
# A numbered part named as the first of a series ("「Fab2」以降", Fab 2 and those after it),
# then "respectively" before a list of figures ("それぞれ33年末、35年末、41年末"), per
# language: the series' words after the name (a regular expression) and the words for
# "respectively". The list's first figure is the named part's, each next one the part
# numbered one more ("Fab3", "Fab4").
SERIES_ONWARD: dict[str, tuple[str, tuple[str, ...]]] = {
    "ja": (r"[」』）)]?(?:以降|以後)", ("それぞれ",)),
}
# The topic of a sentence that names again a thing the sentence before built or bought
# (its object, before "を"), per language with TOPIC_MARKERS, a regular expression over
# the sentence's opening: the phrase before the first topic marker, which ends in the
# thing's noun ("…バッテリー工場を建設すると発表した。" / "…デブレツェンに建設する…規模の
# 工場は…": the plant, placed). ``noun`` is the head noun, ``phrase`` the whole topic.
TOPIC_AGAIN: dict[str, str] = {
    "ja": r"(?P<phrase>[^。、]*?(?P<noun>[\u4e00-\u9fff\u30a0-\u30ff]{2,}))は",
}
# What the sentence before built or bought: a noun before the object marker "を".
OBJECTS: dict[str, str] = {
    "ja": r"(?P<noun>[\u4e00-\u9fff\u30a0-\u30ff]{2,})を",
}
# A verb's continuative form before a clause's comma ("…を建設中で、", "…を建設し、",
# "…を投じて、"), per language with CASE_MARKERS: Japanese chains the clauses of one
# statement so, each going on with the topic and the place of the one before ("…デブレツ
# ェンに新工場を建設中で、2026年の稼働を目指す": the start is that plant's).
CONTINUATIVES: dict[str, str] = {
    "ja": r"(?:て|で|し)[、,，]",
}

# Determiners before a noun that names again what was named ("the phase", "die Phase").
DETERMINERS: dict[str, tuple[str, ...]] = {
    "en": ("the", "this", "that"),
    "de": ("der", "die", "das", "den", "dem", "des", "diese", "dieser", "dieses", "diesem"),
    "fr": ("le", "la", "l'", "l’", "ce", "cet", "cette"),
    "es": ("el", "la", "este", "esta"),
    "it": ("il", "lo", "la", "l'", "l’", "questo", "questa"),
    "pt": ("o", "a", "este", "esta", "esse", "essa"),
    "nl": ("de", "het", "deze", "dit"),
}

# Japanese and Korean words before a noun that take up a part named with that noun
# ("各工場", each of the plants; "同工場", "이 공장", "각 공장"): the part last named whose
# name ends in it ("11の半導体工場", "첫 반도체 제조공장"), as DETERMINERS do in spaced
# languages. Both put the head of a compound last.
HEAD_DETERMINERS: dict[str, tuple[str, ...]] = {
    "ja": ("この", "その", "同", "当該", "各"),
    "ko": ("이", "그", "해당", "각"),
}

# Conjunctions of contrast that open a clause making a statement of its own ("..., while
# the Lordstown site, in Ohio, draws 0.8 GW"), per language: what the sentence named
# before is not what that statement is about. Japanese and Korean mark contrast on the
# verb before the comma, so their clauses open with no such word.
CONTRASTS: dict[str, tuple[str, ...]] = {
    "en": ("while", "whilst", "whereas", "but"),
    "de": ("während", "wohingegen", "aber", "doch"),
    "fr": ("tandis que", "alors que", "mais"),
    "es": ("mientras que", "mientras", "pero"),
    "it": ("mentre", "ma"),
    "pt": ("enquanto", "mas"),
    "nb": ("mens", "men"),
    "nl": ("terwijl", "maar"),
    "pl": ("podczas gdy", "natomiast", "ale", "lecz"),
    "zh": ("而", "但", "但是"),
}

# Adverbs that sum the parts ("In total, the two phases represent $40 billion", "Au
# total, les investissements … 47 milliards"): a figure whose clause says so is about
# the whole, unless the clause itself names a part, or the clause of the word does ("在
# 阿比林投资共计…，到2027年建成4座": that part's total, and what its statement goes on
# about); a part named in the sentences before or in the headline does not scope it.
# Chinese and Japanese words are read with no word boundary (no spaces around them).
TOTALS: dict[str, tuple[str, ...]] = {
    "en": ("in total", "all told", "altogether"),
    "de": ("insgesamt",),
    "fr": ("au total", "en tout"),
    "es": ("en total", "en conjunto"),
    "it": ("in totale", "complessivamente"),
    "pt": ("no total", "ao todo"),
    "nb": ("totalt", "til sammen"),
    "nl": ("in totaal",),
    "pl": ("łącznie", "w sumie"),
    "zh": ("总计", "總計", "共计", "共計", "合计", "合計", "总共", "總共"),
    "ja": ("合計", "総計", "合わせて"),
}
# A count of what a group holds ("傘下の9工場", "傘下の全工場": the plants under its
# umbrella), per language, a regular expression: all of them together, as "in total"
# says (TOTALS), so no one part, nor the headline's site, is theirs. Not "傘下の" before
# a name ("X傘下のY": Y, a company of X's group), which counts nothing.
GROUP_COUNTS: dict[str, str] = {
    "ja": r"傘下の(?:全|\d)",
}

# "Is part of" as the verb of its sentence, per language: what follows is the larger
# whole the subject belongs to ("Micron's New York megafab is part of its strategy to
# raise output to 40%", "fait partie d'un plan plus large visant à importer 40 %"), so a
# figure after it is that whole's, not the part named or pointed at before it. One the
# words name after them is still its ("is part of a $37 billion investment in Central
# Texas"). Not "as part of", which only adds a circumstance to its sentence.
PART_OF: dict[str, tuple[str, ...]] = {
    "en": ("is part of", "are part of", "was part of", "were part of", "is a part of",
           "forms part of", "form part of"),
    "de": ("ist Teil", "sind Teil", "ist ein Teil", "sind ein Teil", "ist Bestandteil"),
    "fr": ("fait partie", "font partie", "faisait partie", "fera partie"),
    "es": ("forma parte", "forman parte", "es parte de", "son parte de"),
    "it": ("fa parte", "fanno parte", "è parte di"),
    "pt": ("faz parte", "fazem parte", "é parte de"),
    "nl": ("is onderdeel van", "maakt deel uit", "is deel van"),
}  # fmt: skip

# Words that give a company's seat ("Micron, based in Boise, said …", "basée à Boise",
# "mit Sitz in", "总部位于"), per language: written before the place, or after it
# ("Boise-based"). The place is where the company is, not a part of the story the
# figures around it are about.
SEAT_BEFORE: dict[str, tuple[str, ...]] = {
    "en": ("based in", "headquartered in"),
    "de": ("mit Sitz in", "mit Hauptsitz in"),
    "fr": ("basée à", "basé à", "basée en", "basé en", "dont le siège est à"),
    "es": ("con sede en", "con sede central en"),
    "it": ("con sede a", "con sede in"),
    "pt": ("com sede em",),
    "nl": ("gevestigd in",),
    "zh": ("总部位于", "總部位於", "总部设在", "總部設在"),
}
SEAT_AFTER: dict[str, tuple[str, ...]] = {
    "en": ("-based", "-headquartered"),
    "ja": ("に本社を置く", "に本社がある"),
    "ko": ("에 본사를 둔",),
}

# Nouns for a site by its kind ("the plant", "das Werk", "l'usine"): after a determiner
# (DETERMINERS) they name the site the page placed last. Chinese, Japanese and Korean
# have no determiner: the phrase with its demonstrative ("该工厂", "同工場", "이 공장").
# Not "der Standort": "der Standort Deutschland" is the country as a place to invest.
FACILITY_NOUNS: dict[str, tuple[str, ...]] = {
    "en": ("plant", "fab", "factory", "facility", "site"),
    "de": ("Werk", "Fabrik", "Anlage"),
    "fr": ("usine", "site", "fab"),
    "es": ("planta", "fábrica", "instalación"),
    "it": ("fabbrica", "stabilimento", "impianto"),
    "pt": ("fábrica", "planta", "unidade", "local"),
    "nl": ("fabriek", "vestiging"),
    "zh": ("该工厂", "該工廠", "该厂", "該廠", "这座工厂", "這座工廠", "此工厂", "此工廠"),
    "ja": ("同工場", "この工場"),
    "ko": ("이 공장", "해당 공장"),
}

# Where a thing stands against a part named just before the word ("第2工場は第1工場の東側で",
# "2공장은 1공장 동측에", "二廠位於一廠旁"): that part is a landmark, not what the sentence
# is about, when the sentence names another. Only where the word follows the name, as in
# these languages: in the others "near Abilene" is as often where the plant itself is.
BESIDE: dict[str, tuple[str, ...]] = {
    "ja": ("の東側", "の西側", "の南側", "の北側", "の隣", "の近く", "のそば", "に隣接"),
    "ko": ("동측", "서측", "남측", "북측", "옆", "인근", "근처"),
    "zh": ("旁边", "旁邊", "旁", "附近", "东侧", "東側", "西侧", "西側", "隔壁"),
}

# "New" between the determiner and a facility noun ("the new plant", "O novo local", "la
# nouvelle usine", "das neue Werk"): a page calls the site it has just placed its new one.
NEW_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("new",),
    "de": ("neue", "neuen", "neues"),
    "fr": ("nouvelle", "nouveau", "nouvel"),
    "es": ("nueva", "nuevo"),
    "it": ("nuova", "nuovo"),
    "pt": ("nova", "novo"),
    "nl": ("nieuwe",),
}

# Articles that open a noun phrase, per language: each item of a list of things ("two
# new fabs, a research hub, and a packaging plant in Taylor") opens with one. Polish has
# no articles: no such list is read there.
ARTICLES: dict[str, tuple[str, ...]] = {
    "en": ("a", "an", "the"),
    "de": ("ein", "eine", "einen", "einem", "der", "die", "das", "den", "dem"),
    "fr": ("un", "une", "des", "le", "la", "les", "l'", "l’"),
    "es": ("un", "una", "unos", "unas", "el", "la", "los", "las"),
    "it": ("un", "una", "uno", "il", "lo", "la", "i", "gli", "le", "l'", "l’"),
    "pt": ("um", "uma", "o", "a", "os", "as"),
    "nb": ("en", "ei", "et"),
    "nl": ("een", "de", "het"),
}

# Names of a vehicle the parties of a project set up to own and fund it ("joint
# venture", "SPV", "co-entreprise"), per language: a part of the profile whose name or
# alias holds one is the story's venture. What that vehicle raises, pays out and who
# owns it are its figures: its financing, the debt and equity that make it up, its
# owners' capital contributions ("aporte", "apport"), their payouts and their stakes
# ("a $29 billion financing package", "26 miliardi di dollari in debito", "a one-time
# payout of $3 billion", "a 20% ownership stake"). A profile lists the venture under
# the name one page gave it; the next page speaks of its financing and its stakes.
VENTURE_NAMES: dict[str, tuple[str, ...]] = {
    "en": ("joint venture", "joint-venture", "special purpose vehicle", "SPV"),
    "de": ("Gemeinschaftsunternehmen", "Joint Venture", "Zweckgesellschaft"),
    "fr": ("co-entreprise", "coentreprise", "société commune", "joint-venture"),
    "es": ("sociedad conjunta", "empresa conjunta", "empresa común", "sociedad vehículo"),
    "it": ("joint venture", "società veicolo"),
    "pt": ("joint venture", "sociedade de propósito específico"),
    "nl": ("joint venture",),
    "ja": ("合弁", "特別目的会社"),
    "zh": ("合资", "合資", "特殊目的"),
    "ko": ("합작", "특수목적법인"),
}
# Not the words for a share in general ("Anteil", "quota", "aandeel": a market share).
FINANCING_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("financing", "debt", "equity", "payout", "stake"),
    "de": (
        "Finanzierung",
        "Finanzierungspaket",
        "Fremdkapital",
        "Eigenkapital",
        "Ausschüttung",
        "Beteiligung",
    ),
    "fr": ("financement", "dette", "fonds propres", "apport", "participation"),
    "es": ("financiamiento", "financiación", "deuda", "aporte", "pago único", "participación"),
    "it": ("finanziamento", "debito", "equity", "partecipazione"),
    "pt": ("financiamento", "dívida", "aporte", "participação"),
    "nl": ("financiering", "eigen vermogen"),
    "nb": ("finansiering", "gjeld", "egenkapital", "eierandel"),
    "pl": ("finansowanie",),
    "ja": ("資金調達", "調達", "融資", "出資", "株式"),
    "zh": ("融资", "债务", "股权", "持股", "出资"),
    "ko": ("자금 조달", "조달", "금융", "지분", "출자"),
}

# Nouns for a part of a period, per language: an ordinal right before one is a time ("the
# second half of the decade", "die erste Hälfte 2022", "le premier semestre"), so a part
# called by its ordinal ("the second", for the second fab) is not named there.
TIME_FRACTIONS: dict[str, tuple[str, ...]] = {
    "en": ("half", "quarter"),
    "de": ("Hälfte", "Halbjahr", "Quartal"),
    "fr": ("moitié", "semestre", "trimestre"),
    "es": ("mitad", "semestre", "trimestre"),
    "it": ("metà", "semestre", "trimestre"),
    "pt": ("metade", "semestre", "trimestre"),
    "nl": ("helft", "kwartaal"),
    "nb": ("halvdel", "halvår", "kvartal"),
    "pl": ("połowa", "półrocze", "kwartał"),
}

# Prepositions that open a clause with a subject of its own ("…, with the third unit,
# built at Waterford, expected to start in 2029"), per language: when that clause names a
# part, it opens a statement about that part, as a contrast does (CONTRASTS); one that
# names none ("…, with 2 GW of power") goes on about what its sentence opened with.
WITH_CLAUSES: dict[str, tuple[str, ...]] = {
    "en": ("with",),
    "fr": ("avec",),
    "es": ("con",),
    "it": ("con",),
    "pt": ("com",),
    "nl": ("met",),
}

# Prepositions of place that join two names of the profile's parts, per language: in
# "ein neues Rechenzentrum in Memphis", "il nuovo impianto a Memphis", "the second site
# in Memphis" the place after the word only says where the part before it is, and the
# figure is about that part. Not "near" ("in der Nähe von Austin"): a landmark.
LOCATIVES: dict[str, tuple[str, ...]] = {
    "en": ("in", "at"),
    "de": ("in", "im", "bei"),
    "fr": ("à", "au", "en", "dans"),
    "es": ("en",),
    "it": ("a", "in", "ad"),
    "pt": ("em",),
    "nl": ("in", "te"),
    "pl": ("w", "we"),
    "nb": ("i", "på"),
}

# Relative pronouns that open a clause describing the noun before it ("…, which the plant
# in Mississippi will feed", "…, die mit dem Kraftwerk verbunden wird"), per language:
# what such a clause names after a figure's clause is said of that noun, not where the
# figure is. Not "um … zu", "to …": a purpose goes on about the figure's own statement.
RELATIVES: dict[str, tuple[str, ...]] = {
    "en": ("which", "who", "whose", "that"),
    "de": ("der", "die", "das", "dem", "den", "deren", "dessen", "welche", "welcher", "welches"),
    "fr": ("qui", "que", "qu'", "qu’", "dont", "lequel", "laquelle", "lesquels", "lesquelles"),
    "es": ("que", "quien", "cual", "cuyo", "cuya", "donde"),
    "it": ("che", "cui", "il quale", "la quale", "dove"),
    "pt": ("que", "qual", "cujo", "cuja", "onde"),
    "nl": ("die", "dat", "welke", "waar"),
    "nb": ("som",),
    "pl": ("który", "która", "które", "którego", "której", "których"),
}

"""Hand-made mutants of numbers.py's module constants and regex internals (issue 16).

mutmut mutates neither module-level tables nor the inside of a regular expression; these
mutants do (docs/testing.md, "Mutation run: the quantity parser").

usage, from the repository root:
    FIRST=tests/quantities/test_numbers_pinned.py \
        python benchmarks/mutate_numbers.py OUT.tsv tests/quantities
Each mutant is one exact text replacement in a copy of src/ put first on PYTHONPATH; the
tests run in a fresh process (FIRST alone first, the whole selection if FIRST passes).
Killed = pytest exit code 1. ONLY="name|name" runs some; SKIP=FILE skips names listed in it.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

N = "stargate_digest/quantities/numbers.py"
L = "stargate_digest/quantities/lexicon.py"
D = [
    ("〇", 0),
    ("零", 0),
    ("一", 1),
    ("二", 2),
    ("两", 2),
    ("兩", 2),
    ("三", 3),
    ("四", 4),
    ("五", 5),
    ("六", 6),
    ("七", 7),
    ("八", 8),
    ("九", 9),
]
M = [
    (
        "GROUP_SPACES drops U+00A0",
        N,
        r'_GROUP_SPACES = "\u00a0\u202f\u2009"',
        r'_GROUP_SPACES = "\u202f\u2009"',
    ),
    (
        "GROUP_SPACES drops U+202F",
        N,
        r'_GROUP_SPACES = "\u00a0\u202f\u2009"',
        r'_GROUP_SPACES = "\u00a0\u2009"',
    ),
    (
        "GROUP_SPACES drops U+2009",
        N,
        r'_GROUP_SPACES = "\u00a0\u202f\u2009"',
        r'_GROUP_SPACES = "\u00a0\u202f"',
    ),
    ("STRIPPED_GROUPS drops space", N, """f" {_GROUP_SPACES}'’\"""", """f"{_GROUP_SPACES}'’\""""),
    ("STRIPPED_GROUPS drops '", N, """f" {_GROUP_SPACES}'’\"""", """f" {_GROUP_SPACES}’\""""),
    ("STRIPPED_GROUPS drops ’", N, """f" {_GROUP_SPACES}'’\"""", """f" {_GROUP_SPACES}'\""""),
    (
        "PLAIN one separator at most",
        N,
        r'_PLAIN = re.compile(r"\d+(?:[.,]\d+)*")',
        r'_PLAIN = re.compile(r"\d+(?:[.,]\d+)?")',
    ),
    (
        "PLAIN no comma",
        N,
        r'_PLAIN = re.compile(r"\d+(?:[.,]\d+)*")',
        r'_PLAIN = re.compile(r"\d+(?:[.]\d+)*")',
    ),
    (
        "PLAIN no dot",
        N,
        r'_PLAIN = re.compile(r"\d+(?:[.,]\d+)*")',
        r'_PLAIN = re.compile(r"\d+(?:[,]\d+)*")',
    ),
    (
        "PLAIN empty separator runs",
        N,
        r'_PLAIN = re.compile(r"\d+(?:[.,]\d+)*")',
        r'_PLAIN = re.compile(r"\d+(?:[.,]\d*)*")',
    ),
]
for ch, v in D:
    M.append((f"CJK_DIGITS {ch} off by one", N, f'"{ch}": {v},', f'"{ch}": {v + 1},'))
    M.append((f"CJK_DIGITS drops {ch}", N, f'"{ch}": {v},', ""))
for ch, v in [("十", 10), ("百", 100), ("千", 1000)]:
    M.append((f"CJK_UNITS {ch} x10", N, f'"{ch}": {v}', f'"{ch}": {v * 10}'))
M += [
    ("CJK_UNITS drops 十", N, '_CJK_UNITS = {"十": 10, ', "_CJK_UNITS = {"),
    ("CJK_UNITS drops 千", N, ', "千": 1000}', "}"),
    (
        "CJK_NUMERAL without units",
        N,
        "{''.join(_CJK_DIGITS)}{''.join(_CJK_UNITS)}]+",
        "{''.join(_CJK_DIGITS)}]+",
    ),
    (
        "CJK_NUMERAL without digits",
        N,
        "{''.join(_CJK_DIGITS)}{''.join(_CJK_UNITS)}]+",
        "{''.join(_CJK_UNITS)}]+",
    ),
    (
        "CJK_NUMERAL one character",
        N,
        "{''.join(_CJK_DIGITS)}{''.join(_CJK_UNITS)}]+",
        "{''.join(_CJK_DIGITS)}{''.join(_CJK_UNITS)}]",
    ),
    (
        "DIGIT_RUN two digits at least",
        N,
        r'_DIGIT_RUN = re.compile(r"\d+")',
        r'_DIGIT_RUN = re.compile(r"\d\d+")',
    ),
    (
        "DIGIT_RUN single digits (equivalent)",
        N,
        r'_DIGIT_RUN = re.compile(r"\d+")',
        r'_DIGIT_RUN = re.compile(r"\d")',
    ),
    ("pattern lead 1-4 digits", N, r'rf"\d{{1,3}}(?:{separator}', r'rf"\d{{1,4}}(?:{separator}'),
    ("pattern lead 2-3 digits", N, r'rf"\d{{1,3}}(?:{separator}', r'rf"\d{{2,3}}(?:{separator}'),
    ("pattern group 2-3 digits", N, r'\d{{3}})+(?!\d)"', r'\d{{2,3}})+(?!\d)"'),
    ("pattern group 3-4 digits", N, r'\d{{3}})+(?!\d)"', r'\d{{3,4}})+(?!\d)"'),
    ("pattern one group only", N, r'\d{{3}})+(?!\d)"', r'\d{{3}})(?!\d)"'),
    ("pattern no lookahead after groups", N, r'\d{{3}})+(?!\d)"', r'\d{{3}})+"'),
    ("pattern no digit lookbehind", N, r'rf"(?<!\d)(?<!\d[.,])', r'rf"(?<!\d[.,])'),
    ("pattern no dotted-tail lookbehind", N, r'rf"(?<!\d)(?<!\d[.,])', r'rf"(?<!\d)'),
    ("pattern dotted-tail lookbehind dot only", N, r"(?<!\d[.,])", r"(?<!\d[.])"),
    ("pattern dotted-tail lookbehind comma only", N, r"(?<!\d[.,])", r"(?<!\d[,])"),
    ("pattern no comma groups", N, r'for separator in (",", r"\.", ', r'for separator in (r"\.", '),
    ("pattern no dot groups", N, r'for separator in (",", r"\.", ', r'for separator in (",", '),
    ("pattern no space groups", N, r'f"[{spaces}]", ', ""),
    ("pattern no apostrophe groups", N, """, "['’]")""", ")"),
    ("pattern straight apostrophe only", N, """"['’]")""", """"[']")"""),
    ("pattern curly apostrophe only", N, """"['’]")""", """"[’]")"""),
    ("pattern no decimal tail", N, r'|\d+)(?:[.,]\d+)?")', r'|\d+)")'),
    ("pattern decimal tail dot only", N, r'|\d+)(?:[.,]\d+)?")', r'|\d+)(?:[.]\d+)?")'),
    ("pattern decimal tail comma only", N, r'|\d+)(?:[.,]\d+)?")', r'|\d+)(?:[,]\d+)?")'),
    (
        "pattern plain space never groups",
        N,
        '(" " if group_symbol(language).isspace() else "")',
        '""',
    ),
    (
        "pattern plain space never groups (a space in every language)",
        N,
        'spaces = _GROUP_SPACES + " "',
        "spaces = _GROUP_SPACES",
    ),
    (
        "pattern plain space always groups",
        N,
        '(" " if group_symbol(language).isspace() else "")',
        '" "',
    ),
    (
        "words no leading boundary",
        N,
        r'rf"\b{_trie(sorted(variants))}\b"',
        r'rf"{_trie(sorted(variants))}\b"',
    ),
    (
        "words no trailing boundary",
        N,
        r'rf"\b{_trie(sorted(variants))}\b"',
        r'rf"\b{_trie(sorted(variants))}"',
    ),
    ("words no-match pattern matches empty", N, 'else "(?!)"', 'else ""'),
    (
        "words no upper-case variant",
        N,
        "word.lower(), word.capitalize(), word.upper()",
        "word.lower(), word.capitalize()",
    ),
    (
        "words no capitalised variant",
        N,
        "word.lower(), word.capitalize(), word.upper()",
        "word.lower(), word.upper()",
    ),
    (
        "words no lower-case variant",
        N,
        "word.lower(), word.capitalize(), word.upper()",
        "word.capitalize(), word.upper()",
    ),
    ("words keys not casefolded", N, "words = {word.casefold(): value", "words = {word: value"),
    (
        "CJK_NUMERAL_LANGUAGES drops ja",
        L,
        'CJK_NUMERAL_LANGUAGES: Final = frozenset({"ja", "zh"})',
        'CJK_NUMERAL_LANGUAGES: Final = frozenset({"zh"})',
    ),
    (
        "CJK_NUMERAL_LANGUAGES drops zh",
        L,
        'CJK_NUMERAL_LANGUAGES: Final = frozenset({"ja", "zh"})',
        'CJK_NUMERAL_LANGUAGES: Final = frozenset({"ja"})',
    ),
    (
        "CJK_NUMERAL_LANGUAGES adds ko",
        L,
        'CJK_NUMERAL_LANGUAGES: Final = frozenset({"ja", "zh"})',
        'CJK_NUMERAL_LANGUAGES: Final = frozenset({"ja", "zh", "ko"})',
    ),
]


PYTEST = [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:randomly", "-p", "no:cacheprovider"]


def run(env: dict[str, str], args: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*PYTEST, *args], env=env, capture_output=True, text=True, check=False)


def main() -> None:
    out, args = Path(sys.argv[1]), sys.argv[2:]
    only = os.environ.get("ONLY")
    skip = Path(os.environ["SKIP"]).read_text().splitlines() if os.environ.get("SKIP") else []
    first = os.environ.get("FIRST")
    root = Path(os.environ.get("TMPDIR", "/tmp")) / "mutate_numbers_src"
    rows = []
    for name, path, old, new in M:
        if (only and name not in only.split("|")) or name in skip:
            continue
        shutil.rmtree(root, ignore_errors=True)
        shutil.copytree("src", root, ignore=shutil.ignore_patterns("__pycache__"))
        target = root / path
        text = target.read_text(encoding="utf-8")
        if text.count(old) != 1:  # written for another version of the code
            print(f"absent\t{name}\t{text.count(old)} matches", flush=True)
            continue
        target.write_text(text.replace(old, new), encoding="utf-8")
        env = dict(os.environ, PYTHONPATH=str(root), PYTHONDONTWRITEBYTECODE="1")
        # a quick pass on one file first; the whole selection only if that passes
        proc = run(env, [first]) if first else None
        if proc is None or proc.returncode == 0:
            proc = run(env, args)
        code = proc.returncode
        status = "killed" if code == 1 else ("survived" if code == 0 else f"error{code}")
        last = proc.stdout.strip().splitlines()[-1] if proc.stdout.strip() else ""
        print(f"{status}\t{name}\t{last}", flush=True)
        rows.append(f"{status}\t{name}\t{last}")
    out.write_text("\n".join(rows) + "\n")


main()

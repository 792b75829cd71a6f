"""Frozen dataclasses the hot path makes by the hundred, built in fewer steps.

A frozen dataclass's ``__init__`` sets each field with ``object.__setattr__(self,
name, value)``: a lookup and a generic attribute set per field, several thousand
instructions for a two-field ``Span``. An article makes about 500 such objects
(sentences, clauses, term hits, number tokens). For a frozen dataclass with
``slots=True``, :func:`quick_init` replaces ``__init__`` with one that stores each
field through its slot's own setter, bound once. The class stays a frozen dataclass:
the same fields, equality, hash, repr and ordering, and assigning a field still raises
``FrozenInstanceError`` (tests/test_speed_equivalence_passes.py).
"""

from __future__ import annotations

from dataclasses import MISSING, fields
from typing import Any, TypeVar

T = TypeVar("T")


def quick_init(cls: type[T]) -> type[T]:
    """``cls`` (a frozen dataclass with slots whose fields are plain ones, with at most
    a default value: no factory, no ``__post_init__``; all of them keyword-only or none)
    with an ``__init__`` that sets slots directly."""
    params = getattr(cls, "__dataclass_params__", None)
    if params is None or not params.frozen or "__slots__" not in cls.__dict__:
        raise TypeError(f"{cls.__name__} is not a frozen dataclass with slots")
    own = fields(cls)  # type: ignore[arg-type]
    keywords = {f.kw_only is True for f in own}
    if (
        hasattr(cls, "__post_init__")
        or len(keywords) > 1
        or any(not f.init or f.default_factory is not MISSING for f in own)
    ):
        raise TypeError(f"{cls.__name__} has a field quick_init does not set plainly")
    names = [f.name for f in own]
    setters: dict[str, Any] = {f"_set_{name}": getattr(cls, name).__set__ for name in names}
    setters.update({f"_default_{f.name}": f.default for f in own if f.default is not MISSING})
    signature = [f.name if f.default is MISSING else f"{f.name}=_default_{f.name}" for f in own]
    if keywords == {True}:  # keyword-only, as the dataclass's own __init__ (Mention)
        signature.insert(0, "*")
    lines = [f"def __init__(self, {', '.join(signature)}):"]
    lines += [f"    _set_{name}(self, {name})" for name in names]
    namespace: dict[str, Any] = {}
    # Code made from the class's own field names, as dataclasses makes its __init__.
    exec("\n".join(lines), setters, namespace)
    init = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__doc__ = cls.__init__.__doc__
    cls.__init__ = init  # type: ignore[method-assign]
    return cls

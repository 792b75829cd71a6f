"""The Jinja2 environments of the HTML and Markdown digests, and Markdown escaping.

"Already escaped" is a type: ``markupsafe.Markup`` for HTML and its subclass ``Md`` for
Markdown. Both environments escape every value that is not of their type when it is
written out (HTML: Jinja2's autoescape; Markdown: ``finalize``), so a plain string from an
article (a title, a quote, a URL, a file name) can never reach the output as markup.

Markdown escaping has to hold in more than one renderer: markdown-it-py honours a
backslash before any ASCII punctuation, Python-Markdown only before some (not '<' or '&'),
so angle brackets and entity-like ampersands become HTML entities, which both decode as
text, and the inline markers become backslash escapes. Newlines become spaces, so a field
can never start a block (a heading, a list, a table row, a fence).
"""

from __future__ import annotations

import contextlib
import hashlib
import re
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import quote

import jinja2
from jinja2 import (
    BytecodeCache,
    Environment,
    FileSystemBytecodeCache,
    PackageLoader,
    StrictUndefined,
)
from jinja2.bccache import Bucket
from markupsafe import Markup

from stargate_digest.digest.view import link_target

_ENTITY_LIKE = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
# '_' only at a word's edge: inside a word ("005_oracle") it never starts emphasis.
_INLINE = re.compile(r"([\\`*\[\]|]|(?<![0-9A-Za-z])_|_(?![0-9A-Za-z]))")
# What would open a block at the start of a line: a heading, a list item, a numbered item.
# ('#' with or without a space: Python-Markdown reads "#tag" as a heading.)
_BLOCK_START = re.compile(r"\A(?:#|(?:[+-]|\d{1,9}[.)])(?=\s|\Z))")
# Characters a link destination may not carry as they are: '(' and ')' would end it in
# some renderers, '<', '>', quotes and backslashes change how it is read.
_URL_SAFE = "/:?#@!$&*+,;=%~-._"


class Md(Markup):
    """Markdown that is already escaped: written out as it is, never escaped again."""

    __slots__ = ()

    @classmethod
    def escape(cls, s: Any, /) -> Md:
        return s if isinstance(s, Md) else cls(escape_markdown(str(s)))


def escape_markdown(text: str) -> str:
    """``text`` as Markdown that renders as exactly this text, on one line. A space at
    either end is kept (one, however many there were): the pieces of an excerpt around
    its bold figure need theirs, or "invest **$500 billion** in" runs together."""
    lead = " " if text[:1].isspace() else ""
    trail = " " if text[-1:].isspace() and text.strip() else ""
    text = " ".join(text.split())
    text = _ENTITY_LIKE.sub("&amp;", text).replace("<", "&lt;").replace(">", "&gt;")
    text = text.replace("~", "&#126;")  # GFM strikethrough; Python-Markdown keeps a "\\~"
    text = _INLINE.sub(r"\\\1", text)
    text = _BLOCK_START.sub(lambda m: m.group()[:-1] + "\\" + m.group()[-1], text)
    return lead + text + trail


def md(value: Any) -> Md:
    """Escape for Markdown unless already escaped."""
    return Md.escape("" if value is None else value)


def md_link(text: Any, url: str | None) -> Md:
    """A Markdown link when ``url`` is http(s), else just the escaped text."""
    target = link_target(url)
    label = md(text)
    if target is None:
        return label
    return Md(f"[{label}]({quote(target, safe=_URL_SAFE)})")


def _finalize_markdown(value: Any) -> Any:
    """Escape every value for Markdown. A Markup that is not Md can only be a macro's
    output here (Jinja2 wraps it so under autoescape): template text whose values were
    escaped inside the macro. Values from a digest are never Markup."""
    return value if isinstance(value, Markup) else md(value)


class _QuietBytecodeCache(FileSystemBytecodeCache):
    """Jinja2's own cache of compiled templates (a private per-user folder under the
    temporary directory, files written atomically, checked against the template source):
    compiling the digest template costs ~40 ms of CPU, a twentieth of a `summarize`
    process. A folder that cannot be written only means compiling again."""

    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except OSError:
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        with contextlib.suppress(OSError):
            super().dump_bytecode(bucket)


@cache
def _bytecode_cache(kind: str) -> BytecodeCache | None:
    """A cache whose file names hold ``kind`` and a digest of this module and of
    Jinja2's version: Jinja2 keys compiled code by template name and source only, but
    the code also depends on the environment's options (``finalize`` escapes Markdown),
    which live here; another environment or version never reads this one's code."""
    try:
        own = hashlib.sha256(Path(__file__).read_bytes() + jinja2.__version__.encode())
        return _QuietBytecodeCache(pattern=f"__stargate_{kind}_{own.hexdigest()[:16]}_%s.cache")
    except (OSError, RuntimeError):  # no private temporary folder can be made
        return None


@cache
def html_environment() -> Environment:
    return Environment(
        loader=PackageLoader("stargate_digest.digest", "templates"),
        bytecode_cache=_bytecode_cache("html"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


@cache
def markdown_environment() -> Environment:
    environment = Environment(
        loader=PackageLoader("stargate_digest.digest", "templates"),
        bytecode_cache=_bytecode_cache("markdown"),
        autoescape=True,  # so that macros return Markup; finalize escapes for Markdown
        finalize=_finalize_markdown,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    environment.filters.update(md=md, md_link=md_link)
    return environment

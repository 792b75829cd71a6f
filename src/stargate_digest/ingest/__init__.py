"""Ingestion: files, folders and URLs in; clean, identified Articles out.

The format is told from the content, never from the file name. One bad input becomes
an :class:`~stargate_digest.errors.InputError` in the result and the rest go on.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import urlsplit

from stargate_digest.errors import InputError
from stargate_digest.ingest.cleaning import strip_format_chars
from stargate_digest.ingest.decode import decode_bytes
from stargate_digest.ingest.detect import Format, detect_format
from stargate_digest.ingest.draft import Draft, finish
from stargate_digest.ingest.fetch import (
    DEFAULT_CONCURRENCY,
    DEFAULT_MAX_BYTES,
    DEFAULT_TIMEOUT,
    RawDocument,
    fetch_all,
    fetch_url,
    is_url,
    read_file,
    url_scheme,
)
from stargate_digest.ingest.folders import folder_entries
from stargate_digest.ingest.plaintext import read_markdown, read_text
from stargate_digest.models import Article

__all__ = ["IngestResult", "folder_files", "load_articles", "read_document", "read_raw"]

log = logging.getLogger(__name__)
_SLUG = re.compile(r"[^A-Za-z0-9_.-]+")
_MARKUP_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?([\w.:-]+)|<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)""",
    re.IGNORECASE,
)
_JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)


@dataclass
class IngestResult:
    """The articles that were read, and one error per input that could not be."""

    articles: list[Article] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)


def load_articles(
    sources: str | Path | Iterable[str | Path],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    timeout: float = DEFAULT_TIMEOUT,
    concurrency: int = DEFAULT_CONCURRENCY,
    progress: Callable[[int], None] | None = None,
) -> IngestResult:
    """Read every file, folder (recursively) and http(s) URL in ``sources``.

    Every input that cannot be read becomes one error and the rest go on; that includes
    each bad file inside a folder. Article ids are unique within the result: a clash gets
    a ``-2``, ``-3`` suffix. URLs are fetched first, through one client and at most
    ``concurrency`` at a time; ``progress`` is called with 1 as each one is done.
    """
    if isinstance(sources, (str, Path)):
        sources = [sources]
    names = [str(source) for source in sources]
    fetched = fetch_all(
        [name for name in names if is_url(name)],
        max_bytes=max_bytes,
        timeout=timeout,
        concurrency=concurrency,
        progress=progress,
    )
    result = IngestResult()
    taken: set[str] = set()
    for raw_source in names:
        for item in _expand(raw_source, max_bytes, timeout, fetched):
            if isinstance(item, InputError):
                result.errors.append(item)
                continue
            try:
                read = read_raw(item)
            except InputError as error:
                result.errors.append(error)
                continue
            result.errors += read.errors
            for article in read.articles:
                article.id = _unique(article.id, taken)
                result.articles.append(article)
    return result


def read_raw(raw: RawDocument) -> IngestResult:
    """The articles in one document read from disk or the network (ids from its name),
    and one error per entry of it that could not be read (a broken post of a list).

    Raises InputError naming the input when none of it can be read; a bug in a parser is
    reported the same way, so that it stops only that input, never the others.
    """
    try:
        return read_document(raw, _base_id(raw.source))
    except InputError:
        raise
    except Exception as exc:  # a parser bug on odd input must not stop the other inputs
        raise _internal_error(raw.source, exc) from exc


def _internal_error(source: str, exc: Exception) -> InputError:
    log.debug("%s: unexpected error while reading", source, exc_info=exc)
    return InputError(
        source,
        f"could not be read because of an internal error ({type(exc).__name__}: {exc}); "
        "run with -vv to see where",
    )


def _expand(
    source: str,
    max_bytes: int,
    timeout: float,
    fetched: Mapping[str, RawDocument | InputError] | None = None,
) -> Iterator[RawDocument | InputError]:
    """The raw documents behind one source, or the error that stands in for each."""
    try:
        if not source.strip():
            raise InputError(repr(source), "is an empty path")
        if is_url(source):
            done = (fetched or {}).get(source)
            if isinstance(done, InputError):
                raise done
            yield done or fetch_url(source, max_bytes=max_bytes, timeout=timeout)
            return
        scheme = url_scheme(source)
        if scheme is not None and scheme != "file":
            raise InputError(
                source, f"is a URL with scheme {scheme}; only http and https URLs can be fetched"
            )
        path = Path(source.removeprefix("file://")) if scheme == "file" else Path(source)
        if not path.is_dir():
            yield read_file(path, max_bytes, source=source)
            return
        entries = folder_entries(path)
    except OSError as exc:
        yield InputError(source, f"could not be listed ({exc.strerror or exc})")
        return
    except InputError as error:
        yield error
        return
    except Exception as exc:  # e.g. a transport error httpx2 does not wrap
        yield _internal_error(source, exc)
        return
    if not entries:
        yield InputError(source, "is a folder with no files in it")
    for entry in entries:
        if isinstance(entry, InputError):
            yield entry
            continue
        try:
            yield read_file(entry, max_bytes)
        except InputError as error:
            yield error


def folder_files(folder: Path) -> list[Path]:
    """The files under ``folder``, recursively and sorted, hidden files and folders skipped
    (see :func:`~stargate_digest.ingest.folders.folder_entries` for the ones skipped)."""
    return [entry for entry in folder_entries(folder) if isinstance(entry, Path)]


def read_document(raw: RawDocument, base_id: str) -> IngestResult:
    """Decode, detect the format and read one document into its articles.

    Each entry of a document (a post of a WordPress list) is its own input: a broken
    one becomes an error naming it and the others are read.
    """
    declared = _declared_charset(raw.content_type) or _charset_in_markup(raw.data)
    text = decode_bytes(raw.data, raw.source, declared)
    kind = detect_format(text)
    entries = _drafts(kind, text, raw)
    drafts = [entry for entry in entries if isinstance(entry, Draft)]
    errors = [entry for entry in entries if isinstance(entry, InputError)]
    if not entries:
        raise InputError(raw.source, _NOTHING_IN[kind])
    read = IngestResult(errors=errors)
    taken: set[str] = set()
    for draft in drafts:
        article_id = f"{base_id}-{_slug(draft.key)}" if draft.key else base_id
        # a document fetched from a URL is at that URL unless it says otherwise
        located = draft
        if draft.url is None and raw.url and len(drafts) == 1:
            located = replace(draft, url=raw.url)
        article = finish(located, _unique(article_id, taken), raw.source)
        if not article.text.strip():
            log.warning("%s: skipped an entry with no text left after cleaning", raw.source)
            continue
        read.articles.append(article)
    if not read.articles and not errors:
        raise InputError(raw.source, "has no article text left after cleaning")
    return read


_NOTHING_IN: dict[Format, str] = {
    "json": "is a WordPress post with no content",
    "feed": "is an RSS/Atom feed with no entry that has any text",
    "html": "is an HTML page with no main text that could be extracted",
    "markdown": "has no article text in it",
    "text": "has no article text in it",
}


def _drafts(kind: Format, text: str, raw: RawDocument) -> Sequence[Draft | InputError]:
    # The readers of markup are imported when a document needs them: with lxml they are
    # about 5 % of a `summarize` of plain-text files, which never uses them.
    if kind == "json":
        return _read_json(text, raw.source)
    if kind == "feed":
        from stargate_digest.ingest.feed import read_feed

        return read_feed(text, raw.source)
    if kind == "html":
        from stargate_digest.ingest.html import read_html

        return read_html(text, raw.url)
    if kind == "markdown":
        return read_markdown(text)
    return read_text(text)


def _read_json(text: str, source: str) -> list[Draft | InputError]:
    from stargate_digest.ingest.wordpress import looks_like_post, read_wordpress

    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        reason = "is JSON that is cut off" if _unclosed(text) else "is not valid JSON"
        raise InputError(
            source, f"{reason} (line {exc.lineno}, column {exc.colno}: {exc.msg})"
        ) from None
    except RecursionError:
        raise InputError(source, "is JSON nested too deeply to read") from None
    posts = document if isinstance(document, list) else [document]
    if not any(looks_like_post(post) for post in posts):
        raise InputError(
            source, "is JSON but not a WordPress REST post or list of posts (no content.rendered)"
        )
    return read_wordpress(document, source)


def _unclosed(text: str) -> bool:
    """True when the JSON text ends inside a string or with brackets still open: cut off."""
    outside_strings = _JSON_STRING.sub("", text)
    if '"' in outside_strings:
        return True
    opened = outside_strings.count("{") + outside_strings.count("[")
    return opened > outside_strings.count("}") + outside_strings.count("]")


def _declared_charset(content_type: str | None) -> str | None:
    if not content_type:
        return None
    match = re.search(r"charset=[\"']?([\w.:-]+)", content_type, re.IGNORECASE)
    return match.group(1) if match else None


def _charset_in_markup(data: bytes) -> str | None:
    """The encoding an HTML ``<meta>`` or an XML declaration names in the first 2 KB."""
    match = _MARKUP_CHARSET.search(data[:2048])
    if match is None:
        return None
    return (match.group(1) or match.group(2)).decode("ascii")


def _base_id(source: str) -> str:
    """A file's name without extension (invisible format characters removed, as from
    the text); for a URL, its last path segment or host."""
    if is_url(source):
        parts = urlsplit(source)
        segment = parts.path.rstrip("/").rsplit("/", 1)[-1]
        return _slug(Path(segment).stem or parts.hostname or "url")
    return strip_format_chars(Path(source).stem) or "article"


def _slug(text: str | None) -> str:
    return _SLUG.sub("-", text or "").strip("-") or "item"


def _unique(article_id: str, taken: set[str]) -> str:
    candidate, counter = article_id, 1
    while candidate in taken:
        counter += 1
        candidate = f"{article_id}-{counter}"
    taken.add(candidate)
    return candidate

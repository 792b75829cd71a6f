"""Compiled templates are cached by Jinja2; a cache that cannot be written changes nothing."""

from __future__ import annotations

from pathlib import Path

from jinja2 import DictLoader, Environment

from stargate_digest.digest.templating import _QuietBytecodeCache

_TEMPLATES = {"t.md.j2": "{% for x in items %}{{ x|upper }};{% endfor %}"}


def _render(cache: _QuietBytecodeCache) -> str:
    environment = Environment(loader=DictLoader(_TEMPLATES), bytecode_cache=cache)
    return environment.get_template("t.md.j2").render(items=["a", "b"])


def test_a_cached_template_renders_like_a_compiled_one(tmp_path: Path) -> None:
    cache = _QuietBytecodeCache(str(tmp_path))
    assert _render(cache) == "A;B;"
    assert len(list(tmp_path.iterdir())) == 1  # stored
    assert _render(cache) == "A;B;"  # loaded from the cache


def test_an_unwritable_cache_only_means_compiling_again(tmp_path: Path) -> None:
    missing = tmp_path / "not-a-folder"
    cache = _QuietBytecodeCache(str(missing))
    assert _render(cache) == "A;B;"  # no OSError escapes
    assert not missing.exists()


def test_each_environment_has_its_own_cache_files() -> None:
    # Compiled code depends on the environment's options (finalize escapes Markdown),
    # which Jinja2's cache key does not include: the file names must.
    from stargate_digest.digest.templating import _bytecode_cache

    html, markdown = _bytecode_cache("html"), _bytecode_cache("markdown")
    if html is None or markdown is None:  # no private temporary folder on this machine
        return
    assert isinstance(html, _QuietBytecodeCache) and isinstance(markdown, _QuietBytecodeCache)
    assert html.pattern != markdown.pattern
    assert "%s" in html.pattern and html.directory == markdown.directory

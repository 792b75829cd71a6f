"""The LLM prompts: templates from ``prompts/`` (package ``stargate_digest.prompts``).

The fixed part (instructions, the topic vocabulary, worked examples) is rendered once
into the system message, so that every request starts with the same prefix and the
provider's prompt cache can reuse it; the untrusted article goes last, in the user
message, between markers. The hash of everything fixed (templates, vocabulary,
examples, response schema) versions the prompt: it is recorded in every output and is
part of every cache key.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from importlib import resources

from stargate_digest.extractors.llm_schema import SCHEMA_VERSION, response_json_schema
from stargate_digest.models import Article
from stargate_digest.topic import TopicProfile

_PACKAGE = "stargate_digest.prompts"


def _template(name: str) -> str:
    return resources.files(_PACKAGE).joinpath(name).read_text("utf-8")


_MARKER = re.compile(r"\{\{(\w+)\}\}")


def _fill(template: str, values: dict[str, str]) -> str:
    """Replace ``{{name}}`` markers of the template in one pass: a value (a title, the
    article) is inserted as it is, never searched for markers itself."""
    return _MARKER.sub(lambda found: values.get(found.group(1), found.group(0)), template)


def _subjects(topic: TopicProfile) -> str:
    return "\n".join(
        f"- {name} ({spec.kind}): {', '.join(spec.aliases[:6])}"
        for name, spec in topic.subjects.items()
    )


def _metrics(topic: TopicProfile) -> str:
    lines = []
    for name, spec in topic.metrics.items():
        kinds = "/".join(spec.kinds) or "no number"
        about = f": {spec.description}" if spec.description else ""
        lines.append(f"- {name} [{kinds}]{about}")
    return "\n".join([*lines, "- other: any other fact about the story"])


def _examples() -> str:
    blocks = []
    for example in json.loads(_template("examples.json")):
        answer = json.dumps({"claims": example["claims"]}, ensure_ascii=False)
        blocks.append(f"<article>\n{example['text']}\n</article>\n{answer}")
    return "\n\n".join(blocks)


@dataclass(frozen=True)
class Prompt:
    """The rendered system message, the user template and their content hash."""

    system: str
    user_template: str
    hash: str

    def user(self, article: Article, text: str, part: str = "1/1") -> str:
        """The user message for ``text`` (the article or one part of it)."""
        published = article.published.date().isoformat() if article.published else "unknown"
        return _fill(
            self.user_template,
            {
                "article_id": article.id,
                "title": article.title or "",
                "published": published,
                "language": article.language,
                "part": part,
                "text": text,
            },
        )


def load_prompt(topic: TopicProfile) -> Prompt:
    """The prompt for ``topic``; its hash changes with any template, example or schema edit."""
    system = _fill(
        _template("system.md"),
        {
            "topic_title": topic.title,
            "subjects": _subjects(topic),
            "metrics": _metrics(topic),
            "examples": _examples(),
        },
    )
    user_template = _template("user.md")
    digest = hashlib.sha256()
    for piece in (system, user_template, SCHEMA_VERSION, json.dumps(response_json_schema())):
        digest.update(piece.encode("utf-8"))
        digest.update(b"\0")
    return Prompt(system=system, user_template=user_template, hash=digest.hexdigest()[:16])

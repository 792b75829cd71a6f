"""The data contract: typed models every pipeline stage consumes and produces.

JSON field names here are binding (docs/formats.md); change them only with a
``SCHEMA_VERSION`` bump.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Annotated, Any, Literal, NotRequired, TypedDict

from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Field,
    PlainSerializer,
    model_validator,
)

from stargate_digest.redact import redact

# 1.1: Digest.changes (scheduled digests). 1.2: claims carry scope, as_of, value_max and
# the figure's own offsets; dates carry their precision (unit "year" is gone); a
# disagreement has a kind and a likely-error note. Older digests still load (docs/formats.md).
SCHEMA_VERSION = "1.2"
READABLE_SCHEMA_VERSIONS = ("1.0", "1.1", "1.2")

ArticleFormat = Literal["wordpress", "html", "feed", "text", "markdown"]


# An error text as stored or shown: credentials are redacted on the way in and again on
# the way out, whatever path (model_copy included) put the text there (redact.py).
ErrorText = Annotated[str, AfterValidator(redact), PlainSerializer(redact, return_type=str)]


class Model(BaseModel):
    """Base for every contract model: unknown fields are an error, not silently kept."""

    model_config = ConfigDict(extra="forbid")


class Article(Model):
    """One piece of coverage after ingestion; every claim offset refers to ``text``."""

    id: str
    title: str | None = None
    url: str | None = None
    published: AwareDatetime | None = None
    language: str = Field(description="ISO 639-1 code, or 'und' when it cannot be told")
    text: str
    content_hash: str
    source: str = Field(description="The path or URL the article was read from")
    format: ArticleFormat
    chars_dropped: int = Field(0, description="Characters of boilerplate removed from the text")
    lines_dropped: int = Field(0, description="Lines of boilerplate removed from the text")


class Qualifier(StrEnum):
    """How the text hedges a figure."""

    EXACT = "exact"
    APPROX = "approx"
    AT_LEAST = "at_least"
    AT_MOST = "at_most"
    UP_TO = "up_to"


class Alignment(StrEnum):
    """How a claim's quote was found in its article (after langextract's statuses)."""

    EXACT = "exact"
    NORMALIZED = "normalized"
    FUZZY = "fuzzy"
    NOT_FOUND = "not_found"


class Claim(Model):
    """A typed statement from one article, grounded by a verbatim quote and its offsets."""

    id: str
    source_id: str
    subject: str
    metric: str
    value: float | str | None = Field(
        description="Amount in the stated unit (the low end of a range); a date at the "
        "precision the text gives: 'YYYY', 'YYYY-MM', 'YYYY-MM-DD' or '--MM-DD'; "
        "null for non-numeric claims"
    )
    value_max: float | None = Field(
        None, description="The high end of a range ('$15-25 billion'); null for one value"
    )
    unit: str | None = Field(
        description="ISO 4217 code for money ('XXX' while the currency is unresolved), "
        "'percent', 'count', 'GW', 'MW', 'GWh', 'MWh', 'TWh', 'kWh', 'sqft', 'sqm', 'acre', "
        "'years', 'months', 'days' "
        "(weeks as days), 'date'"
    )
    quote: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    qualifier: Qualifier = Qualifier.EXACT
    scope: str | None = Field(
        None,
        description="The part of the subject the figure is about (a site, a phase, one "
        "partner's share), normalised by the topic profile; null for the whole",
    )
    as_of: str | None = Field(
        None,
        description="The date or period the figure refers to when the text says so, at its "
        "precision ('2025', '2025-09', '2025-09-23'); null: the publication date stands in",
    )
    detail: str | None = Field(
        None, description="What the figure counts or measures, when the metric is 'other'"
    )
    figure_start: int | None = Field(
        None, ge=0, description="Offset of the figure itself (inside the quote) in the text"
    )
    figure_end: int | None = Field(None, ge=0)
    statement: str | None = None
    currency_candidates: list[str] = Field(default_factory=list)
    value_usd: float | None = None
    currency_resolution: str | None = Field(
        None, description="How an open currency (XXX) was resolved, from which evidence"
    )
    equivalent_of: str | None = Field(
        None, description="Claim id this figure is stated as an equivalent of"
    )
    alignment: Alignment = Alignment.EXACT
    verified: bool = Field(
        True, description="False when the quote or its numbers do not support the claim"
    )
    verification_note: str | None = None
    confidence: float | None = Field(None, ge=0.0, le=1.0)

    @model_validator(mode="before")
    @classmethod
    def _upgrade_bare_year(cls, data: object) -> object:
        """Contract 1.0/1.1 wrote a bare year as unit 'year'; 1.2 has a date of precision YYYY."""
        if isinstance(data, dict) and data.get("unit") == "year":
            value = data.get("value")
            if isinstance(value, int | float) and float(value).is_integer():
                data = {**data, "unit": "date", "value": f"{int(value):04d}"}
        return data

    @model_validator(mode="after")
    def _span_is_ordered(self) -> Claim:
        if self.end < self.start:
            raise ValueError(f"claim {self.id}: end {self.end} is before start {self.start}")
        return self

    @classmethod
    def of_typed(cls, fields: ClaimFields) -> Claim:
        """``Claim(**fields)`` for fields of their declared types (``ClaimFields``: mypy
        checks them where the claim is made), without pydantic's validation when nothing
        is left for it to do.

        Validating a claim costs about 48,000 instructions (a twentieth of a
        figure-dense article's extraction, which makes some thirty); the rules backend
        builds its claims from values it has typed itself. What validation would still
        do with such fields is tested here: a number that mypy lets pass as a float but
        is an int (validation makes it one), an offset that is a bool, a negative offset
        or a span out of order, a contract-1.1 unit "year" to upgrade, a field the
        model lacks or one missing; any of them sends the claim through validation,
        errors included. The claim is then the one validation makes: its fields in the
        model's order, the given ones its set fields (tests/test_speed_equivalence_g15v.py).
        """
        values = {**_CLAIM_DEFAULTS, **fields}
        # every required field given (a set test: no look at each value for _MISSING)
        given = fields.keys() >= _REQUIRED
        if len(values) != len(_CLAIM_DEFAULTS) or not given or not _kept_by_validation(values):
            return cls(**fields)
        values["currency_candidates"] = list(values["currency_candidates"])  # its own list
        claim = cls.__new__(cls)
        # What pydantic's own model_construct sets, in Python written for every model's
        # aliases and factories (twice validation's cost): the fields, the names given,
        # no extra fields (extra="forbid"), no private attributes.
        object.__setattr__(claim, "__dict__", values)
        object.__setattr__(claim, "__pydantic_fields_set__", set(fields))
        object.__setattr__(claim, "__pydantic_extra__", None)
        object.__setattr__(claim, "__pydantic_private__", None)
        return claim


class ClaimFields(TypedDict):
    """A claim's fields as ``Claim.of_typed`` takes them (the ones the rules backend
    gives; the others keep their defaults). A str enum where a str is declared is kept
    as it is (validation would store its plain value: equal, and written alike)."""

    id: str
    source_id: str
    subject: str
    metric: str
    value: float | str | None
    value_max: NotRequired[float | None]
    unit: str | None
    quote: str
    start: int
    end: int
    qualifier: NotRequired[Qualifier]
    scope: NotRequired[str | None]
    as_of: NotRequired[str | None]
    detail: NotRequired[str | None]
    figure_start: NotRequired[int | None]
    figure_end: NotRequired[int | None]
    statement: NotRequired[str | None]
    currency_candidates: NotRequired[list[str]]
    equivalent_of: NotRequired[str | None]
    confidence: NotRequired[float | None]


# Every field in the model's order; a required one with a placeholder (_REQUIRED: of_typed
# validates, and so refuses, a claim missing one).
_MISSING = object()
_CLAIM_DEFAULTS: dict[str, Any] = {
    name: _MISSING if field.is_required() else field.get_default(call_default_factory=True)
    for name, field in Claim.model_fields.items()
}
_REQUIRED = frozenset(name for name, value in _CLAIM_DEFAULTS.items() if value is _MISSING)
_NUMBER = (float, str, type(None))


def _kept_by_validation(values: dict[str, Any]) -> bool:
    """Whether validation would keep a claim's numbers, offsets and unit as they are
    (its other fields' types mypy checks where the claim is made)."""
    start, end, low, high = values["start"], values["end"], values["value"], values["value_max"]
    figure_start, figure_end = values["figure_start"], values["figure_end"]
    return (
        type(low) in _NUMBER
        and type(high) in _NUMBER
        and type(high) is not str
        and type(start) is int
        and type(end) is int
        and 0 <= start <= end
        and (figure_start is None or (type(figure_start) is int and figure_start >= 0))
        and (figure_end is None or (type(figure_end) is int and figure_end >= 0))
        and values["unit"] != "year"  # contract 1.1's bare year: the validator upgrades it
        and values["confidence"] is None  # bounded to [0, 1]: a given one is validated
        and type(values["currency_candidates"]) is list
    )


class ExtractionUsage(Model):
    """What extracting one article cost, summed over every call, re-ask and split part."""

    calls: int = Field(0, description="API calls made (0 when served from the cache)")
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cached_tokens: int = Field(0, description="Prompt tokens the provider's prompt cache served")
    cost_usd: float | None = Field(None, description="Estimated; null for a model without prices")
    from_cache: bool = False


class ArticleClaims(Model):
    """An article (without its text in JSON output) and the claims extracted from it."""

    article: Article
    claims: list[Claim] = Field(default_factory=list)
    backend: str
    prompt_hash: str | None = None
    model: str | None = Field(None, description="The LLM that proposed the claims, if any")
    usage: ExtractionUsage | None = None
    error: ErrorText | None = None


class ValueSupport(Model):
    """One of the competing values in a disagreement, with who says it."""

    value: float | str
    unit: str
    value_max: float | None = None
    value_usd: float | None = None
    source_ids: list[str]
    claim_ids: list[str]
    scope: str | None = Field(
        None, description="The part this value is about, when values of several parts are shown"
    )
    as_of: str | None = Field(
        None, description="When the value held: its as_of, or its earliest source's date"
    )
    explanation: str | None = Field(
        None, description="Why this value differs from the consensus, when that is known"
    )


class Severity(StrEnum):
    """How much a disagreement matters to a reader."""

    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


class DisagreementKind(StrEnum):
    """Why sources give different values (DESIGN.md principle 6)."""

    CONFLICT = "conflict"  # incompatible values for the same thing at the same time
    SCOPE = "scope"  # different parts of the thing: a site vs the programme
    UPDATE = "update"  # the figure changed; later sources give the new one
    ROUNDING = "rounding"  # the same figure rounded or converted


class KeyFigure(ValueSupport):
    """The value most independent sources give for one subject and metric, and who differs."""

    subject: str
    metric: str
    outliers: list[ValueSupport] = Field(default_factory=list)


class Disagreement(Model):
    """Sources that give different values for the same subject, scope and metric.

    ``values`` come consensus first. Digests before 1.2 had no ``kind``: they load as
    conflicts, which is what they reported.
    """

    id: str
    subject: str
    metric: str
    scope: str | None = None
    kind: DisagreementKind = DisagreementKind.CONFLICT
    severity: Severity
    values: list[ValueSupport]
    explanation: str
    likely_error: str | None = Field(
        None,
        description="A value best explained by a misread scale word, a x1000 typo or a "
        "conversion, and why",
    )


class CheckStatus(StrEnum):
    """Outcome of a consistency check inside one source."""

    CONSISTENT = "consistent"
    INCONSISTENT = "inconsistent"
    UNRESOLVED = "unresolved"


class ConsistencyCheck(Model):
    """A check of one source's figures against each other (equivalents, parts vs total)."""

    source_id: str
    kind: Literal["equivalence", "parts_total", "shares_total"]
    status: CheckStatus
    claim_ids: list[str]
    detail: str


class SourceSummary(Model):
    """An article in a digest: its metadata without the text."""

    id: str
    title: str | None
    url: str | None
    published: AwareDatetime | None
    language: str
    content_hash: str
    source: str
    format: str
    summary: str | None = None


class SummarySentence(Model):
    """One sentence of a model-written summary and the claims it rests on (all checked)."""

    text: str
    claim_ids: list[str]


class DigestChanges(Model):
    """What a scheduled digest adds to the job's previous one (ids refer to this digest)."""

    previous_generated_at: datetime | None = Field(
        description="When the previous digest was made; null for the job's first digest"
    )
    new_sources: list[str] = Field(default_factory=list)
    updated_sources: list[str] = Field(
        default_factory=list, description="Sources whose text changed since the last digest"
    )
    new_claims: list[str] = Field(default_factory=list)
    new_disagreements: list[str] = Field(default_factory=list)
    changed_disagreements: list[str] = Field(
        default_factory=list, description="Disagreements whose values or sources changed"
    )
    resolved_disagreements: list[Disagreement] = Field(
        default_factory=list, description="The previous digest's disagreements that no longer hold"
    )


class Digest(Model):
    """Everything a reader needs: sources, verified claims, disagreements and checks."""

    schema_version: str = SCHEMA_VERSION
    generated_at: datetime
    backend: str
    prompt_hash: str | None = None
    sources: list[SourceSummary]
    claims: list[Claim]
    disagreements: list[Disagreement] = Field(default_factory=list)
    consistency_checks: list[ConsistencyCheck] = Field(default_factory=list)
    key_figures: list[KeyFigure] = Field(default_factory=list)
    summary: str = ""
    summary_sentences: list[SummarySentence] = Field(
        default_factory=list,
        description="With the LLM backend: the summary's sentences and the claims they cite",
    )
    summary_prompt_hash: str | None = Field(
        None, description="Content hash of the summary prompt, when a model wrote the summary"
    )
    errors: list[ErrorText] = Field(default_factory=list)
    changes: DigestChanges | None = Field(
        None, description="Scheduled digests only: what is new since the previous digest"
    )

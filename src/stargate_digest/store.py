"""SQLite state: the extraction cache and pending batches, in one file with room for more.

One database file holds every kind of persistent state, each in its own table, with the
schema versioned by ``PRAGMA user_version`` and upgraded by ordered migrations, so a
later feature (articles by content hash, runs, digests) adds a migration, not a file.
WAL mode lets a reader work while a run writes; every write is one transaction, so an
interrupted run leaves each row either fully written or absent.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from stargate_digest.models import ExtractionUsage

_MIGRATIONS = (
    """
    CREATE TABLE extractions (
        cache_key TEXT PRIMARY KEY,
        content_hash TEXT NOT NULL,
        prompt_hash TEXT NOT NULL,
        model TEXT NOT NULL,
        schema_version TEXT NOT NULL,
        answer_json TEXT NOT NULL,
        usage_json TEXT NOT NULL,
        created_at TEXT NOT NULL
    );
    CREATE TABLE batches (
        batch_id TEXT PRIMARY KEY,
        request_key TEXT NOT NULL,
        status TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE INDEX batches_by_request ON batches (request_key, status);
    """,
)


def default_cache_path() -> Path:
    """``$STARGATE_DIGEST_CACHE``, else the user cache dir (``$XDG_CACHE_HOME`` or ~/.cache)."""
    explicit = os.environ.get("STARGATE_DIGEST_CACHE")
    if explicit:
        return Path(explicit).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "stargate-digest" / "cache.sqlite"


def cache_key(content_hash: str, prompt_hash: str, model: str, schema_version: str) -> str:
    """The extraction cache key: any change of article, prompt, model or schema misses."""
    joined = "\0".join((content_hash, prompt_hash, model, schema_version))
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class CachedAnswer:
    """A model's answer for one article as stored: raw claims JSON and what it cost."""

    answer_json: str
    usage: ExtractionUsage


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class Store:
    """The state database; open it with ``Store(path)`` and close it (or use ``with``)."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._db = sqlite3.connect(path, timeout=30, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._migrate()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._db.close()

    def _migrate(self) -> None:
        version: int = self._db.execute("PRAGMA user_version").fetchone()[0]
        for number, script in enumerate(_MIGRATIONS[version:], start=version + 1):
            self._db.execute("BEGIN IMMEDIATE")
            try:
                for statement in filter(str.strip, script.split(";")):
                    self._db.execute(statement)
                self._db.execute(f"PRAGMA user_version = {number}")
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise

    def _write(self, sql: str, parameters: tuple[object, ...]) -> None:
        self._db.execute("BEGIN IMMEDIATE")
        try:
            self._db.execute(sql, parameters)
            self._db.execute("COMMIT")
        except BaseException:
            self._db.execute("ROLLBACK")
            raise

    def get_answer(self, key: str) -> CachedAnswer | None:
        """The cached answer under ``key``, if any."""
        row = self._db.execute(
            "SELECT answer_json, usage_json FROM extractions WHERE cache_key = ?", (key,)
        ).fetchone()
        if row is None:
            return None
        return CachedAnswer(row[0], ExtractionUsage.model_validate_json(row[1]))

    def put_answer(
        self,
        key: str,
        *,
        content_hash: str,
        prompt_hash: str,
        model: str,
        schema_version: str,
        answer: CachedAnswer,
    ) -> None:
        """Store (or replace) the answer under ``key`` in one transaction."""
        self._write(
            "INSERT OR REPLACE INTO extractions VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (key, content_hash, prompt_hash, model, schema_version, answer.answer_json,
             answer.usage.model_dump_json(), _now()),
        )  # fmt: skip

    def pending_batch(self, request_key: str) -> str | None:
        """The id of a submitted, unfinished batch for the same set of requests."""
        row = self._db.execute(
            "SELECT batch_id FROM batches WHERE request_key = ? AND status = 'submitted' "
            "ORDER BY created_at DESC LIMIT 1",
            (request_key,),
        ).fetchone()
        return None if row is None else str(row[0])

    def record_batch(self, batch_id: str, request_key: str, status: str) -> None:
        """Remember a batch (or its new status) so an interrupted run can resume it."""
        now = _now()
        self._write(
            "INSERT INTO batches VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT(batch_id) DO UPDATE SET status = excluded.status, "
            "updated_at = excluded.updated_at",
            (batch_id, request_key, status, now, now),
        )

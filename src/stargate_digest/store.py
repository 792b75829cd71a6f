"""SQLite state: the extraction cache, pending batches, and a scheduled job's memory.

One database file holds every kind of persistent state, each in its own table, with the
schema versioned by ``PRAGMA user_version`` and upgraded by ordered migrations, so a
later feature adds a migration, not a file. WAL mode lets a reader work while a run
writes; every write is one transaction, so an interrupted run leaves each row either
fully written or absent.

The scheduled job (``stargate-digest digest``) keeps: ``documents``, the current version
of every article it has seen, by locator (its URL, else its input and id) with a stable
id and its content hash; ``results``, each article's verified claims per extractor;
``validators``, what each file or URL looked like last time (size and mtime, ETag,
Last-Modified) so an unchanged one is not read again; ``runs``; and ``digests``, each
digest written with the fingerprint of its inputs.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from stargate_digest.errors import ConfigurationError
from stargate_digest.models import Article, ArticleClaims, Digest, ExtractionUsage

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
    """
    CREATE TABLE documents (
        locator TEXT PRIMARY KEY,
        article_id TEXT NOT NULL UNIQUE,
        content_hash TEXT NOT NULL,
        article_json TEXT NOT NULL,
        first_seen_run INTEGER NOT NULL,
        updated_run INTEGER NOT NULL
    );
    CREATE INDEX documents_by_hash ON documents (content_hash);
    CREATE TABLE results (
        article_id TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        extractor TEXT NOT NULL,
        result_json TEXT NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (article_id, content_hash, extractor)
    );
    CREATE TABLE validators (
        location TEXT PRIMARY KEY,
        stamp TEXT,
        etag TEXT,
        last_modified TEXT,
        next_url TEXT,
        checked_at TEXT NOT NULL
    );
    CREATE TABLE runs (
        run_id INTEGER PRIMARY KEY AUTOINCREMENT,
        started_at TEXT NOT NULL,
        finished_at TEXT,
        outcome TEXT,
        report_json TEXT
    );
    CREATE TABLE digests (
        digest_id INTEGER PRIMARY KEY AUTOINCREMENT,
        run_id INTEGER NOT NULL REFERENCES runs (run_id),
        fingerprint TEXT NOT NULL,
        generated_at TEXT NOT NULL,
        files_json TEXT NOT NULL,
        digest_json TEXT NOT NULL
    );
    """,
)


_SQLITE_HEADER = b"SQLite format 3\x00"


class StateError(ConfigurationError):
    """The state file cannot be used; the message names it and says what to do."""


def state_problem(path: Path, exc: sqlite3.Error | OSError) -> StateError:
    """One sentence naming the state file, what is wrong with it and what to do."""
    said = str(exc).strip() or type(exc).__name__
    lower = said.casefold()
    if "malformed" in lower or "not a database" in lower or "corrupt" in lower:
        why = (f"is damaged ({said}); restore it from a backup, or move it away to start "
               "afresh (every article will then be new)")  # fmt: skip
    elif "readonly" in lower or "read-only" in lower or isinstance(exc, PermissionError):
        why = (f"cannot be written ({said}); make the file and its folder writable by "
               "this user")  # fmt: skip
    elif "full" in lower:
        why = f"cannot be written: the disk is full ({said}); free some space and run again"
    elif "locked" in lower or "busy" in lower:
        why = f"is locked by another program ({said}); try again once it has finished"
    elif "unable to open" in lower:
        why = f"cannot be opened ({said}); check that its folder exists and is writable"
    else:
        why = f"cannot be used as the state ({said})"
    return StateError(f"{path}: {why}")


def _check_existing(path: Path) -> None:
    """Only a missing file is a new state: an empty or foreign one is an error, so a
    damaged state is never silently replaced by an empty one."""
    try:
        if not path.exists():
            return
        if not path.is_file():
            raise StateError(f"{path}: is not a regular file, so it cannot be the state")
        with path.open("rb") as handle:
            header = handle.read(len(_SQLITE_HEADER))
    except OSError as exc:
        raise state_problem(path, exc) from None
    if not header:
        raise StateError(
            f"{path}: is empty (0 bytes), not a state this tool wrote; restore it from a "
            "backup, or delete it to start afresh (every article will then be new)"
        )
    if header != _SQLITE_HEADER:
        raise StateError(
            f"{path}: is not an SQLite database, so not a state this tool wrote; check "
            "the path, or move the file away to start afresh"
        )


def cache_key(content_hash: str, prompt_hash: str, model: str, schema_version: str) -> str:
    """The extraction cache key: any change of article, prompt, model or schema misses."""
    joined = "\0".join((content_hash, prompt_hash, model, schema_version))
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class CachedAnswer:
    """A model's answer for one article as stored: raw claims JSON and what it cost."""

    answer_json: str
    usage: ExtractionUsage


@dataclass(frozen=True)
class Validator:
    """What a file or URL looked like when it was last read in full.

    ``stamp`` is a file's size and mtime; ``etag`` and ``last_modified`` are an HTTP
    answer's validators; ``next_url`` is the next page it linked to, followed even when
    the page itself answers 304 Not Modified.
    """

    location: str
    stamp: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    next_url: str | None = None


@dataclass
class Recorded:
    """What recording a batch of documents changed in the state (article ids)."""

    new: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class StoredDigest:
    """The last digest a job wrote, and the fingerprint of what it was made from."""

    fingerprint: str
    digest: Digest
    files: list[str]


def locator(article: Article, origin: str = "", url_is_identity: bool = True) -> str:
    """Where an article lives, stable across runs: the job source it came from (``origin``)
    and its entry's identity there: its URL when no other entry of its document shares
    it, else its document and id.

    Keyed by source, an entry of one source (a feed item linking to another source's
    page) can never replace another source's article; keyed by entry, feed items that
    share one link stay apart.
    """
    identity = article.url if article.url and url_is_identity else None
    return f"{origin}#{identity or f'{article.source}#{article.id}'}"


def _legacy_locator(article: Article) -> str:
    """The key states written before the source was part of it (migrated on first use)."""
    return article.url or f"{article.source}#{article.id}"


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class Store:
    """The state database; open it with ``Store(path)`` and close it (or use ``with``)."""

    def __init__(self, path: Path) -> None:
        """Open (or create, when it does not exist) the state at ``path``.

        Raises StateError naming the file when it exists but is empty, foreign, damaged,
        read-only or from a newer version.
        """
        _check_existing(path)
        existed = path.exists()
        self.path = path
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(path, timeout=30, isolation_level=None)
        except (sqlite3.Error, OSError) as exc:
            raise state_problem(path, exc) from None
        try:
            if existed:
                verdict = self._db.execute("PRAGMA quick_check").fetchone()[0]
                if verdict != "ok":
                    raise sqlite3.DatabaseError(f"database disk image is malformed: {verdict}")
                self._check_schema()
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._migrate()
        except sqlite3.Error as exc:
            self._db.close()
            raise state_problem(path, exc) from None
        except StateError:
            self._db.close()
            raise

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._db.close()

    def _check_schema(self) -> None:
        """Refuse, before changing anything, another program's database or a newer state."""
        version: int = self._db.execute("PRAGMA user_version").fetchone()[0]
        if version == 0 and self._db.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchone():
            raise StateError(
                f"{self.path}: is an SQLite database, but not a state this tool wrote (it "
                "has tables of its own); check the path"
            )
        if version > len(_MIGRATIONS):
            raise StateError(
                f"{self.path}: was written by a newer version of stargate-digest (schema "
                f"{version}, this one knows {len(_MIGRATIONS)}); upgrade to use it"
            )

    def _migrate(self) -> None:
        version: int = self._db.execute("PRAGMA user_version").fetchone()[0]
        for number, script in enumerate(_MIGRATIONS[version:], start=version + 1):
            with self._transaction() as db:
                for statement in filter(str.strip, script.split(";")):
                    db.execute(statement)
                db.execute(f"PRAGMA user_version = {number}")

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: all of it is committed, or none of it."""
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield self._db
            self._db.execute("COMMIT")
        except BaseException:
            # SQLite may already have rolled back (a full disk does): a second ROLLBACK
            # would fail and hide the real cause.
            if self._db.in_transaction:
                with suppress(sqlite3.Error):
                    self._db.execute("ROLLBACK")
            raise

    def _write(self, sql: str, parameters: tuple[object, ...]) -> None:
        with self._transaction() as db:
            db.execute(sql, parameters)

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

    # -- the scheduled job ---------------------------------------------------------------

    def begin_run(self) -> int:
        """Record the start of a run; its id numbers the run's digest."""
        with self._transaction() as db:
            cursor = db.execute("INSERT INTO runs (started_at) VALUES (?)", (_now(),))
        return int(cursor.lastrowid or 0)

    def finish_run(self, run_id: int, outcome: str, report: dict[str, object]) -> None:
        """Record how a run ended (a run killed before this keeps a null outcome)."""
        self._write(
            "UPDATE runs SET finished_at = ?, outcome = ?, report_json = ? WHERE run_id = ?",
            (_now(), outcome, json.dumps(report, ensure_ascii=False), run_id),
        )

    def validator(self, location: str) -> Validator | None:
        """What ``location`` looked like when it was last read, if it ever was."""
        row = self._db.execute(
            "SELECT stamp, etag, last_modified, next_url FROM validators WHERE location = ?",
            (location,),
        ).fetchone()
        return None if row is None else Validator(location, *row)

    def record_documents(
        self,
        articles: Sequence[Article],
        run_id: int,
        validator: Validator | None = None,
        origin: str = "",
    ) -> Recorded:
        """Remember the articles read from one document of the job source ``origin``, and
        the document's validator, atomically.

        A new locator gets a stable id (the article's, with a suffix if another document
        has it); an article whose content is already known under another locator is a
        duplicate and is not recorded again.
        """
        recorded = Recorded()
        urls = [article.url for article in articles]
        with self._transaction() as db:
            for article in articles:
                where = locator(article, origin, urls.count(article.url) == 1)
                row = db.execute(
                    "SELECT article_id, content_hash FROM documents WHERE locator = ?", (where,)
                ).fetchone()
                if row is None:
                    row = self._migrated(db, article, where)
                if row is not None and row[1] == article.content_hash:
                    continue
                if (
                    row is None
                    and db.execute(
                        "SELECT 1 FROM documents WHERE content_hash = ?", (article.content_hash,)
                    ).fetchone()
                ):
                    recorded.duplicates.append(article.id)
                    continue
                stable = row[0] if row else self._free_id(db, article.id)
                data = article.model_copy(update={"id": stable}).model_dump_json()
                if row is None:
                    db.execute(
                        "INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?)",
                        (where, stable, article.content_hash, data, run_id, run_id),
                    )
                    recorded.new.append(stable)
                else:
                    db.execute(
                        "UPDATE documents SET content_hash = ?, article_json = ?, "
                        "updated_run = ? WHERE locator = ?",
                        (article.content_hash, data, run_id, where),
                    )
                    recorded.updated.append(stable)
            if validator is not None:
                db.execute(
                    "INSERT OR REPLACE INTO validators VALUES (?, ?, ?, ?, ?, ?)",
                    (validator.location, validator.stamp, validator.etag,
                     validator.last_modified, validator.next_url, _now()),
                )  # fmt: skip
        return recorded

    @staticmethod
    def _migrated(db: sqlite3.Connection, article: Article, where: str) -> tuple[str, str] | None:
        """A row a state from before source-scoped keys holds for this same document's
        entry, moved to its new locator; None when there is none."""
        legacy = _legacy_locator(article)
        row = db.execute(
            "SELECT article_id, content_hash, article_json FROM documents WHERE locator = ?",
            (legacy,),
        ).fetchone()
        if row is None or json.loads(row[2]).get("source") != article.source:
            return None  # another document's article: never taken over
        db.execute("UPDATE documents SET locator = ? WHERE locator = ?", (where, legacy))
        return str(row[0]), str(row[1])

    @staticmethod
    def _free_id(db: sqlite3.Connection, wanted: str) -> str:
        candidate, counter = wanted, 1
        while db.execute("SELECT 1 FROM documents WHERE article_id = ?", (candidate,)).fetchone():
            counter += 1
            candidate = f"{wanted}-{counter}"
        return candidate

    def current_articles(self) -> list[Article]:
        """The latest version of every article the job has seen, oldest first."""
        rows = self._db.execute(
            "SELECT article_json FROM documents ORDER BY first_seen_run, article_id"
        )
        return [Article.model_validate_json(row[0]) for row in rows]

    def stored_result(self, article: Article, extractor: str) -> ArticleClaims | None:
        """The claims already extracted from this version of ``article``, if any."""
        row = self._db.execute(
            "SELECT result_json FROM results WHERE article_id = ? AND content_hash = ? "
            "AND extractor = ?",
            (article.id, article.content_hash, extractor),
        ).fetchone()
        if row is None:
            return None
        return ArticleClaims.model_validate({**json.loads(row[0]), "article": article})

    def put_results(self, results: Sequence[ArticleClaims], extractor: str) -> None:
        """Keep the successful extractions (without the article, which ``documents``
        holds); a failed one is tried again by the next run."""
        with self._transaction() as db:
            for result in results:
                if result.error:
                    continue
                article = result.article
                db.execute(
                    "INSERT OR REPLACE INTO results VALUES (?, ?, ?, ?, ?)",
                    (article.id, article.content_hash, extractor,
                     result.model_dump_json(exclude={"article"}), _now()),
                )  # fmt: skip

    def last_digest(self) -> StoredDigest | None:
        """The job's most recent digest, as recorded when its files were in place."""
        row = self._db.execute(
            "SELECT fingerprint, digest_json, files_json FROM digests "
            "ORDER BY digest_id DESC LIMIT 1"
        ).fetchone()
        if row is None:
            return None
        return StoredDigest(row[0], Digest.model_validate_json(row[1]), json.loads(row[2]))

    def plan_files(self, run_id: int, files: Sequence[Path]) -> None:
        """Note the files a run is about to write, so that the next run can remove them
        if this one is killed before :meth:`record_digest`."""
        planned = json.dumps({"planned_files": [str(f) for f in files]})
        self._write("UPDATE runs SET report_json = ? WHERE run_id = ?", (planned, run_id))

    def interrupted_runs(self) -> list[tuple[int, list[str]]]:
        """Runs killed while writing their digest: the files they meant to write."""
        rows = self._db.execute(
            "SELECT run_id, report_json FROM runs WHERE outcome IS NULL AND report_json "
            "IS NOT NULL AND run_id NOT IN (SELECT run_id FROM digests)"
        )
        found = []
        for run_id, report in rows:
            planned = json.loads(report).get("planned_files", [])
            found.append((int(run_id), [str(name) for name in planned]))
        return found

    def record_digest(
        self, run_id: int, fingerprint: str, digest: Digest, files: Sequence[str]
    ) -> None:
        """Remember a digest once all its files are written."""
        self._write(
            "INSERT INTO digests (run_id, fingerprint, generated_at, files_json, digest_json) "
            "VALUES (?, ?, ?, ?, ?)",
            (run_id, fingerprint, digest.generated_at.isoformat(), json.dumps(list(files)),
             digest.model_dump_json()),
        )  # fmt: skip

"""Issue 13, state and files: an unusable state is one sentence naming it, and nothing is
overwritten; killed runs leave nothing behind; outputs that cannot be written are named."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from conftest import SEEDS

from stargate_digest.cli import main
from stargate_digest.store import Store


@pytest.fixture
def job(tmp_path: Path) -> dict[str, Path]:
    folder = tmp_path / "coverage"
    shutil.copytree(SEEDS, folder)
    return {"folder": folder, "state": tmp_path / "state.sqlite", "out": tmp_path / "digests"}


def run(capsys: pytest.CaptureFixture[str], paths: dict[str, Path]) -> tuple[int, str]:
    argv = ["digest", "--source", str(paths["folder"]), "--state", str(paths["state"]),
            "--output-dir", str(paths["out"]), "--backend", "rules"]  # fmt: skip
    code = main(argv)
    return code, capsys.readouterr().err


def _outputs(paths: dict[str, Path]) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(paths["out"].iterdir())}


def test_an_empty_state_file_is_an_error_not_a_first_run(
    capsys: pytest.CaptureFixture[str], job: dict[str, Path]
) -> None:
    assert run(capsys, job)[0] == 0
    before = _outputs(job)
    job["state"].write_bytes(b"")
    code, err = run(capsys, job)
    assert code == 2
    assert err.splitlines() == [
        f"stargate-digest: error: {job['state']}: is empty (0 bytes), not a state this tool "
        "wrote; restore it from a backup, or delete it to start afresh (every article will "
        "then be new)"
    ]
    assert _outputs(job) == before and job["state"].stat().st_size == 0


def test_a_foreign_file_is_not_taken_for_a_state(
    capsys: pytest.CaptureFixture[str], job: dict[str, Path]
) -> None:
    job["state"].write_text("state = 'mine'\n", "utf-8")
    code, err = run(capsys, job)
    assert code == 2 and f"{job['state']}: is not an SQLite database" in err
    assert not job["out"].exists()


def test_a_damaged_state_is_named_and_nothing_is_overwritten(
    capsys: pytest.CaptureFixture[str], job: dict[str, Path]
) -> None:
    assert run(capsys, job)[0] == 0
    before = _outputs(job)
    data = bytearray(job["state"].read_bytes())
    page = 4096
    data[page : 3 * page] = b"\xa5" * (2 * page)  # garbage over the first table pages
    job["state"].write_bytes(bytes(data))
    (job["folder"] / "005_new.txt").write_text("Stargate\n\nStargate costs $7 billion.\n")
    code, err = run(capsys, job)
    assert code == 2 and "internal error" not in err
    assert f"error: {job['state']}: is damaged (" in err and "restore it from a backup" in err
    assert _outputs(job) == before


def test_a_read_only_state_says_so(
    capsys: pytest.CaptureFixture[str], job: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert run(capsys, job)[0] == 0
    original = Store.__init__

    def read_only(self: Store, path: Path) -> None:  # root ignores chmod: ask SQLite
        original(self, path)
        self._db.execute("PRAGMA query_only = 1")

    monkeypatch.setattr(Store, "__init__", read_only)
    code, err = run(capsys, job)
    assert code == 2
    assert err.splitlines() == [
        f"stargate-digest: error: {job['state']}: cannot be written (attempt to write a "
        "readonly database); make the file and its folder writable by this user"
    ]


def test_a_full_disk_is_reported_as_such(
    capsys: pytest.CaptureFixture[str], job: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert run(capsys, job)[0] == 0
    original = Store.__init__

    def no_room(self: Store, path: Path) -> None:  # the file may not grow by one page
        original(self, path)
        pages = self._db.execute("PRAGMA page_count").fetchone()[0]
        self._db.execute(f"PRAGMA max_page_count = {pages}")

    monkeypatch.setattr(Store, "__init__", no_room)
    for number in range(40):  # enough new text to need a new page
        (job["folder"] / f"1{number:02d}.txt").write_text(
            f"Stargate {number}\n\nStargate site {number} costs ${number + 1} billion. "
            + "Filler words. " * 40
        )
    code, err = run(capsys, job)
    assert code == 2 and "cannot rollback" not in err
    assert f"error: {job['state']}: cannot be written: the disk is full" in err


def test_another_programs_database_is_not_taken_over(tmp_path: Path) -> None:
    path = tmp_path / "app.sqlite"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE notes (body TEXT)")
    db.commit()
    db.close()
    before = path.read_bytes()
    with pytest.raises(Exception, match="not a state this tool wrote"):
        Store(path)
    assert path.read_bytes() == before  # not even its journal mode changed


def test_a_state_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite"
    db = sqlite3.connect(path)
    db.execute("PRAGMA user_version = 99")
    db.close()
    with pytest.raises(Exception, match="newer version of stargate-digest"):
        Store(path)


def test_an_output_that_cannot_be_written_is_named(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tempfile

    seed = str(SEEDS / "000_1b5d983547bd3de6.txt")
    blocked = tmp_path / "a-file"
    blocked.write_text("x")
    target = blocked / "digest.md"
    assert main(["summarize", seed, "--backend", "rules", "-o", str(target)]) == 2
    [line] = capsys.readouterr().err.splitlines()
    assert line.startswith(f"stargate-digest: error: {target}: could not be written (")

    def refused(**_kwargs: object) -> tuple[int, str]:  # root may write anywhere: refuse
        raise PermissionError(13, "Permission denied", str(tmp_path / ".digest.md.x.tmp"))

    monkeypatch.setattr(tempfile, "mkstemp", refused)
    target = tmp_path / "digest.md"
    assert main(["summarize", seed, "--backend", "rules", "-o", str(target)]) == 2
    err = capsys.readouterr().err
    assert err.splitlines() == [
        f"stargate-digest: error: {target}: could not be written (Permission denied)"
    ]


def test_leftovers_of_a_killed_run_are_removed_by_the_next(
    capsys: pytest.CaptureFixture[str], job: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    from stargate_digest.atomic import write_text_atomic as original
    from stargate_digest.schedule import job as job_module

    assert run(capsys, job)[0] == 0
    before = _outputs(job)
    (job["folder"] / "005_new.txt").write_text("Stargate\n\nStargate costs $7 billion.\n")
    written: list[Path] = []

    def killed_after_two(path: Path, text: str) -> None:
        if len(written) == 2:  # killed before the latest.* copies and the record
            raise KeyboardInterrupt
        original(path, text)
        written.append(path)

    monkeypatch.setattr(job_module, "write_text_atomic", killed_after_two)
    assert run(capsys, job)[0] == 130
    monkeypatch.undo()
    assert {p.name for p in written} <= set(_outputs(job))  # the orphaned dated digest
    (job["out"] / ".latest.md.k3j_x9qa.tmp").write_text("half")
    (job["out"] / "notes.md").write_text("mine")  # not the job's: left alone
    code, err = run(capsys, job)
    assert code == 0 and err.count("left by an interrupted run") == 3
    after = set(_outputs(job))
    assert not any(p.name in after for p in written) and "notes.md" in after
    assert len(after - set(before)) == 3  # this run's dated digest (md, json) and notes.md


TRUSTED = """<html><head><title>Stargate plan</title>
<link rel="canonical" href="https://trusted.example/stargate"></head><body><article>
<p>OpenAI said Stargate will invest $500 billion in AI infrastructure over four years.</p>
</article></body></html>"""


def _feed(*items: tuple[str, str, str]) -> str:
    entries = "".join(
        f"<item><title>{title}</title><link>{link}</link><guid>{guid}</guid>"
        f"<description>Stargate will invest {title.split()[-1]} in AI infrastructure, "
        "the companies said.</description></item>"
        for title, link, guid in items
    )
    channel = f"<channel><title>f</title>{entries}</channel>"
    return f'<?xml version="1.0"?><rss version="2.0">{channel}</rss>'


def test_entries_are_keyed_by_source_and_entry(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    trusted, feeds = tmp_path / "trusted", tmp_path / "feeds"
    trusted.mkdir()
    feeds.mkdir()
    (trusted / "page.html").write_text(TRUSTED, "utf-8")
    shared = "https://feed.example/live"
    (feeds / "live.xml").write_text(
        _feed(
            ("Update one $100", shared, "g1"),
            ("Update two $200", shared, "g2"),
            ("Update three $300", shared, "g3"),
            ("Fake $9 trillion", "https://trusted.example/stargate", "g4"),
        ),
        "utf-8",
    )
    state, out = tmp_path / "state.sqlite", tmp_path / "out"
    argv = ["digest", "--source", str(trusted), "--source", str(feeds), "--state", str(state),
            "--output-dir", str(out), "--backend", "rules"]  # fmt: skip
    assert main(argv) == 0, capsys.readouterr().err
    capsys.readouterr()
    with Store(state) as store:
        titles = sorted(a.title or "" for a in store.current_articles())
    assert titles == ["Fake $9 trillion", "Stargate plan", "Update one $100",
                      "Update three $300", "Update two $200"]  # fmt: skip
    assert main(argv) == 0  # a second run changes nothing
    with Store(state) as store:
        trusted_article = [a for a in store.current_articles() if a.format == "html"]
    assert [a.title for a in trusted_article] == ["Stargate plan"]


def test_a_state_keyed_by_url_is_migrated_without_duplicates(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from stargate_digest.ingest import load_articles

    trusted = tmp_path / "trusted"
    trusted.mkdir()
    page = trusted / "page.html"
    page.write_text(TRUSTED, "utf-8")
    state, out = tmp_path / "state.sqlite", tmp_path / "out"
    [article] = load_articles(page).articles
    with Store(state) as store:  # as an older version recorded it: keyed by its URL
        run_id = store.begin_run()
        store._write(
            "INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?)",
            (article.url, article.id, article.content_hash,
             article.model_copy(update={"source": str(page.resolve())}).model_dump_json(),
             run_id, run_id),
        )  # fmt: skip
    page.write_text(TRUSTED.replace("$500 billion", "$600 billion"), "utf-8")
    argv = ["digest", "--source", str(trusted), "--state", str(state), "--output-dir", str(out),
            "--backend", "rules"]  # fmt: skip
    assert main(argv) == 0
    assert "0 new, 1 updated" in capsys.readouterr().out
    with Store(state) as store:
        assert len(store.current_articles()) == 1

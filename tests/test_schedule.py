"""`stargate-digest digest` over folders with the rules backend: idempotence, changes,
configuration, exit codes, the lock and re-runs after an interruption."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from conftest import ARTICLE_TEXT, SEEDS

from stargate_digest.cli import main
from stargate_digest.ingest.fetch import RawDocument
from stargate_digest.models import SCHEMA_VERSION
from stargate_digest.schedule import JobConfig, load_config, run_job
from stargate_digest.store import Store

NEW_ARTICLE = (
    "Stargate backers lift the plan to $600 billion\n\n"
    "Oracle said on Friday that the Stargate venture now plans to invest $600 billion in data "
    "centres over the next four years, up from the figure announced in January.\n"
)


@pytest.fixture
def job(tmp_path: Path) -> dict[str, Path]:
    """A copy of the seeds as a watched folder, and where the state and digests go."""
    folder = tmp_path / "coverage"
    shutil.copytree(SEEDS, folder)
    return {"folder": folder, "state": tmp_path / "state.sqlite", "out": tmp_path / "digests"}


def digest(
    capsys: pytest.CaptureFixture[str], paths: dict[str, Path], *extra: str
) -> tuple[int, str, str]:
    argv = ["digest", "--source", str(paths["folder"]), "--state", str(paths["state"]),
            "--output-dir", str(paths["out"]), "--backend", "rules", *extra]  # fmt: skip
    code = main(argv)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def latest(paths: dict[str, Path]) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((paths["out"] / "latest.json").read_text("utf-8"))
    return data


def dated(paths: dict[str, Path], suffix: str = ".md") -> list[Path]:
    return sorted(paths["out"].glob(f"digest-*{suffix}"))


def test_two_runs_write_one_digest_and_the_second_reports_nothing_new(
    capsys: pytest.CaptureFixture[str], job: dict[str, Path]
) -> None:
    code, out, err = digest(capsys, job)
    assert code == 0, err
    assert err == ""  # quiet: one summary line, on stdout
    assert out.splitlines() == [
        f"stargate-digest: run 1: 5 new, 0 updated, 5 extracted, 5 in all; wrote {dated(job)[0]}"
    ]
    first = latest(job)
    assert first["schema_version"] == SCHEMA_VERSION
    assert first["changes"]["previous_generated_at"] is None
    assert sorted(first["changes"]["new_sources"]) == sorted(p.stem for p in SEEDS.iterdir())
    assert {d["metric"] for d in first["disagreements"]} == {
        "total_investment",
        "announcement_date",
    }
    files = sorted(p.name for p in job["out"].iterdir())
    assert files == sorted(
        [dated(job)[0].name, dated(job, ".json")[0].name, "latest.json", "latest.md"]
    )
    assert (job["out"] / "latest.md").read_text("utf-8") == dated(job)[0].read_text("utf-8")

    code, out, err = digest(capsys, job)
    assert code == 0 and err == ""
    assert out.splitlines() == [
        "stargate-digest: run 2: 0 new, 0 updated, 0 extracted, 5 in all; nothing new, no "
        "digest written"
    ]
    assert len(dated(job)) == 1 and latest(job) == first


def test_an_added_article_is_named_in_the_next_digests_changes(
    capsys: pytest.CaptureFixture[str], job: dict[str, Path]
) -> None:
    digest(capsys, job)
    (job["folder"] / "005_oracle.txt").write_text(NEW_ARTICLE, "utf-8")
    code, out, _ = digest(capsys, job)
    assert code == 0 and "1 new, 0 updated, 1 extracted, 6 in all" in out
    data = latest(job)
    changes = data["changes"]
    assert changes["new_sources"] == ["005_oracle"]
    assert changes["previous_generated_at"] is not None
    new_claims = [c for c in data["claims"] if c["id"] in changes["new_claims"]]
    assert {c["source_id"] for c in new_claims} == {"005_oracle"}
    assert any(c["value"] == 600e9 and c["unit"] == "USD" for c in new_claims)
    # The new figure joins the total-investment disagreement: changed, not new.
    total = next(d for d in data["disagreements"] if d["metric"] == "total_investment")
    assert changes["changed_disagreements"] == [total["id"]] and changes["new_disagreements"] == []
    markdown = (job["out"] / "latest.md").read_text("utf-8")
    section = markdown.split("## Changes since the last digest", 1)[1].split("\n## ", 1)[0]
    # Sources by title and outlet, never by their long ids.
    assert "new sources (1): Stargate backers lift the plan to $600 billion." in section
    assert "Stargate's total investment $600 billion (Stargate backers lift the plan…)" in section
    assert len(dated(job)) == 2


def test_an_edited_article_is_extracted_again_and_a_removed_figure_resolves(
    capsys: pytest.CaptureFixture[str], job: dict[str, Path]
) -> None:
    digest(capsys, job)
    before = latest(job)
    date_dispute = next(d for d in before["disagreements"] if d["metric"] == "announcement_date")
    edited = job["folder"] / "001_5e437569caf3535e.txt"
    edited.write_text(edited.read_text("utf-8").replace("January 22nd", "January 23rd"), "utf-8")
    code, out, _ = digest(capsys, job)
    assert code == 0 and "0 new, 1 updated, 1 extracted, 5 in all" in out
    changes = latest(job)["changes"]
    assert changes["updated_sources"] == ["001_5e437569caf3535e"]
    assert [d["id"] for d in changes["resolved_disagreements"]] == [date_dispute["id"]]
    assert "announcement_date" not in {d["metric"] for d in latest(job)["disagreements"]}


def test_unchanged_files_are_not_read_again(
    capsys: pytest.CaptureFixture[str], job: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    from stargate_digest import ingest
    from stargate_digest.schedule import sources

    digest(capsys, job)
    read: list[str] = []
    original = ingest.read_raw

    def spy(raw: RawDocument) -> ingest.IngestResult:
        read.append(raw.source)
        return original(raw)

    monkeypatch.setattr(sources, "read_raw", spy)
    digest(capsys, job)
    assert read == []
    (job["folder"] / "005_oracle.txt").write_text(NEW_ARTICLE, "utf-8")
    digest(capsys, job)
    assert [Path(p).name for p in read] == ["005_oracle.txt"]


def test_a_copy_of_a_known_article_is_not_a_second_source(
    capsys: pytest.CaptureFixture[str], job: dict[str, Path]
) -> None:
    digest(capsys, job)
    shutil.copy(job["folder"] / "002_d05d0dc7a2d9e548.txt", job["folder"] / "copy.txt")
    code, out, _ = digest(capsys, job)
    assert code == 0 and "0 new, 0 updated, 0 extracted, 5 in all; nothing new" in out


def test_a_bad_file_is_named_and_the_rest_still_digested(
    capsys: pytest.CaptureFixture[str], job: dict[str, Path]
) -> None:
    (job["folder"] / "broken.txt").write_bytes(b"")
    code, out, err = digest(capsys, job)
    assert code == 1
    assert err.splitlines() == [f"stargate-digest: error: {job['folder'] / 'broken.txt'}: is empty"]
    assert "5 new" in out and "1 failed" in out
    assert latest(job)["errors"] == [f"{job['folder'] / 'broken.txt'}: is empty"]
    # The same failure again is not news: nothing is written, but cron still hears of it.
    code, out, err = digest(capsys, job)
    assert code == 1 and "nothing new" in out and "is empty" in err
    assert len(dated(job)) == 1
    # Mended, it is read, and the digest no longer lists the problem.
    (job["folder"] / "broken.txt").write_text(ARTICLE_TEXT, "utf-8")
    code, out, _ = digest(capsys, job)
    assert code == 0 and "1 new" in out and latest(job)["errors"] == []


def test_html_on_request(capsys: pytest.CaptureFixture[str], job: dict[str, Path]) -> None:
    code, _, _ = digest(capsys, job, "--html")
    assert code == 0
    page = (job["out"] / "latest.html").read_text("utf-8")
    assert "Changes since the last digest" in page and "First digest of this job" in page
    assert dated(job, ".html")


def test_missing_settings_are_one_sentence(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code = main(["digest", "--source", str(SEEDS)])
    err = capsys.readouterr().err
    assert code == 2
    assert err == (
        "stargate-digest: error: the digest job needs --state, --output-dir (on the command "
        "line or in a --config file)\n"
    )


def test_nothing_readable_at_all_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    paths = {"folder": tmp_path / "missing", "state": tmp_path / "s.sqlite", "out": tmp_path / "o"}
    code, out, err = digest(capsys, paths)
    assert code == 2 and out == ""
    assert "no such file or directory" in err
    assert (
        err.splitlines()[-1] == "stargate-digest: error: no article could be read from the sources"
    )
    assert not paths["out"].exists()


def test_config_file_with_paths_relative_to_it(
    capsys: pytest.CaptureFixture[str], job: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    config = job["folder"].parent / "job.toml"
    config.write_text(
        'sources = ["coverage"]\nstate = "state.sqlite"\noutput_dir = "digests"\n'
        'formats = ["markdown"]\nbackend = "rules"\n',
        "utf-8",
    )
    monkeypatch.chdir("/")
    code = main(["digest", "--config", str(config)])
    assert code == 0, capsys.readouterr().err
    assert sorted(p.suffix for p in job["out"].iterdir()) == [".md", ".md"]
    # The command line wins over the file.
    assert main(["digest", "--config", str(config), "--html"]) == 0
    assert (job["out"] / "latest.html").exists()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("sources = [", "is not valid TOML"),
        ('sources = "seeds"', "sources: Input should be a valid list"),
        ("colour = 1", "colour: Extra inputs are not permitted"),
        ("timeout = -1", "timeout: Input should be greater than 0"),
        ('formats = ["pdf"]', "formats.0: Input should be 'markdown', 'json' or 'html'"),
    ],
)
def test_bad_config_files(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, text: str, message: str
) -> None:
    config = tmp_path / "job.toml"
    config.write_text(text, "utf-8")
    assert main(["digest", "--config", str(config)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"stargate-digest: error: {config}: ") and message in err
    assert len(err.splitlines()) == 1


def test_a_missing_config_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["digest", "--config", str(tmp_path / "nope.toml")]) == 2
    assert "nope.toml: no such configuration file" in capsys.readouterr().err


def test_a_run_held_off_by_the_lock_exits_75(
    capsys: pytest.CaptureFixture[str], job: dict[str, Path]
) -> None:
    from filelock import FileLock

    with FileLock(f"{job['state']}.lock"):
        code, out, err = digest(capsys, job, "--lock-timeout", "0.2")
    assert code == 75 and out == ""
    assert err == (
        f"stargate-digest: error: {job['state']}: another run is using this state and did not "
        "finish within 0.2 seconds (--lock-timeout); this run did nothing\n"
    )
    assert not job["out"].exists()
    code, _, _ = digest(capsys, job)  # the lock released, the job runs
    assert code == 0 and len(dated(job)) == 1


def test_a_run_that_died_before_recording_its_digest_is_completed_by_the_next(
    capsys: pytest.CaptureFixture[str], job: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    def die(*args: object) -> None:
        raise KeyboardInterrupt  # as if killed between writing the files and recording them

    monkeypatch.setattr(Store, "record_digest", die)
    code, _, err = digest(capsys, job)
    assert code == 130 and "interrupted" in err
    monkeypatch.undo()
    code, out, _ = digest(capsys, job)
    assert code == 0 and "0 new, 0 updated, 0 extracted, 5 in all; wrote" in out
    assert latest(job)["changes"]["previous_generated_at"] is None  # still the first digest
    code, out, _ = digest(capsys, job)
    assert "nothing new" in out
    with sqlite3.connect(job["state"]) as db:
        outcomes = [row[0] for row in db.execute("SELECT outcome FROM runs ORDER BY run_id")]
    assert outcomes == ["interrupted", "written", "unchanged"]  # recorded by the next run


def test_the_library_api(job: dict[str, Path]) -> None:
    config = JobConfig(sources=[str(job["folder"])], state=job["state"],
                       output_dir=job["out"], backend="rules")  # fmt: skip
    report = run_job(config)
    assert len(report.new) == 5 and report.extracted == 5 and not report.failures
    assert report.files[0].endswith(".md") and Path(report.files[0]).exists()
    again = run_job(config)
    assert again.files == [] and again.extracted == 0
    toml = job["folder"].parent / "job.toml"
    toml.write_text(f'sources = ["{job["folder"].name}"]\n', "utf-8")
    assert load_config(toml).sources == [str(job["folder"])]


def test_a_state_that_is_not_a_database_is_one_sentence(
    capsys: pytest.CaptureFixture[str], job: dict[str, Path]
) -> None:
    job["state"].write_bytes(b"this is not SQLite " * 100)
    code, out, err = digest(capsys, job)
    assert code == 2 and out == ""
    assert err == (
        f"stargate-digest: error: {job['state']}: is not an SQLite database, so not a state "
        "this tool wrote; check the path, or move the file away to start afresh\n"
    )


def test_an_output_folder_that_cannot_be_written_is_retried_by_the_next_run(
    capsys: pytest.CaptureFixture[str], job: dict[str, Path]
) -> None:
    job["out"].write_text("a file where the folder should be", "utf-8")
    code, _, err = digest(capsys, job)
    assert code == 2
    assert err.startswith(f"stargate-digest: error: {job['out']}/digest-")
    assert "the digest could not be written" in err and "the next run will try again" in err
    job["out"].unlink()
    code, out, _ = digest(capsys, job)
    assert code == 0 and "0 extracted" in out and "wrote" in out  # results were kept

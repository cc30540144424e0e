"""`dotsdesk demo`: the sample never costs work. Without FILE the sample in the data folder is
written once and then kept, with what was done in it; an existing FILE is never overwritten
unless --force, and --force keeps a backup copy of what it replaces."""

from __future__ import annotations

from pathlib import Path

from .conftest import Run

NOTE = "I keep a logbook-of-models for every model I ship, and I review it each Friday."


def work_in(cli, project: Path | str, tmp_path: Path) -> dict[str, object]:  # type: ignore[no-untyped-def]
    """Import a transcript and code something, as a newcomer trying the sample would."""
    (tmp_path / "note.txt").write_text(NOTE, encoding="utf-8")
    imported = cli("import", project, "note.txt", "--respondent", "Newcomer")
    assert imported.code == 0, imported.err
    coded = cli("autocode", project, "--code", "Theme/Mine", "--pattern", "logbook-of-models")
    assert coded.code == 0 and "1 segment(s) made" in coded.out, coded
    info: dict[str, object] = cli("info", project, "--json").json()
    assert info["respondents"] == 31
    return info


def test_demo_keeps_the_sample_and_the_work_in_it(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    first: Run = cli("demo")
    assert first.code == 0, first.err
    sample = tmp_path / "data" / "dotsdesk" / "sample.dots"
    assert "wrote the sample project" in first.out and sample.is_file()
    worked = work_in(cli, sample, tmp_path)

    again: Run = cli("demo")  # the README's start command, run a second time
    assert again.code == 0, again.err
    assert "kept as it is" in again.out and str(sample) in again.out
    assert "31 respondents" in again.out
    assert cli("info", sample, "--json").json() == worked
    assert not list(sample.parent.glob(".*partial*"))
    assert not list(sample.parent.glob("sample.backup-*"))


def test_demo_force_resets_the_sample_after_a_backup(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert cli("demo").code == 0
    sample = tmp_path / "data" / "dotsdesk" / "sample.dots"
    worked = work_in(cli, sample, tmp_path)

    reset: Run = cli("demo", "--force")
    assert reset.code == 0, reset.err
    (backup,) = sample.parent.glob("sample.backup-reset-*.dots")
    assert f"kept as {backup}" in reset.out
    assert cli("info", sample, "--json").json()["respondents"] == 30
    kept = cli("info", backup, "--json").json()
    assert kept["respondents"] == worked["respondents"]
    assert kept["segments"] == worked["segments"]


def test_demo_never_overwrites_a_named_project(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert cli("demo", "mine.dots").code == 0
    worked = work_in(cli, "mine.dots", tmp_path)

    refused: Run = cli("demo", "mine.dots")
    assert refused.code == 1
    assert "already exists and is kept as it is" in refused.err and "--force" in refused.err
    assert refused.err.count("\n") == 1
    assert cli("info", "mine.dots", "--json").json() == worked

    forced: Run = cli("demo", "mine.dots", "--force")
    assert forced.code == 0, forced.err
    (backup,) = tmp_path.glob("mine.backup-reset-*.dots")
    assert cli("info", backup, "--json").json()["respondents"] == 31
    assert cli("info", "mine.dots", "--json").json()["respondents"] == 30


def test_demo_force_keeps_a_file_that_is_not_a_project(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "mine.dots").write_bytes(b"precious")
    refused: Run = cli("demo", "mine.dots")
    assert refused.code == 1 and (tmp_path / "mine.dots").read_bytes() == b"precious"

    forced: Run = cli("demo", "mine.dots", "--force")  # e.g. a damaged sample, reset
    assert forced.code == 0, forced.err
    (kept,) = tmp_path.glob("mine.backup-reset-*.dots")
    assert kept.read_bytes() == b"precious" and f"kept as {kept.name}" in forced.out
    assert cli("info", "mine.dots", "--json").json()["respondents"] == 30
    assert not list(tmp_path.glob(".*partial*"))

"""`dotsdesk export ... out.qdpx|out.qdc` and `dotsdesk import ... in.qdpx|in.qdc` as a user
runs them: valid files, the same GUIDs each time, identity only when asked and said so,
bad files refused in one line with the project untouched."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

from sqlalchemy import select

from dotsdesk.model import Identity
from dotsdesk.store import Project
from tests.paths import DATA
from tests.refi_checks import read_qdpx, validate_qdc, validate_qdpx


def private_names(path: Path) -> list[str]:
    with Project.open(path, readonly=True) as p, p.read() as s:
        return [n for n in s.scalars(select(Identity.name)) if n]


def test_export_import_round_trip_from_the_command_line(
    cli, demo_project: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    study = tmp_path / "study.dots"
    shutil.copyfile(demo_project, study)
    result = cli("export", study, "out.qdpx")
    assert result.code == 0, result.err
    assert "a REFI-QDA project with 14 code(s)" in result.out
    assert "labels only, no private identity" in result.out
    validate_qdpx(tmp_path / "out.qdpx")
    qde, texts = read_qdpx(tmp_path / "out.qdpx")
    names = private_names(study)
    everything = qde.decode() + "".join(texts.values())
    assert names and not any(n in everything for n in names)
    again = cli("export", study, "again.qdpx")
    assert again.code == 0
    assert read_qdpx(tmp_path / "again.qdpx")[0] == qde  # the same GUIDs, the same XML
    result = cli("export", study, "codes.qdc")
    assert result.code == 0 and "codebook of 14 code(s)" in result.out
    validate_qdc(tmp_path / "codes.qdc")

    assert cli("new", "fresh.dots").code == 0
    result = cli("import", "fresh.dots", "out.qdpx")
    assert result.code == 0, result.err
    assert "REFI-QDA project from dotsdesk" in result.out
    assert "respondents: 30 added" in result.out
    before = cli("info", study, "--json").json()
    after = cli("info", "fresh.dots", "--json").json()
    for key in ("respondents", "responses", "codes", "segments"):
        assert after[key] == before[key], key
    result = cli("import", "fresh.dots", "out.qdpx")
    assert "already imported" in result.out


def test_identity_only_with_the_option_and_the_command_says_so(
    cli, demo_project: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    study = tmp_path / "study.dots"
    shutil.copyfile(demo_project, study)
    result = cli("export", study, "identity.qdpx", "--with-identity")
    assert result.code == 0, result.err
    assert "HOLDS PRIVATE IDENTITY" in result.out
    validate_qdpx(tmp_path / "identity.qdpx")
    qde = read_qdpx(tmp_path / "identity.qdpx")[0].decode()
    assert all(n in qde for n in private_names(study))
    result = cli("export", study, "codes.qdc", "--with-identity")
    assert result.code == 1 and "--with-identity is for .qdpx" in result.err
    assert not (tmp_path / "codes.qdc").exists()


def test_bad_archives_fail_in_one_line_and_leave_the_project_as_it_was(
    cli, demo_project: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    study = tmp_path / "study.dots"
    shutil.copyfile(demo_project, study)
    digest = hashlib.sha256(study.read_bytes()).hexdigest()
    for name in ("bad_bomb.qdpx", "bad_traversal.qdpx", "bad_entities.qdpx", "bad_truncated.qdpx"):
        result = cli("import", study, DATA / "refi" / name)
        assert result.code == 1
        lines = result.err.strip().splitlines()
        assert len(lines) == 1 and name in lines[0] and lines[0].startswith("dotsdesk: error:")
    assert hashlib.sha256(study.read_bytes()).hexdigest() == digest


def test_vendor_file_report_names_readings_and_skips(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert cli("new", "study.dots").code == 0
    result = cli("import", "study.dots", DATA / "refi" / "maxqda_like.qdpx")
    assert result.code == 0, result.err
    assert "a line break counted as one, the byte-order mark counted" in result.out
    assert "the archive lacks the text file" in result.out
    result = cli("import", "study.dots", DATA / "refi" / "taguette_like.qdc")
    assert result.code == 0 and "REFI-QDA codebook from Taguette" in result.out


def test_export_while_the_project_is_open_in_the_app(
    cli, demo_project: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """The first export records the project's GUID namespace, a write; once it is there,
    exports only read and work while the app holds the project open."""
    study = tmp_path / "study.dots"
    shutil.copyfile(demo_project, study)
    with Project.open(study):  # the app, holding the writer's lock
        result = cli("export", study, "first.qdpx")
        assert result.code == 1 and "export it once from the app" in result.err
        assert not (tmp_path / "first.qdpx").exists()
    assert cli("export", study, "first.qdpx").code == 0
    with Project.open(study):
        result = cli("export", study, "second.qdpx")
        assert result.code == 0, result.err
    assert read_qdpx(tmp_path / "first.qdpx")[0] == read_qdpx(tmp_path / "second.qdpx")[0]

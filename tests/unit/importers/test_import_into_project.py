"""Importers writing into a real project: bulk path, update path, cleaning."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from dotsdesk.errors import InputError
from dotsdesk.importers import import_file
from dotsdesk.model import Identity, Respondent, Response
from dotsdesk.services.coding.codebook import ensure_code
from dotsdesk.services.coding.segments import code_span, segments_of
from dotsdesk.store import Project

ANSWER = "We deploy models ourselves; code review with engineers taught me naming 👩‍💻."


def test_a_csv_with_nul_bytes_is_refused(project: Project, tmp_path: Path) -> None:
    path = tmp_path / "nul.csv"
    path.write_text(f'id,Answer\nr1,"{ANSWER}\x00"\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"nul\.csv"), project.write() as s:
        import_file(s, path)
    with project.read() as s:
        assert s.scalar(select(Response.id)) is None


def test_changed_answer_keeps_its_segments_on_their_text(project: Project, tmp_path: Path) -> None:
    path = tmp_path / "v1.csv"
    path.write_text(f"id,Name,Answer\nr1,Ann Lee,{ANSWER}\n", encoding="utf-8")
    with project.write() as s:
        import_file(s, path)
        rid = s.scalar(select(Response.id))
        start = ANSWER.index("code review")
        code_span(s, rid, start, start + len("code review"), [ensure_code(s, "Theme/Review").id])
    v2 = tmp_path / "v2.csv"
    v2.write_text(f"id,Name,Answer\nr1,Ann Lee,Honestly: {ANSWER}\n", encoding="utf-8")
    with project.write() as s:
        report = import_file(s, v2)
    assert (report.responses_updated, report.segments_moved, report.segments_dropped) == (1, 1, 0)
    with project.read() as s:
        (seg,) = segments_of(s, rid)
        assert seg.text == "code review"
        assert s.scalar(select(Identity.name)) == "Ann Lee"
        # The same respondent, found again by their id (kept as the key), label unchanged.
        assert tuple(s.execute(select(Respondent.key, Respondent.label)).one()) == ("r1", "P01")


def test_bad_number_names_the_row_and_changes_nothing(project: Project, tmp_path: Path) -> None:
    first = tmp_path / "years.csv"
    rows = "\n".join(f"r{i},{i},{ANSWER}" for i in range(1, 5))
    first.write_text(f"id,Years,Answer\n{rows}\n", encoding="utf-8")
    with project.write() as s:
        import_file(s, first)  # Years becomes a number attribute
    later = tmp_path / "years-later.csv"
    later.write_text(f"id,Years,Answer\nr8,8,{ANSWER}\nr9,many,{ANSWER}\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"years-later\.csv.*row 3.*Years"), project.write() as s:
        import_file(s, later)
    with project.read() as s:
        assert len(s.scalars(select(Respondent.id)).all()) == 4


def test_email_keys_never_become_labels(project: Project, tmp_path: Path) -> None:
    path = tmp_path / "emails.csv"
    path.write_text(
        f"Email,Answer\nann@example.com,{ANSWER}\nbo@example.com,{ANSWER}\n", encoding="utf-8"
    )
    with project.write() as s:
        report = import_file(s, path)
    assert any("keyed by 'Email'" in n for n in report.notes)
    with project.read() as s:
        labels = set(s.scalars(select(Respondent.label)))
        emails = set(s.scalars(select(Identity.email)))
    assert labels == {"P01", "P02"} and emails == {"ann@example.com", "bo@example.com"}


def test_importing_again_with_other_choices_applies_them(project: Project, tmp_path: Path) -> None:
    from dotsdesk.importers import ImportOptions
    from dotsdesk.services.corpus.respondents import attribute_table_for

    path = tmp_path / "teams.csv"
    rows = "\n".join(f"r{i},Team {i % 2},{ANSWER} {i}" for i in range(1, 5))
    path.write_text(f"id,Team,Answer\n{rows}\n", encoding="utf-8")
    with project.write() as s:
        first = import_file(s, path, ImportOptions(identity=("Team",)))
        again = import_file(s, path, ImportOptions(identity=("Team",)))
    assert first.respondents_added == 4 and again.already_imported
    with project.write() as s:
        changed = import_file(s, path, ImportOptions(attributes=("Team",)))
        assert changed.already_imported is None and changed.respondents_updated == 4
        rid = s.scalar(select(Respondent.id).where(Respondent.key == "r1"))
        assert attribute_table_for(s, rid) == {"Team": "Team 1"}
        assert import_file(s, path, ImportOptions(attributes=("Team",))).already_imported


def test_rows_without_an_id_stay_one_respondent_across_downloads(
    project: Project, tmp_path: Path
) -> None:
    body = "\n".join(f"2024/05/0{i} 10:20:3{i},{ANSWER} {i}" for i in range(1, 4))
    first, second = tmp_path / "download.csv", tmp_path / "download (1).csv"
    first.write_text(f"Submitted,Answer\n{body}\n", encoding="utf-8")
    second.write_text(f"Submitted,Answer\n{body}\n2024/05/09 08:00:00,{ANSWER} new\n", "utf-8")
    with project.write() as s:
        assert import_file(s, first).respondents_added == 3
        report = import_file(s, second)
    assert (report.respondents_added, report.respondents_updated) == (1, 0)
    with project.read() as s:
        labels = set(s.scalars(select(Respondent.label)))
        received = s.scalars(select(Response.received).order_by(Response.id)).all()
    assert labels == {"P01", "P02", "P03", "P04"}  # never a digest of the row
    assert received[0] is not None and received[0].second == 31

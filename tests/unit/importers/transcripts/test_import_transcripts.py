"""Transcripts into a real project file: turns, respondents under pseudonymous labels with
their names kept private, re-import, several interviewees, refusals that change nothing, undo."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import IntegrityError

from dotsdesk.errors import InputError
from dotsdesk.importers import ImportOptions, TranscriptOptions, import_file
from dotsdesk.model import Identity, Respondent, Response, TranscriptInfo, Turn, TurnRole
from dotsdesk.services.coding import segments as coding
from dotsdesk.services.coding.codebook import ensure_code
from dotsdesk.services.corpus.respondents import add_respondent
from dotsdesk.services.corpus.turns import turns_of
from dotsdesk.store import Project
from tests.paths import DATA

HERE = DATA / "transcripts"


@pytest.fixture
def project(tmp_path: Path) -> Project:
    with Project.create(tmp_path / "t.dots", undo=True) as p:
        yield p  # type: ignore[misc]


def copy(tmp_path: Path, name: str, as_name: str) -> Path:
    target = tmp_path / as_name
    shutil.copy(HERE / name, target)
    return target


def test_otter_transcript_becomes_one_interviewee_with_turns(
    project: Project, tmp_path: Path
) -> None:
    path = copy(tmp_path, "otter.txt", "Jane Doe 2024-03-05.txt")
    with project.write() as s:
        report = import_file(s, path)
    lines = "\n".join(report.lines())
    assert "layout: Otter, 6 turns; times 0:03 to 1:02:09" in lines
    assert "speaker 'Alex Kim': 3 turns, 19 words - the interviewer (guessed" in lines
    assert "speaker 'Jane Doe': 3 turns, 38 words - the words of Interviewee 1" in lines
    with project.read() as s:
        response = s.scalars(select(Response)).one()
        assert response.respondent.label == response.respondent.key == "Interviewee 1"
        assert response.question == "Interview" and response.channel == "transcript"
        identity = s.get(Identity, response.respondent_id)
        assert identity is not None and identity.name == "Jane Doe"
        assert identity.other == "transcript file: Jane Doe 2024-03-05.txt"
        shown = turns_of(s, response.id)
        assert [(t.label, t.time_text, t.own) for t in shown] == [
            ("Interviewer", "0:03", False),
            ("Interviewee 1", "0:09", True),
            ("Interviewer", "1:02", False),
            ("Interviewee 1", "1:05", True),
            ("Interviewer", "1:02:03", False),
            ("Interviewee 1", "1:02:09", True),
        ]
        assert (
            response.text[shown[3].start : shown[3].end]
            == "From code review 🙂. 面试的时候也考系统设计。"
        )
        assert "Jane" not in response.text and "Alex" not in response.text
        info = s.get(TranscriptInfo, response.id)
        assert info is not None and info.layout == "Otter" and info.interviewer == "Alex Kim"
        assert "SPEAKERS" in (info.document_info or "")


def test_several_interviewees_make_one_respondent_each(project: Project, tmp_path: Path) -> None:
    path = tmp_path / "group.txt"
    path.write_text(
        "I: What do you build?\nAnna: Pipelines 🚀.\nBen: Dashboards, 仪表盘.\n"
        "I: And you, Anna?\nAnna: Models too.\n",
        encoding="utf-8",
    )
    with project.write() as s:
        import_file(s, path)
    with project.read() as s:
        responses = s.scalars(select(Response).order_by(Response.id)).all()
        assert [r.respondent.label for r in responses] == ["Interviewee 1", "Interviewee 2"]
        assert responses[0].text == responses[1].text  # the whole conversation, each
        anna, ben = (turns_of(s, r.id) for r in responses)
        assert [t.label for t in anna] == [
            "Interviewer", "Interviewee 1", "Interviewee 2", "Interviewer", "Interviewee 1",
        ]  # fmt: skip
        assert [t.own for t in anna] == [False, True, False, False, True]
        assert [t.own for t in ben] == [False, False, True, False, False]
        names = s.scalars(select(Identity.name).order_by(Identity.respondent_id)).all()
        assert names == ["Anna", "Ben"]


def test_reimport_of_a_changed_transcript_moves_segments_and_keeps_respondents(
    project: Project, tmp_path: Path
) -> None:
    path = copy(tmp_path, "colon_en.txt", "interview.txt")
    with project.write() as s:
        import_file(s, path)
        response = s.scalars(select(Response)).one()
        start = response.text.index("Code review")
        code = ensure_code(s, "Theme/Review").id
        coding.code_span(s, response.id, start, start + len("Code review"), [code])
    path.write_bytes(b"Interviewer 1: A new first question?\r\n" + path.read_bytes())
    with project.write() as s:
        report = import_file(s, path)
    assert report.responses_updated == 1 and report.respondents_added == 0
    with project.read() as s:
        response = s.scalars(select(Response)).one()
        (segment,) = coding.segments_of(s, response.id)
        assert segment.text == "Code review"
        assert response.text.startswith("A new first question?")
        assert s.scalar(select(func.count(Turn.id))) == 6


def test_respondent_option_names_an_existing_respondent_or_a_private_name(
    project: Project, tmp_path: Path
) -> None:
    with project.write() as s:
        add_respondent(s, "P07")
        import_file(s, HERE / "otter.md", ImportOptions(respondent="P07"))
        import_file(s, HERE / "teams.srt", ImportOptions(respondent="Mei Lin"))
    with project.read() as s:
        owners = dict(s.execute(select(Response.source, Respondent.label).join(Respondent)).all())
        assert owners == {"otter.md": "P07", "teams.srt": "Interviewee 1"}
        assert s.scalar(select(Identity.name).where(Identity.name == "Mei Lin")) == "Mei Lin"
        assert s.scalar(select(func.count()).where(Respondent.label.like("%Mei%"))) == 0


@pytest.mark.parametrize(
    ("options", "transcript", "problem"),
    [
        (ImportOptions(respondent="Mei"), TranscriptOptions(), "--respondent names one person"),
        (ImportOptions(), TranscriptOptions(interviewer=("Bob",)), "'Bob' is not a speaker"),
        (ImportOptions(), TranscriptOptions(("I", "Anna", "Ben")), "every speaker was taken"),
    ],
)
def test_refusals_change_nothing(
    project: Project,
    tmp_path: Path,
    options: ImportOptions,
    transcript: TranscriptOptions,
    problem: str,
) -> None:
    path = tmp_path / "group.txt"
    path.write_text("I: What do you build?\nAnna: Pipelines.\nBen: Dashboards.\n", "utf-8")
    with pytest.raises(InputError, match=problem) as caught, project.write() as s:
        import_file(s, path, options, transcript=transcript)
    assert "group.txt" in str(caught.value)
    with project.read() as s:
        assert s.scalar(select(func.count(Respondent.id))) == 0


def test_undo_of_an_import_removes_its_turns_and_redo_brings_them_back(
    project: Project,
) -> None:
    def rows() -> dict[str, list[tuple[object, ...]]]:
        with project.read() as s:
            return {
                t: [tuple(r) for r in s.execute(text(f'SELECT * FROM "{t}" ORDER BY rowid'))]
                for t in ("turn", "transcript", "response", "respondent", "identity")
            }

    before = rows()
    _, step = project.record(lambda s: import_file(s, HERE / "voices.vtt"))
    assert {"turn", "transcript"} <= step.tables
    after = rows()
    assert len(after["turn"]) == 3
    redo = project.replay(step)
    assert rows() == before
    project.replay(redo)
    assert rows() == after


def test_the_database_keeps_turns_inside_their_text(project: Project) -> None:
    with project.write() as s:
        import_file(s, HERE / "voices.vtt")
    with project.engine.connect() as conn:
        length = conn.exec_driver_sql("SELECT length(text) FROM response").scalar_one()
    with pytest.raises(IntegrityError, match="beyond"), project.engine.begin() as conn:
        conn.exec_driver_sql('UPDATE turn SET "end" = ? WHERE position = 0', (length + 1,))
    with project.write() as s:
        assert s.scalars(select(Turn.role).order_by(Turn.position)).all() == [
            TurnRole.INTERVIEWER,
            TurnRole.RESPONDENT,
            TurnRole.INTERVIEWER,
        ]
        s.execute(text("DELETE FROM response"))
        assert s.scalar(select(func.count(Turn.id))) == 0  # cascades


def test_another_interviewer_on_reimport_keeps_the_earlier_respondent_as_context(
    project: Project,
) -> None:
    path = HERE / "voices.vtt"
    with project.write() as s:
        import_file(s, path)  # Alex Kim asks the questions: Jane Doe is Interviewee 1
    with project.write() as s:
        report = import_file(s, path, transcript=TranscriptOptions(interviewer=("Jane Doe",)))
    assert not report.already_imported and report.respondents_added == 1
    assert any("Interviewee 1 (speaker 'Jane Doe' before)" in n for n in report.notes)
    with project.read() as s:
        jane, alex = s.scalars(select(Response).order_by(Response.id)).all()
        assert [t.own for t in turns_of(s, jane.id)] == [False, False, False]
        assert [t.own for t in turns_of(s, alex.id)] == [True, False, True]
        assert [t.label for t in turns_of(s, alex.id)] == [
            "Interviewee 2", "Interviewer", "Interviewee 2",
        ]  # fmt: skip


def test_reimport_under_another_respondent_moves_the_answers_instead_of_doubling_them(
    project: Project, tmp_path: Path
) -> None:
    path = copy(tmp_path, "otter.md", "访谈 cafe\u0301.md")
    with project.write() as s:
        add_respondent(s, "P07")
        add_respondent(s, "P08")
        import_file(s, path, ImportOptions(respondent="P07"))  # the wrong person
        response = s.scalars(select(Response)).one()
        code = ensure_code(s, "Theme/Review").id
        coding.code_span(s, response.id, 0, 5, [code])
    with project.write() as s:
        report = import_file(s, path, ImportOptions(respondent="P08"))
    assert any("move from P07 to P08" in note for note in report.notes)
    with project.read() as s:
        response = s.scalars(select(Response)).one()  # not two
        assert response.respondent.label == "P08"
        assert len(coding.segments_of(s, response.id)) == 1
        owners = {t.respondent_id for t in s.scalars(select(Turn)) if t.respondent_id}
        assert owners <= {response.respondent_id}

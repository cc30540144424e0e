"""Interview transcripts as a user imports, codes and shares them on the command line:
--dry-run shows the layout, the speakers and the interviewer; the interviewer's words are
never quoted; no speaker's name or file name reaches a shareable export."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import openpyxl
from docx import Document

from tests.paths import DATA

HERE = DATA / "transcripts"
# What identifies people in these files: speakers' names, file names, a document title.
PRIVATE = ["Jane Doe", "Alex Kim", "Mei Lin", "王小明", "Chen Wei", "Interview with", "2024-03-05"]


def xml_text(path: Path) -> str:
    with zipfile.ZipFile(path) as z:
        return "".join(z.read(n).decode("utf-8") for n in z.namelist() if n.endswith(".xml"))


def test_dry_run_shows_layout_speakers_and_the_interviewer(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    cli("new", "d.dots")
    shutil.copy(HERE / "nvivo.docx", tmp_path / "nvivo.docx")
    shutil.copy(HERE / "voices.vtt", tmp_path / "voices.vtt")
    dry = cli("import", "d.dots", "nvivo.docx", "voices.vtt", "--dry-run")
    assert dry.code == 0, dry.err
    for line in [
        "layout: speaker turns, 5 turns",
        "speaker 'I': 2 turns, 6 words - the interviewer (labelled as the interviewer)",
        "speaker 'X': 2 turns, 18 words - the words of Interviewee 1",
        "speaker 'I2': 1 turn, 3 words - the interviewer (labelled as the interviewer)",
        "layout: WebVTT, 3 turns; times 1:00:00 to 1:00:08",
        "speaker 'Alex Kim': 2 turns, 6 words - the interviewer (guessed: 100% of their turns",
        "nothing was changed",
    ]:
        assert line in dry.out, dry.out
    assert cli("info", "d.dots", "--json").json()["respondents"] == 0
    chosen = cli("import", "d.dots", "voices.vtt", "--interviewer", "jane doe", "--dry-run")
    assert "speaker 'Jane Doe': 1 turn, 19 words - the interviewer (chosen with" in chosen.out
    wrong = cli("import", "d.dots", "voices.vtt", "--interviewer", "Bob")
    assert wrong.code == 1 and "voices.vtt" in wrong.err and "'Bob' is not a speaker" in wrong.err
    assert cli("info", "d.dots", "--json").json()["respondents"] == 0


def test_no_name_or_file_name_in_shareable_exports(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    cli("new", "p.dots")
    shutil.copy(HERE / "otter.docx", tmp_path / "Jane Doe 2024-03-05.docx")
    shutil.copy(HERE / "colon_zh.txt", tmp_path / "王小明访谈.txt")
    shutil.copy(HERE / "teams.srt", tmp_path / "Mei Lin.srt")
    doc = Document()
    doc.core_properties.title = "Interview with Chen Wei"
    doc.add_paragraph("Q: What do you do?")
    doc.add_paragraph("A: Data science, mostly production code.")
    doc.save(tmp_path / "chen.docx")
    result = cli("import", "p.dots", "Jane Doe 2024-03-05.docx", "王小明访谈.txt", "Mei Lin.srt")
    assert result.code == 0, result.err
    result = cli("import", "p.dots", "chen.docx", "--respondent", "Chen Wei")
    assert result.code == 0, result.err
    for code, pattern in [
        ("Role/Engineer", "production code|代码|pipelines"),
        ("Role/Research", "system design|系统设计|Data science"),
    ]:
        made = cli("autocode", "p.dots", "--code", code, "--pattern", pattern, "--all-turns")
        assert made.code == 0, made.err
    for n in range(1, 5):  # anonymous: a grant "by name" would rightly print their name
        granted = cli(
            "consent", "p.dots", "set", f"Interviewee {n}", "--status", "granted",
            "--level", "anonymous", "--translation", "yes", "--date", "2025-01-02",
        )  # fmt: skip
        assert granted.code == 0, granted.err
    listed = cli("consent", "p.dots", "list")
    assert all(name not in listed.out for name in PRIVATE)

    assert cli("export", "p.dots", "segments.xlsx").code == 0
    workbook = xml_text(tmp_path / "segments.xlsx")
    assert "Interviewee 1" in workbook and "production code" in workbook
    for private in [*PRIVATE, "Mei Lin.srt", "chen.docx", "访谈"]:
        assert private not in workbook, private
    # A segment in the interviewer's turn is listed as theirs, not as the respondent's.
    sheet = openpyxl.load_workbook(tmp_path / "segments.xlsx")["Segments"]
    rows = list(sheet.iter_rows(values_only=True))
    said_by = rows[0].index("Said by")
    by_text = {(row[3], row[said_by]) for row in rows[1:]}
    assert ("production code", "the interviewer") in by_text
    assert ("production code", None) in by_text  # Chen Wei's own answer
    # A segment of the subtitles has the time of its turn in the recording; others none.
    time = rows[0].index("Time")
    timed = {(row[3], row[time]) for row in rows[1:] if row[3] in ("pipelines", "production code")}
    assert ("production code", "0:01") in timed and ("pipelines", "0:03") in timed
    assert ("production code", None) in timed  # the Word and text transcripts have no times
    assert cli("export", "p.dots", "excerpts.docx", "--excerpts").code == 0
    assert ", at 0:03" in xml_text(tmp_path / "excerpts.docx")  # beside its respondent

    draft = cli("draft", "p.dots", "--title", "Production code", "--sections-from", "Role")
    assert draft.code == 0, draft.err
    # "Do you write production code?" is the interviewer's, coded by the pattern: skipped.
    assert "interviewer's turn" in draft.out, draft.out
    post_id = draft.out.split()[draft.out.split().index("post") + 1].strip(":,")
    for name, extra in (("post.md", ()), ("post.docx", ("--comments",))):
        out = cli("export", "p.dots", name, "--post", post_id, *extra)
        assert out.code == 0, out.err
    shared = (tmp_path / "post.md").read_text("utf-8") + xml_text(tmp_path / "post.docx")
    assert "Interviewee" in shared
    assert "Do you write production code" not in shared  # never quoted as theirs
    for private in [*PRIVATE, "Mei Lin.srt", "chen.docx", "访谈"]:
        assert private not in shared, private

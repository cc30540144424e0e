"""Reading transcripts: the text must be exactly what the researcher sees, in order."""

from __future__ import annotations

import shutil
from pathlib import Path

import docx
import pytest

from dotsdesk.errors import InputError
from dotsdesk.importers.transcripts.documents import Document, read_document
from tests.paths import DATA

TRICKY = "小K说：我是👩‍💻工程师 👍🏽 🇨🇳, Cafe\u0301 and cafe\u0301s"


def test_docx_paragraphs_tables_and_tracked_changes_in_order() -> None:
    document = read_document(DATA / "interview.docx")
    assert document.encoding is None
    assert document.title == "Interview with Researcher A"  # the core title
    assert document.text.split("\n") == [
        "Interview 1",
        "Q: What is your role?",
        f"A: {TRICKY}",
        "Line one",  # a line break inside a paragraph ...
        "line two\tafter a tab",  # ... and a tab are kept
        "Name\tRole\tYears",  # the table, row by row, where it stands
        "小K\tHybrid\t3",
        "Merged across two columns\t",  # a merged cell counts once; the next cell's text
        "second paragraph in cell",  # starts with an empty paragraph
        "After the table.",
        "Tracked: inserted and a link",  # insertion kept, deletion left out, hyperlink text
        "",
        "The end.",
    ]
    assert TRICKY.encode("utf-8") in document.text.encode("utf-8")


def test_docx_made_by_libreoffice_takes_the_first_heading_as_title() -> None:
    document = read_document(DATA / "lo_interview.docx")
    assert document.title == "Interview 2 — 老王"
    assert document.text == (
        "Interview 2 — 老王\n"
        "Q: What do you do?\n"
        f"A: {TRICKY}\n"
        "Name\tRole\n"
        "老王\tResearcher\n"
        "After the table."
    )


def test_docx_without_title_or_heading(tmp_path: Path) -> None:
    made = docx.Document()
    made.add_paragraph("just text")
    path = tmp_path / "plain.docx"
    made.save(path)
    assert read_document(path) == Document(path, "just text", None, None)


def test_txt_is_returned_byte_identical() -> None:
    document = read_document(DATA / "unicode.txt")
    assert document.encoding == "UTF-8"
    assert document.title is None
    assert document.text.encode("utf-8") == (DATA / "unicode.txt").read_bytes()
    assert "e\u0301\u0301" in document.text and "👩‍👩‍👧‍👦" in document.text


def test_markdown_title_line_endings_and_code_fences() -> None:
    document = read_document(DATA / "transcript.md")
    assert document.title == "Interview 3 — 小K"  # the "# ..." inside ``` is not a heading
    assert "\r" not in document.text
    assert document.text.endswith(f"**A:** {TRICKY}\n")


def test_markdown_setext_title(tmp_path: Path) -> None:
    path = tmp_path / "notes.md"
    path.write_text("Notes on 小K\n===\n\ntext\n---\n", encoding="utf-8")
    assert read_document(path).title == "Notes on 小K"


def test_legacy_encoded_text_files() -> None:
    assert read_document(DATA / "gbk_short.txt").text == "你好，我是数据科学家"
    document = read_document(DATA / "windows1252_smart_quotes.txt")
    assert (document.encoding, document.text) == (
        "Windows-1252",
        "He said “café” — it’s naïve…\nZoë’s résumé.\n",
    )
    assert read_document(DATA / "gbk_short.txt", encoding="gbk").encoding == "GBK"


def test_utf16_text_document() -> None:
    document = read_document(DATA / "lo_unicode.txt")
    assert document.encoding == "UTF-16 LE"
    assert document.text.startswith("ID\tHandle\tRole")


@pytest.mark.parametrize(
    ("name", "problem"),
    [
        ("truncated.docx", "not a valid .docx file (it is truncated or damaged)"),
        ("text_renamed.docx", "not a valid .docx file (it is a text file renamed to .docx"),
        ("bomb.docx", "not a valid .docx file (it contains XML entity declarations"),
        ("old_word.doc", "old .doc format is not supported; save it as .docx"),
        ("missing.docx", "file not found"),
        ("title_merged.xlsx", "unsupported file type '.xlsx' for a document"),
    ],
)
def test_broken_documents_give_a_clear_error(name: str, problem: str) -> None:
    with pytest.raises(InputError) as caught:
        read_document(DATA / name)
    assert name in str(caught.value)
    assert problem in str(caught.value)


@pytest.mark.parametrize(
    ("source", "problem"),
    [
        ("title_merged.xlsx", "it is an Excel workbook, not a Word document"),
        ("old_word.doc", "it is an old .doc file or a password-protected document"),
        ("empty.csv", "the file is empty"),
    ],
)
def test_disguised_docx(tmp_path: Path, source: str, problem: str) -> None:
    target = tmp_path / "disguised.docx"
    shutil.copyfile(DATA / source, target)
    with pytest.raises(InputError) as caught:
        read_document(target)
    assert str(caught.value).startswith(f"{target}: not a valid .docx file ({problem}")


def test_docx_with_damaged_document_xml(tmp_path: Path) -> None:
    import zipfile

    target = tmp_path / "cut.docx"
    with zipfile.ZipFile(DATA / "interview.docx") as src, zipfile.ZipFile(target, "w") as dst:
        for item in src.infolist():
            content = src.read(item.filename)
            if item.filename == "word/document.xml":
                content = content[: len(content) // 2]
            dst.writestr(item, content)
    with pytest.raises(InputError, match=r"cut\.docx: not a valid \.docx file"):
        read_document(target)

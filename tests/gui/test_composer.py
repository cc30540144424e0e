"""The draft composer, driven through its real widgets on the sample project: the outline,
block editing with undo, drag and drop through the model, the live preview through the
consent gate, a new post from the codes, and the post export from the window."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from docx import Document
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtWidgets import QDialog, QMessageBox
from sqlalchemy import select

from dotsdesk.model import Block, BlockKind, Section, Segment
from dotsdesk.services.coding import segments as coding
from dotsdesk.services.composer import posts
from dotsdesk.services.consent.events import record_event
from dotsdesk.ui.codebook.mime import segment_data
from dotsdesk.ui.composer import DraftComposer, NewPostDialog
from dotsdesk.ui.composer.outline import OUTLINE_MIME
from dotsdesk.ui.context import ProjectContext
from dotsdesk.ui.main_window import MainWindow

SECTIONS = [
    "",
    "Who are the sampled data scientists?",
    "Research",
    "Engineering",
    "Hybrid",
    "How about business impact?",
    "Additional resource",
    "Final thoughts",
]
PAIR_CODING = "Hybrid B (1point3acres BBS, 小K) on pair coding:"


@pytest.fixture
def composer(qtbot, ctx: ProjectContext) -> DraftComposer:  # type: ignore[no-untyped-def]
    panel = DraftComposer(ctx)
    qtbot.addWidget(panel)
    panel.resize(1100, 800)
    panel.show()
    return panel


@pytest.fixture
def window(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("DOTSDESK_SETTINGS", str(tmp_path / "settings.ini"))
    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    yield w
    w.close()


def section_titles(ctx: ProjectContext, post_id: int = 1) -> list[str]:
    with ctx.read() as s:
        return list(
            s.scalars(
                select(Section.title).where(Section.post_id == post_id).order_by(Section.position)
            )
        )


def block_ids(ctx: ProjectContext, section_id: int) -> list[int]:
    with ctx.read() as s:
        return list(
            s.scalars(
                select(Block.id).where(Block.section_id == section_id).order_by(Block.position)
            )
        )


def outline_mime(payload: dict[str, int]) -> QMimeData:
    data = QMimeData()
    data.setData(OUTLINE_MIME, json.dumps(payload).encode())
    return data


def section_index(panel: DraftComposer, title: str):  # type: ignore[no-untyped-def]
    row = [s.title for s in panel.model.sections].index(title)
    return panel.model.index(row, 0)


def respondent_of_lead_in(panel: DraftComposer, lead_in: str) -> tuple[int, int]:
    """(block id, respondent id) of the quote with this lead-in in the preview's tree."""
    assert panel.last_tree is not None
    quote = next(q for q in panel.last_tree.quotes() if q.lead_in == lead_in)
    with panel.ctx.read() as s:
        seg = s.get(Segment, quote.segment_id)
        assert seg is not None
        return quote.block_id, seg.response.respondent_id


def test_the_sample_post_in_outline_and_preview(composer: DraftComposer) -> None:
    assert composer.objectName() == "draftComposerPanel"
    assert composer.current_post_id() == 1
    assert composer.post_combo.currentData() == 1
    assert [s.title for s in composer.model.sections] == SECTIONS
    research = section_index(composer, "Research")
    assert composer.model.rowCount(research) == 5
    labels = [
        composer.model.index(r, 0, research).data()
        for r in range(composer.model.rowCount(research))
    ]
    assert labels[0].startswith("Statistic: {percent} of sampled data scientists")
    assert labels[1].startswith("Quote: “We read papers")
    text = composer.preview.toPlainText()
    assert "20% of sampled data scientists" in text
    assert "60% of sampled data scientists describe their work as research and engineering" in text
    assert PAIR_CODING in text
    assert composer.issues_label.text() == "No issues"


def test_edit_a_paragraph_then_undo(composer: DraftComposer, ctx: ProjectContext, qtbot) -> None:  # type: ignore[no-untyped-def]
    first_block = block_ids(ctx, composer.model.sections[0].id)[0]
    assert composer.select_block(first_block)
    edit = composer.editor.paragraph_edit
    assert composer.editor.currentWidget() is composer.editor.paragraph_page
    original = edit.toPlainText()
    assert original.startswith("In the past month")
    composer.activateWindow()
    qtbot.waitUntil(composer.isActiveWindow)
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus)
    edit.setPlainText("In the past **year**, I asked around.")
    composer.outline.setFocus()  # focus-out saves
    qtbot.waitUntil(lambda: not composer.editor.paragraph_dirty())
    with ctx.read() as s:
        assert (
            posts.get_block(s, first_block).data["text"] == "In the past **year**, I asked around."
        )
    assert ctx.undo_stack.undoText() == "Edit paragraph"
    qtbot.waitUntil(lambda: "In the past year, I asked around." in composer.preview.toPlainText())
    ctx.undo_stack.undo()
    with ctx.read() as s:
        assert posts.get_block(s, first_block).data["text"] == original
    assert composer.editor.paragraph_edit.toPlainText() == original
    qtbot.waitUntil(lambda: "In the past month" in composer.preview.toPlainText())


def test_save_a_quote_topic_and_a_section_title(
    composer: DraftComposer, ctx: ProjectContext
) -> None:
    hybrid = composer.model.sections[4]
    pair_block = block_ids(ctx, hybrid.id)[2]
    composer.select_block(pair_block)
    assert composer.editor.currentWidget() is composer.editor.quote_page
    assert composer.editor.quote_translation.isChecked()
    composer.editor.quote_topic.setText("working in pairs")
    assert composer.editor.save_quote()
    with ctx.read() as s:
        data = posts.get_block(s, pair_block).data
    assert data["topic"] == "working in pairs" and "topic_code_id" not in data
    composer.select_section(hybrid.id)
    composer.editor.section_title.setText("Both")
    assert composer.editor.save_section()
    assert section_titles(ctx)[4] == "Both"
    ctx.undo_stack.undo()
    ctx.undo_stack.undo()
    assert section_titles(ctx)[4] == "Hybrid"
    with ctx.read() as s:
        assert posts.get_block(s, pair_block).data.get("topic_code_id") is not None


def test_reorder_blocks_and_sections_by_drop_then_undo(
    composer: DraftComposer, ctx: ProjectContext
) -> None:
    model = composer.model
    research = model.sections[2]
    before = block_ids(ctx, research.id)
    moved = before[4]  # Researcher D's quote, to the top of the section
    parent = section_index(composer, "Research")
    assert model.canDropMimeData(
        outline_mime({"block": moved}), Qt.DropAction.MoveAction, 0, 0, parent
    )
    assert model.dropMimeData(
        outline_mime({"block": moved}), Qt.DropAction.MoveAction, 0, 0, parent
    )
    assert block_ids(ctx, research.id) == [moved, *before[:4]]
    assert [b.id for b in model.sections[2].blocks] == [moved, *before[:4]]
    # Down within the section: Qt's row counts the block itself.
    assert model.dropMimeData(
        outline_mime({"block": moved}),
        Qt.DropAction.MoveAction,
        3,
        0,
        section_index(composer, "Research"),
    )
    assert block_ids(ctx, research.id) == [before[0], before[1], moved, before[2], before[3]]
    ctx.undo_stack.undo()
    ctx.undo_stack.undo()
    assert block_ids(ctx, research.id) == before
    # A section dropped between others, at the root.
    hybrid = model.sections[4].id
    assert model.dropMimeData(
        outline_mime({"section": hybrid}), Qt.DropAction.MoveAction, 2, 0, model.index(-1, 0)
    )
    assert section_titles(ctx)[2] == "Hybrid"
    assert [s.title for s in model.sections][2] == "Hybrid"
    ctx.undo_stack.undo()
    assert section_titles(ctx) == SECTIONS


def test_drop_a_segment_onto_a_section_adds_a_quote(
    composer: DraftComposer, ctx: ProjectContext, qtbot
) -> None:  # type: ignore[no-untyped-def]
    with ctx.read() as s:
        quoted = set(s.scalars(select(Block.segment_id).where(Block.segment_id.is_not(None))))
        seg = s.scalars(
            select(Segment).where(Segment.id.not_in(quoted)).order_by(Segment.id)
        ).first()
        assert seg is not None
        seg_id, text = seg.id, seg.response.text[seg.start : seg.end]
    final = composer.model.sections[-1]
    parent = section_index(composer, "Final thoughts")
    payload = segment_data(seg_id, text)
    assert composer.model.canDropMimeData(payload, Qt.DropAction.CopyAction, -1, 0, parent)
    assert composer.model.dropMimeData(payload, Qt.DropAction.CopyAction, -1, 0, parent)
    ids = block_ids(ctx, final.id)
    with ctx.read() as s:
        block = posts.get_block(s, ids[-1])
        assert block.kind is BlockKind.QUOTE and block.segment_id == seg_id
    assert ctx.undo_stack.undoText() == "Add quote"
    assert composer.model.sections[-1].blocks[-1].kind is BlockKind.QUOTE
    qtbot.waitUntil(lambda: composer.preview_source.count("<blockquote") == 14)  # 13 and this
    ctx.undo_stack.undo()
    assert len(block_ids(ctx, final.id)) == len(ids) - 1


def test_a_withdrawn_consent_turns_the_quote_red(
    composer: DraftComposer, ctx: ProjectContext, qtbot
) -> None:  # type: ignore[no-untyped-def]
    _, respondent = respondent_of_lead_in(composer, PAIR_CODING)
    ctx.run(
        "Record withdrawal",
        lambda s: record_event(s, respondent, "withdrawn", date.today()),
    )
    qtbot.waitUntil(lambda: "consent withdrawn" in composer.preview.toPlainText(), timeout=2000)
    assert PAIR_CODING not in composer.preview.toPlainText()
    assert '<blockquote class="withheld" style="color:#b00020' in composer.preview_source
    assert "color:#b00020" in composer.preview.toHtml()
    assert composer.issues_label.text().startswith("1 issue: P")
    assert "consent was withdrawn" in composer.issues_label.text()
    assert "b00020" in composer.issues_label.styleSheet()
    ctx.undo_stack.undo()
    qtbot.waitUntil(lambda: composer.issues_label.text() == "No issues", timeout=2000)
    assert PAIR_CODING in composer.preview.toPlainText()


def test_a_deleted_segment_leaves_the_block_saying_so(
    composer: DraftComposer, ctx: ProjectContext, qtbot
) -> None:  # type: ignore[no-untyped-def]
    block_id, _ = respondent_of_lead_in(composer, "Hybrid C on interview:")
    with ctx.read() as s:
        seg_id = posts.get_block(s, block_id).segment_id
    ctx.run("Delete segment", lambda s: coding.uncode(s, seg_id))
    qtbot.waitUntil(lambda: "quote removed" in composer.preview.toPlainText(), timeout=2000)
    index = composer.model.index_of("block", block_id)
    assert index.isValid() and "quote removed" in index.data()
    assert "1 issue" in composer.issues_label.text()


def test_add_and_delete_section_and_block(composer: DraftComposer, ctx: ProjectContext) -> None:
    composer.select_section(composer.model.sections[1].id)
    new_section = composer.add_section("Method")
    assert new_section is not None and section_titles(ctx)[2] == "Method"
    paragraph = composer.add_paragraph("We asked *everyone*.")
    assert paragraph is not None and block_ids(ctx, new_section) == [paragraph]
    assert composer.selected() == ("block", paragraph)
    links = composer.add_links()
    assert links is not None and block_ids(ctx, new_section) == [paragraph, links]
    composer.editor.links_table.insertRow(0)
    from PySide6.QtWidgets import QTableWidgetItem

    composer.editor.links_table.setItem(0, 0, QTableWidgetItem("A blog"))
    composer.editor.links_table.setItem(0, 1, QTableWidgetItem("https://example.org/blog"))
    assert composer.editor.save_links()
    with ctx.read() as s:
        assert posts.get_block(s, links).data["links"] == [
            {"title": "A blog", "url": "https://example.org/blog"}
        ]
    assert composer.delete_selected()
    assert block_ids(ctx, new_section) == [paragraph]
    composer.select_section(new_section)
    assert composer.delete_selected()
    assert section_titles(ctx) == SECTIONS


def test_new_post_from_codes_through_the_dialog(
    window: MainWindow, sample_path: Path, qtbot, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    assert window.open_project(sample_path)
    dock = window.docks["draftComposer"]
    assert dock.windowTitle() == "Draft" and dock.widget() is window.composer
    # Draft, Analysis and Coded Segments are tabs beside Coding.
    tabbed = set(window.tabifiedDockWidgets(window.docks["codingPanel"]))
    assert tabbed == {dock, window.docks["analysisPanel"], window.docks["retrievePanel"]}
    assert not window.coding.visibleRegion().isEmpty()  # the coding panel in front
    assert window.composer.hidden()

    def fill(dialog: NewPostDialog) -> int:
        assert dialog.code.findText("Role") >= 0
        dialog.title.setText("Do you write production code?")
        dialog.series.setText("Connect the Dots")
        dialog.number.setValue(5)
        dialog.code.setCurrentText("Role")
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(NewPostDialog, "exec", fill)
    post_id = window.new_post_from_codes()
    assert post_id is not None
    with window.ctx.read() as s:
        assert [p.title for p in posts.list_posts(s)] == [
            "Do you write production code as a data scientist?",
            "Do you write production code?",
        ]
    assert window.composer.current_post_id() == post_id
    qtbot.waitUntil(lambda: not window.composer.hidden())
    assert [s.title for s in window.composer.model.sections][2:5] == [
        "Research",
        "Engineering",
        "Hybrid",
    ]
    report = window.findChild(QMessageBox, "draftReport")
    assert report is not None and "5 segments were not quoted" in report.informativeText()
    assert "P22" in report.detailedText()
    qtbot.waitUntil(
        lambda: (
            "This is No.5 post in the Connect the Dots series."
            in window.composer.preview.toPlainText()
        )
    )
    window.ctx.undo_stack.undo()
    with window.ctx.read() as s:
        assert len(posts.list_posts(s)) == 1
    assert window.composer.current_post_id() == 1


def docx_text(path: Path) -> str:
    return "\n".join(p.text for p in Document(str(path)).paragraphs)


def test_export_a_post_from_the_window(
    window: MainWindow, sample_path: Path, tmp_path: Path, qtbot
) -> None:  # type: ignore[no-untyped-def]
    assert window.open_project(sample_path)
    transfers = window.transfers
    target = tmp_path / "post.docx"
    transfers.export_post_to(1, target, comments=True)
    qtbot.waitUntil(lambda: transfers.last_post_export == target, timeout=10000)
    text = docx_text(target)
    assert "20% of sampled data scientists describe their work as pure research." in text
    assert PAIR_CODING in text
    with zipfile.ZipFile(target) as zipped:
        assert "word/comments.xml" in zipped.namelist()
    for suffix in (".md", ".html"):
        other = tmp_path / f"post{suffix}"
        transfers.export_post_to(1, other)
        qtbot.waitUntil(lambda other=other: transfers.last_post_export == other, timeout=10000)
        assert "20% of sampled data scientists" in other.read_text(encoding="utf-8")

    # A withdrawn consent: the export refuses, lists the quote, and offers placeholders.
    _, respondent = respondent_of_lead_in_window(window, PAIR_CODING)
    window.ctx.run(
        "Record withdrawal", lambda s: record_event(s, respondent, "withdrawn", date.today())
    )
    blocked = tmp_path / "blocked.docx"
    transfers.export_post_to(1, blocked)
    qtbot.waitUntil(
        lambda: window.findChild(QMessageBox, "postExportBlocked") is not None, timeout=10000
    )
    box = window.findChild(QMessageBox, "postExportBlocked")
    assert not blocked.exists()
    assert "1 quote is blocked" in box.text()
    assert "consent was withdrawn" in box.informativeText()
    replace = next(b for b in box.buttons() if b.objectName() == "replaceWithPlaceholders")
    replace.click()
    qtbot.waitUntil(lambda: transfers.last_post_export == blocked, timeout=10000)
    text = docx_text(blocked)
    assert "[quote withheld: consent withdrawn]" in text and PAIR_CODING not in text


def respondent_of_lead_in_window(window: MainWindow, lead_in: str) -> tuple[int, int]:
    panel = window.composer
    if panel.last_tree is None:
        window.docks["draftComposer"].raise_()
        panel.refresh_preview(force=True)
    return respondent_of_lead_in(panel, lead_in)

"""The composer's additions: find a quote, the profile block editor, the statistic block
editor; each through the real widgets on the sample project, with one undo step per save."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QPushButton, QTableWidgetItem
from sqlalchemy import select

from dotsdesk.model import Block, BlockKind, Code
from dotsdesk.services.composer import posts
from dotsdesk.services.composer.statistics import Population, code_share
from dotsdesk.ui.codebook.mime import SEGMENT_MIME, segment_id
from dotsdesk.ui.composer import DraftComposer
from dotsdesk.ui.composer.quote_finder import SEGMENT_ROLE
from dotsdesk.ui.context import ProjectContext


@pytest.fixture
def composer(qtbot, ctx: ProjectContext) -> DraftComposer:  # type: ignore[no-untyped-def]
    panel = DraftComposer(ctx)
    qtbot.addWidget(panel)
    panel.resize(1100, 800)
    panel.show()
    return panel


def block_ids(ctx: ProjectContext, section_id: int) -> list[int]:
    with ctx.read() as s:
        return list(
            s.scalars(
                select(Block.id).where(Block.section_id == section_id).order_by(Block.position)
            )
        )


def first_block_of_kind(ctx: ProjectContext, kind: BlockKind) -> int:
    with ctx.read() as s:
        found = s.scalars(select(Block.id).where(Block.kind == kind).order_by(Block.id)).first()
    assert found is not None
    return found


# -- find a quote --------------------------------------------------------------------------
def test_find_a_quote_and_add_it_after_the_selected_block(
    composer: DraftComposer, ctx: ProjectContext, qtbot
) -> None:  # type: ignore[no-untyped-def]
    finder = composer.quote_finder
    assert not finder.results.isVisible()
    finder.query.setText("结对")  # typing: the search runs after a short pause
    qtbot.waitUntil(lambda: finder.model.rowCount() == 2, timeout=2000)  # the debounce
    assert finder.results.isVisible()
    assert finder.count_label.text() == "2 coded segments"
    row = finder.model.index(0, 0)
    assert row.data().startswith("P14 · ") and "结对" in row.data()
    seg = int(row.data(SEGMENT_ROLE))

    # Drag payload: the codebook's segment mime, the id as decimal text.
    assert finder.model.flags(row) & Qt.ItemFlag.ItemIsDragEnabled
    mime = finder.model.mimeData([row])
    assert mime.hasFormat(SEGMENT_MIME) and segment_id(mime) == seg
    assert bytes(mime.data(SEGMENT_MIME).data()) == str(seg).encode()
    assert "结对" in mime.text()

    research = composer.model.sections[2]
    before = block_ids(ctx, research.id)
    composer.select_block(before[1])
    finder.results.setCurrentIndex(row)
    assert finder.add_button.isEnabled()
    depth = ctx.undo_stack.index()
    finder.add_button.click()
    after = block_ids(ctx, research.id)
    assert len(after) == len(before) + 1 and after[:2] == before[:2] and after[3:] == before[2:]
    with ctx.read() as s:
        block = posts.get_block(s, after[2])
        assert block.kind is BlockKind.QUOTE and block.segment_id == seg
    assert ctx.undo_stack.index() == depth + 1 and ctx.undo_stack.undoText() == "Add quote"
    assert composer.selected() == ("block", after[2])
    ctx.undo_stack.undo()
    assert block_ids(ctx, research.id) == before


def test_double_click_adds_and_a_translation_match_is_marked(
    composer: DraftComposer, ctx: ProjectContext, qtbot
) -> None:  # type: ignore[no-untyped-def]
    finder = composer.quote_finder
    finder.query.setText("pair programming")
    hits = finder.run_search()
    assert hits and all(h.translated for h in hits)
    assert "(via translation)" in finder.model.index(0, 0).data()
    final = composer.model.sections[-1]
    composer.select_section(final.id)
    before = block_ids(ctx, final.id)
    finder.results.doubleClicked.emit(finder.model.index(0, 0))
    after = block_ids(ctx, final.id)
    assert after[:-1] == before
    with ctx.read() as s:
        assert posts.get_block(s, after[-1]).segment_id == hits[0].id
    finder.query.setText("zzzzqqq")
    assert finder.run_search() == []
    assert finder.count_label.text() == "No coded segment" and not finder.results.isVisible()
    assert not finder.add_button.isEnabled()


# -- profile block editor ------------------------------------------------------------------
def test_edit_profile_wording_and_attribute_in_one_step(
    composer: DraftComposer, ctx: ProjectContext, qtbot
) -> None:  # type: ignore[no-untyped-def]
    block_id = first_block_of_kind(ctx, BlockKind.PROFILE)
    with ctx.read() as s:
        original = posts.get_block(s, block_id).data
    assert composer.select_block(block_id)
    editor = composer.editor
    assert editor.currentWidget() is editor.profile_page
    table = editor.profile_table
    assert table.rowCount() == len(original["bullets"]) == 6
    combo = table.cellWidget(0, 0)
    assert isinstance(combo, QComboBox) and combo.currentText() == "Job title"
    assert table.item(0, 1).text() == "Their official job titles include {values}."
    assert table.cellWidget(2, 0).currentText() == "(fixed text)"

    # Reword bullet 1 (its value order stays), turn bullet 4 into a Degree bullet, drop 3.
    table.item(0, 1).setText("Job titles: {values} ({n} in all).")
    table.cellWidget(3, 0).setCurrentText("Degree")
    table.item(3, 1).setText("Their degrees: {values}.")
    table.setCurrentCell(2, 1)
    editor.findChild(QPushButton, "composerRemoveBullet").click()
    assert table.rowCount() == 5
    editor.findChild(QPushButton, "composerAddBullet").click()
    table.setItem(5, 1, QTableWidgetItem("All answered in 2024."))
    depth = ctx.undo_stack.index()
    editor.findChild(QPushButton, "composerSaveProfile").click()
    assert ctx.undo_stack.index() == depth + 1 and ctx.undo_stack.undoText() == "Edit profile"
    with ctx.read() as s:
        bullets = posts.get_block(s, block_id).data["bullets"]
    assert len(bullets) == 6
    assert bullets[0]["template"] == "Job titles: {values} ({n} in all)."
    assert bullets[0]["order"] == original["bullets"][0]["order"]
    assert bullets[2] == {"attribute": "Degree", "template": "Their degrees: {values}."}
    assert bullets[-1] == {"text": "All answered in 2024."}
    assert bullets[4]["words"] == original["bullets"][5]["words"]
    qtbot.waitUntil(
        lambda: "Job titles: data scientist, research scientist" in composer.preview.toPlainText()
    )
    assert "Their degrees: " in composer.preview.toPlainText()
    ctx.undo_stack.undo()
    with ctx.read() as s:
        assert posts.get_block(s, block_id).data == original
    assert table.item(0, 1).text() == "Their official job titles include {values}."


# -- statistic block editor ----------------------------------------------------------------
def test_edit_statistic_codes_population_and_template_in_one_step(
    composer: DraftComposer, ctx: ProjectContext, qtbot
) -> None:  # type: ignore[no-untyped-def]
    block_id = first_block_of_kind(ctx, BlockKind.STATISTIC)
    with ctx.read() as s:
        original = posts.get_block(s, block_id).data
        paths = {c.id: c.name for c in s.scalars(select(Code))}
    research = original["code_ids"][0]
    hybrid = next(c for c, n in paths.items() if n == "Hybrid")
    assert composer.select_block(block_id)
    editor = composer.editor
    assert editor.currentWidget() is editor.statistic_page
    assert editor.checked_codes() == [research]
    assert editor.statistic_attribute.currentText() == "Everyone"  # in the post's population
    assert not editor.statistic_value.isEnabled()
    assert editor.statistic_descendants.isChecked()

    codes = editor.statistic_codes
    item = next(
        codes.item(i) for i in range(codes.count()) if codes.item(i).text() == "Role/Hybrid"
    )
    item.setCheckState(Qt.CheckState.Checked)
    assert editor.checked_codes() == [research, hybrid]
    editor.statistic_attribute.setCurrentText("Role")
    assert editor.statistic_value.isEnabled()
    values = [editor.statistic_value.itemText(i) for i in range(editor.statistic_value.count())]
    assert "individual contributor" in values
    editor.statistic_value.setCurrentText("individual contributor")
    editor.statistic_template.setText("{percent} of individual contributors ({count}/{total}).")
    depth = ctx.undo_stack.index()
    assert editor.save_statistic()
    assert ctx.undo_stack.index() == depth + 1 and ctx.undo_stack.undoText() == "Edit statistic"
    with ctx.read() as s:
        data = posts.get_block(s, block_id).data
        figure = code_share(s, [research, hybrid], Population("Role", "individual contributor"))
    assert data == {
        "code_ids": [research, hybrid],
        "template": "{percent} of individual contributors ({count}/{total}).",
        "population": {"attribute": "Role", "value": "individual contributor"},
    }
    expected = f"{figure.percent_text} of individual contributors ({figure.count}/{figure.total})."
    qtbot.waitUntil(lambda: expected in composer.preview.toPlainText())

    # Back to everyone, without sub-codes; then no code at all is refused, nothing changes.
    editor.statistic_attribute.setCurrentIndex(0)
    editor.statistic_descendants.setChecked(False)
    assert editor.save_statistic()
    with ctx.read() as s:
        data = posts.get_block(s, block_id).data
    assert "population" not in data and data["descendants"] is False
    for i in range(codes.count()):
        codes.item(i).setCheckState(Qt.CheckState.Unchecked)
    errors: list[str] = []
    ctx.error.connect(errors.append)
    assert not editor.save_statistic()
    assert errors and "at least one code" in errors[-1]
    ctx.undo_stack.undo()
    ctx.undo_stack.undo()
    with ctx.read() as s:
        assert posts.get_block(s, block_id).data == original
    assert editor.checked_codes() == [research]

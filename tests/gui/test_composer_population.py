"""The Draft tab as an author meets issue 15's scenario: a second survey is imported and the
post's figures stay put over its population; coding changes one, and the Draft tab lists
the change, the block editor and the preview show it, the export asks, and accepting (an
undoable step) ends it. A post from before populations says so and gets one chosen."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from docx import Document
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import delete, select

from dotsdesk.importers import import_file
from dotsdesk.model import PostPopulation, Response
from dotsdesk.services.coding import segments as coding
from dotsdesk.services.coding.codebook import find_code
from dotsdesk.services.composer.render_tree import Statistic
from dotsdesk.services.corpus.respondents import find_respondent
from dotsdesk.ui.composer import DraftComposer
from dotsdesk.ui.context import ProjectContext
from dotsdesk.ui.main_window import MainWindow

POPULATION = "the 30 respondents of the sample survey"


@pytest.fixture
def composer(qtbot, ctx: ProjectContext) -> DraftComposer:  # type: ignore[no-untyped-def]
    panel = DraftComposer(ctx)
    qtbot.addWidget(panel)
    panel.resize(1200, 800)
    panel.show()
    return panel


def import_second_survey(ctx: ProjectContext, folder: Path) -> None:
    path = folder / "survey2.csv"
    with path.open("w", newline="", encoding="utf-8") as f:
        out = csv.writer(f)
        out.writerow(["respondent", "Job title", "Do you write production code?"])
        for i in range(21):
            out.writerow([f"S{i:02d}", "data scientist", f"Mostly notebooks ({i})."])
    assert ctx.run("Import survey2.csv", lambda s: import_file(s, path)) is not None


def code_as_research(ctx: ProjectContext, key: str) -> None:
    def action(s):  # type: ignore[no-untyped-def]
        response = s.scalars(
            select(Response).where(Response.respondent_id == find_respondent(s, key).id)
        ).first()
        return coding.code_span(s, response.id, 0, 5, [find_code(s, "Role/Research").id]).id

    assert ctx.run(f"Code {key}", action) is not None


def statistic_block(panel: DraftComposer, index: int = 0) -> int:
    assert panel.last_tree is not None
    stats = [
        n.block_id
        for sec in panel.last_tree.sections
        for n in sec.nodes
        if isinstance(n, Statistic)
    ]
    return stats[index]


def test_figures_stay_then_a_change_is_listed_and_accepted(
    composer: DraftComposer, ctx: ProjectContext, qtbot, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    import_second_survey(ctx, tmp_path)
    composer.refresh_preview()
    text = composer.preview.toPlainText()
    assert "20% of sampled data scientists describe their work as pure research." in text
    assert "60% of sampled data scientists" in text
    assert f"Over {POPULATION} · as drafted on " in text
    assert composer.issues_label.text() == "No issues"
    assert composer.population_bar.label.text() == f"Figures over {POPULATION}"
    assert composer.population_bar.accept_button.isHidden()

    code_as_research(ctx, "P07")  # an engineer who now also describes research
    qtbot.waitUntil(lambda: composer.issues_label.text() != "No issues", timeout=3000)
    issues = composer.issues_label.text()
    assert issues.startswith("1 issue: Research: 20% → 23% since ")
    assert "8a6d00" in composer.issues_label.styleSheet()
    assert "Research: 20% → 23%" in composer.issues_label.toolTip()
    assert "was 20% (6 of 30) when drafted on " in composer.preview.toPlainText()
    assert composer.population_bar.accept_button.isVisibleTo(composer)

    # The block editor says the same beside the figure.
    assert composer.select_block(statistic_block(composer))
    figure = composer.editor.statistic_page.figure.text()
    assert figure.startswith(f"Over {POPULATION}.\n")
    assert "Now 23% (7 of 30); was 20% (6 of 30) when drafted on " in figure

    # Accepting is one undo step; undoing it brings the issue back.
    depth = ctx.undo_stack.index()
    assert composer.population_bar.accept_figures() == 4
    assert ctx.undo_stack.index() == depth + 1
    assert ctx.undo_stack.undoText() == "Accept figures"
    qtbot.waitUntil(lambda: composer.issues_label.text() == "No issues", timeout=3000)
    assert "Now 23% (7 of 30), as accepted on " in composer.editor.statistic_page.figure.text()
    ctx.undo_stack.undo()
    qtbot.waitUntil(lambda: "20% → 23%" in composer.issues_label.text(), timeout=3000)


def test_the_export_from_the_window_asks_then_records_without_an_undo_step(
    window: MainWindow, sample_path: Path, tmp_path: Path, qtbot
) -> None:  # type: ignore[no-untyped-def]
    assert window.open_project(sample_path)
    ctx = window.ctx
    code_as_research(ctx, "P07")
    target = tmp_path / "post.docx"
    window.transfers.export_post_to(1, target)
    qtbot.waitUntil(
        lambda: window.findChild(QMessageBox, "postExportFiguresChanged") is not None,
        timeout=10000,
    )
    box = window.findChild(QMessageBox, "postExportFiguresChanged")
    assert not target.exists()
    assert "1 figure changed" in box.text() and f"{target.name} was not written" in box.text()
    assert "Research: 20% → 23% since " in box.informativeText()
    depth, undo_text = ctx.undo_stack.index(), ctx.undo_stack.undoText()
    next(b for b in box.buttons() if b.objectName() == "exportNewFigures").click()
    qtbot.waitUntil(lambda: window.transfers.last_post_export == target, timeout=10000)
    paragraphs = [p.text for p in Document(str(target)).paragraphs]
    assert "23% of sampled data scientists describe their work as pure research." in paragraphs
    # Recorded as exported, outside the undo history: Ctrl+Z still undoes the coding.
    assert (ctx.undo_stack.index(), ctx.undo_stack.undoText()) == (depth, undo_text)
    window.composer.refresh_preview(force=True)
    assert window.composer.issues_label.text() == "No issues"
    assert "as exported on " in window.composer.preview.toPlainText()
    again = tmp_path / "again.md"
    window.transfers.export_post_to(1, again)
    qtbot.waitUntil(lambda: window.transfers.last_post_export == again, timeout=10000)


def test_a_post_without_a_population_gets_one_chosen(
    composer: DraftComposer, ctx: ProjectContext, qtbot, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    ctx.run("Forget", lambda s: s.execute(delete(PostPopulation)).rowcount)  # a pre-0006 post
    import_second_survey(ctx, tmp_path)
    composer.refresh_preview()
    bar = composer.population_bar
    assert bar.label.text() == "Figures over all respondents (51 now)"
    assert "8a6d00" in bar.label.styleSheet()
    assert "12% of sampled data scientists" in composer.preview.toPlainText()
    assert composer.issues_label.text().startswith("4 issues: population: this post predates")

    bar.open_dialog()
    dialog = bar.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.name.text() == "the 51 respondents of sample and survey2.csv"
    dialog.from_files.setChecked(True)
    files = {dialog.files.item(i).text(): dialog.files.item(i) for i in range(dialog.files.count())}
    assert set(files) == {"sample (30 respondents)", "survey2.csv (21 respondents)"}
    files["sample (30 respondents)"].setCheckState(Qt.CheckState.Checked)
    assert dialog.name.text() == "the 30 respondents of sample"
    dialog.name.setText("the sample survey")
    dialog.name.textEdited.emit("the sample survey")
    dialog.accept()
    assert ctx.undo_stack.undoText() == "Set the post's population"
    qtbot.waitUntil(lambda: composer.issues_label.text() == "No issues", timeout=3000)
    assert bar.label.text() == "Figures over the sample survey"
    assert "20% of sampled data scientists" in composer.preview.toPlainText()
    profile = next(
        n.block_id
        for sec in composer.last_tree.sections  # type: ignore[union-attr]
        for n in sec.nodes
        if getattr(n, "role", "") == "profile"
    )
    assert composer.select_block(profile)
    assert composer.editor.currentWidget() is composer.editor.profile_page
    assert composer.editor.profile_page.figure.text().startswith("Over the sample survey (30 now).")


@pytest.fixture
def window(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("DOTSDESK_SETTINGS", str(tmp_path / "settings.ini"))
    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    yield w
    w.close()

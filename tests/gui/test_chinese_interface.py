"""The window in Simplified Chinese: every panel and the main dialogs, on a study whose data
is all Chinese, show no English words but names (dotsdesk, Excel, REFI-QDA ...), keys and
pseudonymous labels. The texts read are what a user sees: labels, buttons, titles, tabs,
placeholders, tooltips, menus, column headers and the first rows of every view."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDockWidget,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)

from dotsdesk.ui.main_window import MainWindow

from .chinese_project import build_chinese_project

# Words that stay as they are in Chinese: names of products, formats and keys.
ALLOWED = {
    "dotsdesk", "Excel", "Word", "Markdown", "HTML", "REFI", "QDA", "QDPX", "QDC", "NVivo",
    "ATLAS", "ti", "MAXQDA", "QualCoder", "Taguette", "Qualtrics", "SurveyMonkey",
    "LimeSurvey", "Google", "Forms", "PNG", "SVG", "CSV", "TSV", "XLSX", "DOCX", "TXT", "RTF",
    "VTT", "SRT", "Ctrl", "Shift", "Alt", "Enter", "Esc", "Tab", "Del", "Backspace", "Home",
    "End", "PgUp", "PgDown", "Up", "Down", "Left", "Right", "Space", "F2", "ID", "URL", "Cohen",
    "Krippendorff", "kappa", "alpha", "Tess", "Coder", "utf", "sig", "gb18030", "big5",
    "shift_jis", "Jaccard", "zh", "en", "und", "Interviewee", "No", "English", "qdpx", "qdc",
    "UTF", "sample",  # the sample's coder, named on memos
}  # fmt: skip
# The importers' own reasons for a column's role: importers are plain Python without a
# catalogue, so these stay English (the dialog around them is translated).
IMPORTERS_SAY = {"importWhy", "importRole"}
# Where the text is the post as its readers see it (the post's language, not the window's).
CONTENT = {"composerPreview"}
WORD = re.compile(r"[A-Za-z][A-Za-z'’]+")
NOT_WORDS = re.compile(
    r"https?://\S+|\S*\.(?:dots|csv|tsv|xlsx|docx|txt|md|rtf|vtt|srt|html|qdpx|qdc|ts|qm)\b|/\S+|#[0-9A-Fa-f]{6}|\bP\d+\b"
    r"|\{[^{}]*\}|\b\w*\d\w*\b|\b\w+_\w+\b"  # fields; names with digits or _ (gb18030)
)


def english_words(text: str) -> list[str]:
    text = html.unescape(re.sub(r"<[^>]+>", " ", text)).replace("&", "")
    text = NOT_WORDS.sub(" ", text)
    return [w for w in WORD.findall(text) if w not in ALLOWED]


def menu_texts(menu: QMenu, where: str) -> Iterator[tuple[str, str]]:
    menu.aboutToShow.emit()  # menus filled on demand fill now
    yield where, menu.title()
    for action in menu.actions():
        if action.menu() is not None:
            yield from menu_texts(action.menu(), f"{where} > {action.text()}")
        elif not action.isSeparator():
            yield f"{where} > {action.text()}", action.text()
            yield f"{where} > {action.text()} (tooltip)", action.toolTip()


def view_texts(view: QAbstractItemView, where: str) -> Iterator[tuple[str, str]]:
    model = view.model()
    if model is None:
        return
    # A list model's columnCount is private in PySide: one column.
    columns = range(
        1 if isinstance(model, QAbstractListModel) else model.columnCount(QModelIndex())
    )
    for column in columns:
        yield (
            f"{where} header",
            str(
                model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
                or ""
            ),
        )

    def rows(parent: QModelIndex, depth: int) -> Iterator[tuple[str, str]]:
        for row in range(min(model.rowCount(parent), 30)):
            for column in columns:
                index = model.index(row, column, parent)
                for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                    value = model.data(index, role)
                    if isinstance(value, str):
                        yield f"{where} row {row}", value
            if depth < 2:
                yield from rows(model.index(row, 0, parent), depth + 1)

    yield from rows(QModelIndex(), 0)


def visible_texts(root: QWidget) -> Iterator[tuple[str, str]]:
    yield "window title", root.windowTitle()
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible() or any(w.objectName() in CONTENT for w in _ancestors(widget)):
            continue
        if widget.objectName() == "importWhy":
            continue
        where = f"{type(widget).__name__} {widget.objectName()!r}"
        if widget.objectName() not in IMPORTERS_SAY:  # a role's tooltip is the importer's why
            yield f"{where} tooltip", widget.toolTip()
        if isinstance(widget, QLabel | QAbstractButton):
            yield where, widget.text()
        elif isinstance(widget, QGroupBox):
            yield where, widget.title()
        elif isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit):
            yield where, widget.placeholderText()
        elif isinstance(widget, QComboBox):
            for i in range(widget.count()):
                yield f"{where} item {i}", widget.itemText(i)
        elif isinstance(widget, QTabBar):
            for i in range(widget.count()):
                yield f"{where} tab", widget.tabText(i)
                yield f"{where} tab tooltip", widget.tabToolTip(i)
        elif isinstance(widget, QDockWidget):
            yield where, widget.windowTitle()
        elif isinstance(widget, QAbstractItemView):
            yield from view_texts(widget, where)
        for action in widget.actions():
            if action.menu() is not None:
                yield from menu_texts(action.menu(), where)
            elif not action.isSeparator():
                yield f"{where} action", action.text()
                yield f"{where} action tooltip", action.toolTip()


def _ancestors(widget: QWidget) -> Iterator[QWidget]:
    current: QWidget | None = widget
    while current is not None:
        yield current
        current = current.parentWidget()


def english_left(root: QWidget) -> list[str]:
    found = []
    for where, text in visible_texts(root):
        words = english_words(text or "")
        if words:
            found.append(f"{where}: {text!r} ({' '.join(words)})")
    return sorted(set(found))


@pytest.fixture
def window(qtbot, tmp_path: Path, chinese_interface, monkeypatch) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("DOTSDESK_SETTINGS", str(tmp_path / "settings.ini"))
    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    yield w
    w.close()


def test_the_welcome_page_and_menus_are_chinese(window: MainWindow) -> None:
    left = english_left(window)
    for menu in window.menuBar().actions():
        left += [f"{w}: {t!r}" for w, t in menu_texts(menu.menu(), "menu") if english_words(t)]
    assert not left, "\n".join(left)


def test_every_panel_is_chinese(window: MainWindow, tmp_path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    assert window.open_project(build_chinese_project(tmp_path / "研究.dots"))
    left: list[str] = []
    first = window.browser.model.ids()[0]
    window.ctx.responseActivated.emit(first)
    window.docks["consentTracker"].raise_()  # behind the codebook's tab it counts when shown
    qtbot.waitUntil(lambda: window.consent.model.row(0) is not None)
    window.consent.select_respondent(window.consent.model.row(0).respondent_id)
    for name, dock in window.docks.items():
        dock.show()
        dock.raise_()
        qtbot.wait(10)
        left += [f"[{name}] {line}" for line in english_left(dock)]
    # Every block's editor in the Draft panel, and a transcript in the coding panel.
    composer = window.docks["draftComposer"]
    composer.raise_()
    for section in window.composer.model.sections:
        for block in section.blocks:
            window.composer.select_block(block.id)
            qtbot.wait(5)
            left += [f"[draft, block {block.kind}] {line}" for line in english_left(composer)]
    window.docks["codingPanel"].raise_()
    window.ctx.responseActivated.emit(max(window.browser.model.ids()))
    qtbot.wait(10)
    left += [f"[transcript] {line}" for line in english_left(window.docks["codingPanel"])]
    left += [f"[status] {m}" for m in [window.statusBar().currentMessage()] if english_words(m)]
    for menu in window.menuBar().actions():
        left += [f"{w}: {t!r}" for w, t in menu_texts(menu.menu(), "menu") if english_words(t)]
    assert not left, f"{len(left)} English texts left:\n" + "\n".join(sorted(set(left)))


def test_the_main_dialogs_are_chinese(window: MainWindow, tmp_path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    assert window.open_project(build_chinese_project(tmp_path / "研究.dots"))
    left: list[str] = []
    for dialog in main_dialogs(window, tmp_path):
        dialog.show()
        qtbot.wait(10)
        left += [f"[{dialog.objectName()}] {line}" for line in english_left(dialog)]
        dialog.reject()
    assert not left, f"{len(left)} English texts left:\n" + "\n".join(sorted(set(left)))


def main_dialogs(window: MainWindow, tmp_path: Path) -> Iterator[QDialog]:
    from dotsdesk.ui.backup_dialog import RestoreDialog
    from dotsdesk.ui.codebook.dialogs import CodeDetailsDialog, MergeDialog
    from dotsdesk.ui.coder import CoderDialog
    from dotsdesk.ui.coding.memo_dialog import MemoDialog
    from dotsdesk.ui.composer.dialogs import NewPostDialog, PopulationDialog
    from dotsdesk.ui.import_dialog import ImportDialog
    from dotsdesk.ui.transcript_dialog import TranscriptDialog

    survey = tmp_path / "问卷.csv"
    survey.write_text(
        "编号,职位,你写生产代码吗？\n1,数据科学家,我们读论文想研究点子，做初步分析，写研究提案。\n"
        "2,工程师,小公司里更容易搞结对编程，跟一位资深工程师结对，学到了很多。\n",
        encoding="utf-8",
    )
    yield ImportDialog(survey, window)
    transcript = tmp_path / "访谈.txt"
    transcript.write_text("访谈者：你平时写代码吗？\n王五：写，每天都写。\n访谈者：用什么语言？\n"
                          "王五：主要是 Python。\n", encoding="utf-8")  # fmt: skip
    found = TranscriptDialog.for_file(transcript, window)
    assert found is not None
    yield found
    yield NewPostDialog(["角色", "主题"], window)
    yield PopulationDialog([("问卷.csv", 2)], 4, lambda _chosen: "全部 4 位受访者", window)
    yield CoderDialog("王一", False, window)
    yield CoderDialog("王一", True, window)
    codes = window.codebook.model.infos()
    yield CodeDetailsDialog(codes[0], "一条备忘录", window)
    yield MergeDialog(codes[0], codes[1:], window)
    yield MemoDialog(window, "片段的备忘录", "“我们读论文想研究点子”", "")
    assert window.ctx.project is not None
    yield RestoreDialog(window.ctx.project.path, window)

"""The codebook's two dialogs: a code's description and memo, and the target of a merge.

They only ask; the panel turns the answer into one `ctx.run`.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, QStringListModel, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ...services.coding.codebook import CodeInfo
from ..i18n import arg


class CodeDetailsDialog(QDialog):
    """The description says what the code means (it goes into codebook exports); the memo
    holds the researcher's running thoughts about it."""

    def __init__(self, info: CodeInfo, memo: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("codeDetailsDialog")
        self.setWindowTitle(arg(self.tr("%1: description and memo"), info.path))
        self.description_edit = QPlainTextEdit(info.description or "")
        self.description_edit.setObjectName("codeDescription")
        self.description_edit.setPlaceholderText(self.tr("What the code means; when to apply it"))
        self.memo_edit = QPlainTextEdit(memo or "")
        self.memo_edit.setObjectName("codeMemo")
        self.memo_edit.setPlaceholderText(self.tr("Notes, questions, patterns noticed"))
        form = QFormLayout(self)
        form.addRow(self.tr("Description"), self.description_edit)
        form.addRow(self.tr("Memo"), self.memo_edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.resize(480, 360)

    def description(self) -> str:
        return self.description_edit.toPlainText().strip()

    def memo(self) -> str:
        return self.memo_edit.toPlainText().strip()


class MergeDialog(QDialog):
    """Choose the code that takes over another's segments; type to filter by path. The
    source and its own children are not offered (the service would refuse them)."""

    def __init__(
        self, source: CodeInfo, candidates: list[CodeInfo], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mergeDialog")
        self.setWindowTitle(arg(self.tr("Merge %1 into…"), source.path))
        self._ids = [c.id for c in candidates]
        self._paths = QStringListModel([c.path for c in candidates], self)
        self._filtered = QSortFilterProxyModel(self)
        self._filtered.setSourceModel(self._paths)
        self._filtered.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.filter_edit = QLineEdit()
        self.filter_edit.setObjectName("mergeFilter")
        self.filter_edit.setPlaceholderText(self.tr("Filter codes"))
        self.filter_edit.textChanged.connect(self._filter)
        self.list_view = QListView()
        self.list_view.setObjectName("mergeTargets")
        self.list_view.setModel(self._filtered)
        self.list_view.doubleClicked.connect(self.accept)
        self._buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self._buttons.accepted.connect(self.accept)
        self._buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        note = QLabel(
            arg(
                self.tr(
                    "Its segments get the chosen code and its sub-codes move there; "
                    "“%1” is then deleted."
                ),
                source.name,
            )
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.list_view)
        layout.addWidget(self._buttons)
        self.list_view.selectionModel().currentChanged.connect(self._enable)
        self._enable()
        self.resize(420, 420)

    def _filter(self, text: str) -> None:
        self._filtered.setFilterFixedString(text)
        if self._filtered.rowCount():
            self.list_view.setCurrentIndex(self._filtered.index(0, 0))

    def _enable(self) -> None:
        ok = self._buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(self.target_id() is not None)

    def select(self, code_id: int) -> None:
        if code_id in self._ids:
            source = self._paths.index(self._ids.index(code_id), 0)
            self.list_view.setCurrentIndex(self._filtered.mapFromSource(source))

    def target_id(self) -> int | None:
        index: QModelIndex = self._filtered.mapToSource(self.list_view.currentIndex())
        return self._ids[index.row()] if index.isValid() else None

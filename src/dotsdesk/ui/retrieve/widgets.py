"""Two small pieces of the Coded Segments view: a list of codes to tick in a combo box, and
a delegate that paints the context column as rich text (the coded words in bold)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, QSize, Qt, Signal
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QPainter,
    QStandardItem,
    QStandardItemModel,
    QTextDocument,
)
from PySide6.QtWidgets import QComboBox, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from ...services.coding.codebook import CodeInfo
from .model import HTML_ROLE

CODE_ID = Qt.ItemDataRole.UserRole + 1


class CodeChooser(QComboBox):
    """Codes by path, each with a tick box; the box shows the ticked ones. A click ticks or
    unticks and keeps the list open, so several codes are chosen in one go."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("retrieveCodes")
        self.setEditable(True)
        self.lineEdit().setReadOnly(True)
        self.setMinimumContentsLength(24)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self._items = QStandardItemModel(self)
        self.setModel(self._items)
        self.view().viewport().installEventFilter(self)
        self._placeholder = ""

    def set_placeholder(self, text: str) -> None:
        self._placeholder = text
        self._show()

    def set_codes(self, codes: Sequence[CodeInfo]) -> None:
        """The codebook's codes; ticks on codes still there are kept."""
        ticked = set(self.checked())
        self._items.clear()
        for code in codes:
            item = QStandardItem(code.path)
            item.setData(code.id, CODE_ID)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            state = Qt.CheckState.Checked if code.id in ticked else Qt.CheckState.Unchecked
            item.setData(state, Qt.ItemDataRole.CheckStateRole)
            self._items.appendRow(item)
        self._show()

    def checked(self) -> list[int]:
        out = []
        for n in range(self._items.rowCount()):
            item = self._items.item(n)
            if item.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked:
                out.append(int(item.data(CODE_ID)))
        return out

    def check(self, code_ids: Sequence[int]) -> None:
        """Tick exactly these codes."""
        wanted = set(code_ids)
        for n in range(self._items.rowCount()):
            item = self._items.item(n)
            on = int(item.data(CODE_ID)) in wanted
            item.setData(
                Qt.CheckState.Checked if on else Qt.CheckState.Unchecked,
                Qt.ItemDataRole.CheckStateRole,
            )
        self._show()
        self.changed.emit()

    def toggle(self, row: int) -> None:
        item = self._items.item(row)
        if item is None:
            return
        on = item.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
        item.setData(
            Qt.CheckState.Unchecked if on else Qt.CheckState.Checked,
            Qt.ItemDataRole.CheckStateRole,
        )
        self._show()
        self.changed.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.MouseButtonRelease:
            index = self.view().indexAt(event.position().toPoint())  # type: ignore[attr-defined]
            if index.isValid():
                self.toggle(index.row())
            return True  # the list stays open
        return super().eventFilter(watched, event)

    def _show(self) -> None:
        names = [
            self._items.item(n).text()
            for n in range(self._items.rowCount())
            if self._items.item(n).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
        ]
        self.lineEdit().setText(", ".join(names) if names else "")
        self.lineEdit().setPlaceholderText(self._placeholder)
        self.setToolTip("\n".join(names))


class RichTextDelegate(QStyledItemDelegate):
    """Paints HTML_ROLE (escaped text with <b> marks), wrapped to the cell's width."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        self.initStyleOption(option, index)
        style = option.widget.style() if option.widget else None
        option.text = ""
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        doc = self._document(option, index)
        painter.save()
        # Centred in the row like the plain columns beside it; a long one from the top.
        spare = max(0, int(option.rect.height() - doc.size().height()) // 2)
        painter.translate(option.rect.left(), option.rect.top() + spare)
        painter.setClipRect(option.rect.translated(-option.rect.left(), -option.rect.top() - spare))
        context = QAbstractTextDocumentLayout.PaintContext()
        if option.state & QStyle.StateFlag.State_Selected:
            context.palette.setColor(
                context.palette.ColorRole.Text, option.palette.highlightedText().color()
            )
        doc.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        doc = self._document(option, index)
        return QSize(int(doc.idealWidth()), int(doc.size().height()))

    @staticmethod
    def _document(
        option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QTextDocument:
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        doc.setDocumentMargin(3)
        doc.setHtml(str(index.data(HTML_ROLE) or ""))
        doc.setTextWidth(max(option.rect.width(), 80))
        return doc

"""The codebook as a Qt tree model over `services.codebook.list_codes`.

A refresh that leaves the tree's shape alone (rename, recolour, new counts after coding)
updates the rows in place, so editors, expansion and selection are untouched; only a
change of shape (add, move, merge, delete) resets the model. Edits and drops become one
`ctx.run` each: one transaction, one undo step.
"""

from __future__ import annotations

from dataclasses import replace
from html import escape

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractItemModel,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from sqlalchemy.orm import Session

from ...services.coding import codebook
from ...services.coding.codebook import CodeInfo
from ...services.coding.retrieval import code_memos
from ..context import ProjectContext, Touched
from ..i18n import arg
from . import mime
from .counts import CountKeeper, Node, Usage
from .mime import CODE_MIME, SELECTION_MIME

CODE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
COLUMNS = (
    QT_TRANSLATE_NOOP("CodebookModel", "Code"),
    QT_TRANSLATE_NOOP("CodebookModel", "Seg."),
    QT_TRANSLATE_NOOP("CodebookModel", "Resp."),
)
HEADER_TIPS = (
    "",
    QT_TRANSLATE_NOOP("CodebookModel", "Segments coded with the code itself"),
    QT_TRANSLATE_NOOP("CodebookModel", "Respondents those segments come from"),
)

Index = QModelIndex | QPersistentModelIndex


def _swatch(colour: str) -> QIcon:
    pixmap = QPixmap(12, 12)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    fill = QColor(colour)
    painter.setPen(fill.darker(140))
    painter.setBrush(fill)
    painter.drawRoundedRect(0.5, 0.5, 11, 11, 3, 3)
    painter.end()
    return QIcon(pixmap)


class CodebookModel(QAbstractItemModel):
    rowsUpdated = Signal()  # once after rows changed in place (their dataChanged each)

    def __init__(self, ctx: ProjectContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._root = Node(None, None, 0)
        self._nodes: dict[int, Node] = {}
        self._infos: list[CodeInfo] = []
        self._memos: dict[int, str] = {}
        self._icons: dict[str, QIcon] = {}
        self._counts = CountKeeper()

    # -- loading ---------------------------------------------------------------------------
    def _load(self) -> tuple[list[CodeInfo], dict[int, str]]:
        if self._ctx.project is None:
            return [], {}
        with self._ctx.read() as s:
            return codebook.list_codes(s), code_memos(s)

    def reload(self) -> None:
        """Read the codebook again and rebuild the tree (expansion is the view's to keep)."""
        self._counts.forget()
        self._update(reset=True)

    def refresh(self) -> None:
        """Read again; update rows in place when the tree's shape is unchanged."""
        self._update(reset=False)

    def _update(self, reset: bool) -> None:
        infos, memos = self._load()
        self._memos = memos
        if reset or [(i.id, i.parent_id) for i in infos] != [
            (i.id, i.parent_id) for i in self._infos
        ]:
            self.beginResetModel()
            self._build(infos)
            self.endResetModel()
            return
        self._infos = infos
        changed = []
        for info in infos:
            node = self._nodes[info.id]
            if node.info != info:
                node.info = info
                changed.append(node)
        # Only the rows that changed: each signal has the view look at its rows again.
        for node in changed:
            self.dataChanged.emit(
                self.createIndex(node.row, 0, node), self.createIndex(node.row, 2, node)
            )
        if changed:
            self.rowsUpdated.emit()

    def update_counts(self, touched: Touched) -> None:
        """New counts for the codes a coding action touched and their parents only (see
        `counts.py`), their rows alone repainted."""
        if not touched.code_ids or self._ctx.project is None:
            return
        with self._ctx.read() as s:
            own, totals = self._counts.after(s, touched, self._nodes)
        self._show_counts(own, totals)

    def prepare_coding(self, response_id: int | None) -> None:
        """Read this response's coding ahead of the first code applied in it."""
        if response_id is not None and self._ctx.project is not None:
            with self._ctx.read() as s:
                self._counts.prepare(s, response_id)

    def forget_coding(self) -> None:
        """Segments changed in a way no action said: the next counts are counted afresh."""
        self._counts.forget()

    def _show_counts(self, own: Usage, totals: Usage) -> None:
        changed: dict[int, Node] = {}
        for code_id, (segments, respondents) in own.items():
            node = self._nodes.get(code_id)
            info = node.info if node else None
            if node and info and (info.segments, info.respondents) != (segments, respondents):
                node.info = replace(info, segments=segments, respondents=respondents)
                changed[code_id] = node
        for code_id, total in totals.items():
            node = self._nodes.get(code_id)
            info = node.info if node else None
            if node and info and info.subtree != total:
                node.info = replace(info, subtree=total)
                changed[code_id] = node
        if not changed:
            return
        self._infos = [changed[i.id].info or i if i.id in changed else i for i in self._infos]
        for node in changed.values():
            self.dataChanged.emit(
                self.createIndex(node.row, 1, node), self.createIndex(node.row, 2, node)
            )
        self.rowsUpdated.emit()

    def _build(self, infos: list[CodeInfo]) -> None:
        self._root = Node(None, None, 0)
        self._nodes = {}
        self._infos = infos
        for info in infos:  # tree order: a parent comes before its children
            parent = self._root if info.parent_id is None else self._nodes[info.parent_id]
            node = Node(info, parent, len(parent.children))
            parent.children.append(node)
            self._nodes[info.id] = node

    # -- lookups for the panel ---------------------------------------------------------------
    def infos(self) -> list[CodeInfo]:
        """Every code in tree order."""
        return list(self._infos)

    def info(self, code_id: int | None) -> CodeInfo | None:
        node = self._nodes.get(code_id) if code_id is not None else None
        return node.info if node else None

    def code_id(self, index: Index) -> int | None:
        node = self._node(index)
        return node.info.id if node and node.info else None

    def index_of(self, code_id: int | None, column: int = 0) -> QModelIndex:
        node = self._nodes.get(code_id) if code_id is not None else None
        return self.createIndex(node.row, column, node) if node else QModelIndex()

    def is_within(self, code_id: int, ancestor_id: int) -> bool:
        """Whether `code_id` is `ancestor_id` or lies under it."""
        node = self._nodes.get(code_id)
        while node is not None and node.info is not None:
            if node.info.id == ancestor_id:
                return True
            node = node.parent
        return False

    def _node(self, index: Index) -> Node | None:
        if not index.isValid():
            return None
        node = index.internalPointer()
        return node if isinstance(node, Node) else None

    # -- the tree ----------------------------------------------------------------------------
    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        node = self._node(parent) or self._root
        if 0 <= row < len(node.children) and 0 <= column < len(COLUMNS):
            return self.createIndex(row, column, node.children[row])
        return QModelIndex()

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        node = self._node(index)
        if node is None or node.parent is None or node.parent is self._root:
            return QModelIndex()
        return self.createIndex(node.parent.row, 0, node.parent)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() and parent.column() != 0:
            return 0
        return len((self._node(parent) or self._root).children)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("CodebookModel", COLUMNS[section])
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            tip = HEADER_TIPS[section]
            return QCoreApplication.translate("CodebookModel", tip) if tip else ""
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        node = self._node(index)
        if node is None or node.info is None:
            return None
        info, column = node.info, index.column()
        if role == CODE_ID_ROLE:
            return info.id
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(info)
        if column == 0:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
                return info.name
            if role == Qt.ItemDataRole.DecorationRole:
                if info.colour not in self._icons:
                    self._icons[info.colour] = _swatch(info.colour)
                return self._icons[info.colour]
            return None
        count = info.segments if column == 1 else info.respondents
        if role == Qt.ItemDataRole.DisplayRole:
            if info.subtree is not None:  # a parent: its own, then with all its sub-codes
                return f"{count} · {info.subtree[0] if column == 1 else info.subtree[1]}"
            return count
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if role == Qt.ItemDataRole.ForegroundRole and count == 0 and not info.subtree:
            return QColor(Qt.GlobalColor.gray)
        return None

    def _tooltip(self, info: CodeInfo) -> str:
        parts = [f"<b>{escape(info.path)}</b>"]
        if info.description:
            parts.append(escape(info.description))
        memo = self._memos.get(info.id)
        if memo:
            short = memo if len(memo) <= 300 else memo[:300] + "…"
            memo_text = escape(short).replace("\n", "<br>")
            parts.append(arg(self.tr("<i>Memo:</i> %1"), memo_text))
        segments = self.tr("%n segment(s)", "", info.segments)
        people = self.tr("%n respondent(s)", "", info.respondents)
        parts.append(arg(self.tr("%1 from %2"), segments, people))
        if info.subtree is not None:
            segments = self.tr("%n segment(s)", "", info.subtree[0])
            people = self.tr("%n respondent(s)", "", info.subtree[1])
            with_subcodes = self.tr("With its sub-codes: %1 from %2")
            parts.append(arg(with_subcodes, segments, people))
        return "<p>" + "</p><p>".join(parts) + "</p>"

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled  # the empty area: the top level
        flags = (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsDragEnabled
            | Qt.ItemFlag.ItemIsDropEnabled
        )
        return flags | Qt.ItemFlag.ItemIsEditable if index.column() == 0 else flags

    def setData(self, index: Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Renaming in place; a refused name (a clash) is reported by `ctx.run`."""
        code_id = self.code_id(index)
        info = self.info(code_id)
        if role != Qt.ItemDataRole.EditRole or index.column() != 0 or info is None:
            return False
        name = str(value).strip()
        if name == info.name:
            return False

        def rename(s: Session) -> bool:
            codebook.rename_code(s, info.id, name, expected=info.name)
            return True

        return bool(self._ctx.run(arg(self.tr("Rename code %1 to %2"), info.name, name), rename))

    # -- drag and drop -----------------------------------------------------------------------
    def mimeTypes(self) -> list[str]:
        return [CODE_MIME, SELECTION_MIME, "text/plain"]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:  # type: ignore[override]
        return mime.code_ids_data(
            list(dict.fromkeys(c for i in indexes if (c := self.code_id(i)) is not None))
        )

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        target = self.code_id(parent)
        if data.hasFormat(CODE_MIME):
            ids = mime.code_ids(data)
            return bool(ids) and not any(
                target is not None and self.is_within(target, c) for c in ids
            )
        if target is None or row != -1:  # text is dropped onto a code, not between codes
            return False
        if data.hasFormat(SELECTION_MIME):
            return mime.selection(data) is not None
        return data.hasText() and self._ctx.selection is not None

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        target = self.code_id(parent)
        if data.hasFormat(CODE_MIME):
            return self._move(mime.code_ids(data), target, row)
        assert target is not None
        selection = mime.selection(data) if data.hasFormat(SELECTION_MIME) else None
        return self._ctx.apply_codes([target], selection) is not None

    def _move(self, ids: list[int], parent_id: int | None, row: int) -> bool:
        """Onto a code (row -1): last child; between codes: at that place among them."""
        moves: list[tuple[int, int | None]] = []
        for code_id in ids:
            node = self._nodes.get(code_id)
            if node is None or node.info is None:
                continue
            position = None if row < 0 else row + len(moves)
            if position is not None and node.info.parent_id == parent_id and node.row < row:
                position -= 1  # its own old place no longer counts
            moves.append((code_id, position))
        names = self.tr(", ").join(self._nodes[c].info.name for c, _ in moves)  # type: ignore[union-attr]

        def move(s: Session) -> bool:
            for code_id, position in moves:
                codebook.move_code(s, code_id, parent_id, position)
            return True

        return bool(moves) and bool(self._ctx.run(arg(self.tr("Move code %1"), names), move))

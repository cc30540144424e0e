"""The quick code palette (Ctrl+K): type to filter codes by path, Up/Down, Enter. A path
that names no code offers to create it. The palette only chooses; the panel acts."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from ...errors import DotsError
from ...services.coding.codebook import split_path
from ..i18n import arg
from .data import PaletteCode

_Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class PaletteChoice:
    """A chosen code, or (code_id None) a new code to create at `path`."""

    code_id: int | None
    path: str


def is_subsequence(needle: str, hay: str) -> bool:
    it = iter(hay)
    return all(ch in it for ch in needle)


def rank(codes: Sequence[PaletteCode], query: str) -> list[PaletteCode]:
    """Codes matching `query`: exact path, then name starts with it, then path contains it,
    then its letters in order (fuzzy); case-insensitive."""
    q = query.strip().casefold()
    if not q:
        return list(codes)
    scored: list[tuple[int, int, PaletteCode]] = []
    for i, code in enumerate(codes):
        path = code.path.casefold()
        name = path.rsplit("/", 1)[-1]
        if path == q:
            score = 0
        elif name.startswith(q):
            score = 1
        elif q in path:
            score = 2
        elif is_subsequence(q.replace(" ", ""), path):
            score = 3
        else:
            continue
        scored.append((score, i, code))
    return [code for _score, _i, code in sorted(scored, key=lambda t: t[:2])]


class PaletteModel(QAbstractListModel):
    """The matching codes, and a "Create" row when the typed path is new."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[PaletteChoice] = []
        self._looks: dict[int, PaletteCode] = {}

    def set_rows(self, rows: list[PaletteChoice], looks: dict[int, PaletteCode]) -> None:
        self.beginResetModel()
        self.rows, self._looks = rows, looks
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        choice = self.rows[index.row()]
        look = self._looks.get(choice.code_id) if choice.code_id is not None else None
        if role == Qt.ItemDataRole.DisplayRole:
            if look is None:
                return arg(self.tr("Create code “%1”"), choice.path)
            key = f"[{look.key}]  " if look.key else ""
            return f"{key}{look.path}   ({look.segments})"
        if role == Qt.ItemDataRole.DecorationRole and look is not None:
            return QColor(look.colour)
        if role == Qt.ItemDataRole.UserRole:
            return choice
        return None


class CodePalette(QFrame):
    chosen = Signal(object)  # PaletteChoice
    pinRequested = Signal(int, int)  # code id, key 1-9 (0: unpin)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setObjectName("codePalette")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = QLabel()
        self.edit = QLineEdit(
            placeholderText=self.tr("Type a code path, Enter applies; a new path creates")
        )
        self.edit.setObjectName("codePaletteFilter")
        self.model = PaletteModel(self)
        self.list = QListView()
        self.list.setObjectName("codePaletteList")
        self.list.setModel(self.model)
        self.list.setIconSize(QSize(12, 12))
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._list_menu)
        self.list.activated.connect(self._choose_index)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.title)
        layout.addWidget(self.edit)
        layout.addWidget(self.list)
        self.edit.textChanged.connect(self._filter)
        self.edit.installEventFilter(self)
        self._codes: list[PaletteCode] = []
        self.resize(460, 340)

    def open_for(self, codes: list[PaletteCode], title: str, at: QPoint) -> None:
        self._codes = codes
        self.title.setText(title)
        self.edit.clear()
        self._filter("")
        self.move(at)
        self.show()
        self.edit.setFocus()

    def set_codes(self, codes: list[PaletteCode]) -> None:
        """New codes (a pin changed): refilter, keeping what was typed and the row."""
        row = self.list.currentIndex().row()
        self._codes = codes
        self._filter(self.edit.text())
        if 0 <= row < self.model.rowCount():
            self.list.setCurrentIndex(self.model.index(row))

    def _filter(self, text: str) -> None:
        found = rank(self._codes, text)
        rows = [PaletteChoice(c.id, c.path) for c in found]
        new = self._new_path(text)
        if new is not None:
            create = PaletteChoice(None, new)
            strong = [c for c in found if text.strip().casefold() in c.path.casefold()]
            rows = [*rows, create] if strong else [create, *rows]
        self.model.set_rows(rows, {c.id: c for c in self._codes})
        if rows:
            self.list.setCurrentIndex(self.model.index(0))

    def _new_path(self, text: str) -> str | None:
        """The typed path, normalised, if it is valid and no code has it yet."""
        if not text.strip():
            return None
        try:
            path = "/".join(split_path(text))
        except DotsError:
            return None
        known = {c.path.casefold() for c in self._codes}
        return None if path.casefold() in known else path

    def eventFilter(self, watched: object, event: object) -> bool:
        if (
            watched is self.edit
            and isinstance(event, QKeyEvent)
            and event.type() == QKeyEvent.Type.KeyPress
        ):
            key = event.key()
            if key in (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
                QApplication.sendEvent(self.list, event)  # the list moves, typing stays here
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._choose_index(self.list.currentIndex())
                return True
            if key == Qt.Key.Key_Escape:
                self.hide()
                return True
        return super().eventFilter(watched, event)  # type: ignore[arg-type]

    def _choose_index(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        choice = index.data(Qt.ItemDataRole.UserRole)
        self.hide()
        self.chosen.emit(choice)

    def pin_menu(self, code_id: int) -> QMenu:
        """The menu of a code in the list: pin it to a key 1-9, or unpin it."""
        menu = QMenu(self)
        for key in range(1, 10):
            menu.addAction(arg(self.tr("Pin to key %1"), key)).triggered.connect(
                lambda _=False, k=key: self.pinRequested.emit(code_id, k)
            )
        menu.addSeparator()
        unpin = menu.addAction(self.tr("Unpin"))
        unpin.triggered.connect(lambda: self.pinRequested.emit(code_id, 0))
        return menu

    def _list_menu(self, pos: QPoint) -> None:
        choice = self.list.indexAt(pos).data(Qt.ItemDataRole.UserRole)
        if isinstance(choice, PaletteChoice) and choice.code_id is not None:
            self.pin_menu(choice.code_id).exec(self.list.viewport().mapToGlobal(pos))

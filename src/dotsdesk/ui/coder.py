"""Who is coding: asked once, before the first segment of a new installation; shown in the
status bar, where a click changes it (as does Edit > Who is coding…).

The name is saved in the preferences file the command line reads too, so `dotsdesk autocode`
codes under the same name.
"""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..errors import DotsError
from ..preferences import MAX_NAME
from .context import ProjectContext
from .i18n import arg


class CoderDialog(QDialog):
    def __init__(self, name: str, first_time: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="coderDialog")
        self.setWindowTitle(self.tr("Who is coding"))
        if first_time:
            ask = self.tr(
                "Who is coding? Your name is saved with each segment and memo you make, so "
                "that several people can code the same answers and each sees who coded what."
            )
        else:
            ask = self.tr(
                "Who is coding from now on? Segments already made keep the name they were "
                "made with."
            )
        where = self.tr("Change it any time from the status bar, or Edit > Who is coding…")
        text = QLabel(f"{ask}<br><small>{where}</small>")
        text.setWordWrap(True)
        self.name = QLineEdit(name, objectName="coderName", maxLength=MAX_NAME)
        self.name.selectAll()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.name.textChanged.connect(self._check)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.name)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)
        self._check()

    def _check(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.name.text().strip()))

    def value(self) -> str:
        return self.name.text()


def ask_coder_name(parent: QWidget, name: str, *, first_time: bool) -> str | None:
    """The name the user gave, None if they cancelled."""
    dialog = CoderDialog(name, first_time, parent)
    try:
        return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()


class CoderControls:
    """The status bar's coder button and the menu action; the window's first-segment ask."""

    def __init__(self, window: QMainWindow, ctx: ProjectContext) -> None:
        self._window = window
        self._ctx = ctx
        self.action = QAction(CoderDialog.tr("Who is &coding…"), window, objectName="changeCoder")
        self.action.setToolTip(CoderDialog.tr("The name saved with each segment and memo you make"))
        self.action.triggered.connect(self.change)
        self.button = QToolButton(objectName="coderButton", autoRaise=True)
        self.button.setToolTip(
            CoderDialog.tr("Who is coding: saved with each segment you make. Click to change.")
        )
        self.button.clicked.connect(self.change)
        window.statusBar().addPermanentWidget(self.button)
        ctx.ask_coder = lambda login: ask_coder_name(window, login, first_time=True)
        ctx.coderChanged.connect(self.show)
        self.show(ctx.coder)

    def show(self, name: str) -> None:
        self.button.setText(arg(CoderDialog.tr("Coder: %1"), name))

    def change(self) -> bool:
        """Ask for a new name and save it; False if cancelled or refused."""
        name = ask_coder_name(self._window, self._ctx.coder, first_time=False)
        if name is None:
            return False
        try:
            self._ctx.set_coder(name)
        except DotsError as exc:
            self._ctx.error.emit(str(exc))
            return False
        self._ctx.status.emit(arg(CoderDialog.tr("Coding as %1"), self._ctx.coder))
        return True

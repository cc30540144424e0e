"""A team's project on a server, in the window: File > Open Team Project…, colleagues' changes
shown as they commit, and who else is working, in the status bar."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QVBoxLayout,
    QWidget,
)

from ..errors import DotsError
from ..store.live import ChangeListener
from ..store.server import ServerAddress, colleagues, keep_password
from .context import ProjectContext
from .i18n import arg

PRESENCE_MS = 5000


class OpenTeamDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, address: str = "") -> None:
        super().__init__(parent, objectName="openTeamDialog")
        self.setWindowTitle(self.tr("Open Team Project"))
        intro = QLabel(
            self.tr(
                "A project your team shares on a PostgreSQL server. Ask its owner for the "
                "address and your user name; the password is kept in this computer's "
                "keyring, never in a file."
            ),
            wordWrap=True,
        )
        self.address = QLineEdit(address, objectName="teamAddress")
        self.address.setPlaceholderText("postgresql://you@server.example.org/study")
        self.password = QLineEdit(objectName="teamPassword", echoMode=QLineEdit.EchoMode.Password)
        self.remember = QCheckBox(self.tr("Remember the password in the system keyring"))
        self.remember.setChecked(True)
        form = QFormLayout()
        form.addRow(self.tr("Address"), self.address)
        form.addRow(self.tr("Password"), self.password)
        form.addRow("", self.remember)
        self.message = QLabel(objectName="teamMessage", wordWrap=True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)
        self.chosen: ServerAddress | None = None

    def _accept(self) -> None:
        try:
            address = ServerAddress(self.address.text().strip())
        except DotsError as exc:
            self.message.setText(exc.problem)
            return
        password = self.password.text()
        if password:
            if self.remember.isChecked():
                try:
                    keep_password(address, password)
                except Exception:
                    self.message.setText(
                        self.tr("No system keyring here: the password is used for now only.")
                    )
            # Carried inside the address for this opening; never shown nor saved with it.
            parts = str(address).split("://", 1)[1]
            user, _, rest = parts.partition("@")
            address = ServerAddress(f"postgresql://{user}:{_quote(password)}@{rest}")
        self.chosen = address
        self.accept()


def _quote(text: str) -> str:
    from urllib.parse import quote

    return quote(text, safe="")


class TeamControls(QObject):
    """The menu action, the live listener of an open team project, and the presence label."""

    heard = Signal(object)  # frozenset[str], from the listener thread (queued to this one)

    def __init__(
        self, window: QMainWindow, ctx: ProjectContext, open_project: Callable[[object], bool]
    ) -> None:
        super().__init__(window)
        self._window = window
        self._ctx = ctx
        self._open_project = open_project
        self._listener: ChangeListener | None = None
        self.open_action = QAction(self.tr("Open &Team Project…"), window)
        self.open_action.setObjectName("openTeamAction")
        self.open_action.triggered.connect(self.ask_and_open)
        self.presence = QLabel(objectName="teamPresence")
        self.presence.setVisible(False)
        window.statusBar().addPermanentWidget(self.presence)
        self._timer = QTimer(self, interval=PRESENCE_MS)
        self._timer.timeout.connect(self._show_presence)
        self.heard.connect(ctx.dataChanged.emit)
        ctx.projectChanged.connect(self._project_changed)

    def ask_and_open(self) -> None:
        dialog = OpenTeamDialog(self._window)
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted and dialog.chosen is not None:
                self._open_project(dialog.chosen)
        finally:
            dialog.deleteLater()

    def _project_changed(self) -> None:
        self._stop()
        project = self._ctx.project
        if project is None or not isinstance(project.path, ServerAddress):
            return
        self._listener = ChangeListener(
            project.path, project.engine.info["session"], self.heard.emit
        )
        self._listener.start()
        self.presence.setVisible(True)
        self._show_presence()
        self._timer.start()

    def _show_presence(self) -> None:
        project = self._ctx.project
        if project is None:
            return
        others = colleagues(project.engine)
        text = (
            arg(self.tr("Also working: %1"), ", ".join(others))
            if others
            else self.tr("Nobody else is working")
        )
        if self._listener is not None and self._listener.error:
            text += " · " + arg(self.tr("live updates off: %1"), self._listener.error)
        self.presence.setText(text)

    def _stop(self) -> None:
        self._timer.stop()
        self.presence.setVisible(False)
        if self._listener is not None:
            self._listener.stop()
            self._listener = None

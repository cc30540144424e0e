"""The main window's actions, menu bar and toolbar. The window arranges the panels and
routes what these actions ask for; here is only what is offered where. The words keep the
window's translation context ("MainWindow")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction

from .dock_float import float_action
from .help_menu import HelpMenu
from .language_menu import LanguageMenu
from .main_toolbar import make_main_toolbar
from .merge import MergeCopy
from .preferences_dialog import edit_preferences, population_names
from .set_memo_docks import SetMemoDocks
from .shortcuts import bind_window_key
from .workbench import Workbench

if TYPE_CHECKING:
    from .main_window import MainWindow


def make_actions(w: MainWindow) -> None:
    """The window's own actions (the panels make theirs), as its attributes."""
    w.new_action = _action(
        w, QCoreApplication.translate("MainWindow", "&New project…"), w.new_project, "newProject"
    )
    w.open_action = _action(
        w,
        QCoreApplication.translate("MainWindow", "&Open project…"),
        w.choose_project,
        "openProject",
    )
    w.sample_action = _action(
        w,
        QCoreApplication.translate("MainWindow", "Open the &sample project"),
        w.open_sample,
        "openSample",
    )
    w.reset_sample_action = _action(
        w,
        QCoreApplication.translate("MainWindow", "Reset sample pro&ject…"),
        w.reset_sample,
        "resetSample",
        tip=QCoreApplication.translate(
            "MainWindow",
            "Replace the sample project with a fresh copy, after saying what goes and "
            "keeping a backup",
        ),
    )
    w.import_action = _action(
        w, QCoreApplication.translate("MainWindow", "&Import…"), w.transfers.choose_import, "import"
    )
    w.merge_copy = MergeCopy(w, w.ctx)
    w.merge_action = _action(
        w,
        QCoreApplication.translate("MainWindow", "&Merge a Colleague's Copy…"),
        w.merge_copy.choose,
        "mergeCopy",
        tip=QCoreApplication.translate(
            "MainWindow",
            "Bring in the segments and memos another coder made in their copy of this project",
        ),
    )
    w.export_action = _action(
        w,
        QCoreApplication.translate("MainWindow", "&Export to Excel…"),
        w.transfers.choose_export,
        "export",
    )
    w.refi_action = _action(
        w,
        QCoreApplication.translate("MainWindow", "Export to RE&FI-QDA…"),
        w.transfers.choose_refi_export,
        "exportRefi",
        tip=QCoreApplication.translate(
            "MainWindow",
            "A .qdpx project or .qdc codebook for NVivo, ATLAS.ti, MAXQDA, QualCoder, Taguette",
        ),
    )
    w.register_action = _action(
        w,
        QCoreApplication.translate("MainWindow", "Export consent &register…"),
        w.transfers.choose_register_export,
        "exportRegister",
        tip=QCoreApplication.translate(
            "MainWindow", "The consent register with history, in Excel. It holds private identity."
        ),
    )
    w.new_post_action = _action(
        w,
        QCoreApplication.translate("MainWindow", "New &post from codes…"),
        w.new_post_from_codes,
        "newPostFromCodes",
    )
    w.export_post_action = _action(
        w,
        QCoreApplication.translate("MainWindow", "Export p&ost…"),
        lambda: w.transfers.choose_post_export(w.composer.current_post_id()),
        "exportPost",
    )
    w.close_action = _action(
        w,
        QCoreApplication.translate("MainWindow", "&Close project"),
        w.close_project,
        "closeProject",
    )
    w.quit_action = _action(w, QCoreApplication.translate("MainWindow", "&Quit"), w.close, "quit")
    w.undo_action = bind_window_key(
        w.ctx.undo_stack.createUndoAction(w, QCoreApplication.translate("MainWindow", "&Undo")),
        "undo",
    )
    w.redo_action = bind_window_key(
        w.ctx.undo_stack.createRedoAction(w, QCoreApplication.translate("MainWindow", "&Redo")),
        "redo",
    )
    w.prefs_action = _action(
        w,
        QCoreApplication.translate("MainWindow", "&Preferences…"),
        lambda: edit_preferences(w, w.prefs, w.ctx, population_names(w.ctx)),
        "preferences",
    )
    w.prefs_action.setMenuRole(QAction.MenuRole.PreferencesRole)
    w.float_draft_action = float_action(
        w.docks["draftComposer"],
        QCoreApplication.translate("MainWindow", "&Draft in Its Own Window"),
        "floatDraft",
    )
    w.back_action = _action(w, QCoreApplication.translate("MainWindow", "&Back"), w.go_back, "back")
    w.forward_action = _action(
        w, QCoreApplication.translate("MainWindow", "&Forward"), w.go_forward, "forward"
    )
    w.project_actions = [
        w.import_action,
        w.merge_action,
        w.export_action,
        w.refi_action,
        w.register_action,
        w.new_post_action,
        w.export_post_action,
        w.close_action,
        w.back_action,
        w.forward_action,
    ]


def make_menus(w: MainWindow) -> None:
    """The menu bar and the main toolbar, from the window's and the panels' actions."""
    bar = w.menuBar()
    file = bar.addMenu(QCoreApplication.translate("MainWindow", "&File"))
    file.addActions([w.new_action, w.open_action, w.team.open_action])
    w.recent_menu = file.addMenu(QCoreApplication.translate("MainWindow", "Open &Recent"))
    file.addActions([w.sample_action, w.reset_sample_action])
    file.addSeparator()
    file.addActions(
        [
            w.import_action,
            w.merge_action,
            w.export_action,
            w.refi_action,
            w.register_action,
        ]
    )
    file.addSeparator()
    file.addActions([w.new_post_action, w.export_post_action])
    file.addSeparator()
    file.addActions(w.backups.actions)
    file.addSeparator()
    file.addActions([w.close_action, w.quit_action])
    edit = bar.addMenu(QCoreApplication.translate("MainWindow", "&Edit"))
    edit.addActions([w.undo_action, w.redo_action])
    edit.addSeparator()
    edit.addActions([w.coder_controls.action, w.prefs_action])
    edit.addSeparator()
    edit.addActions([w.coding.find_action, w.coding.palette_action, w.coding.response_memo_action])
    go = bar.addMenu(QCoreApplication.translate("MainWindow", "&Go"))
    go.addActions([w.back_action, w.forward_action])
    go.addSeparator()
    go.addActions([w.browser.next_uncoded_action, w.browser.previous_uncoded_action])
    codes = bar.addMenu(QCoreApplication.translate("MainWindow", "&Codes"))
    codes.addActions(
        [
            w.codebook.apply_action,
            w.codebook.add_action,
            w.codebook.rename_action,
            w.codebook.recolour_action,
            w.codebook.memo_action,
            w.codebook.merge_action,
            w.codebook.delete_action,
        ]
    )
    w.workbench = Workbench(w, codes)  # Coded Segments, Search and Code
    w.set_memo_docks = SetMemoDocks(w)  # the Sets and Memos lists
    view = bar.addMenu(QCoreApplication.translate("MainWindow", "&View"))
    view.addActions([dock.toggleViewAction() for dock in w.docks.values()])
    view.addAction(w.float_draft_action)
    view.addSeparator()
    view.addActions([w.coding.translation_action, w.coding.snap_action])
    view.addSeparator()
    view.addMenu(LanguageMenu(w, w.settings, w._restart))
    bar.addMenu(HelpMenu(w))
    b = w.browser
    make_main_toolbar(
        w,
        QCoreApplication.translate("MainWindow", "Main"),
        [
            (w.open_action, "open", QCoreApplication.translate("MainWindow", "Open")),
            (w.import_action, "import", QCoreApplication.translate("MainWindow", "Import")),
            (w.undo_action, "undo", QCoreApplication.translate("MainWindow", "Undo")),
            (w.redo_action, "redo", QCoreApplication.translate("MainWindow", "Redo")),
            (w.coding.palette_action, "code", QCoreApplication.translate("MainWindow", "Code")),
            (
                b.previous_uncoded_action,
                "previousUncoded",
                QCoreApplication.translate("MainWindow", "Previous"),
            ),
            (
                b.next_uncoded_action,
                "nextUncoded",
                QCoreApplication.translate("MainWindow", "Next"),
            ),
        ],
    )


def _action(w: MainWindow, text: str, slot: object, name: str, tip: str = "") -> QAction:
    """An action named `name`, with its keys from shortcuts.WINDOW_KEYS."""
    action = bind_window_key(QAction(text, w), name)
    action.triggered.connect(slot)  # type: ignore[arg-type]
    if tip:
        action.setToolTip(tip)
    return action

"""Choosing the window's language: --lang, View > Language (saved), the system's locale; the
catalogues it installs (dotsdesk's and Qt's own), and the locale's dates and numbers."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QSettings
from PySide6.QtWidgets import QMessageBox

from dotsdesk.languages import environment_language, interface_language
from dotsdesk.ui.application import restart_arguments
from dotsdesk.ui.i18n import (
    arg,
    chosen_language,
    current_language,
    date_text,
    install_language,
    number_text,
    save_language,
)


@pytest.fixture
def settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> QSettings:
    path = tmp_path / "settings.ini"
    monkeypatch.setenv("DOTSDESK_SETTINGS", str(path))
    monkeypatch.delenv("DOTSDESK_LANG", raising=False)
    return QSettings(str(path), QSettings.Format.IniFormat)


@pytest.mark.parametrize(
    ("tag", "language"),
    [
        ("zh_CN.UTF-8", "zh_CN"),
        ("zh-Hans-CN", "zh_CN"),
        ("zh_TW", "zh_CN"),
        ("zh", "zh_CN"),
        ("en_GB.UTF-8", "en"),
        ("en-US", "en"),
        ("C.UTF-8", None),
        ("POSIX", None),
        ("fr_FR", None),
        ("", None),
    ],
)
def test_a_locale_name_picks_an_interface_language(tag: str, language: str | None) -> None:
    assert interface_language(tag) == language


def test_the_environment_follows_gettexts_order(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("DOTSDESK_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    assert environment_language() is None
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    assert environment_language() == "zh_CN"
    monkeypatch.setenv("LC_ALL", "C.UTF-8")  # LC_ALL wins over LANG, and C is English
    assert environment_language() is None
    monkeypatch.setenv("LANGUAGE", "fr:zh_CN")  # the first known language of the list
    assert environment_language() == "zh_CN"
    monkeypatch.setenv("DOTSDESK_LANG", "en")  # dotsdesk --lang wins over all
    assert environment_language() == "en"


def test_lang_beats_the_saved_choice_which_beats_the_system(
    settings: QSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    system = chosen_language(settings)  # nothing saved: the system's (C here: English)
    assert system in ("en", "zh_CN")
    save_language(settings, "zh_CN")
    assert chosen_language(settings) == "zh_CN"
    monkeypatch.setenv("DOTSDESK_LANG", "en")
    assert chosen_language(settings) == "en"
    monkeypatch.setenv("DOTSDESK_LANG", "klingon")  # unknown: as if not given
    assert chosen_language(settings) == "zh_CN"


def test_chinese_translates_dotsdesk_and_qts_own_dialogs(qapp, chinese_interface) -> None:  # type: ignore[no-untyped-def]
    assert current_language(qapp) == "zh_CN"
    assert QCoreApplication.translate("LanguageMenu", "Language") == "语言"
    # Qt's standard buttons and file dialogs come from qtbase_zh_CN.qm.
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
    assert QCoreApplication.translate("QFileDialog", "Look in:") == "查找范围："
    assert QLocale().name() == "zh_CN"
    assert date_text(date(2026, 12, 6)) == "2026/12/6"
    assert number_text(12345) == "12,345"
    install_language(qapp, "en")
    assert QCoreApplication.translate("LanguageMenu", "Language") == "Language"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"
    assert current_language(qapp) == "en"


def test_english_dates_have_four_digit_years(qapp) -> None:  # type: ignore[no-untyped-def]
    shown = date_text(date(2026, 12, 6))
    assert "2026" in shown and "6" in shown and "12" in shown
    assert date_text(None) == ""


def test_arg_fills_markers_once() -> None:
    assert arg("%1 of %2", "a%2", 3) == "a%2 of 3"
    assert arg("%1 and %3", "x") == "x and %3"


def test_view_language_saves_the_choice_and_offers_a_restart(
    qtbot, settings: QSettings, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    from dotsdesk.ui.main_window import MainWindow

    restarted: list[bool] = []
    monkeypatch.setattr(MainWindow, "_restart", lambda self: restarted.append(True))
    window = MainWindow()
    qtbot.addWidget(window)
    menu = window.findChild(type(window.menuBar().actions()[0].menu()), "languageMenu")
    assert menu is not None
    actions = {a.objectName(): a for a in menu.actions()}
    assert [a.text() for a in actions.values()] == ["English", "简体中文"]
    assert actions["language_en"].isChecked()

    actions["language_zh_CN"].trigger()
    assert QSettings(settings.fileName(), QSettings.Format.IniFormat).value("language") == "zh_CN"
    box = window.findChild(QMessageBox, "languageRestart")
    assert box is not None and box.isVisible()
    assert "简体中文" in box.text()
    box.button(QMessageBox.StandardButton.No).click()
    assert restarted == []

    actions["language_en"].trigger()  # back to the language in use: nothing to restart
    assert QSettings(settings.fileName(), QSettings.Format.IniFormat).value("language") == "en"
    actions["language_zh_CN"].trigger()
    boxes = [b for b in window.findChildren(QMessageBox, "languageRestart") if b.isVisible()]
    boxes[-1].button(QMessageBox.StandardButton.Yes).click()
    assert restarted == [True]


def test_a_restart_starts_the_same_command_without_lang() -> None:
    argv = ["/x/dotsdesk", "--lang", "zh_CN", "open", "a.dots", "--lang=en"]
    assert restart_arguments(argv, frozen=True) == ["open", "a.dots"]
    assert restart_arguments(argv, frozen=False) == ["-m", "dotsdesk", "open", "a.dots"]


def test_lang_on_the_command_line_reaches_the_window(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from dotsdesk.cli import main
    from dotsdesk.cli.parser import build_parser

    assert build_parser().parse_args(["--lang", "zh-CN", "coder"]).lang == "zh_CN"
    monkeypatch.delenv("DOTSDESK_LANG", raising=False)
    assert main(["--lang", "zh_CN", "coder"]) == 0
    import os

    assert os.environ["DOTSDESK_LANG"] == "zh_CN"  # what make_application reads
    from dotsdesk.cli.messages import use_language

    use_language("en")  # the command's own words were Chinese too
    with pytest.raises(SystemExit):
        build_parser().parse_args(["--lang", "fr"])
    assert "'fr' is not one of en, zh_CN" in capsys.readouterr().err

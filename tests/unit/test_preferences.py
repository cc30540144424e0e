"""The preferences file the app and the command line share (no Qt)."""

from __future__ import annotations

from pathlib import Path

import pytest

from dotsdesk.errors import DotsError
from dotsdesk.preferences import (
    ENV,
    coder_name,
    preferences_path,
    read_preferences,
    set_coder_name,
    write_preference,
)


def test_the_file_is_where_the_environment_says(preferences_file: Path) -> None:
    assert preferences_path() == preferences_file
    assert coder_name() is None and read_preferences() == {}


def test_without_the_override_it_is_in_the_config_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(ENV)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    assert preferences_path() == tmp_path / "config" / "dotsdesk" / "preferences.json"
    set_coder_name("Ana")
    assert (tmp_path / "config" / "dotsdesk" / "preferences.json").is_file()
    assert coder_name() == "Ana"


def test_names_are_one_trimmed_line_and_never_blank(preferences_file: Path) -> None:
    assert set_coder_name("  Ana \n Lyst ") == "Ana Lyst"
    assert coder_name() == "Ana Lyst"
    for bad in ("", "   ", "x" * 81):
        with pytest.raises(DotsError):
            set_coder_name(bad)
    assert coder_name() == "Ana Lyst"


def test_other_preferences_are_kept_and_a_broken_file_is_ignored(preferences_file: Path) -> None:
    write_preference("other", 3)
    set_coder_name("Bo")
    assert read_preferences() == {"other": 3, "coder": "Bo"}
    preferences_file.write_text("{not json", encoding="utf-8")
    assert coder_name() is None
    set_coder_name("Cy")  # rewritten whole
    assert read_preferences() == {"coder": "Cy"}
    assert not list(preferences_file.parent.glob(".*partial"))

"""The command line in Chinese: its gettext catalogue complete, compiled, covering every marked
message, and chosen by LANG or --lang; English stays the default."""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from dotsdesk.cli import main
from dotsdesk.cli.messages import use_language

ROOT = Path(__file__).resolve().parents[2]
SPEC = importlib.util.spec_from_file_location("catalogue", ROOT / "tools" / "gettext_catalogue.py")
assert SPEC is not None and SPEC.loader is not None
catalogue = importlib.util.module_from_spec(SPEC)
SPEC.loader.exec_module(catalogue)
PO = ROOT / "resources" / "locale" / "zh_CN" / "LC_MESSAGES" / "dotsdesk.po"
# printf and str.format fields: a translation that drops one breaks the message.
FIELDS = re.compile(r"%\(\w+\)[sdr]|%[sdr]|\{\w+\}")
HAN = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture
def environment(monkeypatch: pytest.MonkeyPatch) -> Iterator[pytest.MonkeyPatch]:
    """No language chosen by the machine; English again for the tests after."""
    for name in ("DOTSDESK_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    yield monkeypatch
    use_language("en")


def test_every_message_is_translated_and_keeps_its_fields() -> None:
    entries = catalogue.read_po(PO)
    assert len(entries) > 100
    wrong = []
    for source, translated in entries.items():
        if not source:
            continue  # the header
        if not translated.strip():
            wrong.append(f"untranslated: {source!r}")
        elif sorted(FIELDS.findall(source)) != sorted(FIELDS.findall(translated)):
            wrong.append(f"fields differ: {source!r} -> {translated!r}")
        elif re.search(r"[a-z]{4} [a-z]{4}", re.sub(r"\n  .*", "", source)) and not HAN.search(
            translated
        ):
            wrong.append(f"not Chinese: {source!r} -> {translated!r}")
    assert not wrong, "\n".join(wrong)


def test_the_catalogue_holds_every_marked_message() -> None:
    missing = [m for m in catalogue.marked_messages() if m not in catalogue.read_po(PO)]
    assert not missing, "run python tools/gettext_catalogue.py update, then translate:\n" + (
        "\n".join(map(repr, missing))
    )


def test_the_compiled_catalogue_is_current() -> None:
    compiled = catalogue.mo_bytes(catalogue.read_po(PO))
    assert PO.with_suffix(".mo").read_bytes() == compiled, (
        "dotsdesk.mo is stale: run python tools/gettext_catalogue.py compile"
    )


def test_help_follows_lang(
    environment: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    environment.setenv("LANG", "zh_CN.UTF-8")
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert out.startswith("用法：dotsdesk")
    assert "以写作为终点的质性研究" in out and "显示此帮助信息并退出" in out
    assert "导入问卷表格和访谈转录稿" in out  # a subcommand's help

    environment.setenv("LANG", "C.UTF-8")
    with pytest.raises(SystemExit):
        main(["import", "--help"])
    out = capsys.readouterr().out
    assert out.startswith("usage: dotsdesk import") and "用法" not in out


def test_lang_beats_the_environment(
    environment: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    environment.setenv("LANG", "C.UTF-8")
    with pytest.raises(SystemExit):
        main(["--lang", "zh_CN", "consent", "--help"])
    assert "知情同意是每位受访者只增不删的事件历史" in capsys.readouterr().out
    environment.setenv("LANG", "zh_CN.UTF-8")
    with pytest.raises(SystemExit):
        main(["--lang=en", "--help"])
    assert capsys.readouterr().out.startswith("usage: dotsdesk")


def test_an_error_is_one_chinese_line(
    environment: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    environment.setenv("LANG", "zh_CN.UTF-8")
    assert main(["info", str(tmp_path / "没有这个项目.dots")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("dotsdesk：错误：") and err.count("\n") == 1, err
    with pytest.raises(SystemExit):
        main(["info"])  # argparse's own error, in the same catalogue
    err = capsys.readouterr().err
    assert "缺少以下必需参数" in err and "Traceback" not in err

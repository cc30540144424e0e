"""The window's translation catalogues: complete, covering every string the code marks, and
compiled from the sources as they are (no Qt imported: the catalogues are files, and the Qt
tools that check them are programs)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import pytest

ROOT = Path(__file__).resolve().parents[2]
FOLDER = ROOT / "resources" / "translations"
CATALOGUES = sorted(FOLDER.glob("dotsdesk_*.ts"))
BIN = Path(sys.executable).parent
MARKERS = re.compile(r"%(?:L?n|[1-9])|\{[^{}\s][^{}]*\}")  # Qt's markers, str.format fields
HAN = re.compile(r"[\u4e00-\u9fff]")


def qt_tool(name: str) -> str:
    tool = BIN / f"pyside6-{name}"
    if not tool.exists():
        found = shutil.which(f"pyside6-{name}")
        if found is None:
            pytest.fail(f"pyside6-{name} is missing (it ships with PySide6)")
        return found
    return str(tool)


def messages(ts: Path) -> list[tuple[str, ElementTree.Element]]:
    root = ElementTree.parse(ts).getroot()
    return [
        (context.findtext("name") or "", message)
        for context in root.iter("context")
        for message in context.iter("message")
    ]


def translations(message: ElementTree.Element) -> list[str]:
    node = message.find("translation")
    assert node is not None
    if message.get("numerus") == "yes":
        return [form.text or "" for form in node.iter("numerusform")]
    return [node.text or ""]


def test_both_catalogues_are_there() -> None:
    assert {ts.stem for ts in CATALOGUES} == {"dotsdesk_en", "dotsdesk_zh_CN"}
    assert (FOLDER / "glossary.md").is_file()


@pytest.mark.parametrize("ts", CATALOGUES, ids=lambda p: p.stem)
def test_every_entry_is_finished(ts: Path) -> None:
    unfinished = []
    for context, message in messages(ts):
        node = message.find("translation")
        assert node is not None
        texts = translations(message)
        if node.get("type") in ("unfinished", "vanished", "obsolete") or not all(
            t.strip() for t in texts
        ):
            unfinished.append(f"{context}: {message.findtext('source')!r}")
    assert not unfinished, f"{len(unfinished)} unfinished in {ts.name}:\n" + "\n".join(unfinished)


@pytest.mark.parametrize("ts", CATALOGUES, ids=lambda p: p.stem)
def test_translations_keep_the_placeholders(ts: Path) -> None:
    """%1, %2 and %n carry the values, and {fields} name what a template fills in: a
    translation that drops one loses a number or breaks the template."""
    wrong = []
    for context, message in messages(ts):
        source = message.findtext("source") or ""
        wanted = sorted(set(MARKERS.findall(source)))
        for text in translations(message):
            got = sorted(set(MARKERS.findall(text)))
            if message.get("numerus") == "yes" and "%n" not in got and "%Ln" not in got:
                # A singular form may say "one" in words, never lose the other values.
                got = sorted({*got, *(m for m in wanted if "n" in m)})
            if got != wanted:
                wrong.append(f"{context}: {source!r} -> {text!r}")
    assert not wrong, "\n".join(wrong)


def test_the_chinese_catalogue_is_chinese() -> None:
    """Every entry with words in it says them in Chinese (a copied English source would pass
    the 'finished' check)."""
    english = []
    for context, message in messages(FOLDER / "dotsdesk_zh_CN.ts"):
        source = message.findtext("source") or ""
        if re.search(r"[A-Za-z]{3}", re.sub(r"<[^>]+>|&\w+;|%\w", "", source)):
            for text in translations(message):
                words = set(re.findall(r"[A-Za-z][A-Za-z-]+", re.sub(r"%\w", "", text)))
                if not HAN.search(text) and not words <= KEPT_AS_IS:
                    english.append(f"{context}: {source!r} -> {text!r}")
    assert not english, "\n".join(english)


# Names and formats that stay as they are in Chinese.
KEPT_AS_IS = {"English", "dotsdesk", "REFI-QDA", "Excel", "Word", "Markdown", "HTML", "QDPX"}

GLOSSARY = {  # English word (whole word, any case) -> the term its translation must use
    "codebook": "编码本",
    "respondent": "受访者",
    "respondents": "受访者",
    "memo": "备忘录",
    "segment": "片段",
    "segments": "片段",
    "consent": "同意",
}


def test_the_glossary_is_followed() -> None:
    """The terms of resources/translations/glossary.md are the ones used throughout."""
    glossary = (FOLDER / "glossary.md").read_text(encoding="utf-8")
    for english, chinese in GLOSSARY.items():
        assert re.search(rf"\| *{english} *\|[^\n]*{chinese}", glossary, re.IGNORECASE), english
    off = []
    for context, message in messages(FOLDER / "dotsdesk_zh_CN.ts"):
        source = message.findtext("source") or ""
        for english, chinese in GLOSSARY.items():
            if re.search(rf"\b{english}\b", source, re.IGNORECASE):
                off += [
                    f"{context}: {source!r} -> {t!r} (wants {chinese})"
                    for t in translations(message)
                    if chinese not in t
                ]
    assert not off, "\n".join(off)


@pytest.mark.parametrize("ts", CATALOGUES, ids=lambda p: p.stem)
def test_the_compiled_catalogue_is_current(ts: Path, tmp_path: Path) -> None:
    qm = ts.with_suffix(".qm")
    assert qm.is_file(), f"{qm.name} is missing: run bash tools/translations.sh release"
    fresh = tmp_path / qm.name
    subprocess.run([qt_tool("lrelease"), "-silent", str(ts), "-qm", str(fresh)], check=True)
    assert fresh.read_bytes() == qm.read_bytes(), (
        f"{qm.name} is stale: run bash tools/translations.sh release"
    )


def test_the_catalogue_holds_every_marked_string(tmp_path: Path) -> None:
    """lupdate run on the code finds nothing the catalogue lacks: a string wrapped in tr()
    but never translated would show in English."""
    ts = FOLDER / "dotsdesk_zh_CN.ts"
    copy = tmp_path / ts.name
    shutil.copy(ts, copy)
    sources = sorted(str(p) for p in (ROOT / "src" / "dotsdesk" / "ui").rglob("*.py"))
    subprocess.run(
        [
            qt_tool("lupdate"),
            "-silent",
            "-locations",
            "none",
            "-no-obsolete",
            *sources,
            "-ts",
            str(copy),
        ],
        check=True,
        capture_output=True,
    )
    before = {(c, m.findtext("source"), m.findtext("comment")) for c, m in messages(ts)}
    after = {(c, m.findtext("source"), m.findtext("comment")) for c, m in messages(copy)}
    missing = sorted(after - before, key=str)
    assert not missing, "run bash tools/translations.sh and translate:\n" + "\n".join(
        f"{c}: {s!r}" for c, s, _ in missing
    )


def test_no_marked_string_hides_inside_an_f_string() -> None:
    """lupdate does not read inside f-strings: a tr() there would never be translated."""
    import ast

    hidden = []
    for path in sorted((ROOT / "src" / "dotsdesk" / "ui").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.JoinedStr):
                continue
            for inner in ast.walk(node):
                if (
                    isinstance(inner, ast.Call)
                    and isinstance(inner.func, ast.Attribute)
                    and inner.func.attr in ("tr", "translate")
                ):
                    hidden.append(f"{path.relative_to(ROOT)}:{inner.lineno}")
    assert not hidden, "take these out of their f-strings:\n" + "\n".join(hidden)

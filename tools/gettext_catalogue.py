"""The command line's gettext catalogue, with the standard library only (no msgfmt needed).

    python tools/gettext_catalogue.py update    # the .po gains the messages the code marks
    python tools/gettext_catalogue.py compile   # .po -> .mo (both are committed)

Marked messages are the string literals passed to `_()` in src/dotsdesk/cli (argparse help,
the common messages), plus argparse's own words, which the catalogue translates too
(cli/messages.py points argparse at it). A message no longer marked is dropped on update; a
new one comes in with an empty translation, which tests/unit/test_cli_messages.py refuses.
"""

from __future__ import annotations

import ast
import re
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "src" / "dotsdesk" / "cli"
CATALOGUES = ROOT / "resources" / "locale"
HEADER = (
    "Project-Id-Version: dotsdesk\n"
    "MIME-Version: 1.0\n"
    "Content-Type: text/plain; charset=UTF-8\n"
    "Content-Transfer-Encoding: 8bit\n"
    "Language: {language}\n"
    "Plural-Forms: nplurals=1; plural=0;\n"
)
# argparse's words a dotsdesk user meets in --help and in its one-line errors.
ARGPARSE = (
    "usage: ",
    "options",
    "positional arguments",
    "show this help message and exit",
    "show program's version number and exit",
    "%(prog)s: error: %(message)s\n",
    "the following arguments are required: %s",
    "unrecognized arguments: %s",
    "invalid choice: %(value)r (choose from %(choices)s)",
    "argument %(argument_name)s: %(message)s",
    "expected one argument",
    "invalid %(type)s value: %(value)r",
    "not allowed with argument %s",
    "ambiguous option: %(option)s could match %(matches)s",
)


def marked_messages(folder: Path = SOURCES) -> list[str]:
    """Every string literal given to `_()` in the command line's modules, in file order."""
    found: dict[str, None] = {}
    for path in sorted(folder.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "_"
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                found[node.args[0].value] = None
    return list(dict.fromkeys([*found, *ARGPARSE]))


def _quote(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t")
    lines = escaped.split("\n")
    if len(lines) == 1:
        return f'"{escaped}"'
    parts = [line + "\\n" for line in lines[:-1]] + ([lines[-1]] if lines[-1] else [])
    return '""\n' + "\n".join(f'"{part}"' for part in parts)


_STRING = re.compile(r'"((?:[^"\\]|\\.)*)"')
_ESCAPES = {"n": "\n", "t": "\t", '"': '"', "\\": "\\"}


def _unquote(chunks: list[str]) -> str:
    return "".join(
        re.sub(r"\\(.)", lambda m: _ESCAPES.get(m[1], m[1]), _STRING.fullmatch(c.strip())[1])  # type: ignore[index]
        for c in chunks
    )


def read_po(path: Path) -> dict[str, str]:
    """msgid -> msgstr (the header's msgid "" included)."""
    entries: dict[str, str] = {}
    field, chunks, current = "", [], {}  # type: ignore[var-annotated]

    def flush() -> None:
        if field:
            current[field] = _unquote(chunks)

    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        stripped = line.strip()
        if stripped.startswith("msgid "):
            flush()
            if "msgid" in current and "msgstr" in current:
                entries[current["msgid"]] = current["msgstr"]
            current, field, chunks = {}, "msgid", [stripped[6:]]
        elif stripped.startswith("msgstr "):
            flush()
            field, chunks = "msgstr", [stripped[7:]]
        elif stripped.startswith('"'):
            chunks.append(stripped)
        elif not stripped:
            flush()
            field, chunks = "", []
            if "msgid" in current and "msgstr" in current:
                entries[current["msgid"]] = current["msgstr"]
                current = {}
    return entries


def write_po(path: Path, language: str, messages: list[str], known: dict[str, str]) -> None:
    out = [
        f"# dotsdesk's command line in {language}; terms as resources/translations/glossary.md",
        'msgid ""',
        "msgstr " + _quote(HEADER.format(language=language)),
        "",
    ]
    for message in messages:
        out += [f"msgid {_quote(message)}", f"msgstr {_quote(known.get(message, ''))}", ""]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(out), encoding="utf-8")


def mo_bytes(entries: dict[str, str]) -> bytes:
    """The GNU .mo format: a header, two tables of (length, offset), then the strings."""
    pairs = sorted((k.encode(), v.encode()) for k, v in entries.items() if v or not k)
    count = len(pairs)
    start = 7 * 4 + 16 * count
    ids = strs = b""
    id_table, str_table = [], []
    for key, value in pairs:
        id_table.append((len(key), len(ids)))
        ids += key + b"\0"
    for _key, value in pairs:
        str_table.append((len(value), len(strs)))
        strs += value + b"\0"
    header = struct.pack("<7I", 0x950412DE, 0, count, 7 * 4, 7 * 4 + 8 * count, 0, start)
    tables = b"".join(struct.pack("<2I", n, start + o) for n, o in id_table)
    tables += b"".join(struct.pack("<2I", n, start + len(ids) + o) for n, o in str_table)
    return header + tables + ids + strs


def catalogues() -> list[Path]:
    return sorted(CATALOGUES.glob("*/LC_MESSAGES/dotsdesk.po"))


def main(command: str) -> None:
    for po in catalogues():
        if command == "update":
            language = po.parents[1].name
            write_po(po, language, marked_messages(), read_po(po))
        po.with_suffix(".mo").write_bytes(mo_bytes(read_po(po)))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "compile")

"""A small streaming XML writer: elements go to the output as they are made.

ElementTree would hold a 100,000-selection project in memory and gives no control over the
escaping of line ends: a parser turns a raw CR LF inside an attribute into one space, and
inside text into LF, so a memo would not come back as it was written. Here CR, LF and TAB in
attributes, and CR in text, are written as character references, and characters XML 1.0
cannot hold at all (most control characters, lone surrogates) become U+FFFD.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import IO

# Anything that needs more than copying: markup, line ends and tabs, or not XML at all.
_PLAIN = re.compile('[^&<>"\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]|[&<>"\t\n\r]')
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_TEXT = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"})
_ATTR = str.maketrans(
    {
        "&": "&amp;",
        "<": "&lt;",
        ">": "&gt;",
        '"': "&quot;",
        "\r": "&#13;",
        "\n": "&#10;",
        "\t": "&#9;",
    }
)

Attributes = Iterable[tuple[str, str | int | bool | None]]


def xml_safe(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def escape_text(text: str) -> str:
    return xml_safe(text).translate(_TEXT)


def escape_attr(value: str) -> str:
    if _PLAIN.search(value) is None:  # GUIDs, numbers and most names: nothing to do
        return value
    return xml_safe(value).translate(_ATTR)


def _attrs(attrs: Attributes) -> str:
    out = []
    for name, value in attrs:
        if value is None:
            continue
        if isinstance(value, bool):
            out.append(f' {name}="{"true" if value else "false"}"')
        elif isinstance(value, int):
            out.append(f' {name}="{value}"')
        else:
            out.append(f' {name}="{escape_attr(value)}"')
    return "".join(out)


class XmlWriter:
    """Writes UTF-8 to a binary stream, indenting elements (never text) two spaces a level."""

    def __init__(self, out: IO[bytes], chunk: int = 1 << 16) -> None:
        self._out = out
        self._parts: list[str] = ['<?xml version="1.0" encoding="UTF-8"?>']
        self._size = 0
        self._chunk = chunk
        self._open: list[str] = []

    def _put(self, text: str) -> None:
        self._parts.append(text)
        self._size += len(text)
        if self._size >= self._chunk:
            self.flush()

    def _indent(self) -> str:
        return "\n" + "  " * len(self._open)

    def start(self, tag: str, attrs: Attributes = ()) -> None:
        self._put(f"{self._indent()}<{tag}{_attrs(attrs)}>")
        self._open.append(tag)

    def end(self, tag: str) -> None:
        opened = self._open.pop()
        assert opened == tag, f"closing {tag} inside {opened}"
        self._put(f"{self._indent()}</{tag}>")

    def empty(self, tag: str, attrs: Attributes = ()) -> None:
        self._put(f"{self._indent()}<{tag}{_attrs(attrs)}/>")

    def markup(self, lines: list[str]) -> None:
        """Ready-made, balanced elements (the caller escaped what needs it), one a line,
        indented at the current level: the fast way for the many small elements of
        selections and codings."""
        pad = self._indent()
        self._put(pad + pad.join(lines))

    def text(self, tag: str, text: str, attrs: Attributes = ()) -> None:
        """An element holding only text, written without added whitespace."""
        self._put(f"{self._indent()}<{tag}{_attrs(attrs)}>{escape_text(text)}</{tag}>")

    def flush(self) -> None:
        if self._parts:
            self._out.write("".join(self._parts).encode("utf-8"))
            self._parts.clear()
            self._size = 0

    def close(self) -> None:
        assert not self._open, f"unclosed {self._open}"
        self._put("\n")
        self.flush()

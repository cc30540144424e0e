"""The one code point <-> UTF-16 converter, on its own and against Qt's own text cursor."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextCursor, QTextDocument

from dotsdesk.ui.textpos import TextPositions, to_code_point, to_utf16

TEXTS = {
    "ascii": "Research vs engineering.",
    "chinese": "我在面试的时候被问到很多机器学习的问题，数据科学家的工作其实很杂。",
    "emoji": "Launch 🚀 day 😂",
    "zwj": "coder 👩‍💻 family 👨‍👩‍👧 end",
    "flags": "🇨🇳🇺🇸 flags",
    "combining": "cafe\u0301 nai\u0308ve e\u0301cole",
    "astral_cjk": "罕见字𠀀𪚥在这里",
    "edges": "😂middle😂",
    "paragraphs": "第一段 🚀\nsecond paragraph 👩‍💻\n\n第三段",
}
MOVE = QTextCursor.MoveMode.KeepAnchor


def units(text: str) -> int:
    """UTF-16 length, computed without the code under test."""
    return len(text.encode("utf-16-le")) // 2


@pytest.mark.parametrize("name", TEXTS)
def test_every_offset_round_trips(name: str) -> None:
    text = TEXTS[name]
    positions = TextPositions(text)
    assert positions.utf16_length == units(text)
    for i in range(len(text) + 1):
        assert positions.to_utf16(i) == units(text[:i])
        assert positions.to_code_point(units(text[:i])) == i
        assert to_utf16(text, i) == positions.to_utf16(i)
        assert to_code_point(text, positions.to_utf16(i)) == i


@pytest.mark.parametrize("name", ["emoji", "zwj", "flags", "astral_cjk", "edges"])
def test_inside_a_surrogate_pair_snaps_to_the_character_start(name: str) -> None:
    text = TEXTS[name]
    positions = TextPositions(text)
    for i, ch in enumerate(text):
        if ord(ch) > 0xFFFF:
            assert positions.to_code_point(units(text[:i]) + 1) == i


def test_selection_edges_on_surrogate_pairs() -> None:
    text = TEXTS["edges"]  # starts and ends with an emoji
    positions = TextPositions(text)
    assert positions.to_utf16(1) == 2  # after the first emoji
    assert positions.to_utf16(len(text)) == units(text)
    assert positions.to_code_point(2) == 1
    assert positions.to_code_point(units(text)) == len(text)
    assert positions.to_code_point(units(text) - 2) == len(text) - 1  # before the last emoji
    start, end = positions.to_code_point(0), positions.to_code_point(units(text))
    assert text[start:end] == text


def _document(text: str) -> QTextDocument:
    doc = QTextDocument()
    doc.setPlainText(text)
    return doc


def _qt(text: str) -> str:
    """Qt's selectedText() writes paragraph breaks as U+2029."""
    return text.replace("\n", "\u2029")


@pytest.mark.parametrize("name", TEXTS)
def test_agrees_with_qt_cursor_steps(qapp: object, name: str) -> None:
    """Walk a real QTextCursor character by character (Qt moves over whole grapheme
    clusters: a ZWJ emoji, a flag, a letter with its accent): each stop maps to a code point
    whose Python slice is exactly what Qt selected."""
    text = TEXTS[name]
    positions = TextPositions(text)
    doc = _document(text)
    assert doc.characterCount() - 1 == positions.utf16_length
    cursor = QTextCursor(doc)
    stops = [0]
    while cursor.movePosition(QTextCursor.MoveOperation.NextCharacter):
        stops.append(cursor.position())
    assert stops[-1] == positions.utf16_length
    # Every span of one to three steps, and the whole text (all pairs would be slow).
    pairs = [(a, b) for i, a in enumerate(stops) for b in stops[i + 1 : i + 4]]
    for a, b in [*pairs, (0, stops[-1])]:
        selection = QTextCursor(doc)
        selection.setPosition(a)
        selection.setPosition(b, MOVE)
        start, end = positions.to_code_point(a), positions.to_code_point(b)
        assert _qt(text[start:end]) == selection.selectedText()
        assert (positions.to_utf16(start), positions.to_utf16(end)) == (a, b)


def test_grapheme_clusters_are_one_qt_step(qapp: object) -> None:
    text = TEXTS["zwj"]
    positions = TextPositions(text)
    doc = _document(text)
    start = text.index("👩")
    cursor = QTextCursor(doc)
    cursor.setPosition(positions.to_utf16(start))
    cursor.movePosition(QTextCursor.MoveOperation.NextCharacter, MOVE)
    end = positions.to_code_point(cursor.position())
    assert text[start:end] == "👩\u200d💻"  # 3 code points, 5 UTF-16 units
    assert cursor.position() - positions.to_utf16(start) == 5


def test_find_in_qt_maps_back(qapp: object) -> None:
    """What QTextDocument.find locates (in UTF-16) is the Python slice at the mapped offsets."""
    text = TEXTS["paragraphs"] + " 数据科学家 👨‍👩‍👧 e\u0301"
    positions = TextPositions(text)
    doc = _document(text)
    for needle in ("第三段", "👩‍💻", "second", "e\u0301", "👨‍👩‍👧"):
        found = doc.find(needle)
        assert not found.isNull(), needle
        start = positions.to_code_point(found.selectionStart())
        end = positions.to_code_point(found.selectionEnd())
        assert text[start:end] == needle
        assert start == text.index(needle)

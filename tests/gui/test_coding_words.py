"""The coding panel's text helpers: word snapping, the text given to Qt, finding, ranking."""

from __future__ import annotations

import pytest

from dotsdesk.ui.coding.data import PaletteCode
from dotsdesk.ui.coding.palette import rank
from dotsdesk.ui.coding.words import display_text, find_all, snap_to_words
from dotsdesk.ui.textpos import TextPositions

TEXT = (
    "I moved from research to engineering, it’s café\u0301 time 🚀. "
    "我在面试的时候被问到data science很多问题"
)


@pytest.mark.parametrize(
    ("piece", "inside", "snapped"),
    [
        ("moved from", "ved f", "moved from"),  # both edges inside words
        ("research", "es", "research"),
        ("it’s", "it", "it’s"),  # the apostrophe inside a word
        ("café\u0301", "caf", "café\u0301"),  # the combining accent belongs to the word
        ("research", " research ", "research"),  # spaces at the edges are dropped
        ("时候", "时候", "时候"),  # Chinese: exactly as selected
        ("到data", "到da", "到data"),  # snaps at the Latin word only
        ("🚀", "🚀", "🚀"),
    ],
)
def test_snap_to_words(piece: str, inside: str, snapped: str) -> None:
    at = TEXT.index(inside) if inside.strip() == inside else TEXT.index(inside.strip()) - 1
    start, end = snap_to_words(TEXT, at, at + len(inside))
    assert TEXT[start:end] == snapped


def test_snap_leaves_chinese_sentences_alone() -> None:
    at = TEXT.index("面试")
    assert snap_to_words(TEXT, at, at + 2) == (at, at + 2)
    assert snap_to_words(TEXT, 5, 5) == (5, 5)
    assert snap_to_words("a   b", 1, 4) == (1, 4)  # only spaces: nothing to snap to


def test_display_text_keeps_every_offset() -> None:
    text = "line one\r\nline 二 🚀\rthird\ufffc\ufdd0"
    shown = display_text(text)
    assert len(shown) == len(text)
    assert TextPositions(shown).utf16_length == TextPositions(text).utf16_length
    assert "\r" not in shown and "\ufffc" not in shown and "\ufdd0" not in shown
    assert shown.index("二 🚀") == text.index("二 🚀")


def test_find_all_is_case_insensitive_in_code_points() -> None:
    text = "Straße STRASSE 👩‍💻 Data data 数据科学家 数据"
    found = find_all(text, "DATA")
    assert [text[a:b] for a, b in found] == ["Data", "data"]
    assert found[0][0] == text.index("Data")
    assert [text[a:b] for a, b in find_all(text, "数据")] == ["数据", "数据"]
    assert find_all(text, "👩‍💻") == [(text.index("👩"), text.index("👩") + 3)]
    assert find_all(text, "straße") == [(0, 6)]  # no casefold: offsets stay put
    assert find_all(text, "") == []


def test_rank_exact_prefix_contains_fuzzy() -> None:
    codes = [
        PaletteCode(i, path, "#000000", None, 0)
        for i, path in enumerate(
            ["Theme/Interview", "Role/Research", "Theme/What is research", "Research"]
        )
    ]
    assert [c.path for c in rank(codes, "research")] == [
        "Research",  # exact
        "Role/Research",  # name starts with it
        "Theme/What is research",  # contains
    ]
    assert [c.path for c in rank(codes, "thint")] == ["Theme/Interview"]  # letters in order
    assert rank(codes, "  ") == codes

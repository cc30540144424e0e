"""Sentences and paragraphs as code-point spans: Chinese and English punctuation, emoji and
combining marks inside, numbers and abbreviations kept whole."""

from __future__ import annotations

from dotsdesk.services.corpus.sentences import (
    paragraph_around,
    paragraph_spans,
    sentence_around,
    sentence_spans,
)

TEXT = (
    "I like it. It costs 3.5 dollars! 我很喜欢。真的吗？是的\n"
    "\n"
    "  New para “quoted.” Next e.g. here... end 😀 cafe\u0301.  "
)


def _cut(spans: list[tuple[int, int]]) -> list[str]:
    return [TEXT[s:e] for s, e in spans]


def test_sentences_end_at_chinese_and_english_marks() -> None:
    assert _cut(sentence_spans(TEXT)) == [
        "I like it.",
        "It costs 3.5 dollars!",
        "我很喜欢。",
        "真的吗？",
        "是的",
        "New para “quoted.”",
        "Next e.g. here...",
        "end 😀 cafe\u0301.",
    ]


def test_paragraphs_are_between_line_breaks_and_trimmed() -> None:
    assert _cut(paragraph_spans(TEXT)) == [
        "I like it. It costs 3.5 dollars! 我很喜欢。真的吗？是的",
        "New para “quoted.” Next e.g. here... end 😀 cafe\u0301.",
    ]


def test_the_sentence_around_a_span_and_across_two() -> None:
    i = TEXT.index("喜欢")
    assert TEXT[slice(*sentence_around(TEXT, i, i + 2))] == "我很喜欢。"
    j = TEXT.index("真的")
    assert TEXT[slice(*sentence_around(TEXT, i, j + 1))] == "我很喜欢。真的吗？"
    k = TEXT.index("😀")
    assert TEXT[slice(*sentence_around(TEXT, k, k + 1))] == "end 😀 cafe\u0301."
    assert TEXT[slice(*paragraph_around(TEXT, k, k + 1))].startswith("New para")


def test_a_limit_keeps_the_sentence_inside_a_turn() -> None:
    i = TEXT.index("dollars")
    turn = (TEXT.index("costs"), TEXT.index("dollars") + 7)
    assert TEXT[slice(*sentence_around(TEXT, i, i + 7, turn))] == "costs 3.5 dollars"


def test_empty_and_blank_texts_have_no_sentences() -> None:
    assert sentence_spans("") == [] and paragraph_spans(" \n \n") == []
    assert sentence_around("", 0, 0) == (0, 0)

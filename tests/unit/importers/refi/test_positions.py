"""Reading vendors' selection positions: every way of counting is recognised from the
evidence and mapped back to the same words."""

from __future__ import annotations

import itertools

import pytest

from dotsdesk.importers.refi.positions import (
    STANDARD,
    OffsetMap,
    Reading,
    candidate_readings,
    decide,
    normalise_breaks,
)

TEXT = (
    "Launch day 🚀 went well 👩‍💻 and then\r\n"
    "the cafe\u0301 team fixed it; 数据科学家 stayed late.\r\n"
    "Nobody 🇨🇳 complained.\n"
    "Last line."
)
WORDS = ["went well", "then", "cafe\u0301 team", "数据科学家", "stayed late", "complained", "Last"]


def vendor(text: str, c: int, reading: Reading) -> int:
    """Position of code point `c` as a tool counting `reading`'s way writes it."""
    before = text[:c]
    n = len(before.encode("utf-16-le")) // 2 if reading.utf16 else len(before)
    if reading.breaks == "one":
        n -= before.count("\r\n")
    elif reading.breaks == "two":
        n += normalise_breaks(before).count("\n") - before.count("\r\n")
    return n + int(reading.bom)


def selections(reading: Reading, named: bool) -> list[tuple[int, int, str | None]]:
    out = []
    for word in WORDS:
        start = TEXT.index(word)
        end = start + len(word)
        last = vendor(TEXT, end, reading) - int(reading.inclusive)
        out.append((vendor(TEXT, start, reading), last, word if named else None))
    return out


ALL = [
    Reading(u, b, m, i)
    for u, b, m, i in itertools.product(
        (False, True), ("as written", "one", "two"), (False, True), (False, True)
    )
]


@pytest.mark.parametrize("reading", ALL, ids=lambda r: r.describe())
@pytest.mark.parametrize("named", [True, False], ids=["names", "boundaries"])
def test_each_way_of_counting_is_found_and_covers_the_same_words(
    reading: Reading, named: bool
) -> None:
    decision = decide(TEXT, True, selections(reading, named))
    mapping = OffsetMap(TEXT, decision.reading)
    normal = normalise_breaks(TEXT)
    for (start, end, _), word in zip(selections(reading, named), WORDS, strict=True):
        span = mapping.span(start, end)
        assert span is not None
        a, b = mapping.normalised(span[0]), mapping.normalised(span[1])
        assert normal[a:b] == normalise_breaks(word)
    if named:
        assert decision.evidence == "the selections' own text matches"


def test_readings_that_cannot_differ_are_not_tried() -> None:
    # Whether the end is inclusive is always a question; the rest only where the text asks.
    assert candidate_readings("plain text", False) == [STANDARD, Reading(inclusive=True)]
    assert candidate_readings("", False) == [STANDARD]
    assert len(candidate_readings("emoji 🚀", False)) == 4
    assert len(candidate_readings("a\r\nb", True)) == 8  # as written or CR LF as one; BOM
    assert len(candidate_readings("a\nb\r\nc", False)) == 6  # both kinds of line break


def test_a_position_inside_an_emoji_widens_to_the_whole_character() -> None:
    mapping = OffsetMap("ab🚀cd", Reading(utf16=True))
    assert mapping.span(2, 3) == (2, 3, False)  # half of the rocket: all of it, flagged
    assert mapping.span(2, 4) == (2, 3, True)
    assert mapping.span(0, 7) is None  # past the end


def test_without_evidence_the_standard_reading_wins() -> None:
    decision = decide("数据 🚀 科学", False, [])
    assert decision.reading == STANDARD and decision.ambiguous
    assert decide("", False, [(0, 0, None)]).ambiguous is False


def test_the_project_ranking_breaks_ties() -> None:
    # One selection over the whole text tells nothing; the file's other sources do.
    preferred = [Reading(utf16=True), STANDARD]
    decision = decide("x 🚀 y", False, [(0, 1, None)], preferred)
    assert decision.reading == Reading(utf16=True)

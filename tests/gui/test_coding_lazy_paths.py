"""The coding view works out a long text's highlights a block at a time and its margin's
lanes a region at a time, and after a change only around it. What it shows is what working
everything out afresh over the whole text shows: the same colour at every position (on
overlaps, at shared edges, across paragraphs, beside emoji), the same lanes, and the same
pixels."""

from __future__ import annotations

import random
from collections.abc import Iterator, Sequence

import pytest
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from dotsdesk.services.coding.segments import SegmentView
from dotsdesk.ui.coding.highlights import coded_runs, flatten, paint_runs
from dotsdesk.ui.coding.lanes import LONG, BarGroup
from dotsdesk.ui.coding.margin import Bar, visual_lines
from dotsdesk.ui.coding.text_view import CodingTextView

from .test_coding_fast_paths import colour_of, mixed_text, random_segments, reference_lanes


def edged_segments(rng: random.Random, text: str, count: int) -> list[SegmentView]:
    """`random_segments`, and more that start or end where another does, and some that
    run over several paragraphs."""
    out = random_segments(rng, text, count)
    edges = [e for s in out for e in (s.start, s.end)]
    sid = 1000
    for _ in range(count // 2):
        sid += 1
        start = rng.choice(edges)
        end = min(len(text), start + rng.choice([1, 5, 40, 300, 900]))
        if start < end:
            codes = tuple(sorted(rng.sample(range(1, 16), rng.choice([1, 2, 3]))))
            out.append(SegmentView(sid, 1, start, end, text[start:end], codes, None, None))
    return sorted(out, key=lambda s: (s.start, s.end, s.id))


def groups_of(view: CodingTextView, segments: Sequence[SegmentView]) -> list[BarGroup]:
    to16 = view.utf16.__getitem__
    return [
        (to16(s.start), to16(s.end), s.id, s.code_ids, tuple(map(colour_of, s.code_ids)))
        for s in segments
        if s.code_ids
    ]


def colours_by_position(view: CodingTextView) -> dict[int, str]:
    """UTF-16 position -> colour of what the view paints there, block by block."""
    out = {}
    block = view.document().begin()
    while block.isValid():
        for start, end, colour in zip(*view.coded.runs_of(block), strict=True):
            for position in range(start, end):
                out[position] = colour.name()
        block = block.next()
    return out


def expected_colours(view: CodingTextView, segments: Sequence[SegmentView]) -> dict[int, str]:
    """The same from the runs of the whole text, as first defined (`flatten`), on the
    blocks' text (not the paragraph separators)."""
    base = view.palette().base().color()
    runs = paint_runs(flatten(segments), view.positions, colour_of, base)
    to16 = view.positions.to_utf16
    separators = {to16(i) for i, ch in enumerate(view.text) if ch == "\n"}
    return {
        p: run.colour.name()
        for run in runs
        for p in range(run.start16, run.end16)
        if p not in separators
    }


@pytest.fixture
def view(qtbot: QtBot) -> Iterator[CodingTextView]:
    widget = CodingTextView()
    qtbot.addWidget(widget)
    widget.resize(260, 400)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget


@pytest.mark.parametrize("seed", range(6))
def test_block_runs_are_the_whole_texts_runs(view: CodingTextView, seed: int) -> None:
    rng = random.Random(seed)
    view.set_text(mixed_text(rng, 3000), 1)
    segments = edged_segments(rng, view.text, 60)
    view.set_segment_groups(groups_of(view, segments))
    assert colours_by_position(view) == expected_colours(view, segments)
    # The whole text's runs, as `runs` gives them, are those of `coded_runs`.
    base = view.palette().base().color()
    starts, ends, colours = coded_runs(segments, view.utf16.__getitem__, colour_of, base)
    assert [(r.start16, r.end16, r.colour.name()) for r in view.runs] == [
        (a, b, c.name()) for a, b, c in zip(starts, ends, colours, strict=True)
    ]


@pytest.mark.parametrize("seed", range(6))
def test_after_changes_the_same_as_afresh(qtbot: QtBot, view: CodingTextView, seed: int) -> None:
    """Segments taken away and added a few at a time (as coding, removing a code, undo and
    redo do), with the view painted in between: runs, lanes and pixels as a view given the
    final segments at once."""
    rng = random.Random(seed)
    view.set_text(mixed_text(rng, 3000), 1)
    segments = edged_segments(rng, view.text, 60)
    view.set_segment_groups(groups_of(view, segments))
    bar = view.verticalScrollBar()
    for step in range(12):
        view.viewport().repaint()
        view.margin.repaint()
        gone = rng.sample(segments, min(len(segments), rng.randint(0, 3)))
        new = [
            SegmentView(
                5000 + step * 10 + k, 1, a, b, view.text[a:b], (rng.randint(1, 15),), None, None
            )
            for k, a in enumerate(rng.sample(range(len(view.text) - 50), rng.randint(0, 3)))
            for b in [a + rng.randint(1, 50)]
        ]
        segments = sorted(
            [s for s in segments if s not in gone] + new, key=lambda s: (s.start, s.end, s.id)
        )
        view.update_segment_groups(groups_of(view, gone), groups_of(view, new))
        bar.setValue(rng.randint(bar.minimum(), bar.maximum()))
    assert colours_by_position(view) == expected_colours(view, segments)
    fresh = CodingTextView()
    qtbot.addWidget(fresh)
    fresh.resize(view.size())
    fresh.show()
    qtbot.waitExposed(fresh)
    fresh.set_text(view.text, 1)
    fresh.set_segment_groups(groups_of(fresh, segments))
    assert view.margin.bars == fresh.margin.bars
    to16 = view.utf16.__getitem__
    bars = [
        Bar(s.id, c, to16(s.start), to16(s.end), colour_of(c)) for s in segments for c in s.code_ids
    ]
    assert view.margin.bars == reference_lanes(bars, visual_lines(view.document()))
    visual_lines(fresh.document())  # both laid out whole: the scroll bars agree on lines
    for middle in (0, len(view.text) // 2):  # the top, and a stretch in the middle
        for widget in (view, fresh):
            widget.clearFocus()  # no blinking caret in one of them
            widget.select_code_points(middle, middle + 1, centre=True)
            widget.viewport().repaint()
            widget.margin.repaint()
        assert view.viewport().grab().toImage() == fresh.viewport().grab().toImage()
        assert view.margin.grab().toImage() == fresh.margin.grab().toImage()


def test_long_segments_keep_lanes_apart(view: CodingTextView) -> None:
    """Segments longer than a few screens take their lanes first; no two bars that share
    a line share a lane, and the margin is wide enough for all of them."""
    rng = random.Random(11)
    view.set_text(mixed_text(rng, 3 * LONG), 1)
    segments = random_segments(rng, view.text, 80)
    n = len(view.text)
    for sid, (a, b) in enumerate([(0, n), (10, n - 10), (LONG // 2, n)], start=900):
        segments.append(SegmentView(sid, 1, a, b, view.text[a:b], (sid % 15 + 1,), None, None))
    view.set_segment_groups(groups_of(view, segments))
    bars = view.margin.bars
    line_of = visual_lines(view.document())
    lines: dict[int, set[int]] = {}
    for b in bars:
        for line in range(line_of(b.start16), line_of(max(b.start16, b.end16 - 1)) + 1):
            taken = lines.setdefault(line, set())
            assert b.lane not in taken or b.lane == 9  # only past the last lane do bars share
            taken.add(b.lane)
    assert max(b.lane for b in bars) < view.margin.lane_bound()
    assert {b.segment_id for b in bars} >= {900, 901, 902}


def test_showing_a_long_text_lays_out_only_what_is_shown(view: CodingTextView) -> None:
    """The first screen of a long coded text is painted without laying the rest out."""
    rng = random.Random(4)
    text = "\n".join(mixed_text(rng, 400) for _ in range(200))  # 200 paragraphs
    view.set_text(text, 1)
    view.set_segment_groups(groups_of(view, edged_segments(rng, text, 300)))
    view.viewport().repaint()
    view.margin.repaint()
    doc = view.document()
    laid_out = sum(
        doc.findBlockByNumber(n).layout().lineCount() > 0 for n in range(doc.blockCount())
    )
    assert 0 < laid_out < doc.blockCount() // 2
    assert QColor(view.runs[0].colour).isValid()

"""The coding panel's fast paths say what the plain definitions say: runs as
`paint_runs(flatten(...))`, lanes as the greedy colouring over every laid-out line
(`visual_lines`), and the refresh after a code is applied as showing the response afresh."""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace

import pytest
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session

from dotsdesk.services.coding import codebook
from dotsdesk.services.coding import segments as coding
from dotsdesk.services.coding.segments import SegmentView
from dotsdesk.services.corpus import respondents
from dotsdesk.ui.coding import CodingPanel
from dotsdesk.ui.coding import panel as panel_module
from dotsdesk.ui.coding.data import ShownResponse
from dotsdesk.ui.coding.highlights import coded_runs, flatten, paint_runs
from dotsdesk.ui.coding.margin import (
    MAX_LANES,
    Bar,
    BarGroup,
    LineKeys,
    assign_lanes,
    group_lanes,
    visual_lines,
)
from dotsdesk.ui.coding.text_view import CodingTextView
from dotsdesk.ui.context import ProjectContext, TextSelection
from dotsdesk.ui.textpos import TextPositions

WORDS = ["data", "模型", "工程师", "🙂", "👩‍💻", "cafe\u0301", "review", "\n", "production"]


def mixed_text(rng: random.Random, size: int) -> str:
    parts: list[str] = []
    while sum(map(len, parts)) < size:
        parts.append(rng.choice(WORDS) + " ")
    return "".join(parts)[:size]


def random_segments(rng: random.Random, text: str, count: int) -> list[SegmentView]:
    """Overlapping, nested and repeated spans; some with no code, some with more codes
    than there are lanes."""
    out = []
    spans: list[tuple[int, int]] = []
    for sid in range(1, count + 1):
        if spans and rng.random() < 0.15:
            start, end = rng.choice(spans)  # the same span again
        else:
            start = rng.randrange(0, len(text) - 1)
            end = min(len(text), start + rng.randint(1, 60))
        spans.append((start, end))
        codes = tuple(sorted(rng.sample(range(1, 16), rng.choice([0, 1, 1, 2, 3, 12]))))
        out.append(SegmentView(sid, 1, start, end, text[start:end], codes, None, None))
    return sorted(out, key=lambda s: (s.start, s.end, s.id))


def reference_lanes(bars: Sequence[Bar], line_of: Callable[[int], int]) -> list[Bar]:
    """The lanes as first written: a bar takes the first lane whose last line is above it."""
    spans = [(line_of(b.start16), line_of(max(b.start16, b.end16 - 1)), b) for b in bars]
    spans.sort(key=lambda t: (t[0], -t[1], t[2].start16, t[2].segment_id, t[2].code_id))
    last_line: list[int] = []
    out = []
    for first, last, bar in spans:
        lane = next((i for i, taken in enumerate(last_line) if taken < first), len(last_line))
        if lane == len(last_line):
            last_line.append(last)
        else:
            last_line[lane] = last
        out.append(replace(bar, lane=min(lane, MAX_LANES - 1)))
    return out


def colour_of(code_id: int) -> str:
    return f"#{(code_id * 2654435761) % 0xFFFFFF:06x}"


@pytest.mark.parametrize("seed", range(12))
def test_coded_runs_are_the_flattened_runs(qapp: object, seed: int) -> None:
    rng = random.Random(seed)
    text = mixed_text(rng, 600)
    positions = TextPositions(text)
    segments = random_segments(rng, text, rng.randint(0, 80))
    base = QColor("#fdfdfd")
    expected = paint_runs(flatten(segments), positions, colour_of, base)
    starts, ends, colours = coded_runs(segments, positions.to_utf16, colour_of, base)
    assert starts == [r.start16 for r in expected]
    assert ends == [r.end16 for r in expected]
    assert [c.getRgbF() for c in colours] == [r.colour.getRgbF() for r in expected]


@pytest.mark.parametrize("seed", range(12))
def test_lanes_are_the_greedy_colouring(seed: int) -> None:
    rng = random.Random(seed)
    text = mixed_text(rng, 800)
    segments = random_segments(rng, text, rng.randint(1, 120))
    width = rng.choice([7, 25, 80])

    def line_of(position: int) -> int:
        return position // width

    bars = [Bar(s.id, cid, s.start, s.end, colour_of(cid)) for s in segments for cid in s.code_ids]
    expected = reference_lanes(bars, line_of)
    assert assign_lanes(bars, line_of) == expected
    groups: list[BarGroup] = [
        (s.start, s.end, s.id, s.code_ids, tuple(map(colour_of, s.code_ids))) for s in segments
    ]
    order, lanes, used = group_lanes(groups, line_of)
    got = [
        Bar(groups[g][2], cid, groups[g][0], groups[g][1], colour_of(cid), lanes[g][k])
        for g in order
        for k, cid in enumerate(groups[g][3])
    ]
    assert got == expected
    assert used == max((b.lane + 1 for b in expected), default=0)


@pytest.fixture
def long_view(qtbot: QtBot) -> Iterator[CodingTextView]:
    view = CodingTextView()
    qtbot.addWidget(view)
    view.resize(220, 300)
    view.show()
    qtbot.waitExposed(view)
    view.set_text(mixed_text(random.Random(7), 6000), 1)
    yield view


def test_line_keys_order_positions_as_the_laid_out_lines(long_view: CodingTextView) -> None:
    view = long_view
    keys = view.line_keys()
    assert isinstance(keys, LineKeys) and view.line_keys() is keys  # kept while nothing changes
    size = view.positions.utf16_length
    got = [keys(p) for p in range(size + 1)]
    line_of = visual_lines(view.document())
    number = {key: n for n, key in enumerate(sorted(set(got)))}
    assert [number[k] for k in got] == [line_of(p) for p in range(size + 1)]
    assert max(got) > 0 and len(number) > view.document().blockCount()  # it wraps


def test_the_scroll_bar_comes_with_the_text(qtbot: QtBot) -> None:
    """Not a turn of the event loop later, when the text would be laid out a second time,
    narrower, and the lanes decided again."""
    view = CodingTextView()
    qtbot.addWidget(view)
    view.resize(220, 300)
    view.show()
    qtbot.waitExposed(view)
    view.set_text(mixed_text(random.Random(7), 6000), 1)
    assert view.verticalScrollBar().isVisible()
    keys = view.line_keys()
    qtbot.wait(150)
    assert view.line_keys() is keys
    view.set_text("short", 2)
    assert not view.verticalScrollBar().isVisible()


def test_lanes_follow_the_wrapping(qtbot: QtBot, long_view: CodingTextView) -> None:
    view = long_view
    rng = random.Random(3)
    segments = random_segments(rng, view.text, 150)
    to16 = view.positions.to_utf16
    bars = [
        Bar(s.id, cid, to16(s.start), to16(s.end), colour_of(cid))
        for s in segments
        for cid in s.code_ids
    ]
    view.set_bars(bars)
    assert view.margin.bars == reference_lanes(bars, visual_lines(view.document()))
    keys = view.line_keys()
    view.resize(400, 300)  # wider: fewer lines, other lanes, once the resizing stops
    qtbot.waitUntil(lambda: view.line_keys() is not keys)
    view._fit_margin_width()
    assert view.margin.bars == reference_lanes(bars, visual_lines(view.document()))
    view.set_text(view.text, 1)  # the same text again is a new layout too
    assert view.line_keys() is not keys


def test_runs_are_measured_again_where_they_changed(long_view: CodingTextView) -> None:
    view = long_view
    segments = random_segments(random.Random(5), view.text, 300)

    def paint(segments: list[SegmentView]) -> QImage:
        view.set_segment_groups(groups_of(view, segments))
        return view.viewport().grab().toImage()

    before = paint(segments)
    new = SegmentView(999, 1, 2, 40, view.text[2:40], (3,), None, None)
    after = paint([new, *segments[1:]])  # on the first lines, among measured runs
    assert after != before
    view.coded.forget_rects()
    view.coded.set_text(view.coded._index)  # and the runs worked out again from nothing
    view.set_segment_groups(groups_of(view, [new, *segments[1:]]))
    assert view.viewport().grab().toImage() == after
    assert paint(segments) == before


def groups_of(view: CodingTextView, segments: Sequence[SegmentView]) -> list[BarGroup]:
    to16 = view.utf16.__getitem__
    return [
        (to16(s.start), to16(s.end), s.id, s.code_ids, tuple(map(colour_of, s.code_ids)))
        for s in segments
    ]


def test_margin_forgets_what_it_painted_when_the_bars_change(long_view: CodingTextView) -> None:
    view = long_view
    to16 = view.positions.to_utf16
    view.set_segment_bars([(to16(0), to16(40), 5, (1, 2), ("#ff0000", "#00ff00"))])
    view.margin.repaint()
    drawn = view.margin._drawn
    assert [(bar.segment_id, bar.code_id, bar.lane) for _rect, bar in drawn] == [
        (5, 1, 0),
        (5, 2, 1),
    ]
    assert view.margin.bar_at(drawn[1][0].center()) == drawn[1][1]
    view.set_segment_bars([(to16(50), to16(60), 6, (3,), ("#0000ff",))])
    assert view.margin._drawn == []  # not the old bars under the new segment's id
    view.margin.repaint()
    assert [bar.segment_id for _rect, bar in view.margin._drawn] == [6]


# -- the panel: a refresh after coding is the same as showing the response afresh -------


@pytest.fixture
def panels(qtbot: QtBot, ctx: ProjectContext) -> Iterator[tuple[CodingPanel, CodingPanel]]:
    """The panel under test, and a second one that shows afresh to compare with."""
    made = []
    for _ in range(2):
        widget = CodingPanel(ctx)
        qtbot.addWidget(widget)
        widget.resize(700, 500)
        widget.show()
        qtbot.waitExposed(widget)
        made.append(widget)
    yield made[0], made[1]


def what_it_shows(panel: CodingPanel) -> tuple[object, ...]:
    panel.view.margin.repaint()
    return (
        panel.shown,
        [(r.start16, r.end16, r.colour.name()) for r in panel.view.runs],
        panel.view.margin.bars,
        [(rect.getRect(), bar) for rect, bar in panel.view.margin._drawn],
        panel.header.text(),
        panel.keys_label.text(),
    )


def shown_afresh(fresh: CodingPanel, response_id: int) -> tuple[object, ...]:
    fresh.shown = None
    fresh.show_response(response_id)
    return what_it_shows(fresh)


def test_refresh_after_coding_is_a_fresh_showing(
    monkeypatch: pytest.MonkeyPatch,
    panels: tuple[CodingPanel, CodingPanel],
    ctx: ProjectContext,
) -> None:
    panel, fresh = panels
    with ctx.read() as s:
        rid = respondents.find_respondent(s, "P18").responses[0].id
        text = respondents.find_respondent(s, "P18").responses[0].text
        used = {c for seg in coding.segments_of(s, rid) for c in seg.code_ids}
        new_code = next(c.id for c in codebook.list_codes(s) if c.id not in used)
        some_code = next(iter(used))
    ctx.responseActivated.emit(rid)
    full_loads = []
    load = panel_module.load_response

    def counted(s: Session, response_id: int) -> ShownResponse:
        full_loads.append(response_id)
        return load(s, response_id)

    monkeypatch.setattr(panel_module, "load_response", counted)
    steps: list[Callable[[], object]] = [
        lambda: ctx.apply_codes([new_code], TextSelection(rid, 3, 20)),  # a code new here
        lambda: ctx.apply_codes([some_code, new_code], TextSelection(rid, 0, len(text))),
        lambda: ctx.apply_codes([some_code], TextSelection(rid, 3, 20)),  # same span: gains
        ctx.undo_stack.undo,
        ctx.undo_stack.undo,
        ctx.undo_stack.redo,
        lambda: ctx.run("resize", lambda s: coding.resize(s, first_segment(s, rid), 1, 9)),
        lambda: ctx.run("memo", lambda s: coding.set_memo(s, first_segment(s, rid), "m")),
        lambda: ctx.run("uncode", lambda s: coding.uncode(s, first_segment(s, rid))),
    ]
    for step in steps:
        step()
        assert what_it_shows(panel) == shown_afresh(fresh, rid)
    assert full_loads == [rid] * len(steps)  # only the fresh panel loaded it all


def first_segment(s: Session, response_id: int) -> int:
    return coding.segments_of(s, response_id)[0].id


def test_coding_elsewhere_changes_nothing_here(
    panels: tuple[CodingPanel, CodingPanel], ctx: ProjectContext
) -> None:
    panel, _fresh = panels
    with ctx.read() as s:
        here = respondents.find_respondent(s, "P18").responses[0].id
        there = respondents.find_respondent(s, "P01").responses[0].id
        code = codebook.list_codes(s)[0].id
    ctx.responseActivated.emit(here)
    shown, runs, bars = panel.shown, panel.view.runs, panel.view.margin.bars
    ctx.apply_codes([code], TextSelection(there, 0, 5))
    assert panel.shown is shown and panel.view.runs is runs
    assert panel.view.margin.bars == bars

"""The words around the text: the header above it, the pinned keys, the hover tooltips.
Plain HTML from plain data, so they are easy to read and to test."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from ...services.coding.segments import SegmentView
from .data import CodeLook, ShownResponse
from .menus import snippet


def swatch(colour: str) -> str:
    return f"<span style='color:{escape(colour)}'>■</span>"


def header_html(shown: ShownResponse) -> str:
    """Who, in what language, with what consent; the question; the codes present."""
    memo = " · <b>memo</b>" if shown.memo else ""
    lines = [
        f"<b>{escape(shown.respondent)}</b> · {escape(shown.language)} · consent: "
        f"{escape(shown.consent)} · {len(shown.segments)} segments{memo}"
    ]
    if shown.question:
        lines.append(f"<i>{escape(shown.question)}</i>")
    if shown.turns:
        own = sum(1 for t in shown.turns if t.own)
        lines.append(
            f"{len(shown.turns)} turns, {own} by {escape(shown.respondent)}; "
            "<span style='color:#6e6e6e'>the others' turns (shaded) are context, "
            "never quoted or counted as theirs</span>"
        )
    if shown.codes:
        legend = sorted(shown.codes.values(), key=lambda c: c.path.casefold())
        lines.append(" &nbsp;".join(f"{swatch(c.colour)}&nbsp;{escape(c.path)}" for c in legend))
    return "<br>".join(lines)


def keys_html(pinned: Sequence[int | None], codes: dict[int, CodeLook]) -> str:
    """ "Keys: 1 ■ Role/Research ..." or "" when nothing is pinned."""
    parts = [
        f"<b>{key}</b>&nbsp;{swatch(codes[cid].colour)}&nbsp;{escape(codes[cid].path)}"
        for key, cid in enumerate(pinned, start=1)
        if cid is not None and cid in codes
    ]
    return "Keys: " + " &nbsp; ".join(parts) if parts else ""


def segment_html(shown: ShownResponse, segment: SegmentView) -> str:
    """A segment's codes, text, coder and memo, for a tooltip."""
    lines = [
        f"{swatch(look.colour)} <b>{escape(look.path)}</b>"
        for cid in segment.code_ids
        if (look := shown.codes.get(cid))
    ]
    lines.append(f"<i>{escape(snippet(segment.text))}</i> · coder: {escape(segment.coder or '?')}")
    if segment.memo:
        memo = segment.memo if len(segment.memo) <= 300 else segment.memo[:299] + "…"
        lines.append(f"memo: {escape(memo)}")
    return "<br>".join(lines)


def tooltip_html(shown: ShownResponse, offset: int) -> str:
    """Every segment under the character at `offset`, innermost first."""
    return "<hr>".join(segment_html(shown, seg) for seg in shown.segments_at(offset))

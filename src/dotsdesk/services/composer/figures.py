"""Figures that never change silently: each statistic and profile of a post as it was last
drafted, exported or accepted (its baseline), compared with what it is now.

A baseline is recorded when a post is drafted (the figures the author starts from), when it
is exported (what collaborators now hold) and when the author accepts the current figures
("Accept figures" in the Draft tab). It is deliberately not recorded when the preview
refreshes: a refresh follows every edit, undo and import, whether or not the author is
looking at that figure (it may be scrolled away, the tab hidden), so it is no evidence the
change was seen; recording it would make a change vanish at the next refresh, which is the
silent drift this module exists to report, and would add a write to every refresh.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from itertools import zip_longest
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...errors import DotsError
from ...model import BaselineKind, Block, FigureBaseline, Section
from ...model.base import utcnow
from .render_tree import BulletList, FigureNote, RenderedPost, Statistic
from .statistics import Figure

BEFORE_LIMIT = 160  # characters of a profile's earlier wording shown beside it


@dataclass(frozen=True)
class Baseline:
    figure: dict[str, Any]
    kind: BaselineKind
    recorded: datetime

    @property
    def day(self) -> str:
        return self.recorded.date().isoformat()

    @property
    def since(self) -> str:
        return f"{self.kind.value} on {self.day}"


class FiguresChanged(DotsError):
    """An export refused because figures changed since they were last exported or accepted;
    `changes` are the issues' words ("Research: 20% → 12% since 2026-12-01, ...")."""

    def __init__(self, target: Path | str | None, changes: Sequence[str]) -> None:
        self.changes = list(changes)
        n = len(self.changes)
        first = "; ".join(self.changes[:3])
        more = f"; and {n - 3} more" if n > 3 else ""
        super().__init__(
            target,
            f"{n} figure(s) changed since they were last exported or accepted: {first}{more} "
            "(nothing was written; check them, then accept the new figures)",
        )


def load_baselines(session: Session, post_id: int) -> dict[int, Baseline]:
    """block id -> baseline, for every block of the post that has one (one query)."""
    rows = session.scalars(
        select(FigureBaseline)
        .join(Block, Block.id == FigureBaseline.block_id)
        .join(Section, Section.id == Block.section_id)
        .where(Section.post_id == post_id)
    )
    return {r.block_id: Baseline(dict(r.figure), r.kind, r.recorded) for r in rows}


def statistic_note(
    label: str, population: str, figure: Figure, baseline: Baseline | None
) -> FigureNote:
    """Where the figure comes from and, if it differs from its baseline, the issue's words:
    "Research: 20% → 12% since 2026-12-01, population grew from 30 to 51 respondents"."""
    if baseline is None:
        return FigureNote(population, figure.total)
    before = Figure(int(baseline.figure.get("count", 0)), int(baseline.figure.get("total", 0)))
    if (before.count, before.total) == (figure.count, figure.total):
        return FigureNote(population, figure.total, baseline.since)
    if before.percent != figure.percent:
        head = f"{before.percent_text} → {figure.percent_text}"
    else:  # the same rounded percentage over other counts: "6 of 30 → 7 of 35"
        head = f"{before.count} of {before.total} → {figure.count} of {figure.total}"
    message = f"{label}: {head} since {baseline.day}{_growth(before.total, figure.total)}"
    was = f"{before.percent_text} ({before.count} of {before.total})"
    return FigureNote(population, figure.total, baseline.since, was, message)


def profile_note(
    label: str, population: str, size: int, bullets: Sequence[str], baseline: Baseline | None
) -> FigureNote:
    """As `statistic_note`, for a profile: a bullet worded differently is a changed figure
    (a new job title, a field no longer represented)."""
    if baseline is None:
        return FigureNote(population, size)
    old = [str(b) for b in baseline.figure.get("bullets", [])]
    if old == list(bullets):
        return FigureNote(population, size, baseline.since)
    n = sum(1 for a, b in zip_longest(old, bullets) if a != b)
    total = int(baseline.figure.get("total", size))
    message = (
        f"{label}: {n} profile bullet{'s' if n != 1 else ''} changed since {baseline.day}"
        f"{_growth(total, size)}"
    )
    was = " / ".join(old)
    if len(was) > BEFORE_LIMIT:
        was = was[: BEFORE_LIMIT - 1] + "…"
    return FigureNote(population, size, baseline.since, was, message)


def record_figures(
    session: Session, tree: RenderedPost, kind: BaselineKind, when: datetime | None = None
) -> int:
    """Make the figures of `tree` (as rendered, so exactly what was exported or shown) the
    baseline of their blocks; returns how many were recorded."""
    when = when or utcnow()
    figures: dict[int, dict[str, Any]] = {}
    for section in tree.sections:
        for node in section.nodes:
            if isinstance(node, Statistic) and node.figure is not None:
                f = node.figure
                figures[node.block_id] = {"count": f.count, "total": f.total, "text": node.text}
            elif isinstance(node, BulletList) and node.note is not None and node.block_id:
                figures[node.block_id] = {"bullets": node.texts, "total": node.note.size}
    existing = {
        r.block_id: r
        for r in session.scalars(
            select(FigureBaseline).where(FigureBaseline.block_id.in_(list(figures)))
        )
    }
    for block_id, figure in figures.items():
        if session.get(Block, block_id) is None:
            continue  # deleted since the render (an export runs off the GUI thread)
        row = existing.get(block_id)
        if row is None:
            session.add(FigureBaseline(block_id=block_id, figure=figure, kind=kind, recorded=when))
        else:
            row.figure, row.kind, row.recorded = figure, kind, when
    session.flush()
    return len(figures)


def _growth(before: int, now: int) -> str:
    if before == now:
        return ""
    grew = "grew" if now > before else "shrank"
    return f", population {grew} from {before} to {now} respondents"

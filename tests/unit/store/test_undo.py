"""Undo/redo recorded by the database: every kind of change comes back exactly."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from dotsdesk.errors import InvalidOperation
from dotsdesk.model import Code, ConsentEvent, Response, Segment, segment_code
from dotsdesk.services.coding import codebook
from dotsdesk.services.coding import segments as coding
from dotsdesk.services.consent import events as consent
from dotsdesk.services.corpus import responses
from dotsdesk.services.corpus.search import search
from dotsdesk.services.sample import build_sample
from dotsdesk.store import Project


@pytest.fixture
def sample(tmp_path: Path) -> Project:
    path = tmp_path / "u.dots"
    with Project.create(path) as p, p.write() as s:
        build_sample(s)
    project = Project.open(path, undo=True)
    yield project  # type: ignore[misc]
    project.close()


def snapshot(project: Project) -> dict[str, list[tuple[object, ...]]]:
    with project.read() as s:
        return {
            t: [tuple(r) for r in s.execute(text(f'SELECT * FROM "{t}" ORDER BY rowid'))]
            for t in ("code", "segment", "segment_code", "response", "consent_event", "translation")
        }


def test_delete_code_undo_redo_round_trip(sample: Project) -> None:
    before = snapshot(sample)
    with sample.read() as s:
        role = codebook.find_code(s, "Role").id
    impact, step = sample.record(lambda s: codebook.delete_code(s, role))
    assert impact.codes == 4 and step.tables >= {"code", "segment", "segment_code"}
    after = snapshot(sample)
    redo = sample.replay(step)
    assert snapshot(sample) == before  # every row, every column, same rowids
    again = sample.replay(redo)
    assert snapshot(sample) == after
    sample.replay(again)
    assert snapshot(sample) == before


def test_text_change_undo_restores_segments_and_search(sample: Project) -> None:
    with sample.read() as s:
        rid = s.scalar(select(Response.id).where(Response.text.like("We read papers%")))
    before = snapshot(sample)
    _, step = sample.record(lambda s: responses.replace_text(s, s.get(Response, rid), "短"))
    with sample.read() as s:
        assert coding.segments_of(s, rid) == []
        assert search(s, "idea-proposal").total == 0
    sample.replay(step)
    assert snapshot(sample) == before
    with sample.read() as s:
        assert search(s, "idea-proposal").total == 1


def test_code_span_and_consent_are_undoable(sample: Project) -> None:
    with sample.read() as s:
        rid = s.scalar(select(Response.id).where(Response.language == "zh"))
        code = codebook.find_code(s, "Theme/Interview").id
        who = s.scalar(select(Response.respondent_id).where(Response.id == rid))
    before = snapshot(sample)
    seg, step = sample.record(lambda s: coding.code_span(s, rid, 0, 2, [code]).id)
    _, step2 = sample.record(
        lambda s: consent.record_event(s, who, "withdrawn", date(2021, 1, 1), note="changed mind")
    )
    sample.replay(step2)
    sample.replay(step)
    assert snapshot(sample) == before
    with sample.read() as s:
        assert s.get(Segment, seg) is None


def test_an_action_that_changes_nothing_has_an_empty_step(sample: Project) -> None:
    _, step = sample.record(lambda s: s.scalar(select(func.count(Code.id))))
    assert step.empty


def test_without_undo_nothing_is_logged(tmp_path: Path) -> None:
    with Project.create(tmp_path / "p.dots") as p:
        with p.write() as s:
            codebook.ensure_code(s, "A/B")
        with p.read() as s:
            assert s.execute(text("SELECT count(*) FROM undo_log")).scalar_one() == 0


def test_reopening_clears_the_history(sample: Project) -> None:
    sample.record(lambda s: codebook.ensure_code(s, "New"))
    path = sample.path
    sample.close()
    with Project.open(path, undo=True) as again, again.read() as s:
        assert s.execute(text("SELECT count(*) FROM undo_log")).scalar_one() == 0
        assert s.scalar(select(func.count()).select_from(segment_code)) > 0
        assert s.scalar(select(func.count(ConsentEvent.id))) > 0


def test_an_undo_that_would_leave_a_segment_outside_its_text_is_refused(sample: Project) -> None:
    with sample.read() as s:
        rid = s.scalar(select(Response.id).where(Response.text.like("We read papers%")))
        code = codebook.find_code(s, "Theme/Interview").id
        old = s.get(Response, rid).text
    longer = old + " 后来加的话 👩‍💻 cafe\u0301"
    _, grow = sample.record(lambda s: responses.replace_text(s, s.get(Response, rid), longer))
    sample.record(lambda s: coding.code_span(s, rid, len(longer) - 4, len(longer), [code]))
    before = snapshot(sample)
    with pytest.raises(InvalidOperation, match="outside its text"):
        sample.replay(grow)  # the older text is too short for the newer segment
    assert snapshot(sample) == before  # refused whole

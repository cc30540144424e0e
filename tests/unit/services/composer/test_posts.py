"""Editing posts: sections and blocks keep their order, data is checked, undo restores."""

from __future__ import annotations

from itertools import count
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from dotsdesk.errors import InvalidOperation, NotFound, StaleEdit
from dotsdesk.model import Block, BlockKind, Section, Setting
from dotsdesk.services.coding import segments as coding
from dotsdesk.services.coding.codebook import ensure_code
from dotsdesk.services.composer import posts
from dotsdesk.services.corpus.respondents import add_respondent
from dotsdesk.services.corpus.responses import add_response
from dotsdesk.store import Project

_keys = count(1)


def segment(s: Session, text: str = "Pairing taught me a lot.") -> int:
    rid = add_respondent(s, f"r{next(_keys)}").id
    resp = add_response(s, rid, text, language="en").id
    return coding.code_span(s, resp, 0, len(text), [ensure_code(s, "Theme/Pair coding").id]).id


def titles(s: Session, post_id: int) -> list[str]:
    rows = s.scalars(
        select(Section.title).where(Section.post_id == post_id).order_by(Section.position)
    )
    return list(rows)


def texts(s: Session, section_id: int) -> list[str]:
    rows = s.scalars(select(Block).where(Block.section_id == section_id).order_by(Block.position))
    return [b.data.get("text", b.kind.value) for b in rows]


def test_sections_keep_positions_through_moves_and_deletes(project: Project) -> None:
    with project.write() as s:
        post = posts.create_post(s, "  Do you write production code?  ", series="Connect the Dots")
        ids = [posts.add_section(s, post.id, t).id for t in ("Research", "Hybrid", "Final")]
        posts.add_section(s, post.id, "Engineering", position=1)
        assert titles(s, post.id) == ["Research", "Engineering", "Hybrid", "Final"]
        posts.move_section(s, ids[2], 0)
        assert titles(s, post.id) == ["Final", "Research", "Engineering", "Hybrid"]
        posts.move_section(s, ids[2], 99)  # clamped to the end
        assert titles(s, post.id) == ["Research", "Engineering", "Hybrid", "Final"]
        posts.delete_section(s, ids[1])
        assert titles(s, post.id) == ["Research", "Engineering", "Final"]
        positions = s.scalars(select(Section.position).where(Section.post_id == post.id))
        assert sorted(positions) == [0, 1, 2]
        posts.rename_section(s, ids[0], " Pure research ")
        assert titles(s, post.id)[0] == "Pure research"
        assert post.title == "Do you write production code?"


def test_blocks_move_within_and_across_sections(project: Project) -> None:
    with project.write() as s:
        post = posts.create_post(s, "T")
        a = posts.add_section(s, post.id, "A").id
        b = posts.add_section(s, post.id, "B").id
        one, two, three = (posts.add_paragraph(s, a, t) for t in ("one", "two", "three"))
        posts.add_paragraph(s, a, "zero", position=0)
        assert texts(s, a) == ["zero", "one", "two", "three"]
        posts.move_block(s, three.id, a, 1)
        assert texts(s, a) == ["zero", "three", "one", "two"]
        posts.move_block(s, one.id, b, 0)
        assert texts(s, a) == ["zero", "three", "two"]
        assert texts(s, b) == ["one"]
        posts.delete_block(s, three.id)
        assert texts(s, a) == ["zero", "two"]
        assert sorted(s.scalars(select(Block.position).where(Block.section_id == a))) == [0, 1]
        other = posts.create_post(s, "Other")
        elsewhere = posts.add_section(s, other.id, "X").id
        with pytest.raises(InvalidOperation, match="within its post"):
            posts.move_block(s, two.id, elsewhere, 0)


def test_block_data_is_checked(project: Project) -> None:
    with project.write() as s:
        post = posts.create_post(s, "T")
        sec = posts.add_section(s, post.id, "S").id
        seg = segment(s)
        with pytest.raises(NotFound, match="no segment"):
            posts.add_block(s, sec, BlockKind.QUOTE, {})
        with pytest.raises(InvalidOperation, match="no colour setting"):
            posts.add_quote(s, sec, seg, colour="red")
        with pytest.raises(InvalidOperation, match="does not refer to a segment"):
            posts.add_block(s, sec, BlockKind.PARAGRAPH, {"text": "x"}, segment_id=seg)
        with pytest.raises(InvalidOperation, match="not an http"):
            posts.add_block(
                s, sec, "links", {"links": [{"title": "x", "url": "javascript:alert(1)"}]}
            )
        with pytest.raises(InvalidOperation, match="at least one code"):
            posts.add_block(s, sec, "statistic", {"template": "{percent}"})
        with pytest.raises(NotFound, match="no code 999"):
            posts.add_block(s, sec, "statistic", {"code_ids": [999]})
        with pytest.raises(NotFound, match="no attribute 'Shoe size'"):
            posts.add_block(s, sec, "profile", {"bullets": [{"attribute": "Shoe size"}]})
        with pytest.raises(InvalidOperation, match="either text or an attribute"):
            posts.add_block(s, sec, "profile", {"bullets": [{"template": "x"}]})
        with pytest.raises(InvalidOperation, match="start < end"):
            posts.add_quote(s, sec, seg, translation="en", translation_span=[5, 2])
        with pytest.raises(InvalidOperation, match="auto paragraph"):
            posts.add_block(s, sec, "paragraph", {"auto": "weather"})
        with pytest.raises(InvalidOperation, match="not an http"):
            posts.create_post(s, "T2", toc_url="javascript:alert(1)")
        with pytest.raises(InvalidOperation, match="needs a title"):
            posts.create_post(s, "   ")
        quote = posts.add_quote(s, sec, seg, label="Experienced engineer", context="", topic=None)
        assert quote.data == {"label": "Experienced engineer"}  # empty settings are dropped
        posts.update_block(s, quote.id, {"topic": "pair coding"})
        assert quote.data == {"topic": "pair coding"} and quote.segment_id == seg


def test_settings_belong_to_the_post(project: Project) -> None:
    with project.write() as s:
        role = ensure_code(s, "Role").id
        post = posts.create_post(s, "T", settings=posts.PostSettings(group_code_id=role))
        assert posts.get_settings(s, post.id).group_code_id == role
        changed = posts.update_settings(s, post.id, context_words={"large company": "large"})
        assert changed.group_code_id == role
        assert posts.get_settings(s, post.id).context_words == {"large company": "large"}
        with pytest.raises(InvalidOperation, match="not both"):
            posts.update_settings(s, post.id, group_attribute="Job title")
        with pytest.raises(ValueError):
            posts.update_settings(s, post.id, max_identity="everything")
        posts.delete_post(s, post.id)
        assert s.get(Setting, f"post:{post.id}") is None
        with pytest.raises(NotFound):
            posts.get_settings(s, post.id)


def test_a_deleted_segment_leaves_its_quote_block(project: Project) -> None:
    with project.write() as s:
        seg = segment(s)
        post = posts.create_post(s, "T")
        sec = posts.add_section(s, post.id, "S").id
        block = posts.add_quote(s, sec, seg).id
    with project.write() as s:
        coding.uncode(s, seg)  # its only code: the segment goes
    with project.read() as s:
        kept = s.get(Block, block)
        assert kept is not None and kept.kind is BlockKind.QUOTE and kept.segment_id is None


def test_post_edits_undo_and_redo(tmp_path: Path, empty_project_file: Path) -> None:
    path = tmp_path / "u.dots"
    path.write_bytes(empty_project_file.read_bytes())
    with Project.open(path, undo=True) as p:
        with p.write() as s:
            post = posts.create_post(s, "T")
            sec = posts.add_section(s, post.id, "Research").id
            for t in ("a", "b", "c"):
                posts.add_paragraph(s, sec, t)
            post_id = post.id
        _, step = p.record(lambda s: posts.delete_section(s, sec))
        with p.read() as s:
            assert titles(s, post_id) == []
        redo = p.replay(step)
        with p.read() as s:
            assert titles(s, post_id) == ["Research"] and texts(s, sec) == ["a", "b", "c"]
        with p.read() as s:
            last = s.scalar(select(Block.id).where(Block.section_id == sec, Block.position == 2))
            assert last is not None
        _, move = p.record(lambda s: posts.move_block(s, last, sec, 0))
        with p.read() as s:
            assert texts(s, sec) == ["c", "a", "b"]
        p.replay(move)
        with p.read() as s:
            assert texts(s, sec) == ["a", "b", "c"]
        p.replay(redo)
        with p.read() as s:
            assert titles(s, post_id) == []


def test_an_edit_on_a_block_a_colleague_changed_meanwhile_is_refused(project: Project) -> None:
    with project.write() as s:
        post = posts.create_post(s, "Stale 旧")
        section = posts.add_section(s, post.id, "One")
        block = posts.add_paragraph(s, section.id, "Mine 👩‍💻").id
        seen = dict(s.get(Block, block).data)
    with project.write() as s:  # the colleague's save
        posts.update_block(s, block, {"text": "Theirs cafe\u0301"}, expected=seen)
    refusal = pytest.raises(StaleEdit, match="a colleague changed this block")
    with refusal as refused, project.write() as s:
        posts.update_block(s, block, {"text": "Mine, edited"}, expected=seen)
    assert refused.value.tables == frozenset({"block"})
    with project.read() as s:
        assert s.get(Block, block).data["text"] == "Theirs cafe\u0301"  # theirs kept whole
    with project.write() as s:  # against what is there now, the edit goes in
        posts.update_block(
            s, block, {"text": "Mine, again"}, expected={"text": "Theirs cafe\u0301"}
        )

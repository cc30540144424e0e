"""Responses, language detection, translations, and re-anchoring segments on edits."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import func, select

from dotsdesk.errors import InvalidOperation, NotFound
from dotsdesk.model import Segment, Translation
from dotsdesk.services.coding.codebook import ensure_code
from dotsdesk.services.coding.segments import code_span, segments_of
from dotsdesk.services.corpus.language import detect_language
from dotsdesk.services.corpus.respondents import add_respondent
from dotsdesk.services.corpus.responses import (
    add_response,
    get_response,
    replace_text,
    set_translation,
)
from dotsdesk.services.corpus.search import search
from dotsdesk.store import Project


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "I moved from research to engineering because the business impact was clearer.",
            "en",
        ),
        ("我在面试的时候被问到很多机器学习的问题，数据科学家的工作其实很杂。", "zh"),
        ("作为 data scientist，我觉得沟通最重要", "zh"),
        ("データサイエンティストの仕事は面白いです", "ja"),
        ("데이터 과학자의 일은 재미있습니다", "ko"),
        ("ok", "und"),
        ("Yes!", "und"),
        ("12345 678", "und"),
        ("👩‍💻🇨🇳🚀", "und"),
        ("", "und"),
    ],
)
def test_detect_language(text: str, language: str) -> None:
    assert detect_language(text) == language


def test_add_response_keeps_text_exactly_and_detects_language(
    project: Project, corpus: dict[str, str]
) -> None:
    with project.write() as s:
        r = add_respondent(s, "k1")
        ids = {name: add_response(s, r.id, text).id for name, text in corpus.items()}
        given = add_response(s, r.id, "Short", language=" fr ").id
    with project.read() as s:
        for name, rid in ids.items():
            assert get_response(s, rid).text == corpus[name]
        assert get_response(s, ids["english"]).language == "en"
        assert get_response(s, ids["chinese"]).language == "zh"
        assert get_response(s, ids["short"]).language == "und"
        assert get_response(s, given).language == "fr"
        with pytest.raises(NotFound):
            get_response(s, 999)


def test_blank_response_is_refused(project: Project) -> None:
    with project.write() as s:
        r = add_respondent(s, "k1")
        with pytest.raises(InvalidOperation):
            add_response(s, r.id, " \n\t ")


def test_translation_into_the_same_language_is_refused(
    project: Project, make_response: Callable[..., int]
) -> None:
    rid = make_response("我在面试的时候被问到很多机器学习的问题")
    with project.write() as s:
        with pytest.raises(InvalidOperation):
            set_translation(s, rid, "zh", "我在面试的时候")
        t = set_translation(s, rid, "en", "In interviews I was asked", translator="me")
        again = set_translation(s, rid, "en", "In my interviews I was asked", translator="DeepL")
        assert again.id == t.id
    with project.read() as s:
        rows = s.execute(select(Translation.language, Translation.text, Translation.translator))
        assert rows.all() == [("en", "In my interviews I was asked", "DeepL")]
    with project.write() as s, pytest.raises(NotFound):
        set_translation(s, 999, "en", "x")


# -- replace_text ----------------------------------------------------------------------


def _spans(project: Project, rid: int) -> list[tuple[int, int, str]]:
    with project.read() as s:
        return [(v.start, v.end, v.text) for v in segments_of(s, rid)]


def _code(project: Project, rid: int, pieces: list[str], text: str) -> None:
    with project.write() as s:
        code = ensure_code(s, "Theme/Pets")
        for piece in pieces:
            start = text.index(piece)
            code_span(s, rid, start, start + len(piece), [code.id], coder="ann")


def test_unchanged_text_is_no_change(project: Project, make_response: Callable[..., int]) -> None:
    rid = make_response("I like cats.")
    with project.write() as s:
        change = replace_text(s, get_response(s, rid), "I like cats.")
    assert not change.changed


def test_replace_text_moves_segments_with_their_text(
    project: Project, make_response: Callable[..., int]
) -> None:
    old = "I like cats 🐈. Dogs 🐕 too."
    rid = make_response(old)
    _code(project, rid, ["cats 🐈", "Dogs 🐕"], old)
    new = "Preface 👩‍💻🇨🇳: I like cats 🐈. Dogs 🐕 too."
    with project.write() as s:
        change = replace_text(s, get_response(s, rid), new)
    assert (change.changed, change.segments_moved, change.segments_dropped) == (True, 2, 0)
    spans = _spans(project, rid)
    assert [t for _, _, t in spans] == ["cats 🐈", "Dogs 🐕"]
    for start, end, text in spans:
        assert new[start:end] == text


def test_replace_text_anchors_on_the_nearest_copy(
    project: Project, make_response: Callable[..., int]
) -> None:
    old = "I like cats. Dogs too."
    rid = make_response(old)
    _code(project, rid, ["cats"], old)  # at 7
    new = "cats! I like cats. Dogs too. cats"  # copies at 0, 13 and 29: 13 is nearest to 7
    with project.write() as s:
        change = replace_text(s, get_response(s, rid), new)
    assert change.segments_moved == 1
    assert _spans(project, rid) == [(13, 17, "cats")]


def test_replace_text_keeps_segments_that_did_not_move(
    project: Project, make_response: Callable[..., int]
) -> None:
    old = "cats first, then dogs"
    rid = make_response(old)
    _code(project, rid, ["cats"], old)
    with project.write() as s:
        change = replace_text(s, get_response(s, rid), "cats first, then birds and more birds")
    assert (change.segments_moved, change.segments_dropped) == (0, 0)
    assert _spans(project, rid) == [(0, 4, "cats")]


def test_replace_text_drops_segments_whose_text_vanished(
    project: Project, make_response: Callable[..., int]
) -> None:
    old = "我喜欢猫。我也喜欢狗，还有 👨‍👩‍👧 family。"
    rid = make_response(old)
    _code(project, rid, ["喜欢猫", "喜欢狗", "👨‍👩‍👧 family"], old)
    new = "我也喜欢狗。"  # shorter than the old offsets of the last segment
    with project.write() as s:
        change = replace_text(s, get_response(s, rid), new)
    assert (change.segments_moved, change.segments_dropped) == (1, 2)
    assert _spans(project, rid) == [(2, 5, "喜欢狗")]
    with project.read() as s:
        assert s.scalar(select(func.count(Segment.id))) == 1


def test_replace_text_updates_the_search_index(
    project: Project, make_response: Callable[..., int]
) -> None:
    rid = make_response("The unicorn answer about 面试")
    with project.write() as s:
        replace_text(s, get_response(s, rid), "The pegasus answer about 工作")
    with project.read() as s:
        assert search(s, "unicorn").total == 0
        assert search(s, "面试").total == 0
        assert search(s, "pegasus").response_ids == [rid]
        assert search(s, "工作").response_ids == [rid]

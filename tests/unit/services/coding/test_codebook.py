"""The codebook tree: add, rename, move, merge, delete, and what happens to segments."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from dotsdesk.errors import InvalidOperation, NotFound, StaleEdit
from dotsdesk.model import Code, Segment, segment_code
from dotsdesk.services.coding.codebook import (
    PALETTE,
    add_code,
    code_paths,
    delete_code,
    delete_impact,
    descendant_ids,
    ensure_code,
    find_code,
    get_code,
    list_codes,
    merge_code,
    move_code,
    rename_code,
    set_code_details,
    split_path,
)
from dotsdesk.services.coding.segments import code_span, segments_of
from dotsdesk.store import Project

TEXT = "Research 👩‍💻 vs engineering 🇨🇳: 面试 questions, cafe\u0301 chats, business impact."


def _names(project: Project) -> list[str]:
    with project.read() as s:
        return [c.path for c in list_codes(s)]


def _code_count(project: Project) -> int:
    with project.read() as s:
        return s.scalar(select(func.count(Code.id))) or 0


def _codes_of_segments(s: Session) -> dict[int, set[int]]:
    out: dict[int, set[int]] = {sid: set() for sid in s.scalars(select(Segment.id))}
    for sid, cid in s.execute(select(segment_code.c.segment_id, segment_code.c.code_id)):
        out[sid].add(cid)
    return out


@pytest.mark.parametrize("path", ["", "/", " // ", "a//b", "a/ /b"])
def test_split_path_refuses_empty_parts(path: str) -> None:
    with pytest.raises(InvalidOperation):
        split_path(path)


def test_split_path_strips() -> None:
    assert split_path(" /Theme / Business impact/ ") == ["Theme", "Business impact"]


def test_ensure_code_creates_missing_parents_once(project: Project) -> None:
    with project.write() as s:
        leaf = ensure_code(s, "Theme/Business impact/Revenue", colour="#123456")
        assert code_paths(s)[leaf.id] == "Theme/Business impact/Revenue"
        again = ensure_code(s, " Theme / Business impact / Revenue ")
        assert again.id == leaf.id
        sibling = ensure_code(s, "Theme/Business impact/Cost")
        assert sibling.parent_id == leaf.parent_id
        assert find_code(s, "Theme/Business impact").colour != "#123456"
        assert leaf.colour == "#123456"
    assert _code_count(project) == 4
    assert _names(project) == [
        "Theme",
        "Theme/Business impact",
        "Theme/Business impact/Revenue",
        "Theme/Business impact/Cost",
    ]


def test_same_name_under_different_parents(project: Project) -> None:
    with project.write() as s:
        a = ensure_code(s, "Role/Other")
        b = ensure_code(s, "Theme/Other")
        assert a.id != b.id
        assert find_code(s, "Theme/Other").id == b.id
        with pytest.raises(NotFound):
            find_code(s, "Other")
        with pytest.raises(NotFound):
            find_code(s, "Role/Other/Deeper")


def test_add_code_validates(project: Project) -> None:
    with project.write() as s:
        top = add_code(s, "Role")
        assert top.colour == PALETTE[0]
        with pytest.raises(InvalidOperation):
            add_code(s, "Role")
        with pytest.raises(InvalidOperation):
            add_code(s, " ")
        with pytest.raises(InvalidOperation):
            add_code(s, "A/B")
        with pytest.raises(NotFound):
            add_code(s, "Orphan", parent_id=999)
        child = add_code(s, " 研究 ", top.id, description="做研究的人")
        assert (child.name, child.parent_id, child.description) == ("研究", top.id, "做研究的人")


def test_rename(project: Project) -> None:
    with project.write() as s:
        a = ensure_code(s, "Role/Research")
        b = ensure_code(s, "Role/Engineering")
        other = ensure_code(s, "Theme/Hybrid")
        with pytest.raises(InvalidOperation, match="Research"):
            rename_code(s, b.id, "Research")
        with pytest.raises(InvalidOperation):
            rename_code(s, b.id, "Eng/ineering")
        rename_code(s, a.id, " Research ")  # its own name
        rename_code(s, other.id, "Research")  # same name, other parent
        rename_code(s, b.id, "Hybrid")
        with pytest.raises(NotFound):
            rename_code(s, 999, "x")
    assert _names(project) == ["Role", "Role/Research", "Role/Hybrid", "Theme", "Theme/Research"]


def test_set_code_details(project: Project) -> None:
    with project.write() as s:
        c = ensure_code(s, "Role", colour="#111111")
        set_code_details(s, c.id, description="what they do")
        set_code_details(s, c.id, colour="#222222")
        assert (c.colour, c.description) == ("#222222", "what they do")
        set_code_details(s, c.id, description="")
        assert c.description is None


def test_move_into_itself_or_own_descendant_is_refused(project: Project) -> None:
    with project.write() as s:
        top = ensure_code(s, "A")
        child = ensure_code(s, "A/B")
        grandchild = ensure_code(s, "A/B/C")
        for target in (top.id, child.id, grandchild.id):
            with pytest.raises(InvalidOperation):
                move_code(s, top.id, target)
        with pytest.raises(NotFound):
            move_code(s, top.id, 999)
    assert _names(project) == ["A", "A/B", "A/B/C"]


def test_move_refuses_a_name_clash(project: Project) -> None:
    with project.write() as s:
        ensure_code(s, "Role/Other")
        other = ensure_code(s, "Theme/Other")
        with pytest.raises(InvalidOperation, match="Other"):
            move_code(s, other.id, find_code(s, "Role").id)


def test_move_reorders_siblings(project: Project) -> None:
    with project.write() as s:
        ids = {n: add_code(s, n).id for n in "ABCD"}
        move_code(s, ids["D"], None, 0)
    assert _names(project) == ["D", "A", "B", "C"]
    with project.write() as s:
        move_code(s, ids["D"], None, 2)
    assert _names(project) == ["A", "B", "D", "C"]
    with project.write() as s:
        move_code(s, ids["A"], None, 99)  # clamped to the end
    assert _names(project) == ["B", "D", "C", "A"]
    with project.write() as s:
        move_code(s, ids["A"], None, -5)  # clamped to the start
    assert _names(project) == ["A", "B", "D", "C"]


def test_move_under_another_parent(project: Project) -> None:
    with project.write() as s:
        role = ensure_code(s, "Role")
        ensure_code(s, "Role/Research")
        ensure_code(s, "Role/Engineering")
        hybrid = ensure_code(s, "Hybrid")
        child = ensure_code(s, "Hybrid/Both")
        move_code(s, hybrid.id, role.id, 1)
        assert code_paths(s)[child.id] == "Role/Hybrid/Both"
    assert _names(project) == [
        "Role",
        "Role/Research",
        "Role/Hybrid",
        "Role/Hybrid/Both",
        "Role/Engineering",
    ]
    with project.write() as s:
        move_code(s, hybrid.id, None)  # back to the top level, at the end
    assert _names(project) == ["Role", "Role/Research", "Role/Engineering", "Hybrid", "Hybrid/Both"]


def test_a_new_code_goes_after_its_siblings_even_after_others_left(project: Project) -> None:
    with project.write() as s:
        ids = {n: add_code(s, n).id for n in "ABCD"}
        elsewhere = add_code(s, "Z")
        move_code(s, ids["A"], elsewhere.id)
        move_code(s, ids["B"], elsewhere.id)
        add_code(s, "E")
    assert [p for p in _names(project) if "/" not in p] == ["C", "D", "Z", "E"]


def test_a_new_code_goes_last_after_a_delete(project: Project) -> None:
    with project.write() as s:
        ids = {n: add_code(s, n).id for n in "ABCD"}
        delete_code(s, ids["A"])
        delete_code(s, ids["B"])
        add_code(s, "E")
    assert _names(project) == ["C", "D", "E"]


# -- segments: a small coded project ----------------------------------------------------


@pytest.fixture
def coded(project: Project, make_response: Callable[..., int]) -> dict[str, int]:
    """Responses of two respondents coded with a small tree. Returns names -> ids."""
    r1a = make_response(TEXT, key="p1")
    r1b = make_response("第二个回答：面试很难 🇨🇳", key="p1")
    r2 = make_response(TEXT, key="p2")
    ids: dict[str, int] = {"r1a": r1a, "r1b": r1b, "r2": r2}
    with project.write() as s:
        for path in ["A", "A/a1", "A/a2", "B", "B/a1", "C"]:
            ids[path] = ensure_code(s, path).id

        def seg(name: str, rid: int, piece: str, text: str, codes: list[str]) -> None:
            start = text.index(piece)
            segment = code_span(s, rid, start, start + len(piece), [ids[c] for c in codes])
            ids[name] = segment.id

        seg("s_A", r1a, "Research 👩‍💻", TEXT, ["A"])
        seg("s_A_C", r1a, "engineering 🇨🇳", TEXT, ["A", "C"])
        seg("s_A_B", r1b, "面试很难", "第二个回答：面试很难 🇨🇳", ["A", "B"])
        seg("s_a1", r2, "面试", TEXT, ["A/a1"])
        seg("s_a1_A", r2, "cafe\u0301", TEXT, ["A/a1", "A"])
        seg("s_Ba1", r2, "business impact", TEXT, ["B/a1"])
        seg("s_Ba1_a1", r1a, "questions", TEXT, ["B/a1", "A/a1"])
        seg("s_C", r2, "Research", TEXT, ["C"])
    return ids


def test_list_codes_counts_segments_and_respondents(
    project: Project, coded: dict[str, int]
) -> None:
    with project.read() as s:
        info = {c.path: c for c in list_codes(s)}
    assert [p for p in info] == ["A", "A/a1", "A/a2", "B", "B/a1", "C"]
    counts = {p: (c.segments, c.respondents) for p, c in info.items()}
    assert counts == {
        "A": (4, 2),  # s_A, s_A_C, s_A_B (p1) and s_a1_A (p2)
        "A/a1": (3, 2),
        "A/a2": (0, 0),
        "B": (1, 1),
        "B/a1": (2, 2),
        "C": (2, 2),
    }
    assert info["A/a1"].parent_id == info["A"].id
    assert info["A"].parent_id is None


def test_code_paths(project: Project, coded: dict[str, int]) -> None:
    with project.read() as s:
        paths = code_paths(s)
    assert {paths[coded[p]] for p in ["A", "A/a1", "A/a2", "B", "B/a1", "C"]} == {
        "A",
        "A/a1",
        "A/a2",
        "B",
        "B/a1",
        "C",
    }
    assert paths[coded["B/a1"]] == "B/a1"
    assert len(paths) == 6


def test_descendants(project: Project, coded: dict[str, int]) -> None:
    with project.read() as s:
        assert sorted(descendant_ids(s, coded["A"])) == sorted(
            [coded["A"], coded["A/a1"], coded["A/a2"]]
        )
        assert descendant_ids(s, coded["C"]) == [coded["C"]]


def test_delete_impact_matches_what_delete_does(project: Project, coded: dict[str, int]) -> None:
    with project.read() as s:
        before = _codes_of_segments(s)
        impact = delete_impact(s, coded["A"])
    # A and its children: s_A, s_a1, s_a1_A have nothing else; s_A_C, s_A_B, s_Ba1_a1 keep codes.
    assert (impact.codes, impact.segments_deleted, impact.segments_uncoded) == (3, 3, 3)
    assert "3 codes" in impact.describe()
    with project.write() as s:
        done = delete_code(s, coded["A"])
    assert done == impact
    with project.read() as s:
        after = _codes_of_segments(s)
        assert code_paths(s).keys() == {coded["B"], coded["B/a1"], coded["C"]}
    gone = {coded[n] for n in ["s_A", "s_a1", "s_a1_A"]}
    assert set(after) == set(before) - gone
    assert after[coded["s_A_C"]] == {coded["C"]}
    assert after[coded["s_A_B"]] == {coded["B"]}
    assert after[coded["s_Ba1_a1"]] == {coded["B/a1"]}
    assert after[coded["s_Ba1"]] == before[coded["s_Ba1"]]
    assert all(after.values())  # no segment is left without a code


def test_delete_a_leaf_code(project: Project, coded: dict[str, int]) -> None:
    with project.read() as s:
        impact = delete_impact(s, coded["C"])
    assert (impact.codes, impact.segments_deleted, impact.segments_uncoded) == (1, 1, 1)
    assert impact.describe().startswith("1 code;")
    with project.write() as s:
        assert delete_code(s, coded["C"]) == impact
        assert _codes_of_segments(s)[coded["s_A_C"]] == {coded["A"]}
        assert s.get(Segment, coded["s_C"]) is None
        with pytest.raises(NotFound):
            get_code(s, coded["C"])
        with pytest.raises(NotFound):
            delete_impact(s, coded["C"])


def test_delete_an_unused_code(project: Project, coded: dict[str, int]) -> None:
    with project.write() as s:
        impact = delete_code(s, coded["A/a2"])
    assert (impact.codes, impact.segments_deleted, impact.segments_uncoded) == (1, 0, 0)
    assert impact.describe() == "1 code"


def test_merge_moves_segments_and_deduplicates(project: Project, coded: dict[str, int]) -> None:
    with project.write() as s:
        report = merge_code(s, coded["C"], coded["A"])
    # s_A_C already had A; s_C moves.
    assert (report.segments_moved, report.segments_already_coded) == (1, 1)
    with project.read() as s:
        links = _codes_of_segments(s)
        assert coded["C"] not in code_paths(s)
        assert links[coded["s_A_C"]] == {coded["A"]}
        assert links[coded["s_C"]] == {coded["A"]}
        assert {c.path: c.segments for c in list_codes(s)}["A"] == 5
        assert s.scalar(select(func.count()).select_from(segment_code)) == sum(
            len(v) for v in links.values()
        )


def test_merge_merges_same_named_children(project: Project, coded: dict[str, int]) -> None:
    with project.write() as s:
        only_in_b = ensure_code(s, "B/b-only").id
        report = merge_code(s, coded["B"], coded["A"])
    assert (report.segments_moved, report.segments_already_coded) == (0, 1)  # s_A_B
    with project.read() as s:
        paths = code_paths(s)
        assert sorted(paths.values()) == ["A", "A/a1", "A/a2", "A/b-only", "C"]
        assert paths[only_in_b] == "A/b-only"
        assert paths[coded["A/a1"]] == "A/a1"  # the target's child survives
        links = _codes_of_segments(s)
    assert links[coded["s_Ba1"]] == {coded["A/a1"]}
    assert links[coded["s_Ba1_a1"]] == {coded["A/a1"]}  # de-duplicated
    assert links[coded["s_A_B"]] == {coded["A"]}
    assert all(links.values())


def test_merge_into_own_parent(project: Project, coded: dict[str, int]) -> None:
    with project.write() as s:
        merge_code(s, coded["A/a1"], coded["A"])
    with project.read() as s:
        links = _codes_of_segments(s)
        assert sorted(code_paths(s).values()) == ["A", "A/a2", "B", "B/a1", "C"]
    assert links[coded["s_a1"]] == {coded["A"]}
    assert links[coded["s_Ba1_a1"]] == {coded["B/a1"], coded["A"]}


def test_merge_into_parent_with_a_grandchild_of_the_same_name(
    project: Project, make_response: Callable[..., int]
) -> None:
    """Merging "Theme/Impact" into "Theme" when it has a child "Theme/Impact/Impact"."""
    rid = make_response("impact on revenue, impact on hiring")
    with project.write() as s:
        theme = ensure_code(s, "Theme").id
        impact = ensure_code(s, "Theme/Impact").id
        inner = ensure_code(s, "Theme/Impact/Impact").id
        outer_seg = code_span(s, rid, 0, 6, [impact]).id
        inner_seg = code_span(s, rid, 21, 27, [inner]).id
    with project.write() as s:
        merge_code(s, impact, theme)
    with project.read() as s:
        assert code_paths(s) == {theme: "Theme", inner: "Theme/Impact"}
        links = _codes_of_segments(s)
    assert links == {outer_seg: {theme}, inner_seg: {inner}}


def test_merge_refusals(project: Project, coded: dict[str, int]) -> None:
    with project.write() as s:
        with pytest.raises(InvalidOperation):
            merge_code(s, coded["A"], coded["A"])
        with pytest.raises(InvalidOperation):
            merge_code(s, coded["A"], coded["A/a1"])
        with pytest.raises(NotFound):
            merge_code(s, coded["A"], 999)
    with project.read() as s:
        assert len(code_paths(s)) == 6


def test_segments_keep_their_text_through_codebook_edits(
    project: Project, coded: dict[str, int]
) -> None:
    with project.write() as s:
        move_code(s, coded["C"], coded["B"])
        rename_code(s, coded["C"], "See")
        merge_code(s, coded["B/a1"], coded["A/a1"])
    with project.read() as s:
        texts = {v.id: v.text for rid in ("r1a", "r2") for v in segments_of(s, coded[rid])}
    assert texts[coded["s_A"]] == "Research 👩‍💻"
    assert texts[coded["s_a1_A"]] == "cafe\u0301"


def test_renaming_a_code_a_colleague_renamed_meanwhile_is_refused(project: Project) -> None:
    with project.write() as s:
        code = ensure_code(s, "Theme/面试").id
    with project.write() as s:
        rename_code(s, code, "Interviews", expected="面试")  # the colleague's
    refused = pytest.raises(StaleEdit, match="a colleague renamed '面试' to 'Interviews'")
    with refused, project.write() as s:
        rename_code(s, code, "Job talks", expected="面试")
    with project.read() as s:
        assert get_code(s, code).name == "Interviews"

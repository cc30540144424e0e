"""Parents' counts with all their sub-codes, as the codebook shows them ("3 · 12")."""

from __future__ import annotations

from dotsdesk.store.project import Project


def test_parents_count_their_subtree_once(project: Project, make_response) -> None:  # type: ignore[no-untyped-def]
    """A parent's total counts a segment coded with it and a sub-code (or two sub-codes)
    once, and a respondent with several such segments once."""
    from dotsdesk.services.coding.codebook import ensure_code, list_codes
    from dotsdesk.services.coding.segments import code_span

    first = make_response("研究 and research 🙂 cafe\u0301", key="P1")
    second = make_response("Engineering 工程", key="P1")
    third = make_response("Other 其他", key="P2")
    with project.write() as s:
        role = ensure_code(s, "Role").id
        research = ensure_code(s, "Role/Research").id
        deep = ensure_code(s, "Role/Research/Deep").id
        engineering = ensure_code(s, "Role/Engineering").id
        theme = ensure_code(s, "Theme").id
        code_span(s, first, 0, 2, [role, research], coder="t")
        code_span(s, first, 7, 15, [research, deep], coder="t")
        code_span(s, second, 0, 11, [engineering], coder="t")
        code_span(s, third, 0, 5, [theme], coder="t")
    with project.read() as s:
        infos = {c.path: c for c in list_codes(s)}
    assert infos["Role"].subtree == (3, 1)
    assert (infos["Role"].segments, infos["Role"].respondents) == (1, 1)
    assert infos["Role/Research"].subtree == (2, 1)
    assert infos["Role/Research/Deep"].subtree is None
    assert infos["Theme"].subtree is None  # no sub-codes: no total

"""The Sets and Memos lists in the real window, as a researcher meets them: make a set from
rows picked in the browser and from the current filter, show a set in the browser, tick it
in the filter menu, rename and delete it (one undo step each); write, find, edit, follow and
delete memos. Checked against the database after each step."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QMenu

from dotsdesk.model import SetKind
from dotsdesk.services.coding.codebook import find_code
from dotsdesk.services.coding.memos import MemoKind, MemoOn, list_memos, set_memo
from dotsdesk.services.coding.segments import code_span
from dotsdesk.services.corpus.sets import list_sets, member_ids
from dotsdesk.ui.main_window import MainWindow

NAME = "问卷 first three 🙂"


@pytest.fixture
def window(  # type: ignore[no-untyped-def]
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sample_path: Path
) -> Iterator[MainWindow]:
    monkeypatch.setenv("DOTSDESK_SETTINGS", str(tmp_path / "settings.ini"))
    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    assert w.open_project(sample_path)
    yield w
    w.close()


def _sets(window: MainWindow) -> dict[str, list[int]]:
    with window.ctx.read() as s:
        return {x.name: member_ids(s, x.id) for x in list_sets(s)}


def _pick_rows(window: MainWindow, rows: list[int]) -> list[int]:
    table = window.browser.table
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    table.selectionModel().clearSelection()
    for row in rows:
        table.selectionModel().select(table.response_model.index(row, 0), flags)
    return [table.response_model.response_id(r) for r in rows]  # type: ignore[misc]


def _menu_texts(menu: QMenu) -> list[str]:
    return [a.text() for a in menu.actions() if not a.isSeparator()]


def test_a_set_from_picked_rows_then_shown_renamed_and_deleted(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    browser, panel = window.browser, window.set_memo_docks.sets
    picked = _pick_rows(window, [0, 1, 2])
    assert browser.table.selected_response_ids() == picked
    menu = QMenu()
    browser.set_menu.fill(menu)
    assert _menu_texts(menu) == [
        "Add selected to set",
        "New set from selection…",
        "New set from the current filter…",
    ]
    dialog = browser.set_menu.new_from_selection()
    assert dialog is not None and dialog.isVisible()
    dialog.name.setText(NAME)
    dialog.answers.setChecked(True)
    dialog.accept()
    assert _sets(window) == {NAME: sorted(picked)}
    assert [x.name for x in panel.model.sets] == [NAME]
    assert panel.model.data(panel.model.index(0, 1)) == "3 responses"
    # Shown in the browser: exactly its responses, the filter button says so.
    panel.select_set(panel.model.sets[0].id)
    panel.show_action.trigger()
    assert sorted(browser.model.ids()) == sorted(picked)
    assert browser.filter_button.text() == "Filters (1)"
    assert f"in set: {NAME}" in browser.filter_button.toolTip()
    window.docks["analysisPanel"].show()
    window.docks["analysisPanel"].raise_()
    window.analysis.refresh()  # the analysis counts over the browser's filter: the set
    assert window.analysis.choices().population.response_ids == frozenset(picked)
    assert f"in set: {NAME}" in window.analysis.population_label.text()
    browser.clear_filters()
    # Ticked in the filter menu instead.
    browser.filter_menu.rebuild()
    sets_menu = browser.filter_menu.findChild(QMenu, "browserFilterSets")
    (entry,) = [a for a in sets_menu.actions() if a.data() == ("set", panel.model.sets[0].id)]
    assert entry.text() == f"{NAME}  (3)"
    entry.trigger()
    assert sorted(browser.model.ids()) == sorted(picked)
    browser.clear_filters()
    # Renamed in place (F2 edits the name; the model hands it to the rename), one undo step.
    set_id = panel.model.sets[0].id
    panel.model.setData(panel.model.index(0, 0), "Survey sample")
    qtbot.waitUntil(lambda: "Survey sample" in _sets(window))
    assert [x.name for x in panel.model.sets] == ["Survey sample"]
    window.ctx.undo_stack.undo()
    assert list(_sets(window)) == [NAME]
    panel.select_set(set_id)
    assert panel.delete_current()
    assert _sets(window) == {} and panel.empty.isVisible()
    window.ctx.undo_stack.undo()
    assert _sets(window) == {NAME: sorted(picked)}
    assert [x.name for x in panel.model.sets] == [NAME]


def test_a_set_from_the_filter_and_adding_to_it(window: MainWindow) -> None:
    browser = window.browser
    from dataclasses import replace

    browser.set_query(replace(browser.query(), search="production"))
    listed = browser.model.ids()
    assert 0 < len(listed) < 40
    dialog = browser.set_menu.new_from_filter()
    assert dialog is not None
    assert dialog.name.text() == "search: production"
    dialog.name.setText("Production people")
    assert dialog.people.isChecked()  # respondents by default, with all their answers
    dialog.accept()
    with window.ctx.read() as s:
        (made,) = list_sets(s)
        assert made.kind is SetKind.RESPONDENTS and made.origin.value == "filter"
        assert made.description and "production" in made.description
    browser.clear_filters()
    extra = _pick_rows(window, [len(browser.model.ids()) - 1])
    menu = QMenu()
    browser.set_menu.fill(menu)
    add = next(a.menu() for a in menu.actions() if a.text() == "Add selected to set")
    assert _menu_texts(add) == ["Production people", "New set…"]
    before = len(_sets(window)["Production people"])
    add.actions()[0].trigger()
    assert len(_sets(window)["Production people"]) in (before, before + 1)
    with window.ctx.read() as s:
        from dotsdesk.services.corpus.sets import respondents_of_responses

        assert set(respondents_of_responses(s, extra)) <= set(_sets(window)["Production people"])


def test_the_memo_list_writes_finds_follows_and_deletes(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    ctx, memos = window.ctx, window.set_memo_docks.memos
    with ctx.read() as s:
        research = find_code(s, "Role/Research").id
        first = window.browser.model.ids()[0]

    def write(s):  # type: ignore[no-untyped-def]
        set_memo(s, MemoOn.CODE, research, "Researchers: papers, not pipelines")
        seg = code_span(s, first, 0, 3, [research], coder="ana").id
        set_memo(s, MemoOn.SEGMENT, seg, "短 but telling 🙂")
        return seg

    segment_id = ctx.run("memos", write)
    assert segment_id is not None

    def listed() -> set[str]:
        return {m.text for m in memos.model.memos}

    assert "短 but telling 🙂" not in listed()  # behind the codebook's tab: not read yet
    window.docks["memoList"].raise_()
    qtbot.waitUntil(lambda: "短 but telling 🙂" in listed())
    kinds = [m.kind for m in memos.model.memos]
    assert MemoKind.CODE in kinds and MemoKind.SEGMENT in kinds
    # A new project memo, one undo step.
    dialog = memos.new_project_memo()
    assert dialog is not None and dialog.isVisible()
    dialog.editor.setPlainText("项目: interview the hybrids next")
    dialog.accept()
    current = memos.current()
    assert current is not None and current.kind is MemoKind.PROJECT
    assert memos.model.data(memos.model.index(0, 0)) == "Project"
    # Searching finds Chinese and English, case folded; the kind box narrows.
    memos.search_field.setText("项目")
    memos.apply_search()
    assert [m.kind for m in memos.model.memos] == [MemoKind.PROJECT]
    memos.search_field.setText("PIPELINES")
    memos.apply_search()
    assert [m.kind for m in memos.model.memos] == [MemoKind.CODE]
    memos.search_field.setText("")
    memos.kind_box.setCurrentIndex(memos.kind_box.findData("segment"))
    assert {m.kind for m in memos.model.memos} == {MemoKind.SEGMENT}
    # Double-click a segment memo: the coding view shows that response.
    row = memos.model.row_of(MemoKind.SEGMENT, segment_id)
    assert row is not None
    memos.view.selectRow(row)
    memos.view.doubleClicked.emit(memos.model.index(row, 0))
    shown = window.coding.shown
    assert shown is not None and shown.id == first
    assert window.coding.view.textCursor().hasSelection()  # the memo's segment, selected
    # A code memo: the codebook selects the code.
    memos.kind_box.setCurrentIndex(memos.kind_box.findData("code"))
    memos.view.selectRow(memos.model.row_of(MemoKind.CODE, memos.model.memos[0].key) or 0)
    memos.go_to_current()
    selected = window.codebook.selected_code()
    assert selected is not None and selected.id == research
    # Edit then delete the project memo; each is one undo step.
    memos.kind_box.setCurrentIndex(0)
    assert memos.select(MemoKind.PROJECT, current.key)
    dialog = memos.edit_current()
    assert dialog is not None
    dialog.editor.setPlainText("项目: interview the hybrids first")
    dialog.accept()
    memos.flush_refresh()
    with ctx.read() as s:
        assert "项目: interview the hybrids first" in [m.text for m in list_memos(s)]
    assert memos.select(MemoKind.PROJECT, current.key) and memos.delete_current()
    memos.flush_refresh()
    assert memos.model.row_of(MemoKind.PROJECT, current.key) is None
    with ctx.read() as s:
        assert not [m for m in list_memos(s) if m.kind is MemoKind.PROJECT]
    ctx.undo_stack.undo()
    ctx.undo_stack.undo()
    with ctx.read() as s:
        assert "项目: interview the hybrids next" in [m.text for m in list_memos(s)]


def test_a_set_becomes_the_open_posts_population(window: MainWindow) -> None:
    from dotsdesk.services.composer.population import get_population
    from dotsdesk.services.composer.posts import list_posts

    docks = window.set_memo_docks
    window.composer.show_post(None)
    assert docks.use_for_post(1) is None  # no post open: said on the status line
    _pick_rows(window, [0, 1])
    dialog = window.browser.set_menu.new_from_selection()
    assert dialog is not None
    dialog.name.setText("两位 pilot respondents")
    dialog.accept()
    with window.ctx.read() as s:
        post_id = list_posts(s)[0].id
        (made,) = list_sets(s)
    window.composer.show_post(post_id)
    docks.sets.select_set(made.id)
    docks.sets.population_action.trigger()
    with window.ctx.read() as s:
        population = get_population(s, post_id)
    assert (population.name, population.size) == ("两位 pilot respondents", made.members)
    window.ctx.undo_stack.undo()
    with window.ctx.read() as s:
        assert get_population(s, post_id).name != "两位 pilot respondents"


def test_the_browser_follows_changes_to_the_set_it_shows(window: MainWindow) -> None:
    browser, panel = window.browser, window.set_memo_docks.sets
    picked = _pick_rows(window, [0])
    dialog = browser.set_menu.new_from_selection()
    assert dialog is not None
    dialog.name.setText("one")
    dialog.answers.setChecked(True)
    dialog.accept()
    set_id = panel.model.sets[0].id
    panel.select_set(set_id)
    panel.show_action.trigger()
    assert browser.model.ids() == picked
    with window.ctx.read() as s:
        from dotsdesk.services.browser.query import BrowseQuery, matching_ids

        everything = matching_ids(s, BrowseQuery())
    window.browser.set_menu.add_to(set_id, "one")  # the selection is still the first row
    extra = [everything[5]]
    from dotsdesk.ui.sets import actions

    actions.add_to_set(window.ctx, set_id, "one", extra)
    browser.flush_refresh()
    assert browser.model.ids() == sorted(picked + extra)
    assert panel.delete_current()
    browser.flush_refresh()
    assert not browser.query().sets and len(browser.model.ids()) == len(everything)
